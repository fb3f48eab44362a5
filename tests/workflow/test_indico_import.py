"""An Indico event's export of its registrations, CSV or XLSX, read as the meeting's list of participants."""

import csv
import io
import json
from datetime import datetime

import openpyxl
import pytest
import tablib
from babel import Locale
from babel.core import get_global
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from languages.names import STATE_NAMES, load_names
from meetings.indico_import import Registry
from meetings.models import Delegate, Participation
from meetings.participants_import import DelegateResource, delegations_version
from tests.factories import OrganizationFactory, ParticipationFactory, StateFactory
from tests.workflow.test_participants_import import confirm

pytestmark = pytest.mark.django_db

# The columns in the order Indico writes them (registration/util.py generate_spreadsheet_from_registrations):
# ID and Name, the form's fields in the form's order, then the static columns chosen.
HEADERS = [
    "ID",
    "Name",
    "First Name",
    "Last Name",
    "Email Address",
    "Affiliation",
    "Country",
    "Position",
    "Title",
    "Registration date",
    "Registration state",
    "Checked in",
    "Tags",
]
# (country as CLDR writes it in English, affiliation, how many registrants)
DELEGATIONS = [
    ("Côte d’Ivoire", "Ministère de la Justice", 6),
    ("Türkiye", "Ministry of Interior", 6),
    ("Kuwait", "Ministry of Justice", 6),
    ("oman", "Royal Oman Police", 5),
    ("Bolivia", "Ministerio de Gobierno", 5),
    ("South Korea", "Supreme Prosecutors' Office", 5),
    ("Austria", "UNODC", 5),
]


def registrants():
    """40 registrations: the delegations above, one withdrawn and one from a country the registry does not know."""
    rows, number = [], 0
    for country, affiliation, count in DELEGATIONS:
        for index in range(count):
            number += 1
            first, last = f"Person{number}", f"Família{number}"
            tags = "Head of delegation" if index == 0 else ""
            rows.append(
                [
                    number,
                    f"{first} {last}",
                    first,
                    last,
                    f"p{number}@example.org",
                    affiliation,
                    country,
                    "Adviser",
                    "Ms" if number % 2 else "Mr",
                    datetime(2026, 3, 1, 9, 30),
                    "Completed",
                    False,
                    tags,
                ]
            )
    rows.append(
        [
            39,
            "Wendy Withdrawn",
            "Wendy",
            "Withdrawn",
            "w@example.org",
            "Ministry of Justice",
            "Kuwait",
            "Adviser",
            "Ms",
            datetime(2026, 3, 2),
            "Withdrawn",
            False,
            "",
        ]
    )
    rows.append(
        [
            40,
            "Arne Atlantis",
            "Arne",
            "Atlantis",
            "a@example.org",
            "Sea Office",
            "Atlantis",
            "Envoy",
            "Mr",
            datetime(2026, 3, 2),
            "Completed",
            False,
            "",
        ]
    )
    assert len(rows) == 40
    return rows


def indico_csv(rows, headers=HEADERS):
    """As indico/util/spreadsheets.py generate_csv writes it: UTF-8 with a BOM, booleans as Yes/No."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["Yes" if value is True else "No" if value is False else value for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def indico_xlsx(rows, headers=HEADERS):
    """As generate_xlsx writes it: one sheet, the header row in bold, dates and booleans as typed cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def setting(db):
    from django.contrib.auth.models import Group

    from tests.factories import MeetingFactory, UserFactory
    from workflow.management.commands.setup_roles import setup_roles
    from workflow.roles import SECRETARIAT

    setup_roles()
    meeting, user = MeetingFactory(), UserFactory(username="secretariat")
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    ivory, turkey, kuwait, oman = (StateFactory(name=name) for name in ("Côte d'Ivoire", "Türkiye", "Kuwait", "Oman"))
    StateFactory(name="Bolivia (Plurinational State of)", name_es="Bolivia (Estado Plurinacional de)")
    StateFactory(name="Republic of Korea")
    StateFactory(name="Austria")
    meeting.regional_commission.member_states.add(ivory, turkey, kuwait)
    OrganizationFactory(name="United Nations Office on Drugs and Crime", short_name="UNODC", category="un_entity")
    # Oman's delegation is entered already, as an observer: it keeps its capacity.
    ParticipationFactory(meeting=meeting, state=oman, capacity="observer")
    client = Client()
    client.force_login(user)
    return meeting, client


def upload(client, meeting, content, name, fmt, source="auto"):
    url = reverse("admin:meetings_participation_import")
    form = client.get(url).context["form"]
    choice = next(value for value, label in form.fields["format"].choices if str(label).lower() == fmt)
    return client.post(
        url,
        {
            "resource": "0",
            "meeting": meeting.pk,
            "format": choice,
            "source": source,
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def delegations(meeting):
    return {
        (str(p), p.capacity, p.delegates.count(), p.delegates.filter(is_head=True).count())
        for p in Participation.objects.filter(meeting=meeting, delegates__name__contains="Família").distinct()
    }


EXPECTED = {
    ("Côte d'Ivoire", "member", 6, 1),
    ("Türkiye", "member", 6, 1),
    ("Kuwait", "member", 6, 1),
    ("Oman", "observer", 5, 1),
    ("Bolivia (Plurinational State of)", "observer", 5, 1),
    ("Republic of Korea", "observer", 5, 1),
    ("United Nations Office on Drugs and Crime", "observer", 5, 1),
}


@pytest.mark.parametrize(
    ("content", "name", "fmt"), [(indico_csv, "registrations.csv", "csv"), (indico_xlsx, "registrations.xlsx", "xlsx")]
)
def test_an_indico_export_becomes_the_delegations_and_delegates(setting, content, name, fmt):
    meeting, client = setting
    before = Delegate.objects.count()
    preview = upload(client, meeting, content(registrants()), name, fmt)
    page = " ".join(preview.content.decode().split())
    assert preview.status_code == 200
    assert "38 to create, 0 to update, 1 rejected." in page
    assert "1 registrant is not imported: Indico says they are not coming." in page
    assert "Its registration was withdrawn in Indico." in page
    assert "Neither the country “Atlantis” nor the affiliation “Sea Office” is in the registry" in page
    # Each registrant with the delegation it goes to.
    rows = preview.context["result"].valid_rows()
    placed = {row.delegate_name: row.delegation for row in rows if not row.is_skip()}
    assert placed["Ms. Person1 Família1"] == "Côte d'Ivoire"
    assert placed["Mr. Person34 Família34"] == "United Nations Office on Drugs and Crime"
    assert len(placed) == 38
    assert Delegate.objects.count() == before  # nothing written by the preview
    confirm(client, preview)
    assert delegations(meeting) == EXPECTED
    assert not Delegate.objects.filter(name__contains="Withdrawn").exists()
    assert not Delegate.objects.filter(name__contains="Atlantis").exists()
    assert Delegate.objects.get(name="Ms. Person1 Família1").function == "Adviser"


def test_a_file_without_the_columns_or_not_a_spreadsheet_is_refused_with_a_message(setting):
    meeting, client = setting
    before = Delegate.objects.count()
    headers = [header for header in HEADERS if header not in ("Country", "Affiliation")]
    rows = [[value for header, value in zip(HEADERS, row, strict=True) if header in headers] for row in registrants()]
    page = upload(client, meeting, indico_csv(rows, headers), "registrations.csv", "csv").content.decode()
    assert "This Indico export has no column “Name” or no column “Country” or “Affiliation”" in page
    page = upload(client, meeting, b"%PDF-1.4 not a spreadsheet", "registrations.xlsx", "xlsx").content.decode()
    assert "Traceback" not in page and "confirm_form" not in page
    # The project's own list chosen for an Indico file: its columns are missing.
    page = upload(client, meeting, indico_csv(registrants()), "r.csv", "csv", source="own").content.decode()
    assert "The file has no column “State or organization”" in page
    assert Delegate.objects.count() == before


def test_a_file_over_the_size_limit_is_refused_with_a_message(setting, monkeypatch):
    from meetings import participants_import

    monkeypatch.setattr(participants_import, "MAX_FILE_SIZE", 1 << 20)
    meeting, client = setting
    page = upload(client, meeting, b"ID,Name,Country\n" + b"1,A,Kuwait\n" * 100_000, "r.csv", "csv").content.decode()
    assert "The file is larger than 1 MB: split it." in page
    assert not Delegate.objects.filter(participation__meeting=meeting).exists()


def test_cells_a_spreadsheet_would_run_as_formulas_are_imported_as_text(setting):
    meeting, client = setting
    row = registrants()[0]
    row[1], row[7] = '=HYPERLINK("http://x","Amal") Haddad', "@SUM(1+1) Minister"
    # A CSV written by hand (Indico's own drops these characters; in XLSX, openpyxl reads a formula's value).
    confirm(client, upload(client, meeting, indico_csv([row]), "r.csv", "csv"))
    delegate = Delegate.objects.get(participation__meeting=meeting, name__contains="Haddad")
    assert delegate.name == 'Ms. HYPERLINK("http://x","Amal") Haddad'
    assert delegate.function == "SUM(1+1) Minister"


COUNTRIES = ["Kuwait", "KUWAIT", "kuwaït", "KWT", "KW", "Türkiye", "Turkey", "TURKIYE", "Atlantis", "", "=1+1"]
AFFILIATIONS = ["", "UNODC", "United Nations Office on Drugs and Crime (UNODC)", "Ministry", "@SUM(A1)", "Kuwait"]
STATES = ["Completed", "Awaiting payment", "Terminé", "Withdrawn", "Retiré", "Pending", "Rejected", "Maybe", ""]
OPTIONAL = ["First Name", "Last Name", "Affiliation", "Country", "Position", "Title", "Registration state", "Tags"]
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
registrant = st.fixed_dictionaries(
    {
        "Name": st.sampled_from(["Ms. Amal Haddad", "Mr. Omar Saleh", "=cmd|' /C calc'!A0", "", "x" * 201]) | text,
        "First Name": text,
        "Last Name": text,
        "Affiliation": st.sampled_from(AFFILIATIONS),
        # An XLSX cell may hold a number, a date, a boolean or nothing.
        "Country": st.sampled_from(COUNTRIES) | st.none() | st.integers(),
        "Position": st.sampled_from(["Adviser", "", "+Minister", "y" * 301]) | text | st.none() | st.booleans(),
        "Title": st.sampled_from(["Mr", "Ms", "Prof.", "", "=x"]),
        "Registration state": st.sampled_from(STATES),
        "Tags": st.sampled_from(["", "Head of delegation", "VIP; HoD"]),
    }
)


def snapshot(meeting):
    rows = Delegate.objects.filter(participation__meeting=meeting)
    return set(rows.values_list("participation__state__name_en", "participation__organization__name_en", "name"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(registrants=st.lists(registrant, max_size=6), columns=st.sets(st.sampled_from(OPTIONAL)))
def test_any_registrant_table_is_imported_as_previewed_or_refused_with_nothing_written(
    hypothesis_setting, registrants, columns
):
    """Each row is written as the preview listed it, or listed with its reason and not written; a file refused
    whole (its columns missing) writes nothing and says why."""
    meeting = hypothesis_setting
    headers = ["ID", "Name", *[column for column in OPTIONAL if column in columns]]

    def dataset():
        rows = [[number, *[row[column] for column in headers[1:]]] for number, row in enumerate(registrants, 1)]
        return tablib.Dataset(*rows, headers=headers)

    with transaction.atomic():
        before = snapshot(meeting)
        preview = DelegateResource(meeting=meeting).import_data(dataset(), dry_run=True, use_transactions=True)
        assert snapshot(meeting) == before
        previewed = delegations_version(meeting)
        resource = DelegateResource(meeting=meeting, previewed=previewed, replace_existing=False)
        result = resource.import_data(dataset(), dry_run=False, use_transactions=True)
        written = snapshot(meeting) - before
        if preview.base_errors or preview.has_errors():
            assert all(str(error.error) for error in preview.base_errors)
            # A refusal of the whole file, never a row's failure (a server error on a row would roll it all back).
            assert not preview.row_errors(), [error.error for _line, errors in preview.row_errors() for error in errors]
            assert written == set() and snapshot(meeting) == before
        else:
            assert not result.has_errors() and not result.base_errors
            placed = [row for row in preview.valid_rows() if not row.is_skip()]
            skipped = [row for row in preview.valid_rows() if row.is_skip()]
            assert len(placed) + len(skipped) + len(preview.invalid_rows) == len(registrants)
            assert all(row.changes for row in skipped)
            assert all(row.error_count > 0 for row in preview.invalid_rows)
            assert {row.delegate_name for row in placed} == {name for _state, _organization, name in written}
            assert len(written) == len(placed)
            for name in (name for _state, _organization, name in written):
                assert name and not name.startswith(("=", "+", "@", "-"))
        transaction.set_rollback(True)


@pytest.fixture
def hypothesis_setting(db):
    from tests.factories import MeetingFactory

    meeting = MeetingFactory()
    kuwait = StateFactory(name="Kuwait")
    StateFactory(name="Türkiye")
    meeting.regional_commission.member_states.add(kuwait)
    OrganizationFactory(name="United Nations Office on Drugs and Crime", short_name="UNODC", category="un_entity")
    return meeting


def test_every_state_is_found_by_the_country_names_indico_writes_in_six_languages(db):
    """Indico writes CLDR's name of the country in the exporting manager's language (indico/util/countries.py)."""
    load_names()
    registry = Registry()
    alpha2 = {code: targets[0] for code, targets in get_global("territory_aliases").items() if len(code) == 3}
    states = json.loads(STATE_NAMES.read_text(encoding="utf-8"))["states"]
    assert len(states) > 190
    misses = []
    for locale in ("en", "fr", "es", "ru", "ar", "zh_Hans"):
        names = Locale.parse(locale).territories
        for row in states:
            for written in (names[alpha2[row["iso3"]]], row["iso3"], row["en"].upper()):
                state = registry.find(registry.states, written)
                if state is None or state.name_en != row["en"]:
                    misses.append((locale, written, state and state.name_en))
    assert misses == []
