"""Uploaded documents and written exports in an S3-compatible bucket (moto's server, started by the tests), as on
several app servers: downloads streamed by the app or redirected to a signed address, the visibility rule
unchanged, and nothing written to the server's disk."""

import requests
from django.core.files.storage import default_storage
from django.urls import reverse

from jobs.models import Export
from meetings.models import DocumentFile
from tests.factories import DocumentFactory, DocumentFileFactory, complete_meeting


def streamed(response):
    return b"".join(response.streaming_content)


def test_an_uploaded_document_is_kept_in_the_bucket_and_streamed_to_who_may_see_it(client, db, bucket, settings):
    upload = DocumentFileFactory(document=DocumentFactory(is_published=True))
    stored = DocumentFile.objects.get(pk=upload.pk).file
    assert stored.storage.bucket_name == bucket and stored.storage.exists(stored.name)
    assert not (settings.MEDIA_ROOT / stored.name).exists()  # not on this server's disk
    url = upload.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200 and streamed(response) == b"%PDF-1.4 a document"
    assert response["Content-Type"] == "application/pdf" and response["Content-Disposition"].startswith("attachment")

    upload.document.is_published = False
    upload.document.save()
    assert client.get(url).status_code == 404  # the rule is the view's, wherever the file is kept


def test_with_redirects_a_download_goes_to_a_signed_address_that_serves_it_and_expires(client, db, bucket, settings):
    settings.STORAGE_REDIRECT = True
    upload = DocumentFileFactory(document=DocumentFactory(is_published=True))
    response = client.get(upload.get_absolute_url())
    assert response.status_code == 302
    address = response["Location"]
    assert address.startswith(default_storage.endpoint_url) and "Signature=" in address and "Expires=" in address
    fetched = requests.get(address, timeout=10)
    assert fetched.status_code == 200 and fetched.content == b"%PDF-1.4 a document"
    assert fetched.headers["Content-Disposition"].startswith("attachment")
    unsigned = address.split("?")[0]
    assert requests.get(unsigned, timeout=10).status_code == 403  # the bucket is private


def test_an_export_is_written_to_the_bucket_and_served_from_it(
    client, db, bucket, settings, django_capture_on_commit_callbacks
):
    meeting = complete_meeting()
    url = reverse("meetings:report_download", args=[meeting.slug, "txt"])
    first = client.get(url)
    assert first.status_code == 200 and meeting.symbol in first.getvalue().decode()
    export = Export.objects.get()
    assert export.file.storage.bucket_name == bucket and export.file.storage.exists(export.file.name)

    meeting.venue_city_en = "Amman"
    with django_capture_on_commit_callbacks(execute=True):  # the old file goes after the commit
        meeting.save()
        again = client.get(url).getvalue()
    assert "Amman" in again.decode()
    old_name, export = export.file.name, Export.objects.get()
    assert export.file.name != old_name and not default_storage.exists(old_name)  # the old version is removed

    settings.STORAGE_REDIRECT = True
    redirected = client.get(url)
    assert redirected.status_code == 302
    assert requests.get(redirected["Location"], timeout=10).content == again
