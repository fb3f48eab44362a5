"""Search across the published meetings' agendas, documents, deliberations and recommendations.

PostgreSQL ranks with its full-text search; elsewhere (SQLite while developing) a plain substring
match stands in. Deliberations and recommendations link to their paragraph of the report, whose
numbers come from the report builder and nowhere else.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from meetings.models import AgendaItem, Document, Meeting
from meetings.report import document as doc
from meetings.report.builder import build_report
from recommendations.models import Recommendation, SummaryParagraph

RESULTS_PER_KIND = 25


@dataclass
class Hit:
    meeting: Meeting
    text: str
    url: str
    where: str = ""  # "paragraph 56 (i)", shown next to the text


@dataclass
class Group:
    title: str
    hits: list


def matching(queryset, fields, words):
    """The rows whose fields match the words, best first."""
    language = translation.get_language() or "en"
    localized = [build_localized_fieldname(f, language.replace("-", "_")) for f in fields if f in TRANSLATED]
    localized = [f for f in localized if hasattr(queryset.model, f)]
    if connection.vendor == "postgresql":
        query = SearchQuery(words, search_type="websearch", config="english")
        vector = SearchVector(*fields, config="english") + SearchVector(*(localized or fields), config="simple")
        return queryset.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0).order_by("-rank")[:RESULTS_PER_KIND]
    condition = Q()
    for field in fields + localized:
        condition |= Q(**{f"{field}__icontains": words})
    return queryset.filter(condition)[:RESULTS_PER_KIND]


TRANSLATED = {"title", "annotation"}


def search_meetings(words, *, user):
    meetings = Meeting.objects.visible_to(user)
    items = matching(
        AgendaItem.objects.filter(meeting__in=meetings).select_related(
            "meeting__congress", "topic__congress", "topic__agenda_item", "topic__workshop"
        ),
        ["title", "annotation"],
        words,
    )
    documents = matching(
        Document.objects.visible_to(user).filter(meeting__in=meetings).select_related("meeting__congress"),
        ["symbol", "title"],
        words,
    )
    summaries = list(
        matching(
            SummaryParagraph.objects.filter(discussion__meeting__in=meetings).select_related(
                "discussion__meeting__congress"
            ),
            ["text"],
            words,
        )
    )
    recommendations = list(
        matching(
            Recommendation.objects.filter(discussion__meeting__in=meetings).select_related(
                "discussion__meeting__congress"
            ),
            ["text"],
            words,
        )
    )
    places = report_places({row.discussion.meeting_id for row in summaries + recommendations})

    def report_hit(row):
        # A paragraph the report leaves out (a discussion without its topic's section) links to the chapter.
        meeting, anchor, where = places.get((type(row), row.pk), (row.discussion.meeting, "chapter-II", ""))
        url = reverse("meetings:report", kwargs={"slug": meeting.slug}) + f"#{anchor}"
        return Hit(meeting, row.text, url, where)

    groups = [
        Group(_("Recommendations"), [report_hit(row) for row in recommendations]),
        Group(_("Summary of deliberations"), [report_hit(row) for row in summaries]),
        Group(
            _("Agenda items"),
            [
                Hit(
                    item.meeting,
                    item.display_title,
                    reverse("meetings:agenda", args=[item.meeting.slug]) + f"#item-{item.pk}",
                )
                for item in items
            ],
        ),
        Group(
            _("Documents"),
            [
                Hit(
                    d.meeting,
                    f"{d.symbol} {d.title}",
                    reverse("meetings:documents", args=[d.meeting.slug]) + f"#document-{d.pk}",
                )
                for d in documents
            ],
        ),
    ]
    return [group for group in groups if group.hits]


def report_places(meeting_ids):
    """(model, pk) → (meeting, anchor, where) for every summary paragraph and recommendation of the meetings.

    Reads the built report: within the section of a discussion's topic, the paragraphs under
    "Summary of deliberations" are its summary paragraphs in order, and the lettered
    subparagraphs under "Outcome of deliberations" its recommendations, introduced by a
    numbered paragraph that the link targets, with a text fragment for the subparagraph itself
    (lettered subparagraphs carry no anchor).
    """
    places = {}
    for meeting in Meeting.objects.for_report().filter(pk__in=meeting_ids):
        report = build_report(meeting)
        sections = {}
        for section in walk(report.chapters):
            sections.setdefault(section.title, section)
        with translation.override("en"):
            discussions = [(d, d.topic.title) for d in meeting.discussions.all()]
        for discussion, title in discussions:
            section = sections.get(title)
            if section is None:
                continue
            summary_blocks, outcome_blocks = split_by_subheading(section.children)
            summary_paragraphs = [b for b in summary_blocks if isinstance(b, doc.Paragraph)]
            for row, block in zip(discussion.summary_paragraphs.all(), summary_paragraphs, strict=False):
                places[SummaryParagraph, row.pk] = (
                    meeting,
                    block.anchor,
                    _("paragraph %(number)s") % {"number": block.number},
                )
            introduction = next((b for b in outcome_blocks if isinstance(b, doc.Paragraph)), None)
            lettered = [b for b in outcome_blocks if isinstance(b, doc.Subparagraph)]
            for row, block in zip(discussion.recommendations.all(), lettered, strict=False):
                anchor = introduction.anchor if introduction else section.anchor
                places[Recommendation, row.pk] = (
                    meeting,
                    f"{anchor}{text_fragment(block.content)}",
                    _("paragraph %(number)s %(letter)s")
                    % {"number": introduction.number if introduction else "", "letter": block.label},
                )
    return places


def text_fragment(content, words=12):
    """A text fragment (:~:text=) that scrolls browsers to a lettered subparagraph, which has no anchor.

    Browsers without text fragments stay at the numbered paragraph that introduces it.
    """
    start = " ".join(doc.plain_text(content).split()[:words])
    # "-" separates a fragment's parts, so it is escaped along with everything else.
    return f":~:text={quote(start, safe='').replace('-', '%2D')}"


def walk(sections):
    for section in sections:
        yield section
        yield from walk(section.sections())


def split_by_subheading(blocks):
    """The blocks under "Summary of deliberations" and those under "Outcome of deliberations"."""
    summary, outcome, current = [], [], None
    for block in blocks:
        if isinstance(block, doc.Subheading):
            current = {"Summary of deliberations": summary, "Outcome of deliberations": outcome}.get(block.text)
        elif current is not None:
            current.append(block)
    return summary, outcome
