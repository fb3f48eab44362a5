"""The report's files at many times the demo's size, through the production server: what a reader gets at once
(the file, or the page saying it is being prepared: never an error), how long until the file is served, and a search.

Grows the demo meeting's drafted text and delegations (`--times`, default 50), then runs gunicorn with its default
30-second timeout and one job worker, as `make serve` does, and asks for the report and each draft part in PDF and
Word, one after the other, as a reader would.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from demo.load import load_demo_meeting
from demo.management.commands.benchmark_exports import DEMO_SYMBOL, demo_content, grow
from demo.management.commands.benchmark_site import Command as SiteBenchmark
from meetings.models import Meeting


class Command(SiteBenchmark):
    help = "Time the report's files and a search at 50× the demo through gunicorn and a job worker."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--times", type=int, default=50, help="Times the demo's content (default 50).")

    def handle(self, *args, port, times, **options):
        self.base = f"http://127.0.0.1:{port}"
        load_demo_meeting()
        meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
        started = time.perf_counter()
        grow(meeting, demo_content(meeting), times - 1)
        self.stdout.write(f"Grown to {times}× the demo in {time.perf_counter() - started:.0f} s")
        with translation.override("en"):
            report = reverse("meetings:report", kwargs={"slug": meeting.slug}).removesuffix("/")
            parts = [
                reverse("meetings:draft_part_download", kwargs={"slug": meeting.slug, "part": part, "extension": "x"})
                for part in ("L.2", "L.2-Add.1")
            ]
        paths = [f"{report}.pdf", f"{report}.docx"] + [
            path.removesuffix(".x") + f".{extension}" for path in parts for extension in ("pdf", "docx")
        ]
        server = self.start_server(port)
        env = {**os.environ, "DEBUG": "false", "SECRET_KEY": settings.SECRET_KEY}
        worker = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--no-startup-delay", "-v0"], env=env)
        try:
            self.stdout.write(f"{'file':45} {'first answer':>14} {'status':>7} {'file served after':>18}")
            for path in paths:
                first_ms, status, seconds = self.timed(path)
                self.stdout.write(f"{path:45} {first_ms:11.0f} ms {status:>7} {seconds:15.1f} s")
            search = reverse("search") + "?q=" + urllib.parse.quote("organized crime")
            first_ms, status, seconds = self.timed(search)
            self.stdout.write(f"{'search “organized crime”':45} {first_ms:11.0f} ms {status:>7}")
        finally:
            for process in (server, worker):
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)

    def timed(self, path):
        """(ms of the first answer, its status, seconds until a 200): an error status is reported, not raised."""
        started = time.perf_counter()
        status = self.status(path)
        first_ms = (time.perf_counter() - started) * 1000
        final = status
        while final in (202, 503) and time.perf_counter() - started < 600:
            time.sleep(0.5)
            final = self.status(path)
        return first_ms, status, time.perf_counter() - started if final == 200 else float("nan")

    def status(self, path):
        try:
            with urllib.request.urlopen(f"{self.base}{path}", timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
