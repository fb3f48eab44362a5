"""Screenshots of the public pages at phone and desktop widths, in English and Arabic.

`make screenshots` keeps them in screenshots/ for review; the ordinary test run writes them to a
temporary directory, so the pages are at least rendered at both widths every time.
"""

import datetime
import os
from pathlib import Path

import pytest

from public import programme

pytestmark = pytest.mark.django_db(transaction=True)

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PAGES = {
    "home": "",
    "meeting": "meetings/{slug}/",
    "agenda": "meetings/{slug}/agenda/",
    "programme": "meetings/{slug}/programme/",
    "day": "meetings/{slug}/programme/2019-03-27/",
    "today": "meetings/{slug}/today/",
    "documents": "meetings/{slug}/documents/",
    "participation": "meetings/{slug}/participation/",
    "report": "meetings/{slug}/report/",
    "search": "search/?q=42",  # a paragraph number: found in every language
    "not-found": "meetings/no-such-meeting/",
}


@pytest.fixture(autouse=True)
def during_the_meeting(monkeypatch):
    """During the 5th plenary meeting (28 March 2019, 11 a.m. in Beirut), so Today shows a meeting in progress."""
    beirut = datetime.timezone(datetime.timedelta(hours=2))
    monkeypatch.setattr(programme, "now", lambda: datetime.datetime(2019, 3, 28, 11, 0, tzinfo=beirut))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screenshots(page, live_server, demo_meeting, viewport, tmp_path):
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORTS[viewport])
    for language in ("en", "ar"):
        for name, path in PAGES.items():
            page.goto(f"{live_server.url}/{language}/{path.format(slug=demo_meeting.slug)}")
            # A page wider than the screen would scroll sideways on a phone.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (name, language)
            suffix = "" if language == "en" else f"-{language}"
            shot = folder / f"{name}{suffix}-{viewport}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.stat().st_size > 0
