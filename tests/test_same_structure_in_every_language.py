"""Paragraph 42 is paragraph 42 in every language: the six versions of a report have one skeleton.

Which chapters, sections, paragraphs and subparagraphs a report has, their numbers and their anchors, are
decided from the records, never from which translations exist. Random meetings (any original language, a
second original or not, each text present or missing in each language, other matters in chapter II, III,
both or neither, a main theme or not, standard or other wording) are built in all six languages and written
in every format; the numbers and anchors must be the same in all six.
"""

import io
import re

import docx
import pytest
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree

from languages import REPORT_LANGUAGES, field_suffix
from meetings.models import Meeting, MeetingParagraph, Officer
from recommendations.models import Discussion
from report.builder import build_report
from report.document import AgendaList, OfficerList, Paragraph, Section, Table
from report.renderers.akoma_ntoso import render as render_akn
from report.renderers.docx import render as render_docx
from report.renderers.html import render_fragment
from report.renderers.text import render_text
from tests.factories import (
    CongressFactory,
    DiscussionFactory,
    MainThemeFactory,
    MeetingFactory,
    MeetingParagraphFactory,
    OfficerFactory,
    ParticipationFactory,
    RecommendationFactory,
    SessionFactory,
    StandardParagraphFactory,
    SummaryParagraphFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

# A paragraph's number as each language writes it at the start of a line: "12.", Arabic "12 -".
NUMBERED = re.compile(r"^\s*(\d+)(?:\.| -)(?:\s|$)")
ANCHOR = re.compile(r'\bid="([^"]+)"')


class Rollback(Exception):
    """Each example's rows are undone: the next one starts from an empty database."""


# Which languages a text is written in: any of the six, possibly none (a text never drafted).
languages_of_a_text = st.sets(st.sampled_from(REPORT_LANGUAGES))
meetings = st.fixed_dictionaries(
    {
        "original": st.sampled_from(REPORT_LANGUAGES),
        "second": st.one_of(st.none(), st.sampled_from(REPORT_LANGUAGES)),
        "introduction": st.lists(languages_of_a_text, max_size=2),
        "standard_introduction": st.lists(languages_of_a_text, min_size=1, max_size=2),
        "preamble": st.lists(languages_of_a_text, max_size=2),
        "main_theme": st.booleans(),
        "topics": st.lists(
            st.fixed_dictionaries(
                {
                    "summary": st.lists(languages_of_a_text, max_size=2),
                    "recommendations": st.lists(languages_of_a_text, max_size=3),
                    "standard_outcome": st.booleans(),
                    "outcome": languages_of_a_text,
                }
            ),
            max_size=3,
        ),
        "other_matters_ii": st.lists(languages_of_a_text, max_size=2),
        "other_matters_iii": st.lists(languages_of_a_text, max_size=2),
        "opening_statements": st.lists(languages_of_a_text, max_size=2),
        "opener": st.sampled_from(["", "secretary", "other"]),
        "opened_by": languages_of_a_text,
        "officers": st.lists(st.tuples(st.sampled_from(["acclamation", "other", ""]), languages_of_a_text), max_size=3),
    }
)


def copies(field, written_in, words):
    """The per-language copies of a text written in those languages only."""
    return {f"{field}_{field_suffix(language)}": f"{words} ({language})." for language in written_in}


def make_meeting(spec):
    second = spec["second"] if spec["second"] != spec["original"] else None
    congress = CongressFactory()
    meeting = MeetingFactory(
        congress=congress, original_language=spec["original"], second_original_language=second or "", opener=""
    )
    session = SessionFactory(meeting=meeting, number=1)
    ParticipationFactory(meeting=meeting)
    for written_in in spec["standard_introduction"]:
        StandardParagraphFactory(congress=congress, **copies("text", written_in, "Standard introduction"))
    paragraphs = [
        (MeetingParagraph.Part.INTRODUCTION, spec["introduction"]),
        (MeetingParagraph.Part.CONCLUSIONS_PREAMBLE, spec["preamble"]),
        (MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS, spec["other_matters_ii"]),
        (MeetingParagraph.Part.OTHER_MATTERS, spec["other_matters_iii"]),
        (MeetingParagraph.Part.OPENING_STATEMENTS, spec["opening_statements"]),
    ]
    for part, texts in paragraphs:
        for order, written_in in enumerate(texts):
            MeetingParagraphFactory(
                meeting=meeting, part=part, order=order, text="", **copies("text", written_in, part)
            )
    for index, topic_spec in enumerate(spec["topics"]):
        # The first topic is the Congress's main theme (section II.A) or a substantive one (II.B).
        topic = (MainThemeFactory if index == 0 and spec["main_theme"] else TopicFactory)(congress=congress)
        phrase = Discussion.OutcomeIntroduction.NOT_NEGOTIATED if topic_spec["standard_outcome"] else "other"
        discussion = DiscussionFactory(
            meeting=meeting,
            topic=topic,
            outcome_phrase=phrase,
            **copies("outcome_introduction", topic_spec["outcome"], "Outcome"),
        )
        for order, written_in in enumerate(topic_spec["summary"]):
            SummaryParagraphFactory(
                discussion=discussion, order=order, text="", **copies("text", written_in, "Summary")
            )
        for order, written_in in enumerate(topic_spec["recommendations"]):
            RecommendationFactory(discussion=discussion, order=order, text="", **copies("text", written_in, "Do"))
    Meeting.objects.filter(pk=meeting.pk).update(opener=spec["opener"], **copies("opened_by", spec["opened_by"], "X"))
    for order, (method, written_in) in enumerate(spec["officers"]):
        OfficerFactory(
            meeting=meeting,
            role=Officer.Role.VICE_CHAIR,
            order=order,
            elected_at=session,
            election_method=method,
            **copies("election_wording", written_in, "By vote"),
        )
    return Meeting.objects.for_report().get(pk=meeting.pk)


def shape(section):
    """The section's level, anchor and key, and each of its children: what exists and its number."""
    children = []
    for child in section.children:
        match child:
            case Section():
                children.append(shape(child))
            case Paragraph():
                children.append(("paragraph", child.number, child.anchor))
            case OfficerList() | AgendaList():
                children.append((type(child).__name__, len(getattr(child, "lines", getattr(child, "items", ())))))
            case Table():
                children.append(("table", len(child.rows)))
            case _:
                children.append(type(child).__name__)
    return (section.level, section.anchor, section.key, children)


def skeleton(report):
    """What must be the same in every language, read from the tree and from each format."""
    tree = [shape(section) for section in report.sections]
    text = [int(m[1]) for line in render_text(report).splitlines() if (m := NUMBERED.match(line))]
    word = docx.Document(io.BytesIO(render_docx(report)[2]))
    word_numbers = [int(m[1]) for p in word.paragraphs if (m := NUMBERED.match(p.text))]
    html = ANCHOR.findall(str(render_fragment(report)))
    akn = etree.fromstring(render_akn(report)[2])
    # The numbered hierarchy's identifiers (the references to people and organizations are metadata).
    body = akn.iter("{*}mainBody", "{*}attachment")
    eids = [element.get("eId") for part in body for element in part.iter() if element.get("eId")]
    return {"tree": tree, "txt": text, "docx": word_numbers, "html": html, "akn": eids}


# No shrinking: a failing meeting is printed as generated, and a failure costs seconds, not minutes, of CI.
@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=meetings)
def test_every_language_version_has_the_same_numbers_and_anchors_in_every_format(spec):
    try:
        with transaction.atomic():
            meeting = make_meeting(spec)
            versions = {language: skeleton(build_report(meeting, language)) for language in REPORT_LANGUAGES}
            raise Rollback
    except Rollback:
        pass
    original = versions[spec["original"]]
    for language, version in versions.items():
        for part in original:
            assert version[part] == original[part], (language, part)


def test_the_demo_drafted_in_spanish_numbers_the_same_paragraphs_in_all_six(demo_meeting):
    """Every text of the demo moved into its Spanish copy, Spanish the original: no version loses or gains one."""
    from core.history import translated_fields
    from report.language_versions import texts_of

    for text in texts_of(demo_meeting):
        words = text.value("en")
        for copy in translated_fields(type(text.record))[text.field]:
            setattr(text.record, copy.name, None if copy.null else "")
        text.set_value("es", words)
        text.record.save()
    Meeting.objects.filter(pk=demo_meeting.pk).update(original_language="es")
    meeting = Meeting.objects.for_report().get(pk=demo_meeting.pk)
    numbers = {
        language: [(p.number, p.anchor) for p in build_report(meeting, language).paragraphs()]
        for language in REPORT_LANGUAGES
    }
    assert numbers["es"][-1][0] == 75
    assert all(version == numbers["es"] for version in numbers.values())
