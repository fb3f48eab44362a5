"""Every limit of the admin's forms holds for an XLIFF import, with a message per refused unit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from languages.xliff import XliffRefused
from meetings.models import Document
from report.language_versions import export_xliff, import_xliff
from tests.security.xliff_files import fill, unit_id

pytestmark = pytest.mark.django_db


def test_a_too_long_text_and_an_over_long_title_are_refused_with_a_message(staff):
    first, second = staff.meeting.paragraphs.order_by("pk")[:2]
    document = Document.objects.filter(meeting=staff.meeting).order_by("pk").first()
    data = fill(
        export_xliff(staff.meeting, "es"),
        {
            unit_id(first): "a" * 25_000,
            unit_id(document, "title"): "T" * 501,
            unit_id(second): "Este párrafo sí entra.",
        },
    )
    client = Client()
    client.force_login(staff.editor)
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])
    page = client.post(url, {"file": SimpleUploadedFile("es.xlf", data)}, follow=True)
    assert page.status_code == 200
    said = [str(message) for message in page.context["messages"]]
    assert f"({unit_id(first)}) was not imported: it has 25000 characters; this text holds at most 20000." in " ".join(
        said
    )
    assert f"({unit_id(document, 'title')}) was not imported: it has 501 characters; this text holds at most 500." in (
        " ".join(said)
    )
    assert "texts imported: 1;" in said[0] and "refused: 2." in said[0]
    first.refresh_from_db()
    second.refresh_from_db()
    document.refresh_from_db()
    assert (first.text_es, document.title_es, second.text_es) == (None, None, "Este párrafo sí entra.")


def test_a_second_original_language_is_never_imported(staff):
    staff.meeting.second_original_language = "fr"
    staff.meeting.save()
    paragraph = staff.meeting.paragraphs.order_by("pk").first()
    data = fill(export_xliff(staff.meeting, "fr"), {unit_id(paragraph): "Texte importé."})
    with pytest.raises(XliffRefused, match="original language"):
        import_xliff(staff.meeting, data)
    paragraph.refresh_from_db()
    assert paragraph.text_fr != "Texte importé."


def test_control_characters_are_removed_as_every_save_removes_them(staff):
    # XML 1.0 refuses most of them (&#11; is not well-formed); DEL is allowed there, and removed here.
    paragraph = staff.meeting.paragraphs.order_by("pk").first()
    data = fill(export_xliff(staff.meeting, "es"), {unit_id(paragraph): "Uno"}).replace(b">Uno<", b">Uno&#127; dos<")
    assert import_xliff(staff.meeting, data).applied == 1
    paragraph.refresh_from_db()
    assert paragraph.text_es == "Uno dos"


def test_references_are_written_as_their_characters_as_every_save_writes_them(staff):
    first, second = staff.meeting.paragraphs.order_by("pk")[:2]
    data = fill(export_xliff(staff.meeting, "es"), {unit_id(first): "Reuni&oacute;n", unit_id(second): "Bien"})
    result = import_xliff(staff.meeting, data)
    assert result.applied == 2 and not result.refused
    first.refresh_from_db()
    assert first.text_es == "Reunión"


def test_a_file_with_a_document_type_is_refused(staff):
    paragraph = staff.meeting.paragraphs.order_by("pk").first()
    data = fill(export_xliff(staff.meeting, "es"), {unit_id(paragraph): "MARK"})
    data = data.replace(b"?>", b'?><!DOCTYPE xliff [<!ENTITY e "<b>x</b>">]>', 1).replace(b"MARK", b"&e;")
    with pytest.raises(XliffRefused, match="document type"):
        import_xliff(staff.meeting, data)
    paragraph.refresh_from_db()
    assert paragraph.text_es is None
