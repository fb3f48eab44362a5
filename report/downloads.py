"""The report's downloads: which files a meeting offers (their jobs write them and jobs/serving.py serves them)."""

import contextlib

from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from adoption.models import OralAmendment
from languages import REPORT_LANGUAGES, django_language, report_language
from languages.codes import language_name
from meetings import visibility
from report.language_versions import translation_status

EXPORT_CACHE_SECONDS = 24 * 60 * 60
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "xml": "Akoma Ntoso XML", "txt": "Text"}


def draft_parts(meeting, user=None):
    """The parts of the meeting's draft report; for a visitor, only the published ones (meetings/visibility.py)."""
    if user is None or visibility.may_preview(user, meeting):
        return meeting.draft_report_parts()
    return [part for part in meeting.draft_report_parts() if part.is_published]


def complete_languages(meeting):
    """The languages Rapporteur offers the documents it writes in: the meeting's original language, and each
    other language once every text of the meeting has its version in it. (The builder writes all six, but a
    version full of "[text not translated]" is not one a delegate should be handed.)"""
    complete = {report_language(row["language"]) for row in translation_status(meeting) if not row["missing"]}
    return [code for code in REPORT_LANGUAGES if code == meeting.original_language or code in complete]


def report_downloads(meeting, user=None, language=None):
    """[(symbol, [(format name, url), …], note), …]: the report, then each part of its draft the user may see.

    Given the reader's `language` (the site's pages), the files are that version once it is complete, and
    otherwise the original's, which the note says; without it (the admin), the active language's."""
    offered, note = language, ""
    if language is not None and language not in complete_languages(meeting):
        offered = meeting.original_language
        names = {code: language_name(code) for code in (language, offered)}
        note = pgettext("site", "In %(original)s, the original: the %(language)s version is not complete yet.") % {
            "original": names[offered],
            "language": names[language],
        }

    def files(url_name, **kwargs):
        with translation.override(django_language(offered)) if offered else contextlib.nullcontext():
            return [
                (name, reverse(url_name, kwargs={"slug": meeting.slug, **kwargs, "extension": extension}))
                for extension, name in FORMAT_NAMES.items()
            ]

    downloads = [(meeting.symbol, files("meetings:report_download"), note)]
    # A part the room changed during the adoption also comes clean, as revised (report/consolidated.py).
    agreed = meeting.oral_amendments.filter(status=OralAmendment.Status.AGREED, parent=None)
    revised = set(agreed.values_list("part_id", flat=True))
    for part in draft_parts(meeting, user):
        downloads.append((part.symbol, files("meetings:draft_part_download", part=part.short_symbol), note))
        if part.pk in revised:
            label = pgettext("site", "%(symbol)s, as orally revised") % {"symbol": part.symbol}
            downloads.append((label, files("meetings:revised_part_download", part=part.short_symbol), note))
    return downloads
