"""The report as Akoma Ntoso 3.0 XML, marked up as AKN4UN marks up a meeting report.

`<debateReport name="meetingReport">`: the masthead in `<preface>`, chapters, sections and
numbered paragraphs (eId="para_N") in `<mainBody>`, the annex as an attachment. The chapter
"Conclusions and recommendations" is a chapter like the others, not `<conclusions>`.
"""

from lxml import etree
from lxml.builder import ElementMaker

from meetings.report import document as doc
from meetings.report.renderers.base import filename_for

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = ElementMaker(namespace=NAMESPACE, nsmap={None: NAMESPACE})
ELEMENTS = {doc.Section.CHAPTER: "chapter", doc.Section.SECTION: "section", doc.Section.SUBSECTION: "subsection"}
EID_PREFIXES = {doc.Section.CHAPTER: "chp", doc.Section.SECTION: "sec", doc.Section.SUBSECTION: "subsec"}
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "ru": "rus", "zh": "zho"}
OFFICIAL_DOCUMENTS = "https://undocs.org/{}"


def render(report):
    root = A.akomaNtoso(document_element(report))
    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return filename_for(report.symbol, "xml"), "application/akn+xml", content


def document_element(report):
    parts = [meta(report, "main"), preface(report), A.mainBody(*main_body(report))]
    if report.annexes:
        parts.append(A.attachments(*(attachment(report, annex, n) for n, annex in enumerate(report.annexes, start=1))))
    return A.debateReport(*parts, name="meetingReport")


def work_uri(report):
    return f"/akn/un/debateReport/meetingReport/{report.issued_on.isoformat()}/{report.symbol.replace('/', '-')}"


def meta(report, component):
    work = work_uri(report)
    language = LANGUAGES.get(report.language, "eng")
    expression = f"{work}/{language}@"
    date = report.issued_on.isoformat()

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
    return A.meta(
        identification,
        A.references(
            A.TLCOrganization(
                eId="secretariat", href="/ontology/organization/un/secretariat", showAs="United Nations Secretariat"
            ),
            A.TLCOrganization(
                eId="generalAssembly", href="/ontology/organization/un/generalAssembly", showAs=report.organ
            ),
            source="#secretariat",
        ),
    )


def preface(report):
    lines = [
        A.p(A.organization("United Nations", refersTo="#secretariat"), " ", report.organ, **{"class": "organ"}),
        A.p(A.docNumber(report.symbol), **{"class": "symbol"}),
        A.p("Distr.: ", A.docStatus(report.distribution), **{"class": "distribution"}),
        A.p(A.docDate(report.issued, date=report.issued_on.isoformat()), **{"class": "date"}),
        A.p(f"Original: {report.original_language}", **{"class": "language"}),
    ]
    lines.extend(A.p(line, **{"class": "frontLine"}) for line in report.front_lines)
    lines.append(A.longTitle(A.p(A.docTitle(report.title))))
    if report.subtitle:
        lines.append(A.p(report.subtitle, **{"class": "subtitle"}))
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


def walk_eids(sections, parent):
    for index, section in enumerate(sections, start=1):
        number = section.label.rstrip(".") or str(index)
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
            number = child.label.rstrip(".") or str(index["sub"])
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
    eid = f"para_{paragraph.number}"
    element = A.paragraph(A.num(f"{paragraph.number}."), eId=eid)
    recommendations = [f for f in followers if isinstance(f, doc.Subparagraph)]
    if recommendations:
        # A paragraph that introduces lettered recommendations: intro, then one point each.
        element.append(A.intro(inline_p(paragraph.content)))
        for recommendation in recommendations:
            letter = recommendation.label.strip("()")
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
    if not line.label:
        return A.p(line.officer)
    return A.p(A.i(line.label), f" {line.officer}")


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


def inline_p(content):
    p = A.p()
    for inline in content:
        match inline:
            case doc.Emphasis():
                p.append(A.i(inline.text))
            case doc.Symbol():
                p.append(A.ref(inline.symbol, href=OFFICIAL_DOCUMENTS.format(inline.symbol)))
            case _:
                if len(p):
                    p[-1].tail = (p[-1].tail or "") + inline.text
                else:
                    p.text = (p.text or "") + inline.text
    return p


def attachment(report, annex, number):
    # An annex holds tables (the list of documents); anything else has no place in it yet.
    body = [table(block, f"att_{number}__table_{n}") for n, block in enumerate(annex.children, start=1)]
    return A.attachment(
        A.doc(
            meta(report, f"annex_{number}"),
            A.preface(A.p(annex.label, **{"class": "annexNumber"}), A.longTitle(A.p(A.docTitle(annex.title)))),
            A.mainBody(*body),
            name="annex",
        ),
        eId=f"att_{number}",
    )
