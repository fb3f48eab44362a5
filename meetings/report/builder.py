"""Builds a meeting's report as a document tree, following UN editorial practice.

This is the one place that numbers paragraphs, letters recommendations and sections, and writes
the sentences of chapters III and IV from the meeting's records. Nothing here is stored: add a
paragraph or a State and the next build renumbers and rewrites everything after it.

One builder writes all six language versions from the same records: every generated word comes
from the catalogues (message context "report"), names and drafted text from each record's field
in the version's language (title_es, name_fr …), numbering from languages.py, dates from dates.py.
A text with no version in the language is shown as missing, in that language, never in another.
"""

import re
from dataclasses import replace
from itertools import count, groupby

from django.utils import translation
from django.utils.translation import npgettext, pgettext

from congress.grammar import fill
from congress.models import Organization
from meetings.models import Document, Meeting, MeetingParagraph, Officer, Participation
from meetings.offices import office_label
from meetings.report import languages
from meetings.report.dates import date_range, long_date, meeting_ordinal
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
    Untranslated,
)
from meetings.report.languages import letter  # noqa: F401  (tests and callers letter lists with it)
from meetings.report.markup import parse_inlines

ADDENDUM = re.compile(r"^(?P<base>.+)/Add\.(?P<number>\d+)$")
PLACEHOLDER = re.compile(r"%\((?P<name>\w+)\)s")
# The model's standard phrases, which the catalogues translate like any generated phrase.
BY_ACCLAMATION = "by acclamation"
OPENED_BY_SECRETARY = "the Secretary of the Meeting"


def list_count(names):
    """The count that chooses between a sentence about one name and a sentence listing several.

    It is capped at 10: the choice is one against a list, and a real count of 21 would pick the
    Russian form for 1 (plural forms follow the number's last digits)."""
    return min(len(names), 10)


def attendance_sentence(category, count_):
    """The sentence that lists the organizations of one category, singular or plural."""
    if category == Organization.Category.UN_ENTITY:
        return npgettext(
            "report",
            "The following entity of the United Nations system was represented by an observer: %(names)s.",
            "The following entities of the United Nations system were represented by observers: %(names)s.",
            count_,
        )
    if category == Organization.Category.INSTITUTE:
        return npgettext(
            "report",
            "The following institute of the United Nations crime prevention and criminal justice programme "
            "network was represented by an observer: %(names)s.",
            "The following institutes of the United Nations crime prevention and criminal justice programme "
            "network were represented by observers: %(names)s.",
            count_,
        )
    if category == Organization.Category.INTERGOVERNMENTAL:
        return npgettext(
            "report",
            "The following intergovernmental organization was represented by an observer: %(names)s.",
            "The following intergovernmental organizations were represented by observers: %(names)s.",
            count_,
        )
    return npgettext(
        "report",
        "The following non-governmental organization in consultative status with the Economic and Social "
        "Council was represented by an observer: %(names)s.",
        "The following non-governmental organizations in consultative status with the Economic and Social "
        "Council were represented by observers: %(names)s.",
        count_,
    )


def officer_label(role, holders):
    """ "Chair:", "Vice-Chairs:" … heading a role's holders; feminine where the language marks it and
    every holder is recorded as a woman (meetings/offices.py)."""
    women = all(officer.gender == Officer.Gender.WOMAN for officer in holders)
    return office_label(role, list_count(holders), women=women)


def language_name(language):
    """The name of a language as a masthead writes it: "English", Spanish "inglés", French "anglais"."""
    return {
        "ar": pgettext("report masthead", "Arabic"),
        "zh": pgettext("report masthead", "Chinese"),
        "en": pgettext("report masthead", "English"),
        "fr": pgettext("report masthead", "French"),
        "ru": pgettext("report masthead", "Russian"),
        "es": pgettext("report masthead", "Spanish"),
    }[language]


def version_name(language):
    """The line that names a translated version: "Español", "Français"; UN Arabic, Chinese and Russian
    mastheads keep the Latin-script line ("Chinese")."""
    return {
        "ar": pgettext("report version", "Arabic"),
        "zh": pgettext("report version", "Chinese"),
        "en": pgettext("report version", "English"),
        "fr": pgettext("report version", "French"),
        "ru": pgettext("report version", "Russian"),
        "es": pgettext("report version", "Spanish"),
    }[language]


def original_languages(meeting):
    """The meeting's original language or languages, the first one first."""
    originals = [meeting.original_language]
    second = getattr(meeting, "second_original_language", "")
    if second and second != meeting.original_language:
        originals.append(second)
    return originals


def masthead(meeting_originals, language, *, distribution, issued_on, job_number):
    """The masthead's fields of a Report in `language` (run under that language's translation)."""
    limited = distribution == "limited"
    return {
        "organ": pgettext("report", "General Assembly"),
        "organization_name": pgettext("report", "United Nations"),
        "distribution_label": pgettext("report masthead", "Distr.:"),
        "distribution": pgettext("report masthead", "Limited") if limited else pgettext("report masthead", "General"),
        "date_label": pgettext("report masthead", "Date:"),
        "issued_on": issued_on,
        "issued_text": long_date(issued_on, masthead_date_language(language)) if issued_on else "",
        "masthead_language": masthead_date_language(language),
        "language_line": "" if language in meeting_originals else version_name(language),
        "original_label": pgettext("report masthead", "Original:"),
        "original_language": "/".join(language_name(original) for original in meeting_originals),
        "job_number": job_number,
        "job_number_letter": languages.JOB_NUMBER_LETTERS[language],
        "contents_heading": pgettext("report", "Contents"),
        "page_heading": pgettext("report", "Page"),
        "language": language,
        "direction": languages.direction(language),
    }


def masthead_date_language(language):
    """UN Arabic, Chinese and Russian mastheads keep the English lines; the others write their own."""
    return language if language in ("en", "fr", "es") else "en"


def resolve_language(meeting, language):
    language = language or meeting.original_language
    if language not in languages.REPORT_LANGUAGES:
        raise ValueError(f"No report language {language!r}; choose one of: {', '.join(languages.REPORT_LANGUAGES)}.")
    return language


def build_report_for_symbol(symbol, language=None):
    """The report, or the part of a draft report, with this symbol; raises Meeting.DoesNotExist."""
    meetings = Meeting.objects.for_report()
    try:
        return build_report(meetings.get(symbol=symbol), language)
    except Meeting.DoesNotExist:
        part = Document.objects.filter(symbol=symbol, kind=Document.Kind.DRAFT_REPORT).first()
        if part is None:
            raise
        return build_draft_parts(meetings.get(pk=part.meeting_id), language)[symbol]


def build_report(meeting, language=None, *, draft=False):
    """The whole report of a meeting loaded with Meeting.objects.for_report(), in `language`
    ("ar", "zh", "en", "fr", "ru" or "es"; by default the meeting's original language).

    With draft=True, chapter IV says what the draft says before the Meeting adopts it.
    """
    language = resolve_language(meeting, language)
    with translation.override(languages.django_language(language)):
        return ReportBuilder(meeting, language, draft=draft).build()


def document_words(meeting, language, texts):
    """The words of a document's layout that come from the catalogues, its fixed reference date, and
    the venue, meeting and parties that Akoma Ntoso names (from the meeting as loaded), in `language`."""
    # In the order they were entered, not the database's: a restored backup stores its rows in another order,
    # and the Akoma Ntoso references (org_1, org_2, …) must not change with it.
    participations = sorted(meeting.participations.all(), key=lambda p: p.pk)
    return {
        "date_to_be_set": pgettext("report", "date to be set"),
        "reference_date": meeting.end_date,
        "venue": texts.plain(meeting, "venue_city"),
        "meeting_title": meeting_title(meeting, language, texts),
        "represented": tuple(
            texts.name(p.state) if p.state_id else organization_name(p.organization, texts) for p in participations
        ),
    }


def build_draft_parts(meeting, language=None):
    """The draft report in parts (L.2, L.2/Add.1, …), each a document of its own numbered from 1.

    A chapter or section goes to the part the secretariat assigned it to, or else with the
    chapter or section that contains it; unassigned chapters go to the first part. So together
    the parts hold every paragraph of the report exactly once.
    """
    language = resolve_language(meeting, language)
    report = build_report(meeting, language, draft=True)
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

    with translation.override(languages.django_language(language)):
        texts = TextsInLanguage(language, meeting.original_language)
        drafts = {}
        for part in parts:
            paragraph_numbers = count(1)
            chapters = [kept for chapter in report.chapters if (kept := prune(chapter, first, part.symbol))]
            annexes = [kept for annex in report.annexes if (kept := prune(annex, first, part.symbol))]
            chapters = renumbered(chapters, paragraph_numbers, language)
            annexes = renumbered(annexes, paragraph_numbers, language)
            drafts[part.symbol] = Report(
                symbol=part.symbol,
                front_lines=meeting_lines(meeting, language, texts),
                title=texts.plain(part, "title"),
                subtitle=pgettext("report", "Addendum") if ADDENDUM.match(part.symbol) else "",
                chapters=chapters,
                annexes=annexes,
                missing_texts=sum(count_missing(section) for section in chapters + annexes) + texts.missing,
                # An addendum continues the draft: it has no contents list of its own.
                has_contents=not ADDENDUM.match(part.symbol),
                rapporteur_line=rapporteur_line(meeting, texts),
                draft_of=report.symbol,
                status="draft",
                **document_words(meeting, language, texts),
                **masthead(
                    original_languages(meeting),
                    language,
                    distribution="limited",
                    issued_on=part.issued_on,
                    job_number=part.job_number,
                ),
            )
        return drafts


def count_missing(section):
    """How many drafted texts of a section are shown as missing in its language."""
    total = 0
    for child in section.children:
        if isinstance(child, Section):
            total += count_missing(child)
        else:
            contents = [getattr(child, "content", ())] + [cell for row in getattr(child, "rows", ()) for cell in row]
            total += sum(isinstance(inline, Untranslated) for content in contents for inline in content)
    return total


def meeting_title(meeting, language, texts):
    # Brace templates let a translation decline a name ("{congress:datv}"): congress/grammar.py.
    # xgettext:no-python-brace-format
    template = pgettext("report", "{region} Regional Preparatory Meeting for the {congress}")
    return fill(
        template,
        language,
        region=texts.plain(meeting, "region"),
        congress=texts.plain(meeting.congress, "title"),
    )


def organization_name(organization, texts):
    """Its acronym if it has one in the language (UNODC, ONUDD), else its name."""
    return texts.get(organization, "short_name", "en") or texts.name(organization)


def officer_person(officer, texts):
    """ "Zakaria Alansari (Kuwait)", the State in the version's language."""
    return pgettext("report", "%(name)s (%(state)s)") % {"name": officer.name, "state": texts.name(officer.state)}


def rapporteur_line(meeting, texts):
    """ "Rapporteur: Zakaria Alansari (Kuwait)", as a draft report names its author under the title."""
    rapporteurs = [officer for officer in meeting.officers.all() if officer.role == Officer.Role.RAPPORTEUR]
    if not rapporteurs:
        return ""
    names = join_with_and(officer_person(officer, texts) for officer in rapporteurs)
    return f"{officer_label(Officer.Role.RAPPORTEUR, rapporteurs)} {names}"


def meeting_lines(meeting, language="en", texts=None):
    """The lines that name the meeting above a draft part's or a list of participants' title."""
    texts = texts or TextsInLanguage(language, meeting.original_language)
    place = pgettext("report", "%(city)s, %(dates)s") % {
        "city": texts.plain(meeting, "venue_city"),
        "dates": date_range(meeting.start_date, meeting.end_date, language, style="dash"),
    }
    return meeting_title(meeting, language, texts), place


def renumbered(sections, numbers, language="en"):
    """The same sections with their paragraphs numbered again from `numbers`, for a part of the draft."""
    result = []
    for section in sections:
        children = []
        for child in section.children:
            if isinstance(child, Section):
                children.extend(renumbered([child], numbers, language))
            elif isinstance(child, Paragraph):
                number = next(numbers)
                children.append(replace(child, number=number, label=languages.number_label(number, language)))
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


def join_with_and(names):
    """ "A", "A and B", "A, B and C" in the active language ("A, B y C", "A、B和C")."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    separator = pgettext("report list separator", ", ")
    return pgettext("report", "%(list)s and %(last)s") % {"list": separator.join(names[:-1]), "last": names[-1]}


def join_with_commas(names):
    """States are listed with commas only."""
    return pgettext("report list separator", ", ").join(names)


def with_final_punctuation(text, last, language="en"):
    """A list entry ends with ";" and the last one with "."; whatever the drafter typed is replaced."""
    middle, end = languages.list_punctuation(language)
    return text.rstrip().rstrip(";.；。؛") + (end if last else middle)


def compose(template, **values):
    """The inlines of a translated sentence whose placeholders are strings, inlines or runs of inlines."""
    inlines = []
    position = 0

    def add(value):
        if isinstance(value, str):
            if inlines and type(inlines[-1]) is Text:
                inlines[-1] = Text(inlines[-1].text + value)
            elif value:
                inlines.append(Text(value))
        elif isinstance(value, tuple | list):
            for inline in value:
                add(inline.text if type(inline) is Text else inline)
        else:
            inlines.append(value)

    for match in PLACEHOLDER.finditer(template):
        add(template[position : match.start()])
        add(values[match["name"]])
        position = match.end()
    add(template[position:])
    return tuple(inlines)


class TextsInLanguage:
    """Reads each record's text in one language, and counts the texts that have none.

    A translated field (title_es) is read explicitly, never through modeltranslation's fallback
    to English. A field with no per-language columns holds the text as entered: in the meeting's
    original language for drafted text, in English for the registries' names.
    """

    def __init__(self, language, original_language="en"):
        self.language = language
        self.original_language = original_language
        self.suffix = languages.field_suffix(language)
        self.missing_texts = set()  # (model, pk, field): a title shown three times is one missing text

    @property
    def missing(self):
        return len(self.missing_texts)

    def get(self, record, field, source=None):
        """The text, or None when the record has none in this language."""
        if record is None:
            return None
        column = f"{field}_{self.suffix}"
        if hasattr(record, column):
            return getattr(record, column) or None
        source = source or self.original_language
        if source == self.language:
            return getattr(record, field) or None
        return None

    def marker(self, record=None, field=""):
        self.missing_texts.add((type(record).__name__, getattr(record, "pk", None), field))
        return Untranslated(pgettext("report", "[Text not translated]"))

    def inlines(self, record, field, source=None):
        """Drafted text with markup, as inlines; a missing text as one Untranslated inline."""
        text = self.get(record, field, source)
        return parse_inlines(text) if text is not None else (self.marker(record, field),)

    def plain(self, record, field, source="en"):
        """A name or title as plain text; a missing one as the marker's words."""
        text = self.get(record, field, source)
        return text if text is not None else self.marker(record, field).text

    def name(self, record, field="name"):
        return self.plain(record, field, source="en")


class ReportBuilder:
    def __init__(self, meeting, language="en", *, draft=False):
        self.meeting = meeting
        self.draft = draft
        self.congress = meeting.congress
        self.language = language
        self.texts = TextsInLanguage(language, meeting.original_language)
        self.paragraph_count = 0
        self.paragraphs = {part: [] for part in MeetingParagraph.Part}
        for paragraph in meeting.paragraphs.all():
            self.paragraphs[paragraph.part].append(paragraph)

    def build(self):
        meeting = self.meeting
        language = self.language
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
            chapter.label = languages.chapter_label(number, language)
            chapter.anchor = f"chapter-{languages.chapter_anchor(number)}"
        annexes = [annex for annex in (self.list_of_documents(),) if annex.children]
        for number, annex in enumerate(annexes):
            annex.label = pgettext("report", "Annex %(number)s") % {"number": languages.annex_number(number, language)}
            annex.anchor = f"annex-{languages.chapter_anchor(number)}"
        # xgettext:no-python-brace-format
        template = pgettext("report", "Report of the {meeting}, held in {city} {dates}")
        title = fill(
            template,
            language,
            meeting=meeting_title(meeting, language, self.texts),
            city=self.texts.plain(meeting, "venue_city"),
            dates=self.dates,
        )
        front_lines = (self.texts.plain(self.congress, "title"), self.congress_place_and_dates())
        return Report(
            symbol=meeting.symbol,
            front_lines=front_lines,
            title=title,
            chapters=chapters,
            annexes=annexes,
            missing_texts=self.texts.missing,
            **document_words(meeting, language, self.texts),
            **masthead(
                original_languages(meeting),
                language,
                distribution="general",
                issued_on=meeting.report_issued_on,
                job_number=meeting.report_job_number,
            ),
        )

    @property
    def dates(self):
        return date_range(self.meeting.start_date, self.meeting.end_date, self.language)

    def congress_place_and_dates(self):
        """ "Kyoto, Japan, 20–27 April 2020"; Spanish "Kyoto (Japón), 20 a 27 de abril de 2020"."""
        congress = self.congress
        return pgettext("report", "%(city)s, %(country)s, %(dates)s") % {
            "city": self.texts.plain(congress, "host_city"),
            "country": self.texts.name(congress.host_country),
            "dates": date_range(congress.start_date, congress.end_date, self.language, style="dash"),
        }

    # Building blocks ----------------------------------------------------------------------

    def paragraph(self, content):
        """The next numbered paragraph, from a tuple of inlines."""
        self.paragraph_count += 1
        return Paragraph(
            number=self.paragraph_count,
            content=tuple(content),
            label=languages.number_label(self.paragraph_count, self.language),
        )

    def drafted(self, record, field="text"):
        """The next numbered paragraph, from a record's drafted text in the report's language."""
        return self.paragraph(self.texts.inlines(record, field))

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

    def session_values(self, session):
        return {
            "ordinal": meeting_ordinal(session.number, self.language),
            "number": str(session.number),
            "date": long_date(session.date, self.language),
        }

    def topic_title(self, topic):
        """The heading a report gives a Congress topic, as the discussion guide clusters it."""
        texts = self.texts
        if topic.kind == topic.Kind.MAIN_THEME:
            # xgettext:no-python-brace-format
            template = pgettext("report", "Main theme of the {congress}: “{theme}”")
            return fill(
                template,
                self.language,
                congress=texts.plain(topic.congress, "title"),
                theme=texts.plain(topic.congress, "main_theme"),
            )
        title = pgettext("report", "%(title)s (agenda item %(number)s)") % {
            "title": texts.plain(topic.agenda_item, "title"),
            "number": topic.agenda_item.number,
        }
        if topic.workshop is not None:
            workshop_title = texts.plain(topic.workshop, "title")
            title = pgettext("report", "%(item)s; and %(workshop)s (workshop %(number)s)") % {
                "item": title,
                "workshop": workshop_title[:1].lower() + workshop_title[1:],
                "number": topic.workshop.number,
            }
        return title

    # Chapter I ----------------------------------------------------------------------------

    def introduction(self):
        chapter = self.chapter(pgettext("report", "Introduction"), "introduction")
        # A meeting's own Introduction replaces the standard text its Congress gives every meeting.
        paragraphs = self.paragraphs[MeetingParagraph.Part.INTRODUCTION] or self.congress.introduction_paragraphs
        chapter.children = [self.drafted(paragraph) for paragraph in paragraphs]
        return chapter

    # Chapter II ---------------------------------------------------------------------------

    def conclusions_and_recommendations(self):
        chapter = self.chapter(pgettext("report", "Conclusions and recommendations"), "conclusions")
        chapter.children = [
            self.drafted(paragraph) for paragraph in self.paragraphs[MeetingParagraph.Part.CONCLUSIONS_PREAMBLE]
        ]
        discussions = [
            d for d in self.meeting.discussions.all() if d.summary_paragraphs.all() or d.recommendations.all()
        ]
        main_theme = [d for d in discussions if d.topic.kind == d.topic.Kind.MAIN_THEME]
        substantive = [d for d in discussions if d.topic.kind != d.topic.Kind.MAIN_THEME]
        for discussion in main_theme:
            section = Section(Section.SECTION, "", self.topic_title(discussion.topic), "", key="main-theme")
            section.children = self.discussion_blocks(discussion)
            chapter.children.append(section)
        if substantive:
            section = Section(
                Section.SECTION, "", pgettext("report", "Substantive items and workshops"), "", key="substantive"
            )
            for discussion in substantive:
                subsection = Section(
                    Section.SUBSECTION,
                    "",
                    self.topic_title(discussion.topic),
                    "",
                    key=f"topic-{discussion.topic_id}",
                )
                subsection.children = self.discussion_blocks(discussion)
                section.children.append(subsection)
            chapter.children.append(section)
        # Some meetings (those of Latin America and the Caribbean) recorded other matters among their
        # conclusions: a section of chapter II of its own, beside or instead of the one in chapter III.
        if other_matters := self.paragraphs[MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS]:
            section = Section(
                Section.SECTION, "", pgettext("report", "Other matters"), "", key="conclusions-other-matters"
            )
            section.children = [self.drafted(paragraph) for paragraph in other_matters]
            chapter.children.append(section)
        language = self.language
        self.label_sections(chapter, Section.SECTION, "chapter-II", lambda i: languages.section_label(i, language))
        for section in chapter.sections():
            self.label_sections(
                section, Section.SUBSECTION, section.anchor, lambda i: languages.number_label(i + 1, language)
            )
        return chapter

    def discussion_blocks(self, discussion):
        blocks = []
        summary = discussion.summary_paragraphs.all()
        if summary:
            blocks.append(Subheading(pgettext("report", "Summary of deliberations")))
            blocks.extend(self.drafted(paragraph) for paragraph in summary)
        recommendations = discussion.recommendations.all()
        if recommendations:
            blocks.append(Subheading(pgettext("report", "Outcome of deliberations")))
            blocks.append(self.drafted(discussion, "outcome_introduction"))
            last = len(recommendations) - 1
            for index, recommendation in enumerate(recommendations):
                text = self.texts.get(recommendation, "text")
                if text is None:
                    content = (self.texts.marker(recommendation, "text"),)
                else:
                    content = parse_inlines(with_final_punctuation(text, index == last, self.language))
                blocks.append(Subparagraph(languages.subparagraph_label(index, self.language), content))
        return blocks

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
        if meeting.opened_by:
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
        """Who opened the meeting: the model's usual "the Secretary of the Meeting" is a catalogue phrase."""
        return self.standard_phrase(self.meeting, "opened_by", OPENED_BY_SECRETARY) or self.texts.inlines(
            self.meeting, "opened_by"
        )

    def election_method(self, officer):
        return self.standard_phrase(officer, "election_method", BY_ACCLAMATION) or self.texts.inlines(
            officer, "election_method"
        )

    def standard_phrase(self, record, field, phrase):
        """The catalogue's words for a field left at the model's English standard phrase, unless the
        record has its own text in the language."""
        own = getattr(record, f"{field}_{self.texts.suffix}", None)
        if not own and getattr(record, field) == phrase:
            return {
                OPENED_BY_SECRETARY: pgettext("report", "the Secretary of the Meeting"),
                BY_ACCLAMATION: pgettext("report", "by acclamation"),
            }[phrase]
        return None

    def election_of_officers(self):
        roles = list(Officer.Role)
        officers = sorted(
            self.meeting.officers.all(),
            key=lambda o: (o.elected_at.number, o.election_method, roles.index(o.role), o.order, o.pk),
        )
        blocks = []
        for (session, method), elected in groupby(officers, key=lambda o: (o.elected_at, o.election_method)):
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
        elif drafts:
            template = pgettext(
                "report",
                "At its %(ordinal)s meeting, on %(date)s, the Meeting considered and adopted its report (%(symbols)s).",
            )
        else:
            template = pgettext(
                "report", "At its %(ordinal)s meeting, on %(date)s, the Meeting considered and adopted its report."
            )
        chapter.children = [self.paragraph(compose(template, **values))]
        return chapter

    # Annex --------------------------------------------------------------------------------

    def list_of_documents(self):
        annex = Section(
            level=Section.ANNEX,
            label="",
            title=pgettext("report", "List of documents"),
            anchor="",
            key="annex-documents",
        )
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
            suffix = addenda_suffix(sorted(addenda.get(document.symbol, [])))
            symbol = (Symbol(document.symbol), Text(suffix)) if suffix else (Symbol(document.symbol),)
            rows.append((symbol, self.texts.inlines(document, "title", "en")))
        if rows:
            columns = (pgettext("report", "Symbol"), pgettext("report", "Title"))
            annex.children = [Table(columns=columns, rows=tuple(rows))]
        return annex


def addenda_suffix(numbers):
    """ " and Add.1–4" for a document listed with its addenda on one row of the annex."""
    if not numbers:
        return ""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        added = f"Add.{numbers[0]}–{numbers[-1]}"
    else:
        added = join_with_and(f"Add.{number}" for number in numbers)
    return pgettext("report", "%(list)s and %(last)s") % {"list": "", "last": added}
