"""The report as a PDF in UN house style: the HTML rendering set in A4 pages by WeasyPrint.

The template (templates/meetings/report_print.html) gives the page frame: the running heads (the symbol
at the outer edge: left on even pages and right on odd ones, mirrored in a right-to-left report), the
footers (the first page's job number, date stamp and barcode; later pages' "n/N" and job number) and the
contents list's page numbers, which WeasyPrint resolves from the laid-out pages; static/css/print.css,
which a browser printing the report page shares, sets the report itself. The PDF is
tagged (PDF/UA) with the document's language; variant="pdf/a-3b" gives an archival PDF/A file.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from tinycss2.serializer import serialize_string_value
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from report.renderers import marks
from report.renderers.base import filename_for
from report.renderers.html import render_fragment

# WeasyPrint's own variants: tagged PDF for accessibility, PDF/A for archiving.
VARIANTS = {"pdf/ua-1": "pdf/ua-1", "pdf/a-3b": "pdf/a-3b"}


def css_string(text):
    """A CSS string literal, for the running header and footer, written by tinycss2's serializer.

    The serializer escapes quotes, backslashes and every line break CSS knows (\\n, \\r, \\f), so a symbol
    cannot end the string. It sits inside the page's <style>, so "<" is escaped too: a symbol holding
    "</style>" cannot end it.
    """
    escaped = serialize_string_value(text).replace("<", "\\3c ")
    return f'"{escaped}"'


class StaticFilesOnly(URLFetcher):
    """WeasyPrint's fetcher for the report: the app's own static files (stylesheets, fonts) and the images the
    renderer itself inlines as data: URLs (emblem, barcode), nothing else.

    Whatever the report says, rendering it never reaches the network or another file of the server: a data:
    URL carries its content and fetches nothing, and whatever it holds is fetched through this fetcher too.
    """

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in static_roots()) and path.is_file():
                return super().fetch(url, headers)
        raise ValueError(f"The report's PDF loads only the site's own static files, not {url[:200]}")


def static_roots():
    roots = [Path(location).resolve() for location in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    roots += [Path(app.path, "static").resolve() for app in apps.get_app_configs()]
    return roots


def render(report, variant="pdf/ua-1"):
    options = {"pdf_variant": VARIANTS[variant], "pdf_identifier": report.symbol.encode()}
    content = laid_out(report, **options).write_pdf(**options)
    suffix = "" if variant == "pdf/ua-1" else "-pdfa"
    return filename_for(report.symbol + suffix, "pdf"), "application/pdf", content


def laid_out(report, **options):
    """The report's pages as WeasyPrint lays them out (a weasyprint.Document), before they are written."""
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
    fetcher = StaticFilesOnly(allowed_protocols=["file", "data"], allow_redirects=False)
    stylesheets = [
        CSS(filename=finders.find(name), url_fetcher=fetcher)
        for name in ("css/report.css", "css/print.css", "css/report-languages.css")
    ]
    return HTML(string=page, url_fetcher=fetcher).render(stylesheets=stylesheets, **options)


def render_archival(report):
    """The PDF/A-3b variant, for archiving."""
    return render(report, variant="pdf/a-3b")
