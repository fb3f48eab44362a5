"""Oral amendments in the room: an agreed one changes the paragraph at once (with history), a decision taken on
an older version is refused, an amendment to an amendment changes the amendment, an inserted paragraph is "bis"
until the report is adopted, and chapter IV says "as orally revised" only when something was agreed."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from adoption import actions
from adoption.models import OralAmendment, ParagraphOutcome
from adoption.records import source_of
from adoption.tracked import DELETED, INSERTED, reads_as, tracked_words
from meetings.models import Meeting
from report.builder import build_draft_parts, build_report
from report.document import plain_text
from report.language_versions import texts_of
from report.renderers import RENDERERS
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    SessionFactory,
    SummaryParagraphFactory,
)

pytestmark = pytest.mark.django_db

ISSUED = "Participants noted the report of the secretariat."


@pytest.fixture
def room():
    meeting = MeetingFactory()
    part = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.2", kind="draft_report", title="Draft")
    discussion = DiscussionFactory(meeting=meeting)
    first = SummaryParagraphFactory(discussion=discussion, order=1, text=ISSUED)
    second = SummaryParagraphFactory(discussion=discussion, order=2, text="Participants thanked the host.")
    chile = ParticipationFactory(meeting=meeting, state__name="Chile")
    return meeting, part, first, second, chile


def proposal(part, paragraph, text, delegation, **kwargs):
    return actions.propose(
        part=part,
        source=source_of(paragraph),
        language="en",
        text=text,
        proposer=OralAmendment.Proposer.DELEGATION,
        delegation=delegation,
        **kwargs,
    )


def agree(amendment):
    return actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)


def loaded(meeting):
    return Meeting.objects.for_report().get(pk=meeting.pk)


def test_an_agreed_amendment_changes_the_paragraph_at_once_and_keeps_its_history(room):
    meeting, part, first, _second, chile = room
    amendment = proposal(part, first, "Participants welcomed the report of the secretariat.", chile)
    assert amendment.issued_text == ISSUED
    first.refresh_from_db()
    assert first.text_en == ISSUED  # proposed only

    agree(amendment)
    first.refresh_from_db()
    assert first.text_en == "Participants welcomed the report of the secretariat."
    assert [record.text_en for record in first.history.order_by("history_date")][-2:] == [
        ISSUED,
        "Participants welcomed the report of the secretariat.",
    ]


def test_a_decision_on_an_amendment_changed_meanwhile_is_refused_and_nothing_is_lost(room):
    _meeting, part, first, _second, chile = room
    amendment = proposal(part, first, "Participants welcomed the report.", chile)
    opened = amendment.version
    actions.decide(amendment=amendment, status=OralAmendment.Status.BRACKETED, version=opened)
    with pytest.raises(ValidationError, match="changed meanwhile"):
        actions.decide(amendment=amendment, status=OralAmendment.Status.WITHDRAWN, version=opened)
    amendment.refresh_from_db()
    assert amendment.status == OralAmendment.Status.BRACKETED


def test_an_amendment_made_against_a_text_agreed_since_is_refused(room):
    _meeting, part, first, _second, chile = room
    one = proposal(part, first, "Participants welcomed the report.", chile)
    two = proposal(part, first, "Participants took note of the report.", chile)
    agree(one)
    with pytest.raises(ValidationError, match="text changed since"):
        agree(two)
    first.refresh_from_db()
    assert first.text_en == "Participants welcomed the report."
    assert OralAmendment.objects.get(pk=two.pk).status == OralAmendment.Status.PROPOSED


def test_an_amendment_to_an_amendment_changes_the_amendment_then_the_paragraph(room):
    _meeting, part, first, _second, chile = room
    amendment = proposal(part, first, "Participants welcomed the report.", chile)
    sub = actions.propose(
        part=part,
        source=amendment.source,
        language="en",
        text="Participants warmly welcomed the report.",
        proposer=OralAmendment.Proposer.CHAIR,
        parent=amendment,
    )
    assert sub.issued_text == "Participants welcomed the report."
    agree(sub)
    amendment.refresh_from_db()
    assert amendment.proposed_text == "Participants warmly welcomed the report."
    agree(amendment)
    first.refresh_from_db()
    assert first.text_en == "Participants warmly welcomed the report."


def test_an_inserted_paragraph_is_bis_until_the_report_is_adopted(room):
    meeting, part, first, _second, chile = room
    insertion = proposal(part, first, "Participants also discussed financing.", chile, inserts_after=True)
    agree(insertion)
    insertion.refresh_from_db()
    assert insertion.inserted

    (draft,) = build_draft_parts(loaded(meeting), "en").values()
    labels = {plain_text(p.content): (p.label, p.anchor) for p in draft.paragraphs()}
    assert labels["Participants also discussed financing."] == ("1 bis.", "para-1-bis")
    assert labels["Participants thanked the host."] == ("2.", "para-2")
    # The Word file of the part shows the whole paragraph as inserted by the delegation.
    inserted = next(p for p in draft.paragraphs() if p.bis)
    assert [(change.state, change.author) for change in inserted.changes] == [(INSERTED, "Chile")]

    meeting.report_status = Meeting.ReportStatus.ADOPTED
    meeting.save()
    numbers = [p.label for p in build_report(loaded(meeting), "en").paragraphs()]
    assert "1 bis." not in numbers
    assert numbers[:3] == ["1.", "2.", "3."]


def test_a_draft_part_carries_the_agreed_changes_by_delegation_in_the_language_spoken(room):
    meeting, part, first, _second, chile = room
    agree(proposal(part, first, "Participants welcomed the report of the secretariat.", chile))
    (draft,) = build_draft_parts(loaded(meeting), "en").values()
    paragraph = next(p for p in draft.paragraphs() if p.source == source_of(first))
    assert [(c.text, c.state, c.author) for c in paragraph.changes if c.state != "kept"] == [
        ("noted ", DELETED, "Chile"),
        ("welcomed ", INSERTED, "Chile"),
    ]
    (french,) = build_draft_parts(loaded(meeting), "fr").values()
    assert not any(p.changes for p in french.paragraphs())
    # The report itself reads as revised, without marks.
    final = build_report(loaded(meeting), "en")
    assert not any(p.changes for p in final.paragraphs())


def adopted_sentence(meeting):
    if meeting.report_adopted_at is None:
        meeting.report_adopted_at = SessionFactory(meeting=meeting, number=4, date=meeting.end_date)
        meeting.save()
    return plain_text(build_report(loaded(meeting), "en").chapters[-1].children[0].content)


def test_chapter_four_says_as_orally_revised_only_when_an_amendment_was_agreed(room):
    meeting, part, first, _second, chile = room
    withdrawn = proposal(part, first, "Participants welcomed the report.", chile)
    actions.decide(amendment=withdrawn, status=OralAmendment.Status.WITHDRAWN, version=withdrawn.version)
    assert adopted_sentence(meeting).endswith(f"adopted its report ({part.symbol}).")

    agree(proposal(part, first, "Participants welcomed the report.", chile))
    assert adopted_sentence(meeting).endswith(f"adopted its report ({part.symbol}), as orally revised.")


def test_a_part_is_adopted_when_each_of_its_paragraphs_is(room):
    _meeting, part, first, second, _chile = room
    sources = [source_of(first), source_of(second)]
    reading = actions.mark(part=part, source=sources[0], outcome=ParagraphOutcome.Outcome.REVISED, sources=sources)
    assert reading.adopted_at is None
    reading = actions.mark(part=part, source=sources[1], outcome=ParagraphOutcome.Outcome.DEFERRED, sources=sources)
    assert reading.adopted_at is None
    reading = actions.mark(part=part, source=sources[1], outcome=ParagraphOutcome.Outcome.ADOPTED, sources=sources)
    assert reading.adopted_at is not None


def test_a_delegation_of_another_meeting_cannot_propose(room):
    _meeting, part, first, _second, _chile = room
    stranger = ParticipationFactory()
    with pytest.raises(ValidationError):
        proposal(part, first, "Participants welcomed the report.", stranger)
    assert not OralAmendment.objects.exists()


WORDS = st.lists(st.sampled_from(["the", "Meeting", "noted", "welcomed", "report", "of", "a", "b"]), max_size=12)


@given(WORDS, st.lists(WORDS, min_size=1, max_size=4))
def test_tracked_words_read_as_the_issued_text_and_as_the_last_revision(issued, revisions):
    issued_text = " ".join(issued)
    texts = [" ".join(words) for words in revisions]
    words = tracked_words(issued_text, [(text, f"author {i}", "") for i, text in enumerate(texts)])
    assert reads_as(words, before=True).split() == issued_text.split()
    assert reads_as(words).split() == texts[-1].split()


def test_the_word_file_of_a_part_has_the_agreed_changes_as_revisions_by_the_delegation(room):
    meeting, part, first, _second, chile = room
    agree(proposal(part, first, "Participants welcomed the report of the secretariat.", chile))
    (draft,) = build_draft_parts(loaded(meeting), "en").values()
    _name, _type, content = RENDERERS["docx"](draft)
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert re.search(
        r'<w:del w:id="\d+" w:author="Chile" w:date="[0-9T:-]+Z"><w:r><w:delText[^>]*>noted </w:delText>', xml
    )
    assert re.search(r'<w:ins w:id="\d+" w:author="Chile" w:date="[0-9T:-]+Z"><w:r><w:t[^>]*>welcomed </w:t>', xml)
    # The page and the PDF mark them in words as well as lines.
    _name, _type, page = RENDERERS["html"](draft)
    assert (
        '<del title="Chile">[-\u00a0noted\u00a0-]</del> <ins title="Chile">[+\u00a0welcomed\u00a0+]</ins>'
        in page.decode()
    )


def test_the_translators_see_which_texts_the_room_revised_and_in_which_language(room):
    meeting, part, first, second, chile = room
    agree(proposal(part, first, "Participants welcomed the report of the secretariat.", chile))
    notes = {text.record.pk: text.where for text in texts_of(meeting) if text.field == "text"}
    assert notes[first.pk].endswith("(orally revised at the adoption, in English)")
    assert "orally revised" not in notes[second.pk]
