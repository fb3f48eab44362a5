"""The admin as the secretariat's data-entry screen: it opens, saves, and refuses bad input whole."""

import pytest
from django.urls import reverse

from meetings.models import Document, Meeting, Officer
from tests.admin_forms import add_inline_row, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def change_url(demo_meeting):
    return reverse("admin:meetings_meeting_change", args=[demo_meeting.pk])


def part_url(meeting, part):
    return reverse("admin:meetings_meeting_part", args=[meeting.pk, part])


def errors_of(response):
    """Every error message the admin page shows, in one string."""
    messages = [str(error) for error in response.context["errors"]]
    for inline in response.context["inline_admin_formsets"]:
        messages.extend(str(error) for error in inline.formset.non_form_errors())
        messages.extend(str(error) for form_errors in inline.formset.errors for error in form_errors.values())
    return " ".join(messages)


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:meetings_meeting_changelist",
        "admin:meetings_meeting_add",
        "admin:congress_congress_changelist",
        "admin:recommendations_discussion_changelist",
        "admin:congress_state_changelist",
        "admin:congress_organization_changelist",
    ],
)
def test_admin_pages_open(admin_client, demo_meeting, url_name):
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_meeting_and_discussion_change_pages_open(admin_client, demo_meeting):
    assert admin_client.get(reverse("admin:meetings_meeting_change", args=[demo_meeting.pk])).status_code == 200
    discussion = demo_meeting.discussions.first()
    url = reverse("admin:recommendations_discussion_change", args=[discussion.pk])
    assert admin_client.get(url).status_code == 200
    url = reverse("admin:congress_congress_change", args=[demo_meeting.congress_id])
    assert admin_client.get(url).status_code == 200


def test_saving_the_unchanged_meeting_succeeds(admin_client, change_url):
    response = admin_client.post(change_url, form_data(admin_client.get(change_url)))
    assert response.status_code == 302, errors_of(response)


def test_an_edit_in_the_admin_changes_the_report(admin_client, change_url, demo_meeting):
    data = form_data(admin_client.get(change_url))
    data["venue_city_en"] = "Amman"  # the English version, the original
    assert admin_client.post(change_url, data).status_code == 302
    page = admin_client.get(reverse("meetings:report", kwargs={"slug": demo_meeting.slug}))
    # Dates keep their words together with no-break spaces.
    assert "was held in Amman from 26 to 28 March 2019." in page.content.decode().replace("\xa0", " ")


def test_end_date_before_start_date_is_refused(admin_client, change_url, demo_meeting):
    data = form_data(admin_client.get(change_url))
    data["end_date"] = "2019-03-20"
    data["venue_city_en"] = "Amman"  # the English version, the original
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert "The meeting cannot end before it starts" in errors_of(response)
    demo_meeting.refresh_from_db()
    assert (str(demo_meeting.end_date), demo_meeting.venue_city) == ("2019-03-28", "Beirut")


def test_a_second_chair_is_refused_and_nothing_is_saved(admin_client, demo_meeting):
    change_url = part_url(demo_meeting, "officers")
    data = form_data(admin_client.get(change_url))
    kuwait = demo_meeting.participations.get(state__name="Kuwait").state_id
    first_session = demo_meeting.sessions.get(number=1).pk
    add_inline_row(
        data,
        "officers",
        role="chair",
        name="A. Second",
        state=kuwait,
        elected_at=first_session,
        election_method="acclamation",
    )
    data["officers-0-name"] = "A. Renamed"
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert "A meeting elects one Chair; 2 are entered." in errors_of(response)
    assert Officer.objects.filter(meeting=demo_meeting, role="chair").count() == 1
    assert not Officer.objects.filter(name="A. Renamed").exists()


def test_a_duplicate_document_symbol_is_refused_and_nothing_is_saved(admin_client, demo_meeting):
    change_url = part_url(demo_meeting, "documents")
    data = form_data(admin_client.get(change_url))
    add_inline_row(data, "documents", order=99, symbol="A/CONF.234/RPM.2/L.1", title_en="Copy", kind="background")
    data["documents-0-title_en"] = "Renamed"
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for symbol" in errors_of(response)
    assert Document.objects.filter(meeting=demo_meeting).count() == 9
    assert not Document.objects.filter(title_en="Renamed").exists()


def test_a_duplicate_report_symbol_is_refused(admin_client, demo_meeting):
    response = admin_client.get(reverse("admin:meetings_meeting_add"))
    data = form_data(response)
    data.update(
        congress=demo_meeting.congress_id,
        region="Africa",
        regional_commission=demo_meeting.regional_commission_id,
        number=demo_meeting.number,
        symbol=demo_meeting.symbol,
        slug="africa-2019",
        status="planned",
        venue_city="Addis Ababa",
        venue_country=demo_meeting.venue_country_id,
        start_date="2019-04-01",
        end_date="2019-04-03",
        original_language="en",
    )
    response = admin_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 200
    assert "Another meeting already has this report symbol." in errors_of(response)
    assert not Meeting.objects.filter(slug="africa-2019").exists()


def test_a_session_outside_the_meetings_dates_is_refused(admin_client, demo_meeting):
    change_url = part_url(demo_meeting, "sessions")
    data = form_data(admin_client.get(change_url))
    add_inline_row(data, "sessions", number=7, date="2019-04-02")
    response = admin_client.post(change_url, data)
    assert response.status_code == 200
    assert "The date must fall within the meeting, from 26 to 28 March 2019." in errors_of(response)
    assert demo_meeting.sessions.count() == 6
