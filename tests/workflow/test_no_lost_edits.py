"""Two people open the same record and save in turn: the second save is refused, and nothing is lost."""

import importlib
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core import history
from meetings.models import Document
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def errors_of(response):
    messages = [str(error) for error in response.context["errors"]]
    for inline in response.context.get("inline_admin_formsets", []):
        messages.extend(str(error) for form in inline.formset.forms for error in form.non_field_errors())
    return " ".join(messages)


def test_two_people_edit_the_same_paragraph(staff):
    paragraph = staff.meeting.paragraphs.first()
    paragraph.text = "The Meeting was opened by the Secretary."
    paragraph.save()
    url = reverse("admin:meetings_meetingparagraph_change", args=[paragraph.pk])
    editor, secretariat = client_for(staff.editor), client_for(staff.secretariat)
    editors_form, secretariats_form = form_data(editor.get(url)), form_data(secretariat.get(url))

    editors_form["text_en"] = "The Meeting was opened by the Chief of Section."
    assert editor.post(url, editors_form).status_code == 302

    secretariats_form["text_en"] = "The Meeting was opened by the Executive Secretary."
    refused = secretariat.post(url, secretariats_form)
    assert refused.status_code == 200
    message = errors_of(refused)
    assert "Not saved: this record was changed by someone else after you opened it." in message
    assert "editor" in message
    # The paragraph has a version per language: the change is to its English one.
    assert "<strong>Text [en]</strong>: The Meeting was opened by the <del>Secretary.</del>" in message
    assert "→ The Meeting was opened by the <ins>Chief of Section.</ins>" in message
    page = refused.content.decode()
    assert "The Meeting was opened by the Executive Secretary.</textarea>" in page

    paragraph.refresh_from_db()
    assert paragraph.text == "The Meeting was opened by the Chief of Section."
    latest = paragraph.history.first()
    assert (latest.text, latest.history_user) == (paragraph.text, staff.editor)

    # Having seen the other change, the second person saves again on purpose: the page carried the new version.
    resent = form_data(refused)
    assert resent["text_en"] == "The Meeting was opened by the Executive Secretary."
    assert secretariat.post(url, resent).status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.text == "The Meeting was opened by the Executive Secretary."
    assert [record.text for record in paragraph.history.all()[:2]] == [
        "The Meeting was opened by the Executive Secretary.",
        "The Meeting was opened by the Chief of Section.",
    ]


def test_two_people_edit_the_same_recommendation_in_an_inline(staff):
    discussion = staff.meeting.discussions.first()
    recommendation = discussion.recommendations.first()
    url = reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"])
    rapporteur, editor = client_for(staff.rapporteur), client_for(staff.editor)
    first, second = form_data(rapporteur.get(url)), form_data(editor.get(url))
    key = next(k for k, v in first.items() if re.fullmatch(r"recommendations-\d+-id", k) and v == recommendation.pk)
    text_key = key.replace("-id", "-text_en")

    first[text_key] = "Ensure access to justice for all"
    assert rapporteur.post(url, first).status_code == 302

    second[text_key] = "Ensure access to legal aid"
    second["outcome_introduction_en"] = "The following recommendations were identified:"
    refused = editor.post(url, second)
    assert refused.status_code == 200
    assert "Not saved: this record was changed by someone else" in errors_of(refused)
    assert "Ensure access to legal aid</textarea>" in refused.content.decode()
    recommendation.refresh_from_db()
    discussion.refresh_from_db()
    assert recommendation.text == "Ensure access to justice for all"
    # Nothing of the refused page is half-saved, not even its other fields.
    assert discussion.outcome_introduction != "The following recommendations were identified:"


@pytest.mark.django_db(transaction=True)  # real transactions, as in production: the version check locks rows
def test_reverting_to_an_earlier_version_is_recorded(staff):
    paragraph = staff.meeting.paragraphs.first()
    original = paragraph.text
    paragraph.text = "A later wording."
    paragraph.save()
    earlier = paragraph.history.get(version=1)
    url = reverse("admin:meetings_meetingparagraph_simple_history", args=[paragraph.pk, earlier.history_id])
    editor = client_for(staff.editor)
    response = editor.post(url, form_data(editor.get(url)))
    assert response.status_code == 302
    paragraph.refresh_from_db()
    assert paragraph.text == original
    assert paragraph.history.first().history_user == staff.editor
    # A reviewer may read past versions but not revert to them.
    reviewer = client_for(staff.reviewer)
    assert reviewer.get(url).status_code == 200
    assert reviewer.post(url, form_data(editor.get(url))).status_code == 403


def test_history_page_shows_a_word_diff(staff):
    paragraph = staff.meeting.paragraphs.first()
    paragraph.text = "Participants welcomed the report."
    paragraph.save()
    paragraph.text = "Participants warmly welcomed the report."
    paragraph.save()
    page = (
        client_for(staff.reviewer)
        .get(reverse("admin:meetings_meetingparagraph_history", args=[paragraph.pk]))
        .content.decode()
    )
    assert "Participants <ins>warmly</ins> welcomed the report." in page


def test_a_translated_title_is_in_the_history_and_comes_back_with_a_revert(staff):
    document = staff.meeting.documents.first()
    document.title_ar = "دليل المناقشة"
    document.save()
    document.title_ar = "دليل المناقشة المنقح"
    document.save()
    history = reverse("admin:meetings_document_history", args=[document.pk])
    page = client_for(staff.reviewer).get(history).content.decode()
    assert "دليل المناقشة <ins>المنقح</ins>" in page

    earlier = document.history.filter(title_ar="دليل المناقشة").get()
    url = reverse("admin:meetings_document_simple_history", args=[document.pk, earlier.history_id])
    editor = client_for(staff.editor)
    assert editor.post(url, form_data(editor.get(url))).status_code == 302
    document.refresh_from_db()
    assert document.title_ar == "دليل المناقشة"


def test_an_english_title_shows_once_in_the_history(staff):
    document = staff.meeting.documents.first()
    document.title = "Discussion guide"
    document.save()
    document.title = "Revised discussion guide"
    document.save()
    page = client_for(staff.reviewer).get(reverse("admin:meetings_document_history", args=[document.pk]))
    page = page.content.decode()
    assert page.count("<ins>Revised discussion</ins> guide") == 1
    assert "<strong>Title [en]:</strong>" in page


def test_the_history_marks_where_it_begins_to_record_every_language(staff):
    migration = importlib.import_module("meetings.migrations.0007_history_of_translations")
    document = staff.meeting.documents.first()
    Document.objects.filter(pk=document.pk).update(title_ar="دليل المناقشة")
    migration.record_every_language_once(apps, None)
    marker = document.history.first()
    assert marker.history_change_reason == "History records every language from here"
    assert (marker.title_ar, marker.title_en, marker.version) == ("دليل المناقشة", document.title_en, document.version)


def test_a_revert_never_removes_a_translation(staff):
    document = staff.meeting.documents.first()
    document.title, document.title_ar = "Discussion guide", None
    document.save()
    earlier = document.history.first()
    document.title, document.title_ar = "Revised discussion guide", "دليل المناقشة"
    document.save()

    url = reverse("admin:meetings_document_simple_history", args=[document.pk, earlier.history_id])
    editor = client_for(staff.editor)
    assert editor.post(url, form_data(editor.get(url))).status_code == 302
    document.refresh_from_db()
    assert (document.title, document.title_ar) == ("Discussion guide", "دليل المناقشة")


def test_a_translated_model_whose_history_lacks_a_language_is_an_error_at_start_up(monkeypatch):
    assert history.translations_are_in_the_history(None) == []
    real = history.translated_copies
    monkeypatch.setattr(history, "translated_copies", lambda model: [*real(model), "title_xx"])
    errors = history.translations_are_in_the_history(None)
    assert "The history of meetings.Document does not record title_xx." in [error.msg for error in errors]


def test_a_version_recorded_before_languages_were_kept_reverts_as_english_with_a_warning(staff):
    document = staff.meeting.documents.first()
    document.title, document.title_ar = "Old guide", "دليل المناقشة"
    document.save()
    earlier = document.history.first()
    document.title = "New guide"
    document.save()
    # As the history recorded it then: the shared field only, no copy per language.
    copies = {f"title_{code.replace('-', '_')}": None for code, _name in settings.LANGUAGES}
    type(earlier).objects.filter(pk=earlier.pk).update(**copies)

    url = reverse("admin:meetings_document_simple_history", args=[document.pk, earlier.history_id])
    editor = client_for(staff.editor)
    page = editor.get(url)
    assert "recorded before the history kept each language: its title is shown as the English text" in (
        page.content.decode()
    )
    assert editor.post(url, form_data(page)).status_code == 302
    document.refresh_from_db()
    assert (document.title_en, document.title_ar) == ("Old guide", "دليل المناقشة")
