"""The report as Akoma Ntoso 3.0 XML, marked up as AKN4UN marks up a meeting report.

`<debateReport name="meetingReport">`: the masthead in `<preface>`, chapters, sections and
numbered paragraphs (eId="para_N") in `<mainBody>`, the annex as an attachment. The chapter
"Conclusions and recommendations" is a chapter like the others, not `<conclusions>`.
"""

import re
from contextvars import ContextVar
from functools import cache

from lxml import etree

from report import document as doc
from report.renderers.akoma_ntoso_meta import (
    NAMESPACE,
    ROLES,
    A,
    identifier_date,
    meta,
    parties,
    people,
)
from report.renderers.base import filename_for
from report.typography import with_no_break_spaces

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(\d{{1,2}})[ \u00a0]({MONTHS})[ \u00a0](\d{{4}})\b")
# The officers and the States and organizations of the document being rendered, {name: eId} each,
# for inline <person> and <organization>.
REGISTER = ContextVar("register", default=None)
MONTH_NUMBERS = {month: number for number, month in enumerate(MONTHS.split("|"), start=1)}
ELEMENTS = {doc.Section.CHAPTER: "chapter", doc.Section.SECTION: "section", doc.Section.SUBSECTION: "subsection"}
EID_PREFIXES = {doc.Section.CHAPTER: "chp", doc.Section.SECTION: "sec", doc.Section.SUBSECTION: "subsec"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(report):
    report = with_no_break_spaces(report)
    token = REGISTER.set({"people": people(report), "parties": parties(report)})
    try:
        root = A.akomaNtoso(document_element(report))
    finally:
        REGISTER.reset(token)
    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return filename_for(report.symbol, "xml"), "application/akn+xml", content


def document_element(report):
    parts = [meta(report, "main"), preface(report), A.mainBody(*main_body(report))]
    if report.annexes:
        parts.append(A.attachments(*(attachment(report, annex, n) for n, annex in enumerate(report.annexes, start=1))))
    # The document element takes no xml:lang in AKN 3.0; its preface and body carry the version's language.
    for part in parts[1:]:
        if part.tag != f"{{{NAMESPACE}}}attachments":
            part.set(XML_LANG, report.language)
    return A.debateReport(*parts, name="meetingReport")


def preface(report):
    date = identifier_date(report)
    lines = [
        A.p(
            A.organization(report.organization_name, refersTo="#secretariat"),
            " ",
            A.docProponent(report.organ, refersTo="#generalAssembly"),
            **{"class": "organ"},
        ),
        A.p(A.docNumber(report.symbol), **{"class": "symbol"}),
        A.p(f"{report.distribution_label} ", A.docStatus(report.distribution), **{"class": "distribution"}),
        A.p(A.docDate(report.issued, date=date), **{"class": "date"})
        if report.issued_on
        else A.p(report.issued, **{"class": "date"}),
    ]
    if report.language_line:
        lines.append(A.p(report.language_line, **{"class": "version"}))
    lines.append(A.p(f"{report.original_label} {report.original_language}", **{"class": "language"}))
    lines.extend(A.p(line, **{"class": "frontLine"}) for line in report.front_lines)
    lines.append(A.longTitle(A.p(A.docTitle(report.title))))
    if report.subtitle:
        lines.append(A.p(report.subtitle, **{"class": "subtitle"}))
    if report.status:
        lines.append(A.p(A.docStage(report.status), **{"class": "stage"}))
    if report.rapporteur_line:
        lines.append(A.p(report.rapporteur_line, **{"class": "rapporteur"}))
    if report.has_contents:
        lines.append(
            A.toc(
                *(
                    A.tocItem(contents_label(section), href=f"#{eid_of(report, section)}", level=str(depth + 1))
                    for section, depth in report.contents()
                )
            )
        )
    return A.preface(*lines)


def contents_label(section):
    return f"{section.label} {section.title}" if section.level == doc.Section.ANNEX else section.heading


def eid_of(report, wanted):
    """The eId a section gets in main_body(), for the contents list."""
    for index, annex in enumerate(report.annexes, start=1):
        if annex is wanted:
            return f"att_{index}"
    for chapter_eid, section in walk_eids(report.chapters, ""):
        if section is wanted:
            return chapter_eid
    raise ValueError(wanted.heading)


def eid_number(section, index):
    """The same eId in every language: chapters by Roman numeral, lettered sections by Latin letter."""
    if section.level == doc.Section.CHAPTER:
        return ROMAN[index - 1] if index <= len(ROMAN) else str(index)
    if section.level == doc.Section.SECTION and section.label:
        return chr(ord("A") + index - 1)
    return str(index)


def walk_eids(sections, parent):
    for index, section in enumerate(sections, start=1):
        number = eid_number(section, index)
        eid = f"{parent}{EID_PREFIXES[section.level]}_{number}"
        yield eid, section
        yield from walk_eids(section.sections(), f"{eid}__")


def main_body(report):
    return [
        section_element(section, eid)
        for eid, section in walk_eids(report.chapters, "")
        if section.level == doc.Section.CHAPTER
    ]


def section_element(section, eid):
    children = [A.num(section.label)] if section.label else []
    children.append(A.heading(section.title))
    index = {"sub": 0, "heading": 0}
    pending = None  # the paragraph that absorbs the lists, recommendations and tables after it
    for child in section.children:
        if isinstance(child, doc.Paragraph):
            pending = [child]
            children.append(pending)
        elif isinstance(child, doc.Section):
            pending = None
            index["sub"] += 1
            number = eid_number(child, index["sub"])
            children.append(section_element(child, f"{eid}__{EID_PREFIXES[child.level]}_{number}"))
        elif isinstance(child, doc.Subheading):
            pending = None
            index["heading"] += 1
            children.append(A.crossHeading(child.text, eId=f"{eid}__crossHeading_{index['heading']}"))
        elif isinstance(child, doc.Line):
            # Lines make a list of participants, which AKN4UN does not mark up as a debate report.
            raise TypeError(f"No Akoma Ntoso form for the lines of a list of participants ({section.heading})")
        elif pending is not None:
            pending.append(child)
        else:
            raise ValueError(f"{type(child).__name__} outside a paragraph in {section.heading}")
    element = getattr(A, ELEMENTS[section.level])(eId=eid)
    for child in children:
        element.append(paragraph_element(*child) if isinstance(child, list) else child)
    return element


def paragraph_element(paragraph, *followers):
    eid = f"para_{paragraph.number}" + (f"-{doc.bis_anchor(paragraph.bis)}" if paragraph.bis else "")
    element = A.paragraph(A.num(paragraph.label), eId=eid)
    recommendations = [f for f in followers if isinstance(f, doc.Subparagraph)]
    if recommendations:
        # A paragraph that introduces lettered recommendations: intro, then one point each.
        element.append(A.intro(inline_p(paragraph.content)))
        for number, recommendation in enumerate(recommendations):
            letter = recommendation.key(number)
            element.append(
                A.point(
                    A.num(recommendation.label),
                    A.content(inline_p(recommendation.content)),
                    eId=f"{eid}__point_{letter}",
                )
            )
        return element
    content = A.content(inline_p(paragraph.content))
    for number, block in enumerate(followers, start=1):
        content.append(block_element(block, f"{eid}__list_{number}"))
    element.append(content)
    return element


def block_element(block, eid):
    match block:
        case doc.OfficerList():
            return A.blockList(
                *(A.item(officer_line(line), eId=f"{eid}__item_{n}") for n, line in enumerate(block.lines, start=1)),
                eId=eid,
            )
        case doc.AgendaList():
            return agenda_list(block.items, eid)
        case doc.Table():
            return table(block, eid)
    raise TypeError(f"No Akoma Ntoso form for {type(block).__name__} after a paragraph")


def officer_line(line):
    """ "<role>Chair:</role> <person>Name</person> (<organization>Kuwait</organization>)"."""
    p = A.p()
    role = f"#{ROLES[line.role]}" if line.role in ROLES else None
    if line.label:
        p.append(A.role(line.label, refersTo=role) if role else A.i(line.label))
    if not line.name:
        append_text(p, f" {line.officer}" if line.label else line.officer)
        return p
    if line.label:
        append_text(p, " ")
    register = REGISTER.get() or {"people": {}, "parties": {}}
    p.append(A.person(line.name, refersTo=f"#{register['people'][line.name]}", **{"as": role or "#officer"}))
    if line.country:
        append_text(p, " (")
        p.append(A.organization(line.country, refersTo=f"#{register['parties'][line.country]}"))
        append_text(p, ")")
    return p


def append_text(p, text):
    if len(p):
        p[-1].tail = (p[-1].tail or "") + text
    else:
        p.text = (p.text or "") + text


def agenda_list(entries, eid):
    items = []
    for n, entry in enumerate(entries, start=1):
        item_eid = f"{eid}__item_{n}"
        item = A.item(A.num(entry.label), A.p(entry.text), eId=item_eid)
        if entry.sub_items:
            item.append(agenda_list(entry.sub_items, f"{item_eid}__list_1"))
        items.append(item)
    return A.blockList(*items, eId=eid)


def table(block, eid):
    return A.table(
        A.tr(*(A.th(A.p(column)) for column in block.columns)),
        *(A.tr(*(A.td(inline_p(cell)) for cell in row)) for row in block.rows),
        eId=eid,
    )


def inline_p(content, names=None):
    """A <p> of inlines; in its text, the States and organizations named in the references become
    <organization> and the dates <date>."""
    p = A.p()
    for inline in content:
        match inline:
            case doc.Emphasis():
                p.append(A.i(inline.text))
            case doc.Symbol():
                p.append(A.ref(inline.symbol, href=inline.url))
            case doc.Untranslated():
                p.append(A.span(inline.text, **{"class": "untranslated"}))
            case _:
                append_marked_text(
                    p, inline.text, (REGISTER.get() or {}).get("parties", {}) if names is None else names
                )
    return p


@cache
def names_pattern(names):
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)|{DATE.pattern}") if names else DATE


def append_marked_text(p, text, names):
    position = 0
    for match in names_pattern(tuple(names)).finditer(text):
        append_text(p, text[position : match.start()])
        if match[0] in names:
            p.append(A.organization(match[0], refersTo=f"#{names[match[0]]}"))
        else:
            day, month, year = DATE.fullmatch(match[0]).groups()
            iso = f"{year}-{MONTH_NUMBERS[month]:02d}-{int(day):02d}"
            p.append(A.date(match[0], date=iso))
        position = match.end()
    append_text(p, text[position:])


def attachment(report, annex, number):
    # An annex holds tables (the list of documents); anything else has no place in it yet.
    body = [table(block, f"att_{number}__table_{n}") for n, block in enumerate(annex.children, start=1)]
    return A.attachment(
        A.doc(
            meta(report, f"annex_{number}"),
            A.preface(A.p(annex.label, **{"class": "annexNumber"}), A.longTitle(A.p(A.docTitle(annex.title)))),
            A.mainBody(*body, **{XML_LANG: report.language}),
            name="annex",
        ),
        eId=f"att_{number}",
    )
