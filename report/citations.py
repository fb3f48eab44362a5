"""What a reader cites in a built report: its numbered paragraphs and lettered subparagraphs, with the numbers,
letters and anchors the builder gave them (never numbered again here).

The search index and the read API walk the tree with `cited_blocks`; the report page's anchors are the same.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import pgettext

import languages
from report import document as doc
from report.renderers.html import subparagraph_anchor

PARAGRAPH, SUMMARY, RECOMMENDATION = "paragraph", "summary", "recommendation"


@dataclass(frozen=True)
class Cited:
    """A numbered paragraph (letter "") or a lettered subparagraph of one, where the report puts it."""

    kind: str  # PARAGRAPH, SUMMARY (of deliberations) or RECOMMENDATION (a subparagraph of the outcome)
    number: int  # the paragraph's number; a subparagraph's is its paragraph's
    letter: str  # "c" for (c), "b-bis" for (b) bis, as the anchor has it in every language; "" for a paragraph
    index: int  # a subparagraph's place among its paragraph's (0 for (a)); 0 for a paragraph
    anchor: str  # "para-42", "para-42-c"
    label: str  # "42." or "(c)", as the version writes it ("42 -", "(ج)" in Arabic)
    content: tuple  # the inlines in the version's language
    section: doc.Section  # the innermost section: a discussion's is keyed "main-theme" or "topic-<id>"
    source: str = ""  # the record a subparagraph was written from ("recommendations.recommendation.12")


def cited_blocks(report):
    """Every numbered paragraph and lettered subparagraph of a built report, in reading order.

    The report's own headings tell a summary of deliberations and an outcome apart, in its language."""
    with translation.override(languages.django_language(report.language)):
        summary_heading = pgettext("report", "Summary of deliberations")
        outcome_heading = pgettext("report", "Outcome of deliberations")
    for section in walk(report.chapters + report.annexes):
        kind, in_outcome, paragraph, lettered = PARAGRAPH, False, None, 0
        for block in section.children:
            if isinstance(block, doc.Subheading):
                in_outcome = block.text == outcome_heading
                kind = SUMMARY if block.text == summary_heading else PARAGRAPH
            elif isinstance(block, doc.Paragraph):
                paragraph, lettered = block, 0
                yield Cited(kind, block.number, "", 0, block.anchor, block.label, block.content, section)
            elif isinstance(block, doc.Subparagraph) and paragraph is not None:
                yield Cited(
                    RECOMMENDATION if in_outcome else kind,
                    paragraph.number,
                    block.key(lettered),
                    lettered,
                    subparagraph_anchor(paragraph, block, lettered),
                    block.label,
                    block.content,
                    section,
                    block.source,
                )
                lettered += 1


def walk(sections):
    for section in sections:
        yield section
        yield from walk(section.sections())


def is_translated(content):
    """Whether a run of inlines has every drafted text in its version's language (no "[text not translated]")."""
    return not any(isinstance(inline, doc.Untranslated) for inline in content)
