"""Screenshots of the home, agenda and Arabic agenda pages at phone and desktop widths.

`make screenshots` keeps them in screenshots/ for review; the ordinary test run writes them to a
temporary directory, so the pages are at least rendered at both widths every time.
"""

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots(page, live_server, demo_meeting, viewport, tmp_path):
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORTS[viewport])
    for name, path in (
        ("home", "/en/"),
        ("agenda", f"/en/meetings/{demo_meeting.slug}/agenda/"),
        ("agenda-ar", f"/ar/meetings/{demo_meeting.slug}/agenda/"),
    ):
        page.goto(live_server.url + path)
        # A page wider than the screen would scroll sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        shot = folder / f"{name}-{viewport}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 0
