"""The report as a PDF in UN house style: the HTML rendering set in A4 pages by WeasyPrint.

The print stylesheet gives the running header (the symbol), the footer (job number and page
number) and the contents list's page numbers, which WeasyPrint resolves from the laid-out pages.
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

from meetings.report.renderers.base import filename_for
from meetings.report.renderers.html import render_fragment


def css_string(text):
    """A CSS string literal, for the running header and footer, written by tinycss2's serializer.

    The serializer escapes quotes, backslashes and every line break CSS knows (\\n, \\r, \\f), so a symbol
    cannot end the string. It sits inside the page's <style>, so "<" is escaped too: a symbol holding
    "</style>" cannot end it.
    """
    escaped = serialize_string_value(text).replace("<", "\\3c ")
    return f'"{escaped}"'


class StaticFilesOnly(URLFetcher):
    """WeasyPrint's fetcher for the report: the app's own static files (stylesheets, fonts), nothing else.

    Whatever the report says, rendering it never reaches the network or another file of the server.
    """

    def fetch(self, url, headers=None):
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
    fetcher = StaticFilesOnly(allowed_protocols=["file"], allow_redirects=False)
    stylesheets = [
        CSS(filename=finders.find(name), url_fetcher=fetcher) for name in ("css/report.css", "css/print.css")
    ]
    content = HTML(string=page, url_fetcher=fetcher).write_pdf(stylesheets=stylesheets)
    return filename_for(report.symbol, "pdf"), "application/pdf", content
