"""A delegate's visit, in a real browser: from the home page to the report, in English and in Arabic."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db(transaction=True)

ARABIC_56_I = (
    "تعزيز دور مكتب الأمم المتحدة المعني بالمخدرات والجريمة في تقديم المساعدة التقنية وبناء القدرات إلى الدول"
    " الأعضاء، بناء على طلبها، بما في ذلك من خلال برامجه العالمية المتعلقة بالجريمة السيبرانية ومكافحة الإرهاب"
)


def test_a_delegate_finds_agenda_programme_documents_report_then_reads_in_arabic_and_searches(
    page, live_server, demo_meeting
):
    # The Arabic version prints each drafted text from its Arabic copy, never another language's; a translator
    # has given recommendation 56 (i) its Arabic text, the others are not translated yet.
    recommendation = Recommendation.objects.get(
        discussion__meeting=demo_meeting, text_en__startswith="Enhance the role of UNODC"
    )
    recommendation.text_ar = ARABIC_56_I
    recommendation.save()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url)
    assert page.url == f"{live_server.url}/en/"

    page.get_by_role("link", name=re.compile("Western Asia Regional Preparatory Meeting")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Western Asia Regional Preparatory Meeting")
    expect(page.get_by_text("Beirut, Lebanon")).to_be_visible()

    meeting_nav = page.get_by_role("navigation", name="This meeting")
    meeting_nav.get_by_role("link", name="Agenda").click()
    expect(page.get_by_role("heading", name="Election of officers")).to_be_visible()

    meeting_nav.get_by_role("link", name="Programme of work").click()
    expect(page.get_by_role("heading", name=re.compile("Plenary meeting 1"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Add the programme to your calendar (.ics)").click()
    calendar = Path(download.value.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert calendar.count("BEGIN:VEVENT") == 6

    meeting_nav.get_by_role("link", name="Documents").click()
    expect(page.locator("#main .document-row .symbol").get_by_text("A/CONF.234/RPM.2/L.1", exact=True)).to_be_visible()

    meeting_nav.get_by_role("link", name="Report").click()
    expect(page.locator("#para-59")).to_have_text("59. Japan was represented by an observer.")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="العربيّة").click()
    assert page.url == f"{live_server.url}/ar/meetings/{demo_meeting.slug}/report/"
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("link", name="بحث")).to_be_visible()

    expect(page.locator("#para-56-i")).to_contain_text("برامجه العالمية المتعلقة بالجريمة السيبرانية")
    # Not yet translated: the English original, in its own language and direction, with a badge ("EN") that the
    # page's notice explains; never a placeholder.
    original = page.locator("#para-56-j .in-original")
    expect(original).to_have_attribute("lang", "en")
    expect(original).to_contain_text("Encourage the Expert Group to Conduct a Comprehensive Study on Cybercrime")
    badge = original.evaluate("element => getComputedStyle(element, '::before').content")
    assert badge not in ("none", "normal", "")
    expect(page.locator(".originals-note")).to_contain_text("(EN)")

    page.get_by_role("link", name="بحث").click()
    page.get_by_role("searchbox").fill("السيبرانية")  # "cyber(crime)"
    page.get_by_role("searchbox").press("Enter")
    # The link shows the words around the one found; it leads to the subparagraph's own anchor, the same
    # (Latin letter) in every language.
    result = page.get_by_role("link", name=re.compile("بالجريمة السيبرانية ومكافحة الإرهاب"))
    expect(result).to_have_attribute("href", re.compile(r"#para-56-i$"))
    result.click()
    expect(page).to_have_url(re.compile(re.escape(f"/ar/meetings/{demo_meeting.slug}/report/#para-56-i")))
    expect(page.get_by_text(re.compile("بالجريمة السيبرانية ومكافحة الإرهاب.$"))).to_be_in_viewport()


def test_keyboard_users_can_skip_to_the_content(page, live_server, demo_meeting):
    page.goto(f"{live_server.url}/en/meetings/{demo_meeting.slug}/agenda/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))  # waits: the jump is not always done when press() returns
