"""A draft part with a paragraph and a recommendation inserted in the room ("1 bis.", "(b) bis") goes out to Word and
back unchanged, every paragraph in its place; a Spanish translation of that file fills the Spanish copies of exactly
those records."""

import io
import re
import zipfile
from xml.sax.saxutils import escape

import pytest

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import source_of
from languages.codes import COPY_LANGUAGES
from meetings.models import Meeting
from meetings.models.documents import Document
from recommendations.models import Recommendation, SummaryParagraph
from report.builder import build_draft_parts
from report.document import Paragraph, Section, Subheading, plain_text
from report.language_versions import texts_of
from report.renderers import RENDERERS
from report.typography import no_break
from report.word_import import confirm, preview
from report.word_reading import read_word
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    RecommendationFactory,
    SummaryParagraphFactory,
)

pytestmark = pytest.mark.django_db

SPANISH = {
    "Participants noted the report of the secretariat.": "Los participantes tomaron nota del informe.",
    "Participants also discussed *financing*.": "Los participantes también examinaron la *financiación*.",
    "Participants thanked the host.": "Los participantes dieron las gracias al anfitrión.",
    "Strengthen cooperation": "Reforzar la cooperación",
    "Share data": "Compartir datos",
    "Strengthen regional training": "Reforzar la capacitación regional",
    "Publish the results": "Publicar los resultados",
}


@pytest.fixture
def inserted():
    meeting = MeetingFactory()
    part = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.2", kind=Document.Kind.DRAFT_REPORT)
    discussion = DiscussionFactory(meeting=meeting)
    first = SummaryParagraphFactory(
        discussion=discussion, order=1, text="Participants noted the report of the secretariat."
    )
    SummaryParagraphFactory(discussion=discussion, order=2, text="Participants thanked the host.")
    RecommendationFactory(discussion=discussion, order=1, text="Strengthen cooperation")
    b = RecommendationFactory(discussion=discussion, order=2, text="Share data")
    RecommendationFactory(discussion=discussion, order=3, text="Publish the results")
    chile = ParticipationFactory(meeting=meeting, state__name="Chile")
    for record, text in ((first, "Participants also discussed *financing*."), (b, "Strengthen regional training")):
        amendment = actions.propose(
            part=part,
            source=source_of(record),
            language="en",
            text=text,
            proposer=OralAmendment.Proposer.DELEGATION,
            delegation=chile,
            inserts_after=True,
        )
        actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)
    return meeting, part, discussion


def word_file(meeting, symbol, language="en"):
    part = build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), language)[symbol]
    labels = [p.label for p in part.paragraphs()]
    return RENDERERS["docx"](part)[2], labels


def every_text(meeting):
    return {(text.unit_id, code): text.value(code) for text in texts_of(meeting) for code in COPY_LANGUAGES}


def translated(content, words):
    """The Word file with each English text replaced by its Spanish one in the document's XML."""
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode()
                for english, spanish in words.items():
                    # As the renderers type it: no-break spaces after "item", "resolution" … (report/typography.py).
                    english, spanish = escape(no_break(english)), escape(no_break(spanish))
                    # A recommendation ends with the punctuation the report adds by its place.
                    xml, found = re.subn(rf">{re.escape(english)}(?=[;.]?<)", f">{spanish}", xml)
                    assert found, english
                data = xml.encode()
            new.writestr(item, data)
    return target.getvalue()


def walk(node):
    yield node
    for child in getattr(node, "children", ()):
        yield from walk(child)


def plain_words(meeting, symbol):
    """The file's texts in Spanish as its runs have them (the italic word in a run of its own): the records' texts,
    and the headings and sentences the report writes itself as the Spanish part has them."""
    parts = {
        language: build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), language)[symbol]
        for language in ("en", "es")
    }
    words = {}
    english, spanish = ([n for s in parts[code].sections for n in walk(s)] for code in ("en", "es"))
    for one, other in zip(english, spanish, strict=True):
        if isinstance(one, Section):
            words[one.title] = other.title
            if one.label and one.label != other.label:  # "Annex"
                words[one.label] = other.label
        elif isinstance(one, Subheading):
            words[one.text] = other.text
        elif isinstance(one, Paragraph) and not one.source:
            words[plain_text(one.content)] = plain_text(other.content)
    for english, spanish in SPANISH.items():
        for one, other in zip(english.split("*"), spanish.split("*"), strict=True):
            if one:
                words[one] = other
    return words


def test_a_part_with_bis_paragraphs_goes_to_word_and_back_unchanged(inserted):
    meeting, part, _discussion = inserted
    content, labels = word_file(meeting, part.symbol)
    assert "1 bis." in labels
    shown = [block.shown_label for block in read_word(content).blocks]
    assert {"1 bis.", "2.", "(b)", "(b) bis", "(c)"} <= set(shown)
    result = preview(meeting, content)
    assert result.unplaced == []
    assert result.writes == 0, [(c.label, c.old, c.new) for c in result.changes + result.created]


def test_a_spanish_word_file_of_a_part_with_bis_paragraphs_fills_exactly_their_spanish_copies(inserted):
    meeting, part, discussion = inserted
    content, _labels = word_file(meeting, part.symbol)
    before = every_text(meeting)
    spanish = translated(content, plain_words(meeting, part.symbol))
    result = preview(meeting, spanish, "es")
    assert result.unplaced == []
    records = [
        *SummaryParagraph.objects.filter(discussion=discussion),
        *Recommendation.objects.filter(discussion=discussion),
    ]
    assert len(records) == 7
    ids = {f"{record._meta.label_lower}.{record.pk}.text" for record in records}
    assert {change.unit_id for change in result.changes} == ids
    confirm(meeting, spanish, result.fingerprint, "es")
    after = every_text(meeting)
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {(unit, "es") for unit in ids}
    spanish_texts = {after[(unit, "es")] for unit in ids}
    assert spanish_texts == set(SPANISH.values())
