"""Anonymous readers get public pages from the cache, and any edit shows on the very next request."""

import datetime
import gzip
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from congress import content_version
from meetings.models import Document, Meeting
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def page(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.slug])


@pytest.mark.parametrize("name", ["detail", "agenda", "programme", "documents", "participation", "report"])
def test_a_cached_page_costs_one_query_and_is_the_same_page(client, demo_meeting, name, django_assert_num_queries):
    url = page(name, demo_meeting)
    built = client.get(url)
    with django_assert_num_queries(1):  # the content version
        cached = client.get(url)
    assert cached.status_code == 200
    assert cached.content == built.content
    assert cached["ETag"] == built["ETag"]
    assert cached["Content-Security-Policy"] == built["Content-Security-Policy"]


def test_the_home_page_and_other_languages_are_cached_apart(client, demo_meeting):
    english, arabic = client.get("/en/"), client.get("/ar/")
    assert english.content != arabic.content
    assert client.get("/ar/").content == arabic.content
    assert 'lang="ar"' in client.get("/ar/").content.decode()


def test_browsers_that_take_gzip_get_the_page_compressed_and_others_do_not(client, demo_meeting):
    url = page("report", demo_meeting)
    plain = client.get(url)
    compressed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert compressed["ETag"] != plain["ETag"]
    assert client.get(url).content == plain.content  # each from its own cache entry
    again = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert again["Content-Encoding"] == "gzip"
    assert client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": again["ETag"]}).status_code == 304


def test_a_saved_edit_shows_on_the_next_request(client, demo_meeting):
    url = page("detail", demo_meeting)
    assert "Beirut" in client.get(url).content.decode()
    demo_meeting.venue_city = "Amman"
    demo_meeting.save()
    assert "Amman" in client.get(url).content.decode()


def test_a_deletion_shows_on_the_next_request(client, demo_meeting):
    url = page("documents", demo_meeting)
    document = Document.objects.filter(meeting=demo_meeting, is_published=True).first()
    assert document.symbol in client.get(url).content.decode()
    document.delete()
    assert document.symbol not in client.get(url).content.decode()


def test_a_many_to_many_change_shows_on_the_next_request(client, demo_meeting):
    url = page("programme", demo_meeting)
    session = demo_meeting.sessions.filter(agenda_items__isnull=False).first()
    item = session.agenda_items.first()
    before = client.get(url).content
    session.agenda_items.remove(item)
    assert client.get(url).content != before


def test_reordering_recommendations_in_the_admin_reletters_the_cached_report(client, staff):
    staff.meeting.is_published = True
    staff.meeting.save()
    discussion = staff.meeting.discussions.filter(recommendations__isnull=False).first()
    first, second = discussion.recommendations.all()[:2]
    report = page("report", staff.meeting)
    before = client.get(report).content.decode()
    assert before.index(first.text) < before.index(second.text)

    editor = Client()
    editor.force_login(staff.secretariat)
    url = reverse("admin:recommendations_discussion_change", args=[discussion.pk])
    data = form_data(editor.get(url))
    keys = {data[key]: key.replace("-id", "-order") for key in data if key.endswith("-id") and "recommendations" in key}
    data[keys[first.pk]], data[keys[second.pk]] = data[keys[second.pk]], data[keys[first.pk]]
    assert editor.post(url, data).status_code == 302

    after = client.get(report).content.decode()
    assert after.index(second.text) < after.index(first.text)


def test_a_write_that_sends_no_signal_shows_once_it_bumps_the_version(client, demo_meeting):
    url = page("detail", demo_meeting)
    client.get(url)
    Meeting.objects.filter(pk=demo_meeting.pk).update(venue_city="Amman")
    assert "Amman" not in client.get(url).content.decode()  # the cached page: QuerySet.update() sends no signal
    content_version.bump()
    assert "Amman" in client.get(url).content.decode()


def test_staff_never_get_or_leave_a_cached_page(client, staff):
    staff.meeting.is_published = False
    staff.meeting.save()
    url = page("detail", staff.meeting)
    assert client.get(url).status_code == 404
    signed_in = Client()
    signed_in.force_login(staff.secretariat)
    assert signed_in.get(url).status_code == 200  # staff preview an unpublished meeting
    assert client.get(url).status_code == 404  # and the preview never reaches the public


def test_a_not_found_page_is_not_cached(client, staff):
    staff.meeting.is_published = False
    staff.meeting.save()
    url = page("detail", staff.meeting)
    assert client.get(url).status_code == 404
    staff.meeting.is_published = True
    staff.meeting.save()
    assert client.get(url).status_code == 200


def test_a_cached_page_revalidates_by_etag_and_by_date(client, demo_meeting):
    url = page("agenda", demo_meeting)
    first = client.get(url)
    assert first["Cache-Control"] == "no-cache"
    _token, changed_at = content_version.current()
    assert first["Last-Modified"] == http_date(changed_at.timestamp())
    assert abs(parse_http_date(first["Last-Modified"]) - time.time()) < 600  # the demo was loaded just now
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304

    demo_meeting.venue_city = "Amman"
    demo_meeting.save()
    assert client.get(url, headers={"If-Modified-Since": "Thu, 01 Jan 2026 00:00:00 GMT"}).status_code == 200


def test_a_new_day_builds_the_report_page_again(client, demo_meeting, monkeypatch):
    url = page("report", demo_meeting)
    today = timezone.localdate()
    assert today.strftime("%-d %B %Y") in client.get(url).content.decode()
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert tomorrow.strftime("%-d %B %Y") in client.get(url).content.decode()


def test_healthz_asks_the_database_every_time(client, django_assert_num_queries):
    client.get("/healthz")
    with django_assert_num_queries(1):  # SELECT 1, not the content version
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}
