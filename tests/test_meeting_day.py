"""The meeting day: what is on now and next, each day's plenary meetings with their documents, calendars."""

import datetime

import icalendar
import pytest
from django.core.cache import caches
from django.urls import reverse

from meetings.models import Meeting
from public import programme

pytestmark = pytest.mark.django_db

BEIRUT = datetime.timezone(datetime.timedelta(hours=2))  # Lebanon in March 2019, before summer time


@pytest.fixture
def at(monkeypatch):
    """Sets the site's clock to a local time in Beirut."""

    def set_clock(*args):
        monkeypatch.setattr(programme, "now", lambda: datetime.datetime(*args, tzinfo=BEIRUT))

    return set_clock


def page(client, meeting, name, **kwargs):
    response = client.get(reverse(name, kwargs={"slug": meeting.slug, **kwargs}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "moment, target",
    [
        ((2019, 3, 20, 9, 0), "/en/meetings/western-asia-2019/programme/2019-03-26/"),
        ((2019, 3, 26, 8, 0), "/en/meetings/western-asia-2019/today/next-1/"),
        ((2019, 3, 27, 10, 0), "/en/meetings/western-asia-2019/today/now-3/"),
        ((2019, 3, 27, 12, 59), "/en/meetings/western-asia-2019/today/now-3/"),
        ((2019, 3, 27, 13, 30), "/en/meetings/western-asia-2019/today/next-4/"),
        ((2019, 3, 27, 20, 0), "/en/meetings/western-asia-2019/today/next-5/"),
        ((2019, 3, 28, 16, 30), "/en/meetings/western-asia-2019/today/now-6/"),
        ((2019, 3, 28, 17, 30), "/en/meetings/western-asia-2019/report/"),
        ((2019, 4, 2, 9, 0), "/en/meetings/western-asia-2019/report/"),
    ],
)
def test_today_leads_to_what_is_on_at_that_moment(client, demo_meeting, at, moment, target):
    at(*moment)
    response = client.get(reverse("meetings:today", kwargs={"slug": demo_meeting.slug}))
    assert response.status_code == 302
    assert response["Location"] == target
    assert "no-store" in response["Cache-Control"]  # the clock moves; the pages it leads to do not


def test_the_plenary_meeting_in_progress_shows_its_items_room_documents_and_the_next(client, demo_meeting):
    session = demo_meeting.sessions.get(number=5)
    session.room = "Conference Room 2"
    session.save()
    html = page(client, demo_meeting, "meetings:today_session", state="now", number=5)
    assert "Now" in html and "Plenary meeting 5" in html and "Conference Room 2" in html
    assert '<span class="item-label">6.</span>' in html  # item 6, Recommendations, with its number
    assert "10:00–13:00" in html
    # Then plenary meeting 6, which adopts the report: its draft parts are files, under discussion.
    assert "Plenary meeting 6" in html and "Draft report under discussion:" in html
    assert 'href="/en/meetings/western-asia-2019/draft/L.2-Add.1.pdf"' in html


def test_the_programme_numbers_items_and_letters_sub_items(client, demo_meeting):
    html = page(client, demo_meeting, "meetings:programme")
    assert '<span class="item-label">5.</span>' in html
    for label in ("(a)", "(b)", "(c)", "(d)"):
        assert f'<span class="item-label">{label}</span>' in html
    assert 'href="webcal://testserver/en/meetings/western-asia-2019/programme.ics"' in html
    assert 'href="/en/meetings/western-asia-2019/programme/2019-03-27.ics"' in html


def test_the_room_is_translated_like_the_title(client, demo_meeting):
    session = demo_meeting.sessions.get(number=1)
    session.room_en, session.room_fr = "Conference Room 2", "Salle de conférence 2"
    session.save()
    assert "Salle de conférence 2" in client.get(f"/fr/meetings/{demo_meeting.slug}/programme/").content.decode()
    assert "Conference Room 2" in client.get(f"/en/meetings/{demo_meeting.slug}/programme/").content.decode()


def test_a_days_calendar_holds_that_days_plenary_meetings_with_their_room(client, demo_meeting):
    session = demo_meeting.sessions.get(number=3)
    session.room = "Conference Room 2"
    session.save()
    response = client.get(reverse("meetings:day_ics", kwargs={"slug": demo_meeting.slug, "day": "2019-03-27"}))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["uid"]) for event in events] == [
        "western-asia-2019-session-3@rapporteur",
        "western-asia-2019-session-4@rapporteur",
    ]
    assert str(events[0]["location"]) == "Conference Room 2, Beirut, Lebanon"
    assert calendar["x-published-ttl"].to_ical() == b"PT1H"  # subscribed calendars ask again every hour


def test_a_day_without_a_plenary_meeting_is_not_found(client, demo_meeting):
    for day in ("2019-03-29", "yesterday"):
        assert client.get(reverse("meetings:day", kwargs={"slug": demo_meeting.slug, "day": day})).status_code == 404
    url = reverse("meetings:today_session", kwargs={"slug": demo_meeting.slug, "state": "now", "number": 9})
    assert client.get(url).status_code == 404


def test_the_day_page_gives_each_items_documents_with_their_files(client, demo_meeting):
    html = page(client, demo_meeting, "meetings:day", day="2019-03-28")
    assert "Thursday, 28 March 2019" in html
    assert "Plenary meeting 5" in html and "Plenary meeting 6" in html and "Plenary meeting 4" not in html
    assert 'href="/en/meetings/western-asia-2019/draft/L.2.docx"' in html


def test_the_meeting_page_shows_the_day_before_during_and_after(client, demo_meeting, at):
    at(2019, 3, 1, 12, 0)
    html = page(client, demo_meeting, "meetings:detail")
    assert "The meeting opens on Tuesday, 26 March 2019" in html and "Plenary meeting 2" in html
    caches["pages"].clear()  # the page cache keeps a page for the day; these are other days
    at(2019, 3, 27, 11, 0)
    html = page(client, demo_meeting, "meetings:detail")
    assert "Today, Wednesday, 27 March 2019" in html
    assert "Plenary meeting 3" in html and "Plenary meeting 4" in html and "Plenary meeting 5" not in html
    caches["pages"].clear()
    at(2019, 3, 29, 11, 0)
    html = page(client, demo_meeting, "meetings:detail")
    assert "The meeting has ended" in html and "Plenary meeting" not in html


def test_an_unpublished_meeting_has_no_day_pages(client, demo_meeting):
    Meeting.objects.filter(pk=demo_meeting.pk).update(is_published=False)
    for name, kwargs in (("meetings:today", {}), ("meetings:day", {"day": "2019-03-27"})):
        assert client.get(reverse(name, kwargs={"slug": demo_meeting.slug, **kwargs})).status_code == 404


@pytest.mark.parametrize(
    "name, kwargs",
    [("meetings:day", {"day": "2019-03-27"}), ("meetings:today_session", {"state": "now", "number": 3})],
)
def test_a_days_page_is_cached_for_everyone_at_one_query(client, demo_meeting, name, kwargs, django_assert_num_queries):
    url = reverse(name, kwargs={"slug": demo_meeting.slug, **kwargs})
    built = client.get(url)
    with django_assert_num_queries(1):  # the content version
        assert client.get(url).content == built.content


def test_the_meeting_page_turns_to_the_next_day_at_the_venues_midnight_not_at_utcs(client, demo_meeting, monkeypatch):
    from django.utils import timezone

    from meetings.models import Meeting

    Meeting.objects.filter(pk=demo_meeting.pk).update(time_zone="Asia/Shanghai")  # UTC+8
    url = reverse("meetings:detail", kwargs={"slug": demo_meeting.slug})
    utc = datetime.UTC
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2019, 3, 26, 15, 0, tzinfo=utc))  # 23:00 there
    assert "Today, Tuesday, 26 March 2019" in client.get(url).content.decode()
    # Past midnight in Shanghai, still 26 March in UTC: the page shows the venue's new day, not yesterday's.
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2019, 3, 26, 17, 0, tzinfo=utc))  # 01:00 there
    assert "Today, Wednesday, 27 March 2019" in client.get(url).content.decode()
