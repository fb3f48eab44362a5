"""The admin shows a record's original language first and the five others behind one collapsed fieldset."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from meetings.models import Meeting
from tests.admin_forms import form_data
from tests.factories import MeetingParagraphFactory, StateFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_():
    client = Client()
    client.force_login(UserFactory(username="chief", is_staff=True, is_superuser=True))
    return client


def visible_and_hidden(html, field):
    """Names of `field`'s language copies shown openly, and those inside the one <details> block."""
    details = re.findall(r"<details.*?</details>", html, flags=re.S)
    inside = {m for block in details for m in re.findall(rf'name="((?:[\w-]+-)?{field}_[a-z_]+)"', block)}
    everywhere = set(re.findall(rf'name="((?:[\w-]+-)?{field}_[a-z_]+)"', html))
    return everywhere - inside, inside, len(details)


def test_a_paragraph_of_a_spanish_meeting_shows_spanish_first_and_the_rest_behind_one_control(admin_client_):
    paragraph = MeetingParagraphFactory(meeting__original_language=Meeting.Language.SPANISH)
    page = admin_client_.get(reverse("admin:meetings_meetingparagraph_change", args=[paragraph.pk]))
    html = page.content.decode()
    shown, hidden, blocks = visible_and_hidden(html, "text")
    assert shown == {"text_es"}
    assert hidden == {"text_ar", "text_zh_hans", "text_en", "text_fr", "text_ru"}
    assert blocks == 1
    assert "Other languages" in html
    # Nothing from a CDN, no script for the control.
    assert "cdn" not in html.lower() and "jquery-ui" not in html.lower()


def test_the_original_language_is_required_and_english_is_not(admin_client_):
    paragraph = MeetingParagraphFactory(meeting__original_language=Meeting.Language.SPANISH, text="")
    url = reverse("admin:meetings_meetingparagraph_change", args=[paragraph.pk])
    data = form_data(admin_client_.get(url))
    data.pop("text_en", None)
    data["text_es"] = "La Reunión fue inaugurada por el Secretario."
    assert admin_client_.post(url, data).status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.text_es == "La Reunión fue inaugurada por el Secretario."
    assert not paragraph.text_en

    data["text_es"] = ""
    refused = admin_client_.post(url, data)
    assert refused.status_code == 200
    assert "text_es" in refused.context["adminform"].form.errors


def test_a_state_shows_english_first_and_its_un_names_behind_the_control(admin_client_):
    state = StateFactory(name="Saudi Arabia")
    state.name_es = "Arabia Saudita"
    state.save()
    html = admin_client_.get(reverse("admin:congress_state_change", args=[state.pk])).content.decode()
    shown, hidden, blocks = visible_and_hidden(html, "name")
    assert shown == {"name_en"}
    assert len(hidden) == 5 and blocks == 1
    assert 'value="Arabia Saudita"' in html


def test_the_meeting_page_puts_every_other_language_in_one_block(admin_client_, staff):
    html = admin_client_.get(reverse("admin:meetings_meeting_change", args=[staff.meeting.pk])).content.decode()
    main_form = html.split('id="meeting_form"', 1)[1].split("-group", 1)[0]
    assert main_form.count("<details") == 1
    shown, hidden, _blocks = visible_and_hidden(main_form, "venue_city")
    assert shown == {"venue_city_en"} and len(hidden) == 5


def test_the_workspace_screens_of_a_spanish_meeting_take_its_titles_in_spanish(admin_client_):
    """The agenda, plenary meetings, documents and opening screens edit the original language's copy, so a
    Spanish secretariat's words are the Spanish version and the English one stays to be translated."""
    meeting = MeetingParagraphFactory(meeting__original_language=Meeting.Language.SPANISH).meeting
    for part, field in [("sessions", "title"), ("text", "opened_by")]:
        html = admin_client_.get(reverse("admin:meetings_meeting_part", args=[meeting.pk, part])).content.decode()
        names = set(re.findall(rf'name="((?:[\w-]+-)?{field}_[a-z_]+)"', html))
        assert names and {name.rsplit("_", 1)[-1] for name in names} == {"es"}, (part, names)
    # The agenda's and the documents' titles are short: every language in each row, Spanish first.
    for part in ("agenda", "documents"):
        html = admin_client_.get(reverse("admin:meetings_meeting_part", args=[meeting.pk, part])).content.decode()
        names = re.findall(r'name="[\w-]+-__prefix__-title_([a-z_]+)"', html)
        assert names == ["es", "ar", "zh_hans", "en", "fr", "ru"], (part, names)

    url = reverse("admin:meetings_meeting_part", args=[meeting.pk, "agenda"])
    data = form_data(admin_client_.get(url))
    data |= {
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-0-order": "1",
        "agenda_items-0-title_es": "Apertura de la Reunión",
        "agenda_items-0-meeting": str(meeting.pk),
    }
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    (item,) = meeting.agenda_items.all()
    assert (item.title_es, item.title_en) == ("Apertura de la Reunión", None)
