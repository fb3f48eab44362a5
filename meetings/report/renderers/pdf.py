"""The report as a PDF in UN house style: the HTML rendering set in A4 pages by WeasyPrint.

The print stylesheet gives the running header (the symbol), the footer (job number and page
number) and the contents list's page numbers, which WeasyPrint resolves from the laid-out pages.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from meetings.report.renderers.base import filename_for
from meetings.report.renderers.html import render_fragment


def css_string(text):
    """A CSS string literal, for the running header and footer.

    It sits inside the page's <style>, so "<" is escaped too: a symbol holding "</style>" cannot end it.
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", "\\a ")
    return f'"{escaped}"'


def render(report):
    page = render_to_string(
        "meetings/report_print.html",
        {
            "report": report,
            "report_html": render_fragment(report),
            "header": css_string(report.symbol),
            "job_number": css_string(f"{report.job_number} (E)" if report.job_number else ""),
        },
    )
    stylesheets = [CSS(filename=finders.find("css/report.css")), CSS(filename=finders.find("css/print.css"))]
    content = HTML(string=page).write_pdf(stylesheets=stylesheets)
    return filename_for(report.symbol, "pdf"), "application/pdf", content
