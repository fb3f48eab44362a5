"""The report's files written by jobs in a worker (the database queue, as `make run` and `make serve` run it): a
download answers at once while its file is prepared, a job enqueued twice runs once, a failure is retried later
and later, an edit has the files already asked for written again, and the admin lists each file's state."""

import contextlib
import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from caching import content_version
from jobs.exports import retry_delay
from jobs.models import Export
from report import renderers
from search.models import SearchIndexVersion
from tests.factories import complete_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue(settings):
    """The database queue, worked through by `manage.py db_worker` when the test says so (`work()`)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work():
    """A worker's pass: every job due now, then it stops. (In the test's transaction, which the worker's check of
    its connection between jobs would take for a broken one and close.)"""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.fixture
def counted(monkeypatch):
    """The text renderer, counting the files it writes."""
    calls = []
    real = renderers.RENDERERS["txt"]
    monkeypatch.setitem(renderers.RENDERERS, "txt", lambda report: calls.append(report.symbol) or real(report))
    return calls


def test_a_file_not_written_yet_is_being_prepared_then_served(client, queue, counted):
    meeting = complete_meeting()
    with translation.override("es"):
        url = reverse("meetings:report_download", args=[meeting.slug, "txt"])

    waiting = client.get(url)
    assert waiting.status_code == 202 and waiting["Retry-After"] == "5"
    page = waiting.content.decode()
    assert "Se está preparando este archivo" in page and '<meta http-equiv="refresh" content="5">' in page
    assert counted == []  # the request wrote nothing
    work()
    served = client.get(url)
    assert served.status_code == 200 and served["Content-Disposition"].startswith("attachment")
    assert client.get(url, headers={"If-None-Match": served["ETag"]}).status_code == 304
    assert counted == [meeting.symbol]


def test_a_job_enqueued_twice_runs_once(client, queue, counted):
    meeting = complete_meeting()
    url = reverse("meetings:report_download", args=[meeting.slug, "txt"])
    assert [client.get(url).status_code for _ in range(2)] == [202, 202]
    export = Export.objects.get()
    from jobs.exports import enqueue

    enqueue(export.pk)  # as a second server asking at the same moment would
    work()
    assert counted == [meeting.symbol]
    export.refresh_from_db()
    assert export.state == Export.State.READY and export.attempts == 1 and export.file.name.endswith(".txt")


def test_a_failed_file_is_retried_later_and_later_never_per_request(client, queue, monkeypatch, settings):
    meeting = complete_meeting()
    calls = []

    def fail(report):
        calls.append(1)
        raise RuntimeError("too long to lay out")

    monkeypatch.setitem(renderers.RENDERERS, "pdf", fail)
    client.raise_request_exception = False
    url = reverse("meetings:report_download", args=[meeting.slug, "pdf"])
    assert client.get(url).status_code == 202
    work()
    export = Export.objects.get()
    assert (export.state, export.attempts, export.last_error) == ("failed", 1, "RuntimeError: too long to lay out")
    refused = [client.get(url) for _ in range(3)]
    assert [response.status_code for response in refused] == [503, 503, 503]
    assert int(refused[0]["Retry-After"]) in range(settings.EXPORT_RETRY_SECONDS - 5, settings.EXPORT_RETRY_SECONDS + 1)
    work()  # the retry is queued for later, not now
    assert len(calls) == 1

    # Once its time has come, the queue runs it; the next wait is twice as long.
    Export.objects.update(next_try_at=timezone.now() - datetime.timedelta(seconds=1))
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    work()
    export.refresh_from_db()
    assert len(calls) == 2 and export.attempts == 2
    waited = (export.next_try_at - timezone.now()).total_seconds()
    assert retry_delay(2) == 2 * settings.EXPORT_RETRY_SECONDS and abs(waited - retry_delay(2)) < 30


def test_a_job_whose_worker_stopped_is_taken_up_again(client, queue, counted):
    meeting = complete_meeting()
    url = reverse("meetings:report_download", args=[meeting.slug, "txt"])
    client.get(url)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    Export.objects.update(state=Export.State.RUNNING, started_at=long_ago, attempts=1)
    assert client.get(url).status_code == 202
    work()
    assert client.get(url).status_code == 200 and counted == [meeting.symbol]


@pytest.mark.django_db(transaction=True)  # the jobs follow the commit
def test_an_edit_has_the_files_asked_for_written_again_before_anyone_asks(client, counted):
    meeting = complete_meeting()
    url = reverse("meetings:report_download", args=[meeting.slug, "txt"])
    first = client.get(url)
    assert first.status_code == 200 and counted == [meeting.symbol]
    SearchIndexVersion.objects.create(meeting=meeting, language="en", token="old")
    with transaction.atomic():
        meeting.venue_city_en = "Amman"
        meeting.save()
    assert counted == [meeting.symbol] * 2  # written after the commit, by the job
    assert SearchIndexVersion.objects.get(meeting=meeting, language="en").token != "old"  # and the index
    again = client.get(url)
    assert again.status_code == 200 and again["ETag"] != first["ETag"] and "Amman" in again.getvalue().decode()
    assert counted == [meeting.symbol] * 2


@pytest.mark.django_db(transaction=True)
def test_an_edit_announces_its_meetings_once_per_transaction():
    meeting, other = complete_meeting(), complete_meeting()
    heard = []

    def listen(sender, meetings, **kwargs):
        heard.append(meetings)

    content_version.changed.connect(listen)
    try:
        with transaction.atomic():
            meeting.venue_city_en = "Amman"
            meeting.save()
            other.venue_city_en = "Doha"
            other.save()
        assert heard == [{meeting.pk, other.pk}]
        with transaction.atomic():
            meeting.venue_city_en = "Beirut"
            meeting.save()
            with contextlib.suppress(RuntimeError), transaction.atomic():
                other.venue_city_en = "Doha, rolled back"
                other.save()
                raise RuntimeError("refused")
    finally:
        content_version.changed.disconnect(listen)
    # The write rolled back to its savepoint is announced with the rest (harmless: its meeting's files are checked).
    assert heard[1] >= {meeting.pk}


def test_the_admin_lists_each_files_state(admin_client, counted):
    meeting = complete_meeting()
    client_url = reverse("meetings:report_download", args=[meeting.slug, "txt"])
    admin_client.get(client_url)
    page = admin_client.get(reverse("admin:jobs_export_changelist")).content.decode()
    assert page.count('<td class="field-state">Ready</td>') == 1
