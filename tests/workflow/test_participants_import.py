"""Importing a list of participants: a preview that names each problem, then only the good rows are saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from meetings.models import Delegate, Participation
from tests.factories import DelegateFactory, OrganizationFactory, ParticipationFactory, StateFactory

pytestmark = pytest.mark.django_db

FILE = """State or organization,Capacity,Name,Function,Head of delegation
Kuwait,member,Ms. Amal Haddad,Minister of Justice,yes
Kuwait,member,Mr. Omar Saleh,Adviser,no
Kuwait,member,Ms. Amal Haddad,Minister of Justice,yes
Atlantis,observer,Mr. Nobody,Envoy,no
Kuwait,perhaps,,,no
United Nations Office on Drugs and Crime,observer,Ms. Lena Park,Crime Prevention Officer,no
Oman,member,Mr. Said Al-Busaidi,Ambassador,yes
"""


@pytest.fixture
def setting(staff):
    meeting = staff.meeting
    kuwait, oman = StateFactory(name="Kuwait"), StateFactory(name="Oman")
    meeting.regional_commission.member_states.add(kuwait, oman)
    OrganizationFactory(name="United Nations Office on Drugs and Crime", category="un_entity")
    # Oman's delegation exists already: its ambassador's row is an update.
    oman_delegation = ParticipationFactory(meeting=meeting, state=oman)
    DelegateFactory(participation=oman_delegation, name="Mr. Said Al-Busaidi", function="Counsellor", is_head=True)
    client = Client()
    client.force_login(staff.editor)
    return meeting, client


def upload(client, meeting, content=FILE):
    url = reverse("admin:meetings_participation_import")
    form = client.get(url).context["form"]
    csv = next(value for value, label in form.fields["format"].choices if str(label).lower() == "csv")
    return client.post(
        url,
        {
            "resource": "0",
            "meeting": meeting.pk,
            "format": csv,
            "import_file": SimpleUploadedFile("participants.csv", content.encode(), content_type="text/csv"),
        },
    )


def confirm(client, preview, replace_existing=False):
    data = {name: value for name, value in preview.context["confirm_form"].initial.items() if value is not None}
    if replace_existing:
        data["replace_existing"] = "on"
    return client.post(reverse("admin:meetings_participation_process_import"), data, follow=True)


def delegates(meeting):
    rows = Delegate.objects.filter(participation__meeting=meeting).select_related("participation__state")
    return sorted((str(d.participation), d.name, d.function) for d in rows)


def test_preview_names_each_problem_and_saves_nothing(setting):
    meeting, client = setting
    before = delegates(meeting)
    preview = upload(client, meeting)
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "3 to create, 1 to update, 3 rejected." in " ".join(page.split())
    assert "Same person as row 1: remove one of the two rows." in page
    assert "“Atlantis” is neither a State nor an organization of the registry" in page
    assert "The name is empty: give the delegate&#x27;s name." in page
    assert "Capacity is “perhaps”: write member or observer." in page
    assert delegates(meeting) == before


def test_confirmed_import_saves_only_the_good_rows(setting):
    meeting, client = setting
    response = confirm(client, upload(client, meeting), replace_existing=True)
    assert response.status_code == 200
    assert delegates(meeting) == [
        ("Kuwait", "Mr. Omar Saleh", "Adviser"),
        ("Kuwait", "Ms. Amal Haddad", "Minister of Justice"),
        ("Oman", "Mr. Said Al-Busaidi", "Ambassador"),
        ("United Nations Office on Drugs and Crime", "Ms. Lena Park", "Crime Prevention Officer"),
    ]
    kuwait = Participation.objects.get(meeting=meeting, state__name="Kuwait")
    assert kuwait.capacity == "member"
    assert kuwait.delegates.get(is_head=True).name == "Ms. Amal Haddad"
    assert Participation.objects.get(meeting=meeting, organization__name__startswith="United Nations").capacity == (
        "observer"
    )
    assert "3 rejected rows were left out." in response.content.decode()


def test_a_failure_midway_saves_nothing(setting, monkeypatch):
    meeting, client = setting
    preview = upload(client, meeting)
    before = (delegates(meeting), Participation.objects.filter(meeting=meeting).count())
    original_save = Delegate.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self.name)
        if len(calls) == 3:
            raise RuntimeError("the database went away")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Delegate, "save", failing_save)
    response = confirm(client, preview)
    assert "Nothing was imported: row 6 failed (the database went away)." in response.content.decode()
    assert (delegates(meeting), Participation.objects.filter(meeting=meeting).count()) == before


def test_an_outsider_cannot_import_into_the_meeting(setting, staff):
    meeting, _ = setting
    outsider = Client()
    outsider.force_login(staff.outsider)
    response = upload(outsider, meeting)
    assert "Select a valid choice" in response.content.decode()
    assert not Delegate.objects.filter(name="Mr. Omar Saleh").exists()
