"""What the room's oral amendments (adoption/) change in the report the builder writes.

- A paragraph inserted during the reading ("42 bis") keeps the number of the paragraph before it until the
  report is adopted, so that the numbers the room is reading by do not move; the adopted report is numbered afresh.
- On a draft part, a paragraph whose text the room amended carries its agreed amendments as runs of words against
  the issued text, by delegation (document.Change): the Word file writes them as tracked changes, the PDF and the
  page mark them. Only the version in the language spoken has them; the others are translated afterwards.
"""

from dataclasses import dataclass
from datetime import UTC

from adoption.models import AMENDABLE, OralAmendment
from adoption.tracked import runs, tracked_words
from report.document import BIS_ANCHORS, Change, Paragraph, Section, Subparagraph, plain_text
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
        issued = plain(finish(amendments[0].issued_text)) if amendments[0].issued_text else ""
        revisions = [(plain(finish(a.proposed_text)), author(a), revision_date(a)) for a in amendments]
        words = tracked_words(issued, revisions)
        return tuple(Change(text, state, author_name, date) for text, state, author_name, date in runs(words))


def revision_date(amendment):
    """When it was agreed, as w:date takes it: "2019-03-28T16:05:00Z"."""
    moment = amendment.decided_at or amendment.proposed_at
    return moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def plain(text):
    """A drafted text's words without its markup (*italics*, [symbols])."""
    return plain_text(parse_inlines(text))


def author(amendment):
    """The proposer as the report names it: the delegation's name, "Chair", "Secretariat"."""
    return amendment.proposer_name


def bis_label(number, bis, language):
    """ "42 bis." (Arabic "42 bis -"): the Latin ordinal adverbs UN documents use in every language."""
    word = BIS_ANCHORS[min(bis, len(BIS_ANCHORS)) - 1]
    return f"{number} {word} -" if language == "ar" else f"{number} {word}."


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
