"""Each meeting's pages are cached under its own content version; links with tracking parameters hit the cache."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caching import content_version
from caching.models import MeetingVersion
from meetings.models import Meeting
from tests.admin_forms import form_data
from tests.factories import DocumentFactory, MeetingFactory, UserFactory, complete_meeting

pytestmark = pytest.mark.django_db


def page(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.slug])


def queries_for(client, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return response, len(queries)


@pytest.fixture
def two_meetings():
    return complete_meeting(1), complete_meeting(1)


def test_an_edit_to_one_meeting_leaves_another_meetings_cached_pages_valid(client, two_meetings):
    a, b = two_meetings
    pages_of_b = {name: client.get(page(name, b)).content for name in ("agenda", "report", "participation")}
    paragraph = a.paragraphs.first()
    paragraph.text = "The Meeting was opened by the Chief of Section."
    paragraph.save()
    for name, built in pages_of_b.items():
        response, queries = queries_for(client, page(name, b))
        assert queries == 1 and response.content == built, name  # B's version alone, then the cache
    assert "opened by the Chief of Section" in client.get(page("report", a)).content.decode()


def test_each_kind_of_record_touches_its_own_meeting_only(client, two_meetings):
    a, b = two_meetings
    client.get(page("agenda", b))
    before = content_version.for_meeting(pk=a.pk)
    discussion = a.discussions.first()
    recommendation = discussion.recommendations.first()
    recommendation.text = "Strengthen cooperation"
    recommendation.save()  # two steps from its meeting: recommendation → discussion → meeting
    assert content_version.for_meeting(pk=a.pk) != before
    a.sessions.first().agenda_items.clear()  # a many-to-many change
    a.documents.first().delete()
    assert queries_for(client, page("agenda", b))[1] == 1


def test_a_shared_record_invalidates_only_the_meetings_that_show_it(client, two_meetings):
    a, b = two_meetings
    participation = a.participations.filter(state__isnull=False).first()
    url_a, url_b = page("participation", a), page("participation", b)
    assert participation.state.name in client.get(url_a).content.decode()
    built_b = client.get(url_b).content
    participation.state.name = "Renamed Republic"
    participation.state.save()
    assert "Renamed Republic" in client.get(url_a).content.decode()
    response, queries = queries_for(client, url_b)
    assert queries == 1 and response.content == built_b


def test_an_edit_to_a_congress_invalidates_its_meetings(client, two_meetings):
    a, b = two_meetings
    url_a, url_b = page("detail", a), page("detail", b)
    client.get(url_a), client.get(url_b)
    a.congress.title = "Fifteenth United Nations Congress on Crime Prevention and Criminal Justice"
    a.congress.save()
    assert "Fifteenth United Nations Congress" in client.get(url_a).content.decode()
    assert queries_for(client, url_b)[1] == 1
    topic = b.discussions.first().topic
    topic.order += 1
    topic.save()  # a Congress's topic: its meetings only
    assert queries_for(client, url_b)[1] > 1
    assert queries_for(client, url_a)[1] == 1


def test_a_record_moved_to_another_meeting_changes_both(two_meetings):
    a, b = two_meetings
    versions = content_version.for_meeting(pk=a.pk), content_version.for_meeting(pk=b.pk)
    document = DocumentFactory(meeting=a, symbol=f"{a.congress.symbol_prefix}/RPM.{a.number}/CRP.9")
    versions = content_version.for_meeting(pk=a.pk), content_version.for_meeting(pk=b.pk)
    document.meeting = b
    document.save()
    assert content_version.for_meeting(pk=a.pk) != versions[0]
    assert content_version.for_meeting(pk=b.pk) != versions[1]


def test_a_new_meeting_has_a_version_and_a_deleted_one_takes_it_along(client):
    meeting = MeetingFactory()
    assert MeetingVersion.objects.filter(meeting=meeting).exists()
    client.get(page("detail", meeting))
    assert queries_for(client, page("detail", meeting))[1] == 1
    pk = meeting.pk
    meeting.delete()
    assert not MeetingVersion.objects.filter(meeting_id=pk).exists()
    assert client.get(page("detail", meeting)).status_code == 404


def test_the_home_page_follows_every_edit(client, two_meetings):
    a, _b = two_meetings
    client.get("/en/")
    assert queries_for(client, "/en/")[1] == 1
    a.region = "Eastern Europe"
    a.save()
    assert "Eastern Europe" in client.get("/en/").content.decode()


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_refused_save_changes_no_version(staff):
    paragraph = staff.meeting.paragraphs.first()
    url = reverse("admin:meetings_meetingparagraph_change", args=[paragraph.pk])
    editor, secretariat = client_for(staff.editor), client_for(staff.secretariat)
    editors_form, secretariats_form = form_data(editor.get(url)), form_data(secretariat.get(url))
    editors_form["text_en"] = "The Meeting was opened by the Chief of Section."  # English, the original
    assert editor.post(url, editors_form).status_code == 302
    versions = content_version.current(), content_version.for_meeting(pk=staff.meeting.pk)

    secretariats_form["text_en"] = "The Meeting was opened by the Executive Secretary."
    refused = secretariat.post(url, secretariats_form)
    assert refused.status_code == 200 and "Not saved" in refused.content.decode()
    invalid = form_data(secretariat.get(url))
    invalid["text_en"] = ""  # required: the original language
    assert secretariat.post(url, invalid).status_code == 200
    assert (content_version.current(), content_version.for_meeting(pk=staff.meeting.pk)) == versions


@pytest.mark.parametrize(
    "query", ["?utm_source=x", "?utm_source=newsletter&utm_medium=email", "?fbclid=IwAR0abc", "?anything=else"]
)
def test_a_link_with_a_tracking_parameter_is_served_from_the_cache(client, two_meetings, query):
    a, _b = two_meetings
    url = page("agenda", a)
    clean = client.get(url)
    response, queries = queries_for(client, url + query)
    assert queries == 1 and response.status_code == 200
    assert response.content == clean.content


def test_a_page_first_built_from_a_tracked_link_does_not_carry_the_tracking(client, two_meetings):
    a, _b = two_meetings
    url = page("report", a)
    tracked = client.get(url + "?utm_source=x").content.decode()
    assert "utm_source" not in tracked  # the language links point at the clean address
    response, queries = queries_for(client, url)
    assert queries == 1 and response.content.decode() == tracked


def test_search_is_cached_per_query(client, two_meetings):
    a, _b = two_meetings
    first = client.get("/en/search/?q=" + a.venue_city)
    response, queries = queries_for(client, "/en/search/?utm_source=x&q=" + a.venue_city)
    assert queries == 1 and response.content == first.content
    assert queries_for(client, "/en/search/?q=justice")[1] > 1  # another search is another page


def test_staff_pages_are_private_and_cached_per_version(two_meetings, django_assert_max_num_queries):
    a, _b = two_meetings
    a.is_published = False
    a.save()
    DocumentFactory(meeting=a, title="Draft conference room paper", is_published=False)
    secretariat = client_for(staff_user())
    url = page("documents", a)
    built = secretariat.get(url)
    assert "Draft conference room paper" in built.content.decode()
    assert "private" in built["Cache-Control"]
    with django_assert_max_num_queries(6):  # session, user, the meeting's version, what the user may see
        again = secretariat.get(url)
    assert again.content == built.content and "private" in again["Cache-Control"]
    document = a.documents.get(title="Draft conference room paper")
    document.title = "Revised conference room paper"
    document.save()
    assert "Revised conference room paper" in secretariat.get(url).content.decode()
    assert Client().get(url).status_code == 404


def staff_user():
    return UserFactory(username="preview", is_superuser=True)


def test_a_staff_preview_never_reaches_an_anonymous_reader(two_meetings):
    a, _b = two_meetings
    DocumentFactory(meeting=a, title="Draft conference room paper", is_published=False)
    url = page("documents", a)
    assert "Draft conference room paper" in client_for(staff_user()).get(url).content.decode()
    assert "Draft conference room paper" not in Client().get(url).content.decode()


def test_meeting_versions_exist_for_the_demo(demo_meeting):
    assert content_version.for_meeting(slug=demo_meeting.slug) is not None
    assert Meeting.objects.count() == MeetingVersion.objects.count()
