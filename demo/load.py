"""Loads the Western Asia Regional Preparatory Meeting of 2019 (A/CONF.234/RPM.2) from its data file.

Every row is found by its natural key and saved only where it differs from the data, so loading twice
changes nothing and writes no history; `reset=True` also removes what was added to the demo meeting since.
"""

import json
from datetime import date, time
from pathlib import Path

from django.db import transaction
from django.utils import translation

from congress.models import (
    Congress,
    CongressAgendaItem,
    Organization,
    RegionalCommission,
    StandardParagraph,
    State,
    Topic,
    Workshop,
)
from core.history import translated_fields
from demo import titles
from languages.names import load_names
from meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    MeetingParagraph,
    Officer,
    Participation,
    ReportPartAssignment,
    Session,
)
from recommendations.models import Discussion, Recommendation, SummaryParagraph

DATA_FILE = Path(__file__).with_name("western_asia_2019.json")
DEMO_SYMBOL = "A/CONF.234/RPM.2/1"

# The programme of work and the documents per agenda item are not in the published report; these
# follow the order of the agenda over the six plenary meetings and the documents' own titles.
ITEMS_TAKEN_UP = {1: [1, 2, 3], 2: [4], 3: [5], 4: [5], 5: [6], 6: [7]}  # plenary meeting → agenda item numbers
DOCUMENTS_FOR_ITEMS = {
    "A/CONF.234/RPM.2/L.1": [3],
    "A/CONF.234/PM.1": [4, 5],
    "A/CONF.234/PM/CRP.1": [5],
    "A/CONF.234/RPM.2/INF/2/Rev.1": [1],
    "A/CONF.234/RPM.2/L.2": [7],
    "A/CONF.234/RPM.2/L.2/Add.1": [7],
    "A/CONF.234/RPM.2/L.2/Add.2": [7],
    "A/CONF.234/RPM.2/L.2/Add.3": [7],
    "A/CONF.234/RPM.2/L.2/Add.4": [7],
}
# The meeting's place and its procedural agenda items in Arabic, so the Arabic pages show translated titles.
ARABIC = {
    "congress_title": "مؤتمر الأمم المتحدة الرابع عشر لمنع الجريمة والعدالة الجنائية",
    "congress_short_title": "المؤتمر الرابع عشر",
    "region": "غرب آسيا",
    "venue_city": "بيروت",
    "agenda": {
        1: "افتتاح الاجتماع",
        2: "انتخاب أعضاء المكتب",
        3: "إقرار جدول الأعمال والمسائل التنظيمية الأخرى",
        6: "التوصيات المقدمة إلى المؤتمر الرابع عشر",
        7: "اعتماد تقرير الاجتماع",
    },
}


# The rows of each model that the data file has, as loaded; what is not in it was added by a user.
_loaded = {}


def english_copies(model, fields):
    """The data file is English: a translated field's value goes to its English copy, named as such."""
    translated = translated_fields(model)
    return {f"{name}_en" if name in translated else name: value for name, value in fields.items()}


def upsert(model, defaults=None, **lookup):
    """`update_or_create` that saves only what differs, so an unchanged row gets no new version or history."""
    defaults, lookup = english_copies(model, defaults or {}), english_copies(model, lookup)
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **defaults)
        _loaded.setdefault(model, set()).add(obj.pk)
        return obj, True
    _loaded.setdefault(model, set()).add(obj.pk)
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save()
    return obj, False


def english(label):
    """A choice's label in English: the data file holds the report's English words."""
    with translation.override("en"):
        return str(label)


def opener_fields(words):
    """The report's words for who opened the Meeting: its standard phrase, or other words (in English)."""
    if words == english(Meeting.Opener.SECRETARY.label):
        return {"opener": Meeting.Opener.SECRETARY, "opened_by_en": ""}
    return {"opener": Meeting.Opener.OTHER if words else "", "opened_by_en": words}


def election_fields(words):
    if words == english(Officer.ElectionMethod.ACCLAMATION.label):
        return {"election_method": Officer.ElectionMethod.ACCLAMATION, "election_wording_en": ""}
    return {"election_method": Officer.ElectionMethod.OTHER if words else "", "election_wording_en": words}


def outcome_fields(words):
    standard = Discussion.OutcomeIntroduction.NOT_NEGOTIATED
    if words == english(standard.label):
        return {"outcome_phrase": standard, "outcome_introduction_en": ""}
    return {"outcome_phrase": Discussion.OutcomeIntroduction.OTHER, "outcome_introduction_en": words}


def demo_exists():
    return Meeting.objects.filter(symbol=DEMO_SYMBOL).exists()


@transaction.atomic
def load_demo_meeting(*, data_file=DATA_FILE, reset=False):
    # The data is in English, the original: its titles go to the English fields whatever language is active.
    _loaded.clear()
    with translation.override("en"):
        meeting = load_data(json.loads(Path(data_file).read_text(encoding="utf-8")))
        if reset:
            remove_additions(meeting)
    # The names of States, commissions and organizations in the other five languages (languages/data/).
    load_names()
    _loaded.clear()
    return meeting


def load_data(data):
    states = {name: State.objects.get_or_create(name_en=name)[0] for name in data["states"]}
    organizations = {}
    for row in data["organizations"]:
        organizations[row["name"]], _ = upsert(
            Organization,
            name=row["name"],
            defaults={"short_name": row["short_name"], "category": row["category"], "precedence": row["precedence"]},
        )
    commission_data = data["regional_commission"]
    commission, _ = upsert(
        RegionalCommission, abbreviation=commission_data["abbreviation"], defaults={"name": commission_data["name"]}
    )
    commission.member_states.set(states[name] for name in commission_data["members"])

    congress, topics = load_congress(data["congress"], states)
    return load_meeting(data["meeting"], congress, commission, topics, states, organizations)


def load_congress(data, states):
    congress, _ = upsert(
        Congress,
        ordinal=data["ordinal"],
        defaults={
            "title": data["title"],
            "short_title": data["short_title"],
            "symbol_prefix": data["symbol_prefix"],
            "host_city": data["host_city"],
            "host_country": states[data["host_country"]],
            "start_date": date.fromisoformat(data["start_date"]),
            "end_date": date.fromisoformat(data["end_date"]),
            "main_theme": data["main_theme"],
            "title_ar": ARABIC["congress_title"],
            "short_title_ar": ARABIC["congress_short_title"],
            **titles.CONGRESS,
        },
    )
    agenda_items = {
        row["number"]: upsert(
            CongressAgendaItem, congress=congress, number=row["number"], defaults={"title": row["title"]}
        )[0]
        for row in data["agenda_items"]
    }
    workshops = {
        row["number"]: upsert(Workshop, congress=congress, number=row["number"], defaults={"title": row["title"]})[0]
        for row in data["workshops"]
    }
    topics = []
    for order, row in enumerate(data["topics"]):
        topic, _ = upsert(
            Topic,
            congress=congress,
            order=order,
            defaults={
                "kind": row["kind"],
                "agenda_item": agenda_items.get(row.get("agenda_item")),
                "workshop": workshops.get(row.get("workshop")),
            },
        )
        topics.append(topic)
    for order, text in enumerate(data["introduction"], start=1):
        upsert(
            StandardParagraph,
            congress=congress,
            part=StandardParagraph.Part.INTRODUCTION,
            order=order,
            defaults={"text": text},
        )
    return congress, topics


def load_meeting(data, congress, commission, topics, states, organizations):
    meeting, _ = upsert(
        Meeting,
        congress=congress,
        number=data["number"],
        defaults={
            "region": data["region"],
            "regional_commission": commission,
            "slug": data["slug"],
            "venue_city": data["venue_city"],
            "venue_country": states[data["venue_country"]],
            "start_date": date.fromisoformat(data["start_date"]),
            "end_date": date.fromisoformat(data["end_date"]),
            "original_language": data["original_language"],
            **opener_fields(data["opened_by"]),
            "status": Meeting.Status.CLOSED,
            "report_job_number": data["report_job_number"],
            # A plausible date, not from the published text: see "issue_dates_note" in the data.
            "report_issued_on": date.fromisoformat(data["report_issued_on"]),
            "is_published": True,
            # The published report heads its one annex "Annex I".
            "sole_annex_numbered": True,
            "time_zone": "Asia/Beirut",
            "region_ar": ARABIC["region"],
            "venue_city_ar": ARABIC["venue_city"],
            **titles.MEETING,
        },
    )
    sessions = {}
    for row in data["sessions"]:
        sessions[row["number"]], _ = upsert(
            Session,
            meeting=meeting,
            number=row["number"],
            defaults={
                "date": date.fromisoformat(row["date"]),
                "start_time": time.fromisoformat(row["start"]),
                "end_time": time.fromisoformat(row["end"]),
            },
        )
    upsert(
        Meeting,
        pk=meeting.pk,
        defaults={
            "agenda_adopted_at": sessions[data["agenda_adopted_at"]],
            "organization_of_work_at": sessions[data["organization_of_work_at"]],
            "report_adopted_at": sessions[data["report_adopted_at"]],
        },
    )

    participants = data["participants"]
    for capacity, names in (
        (Participation.Capacity.MEMBER, participants["member_states"]),
        (Participation.Capacity.OBSERVER, participants["observer_states"]),
    ):
        for name in names:
            upsert(Participation, meeting=meeting, state=states[name], defaults={"capacity": capacity})
    for name in participants["organizations"]:
        upsert(
            Participation,
            meeting=meeting,
            organization=organizations[name],
            defaults={"capacity": Participation.Capacity.OBSERVER},
        )

    for order, row in enumerate(data["officers"]):
        upsert(
            Officer,
            meeting=meeting,
            role=row["role"],
            name=row["name"],
            defaults={
                "state": states[row["state"]],
                "elected_at": sessions[row["session"]],
                **election_fields(row["method"]),
                "order": order,
            },
        )

    items = {}
    for order, row in enumerate(data["agenda"], start=1):
        item, _ = upsert(
            AgendaItem,
            meeting=meeting,
            parent=None,
            order=order,
            defaults={
                "title": row["title"],
                "title_ar": ARABIC["agenda"].get(order),
                "topic": topics[row["topic"]] if "topic" in row else None,
            },
        )
        items[order] = item
        for sub_order, sub in enumerate(row.get("sub_items", []), start=1):
            upsert(
                AgendaItem,
                meeting=meeting,
                parent=item,
                order=sub_order,
                defaults={"title": sub.get("title", ""), "topic": topics[sub["topic"]]},
            )

    documents = {}
    for order, row in enumerate(data["documents"], start=1):
        documents[row["symbol"]], _ = upsert(
            Document,
            meeting=meeting,
            symbol=row["symbol"],
            defaults={
                "title": row["title"],
                "kind": row["kind"],
                "order": order,
                "is_published": True,
                "issued_on": date.fromisoformat(row["issued_on"]) if "issued_on" in row else None,
            },
        )
        documents[row["symbol"]].agenda_items.set(
            items[number] for number in DOCUMENTS_FOR_ITEMS.get(row["symbol"], [])
        )
    for number, item_numbers in ITEMS_TAKEN_UP.items():
        sessions[number].agenda_items.set(items[n] for n in item_numbers)
    # Each addendum of the draft report carried one substantive topic; L.2 the rest.
    for symbol, sections in data["draft_parts"].items():
        for section in sections:
            upsert(
                ReportPartAssignment,
                meeting=meeting,
                section=f"topic-{topics[section['topic']].pk}",
                defaults={"part": documents[symbol]},
            )

    for part, key in (
        (MeetingParagraph.Part.CONCLUSIONS_PREAMBLE, "preamble"),
        (MeetingParagraph.Part.OPENING_STATEMENTS, "opening_statements"),
        (MeetingParagraph.Part.OTHER_MATTERS, "other_matters"),
    ):
        for order, text in enumerate(data[key], start=1):
            upsert(MeetingParagraph, meeting=meeting, part=part, order=order, defaults={"text": text})

    for row in data["discussions"]:
        discussion, _ = upsert(
            Discussion,
            meeting=meeting,
            topic=topics[row["topic"]],
            defaults=outcome_fields(row["outcome_intro"]),
        )
        for order, text in enumerate(row["summary"], start=1):
            upsert(SummaryParagraph, discussion=discussion, order=order, defaults={"text": text})
        for order, text in enumerate(row["recommendations"], start=1):
            upsert(Recommendation, discussion=discussion, order=order, defaults={"text": text})
    return meeting


# The demo meeting's own records, by the path from each to the meeting.
MEETING_RECORDS = [
    # Children before the records they point at, so that nothing a user added is protected from deletion.
    (Recommendation, "discussion__meeting"),
    (SummaryParagraph, "discussion__meeting"),
    (Discussion, "meeting"),
    (ReportPartAssignment, "meeting"),
    (MeetingParagraph, "meeting"),
    (Officer, "meeting"),
    (Participation, "meeting"),
    (AgendaItem, "meeting"),
    (Document, "meeting"),
    (Session, "meeting"),
]


def remove_additions(meeting):
    """Deletes the demo meeting's records that the data does not have: those a user added since it was loaded."""
    for model, path in MEETING_RECORDS:
        for obj in model.objects.filter(**{path: meeting}).exclude(pk__in=_loaded.get(model, ())):
            obj.delete()
