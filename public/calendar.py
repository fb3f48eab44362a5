"""The programme of work as an iCalendar file that a phone's calendar imports or subscribes to."""

import datetime
import zoneinfo

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from icalendar import Calendar, Event, vDuration

from languages import report_language
from languages.versions import shown_text

# How often a subscribed calendar asks again (RFC 7986 REFRESH-INTERVAL, and Outlook's X-PUBLISHED-TTL).
REFRESH = datetime.timedelta(hours=1)


def programme_calendar(meeting, sessions=None):
    """One event per plenary meeting (all of them, or those given), in UTC so that every calendar places
    it right; as bytes."""
    venue = zoneinfo.ZoneInfo(meeting.time_zone)
    language = report_language(translation.get_language()) or "en"  # the calendar's, as its address says

    def shown(record, field):
        return shown_text(record, field, language)[0]

    calendar = Calendar()
    calendar.add("prodid", "-//Rapporteur//Programme of work//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", meeting.display_title_in(language))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    stamp = timezone.now().replace(microsecond=0)
    separator = pgettext("report list separator", ", ")
    place = f"{shown(meeting, 'venue_city')}{separator}{shown(meeting.venue_country, 'name')}"
    for session in meeting.sessions.all() if sessions is None else sessions:
        event = Event()
        event.add("uid", f"{meeting.slug}-session-{session.number}@rapporteur")
        event.add("dtstamp", stamp)
        summary = _("%(meeting)s, plenary meeting %(number)s") % {
            "meeting": shown(meeting, "region"),
            "number": session.number,
        }
        if title := shown(session, "title"):
            summary = pgettext("calendar", "%(summary)s: %(title)s") % {"summary": summary, "title": title}
        event.add("summary", summary)
        room = shown(session, "room")
        event.add("location", f"{room}{separator}{place}" if room else place)
        times = utc_times(session, venue) if session.start_time else None
        if times:
            event.add("dtstart", times[0])
            event.add("dtend", times[1])
        else:
            event.add("dtstart", session.date)
        items = [item.display_title_in(language) for item in session.agenda_items.all()]
        if items:
            event.add("description", "\n".join(items))
        calendar.add_component(event)
    return calendar.to_ical()


def utc_times(session, venue):
    """(start, end) in UTC, or None when they fall outside the dates Python can hold (year 9999's last
    evening, east of Greenwich): the event then keeps its date alone instead of failing the whole file."""
    try:
        start = datetime.datetime.combine(session.date, session.start_time, tzinfo=venue)
        if session.end_time:
            end = datetime.datetime.combine(session.date, session.end_time, tzinfo=venue)
        else:
            end = start + datetime.timedelta(hours=3)  # a plenary meeting's usual length
        return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    except OverflowError:
        return None
