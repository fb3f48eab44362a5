"""The marks of a UN document's first page: the emblem in the masthead, the job number's barcode and date stamp.

The emblem is static/report/un-emblem.svg, taken from the United Nations flag of the npm package
flag-icons (MIT licence; the file says how it was made); un-emblem.png is the same drawing set at
300 dpi for Word, which python-docx cannot give an SVG. The barcode is Code 39 of the job number's
digits between the asterisks that start and stop it (*1902154* for V.19-02154), drawn by the
python-barcode library.
"""

import base64
import io
from functools import cache

from barcode.codex import Code39
from barcode.writer import ImageWriter, SVGWriter
from django.contrib.staticfiles import finders
from django.utils.dateformat import format as date_format

BARCODE_OPTIONS = {
    "module_width": 0.25,  # mm, the narrow bar
    "module_height": 7.0,  # mm
    "quiet_zone": 0.0,
    "font_size": 7,
    "text_distance": 3.0,
    "background": "white",
    "foreground": "black",
}


def emblem_path(extension="svg"):
    return finders.find(f"report/un-emblem.{extension}")


@cache
def emblem_data_uri():
    """The emblem as a data: URI, for a file that must stand alone (the PDF's source, the HTML download)."""
    with open(emblem_path(), "rb") as svg:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.read()).decode()


def barcode_text(report):
    """ "*1902154*": what the barcode encodes, as printed under its bars."""
    return f"*{report.job_number_digits}*" if report.job_number_digits else ""


def barcode(report, writer):
    output = io.BytesIO()
    Code39(report.job_number_digits, writer=writer, add_checksum=False).write(
        output, options=BARCODE_OPTIONS, text=barcode_text(report)
    )
    return output.getvalue()


def barcode_data_uri(report):
    """The barcode as an SVG data: URI, or "" for a document without a job number."""
    if not report.job_number_digits:
        return ""
    return "data:image/svg+xml;base64," + base64.b64encode(barcode(report, SVGWriter())).decode()


def barcode_png(report):
    """The barcode as PNG bytes for Word, or None for a document without a job number."""
    if not report.job_number_digits:
        return None
    return barcode(report, ImageWriter(format="PNG", mode="L", dpi=300))


def date_stamp(report):
    """ "090419": the issue date as UN documents stamp it beside the job number, or "" while it is to be set."""
    return date_format(report.issued_on, "dmy") if report.issued_on else ""
