"""Finding 1 of the attack review: the public site shows an unpublished meeting or document only to the
secretariat and to staff assigned to that meeting. Every page, download, list, search result, annex,
chapter IV and the admin's "view on site" asks one rule (meetings/visibility.py)."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from tests.factories import DocumentFactory, DocumentFileFactory
from tests.test_visibility import MEETING_PAGES, PUBLIC_PAGES


def address(name, meeting):
    if name == "meetings:document_file":
        version = meeting.documents.get(symbol=f"{meeting.series}/CRP.99").files.get()
        return reverse(name, kwargs={"slug": meeting.slug, "pk": version.document_id, "language": version.language})
    return reverse(name, kwargs=PUBLIC_PAGES[name](meeting))


pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def unpublished(staff, settings, tmp_path):
    """`staff.meeting` (assigned to editor, rapporteur, reviewer) and `staff.other_meeting` (the outsider's),
    both unpublished, each with a document file, an agenda item and a session."""
    settings.MEDIA_ROOT = tmp_path
    for index, meeting in enumerate((staff.meeting, staff.other_meeting)):
        meeting.is_published = False
        meeting.save()
        document = DocumentFactory(meeting=meeting, title=f"Secret paper {index}", symbol=f"{meeting.series}/CRP.99")
        DocumentFileFactory(document=document)
        meeting.agenda_items.create(title=f"Secret agenda item {index}", order=99)
        if not meeting.sessions.exists():
            meeting.sessions.create(number=1, date=meeting.start_date)
    return staff


@pytest.mark.parametrize("name", MEETING_PAGES)
def test_finding1_staff_of_another_meeting_cannot_preview_it(unpublished, name):
    url = address(name, unpublished.meeting)
    outsider = client_for(unpublished.outsider)
    assert outsider.get(url).status_code == 404  # not even a redirect: nothing says the meeting exists
    for role in ("secretariat", "editor", "rapporteur", "reviewer"):
        # Today redirects to what is on (public.programme.now): followed, it ends on a page of this meeting
        # that the role previews and that the outsider is refused too.
        response = client_for(getattr(unpublished, role)).get(url, follow=True)
        assert response.status_code == 200, role
        for hop, _status in response.redirect_chain:
            assert f"/meetings/{unpublished.meeting.slug}/" in hop, (role, hop)
            assert outsider.get(hop).status_code == 404, (role, hop)


@pytest.mark.parametrize("name", MEETING_PAGES)
def test_finding1_staff_without_an_assignment_cannot_preview(unpublished, name):
    unpublished.reviewer.meeting_assignments.all().delete()
    url = address(name, unpublished.meeting)
    assert client_for(unpublished.reviewer).get(url).status_code == 404


def test_finding1_lists_calendar_and_search_hold_only_the_meetings_one_may_preview(unpublished):
    outsider = client_for(unpublished.outsider)
    home = outsider.get(reverse("home")).content.decode()
    assert unpublished.other_meeting.slug in home
    assert unpublished.meeting.slug not in home
    for words in ("Secret paper", "Secret agenda item"):
        # The words found are marked in each result: "<mark>Secret</mark> <mark>paper</mark> 1".
        results = re.sub(r"</?mark>", "", outsider.get(reverse("search"), {"q": words}).content.decode())
        assert f"{words} 1" in results
        assert f"{words} 0" not in results


def test_finding1_unpublished_documents_of_a_published_meeting_are_for_its_own_staff(unpublished):
    meeting = unpublished.other_meeting
    meeting.is_published = True
    meeting.save()
    meeting.documents.update(is_published=False)
    document = meeting.documents.get(title="Secret paper 1")
    download = reverse("meetings:document_file", kwargs={"slug": meeting.slug, "pk": document.pk, "language": "en"})
    reviewer = client_for(unpublished.reviewer)  # assigned to the other meeting, not this one
    assert reviewer.get(download).status_code == 404
    page = reviewer.get(reverse("meetings:documents", kwargs={"slug": meeting.slug})).content.decode()
    assert "Secret paper 1" not in page
    assert client_for(unpublished.outsider).get(download).status_code == 200


def test_finding1_unpublished_draft_parts_are_for_the_meetings_own_staff(unpublished):
    meeting = unpublished.other_meeting
    meeting.is_published = True
    meeting.save()
    part = meeting.documents.create(
        symbol=f"{meeting.series}/L.2", title="Draft report", kind="draft_report", is_published=False
    )
    url = reverse("meetings:draft_part_download", kwargs={"slug": meeting.slug, "part": "L.2", "extension": "txt"})
    report_url = reverse("meetings:report", kwargs={"slug": meeting.slug})
    reviewer = client_for(unpublished.reviewer)
    assert reviewer.get(url).status_code == 404
    assert url not in reviewer.get(report_url).content.decode()
    assert part.symbol not in reviewer.get(report_url).content.decode()
    assert client_for(unpublished.outsider).get(url).status_code == 200


def test_finding1_view_on_site_redirects_only_to_what_the_user_may_see(unpublished):
    meeting = unpublished.meeting
    content_type = ContentType.objects.get_for_model(meeting)
    url = reverse("admin:view_on_site", args=[content_type.pk, meeting.pk])
    assert client_for(unpublished.outsider).get(url).status_code == 404
    response = client_for(unpublished.reviewer).get(url)
    assert response.status_code == 302
    assert meeting.slug in response["Location"]

    version = meeting.documents.get(title="Secret paper 0").files.get()
    file_type = ContentType.objects.get_for_model(version)
    assert (
        client_for(unpublished.outsider).get(reverse("admin:view_on_site", args=[file_type.pk, version.pk])).status_code
        == 404
    )
