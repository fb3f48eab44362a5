"""axe-core, from the project's own copy, finds no serious or critical violation on any public page."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
PAGES = [
    "",
    "meetings/{slug}/",
    "meetings/{slug}/agenda/",
    "meetings/{slug}/programme/",
    "meetings/{slug}/documents/",
    "meetings/{slug}/participation/",
    "meetings/{slug}/report/",
    "search/?q=cybercrime",
]


@pytest.fixture
def browser_context_args(browser_context_args):
    """axe is injected as an inline script, which the site's Content Security Policy rightly forbids."""
    return {**browser_context_args, "bypass_csp": True}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_serious_or_critical_accessibility_violation(page, live_server, demo_meeting, language):
    problems = {}
    for path in PAGES:
        address = f"{live_server.url}/{language}/{path.format(slug=demo_meeting.slug)}"
        page.goto(address)
        page.add_script_tag(path=AXE)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{violation['id']}: {violation['help']} (e.g. {violation['nodes'][0]['target']})"
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        if serious:
            problems[address] = serious
    assert not problems
