"""Running Rapporteur in production: health check, deployment checks, backups that restore."""

import datetime
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from report import renderers
from tests.conftest import DEMO_SYMBOL

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "false",
    "HTTPS": "true",
    "SECRET_KEY": "a-production-key-of-fifty-and-more-random-characters-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "rapporteur.example.org",
}


def manage(*arguments, env=None):
    """manage.py in a process of its own, without the browser tests' relaxed async guard."""
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env={**inherited, **(env or {})},
        capture_output=True,
        check=False,
    )


def test_healthz_reports_the_database(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "local"}


def test_healthz_says_so_when_the_database_is_unreachable(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_deployment_checks_pass_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == "System check identified no issues (0 silenced)."


def test_pages_carry_security_headers(client, demo_meeting):
    response = client.get(reverse("meetings:report", args=[demo_meeting.slug]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def exports_from(database_url):
    """The demo report as text and Akoma Ntoso, exported by a separate process from that database."""
    outputs = []
    for format in ("txt", "akn"):
        result = manage("export_report", DEMO_SYMBOL, "--format", format, env={"DATABASE_URL": database_url})
        assert result.returncode == 0, result.stderr.decode()
        outputs.append(result.stdout)
    return outputs


def exports_here(tmp_path):
    """The same exports from the test's own database."""
    outputs = []
    for format in ("txt", "akn"):
        call_command("export_report", DEMO_SYMBOL, "--format", format, "-o", str(tmp_path / format))
        outputs.append((tmp_path / format).read_bytes())
    return outputs


@pytest.fixture
def empty_database_url(tmp_path):
    """A new, empty database of the kind the suite runs on; dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings = connection.settings_dict
    server = f"{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"postgresql://{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{server}/{name}"
    with psycopg.connect(f"postgresql://{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_database_with_an_identical_report(tmp_path, empty_database_url):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    Meeting.objects.filter(symbol=DEMO_SYMBOL).update(report_issued_on="2019-04-09")
    backup = tmp_path / "rapporteur.backup"
    call_command("backup", str(backup), stdout=open(os.devnull, "w"))  # noqa: SIM115

    result = manage("restore", str(backup), env={"DATABASE_URL": empty_database_url})
    assert result.returncode == 0, result.stderr.decode()
    assert exports_from(empty_database_url) == exports_here(tmp_path)


def test_restore_refuses_a_missing_file(db):
    with pytest.raises(CommandError, match="No backup file at /nowhere.backup."):
        call_command("restore", "/nowhere.backup")


def test_a_download_is_rendered_once_per_version_and_revalidates_with_304(client, demo_meeting, monkeypatch):
    calls = []
    real_render = renderers.RENDERERS["pdf"]
    monkeypatch.setitem(renderers.RENDERERS, "pdf", lambda report: calls.append(1) or real_render(report))
    url = reverse("meetings:report_download", args=[demo_meeting.slug, "pdf"])

    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url).getvalue() == first.getvalue()
    assert len(calls) == 1  # the second download came from the cache
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304

    demo_meeting.opener, demo_meeting.opened_by_en = "other", "the Chair of the Meeting"
    demo_meeting.save()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert len(calls) == 2


def test_a_download_revalidates_by_date_for_clients_without_etags(client, demo_meeting, monkeypatch):
    url = reverse("meetings:report_download", args=[demo_meeting.slug, "txt"])
    first = client.get(url)
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304

    later = timezone.now() + datetime.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    demo_meeting.opener, demo_meeting.opened_by_en = "other", "the Chair of the Meeting"
    demo_meeting.save()
    edited = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert edited.status_code == 200 and "the Chair of the Meeting" in edited.getvalue().decode()


def test_pages_answer_conditional_requests(client, demo_meeting):
    url = reverse("meetings:report", args=[demo_meeting.slug])
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    demo_meeting.venue_city = "Amman"
    demo_meeting.save()
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_logins_are_throttled_after_five_failures(client, django_user_model):
    django_user_model.objects.create_user("editor", password="the right password", is_staff=True)
    url = reverse("admin:login")
    for _ in range(4):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post(url, {"username": "editor", "password": "wrong"}).status_code == 429
    locked = client.post(url, {"username": "editor", "password": "the right password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
