"""The public pages: what a delegate reads before and during a meeting. Unpublished meetings are 404s."""

import datetime

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from caching import content_version
from caching.page_cache import MEETING, SITE, cached_page
from core.storage import download_response
from jobs.serving import export_response, meeting_version
from languages import django_language, report_language
from languages.codes import language_name
from meetings import visibility
from meetings.models import Document, Meeting
from meetings.uploads import content_type_for
from public import programme as schedule
from public.calendar import programme_calendar
from public.contents import contents_entries, with_contents, without_contents
from public.document_files import document_rows
from public.forms import SearchForm
from public.participation import represented_by_category
from public.programme import programme_of
from report.cache import built_report, cached_report
from report.downloads import EXPORT_CACHE_SECONDS, draft_parts, report_downloads
from report.renderers import EXTENSIONS
from report.renderers.html import render_fragment
from search.index import search_meetings


def visible_meeting(request, queryset, slug):
    return get_object_or_404(queryset.visible_to(request.user), slug=slug)


@cached_page(SITE)
def home(request):
    meetings = Meeting.objects.visible_to(request.user).for_listing()
    return render(request, "meetings/home.html", {"meetings": meetings, "search_form": SearchForm()})


@cached_page(MEETING)
def meeting_detail(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_meeting_page(request.user), slug)
    programme = programme_of(meeting, documents=False)
    # By the day only, so the page stays the same all day (the page cache keeps it for the day); the
    # plenary meeting in progress is one tap away on the Today page.
    today = programme.local_date(schedule.now())
    if today < meeting.start_date:
        day, day_sessions = "before", programme.day(meeting.start_date)
    elif today <= meeting.end_date:
        day, day_sessions = "during", programme.day(today)
    else:
        day, day_sessions = "after", []
    return render(
        request,
        "meetings/meeting_detail.html",
        {"meeting": meeting, "day": day, "today": today, "day_sessions": day_sessions},
    )


@cached_page(MEETING)
def agenda(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_agenda(request.user), slug)
    return render(request, "meetings/agenda.html", {"meeting": meeting})


@cached_page(MEETING)
def programme(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_programme(request.user), slug)
    subscribe = request.build_absolute_uri(reverse("meetings:programme_ics", kwargs={"slug": meeting.slug}))
    return render(
        request,
        "meetings/programme.html",
        {
            "meeting": meeting,
            "programme": programme_of(meeting),
            # webcal:// asks the reader's calendar to subscribe, so later changes to the programme reach it.
            "subscribe_url": "webcal://" + subscribe.split("://", 1)[1],
        },
    )


def programme_ics(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_programme(), slug)
    return calendar_response(programme_calendar(meeting), f"{meeting.slug}-programme.ics")


@cached_page(MEETING)
def meeting_day(request, slug, day):
    """A day's plenary meetings in full, with the files of each item's documents: the day a delegate prints."""
    meeting = visible_meeting(request, Meeting.objects.for_programme(request.user), slug)
    date = parse_day(day)
    programme = programme_of(meeting)
    sessions = programme.day(date)
    if not sessions:
        raise Http404(_("The meeting has no plenary meeting on that day."))
    days = [day for day, _sessions in programme.days()]
    index = days.index(date)
    return render(
        request,
        "meetings/day.html",
        {
            "meeting": meeting,
            "date": date,
            "sessions": sessions,
            "previous_day": days[index - 1] if index else None,
            "next_day": days[index + 1] if index + 1 < len(days) else None,
        },
    )


def meeting_day_ics(request, slug, day):
    meeting = visible_meeting(request, Meeting.objects.for_programme(), slug)
    date = parse_day(day)
    sessions = [session for session in meeting.sessions.all() if session.date == date]
    if not sessions:
        raise Http404(_("The meeting has no plenary meeting on that day."))
    return calendar_response(programme_calendar(meeting, sessions), f"{meeting.slug}-{date.isoformat()}.ics")


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def parse_day(day):
    try:
        return datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404(_("There is no such day.")) from None


@never_cache
def today(request, slug):
    """Sends the delegate to what matters at this moment: before the meeting its first day, during it the
    plenary meeting in progress or the next one, after it the report.

    A redirect, never cached: the pages it leads to depend only on their address, so the page cache can keep
    them for everyone, while this answer follows the clock.
    """
    meeting = visible_meeting(request, Meeting.objects.for_programme(), slug)
    programme = programme_of(meeting)
    state, session = programme.moment()
    if state in ("now", "next"):
        target = reverse("meetings:today_session", kwargs={"slug": slug, "state": state, "number": session.number})
    elif state == "before" and programme.sessions:
        target = reverse("meetings:day", kwargs={"slug": slug, "day": programme.sessions[0].session.date.isoformat()})
    elif state == "before":
        target = reverse("meetings:programme", kwargs={"slug": slug})
    else:
        target = reverse("meetings:report", kwargs={"slug": slug})
    return redirect(target)


@cached_page(MEETING)
def today_session(request, slug, state, number):
    """The plenary meeting in progress (state "now") or coming next ("next"), in full, and the one after it."""
    if state not in ("now", "next"):
        raise Http404(_("There is no such page."))
    meeting = visible_meeting(request, Meeting.objects.for_programme(request.user), slug)
    programme = programme_of(meeting)
    session = programme.session(number)
    if session is None:
        raise Http404(_("The meeting has no such plenary meeting."))
    return render(
        request,
        "meetings/today.html",
        {"meeting": meeting, "state": state, "current": session, "following": programme.after(session)},
    )


@cached_page(MEETING)
def documents(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_documents(request.user), slug)
    rows = document_rows(meeting, meeting.visible_documents)
    return render(request, "meetings/documents.html", {"meeting": meeting, "rows": rows})


def document_file(request, slug, pk, language):
    document = get_object_or_404(
        Document.objects.visible_to(request.user).filter(meeting__in=Meeting.objects.visible_to(request.user)),
        meeting__slug=slug,
        pk=pk,
    )
    version = document.files.filter(language=language).first()
    if version is None:
        raise Http404(_("This document has no file in that language."))
    # Each save of a language version raises its version: a replaced file has a new tag.
    etag = f'"file-{version.pk}-{version.version}"'
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        # Always a download of the type its extension names: streamed, or redirected to a signed address.
        response = download_response(version.file, version.filename, content_type_for(version.filename))
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response


@cached_page(MEETING)
def participation(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_participation(), slug)
    groups = represented_by_category(meeting, page_language())
    return render(request, "meetings/participation.html", {"meeting": meeting, "represented": groups})


def page_language():
    """The report version of the page's language prefix: /es/…/report/ shows the Spanish version."""
    return report_language(get_language())


def meeting_and_report(request, slug):
    """(meeting, its built report, the version's date): the tree from the cache while the meeting is unchanged.

    The meeting's version is read first, so the date never runs ahead of the report; with the tree
    cached, the meeting is read only for its header and downloads. The reader's audience (public or
    preview, meetings/visibility.py) chooses the tree: a public one lists no unpublished document.
    """
    version = content_version.for_meeting(slug=slug)
    token, changed_at = version or (None, None)
    header = visible_meeting(request, Meeting.objects.select_related("congress").prefetch_related("documents"), slug)
    audience = "preview" if visibility.may_preview(request.user, header) else "public"
    if version is not None and (document := cached_report(slug, token, audience)) is not None:
        return header, document, changed_at
    meeting = visible_meeting(request, Meeting.objects.for_report(request.user), slug)
    return meeting, built_report(meeting, token, audience), changed_at


@cached_page(MEETING)
def report(request, slug):
    meeting, document, _changed_at = meeting_and_report(request, slug)
    # Rendered once per version of the report's content, like the exports.
    body = without_contents(document)
    # A text not yet translated shows its original, marked: a delegate is never handed a placeholder.
    report_html = cache.get_or_set(
        f"report-page:{body.symbol}:{body.version}", lambda: render_fragment(body, originals=True), EXPORT_CACHE_SECONDS
    )
    return render(
        request,
        "meetings/report.html",
        {
            "meeting": meeting,
            "report": document,
            "report_html": with_contents(
                report_html,
                render_to_string("meetings/_report_contents.html", {"contents": contents_entries(document)}, request),
            )
            if document.has_contents
            else report_html,
            "has_contents": document.has_contents,
            "downloads": report_downloads(meeting, request.user, page_language()),
            "originals_note": originals_note(document, meeting),
        },
    )


def originals_note(document, meeting):
    """What the badge on a text not yet translated means, once for the page; "" when every text is translated."""
    if not document.missing_texts:
        return ""
    language = language_name(get_language())
    return pgettext(
        "site",
        "Texts not yet translated into %(language)s are shown in their original language, marked with its code "
        "(%(code)s).",
    ) % {"language": language, "code": django_language(meeting.original_language).upper()}


def report_download(request, slug, extension):
    if extension not in EXTENSIONS:
        raise Http404(_("There is no such format."))
    return export_download(request, slug, extension)


def draft_part_download(request, slug, part, extension):
    if extension not in EXTENSIONS:
        raise Http404(_("There is no such format."))
    return export_download(request, slug, extension, part)


def revised_part_download(request, slug, part, extension):
    """A part of the draft as the room revised it during the adoption: the agreed text, without the marks."""
    if extension not in EXTENSIONS:
        raise Http404(_("There is no such format."))
    return export_download(request, slug, extension, part, revised=True)


def export_download(request, slug, extension, part=None, *, revised=False):
    """The report's file, or a part of its draft's, as the reader may see it: written by a job (jobs/)."""
    # Before reading the meeting: the file served is never older than the version it is filed under.
    version = content_version.for_meeting(slug=slug)
    queryset = Meeting.objects.prefetch_related("documents") if part else Meeting.objects.all()
    meeting = visible_meeting(request, queryset, slug)
    symbol = meeting.symbol
    if part is not None:
        symbol = next((d.symbol for d in draft_parts(meeting, request.user) if d.short_symbol == part), None)
        if symbol is None:
            raise Http404(_("The draft report has no such part."))
    if version is None:  # a meeting written without signals (a bulk import) has no version yet
        version = meeting_version(meeting.pk)
    audience = "preview" if visibility.may_preview(request.user, meeting) else "public"
    return export_response(
        request,
        meeting=meeting,
        audience=audience,
        language=page_language() or meeting.original_language,
        part=symbol if part is not None else "",
        extension=extension,
        symbol=symbol,
        version=version,
        revised=revised,
    )


@cached_page(SITE, params=("q",))
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = search_meetings(form.cleaned_data["q"], user=request.user)
    return render(request, "meetings/search.html", {"search_form": form, "results": results})
