"""A part of the draft as the room revised it: the text agreed in the reading, without the marks of the changes.

The part's own files (L.2/Add.1.docx…) show the agreed amendments against the issued text, by delegation, for the
record and for the editors (report/amended.py); the consolidated part is what the meeting now reads, clean, in
every format. It keeps the draft's numbers, "42 bis" included, until the report is adopted and numbered afresh."""

from dataclasses import replace

from report.document import Paragraph, Section, Subparagraph

FILE_SUFFIX = "-as-revised"


def consolidated(part):
    """The same part (a built Report) with every paragraph's agreed changes folded into its text."""
    return replace(
        part,
        chapters=[without_changes(section) for section in part.chapters],
        annexes=[without_changes(section) for section in part.annexes],
    )


def without_changes(section):
    children = []
    for child in section.children:
        if isinstance(child, Section):
            children.append(without_changes(child))
        elif isinstance(child, Paragraph | Subparagraph) and child.changes:
            children.append(replace(child, changes=()))
        else:
            children.append(child)
    return replace(section, children=children)


def revised_filename(filename):
    """ "A-CONF.234-RPM.2-L.2-Add.1-as-revised.docx" for the part's "A-CONF.234-RPM.2-L.2-Add.1.docx"."""
    stem, dot, extension = filename.rpartition(".")
    return f"{stem}{FILE_SUFFIX}.{extension}" if dot else filename + FILE_SUFFIX
