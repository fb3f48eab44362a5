from django.http import Http404
from django.shortcuts import get_object_or_404, render

from meetings.downloads import draft_parts, file_response, report_downloads
from meetings.models import Meeting
from meetings.report.builder import build_draft_parts, build_report
from meetings.report.renderers import EXTENSIONS
from meetings.report.renderers.html import render_fragment


def home(request):
    meetings = Meeting.objects.select_related("congress").order_by("-congress__ordinal", "start_date")
    return render(request, "meetings/home.html", {"meetings": meetings})


def report(request, slug):
    meeting = get_object_or_404(Meeting.objects.for_report(), slug=slug)
    document = build_report(meeting)
    return render(
        request,
        "meetings/report.html",
        {
            "meeting": meeting,
            "report": document,
            "report_html": render_fragment(document),
            "downloads": report_downloads(meeting),
        },
    )


def report_download(request, slug, extension):
    if extension not in EXTENSIONS:
        raise Http404("No such format.")
    meeting = get_object_or_404(Meeting.objects.for_report(), slug=slug)
    return file_response(request, build_report(meeting), extension)


def draft_part_download(request, slug, part, extension):
    if extension not in EXTENSIONS:
        raise Http404("No such format.")
    meeting = get_object_or_404(Meeting.objects.for_report(), slug=slug)
    symbol = next((d.symbol for d in draft_parts(meeting) if d.short_symbol == part), None)
    if symbol is None:
        raise Http404("No such part of the draft report.")
    return file_response(request, build_draft_parts(meeting)[symbol], extension)
