"""The programme of work as a delegate follows it: plenary meetings by day, with numbered agenda items,
their sub-items (a), (b) …, times, room and documents, and what is on now or next.

Everything here reads the meeting as `Meeting.objects.for_programme(user)` loaded it; nothing queries.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.utils import timezone

from meetings.models import Document
from public.document_files import document_rows

# A plenary meeting whose end is not recorded is taken to last this long, as the calendar file does.
USUAL_LENGTH = datetime.timedelta(hours=3)


def now():
    """The current moment; tests replace it to see the site as it is during, before or after a meeting."""
    return timezone.now()


def letter(index):
    return chr(ord("a") + index)


@dataclass
class ProgrammeItem:
    """An agenda item as the programme names it: "5." or "(a)", its title, its documents and sub-items."""

    label: str
    item: object
    documents: list = field(default_factory=list)  # document_files.DocumentRow
    sub_items: list["ProgrammeItem"] = field(default_factory=list)

    @property
    def title(self):
        return self.item.display_title


@dataclass
class ProgrammeSession:
    session: object
    starts_at: datetime.datetime  # aware; midnight at the venue when no time is recorded
    ends_at: datetime.datetime
    items: list[ProgrammeItem]

    @property
    def number(self):
        return self.session.number

    @property
    def has_time(self):
        return self.session.start_time is not None

    @property
    def draft_parts(self):
        """The parts of the draft report the plenary meeting takes up: those among its items' documents."""
        rows, seen = [], set()
        for item in self.items:
            for row in [*item.documents, *(row for sub in item.sub_items for row in sub.documents)]:
                if row.document.kind == Document.Kind.DRAFT_REPORT and row.document.pk not in seen:
                    seen.add(row.document.pk)
                    rows.append(row)
        return rows


@dataclass
class Programme:
    meeting: object
    sessions: list[ProgrammeSession]

    def days(self):
        """[(date, [sessions])] in order."""
        days = {}
        for session in self.sessions:
            days.setdefault(session.session.date, []).append(session)
        return list(days.items())

    def day(self, date):
        return [session for session in self.sessions if session.session.date == date]

    def session(self, number):
        return next((session for session in self.sessions if session.number == number), None)

    def after(self, programme_session):
        index = self.sessions.index(programme_session)
        return self.sessions[index + 1] if index + 1 < len(self.sessions) else None

    def local_date(self, moment):
        return moment.astimezone(zoneinfo.ZoneInfo(self.meeting.time_zone)).date()

    def moment(self, at=None):
        """What a delegate looking at the meeting at `at` (by default now) wants: ("before", None),
        ("now", session), ("next", session) or ("after", None)."""
        at = at or now()
        if self.local_date(at) < self.meeting.start_date:
            return "before", None
        for session in self.sessions:
            if session.starts_at <= at < session.ends_at:
                return "now", session
        upcoming = [session for session in self.sessions if session.starts_at > at]
        if upcoming and self.local_date(at) <= self.meeting.end_date:
            return "next", upcoming[0]
        return "after", None


def programme_of(meeting, *, documents=True):
    """The meeting's programme from its prefetched sessions, agenda items and visible documents.

    Loaded without a reader (`for_programme()`), it has the plenary meetings and their times only;
    with `documents=False`, the items without their documents (for a page that prefetched none).
    """
    venue = zoneinfo.ZoneInfo(meeting.time_zone)
    items = list(getattr(meeting, "all_agenda_items", []))
    top_level = [item for item in items if item.parent_id is None]
    rows = {row.document.pk: row for row in document_rows(meeting, documents_of(meeting, items))} if documents else {}
    labels, children = {}, {}
    for number, item in enumerate(top_level, start=1):
        labels[item.pk] = f"{number}."
        subs = [sub for sub in items if sub.parent_id == item.pk]
        children[item.pk] = subs
        for index, sub in enumerate(subs):
            labels[sub.pk] = f"({letter(index)})"

    def entry(item, with_sub_items=True):
        return ProgrammeItem(
            label=labels.get(item.pk, ""),
            item=item,
            documents=[rows[document.pk] for document in item.documents.all() if document.pk in rows] if rows else [],
            sub_items=[entry(sub, False) for sub in children.get(item.pk, [])] if with_sub_items else [],
        )

    by_pk = {item.pk: item for item in items}
    position = {pk: index for index, pk in enumerate(by_pk)}
    sessions = []
    for session in meeting.sessions.all():
        taken_up = [by_pk[item.pk] for item in session.agenda_items.all() if item.pk in by_pk]
        # A sub-item taken up on its own is labelled with its item's number: "5 (a)".
        entries = []
        for item in sorted(taken_up, key=lambda i: position[i.pk]):
            programme_item = entry(item)
            if item.parent_id:
                programme_item.label = f"{labels[item.parent_id].rstrip('.')} {labels[item.pk]}"
            entries.append(programme_item)
        start = datetime.datetime.combine(session.date, session.start_time or datetime.time(), tzinfo=venue)
        if session.start_time and session.end_time:
            end = datetime.datetime.combine(session.date, session.end_time, tzinfo=venue)
        elif session.start_time:
            end = start + USUAL_LENGTH
        else:
            end = start + datetime.timedelta(days=1)
        sessions.append(ProgrammeSession(session, start, end, entries))
    sessions.sort(key=lambda s: (s.starts_at, s.number))
    return Programme(meeting, sessions)


def documents_of(meeting, items):
    """The documents of the items, each once, knowing their meeting (their download addresses name it)."""
    seen, documents = set(), []
    for item in items:
        for document in item.documents.all():
            # Every copy: a document of several items is loaded once per item, and its files name one of them.
            document.meeting = meeting
            if document.pk not in seen:
                seen.add(document.pk)
                documents.append(document)
    return documents
