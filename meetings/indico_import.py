"""Reads an Indico event's export of its registrations as a list of participants (meetings/participants_import.py).

What Indico writes (indico/indico, indico/modules/events/registration/util.py
`generate_spreadsheet_from_registrations`, sent by `RHRegistrationsExportCSV` and `RHRegistrationsExportExcel` in
controllers/management/reglists.py through indico/util/spreadsheets.py): one header row, then one row per
registration. The columns are "ID" (the registration's friendly id) and "Name" ("First Last"), then one column per
field of the registration form that the manager chose to export, titled as the form titles it: the personal-data
fields' default titles are "First Name", "Last Name", "Email Address", "Affiliation", "Title" (Mr, Ms, Mrs, Dr,
Prof., Mx), "Address", "Phone Number", "Country", "Position", "Picture" (models/items.py `PersonalDataType`); then
the chosen static columns "Registration date", "Modification date", "Registration state", "Created by", "Price",
"Checked in", "Check-in date", "Payment date", "Tags". "Country" holds the country's name as CLDR writes it in the
exporting manager's language (indico/util/countries.py, Babel's `Locale.territories`: "Côte d’Ivoire", "Türkiye",
"South Korea"), "Registration state" the title of `RegistrationState` in that language too (Completed, Pending,
Rejected, Withdrawn, Awaiting payment), "Tags" the tags joined by "; ", "Checked in" Yes or No.
CSV: UTF-8 with a byte order mark ("utf-8-sig"), commas, line breaks in cells replaced by spaces, and any leading
"=", "+", "@" or "-" of a cell removed. XLSX: xlsxwriter, one sheet, the header row in bold, strings never turned
into formulas; dates as dates, "Checked in" as a boolean cell.

Each registrant goes to a delegation: to the organization of the registry their affiliation names ("UNODC",
"United Nations Office on Drugs and Crime (UNODC)"), otherwise to the State their country names, matched in any of
the six languages, any case, with or without accents, by its ISO codes or by any name CLDR gives it; a State of the
meeting's regional commission attends as a member, any other as an observer, and a delegation already entered
keeps its capacity. A registration that is pending, rejected or withdrawn is not imported: the preview lists it
with the reason. A registrant the file does not place is a rejected row that says why.
"""

import json
import re
import unicodedata
from functools import lru_cache

import tablib
from babel import Locale
from babel.core import get_global
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from congress.models import Organization, State
from core.text import clean_text
from languages.codes import COPY_LANGUAGES
from languages.names import STATE_NAMES
from meetings.models import Delegate, Participation

# The columns of the project's own list that the converted rows fill, and two the Indico rows carry for the import.
OWN_COLUMNS = ("State or organization", "Capacity", "Name", "Function", "Head of delegation")
SKIPPED = "Not imported because"
PROBLEM = "Cannot be placed because"
INDICO_ONLY = ("ID", "Email Address", "Registration state", "Country", "Affiliation", "First Name")

# Registration states as Indico titles them in English, French and Spanish (its catalogues for those languages).
IMPORTED_STATES = {"completed", "awaiting payment", "termine", "en attente du paiement", "completado"}
IMPORTED_STATES |= {"en espera de pago"}
NOT_IMPORTED_STATES = {
    "pending": "pending",
    "en attente": "pending",
    "pendiente": "pending",
    "rejected": "rejected",
    "refuse": "rejected",
    "rechazado": "rejected",
    "withdrawn": "withdrawn",
    "retire": "withdrawn",
    "retirado": "withdrawn",
}
# Indico's personal titles (users/models/users.py `UserTitle`) as the list of participants writes them.
TITLES = {"mr": "Mr.", "ms": "Ms.", "mrs": "Mrs.", "dr": "Dr.", "mx": "Mx."}
# Names a State went by that neither the United Nations nor CLDR uses today, but older exports may.
FORMER_NAMES = {
    "TUR": ["Turkey"],
    "CZE": ["Czech Republic"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia", "The former Yugoslav Republic of Macedonia"],
    "CPV": ["Cape Verde"],
    "CIV": ["Ivory Coast"],
    "MMR": ["Burma"],
}
# The languages whose CLDR country names are known: the six, and those Indico's interface is most used in.
CLDR_LOCALES = ("en", "fr", "es", "ru", "ar", "zh_Hans", "zh_Hant", "de", "it", "pt", "en_GB")
# A cell that a spreadsheet would run as a formula starts with one of these; the import drops them.
FORMULA_START = re.compile(r"^[=+@\-\s]+")


def normal(text):
    """A name compared as a person would: any case, accents or none, ’ or ', "&" or "and", spaces or punctuation."""
    text = unicodedata.normalize("NFKD", str(text or "")).casefold()
    text = "".join(character for character in text if not unicodedata.combining(character))
    text = re.sub(r"[\W_]+", " ", text.replace("&", " and "))
    return " ".join(text.split())


def safe_text(value):
    """A cell's text on one line as it is kept (core.text), without what would make a spreadsheet run it."""
    return FORMULA_START.sub("", " ".join(clean_text(str(value if value is not None else "")).split()))


def too_long(name, function):
    """The messages for a name or a function longer than a delegate's fields hold."""
    limits = [(name, Delegate._meta.get_field("name")), (safe_text(function), Delegate._meta.get_field("function"))]
    return [
        _("%(field)s is longer than %(max)d characters: shorten it.")
        % {"field": capfirst(field.verbose_name), "max": field.max_length}
        for text, field in limits
        if len(text) > field.max_length
    ]


def is_indico(headers):
    """Whether a header row is Indico's: its "ID" and "Name" and one of its own columns, not the project's list."""
    names = {str(header or "").strip() for header in headers or ()}
    own = "State or organization" in names
    return not own and "ID" in names and bool(names & {"Name", "First Name"}) and bool(names & set(INDICO_ONLY[1:]))


@lru_cache(maxsize=1)
def _cldr_names():
    """{ISO alpha-3 code: every name CLDR gives that country in CLDR_LOCALES, and its two codes}."""
    alpha2 = {code: targets[0] for code, targets in get_global("territory_aliases").items() if len(code) == 3}
    locales = [Locale.parse(code) for code in CLDR_LOCALES]
    names = {}
    for alpha3, code in alpha2.items():
        if code.isalpha() and len(code) == 2 and code in locales[0].territories:
            found = {locale.territories.get(code) for locale in locales} | {alpha3, code}
            names[alpha3] = {name for name in found if name} | set(FORMER_NAMES.get(alpha3, ()))
    return names


def _variants(name):
    """A name as written, and without what it adds in parentheses ("Bolivia (Plurinational State of)")."""
    text = normal(name)
    short = normal(re.sub(r"\(.*?\)", " ", str(name or "")))
    inner = [normal(part) for part in re.findall(r"\((.*?)\)", str(name or ""))]
    return [text], [value for value in (short, *inner) if value and value != text]


def _index(records, names_of):
    """{normal name: record}: exact names first, then shorter forms no other record claims."""
    exact, loose, taken = {}, {}, set()
    for record in records:
        for name in names_of(record):
            whole, parts = _variants(name)
            for key in whole:
                exact.setdefault(key, record)
            for key in parts:
                if loose.get(key, record) is not record:
                    taken.add(key)
                loose.setdefault(key, record)
    return {**{key: record for key, record in loose.items() if key not in taken}, **exact}


class Registry:
    """The Congress's States and organizations, found by the names an Indico export gives them."""

    def __init__(self):
        states = list(State.objects.order_by("pk"))
        organizations = list(Organization.objects.order_by("pk"))
        codes = self._iso_codes()
        cldr = _cldr_names()

        def state_names(state):
            own = [getattr(state, f"name_{language}") for language in COPY_LANGUAGES]
            alpha3 = next((codes[normal(name)] for name in own if normal(name) in codes), None)
            return [name for name in own if name] + sorted(cldr.get(alpha3, ()))

        def organization_names(organization):
            fields = [f"{field}_{language}" for field in ("name", "short_name") for language in COPY_LANGUAGES]
            return [getattr(organization, field) for field in fields if getattr(organization, field)]

        self.states = _index(states, state_names)
        self.organizations = _index(organizations, organization_names)

    @staticmethod
    def _iso_codes():
        """{normal name of a State in any of the six languages: its ISO alpha-3 code} from the project's data."""
        rows = json.loads(STATE_NAMES.read_text(encoding="utf-8"))["states"]
        return {normal(row[language]): row["iso3"] for row in rows for language in COPY_LANGUAGES if row.get(language)}

    def find(self, index, text):
        whole, parts = _variants(text)
        return next((index[key] for key in whole + parts if key in index), None)


def _column(row, *names):
    return next((row[name] for name in names if name in row and row[name] not in (None, "")), "")


def convert_row(row, registry, known):
    """The project's columns for one registrant, with why it is left out or cannot be placed (else "").

    `known` holds the pks of the commission's member States and of the States and organizations with a delegation.
    """
    name = safe_text(_column(row, "Name")) or safe_text(f"{_column(row, 'First Name')} {_column(row, 'Last Name')}")
    title = safe_text(_column(row, "Title"))
    if name and title:
        name = f"{TITLES.get(normal(title), title)} {name}"
    country, affiliation = safe_text(_column(row, "Country")), safe_text(_column(row, "Affiliation"))
    state_text = safe_text(_column(row, "Registration state"))
    skipped = problem = ""
    status = NOT_IMPORTED_STATES.get(normal(state_text))
    if status:
        skipped = {
            "pending": _("Its registration is pending in Indico."),
            "rejected": _("Its registration was rejected in Indico."),
            "withdrawn": _("Its registration was withdrawn in Indico."),
        }[status]
    elif state_text and normal(state_text) not in IMPORTED_STATES:
        problem = _("Registration state “%(state)s” is not one of Indico's: is this an Indico export?") % {
            "state": state_text
        }
    organization = registry.find(registry.organizations, affiliation) if affiliation else None
    state = None if organization else registry.find(registry.states, country or affiliation)
    if not (skipped or problem) and state is None and organization is None:
        problem = unplaced(country, affiliation)
    capacity = ""  # a delegation already entered keeps its capacity
    if state is not None and state.pk not in known["states"]:
        capacity = "member" if state.pk in known["members"] else "observer"
    elif organization is not None and organization.pk not in known["organizations"]:
        capacity = "observer"
    tags = {normal(tag) for tag in str(_column(row, "Tags")).split(";")}
    head = "yes" if tags & {"head of delegation", "hod", "chef de delegation", "jefe de delegacion"} else ""
    entity = state or organization
    values = [str(entity) if entity else country, capacity, name, safe_text(_column(row, "Position")), head]
    return [*values, skipped, problem]


def unplaced(country, affiliation):
    """Why a registrant with this country and affiliation goes to no delegation."""
    names = {"country": country, "affiliation": affiliation}
    if country and affiliation:
        return (
            _(
                "Neither the country “%(country)s” nor the affiliation “%(affiliation)s” is in the registry: correct "
                "them in Indico or add them to the registry."
            )
            % names
        )
    if country:
        return (
            _("Country “%(country)s” is not a State of the registry: correct it in Indico or add it to the registry.")
            % names
        )
    if affiliation:
        return (
            _(
                "The country is empty and the affiliation “%(affiliation)s” is not an organization of the registry: "
                "give the registrant's country in Indico."
            )
            % names
        )
    return _("The country and the affiliation are empty: give the registrant's country in Indico.")


def as_participants(dataset, meeting):
    """Rewrites an Indico export, in place, as the project's list of participants, row for row."""
    headers = [str(header or "").strip() for header in dataset.headers or ()]
    if not ({"Name", "First Name"} & set(headers)) or not ({"Country", "Affiliation"} & set(headers)):
        dataset.wipe()
        raise ValidationError(
            _(
                "This Indico export has no column “Name” or no column “Country” or “Affiliation”: export the "
                "registrations again with the fields Country and Affiliation."
            )
        )
    registry = Registry()
    delegations = Participation.objects.filter(meeting=meeting)
    known = {
        "members": set(meeting.regional_commission.member_states.values_list("pk", flat=True)),
        "states": set(delegations.exclude(state=None).values_list("state_id", flat=True)),
        "organizations": set(delegations.exclude(organization=None).values_list("organization_id", flat=True)),
    }
    rows = [convert_row(dict(zip(headers, values, strict=False)), registry, known) for values in dataset]
    converted = tablib.Dataset(*rows, headers=[*OWN_COLUMNS, SKIPPED, PROBLEM])
    dataset.wipe()
    dataset.headers = converted.headers
    for values in converted:
        dataset.append(values)
