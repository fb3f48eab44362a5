"""What the secretariat has not published is invisible to the public: 404 at every address, in no list.

The table below names every public URL pattern; a new pattern without an entry fails
`test_every_public_url_pattern_is_covered`, so no page escapes these checks.
"""

import re

import icalendar
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db

# Patterns that are not pages about meetings.
NOT_PUBLIC_PAGES = {
    "healthz",  # says only whether the database answers; tested in test_operations
    "admin_view_on_site",  # the admin's redirect to a public page; tested in workflow/test_preview_rule
    "api:schema",  # the API's OpenAPI schema and its reference page: no meeting's content (tests/test_api.py)
    "api:docs",
    "api:not-found",  # any other address under /api/v1/: a 404
}
NOT_PUBLIC_NAMESPACES = {"admin"}


def meeting_kwargs(meeting):
    return {"slug": meeting.slug}


def document_file_kwargs(meeting):
    version = meeting.documents.first().files.first()
    return {"slug": meeting.slug, "pk": version.document_id, "language": version.language}


def report_download_kwargs(meeting):
    return {"slug": meeting.slug, "extension": "txt"}


def draft_part_kwargs(meeting):
    meeting.documents.get_or_create(
        symbol=f"{meeting.series}/L.2", defaults={"title": "Draft report", "kind": "draft_report", "is_published": True}
    )
    return {"slug": meeting.slug, "part": "L.2", "extension": "txt"}


def day_kwargs(meeting):
    return {"slug": meeting.slug, "day": meeting.start_date.isoformat()}


def session_kwargs(meeting):
    return {"slug": meeting.slug, "state": "next", "number": meeting.sessions.first().number}


# name → the URL arguments for a meeting, or None for a page that lists meetings.
PUBLIC_PAGES = {
    "home": None,
    "search": None,
    "meetings:detail": meeting_kwargs,
    "meetings:agenda": meeting_kwargs,
    "meetings:programme": meeting_kwargs,
    "meetings:programme_ics": meeting_kwargs,
    "meetings:day": day_kwargs,
    "meetings:day_ics": day_kwargs,
    "meetings:today": meeting_kwargs,  # a redirect to what is on: followed below
    "meetings:today_session": session_kwargs,
    "meetings:now": meeting_kwargs,
    "meetings:documents": meeting_kwargs,
    "meetings:document_file": document_file_kwargs,
    "meetings:participation": meeting_kwargs,
    "meetings:report": meeting_kwargs,
    "meetings:report_download": report_download_kwargs,
    "meetings:draft_part_download": draft_part_kwargs,
    "meetings:revised_part_download": draft_part_kwargs,
    "meeting_feed": meeting_kwargs,
    "congress_feed": None,  # a Congress's: listed below
    "api:congress-list": None,
    "api:congress-detail": None,
    "api:meeting-list": None,
    "api:meeting-detail": meeting_kwargs,
    "api:meeting-paragraphs": meeting_kwargs,
    "api:meeting-recommendations": meeting_kwargs,
}
MEETING_PAGES = [name for name, kwargs in PUBLIC_PAGES.items() if kwargs]


def congress_kwargs(meeting):
    return {"ordinal": meeting.congress.ordinal}


# A Congress's pages list its meetings: they are found at the Congress's address, an unpublished meeting on none.
CONGRESS_PAGES = {
    "congress": congress_kwargs,
    "compilation": congress_kwargs,
    "compilation_download": lambda meeting: {**congress_kwargs(meeting), "extension": "json"},
}


# Pages of a Congress among the public ones: reached by the meeting's Congress, not by the meeting.
BY_CONGRESS = {"congress_feed", "api:congress-detail"}


def public_address(name, meeting):
    """The address of a public page (PUBLIC_PAGES or CONGRESS_PAGES) for `meeting`, or its Congress, or none."""
    if name in BY_CONGRESS:
        return reverse(name, kwargs=congress_kwargs(meeting))
    kwargs = PUBLIC_PAGES.get(name) or CONGRESS_PAGES.get(name)
    return reverse(name, kwargs=kwargs(meeting)) if kwargs else reverse(name)


def url_pattern_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in NOT_PUBLIC_NAMESPACES:
                continue
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_pattern_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}"


def test_every_public_url_pattern_is_covered():
    names = set(url_pattern_names(get_resolver().url_patterns)) - NOT_PUBLIC_PAGES
    assert names == set(PUBLIC_PAGES) | set(CONGRESS_PAGES)


@pytest.mark.parametrize("name", CONGRESS_PAGES)
def test_an_unpublished_meeting_is_on_no_page_of_its_congress_but_staff_see_it(
    client, admin_client, meeting_with_a_file, name
):
    hidden = meeting_with_a_file(is_published=False)
    url = reverse(name, kwargs=CONGRESS_PAGES[name](hidden))
    public = client.get(url)
    assert public.status_code == 200 and b"Atlantis" not in public.getvalue()  # a file is streamed
    if name == "congress":
        assert b"Atlantis" in admin_client.get(url).content


@pytest.fixture
def meeting_with_a_file(settings, tmp_path):
    """A meeting whose region and document title are words no other row contains, with an uploaded file."""

    def make(**kwargs):
        settings.MEDIA_ROOT = tmp_path
        meeting = MeetingFactory(region="Atlantis", **kwargs)
        document = DocumentFactory(meeting=meeting, title="Atlantis working paper")
        DocumentFileFactory(document=document)
        meeting.agenda_items.create(title="Atlantis cybercrime item", order=1)
        meeting.sessions.create(number=1, date=meeting.start_date)
        return meeting

    return make


@pytest.mark.parametrize("name", MEETING_PAGES)
def test_an_unpublished_meeting_is_not_found_at_any_of_its_addresses(client, meeting_with_a_file, name):
    published = meeting_with_a_file()
    assert client.get(reverse(name, kwargs=PUBLIC_PAGES[name](published)), follow=True).status_code == 200

    hidden = meeting_with_a_file(is_published=False, slug="hidden")
    assert client.get(reverse(name, kwargs=PUBLIC_PAGES[name](hidden))).status_code == 404


@pytest.mark.parametrize("name", MEETING_PAGES)
def test_staff_preview_an_unpublished_meeting(admin_client, meeting_with_a_file, name):
    hidden = meeting_with_a_file(is_published=False)
    assert admin_client.get(reverse(name, kwargs=PUBLIC_PAGES[name](hidden)), follow=True).status_code == 200


def test_an_unpublished_meeting_is_in_no_list_and_no_search_result(client, meeting_with_a_file):
    hidden = meeting_with_a_file(is_published=False)
    assert "Atlantis" not in client.get(reverse("home")).content.decode()
    ordinal = {"ordinal": hidden.congress.ordinal}
    for name, kwargs in (("api:meeting-list", {}), ("api:congress-detail", ordinal), ("congress_feed", ordinal)):
        assert "Atlantis" not in client.get(reverse(name, kwargs=kwargs)).content.decode()
    for words in ("working paper", "cybercrime"):
        results = re.sub(r"</?mark>", "", client.get(reverse("search"), {"q": words}).content.decode())
        assert "Atlantis working paper" not in results
        assert "Atlantis cybercrime item" not in results


def test_a_published_meeting_is_listed_and_found(client, meeting_with_a_file):
    shown = meeting_with_a_file()
    assert "Atlantis" in client.get(reverse("home")).content.decode()
    ordinal = {"ordinal": shown.congress.ordinal}
    for name, kwargs in (("api:meeting-list", {}), ("api:congress-detail", ordinal), ("congress_feed", ordinal)):
        assert "Atlantis" in client.get(reverse(name, kwargs=kwargs)).content.decode()
    found = client.get(reverse("search"), {"q": "working paper"}).content.decode()
    assert "Atlantis <mark>working</mark> <mark>paper</mark>" in found  # the words searched for, highlighted


def test_an_unpublished_document_is_absent_and_its_files_not_found(client, admin_client, meeting_with_a_file):
    meeting = meeting_with_a_file()
    document = meeting.documents.get()
    item = meeting.agenda_items.get()
    item.documents.add(document)
    document.is_published = False
    document.save()

    for name in ("meetings:documents", "meetings:agenda", "meetings:detail"):
        assert document.symbol not in client.get(reverse(name, kwargs={"slug": meeting.slug})).content.decode()
    found = re.sub(r"</?mark>", "", client.get(reverse("search"), {"q": "working paper"}).content.decode())
    assert "Atlantis working paper" not in found  # without the highlighting
    download = reverse("meetings:document_file", kwargs=document_file_kwargs(meeting))
    assert client.get(download).status_code == 404

    assert (
        document.symbol
        in admin_client.get(reverse("meetings:documents", kwargs={"slug": meeting.slug})).content.decode()
    )
    assert admin_client.get(download).status_code == 200


def test_the_calendar_holds_only_the_meetings_own_sessions(client, meeting_with_a_file):
    meeting = meeting_with_a_file()
    meeting_with_a_file(is_published=False, slug="hidden")
    response = client.get(reverse("meetings:programme_ics", kwargs={"slug": meeting.slug}))
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["uid"]) for event in events] == [f"{meeting.slug}-session-1@rapporteur"]


def test_an_unpublished_part_of_the_draft_is_not_offered_nor_found(client, admin_client, meeting_with_a_file):
    meeting = meeting_with_a_file()
    meeting.documents.create(symbol=f"{meeting.series}/L.2", title="Draft report", kind="draft_report")
    for name in ("meetings:draft_part_download", "meetings:revised_part_download"):
        url = reverse(name, kwargs={"slug": meeting.slug, "part": "L.2", "extension": "txt"})
        assert client.get(url).status_code == 404
        assert url not in client.get(reverse("meetings:report", kwargs={"slug": meeting.slug})).content.decode()
        assert admin_client.get(url).status_code == 200
