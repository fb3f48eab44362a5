"""Renderers of the report's document tree.

Each renderer has one contract, render(report) -> (filename, content_type, bytes), and neither
queries the database nor numbers anything: it writes what the builder put in the tree.
"""

from core.text import exporting_cleaned
from report.renderers import akoma_ntoso, docx, html, pdf, text

# By the name a user asks for: `export_report --format akn`, or the download's file extension.
RENDERERS = {
    "docx": docx.render,
    "pdf": pdf.render,  # tagged (PDF/UA-1), with the document's language
    "pdfa": pdf.render_archival,  # PDF/A-3b, for archiving
    "akn": akoma_ntoso.render,
    "txt": text.render,
    "html": html.render,
}
# Whatever was stored before control characters were removed on saving, no export can fail on one.
RENDERERS = {name: exporting_cleaned(render) for name, render in RENDERERS.items()}
EXTENSIONS = {"docx": "docx", "pdf": "pdf", "xml": "akn", "txt": "txt", "html": "html"}
