"""Two app servers behind one address, as a Congress week runs them: two gunicorn processes, each with its own
page cache in memory, one job worker, PostgreSQL, Redis (CACHE_URL) and an S3-compatible bucket (moto's server).
An edit through one is on the other's pages at once, a file uploaded through one downloads from the other, and a
job enqueued twice runs once."""

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import boto3
import lxml.html
import pytest
import redis
import requests
from django.db import connection
from django_tasks_db.models import DBTaskResult

from jobs.exports import build_export
from jobs.models import Export
from tests.factories import UserFactory, complete_meeting

pytestmark = pytest.mark.django_db(transaction=True)  # the servers read what the test committed

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/5"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}
START_SECONDS = 40


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except requests.RequestException:  # not listening yet, or still starting
            pass
        time.sleep(0.2)
    raise AssertionError(f"{what} not within {seconds} s")


@pytest.fixture
def servers(s3_server, tmp_path):
    """(address of server A, address of server B, their MEDIA_ROOT), sharing the test's database and a bucket."""
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    bucket = f"rapporteur-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_server, **KEYS).create_bucket(Bucket=bucket)
    database = connection.settings_dict
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CACHE_URL": REDIS_URL,
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(tmp_path / "no-files-here"),
        "DEBUG": "true",  # static files from their sources, without collectstatic
        "SECRET_KEY": secrets.token_urlsafe(50),
    }
    ports = [free_port(), free_port()]
    log = (tmp_path / "servers.log").open("w")
    gunicorn = [sys.executable, "-m", "gunicorn", "rapporteur.wsgi", "--workers", "1", "--timeout", "30"]
    processes = [
        subprocess.Popen([*gunicorn, "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stderr=log) for port in ports
    ]
    worker = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2", "-v0"]
    processes.append(subprocess.Popen(worker, cwd=ROOT, env=env, stderr=log))
    addresses = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for address in addresses:
            wait_for(lambda a=address: requests.get(f"{a}/healthz", timeout=5).ok, START_SECONDS, f"{address} up")
        yield addresses[0], addresses[1], tmp_path / "no-files-here"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
        print((tmp_path / "servers.log").read_text()[-5000:])  # shown when the test fails


def signed_in(address, user):
    session = requests.Session()
    login = f"{address}/admin/login/"
    token = lxml.html.fromstring(session.get(login, timeout=10).content).forms[0].fields["csrfmiddlewaretoken"]
    response = session.post(
        login, data={"csrfmiddlewaretoken": token, "username": user.username, "password": "secret", "next": "/admin/"}
    )
    assert response.ok and "/admin/login/" not in response.url
    return session


def post_change_form(session, url, changes, files=None):
    """Posts the admin's change form at `url` as it is, with `changes` made, as the browser would."""
    page = session.get(url, timeout=10)
    form = next(form for form in lxml.html.fromstring(page.content).forms if form.get("id", "").endswith("_form"))
    data = [(name, value) for name, value in form.form_values() if name not in changes]
    data += [*changes.items(), ("_save", "Save")]
    response = session.post(url, data=data, files=files, headers={"Referer": url}, timeout=30)
    errors = lxml.html.fromstring(response.content).xpath(
        "//*[contains(@class, 'errorlist') or contains(@class, 'errornote')]"
    )
    assert response.ok and response.url != url, [error.text_content() for error in errors]


def test_two_servers_share_edits_files_and_jobs(servers, settings):
    a, b, media_root = servers
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # this process enqueues too
    meeting = complete_meeting()
    document = meeting.documents.filter(is_published=True, files=None).first()
    state = meeting.participations.exclude(state=None).first().state
    editor = UserFactory(is_staff=True, is_superuser=True)
    editor.set_password("secret")
    editor.save()
    participation = f"/en/meetings/{meeting.slug}/participation/"
    assert state.name_en in requests.get(b + participation, timeout=10).text  # now in B's page cache

    # An edit through A is on B's pages at once.
    session = signed_in(a, editor)
    post_change_form(session, f"{a}/admin/congress/state/{state.pk}/change/", {"name_en": "Republic of Edited"})
    assert "Republic of Edited" in requests.get(b + participation, timeout=10).text

    # A file uploaded through A downloads from B.
    content = b"%PDF-1.4 uploaded through server A"
    changes = {"files-TOTAL_FORMS": "1", "files-0-language": "en", "files-0-document": str(document.pk)}
    files = {"files-0-file": ("paper.pdf", content, "application/pdf")}
    post_change_form(session, f"{a}/admin/meetings/document/{document.pk}/change/", changes, files)
    upload = document.files.get()
    downloaded = requests.get(b + upload.get_absolute_url(), timeout=10)
    assert downloaded.status_code == 200 and downloaded.content == content
    assert not media_root.exists()  # in the bucket, not on A's disk

    # Both servers asked for the same file at once, and its job enqueued once more: it is written once.
    url = f"/en/meetings/{meeting.slug}/report.txt"
    answers = {}
    asking = [
        threading.Thread(target=lambda s=s: answers.update({s: requests.get(s + url, timeout=10)})) for s in (a, b)
    ]
    for thread in asking:
        thread.start()
    for thread in asking:
        thread.join()
    assert {answer.status_code for answer in answers.values()} <= {200, 202}
    export = Export.objects.get()
    build_export.enqueue(export.pk)
    wait_for(lambda: requests.get(b + url, timeout=10).status_code == 200, 30, "the file")
    unfinished = DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"])
    wait_for(lambda: not unfinished.exists(), 30, "every job")
    served = requests.get(a + url, timeout=10)
    assert served.status_code == 200 and "Republic of Edited" in served.text
    export.refresh_from_db()
    assert export.state == Export.State.READY and export.attempts == 1  # one job wrote it; the others found it done
