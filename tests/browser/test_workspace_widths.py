"""Every screen of the demo meeting's workspace fits a 1,280 px screen: nothing scrolls sideways.

Measured as the page's scrollWidth at a 1,280 px viewport, one browser page for every screen. Before the
screens were narrowed the officers' screen was 1,635 px wide and the documents' 1,614 px.
"""

import pytest
from django.urls import reverse

from workspace.meeting import MeetingAdmin

pytestmark = pytest.mark.django_db(transaction=True)

WIDEST = 1280


def workspace_screens(meeting):
    """{name: address} of the overview, each part and each discussion's two screens."""
    screens = {"overview": reverse("admin:meetings_meeting_change", args=[meeting.pk])}
    for part in MeetingAdmin.workspace_parts:
        screens[part.slug] = (
            reverse("admin:meetings_meeting_deliberations", args=[meeting.pk])
            if part.slug == "deliberations"
            else reverse("admin:meetings_meeting_part", args=[meeting.pk, part.slug])
        )
    discussion = meeting.discussions.order_by("pk").first()
    for part in ("summary", "recommendations"):
        screens[f"discussion {part}"] = reverse("admin:recommendations_discussion_part", args=[discussion.pk, part])
    return screens


def test_every_workspace_screen_fits_1280_pixels(page, live_server, admin_client, demo_meeting):
    page.context.add_cookies(
        [{"name": "sessionid", "value": admin_client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": WIDEST, "height": 900})
    widths = {}
    for name, address in workspace_screens(demo_meeting).items():
        page.goto(f"{live_server.url}{address}")
        assert page.locator("#content").count(), name  # the screen itself, not the login page
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
    print("\nWidths at 1,280 px:", widths)
    assert {name: width for name, width in widths.items() if width > WIDEST} == {}
