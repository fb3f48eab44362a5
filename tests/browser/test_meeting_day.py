"""A delegate during the meeting, in a real browser at phone and desktop widths: today's programme and its
documents, a paragraph of the report to cite, the report printed."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from public import programme
from tests.test_exports import pdf_pages

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
BEIRUT = datetime.timezone(datetime.timedelta(hours=2))


@pytest.fixture
def during_the_last_plenary_meeting(monkeypatch):
    """28 March 2019, 4 p.m. in Beirut: the 6th plenary meeting is adopting the report."""
    monkeypatch.setattr(programme, "now", lambda: datetime.datetime(2019, 3, 28, 16, 0, tzinfo=BEIRUT))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_delegate_opens_today_and_gets_the_file_of_a_document_of_the_current_item(
    page, live_server, demo_meeting, during_the_last_plenary_meeting, width
):
    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{live_server.url}/en/meetings/{demo_meeting.slug}/")
    page.get_by_role("navigation", name="This meeting").get_by_role("link", name="Today").click()
    expect(page).to_have_url(re.compile(r"/today/now-6/$"))
    current = page.locator(".today-current")
    expect(current).to_contain_text("Now")
    expect(current.get_by_role("heading", name=re.compile("Plenary meeting 6"))).to_be_visible()
    expect(current).to_contain_text("15:00–17:00")
    expect(current.locator(".item-label").first).to_have_text("7.")
    expect(current).to_contain_text("Draft report under discussion:")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    link = current.get_by_role("link", name="PDF A/CONF.234/RPM.2/L.2/Add.1, English")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "A-CONF.234-RPM.2-L.2-Add.1.pdf"
    with open(download.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_delegate_jumps_to_42_c_from_the_contents_and_copies_its_link(page, live_server, demo_meeting, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(f"{live_server.url}/en/meetings/{demo_meeting.slug}/report/")
    section = page.locator("#para-42-c").evaluate("p => p.closest('section').id")
    contents = page.get_by_role("navigation", name="Contents")
    contents.locator(f'a[href="#{section}"]').click()
    expect(page).to_have_url(re.compile(f"#{section}$"))

    label = page.locator("#para-42-c").get_by_role("link", name="(c)")
    label.click()
    expect(page).to_have_url(re.compile(r"#para-42-c$"))
    expect(page.locator("#para-42-c")).to_be_in_viewport()
    # "Copy link" on the label gives its address: opened elsewhere, it shows 42 (c).
    address = label.evaluate("a => a.href")
    assert address == f"{live_server.url}/en/meetings/{demo_meeting.slug}/report/#para-42-c"
    other = page.context.new_page()
    other.set_viewport_size(WIDTHS[width])
    other.goto(address)
    expect(other.locator("#para-42-c")).to_be_in_viewport()
    expect(other.locator("#para-42-c")).to_contain_text("(c) Assist Member States")

    page.get_by_role("link", name="Back to contents").click()
    expect(page.get_by_role("heading", name="Contents")).to_be_in_viewport()


def test_the_report_prints_like_its_pdf(page, live_server, demo_meeting, client, tmp_path):
    page.goto(f"{live_server.url}/en/meetings/{demo_meeting.slug}/report/")
    printed = pdf_pages(page.pdf(prefer_css_page_size=True), tmp_path)
    exported = pdf_pages(client.get(f"/en/meetings/{demo_meeting.slug}/report.pdf").getvalue(), tmp_path)
    assert abs(len(printed) - len(exported)) <= 2, (len(printed), len(exported))
    first_page = printed[0]
    assert "A/CONF.234/RPM.2/1" in first_page
    for chrome in ("Rapporteur", "Skip to content", "Download", "Programme of work"):
        assert chrome not in first_page
