"""An import never overwrites what its translator did not see: a text corrected since the export is a conflict."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from report.language_versions import export_xliff, import_xliff
from tests.security.xliff_files import fill, unit_id

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def said(response):
    """The admin's messages on the page a response shows."""
    return " ".join(str(message) for message in response.context["messages"])


def spanish(record):
    record.refresh_from_db()
    return record.text_es


def test_a_reimported_file_keeps_the_admin_correction_and_reports_a_conflict(staff):
    """The red team's case: import, correct in the admin, import the same (older) file again."""
    client = client_for(staff.editor)
    first, second = staff.meeting.paragraphs.order_by("pk")[:2]
    export = client.get(reverse("admin:meetings_meeting_xliff_export", args=[staff.meeting.pk, "es"])).content
    translated = fill(export, {unit_id(first): "Traducción del traductor.", unit_id(second): "Segundo párrafo."})
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])
    assert client.post(url, {"file": SimpleUploadedFile("es.xlf", translated)}).status_code == 302
    assert spanish(first) == "Traducción del traductor."

    first.text_es = "Traducción corregida por el revisor."
    first.save()
    again = client.post(url, {"file": SimpleUploadedFile("es.xlf", translated)}, follow=True)
    html = again.content.decode()
    assert spanish(first) == "Traducción corregida por el revisor."
    # Both texts side by side, and the summary counts the conflict as kept.
    assert "Texts changed since the file was exported" in html
    assert "Traducción del traductor." in html and "Traducción corregida por el revisor." in html
    assert "texts imported: 0; unchanged: 1; in conflict, kept as they are: 1" in said(again)
    assert f'value="{unit_id(first)}"' in html

    # Ticking it applies the file's text; leaving it unticked keeps the correction.
    page = again.context["conflicts"]
    fields = {"resolve": "1", "language": "es", "conflicts": str(len(page))}
    for n, conflict in enumerate(page):
        fields |= {
            f"id-{n}": conflict.unit_id,
            f"source-{n}": conflict.source_version,
            f"text-{n}": conflict.file_text,
            f"seen-{n}": conflict.current_version,
        }
    kept = client.post(url, fields, follow=True)
    assert "in conflict, kept as they are: 1" in said(kept)
    assert spanish(first) == "Traducción corregida por el revisor."
    replaced = client.post(url, {**fields, "apply": ["0"]}, follow=True)
    assert "in conflict, replaced by the file's: 1" in said(replaced)
    assert spanish(first) == "Traducción del traductor."


def test_a_conflict_chosen_after_the_text_changed_again_is_a_conflict_again(staff):
    paragraph = staff.meeting.paragraphs.order_by("pk").first()
    paragraph.text_es = "Primera."
    paragraph.save()
    data = fill(export_xliff(staff.meeting, "es"), {unit_id(paragraph): "Del archivo."})
    paragraph.text_es = "Corregida."
    paragraph.save()
    result = import_xliff(staff.meeting, data)
    (conflict,) = result.conflicts
    paragraph.text_es = "Corregida otra vez."
    paragraph.save()
    client = client_for(staff.editor)
    url = reverse("admin:meetings_meeting_xliff_import", args=[staff.meeting.pk])
    fields = {"resolve": "1", "language": "es", "conflicts": "1", "apply": ["0"], "id-0": conflict.unit_id}
    fields |= {"source-0": conflict.source_version, "text-0": conflict.file_text, "seen-0": conflict.current_version}
    page = client.post(url, fields)
    assert page.status_code == 200 and "Corregida otra vez." in page.content.decode()
    assert spanish(paragraph) == "Corregida otra vez."


def test_a_file_exported_before_units_carried_their_version_does_not_overwrite_a_text(staff):
    translated, empty = staff.meeting.paragraphs.order_by("pk")[:2]
    translated.text_es = "Ya traducido."
    translated.save()
    data = fill(
        export_xliff(staff.meeting, "es"),
        {unit_id(translated): "Otra traducción.", unit_id(empty): "Nueva traducción."},
        without_versions=True,
    )
    result = import_xliff(staff.meeting, data)
    assert (result.applied, len(result.conflicts)) == (1, 1)
    assert spanish(translated) == "Ya traducido."
    assert spanish(empty) == "Nueva traducción."


def test_the_command_reports_conflicts_and_applies_them_only_when_told(staff, tmp_path):
    paragraph = staff.meeting.paragraphs.order_by("pk").first()
    paragraph.text_es = "Antes."
    paragraph.save()
    path = tmp_path / "es.xlf"
    call_command("xliff", "export", staff.meeting.symbol, "--language", "es", "-o", str(path))
    path.write_bytes(fill(path.read_bytes(), {unit_id(paragraph): "Del traductor."}))
    paragraph.text_es = "Corregido."
    paragraph.save()

    out, err = io.StringIO(), io.StringIO()
    call_command("xliff", "import", staff.meeting.symbol, str(path), stdout=out, stderr=err)
    assert "1 in conflict kept" in out.getvalue()
    assert f"Conflict, kept as it is: {unit_id(paragraph)}" in err.getvalue()
    assert "Del traductor." in err.getvalue() and "Corregido." in err.getvalue()
    assert spanish(paragraph) == "Corregido."

    out = io.StringIO()
    call_command("xliff", "import", staff.meeting.symbol, str(path), "--overwrite-conflicts", stdout=out)
    assert "1 in conflict applied" in out.getvalue()
    assert spanish(paragraph) == "Del traductor."
