"""Anonymous readers get public pages from the cache, and any edit shows on the very next request."""

import datetime
import gzip
import io
import time

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from caching import content_version
from meetings.models import Document, Meeting
from tests.admin_forms import form_data
from tests.conftest import DEMO_SYMBOL
from tests.factories import DocumentFactory, MeetingFactory

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


def test_each_language_is_cached_apart(client, demo_meeting, django_assert_num_queries):
    english, arabic = client.get("/en/"), client.get("/ar/")
    with django_assert_num_queries(2):  # both from the cache
        assert client.get("/ar/").content == arabic.content
        assert client.get("/en/").content == english.content
    assert 'lang="ar"' in arabic.content.decode() and 'lang="en"' in english.content.decode()


def queries_for(client, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return response, len(queries)


def test_downloads_are_not_in_the_page_cache(client, demo_meeting):
    html_download = reverse("meetings:report_download", args=[demo_meeting.slug, "html"])
    client.get(html_download)
    response, queries = queries_for(client, html_download)
    assert response["ETag"].strip('"').endswith("-html") and queries > 1  # its own cache, by the report's content


def test_browsers_that_take_gzip_get_the_page_compressed_and_others_do_not(client, demo_meeting):
    url = page("report", demo_meeting)
    plain = client.get(url)
    compressed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert compressed["ETag"] == "W/" + plain["ETag"]  # the same page, compressed
    assert "Accept-Encoding" in plain["Vary"] and "Accept-Encoding" in compressed["Vary"]
    caches["pages"].clear()  # as another worker would build it: gzip pads at random, the ETag stays the same
    assert client.get(url, headers={"Accept-Encoding": "gzip"})["ETag"] == compressed["ETag"]
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
    # A discussion's recommendations are ordered on their own screen, not on the discussion's page.
    url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"])
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


def test_staff_never_get_a_cached_page(client, staff):
    staff.meeting.is_published = True
    staff.meeting.save()
    DocumentFactory(meeting=staff.meeting, title="Draft conference room paper", is_published=False)
    url = page("documents", staff.meeting)
    assert "Draft conference room paper" not in client.get(url).content.decode()  # now cached for the public
    signed_in = Client()
    signed_in.force_login(staff.secretariat)
    assert "Draft conference room paper" in signed_in.get(url).content.decode()


def test_staff_previews_never_reach_the_public(client, staff):
    staff.meeting.is_published = False
    staff.meeting.save()
    url = page("detail", staff.meeting)
    signed_in = Client()
    signed_in.force_login(staff.secretariat)
    assert signed_in.get(url).status_code == 200  # staff preview an unpublished meeting
    assert client.get(url).status_code == 404


def test_a_not_found_page_is_not_cached(client, staff):
    staff.meeting.is_published = False
    staff.meeting.save()
    url = page("detail", staff.meeting)
    client.get(url)
    response, queries = queries_for(client, url)
    assert response.status_code == 404 and queries > 1


def test_a_cached_page_revalidates_by_etag_and_by_date(client, db, monkeypatch):
    # Loaded here, not taken from the demo rows kept for the session: the page's date is the load's.
    call_command("load_demo", stdout=io.StringIO())
    demo_meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
    url = page("detail", demo_meeting)
    first = client.get(url)
    assert first["Cache-Control"] == "no-cache"
    _token, changed_at = content_version.current()
    assert first["Last-Modified"] == http_date(changed_at.timestamp())  # loaded today, after midnight
    assert abs(parse_http_date(first["Last-Modified"]) - time.time()) < 600  # the demo was loaded just now
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304

    later = timezone.now() + datetime.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    demo_meeting.venue_city = "Amman"
    demo_meeting.save()
    edited = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert edited.status_code == 200 and "Amman" in edited.content.decode()
    assert parse_http_date(edited["Last-Modified"]) == int(later.timestamp())


def test_a_new_day_is_a_new_last_modified(client, demo_meeting, monkeypatch):
    url = page("report", demo_meeting)
    first = client.get(url)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    again = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 200  # the masthead shows the new day
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    assert parse_http_date(again["Last-Modified"]) == int(midnight.timestamp())


def test_the_report_page_shows_its_recorded_date_never_the_day_it_is_read(client, demo_meeting, monkeypatch):
    url = page("report", demo_meeting)
    assert "9 April 2019" in client.get(url).content.decode()
    demo_meeting.report_issued_on = None
    demo_meeting.save()
    first = client.get(url).content.decode()
    assert "date to be set" in first and timezone.localdate().strftime("%-d %B %Y") not in first
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert tomorrow.strftime("%-d %B %Y") not in client.get(url).content.decode()


def test_healthz_asks_the_database_every_time(client, django_assert_num_queries):
    client.get("/healthz")
    with django_assert_num_queries(1):  # SELECT 1, not the content version
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "local"}


@pytest.mark.django_db(transaction=True)
def test_a_save_outside_a_transaction_cannot_leave_the_old_page_under_the_new_version(client, monkeypatch):
    """A reader that comes between the version's change and the row's (each commits alone) caches the old page."""
    meeting = MeetingFactory(venue_city="Beirut")
    url = page("detail", meeting)
    stale = []

    def reader_in_between(sender, instance, **kwargs):
        stale.append(client.get(url).content.decode())

    pre_save.connect(reader_in_between, sender=Meeting)  # after the version's own receiver, before the write
    try:
        meeting.venue_city = "Amman"
        meeting.save()
    finally:
        pre_save.disconnect(reader_in_between, sender=Meeting)
    assert "Beirut" in stale[0]
    assert "Amman" in client.get(url).content.decode()
