"""The report as a plain document tree, free of the database and of any output format.

The builder (builder.py) makes it and owns every number and letter in it; each renderer walks it.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from congress.dates import long_date


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emphasis:
    """Italics, as UN documents set the titles of publications."""

    text: str


@dataclass(frozen=True)
class Symbol:
    """A UN document symbol, which online renderers link to the Official Document System."""

    symbol: str


Inline = Text | Emphasis | Symbol


def plain_text(content):
    """The words of a run of inlines, without their styling."""
    return "".join(getattr(inline, "text", None) or inline.symbol for inline in content)


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph; numbers run 1…N through the whole report."""

    number: int
    content: tuple[Inline, ...]

    @property
    def anchor(self):
        return f"para-{self.number}"


@dataclass(frozen=True)
class Subparagraph:
    """A lettered subparagraph, (a), (b) …, such as a recommendation."""

    label: str
    content: tuple[Inline, ...]


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
    label: str  # "I.", "A.", "1.", "Annex I", or "" for a section that stands alone
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
    issued_on: date
    original_language: str
    front_lines: tuple[str, ...]  # the unnumbered lines above the title
    title: str
    chapters: list[Section]
    annexes: list[Section]
    subtitle: str = ""  # "Addendum" for L.2/Add.1 …
    job_number: str = ""
    language: str = "en"
    has_contents: bool = True  # a list of participants has none

    @property
    def issued(self):
        return long_date(self.issued_on)

    @property
    def sections(self):
        return self.chapters + self.annexes

    @cached_property
    def version(self):
        """A fingerprint of everything the document says: it changes with any edit that shows in it."""
        return hashlib.sha256(repr(self).encode()).hexdigest()[:32]

    def contents(self, depth=1):
        """The contents list as (section, depth): chapters and their sections down to `depth` (1: the
        sections, as the published report lists them; 2: their sub-sections too), then the annexes."""
        if not self.has_contents:
            return

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
