"""An editor reorders two recommendations by drag and drop in the admin; the report letters them anew."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def letter_of(page, text):
    # The label is a link to the subparagraph (a.label), its space inside: "(a) ".
    return page.locator("p.subparagraph", has_text=text).locator(".label").text_content().strip()


def test_editor_drags_a_recommendation_up_and_the_report_reletters(page, live_server, staff):
    discussion = staff.meeting.discussions.order_by("topic__order").first()
    first, second = list(discussion.recommendations.order_by("order", "pk")[:2])
    report = f"{live_server.url}/meetings/{staff.meeting.slug}/report/"
    page.goto(report)
    assert (letter_of(page, first.text), letter_of(page, second.text)) == ("(a)", "(b)")

    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long enough passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Site administration")).to_be_visible()
    page.goto(f"{live_server.url}/admin/recommendations/discussion/{discussion.pk}/part/recommendations/")
    page.locator("#recommendations-1 h3").drag_to(page.locator("#recommendations-0 h3"))
    page.locator("input[name=_continue]").first.click()  # Save is at the top and the bottom
    # Playwright's expect waits for the saved page; a plain is_visible() could look before it arrives.
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    page.goto(report)
    assert (letter_of(page, second.text), letter_of(page, first.text)) == ("(a)", "(b)")
