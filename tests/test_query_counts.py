"""Every report output costs the same number of queries whatever the meeting's size: no query per paragraph."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting
from meetings.report.builder import build_draft_parts, build_report_for_symbol
from meetings.report.renderers import RENDERERS
from tests.factories import complete_meeting

pytestmark = pytest.mark.django_db


def report_page(client, meeting):
    response = client.get(reverse("meetings:report", kwargs={"slug": meeting.slug}))
    assert response.status_code == 200


def download(extension):
    def run(client, meeting):
        response = client.get(reverse("meetings:report_download", args=[meeting.slug, extension]))
        assert response.status_code == 200

    return run


def part_download(client, meeting):
    response = client.get(reverse("meetings:draft_part_download", args=[meeting.slug, "L.2-Add.1", "docx"]))
    assert response.status_code == 200


def export(format):
    def run(client, meeting):
        RENDERERS[format](build_report_for_symbol(meeting.symbol))

    return run


def export_parts(client, meeting):
    for part in build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk)).values():
        RENDERERS["akn"](part)


ACTIONS = {
    "page": report_page,
    **{f"export-{name}": export(name) for name in RENDERERS},
    **{f"download-{extension}": download(extension) for extension in ("docx", "pdf", "xml", "txt")},
    "download-part": part_download,
    "export-parts": export_parts,
}


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
def test_ten_times_the_content_costs_no_more_queries(client, django_assert_num_queries, action):
    small, large = complete_meeting(scale=1), complete_meeting(scale=10)
    assert large.discussions.first().recommendations.count() == 10 * small.discussions.first().recommendations.count()
    assert large.participations.count() == 10 * small.participations.count()

    with CaptureQueriesContext(connection) as small_queries:
        action(client, small)
    with django_assert_num_queries(len(small_queries)):
        action(client, large)
