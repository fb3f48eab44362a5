"""Runs a server command with a job worker beside it, and stops both together: `make run` and `make serve`.

    manage.py with_worker -- manage.py runserver 127.0.0.1:8000

The worker is `manage.py db_worker` (the database queue, TASKS in the settings). When either process ends, or
this one is interrupted (Ctrl-C) or terminated, the other is stopped too: nothing is left running.
"""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

STOP_SECONDS = 10


class Command(BaseCommand):
    help = "Runs the given server command and a job worker beside it; stops both together."

    def add_arguments(self, parser):
        parser.add_argument("server", nargs="+", help="The server's command line, after --.")

    def handle(self, *args, server, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if not backend.startswith("django_tasks_db."):
            raise CommandError(f"The jobs' backend is {backend}, which no db_worker reads: run the server alone.")
        command = [sys.executable if part == "python" else part for part in server]
        if command[0].endswith("manage.py"):
            command.insert(0, sys.executable)
        # Terminated (by a service manager, say) like interrupted: the finally below stops both.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        worker = subprocess.Popen([sys.executable, sys.argv[0], "db_worker", "--no-startup-delay"])
        main = subprocess.Popen(command)
        try:
            while main.poll() is None and worker.poll() is None:
                time.sleep(0.5)
            if worker.returncode is not None:
                self.stderr.write(f"The job worker stopped (exit status {worker.returncode}); stopping the server.")
        except KeyboardInterrupt:
            pass
        finally:
            for process in (main, worker):
                if process.poll() is None:
                    process.terminate()
            for process in (main, worker):
                try:
                    process.wait(STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
        if main.returncode:
            sys.exit(main.returncode)
