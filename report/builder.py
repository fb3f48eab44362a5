"""Builds a meeting's report as a document tree, following UN editorial practice.

This is the one place that numbers paragraphs, letters recommendations and sections, and writes
the sentences of chapters III and IV from the meeting's records (report/proceedings.py; the
words themselves in report/wording.py, the draft's parts in report/parts.py). Nothing here is stored: add a
paragraph or a State and the next build renumbers and rewrites everything after it.

One builder writes all six language versions from the same records: every generated word comes
from the catalogues (message context "report"), names and drafted text from each record's field
in the version's language (title_es, name_fr …), numbering, dates and
the order of names from the languages room.
A text with no version in the language is shown as missing, in that language, never in another.
"""

from django.utils import translation
from django.utils.translation import pgettext

import languages
from languages import letter  # noqa: F401  (tests and callers letter lists with it)
from languages.dates import date_range, long_date, meeting_ordinal
from languages.grammar import fill
from meetings.models import Document, Meeting, MeetingParagraph
from report.amended import Amendments, bis_label, subparagraph_bis_label
from report.document import Paragraph, Report, Section, Subheading, Subparagraph, Symbol, Table, Text
from report.markup import parse_inlines
from report.parts import ADDENDUM, split_into_parts
from report.proceedings import ProceedingsChapters
from report.wording import (
    TextsInLanguage,
    addenda_suffix,
    document_words,
    masthead,
    meeting_title,
    original_languages,
    with_final_punctuation,
)


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


def build_draft_parts(meeting, language=None):
    """The draft report in parts (L.2, L.2/Add.1, …), each a document of its own numbered from 1
    (report/parts.py)."""
    language = resolve_language(meeting, language)
    return split_into_parts(build_report(meeting, language, draft=True), meeting, language)


class ReportBuilder(ProceedingsChapters):
    def __init__(self, meeting, language="en", *, draft=False):
        self.meeting = meeting
        self.draft = draft
        self.congress = meeting.congress
        self.language = language
        self.texts = TextsInLanguage(language, meeting.original_language)
        self.paragraph_count = 0
        self.bis_count = 0
        self.amendments = Amendments(meeting, language, draft=draft)
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
        sole = len(annexes) == 1 and not meeting.sole_annex_numbered
        for number, annex in enumerate(annexes):
            numbered = pgettext("report", "Annex %(number)s") % {"number": languages.annex_number(number, language)}
            annex.label = pgettext("report", "Annex") if sole else numbered
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
            untranslated=frozenset(self.texts.missing_texts),
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
        """ "Kyoto, Japan, 20–27 April 2020"; Spanish "Kyoto (Japón), 20 a 27 de abril de 2020"; without the
        country where the meeting says so ("Doha, 12 a 19 de abril de 2015")."""
        congress = self.congress
        values = {
            "city": self.texts.plain(congress, "host_city"),
            "dates": date_range(congress.start_date, congress.end_date, self.language, style="dash"),
        }
        if not self.meeting.congress_line_with_country:
            return pgettext("report", "%(city)s, %(dates)s") % values
        values["country"] = self.texts.name(congress.host_country)
        return pgettext("report", "%(city)s, %(country)s, %(dates)s") % values

    # Building blocks ----------------------------------------------------------------------

    def paragraph(self, content, source=""):
        """The next numbered paragraph, from a tuple of inlines; "42 bis" for one the room inserted."""
        if self.amendments.is_bis(source) and self.paragraph_count:
            self.bis_count += 1
            label = bis_label(self.paragraph_count, self.bis_count, self.language)
        else:
            self.paragraph_count += 1
            self.bis_count = 0
            label = languages.number_label(self.paragraph_count, self.language)
        return Paragraph(
            number=self.paragraph_count,
            content=tuple(content),
            label=label,
            source=source,
            bis=self.bis_count,
            changes=self.amendments.changes(source),
        )

    def drafted(self, record, field="text"):
        """The next numbered paragraph, from a record's drafted text in the report's language."""
        # "recommendations.summaryparagraph.12" for a record's text (as the adoption names a paragraph),
        # "recommendations.discussion.3.outcome_introduction" for another of its fields.
        source = f"{record._meta.label_lower}.{record.pk}" + ("" if field == "text" else f".{field}")
        return self.paragraph(self.texts.inlines(record, field), source)

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
        """The heading a report gives a Congress topic (Topic.title_in), its names as this version has them."""
        return topic.title_in(self.language, text=self.texts.plain, short=self.meeting.main_theme_short_congress)

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
            blocks.append(self.outcome_introduction(discussion))
            last = len(recommendations) - 1
            place, bis = -1, 0  # the letter's place, and which "bis" after it
            for index, recommendation in enumerate(recommendations):
                text = self.texts.get(recommendation, "text")
                if text is None:
                    content = (self.texts.marker(recommendation, "text"),)
                else:
                    content = parse_inlines(with_final_punctuation(text, index == last, self.language))
                source = f"recommendations.recommendation.{recommendation.pk}"
                # One the room inserted is "(b) bis" until the report is adopted: the later letters do not move.
                if self.amendments.is_bis(source) and place >= 0:
                    bis += 1
                    label = subparagraph_bis_label(place, bis, self.language)
                else:
                    place, bis = place + 1, 0
                    label = languages.subparagraph_label(place, self.language)

                def finish(text, last=index == last):
                    return with_final_punctuation(text, last, self.language)

                changes = self.amendments.changes(source, finish)
                blocks.append(
                    Subparagraph(
                        label, content, source=source, changes=changes, letter=languages.letter(place), bis=bis
                    )
                )
        return blocks

    def outcome_introduction(self, discussion):
        """The numbered paragraph before the recommendations: the standard phrase in the catalogue's words, or
        the words typed per language."""
        if discussion.outcome_phrase == discussion.OutcomeIntroduction.NOT_NEGOTIATED:
            standard = pgettext(
                "report",
                "The following recommendations, which were not negotiated by the participants, were identified:",
            )
            return self.paragraph([Text(standard)])
        return self.drafted(discussion, "outcome_introduction")

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
