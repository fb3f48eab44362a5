"""The stored files follow their rows: an export's file and an uploaded document's go after the commit that
deletes their rows (never before: a rollback keeps both), a file replaced by a newer version goes, the sweep
removes only old files no row names, and a download is streamed from the storage, never read whole. On the
local disk and on an S3-compatible bucket (moto's server)."""

import datetime
import tracemalloc
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.storage import CHUNK_BYTES
from jobs.models import Export
from jobs.sweep import sweep
from meetings.models import DocumentFile, Meeting
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory, complete_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["disk", "bucket"])
def storage(request):
    """The site's storage: the local disk, or a bucket on moto's S3 server."""
    if request.param == "bucket":
        request.getfixturevalue("bucket")
    return request.param


def exported(client, meeting, extension="txt"):
    response = client.get(reverse("meetings:report_download", args=[meeting.slug, extension]))
    assert response.status_code == 200
    return Export.objects.get(meeting=meeting, extension=extension)


def later(minutes):
    """The clock `minutes` from now, as the sweep reads it."""
    return mock.patch("jobs.sweep.timezone.now", return_value=timezone.now() + datetime.timedelta(minutes=minutes))


def test_a_deleted_meetings_files_go_after_the_commit_never_on_a_rollback(
    client, storage, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory()  # no officers (who keep a meeting from being deleted)
    export = exported(client, meeting)
    upload = DocumentFileFactory(document=DocumentFactory(meeting=meeting))
    names = [export.file.name, DocumentFile.objects.get(pk=upload.pk).file.name]
    assert all(default_storage.exists(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        meeting.delete()
        assert all(default_storage.exists(name) for name in names)  # not before the commit
        raise RuntimeError("rolled back")
    assert Export.objects.filter(pk=export.pk).exists()
    assert all(default_storage.exists(name) for name in names)  # the rollback lost nothing

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Meeting.objects.get(pk=export.meeting_id).delete()
        assert all(default_storage.exists(name) for name in names)
    assert callbacks and not any(default_storage.exists(name) for name in names)


def test_a_deleted_documents_uploaded_files_go_after_the_commit(storage, django_capture_on_commit_callbacks):
    upload = DocumentFileFactory(document=DocumentFactory())
    name = DocumentFile.objects.get(pk=upload.pk).file.name
    with django_capture_on_commit_callbacks(execute=True):
        upload.document.delete()
        assert default_storage.exists(name)
    assert not default_storage.exists(name)


def test_the_file_of_a_version_replaced_goes_after_the_commit(client, storage, django_capture_on_commit_callbacks):
    meeting = complete_meeting()
    old = exported(client, meeting).file.name
    meeting.venue_city_en = "Amman"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
        new = exported(client, meeting).file.name
        assert new != old and default_storage.exists(old)
    assert not default_storage.exists(old) and default_storage.exists(new)


def test_the_sweep_removes_only_old_files_no_row_names_and_can_run_again(client, storage):
    meeting = complete_meeting()
    named = exported(client, meeting).file.name
    orphans = [default_storage.save(f"exports/{meeting.pk}/lost-{n}.txt", ContentFile(b"lost")) for n in range(2)]
    elsewhere = default_storage.save("documents/kept.pdf", ContentFile(b"%PDF-1.4 not an export"))

    assert sweep() == []  # young: a job may be filing it now
    with later(60):
        assert sorted(sweep()) == sorted(orphans)
        assert sweep() == []  # nothing left to remove: the sweep can run at any time
    assert default_storage.exists(named) and default_storage.exists(elsewhere)
    assert not any(default_storage.exists(name) for name in orphans)
    assert client.get(reverse("meetings:report_download", args=[meeting.slug, "txt"])).status_code == 200


def test_the_sweep_command_on_an_empty_storage(storage, capsys):
    from django.core.management import call_command

    call_command("sweep_exports", minutes=0)
    assert "0 stored export file(s) removed." in capsys.readouterr().out


def big_export(client, meeting, size):
    """The meeting's text file, its stored content replaced by `size` bytes (as a very long report's would be)."""
    export = exported(client, meeting)
    export.file.name = default_storage.save(f"exports/{meeting.pk}/big.txt", ContentFile(b"x" * size))
    export.save()
    return export


def test_a_download_is_streamed_with_its_length_and_etag(client, storage):
    meeting = complete_meeting()
    size = 3 * CHUNK_BYTES + 17
    export = big_export(client, meeting, size)
    url = reverse("meetings:report_download", args=[meeting.slug, "txt"])
    response = client.get(url)
    assert response.status_code == 200 and response.streaming
    assert int(response["Content-Length"]) == size and response["ETag"] == f'"{export.fingerprint}-txt"'
    chunks = list(response.streaming_content)
    assert len(chunks) > 1 and max(len(chunk) for chunk in chunks) <= CHUNK_BYTES
    assert sum(len(chunk) for chunk in chunks) == size
    assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_a_large_download_is_served_in_bounded_memory(client):
    meeting = complete_meeting()
    size = 40 * 1024 * 1024
    big_export(client, meeting, size)
    tracemalloc.start()
    try:
        response = client.get(reverse("meetings:report_download", args=[meeting.slug, "txt"]))
        served = sum(len(chunk) for chunk in response.streaming_content)
        response.close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert served == size and peak < size / 10, f"{peak / 2**20:.1f} MB held to serve {size / 2**20:.0f} MB"
