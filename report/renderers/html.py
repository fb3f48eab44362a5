"""The report as HTML: a fragment for the site's report page, or a standalone file for download."""

from contextvars import ContextVar
from itertools import groupby
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

import languages
from report import document as doc
from report.renderers import marks
from report.renderers.base import filename_for
from report.typography import with_no_break_spaces

EMBLEM_URL = "../report/un-emblem.svg"  # as report.css refers to it
# Set while the site's report page is rendered: untranslated texts show their original (render_fragment).
SHOW_ORIGINALS = ContextVar("show_originals", default=False)
LISTS = (doc.Subparagraph, doc.OfficerList, doc.AgendaList, doc.Table)
HEADING_TAGS = {doc.Section.CHAPTER: 2, doc.Section.ANNEX: 2, doc.Section.SECTION: 3, doc.Section.SUBSECTION: 4}


def render(report):
    css = "".join(
        Path(finders.find(name)).read_text(encoding="utf-8") for name in ("css/report.css", "css/report-languages.css")
    )
    page = render_to_string(
        "meetings/report_standalone.html",
        {
            "report": report,
            "report_html": render_fragment(report),
            # The file stands alone, so the emblem travels inside it.
            "stylesheet": mark_safe(css.replace(EMBLEM_URL, marks.emblem_data_uri())),
        },
    )
    return filename_for(report.symbol, "html"), "text/html; charset=utf-8", page.encode()


def render_fragment(report, *, originals=False):
    """The report's body with its masthead and a linked contents list, as safe HTML.

    The UN emblem is the masthead's background image (report.css), so it is decoration to a screen
    reader and an artifact in the tagged PDF, and the report's HTML holds no <img>.

    With `originals` (the site's report page), a text not yet translated shows its original, marked as such
    with its own language and direction; the official files (PDF, the HTML download) print the marker.
    """
    report = with_no_break_spaces(report)
    shown = SHOW_ORIGINALS.set(originals)
    try:
        parts = [masthead(report), contents(report) if report.has_contents else ""]
        parts.extend(section_html(section) for section in report.sections)
    finally:
        SHOW_ORIGINALS.reset(shown)
    return format_html(
        '<article class="un-report" lang="{}" dir="{}">{}</article>',
        report.language,
        report.direction,
        mark_safe("".join(parts)),
    )


def masthead(report):
    """The UN masthead in two tiers, each closed by a rule: "United Nations" and the symbol; then the
    emblem, the organ, and the distribution, date and original language."""
    front_lines = format_html_join("", '<p class="front-line">{}</p>', ((line,) for line in report.front_lines))
    subtitle = format_html('<p class="report-subtitle">{}</p>', report.subtitle) if report.subtitle else ""
    rapporteur = format_html('<p class="rapporteur">{}</p>', report.rapporteur_line) if report.rapporteur_line else ""
    # The symbol and the job number are Latin script in every version: they keep their own direction.
    # The version's language stands under the date, in the values' column, as UN mastheads print it.
    version = format_html('<dt></dt><dd class="version">{}</dd>', report.language_line) if report.language_line else ""
    return format_html(
        '<header class="masthead">'
        '<div class="masthead-top"><span class="un">{}</span>'
        '<span class="masthead-symbol" dir="ltr">{}</span></div>'
        '<div class="masthead-main"><span class="emblem" role="img" aria-label="{}"></span>'
        '<div class="masthead-organ">{}</div>'
        '<dl class="masthead-distribution"{}><dt>{}</dt><dd>{}</dd><dt class="issued">{}</dt>'
        '<dd class="{}">{}</dd>{}<dt class="original">{}</dt><dd>{}</dd></dl></div>'
        "</header>"
        '<div class="front-lines">{}</div><h1 class="report-title">{}</h1>{}{}',
        report.organization_name,
        report.symbol,
        report.organization_name,
        report.organ,
        own_language(report.masthead_language, report.language),
        report.distribution_label,
        report.distribution,
        report.date_label,
        "issued-on" if report.issued_on else "issued-on date-to-be-set",
        report.issued,
        version,
        report.original_label,
        report.original_language,
        front_lines,
        report.title,
        subtitle,
        rapporteur,
    )


def own_language(language, surrounding):
    """lang and dir attributes for a block in another language than the text around it."""
    if language == surrounding:
        return ""
    return format_html(' lang="{}" dir="{}"', language, languages.direction(language))


def contents(report):
    entries = format_html_join(
        "",
        '<li class="contents-depth-{}{}"><a href="#{}">{}</a></li>',
        (
            (
                depth,
                " contents-annex" if section.level == doc.Section.ANNEX else "",
                section.anchor,
                numbered_title(section, contents=True),
            )
            for section, depth in report.contents()
        ),
    )
    return format_html(
        '<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">{}</h2>'
        '<p class="contents-page-heading" aria-hidden="true">{}</p><ol>{}</ol></nav>',
        report.contents_heading,
        report.page_heading,
        entries,
    )


def numbered_title(section, contents=False):
    """A heading's number hanging before its title. The space is inside the number's box, so the title
    starts exactly at the text column, while copied text still reads "I. Introduction"."""
    label = contents_label(section) if contents else section.heading
    if section.level == doc.Section.ANNEX or not section.label:
        return label
    return format_html('<span class="heading-number">{} </span>{}', section.label, section.title)


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
        heading = format_html("<h{}>{}</h{}>", level, numbered_title(section), level)
    children, paragraph, lettered = [], None, 0
    for index, child in enumerate(section.children):
        if isinstance(child, doc.Section):
            children.append(section_html(child))
            continue
        if isinstance(child, doc.Paragraph):
            paragraph, lettered = child, 0
        if isinstance(child, doc.Subparagraph) and paragraph is not None:
            children.append(subparagraph_html(child, paragraph, lettered))
            lettered += 1
            continue
        html = block_html(child, level + 1)
        following = section.children[index + 1] if index + 1 < len(section.children) else None
        if isinstance(child, doc.Paragraph) and isinstance(following, LISTS):
            html = html.replace('class="numbered"', 'class="numbered lead-in"', 1)  # kept with its list
        children.append(html)
    children = "".join(children)
    return format_html(
        '<section id="{}" class="report-{}">{}{}</section>', section.anchor, section.level, heading, mark_safe(children)
    )


def subparagraph_anchor(paragraph, block, index):
    """The anchor of a paragraph's lettered subparagraph `block`, its `index`-th, for citing: para-42-c, and for
    one the room inserted after (b), para-42-b-bis.

    It takes the Latin letter the builder gave it in every language ("(ب)" and "b)" are both -b), so a
    citation's address is the same in each version."""
    return f"{paragraph.anchor}-{block.key(index)}"


def subparagraph_html(block, paragraph, index):
    """A lettered subparagraph with an anchor of its own under its paragraph's (`subparagraph_anchor`).

    The space is inside the label's box: the first line starts where the wrapped lines do."""
    anchor = subparagraph_anchor(paragraph, block, index)
    return format_html(
        '<p id="{}" class="subparagraph"><a class="label" href="#{}">{} </a>{}</p>',
        anchor,
        anchor,
        block.label,
        body_html(block),
    )


def changes_html(changes):
    """A paragraph's agreed oral amendments (document.Change runs): <ins> and <del>, told apart without colour by
    the stylesheet (underlined, struck through) and in words, [+ +] and [- -], for screen readers and print. The
    words keep their italics and document symbols, set as elsewhere in the report."""
    parts, space_before = [], False
    for (state, author), group in groupby(changes, key=lambda change: (change.state, change.author)):
        group = list(group)
        raw = "".join(change.text for change in group)
        if not raw.strip():
            space_before = space_before or bool(raw)
            continue
        inner = styled_runs_html(group)
        if state == "inserted":
            html = format_html('<ins title="{}">[+\u00a0{}\u00a0+]</ins>', author, inner)
        elif state == "deleted":
            html = format_html('<del title="{}">[-\u00a0{}\u00a0-]</del>', author, inner)
        else:
            html = inner
        # A space between two runs where the text had one ("noted welcomed"), none before a comma after a change.
        if parts and (space_before or raw[0].isspace()):
            parts.append(" ")
        parts.append(html)
        space_before = raw[-1].isspace()
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def styled_runs_html(changes):
    """Consecutive runs of one change, each in italics, linked as a symbol or plain, without the spaces at the
    edges of the whole."""
    texts = [change.text for change in changes]
    texts[0] = texts[0].lstrip()
    texts[-1] = texts[-1].rstrip()
    parts = []
    for change, text in zip(changes, texts, strict=True):
        if not text:
            continue
        if change.symbol:
            parts.append(format_html('<a class="symbol" href="{}">{}</a>', doc.Symbol(change.symbol).url, text))
        elif change.emphasis:
            parts.append(format_html("<em>{}</em>", text))
        else:
            parts.append(format_html("{}", text))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def body_html(block, *, originals=None):
    """What a paragraph says: its text, or on a draft part that the room amended, its changes marked. With
    `originals` (a page of the site showing one paragraph), a text not yet translated shows its original, marked as
    such; by default as the report being rendered around it says (render_fragment)."""
    shown = SHOW_ORIGINALS.set(SHOW_ORIGINALS.get() if originals is None else originals)
    try:
        return changes_html(block.changes) if block.changes else inlines_html(block.content)
    finally:
        SHOW_ORIGINALS.reset(shown)


def inlines_html(content):
    parts = []
    for inline in content:
        match inline:
            case doc.Emphasis():
                parts.append(format_html("<em>{}</em>", inline.text))
            case doc.Symbol():
                parts.append(format_html('<a class="symbol" href="{}">{}</a>', inline.url, inline.symbol))
            case doc.Untranslated() if SHOW_ORIGINALS.get() and inline.original:
                parts.append(original_html(inline))
            case doc.Untranslated():
                parts.append(format_html('<span class="untranslated">{}</span>', inline.text))
            case _:
                parts.append(format_html("{}", inline.text))
    return mark_safe("".join(parts))


def original_html(missing):
    """A text not translated into the page's language, shown in its original language and marked so: its own
    lang and dir, and a badge with the language's code that the stylesheet draws from the lang (a hundred such
    texts cost no more than their words; the page says once what the badge means)."""
    return format_html(
        '<span class="in-original" lang="{}" dir="{}">{}</span>',
        languages.django_language(missing.language),
        languages.direction(missing.language),
        inlines_html(missing.original),
    )


def block_html(block, subheading_level):
    match block:
        case doc.Paragraph():
            return format_html(
                '<p id="{}" class="numbered"><a class="number" href="#{}">{} </a>{}</p>',
                block.anchor,
                block.anchor,
                block.label,
                body_html(block),
            )
        case doc.Subparagraph():
            return format_html(
                # The space is inside the label's box: the first line starts where the wrapped lines do.
                '<p class="subparagraph"><span class="label">{} </span>{}</p>',
                block.label,
                body_html(block),
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
    return format_html('<span class="label">{} </span>{}{}', entry.label, entry.text, sub_items)
