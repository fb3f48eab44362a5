"""What the room's oral amendments (adoption/) change in the report the builder writes.

- A paragraph inserted during the reading ("42 bis") keeps the number of the paragraph before it until the
  report is adopted, so that the numbers the room is reading by do not move; the adopted report is numbered afresh.
- On a draft part, a paragraph whose text the room amended carries its agreed amendments as runs of words against
  the issued text, by delegation (document.Change): the Word file writes them as tracked changes, the PDF and the
  page mark them. Only the version in the language spoken has them; the others are translated afterwards.
"""

from dataclasses import dataclass
from datetime import UTC

import languages
from adoption.models import AMENDABLE, OralAmendment
from adoption.tracked import runs, tracked_words
from report.document import BIS_ANCHORS, Change, Emphasis, Paragraph, Section, Subparagraph, Symbol, plain_text
from report.markup import parse_inlines


class Amendments:
    """The agreed amendments of a meeting, as the builder asks about them paragraph by paragraph."""

    def __init__(self, meeting, language, *, draft):
        agreed = getattr(meeting, "agreed_amendments", None)
        if agreed is None:
            agreed = list(
                meeting.oral_amendments.filter(status=OralAmendment.Status.AGREED).select_related(
                    "delegation__state", "delegation__organization"
                )
            )
        self.language = language
        self.any_agreed = bool(agreed)
        # The adopted report is numbered afresh; its draft parts keep the numbers the room read them by.
        self.numbered_afresh = meeting.report_is_adopted and not draft
        self.inserted = {amendment.inserted: amendment for amendment in agreed if amendment.inserted}
        self.by_source = {}
        if draft:
            for amendment in sorted(agreed, key=lambda a: (a.decided_at or a.proposed_at, a.pk)):
                if amendment.parent_id is None and amendment.language == language:
                    source = amendment.inserted or amendment.source
                    self.by_source.setdefault(source, []).append(amendment)

    def is_bis(self, source):
        return bool(source) and source in self.inserted and not self.numbered_afresh

    def changes(self, source, finish=lambda text: text):
        """The runs of a paragraph's words against its issued text, or () when the room did not amend it here.

        `finish` adds what the builder adds to the record's text (a recommendation's closing punctuation)."""
        amendments = self.by_source.get(source)
        if not amendments:
            return ()
        issued = styled(finish(amendments[0].issued_text)) if amendments[0].issued_text else ""
        revisions = [(styled(finish(a.proposed_text)), author(a), revision_date(a)) for a in amendments]
        words = tracked_words(issued, revisions)
        return tuple(change(*run) for run in runs(words))


def revision_date(amendment):
    """When it was agreed, as w:date takes it: "2019-03-28T16:05:00Z"."""
    moment = amendment.decided_at or amendment.proposed_at
    return moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


EMPHASIS = "emphasis"


def change(text, state, author_name, date, style):
    """A run of tracked words (adoption.tracked.runs) as the tree's Change, its style as italics or a symbol."""
    symbol = style[1] if isinstance(style, tuple) else ""
    return Change(text, state, author_name, date, emphasis=style == EMPHASIS, symbol=symbol)


def styled(text):
    """A drafted text as [(words, style)] for adoption.tracked: its markup kept as each run's style, None (plain),
    EMPHASIS (*italics*) or ("symbol", "A/CONF.234/1") ([A/CONF.234/1], a resolution cited by number), so that the
    tracked words keep it and the renderers set them as the rest of the report."""
    segments = []
    for inline in parse_inlines(text):
        if isinstance(inline, Emphasis):
            segments.append((inline.text, EMPHASIS))
        elif isinstance(inline, Symbol):
            segments.append((inline.symbol, ("symbol", inline.symbol)))
        else:
            segments.append((plain_text((inline,)), None))
    return segments


def author(amendment):
    """The proposer as the report names it: the delegation's name, "Chair", "Secretariat"."""
    return amendment.proposer_name


# The word after the number of a paragraph or letter inserted during the adoption, per language: the Latin ordinal
# adverbs. French and Spanish write them as their own words ("paragraphe 12 bis", "párrafo 45 bis"); no Arabic,
# Chinese or Russian UN document giving another form was found, so those versions keep the Latin words too.
BIS_WORDS = {
    "ar": BIS_ANCHORS,
    "zh": BIS_ANCHORS,
    "en": BIS_ANCHORS,
    "fr": BIS_ANCHORS,
    "ru": BIS_ANCHORS,
    "es": BIS_ANCHORS,
}


def bis_word(bis, language):
    words = BIS_WORDS.get(language, BIS_ANCHORS)
    return words[min(bis, len(words)) - 1]


def bis_label(number, bis, language):
    """ "42 bis." (Arabic "42 bis -"): a paragraph inserted after paragraph 42, until the report is adopted."""
    word = bis_word(bis, language)
    return f"{number} {word} -" if language == "ar" else f"{number} {word}."


def subparagraph_bis_label(index, bis, language):
    """ "(b) bis" (French "b) bis", Arabic "(ب) bis"): a subparagraph inserted after the one lettered at `index`,
    in the version's own letter style (languages.numbering), until the report is adopted."""
    return f"{languages.subparagraph_label(index, language)} {bis_word(bis, language)}"


@dataclass(frozen=True)
class Item:
    """A paragraph or lettered subparagraph of a draft part, as the room reads it."""

    source: str  # the record it is written from; "" for a sentence the builder writes (chapter III)
    label: str  # "12.", "12 bis.", "(c)"
    content: tuple  # its inlines, as it stands
    changes: tuple  # the agreed amendments' runs (document.Change), in the language they were spoken in
    heading: str  # the innermost section's heading

    @property
    def key(self):
        """What the reading's position names: the record, or for a builder's sentence its label."""
        return self.source or f"label:{self.label}"

    @property
    def amendable(self):
        return self.source.rsplit(".", 1)[0] in AMENDABLE

    @property
    def text(self):
        return plain_text(self.content)


def items_of(part):
    """The paragraphs and subparagraphs of a draft part (a built Report), in reading order."""

    def walk(section):
        for child in section.children:
            if isinstance(child, Section):
                yield from walk(child)
            elif isinstance(child, Paragraph | Subparagraph):
                yield Item(child.source, child.label, child.content, child.changes, section.heading)

    return [item for section in part.sections for item in walk(section)]
