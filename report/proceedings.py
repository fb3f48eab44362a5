"""Chapters III and IV of the report: attendance and organization of work, and the adoption of the report, written
from the meeting's records (its dates and venue, attendance, officers, agenda, plenary meetings and documents)."""

from itertools import groupby

from django.utils.translation import npgettext, pgettext

import languages
from congress.models import Organization
from languages.dates import long_date
from languages.grammar import fill
from languages.versions import original_text
from meetings.models import Document, MeetingParagraph, Officer, Participation
from report.document import AgendaEntry, AgendaList, OfficerLine, OfficerList, Section, Symbol, Text
from report.wording import (
    PLACEHOLDER,
    attendance_sentence,
    compose,
    join_with_and,
    join_with_commas,
    list_count,
    meeting_title,
    officer_label,
    officer_person,
    organization_name,
    with_final_punctuation,
)


class ProceedingsChapters:
    """The ReportBuilder's chapters III and IV (report/builder.py)."""

    # Chapter III --------------------------------------------------------------------------

    def attendance_and_organization_of_work(self):
        chapter = self.chapter(pgettext("report", "Attendance and organization of work"), "attendance")
        self.last_session = None  # the plenary meeting the previous paragraph spoke of
        for key, title, blocks in (
            ("date-and-venue", pgettext("report", "Date and venue of the Meeting"), self.date_and_venue()),
            ("attendance", pgettext("report", "Attendance"), self.attendance()),
            ("opening", pgettext("report", "Opening of the Meeting"), self.opening()),
            ("election-of-officers", pgettext("report", "Election of officers"), self.election_of_officers()),
            (
                "agenda",
                pgettext("report", "Adoption of the agenda and organization of work"),
                self.adoption_of_the_agenda(),
            ),
            ("other-matters", pgettext("report", "Other matters"), self.other_matters()),
        ):
            if blocks:
                chapter.children.append(Section(Section.SECTION, "", title, "", blocks, key=key))
        language = self.language
        self.label_sections(chapter, Section.SECTION, "chapter-III", lambda i: languages.section_label(i, language))
        return chapter

    def date_and_venue(self):
        meeting = self.meeting
        # xgettext:no-python-brace-format
        template = pgettext("report", "The {meeting} was held in {city} {dates}.")
        sentence = fill(
            template,
            self.language,
            meeting=meeting_title(meeting, self.language, self.texts),
            city=self.texts.plain(meeting, "venue_city"),
            dates=self.dates,
        )
        return [self.paragraph([Text(sentence)])]

    def attendance(self):
        participations = list(self.meeting.participations.all())
        name = self.texts.name
        language = self.language
        members = languages.sorted_names(
            [name(p.state) for p in participations if p.capacity == Participation.Capacity.MEMBER], language
        )
        observer_states = languages.sorted_names(
            [name(p.state) for p in participations if p.state_id and p.capacity == Participation.Capacity.OBSERVER],
            language,
        )
        sentences = []
        if members:
            commission = name(self.meeting.regional_commission)
            sentences.append(
                npgettext(
                    "report",
                    "%(states)s, a State member of the %(commission)s, was represented at the Meeting.",
                    "The following States members of the %(commission)s were represented at the Meeting: %(states)s.",
                    list_count(members),
                )
                % {"states": join_with_commas(members), "commission": commission}
            )
        # States are listed with commas only; one observer State gets a sentence of its own.
        if observer_states:
            sentences.append(
                npgettext(
                    "report",
                    "%(states)s was represented by an observer.",
                    "The following States were represented by observers: %(states)s.",
                    list_count(observer_states),
                )
                % {"states": join_with_commas(observer_states)}
            )
        organizations = [p.organization for p in participations if p.organization_id]
        categories = list(Organization.Category)
        collator = languages.collator(language)

        def order(organization):
            return (
                categories.index(organization.category),
                organization.precedence,
                collator.getSortKey(self.organization_name(organization)),
            )

        for category, group in groupby(sorted(organizations, key=order), key=lambda o: o.category):
            names = [self.organization_name(organization) for organization in group]
            sentences.append(attendance_sentence(category, list_count(names)) % {"names": join_with_and(names)})
        return [self.paragraph([Text(sentence)]) for sentence in sentences]

    def organization_name(self, organization):
        return organization_name(organization, self.texts)

    def opening(self):
        meeting = self.meeting
        blocks = []
        # Decided from the records, the same in every version: one without the words marks them as missing.
        if meeting.opener:
            sessions = meeting.sessions.all()
            opened_on = sessions[0].date if sessions else meeting.start_date
            template = pgettext("report", "The %(meeting)s was opened on %(date)s by %(opener)s.")
            blocks.append(
                self.paragraph(
                    compose(
                        template,
                        meeting=meeting_title(meeting, self.language, self.texts),
                        date=long_date(opened_on, self.language),
                        opener=self.opener(),
                    )
                )
            )
        blocks.extend(self.drafted(p) for p in self.paragraphs[MeetingParagraph.Part.OPENING_STATEMENTS])
        return blocks

    def opener(self):
        """Who opened the meeting: a standard phrase in the catalogue's words, or the words typed per language."""
        if self.meeting.opener == self.meeting.Opener.SECRETARY:
            return pgettext("report", "the Secretary of the Meeting")
        return self.texts.inlines(self.meeting, "opened_by")

    def election_method(self, officer):
        if officer.election_method == Officer.ElectionMethod.ACCLAMATION:
            return pgettext("report", "by acclamation")
        return self.texts.inlines(officer, "election_wording")

    def election_of_officers(self):
        roles = list(Officer.Role)

        def how(officer):
            """Officers elected alike share a sentence: the same way, and the same words when in other words."""
            other = officer.election_method == Officer.ElectionMethod.OTHER
            return officer.election_method, original_text(officer, "election_wording")[0] if other else ""

        officers = sorted(
            self.meeting.officers.all(), key=lambda o: (o.elected_at.number, how(o), roles.index(o.role), o.order, o.pk)
        )
        blocks = []
        for (session, (method, _words)), elected in groupby(officers, key=lambda o: (o.elected_at, how(o))):
            elected = list(elected)
            values = self.session_values(session)
            if method:
                template = npgettext(
                    "report",
                    "At its %(ordinal)s meeting, on %(date)s, the Meeting elected, %(method)s, the following officer:",
                    "At its %(ordinal)s meeting, on %(date)s, the Meeting elected, %(method)s, the following officers:",
                    list_count(elected),
                )
                values["method"] = self.election_method(elected[0])
            else:
                template = npgettext(
                    "report",
                    "At its %(ordinal)s meeting, on %(date)s, the Meeting elected the following officer:",
                    "At its %(ordinal)s meeting, on %(date)s, the Meeting elected the following officers:",
                    list_count(elected),
                )
            blocks.append(self.paragraph(compose(template, **values)))
            self.last_session = session
            lines = []
            for role, holders in groupby(elected, key=lambda o: o.role):
                holders = list(holders)
                for index, officer in enumerate(holders):
                    label = officer_label(role, holders) if index == 0 else ""
                    lines.append(
                        OfficerLine(
                            label,
                            officer_person(officer, self.texts),
                            name=officer.name,
                            country=self.texts.name(officer.state),
                            role=officer.role,
                        )
                    )
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
            values = {}
            if provisional_agenda:
                template = pgettext(
                    "report", "The Meeting adopted its provisional agenda (%(symbol)s), which read as follows:"
                )
            else:
                template = pgettext("report", "The Meeting adopted its agenda, which read as follows:")
        else:
            values = self.session_values(session)
            if session == self.last_session and provisional_agenda:
                template = pgettext(
                    "report",
                    "Also at its %(ordinal)s meeting, the Meeting adopted its provisional agenda (%(symbol)s), "
                    "which read as follows:",
                )
            elif session == self.last_session:
                template = pgettext(
                    "report", "Also at its %(ordinal)s meeting, the Meeting adopted its agenda, which read as follows:"
                )
            elif provisional_agenda:
                template = pgettext(
                    "report",
                    "At its %(ordinal)s meeting, on %(date)s, the Meeting adopted its provisional agenda "
                    "(%(symbol)s), which read as follows:",
                )
            else:
                template = pgettext(
                    "report",
                    "At its %(ordinal)s meeting, on %(date)s, the Meeting adopted its agenda, which read as follows:",
                )
        if provisional_agenda:
            values["symbol"] = Symbol(provisional_agenda.symbol)
        blocks = [self.paragraph(compose(template, **values)), AgendaList(self.agenda_entries(items))]
        if session is not None:
            self.last_session = session

        sentences = []
        work_session = meeting.organization_of_work_at
        if work_session is not None:
            if work_session == self.last_session:
                sentences.append(
                    pgettext("report", "At the same meeting, the Meeting approved its organization of work.")
                )
            else:
                sentences.append(
                    pgettext(
                        "report",
                        "At its %(ordinal)s meeting, on %(date)s, the Meeting approved its organization of work.",
                    )
                    % self.session_values(work_session)
                )
            self.last_session = work_session
        if meeting.documents.all():
            sentences.append(
                pgettext(
                    "report",
                    "The list of documents before the Meeting is contained in the annex to the present report.",
                )
            )
        if sentences:
            blocks.append(self.paragraph([Text(languages.sentence_space(self.language).join(sentences))]))
        return blocks

    def agenda_item_title(self, item):
        title = self.texts.get(item, "title", "en")
        if title is None and item.topic_id:
            return self.topic_title(item.topic)
        return title if title is not None else self.texts.marker(item, "title").text

    def agenda_entries(self, items):
        children = {}
        for item in self.meeting.agenda_items.all():
            if item.parent_id is not None:
                children.setdefault(item.parent_id, []).append(item)
        language = self.language
        middle, end = languages.list_punctuation(language)
        colon = "：" if language == "zh" else ":"
        entries = []
        for number, item in enumerate(items, start=1):
            sub_items = children.get(item.pk, [])
            last_sub = len(sub_items) - 1
            entries.append(
                AgendaEntry(
                    label=languages.number_label(number, language),
                    # An item that announces sub-items ends with a colon.
                    text=self.agenda_item_title(item).rstrip(".:。：") + (colon if sub_items else end),
                    sub_items=tuple(
                        AgendaEntry(
                            languages.subparagraph_label(i, language),
                            with_final_punctuation(self.agenda_item_title(sub), i == last_sub, language),
                        )
                        for i, sub in enumerate(sub_items)
                    ),
                )
            )
        return tuple(entries)

    def other_matters(self):
        return [self.drafted(p) for p in self.paragraphs[MeetingParagraph.Part.OTHER_MATTERS]]

    # Chapter IV ---------------------------------------------------------------------------

    def adoption_of_the_report(self):
        chapter = self.chapter(pgettext("report", "Adoption of the report and closure of the Meeting"), "adoption")
        session = self.meeting.report_adopted_at
        if session is None:
            return chapter
        drafts = [part.symbol for part in self.meeting.draft_report_parts()]
        values = self.session_values(session)
        if drafts:
            symbols = []
            separator = pgettext("report list separator", ", ")
            last_separator = PLACEHOLDER.sub("", pgettext("report", "%(list)s and %(last)s"))
            for index, symbol in enumerate(drafts):
                if index:
                    symbols.append(Text(last_separator if index == len(drafts) - 1 else separator))
                symbols.append(Symbol(symbol))
            values["symbols"] = symbols
        # The draft goes before the Meeting before it is adopted: it says what the Meeting is to do.
        if self.draft and drafts:
            template = pgettext(
                "report",
                "At its %(ordinal)s meeting, on %(date)s, the Meeting is to consider and adopt its report "
                "(%(symbols)s).",
            )
        elif self.draft:
            template = pgettext(
                "report", "At its %(ordinal)s meeting, on %(date)s, the Meeting is to consider and adopt its report."
            )
        elif drafts and self.amendments.any_agreed:
            template = pgettext(
                "report",
                "At its %(ordinal)s meeting, on %(date)s, the Meeting considered and adopted its report "
                "(%(symbols)s), as orally revised.",
            )
        elif drafts:
            template = pgettext(
                "report",
                "At its %(ordinal)s meeting, on %(date)s, the Meeting considered and adopted its report (%(symbols)s).",
            )
        elif self.amendments.any_agreed:
            template = pgettext(
                "report",
                "At its %(ordinal)s meeting, on %(date)s, the Meeting considered and adopted its report, "
                "as orally revised.",
            )
        else:
            template = pgettext(
                "report", "At its %(ordinal)s meeting, on %(date)s, the Meeting considered and adopted its report."
            )
        chapter.children = [self.paragraph(compose(template, **values))]
        return chapter

    # Annex --------------------------------------------------------------------------------
