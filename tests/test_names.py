"""Names of States, regional commissions and organizations in the six languages, loaded from languages/data/."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils import translation

from congress.models import Organization, RegionalCommission, State
from languages.names import STATE_NAMES, load_names
from tests.factories import OrganizationFactory, StateFactory

pytestmark = pytest.mark.django_db


def test_every_member_and_observer_state_has_a_name_in_each_language_with_its_source():
    data = json.loads(STATE_NAMES.read_text(encoding="utf-8"))
    assert "UNTERM" in data["sources"] and "M49" in data["sources"]
    states = data["states"]
    assert len(states) == 195
    assert [s["en"] for s in states if s["observer"]] == ["Holy See", "State of Palestine"]
    for state in states:
        assert state["source"] in {"UNTERM", "UNSD M49"}
        assert all(state[language] for language in ("en", "ar", "zh_hans", "fr", "ru", "es")), state
        # UNTERM's article for running text ("Arabia Saudita (la)") is not part of the name in a list.
        assert not state["es"].endswith(("(la)", "(el)", "(los)", "(las)")), state


def test_loading_gives_saudi_arabia_its_un_names():
    StateFactory(name="Saudi Arabia")
    load_names()
    state = State.objects.get(name_en="Saudi Arabia")
    assert state.name_es == "Arabia Saudita"
    assert state.name_fr == "Arabie saoudite"
    assert state.name_ar == "المملكة العربية السعودية"
    assert state.name_zh_hans == "沙特阿拉伯"
    assert state.name_ru == "Саудовская Аравия"
    with translation.override("es"):
        assert str(State.objects.get(pk=state.pk)) == "Arabia Saudita"
    assert State.objects.count() == 195


def test_a_name_corrected_in_the_admin_is_kept_unless_replaced():
    state = StateFactory(name="Saudi Arabia")
    state.name_es = "Reino de la Arabia Saudita"
    state.save()
    load_names()
    state.refresh_from_db()
    assert state.name_es == "Reino de la Arabia Saudita"
    load_names(replace=True)
    state.refresh_from_db()
    assert state.name_es == "Arabia Saudita"


def test_the_five_regional_commissions_and_the_demo_organizations_get_their_names():
    OrganizationFactory(name="United Nations Office on Drugs and Crime", short_name="UNODC")
    call_command("load_names", stdout=io.StringIO())
    assert set(RegionalCommission.objects.values_list("abbreviation_en", flat=True)) == {
        "ECA",
        "ECE",
        "ECLAC",
        "ESCAP",
        "ESCWA",
    }
    escwa = RegionalCommission.objects.get(abbreviation_en="ESCWA")
    assert (escwa.name_es, escwa.abbreviation_es) == ("Comisión Económica y Social para Asia Occidental", "CESPAO")
    unodc = Organization.objects.get(name_en="United Nations Office on Drugs and Crime")
    assert (unodc.short_name_fr, unodc.short_name_es) == ("ONUDC", "UNODC")
    with translation.override("fr"):
        assert Organization.objects.get(pk=unodc.pk).report_name == "ONUDC"


def test_loading_twice_changes_nothing():
    load_names()
    assert load_names().filled == 0
    assert load_names().created == []
