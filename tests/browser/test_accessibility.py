"""axe-core, from the project's own copy, finds no serious or critical violation on any public page,
at phone and desktop widths, in each of the six languages."""

import datetime
from pathlib import Path

import pytest

from public import programme

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
PAGES = [
    "",
    "meetings/{slug}/",
    "meetings/{slug}/agenda/",
    "meetings/{slug}/programme/",
    "meetings/{slug}/programme/2019-03-27/",
    "meetings/{slug}/today/",  # followed to the plenary meeting in progress
    "meetings/{slug}/documents/",
    "meetings/{slug}/participation/",
    "meetings/{slug}/report/",
    "search/?q=cybercrime",
    "meetings/no-such-meeting/",  # the 404 page
]


@pytest.fixture
def browser_context_args(browser_context_args):
    """axe is injected as an inline script, which the site's Content Security Policy rightly forbids."""
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture(autouse=True)
def during_the_meeting(monkeypatch):
    """During the 3rd plenary meeting, so Today shows a plenary meeting in progress and the next."""
    beirut = datetime.timezone(datetime.timedelta(hours=2))
    monkeypatch.setattr(programme, "now", lambda: datetime.datetime(2019, 3, 27, 11, 0, tzinfo=beirut))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_or_critical_accessibility_violation(page, live_server, demo_meeting, language, width):
    page.set_viewport_size(WIDTHS[width])
    problems, counts = {}, {"serious": 0, "critical": 0, "moderate": 0, "minor": 0}
    for path in PAGES:
        address = f"{live_server.url}/{language}/{path.format(slug=demo_meeting.slug)}"
        page.goto(address)
        page.add_script_tag(path=AXE)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            counts[violation["impact"]] += len(violation["nodes"])
        serious = [
            f"{violation['id']}: {violation['help']} (e.g. {violation['nodes'][0]['target']})"
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[address] = serious
    print(f"axe {language} {width}: {len(PAGES)} pages, violations by impact (nodes): {counts}")
    assert not problems
