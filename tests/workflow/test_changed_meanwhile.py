"""Finding 11 of the attack review: a record deleted, or a report adopted, while someone edits gives a message
they can see and keeps what they typed; the page can be saved again."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_forms import form_data
from tests.workflow.test_conflicts_per_row import key_of
from tests.workflow.test_no_lost_edits import errors_of

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def open_page(staff):
    discussion = staff.meeting.discussions.first()
    rows = list(discussion.summary_paragraphs.order_by("order", "pk"))
    url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"])
    editor = client_for(staff.editor)
    return discussion, rows, url, editor, form_data(editor.get(url))


def test_finding11_a_row_deleted_meanwhile_is_named_and_the_text_kept(open_page):
    discussion, (row0, row1, *_), url, editor, data = open_page
    data[key_of(data, "summary_paragraphs", row0.pk, "text")] = "My careful rewording."
    data[key_of(data, "summary_paragraphs", row1.pk, "text")] = "Another change."
    row0.delete()
    refused = editor.post(url, data)
    assert refused.status_code == 200
    assert "Someone deleted this record after you opened it" in errors_of(refused)
    assert "My careful rewording.</textarea>" in refused.content.decode()
    assert editor.post(url, form_data(refused)).status_code == 302  # saving again works
    row1.refresh_from_db()
    assert row1.text == "Another change."


def test_finding11_a_row_deleted_meanwhile_that_was_not_touched_does_not_stop_the_save(open_page):
    discussion, (row0, row1, *_), url, editor, data = open_page
    data[key_of(data, "summary_paragraphs", row1.pk, "text")] = "Another change."
    row0.delete()
    assert editor.post(url, data).status_code == 302
    row1.refresh_from_db()
    assert row1.text == "Another change."


def test_finding11_the_record_deleted_meanwhile_gives_back_the_typed_text(open_page):
    discussion, _rows, _summary_url, editor, _data = open_page
    url = reverse("admin:recommendations_discussion_change", args=[discussion.pk])  # where the introduction is
    data = form_data(editor.get(url))
    data["outcome_introduction_en"] = "An introduction I typed with care."
    discussion.delete()
    response = editor.post(url, data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone deleted this record after you opened it" in page
    assert "An introduction I typed with care." in page


def test_finding11_adoption_during_an_edit_gives_a_message_and_the_typed_text(open_page, staff):
    discussion, (row0, *_), url, editor, data = open_page
    data[key_of(data, "summary_paragraphs", row0.pk, "text")] = "Text typed before the adoption."
    staff.meeting.adopt_report(session=staff.meeting.sessions.last())
    response = editor.post(url, data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "was adopted at" in page
    assert "Text typed before the adoption." in page
    row0.refresh_from_db()
    assert row0.text != "Text typed before the adoption."
