"""The report as a Word document that a secretariat can keep editing.

Every paragraph has a named style in the naming of the UN's "G" Word templates (SingleTxtG for the
text, HChG, H1G, H23G and H4G for the headings, HMG for the title), so attaching the UN template
restyles the whole document; headings carry outline levels, so the navigation pane and the contents
field work. Paragraph numbers and letters are the builder's, written as text. The masthead is the
UN's two-tier one, the running heads alternate between even and odd pages, the first page's footer
has the job number, date stamp and barcode, and every document symbol links to undocs.org.
"""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from report import document as doc
from report.renderers.base import filename_for
from report.renderers.docx_languages import apply_language
from report.renderers.docx_page import (
    add_field,
    set_border,
    set_properties,
    set_up_page,
    set_up_styles,
    write_masthead,
    write_running_heads,
)
from report.typography import with_no_break_spaces

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

HEADING_STYLES = {doc.Section.CHAPTER: "HChG", doc.Section.ANNEX: "HChG", doc.Section.SECTION: "H1G"}
HEADING_STYLES[doc.Section.SUBSECTION] = "H23G"
LISTS = (doc.Subparagraph, doc.OfficerList, doc.AgendaList)


def render(report):
    report = with_no_break_spaces(report)
    word = Document()
    set_up_page(word, report)
    set_up_styles(word, report)
    set_properties(word, report)
    write_running_heads(word, report)
    # The template's empty first paragraph would stand above the masthead.
    body = word.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    write_masthead(word, report)
    if report.has_contents:
        write_contents(word, report)
    for index, section in enumerate(report.sections):
        # The contents stand on the first page alone; the annex begins on a page of its own.
        write_section(word, section, page_break=report.has_contents and index == 0)
    apply_language(word, report)
    output = io.BytesIO()
    word.save(output)
    return filename_for(report.symbol, "docx"), CONTENT_TYPE, output.getvalue()


# Contents ----------------------------------------------------------------------------------


def write_contents(word, report):
    """A real contents field (TOC), its entries written as its last result so the file reads at once;
    Word updates its page numbers when the file is opened."""
    word.add_paragraph(report.contents_heading, style="ContentsHeadingG")
    word.add_paragraph(report.page_heading, style="ContentsPageG")
    entries = list(report.contents())
    for index, (section, depth) in enumerate(entries):
        paragraph = word.add_paragraph(style=f"TOC {depth + 1}")
        if index == 0:
            add_field_start(paragraph, 'TOC \\o "1-2" \\h \\z \\u')
        if section.level == doc.Section.ANNEX:
            paragraph.add_run(f"{section.label}: {section.title}")
        elif section.label:
            paragraph.add_run(f"{section.label}\t{section.title}")
        else:
            paragraph.add_run(section.title)
        paragraph.add_run("\t")
        # The entry's page number: a PAGEREF to the bookmark on its heading, as Word's own contents have.
        add_field(paragraph, f"PAGEREF {bookmark_name(section)} \\h", "")
        if index == len(entries) - 1:
            end = OxmlElement("w:fldChar")
            end.set(qn("w:fldCharType"), "end")
            paragraph.add_run()._r.append(end)


def bookmark_name(section):
    return f"_Toc_{section.anchor.replace('-', '_')}"[:40]


def add_bookmark(paragraph, name, number):
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def add_field_start(paragraph, instruction):
    for kind, text in (("begin", None), (None, instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


# Body --------------------------------------------------------------------------------------


def write_section(word, section, page_break=False):
    style = HEADING_STYLES[section.level]
    if section.level == doc.Section.ANNEX:
        heading = word.add_paragraph(section.label, style=style)
        page_break = True
        title = word.add_paragraph(section.title, style=style)
        body_text_level(title)  # the contents lists the annex once, by its label
    elif section.label:
        heading = title = word.add_paragraph(f"{section.label}\t{section.title}", style=style)
    else:
        heading = title = word.add_paragraph(section.title, style=style)
    heading.paragraph_format.page_break_before = page_break or None
    if section.anchor:
        # Numbered within the file, from 1: the same report gives the same file, whatever was rendered before.
        number = len(word.element.body.findall(f".//{qn('w:bookmarkStart')}")) + 1
        add_bookmark(heading, bookmark_name(section), number)
    if not section.children:
        # A heading with nothing under it (a delegation without names) must not pull the next one along.
        title.paragraph_format.keep_with_next = False
    for index, child in enumerate(section.children):
        if isinstance(child, doc.Section):
            write_section(word, child)
            continue
        last = write_block(word, child)
        following = section.children[index + 1] if index + 1 < len(section.children) else None
        if isinstance(child, doc.Paragraph) and isinstance(following, LISTS):
            last.paragraph_format.keep_with_next = True  # a lead-in stays with its list


def body_text_level(paragraph):
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "9")
    paragraph._p.get_or_add_pPr().append(level)


def add_inlines(paragraph, content):
    for inline in content:
        match inline:
            case doc.Emphasis():
                paragraph.add_run(inline.text).italic = True
            case doc.Symbol():
                add_hyperlink(paragraph, inline.symbol, inline.url)
            case doc.Untranslated():
                paragraph.add_run(inline.text).font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            case _:
                paragraph.add_run(inline.text)


def add_body(paragraph, block):
    """A paragraph's text; on a draft part the room amended, its agreed amendments as Word's tracked changes."""
    if block.changes:
        add_changes(paragraph, block.changes)
    else:
        add_inlines(paragraph, block.content)


def add_changes(paragraph, changes):
    """Runs kept as they are, inserted (w:ins) or deleted (w:del), each change by the delegation that proposed
    it (w:author) when it was agreed (w:date): Word and LibreOffice show them as revisions to accept or reject.
    Each run keeps its setting: italics, or a document symbol linked as elsewhere (the revision inside the link)."""
    for change in changes:
        if change.state == "kept" and not change.symbol:
            paragraph.add_run(change.text).italic = change.emphasis or None
            continue
        container = paragraph._p
        if change.symbol:
            relationship = paragraph.part.relate_to(
                doc.Symbol(change.symbol).url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
            )
            container = OxmlElement("w:hyperlink")
            container.set(qn("r:id"), relationship)
            paragraph._p.append(container)
        deleted = change.state == "deleted"
        run = OxmlElement("w:r")
        if change.emphasis:
            properties = OxmlElement("w:rPr")
            properties.append(OxmlElement("w:i"))
            run.append(properties)
        text = OxmlElement("w:delText" if deleted else "w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = change.text
        run.append(text)
        if change.state == "kept":
            container.append(run)
            continue
        revision = OxmlElement("w:del" if deleted else "w:ins")
        revision.set(qn("w:id"), str(next_revision_id(paragraph)))
        revision.set(qn("w:author"), change.author)
        if change.date:
            revision.set(qn("w:date"), change.date)
        revision.append(run)
        container.append(revision)


def next_revision_id(paragraph):
    """A revision's id, unique in the document (Word requires it)."""
    document = paragraph.part
    document._rapporteur_revisions = getattr(document, "_rapporteur_revisions", 0) + 1
    return document._rapporteur_revisions


def add_hyperlink(paragraph, text, url):
    """A link to the Official Document System, set like the text around it, as UN documents print it."""
    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def write_block(word, block):
    """Writes a block; returns its last paragraph."""
    match block:
        case doc.Paragraph():
            paragraph = word.add_paragraph(style="SingleTxtG")
            paragraph.add_run(f"{block.label}\t")
            add_body(paragraph, block)
        case doc.Subparagraph():
            paragraph = word.add_paragraph(style="SubparaG")
            paragraph.add_run(f"{block.label}\t")
            add_body(paragraph, block)
        case doc.Subheading():
            paragraph = word.add_paragraph(block.text, style="H4G")
        case doc.Line():
            paragraph = word.add_paragraph(style="LineG")
            add_inlines(paragraph, block.content)
        case doc.OfficerList():
            for line in block.lines:
                paragraph = word.add_paragraph(style="OfficerG")
                paragraph.add_run(line.label).italic = True
                paragraph.add_run(f"\t{line.officer}")
            paragraph.paragraph_format.space_after = Pt(6)
        case doc.AgendaList():
            for item in block.items:
                paragraph = word.add_paragraph(f"{item.label}\t{item.text}", style="AgendaItemG")
                for sub in item.sub_items:
                    paragraph = word.add_paragraph(f"{sub.label}\t{sub.text}", style="AgendaSubItemG")
            paragraph.paragraph_format.space_after = Pt(6)
        case doc.Table():
            return write_table(word, block)
        case _:
            raise TypeError(f"No Word form for {type(block).__name__}")
    return paragraph


def write_table(word, block):
    """UN table rules: a thin rule over the column headings, a thick one under them and under the last row."""
    table = word.add_table(rows=1, cols=len(block.columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        cell.paragraphs[0].style = "TableHeadG"
        cell.paragraphs[0].add_run(column)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, content in zip(cells, row, strict=True):
            cell.paragraphs[0].style = "TableTextG"
            add_inlines(cell.paragraphs[0], content)
    set_border(table.rows[0].cells, "top", 4)
    set_border(table.rows[0].cells, "bottom", 12)
    set_border(table.rows[-1].cells, "bottom", 12)
    header = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    return table.rows[-1].cells[-1].paragraphs[-1]
