"""The public pages: what a delegate reads about a meeting, in the words the pages print."""

import icalendar
import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def url(name, meeting, **kwargs):
    return reverse(name, kwargs={"slug": meeting.slug, **kwargs})


def test_home_lists_the_meeting_under_its_congress_and_links_to_it(client, demo_meeting):
    page = client.get(reverse("home")).content.decode()
    assert "Fourteenth United Nations Congress on Crime Prevention and Criminal Justice" in page
    assert f'href="{url("meetings:detail", demo_meeting)}"' in page
    assert "Beirut, Lebanon" in page


def test_home_puts_upcoming_meetings_before_past_ones(client, db):
    congress = MeetingFactory().congress
    past = MeetingFactory(congress=congress, region="Past region")
    upcoming = MeetingFactory(congress=congress, region="Upcoming region")
    Meeting.objects.filter(pk=past.pk).update(start_date="2001-01-01", end_date="2001-01-03")
    Meeting.objects.filter(pk=upcoming.pk).update(start_date="2099-01-01", end_date="2099-01-03")
    page = client.get(reverse("home")).content.decode()
    assert page.index("Upcoming region") < page.index("Past region")


def test_meeting_page_gives_venue_dates_status_officers_and_links(client, demo_meeting):
    page = client.get(url("meetings:detail", demo_meeting)).content.decode()
    assert '<h1 dir="auto">Western Asia Regional Preparatory Meeting for the Fourteenth United Nations Congress' in page
    assert "Beirut, Lebanon" in page
    assert "26–28 March 2019" in page
    assert "Closed" in page
    assert "Zakaria Alansari (Kuwait)" in page
    for name in ("meetings:agenda", "meetings:programme", "meetings:documents", "meetings:participation"):
        assert f'href="{url(name, demo_meeting)}"' in page
    assert f'href="{url("meetings:report", demo_meeting)}"' in page


def test_agenda_shows_items_sub_items_and_their_documents(client, demo_meeting):
    item = demo_meeting.agenda_items.get(parent=None, order=3)
    item.annotation = "The provisional agenda, see *Discussion guide* [A/CONF.234/PM.1]."
    item.save()
    page = client.get(url("meetings:agenda", demo_meeting)).content.decode()
    assert "Adoption of the agenda and other organizational matters" in page
    assert "<em>Discussion guide</em>" in page
    assert 'Documents:</span>\n    <a href="' in page
    assert ">A/CONF.234/RPM.2/L.1</a>" in page
    # A sub-item without a title of its own shows its Congress topic.
    assert (
        "Comprehensive strategies for crime prevention towards social and economic development (agenda item 3)" in page
    )


def test_programme_lists_plenary_meetings_by_day_with_items_taken_up(client, demo_meeting):
    page = client.get(url("meetings:programme", demo_meeting)).content.decode()
    assert "Tuesday, 26 March 2019" in page
    assert "10:00–13:00" in page
    assert "Plenary meeting 1" in page
    assert page.index("Plenary meeting 1") < page.index("Election of officers") < page.index("Plenary meeting 2")


def test_programme_calendar_has_one_event_per_plenary_meeting_in_utc(client, demo_meeting):
    response = client.get(url("meetings:programme_ics", demo_meeting))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="western-asia-2019-programme.ics"' in response["Content-Disposition"]
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 6
    first = events[0]
    # 10:00 in Beirut (UTC+2 in March 2019) is 08:00 UTC.
    assert first.decoded("dtstart").isoformat() == "2019-03-26T08:00:00+00:00"
    assert "Election of officers" in str(first["description"])
    assert str(first["location"]) == "Beirut, Lebanon"


def test_documents_page_lists_symbols_titles_and_downloads_each_language(client, demo_meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = demo_meeting.documents.get(symbol="A/CONF.234/RPM.2/L.1")
    DocumentFileFactory(document=document, language="ar", file__data=b"arabic version")
    page = client.get(url("meetings:documents", demo_meeting)).content.decode()
    assert "A/CONF.234/RPM.2/INF/2/Rev.1" in page
    assert "Annotated provisional agenda" in page
    download = url("meetings:document_file", demo_meeting, pk=document.pk, language="ar")
    assert f'href="{download}"' in page
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"arabic version"
    assert "attachment" in response["Content-Disposition"]
    assert client.get(url("meetings:document_file", demo_meeting, pk=document.pk, language="fr")).status_code == 404


def test_participation_lists_states_and_organizations_by_category_without_personal_names(client, demo_meeting):
    page = client.get(url("meetings:participation", demo_meeting)).content.decode()
    assert "States members of the regional commission" in page
    # dir on a span inside the item, not on the item: an English name in an Arabic list keeps its bullet on the
    # page's side (templates/meetings/participation.html).
    assert '<li><span dir="auto">Lebanon</span></li>' in page
    assert "State represented by an observer" in page  # the demo has one: the heading is singular
    assert '<li><span dir="auto">Japan</span></li>' in page
    assert "United Nations entities" in page  # UNODC and UNDP
    assert '<li><span dir="auto">UNODC</span></li>' in page
    for officer in demo_meeting.officers.all():
        assert officer.name not in page


def test_report_page_has_a_linked_table_of_contents(client, demo_meeting):
    response = client.get(reverse("meetings:report", kwargs={"slug": demo_meeting.slug}))
    page = response.content.decode()
    assert response.status_code == 200
    for anchor in ("chapter-I", "chapter-II", "chapter-II-1", "chapter-III-4", "chapter-IV", "annex-I"):
        assert f'href="#{anchor}"' in page
        assert f'id="{anchor}"' in page
    assert '<p id="para-59" class="numbered"><a class="number" href="#para-59">59. </a>Japan was represented' in page
    assert 'class="symbol" href="https://undocs.org/A/CONF.234/RPM.2/L.2/Add.4"' in page
    assert "<em>Commentary on the Bangalore Principles of Judicial Conduct</em>" in page
    assert 'id="report-downloads-heading"' in page


def test_report_page_escapes_drafted_text(client, demo_meeting):
    paragraph = demo_meeting.paragraphs.first()
    paragraph.text = "<script>alert(1)</script> & *Title*"
    paragraph.save()
    page = client.get(reverse("meetings:report", kwargs={"slug": demo_meeting.slug})).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <em>Title</em>" in page


def test_unknown_meeting_is_not_found(client, db):
    assert client.get(reverse("meetings:report", kwargs={"slug": "nowhere"})).status_code == 404


def test_old_unprefixed_addresses_redirect_to_the_english_page(client, demo_meeting):
    response = client.get("/meetings/western-asia-2019/report/")
    assert response.status_code == 302
    assert response["Location"] == "/en/meetings/western-asia-2019/report/"
