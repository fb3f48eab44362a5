"""What the report says in its own words, in the version's language: the masthead, names, the sentences that list
States and organizations, and each record's text in that language (`TextsInLanguage`).

Every word comes from the catalogues (message context "report"); a name or a drafted text from the record's
copy in the version's language, or the marker of a missing text, never another language's copy.
"""

import re

from django.utils.translation import npgettext, pgettext

import languages
from congress.models import Organization
from languages.dates import date_range, long_date
from languages.grammar import fill
from languages.versions import original_text
from meetings.models import Officer
from meetings.offices import office_label
from report.document import Text, Untranslated
from report.markup import parse_inlines

PLACEHOLDER = re.compile(r"%\((?P<name>\w+)\)s")


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


def meeting_title(meeting, language, texts):
    # Brace templates let a translation decline a name ("{congress:datv}"): languages/grammar.py.
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
        # Unit ids ("meetings.document.7.title", as XLIFF names them): a title shown three times is one missing text.
        self.missing_texts = set()

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
        meta = getattr(record, "_meta", None)
        self.missing_texts.add(f"{meta.label_lower}.{record.pk}.{field}" if meta else f"?.{field}")
        text, language = original_text(record, field, besides=self.language) if record is not None else ("", "")
        return Untranslated(
            pgettext("report", "[Text not translated]"), original=parse_inlines(text) if text else (), language=language
        )

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


def addenda_suffix(numbers):
    """ " and Add.1–4" for a document listed with its addenda on one row of the annex."""
    if not numbers:
        return ""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        added = f"Add.{numbers[0]}–{numbers[-1]}"
    else:
        added = join_with_and(f"Add.{number}" for number in numbers)
    return pgettext("report", "%(list)s and %(last)s") % {"list": "", "last": added}
