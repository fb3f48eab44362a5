"""The Akoma Ntoso document's identity and references: its FRBR work, expression and manifestation, and the
TLC references to the officers, their roles, the States and organizations represented, the venue and the meeting."""

import re
from urllib.parse import quote

from lxml.builder import ElementMaker

from report import document as doc

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = ElementMaker(namespace=NAMESPACE, nsmap={None: NAMESPACE})
ADDENDUM = re.compile(r"^(?P<base>.+)/Add\.\d+$")
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "ru": "rus", "zh": "zho"}


def work_uri(report):
    return f"/akn/un/debateReport/meetingReport/{identifier_date(report)}/{report.symbol.replace('/', '-')}"


def identifier_date(report):
    """The recorded issue date; before there is one, a date that does not move (the meeting's last day)."""
    return report.identifier_date.isoformat() if report.identifier_date else "0001-01-01"


def meta(report, component):
    work = work_uri(report)
    language = LANGUAGES.get(report.language, "eng")
    expression = f"{work}/{language}@"
    date = identifier_date(report)

    identification = A.identification(
        A.FRBRWork(
            A.FRBRthis(value=f"{work}/!{component}"),
            A.FRBRuri(value=work),
            A.FRBRalias(value=report.symbol, name="UNSymbol"),
            A.FRBRdate(date=date, name="issued"),
            A.FRBRauthor(href="#secretariat"),
            A.FRBRcountry(value="un"),
        ),
        A.FRBRExpression(
            A.FRBRthis(value=f"{expression}/!{component}"),
            A.FRBRuri(value=expression),
            A.FRBRdate(date=date, name="issued"),
            A.FRBRauthor(href="#secretariat"),
            A.FRBRlanguage(language=language),
        ),
        A.FRBRManifestation(
            A.FRBRthis(value=f"{expression}/!{component}.akn"),
            A.FRBRuri(value=f"{expression}.akn"),
            A.FRBRdate(date=date, name="generated"),
            A.FRBRauthor(href="#secretariat"),
        ),
        source="#secretariat",
    )
    if component != "main":
        return A.meta(identification)  # the attachment's references are the main document's
    return A.meta(identification, A.references(*references(report), source="#secretariat"))


ROLES = {"chair": "chair", "vice_chair": "viceChair", "rapporteur": "rapporteur"}


def ontology(kind, name):
    """The href of a person, organization or place: its name, percent-encoded, under its kind."""
    return f"/ontology/{kind}/un/{quote(name.replace(' ', '_'), safe='')}"


def people(report):
    """{name: eId} of the officers the document names."""
    result = {}
    for line in officers(report):
        result.setdefault(line.name, f"person_{len(result) + 1}")
    return result


def officers(report):
    """Every officer line of the document that names a person."""
    for section in report.sections:
        for line in walk_officer_lines(section):
            if line.name:
                yield line


def walk_officer_lines(section):
    for child in section.children:
        if isinstance(child, doc.Section):
            yield from walk_officer_lines(child)
        elif isinstance(child, doc.OfficerList):
            yield from child.lines


def references(report):
    """The TLC references: the secretariat and the organ, the officers and their roles, the States and
    organizations represented, the venue and the meeting; for a draft, the documents it belongs to."""
    yield A.TLCOrganization(
        eId="secretariat", href="/ontology/organization/un/secretariat", showAs="United Nations Secretariat"
    )
    yield A.TLCOrganization(
        eId="generalAssembly", href="/ontology/organization/un/generalAssembly", showAs=report.organ
    )
    roles = {}
    for line in officers(report):
        if line.role in ROLES:
            roles.setdefault(ROLES[line.role], line.label.rstrip(":") or ROLES[line.role])
    for name, eid in people(report).items():
        yield A.TLCPerson(eId=eid, href=ontology("person", name), showAs=name)
    for eid, label in roles.items():
        yield A.TLCRole(eId=eid, href=f"/ontology/role/un/{eid}", showAs=label)
    for name, eid in parties(report).items():
        yield A.TLCOrganization(eId=eid, href=ontology("organization", name), showAs=name)
    if report.venue:
        yield A.TLCLocation(eId="venue", href=ontology("location", report.venue), showAs=report.venue)
    if report.meeting_title:
        series = report.symbol.rsplit("/", 1)[0] if "/L." not in report.symbol else report.symbol.split("/L.")[0]
        yield A.TLCEvent(
            eId="meeting", href=f"/ontology/event/un/{series.replace('/', '-')}", showAs=report.meeting_title
        )
    if report.draft_of:
        yield A.TLCReference(
            eId="finalReport", name="draftOf", href=document_uri(report.draft_of), showAs=report.draft_of
        )
        if match := ADDENDUM.match(report.symbol):
            yield A.TLCReference(
                eId="draftReport", name="addendumTo", href=document_uri(match["base"]), showAs=match["base"]
            )


def document_uri(symbol):
    return f"/akn/un/debateReport/meetingReport/{symbol.replace('/', '-')}"


def parties(report):
    """{name: eId} of the States and organizations the document names, and of the officers' States."""
    names = list(report.represented) + [line.country for line in officers(report) if line.country]
    result = {}
    for name in names:
        if name and name not in result:
            result[name] = f"org_{len(result) + 1}"
    return result
