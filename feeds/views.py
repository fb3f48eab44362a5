"""Atom feeds of a meeting's documents, and of a Congress's meetings' documents, in the language of the address.

One entry per document the reader may see (meetings/visibility.py), newest first: its symbol and title in the
feed's language, when it was issued (first recorded) and last revised (the document's, or its file's in that
language, last recorded change; for a part of the draft report that Rapporteur writes, the meeting's content
version too, as the part is written anew from the records), and links to its files in that language. Answers
carry an ETag under the content version, and a client that has the feed gets 304.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import condition

from caching import content_version
from congress.models import Congress
from languages import report_language
from languages.codes import language_name
from languages.dates import long_date
from languages.versions import shown_text
from meetings import visibility
from meetings.models import Document, DocumentFile, Meeting
from public.document_files import document_rows

FEED_CACHE_SECONDS = 24 * 60 * 60
MOST_ENTRIES = 100


@dataclass
class Entry:
    title: str
    link: str
    guid: str  # the document's row on the documents page of the feed's language: the same whatever its files
    description: str
    published: datetime.datetime
    updated: datetime.datetime


@dataclass
class Issued:
    """What a feed shows: its title and page, and its entries, built once per request."""

    title: str
    link: str
    entries: list = field(default_factory=list)


def feed_language():
    return report_language(translation.get_language()) or "en"


def documents_with_dates(user, meetings, language):
    """The documents `user` may see of `meetings`, with their files and the times of their first and last change
    (the document's, or its file's in `language`), from their history."""
    history = Document.history.model.objects.filter(id=OuterRef("pk"))
    file_history = DocumentFile.history.model.objects.filter(document_id=OuterRef("pk"), language=language)
    return (
        Document.objects.visible_to(user)
        .filter(meeting__in=meetings)
        .select_related("meeting__congress")
        .prefetch_related("files")
        .annotate(
            first_recorded=Subquery(history.order_by("history_date").values("history_date")[:1]),
            last_recorded=Subquery(history.order_by("-history_date").values("history_date")[:1]),
            file_recorded=Subquery(file_history.order_by("-history_date").values("history_date")[:1]),
        )
    )


def entries_of(request, meeting, documents, language, changed_at):
    """The entries of one meeting's documents in `language`."""
    documents_page = request.build_absolute_uri(reverse("meetings:documents", kwargs={"slug": meeting.slug}))
    entries = []
    for row in document_rows(meeting, documents):
        document = row.document
        files = next((version.files for version in row.versions if version.language == language), [])
        first = document.first_recorded or changed_at
        last = max(filter(None, [document.last_recorded, document.file_recorded, first]))
        if any(link.generated for link in files):
            last = max(last, changed_at)  # written anew from the meeting's records as they change
        title = pgettext("feed", "%(symbol)s: %(title)s") % {
            "symbol": document.symbol,
            "title": shown_text(document, "title", language)[0],
        }
        entries.append(
            Entry(
                title=title,
                link=request.build_absolute_uri(files[0].url) if files else f"{documents_page}#document-{document.pk}",
                guid=f"{documents_page}#document-{document.pk}",
                description=description(request, document, files, language),
                published=first,
                updated=last,
            )
        )
    return entries


def description(request, document, files, language):
    """What the entry says: the date of issue, and the files in the feed's language or that there are none yet."""
    parts = []
    if document.issued_on:
        parts.append(
            format_html("<p>{}</p>", _("Issued on %(date)s.") % {"date": long_date(document.issued_on, language)})
        )
    name = language_name(language)
    if files:
        links = format_html_join(
            ", ", '<a href="{}">{}</a>', ((request.build_absolute_uri(f.url), f.format) for f in files)
        )
        parts.append(format_html("<p>{} {}</p>", _("Files in %(language)s:") % {"language": name}, links))
    else:
        parts.append(format_html("<p>{}</p>", _("No file in %(language)s yet.") % {"language": name}))
    return "".join(parts)


class DocumentFeed(Feed):
    feed_type = Atom1Feed

    def title(self, issued):
        return issued.title

    def link(self, issued):
        return issued.link

    def subtitle(self, issued):
        return _("Documents and parts of the draft report, as they are issued or revised.")

    def items(self, issued):
        return sorted(issued.entries, key=lambda entry: entry.updated, reverse=True)[:MOST_ENTRIES]

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.guid

    def item_description(self, entry):
        return entry.description

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated


class MeetingFeed(DocumentFeed):
    def get_object(self, request, slug):
        version = content_version.for_meeting(slug=slug)  # before the content: never newer than it
        meeting = get_object_or_404(Meeting.objects.visible_to(request.user).select_related("congress"), slug=slug)
        language = feed_language()
        changed_at = version[1] if version else timezone.now()
        documents = documents_with_dates(request.user, [meeting], language)
        page = request.build_absolute_uri(reverse("meetings:documents", kwargs={"slug": slug}))
        title = pgettext("feed", "Documents: %(meeting)s") % {"meeting": meeting.display_title_in(language)}
        return Issued(title, page, entries_of(request, meeting, documents, language, changed_at))


class CongressFeed(DocumentFeed):
    def get_object(self, request, ordinal):
        changed_at = content_version.current()[1]
        congress = get_object_or_404(Congress, ordinal=ordinal)
        language = feed_language()
        meetings = list(Meeting.objects.visible_to(request.user).filter(congress=congress).select_related("congress"))
        documents = list(documents_with_dates(request.user, meetings, language))
        entries = []
        for meeting in meetings:
            own = [document for document in documents if document.meeting_id == meeting.pk]
            entries.extend(entries_of(request, meeting, own, language, changed_at))
        title = pgettext("feed", "Documents: %(meeting)s") % {"meeting": shown_text(congress, "title", language)[0]}
        return Issued(title, request.build_absolute_uri(reverse("home")), entries)


def feed_etag(request, slug=None, ordinal=None):
    """The feed's ETag: its content version, what the reader may see, and its address (its language); None when
    there is no such meeting (the feed answers 404)."""
    if slug is not None:
        version = content_version.for_meeting(slug=slug)
        if version is None:
            return None
    else:
        version = content_version.current()
    ids = visibility.preview_meeting_ids(request.user)
    seen = "all" if ids is None else ",".join(map(str, sorted(ids)))
    named = "|".join([version[0], seen, request.build_absolute_uri()])
    return hashlib.blake2b(named.encode(), digest_size=16).hexdigest()


def cached_feed(feed):
    """The feed's view, answering 304 to a client that has it and keeping the feed under its ETag."""

    def answer(request, etag, **kwargs):
        key = f"feed:{etag}"
        if (response := cache.get(key)) is None:
            response = feed(request, **kwargs)
            if response.status_code == 200:
                cache.set(key, response, FEED_CACHE_SECONDS)
        return response

    def view(request, **kwargs):
        etag = feed_etag(request, **kwargs)
        if etag is None:
            return feed(request, **kwargs)  # no such meeting: 404
        response = condition(etag_func=lambda request, **kwargs: etag)(answer)(request, etag=etag, **kwargs)
        patch_cache_control(response, no_cache=True)
        return response

    return view


meeting_feed = cached_feed(MeetingFeed())
congress_feed = cached_feed(CongressFeed())
