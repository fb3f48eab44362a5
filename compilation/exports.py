"""The compilation as files: Word in UN style (a landscape table, as the Congress secretariat's mapping of the
regional meetings' recommendations is laid out), PDF, XLSX (one row per recommendation, its text in each of the
six languages) and JSON. Each writer takes (congress, entries, language) and gives (content type, bytes)."""

import io
import json

import docx
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import pgettext
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from weasyprint import CSS, HTML

from languages import REPORT_LANGUAGES, direction, django_language
from languages.codes import original_mark
from languages.versions import shown_text, text_in
from report.renderers.pdf import StaticFilesOnly

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def title_of(congress, language):
    return pgettext("compilation", "Recommendations of the regional preparatory meetings for the %(congress)s") % {
        "congress": shown_text(congress, "title", language)[0]
    }


def columns():
    return (
        pgettext("compilation", "Agenda item or workshop"),
        pgettext("compilation", "Region"),
        pgettext("compilation", "Recommendation"),
        pgettext("compilation", "Source"),
    )


def text_of(entry, language):
    """The entry's text; one not yet translated is given in its original, which the file says, as the site does."""
    if entry.text_language == language:
        return entry.text
    with translation.override(django_language(language)):
        return f"{entry.text} ({original_mark(entry.text_language)})"


def groups(entries):
    """[(heading, [entries…]), …] in the entries' order: the Word and PDF tables' sections."""
    grouped = {}
    for entry in entries:
        grouped.setdefault((entry.item_key, entry.heading), []).append(entry)
    return [(heading, rows) for (_key, heading), rows in grouped.items()]


def as_json(congress, entries, language):
    records = [
        {
            "congress": congress.ordinal,
            "meeting": entry.meeting.symbol,
            "region": entry.region,
            "paragraph": entry.place.paragraph if entry.place else None,
            "letter": entry.place.label if entry.place else None,
            "anchor": entry.place.anchor if entry.place else None,
            "item": entry.heading,
            "themes": [str(theme) for theme in entry.themes],
            "text": {code: text_in(entry.recommendation, "text", code) for code in REPORT_LANGUAGES},
            "citation": entry.citation,
        }
        for entry in entries
    ]
    body = {"title": title_of(congress, language), "language": language, "recommendations": records}
    return "application/json", json.dumps(body, ensure_ascii=False, indent=2).encode()


def as_xlsx(congress, entries, language):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = pgettext("compilation", "Recommendations")[:31]
    if direction(language) == "rtl":
        sheet.sheet_view.rightToLeft = True
    header = [
        pgettext("compilation", "Congress"),
        pgettext("compilation", "Meeting"),
        pgettext("compilation", "Region"),
        pgettext("compilation", "Symbol"),
        pgettext("compilation", "Paragraph"),
        pgettext("compilation", "Letter"),
        pgettext("compilation", "Agenda item or workshop"),
        pgettext("compilation", "Themes"),
        *(pgettext("compilation", "Text (%(language)s)") % {"language": code} for code in REPORT_LANGUAGES),
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append(
            [
                shown_text(congress, "short_title", language)[0],
                entry.meeting.display_title_in(language),
                entry.region,
                entry.meeting.symbol,
                entry.place.paragraph if entry.place else None,
                entry.place.label if entry.place else None,
                entry.heading,
                "; ".join(str(theme) for theme in entry.themes),
                *(text_in(entry.recommendation, "text", code) for code in REPORT_LANGUAGES),
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return XLSX, out.getvalue()


def as_docx(congress, entries, language):
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(10)
    rtl = direction(language) == "rtl"
    heading = document.add_paragraph()
    heading.add_run(title_of(congress, language)).bold = True
    heading.runs[0].font.size = Pt(14)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    if rtl:
        table._tbl.tblPr.append(table._tbl.tblPr.makeelement(qn("w:bidiVisual"), {}))
    for cell, text in zip(table.rows[0].cells, columns(), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    repeat = table.rows[0]._tr.get_or_add_trPr().makeelement(qn("w:tblHeader"), {})
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for heading_text, rows in groups(entries):
        for index, entry in enumerate(rows):
            cells = table.add_row().cells
            values = (heading_text if index == 0 else "", entry.region, text_of(entry, language), entry.citation)
            for column, (cell, value) in enumerate(zip(cells, values, strict=True)):
                paragraph = cell.paragraphs[0]
                paragraph.add_run(value)
                # A text given in a left-to-right original runs left to right inside the right-to-left table.
                if rtl and not (column == 2 and direction(entry.text_language) == "ltr"):
                    paragraph._p.get_or_add_pPr().append(paragraph._p.makeelement(qn("w:bidi"), {}))
    widths = (Cm(5.5), Cm(3.5), Cm(12.2), Cm(4.5))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    out = io.BytesIO()
    document.save(out)
    return DOCX, out.getvalue()


def as_pdf(congress, entries, language):
    with translation.override(django_language(language)):
        page = render_to_string(
            "congress/compilation_print.html",
            {
                "title": title_of(congress, language),
                "columns": columns(),
                "groups": groups(entries),
                "language": language,
                "direction": direction(language),
            },
        )
    fetcher = StaticFilesOnly(allowed_protocols=["file", "data"], allow_redirects=False)
    stylesheet = CSS(filename=finders.find("css/compilation-print.css"), url_fetcher=fetcher)
    return "application/pdf", HTML(string=page, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet])


WRITERS = {"docx": as_docx, "pdf": as_pdf, "xlsx": as_xlsx, "json": as_json}
