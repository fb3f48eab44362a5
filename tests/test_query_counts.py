"""The report costs the same number of queries whatever the meeting's size: no query per paragraph."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.report.builder import build_report_for_symbol
from meetings.report.renderers import RENDERERS
from tests.factories import complete_meeting

pytestmark = pytest.mark.django_db


def report_page(client, meeting):
    response = client.get(reverse("meetings:report", kwargs={"slug": meeting.slug}))
    assert response.status_code == 200


def export(format):
    def run(client, meeting):
        RENDERERS[format](build_report_for_symbol(meeting.symbol))

    return run


@pytest.mark.parametrize("action", [report_page, export("txt"), export("html")], ids=["page", "txt", "html"])
def test_ten_times_the_content_costs_no_more_queries(client, django_assert_num_queries, action):
    small, large = complete_meeting(scale=1), complete_meeting(scale=10)
    assert large.discussions.first().recommendations.count() == 10 * small.discussions.first().recommendations.count()

    with CaptureQueriesContext(connection) as small_queries:
        action(client, small)
    with django_assert_num_queries(len(small_queries)):
        action(client, large)
