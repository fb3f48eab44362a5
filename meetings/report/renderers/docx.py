"""The report as a Word document that a secretariat can keep editing.

Chapters, sections and sub-sections use Word's own Heading 1–3 styles, so the navigation pane
and a contents field work; paragraph numbers and letters are the builder's, written as text.
"""

import io

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from meetings.report import document as doc
from meetings.report.renderers.base import filename_for

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HEADING_LEVELS = {doc.Section.CHAPTER: 1, doc.Section.ANNEX: 1, doc.Section.SECTION: 2, doc.Section.SUBSECTION: 3}
# UN documents indent the text of numbered paragraphs 1 cm, and lettered subparagraphs 2 cm.
TEXT_INDENT = Cm(1)
SUBPARAGRAPH_INDENT = Cm(2)


def render(report):
    word = Document()
    set_up_page_and_styles(word, report)
    write_masthead(word, report)
    if report.has_contents:
        write_contents(word, report)
    for section in report.sections:
        write_section(word, section)
    output = io.BytesIO()
    word.save(output)
    return filename_for(report.symbol, "docx"), CONTENT_TYPE, output.getvalue()


def set_up_page_and_styles(word, report):
    page = word.sections[0]
    page.page_height, page.page_width = Cm(29.7), Cm(21.0)
    page.top_margin = page.bottom_margin = Cm(2.5)
    page.left_margin = page.right_margin = Cm(2.5)
    page.start_type = WD_SECTION_START.NEW_PAGE
    normal = word.styles["Normal"]
    use_font(normal, "Times New Roman")
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 14), ("Subtitle", 12), ("Heading 1", 12), ("Heading 2", 10), ("Heading 3", 10)):
        style = word.styles[name]
        use_font(style, "Times New Roman")
        style.font.size = Pt(size)
        style.font.bold = name != "Subtitle"
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        # The default template underlines titles with a border; UN titles have none.
        border = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
        if border is not None:
            style.element.pPr.remove(border)
    # Word's document properties hold at most 255 characters; a long region and Congress title exceed it.
    word.core_properties.title = shortened(report.title)
    word.core_properties.identifier = shortened(report.symbol)
    word.core_properties.language = report.language

    # The first page carries the job number; the others the symbol at the head. All are numbered.
    page.different_first_page_header_footer = True
    page.header.paragraphs[0].text = report.symbol
    page.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for footer, job_number in ((page.first_page_footer, report.job_number), (page.footer, "")):
        paragraph = footer.paragraphs[0]
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(f"{job_number} (E)" if job_number else "")
        paragraph.add_run("\t")
        add_page_number_field(paragraph)


def use_font(style, name):
    """Sets the font for every script, dropping the template's theme fonts that would win over it."""
    style.font.name = name
    fonts = style.element.rPr.find(qn("w:rFonts"))
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), name)


def add_page_number_field(paragraph):
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def write_masthead(word, report):
    table = word.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = table.rows[0].cells
    organ = cells[0].paragraphs[0]
    organ.add_run("United Nations").bold = True
    cells[0].add_paragraph(report.organ)
    symbol = cells[1].paragraphs[0]
    symbol.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    symbol_run = symbol.add_run(report.symbol)
    symbol_run.bold = True
    symbol_run.font.size = Pt(14)
    distribution = table.rows[1].cells[1]
    distribution.paragraphs[0].text = f"Distr.: {report.distribution}"
    distribution.add_paragraph(report.issued)
    distribution.add_paragraph(f"Original: {report.original_language}")
    set_bottom_border(table.rows[1].cells)

    for index, line in enumerate(report.front_lines):
        paragraph = word.add_paragraph()
        paragraph.add_run(line).bold = index == 0
    title = word.add_paragraph(style="Title")
    title.add_run(report.title)
    if report.subtitle:
        word.add_paragraph(report.subtitle, style="Subtitle")


def set_bottom_border(cells):
    for cell in cells:
        borders = OxmlElement("w:tcBorders")
        bottom = OxmlElement("w:bottom")
        for name, value in (("w:val", "single"), ("w:sz", "12"), ("w:color", "000000")):
            bottom.set(qn(name), value)
        borders.append(bottom)
        cell._tc.get_or_add_tcPr().append(borders)


def write_contents(word, report):
    heading = word.add_paragraph()
    heading.add_run("Contents").bold = True
    for section, depth in report.contents():
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(depth * 1)
        paragraph.paragraph_format.space_after = Pt(2)
        label = f"{section.label}\t{section.title}" if section.level == doc.Section.ANNEX else section.heading
        paragraph.add_run(label)


def write_section(word, section):
    level = HEADING_LEVELS[section.level]
    if section.level == doc.Section.ANNEX:
        word.add_page_break()
        word.add_heading(section.label, level=level)
        word.add_heading(section.title, level=level)
    else:
        word.add_heading(section.heading, level=level)
    for child in section.children:
        if isinstance(child, doc.Section):
            write_section(word, child)
        else:
            write_block(word, child)


def add_inlines(paragraph, content):
    for inline in content:
        match inline:
            case doc.Emphasis():
                paragraph.add_run(inline.text).italic = True
            case doc.Symbol():
                paragraph.add_run(inline.symbol)
            case _:
                paragraph.add_run(inline.text)


def hanging(paragraph, indent):
    """Text indented by `indent`, its label hanging in the margin before a tab."""
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.first_line_indent = -TEXT_INDENT
    paragraph.paragraph_format.tab_stops.add_tab_stop(indent)


def write_block(word, block):
    match block:
        case doc.Paragraph():
            paragraph = word.add_paragraph()
            hanging(paragraph, TEXT_INDENT)
            paragraph.add_run(f"{block.number}.\t")
            add_inlines(paragraph, block.content)
        case doc.Subparagraph():
            paragraph = word.add_paragraph()
            hanging(paragraph, SUBPARAGRAPH_INDENT)
            paragraph.add_run(f"{block.label}\t")
            add_inlines(paragraph, block.content)
        case doc.Subheading():
            paragraph = word.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run(block.text).italic = True
        case doc.Line():
            paragraph = word.add_paragraph()
            paragraph.paragraph_format.left_indent = TEXT_INDENT
            paragraph.paragraph_format.space_after = Pt(0)
            add_inlines(paragraph, block.content)
        case doc.OfficerList():
            for line in block.lines:
                paragraph = word.add_paragraph()
                paragraph.paragraph_format.left_indent = TEXT_INDENT
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(4))
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.add_run(line.label).italic = True
                paragraph.add_run(f"\t{line.officer}")
        case doc.AgendaList():
            for item in block.items:
                paragraph = word.add_paragraph()
                hanging(paragraph, Cm(2))
                paragraph.add_run(f"{item.label}\t{item.text}")
                for sub in item.sub_items:
                    paragraph = word.add_paragraph()
                    hanging(paragraph, Cm(3))
                    paragraph.add_run(f"{sub.label}\t{sub.text}")
        case doc.Table():
            table = word.add_table(rows=1, cols=len(block.columns))
            table.style = "Table Grid"
            for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
                cell.paragraphs[0].add_run(column).italic = True
            for row in block.rows:
                cells = table.add_row().cells
                for cell, content in zip(cells, row, strict=True):
                    add_inlines(cell.paragraphs[0], content)
        case _:
            raise TypeError(f"No Word form for {type(block).__name__}")


def shortened(text, limit=255):
    return text if len(text) <= limit else text[: limit - 1] + "…"
