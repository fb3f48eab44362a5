"""Finding 9 of the attack review: drafted text has a maximum length with a clear message, history pages do
bounded work, and a conflict on a long text keeps the text."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from core.diff import word_diff
from tests.admin_forms import form_data
from tests.workflow.test_no_lost_edits import errors_of

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_finding9_a_text_over_the_limit_is_refused_with_a_message(staff):
    paragraph = staff.meeting.paragraphs.first()
    url = reverse("admin:meetings_meetingparagraph_change", args=[paragraph.pk])
    editor = client_for(staff.editor)
    data = form_data(editor.get(url))
    data["text_en"] = "word " * 200_000  # a megabyte
    refused = editor.post(url, data)
    assert refused.status_code == 200
    assert "holds at most 20000 characters and this one has 999999: split it into several paragraphs" in (
        refused.content.decode().replace(",", "")
    )


def test_finding9_the_word_diff_of_long_texts_is_bounded():
    old = " ".join(f"w{n}" for n in range(100_000))
    new = " ".join(f"w{n}" if n % 7 else f"x{n}" for n in range(100_000))
    started = time.perf_counter()
    removed, added = word_diff(old, new)
    assert time.perf_counter() - started < 3
    assert "<del>" in removed and "<ins>" in added
    assert removed.startswith("<del>w0 w1") and added.startswith("<ins>x0 w1")
    assert removed.endswith("</del> w99996 w99997 w99998 w99999")


def test_finding9_a_conflict_on_a_long_text_keeps_it(staff):
    paragraph = staff.meeting.paragraphs.first()
    url = reverse("admin:meetings_meetingparagraph_change", args=[paragraph.pk])
    editor, secretariat = client_for(staff.editor), client_for(staff.secretariat)
    first, second = form_data(editor.get(url)), form_data(secretariat.get(url))
    first["text_en"] = " ".join(f"alpha{n}" for n in range(1500))
    assert editor.post(url, first).status_code == 302
    mine = " ".join(f"beta{n}" for n in range(1500))
    second["text_en"] = mine
    started = time.perf_counter()
    refused = secretariat.post(url, second)
    assert time.perf_counter() - started < 10
    assert refused.status_code == 200
    assert "Not saved: this record was changed by someone else" in errors_of(refused)
    assert f"{mine}</textarea>" in refused.content.decode()
