"""An amended paragraph's tracked words keep the report's inline markup: a word in italics stays in italics, a
document symbol stays a link, whether kept, deleted or inserted, in the Word file (w:ins/w:del), the page and the
PDF (which is printed from the page's HTML)."""

import io
import re
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import source_of
from adoption.tracked import reads_as, tracked_words
from meetings.models import Meeting
from report.amended import styled
from report.builder import build_draft_parts
from report.renderers import RENDERERS
from tests.factories import (
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    SummaryParagraphFactory,
)

pytestmark = pytest.mark.django_db

ISSUED = "Participants welcomed *Our Common Agenda* (see [A/CONF.234/1]) warmly."
AGREED = "Participants noted *Our Shared Agenda* (see [A/CONF.234/2]) warmly."


@pytest.fixture
def amended():
    meeting = MeetingFactory()
    part = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/L.2", kind="draft_report", title="Draft")
    paragraph = SummaryParagraphFactory(discussion=DiscussionFactory(meeting=meeting), order=1, text=ISSUED)
    chile = ParticipationFactory(meeting=meeting, state__name="Chile")
    amendment = actions.propose(
        part=part,
        source=source_of(paragraph),
        language="en",
        text=AGREED,
        proposer=OralAmendment.Proposer.DELEGATION,
        delegation=chile,
    )
    actions.decide(amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version)
    (draft,) = build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), "en").values()
    return next(p for p in draft.paragraphs() if p.source == source_of(paragraph)), draft


def test_the_changes_keep_italics_and_symbols_inside_and_outside_the_italic_span(amended):
    paragraph, _draft = amended
    marked = [(c.text, c.state, c.emphasis, c.symbol) for c in paragraph.changes if c.state != "kept"]
    assert marked == [
        ("welcomed ", "deleted", False, ""),
        ("noted ", "inserted", False, ""),
        ("Common ", "deleted", True, ""),
        ("Shared ", "inserted", True, ""),
        ("A/CONF.234/1", "deleted", False, "A/CONF.234/1"),
        ("A/CONF.234/2", "inserted", False, "A/CONF.234/2"),
    ]
    kept = [(c.text, c.emphasis) for c in paragraph.changes if c.state == "kept"]
    assert ("Our ", True) in kept and ("Agenda", True) in kept


def test_the_word_file_sets_tracked_words_in_italics_and_links_the_symbols(amended):
    _paragraph, draft = amended
    _name, _type, content = RENDERERS["docx"](draft)
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    italic = r"<w:r><w:rPr><w:i/></w:rPr>"
    assert re.search(rf'<w:del [^>]*w:author="Chile"[^>]*>{italic}<w:delText[^>]*>Common </w:delText>', xml)
    assert re.search(rf'<w:ins [^>]*w:author="Chile"[^>]*>{italic}<w:t[^>]*>Shared </w:t>', xml)
    assert re.search(rf"{italic}<w:t[^>]*>Our </w:t>", xml)  # kept, still in italics
    assert re.search(r'<w:hyperlink r:id="rId\d+"><w:del [^>]*><w:r><w:delText[^>]*>A/CONF.234/1</w:delText>', xml)
    assert re.search(r'<w:hyperlink r:id="rId\d+"><w:ins [^>]*><w:r><w:t[^>]*>A/CONF.234/2</w:t>', xml)
    relations = zipfile.ZipFile(io.BytesIO(content)).read("word/_rels/document.xml.rels").decode()
    assert "https://undocs.org/A/CONF.234/2" in relations
    assert not re.search(r"<w:ins [^>]*><w:r><w:t[^>]*>Shared", xml)  # never without its italics


def test_the_page_and_the_pdf_mark_them_with_their_italics_and_links(amended):
    _paragraph, draft = amended
    _name, _type, page = RENDERERS["html"](draft)
    page = page.decode()
    assert '<del title="Chile">[-\u00a0<em>Common</em>\u00a0-]</del>' in page
    assert '<ins title="Chile">[+\u00a0<em>Shared</em>\u00a0+]</ins>' in page
    link = '<a class="symbol" href="https://undocs.org/A/CONF.234/2">A/CONF.234/2</a>'
    assert f'<ins title="Chile">[+\u00a0{link}\u00a0+]</ins>) warmly.' in page
    assert "<em>Agenda</em> (see" in page


WORDS = st.lists(st.sampled_from(["the", "*Agenda*", "noted", "[A/1]", "report,", "*of a*", "b"]), max_size=10)


@given(WORDS, st.lists(WORDS, min_size=1, max_size=3))
def test_styled_tracked_words_read_as_the_issued_text_and_as_the_last_revision(issued, revisions):
    def words_of(text):
        return "".join(part for part, _style in styled(text)).split()

    issued_text = " ".join(issued)
    texts = [" ".join(words) for words in revisions]
    words = tracked_words(styled(issued_text), [(styled(text), "a", "") for text in texts])
    assert reads_as(words, before=True).split() == words_of(issued_text)
    assert reads_as(words).split() == words_of(texts[-1])

    # And each character keeps the style it was written in.
    def characters(runs):
        return [(character, style) for text, style in runs for character in text if not character.isspace()]

    final = [(word.text, word.style) for word in words if word.state != "deleted"]
    assert characters(final) == characters(styled(texts[-1]))
