"""Renderers of the report's document tree.

Each renderer has one contract, render(report) -> (filename, content_type, bytes), and neither
queries the database nor numbers anything: it writes what the builder put in the tree.
"""

from meetings.report.renderers import html, text

RENDERERS = {
    "txt": text.render,
    "html": html.render,
}
