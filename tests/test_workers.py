"""Several job workers at once (`with_worker --workers 2`, as `make run` and `make serve` start them): each
file's job runs exactly once though every job is enqueued twice and two worker processes take jobs at the same
time (the SKIP LOCKED claim, jobs/exports.py), and the work is shared between them; the sweep runs beside them."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from jobs.exports import build_export
from jobs.models import Export
from languages import REPORT_LANGUAGES
from operations.management.commands.with_worker import worker_count
from tests.factories import complete_meeting

pytestmark = pytest.mark.django_db(transaction=True)  # the workers read what the test committed

ROOT = Path(__file__).resolve().parent.parent


def test_two_workers_run_each_job_exactly_once(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # enqueued for the workers
    meeting = complete_meeting()
    token = "0" * 32
    exports = [
        Export.objects.create(meeting=meeting, audience=audience, language=language, extension="txt", token=token)
        for language in REPORT_LANGUAGES
        for audience in ("public", "preview")
    ]
    for export in exports * 2:  # each job enqueued twice, as two servers asking at once would
        build_export.enqueue(export.pk)
    lost = tmp_path / "exports" / "999" / "lost.txt"  # a file no row names, from hours ago: the sweep's
    lost.parent.mkdir(parents=True)
    lost.write_bytes(b"lost")
    os.utime(lost, (time.time() - 7200, time.time() - 7200))
    database = connection.settings_dict
    env = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "TASKS_BACKEND": "database",
        "MEDIA_ROOT": str(tmp_path),
        "DEBUG": "false",
        "SECRET_KEY": "a-secret-key-for-this-test-only-" + "x" * 40,
    }
    # The "server" is a process that waits; the workers beside it do the work.
    command = [
        sys.executable,
        "manage.py",
        "with_worker",
        "--workers",
        "2",
        "--",
        "python",
        "-c",
        "import time; time.sleep(300)",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, start_new_session=True)
    unfinished = DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"])
    try:
        deadline = time.monotonic() + 180
        while (unfinished.exists() or lost.exists()) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=30)
    assert not unfinished.exists(), errors.decode()[-3000:]
    results = list(DBTaskResult.objects.all())
    assert len(results) == 2 * len(exports) and {result.status for result in results} == {"SUCCESSFUL"}
    for export in exports:
        export.refresh_from_db()
        assert (export.state, export.attempts) == (Export.State.READY, 1), export  # written by one job, once
    workers = {worker for result in results for worker in result.worker_ids}
    assert len(workers) == 2  # both took jobs
    assert len(list(tmp_path.rglob("*.txt"))) == len(exports)  # one file each, none written twice
    assert not lost.exists()  # swept when the workers started


def test_workers_are_as_asked_and_at_most_one_per_core(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    monkeypatch.delenv("WORKERS", raising=False)
    assert worker_count(None) == 2 and worker_count(3) == 3 and worker_count(16) == 4
    monkeypatch.setenv("WORKERS", "1")
    assert worker_count(None) == 1
