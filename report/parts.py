"""The draft report in parts (L.2, L.2/Add.1, …): the built report divided as the secretariat assigned its chapters
and sections, each part a document of its own with paragraphs numbered from 1."""

import re
from dataclasses import replace
from itertools import count

from django.utils import translation
from django.utils.translation import pgettext

import languages
from report.amended import bis_label
from report.document import Paragraph, Report, Section, Untranslated
from report.wording import TextsInLanguage, document_words, masthead, meeting_lines, original_languages, rapporteur_line

ADDENDUM = re.compile(r"^(?P<base>.+)/Add\.(?P<number>\d+)$")


def split_into_parts(report, meeting, language):
    """The parts of `meeting`'s draft report, from its report built in `language` with draft=True.

    A chapter or section goes to the part the secretariat assigned it to, or else with the
    chapter or section that contains it; unassigned chapters go to the first part. So together
    the parts hold every paragraph of the report exactly once.
    """
    parts = meeting.draft_report_parts()
    if not parts:
        return {}
    assigned = {assignment.section: assignment.part.symbol for assignment in meeting.part_assignments.all()}
    first = parts[0].symbol

    def prune(section, inherited, symbol):
        owner = assigned.get(section.key, inherited)
        children = []
        for child in section.children:
            if isinstance(child, Section):
                if kept := prune(child, owner, symbol):
                    children.append(kept)
            elif owner == symbol:
                children.append(child)
        return replace(section, children=children) if children else None

    with translation.override(languages.django_language(language)):
        texts = TextsInLanguage(language, meeting.original_language)
        drafts = {}
        for part in parts:
            paragraph_numbers = count(1)
            chapters = [kept for chapter in report.chapters if (kept := prune(chapter, first, part.symbol))]
            annexes = [kept for annex in report.annexes if (kept := prune(annex, first, part.symbol))]
            # The annexes go on numbering after the chapters: one "last number given" for both.
            last = []
            chapters = renumbered(chapters, paragraph_numbers, language, last)
            annexes = renumbered(annexes, paragraph_numbers, language, last)
            drafts[part.symbol] = Report(
                symbol=part.symbol,
                front_lines=meeting_lines(meeting, language, texts),
                title=texts.plain(part, "title"),
                subtitle=pgettext("report", "Addendum") if ADDENDUM.match(part.symbol) else "",
                chapters=chapters,
                annexes=annexes,
                missing_texts=sum(count_missing(section) for section in chapters + annexes) + texts.missing,
                # An addendum continues the draft: it has no contents list of its own.
                has_contents=not ADDENDUM.match(part.symbol),
                rapporteur_line=rapporteur_line(meeting, texts),
                draft_of=report.symbol,
                status="draft",
                **document_words(meeting, language, texts),
                **masthead(
                    original_languages(meeting),
                    language,
                    distribution="limited",
                    issued_on=part.issued_on,
                    job_number=part.job_number,
                ),
            )
        return drafts


def count_missing(section):
    """How many drafted texts of a section are shown as missing in its language."""
    total = 0
    for child in section.children:
        if isinstance(child, Section):
            total += count_missing(child)
        else:
            contents = [getattr(child, "content", ())] + [cell for row in getattr(child, "rows", ()) for cell in row]
            total += sum(isinstance(inline, Untranslated) for content in contents for inline in content)
    return total


def renumbered(sections, numbers, language="en", last=None):
    """The same sections with their paragraphs numbered again from `numbers`, for a part of the draft; a "bis"
    paragraph takes the number before it (`last`, the last number given, shared down the sections). One that opens
    the part has no number before it there: it takes the next number and is no longer "bis", so that its label and
    its anchor agree and are the same in every language."""
    last = [] if last is None else last
    result = []
    for section in sections:
        children = []
        for child in section.children:
            if isinstance(child, Section):
                children.extend(renumbered([child], numbers, language, last))
            elif isinstance(child, Paragraph) and child.bis and last:
                children.append(replace(child, number=last[0], label=bis_label(last[0], child.bis, language)))
            elif isinstance(child, Paragraph):
                number = next(numbers)
                last[:] = [number]
                label = languages.number_label(number, language)
                children.append(replace(child, number=number, label=label, bis=0))
            else:
                children.append(child)
        result.append(replace(section, children=children))
    return result


def section_choices(report):
    """(key, heading) for every chapter, section and sub-section, indented by depth, for the admin."""

    def walk(section, depth):
        yield section.key, "\u2003" * depth + section.heading
        for child in section.sections():
            yield from walk(child, depth + 1)

    for section in report.sections:
        yield from walk(section, 0)
