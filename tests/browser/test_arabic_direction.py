"""On every Arabic page at phone width, a block written in a left-to-right script (an English title not yet
translated, a name, a symbol) is laid out left to right, so its punctuation stays at its own end: the
finding ".meetings and also decided…", ":Original" of the languages issue."""

import datetime

import pytest

from public import programme
from tests.browser.test_accessibility import PAGES

pytestmark = pytest.mark.django_db(transaction=True)

# Elements whose whole text is in Latin script (no Arabic letter: "Zakaria Alansari (الكويت)" is an Arabic
# phrase) and holds a space and a punctuation mark (a phrase, not a bare symbol or number), with the
# direction the browser lays them out in.
MISPLACED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("main *")) {
    if (element.children.length || element.closest("script, style, svg, [aria-hidden=true]")) continue;
    const text = element.textContent.trim();
    if (!/^[A-Za-z]/.test(text) || /[\u0600-\u06ff]/.test(text)) continue;
    if (!/ /.test(text) || !/[.,:;)]/.test(text)) continue;
    if (getComputedStyle(element).direction !== "ltr") found.push(text.slice(0, 80));
  }
  return found;
}"""


@pytest.fixture(autouse=True)
def during_the_meeting(monkeypatch):
    beirut = datetime.timezone(datetime.timedelta(hours=2))
    monkeypatch.setattr(programme, "now", lambda: datetime.datetime(2019, 3, 27, 11, 0, tzinfo=beirut))


def test_latin_script_blocks_on_arabic_pages_run_left_to_right(page, live_server, demo_meeting):
    page.set_viewport_size({"width": 390, "height": 844})
    misplaced = {}
    for path in PAGES:
        page.goto(f"{live_server.url}/ar/{path.format(slug=demo_meeting.slug)}")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        if found := page.evaluate(MISPLACED):
            misplaced[path] = found
    assert misplaced == {}
