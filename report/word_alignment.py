"""Where each block of a Word file (report/word_reading.py) goes in a meeting's report: by structure, not by guess.

The report's document tree (report/builder.py, or one part of the draft, report/parts.py) is built for the
meeting in the file's language; its numbered paragraphs name the text they were written from
(Paragraph.source) and its lettered subparagraphs the recommendation (Subparagraph.source). The file's
headings are matched to the tree's sections by their words, or to a Congress topic the meeting has not
discussed yet; under a heading, the paragraphs go in order to the tree's paragraphs of that section: those
under "Summary of deliberations" to its summary paragraphs, the one before the lettered subparagraphs to
the outcome's introduction, the lettered subparagraphs to its recommendations. More paragraphs in the file
than the report has are new records where the report has a list of them (a summary, the recommendations,
the introduction, the paragraphs before the topics, other matters); anything else is *unplaced*, with why.
"""

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

import languages
from meetings.models import MeetingParagraph
from recommendations.models import Discussion
from report import document as doc
from report.builder import ReportBuilder, build_report
from report.document import Text
from report.markup import parse_inlines
from report.word_reading import HEADING, ITEM, PARAGRAPH, SUBHEADING, TEXT

SUMMARY, OUTCOME, BODY = "summary", "outcome", "body"
# The sections whose paragraphs are a list of a meeting's report paragraphs of one part.
PARTS = {
    "chapter-introduction": MeetingParagraph.Part.INTRODUCTION,
    "chapter-conclusions": MeetingParagraph.Part.CONCLUSIONS_PREAMBLE,
    "conclusions-other-matters": MeetingParagraph.Part.OTHER_MATTERS_CONCLUSIONS,
}
LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d+|[^\W\d_]+ -)\.?\s+")


@dataclass(frozen=True)
class Placed:
    """A block of the file and the text it goes to: `source` names an existing text
    ("recommendations.summaryparagraph.7.text"); a new record is `new` = (kind, owner, index) with kind "summary",
    "recommendation" or a MeetingParagraph part, owner the topic's id or "" and index its place after the others."""

    block: object
    where: str
    source: str = ""
    new: tuple = ()
    generated: tuple = ()  # the builder's own sentence here, when the report writes it (no source)


@dataclass(frozen=True)
class Unplaced:
    block: object
    where: str
    reason: str


@dataclass
class Alignment:
    document: str  # the symbol of the report or the draft part the file was aligned with
    placed: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)
    left_out: int = 0  # the report's drafted paragraphs the file does not have: kept as they are


def normal(text):
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def symbol_in(lines, meeting):
    """The symbol of the meeting's report or draft part that the file's masthead names, or the report's."""
    symbols = sorted([meeting.symbol, *(part.symbol for part in meeting.draft_report_parts())], key=len, reverse=True)
    found = {normal(line) for line in lines}
    return next((symbol for symbol in symbols if normal(symbol) in found), meeting.symbol)


def sections_of(report):
    def walk(section, path):
        yield section, path
        for child in section.sections():
            yield from walk(child, (*path, section))

    for section in report.sections:
        yield from walk(section, ())


def heading_keys(text):
    text = normal(text)
    return {text, normal(LABEL.sub("", text))}


def align(meeting, blocks, language, symbol):
    """The Alignment of a file's blocks with `meeting`'s report (loaded with for_report()) in `language`."""
    # The whole draft report, whichever part the file is: a part holds the same sections with the same texts.
    report = build_report(meeting, language, draft=True)
    result = Alignment(document=symbol)
    with translation.override(languages.django_language(language)):
        summary_words = normal(pgettext("report", "Summary of deliberations"))
        outcome_words = normal(pgettext("report", "Outcome of deliberations"))
        standard = (Text(str(Discussion.OutcomeIntroduction.NOT_NEGOTIATED.label)),)
        builder = ReportBuilder(meeting, language)
        topics = {
            key: topic for topic in meeting.congress.topics.all() for key in heading_keys(builder.topic_title(topic))
        }
    # Several sections may have the same words ("Other matters" in chapters II and III): the one in the chapter
    # the file is in is taken.
    by_heading = {}
    for section, path in sections_of(report):
        for key in heading_keys(section.title) | heading_keys(section.heading) | {normal(section.label)} - {""}:
            by_heading.setdefault(key, []).append((section, path))
    chapter = None

    # The file's blocks under each heading, by what they are under it.
    groups = {}  # id(section) or ("topic", id) -> (section or topic, {mode: [blocks]})
    current, mode, heading_text = None, BODY, ""
    for block in blocks:
        if block.kind in (HEADING, SUBHEADING, TEXT) and normal(block.text) in (summary_words, outcome_words):
            mode = SUMMARY if normal(block.text) == summary_words else OUTCOME
            continue
        if block.kind == HEADING:
            keys = heading_keys(block.text)
            candidates = [found for key in keys for found in by_heading.get(key, ())]
            in_chapter = [section for section, path in candidates if any(s is chapter for s in path)]
            section = (in_chapter or [section for section, _path in candidates] or [None])[0]
            topic = next((topics[key] for key in keys if key in topics), None)
            mode, heading_text = BODY, block.text
            if section is not None:
                chapter = section if section.level in (doc.Section.CHAPTER, doc.Section.ANNEX) else chapter
                current = groups.setdefault(id(section), (section, {}))
            elif topic is not None:
                current = groups.setdefault(("topic", topic.pk), (topic, {}))
            else:
                current = None
                result.unplaced.append(Unplaced(block, "", _("the report has no heading with these words")))
            continue
        if block.kind == SUBHEADING:  # another run-in heading: what follows stays where it was
            continue
        if current is None:
            reason = (
                _("it comes before the first heading the report has")
                if not heading_text
                else _("it is under a heading the report does not have")
            )
            result.unplaced.append(Unplaced(block, heading_text, reason))
            continue
        current[1].setdefault(mode, []).append(block)
    for owner, modes in groups.values():
        if isinstance(owner, doc.Section):
            align_section(result, meeting, owner, modes, {summary_words: SUMMARY, outcome_words: OUTCOME})
        else:
            align_topic(result, owner, modes, standard)
    return result


def tree_groups(section, words):
    """The section's own paragraphs and subparagraphs, by the subheading they stand under (`words`: the
    subheadings' normalized words in the report's language, to their modes)."""
    groups, mode = {BODY: [], SUMMARY: [], OUTCOME: []}, BODY
    for child in section.children:
        if isinstance(child, doc.Subheading):
            mode = words.get(normal(child.text), mode)
        elif isinstance(child, doc.Paragraph | doc.Subparagraph):
            groups[mode].append(child)
    return groups


def split_plain(blocks):
    """A discussion written without its subheadings: the paragraph before the first lettered one introduces the
    outcome, the paragraphs before it are the summary."""
    first_item = next((index for index, block in enumerate(blocks) if block.kind == ITEM), None)
    if first_item is None:
        return {SUMMARY: blocks}
    before = blocks[:first_item]
    return {SUMMARY: before[:-1], OUTCOME: before[-1:] + blocks[first_item:]}


def discussion_key(section):
    return section.key == "main-theme" or section.key.startswith("topic-")


def align_section(result, meeting, section, modes, words):
    groups = tree_groups(section, words)
    if discussion_key(section) and BODY in modes and not (groups[BODY]):
        for mode, blocks in split_plain(modes.pop(BODY)).items():
            modes.setdefault(mode, [])[:0] = blocks
    where = section.heading
    owner = section.key.removeprefix("topic-") if section.key.startswith("topic-") else ""
    if owner == "" and section.key == "main-theme":
        owner = next(
            (str(d.topic_id) for d in meeting.discussions.all() if d.topic.kind == d.topic.Kind.MAIN_THEME), ""
        )
    for mode, blocks in modes.items():
        paragraphs = [block for block in blocks if block.kind == PARAGRAPH]
        items = [block for block in blocks if block.kind == ITEM]
        for block in blocks:
            if block.kind == TEXT:
                result.unplaced.append(Unplaced(block, where, _("it is neither a numbered nor a lettered paragraph")))
        tree_paragraphs = [c for c in groups[mode] if isinstance(c, doc.Paragraph)]
        tree_items = [c for c in groups[mode] if isinstance(c, doc.Subparagraph)]
        if mode == SUMMARY:
            place_list(result, where, paragraphs, tree_paragraphs, ("summary", owner))
        elif mode == OUTCOME:
            standard = tree_paragraphs[:1] and not tree_paragraphs[0].source
            if paragraphs and standard and not same_words(paragraphs[0].text, tree_paragraphs[0].content) and owner:
                # The meeting's own words instead of the standard phrase: the discussion's outcome introduction.
                generated = tree_paragraphs[0].content
                result.placed.append(Placed(paragraphs[0], where, new=("introduction", owner, 0), generated=generated))
            else:
                place_list(result, where, paragraphs[:1], tree_paragraphs[:1], None)
            for block in paragraphs[1:]:
                result.unplaced.append(Unplaced(block, where, _("an outcome has one introductory paragraph")))
            place_list(result, where, items, tree_items, ("recommendation", owner))
            continue
        elif len(paragraphs) == len(tree_paragraphs):
            place_list(result, where, paragraphs, tree_paragraphs, None)
        elif section.key in PARTS and all(p.source.startswith("meetings.meetingparagraph.") for p in tree_paragraphs):
            place_list(result, where, paragraphs, tree_paragraphs, (PARTS[section.key], ""))
        else:
            reason = _("this section has %(report)d numbered paragraphs in the report and %(file)d in the file") % {
                "report": len(tree_paragraphs),
                "file": len(paragraphs),
            }
            result.unplaced.extend(Unplaced(block, where, reason) for block in paragraphs)
        for block in items:
            result.unplaced.append(Unplaced(block, where, _("the report has no lettered paragraphs here")))


def place_list(result, where, blocks, tree_blocks, new):
    """Pairs blocks with the tree's in order; the file's extra blocks are new records of `new`'s kind, or unplaced."""
    for index, block in enumerate(blocks):
        if index < len(tree_blocks):
            target = tree_blocks[index]
            source = target.source
            if source.count(".") == 2:  # a record's text is named by the record alone ("app.model.pk")
                source += ".text"
            result.placed.append(Placed(block, where, source=source, generated=() if source else target.content))
        elif new is not None:
            result.placed.append(Placed(block, where, new=(*new, index - len(tree_blocks))))
        else:
            result.unplaced.append(Unplaced(block, where, _("the report has no paragraph here for it")))
    if blocks:  # a section the file leaves out altogether may be in another part of the draft
        result.left_out += max(0, len(tree_blocks) - len(blocks))


def align_topic(result, topic, modes, standard):
    """A Congress topic the meeting's report does not discuss yet: its paragraphs are new records."""
    where = topic.title
    blocks = [block for mode in (BODY, SUMMARY, OUTCOME) for block in modes.get(mode, [])]
    if SUMMARY in modes or OUTCOME in modes:
        split = {SUMMARY: modes.get(SUMMARY, []) + modes.get(BODY, []), OUTCOME: modes.get(OUTCOME, [])}
    else:
        split = split_plain(blocks)
    summary = [block for block in split.get(SUMMARY, []) if block.kind == PARAGRAPH]
    outcome = split.get(OUTCOME, [])
    place_list(result, where, summary, [], ("summary", str(topic.pk)))
    introduction = [block for block in outcome if block.kind == PARAGRAPH]
    if introduction and not same_words(introduction[0].text, standard):  # the standard phrase is the default
        result.placed.append(Placed(introduction[0], where, new=("introduction", str(topic.pk), 0), generated=standard))
    place_list(result, where, [b for b in outcome if b.kind == ITEM], [], ("recommendation", str(topic.pk)))
    for block in blocks:
        if block.kind == TEXT:
            result.unplaced.append(Unplaced(block, where, _("it is neither a numbered nor a lettered paragraph")))
        elif block.kind == PARAGRAPH and block not in summary and block not in introduction[:1]:
            result.unplaced.append(Unplaced(block, where, _("the report has no paragraph here for it")))


def same_words(markup, content):
    """Whether a block's text says what a run of the tree's inlines says."""

    def words(text):
        return normal(re.sub(r"[*\[\]]", "", text))

    return words(markup) == words(doc.plain_text(content))


def same_text(markup, current):
    """Whether a block's text is a stored text as the report prints it (the same inlines, spaces aside)."""
    return parse_inlines(" ".join(markup.split())) == parse_inlines(" ".join(current.split()))
