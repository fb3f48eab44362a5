"""A paragraph inserted in the room reads "N bis" after the paragraph before it; when the split into parts makes it
the first paragraph of its part (the paragraph it followed was deleted since, and the previous section went to
another part), nothing comes before it there: it is that part's next number, its label and anchor agree, and they
are the same in all six languages."""

import pytest

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import source_of
from languages import REPORT_LANGUAGES
from meetings.models import Meeting
from meetings.models.documents import Document, ReportPartAssignment
from report.builder import build_draft_parts, build_report
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    SummaryParagraphFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

INSERTED = "Participants also discussed financing."


@pytest.fixture
def split():
    """Two topics; the second in L.2/Add.1. The room inserts a paragraph after the second topic's first
    paragraph, and that paragraph is deleted afterwards: the inserted one opens the addendum."""
    meeting = MeetingFactory()
    first_part = DocumentFactory(
        meeting=meeting, symbol=f"{meeting.series}/L.2", kind=Document.Kind.DRAFT_REPORT, order=1
    )
    addendum = DocumentFactory(
        meeting=meeting, symbol=f"{meeting.series}/L.2/Add.1", kind=Document.Kind.DRAFT_REPORT, order=2
    )
    one = DiscussionFactory(meeting=meeting, topic=TopicFactory(congress=meeting.congress, order=1))
    two = DiscussionFactory(meeting=meeting, topic=TopicFactory(congress=meeting.congress, order=2))
    SummaryParagraphFactory(discussion=one, order=1, text="Participants noted the report.")
    opening = SummaryParagraphFactory(discussion=two, order=1, text="Participants thanked the host.")
    SummaryParagraphFactory(discussion=two, order=2, text="Participants closed the item.")
    ReportPartAssignment.objects.create(meeting=meeting, section=f"topic-{two.topic_id}", part=addendum)
    chile = ParticipationFactory(meeting=meeting, state__name="Chile")
    amendment = actions.propose(
        part=first_part,
        source=source_of(opening),
        language="en",
        text=INSERTED,
        proposer=OralAmendment.Proposer.DELEGATION,
        delegation=chile,
        inserts_after=True,
    )
    actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)
    opening.delete()
    return meeting, addendum


def loaded(meeting):
    return Meeting.objects.for_report().get(pk=meeting.pk)


def test_an_inserted_paragraph_that_opens_a_part_takes_the_parts_next_number(split):
    meeting, addendum = split
    # In the whole draft it follows the first topic's paragraph: "N bis".
    whole = [p for p in build_report(loaded(meeting), "en", draft=True).paragraphs() if p.bis]
    assert [p.anchor for p in whole] == [f"para-{whole[0].number}-bis"]

    parts = build_draft_parts(loaded(meeting), "en")
    opening = next(parts[addendum.symbol].paragraphs())
    assert (opening.label, opening.anchor, opening.bis) == ("1.", "para-1", 0)
    assert [p.label for p in parts[addendum.symbol].paragraphs()] == ["1.", "2."]


def test_the_parts_anchors_are_the_same_in_every_language(split):
    meeting, _addendum = split
    skeletons = {}
    for language in REPORT_LANGUAGES:
        parts = build_draft_parts(loaded(meeting), language)
        skeletons[language] = {
            symbol: [(p.number, p.bis, p.anchor) for p in part.paragraphs()] for symbol, part in parts.items()
        }
        for part in parts.values():
            for paragraph in part.paragraphs():
                # The label says the number the anchor names, and "bis" exactly when the anchor does.
                assert str(paragraph.number) in paragraph.label
                assert ("bis" in paragraph.label) == ("bis" in paragraph.anchor)
    assert all(skeleton == skeletons["en"] for skeleton in skeletons.values())
