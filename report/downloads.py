"""The report's downloads: which files a meeting offers, and the HTTP response that carries one."""

import contextlib

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import pgettext

from caching import content_version
from languages import REPORT_LANGUAGES, django_language, report_language
from languages.codes import language_name
from meetings import visibility
from report.language_versions import translation_status
from report.renderers import EXTENSIONS, RENDERERS

EXPORT_CACHE_SECONDS = 24 * 60 * 60
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "xml": "Akoma Ntoso XML", "txt": "Text"}


def rendered(report, extension):
    """(filename, content type, bytes), rendered once per version of the document's content.

    The cache key is the document's own fingerprint, so an edit makes a new key: nothing is
    ever served stale and nothing needs invalidating.
    """
    key = f"export:{extension}:{report.symbol}:{report.version}"
    if (hit := cache.get(key)) is None:
        hit = RENDERERS[EXTENSIONS[extension]](report)
        cache.set(key, hit, timeout=EXPORT_CACHE_SECONDS)
    return hit


def file_response(request, report, extension, changed_at=None):
    """The rendered report as a download named after its symbol (A-CONF.234-RPM.2-1.docx).

    Its ETag is the content's fingerprint: a client that has this version gets 304 Not Modified.
    `changed_at`, the content version's, read before the report was built (so never newer than the
    file), gives the public downloads a Last-Modified for clients that only send If-Modified-Since.
    """
    etag = f'"{report.version}-{extension}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        filename, content_type, content = rendered(report, extension)
        response = HttpResponse(content, content_type=content_type)
        # Quoted by Django: a symbol may hold any character, a double quote included.
        response["Content-Disposition"] = content_disposition_header(True, filename)
    response["ETag"] = etag
    if changed_at is not None:
        response["Last-Modified"] = content_version.last_modified(changed_at)
    # Clients revalidate every time, so an edit shows on the very next request.
    patch_cache_control(response, no_cache=True)
    return response


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
    for part in draft_parts(meeting, user):
        downloads.append((part.symbol, files("meetings:draft_part_download", part=part.short_symbol), note))
    return downloads
