"""The draft from Word through the workspace's screen: the meeting's draft report exported as Word, a topic's summary
and recommendations deleted, the file imported (preview, then confirm): the report exports the same text again."""

import io

import docx
import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from report.builder import build_draft_parts
from report.renderers import docx as docx_renderer
from tests.browser.test_two_editors import signed_in

pytestmark = pytest.mark.django_db(transaction=True)


def draft_file(meeting):
    parts = build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk))
    return docx_renderer.render(parts[f"{meeting.series}/L.2"])[2]


def lines(content):
    return [paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs]


def test_a_draft_goes_out_to_word_and_comes_back_through_the_screen(browser, live_server, staff):
    meeting = staff.meeting
    exported = draft_file(meeting)
    discussion = meeting.discussions.order_by("topic__order").last()
    discussion.summary_paragraphs.all().delete()
    discussion.recommendations.all().delete()

    page = signed_in(browser, live_server, "editor")
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/part/report/")
    page.get_by_role("link", name="Import from Word: a draft or a translation").click()
    page.get_by_label("Word file (.docx)").set_input_files(
        {"name": "draft.docx", "mimeType": "application/octet-stream", "buffer": exported}
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#word-summary")).to_contain_text("0 texts to change, 5 records to create")
    page.get_by_role("button", name="Write these changes").click()
    expect(page.get_by_text("texts changed: 0; records created: 5")).to_be_visible()

    assert lines(draft_file(meeting)) == lines(exported)
