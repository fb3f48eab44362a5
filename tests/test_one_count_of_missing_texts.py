"""One count of what a language version lacks: the admin's table, the aligned view's list of what is missing
and an export's note name the same texts, and they are exactly the meeting's texts the report marks as not
translated (the shared records' names, translated in the Congress's admin, are counted apart)."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings

from languages import REPORT_LANGUAGES
from report.builder import build_report
from report.language_versions import missing_in, texts_of, translation_status
from tests.conftest import DEMO_SYMBOL
from tests.factories import DocumentFactory, UserFactory
from tests.test_same_structure_in_every_language import Rollback, make_meeting, meetings

pytestmark = pytest.mark.django_db


def the_meetings_holes(meeting, language):
    """The unit ids of the meeting's own texts that its report in `language` shows as not translated."""
    ids = {text.unit_id for text in texts_of(meeting)}
    return build_report(meeting, language).untranslated & ids


@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=meetings)
def test_what_is_counted_missing_is_what_the_report_marks(spec):
    try:
        with transaction.atomic():
            meeting = make_meeting(spec)
            counted = {language: {t.unit_id for t in missing_in(meeting, language)} for language in REPORT_LANGUAGES}
            marked = {language: the_meetings_holes(meeting, language) for language in REPORT_LANGUAGES}
            raise Rollback
    except Rollback:
        pass
    for language in REPORT_LANGUAGES:
        assert counted[language] == marked[language], language


def test_an_addendum_listed_on_its_base_row_is_not_missing(demo_meeting):
    """The annex lists "L.2 and Add.1" on one row: the addendum's own title is offered, not required."""
    base = demo_meeting.documents.first()
    addendum = DocumentFactory(meeting=demo_meeting, symbol=f"{base.symbol}/Add.9", title_en="An addendum")
    texts = {text.unit_id: text for text in texts_of(demo_meeting)}
    assert not texts[f"meetings.document.{addendum.pk}.title"].required
    assert f"meetings.document.{addendum.pk}.title" not in {t.unit_id for t in missing_in(demo_meeting, "es")}


def test_the_admin_the_aligned_view_and_the_export_give_one_count(demo_meeting, capsys):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    table = {row["language"]: row["missing"] for row in translation_status(demo_meeting)}
    page = client.get(reverse("admin:meetings_meeting_change", args=[demo_meeting.pk])).content.decode()
    aligned = reverse("admin:meetings_meeting_aligned", args=[demo_meeting.pk])
    for language in ("es", "ar", "ru"):
        count = table[language]
        assert count > 0
        assert f"<td>{count}</td><td>" in page
        listed = client.get(f"{aligned}?left=en&right={language}&missing=1").content.decode()
        assert len(re.findall(r'<tr id="text-\d+">', listed)) == count
        call_command("export_report", DEMO_SYMBOL, "--format", "txt", "--language", language)
        assert f"Note: {count} of the meeting's texts have no {language} version" in capsys.readouterr().err
