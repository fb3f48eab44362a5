"""An import and an adoption cannot interleave; an upload too large is refused before it is read."""

import threading
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from report import language_versions
from report.language_versions import export_xliff
from tests.security.xliff_files import fill, unit_id


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_an_import_racing_the_adoption_writes_before_it_or_not_at_all(staff, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes every write: there is no race to lose")
    meeting = staff.meeting
    paragraph = meeting.paragraphs.order_by("pk").first()
    data = fill(export_xliff(meeting, "es"), {unit_id(paragraph): "Traducción."})
    client = client_for(staff.editor)
    url = reverse("admin:meetings_meeting_xliff_import", args=[meeting.pk])

    # The import reads the meeting's texts slowly: the adoption comes while it is on its way.
    reading = threading.Event()
    texts_of = language_versions.texts_of

    def slow_texts_of(*args, **kwargs):
        reading.set()
        time.sleep(0.6)
        return texts_of(*args, **kwargs)

    monkeypatch.setattr(language_versions, "texts_of", slow_texts_of)
    outcome = {}

    def importing():
        try:
            outcome["import"] = client.post(url, {"file": SimpleUploadedFile("es.xlf", data)}).status_code
        finally:
            connection.close()

    def adopting():
        try:
            reading.wait(5)
            type(meeting).objects.get(pk=meeting.pk).adopt_report()
            outcome["adopted"] = time.monotonic()
        finally:
            connection.close()

    threads = [threading.Thread(target=importing), threading.Thread(target=adopting)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    meeting.refresh_from_db()
    assert meeting.report_is_adopted and "adopted" in outcome and "import" in outcome
    adopted_at = meeting.history.filter(report_status="adopted").earliest("history_date").history_date
    writes = list(paragraph.history.filter(text_es="Traducción.").values_list("history_date", flat=True))
    assert all(written < adopted_at for written in writes), (writes, adopted_at)


@pytest.mark.django_db
def test_an_xliff_upload_of_400_mb_is_refused_before_it_is_read(staff):
    client = client_for(staff.reviewer)
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])
    body = LazyUpload(400 * 1024 * 1024)
    assert client.get(url).status_code == 200  # templates and catalogues loaded: the peak is the upload's own
    tracemalloc.start()
    try:
        response = client.post(
            url,
            content_type=f"multipart/form-data; boundary={LazyUpload.BOUNDARY}",
            CONTENT_LENGTH=str(len(body)),
            **{"wsgi.input": body},
        )
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 413
    assert "larger than 20 MB" in response.content.decode()
    assert body.read_so_far == 0
    assert peak < 5 * 1024 * 1024, f"{peak / 1024 / 1024:.1f} MB"


@pytest.mark.django_db
def test_a_file_larger_than_the_limit_is_refused_by_its_size_before_it_is_read(staff, monkeypatch):
    """A body whose length is not announced (chunked) is spooled to disk; the file's size is then checked."""
    from workspace import languages

    monkeypatch.setattr(languages, "MAX_BYTES", 1000)
    upload = SimpleUploadedFile("es.xlf", b"x" * 5000)
    client = client_for(staff.editor)
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert "larger than 20 MB" in response.content.decode()


class LazyUpload:
    """A multipart body of `size` bytes, made as it is read: the test holds none of it in memory."""

    BOUNDARY = "lazyboundary"

    def __init__(self, size):
        self.head = (
            f'--{self.BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.xlf"\r\n'
            "Content-Type: application/x-xliff+xml\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{self.BOUNDARY}--\r\n".encode()
        self.size = size
        self.read_so_far = 0

    def __len__(self):
        return len(self.head) + self.size + len(self.tail)

    def read(self, n=-1):
        remaining = len(self) - self.read_so_far
        n = remaining if n is None or n < 0 else min(n, remaining)
        chunk = bytearray()
        position = self.read_so_far
        while len(chunk) < n:
            if position < len(self.head):
                piece = self.head[position : position + n - len(chunk)]
            elif position < len(self.head) + self.size:
                piece = b" " * min(n - len(chunk), len(self.head) + self.size - position)
            else:
                offset = position - len(self.head) - self.size
                piece = self.tail[offset : offset + n - len(chunk)]
            chunk += piece
            position += len(piece)
        self.read_so_far = position
        return bytes(chunk)

    def readline(self, *args):
        return self.read(*args)
