"""A staff member sees and edits only the meetings they are assigned to, and only what their role allows."""

import pytest
from django.test import Client
from django.urls import reverse

from recommendations.models import Recommendation
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_lists_autocompletes_and_choices_hold_only_the_users_meetings(staff):
    outsider = client_for(staff.outsider)
    page = outsider.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    assert staff.other_meeting.symbol in page
    assert staff.meeting.symbol not in page

    recommendations = outsider.get(reverse("admin:recommendations_recommendation_changelist"))
    assert recommendations.context["cl"].result_count == 0

    found = outsider.get(
        reverse("admin:autocomplete"),
        {"app_label": "recommendations", "model_name": "discussion", "field_name": "meeting", "term": ""},
    ).json()
    assert [row["text"] for row in found["results"]] == [staff.other_meeting.symbol]

    add_page = outsider.get(reverse("admin:recommendations_discussion_add"))
    choices = add_page.context["adminform"].form.fields["meeting"].queryset
    assert list(choices) == [staff.other_meeting]


def test_history_of_another_meetings_record_is_refused(staff):
    recommendation = Recommendation.objects.filter(discussion__meeting=staff.meeting).first()
    url = reverse("admin:recommendations_recommendation_history", args=[recommendation.pk])
    assert client_for(staff.outsider).get(url).status_code == 403
    assert client_for(staff.reviewer).get(url).status_code == 200


def test_a_reviewer_cannot_save_and_a_rapporteur_cannot_edit_the_meeting(staff):
    url = reverse("admin:meetings_meeting_change", args=[staff.meeting.pk])
    data = form_data(client_for(staff.editor).get(url))
    data["venue_city_en"] = "Nairobi"  # a translated field: the admin edits each language
    assert client_for(staff.reviewer).post(url, data).status_code == 403
    assert client_for(staff.rapporteur).post(url, data).status_code == 403
    staff.meeting.refresh_from_db()
    assert staff.meeting.venue_city == "Bangkok"
    assert client_for(staff.editor).post(url, data).status_code == 302
    staff.meeting.refresh_from_db()
    assert staff.meeting.venue_city == "Nairobi"


def test_the_rapporteur_drafts_recommendations(staff):
    discussion = staff.meeting.discussions.first()
    url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"])
    rapporteur = client_for(staff.rapporteur)
    data = form_data(rapporteur.get(url))
    first = discussion.recommendations.first()
    index = next(k for k, v in data.items() if k.endswith("-id") and str(v) == str(first.pk)).split("-")[1]
    data[f"recommendations-{index}-text_en"] = "Strengthen regional cooperation"
    response = rapporteur.post(url, data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.text == "Strengthen regional cooperation"
    assert first.history.first().history_user == staff.rapporteur
