"""Names of States, regional commissions and organizations in the six languages, from the data files.

languages/data/state_names.json: every Member and observer State, UNTERM short names (or UNSD M49 where
that list has none), built by scripts/build_state_names.py, which names the sources.
languages/data/organization_names.json: the regional commissions and the United Nations entities of the
demo, entered by the project and checked against United Nations pages and documents: each row lists its
sources, and a row some of whose forms were not found in United Nations text stays "verified": false with
those forms named in "unconfirmed".

Loading fills the per-language fields (name_es, …) that are empty, so a name corrected in the admin
stays as corrected; `replace=True` writes the file's names over them. A State missing from the
registry is added; a commission too; an organization only gets names if the registry has it. The
registries are the Congress's (congress.models), which this module takes by name, so that the languages room
imports no application.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import transaction
from django.utils import translation

DATA = Path(__file__).with_name("data")
STATE_NAMES = DATA / "state_names.json"
ORGANIZATION_NAMES = DATA / "organization_names.json"
LANGUAGES = ("en", "ar", "zh_hans", "fr", "ru", "es")


@dataclass
class LoadedNames:
    created: list = field(default_factory=list)
    filled: int = 0  # per-language fields written


def _fill(record, values, replace):
    """Sets record.<field>_<language> from {field_language: value}; returns how many were written."""
    written = 0
    for attname, value in values.items():
        if value and (replace or not getattr(record, attname)) and getattr(record, attname) != value:
            setattr(record, attname, value)
            written += 1
    return written


def load_names(*, replace=False, state_file=STATE_NAMES, organization_file=ORGANIZATION_NAMES):
    # The registry is keyed by English names, whatever language the caller has active.
    with transaction.atomic(), translation.override("en"):
        return _load(replace, state_file, organization_file)


def _load(replace, state_file, organization_file):
    # The registries are the Congress room's models, taken by name: the languages room imports no application.
    State, RegionalCommission, Organization = (  # noqa: N806 - model classes
        apps.get_model("congress", name) for name in ("State", "RegionalCommission", "Organization")
    )
    result = LoadedNames()
    states = json.loads(Path(state_file).read_text(encoding="utf-8"))["states"]
    existing = {state.name_en: state for state in State.objects.order_by("pk")}
    for row in states:
        state = existing.get(row["en"])
        if state is None:
            state = State(name_en=row["en"])
            result.created.append(row["en"])
        written = _fill(state, {f"name_{language}": row[language] for language in LANGUAGES}, replace)
        if written or state.pk is None:
            state.save()
        result.filled += written

    data = json.loads(Path(organization_file).read_text(encoding="utf-8"))
    commissions = {commission.abbreviation_en: commission for commission in RegionalCommission.objects.order_by("pk")}
    for row in data["regional_commissions"]:
        english = row["en"]
        commission = commissions.get(english["abbreviation"])
        if commission is None:
            commission = RegionalCommission(name_en=english["name"], abbreviation_en=english["abbreviation"])
            result.created.append(english["abbreviation"])
        values = {
            f"{attribute}_{language}": row.get(language, {}).get(attribute)
            for language in LANGUAGES
            for attribute in ("name", "abbreviation")
        }
        written = _fill(commission, values, replace)
        if written or commission.pk is None:
            commission.save()
        result.filled += written

    organizations = {organization.name_en: organization for organization in Organization.objects.order_by("pk")}
    for row in data["organizations"]:
        organization = organizations.get(row["en"]["name"])
        if organization is None:
            continue
        values = {
            f"{attribute}_{language}": row.get(language, {}).get(attribute)
            for language in LANGUAGES
            for attribute in ("name", "short_name")
        }
        written = _fill(organization, values, replace)
        if written:
            organization.save()
        result.filled += written
    return result
