"""Every document row offers the files a delegate can open: uploads per language and the documents Rapporteur writes."""

import pytest
from django.urls import reverse

from meetings.models import Document, Meeting
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


def documents_page(client, meeting, language="en"):
    return client.get(f"/{language}/meetings/{meeting.slug}/documents/").content.decode()


def row_of(page, document):
    """The HTML of one document's row."""
    rows = page.split('<li class="document-row"')[1:]
    return next(row for row in rows if row.startswith(f' id="document-{document.pk}"'))


def test_the_draft_report_and_its_addenda_are_files_of_their_rows_and_download(client, demo_meeting):
    page = documents_page(client, demo_meeting)
    for part in ("L.2", "L.2-Add.1", "L.2-Add.4"):
        for extension in ("pdf", "docx"):
            address = f"/en/meetings/{demo_meeting.slug}/draft/{part}.{extension}"
            assert f'href="{address}"' in page
    response = client.get(f"/en/meetings/{demo_meeting.slug}/draft/L.2-Add.1.pdf")
    assert response.status_code == 200
    assert response.getvalue().startswith(b"%PDF-")
    assert "No file yet" not in page


def test_a_document_without_any_file_says_so_and_points_to_the_official_record(client, demo_meeting):
    guide = demo_meeting.documents.get(symbol="A/CONF.234/PM.1")
    row = row_of(documents_page(client, demo_meeting), guide)
    assert "No file on this site." in row
    assert 'href="https://undocs.org/A/CONF.234/PM.1"' in row
    assert "download" not in row


def test_an_upload_takes_the_place_of_the_generated_file_in_its_language(client, demo_meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    part = demo_meeting.documents.get(symbol="A/CONF.234/RPM.2/L.2/Add.2")
    DocumentFileFactory(document=part, language="en", file__filename="issued.pdf")
    DocumentFileFactory(document=part, language="fr", file__filename="publie.docx", file__data=b"PK\x03\x04")
    row = row_of(documents_page(client, demo_meeting), part)
    assert "/draft/L.2-Add.2.pdf" not in row
    assert f'href="{reverse("meetings:document_file", args=[demo_meeting.slug, part.pk, "en"])}"' in row
    assert f'href="{reverse("meetings:document_file", args=[demo_meeting.slug, part.pk, "fr"])}"' in row
    # In the UN's order of languages: English before French.
    assert row.index("English") < row.index("French")


def test_the_language_names_are_in_the_readers_language(client, demo_meeting):
    page = documents_page(client, demo_meeting, "fr")
    assert '<span class="language-name">Anglais</span>' in page


def test_an_unpublished_part_of_the_draft_is_not_offered(client, demo_meeting):
    Document.objects.filter(symbol="A/CONF.234/RPM.2/L.2/Add.3").update(is_published=False)
    page = documents_page(client, demo_meeting)
    assert "L.2-Add.3" not in page
    assert "L.2-Add.2" in page


def test_the_report_is_a_file_of_its_row_once_adopted(client, demo_meeting):
    report_row = DocumentFactory(
        meeting=demo_meeting, symbol=demo_meeting.symbol, title="Report", kind=Document.Kind.BACKGROUND
    )
    address = f"/en/meetings/{demo_meeting.slug}/report.pdf"
    assert address not in row_of(documents_page(client, demo_meeting), report_row)
    demo_meeting.adopt_report(session=demo_meeting.sessions.last())
    assert Meeting.objects.get(pk=demo_meeting.pk).report_is_adopted
    assert f'href="{address}"' in row_of(documents_page(client, demo_meeting), report_row)


def test_the_documents_rapporteur_writes_are_offered_in_the_original_language_and_in_complete_translations(
    client, demo_meeting
):
    from report.downloads import complete_languages
    from report.language_versions import texts_of

    part = demo_meeting.documents.get(symbol="A/CONF.234/RPM.2/L.2/Add.1")
    row = row_of(documents_page(client, demo_meeting), part)
    assert "/en/meetings/western-asia-2019/draft/L.2-Add.1.pdf" in row
    assert "/fr/meetings/western-asia-2019/draft/L.2-Add.1.pdf" not in row  # French is not translated

    # Once every text has its French version, the French files are offered too (under the French address).
    for text in texts_of(demo_meeting):
        field = f"{text.field}_fr"
        setattr(text.record, field, getattr(text.record, f"{text.field}_en") or "Texte")
        text.record.save(update_fields=[field])
    assert complete_languages(demo_meeting) == ["en", "fr"]

    # A Spanish meeting's documents are always offered in Spanish, its drafting language, however incomplete.
    demo_meeting.original_language = Meeting.Language.SPANISH
    assert complete_languages(demo_meeting) == ["en", "fr", "es"]
