"""The participant import never overwrites what its user did not see: what the file would replace in delegations
already entered is shown and replaced only when chosen, and a confirmation made after someone changed the
delegations imports nothing."""

import pytest

from meetings.models import Delegate
from tests.factories import DelegateFactory, ParticipationFactory, StateFactory
from tests.workflow.test_import_safety import HEADER
from tests.workflow.test_participants_import import confirm, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def corrected(staff):
    """Egypt's head of delegation, whose function a reviser corrected in the admin after the list was drawn up."""
    from django.test import Client

    meeting = staff.meeting
    egypt = StateFactory(name="Egypt")
    meeting.regional_commission.member_states.add(egypt)
    delegation = ParticipationFactory(meeting=meeting, state=egypt, capacity="member")
    head = DelegateFactory(participation=delegation, name="Ms. Nadia Kamel", function="Minister", is_head=True)
    client = Client()
    client.force_login(staff.editor)
    return meeting, delegation, head, client


OLD_LIST = HEADER + "Egypt,observer,Ms. Nadia Kamel,Counsellor,no\nEgypt,,Mr. Karim Adel,Adviser,no\n"


def test_a_re_imported_list_keeps_a_correction_unless_the_user_chooses_to_replace_it(corrected):
    meeting, delegation, head, client = corrected
    preview = upload(client, meeting, OLD_LIST)
    page = " ".join(preview.content.decode().split())
    assert "Function: Minister → Counsellor (replaces what is there)" in page
    confirm(client, preview)
    head.refresh_from_db()
    delegation.refresh_from_db()
    assert (head.function, head.is_head, delegation.capacity) == ("Minister", True, "member")
    assert Delegate.objects.filter(participation=delegation, name="Mr. Karim Adel").exists()  # new rows go in

    confirm(client, upload(client, meeting, OLD_LIST), replace_existing=True)
    head.refresh_from_db()
    delegation.refresh_from_db()
    assert (head.function, head.is_head, delegation.capacity) == ("Counsellor", False, "observer")


def test_a_change_after_the_preview_makes_the_confirmation_import_nothing(corrected):
    meeting, delegation, head, client = corrected
    preview = upload(client, meeting, OLD_LIST)
    head.function = "Minister of Justice"  # a reviser saves meanwhile
    head.save()
    response = confirm(client, preview, replace_existing=True)
    assert "changed after your preview" in response.content.decode()
    head.refresh_from_db()
    assert head.function == "Minister of Justice"
    assert not Delegate.objects.filter(name="Mr. Karim Adel").exists()
