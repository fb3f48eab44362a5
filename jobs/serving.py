"""A download of a file the jobs write (the report's, or a Congress compilation's): the file as its job wrote it,
or at once a page saying it is being prepared.

The request never writes a file. It reads the content version (the meeting's, or the site's for a compilation:
one query), finds the file's row by its key (`serve`), and:
- the file is written from that version: 304 if the client has it (its ETag is the document's fingerprint, as
  before), else the file, streamed from the storage or redirected to a signed address (core/storage.py);
- a job is writing it, or is due to: 202 with Retry-After, in the reader's language, a page that reloads itself;
- the last try failed and the next is not due yet: 503 saying when to try again (the job is not tried per request);
- otherwise (never asked for, or written from an older version): its job is enqueued, then as above. With the
  immediate backend (tests, a single process) the job has run by then and the file is served at once.
"""

import math

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control

from caching import content_version
from core.storage import download_response
from jobs import exports
from jobs.models import Export
from report.downloads import FORMAT_NAMES

State, Kind = Export.State, Export.Kind
PREPARING_RETRY_SECONDS = 5


def export_response(
    request, *, meeting, audience, language, part, extension, symbol, version, kind=Kind.REPORT, revised=False
):
    """The response to a download of the report (`part` ""), or of a part of its draft, as the reader may see it;
    `revised`: the part as the room revised it (report/consolidated.py); or of the list of participants (`kind`),
    for staff the caller has let see it.

    `version`: the meeting's (token, changed_at), read before the meeting; `symbol` names the document on the
    page saying it is being prepared.
    """
    key = {"meeting": meeting, "kind": kind, "audience": audience, "language": language, "part": part}
    key["revised"], key["extension"] = revised, extension
    return serve(request, key, version=version, symbol=symbol)


def serve(request, key, *, version, symbol, defaults=None, compilation=False):
    """The response to a download of the file whose row has the fields `key` (a unique key of Export; `defaults`:
    the other fields a new row gets), written from `version`, (token, changed_at) read before the content.
    `compilation`: the pages name the file as a compilation's rather than a report's."""
    token, changed_at = version
    extension = key["extension"]
    export = requested(key, token, defaults)
    if is_ready(export, token):
        return file_response(request, export, changed_at)
    if export.state == State.FAILED and export.token == token and not exports.is_due(export):
        waiting = (export.next_try_at - timezone.now()).total_seconds()
        # Once every attempt has failed, it waits for the next edit of the content; the reader, a while.
        retry_after = math.ceil(waiting) if waiting > 0 else settings.EXPORT_RETRY_SECONDS
        return unavailable(request, symbol, extension, retry_after, compilation=compilation)
    return preparing(request, symbol, extension, compilation=compilation)


def requested(key, token, defaults=None):
    """The file's row, its job enqueued if its file is not written from the version `token` and none is due."""
    export = Export.objects.filter(**key).first()
    if export is None or needs_job(export, token):
        export = ask(key, token, defaults)
    return export


def is_ready(export, token):
    return export.state == State.READY and export.token == token


def prepare(meeting, *, audience, language, part, extension, kind=Kind.REPORT):
    """For the admin: the file asked for as a download would (its job enqueued if needed, the request writes
    nothing); whether it is ready to be served now."""
    version = meeting_version(meeting.pk)
    key = {"meeting": meeting, "kind": kind, "audience": audience, "language": language, "part": part}
    key["extension"] = extension
    return is_ready(requested(key, version[0]), version[0])


def meeting_version(pk):
    """The meeting's content version (token, changed_at); given one if it has none yet (written without signals,
    by a bulk import)."""
    version = content_version.for_meeting(pk=pk)
    if version is None:
        content_version.bump_meetings({pk})
        version = content_version.for_meeting(pk=pk)
    return version


def needs_job(export, token):
    """Whether this download must enqueue the file's job: never asked for this version, or its retry is due."""
    if export.state == State.RUNNING:
        return exports.is_lost(export)
    if export.token != token:
        return True
    return export.state == State.FAILED and exports.is_due(export)


def ask(key, token, defaults=None):
    """The row, queued for the version `token`, its job enqueued; as it stands once the job is enqueued (the
    immediate backend has run it by then)."""
    export, created = Export.objects.get_or_create(**key, defaults={**(defaults or {}), "token": token})
    # A retry of the same version keeps its count of attempts, so that it waits longer each time.
    if created or exports.requeue([export.pk], token, retry=export.token == token):
        exports.enqueue(export.pk, asked=True)
    export.refresh_from_db()
    return export


def file_response(request, export, changed_at):
    etag = f'"{export.fingerprint}-{export.extension}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = download_response(export.file, export.filename, export.content_type)
    response["ETag"] = etag
    response["Last-Modified"] = content_version.last_modified(changed_at)
    # Clients revalidate every time, so an edit shows on the very next request.
    patch_cache_control(response, no_cache=True)
    return response


def preparing(request, symbol, extension, *, compilation=False):
    """202 in the reader's language: the file is being written; the page reloads itself until it is there."""
    context = {"symbol": symbol, "format": FORMAT_NAMES.get(extension, extension), "seconds": PREPARING_RETRY_SECONDS}
    context["compilation"] = compilation
    response = HttpResponse(render_to_string("export_preparing.html", context, request), status=202)
    response["Retry-After"] = str(PREPARING_RETRY_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


def unavailable(request, symbol, extension, retry_after, *, compilation=False):
    """503 in the reader's language: the file could not be written, and when to ask again."""
    context = {"symbol": symbol, "format": FORMAT_NAMES.get(extension, extension), "minutes": retry_after // 60}
    context["compilation"] = compilation
    response = HttpResponse(render_to_string("export_unavailable.html", context, request), status=503)
    response["Retry-After"] = str(retry_after)
    response._has_been_logged = True  # the failure was logged once, when it happened; not again per request
    patch_cache_control(response, no_store=True)
    return response
