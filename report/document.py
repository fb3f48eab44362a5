"""The report as a plain document tree, free of the database and of any output format.

The builder (builder.py) makes it and owns every number and letter in it; each renderer walks it.
"""

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from languages.dates import long_date
from languages.numbering import letter as latin_letter


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emphasis:
    """Italics, as UN documents set the titles of publications."""

    text: str


OFFICIAL_DOCUMENTS = "https://undocs.org/{}"
# "71/206" as UN text cites a General Assembly resolution: its document is A/RES/71/206.
GENERAL_ASSEMBLY_RESOLUTION = re.compile(r"^\d{1,3}/\d{1,4}$")


@dataclass(frozen=True)
class Symbol:
    """A UN document symbol, which renderers link to the Official Document System.

    It is printed as the text cites it ("56/119" after "resolution") and linked to the full symbol.
    """

    symbol: str

    @property
    def document(self):
        """The full symbol of the document: A/RES/56/119 for a resolution cited as 56/119."""
        if GENERAL_ASSEMBLY_RESOLUTION.match(self.symbol):
            return f"A/RES/{self.symbol}"
        return self.symbol

    @property
    def url(self):
        """https://undocs.org/A/RES/56/119"""
        return OFFICIAL_DOCUMENTS.format(self.document)


@dataclass(frozen=True)
class Untranslated:
    """Stands for a text that has no version in the report's language, saying so in that language
    ("[Texto no traducido]"), so that a version never silently shows another language's text.

    It carries the text in its original language (`original`, inlines; `language`, a report code) for the
    site, which shows a delegate that text marked as the original; the official exports print the marker."""

    text: str
    original: tuple = ()
    language: str = ""


Inline = Text | Emphasis | Symbol | Untranslated


def plain_text(content, *, originals=False):
    """The words of a run of inlines, without their styling; with `originals`, a text not translated is given in
    its original (the search index), else as the marker."""
    words = []
    for inline in content:
        if originals and isinstance(inline, Untranslated) and inline.original:
            words.append(plain_text(inline.original))
        else:
            words.append(getattr(inline, "text", None) or inline.symbol)
    return "".join(words)


@dataclass(frozen=True)
class Change:
    """A run of a paragraph's words as the room amended its issued text: kept, inserted or deleted, by whom."""

    text: str
    state: str  # "kept", "inserted" or "deleted" (adoption.tracked)
    author: str = ""  # the proposing delegation's name, in the version's language
    date: str = ""  # ISO 8601
    # Set as the text it was drafted in sets it: in italics (an Emphasis), or a document symbol (a Symbol's text,
    # which renderers link as they link a Symbol).
    emphasis: bool = False
    symbol: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph; numbers run 1…N through the whole report."""

    number: int
    content: tuple[Inline, ...]
    label: str = ""  # the number as the language writes it: "12.", Arabic "12 -"
    # The text it was written from: "recommendations.summaryparagraph.12" for a record's text (the adoption's
    # name of a paragraph), "recommendations.discussion.3.outcome_introduction" for another field; "" for a
    # sentence the builder writes itself. For putting a text back where it came from (report/word_import.py) and
    # amending it in the room (adoption/). Renderers do not print it.
    source: str = ""
    # A paragraph inserted during the adoption keeps the number before it until the report is adopted:
    # 1 for "42 bis", 2 for "42 ter".
    bis: int = 0
    # On a draft part, the agreed oral amendments as runs of words against the issued text; renderers that mark
    # revisions print these in place of `content` (which reads as the text after them).
    changes: tuple[Change, ...] = ()

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", f"{self.number}.")

    @property
    def anchor(self):
        return f"para-{self.number}" + (f"-{bis_anchor(self.bis)}" if self.bis else "")


BIS_ANCHORS = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def bis_anchor(bis):
    """ "bis" for the first inserted after a paragraph or letter, "ter" for the second …; past the tenth, its
    number ("bis-11"), so that anchors stay unique however many the room inserts."""
    return BIS_ANCHORS[bis - 1] if bis <= len(BIS_ANCHORS) else f"bis-{bis}"


@dataclass(frozen=True)
class Subparagraph:
    """A lettered subparagraph, (a), (b) … (French a), Arabic (أ)), such as a recommendation."""

    label: str
    content: tuple[Inline, ...]
    # The record it was written from ("recommendations.recommendation.12"), for citing it from elsewhere
    # (the Congress's compilation); renderers do not print it.
    source: str = ""
    changes: tuple[Change, ...] = ()  # as a Paragraph's
    # The Latin letter of its place, the same in every language ("c" for (c), Arabic (ج)); "" where the builder
    # gave none (a tree kept before letters were recorded: the place among its paragraph's subparagraphs is used).
    letter: str = ""
    # A subparagraph inserted during the adoption keeps the letter before it until the report is adopted:
    # 1 for "(b) bis", 2 for "(b) ter".
    bis: int = 0

    def key(self, index):
        """What names it under its paragraph in every language, `index` being its place: "c", "b-bis"."""
        letter = self.letter or latin_letter(index)
        return f"{letter}-{bis_anchor(self.bis)}" if self.bis else letter


@dataclass(frozen=True)
class Subheading:
    """An unnumbered run-in heading such as "Summary of deliberations"."""

    text: str


@dataclass(frozen=True)
class Line:
    """An unnumbered line of text, such as "Name, Function" under a delegation in a list of participants."""

    content: tuple[Inline, ...]


@dataclass(frozen=True)
class OfficerLine:
    label: str  # "Chair:", "Vice-Chairs:", or "" for a second Vice-Chair under the first
    officer: str  # "Zakaria Alansari (Kuwait)"
    # The same, in parts, for the renderers that mark people up (Akoma Ntoso): name, State and role key.
    name: str = ""
    country: str = ""
    role: str = ""  # "chair", "vice_chair", "rapporteur"


@dataclass(frozen=True)
class OfficerList:
    lines: tuple[OfficerLine, ...]


@dataclass(frozen=True)
class AgendaEntry:
    label: str  # "1." or "(a)"
    text: str  # with its closing punctuation
    sub_items: tuple["AgendaEntry", ...] = ()


@dataclass(frozen=True)
class AgendaList:
    """The agenda as adopted, quoted in the report; its lines are not paragraphs."""

    items: tuple[AgendaEntry, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]


Block = Paragraph | Subparagraph | Subheading | Line | OfficerList | AgendaList | Table


@dataclass
class Section:
    """A chapter ("I."), a section ("A."), a sub-section ("1.") or an annex."""

    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"
    ANNEX = "annex"

    level: str
    label: str  # "I.", "A.", "1.", "Annex I" (Arabic "أولا -", "ألف -"), or "" for a section that stands alone
    title: str
    anchor: str
    children: list = field(default_factory=list)  # blocks and sub-sections, in reading order
    key: str = ""  # names the section for the draft report's parts, e.g. "chapter-introduction"

    @property
    def heading(self):
        if self.level == self.ANNEX or not self.label:
            return self.title
        return f"{self.label} {self.title}"

    def sections(self):
        return [child for child in self.children if isinstance(child, Section)]


@dataclass
class Report:
    """One UN document (the report, a draft part, a list of participants): masthead, front matter, chapters, annexes."""

    symbol: str
    organ: str
    distribution: str  # "General" for the report, "Limited" for a draft (an L. document)
    issued_on: date | None  # recorded when the document is finalised; None until then
    original_language: str  # the value after original_label: "English", "inglés", "español/inglés"
    front_lines: tuple[str, ...]  # the unnumbered lines above the title
    title: str
    chapters: list[Section]
    annexes: list[Section]
    subtitle: str = ""  # "Addendum" for L.2/Add.1 …
    job_number: str = ""
    language: str = "en"
    has_contents: bool = True  # a list of participants has none
    # The words of the masthead and the frame, in the version's language, as renderers print them.
    organization_name: str = "United Nations"
    distribution_label: str = "Distr.:"  # Spanish and French "Distr." before "general", "générale"
    date_label: str = "Date:"
    language_line: str = ""  # "Español" on a version that is not an original; empty on an original
    original_label: str = "Original:"  # French "Original\u00a0:"
    issued_text: str = ""  # the masthead's date in the version's language; empty: English
    job_number_letter: str = "E"  # (E), (S), (F), (A), (C), (R)
    # The language of the distribution, date and original lines: English (Latin script) on the
    # Arabic, Chinese and Russian versions, as their UN mastheads have it; else the version's own.
    masthead_language: str = "en"
    contents_heading: str = "Contents"
    page_heading: str = "Page"  # over the contents list's column of page numbers
    direction: str = "ltr"
    missing_texts: int = 0  # drafted texts with no version in this language, shown as Untranslated
    # Their unit ids ("meetings.document.7.title", as report/language_versions.py names them), in the whole report.
    untranslated: frozenset = frozenset()
    # The words printed where a document has no recorded issue date yet, in the document's language.
    date_to_be_set: str = ""
    # The Rapporteur line under a draft's title ("Rapporteur: Name (Country)"), empty elsewhere.
    rapporteur_line: str = ""
    # A date that does not change by itself (the meeting's last day), for identifiers of an undated document.
    reference_date: date | None = None
    # A draft part names the document it is a draft of; Akoma Ntoso links them.
    draft_of: str = ""
    status: str = ""  # "draft" for a part of the draft report, "" for a final document
    # What Akoma Ntoso names in its references: the venue, the meeting, and the States and
    # organizations represented, as the report names them.
    venue: str = ""
    meeting_title: str = ""
    represented: tuple[str, ...] = ()

    @property
    def issued(self):
        """The masthead's date, or the words that say it is still to be set: never the day of export."""
        if not self.issued_on:
            return self.date_to_be_set
        return self.issued_text or long_date(self.issued_on, self.masthead_language or "en")

    @property
    def identifier_date(self):
        """The date of the document's identifiers (Akoma Ntoso): the recorded issue date, else a fixed one."""
        return self.issued_on or self.reference_date

    @property
    def job_number_with_language(self):
        """ "V.19-02154 (E)": the job number and the letter of the version's language, on one line."""
        if not self.job_number:
            return ""
        return f"{self.job_number}\u00a0({self.job_number_letter})"

    @property
    def job_number_digits(self):
        """ "1902154" for V.19-02154: what the first page's barcode encodes."""
        return "".join(character for character in self.job_number if character.isdigit())

    @property
    def sections(self):
        return self.chapters + self.annexes

    @cached_property
    def version(self):
        """A fingerprint of everything the document says: it changes with any edit that shows in it.

        The ids of the texts not translated in order: a set's own order changes from one process to the next."""
        ordered = replace(self, untranslated=tuple(sorted(self.untranslated)))
        return hashlib.sha256(repr(ordered).encode()).hexdigest()[:32]

    def contents(self, depth=1):
        """The contents list as (section, depth): chapters and their sections down to `depth` (1: the
        sections, as the published report lists them; 2: their sub-sections too), then the annexes.

        Renderers print it only where has_contents says the document has a contents list (an addendum has none).
        """

        def walk(section, level):
            yield section, level
            if level < depth:
                for child in section.sections():
                    yield from walk(child, level + 1)

        for chapter in self.chapters:
            yield from walk(chapter, 0)
        for annex in self.annexes:
            yield annex, 0

    def paragraphs(self):
        """Every numbered paragraph, in order."""

        def walk(section):
            for child in section.children:
                if isinstance(child, Section):
                    yield from walk(child)
                elif isinstance(child, Paragraph):
                    yield child

        for section in self.sections:
            yield from walk(section)
