"""The Low list of the attack review: each fixed here has its test."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_plenary_meeting_on_the_last_evening_of_9999_does_not_break_the_calendar(client):
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(
        start_date=datetime.date(9999, 12, 30), end_date=datetime.date(9999, 12, 31), time_zone="Asia/Tokyo"
    )
    meeting.sessions.create(number=1, date=datetime.date(9999, 12, 31), start_time=datetime.time(22, 0))
    response = client.get(reverse("meetings:programme_ics", kwargs={"slug": meeting.slug}))
    assert response.status_code == 200
    [event] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(9999, 12, 31)


def test_admin_list_filters_name_only_the_users_meetings(staff):
    from tests.factories import MeetingAssignmentFactory

    third = MeetingAssignmentFactory(user=staff.outsider).meeting
    changelist = client_for(staff.outsider).get(reverse("admin:meetings_document_changelist")).context["cl"]
    [meeting_filter] = [spec for spec in changelist.filter_specs if getattr(spec, "field_path", "") == "meeting"]
    assert sorted(label for _pk, label in meeting_filter.lookup_choices) == sorted(
        [staff.other_meeting.symbol, third.symbol]
    )


def test_the_history_of_a_record_whose_meeting_was_deleted_is_not_a_server_error(staff):
    paragraph = staff.other_meeting.paragraphs.create(part="other_matters", text="Gone with its meeting.")
    pk = paragraph.pk
    staff.other_meeting.delete()
    url = reverse("admin:meetings_meetingparagraph_history", args=[pk])
    assert client_for(staff.outsider).get(url).status_code in (403, 404)
    assert client_for(staff.secretariat).get(url).status_code == 200


def test_a_file_download_carries_an_etag_and_answers_304(client, settings, tmp_path):
    from tests.factories import DocumentFileFactory

    settings.MEDIA_ROOT = tmp_path
    version = DocumentFileFactory()
    url = version.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    version.save()  # a replaced file is a new version
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_an_import_racing_an_editors_add_gives_back_the_typed_text(staff, monkeypatch):
    from django.db import IntegrityError

    from meetings.models import Delegate
    from tests.admin_forms import add_inline_row, form_data
    from tests.factories import ParticipationFactory

    delegation = ParticipationFactory(meeting=staff.meeting)
    url = reverse("admin:meetings_participation_change", args=[delegation.pk])
    editor = client_for(staff.editor)
    data = add_inline_row(form_data(editor.get(url)), "delegates", name="Ms. Typed Carefully", order=1)

    def clash(*args, **kwargs):  # the import saved the same person between the form's checks and this save
        raise IntegrityError('duplicate key value violates unique constraint "unique_delegate_name"')

    monkeypatch.setattr(Delegate, "save", clash)
    response = editor.post(url, data)
    assert response.status_code == 409
    assert "Ms. Typed Carefully" in response.content.decode()


def test_adopting_or_reopening_keeps_a_change_made_since_the_meeting_was_read(staff):
    from meetings.models import Meeting

    stale = Meeting.objects.get(pk=staff.meeting.pk)
    fresh = Meeting.objects.get(pk=staff.meeting.pk)
    fresh.venue_city = "Nairobi"
    fresh.save()
    stale.adopt_report(session=stale.sessions.last())
    assert Meeting.objects.get(pk=stale.pk).venue_city == "Nairobi"

    stale.venue_city = "Typed but never saved"
    fresh = Meeting.objects.get(pk=staff.meeting.pk)
    fresh.opened_by_en = "the Chief of Section"
    fresh.save()
    stale.reopen_report(reason="A correction")
    reopened = Meeting.objects.get(pk=stale.pk)
    assert (reopened.venue_city, reopened.opened_by_en, reopened.report_status) == (
        "Nairobi",
        "the Chief of Section",
        "draft",
    )
