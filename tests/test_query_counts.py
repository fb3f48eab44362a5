"""Every public page and export costs the same number of queries whatever the meeting's size: no query per row."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from adoption.models import OralAmendment, Reading
from meetings.models import Meeting
from report.builder import build_draft_parts, build_report_for_symbol
from report.renderers import RENDERERS
from tests.factories import DocumentFileFactory, complete_meeting

pytestmark = pytest.mark.django_db


def page(name, **query):
    def run(client, meeting):
        kwargs = {} if name in ("home", "search") else {"slug": meeting.slug}
        response = client.get(reverse(name, kwargs=kwargs), query)
        assert response.status_code == 200

    run.__name__ = name
    return run


def searching(**query):
    """A search once the meeting's index is written: the first search after an edit writes it, row by row."""
    from search.index import index_stale_meetings

    run = page("search", **query)
    run.prepare = lambda meeting: index_stale_meetings("en")
    return run


def export(format):
    def run(client, meeting):
        RENDERERS[format](build_report_for_symbol(meeting.symbol))

    return run


def meeting_of_scale(scale):
    """complete_meeting with what the public pages add: items per session, documents per item, files."""
    meeting = complete_meeting(scale=scale)
    items = list(meeting.agenda_items.all())
    documents = list(meeting.documents.all())
    for session in meeting.sessions.all():
        session.agenda_items.set(items)
    for item in items:
        item.documents.set(documents)
    for document in documents:
        for language in ("en", "ar"):
            DocumentFileFactory(document=document, language=language)
    return meeting


def download(extension):
    def run(client, meeting):
        response = client.get(reverse("meetings:report_download", args=[meeting.slug, extension]))
        assert response.status_code == 200

    return run


def day_page(name, **kwargs):
    """A page of one day of the meeting, or of one plenary meeting (its first)."""

    def run(client, meeting):
        session = meeting.sessions.order_by("number").first()
        arguments = {"slug": meeting.slug, "day": session.date.isoformat()}
        if name == "meetings:today_session":
            arguments = {"slug": meeting.slug, "state": "now", "number": session.number}
        response = client.get(reverse(name, kwargs=arguments))
        assert response.status_code == 200

    return run


def today(client, meeting):
    response = client.get(reverse("meetings:today", kwargs={"slug": meeting.slug}))
    assert response.status_code == 302


def part_download(client, meeting):
    response = client.get(reverse("meetings:draft_part_download", args=[meeting.slug, "L.2-Add.1", "docx"]))
    assert response.status_code == 200


def export_parts(client, meeting):
    for part in build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk)).values():
        RENDERERS["akn"](part)


def now_page(client, meeting):
    response = client.get(reverse("meetings:now", args=[meeting.slug]))
    assert response.status_code == 200


def reading_with_amendments(meeting):
    """The room reads a summary paragraph of the first part, on which each delegation proposed an amendment."""
    part = meeting.draft_report_parts()[0]
    paragraph = meeting.discussions.first().summary_paragraphs.first()
    source = f"recommendations.summaryparagraph.{paragraph.pk}"
    Reading.objects.create(meeting=meeting, part=part, position=source)
    for delegation in meeting.participations.all():
        OralAmendment.objects.create(
            meeting=meeting,
            part=part,
            source=source,
            language="en",
            issued_text=paragraph.text_en,
            proposed_text=f"{paragraph.text_en} More.",
            proposer=OralAmendment.Proposer.DELEGATION,
            delegation=delegation,
        )


now_page.prepare = reading_with_amendments


ACTIONS = {
    "home": page("home"),
    "meeting": page("meetings:detail"),
    "agenda": page("meetings:agenda"),
    "programme": page("meetings:programme"),
    "programme.ics": page("meetings:programme_ics"),
    "day": day_page("meetings:day"),
    "day.ics": day_page("meetings:day_ics"),
    "today": today,
    "today-session": day_page("meetings:today_session"),
    "now": now_page,
    "documents": page("meetings:documents"),
    "participation": page("meetings:participation"),
    "report": page("meetings:report"),
    "search": searching(q="Recommend"),
    **{f"export-{name}": export(name) for name in RENDERERS},
    **{f"download-{extension}": download(extension) for extension in ("docx", "pdf", "xml", "txt")},
    "download-part": part_download,
    "export-parts": export_parts,
}


def queries_at(scale, action, client):
    """The queries the action makes on a meeting of the given scale, which is then rolled back."""
    with transaction.atomic():
        meeting = meeting_of_scale(scale)
        if prepare := getattr(action, "prepare", None):
            prepare(meeting)
        with CaptureQueriesContext(connection) as queries:
            action(client, meeting)
        transaction.set_rollback(True)
    return len(queries)


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
def test_ten_times_the_content_costs_no_more_queries(client, action, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    small = queries_at(1, action, client)
    large = queries_at(10, action, client)
    assert large == small, f"{small} queries at 1×, {large} at 10×"
