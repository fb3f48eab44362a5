"""Renderers of the report's document tree.

Each renderer has one contract, render(report) -> (filename, content_type, bytes), and neither
queries the database nor numbers anything: it writes what the builder put in the tree.
"""

from meetings.report.renderers import akoma_ntoso, docx, html, pdf, text

# By the name a user asks for: `export_report --format akn`, or the download's file extension.
RENDERERS = {
    "docx": docx.render,
    "pdf": pdf.render,
    "akn": akoma_ntoso.render,
    "txt": text.render,
    "html": html.render,
}
EXTENSIONS = {"docx": "docx", "pdf": "pdf", "xml": "akn", "txt": "txt", "html": "html"}
