"""The public pages: what a delegate reads before and during a meeting. Unpublished meetings are 404s."""

from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from congress import content_version
from congress.page_cache import MEETING, SITE, cached_page
from meetings.calendar import programme_calendar
from meetings.downloads import EXPORT_CACHE_SECONDS, draft_parts, file_response, report_downloads
from meetings.forms import SearchForm
from meetings.models import Document, Meeting
from meetings.report.builder import build_draft_parts
from meetings.report.cache import built_report, cached_report
from meetings.report.languages import report_language
from meetings.report.renderers import EXTENSIONS
from meetings.report.renderers.html import render_fragment
from meetings.search import search_meetings
from meetings.uploads import content_type_for
from workflow import visibility


def visible_meeting(request, queryset, slug):
    return get_object_or_404(queryset.visible_to(request.user), slug=slug)


@cached_page(SITE)
def home(request):
    meetings = Meeting.objects.visible_to(request.user).for_listing()
    return render(request, "meetings/home.html", {"meetings": meetings, "search_form": SearchForm()})


@cached_page(MEETING)
def meeting_detail(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_meeting_page(request.user), slug)
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})


@cached_page(MEETING)
def agenda(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_agenda(request.user), slug)
    return render(request, "meetings/agenda.html", {"meeting": meeting})


@cached_page(MEETING)
def programme(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_programme(), slug)
    return render(request, "meetings/programme.html", {"meeting": meeting})


def programme_ics(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_programme(), slug)
    response = HttpResponse(programme_calendar(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}-programme.ics"'
    return response


@cached_page(MEETING)
def documents(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_documents(request.user), slug)
    return render(request, "meetings/documents.html", {"meeting": meeting})


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
        # Always a download of the type its extension names, never sniffed (SecurityMiddleware adds nosniff).
        response = FileResponse(
            version.file.open("rb"),
            as_attachment=True,
            filename=version.filename,
            content_type=content_type_for(version.filename),
        )
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response


@cached_page(MEETING)
def participation(request, slug):
    meeting = visible_meeting(request, Meeting.objects.for_participation(), slug)
    return render(request, "meetings/participation.html", {"meeting": meeting})


def page_language():
    """The report version of the page's language prefix: /es/…/report/ shows the Spanish version."""
    return report_language(get_language())


def meeting_and_report(request, slug):
    """(meeting, its built report, the version's date): the tree from the cache while the meeting is unchanged.

    The meeting's version is read first, so the date never runs ahead of the report; with the tree
    cached, the meeting is read only for its header and downloads. The reader's audience (public or
    preview, workflow/visibility.py) chooses the tree: a public one lists no unpublished document.
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
    report_html = cache.get_or_set(
        f"report-html:{document.symbol}:{document.version}", lambda: render_fragment(document), EXPORT_CACHE_SECONDS
    )
    return render(
        request,
        "meetings/report.html",
        {
            "meeting": meeting,
            "report": document,
            "report_html": report_html,
            "downloads": report_downloads(meeting, request.user),
        },
    )


def report_download(request, slug, extension):
    if extension not in EXTENSIONS:
        raise Http404(_("There is no such format."))
    _meeting, document, changed_at = meeting_and_report(request, slug)
    return file_response(request, document, extension, changed_at)


def draft_part_download(request, slug, part, extension):
    if extension not in EXTENSIONS:
        raise Http404(_("There is no such format."))
    # Before reading the meeting: the date never runs ahead of the file.
    version = content_version.for_meeting(slug=slug)
    meeting = visible_meeting(request, Meeting.objects.for_report(request.user), slug)
    changed_at = version[1] if version else None
    symbol = next((d.symbol for d in draft_parts(meeting, request.user) if d.short_symbol == part), None)
    if symbol is None:
        raise Http404(_("The draft report has no such part."))
    return file_response(request, build_draft_parts(meeting, page_language())[symbol], extension, changed_at)


@cached_page(SITE, params=("q",))
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = search_meetings(form.cleaned_data["q"], user=request.user)
    return render(request, "meetings/search.html", {"search_form": form, "results": results})
