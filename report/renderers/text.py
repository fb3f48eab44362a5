"""The report as plain text, laid out as the published document reads: one block a paragraph."""

from report import document as doc
from report.renderers.base import filename_for


def render(report):
    return filename_for(report.symbol, "txt"), "text/plain; charset=utf-8", render_text(report).encode()


def render_text(report):
    masthead = [f"{report.distribution_label} {report.distribution}", report.issued]
    if report.language_line:
        masthead.append(report.language_line)
    masthead.append(f"{report.original_label} {report.original_language}")
    blocks = [
        f"{report.organization_name}\t{report.symbol}",
        f"{report.organ}\t" + "\n\t".join(masthead),
        *report.front_lines,
        report.title,
        *([report.subtitle] if report.subtitle else []),
    ]
    if report.has_contents:
        blocks += [report.contents_heading, "\n".join(contents_line(section) for section, _depth in report.contents())]
    if report.job_number:
        blocks.insert(2, report.job_number_with_language.replace("\u00a0", " "))  # plain text breaks no lines
    for section in report.sections:
        blocks.extend(section_blocks(section))
    return "\n\n".join(blocks) + "\n"


def contents_line(section):
    if section.level == doc.Section.ANNEX:
        return f"{section.label}\n{section.title}"
    return section.heading


def section_blocks(section):
    if section.level == doc.Section.ANNEX:
        yield section.label
    yield section.heading
    for child in section.children:
        if isinstance(child, doc.Section):
            yield from section_blocks(child)
        else:
            yield block_text(child)


def block_text(block):
    match block:
        case doc.Paragraph():
            return f"{block.label} {doc.plain_text(block.content)}"
        case doc.Subparagraph():
            return f"{block.label} {doc.plain_text(block.content)}"
        case doc.Subheading():
            return block.text
        case doc.Line():
            return doc.plain_text(block.content)
        case doc.OfficerList():
            return "\n".join(f"{line.label}\t{line.officer}" for line in block.lines)
        case doc.AgendaList():
            lines = []
            for item in block.items:
                lines.append(f"{item.label} {item.text}")
                lines.extend(f"    {sub.label} {sub.text}" for sub in item.sub_items)
            return "\n".join(lines)
        case doc.Table():
            return "\n".join("\t".join(doc.plain_text(cell) for cell in row) for row in block.rows)
    raise TypeError(f"No text form for {type(block).__name__}")
