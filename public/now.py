"""The "now" page of a meeting: the part and paragraph of the draft report the room is reading, the text as it
stands with the agreed changes marked, and the oral amendments' statuses, for delegates on their phones.

Why a cached page polled with its ETag, not server-sent events or a WebSocket: the site runs on gunicorn's
threads (gunicorn.conf.py), where a long-lived stream holds a whole thread, so a few hundred delegates following
the reading would need a few hundred threads (or a second, asynchronous server). Here each reader's script asks
every two seconds with If-None-Match; the page is cached under the meeting's content version (`@cached_page(MEETING)`),
which every move and every amendment replaces, so until something changes each ask is one small query and a 304
(ConditionalGetMiddleware before the page cache), and after a change the first reader builds the page once for
all. The page reads the same without JavaScript: a reload shows the moment.
"""

from django.shortcuts import render
from django.utils.translation import pgettext

from adoption.models import OralAmendment, Reading
from adoption.records import record_of
from caching import content_version
from caching.page_cache import MEETING, cached_page
from core.diff import marked_word_diff
from meetings import visibility
from meetings.models import Meeting
from public.views import page_language, visible_meeting
from report.amended import items_of
from report.cache import note_followed, shared_draft_parts
from report.document import Text, Untranslated
from report.renderers.html import body_html, original_html


@cached_page(MEETING)
def now(request, slug):
    # Before reading the meeting, as report.cache does: parts are never kept under a version older than their content.
    version = content_version.for_meeting(slug=slug)
    # The meeting's own fields only: the report's records are loaded by the one process that builds the parts.
    meeting = visible_meeting(request, Meeting.objects.all(), slug)
    context = {"meeting": meeting, "reading": None}
    audience = "preview" if visibility.may_preview(request.user, meeting) else "public"
    reading = Reading.objects.filter(meeting=meeting).select_related("part").order_by("-moved_at", "-pk").first()
    if reading is None:
        # Followed from before the reading begins (once it has, shared_draft_parts notes it): the first move
        # already finds the parts built.
        note_followed(meeting.pk, page_language(), audience)
        return render(request, "meetings/now.html", context)

    def parts_in(language):
        return shared_draft_parts(meeting.pk, version[0] if version else None, language, audience)

    parts = parts_in(page_language())
    if reading.part.symbol not in parts:
        return render(request, "meetings/now.html", context)
    items = items_of(parts[reading.part.symbol])
    keys = [item.key for item in items]
    index = keys.index(reading.position) if reading.position in keys else 0
    current = items[index] if items else None
    # The paragraph being read was deleted from the draft meanwhile: said so, with what the room proposed to it,
    # rather than the part's first paragraph shown as the one being read.
    deleted = bool(reading.position) and reading.position not in keys and is_deleted_record(reading.position)
    if deleted:
        current = None
    source = reading.position if deleted else (current.source if current is not None else "")
    amendments = []
    if source:
        found = OralAmendment.objects.filter(part=reading.part, source=source).select_related(
            "delegation__state", "delegation__organization"
        )
        amendments = [(a, *marked_word_diff(a.issued_text, a.proposed_text)) for a in found.order_by("pk")]
    outcome = reading.outcomes.filter(source=current.key).first() if current is not None else None
    context.update(
        reading=reading,
        current=current,
        # During the adoption few texts are translated yet: a delegate reads the paragraph in its original, and
        # the heading above it too (the parts' structure is the same in every language: the same index).
        current_html=body_html(current, originals=True) if current is not None else "",
        original_heading=original_heading(current, index, reading, meeting, parts_in),
        outcome=outcome,
        amendments=amendments,
        deleted=deleted,
    )
    return render(request, "meetings/now.html", context)


def is_deleted_record(position):
    """Whether the reading's position names a drafted record that is gone (not a builder's sentence, "label:…")."""
    return not position.startswith("label:") and record_of(position) is None


def original_heading(current, index, reading, meeting, parts_in):
    """The current heading in the meeting's original language, marked as the site marks an original (its lang,
    dir and badge), when the page's version of it is not translated yet; "" otherwise."""
    if current is None or pgettext("report", "[Text not translated]") not in current.heading:
        return ""
    language = meeting.original_language
    part = parts_in(language).get(reading.part.symbol)
    original = items_of(part) if part is not None else []
    if index >= len(original):
        return ""
    return original_html(Untranslated(current.heading, original=(Text(original[index].heading),), language=language))
