"""A delegate reads the report in a browser, on a phone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_contents_link_takes_the_reader_to_the_chapter(page, live_server, demo_meeting):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/meetings/{demo_meeting.slug}/report/")
    page.get_by_role("link", name="III. Attendance and organization of work").click()
    expect(page).to_have_url(re.compile(r"#chapter-III$"))
    heading = page.get_by_role("heading", name="III. Attendance and organization of work")
    assert heading.is_visible()
    assert page.locator("#para-59").text_content() == "59. Japan was represented by an observer."
