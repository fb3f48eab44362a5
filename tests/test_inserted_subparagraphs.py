"""A recommendation the room inserts between (b) and (c) reads "(b) bis" until the report is adopted, in each
language's own letter style; the later letters do not move; anchors stay unique and the same in all six; the adopted
report letters them afresh."""

import re

import pytest
from lxml import etree

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import source_of
from languages import REPORT_LANGUAGES
from meetings.models import Meeting
from report.amended import bis_label, subparagraph_bis_label
from report.builder import build_draft_parts, build_report
from report.citations import cited_blocks
from report.document import Subparagraph
from report.renderers.akoma_ntoso import render as render_akn
from report.renderers.html import render_fragment
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db

ANCHOR = re.compile(r'\bid="([^"]+)"')
INSERTED = "Strengthen regional cooperation"


@pytest.fixture
def inserted():
    """A part whose discussion has recommendations (a), (b), (c), and one agreed after (b)."""
    meeting = MeetingFactory()
    part = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.2", kind="draft_report", title="Draft")
    discussion = DiscussionFactory(meeting=meeting)
    a, b, c = (RecommendationFactory(discussion=discussion, order=n, text=f"Do {n}") for n in (1, 2, 3))
    chile = ParticipationFactory(meeting=meeting, state__name="Chile")
    for text in (INSERTED, INSERTED + " further"):
        amendment = actions.propose(
            part=part,
            source=source_of(b),
            language="en",
            text=text,
            proposer=OralAmendment.Proposer.DELEGATION,
            delegation=chile,
            inserts_after=True,
        )
        actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)
    return meeting, (a, b, c)


def loaded(meeting):
    return Meeting.objects.for_report().get(pk=meeting.pk)


def subparagraphs(report):
    return [block for section in report.sections for block in walk(section) if isinstance(block, Subparagraph)]


def walk(section):
    for child in section.children:
        yield from walk(child) if hasattr(child, "children") else (child,)


def test_an_inserted_subparagraph_is_b_bis_and_the_later_letters_stay(inserted):
    meeting, _records = inserted
    (draft,) = build_draft_parts(loaded(meeting), "en").values()
    # The second insertion after (b) went right after it (insert_after), so it is "(b) bis", the first "(b) ter".
    assert [block.label for block in subparagraphs(draft)] == ["(a)", "(b)", "(b) bis", "(b) ter", "(c)"]
    (french,) = build_draft_parts(loaded(meeting), "fr").values()
    assert [block.label for block in subparagraphs(french)] == ["a)", "b)", "b) bis", "b) ter", "c)"]
    (arabic,) = build_draft_parts(loaded(meeting), "ar").values()
    assert [block.label for block in subparagraphs(arabic)][2] == "(ب) bis"


def test_the_adopted_report_letters_them_afresh(inserted):
    meeting, _records = inserted
    Meeting.objects.filter(pk=meeting.pk).update(report_status=Meeting.ReportStatus.ADOPTED)
    report = build_report(loaded(meeting), "en")
    assert [block.label for block in subparagraphs(report)] == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    assert not any(block.bis for block in subparagraphs(report))


def test_anchors_and_identifiers_are_unique_and_the_same_in_every_language(inserted):
    meeting, _records = inserted
    anchors, eids, letters = {}, {}, {}
    for language in REPORT_LANGUAGES:
        (draft,) = build_draft_parts(loaded(meeting), language).values()
        anchors[language] = ANCHOR.findall(str(render_fragment(draft)))
        body = etree.fromstring(render_akn(draft)[2]).iter("{*}mainBody")
        eids[language] = [element.get("eId") for part in body for element in part.iter() if element.get("eId")]
        letters[language] = [cited.letter for cited in cited_blocks(draft) if cited.letter]
    for found in (anchors, eids):
        assert len(set(found["en"])) == len(found["en"])
        assert all(version == found["en"] for version in found.values())
    assert letters["en"] == ["a", "b", "b-bis", "b-ter", "c"]
    assert all(version == letters["en"] for version in letters.values())
    assert any(anchor.endswith("-b-bis") for anchor in anchors["en"])
    assert any(anchor.endswith("-c") for anchor in anchors["en"])


@pytest.mark.parametrize("language", REPORT_LANGUAGES)
def test_a_bis_label_extends_the_language_own_label(language):
    from languages import number_label, subparagraph_label

    assert subparagraph_bis_label(1, 1, language).startswith(subparagraph_label(1, language) + " ")
    assert bis_label(42, 2, language).split()[0] == number_label(42, language).split()[0].rstrip(".")
    assert bis_label(42, 1, language) != bis_label(42, 2, language)
