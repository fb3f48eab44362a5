"""Reading a Word paragraph back gives the drafted text it was written from: markup, symbols and UN typing."""

from types import SimpleNamespace

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from report import document as doc
from report.markup import parse_inlines
from report.renderers.docx import write_block
from report.renderers.docx_page import set_up_styles
from report.typography import block as typeset
from report.word_reading import ITEM, PARAGRAPH, read_paragraph

WORDS = st.sampled_from(
    ["the", "Meeting", "noted", "resolution", "resolutions", "71/206", "and", "26 March 2019", "para.", "12", "(a)"]
)
PLAIN = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
EMPHASIS = st.lists(WORDS, min_size=1, max_size=3).map(lambda words: f"*{' '.join(words)}*")
SYMBOL = st.sampled_from(["[A/CONF.234/RPM.2/1]", "[E/CN.15/2019/1]", "[A/RES/72/192]"])
DRAFTED = st.lists(st.one_of(PLAIN, EMPHASIS, SYMBOL), min_size=1, max_size=6).map(" ".join)


def written_and_read(block):
    word = docx.Document()
    set_up_styles(word, SimpleNamespace(language="en"))
    paragraph = write_block(word, typeset(block))
    return read_paragraph(paragraph, 1)


@settings(max_examples=25, deadline=None)
@given(DRAFTED, st.integers(min_value=1, max_value=300))
def test_a_numbered_paragraph_reads_back_as_its_text(text, number):
    read = written_and_read(doc.Paragraph(number, parse_inlines(text)))
    assert (read.kind, read.label) == (PARAGRAPH, str(number))
    assert parse_inlines(read.text) == parse_inlines(text)
    assert "\u00a0" not in read.text


@settings(max_examples=15, deadline=None)
@given(DRAFTED, st.sampled_from(["(a)", "b)", "(aa)", "(أ)"]))
def test_a_lettered_subparagraph_reads_back_as_its_text(text, label):
    read = written_and_read(doc.Subparagraph(label, parse_inlines(text)))
    assert (read.kind, read.label) == (ITEM, label.strip("()"))
    assert parse_inlines(read.text) == parse_inlines(text)


def test_a_cited_resolution_comes_back_as_typed_not_bracketed():
    text = "Recalling resolution 71/206 and the *Handbook*, on 26 March 2019"
    assert written_and_read(doc.Paragraph(3, parse_inlines(text))).text == text
