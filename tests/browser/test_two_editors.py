"""Finding 2 of the attack review, as two people live it: two editors open one discussion in their browsers,
each rewrites a different paragraph of its summary and saves; both texts survive and the history shows both."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def signed_in(browser, live_server, username):
    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a long enough passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Site administration")).to_be_visible()
    return page


def test_finding2_two_editors_rewrite_different_paragraphs_and_both_texts_survive(browser, live_server, staff):
    discussion = staff.meeting.discussions.order_by("topic__order").first()
    row0, row1 = list(discussion.summary_paragraphs.order_by("order", "pk")[:2])
    # The summary's paragraphs have their own screen; each row edits the meeting's original language (English).
    url = f"{live_server.url}/admin/recommendations/discussion/{discussion.pk}/part/summary/"
    rapporteur, editor = signed_in(browser, live_server, "rapporteur"), signed_in(browser, live_server, "editor")
    rapporteur.goto(url)
    editor.goto(url)  # both pages are open before either saves

    rapporteur.locator('textarea[name="summary_paragraphs-1-text_en"]').fill("Participants stressed prevention.")
    rapporteur.locator("input[name=_continue]").first.click()  # Save is at the top and the bottom
    expect(rapporteur.get_by_text("was changed successfully")).to_be_visible()

    editor.locator('textarea[name="summary_paragraphs-0-text_en"]').fill("Participants stressed cooperation.")
    editor.locator("input[name=_continue]").first.click()  # Save is at the top and the bottom
    expect(editor.get_by_text("was changed successfully")).to_be_visible()
    expect(editor.locator('textarea[name="summary_paragraphs-0-text_en"]')).to_have_value(
        "Participants stressed cooperation."
    )
    expect(editor.locator('textarea[name="summary_paragraphs-1-text_en"]')).to_have_value(
        "Participants stressed prevention."
    )

    for row, who, text in ((row0, "editor", "cooperation."), (row1, "rapporteur", "prevention.")):
        editor.goto(f"{live_server.url}/admin/recommendations/summaryparagraph/{row.pk}/history/")
        history = editor.locator("#change-history")
        expect(history).to_contain_text(who)
        expect(history.locator("ins", has_text=text)).to_be_visible()
    editor.screenshot(path="/tmp/two-editors-history.png", full_page=True)
