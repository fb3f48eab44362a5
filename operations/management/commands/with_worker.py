"""Runs a server command with job workers beside it, and stops them all together: `make run` and `make serve`.

    manage.py with_worker [--workers N] -- manage.py runserver 127.0.0.1:8000

The workers are N processes of `manage.py db_worker` (the database queue, TASKS in the settings), each running
one job at a time: N files are written at once. N is --workers, else the WORKERS environment variable, else 2,
and never more than the machine's cores. Each job claims its file's row with SKIP LOCKED (jobs/exports.py), so
several workers never write one file twice. Every SWEEP_SECONDS (and once at the start) `sweep_exports` removes
export files no row names any more (jobs/sweep.py).

When any of the processes ends, or this one is interrupted (Ctrl-C) or terminated, the others are stopped too:
nothing is left running.
"""

import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

STOP_SECONDS = 10
SWEEP_SECONDS = 60 * 60
DEFAULT_WORKERS = 2


def worker_count(asked):
    """The workers to start: as asked (--workers, else WORKERS, else DEFAULT_WORKERS), at most one per core."""
    if asked is None:
        asked = int(os.environ.get("WORKERS") or DEFAULT_WORKERS)
    if asked < 1:
        raise CommandError("At least one worker is needed (--workers or WORKERS).")
    return min(asked, os.cpu_count() or 1)


class Command(BaseCommand):
    help = "Runs the given server command and job workers beside it; stops them all together."

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers", type=int, help=f"Job workers (default: WORKERS, else {DEFAULT_WORKERS}; at most the cores)."
        )
        parser.add_argument("server", nargs="+", help="The server's command line, after --.")

    def handle(self, *args, server, workers=None, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.startswith("django_tasks_db."):
            raise CommandError(f"The jobs' backend is {backend}, which no db_worker reads: run the server alone.")
        command = [sys.executable if part == "python" else part for part in server]
        if command[0].endswith("manage.py"):
            command.insert(0, sys.executable)
        manage = [sys.executable, sys.argv[0]]
        # Terminated (by a service manager, say) like interrupted: the finally below stops them all.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        # Each worker's id names its machine and process, unique across the pool (the queue records who ran what).
        ids = [f"{socket.gethostname()[:40]}-{os.getpid()}-{n}" for n in range(worker_count(workers))]
        started = [subprocess.Popen([*manage, "db_worker", "--no-startup-delay", "--worker-id", name]) for name in ids]
        main = subprocess.Popen(command)
        started.insert(0, main)
        sweeping, swept_at = None, None
        try:
            while all(process.poll() is None for process in started):
                due = swept_at is None or time.monotonic() - swept_at > SWEEP_SECONDS
                if due and (sweeping is None or sweeping.poll() is not None):
                    sweeping, swept_at = subprocess.Popen([*manage, "sweep_exports", "-v0"]), time.monotonic()
                time.sleep(0.5)
            stopped = (
                next(process for process in started[1:] if process.poll() is not None) if main.poll() is None else None
            )
            if stopped is not None:
                self.stderr.write(f"A job worker stopped (exit status {stopped.returncode}); stopping the server.")
        except KeyboardInterrupt:
            pass
        finally:
            running = [process for process in (*started, sweeping) if process is not None]
            for process in running:
                if process.poll() is None:
                    process.terminate()
            for process in running:
                try:
                    process.wait(STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
        if main.returncode:
            sys.exit(main.returncode)
