"""Search across the meetings a reader may see: what a delegate types, in the language of the page.

The index (`congress.models.SearchEntry`) holds, per meeting and language, what a delegate may
look for: every numbered paragraph and lettered subparagraph of the report (read from the built
report, so the numbers are the report's own), the officers as the report lists them, the States
and organizations represented, the venue, the agenda items and the documents with their symbols.
It is written from one version of the meeting's content and rewritten, on the next search in
that language, once the meeting's version has changed: an edit shows in the next search.

PostgreSQL searches a stored `tsvector` under a GIN index, in the language's text-search
configuration (english, french, spanish, russian; `simple` for Arabic and Chinese, which it
does not stem), ranked by `ts_rank`. SQLite (while developing) matches every word as a
substring. A paragraph number ("42", "para 42", "42 (c)") finds that paragraph on both.
Only what the visibility rule lets the reader see is searched: `visible_to` of meetings and
documents.
"""

import re
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caching.models import MeetingVersion
from languages import report_language
from languages.versions import shown_text
from meetings.models import Document, Meeting
from report import document as doc
from report.cache import built_report
from report.citations import cited_blocks, walk
from search.models import SearchEntry, SearchIndexVersion

RESULTS_PER_KIND = 25
# PostgreSQL's text-search configuration per language of the site; `simple` where it has no stemmer to use.
CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "simple", "zh-hans": "simple"}
# Written without spaces between words, so a word is found inside the text, not as a token.
SUBSTRING_LANGUAGES = {"zh-hans"}
CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff]")
PARAGRAPH_NUMBER = re.compile(
    r"^\s*(?:paragraphs?|paras?\.?|§|paragraphe|párrafo|пункт|الفقرة|第)?\s*(\d{1,6})\s*(?:\(?\s*([a-z]+)\s*\)?)?\s*段?\s*$",
    re.IGNORECASE,
)

KINDS = [
    ("paragraph", gettext_lazy("Paragraphs of the report")),
    ("recommendation", gettext_lazy("Recommendations")),
    ("summary", gettext_lazy("Summary of deliberations")),
    ("officer", gettext_lazy("Officers")),
    ("participant", gettext_lazy("States and organizations represented")),
    ("meeting", gettext_lazy("Meetings")),
    ("agenda_item", gettext_lazy("Agenda items")),
    ("document", gettext_lazy("Documents")),
]


@dataclass
class Hit:
    meeting: Meeting
    text: str
    url: str
    where: str = ""  # "paragraph 56 (i)", shown next to the text
    snippet: str = ""  # the text around the words found, HTML with <mark> around them


@dataclass
class Group:
    title: str
    hits: list


def search_meetings(words, *, user):
    """The groups of hits for the words, best first, among what `user` may see, in the active language."""
    by_kind = {}
    found = matching_entries(words, user=user).select_related("meeting__congress")
    for entry in found[: RESULTS_PER_KIND * len(KINDS)]:
        hits = by_kind.setdefault(entry.kind, [])
        if len(hits) < RESULTS_PER_KIND:
            hits.append(Hit(entry.meeting, entry.text, entry.url, entry.where, highlight(entry.text, words)))
    return [Group(title, by_kind[kind]) for kind, title in KINDS if kind in by_kind]


def matching_entries(words, *, user):
    """The index entries that match the words, best first, among what `user` may see, in the active language."""
    language = translation.get_language() or "en"
    meetings = Meeting.objects.visible_to(user)
    index_stale_meetings(language)
    entries = SearchEntry.objects.filter(language=language, meeting__in=meetings).filter(
        Q(document__isnull=True) | Q(document__in=Document.objects.visible_to(user))
    )
    if number := paragraph_number(words):
        return entries.filter(number=number).order_by("meeting__start_date", "order")
    if connection.vendor == "postgresql":
        query = SearchQuery(words, search_type="websearch", config=CONFIGS.get(language, "simple"))
        condition = Q(vector=query)
        if language in SUBSTRING_LANGUAGES:
            condition |= Q(text__icontains=words.strip())
        return entries.filter(condition).annotate(rank=SearchRank(F("vector"), query)).order_by("-rank", "order")
    condition = Q()
    for word in words.split():
        condition &= Q(text__icontains=word) | Q(terms__icontains=word)
    return entries.filter(condition).order_by("order")


def paragraph_number(words):
    """The number as the index keeps it ("42", "42 (c)") from "42", "para 42", "42 (c)" or "42c"; None otherwise."""
    match = PARAGRAPH_NUMBER.match(words)
    if match is None:
        return None
    number, letter = match.groups()
    return f"{int(number)} ({letter.lower()})" if letter else str(int(number))


def highlight(text, words, length=40):
    """The text, cut to about `length` words around the first word found, escaped, with each word found in <mark>."""
    terms = [t for t in re.findall(r"\w+", words) if len(t) > 1 and t.lower() not in ("or", "and")]
    # Word forms: "trafficked" marks "trafficking" too, as the stemmed search finds both.
    stems = {t[: max(4, len(t) - 3)] if len(t) > 5 and not CJK.search(t) else t for t in terms}
    stems = sorted(stems, key=len, reverse=True)
    if not stems:
        return escape(" ".join(text.split()[:length]))
    # A word starts at a word boundary; Chinese, written without spaces, is found anywhere.
    alternatives = [re.escape(stem) if CJK.search(stem) else rf"(?<!\w){re.escape(stem)}\w*" for stem in stems]
    pattern = re.compile("|".join(alternatives), re.IGNORECASE)
    words_of_text = text.split()
    first = next((i for i, w in enumerate(words_of_text) if pattern.search(w)), 0)
    start = max(0, first - length // 4)
    shown = " ".join(words_of_text[start : start + length])
    marked = pattern.sub(lambda m: f"\x00{m.group(0)}\x01", shown)
    html = escape(marked).replace("\x00", "<mark>").replace("\x01", "</mark>")
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(words_of_text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 -- escaped above; only <mark> added


def index_stale_meetings(language):
    """Rewrites the entries of every meeting whose content changed since they were written in this language."""
    versions = connection.ops.quote_name(MeetingVersion._meta.db_table)
    indexed = connection.ops.quote_name(SearchIndexVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.meeting_id, v.token FROM {versions} v LEFT JOIN {indexed} s "
            "ON s.meeting_id = v.meeting_id AND s.language = %s WHERE s.token IS NULL OR s.token <> v.token",
            [language],
        )
        stale = cursor.fetchall()
    for meeting_pk, token in stale:
        index_meeting(meeting_pk, token, language)


def index_meeting(meeting_pk, token, language):
    """Writes the meeting's entries in one language from the version `token` of its content (read before)."""
    with transaction.atomic():
        state, _created = SearchIndexVersion.objects.select_for_update().get_or_create(
            meeting_id=meeting_pk, language=language, defaults={"token": ""}
        )
        if state.token == token:
            return  # another request wrote them meanwhile
        with translation.override(language):
            meeting = Meeting.objects.for_report().get(pk=meeting_pk)
            entries = list(entries_for(meeting, token, language))
        SearchEntry.objects.filter(meeting_id=meeting_pk, language=language).delete()
        SearchEntry.objects.bulk_create(entries)
        if connection.vendor == "postgresql":
            SearchEntry.objects.filter(meeting_id=meeting_pk, language=language).update(
                vector=SearchVector("text", "terms", config=CONFIGS.get(language, "simple"))
            )
        state.token = token
        state.save(update_fields=["token"])


def entries_for(meeting, token, language):
    """Every entry of the meeting, in reading order, in the index's language (the active one, `language`).

    A text not yet translated into it is indexed in its original, so that a delegate finds it in any language.
    """
    order = iter(range(1_000_000))
    version = report_language(language) or "en"

    def shown(record, field):
        return shown_text(record, field, version)[0]

    def entry(kind, text, url, **fields):
        return SearchEntry(
            meeting=meeting, language=language, kind=kind, order=next(order), text=text, url=url, **fields
        )

    slug = meeting.slug
    detail = reverse("meetings:detail", args=[slug])
    place = f"{shown(meeting, 'venue_city')}, {shown(meeting.venue_country, 'name')}"
    yield entry("meeting", f"{meeting.display_title_in(version)}, {place}, {meeting.dates}", detail, where=place)
    participation = reverse("meetings:participation", args=[slug])
    for p in meeting.participations.all():
        name = shown(p.state, "name") if p.state_id else shown(p.organization, "name")
        terms = shown(p.organization, "short_name") if p.organization_id else ""
        yield entry("participant", name, participation, terms=terms, where=p.get_capacity_display())
    agenda = reverse("meetings:agenda", args=[slug])
    for item in meeting.agenda_items.all():
        text = " ".join(filter(None, [item.display_title_in(version), plain(shown(item, "annotation"))]))
        yield entry("agenda_item", text, f"{agenda}#item-{item.pk}")
    documents = reverse("meetings:documents", args=[slug])
    for document in meeting.documents.all():
        yield entry(
            "document",
            f"{document.symbol} {shown(document, 'title')}",
            f"{documents}#document-{document.pk}",
            document=document,
            terms=" ".join(symbol_parts(document.symbol)),
        )
    yield from report_entries(meeting, token, entry)


def report_entries(meeting, token, entry):
    """The report's numbered paragraphs, lettered subparagraphs and officers, linked to their place in it."""
    report_url = reverse("meetings:report", kwargs={"slug": meeting.slug})
    # The public tree: its chapter IV and annex name no unpublished document.
    public = Meeting.objects.for_report(AnonymousUser()).get(pk=meeting.pk)
    report = built_report(public, token, "public")
    for cited in cited_blocks(report):
        text = doc.plain_text(cited.content, originals=True)
        url = f"{report_url}#{cited.anchor}"
        if cited.letter:
            where = _("paragraph %(number)s %(letter)s") % {"number": cited.number, "letter": cited.label}
            number = f"{cited.number} ({cited.label.strip('()')})"
            yield entry(cited.kind, text, url, number=number, where=where)
        else:
            where = _("paragraph %(number)s") % {"number": cited.number}
            yield entry(cited.kind, text, url, number=str(cited.number), where=where)
    for section in walk(report.chapters + report.annexes):
        paragraph = None
        for block in section.children:
            if isinstance(block, doc.Paragraph):
                paragraph = block
            elif isinstance(block, doc.OfficerList):
                anchor = paragraph.anchor if paragraph is not None else section.anchor
                where = _("paragraph %(number)s") % {"number": paragraph.number} if paragraph else ""
                for line in block.lines:
                    text = f"{line.label} {line.officer}".strip()
                    yield entry("officer", text, f"{report_url}#{anchor}", where=where)


def plain(markup):
    """Drafted text without its light markup (*italics*, [symbol])."""
    return re.sub(r"[*\[\]]", "", markup or "")


def symbol_parts(symbol):
    """What a delegate may type of a symbol: A/CONF.234/RPM.2/L.2/Add.1 → "RPM.2/L.2", "L.2", "Add.1" …"""
    parts = symbol.split("/")
    return sorted({"/".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)})


def ensure_current_index():
    """Writes the index of every stale meeting in every language (for commands and benchmarks)."""
    for language in CONFIGS:
        index_stale_meetings(language)
