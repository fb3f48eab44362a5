"""The report as HTML: a fragment for the site's report page, or a standalone file for download."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from meetings.report import document as doc
from meetings.report.renderers.base import filename_for

OFFICIAL_DOCUMENTS = "https://undocs.org/{}"
HEADING_TAGS = {doc.Section.CHAPTER: 2, doc.Section.ANNEX: 2, doc.Section.SECTION: 3, doc.Section.SUBSECTION: 4}


def render(report):
    stylesheet = finders.find("css/report.css")
    with open(stylesheet, encoding="utf-8") as css:
        page = render_to_string(
            "meetings/report_standalone.html",
            {"report": report, "report_html": render_fragment(report), "stylesheet": mark_safe(css.read())},
        )
    return filename_for(report.symbol, "html"), "text/html; charset=utf-8", page.encode()


def render_fragment(report):
    """The report's body with its masthead and a linked contents list, as safe HTML."""
    parts = [masthead(report), contents(report) if report.has_contents else ""]
    parts.extend(section_html(section) for section in report.sections)
    return format_html('<article class="un-report" lang="{}">{}</article>', report.language, mark_safe("".join(parts)))


def masthead(report):
    front_lines = format_html_join("", '<p class="front-line">{}</p>', ((line,) for line in report.front_lines))
    subtitle = format_html('<p class="report-subtitle">{}</p>', report.subtitle) if report.subtitle else ""
    return format_html(
        '<header class="masthead">'
        '<div class="masthead-organ"><span class="un">United Nations</span> <span>{}</span></div>'
        '<div class="masthead-symbol">{}</div>'
        '<dl class="masthead-distribution"><dt>Distr.:</dt><dd>{}</dd><dt class="issued">Date:</dt>'
        "<dd>{}</dd><dt>Original:</dt><dd>{}</dd></dl>"
        "</header>"
        '<div class="front-lines">{}</div><h1 class="report-title">{}</h1>{}',
        report.organ,
        report.symbol,
        report.distribution,
        report.issued,
        report.original_language,
        front_lines,
        report.title,
        subtitle,
    )


def contents(report):
    entries = format_html_join(
        "",
        '<li class="contents-depth-{}"><a href="#{}">{}</a></li>',
        ((depth, section.anchor, contents_label(section)) for section, depth in report.contents()),
    )
    return format_html(
        '<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2>'
        "<ol>{}</ol></nav>",
        entries,
    )


def contents_label(section):
    if section.level == doc.Section.ANNEX:
        return f"{section.label}: {section.title}"
    return section.heading


def section_html(section):
    level = HEADING_TAGS[section.level]
    if section.level == doc.Section.ANNEX:
        heading = format_html(
            '<h{} class="annex-heading"><span class="annex-label">{}</span> {}</h{}>',
            level,
            section.label,
            section.title,
            level,
        )
    else:
        heading = format_html("<h{}>{}</h{}>", level, section.heading, level)
    children, paragraph = [], None
    for child in section.children:
        if isinstance(child, doc.Section):
            children.append(section_html(child))
            continue
        paragraph = child if isinstance(child, doc.Paragraph) else paragraph
        if isinstance(child, doc.Subparagraph) and paragraph is not None:
            children.append(subparagraph_html(child, paragraph))
        else:
            children.append(block_html(child, level + 1))
    children = "".join(children)
    return format_html(
        '<section id="{}" class="report-{}">{}{}</section>', section.anchor, section.level, heading, mark_safe(children)
    )


def subparagraph_html(block, paragraph):
    """A lettered subparagraph with an anchor of its own under its paragraph's, for citing: #para-42-c."""
    anchor = f"{paragraph.anchor}-{block.label.strip('()')}"
    return format_html(
        '<p id="{}" class="subparagraph"><a class="label" href="#{}">{}</a> {}</p>',
        anchor,
        anchor,
        block.label,
        inlines_html(block.content),
    )


def inlines_html(content):
    parts = []
    for inline in content:
        match inline:
            case doc.Emphasis():
                parts.append(format_html("<em>{}</em>", inline.text))
            case doc.Symbol():
                parts.append(
                    format_html(
                        '<a class="symbol" href="{}">{}</a>', OFFICIAL_DOCUMENTS.format(inline.symbol), inline.symbol
                    )
                )
            case _:
                parts.append(format_html("{}", inline.text))
    return mark_safe("".join(parts))


def block_html(block, subheading_level):
    match block:
        case doc.Paragraph():
            return format_html(
                '<p id="{}" class="numbered"><a class="number" href="#{}">{}.</a> {}</p>',
                block.anchor,
                block.anchor,
                block.number,
                inlines_html(block.content),
            )
        case doc.Subparagraph():
            return format_html(
                '<p class="subparagraph"><span class="label">{}</span> {}</p>', block.label, inlines_html(block.content)
            )
        case doc.Subheading():
            return format_html('<h{} class="subheading">{}</h{}>', subheading_level, block.text, subheading_level)
        case doc.Line():
            return format_html('<p class="line">{}</p>', inlines_html(block.content))
        case doc.OfficerList():
            rows = format_html_join("", "<dt>{}</dt><dd>{}</dd>", ((line.label, line.officer) for line in block.lines))
            return format_html('<dl class="officers">{}</dl>', rows)
        case doc.AgendaList():
            items = format_html_join("", "<li>{}</li>", ((agenda_entry_html(item),) for item in block.items))
            return format_html('<ol class="agenda">{}</ol>', items)
        case doc.Table():
            head = format_html_join("", '<th scope="col">{}</th>', ((column,) for column in block.columns))
            body = format_html_join(
                "",
                "<tr>{}</tr>",
                ((format_html_join("", "<td>{}</td>", ((inlines_html(cell),) for cell in row)),) for row in block.rows),
            )
            return format_html(
                '<table class="documents"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>', head, body
            )
    raise TypeError(f"No HTML form for {type(block).__name__}")


def agenda_entry_html(entry):
    sub_items = ""
    if entry.sub_items:
        sub_items = format_html(
            "<ol>{}</ol>",
            format_html_join("", "<li>{}</li>", ((agenda_entry_html(sub),) for sub in entry.sub_items)),
        )
    return format_html('<span class="label">{}</span> {}{}', entry.label, entry.text, sub_items)
