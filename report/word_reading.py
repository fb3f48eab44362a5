"""A Word file (.docx) read as the report's blocks: headings, numbered paragraphs, lettered subparagraphs.

Two layouts are read. The one Rapporteur writes (report/renderers/docx.py): headings in the UN "G" styles
(HChG, H1G, H23G, the run-in H4G), paragraphs "12.<tab>…" in SingleTxtG, subparagraphs "(a)<tab>…" in
SubparaG, the masthead and front lines before the first heading. And a plain one: Word's "Heading 1…"
styles (or any paragraph with an outline level) for headings, paragraphs typed "12." or numbered by Word
(a list's first level), subparagraphs typed "(a)", "a)" or on a list's second level.

Each block's text is written in the markup of drafted text (report/markup.py): an italic run as *italics*,
a link's text as a [symbol], except where the markup finds the symbol by itself ("resolution 71/206"); the
no-break spaces the renderers put where UN typing wants them (report/typography.py) are ordinary spaces
again. The paragraph's own number or letter is taken off its text and kept apart, with the word of one inserted
during the adoption ("12 bis.", "(b) bis"): such a paragraph is placed by its order like the others.

A file is refused whole (WordRefused) when it is larger than MAX_BYTES, not a zip archive with a Word body,
would unpack to more than MAX_UNPACKED (a zip bomb), or python-docx cannot read it.
"""

import io
import re
import zipfile
from dataclasses import dataclass

import docx
from django.utils.translation import gettext as _
from docx.oxml.ns import qn
from docx.text.run import Run

from report.document import BIS_ANCHORS
from report.markup import parse_inlines
from report.typography import BEFORE_NUMBER, NO_BREAK_SPACE, no_break

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 60 * 1024 * 1024
MAX_PARAGRAPHS = 20_000

HEADING, SUBHEADING, PARAGRAPH, ITEM, TEXT = "heading", "subheading", "paragraph", "item", "text"
# The G styles' heading levels, as report/renderers/docx_page.py sets their outline levels.
G_HEADINGS = {"HChG": 0, "H1G": 1, "H23G": 2}
# Lines that are not paragraphs: the masthead and front lines, the contents, and the lines the report writes from
# records (the agenda quoted, the officers, the list of participants, tables).
SKIPPED_STYLES = {"FrontLineG", "HMG", "AddendumG", "ContentsHeadingG", "ContentsPageG", "MastheadG"}
SKIPPED_STYLES |= {"AgendaItemG", "AgendaSubItemG", "OfficerG", "LineG", "TableTextG", "TableHeadG"}
# The word after the number or letter of a paragraph inserted during the adoption: "42 bis.", "(b) ter".
BIS = "|".join(BIS_ANCHORS)
# "12.<tab>", "12. ", Arabic "12 -<tab>", "12 bis.": a paragraph's number before its text.
NUMBER = re.compile(rf"^\s*(?P<number>\d{{1,4}}(?:[ \u00a0](?:{BIS}))?)(?:\.(?=\s)|\s+-(?=\s)|(?=\t))\s*")
# "(a)<tab>", "a) ", "(aa)", Arabic "(أ)", "(b) bis": a subparagraph's letter.
LETTER = re.compile(rf"^\s*\(?(?P<letter>[^\W\d_]{{1,3}})\)(?:[ \u00a0](?P<bis>{BIS})(?=\s))?\s*")
KEYWORD_BEFORE_SYMBOL = re.compile(rf"\b({BEFORE_NUMBER}) (?=\[)")


class WordRefused(Exception):
    """The file was refused; nothing was changed. str() is the message for the person importing."""


@dataclass(frozen=True)
class WordFile:
    """The blocks of a file, and the lines of its masthead and running heads (where its symbol stands)."""

    blocks: list
    masthead: list


@dataclass(frozen=True)
class Block:
    """One paragraph of the file: its kind, its heading level (0 chapter, 1 section, 2 sub-section), its number or
    letter as written ("12", "a"; "" when Word numbers it), and its text in markup."""

    kind: str
    text: str
    label: str = ""  # "12", "12 bis", "b", "b bis"
    level: int = 0
    position: int = 0  # the paragraph's place in the file, from 1

    @property
    def shown_label(self):
        """ "12." or "(a)", for people; "" for a paragraph Word numbers itself."""
        if not self.label:
            return ""
        if self.kind == ITEM:
            letter, _space, bis = self.label.partition(" ")
            return f"({letter})" + (f" {bis}" if bis else "")
        return f"{self.label}."


def read_word(data):
    """The WordFile of a .docx file (bytes), its blocks in reading order; raises WordRefused for a file that is none."""
    if len(data) > MAX_BYTES:
        raise WordRefused(too_large())
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WordRefused(_("The file is not a Word document (.docx); nothing was imported."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise WordRefused(_("The file is not a Word document (.docx); nothing was imported.")) from error
    if "word/document.xml" not in names:
        raise WordRefused(_("The file is not a Word document (.docx); nothing was imported."))
    if unpacked > MAX_UNPACKED:
        raise WordRefused(
            _("The file would unpack to more than 60 MB: it cannot be a report of one meeting; nothing was imported.")
        )
    try:
        word = docx.Document(io.BytesIO(data))
        paragraphs = word.paragraphs
    except Exception as error:  # python-docx raises many kinds on a damaged package  # noqa: BLE001
        raise WordRefused(
            _("The Word document cannot be read (%(error)s); nothing was imported.") % {"error": error}
        ) from error
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise WordRefused(too_large())
    blocks = []
    for position, paragraph in enumerate(paragraphs, start=1):
        if block := read_paragraph(paragraph, position):
            blocks.append(block)
    masthead = [line for table in word.tables[:1] for cell in table._cells for line in cell.text.splitlines()]
    for section in word.sections[:1]:
        for header in (section.header, section.first_page_header, section.even_page_header):
            masthead += [paragraph.text for paragraph in header.paragraphs]
    return WordFile(blocks, masthead)


def too_large():
    return _("The file is larger than 10 MB: it cannot be a report of one meeting; nothing was imported.")


def read_paragraph(paragraph, position):
    style = paragraph.style.name if paragraph.style is not None else ""
    if style in SKIPPED_STYLES or style.startswith("TOC"):
        return None
    text = markup_of(paragraph._p)
    if not text.strip():
        return None
    level = heading_level(paragraph, style)
    if style == "H4G":
        return Block(SUBHEADING, plain(text), position=position)
    if level is not None:
        return Block(HEADING, plain(text), level=level, position=position)
    list_level = numbering_level(paragraph, style)
    if list_level is not None:
        return Block(PARAGRAPH if list_level == 0 else ITEM, tidy(text), position=position)
    if match := NUMBER.match(text):
        label = " ".join(match["number"].split())
        return Block(PARAGRAPH, tidy(text[match.end() :]), label=label, position=position)
    if match := LETTER.match(text):
        label = match["letter"] + (f" {match['bis']}" if match["bis"] else "")
        return Block(ITEM, tidy(text[match.end() :]), label=label, position=position)
    return Block(TEXT, tidy(text), position=position)


def heading_level(paragraph, style):
    if style in G_HEADINGS:
        return G_HEADINGS[style]
    if match := re.fullmatch(r"Heading (\d)", style):
        return int(match[1]) - 1
    properties = paragraph._p.pPr
    outline = properties.find(qn("w:outlineLvl")) if properties is not None else None
    if outline is not None and outline.get(qn("w:val")).isdigit() and int(outline.get(qn("w:val"))) < 9:
        return int(outline.get(qn("w:val")))
    return None


def numbering_level(paragraph, style):
    """The level of a paragraph Word numbers itself (0, 1 …), or None: by its own numbering, or by Word's
    "List Number" styles ("List Number 2" the second level)."""
    properties = paragraph._p.pPr
    numbering = properties.find(qn("w:numPr")) if properties is not None else None
    if numbering is None:
        if match := re.fullmatch(r"List Number(?: (\d))?", style):
            return int(match[1] or 1) - 1
        return None
    level = numbering.find(qn("w:ilvl"))
    value = level.get(qn("w:val")) if level is not None else "0"
    return int(value) if value.isdigit() else 0


def markup_of(element):
    """The text of a paragraph's runs in markup: italics as *…*, links as [symbol]."""
    pieces = []  # (kind, text): "text", "italic" or "link"
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:r"):
            run = Run(child, None)
            pieces.append(("italic" if run.italic else "text", run.text))
        elif tag == qn("w:hyperlink"):
            pieces.append(("link", "".join(Run(r, None).text for r in child.iter(qn("w:r")))))
        elif tag in (qn("w:ins"), qn("w:smartTag"), qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            pieces.append(("text", markup_of(child)))
        # w:del (a deletion tracked), bookmarks, proofing marks: no text
    # A run of spaces set in italics is a space; an empty run is nothing.
    pieces = [("text" if not text.strip() else kind, text) for kind, text in pieces if text]
    result = []
    for index, (kind, text) in enumerate(pieces):
        if kind == "italic":
            following_italic = index + 1 < len(pieces) and pieces[index + 1][0] == "italic"
            previous_italic = index > 0 and pieces[index - 1][0] == "italic"
            core = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            result.append(lead + ("" if previous_italic else "*") + core + ("" if following_italic else "*") + trail)
        elif kind == "link":
            result.append(f"[{text.strip()}]")
        else:
            result.append(text)
    return "".join(result)


def tidy(text):
    """The markup as drafted text stores it: no-break spaces of UN typing back to spaces, symbols the markup finds
    by itself without brackets, lines joined, no spaces at the ends."""
    text = text.replace("\t", " ").replace("\n", " ").strip()
    text = typed_spaces(text)
    for match in reversed(list(re.finditer(r"\[([^\]]+)\]", text))):
        bare = text[: match.start()] + match[1] + text[match.end() :]
        if parse_inlines(bare) == parse_inlines(text):
            text = bare
    return text


def typed_spaces(text):
    """The text with ordinary spaces where report/typography.py would have put its no-break spaces (and the
    no-break spaces a drafter typed elsewhere kept)."""
    if NO_BREAK_SPACE not in text:
        return text
    spaced = text.replace(NO_BREAK_SPACE, " ")
    typeset = KEYWORD_BEFORE_SYMBOL.sub(lambda m: m[1] + NO_BREAK_SPACE, no_break(spaced))
    if len(typeset) != len(text):
        return text
    return "".join(
        " " if character == NO_BREAK_SPACE and typeset[index] == NO_BREAK_SPACE else character
        for index, character in enumerate(text)
    )


def plain(text):
    """A heading's text: no markup, no tabs, single spaces."""
    return " ".join(text.replace("*", "").replace(NO_BREAK_SPACE, " ").split())
