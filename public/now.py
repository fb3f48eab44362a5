"""The "now" page of a meeting: the part and paragraph of the draft report the room is reading, the text as it
stands with the agreed changes marked, and the oral amendments' statuses, for delegates on their phones.

Why a cached page polled with its ETag, not server-sent events or a WebSocket: the site runs on gunicorn's sync
workers, where a long-lived connection holds a whole worker, so a few hundred delegates following the reading
would need a few hundred workers (or a second, asynchronous server). Here each reader's script asks every two
seconds with If-None-Match; the page is cached under the meeting's content version (`@cached_page(MEETING)`),
which every move and every amendment replaces, so until something changes each ask is one small query and a 304
(ConditionalGetMiddleware before the page cache), and after a change the first reader builds the page once for
all. The page reads the same without JavaScript: a reload shows the moment.
"""

from django.core.cache import cache
from django.shortcuts import render

from adoption.models import OralAmendment, Reading
from caching import content_version
from caching.page_cache import MEETING, cached_page
from core.diff import marked_word_diff
from meetings import visibility
from meetings.models import Meeting
from public.views import page_language, visible_meeting
from report.adopted import draft_parts_of
from report.amended import items_of
from report.renderers.html import body_html

PARTS_CACHE_SECONDS = 60 * 60


@cached_page(MEETING)
def now(request, slug):
    # Before reading the meeting, as report.cache does: parts are never kept under a version older than their content.
    version = content_version.for_meeting(slug=slug)
    meeting = visible_meeting(request, Meeting.objects.for_report(request.user), slug)
    context = {"meeting": meeting, "reading": None}
    reading = Reading.objects.filter(meeting=meeting).select_related("part").order_by("-moved_at", "-pk").first()
    audience = "preview" if visibility.may_preview(request.user, meeting) else "public"
    parts = {}
    if reading is not None:
        # Shared by the server's processes (CACHE_URL): after a change, one of them builds the parts for all.
        key = f"now-parts:{meeting.pk}:{version[0] if version else ''}:{page_language()}:{audience}"
        parts = cache.get(key) if version else None
        if parts is None:
            parts = draft_parts_of(meeting, page_language(), audience)
            if version:
                cache.set(key, parts, PARTS_CACHE_SECONDS)
    if reading is not None and reading.part.symbol in parts:
        items = items_of(parts[reading.part.symbol])
        keys = [item.key for item in items]
        current = items[keys.index(reading.position)] if reading.position in keys else (items[0] if items else None)
        amendments = []
        if current is not None and current.source:
            found = OralAmendment.objects.filter(part=reading.part, source=current.source).select_related(
                "delegation__state", "delegation__organization"
            )
            amendments = [(a, *marked_word_diff(a.issued_text, a.proposed_text)) for a in found.order_by("pk")]
        outcome = reading.outcomes.filter(source=current.key).first() if current is not None else None
        context.update(
            reading=reading,
            current=current,
            # During the adoption few texts are translated yet: a delegate reads the paragraph in its original.
            current_html=body_html(current, originals=True) if current is not None else "",
            outcome=outcome,
            amendments=amendments,
        )
    return render(request, "meetings/now.html", context)
