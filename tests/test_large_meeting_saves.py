"""Finding 3 of the attack review: a meeting with many delegations saves through its admin pages; the 10×
demo meeting (as `make bench-exports` grows it) is edited and saved without a 400, and a request over the
server's limits gets a page that says what happened instead of a bare "Bad Request (400)"."""

from urllib.parse import urlencode

import pytest
from django.test import override_settings
from django.urls import reverse

from demo.management.commands.benchmark_exports import demo_content, grow
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def screens_of(meeting):
    """Every admin screen that saves some of the meeting: its overview, each part of its workspace (the
    plenary meetings, the attendance, the agenda… each on its own screen) and each discussion with its
    summary and its recommendations."""
    from workspace.meeting import MeetingAdmin

    pages = [reverse("admin:meetings_meeting_change", args=[meeting.pk])]
    pages += [
        reverse("admin:meetings_meeting_part", args=[meeting.pk, part.slug])
        for part in MeetingAdmin.workspace_parts
        if part.slug != "deliberations"  # a list of links to the discussions' screens, not a form
    ]
    for discussion in meeting.discussions.all():
        pages.append(reverse("admin:recommendations_discussion_change", args=[discussion.pk]))
        pages += [
            reverse("admin:recommendations_discussion_part", args=[discussion.pk, part])
            for part in ("summary", "recommendations")
        ]
    return pages


def test_finding3_the_10x_demo_meeting_saves_through_its_admin(admin_client, demo_meeting):
    grow(demo_meeting, demo_content(demo_meeting), 9)
    every, fields_on = 0, {}
    for url in screens_of(demo_meeting):
        data = form_data(admin_client.get(url))
        fields = sum(len(value) if isinstance(value, list) else 1 for value in data.values())
        body = len(urlencode(data, doseq=True).encode())
        fields_on[url] = fields
        every += fields
        response = admin_client.post(url, data)
        assert response.status_code == 302, (url, fields, body)
    # The case the finding met: the meeting's rows, over Django's default of 1,000 fields, all saved through
    # its admin, now spread over the screens that carry them.
    assert every > 1000, fields_on


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=10)
def test_finding3_a_request_over_the_limit_says_so(admin_client, demo_meeting):
    url = reverse("admin:meetings_meeting_change", args=[demo_meeting.pk])
    response = admin_client.post(url, {f"field{n}": "x" for n in range(20)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "more fields than the server accepts" in page
    assert "Nothing was saved" in page
