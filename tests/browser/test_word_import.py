"""The draft from Word through the workspace's screen, on the demo meeting: its L.2/Add.1 exported as Word, that
topic's summary and recommendations deleted, the file imported (preview, then confirm): the part exports the same
text again."""

import pytest
from playwright.sync_api import expect

from tests.test_word_import import add_1_discussion, lines, part_file

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_addendum_goes_out_to_word_and_comes_back_through_the_screen(
    browser, live_server, admin_user, demo_meeting
):
    exported = part_file(demo_meeting)
    discussion = add_1_discussion(demo_meeting)
    created = discussion.summary_paragraphs.count() + discussion.recommendations.count()
    discussion.summary_paragraphs.all().delete()
    discussion.recommendations.all().delete()

    page = browser.new_context().new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/meetings/meeting/{demo_meeting.pk}/part/report/")
    page.get_by_role("link", name="Import from Word: a draft or a translation").click()
    page.get_by_label("Word file (.docx)").set_input_files(
        {"name": "L.2-Add.1.docx", "mimeType": "application/octet-stream", "buffer": exported}
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#word-summary")).to_contain_text(f"0 texts to change, {created} records to create")
    page.get_by_role("button", name="Write these changes").click()
    expect(page.get_by_text(f"texts changed: 0; records created: {created}")).to_be_visible()

    assert lines(part_file(demo_meeting)) == lines(exported)
