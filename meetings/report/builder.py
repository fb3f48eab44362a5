"""Builds a meeting's report as a document tree, following UN editorial practice.

This is the one place that numbers paragraphs, letters recommendations and sections, and writes
the sentences of chapters III and IV from the meeting's records. Nothing here is stored: add a
paragraph or a State and the next build renumbers and rewrites everything after it.
"""

import re
from dataclasses import replace
from itertools import count, groupby

from django.utils import timezone, translation

from congress.dates import date_range, long_date, ordinal
from congress.models import Organization
from meetings.models import Document, Meeting, MeetingParagraph, Officer, Participation
from meetings.report.document import (
    AgendaEntry,
    AgendaList,
    OfficerLine,
    OfficerList,
    Paragraph,
    Report,
    Section,
    Subheading,
    Subparagraph,
    Symbol,
    Table,
    Text,
)
from meetings.report.markup import parse_inlines

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

# Attendance paragraphs: (plural sentence, singular sentence), in the order the report gives them.
ORGANIZATION_ATTENDANCE = {
    Organization.Category.UN_ENTITY: (
        "The following entities of the United Nations system were represented by observers: {}.",
        "The following entity of the United Nations system was represented by an observer: {}.",
    ),
    Organization.Category.INSTITUTE: (
        "The following institutes of the United Nations crime prevention and criminal justice programme "
        "network were represented by observers: {}.",
        "The following institute of the United Nations crime prevention and criminal justice programme "
        "network was represented by an observer: {}.",
    ),
    Organization.Category.INTERGOVERNMENTAL: (
        "The following intergovernmental organizations were represented by observers: {}.",
        "The following intergovernmental organization was represented by an observer: {}.",
    ),
    Organization.Category.NON_GOVERNMENTAL: (
        "The following non-governmental organizations in consultative status with the Economic and Social "
        "Council were represented by observers: {}.",
        "The following non-governmental organization in consultative status with the Economic and Social "
        "Council was represented by an observer: {}.",
    ),
}

OFFICER_LABELS = {
    Officer.Role.CHAIR: ("Chair:", "Chairs:"),
    Officer.Role.VICE_CHAIR: ("Vice-Chair:", "Vice-Chairs:"),
    Officer.Role.RAPPORTEUR: ("Rapporteur:", "Rapporteurs:"),
}

ADDENDUM = re.compile(r"^(?P<base>.+)/Add\.(?P<number>\d+)$")


def build_report_for_symbol(symbol):
    """The report, or the part of a draft report, with this symbol; raises Meeting.DoesNotExist."""
    meetings = Meeting.objects.for_report()
    try:
        return build_report(meetings.get(symbol=symbol))
    except Meeting.DoesNotExist:
        part = Document.objects.filter(symbol=symbol, kind=Document.Kind.DRAFT_REPORT).first()
        if part is None:
            raise
        return build_draft_parts(meetings.get(pk=part.meeting_id))[symbol]


def build_report(meeting):
    """The whole report of a meeting loaded with Meeting.objects.for_report()."""
    with translation.override("en"):
        return ReportBuilder(meeting).build()


def build_draft_parts(meeting):
    """The draft report in parts (L.2, L.2/Add.1, …), each a document of its own numbered from 1.

    A chapter or section goes to the part the secretariat assigned it to, or else with the
    chapter or section that contains it; unassigned chapters go to the first part. So together
    the parts hold every paragraph of the report exactly once.
    """
    report = build_report(meeting)
    parts = meeting.draft_report_parts()
    if not parts:
        return {}
    assigned = {assignment.section: assignment.part.symbol for assignment in meeting.part_assignments.all()}
    first = parts[0].symbol

    def prune(section, inherited, symbol):
        owner = assigned.get(section.key, inherited)
        children = []
        for child in section.children:
            if isinstance(child, Section):
                if kept := prune(child, owner, symbol):
                    children.append(kept)
            elif owner == symbol:
                children.append(child)
        return replace(section, children=children) if children else None

    with translation.override("en"):
        drafts = {}
        for part in parts:
            paragraph_numbers = count(1)
            chapters = [kept for chapter in report.chapters if (kept := prune(chapter, first, part.symbol))]
            annexes = [kept for annex in report.annexes if (kept := prune(annex, first, part.symbol))]
            drafts[part.symbol] = Report(
                symbol=part.symbol,
                organ=report.organ,
                distribution="Limited",
                issued_on=part.issued_on or timezone.localdate(),
                original_language=report.original_language,
                front_lines=meeting_lines(meeting),
                title=part.title,
                subtitle="Addendum" if ADDENDUM.match(part.symbol) else "",
                job_number=part.job_number,
                chapters=renumbered(chapters, paragraph_numbers),
                annexes=renumbered(annexes, paragraph_numbers),
            )
        return drafts


def meeting_lines(meeting):
    """The lines that name the meeting above a draft part's or a list of participants' title."""
    return meeting.title, f"{meeting.venue_city}, {date_range(meeting.start_date, meeting.end_date, style='dash')}"


def renumbered(sections, numbers):
    """The same sections with their paragraphs numbered again from `numbers`, for a part of the draft."""
    result = []
    for section in sections:
        children = []
        for child in section.children:
            if isinstance(child, Section):
                children.extend(renumbered([child], numbers))
            elif isinstance(child, Paragraph):
                children.append(replace(child, number=next(numbers)))
            else:
                children.append(child)
        result.append(replace(section, children=children))
    return result


def section_choices(report):
    """(key, heading) for every chapter, section and sub-section, indented by depth, for the admin."""

    def walk(section, depth):
        yield section.key, "\u2003" * depth + section.heading
        for child in section.sections():
            yield from walk(child, depth + 1)

    for section in report.sections:
        yield from walk(section, 0)


def letter(index):
    """a, b, … z, then aa, bb, … as UN documents continue the alphabet."""
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def join_with_and(names):
    """ "A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def with_final_punctuation(text, last):
    """A list entry ends with ";" and the last one with "."; whatever the drafter typed is replaced."""
    return text.rstrip().rstrip(";.") + ("." if last else ";")


class ReportBuilder:
    def __init__(self, meeting):
        self.meeting = meeting
        self.congress = meeting.congress
        self.paragraph_count = 0
        self.paragraphs = {part: [] for part in MeetingParagraph.Part}
        for paragraph in meeting.paragraphs.all():
            self.paragraphs[paragraph.part].append(paragraph)

    def build(self):
        meeting = self.meeting
        chapters = [
            chapter
            for chapter in (
                self.introduction(),
                self.conclusions_and_recommendations(),
                self.attendance_and_organization_of_work(),
                self.adoption_of_the_report(),
            )
            if chapter.children
        ]
        for number, chapter in enumerate(chapters):
            chapter.label = f"{ROMAN[number]}."
            chapter.anchor = f"chapter-{ROMAN[number]}"
        annexes = [annex for annex in (self.list_of_documents(),) if annex.children]
        for number, annex in enumerate(annexes):
            annex.label = f"Annex {ROMAN[number]}"
            annex.anchor = f"annex-{ROMAN[number]}"
        return Report(
            symbol=meeting.symbol,
            organ="General Assembly",
            distribution="General",
            issued_on=meeting.report_issued_on or timezone.localdate(),
            original_language=meeting.get_original_language_display(),
            front_lines=(self.congress.title, self.congress.place_and_dates),
            title=f"Report of the {meeting.title}, held in {meeting.venue_city} {meeting.dates}",
            job_number=meeting.report_job_number,
            chapters=chapters,
            annexes=annexes,
        )

    # Building blocks ----------------------------------------------------------------------

    def paragraph(self, source):
        """The next numbered paragraph, from drafted text with markup or from a tuple of inlines."""
        self.paragraph_count += 1
        content = parse_inlines(source) if isinstance(source, str) else tuple(source)
        return Paragraph(number=self.paragraph_count, content=content)

    @staticmethod
    def chapter(title, key):
        return Section(level=Section.CHAPTER, label="", title=title, anchor="", key=f"chapter-{key}")

    @staticmethod
    def label_sections(parent, level, anchor_prefix, labels):
        """Letters or numbers the sub-sections of a parent; a lone one gets no label ("A." without "B.")."""
        sections = parent.sections()
        for index, section in enumerate(sections):
            section.level = level
            section.label = labels(index) if len(sections) > 1 else ""
            section.anchor = f"{anchor_prefix}-{index + 1}"

    def session_phrase(self, session):
        """ "At its 1st meeting, on 26 March 2019," as the report opens a paragraph about a decision."""
        return f"At its {ordinal(session.number)} meeting, on {long_date(session.date)},"

    # Chapter I ----------------------------------------------------------------------------

    def introduction(self):
        chapter = self.chapter("Introduction", "introduction")
        # A meeting's own Introduction replaces the standard text its Congress gives every meeting.
        paragraphs = self.paragraphs[MeetingParagraph.Part.INTRODUCTION] or self.congress.introduction_paragraphs
        chapter.children = [self.paragraph(paragraph.text) for paragraph in paragraphs]
        return chapter

    # Chapter II ---------------------------------------------------------------------------

    def conclusions_and_recommendations(self):
        chapter = self.chapter("Conclusions and recommendations", "conclusions")
        chapter.children = [
            self.paragraph(paragraph.text) for paragraph in self.paragraphs[MeetingParagraph.Part.CONCLUSIONS_PREAMBLE]
        ]
        discussions = [
            d for d in self.meeting.discussions.all() if d.summary_paragraphs.all() or d.recommendations.all()
        ]
        main_theme = [d for d in discussions if d.topic.kind == d.topic.Kind.MAIN_THEME]
        substantive = [d for d in discussions if d.topic.kind != d.topic.Kind.MAIN_THEME]
        for discussion in main_theme:
            section = Section(Section.SECTION, "", discussion.topic.title, "", key="main-theme")
            section.children = self.discussion_blocks(discussion)
            chapter.children.append(section)
        if substantive:
            section = Section(Section.SECTION, "", "Substantive items and workshops", "", key="substantive")
            for discussion in substantive:
                subsection = Section(
                    Section.SUBSECTION, "", discussion.topic.title, "", key=f"topic-{discussion.topic_id}"
                )
                subsection.children = self.discussion_blocks(discussion)
                section.children.append(subsection)
            chapter.children.append(section)
        self.label_sections(chapter, Section.SECTION, "chapter-II", lambda i: f"{chr(ord('A') + i)}.")
        for section in chapter.sections():
            self.label_sections(section, Section.SUBSECTION, section.anchor, lambda i: f"{i + 1}.")
        return chapter

    def discussion_blocks(self, discussion):
        blocks = []
        summary = discussion.summary_paragraphs.all()
        if summary:
            blocks.append(Subheading("Summary of deliberations"))
            blocks.extend(self.paragraph(paragraph.text) for paragraph in summary)
        recommendations = discussion.recommendations.all()
        if recommendations:
            blocks.append(Subheading("Outcome of deliberations"))
            blocks.append(self.paragraph(discussion.outcome_introduction))
            last = len(recommendations) - 1
            blocks.extend(
                Subparagraph(f"({letter(index)})", parse_inlines(with_final_punctuation(rec.text, index == last)))
                for index, rec in enumerate(recommendations)
            )
        return blocks

    # Chapter III --------------------------------------------------------------------------

    def attendance_and_organization_of_work(self):
        chapter = self.chapter("Attendance and organization of work", "attendance")
        self.last_session = None  # the plenary meeting the previous paragraph spoke of
        for key, title, blocks in (
            ("date-and-venue", "Date and venue of the Meeting", self.date_and_venue()),
            ("attendance", "Attendance", self.attendance()),
            ("opening", "Opening of the Meeting", self.opening()),
            ("election-of-officers", "Election of officers", self.election_of_officers()),
            ("agenda", "Adoption of the agenda and organization of work", self.adoption_of_the_agenda()),
            ("other-matters", "Other matters", self.other_matters()),
        ):
            if blocks:
                chapter.children.append(Section(Section.SECTION, "", title, "", blocks, key=key))
        self.label_sections(chapter, Section.SECTION, "chapter-III", lambda i: f"{chr(ord('A') + i)}.")
        return chapter

    def date_and_venue(self):
        meeting = self.meeting
        return [self.paragraph([Text(f"The {meeting.title} was held in {meeting.venue_city} {meeting.dates}.")])]

    def attendance(self):
        participations = list(self.meeting.participations.all())
        members = sorted(p.state.name for p in participations if p.capacity == Participation.Capacity.MEMBER)
        observer_states = sorted(
            p.state.name for p in participations if p.state_id and p.capacity == Participation.Capacity.OBSERVER
        )
        blocks = []
        commission = self.meeting.regional_commission.name
        if len(members) > 1:
            blocks.append(f"The following States members of the {commission} were represented at the Meeting: ")
            blocks[-1] += ", ".join(members) + "."
        elif members:
            blocks.append(f"{members[0]}, a State member of the {commission}, was represented at the Meeting.")
        # States are listed with commas only; one observer State gets a sentence of its own.
        if len(observer_states) > 1:
            blocks.append(f"The following States were represented by observers: {', '.join(observer_states)}.")
        elif observer_states:
            blocks.append(f"{observer_states[0]} was represented by an observer.")
        organizations = sorted(
            (p.organization for p in participations if p.organization_id),
            key=lambda o: (list(Organization.Category).index(o.category), o.precedence, o.name),
        )
        for category, group in groupby(organizations, key=lambda o: o.category):
            names = [organization.report_name for organization in group]
            plural, singular = ORGANIZATION_ATTENDANCE[category]
            blocks.append((plural if len(names) > 1 else singular).format(join_with_and(names)))
        return [self.paragraph([Text(sentence)]) for sentence in blocks]

    def opening(self):
        meeting = self.meeting
        blocks = []
        if meeting.opened_by:
            sessions = meeting.sessions.all()
            opened_on = sessions[0].date if sessions else meeting.start_date
            blocks.append(
                self.paragraph(
                    [Text(f"The {meeting.title} was opened on {long_date(opened_on)} by {meeting.opened_by}.")]
                )
            )
        blocks.extend(self.paragraph(p.text) for p in self.paragraphs[MeetingParagraph.Part.OPENING_STATEMENTS])
        return blocks

    def election_of_officers(self):
        roles = list(Officer.Role)
        officers = sorted(
            self.meeting.officers.all(),
            key=lambda o: (o.elected_at.number, o.election_method, roles.index(o.role), o.order, o.pk),
        )
        blocks = []
        for (session, method), elected in groupby(officers, key=lambda o: (o.elected_at, o.election_method)):
            elected = list(elected)
            how = f", {method}," if method else ""
            whom = "the following officers" if len(elected) > 1 else "the following officer"
            blocks.append(self.paragraph([Text(f"{self.session_phrase(session)} the Meeting elected{how} {whom}:")]))
            self.last_session = session
            lines = []
            for role, holders in groupby(elected, key=lambda o: o.role):
                holders = list(holders)
                singular, plural = OFFICER_LABELS[role]
                for index, officer in enumerate(holders):
                    label = (plural if len(holders) > 1 else singular) if index == 0 else ""
                    lines.append(OfficerLine(label, f"{officer.name} ({officer.state.name})"))
            blocks.append(OfficerList(tuple(lines)))
        return blocks

    def adoption_of_the_agenda(self):
        meeting = self.meeting
        items = [item for item in meeting.agenda_items.all() if item.parent_id is None]
        if not items:
            return []
        session = meeting.agenda_adopted_at
        provisional_agenda = next(
            (d for d in meeting.documents.all() if d.kind == Document.Kind.PROVISIONAL_AGENDA), None
        )
        if session is None:
            opening = "The Meeting adopted its"
        elif session == self.last_session:
            opening = f"Also at its {ordinal(session.number)} meeting, the Meeting adopted its"
        else:
            opening = f"{self.session_phrase(session)} the Meeting adopted its"
        if provisional_agenda:
            content = [Text(f"{opening} provisional agenda ("), Symbol(provisional_agenda.symbol), Text(")")]
        else:
            content = [Text(f"{opening} agenda")]
        content.append(Text(", which read as follows:"))
        blocks = [self.paragraph(content), AgendaList(self.agenda_entries(items))]
        if session is not None:
            self.last_session = session

        sentences = []
        work_session = meeting.organization_of_work_at
        if work_session is not None:
            if work_session == self.last_session:
                sentences.append("At the same meeting, the Meeting approved its organization of work.")
            else:
                sentences.append(f"{self.session_phrase(work_session)} the Meeting approved its organization of work.")
            self.last_session = work_session
        if meeting.documents.all():
            sentences.append(
                "The list of documents before the Meeting is contained in the annex to the present report."
            )
        if sentences:
            blocks.append(self.paragraph([Text(" ".join(sentences))]))
        return blocks

    def agenda_entries(self, items):
        children = {}
        for item in self.meeting.agenda_items.all():
            if item.parent_id is not None:
                children.setdefault(item.parent_id, []).append(item)
        entries = []
        for number, item in enumerate(items, start=1):
            sub_items = children.get(item.pk, [])
            last_sub = len(sub_items) - 1
            entries.append(
                AgendaEntry(
                    label=f"{number}.",
                    # An item that announces sub-items ends with a colon.
                    text=item.display_title.rstrip(".:") + (":" if sub_items else "."),
                    sub_items=tuple(
                        AgendaEntry(f"({letter(i)})", with_final_punctuation(sub.display_title, i == last_sub))
                        for i, sub in enumerate(sub_items)
                    ),
                )
            )
        return tuple(entries)

    def other_matters(self):
        return [self.paragraph(p.text) for p in self.paragraphs[MeetingParagraph.Part.OTHER_MATTERS]]

    # Chapter IV ---------------------------------------------------------------------------

    def adoption_of_the_report(self):
        chapter = self.chapter("Adoption of the report and closure of the Meeting", "adoption")
        session = self.meeting.report_adopted_at
        if session is None:
            return chapter
        drafts = [part.symbol for part in self.meeting.draft_report_parts()]
        content = [Text(f"{self.session_phrase(session)} the Meeting considered and adopted its report")]
        if drafts:
            content.append(Text(" ("))
            for index, symbol in enumerate(drafts):
                if index:
                    content.append(Text(" and " if index == len(drafts) - 1 else ", "))
                content.append(Symbol(symbol))
            content.append(Text(")"))
        content.append(Text("."))
        chapter.children = [self.paragraph(content)]
        return chapter

    # Annex --------------------------------------------------------------------------------

    def list_of_documents(self):
        annex = Section(level=Section.ANNEX, label="", title="List of documents", anchor="", key="annex-documents")
        documents = list(self.meeting.documents.all())
        symbols = {document.symbol for document in documents}
        addenda = {}
        for document in documents:
            match = ADDENDUM.match(document.symbol)
            if match and match["base"] in symbols:
                addenda.setdefault(match["base"], []).append(int(match["number"]))
        rows = []
        for document in documents:
            match = ADDENDUM.match(document.symbol)
            if match and match["base"] in symbols:
                continue  # listed on its base document's row
            symbol = document.symbol + addenda_suffix(sorted(addenda.get(document.symbol, [])))
            rows.append(((Text(symbol),), parse_inlines(document.title)))
        if rows:
            annex.children = [Table(columns=("Symbol", "Title"), rows=tuple(rows))]
        return annex


def addenda_suffix(numbers):
    """ " and Add.1–4" for a document listed with its addenda on one row of the annex."""
    if not numbers:
        return ""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f" and Add.{numbers[0]}–{numbers[-1]}"
    return " and " + join_with_and(f"Add.{number}" for number in numbers)
