"""The jobs that write the report's files, in a worker process (the Django tasks API, TASKS in the settings).

A file is asked for by a download (jobs/serving.py) or, once asked for, written again after each commit that
changes its meeting (`content_changed`), so it is usually ready before anyone asks. Each job works on one
`Export` row, which it claims under a row lock taken with SKIP LOCKED: a job enqueued twice (two servers asked at
once, or an edit and a download) runs once, the other finds the row taken or done and stops.

The job reads the meeting's content version before its content (as the pages do), so a file is never filed under
a version older than what it shows. A failure is recorded on the row (its error, the attempt) and tried again after
EXPORT_RETRY_SECONDS, twice as long each time, EXPORT_ATTEMPTS times: by the queue itself where it can run a job
later, else at the first download after that time; never once per request.

A file replaced by a newer version, or whose row is deleted with its meeting, is removed from the storage after
the commit that replaces or deletes the row (core/storage.py), never before; what escapes that, the sweep removes
(jobs/sweep.py). Besides the report and its draft's parts, the jobs write the meeting's list of participants
(`Export.Kind.PARTICIPANTS`), which only the admin serves, and a Congress's compilation of recommendations
(`Export.Kind.COMPILATION`), versioned by the site's content version since it spans meetings. The compilation
room is on this floor, so its writer is not imported here: the room that serves it (public/, above both)
registers it with `register_writer` when the application starts, in the web process and the worker alike.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task, task_backends

from caching import content_version
from caching.models import MeetingVersion
from core.storage import delete_after_commit
from jobs.models import Export
from languages import django_language
from meetings.models import Meeting
from report.adopted import draft_parts_of
from report.cache import built_report
from report.consolidated import consolidated, revised_filename
from report.participants import build_participants_list
from report.renderers import EXTENSIONS, RENDERERS

logger = logging.getLogger(__name__)

State = Export.State


# {kind: writer(export, token) -> (filename, content type, bytes, fingerprint)} for the kinds rooms above register.
WRITERS = {}


def register_writer(kind, writer):
    WRITERS[kind] = writer


def version_of(export):
    """The token of the content the export is written from now: its meeting's, or the site's for a compilation."""
    if export.meeting_id is None:
        return content_version.current()[0]
    version = content_version.for_meeting(pk=export.meeting_id)
    return version[0] if version else None


def retry_delay(attempts):
    """Seconds before the next try after `attempts` failed ones: EXPORT_RETRY_SECONDS, doubled each time."""
    return settings.EXPORT_RETRY_SECONDS * 2 ** max(attempts - 1, 0)


def lost_after():
    return datetime.timedelta(seconds=settings.EXPORT_JOB_SECONDS)


def is_lost(export, now=None):
    """A job marked running for longer than any export takes: its worker stopped before it finished."""
    now = now or timezone.now()
    return export.state == State.RUNNING and now - (export.started_at or now) > lost_after()


def is_due(export, now=None):
    """Whether a job should write this file now."""
    now = now or timezone.now()
    if export.state == State.QUEUED or is_lost(export, now):
        return True
    return export.state == State.FAILED and export.attempts < settings.EXPORT_ATTEMPTS and export.next_try_at <= now


# A file a reader is waiting for goes before those written again after an edit in case nobody asks.
ASKED_PRIORITY = 10


def enqueue(export_id, *, run_after=None, asked=False):
    backend = task_backends[build_export.backend]
    if run_after and not backend.supports_defer:
        return  # the first download after run_after asks again (jobs/serving.py)
    options = {"run_after": run_after} if run_after else {}
    if asked and backend.supports_priority:
        options["priority"] = ASKED_PRIORITY
    (build_export.using(**options) if options else build_export).enqueue(export_id)


@task()
def build_export(export_id):
    """Writes one file, if it is still to be written and no other job holds it."""
    write(export_id)


def claim(export_id):
    """The row, marked running, if it is due and no other job holds it; else None."""
    with transaction.atomic():
        export = Export.objects.select_for_update(skip_locked=True).filter(pk=export_id).first()
        if export is None or not is_due(export):
            return None
        if is_lost(export):
            export.last_error = "The worker writing it stopped before it finished."
        export.state, export.started_at = State.RUNNING, timezone.now()
        export.attempts += 1
        export.save(update_fields=["state", "started_at", "attempts", "last_error", "changed_at"])
        return export


def write(export_id):
    export = claim(export_id)
    if export is None:
        return
    token = version_of(export) or export.token
    try:
        filename, content_type, content, fingerprint = render(export, token)
    except Exception as error:
        logger.exception("The %s file of %s (%s) could not be written.", export.extension, export, export.language)
        failed(export, error)
        return
    folder = export.meeting_id if export.meeting_id is not None else f"congress-{export.congress_id}"
    name = f"exports/{folder}/{export.pk}-{token}-{fingerprint[:12]}.{export.extension}"
    stored = export.file.storage.save(name, ContentFile(content))
    with transaction.atomic():
        current = Export.objects.select_for_update().filter(pk=export.pk).first()
        if current is None:  # its meeting (or Congress) was deleted meanwhile: so is the file
            delete_after_commit(export.file.storage, stored)
            return
        old = current.file.name
        current.state, current.token, current.fingerprint = State.READY, token, fingerprint
        current.file.name, current.filename, current.content_type = stored, filename, content_type
        current.last_error, current.next_try_at = "", None
        current.save()
    if old and old != stored:
        # The file of the version before, once the row naming the new one is committed (a job run inside a
        # transaction, by the immediate backend, waits for its commit).
        delete_after_commit(current.file.storage, old)
    # An edit while it was being written: the file is already a version behind; write the next one.
    latest = version_of(current)
    if latest and latest != token and requeue([current.pk], latest):
        enqueue(current.pk)


def failed(export, error):
    now = timezone.now()
    with transaction.atomic():
        current = Export.objects.select_for_update().get(pk=export.pk)
        current.state, current.last_error = State.FAILED, f"{type(error).__name__}: {error}"[:2000]
        current.next_try_at = now + datetime.timedelta(seconds=retry_delay(current.attempts))
        current.save(update_fields=["state", "last_error", "next_try_at", "changed_at"])
    if current.attempts < settings.EXPORT_ATTEMPTS:
        enqueue(current.pk, run_after=current.next_try_at)


def render(export, token):
    """(filename, content type, bytes, fingerprint of the document) of the export as the meeting reads now, the
    version `token` read before (the tree is kept under it for the pages too: report/cache.py). A list of
    participants is the one with the symbol `part`, always for staff (the admin serves it, never the site)."""
    if export.kind in WRITERS:
        return WRITERS[export.kind](export, token)
    audience = export.audience
    with translation.override(django_language(export.language)):
        if export.kind == Export.Kind.PARTICIPANTS:
            meeting = Meeting.objects.for_participants_list().get(pk=export.meeting_id)
            listed = next(document for document in meeting.participants_documents if document.symbol == export.part)
            document = build_participants_list(meeting, listed)
            filename, content_type, content = RENDERERS[EXTENSIONS[export.extension]](document)
            return filename, content_type, content, document.version
        meetings = Meeting.objects.for_report(published_documents=audience == Export.Audience.PUBLIC)
        meeting = meetings.get(pk=export.meeting_id)
        if export.part:
            document = draft_parts_of(meeting, export.language, audience)[export.part]
        else:
            document = built_report(meeting, token, audience)
        if export.revised:
            document = consolidated(document)
        filename, content_type, content = RENDERERS[EXTENSIONS[export.extension]](document)
        if export.revised:
            filename = revised_filename(filename)
    return filename, content_type, content, document.version


def requeue(export_ids, token, *, retry=False):
    """Marks these files (those no job is writing) to be written again from the version `token`; the ids marked.

    The caller enqueues their jobs. A `retry` of the same version keeps the count of attempts (each waits longer).
    """
    with transaction.atomic():
        ids = list(
            Export.objects.filter(pk__in=export_ids)
            .exclude(state=State.RUNNING, started_at__gt=timezone.now() - lost_after())
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        fields = {"state": State.QUEUED, "token": token, "next_try_at": None, "changed_at": timezone.now()}
        Export.objects.filter(pk__in=ids).update(**fields, **({} if retry else {"attempts": 0}))
    return ids


@task()
def refresh_exports(meeting_ids):
    """Enqueues again every file already asked for of these meetings (None: every meeting) that is out of date,
    and every compilation's file already asked for (any edit changes the site's content version)."""
    site = content_version.current()[0]
    # A compilation chosen by words ("q") is written again only when asked again: anyone may ask for any words, and
    # each edit would otherwise rewrite every file ever asked for (public/compilation_files.py keeps their number).
    compilations = Export.objects.filter(congress__isnull=False, filters__q=None).exclude(token=site)
    for pk in requeue(list(compilations.values_list("pk", flat=True)), site):
        enqueue(pk)
    meetings = Export.objects.filter(meeting__isnull=False)
    exports = meetings if meeting_ids is None else meetings.filter(meeting_id__in=meeting_ids)
    tokens = dict(
        MeetingVersion.objects.filter(meeting_id__in=exports.values("meeting_id")).values_list("meeting_id", "token")
    )
    stale = {}
    for pk, meeting_id, token in exports.values_list("pk", "meeting_id", "token"):
        if meeting_id in tokens and tokens[meeting_id] != token:
            stale.setdefault(tokens[meeting_id], []).append(pk)
    for token, ids in stale.items():
        for pk in requeue(ids, token):
            enqueue(pk)


def export_deleted(sender, instance, using, **kwargs):
    """An export's row deleted (its meeting or Congress was): its file goes once that is committed."""
    delete_after_commit(instance.file.storage, instance.file.name, using)


def content_changed(sender, meetings, **kwargs):
    """After a commit that changed these meetings: their files, and the compilations' already asked for, are
    written again, in the worker."""
    ids = None if meetings is content_version.ALL else sorted(meetings)
    asked = Export.objects.all() if ids is None else Export.objects.filter(meeting_id__in=ids)
    if (asked | Export.objects.filter(congress__isnull=False)).exists():
        refresh_exports.enqueue(ids)
