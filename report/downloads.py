"""The report's downloads: which files a meeting offers, and the HTTP response that carries one."""

import contextlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import pgettext

from adoption.models import OralAmendment
from caching import content_version
from languages import REPORT_LANGUAGES, django_language, report_language
from languages.codes import language_name
from meetings import visibility
from report.language_versions import translation_status
from report.renderers import EXTENSIONS, RENDERERS

logger = logging.getLogger(__name__)

EXPORT_CACHE_SECONDS = 24 * 60 * 60
EXPORT_FAILURE_SECONDS = 5 * 60
FORMAT_NAMES = {"docx": "Word", "pdf": "PDF", "xml": "Akoma Ntoso XML", "txt": "Text"}


class ExportFailed(Exception):
    """This version of the document could not be written in this format lately; asking again soon is useless."""

    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def export_key(report, extension):
    return f"export:{extension}:{report.symbol}:{report.language}:{report.version}"


def rendered(report, extension):
    """(filename, content type, bytes), rendered once per version of the document's content.

    The cache key is the document's own fingerprint, so an edit makes a new key: nothing is
    ever served stale and nothing needs invalidating.

    A failure is remembered for EXPORT_FAILURE_SECONDS (raising ExportFailed), so that a file that cannot
    be written (a text too long to lay out, say) costs one attempt, not one per request: the renderer
    raising, or an attempt not finished after EXPORT_TIME_LIMIT seconds (the server stopped its worker).
    An edit makes a new version, which is tried at once.
    """
    key = export_key(report, extension)
    if (hit := cache.get(key)) is not None:
        return hit
    failed, attempt = f"{key}:failed", f"{key}:attempt"
    if cache.get(failed):
        raise ExportFailed(EXPORT_FAILURE_SECONDS)
    started = cache.get(attempt)
    if started is not None and time.time() - started > settings.EXPORT_TIME_LIMIT:
        raise ExportFailed(EXPORT_FAILURE_SECONDS)
    cache.add(attempt, time.time(), timeout=EXPORT_FAILURE_SECONDS)
    try:
        hit = RENDERERS[EXTENSIONS[extension]](report)
    except Exception as error:
        logger.exception("The %s file of %s (%s) could not be written.", extension, report.symbol, report.language)
        cache.set(failed, True, timeout=EXPORT_FAILURE_SECONDS)
        raise ExportFailed(EXPORT_FAILURE_SECONDS) from error
    finally:
        cache.delete(attempt)
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
        try:
            filename, content_type, content = rendered(report, extension)
        except ExportFailed as failure:
            return unavailable(request, report, extension, failure.retry_after)
        response = HttpResponse(content, content_type=content_type)
        # Quoted by Django: a symbol may hold any character, a double quote included.
        response["Content-Disposition"] = content_disposition_header(True, filename)
    response["ETag"] = etag
    if changed_at is not None:
        response["Last-Modified"] = content_version.last_modified(changed_at)
    # Clients revalidate every time, so an edit shows on the very next request.
    patch_cache_control(response, no_cache=True)
    return response


def unavailable(request, report, extension, retry_after):
    """503 in the reader's language: the file cannot be written now, and when to ask again."""
    context = {"symbol": report.symbol, "format": FORMAT_NAMES.get(extension, extension), "minutes": retry_after // 60}
    response = HttpResponse(render_to_string("export_unavailable.html", context, request), status=503)
    response["Retry-After"] = str(retry_after)
    response._has_been_logged = True  # the failure was logged once, when it happened; not again per request
    patch_cache_control(response, no_store=True)
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
    # A part the room changed during the adoption also comes clean, as revised (report/consolidated.py).
    agreed = meeting.oral_amendments.filter(status=OralAmendment.Status.AGREED, parent=None)
    revised = set(agreed.values_list("part_id", flat=True))
    for part in draft_parts(meeting, user):
        downloads.append((part.symbol, files("meetings:draft_part_download", part=part.short_symbol), note))
        if part.pk in revised:
            label = pgettext("site", "%(symbol)s, as orally revised") % {"symbol": part.symbol}
            downloads.append((label, files("meetings:revised_part_download", part=part.short_symbol), note))
    return downloads
