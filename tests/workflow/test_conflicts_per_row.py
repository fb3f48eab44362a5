"""Finding 2 of the attack review: a conflict is per row. A row the second person did not change is not
written; a row both changed is the conflict, shown with both texts; the parent's version changes only when
its own fields change."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin_forms import form_data
from tests.workflow.test_no_lost_edits import errors_of

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def key_of(data, prefix, pk, field):
    """The form key of a row's field; for a translated field ("text") the copy the row shows, which is the
    meeting's original language ("text_en" for an English meeting)."""
    key = next(k for k, v in data.items() if re.fullmatch(rf"{prefix}-\d+-id", k) and v == pk)
    row = key.removesuffix("-id")
    if f"{row}-{field}" in data:
        return f"{row}-{field}"
    (copy,) = [k for k in data if re.fullmatch(rf"{re.escape(row)}-{field}_[a-z_]+", k)]
    return copy


@pytest.fixture
def discussion_page(staff):
    discussion = staff.meeting.discussions.first()
    rows = list(discussion.summary_paragraphs.order_by("order", "pk"))
    # The paragraphs are edited on the discussion's summary screen.
    url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"])
    return discussion, rows, url


def test_finding2_a_resave_after_a_conflict_keeps_the_other_persons_row(staff, discussion_page):
    discussion, (row0, row1, *_rest), url = discussion_page
    first, second = client_for(staff.rapporteur), client_for(staff.editor)
    firsts, seconds = form_data(first.get(url)), form_data(second.get(url))

    firsts[key_of(firsts, "summary_paragraphs", row1.pk, "text")] = "Participants stressed prevention."
    assert first.post(url, firsts).status_code == 302

    seconds[key_of(seconds, "summary_paragraphs", row0.pk, "text")] = "Participants stressed cooperation."
    response = second.post(url, seconds)
    if response.status_code == 200:  # refused once: saving again, as the message says, must still keep row 1
        response = second.post(url, form_data(response))
    assert response.status_code == 302
    row0.refresh_from_db()
    row1.refresh_from_db()
    assert row0.text == "Participants stressed cooperation."
    assert row1.text == "Participants stressed prevention."


def test_finding2_two_people_editing_different_rows_do_not_conflict(staff, discussion_page):
    discussion, (row0, row1, *_rest), url = discussion_page
    version = discussion.version
    first, second = client_for(staff.rapporteur), client_for(staff.editor)
    firsts, seconds = form_data(first.get(url)), form_data(second.get(url))
    firsts[key_of(firsts, "summary_paragraphs", row1.pk, "text")] = "Participants stressed prevention."
    assert first.post(url, firsts).status_code == 302
    discussion.refresh_from_db()
    assert discussion.version == version  # its own fields did not change

    seconds[key_of(seconds, "summary_paragraphs", row0.pk, "text")] = "Participants stressed cooperation."
    assert second.post(url, seconds).status_code == 302


def test_finding2_a_reorder_keeps_a_correction_made_meanwhile(staff, discussion_page):
    discussion, (row0, row1, *_rest), url = discussion_page
    first, second = client_for(staff.rapporteur), client_for(staff.editor)
    firsts, seconds = form_data(first.get(url)), form_data(second.get(url))
    firsts[key_of(firsts, "summary_paragraphs", row1.pk, "text")] = "A corrected paragraph."
    assert first.post(url, firsts).status_code == 302

    order0, order1 = (
        key_of(seconds, "summary_paragraphs", row0.pk, "order"),
        key_of(seconds, "summary_paragraphs", row1.pk, "order"),
    )
    seconds[order0], seconds[order1] = seconds[order1], seconds[order0]
    assert second.post(url, seconds).status_code == 302
    row0.refresh_from_db()
    row1.refresh_from_db()
    assert row1.text == "A corrected paragraph."
    assert row1.order < row0.order


def test_finding2_a_row_both_changed_is_the_conflict_shown_with_both_texts(staff, discussion_page):
    discussion, (row0, *_rest), url = discussion_page
    first, second = client_for(staff.rapporteur), client_for(staff.editor)
    firsts, seconds = form_data(first.get(url)), form_data(second.get(url))
    firsts[key_of(firsts, "summary_paragraphs", row0.pk, "text")] = "Participants stressed prevention."
    assert first.post(url, firsts).status_code == 302

    seconds[key_of(seconds, "summary_paragraphs", row0.pk, "text")] = "Participants stressed cooperation."
    refused = second.post(url, seconds)
    assert refused.status_code == 200
    message = errors_of(refused)
    assert "Not saved: this record was changed by someone else" in message
    assert "<ins>stressed prevention.</ins>" in message  # theirs
    assert "Participants stressed cooperation." in message  # yours
    row0.refresh_from_db()
    assert row0.text == "Participants stressed prevention."
    # Saving again replaces theirs knowingly.
    again = second.post(url, form_data(refused))
    assert again.status_code == 302
    row0.refresh_from_db()
    assert row0.text == "Participants stressed cooperation."
