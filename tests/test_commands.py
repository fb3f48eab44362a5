"""The management commands: export_report and load_demo."""

import io
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from congress.models import State
from meetings.models import Meeting
from tests.conftest import DEMO_SYMBOL
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_export_writes_text_to_standard_output(demo_meeting, capsysbinary):
    call_command("export_report", DEMO_SYMBOL, "--format", "txt")
    output = capsysbinary.readouterr().out.decode()
    assert output.startswith(f"United Nations\t{DEMO_SYMBOL}\n")
    assert "75. At its 6th meeting, on 28 March 2019, the Meeting considered and adopted its report" in output


def test_export_writes_html_to_a_file(demo_meeting, tmp_path):
    target = tmp_path / "report.html"
    call_command("export_report", DEMO_SYMBOL, "--format", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<p id="para-75" class="numbered">' in html
    assert "<style>" in html and "stylesheet" not in html  # self-contained: no link to load


def test_export_of_an_unknown_symbol_fails_with_a_message(demo_meeting):
    message = r"No report, draft report part or list of participants has the symbol 'A/CONF.234/RPM.9/1'\."
    with pytest.raises(CommandError, match=message):
        call_command("export_report", "A/CONF.234/RPM.9/1")


def test_export_writes_the_list_of_participants_under_its_latest_symbol(demo_meeting, tmp_path):
    target = tmp_path / "participants.txt"
    call_command("export_report", "A/CONF.234/RPM.2/INF/2/Rev.1", "--format", "txt", "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("United Nations\tA/CONF.234/RPM.2/INF/2/Rev.1\n")
    assert "States members of the Economic and Social Commission for Western Asia" in text


def test_export_of_an_earlier_list_of_participants_carries_its_own_symbol(demo_meeting, capsysbinary):
    DocumentFactory(meeting=demo_meeting, symbol="A/CONF.234/RPM.2/INF/2", kind="participants", order=0)
    call_command("export_report", "A/CONF.234/RPM.2/INF/2", "--format", "txt")
    output = capsysbinary.readouterr()
    assert output.out.decode().startswith("United Nations\tA/CONF.234/RPM.2/INF/2\n")
    assert "Note: A/CONF.234/RPM.2/INF/2/Rev.1 follows A/CONF.234/RPM.2/INF/2" in output.err.decode()


def test_export_of_the_list_of_participants_refuses_akoma_ntoso(demo_meeting):
    with pytest.raises(CommandError, match=r"A list of participants is written as one of: docx, pdf, txt, html\."):
        call_command("export_report", "A/CONF.234/RPM.2/INF/2/Rev.1", "--format", "akn")


def test_export_in_an_unknown_format_fails_with_a_message(demo_meeting):
    with pytest.raises(CommandError, match=r"Unknown format 'doc'; choose one of: docx, pdf, pdfa, akn, txt, html\."):
        call_command("export_report", DEMO_SYMBOL, "--format", "doc")


def test_export_failure_is_one_line_and_a_non_zero_exit(tmp_path):
    database = tmp_path / "empty.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}", "PATH": "/usr/bin:/bin"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    result = subprocess.run([*manage, "export_report", "A/CONF.234/RPM.9/1"], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "CommandError: No report, draft report part or list of participants has the symbol 'A/CONF.234/RPM.9/1'."
    )


def snapshot():
    """Every row of every table the demo loads, primary keys included.

    A reload saves each row again, which raises its version and adds a history entry; the content is what
    must not change.
    """
    from django.apps import apps

    rows = {}
    for app in ("congress", "meetings", "recommendations", "caching", "search"):
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical") or model.__name__ == "ContentVersion":
                continue  # ContentVersion names the content for the page cache; every save renames it
            fields = [f.attname for f in model._meta.concrete_fields if f.name != "version"]
            rows[model.__name__] = sorted(model.objects.values_list(*fields), key=repr)
    rows["commission members"] = sorted(State.objects.values_list("pk", "regional_commissions"), key=repr)
    return rows


def test_loading_the_demo_twice_changes_nothing(demo_meeting):
    before = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before
    assert Meeting.objects.count() == 1


def test_the_demo_has_every_record_of_the_reference(demo_meeting):
    assert demo_meeting.sessions.count() == 6
    assert demo_meeting.participations.filter(state__isnull=False).count() == 11
    assert demo_meeting.participations.filter(organization__isnull=False).count() == 10
    assert demo_meeting.officers.count() == 3
    assert demo_meeting.agenda_items.count() == 11
    assert demo_meeting.documents.count() == 9
    assert [d.recommendations.count() for d in demo_meeting.discussions.all()] == [5, 14, 7, 9, 11]
    assert [d.summary_paragraphs.count() for d in demo_meeting.discussions.all()] == [4, 9, 8, 8, 13]


def history_count():
    """Versions recorded in every model's history."""
    from django.apps import apps

    return sum(
        getattr(model, model._meta.simple_history_manager_attribute).count()
        for model in apps.get_models()
        if getattr(model._meta, "simple_history_manager_attribute", None)
    )


def test_make_run_twice_keeps_an_edit_to_the_demo_and_records_only_it(demo_meeting):
    paragraph = demo_meeting.paragraphs.order_by("part", "order").first()
    paragraph.text = "An edit made in the admin."
    paragraph.save()
    before = history_count()
    for _ in range(2):  # `make run`, then `make run` again
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        assert "already there" in out.getvalue()
    paragraph.refresh_from_db()
    assert paragraph.text == "An edit made in the admin."
    assert history_count() == before
    assert paragraph.history.first().text == "An edit made in the admin."


def test_reset_restores_the_demo_and_records_only_what_it_undoes(demo_meeting):
    from meetings.models import MeetingParagraph

    paragraph = demo_meeting.paragraphs.order_by("part", "order").first()
    original = paragraph.text
    paragraph.text = "An edit made in the admin."
    paragraph.save()
    added = MeetingParagraph.objects.create(meeting=demo_meeting, part="other_matters", order=99, text="Added.")
    before = history_count()
    call_command("load_demo", "--reset", "--no-input", stdout=io.StringIO())
    paragraph.refresh_from_db()
    assert paragraph.text == original
    assert not MeetingParagraph.objects.filter(pk=added.pk).exists()
    assert history_count() == before + 2  # the edit undone, the added paragraph deleted: nothing else


def test_reset_asks_first_and_changes_nothing_unless_confirmed(demo_meeting, monkeypatch):
    demo_meeting.paragraphs.update(text="Edited.")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("load_demo", "--reset", stdout=io.StringIO())
    assert set(demo_meeting.paragraphs.values_list("text", flat=True)) == {"Edited."}


def test_loading_the_demo_into_an_empty_database_then_again_writes_no_history(db):
    call_command("load_demo", stdout=io.StringIO())
    before = history_count()
    call_command("load_demo", "--reset", "--no-input", stdout=io.StringIO())
    assert history_count() == before
