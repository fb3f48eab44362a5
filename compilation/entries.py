"""The compilation of a Congress's regional meetings' recommendations: every recommendation once, where it
stands in its meeting's report ("A/CONF.234/RPM.2/1, para. 42 (c)"), under its Congress agenda item or workshop
(through the meeting's topic) and the themes the Congress secretariat gave it, in the reader's language.

The numbers and letters are the report's own: each meeting's built report (report.cache, kept per version of
the meeting's content) says which paragraph and letter a recommendation got (`Subparagraph.source`). A text not
yet translated into the reader's language is given in its original, with its language, as the site does.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from caching.models import MeetingVersion
from congress.models import Theme
from languages import django_language
from languages.versions import shown_text
from meetings.models import Meeting
from recommendations.models import Recommendation
from report import document as doc
from report.cache import built_report, cached_report
from report.citations import cited_blocks
from report.markup import parse_inlines


@dataclass(frozen=True)
class Place:
    """Where the report puts a recommendation: its paragraph's number, its letter as the language writes it, and
    the anchor that is the same in every language version."""

    paragraph: int
    label: str
    anchor: str


@dataclass
class Entry:
    recommendation: Recommendation
    meeting: Meeting
    region: str
    heading: str  # the topic as the report heads it: the main theme, or the agenda item and its workshop
    item_key: str  # "main", "item-3": what the matrix's rows and the filter group by
    themes: list = field(default_factory=list)
    place: Place | None = None  # None while the meeting's report does not print the recommendation
    text: str = ""
    text_language: str = ""  # the language the text is in: the reader's, or else an original's
    url: str = ""

    @property
    def citation(self):
        """ "A/CONF.234/RPM.2/1, para. 42 (c)", in the reader's language's words."""
        if self.place is None:
            return self.meeting.symbol
        return pgettext("compilation", "%(symbol)s, para. %(number)s %(letter)s") % {
            "symbol": self.meeting.symbol,
            "number": self.place.paragraph,
            "letter": self.place.label,
        }


def places_in(report):
    """{"recommendations.recommendation.12": Place, …} for every recommendation the report letters."""
    return {
        cited.source: Place(cited.number, cited.label, cited.anchor) for cited in cited_blocks(report) if cited.source
    }


def report_places(meetings, language):
    """{meeting pk: places_in(its report in `language`)}: the public tree of each meeting (the numbers do not depend
    on who reads), from the cache while the meeting is unchanged, built otherwise."""
    tokens = dict(MeetingVersion.objects.filter(meeting__in=meetings).values_list("meeting_id", "token"))
    places = {}
    with translation.override(django_language(language)):
        for meeting in meetings:
            token = tokens.get(meeting.pk)
            report = cached_report(meeting.slug, token, "public")
            if report is None:
                public = Meeting.objects.for_report(AnonymousUser()).get(pk=meeting.pk)
                report = built_report(public, token, "public")
            places[meeting.pk] = places_in(report)
    return places


def item_key(topic):
    if topic.agenda_item_id is None:
        return "main"
    return f"item-{topic.agenda_item.number}"


def compile_recommendations(congress, *, user=None, language, meetings=None):
    """Every recommendation of the meetings of `congress` that `user` may see (or of those of `meetings`, a
    queryset of meetings, for a job that has no user), in `language` (a report code), in the order of the
    Congress's topics, then of the meetings (by start date), then of the report."""
    meetings = list(
        (Meeting.objects.visible_to(user) if meetings is None else meetings)
        .filter(congress=congress)
        .select_related("congress")
        .order_by("start_date", "pk")
    )
    places = report_places(meetings, language)
    with translation.override(django_language(language)):  # the topics' headings take the report's words
        return list(entries_of(meetings, places, language))


def entries_of(meetings, places, language):
    by_pk = {meeting.pk: meeting for meeting in meetings}
    recommendations = (
        Recommendation.objects.filter(discussion__meeting__in=meetings)
        .select_related("discussion__topic__agenda_item", "discussion__topic__workshop", "discussion__topic__congress")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("order", "pk")))
        .order_by("discussion__topic__order", "discussion__topic__pk", "discussion__meeting__start_date", "order", "pk")
    )
    for recommendation in recommendations:
        meeting = by_pk[recommendation.discussion.meeting_id]
        topic = recommendation.discussion.topic
        place = places[meeting.pk].get(f"recommendations.recommendation.{recommendation.pk}")
        text, text_language = shown_text(recommendation, "text", language)
        text = doc.plain_text(parse_inlines(text))  # without the drafting markup (*italics*, [symbols])
        report_url = reverse("meetings:report", kwargs={"slug": meeting.slug})
        yield (
            Entry(
                recommendation=recommendation,
                meeting=meeting,
                region=shown_text(meeting, "region", language)[0],
                heading=topic.title_in(language),
                item_key=item_key(topic),
                themes=list(recommendation.themes.all()),
                place=place,
                text=text,
                text_language=text_language,
                url=f"{report_url}#{place.anchor}" if place else report_url,
            )
        )


def select(entries, *, meeting=None, item=None, theme=None, words=""):
    """The entries of one meeting (its region), one Congress item or workshop, one theme, with these words."""
    words = [word.casefold() for word in words.split()]
    chosen = []
    for entry in entries:
        if meeting is not None and entry.meeting.pk != meeting:
            continue
        if item and entry.item_key != item:
            continue
        if theme is not None and theme not in {t.pk for t in entry.themes}:
            continue
        if words and not all(word in entry.text.casefold() for word in words):
            continue
        chosen.append(entry)
    return chosen


@dataclass
class Row:
    key: str
    heading: str
    cells: list  # one list of entries per column (meeting)


def matrix(entries, meetings, *, by="item", themes=()):
    """Rows (the Congress items and workshops as the reports head them, or the themes and then "no theme") ×
    columns (the meetings, each its region): the entries of each cell, in report order."""
    column = {meeting.pk: index for index, meeting in enumerate(meetings)}
    rows = {}
    if by == "theme":
        for theme in themes:
            rows[f"theme-{theme.pk}"] = Row(f"theme-{theme.pk}", str(theme), [[] for _ in meetings])
        unthemed = Row("theme-none", pgettext("compilation", "No theme given yet"), [[] for _ in meetings])
    for entry in entries:
        if by == "theme":
            targets = [rows[f"theme-{t.pk}"] for t in entry.themes if f"theme-{t.pk}" in rows] or [unthemed]
        else:
            targets = [rows.setdefault(entry.item_key, Row(entry.item_key, entry.heading, [[] for _ in meetings]))]
        for row in targets:
            row.cells[column[entry.meeting.pk]].append(entry)
    result = list(rows.values())
    if by == "theme" and any(any(cell) for cell in unthemed.cells):
        result.append(unthemed)
    return result
