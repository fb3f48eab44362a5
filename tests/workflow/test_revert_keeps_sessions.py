"""Finding 10 of the attack review: reverting a meeting to an earlier version keeps "agenda adopted at",
"organization of work approved at" and "report adopted at" (the revert page offered no session to choose)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_finding10_a_revert_keeps_the_adopted_at_fields(staff):
    meeting = staff.meeting
    sessions = (meeting.agenda_adopted_at_id, meeting.organization_of_work_at_id, meeting.report_adopted_at_id)
    assert all(sessions)
    earlier = meeting.history.filter(version=meeting.version).get()
    meeting.venue_city = "Nairobi"
    meeting.save()

    client = Client()
    client.force_login(staff.secretariat)
    url = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, earlier.history_id])
    page = client.get(url)
    data = form_data(page)
    assert data.get("agenda_adopted_at") == meeting.agenda_adopted_at_id
    assert client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.venue_city == "Bangkok"
    assert (meeting.agenda_adopted_at_id, meeting.organization_of_work_at_id, meeting.report_adopted_at_id) == sessions


def test_a_revert_of_a_discussion_saves_the_old_version(staff):
    # The revert page posts the old version's values unchanged: "nothing changed on the form" is no reason
    # to skip the save there, as it is on a discussion's screens.
    discussion = staff.meeting.discussions.first()
    discussion.outcome_phrase, discussion.outcome_introduction_en = "other", "The recommendations identified:"
    discussion.save()
    earlier = discussion.history.filter(version=discussion.version).get()
    introduction = discussion.outcome_introduction_en
    discussion.outcome_introduction_en = "Changed since"
    discussion.save()

    client = Client()
    client.force_login(staff.secretariat)
    url = reverse("admin:recommendations_discussion_simple_history", args=[discussion.pk, earlier.history_id])
    assert client.post(url, form_data(client.get(url))).status_code == 302
    discussion.refresh_from_db()
    assert discussion.outcome_introduction_en == introduction
