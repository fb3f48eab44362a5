"""A document's language versions: only PDF, Word and OpenDocument files of bounded size, downloaded safely."""

import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import DocumentFile
from tests.admin_forms import add_inline_row, form_data
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def word_file():
    content = io.BytesIO()
    docx.Document().save(content)
    return content.getvalue()


def odt_file(mimetype=b"application/vnd.oasis.opendocument.text"):
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return content.getvalue()


def zip_file():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    return content.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def upload(admin_client):
    """Uploads a file as the French version of a document on its admin page; returns the response."""
    meeting = MeetingFactory()
    document = DocumentFactory(meeting=meeting, symbol=f"{meeting.congress.symbol_prefix}/CRP.1")

    def post(name, content):
        url = reverse("admin:meetings_document_change", args=[document.pk])
        data = add_inline_row(
            form_data(admin_client.get(url)), "files", language="fr", file=SimpleUploadedFile(name, content)
        )
        return admin_client.post(url, data)

    return post


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", PDF), ("report.docx", word_file()), ("report.doc", DOC), ("report.odt", odt_file())],
)
def test_a_pdf_word_or_opendocument_file_is_accepted(upload, name, content):
    assert upload(name, content).status_code == 302
    stored = DocumentFile.objects.get(language="fr")
    assert stored.file.read() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<script>alert(1)</script>", "“page.html” is not a PDF, Word (.docx, .doc) or OpenDocument"),
        ("program.exe", b"MZ\x90\x00", "“program.exe” is not a PDF, Word (.docx, .doc) or OpenDocument"),
        ("no-extension", PDF, "“no-extension” is not a PDF, Word (.docx, .doc) or OpenDocument"),
        ("page.pdf", b"<html><script>alert(1)</script>", "“page.pdf” is named .pdf but its content is not a PDF file"),
        ("report.docx", zip_file(), "“report.docx” is named .docx but its content is not a Word file"),
        ("report.docx", PDF, "“report.docx” is named .docx but its content is not a Word file"),
        ("report.doc", word_file(), "“report.doc” is named .doc but its content is not a Word 97–2003 file"),
        ("report.odt", odt_file(b"application/vnd.oasis.opendocument.spreadsheet"), "is not an OpenDocument text"),
        ("report.odt", b"PK\x03\x04 truncated", "“report.odt” is named .odt but its content is not an OpenDocument"),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_a_file_of_another_type_is_refused_with_a_message_in_the_admin(upload, name, content, message):
    response = upload(name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DocumentFile.objects.filter(language="fr").exists()


def test_an_upload_over_the_size_limit_is_refused(upload, settings):
    settings.DOCUMENT_UPLOAD_MAX_BYTES = 1024
    response = upload("big.pdf", PDF + b"0" * 1024)
    assert "“big.pdf” is 1.0\xa0KB; a document&#x27;s file may be at most 1.0\xa0KB." in response.content.decode()
    assert not DocumentFile.objects.filter(language="fr").exists()
    assert upload("small.pdf", PDF).status_code == 302


def test_the_default_limit_is_25_megabytes(settings):
    assert settings.DOCUMENT_UPLOAD_MAX_BYTES == 25 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("paper.pdf", "application/pdf"),
        ("paper.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("paper.doc", "application/msword"),
        ("paper.odt", "application/vnd.oasis.opendocument.text"),
        ("paper.html", "application/octet-stream"),  # stored before uploads were checked
    ],
)
def test_a_download_is_an_attachment_of_its_type_never_sniffed(client, name, content_type):
    version = DocumentFileFactory(file__filename=name)
    response = client.get(version.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_finding8_an_opendocument_zip_bomb_is_checked_with_bounded_memory(tmp_path):
    import tracemalloc

    from meetings.uploads import _is_what_it_says

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w") as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):  # 200 MB once inflated, about 200 KB on the wire
                entry.write(chunk)
        archive.writestr("content.xml", "<office:document-content/>")
    upload = SimpleUploadedFile("bomb.odt", bomb.getvalue())
    tracemalloc.start()
    accepted = _is_what_it_says(upload, "odt")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not accepted
    assert peak < 5 * 1024 * 1024, peak
