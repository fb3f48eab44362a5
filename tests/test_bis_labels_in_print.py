"""In the PDF, the label of a paragraph or subparagraph inserted in the room ("2 bis.", Arabic "2 bis -", "(ب) bis")
stays on one line, and the text starts after it, not over it, in every language."""

import pytest
from weasyprint.formatting_structure import boxes

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import source_of
from languages import REPORT_LANGUAGES
from meetings.models import Meeting
from meetings.models.documents import Document
from report.builder import build_draft_parts
from report.renderers.pdf import laid_out
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    RecommendationFactory,
    SummaryParagraphFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def part():
    meeting = MeetingFactory()
    part = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.2", kind=Document.Kind.DRAFT_REPORT)
    discussion = DiscussionFactory(meeting=meeting)
    first = SummaryParagraphFactory(discussion=discussion, order=1, text="Participants noted the report.")
    RecommendationFactory(discussion=discussion, order=1, text="Strengthen cooperation")
    b = RecommendationFactory(discussion=discussion, order=2, text="Share data")
    chile = ParticipationFactory(meeting=meeting, state__name="Chile")
    # Three after the paragraph (up to "1 quater.", the longest label), one after (b).
    for record, times in ((first, 3), (b, 1)):
        for _time in range(times):
            amendment = actions.propose(
                part=part,
                source=source_of(record),
                language="en",
                text="Participants also discussed financing and the programme of work for the coming year",
                proposer=OralAmendment.Proposer.DELEGATION,
                delegation=chile,
                inserts_after=True,
            )
            actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)
    return meeting, part.symbol


def descendants(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from descendants(child)


def labels(document):
    """(label box, the line box it stands in) for each paragraph's number and subparagraph's letter."""
    for page in document.pages:
        for line in descendants(page._page_box):
            if not isinstance(line, boxes.LineBox):
                continue
            for box in line.children:
                classes = (box.element.get("class") or "").split() if box.element is not None else []
                if isinstance(box, boxes.InlineBlockBox) and {"number", "label"} & set(classes):
                    yield box, line


@pytest.mark.parametrize("language", REPORT_LANGUAGES)
def test_an_inserted_paragraphs_label_stays_on_one_line_before_its_text(part, language):
    meeting, symbol = part
    draft = build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), language)[symbol]
    found = list(labels(laid_out(draft)))
    texts = {"".join(b.text for b in descendants(box) if isinstance(b, boxes.TextBox)) for box, _line in found}
    assert any("quater" in text for text in texts) and any("bis" in text for text in texts)
    for box, line in found:
        lines = [b for b in descendants(box) if isinstance(b, boxes.LineBox)]
        assert len(lines) == 1, [b.text for b in descendants(box) if isinstance(b, boxes.TextBox)]
        start, end = box.position_x, box.position_x + box.margin_width()
        for other in line.children:
            if other is box or not other.margin_width():
                continue
            other_start, other_end = other.position_x, other.position_x + other.margin_width()
            assert other_end <= start + 0.01 or other_start >= end - 0.01, "the text runs over the label"
