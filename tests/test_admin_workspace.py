"""The meeting's workspace in the admin: an overview, one short screen per part, choices from what is recorded."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from meetings.models import AgendaItem, Document, Meeting, Participation
from tests.admin_forms import add_inline_row, form_data
from tests.factories import (
    AgendaItemFactory,
    DiscussionFactory,
    DocumentFactory,
    MeetingFactory,
    MeetingParagraphFactory,
    SessionFactory,
    StateFactory,
    SummaryParagraphFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def part_url(meeting, part):
    if part == "deliberations":
        return reverse("admin:meetings_meeting_deliberations", args=[meeting.pk])
    return reverse("admin:meetings_meeting_part", args=[meeting.pk, part])


def overview_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_overview_says_what_the_report_lacks_and_links_to_where_it_is_entered(admin_client):
    meeting = MeetingFactory()
    page = admin_client.get(overview_url(meeting)).content.decode()
    assert f'<a href="{part_url(meeting, "officers")}">No Chair elected.</a>' in page
    assert f'<a href="{part_url(meeting, "sessions")}">No plenary meetings.</a>' in page
    assert "agenda_items-TOTAL_FORMS" not in page  # no inlines: each kind of record on its own screen


def test_a_complete_meeting_lacks_nothing(admin_client, demo_meeting):
    page = admin_client.get(overview_url(demo_meeting)).content.decode()
    assert "Nothing: every part of the report has what it is written from." in page


def test_a_part_shows_only_its_own_records_with_save_at_top_and_bottom(admin_client, demo_meeting):
    page = admin_client.get(part_url(demo_meeting, "officers")).content.decode()
    assert "officers-TOTAL_FORMS" in page and "agenda_items-TOTAL_FORMS" not in page
    assert page.count('name="_save"') == 2 and page.count('name="_next"') == 2  # "Save and go to “Agenda”"
    # "Delete" here would delete the whole meeting.
    assert reverse("admin:meetings_meeting_delete", args=[demo_meeting.pk]) not in page


def test_saving_a_part_returns_to_it_and_records_no_meeting_version(admin_client, demo_meeting):
    version = Meeting.objects.get(pk=demo_meeting.pk).version
    url = part_url(demo_meeting, "officers")
    data = form_data(admin_client.get(url))
    data["officers-0-name"] = "Z. Alansari"
    response = admin_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    assert demo_meeting.officers.filter(name="Z. Alansari").exists()
    assert Meeting.objects.get(pk=demo_meeting.pk).version == version


def test_a_choice_that_needs_another_record_first_says_so_and_links_to_it(admin_client):
    meeting = MeetingFactory()
    page = admin_client.get(part_url(meeting, "officers")).content.decode()
    assert (
        "Add the plenary meetings first: the choices of “elected at” are this meeting&#x27;s plenary meetings." in page
    )
    assert f'<a href="{part_url(meeting, "sessions")}">Go there</a>' in page
    page = admin_client.get(part_url(meeting, "adoption")).content.decode()
    assert "Add the plenary meetings first" in page


def test_officers_are_elected_at_the_first_plenary_meeting_by_acclamation_by_default(admin_client):
    meeting = MeetingFactory()
    SessionFactory(meeting=meeting, number=2)
    first = SessionFactory(meeting=meeting, number=1)
    SessionFactory(number=1)  # another meeting's: not offered
    formset = admin_client.get(part_url(meeting, "officers")).context["inline_admin_formsets"][0].formset
    empty = formset.empty_form
    assert empty["elected_at"].value() == first.pk
    assert empty["election_method"].value() == "acclamation"
    assert {choice for choice, _ in empty.fields["elected_at"].choices if choice} == {
        s.pk for s in meeting.sessions.all()
    }


def test_capacity_left_empty_is_member_for_a_state_of_the_commission_and_observer_otherwise(admin_client):
    meeting = MeetingFactory()
    member, other = StateFactory(), StateFactory()
    meeting.regional_commission.member_states.add(member)
    url = part_url(meeting, "attendance")
    data = form_data(admin_client.get(url))
    add_inline_row(data, "participations", state=member.pk, capacity="")
    add_inline_row(data, "participations", state=other.pk, capacity="")
    assert admin_client.post(url, data).status_code == 302
    assert Participation.objects.get(meeting=meeting, state=member).capacity == "member"
    assert Participation.objects.get(meeting=meeting, state=other).capacity == "observer"


def test_a_state_outside_the_commission_cannot_be_a_member(admin_client):
    meeting = MeetingFactory()
    outsider = StateFactory(name="Atlantis")
    with pytest.raises(ValidationError, match="Atlantis is not a member of"):
        Participation(meeting=meeting, state=outsider, capacity="member").full_clean()
    url = part_url(meeting, "attendance")
    data = add_inline_row(form_data(admin_client.get(url)), "participations", state=outsider.pk, capacity="member")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Atlantis is not a member of" in response.content.decode()
    assert not meeting.participations.exists()


def test_the_agenda_offers_the_meetings_own_items_documents_and_topics_naming_their_congress(admin_client):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    AgendaItemFactory()  # another meeting's
    document = DocumentFactory(meeting=meeting, symbol=f"{meeting.congress.symbol_prefix}/PM.1")
    topic = TopicFactory(congress=meeting.congress)
    TopicFactory()  # another Congress's
    formset = admin_client.get(part_url(meeting, "agenda")).context["inline_admin_formsets"][0].formset
    form = formset.empty_form
    assert [pk for pk, _ in form.fields["parent"].choices if pk] == [item.pk]
    assert [str(pk) for pk, _ in form.fields["documents"].choices] == [str(document.pk)]
    labels = [label for pk, label in form.fields["topic"].choices if pk]
    assert labels == [f"{topic.title} ({meeting.congress.short_title})"]


def test_deliberations_list_the_meetings_topics_and_offer_those_not_yet_discussed(admin_client):
    meeting = MeetingFactory()
    discussed, other = TopicFactory(congress=meeting.congress), TopicFactory(congress=meeting.congress)
    discussion = DiscussionFactory(meeting=meeting, topic=discussed)
    SummaryParagraphFactory.create_batch(2, discussion=discussion)
    page = admin_client.get(part_url(meeting, "deliberations")).content.decode()
    summary = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"])
    assert f'{discussed.title}</th><td><a href="{summary}">2</a></td>' in page
    add = reverse("admin:recommendations_discussion_add") + f"?meeting={meeting.pk}&amp;topic={other.pk}"
    assert f'<a href="{add}" class="addlink">{other.title}</a>' in page


def test_a_rapporteur_sees_the_workspace_but_edits_only_deliberations(staff):
    rapporteur = client_for(staff.rapporteur)
    assert rapporteur.get(part_url(staff.meeting, "deliberations")).status_code == 200
    url = part_url(staff.meeting, "agenda")
    page = rapporteur.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert rapporteur.post(url, form_data(client_for(staff.editor).get(url))).status_code == 403
    assert client_for(staff.outsider).get(url).status_code == 302  # not their meeting: "does not exist"


def test_adoption_freezes_the_content_but_not_publishing(admin_client, demo_meeting):
    demo_meeting.adopt_report()
    data = form_data(admin_client.get(overview_url(demo_meeting)))
    assert "venue_city_en" not in data  # shown, not editable
    data["is_published"] = ""
    assert admin_client.post(overview_url(demo_meeting), data).status_code == 302
    demo_meeting.refresh_from_db()
    assert not demo_meeting.is_published and demo_meeting.report_is_adopted
    refused = admin_client.post(part_url(demo_meeting, "agenda"), {})  # a part's content: refused, and said why
    assert refused.status_code == 409
    assert "Nothing was saved" in refused.content.decode()


def test_the_history_shows_an_empty_choice_as_empty_not_as_a_deleted_record(admin_client):
    meeting = MeetingFactory()
    session = SessionFactory(meeting=meeting, number=1)
    meeting.report_adopted_at = session
    meeting.save()
    page = admin_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()
    assert "pk=None" not in page
    assert str(session) in page


def test_a_new_meeting_copies_the_structure_of_another_without_its_text(admin_client, demo_meeting):
    url = reverse("admin:meetings_meeting_add")
    data = {
        "congress": demo_meeting.congress_id,
        "region_en": "Africa",
        "regional_commission": demo_meeting.regional_commission_id,
        "number": 4,
        "slug": "africa-2019",
        "status": "planned",
        "venue_city_en": "Addis Ababa",
        "venue_country": demo_meeting.venue_country_id,
        "start_date": "2019-04-01",
        "end_date": "2019-04-03",
        "time_zone": "Africa/Addis_Ababa",
        "original_language": "en",
        "start_from": demo_meeting.pk,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    new = Meeting.objects.get(slug="africa-2019")
    assert response["Location"] == overview_url(new)
    titles = lambda m: list(  # noqa: E731
        AgendaItem.objects.filter(meeting=m).order_by("parent_id", "order").values_list("title_en", "topic_id")
    )
    assert titles(new) == titles(demo_meeting)
    assert set(new.discussions.values_list("topic_id", flat=True)) == set(
        demo_meeting.discussions.values_list("topic_id", flat=True)
    )
    assert not new.discussions.filter(summary_paragraphs__isnull=False).exists()
    # The Congress's documents (discussion guide, its conference room paper), not the meeting's own.
    assert list(new.documents.values_list("symbol", flat=True)) == ["A/CONF.234/PM.1", "A/CONF.234/PM/CRP.1"]
    assert not new.paragraphs.exists() and not new.officers.exists()


def test_new_meeting_for_this_congress_starts_from_its_latest_meeting(admin_client, demo_meeting):
    MeetingParagraphFactory(meeting=demo_meeting)
    page = admin_client.get(reverse("admin:index")).content.decode()
    link = (
        reverse("admin:meetings_meeting_add") + f"?congress={demo_meeting.congress_id}&amp;start_from={demo_meeting.pk}"
    )
    assert link in page
    form = admin_client.get(link.replace("&amp;", "&")).context["adminform"].form
    assert form["start_from"].value() == str(demo_meeting.pk)
    assert form["congress"].value() == str(demo_meeting.congress_id)
    assert Document.objects.count() == 9
