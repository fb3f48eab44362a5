"""A full disk during an upload: a message to the user, and neither a truncated file nor a half-written record."""

import errno
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import DocumentFile
from tests.admin_forms import add_inline_row, form_data
from tests.factories import DocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n" + b"0" * 100_000 + b"\n%%EOF\n"


class FillsTheDisk:
    """A file that takes the first half of what is written to it, then finds the disk full."""

    def __init__(self, file):
        self.file = file

    def write(self, data):
        self.file.write(data[: len(data) // 2])
        self.file.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()


def test_a_full_disk_during_an_upload_leaves_nothing_and_says_so(admin_client, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory()
    document = DocumentFactory(meeting=meeting, symbol=f"{meeting.congress.symbol_prefix}/CRP.1")
    url = reverse("admin:meetings_document_change", args=[document.pk])
    data = add_inline_row(
        form_data(admin_client.get(url)), "files", language="fr", file=SimpleUploadedFile("report.pdf", PDF)
    )
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *args, **kwargs: FillsTheDisk(real_fdopen(*args, **kwargs)))
    admin_client.raise_request_exception = False
    response = admin_client.post(url, data)
    monkeypatch.undo()
    assert response.status_code == 507
    assert "The server's disk is full" in response.content.decode()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
    assert not DocumentFile.objects.filter(document=document).exists()
