"""Once the meeting adopts its report, its content is frozen until the secretariat reopens it."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def adopt(client, meeting, issued_on="2019-04-09", job_number="V.19-02154"):
    """The adoption action, with the date of issue and job number it asks for."""
    return client.post(
        reverse("admin:meetings_meeting_changelist"),
        {
            "action": "adopt_report",
            "_selected_action": [meeting.pk],
            "apply": "1",
            f"issued_on_{meeting.pk}": issued_on,
            f"job_number_{meeting.pk}": job_number,
        },
        follow=True,
    )


def test_adoption_freezes_the_report_until_the_secretariat_reopens_it(staff):
    meeting = staff.meeting
    editor = client_for(staff.editor)
    recommendation = meeting.discussions.first().recommendations.first()
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    data = form_data(editor.get(url))

    response = adopt(editor, meeting)
    assert f"{meeting}: the report is adopted." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.report_is_adopted

    page = editor.get(url)
    assert "was adopted at the 2nd meeting" in page.content.decode()
    assert "Ask the secretariat to reopen the report" in page.content.decode()
    data["text_en"] = "A late change"
    refused = editor.post(url, data)  # opened before the adoption: refused, with what was typed given back
    assert refused.status_code == 409
    assert "was adopted at the 2nd meeting" in refused.content.decode()
    assert "A late change" in refused.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.text != "A late change"

    # Editors adopt; only the secretariat reopens, and history records it.
    reopen = {"action": "reopen_report", "_selected_action": [meeting.pk]}
    editor.post(reverse("admin:meetings_meeting_changelist"), reopen)
    meeting.refresh_from_db()
    assert meeting.report_is_adopted
    client_for(staff.secretariat).post(reverse("admin:meetings_meeting_changelist"), reopen)
    meeting.refresh_from_db()
    assert not meeting.report_is_adopted
    assert meeting.history.first().history_change_reason == "Report reopened: by secretariat from the admin"
    assert meeting.history.first().history_user == staff.secretariat
    assert editor.post(url, form_data(editor.get(url)) | {"text_en": "A late change"}).status_code == 302


def test_adoption_needs_the_session_that_adopted_it(staff):
    meeting = staff.meeting
    meeting.report_adopted_at = None
    meeting.save()
    response = adopt(client_for(staff.editor), meeting)
    assert "Choose the plenary meeting at which the report was adopted" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.report_is_adopted


def test_adoption_asks_for_the_date_of_issue_and_job_number_and_records_them(staff):
    meeting = staff.meeting
    editor = client_for(staff.editor)
    changelist = reverse("admin:meetings_meeting_changelist")
    asked = editor.post(changelist, {"action": "adopt_report", "_selected_action": [meeting.pk]})
    assert asked.status_code == 200
    assert f'name="issued_on_{meeting.pk}"' in asked.content.decode()
    meeting.refresh_from_db()
    assert not meeting.report_is_adopted  # nothing happens until the date is given

    without_date = adopt(editor, meeting, issued_on="")
    assert "This field is required." in without_date.content.decode()
    meeting.refresh_from_db()
    assert not meeting.report_is_adopted

    adopt(editor, meeting, issued_on="2019-04-09", job_number="V.19-02154")
    meeting.refresh_from_db()
    assert meeting.report_is_adopted
    assert (meeting.report_issued_on.isoformat(), meeting.report_job_number) == ("2019-04-09", "V.19-02154")
