"""The workspace's screens keep the secretariat in the meeting: titles in every language, member States and
outcome introductions saved where they are shown, every save back to the screen it came from, the agenda in
its order, each screen's help said."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from meetings.models import Participation
from tests.admin_forms import add_inline_row, form_data
from tests.factories import AgendaItemFactory, DiscussionFactory, DocumentFactory, MeetingFactory, StateFactory
from workflow.admin import return_address
from workspace.meeting import MeetingAdmin

pytestmark = pytest.mark.django_db


def part_url(meeting, part):
    return reverse("admin:meetings_meeting_part", args=[meeting.pk, part])


@pytest.mark.parametrize(
    ("address", "followed"),
    [
        ("/admin/meetings/meeting/1/part/documents/", True),
        ("/admin/meetings/meeting/1/part/attendance/?x=1", True),
        ("/en/meetings/western-asia-2019/", False),  # the site, not the admin
        ("https://elsewhere.example/admin/", False),
        ("//elsewhere.example/admin/", False),
        ("/\\elsewhere.example/admin/", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_a_save_returns_only_to_a_page_of_this_sites_admin(address, followed):
    request = RequestFactory().post("/admin/x/", {"next": address})
    assert (return_address(request) == address) is followed


def test_a_parts_save_comes_back_to_it_and_save_and_go_to_opens_the_next(admin_client):
    meeting = MeetingFactory()
    url = part_url(meeting, "officers")
    page = admin_client.get(url).content.decode()
    assert 'name="_next"' in page and "Save and go to “Agenda”" in page
    assert 'name="_continue"' not in page  # "Save" already comes back here
    data = form_data(admin_client.get(url))
    assert admin_client.post(url, data)["Location"] == url
    assert admin_client.post(url, {**data, "_next": "1"})["Location"] == part_url(meeting, "agenda")


def test_a_documents_own_page_goes_back_to_the_documents_screen_or_to_a_safe_next(admin_client):
    meeting = MeetingFactory()
    document = DocumentFactory(meeting=meeting, symbol=f"{meeting.congress.symbol_prefix}/PM.1")
    url = reverse("admin:meetings_document_change", args=[document.pk])
    data = form_data(admin_client.get(url))
    assert admin_client.post(url, data)["Location"] == part_url(document.meeting, "documents")
    back = part_url(document.meeting, "agenda")
    data = form_data(admin_client.get(url))
    assert admin_client.post(f"{url}?next={back}", data)["Location"] == back
    data = form_data(admin_client.get(url))
    assert admin_client.post(f"{url}?next=https://elsewhere.example/", data)["Location"] == part_url(
        document.meeting, "documents"
    )


def test_titles_in_every_language_are_saved_with_the_documents_and_agenda_screens(admin_client):
    meeting = MeetingFactory(original_language="es")
    symbol = f"{meeting.congress.symbol_prefix}/PM.1"
    document = DocumentFactory(meeting=meeting, symbol=symbol, title_es="Programa", title_en="")
    item = AgendaItemFactory(meeting=meeting, title_es="Apertura", title_en="")
    for part, prefix, record in (("documents", "documents", document), ("agenda", "agenda_items", item)):
        response = admin_client.get(part_url(meeting, part))
        names = [
            name for name in response.context["inline_admin_formsets"][0].formset.forms[0].fields if "title" in name
        ]
        assert names[0] == "title_es"  # the original language first, then every other
        assert set(names) == {"title_ar", "title_zh_hans", "title_en", "title_fr", "title_ru", "title_es"}
        data = form_data(response)
        data[f"{prefix}-0-title_fr"] = "Titre"
        assert admin_client.post(part_url(meeting, part), data).status_code == 302
        record.refresh_from_db()
        assert (record.title_es, record.title_fr) == ({"documents": "Programa", "agenda": "Apertura"}[part], "Titre")


def test_items_come_before_their_sub_items_on_the_agenda_and_the_plenary_meetings_screens(admin_client):
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, order=1, title="Opening")
    fifth = AgendaItemFactory(meeting=meeting, order=5, title="Substantive items")
    sub_a = AgendaItemFactory(meeting=meeting, order=1, parent=fifth, title="Topic A")
    second = AgendaItemFactory(meeting=meeting, order=2, title="Election")
    sub_b = AgendaItemFactory(meeting=meeting, order=2, parent=fifth, title="Topic B")
    agenda = admin_client.get(part_url(meeting, "agenda")).context["inline_admin_formsets"][0].formset
    assert [form.instance for form in agenda.initial_forms] == [first, second, fifth, sub_a, sub_b]
    sessions = admin_client.get(part_url(meeting, "sessions")).context["inline_admin_formsets"][0].formset
    labels = [str(label) for _pk, label in sessions.empty_form.fields["agenda_items"].choices]
    assert [label.split(" ")[0] + (" " + label.split(" ")[1] if "(" in label else "") for label in labels] == [
        "1.",
        "2.",
        "3.",
        "3 (a)",
        "3 (b)",
    ]


def test_the_commissions_member_states_are_saved_with_the_attendance_and_give_the_capacity(admin_client):
    meeting = MeetingFactory()
    member, other = StateFactory(), StateFactory()
    url = part_url(meeting, "attendance")
    data = form_data(admin_client.get(url))
    data["commission_member_states"] = [member.pk]
    add_inline_row(data, "participations", state=member.pk, capacity="")
    add_inline_row(data, "participations", state=other.pk, capacity="")
    assert admin_client.post(url, data)["Location"] == url
    assert list(meeting.regional_commission.member_states.all()) == [member]
    assert Participation.objects.get(meeting=meeting, state=member).capacity == "member"
    assert Participation.objects.get(meeting=meeting, state=other).capacity == "observer"


def test_a_refused_attendance_save_leaves_the_member_states_as_they_were(admin_client):
    meeting = MeetingFactory()
    state = StateFactory()
    url = part_url(meeting, "attendance")
    data = form_data(admin_client.get(url))
    data["commission_member_states"] = [state.pk]
    add_inline_row(data, "participations", state=state.pk, capacity="")
    add_inline_row(data, "participations", state=state.pk, capacity="")  # the same State twice: refused
    assert admin_client.post(url, data).status_code == 200
    assert not meeting.regional_commission.member_states.exists()
    assert not meeting.participations.exists()


def test_the_outcome_introduction_is_edited_with_the_recommendations(admin_client):
    discussion = DiscussionFactory()
    url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"])
    data = form_data(admin_client.get(url))
    data.update(outcome_phrase="other", outcome_introduction_en="The participants identified:")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    discussion.refresh_from_db()
    assert discussion.outcome_introduction_en == "The participants identified:"


@pytest.mark.parametrize("part", [p for p in MeetingAdmin.workspace_parts if p.description])
def test_each_screens_help_is_shown(admin_client, part):
    meeting = MeetingFactory()
    response = admin_client.get(part_url(meeting, part.slug))
    assert response.context["workspace_part"].description == part.description
    assert '<p class="help workspace-help">' in response.content.decode()


def test_an_empty_commission_is_said_and_its_member_states_are_asked_on_the_attendance_screen(admin_client):
    meeting = MeetingFactory()
    page = admin_client.get(part_url(meeting, "attendance")).content.decode()
    assert "The regional commission lists no member States yet: enter them below" in page
    assert 'name="commission_member_states"' in page
