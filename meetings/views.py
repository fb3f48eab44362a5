from django.shortcuts import get_object_or_404, render

from meetings.models import Meeting
from meetings.report.builder import build_report
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
        {"meeting": meeting, "report": document, "report_html": render_fragment(document)},
    )
