"""The Atom feeds of a meeting's and a Congress's documents, per language. Made-up texts only, none UN text."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import etree

from meetings.models import Document
from tests.factories import (
    CongressFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    complete_meeting,
)

pytestmark = pytest.mark.django_db
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def feed(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    return etree.fromstring(response.content)


def meeting_feed_path(meeting, language="en"):
    with translation.override(language):
        return reverse("meeting_feed", kwargs={"slug": meeting.slug})


def entries(root):
    return [
        {
            "id": entry.findtext("atom:id", namespaces=ATOM),
            "title": entry.findtext("atom:title", namespaces=ATOM),
            "link": entry.find("atom:link", ATOM).get("href"),
            "updated": entry.findtext("atom:updated", namespaces=ATOM),
            "summary": entry.findtext("atom:summary", namespaces=ATOM) or "",
        }
        for entry in root.findall("atom:entry", ATOM)
    ]


def test_a_meetings_feed_lists_a_new_document_once_it_is_added(client):
    meeting = MeetingFactory()
    DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/CRP.1", title="A made-up first paper")
    path = meeting_feed_path(meeting)
    assert [entry["title"] for entry in entries(feed(client, path))] == [
        f"{meeting.series}/CRP.1: A made-up first paper"
    ]

    added = DocumentFactory(meeting=meeting, symbol=f"{meeting.series}/CRP.2", title="A made-up second paper")
    DocumentFileFactory(document=added)

    root = feed(client, path)
    listed = entries(root)
    assert listed[0]["title"] == f"{meeting.series}/CRP.2: A made-up second paper"  # newest first
    assert listed[0]["link"] == f"http://testserver/en/meetings/{meeting.slug}/documents/{added.pk}/en/"
    # An entry keeps its id when its files change: the document's row on the documents page.
    assert listed[0]["id"] == f"http://testserver/en/meetings/{meeting.slug}/documents/#document-{added.pk}"
    assert "PDF" in listed[0]["summary"] and listed[0]["link"] in listed[0]["summary"]
    assert client.get(listed[0]["link"]).status_code == 200
    # Atom's dates, in UTC.
    updated = datetime.datetime.fromisoformat(listed[0]["updated"])
    assert updated.utcoffset() == datetime.timedelta(0)
    assert root.findtext("atom:updated", namespaces=ATOM) == listed[0]["updated"]


def test_the_feed_is_in_the_language_of_its_address(client):
    meeting = MeetingFactory(region="Made-up region", region_fr="Région inventée")
    document = DocumentFactory(meeting=meeting, title="A made-up paper", title_fr="Un document inventé")
    DocumentFileFactory(document=document, language="en")

    root = feed(client, meeting_feed_path(meeting, "fr"))

    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert "Région inventée" in root.findtext("atom:title", namespaces=ATOM)
    (entry,) = entries(root)
    assert entry["title"] == f"{document.symbol}\u00a0: Un document inventé"
    # No French file yet: the entry says so, and links the documents page instead.
    assert "Aucun fichier en français" in entry["summary"]
    assert entry["link"].endswith(f"/fr/meetings/{meeting.slug}/documents/#document-{document.pk}")


def test_the_draft_reports_parts_are_in_the_feed_with_the_files_rapporteur_writes(client):
    meeting = complete_meeting()
    listed = entries(feed(client, meeting_feed_path(meeting)))
    part = next(entry for entry in listed if entry["title"].startswith(f"{meeting.series}/L.2:"))
    assert part["link"] == f"http://testserver/en/meetings/{meeting.slug}/draft/L.2.pdf"
    assert client.get(part["link"]).status_code == 200


def test_a_feed_of_an_unpublished_meeting_is_a_404_and_lists_no_unpublished_document(client):
    hidden, shown = MeetingFactory(is_published=False), MeetingFactory()
    DocumentFactory(meeting=shown, is_published=False, title="A made-up draft not yet issued")
    assert client.get(meeting_feed_path(hidden)).status_code == 404
    assert client.get(meeting_feed_path(hidden, "ar")).status_code == 404

    assert entries(feed(client, meeting_feed_path(shown))) == []


def test_a_congress_feed_gathers_its_published_meetings_documents(client):
    congress = CongressFactory()
    published, hidden = MeetingFactory(congress=congress), MeetingFactory(congress=congress, is_published=False)
    shown = DocumentFactory(meeting=published, title="A made-up paper of one region")
    DocumentFactory(meeting=hidden, title="A made-up paper not yet public")

    with translation.override("es"):
        path = reverse("congress_feed", kwargs={"ordinal": congress.ordinal})
    root = feed(client, path)

    assert [entry["title"] for entry in entries(root)] == [f"{shown.symbol}: A made-up paper of one region"]
    assert client.get(reverse("congress_feed", kwargs={"ordinal": 999})).status_code == 404


def test_a_conditional_request_for_a_feed_is_answered_304_until_a_document_changes(client):
    meeting = MeetingFactory()
    document = DocumentFactory(meeting=meeting)
    path = meeting_feed_path(meeting)
    etag = client.get(path)["ETag"]
    assert client.get(path, headers={"if-none-match": etag}).status_code == 304

    Document.objects.get(pk=document.pk).save()
    assert client.get(path, headers={"if-none-match": etag}).status_code == 200


def test_the_meeting_page_links_its_feed(client):
    meeting = MeetingFactory()
    page = client.get(reverse("meetings:detail", kwargs={"slug": meeting.slug})).content.decode()
    assert 'type="application/atom+xml"' in page
    assert f'href="/en/meetings/{meeting.slug}/feed.atom"' in page
