"""The report page's contents list: every chapter, section and sub-section (the topics of II.B) and the annexes.

The exports keep the published report's contents, which stop at the sections; on screen a delegate
needs the sub-sections too, where most paragraphs are.
"""

from dataclasses import dataclass, replace

from django.utils.safestring import mark_safe

from report.renderers.html import contents_label


@dataclass(frozen=True)
class Entry:
    depth: int
    anchor: str
    label: str


def contents_entries(report, max_depth=2):
    """(depth, anchor, label) of every section down to `max_depth` (0 chapters, 1 sections, 2 sub-sections)."""
    if not report.has_contents:
        return []
    return [Entry(depth, section.anchor, contents_label(section)) for section, depth in report.contents(max_depth)]


def with_contents(report_html, contents_html):
    """The report's HTML with the page's contents list where the report has its own: after the title,
    before the first chapter (so the page, printed, runs like the PDF)."""
    head, marker, rest = str(report_html).partition("<section ")
    return mark_safe(f"{head}{contents_html}{marker}{rest}") if marker else report_html


def without_contents(report):
    """The report as the page renders its body: the page lists the contents itself, deeper."""
    return replace(report, has_contents=False)
