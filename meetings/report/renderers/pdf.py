"""The report as a PDF in UN house style: the HTML rendering set in A4 pages by WeasyPrint.

The print stylesheet gives the running heads (the symbol, left on even pages and right on odd ones),
the footers (the first page's job number, date stamp and barcode; later pages' "n/N" and job number)
and the contents list's page numbers, which WeasyPrint resolves from the laid-out pages. The PDF is
tagged (PDF/UA) with the document's language; variant="pdf/a-3b" gives an archival PDF/A file.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from meetings.report.renderers import marks
from meetings.report.renderers.base import filename_for
from meetings.report.renderers.html import render_fragment

# WeasyPrint's own variants: tagged PDF for accessibility, PDF/A for archiving.
VARIANTS = {"pdf/ua-1": "pdf/ua-1", "pdf/a-3b": "pdf/a-3b"}


def css_string(text):
    """A CSS string literal, for the running header and footer.

    It sits inside the page's <style>, so "<" is escaped too: a symbol holding "</style>" cannot end it.
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", "\\a ")
    return f'"{escaped}"'


def render(report, variant="pdf/ua-1"):
    page = render_to_string(
        "meetings/report_print.html",
        {
            "report": report,
            "report_html": render_fragment(report),
            "header": css_string(report.symbol),
            # Later pages: the job number without its language letter, as UN documents print it there.
            "job_number": css_string(report.job_number),
            "date_stamp": marks.date_stamp(report),
            "barcode": marks.barcode_data_uri(report),
            "barcode_text": marks.barcode_text(report),
        },
    )
    stylesheets = [
        CSS(filename=finders.find("css/report.css")),
        CSS(filename=finders.find("css/print.css")),
        CSS(filename=finders.find("css/report-languages.css")),
    ]
    content = HTML(string=page).write_pdf(
        stylesheets=stylesheets, pdf_variant=VARIANTS[variant], pdf_identifier=report.symbol.encode()
    )
    suffix = "" if variant == "pdf/ua-1" else "-pdfa"
    return filename_for(report.symbol + suffix, "pdf"), "application/pdf", content


def render_archival(report):
    """The PDF/A-3b variant, for archiving."""
    return render(report, variant="pdf/a-3b")
