"""No-break spaces where UN typing puts them, set once in the document tree for every renderer.

UN documents never end a line between "resolution", "para.", "item" (and their kin) and the number
that follows, nor inside a date ("26 March 2019") or between a job number and its language letter.
The renderers that break lines (HTML and so PDF, Word) and Akoma Ntoso pass the builder's tree
through `with_no_break_spaces`, the one place these rules live, so all of them carry the same
U+00A0 characters; the tree itself, and the plain-text export, which breaks no lines, keep
ordinary spaces.
"""

import re
from dataclasses import replace

from report import document as doc

NO_BREAK_SPACE = "\u00a0"

# A word that is never left at the end of a line before the number it introduces.
BEFORE_NUMBER = r"resolutions?|decisions?|paras?\.|paragraphs?|items?|articles?|rules?|chapters?|annex|No\.|Nos\.|pp?\."
KEYWORD_THEN_NUMBER = re.compile(rf"\b({BEFORE_NUMBER}) (?=[0-9]|[IVX]+\b|\([a-z]+\))")
KEYWORD_AT_END = re.compile(rf"\b({BEFORE_NUMBER}) $")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "26 March 2019", "26–28 March 2019", "March 2019": the day, month and year stay on one line.
DATE = re.compile(rf"\b(?:(\d{{1,2}}) )?({MONTHS})(?: (\d{{4}}))?\b")


def no_break(text):
    """The text with no-break spaces after the words that introduce a number, and inside dates."""
    text = KEYWORD_THEN_NUMBER.sub(lambda m: m[1] + NO_BREAK_SPACE, text)
    return DATE.sub(lambda m: NO_BREAK_SPACE.join(part for part in m.groups() if part), text)


def inlines(content):
    """A run of inlines with no-break spaces, also where "resolution " ends a text before a symbol."""
    result = []
    for index, inline in enumerate(content):
        if isinstance(inline, doc.Text | doc.Emphasis):
            text = no_break(inline.text)
            following = content[index + 1] if index + 1 < len(content) else None
            if isinstance(following, doc.Symbol):
                text = KEYWORD_AT_END.sub(lambda m: m[1] + NO_BREAK_SPACE, text)
            inline = replace(inline, text=text)
        result.append(inline)
    return tuple(result)


def block(item):
    match item:
        case doc.Paragraph() | doc.Subparagraph() | doc.Line():
            return replace(item, content=inlines(item.content))
        case doc.AgendaEntry():
            return replace(item, text=no_break(item.text), sub_items=tuple(block(sub) for sub in item.sub_items))
        case doc.AgendaList():
            return replace(item, items=tuple(block(entry) for entry in item.items))
        case doc.Table():
            return replace(item, rows=tuple(tuple(inlines(cell) for cell in row) for row in item.rows))
        case doc.Section():
            return replace(item, title=no_break(item.title), children=[block(child) for child in item.children])
    return item


def with_no_break_spaces(report):
    """A copy of the report with UN no-break spaces throughout; the report itself is left as it is."""
    return replace(
        report,
        title=no_break(report.title),
        front_lines=tuple(no_break(line) for line in report.front_lines),
        chapters=[block(section) for section in report.chapters],
        annexes=[block(section) for section in report.annexes],
    )
