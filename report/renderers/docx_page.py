"""The Word file's page: its size and margins, the UN "G" styles, the document properties, the running heads
and first-page footer with their fields, and the two-tier masthead (report/renderers/docx.py writes the body)."""

import datetime
import io

from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from report.renderers import marks

FONT = "Times New Roman"
# Word's language tags for the versions; UN English is British English.
WORD_LANGUAGES = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "ru": "ru-RU", "zh": "zh-CN"}
# The frame is 17 cm wide (2 cm page margins); the text column runs 2 cm inside it on either side.
COLUMN = Cm(2)
FRAME_WIDTH = Cm(17)
# (name, based on, size in pt, bold, italic, left indent, first-line indent, space before, after, outline level)
STYLES = (
    ("SingleTxtG", None, 10, False, False, COLUMN, 0, 0, 6, None),
    ("SubparaG", "SingleTxtG", 10, False, False, Cm(4), -Cm(1), 0, 6, None),
    ("AgendaItemG", "SingleTxtG", 10, False, False, Cm(4), -Cm(1), 0, 3, None),
    ("AgendaSubItemG", "SingleTxtG", 10, False, False, Cm(5), -Cm(1), 0, 3, None),
    ("OfficerG", "SingleTxtG", 10, False, False, Cm(3), 0, 0, 0, None),
    ("LineG", "SingleTxtG", 10, False, False, Cm(3), 0, 0, 0, None),
    ("FrontLineG", "SingleTxtG", 10, False, False, COLUMN, 0, 0, 0, None),
    ("HMG", None, 14, True, False, COLUMN, 0, 18, 12, None),
    ("AddendumG", "HMG", 12, True, False, COLUMN, 0, 0, 12, None),
    ("HChG", None, 14, True, False, COLUMN, -COLUMN, 18, 12, 0),
    ("H1G", "HChG", 12, True, False, COLUMN, -COLUMN, 18, 12, 1),
    ("H23G", "HChG", 10, True, False, COLUMN, -COLUMN, 12, 6, 2),
    ("H4G", "HChG", 10, False, True, COLUMN, -COLUMN, 12, 6, None),
    ("ContentsHeadingG", "HChG", 14, True, False, 0, 0, 0, 6, None),
    ("ContentsPageG", "SingleTxtG", 8, False, True, 0, 0, 0, 3, None),
    ("TableTextG", None, 9, False, False, 0, 0, 3, 3, None),
    ("TableHeadG", "TableTextG", 8, False, True, 0, 0, 3, 3, None),
    ("MastheadG", None, 10, False, False, 0, 0, 0, 0, None),
    ("HeaderG", None, 9, True, False, 0, 0, 0, 0, None),
    ("FooterG", None, 8, True, False, 0, 0, 0, 0, None),
)
# Not justified: headings, front lines, title, agenda, officers, contents and tables.
RAGGED = {"HMG", "AddendumG", "HChG", "H1G", "H23G", "H4G", "AgendaItemG", "AgendaSubItemG", "OfficerG", "LineG"}
RAGGED |= {"FrontLineG", "ContentsHeadingG", "TableTextG", "TableHeadG", "MastheadG", "HeaderG", "FooterG"}


# Page, styles and properties ---------------------------------------------------------------


def set_up_page(word, report):
    page = word.sections[0]
    page.page_height, page.page_width = Cm(29.7), Cm(21.0)
    page.top_margin, page.bottom_margin = Cm(2.5), Cm(2.3)
    page.left_margin = page.right_margin = Cm(2)
    page.header_distance, page.footer_distance = Cm(1.3), Cm(1.0)
    page.start_type = WD_SECTION_START.NEW_PAGE
    page.different_first_page_header_footer = True
    word.settings.odd_and_even_pages_header_footer = True
    # Word brings the contents field up to date when the file is opened.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    word.settings.element.append(update)


def set_up_styles(word, report):
    language = WORD_LANGUAGES.get(report.language, report.language)
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    run_defaults.find(qn("w:lang")).set(qn("w:val"), language)
    fonts = run_defaults.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    paragraph_defaults = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    paragraph_defaults.find(qn("w:spacing")).attrib.update({qn("w:after"): "0", qn("w:line"): "240"})
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)

    for name, base, size, bold, italic, left, first_line, before, after, outline in STYLES:
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles[base] if base else normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.left_indent = left
        fmt.first_line_indent = first_line
        fmt.right_indent = COLUMN if left else 0
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if name in ("MastheadG", "FooterG"):
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE  # they hold the emblem, the organ and the barcode
        else:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(max(12, size + 1))
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT if name in RAGGED else WD_ALIGN_PARAGRAPH.JUSTIFY
        if name.startswith("H") and name not in ("HeaderG",):
            fmt.keep_with_next = True
            fmt.keep_together = True
        if outline is not None:
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(outline))
            style.element.get_or_add_pPr().append(level)
    # Numbered paragraphs: the text starts 1 cm after the number; subparagraphs and agenda items hang.
    word.styles["SingleTxtG"].paragraph_format.tab_stops.add_tab_stop(Cm(3))
    for name, tab in (("SubparaG", Cm(4)), ("AgendaItemG", Cm(4)), ("AgendaSubItemG", Cm(5)), ("OfficerG", Cm(6))):
        word.styles[name].paragraph_format.tab_stops.add_tab_stop(tab)
    for name in ("HChG", "H1G", "H23G", "H4G"):
        word.styles[name].paragraph_format.tab_stops.add_tab_stop(COLUMN)
    word.styles["ContentsPageG"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for level, indent in ((1, 0), (2, Cm(1))):
        name = f"TOC {level}"
        toc = word.styles[name] if name in word.styles else word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.paragraph_format.left_indent = indent + COLUMN
        toc.paragraph_format.first_line_indent = -COLUMN if level == 1 else -Cm(1)
        toc.paragraph_format.right_indent = Cm(1)
        toc.paragraph_format.space_after = Pt(4)
        toc.paragraph_format.tab_stops.add_tab_stop(indent + COLUMN)
        toc.paragraph_format.tab_stops.add_tab_stop(FRAME_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def set_properties(word, report):
    properties = word.core_properties
    # Word's document properties hold at most 255 characters; a long region and Congress title exceed it.
    properties.title = shortened(report.title)
    properties.subject = shortened(report.symbol)
    properties.identifier = shortened(report.symbol)
    properties.keywords = shortened(report.symbol)
    properties.language = WORD_LANGUAGES.get(report.language, report.language)
    properties.author = properties.last_modified_by = "United Nations"
    properties.comments = ""
    properties.category = ""
    properties.revision = 1
    day = report.identifier_date or datetime.date(2000, 1, 1)
    properties.created = properties.modified = datetime.datetime(day.year, day.month, day.day)


# Running heads and footers -----------------------------------------------------------------


def write_running_heads(word, report):
    page = word.sections[0]
    # The symbol and "2/16" stand at the outer edge of the page, the job number at the inner one. Even pages:
    # the symbol at the left, "2/16" at the left of the foot and the job number at the right; odd pages the
    # other way. A right-to-left document is bound on the right, so its even pages are the mirror image.
    rtl = report.direction == "rtl"
    left, right = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
    header_line(page.even_page_header.paragraphs[0], report.symbol, right if rtl else left)
    header_line(page.header.paragraphs[0], report.symbol, left if rtl else right)
    header_line(page.first_page_header.paragraphs[0], "", WD_ALIGN_PARAGRAPH.LEFT)
    for footer, number_outside_left in ((page.even_page_footer, not rtl), (page.footer, rtl)):
        line = footer_paragraph(footer.paragraphs[0])
        if number_outside_left:
            add_page_of_pages(line)
            line.add_run(f"\t{report.job_number}")
        else:
            line.add_run(f"{report.job_number}\t")
            add_page_of_pages(line)

    first = footer_paragraph(page.first_page_footer.paragraphs[0])
    if report.job_number:
        first.add_run(report.job_number_with_language)
        if stamp := marks.date_stamp(report):
            first.add_run(f"\u2003{stamp}").bold = False
        barcode = marks.barcode_png(report)
        line = page.first_page_footer.add_paragraph(style="FooterG")
        line.add_run().add_picture(io.BytesIO(barcode), height=Cm(1.0))


def header_line(paragraph, text, alignment):
    paragraph.style = "HeaderG"
    paragraph.alignment = alignment
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        paragraph.add_run(text)


def footer_paragraph(paragraph):
    paragraph.style = "FooterG"
    paragraph.paragraph_format.tab_stops.add_tab_stop(FRAME_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    return paragraph


def add_page_of_pages(paragraph):
    """ "2/16": the PAGE and NUMPAGES fields."""
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run("/")
    add_field(paragraph, "NUMPAGES", "1")


def add_field(paragraph, instruction, cached):
    """A simple field as Word writes it: begin, instruction, separate, cached result, end."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, cached), ("end", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin" and instruction.startswith("TOC"):
                element.set(qn("w:dirty"), "true")
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


# Masthead ----------------------------------------------------------------------------------


def write_masthead(word, report):
    """Two tiers, as in the UN templates: "United Nations" and the symbol over a thin rule; the emblem,
    the organ and the distribution block over a thick one."""
    table = word.add_table(rows=2, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths = (Cm(2.9), Cm(8.7), Cm(5.4))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    top = table.rows[0].cells
    symbol_cell = top[1].merge(top[2])  # a long symbol (…/L.2/Add.1) stays on one line
    symbol_cell.width = widths[1] + widths[2]
    masthead_text(top[0].paragraphs[0], report.organization_name, bold=True)
    symbol = masthead_text(symbol_cell.paragraphs[0], report.symbol, bold=True, size=14)
    # At the outer edge: the right in English; in Arabic, whose masthead table is mirrored, the left (the
    # masthead's Latin lines are left-to-right paragraphs, so their alignment is physical).
    symbol.alignment = WD_ALIGN_PARAGRAPH.LEFT if report.direction == "rtl" else WD_ALIGN_PARAGRAPH.RIGHT
    cells = table.rows[1].cells
    emblem = cells[0].paragraphs[0]
    emblem.style = "MastheadG"
    emblem.add_run().add_picture(marks.emblem_path("png"), height=Cm(1.8))
    masthead_text(cells[1].paragraphs[0], report.organ, bold=True, size=24)
    distribution = cells[2].paragraphs[0]
    masthead_text(distribution, f"{report.distribution_label} {report.distribution}")
    issued = masthead_text(cells[2].add_paragraph(), report.issued)
    issued.runs[0].italic = not report.issued_on
    issued.paragraph_format.space_after = Pt(10)
    if report.language_line:
        masthead_text(cells[2].add_paragraph(), report.language_line)
    masthead_text(cells[2].add_paragraph(), f"{report.original_label} {report.original_language}")
    set_border(table.rows[0].cells, "bottom", 6)
    set_border(table.rows[1].cells, "bottom", 18)
    for cell in table.rows[1].cells:
        vertical_center(cell)

    front = [(line, index == 0) for index, line in enumerate(report.front_lines)]
    for index, (line, bold) in enumerate(front):
        paragraph = word.add_paragraph(style="FrontLineG")
        paragraph.add_run(line).bold = bold
        if index == 0:
            paragraph.paragraph_format.space_before = Pt(18)
    title = word.add_paragraph(style="HMG")
    title.add_run(report.title)
    if report.subtitle:
        word.add_paragraph(report.subtitle, style="AddendumG")
    if report.rapporteur_line:
        word.add_paragraph(report.rapporteur_line, style="FrontLineG").paragraph_format.space_after = Pt(12)


def masthead_text(paragraph, text, bold=False, size=10):
    paragraph.style = "MastheadG"
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return paragraph


def vertical_center(cell):
    alignment = OxmlElement("w:vAlign")
    alignment.set(qn("w:val"), "center")
    cell._tc.get_or_add_tcPr().append(alignment)


def set_border(cells, edge, size):
    """A rule on one edge of each cell (a merged cell once); size in eighths of a point."""
    for cell in {id(cell._tc): cell for cell in cells}.values():
        properties = cell._tc.get_or_add_tcPr()
        borders = properties.find(qn("w:tcBorders"))
        if borders is None:
            borders = OxmlElement("w:tcBorders")
            properties.append(borders)
        rule = OxmlElement(f"w:{edge}")
        for name, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "0"), ("w:color", "000000")):
            rule.set(qn(name), value)
        borders.append(rule)


def shortened(text, limit=255):
    return text if len(text) <= limit else text[: limit - 1] + "…"
