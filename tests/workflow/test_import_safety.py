"""Findings 4 and 7 of the attack review: the participants import refuses an adopted meeting, never changes a
field from a blank cell, shows every change in its preview, and keeps its pending file in the user's session,
never at a path taken from the POST nor in the temporary directory."""

import os
import tempfile

import pytest
from django.test import Client
from django.urls import reverse

from meetings.models import Delegate, Participation
from tests.factories import DelegateFactory, ParticipationFactory, StateFactory
from tests.workflow.test_participants_import import confirm, upload

pytestmark = pytest.mark.django_db

HEADER = "State or organization,Capacity,Name,Function,Head of delegation\n"


@pytest.fixture
def egypt(staff):
    meeting = staff.meeting
    state = StateFactory(name="Egypt")
    meeting.regional_commission.member_states.add(state)
    delegation = ParticipationFactory(meeting=meeting, state=state, capacity="member")
    DelegateFactory(participation=delegation, name="Ms. Nadia Kamel", function="Counsellor", is_head=True)
    client = Client()
    client.force_login(staff.editor)
    return meeting, delegation, client


def test_finding4_an_adopted_meeting_is_not_offered_nor_imported_into(egypt):
    meeting, delegation, client = egypt
    meeting.adopt_report(session=meeting.sessions.last())
    response = upload(client, meeting, HEADER + "Egypt,observer,Mr. New Person,Adviser,no\n")
    assert "Select a valid choice" in response.content.decode()
    delegation.refresh_from_db()
    assert delegation.capacity == "member"
    assert not Delegate.objects.filter(name="Mr. New Person").exists()


def test_finding4_a_blank_cell_changes_nothing(egypt):
    meeting, delegation, client = egypt
    confirm(client, upload(client, meeting, HEADER + "Egypt,,Ms. Nadia Kamel,,\n"))
    delegation.refresh_from_db()
    assert delegation.capacity == "member"
    head = delegation.delegates.get()
    assert (head.function, head.is_head) == ("Counsellor", True)


def test_finding4_the_preview_shows_every_change(egypt):
    meeting, delegation, client = egypt
    preview = upload(client, meeting, HEADER + "Egypt,observer,Ms. Nadia Kamel,Ambassador,no\n")
    page = " ".join(preview.content.decode().split())
    assert "Capacity: Member of the regional commission → Observer" in page
    assert "Function: Counsellor → Ambassador" in page
    assert "Head of delegation: yes → no" in page


def test_finding7_the_confirm_step_reads_no_path_from_the_post(egypt, tmp_path):
    meeting, delegation, client = egypt
    with tempfile.NamedTemporaryFile(dir=tempfile.gettempdir(), delete=False, suffix=".csv") as victim:
        victim.write((HEADER + "Egypt,member,Mr. Planted Person,Spy,no\n").encode())
    preview = upload(client, meeting, HEADER + "Egypt,member,Ms. Nadia Kamel,Counsellor,yes\n")
    data = {name: value for name, value in preview.context["confirm_form"].initial.items() if value is not None}
    data["import_file_name"] = os.path.basename(victim.name)
    client.post(reverse("admin:meetings_participation_process_import"), data)
    assert os.path.exists(victim.name)
    os.unlink(victim.name)
    assert not Delegate.objects.filter(name="Mr. Planted Person").exists()


def test_finding7_a_preview_leaves_no_file_in_the_temporary_directory(egypt):
    meeting, delegation, client = egypt
    before = set(os.listdir(tempfile.gettempdir()))
    preview = upload(client, meeting, HEADER + "Egypt,member,Ms. Secret Delegate,Counsellor,no\n")
    assert preview.status_code == 200
    for name in set(os.listdir(tempfile.gettempdir())) - before:
        path = os.path.join(tempfile.gettempdir(), name)
        if os.path.isfile(path):
            with open(path, "rb") as file:
                assert b"Ms. Secret Delegate" not in file.read()
    # The confirm step still imports what was previewed.
    confirm(client, preview)
    assert Participation.objects.get(pk=delegation.pk).delegates.filter(name="Ms. Secret Delegate").exists()


def test_import_errors_show_no_traceback(egypt):
    meeting, delegation, client = egypt
    page = upload(client, meeting, "Name only\nMs. Somebody\n").content.decode()
    assert "The file has no column" in page
    assert "Traceback" not in page
    assert ".py" not in page


def test_a_file_over_the_row_limit_is_refused_with_a_message(egypt, monkeypatch):
    from meetings import participants_import

    monkeypatch.setattr(participants_import, "MAX_ROWS", 2)
    meeting, delegation, client = egypt
    rows = "".join(f"Egypt,member,Person {n},Adviser,no\n" for n in range(3))
    page = upload(client, meeting, HEADER + rows).content.decode()
    assert "The file has 3 rows; import at most 2 at a time" in page
