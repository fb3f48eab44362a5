"""Measures the "now" page under a room's load: 500 readers asking with If-None-Match while the secretariat records
an oral amendment every 10 seconds, against /healthz in the same run, and the delay from an agreed amendment's save
to a reader's page showing it.

Runs gunicorn on loopback against the configured database (as benchmark_site does) and drives the load with wrk,
whose script keeps each connection's last ETag as a browser does. The secretariat's writes are this process's
(workspace.reading.recorded with adoption.actions, as the reading screen records them); a watcher asks the page
every 50 ms after each save and records when the agreed text first shows: a reader polling every 2 seconds sees it
up to 2 seconds later.
"""

import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request

from django.core.management.base import CommandError
from django.db import connection

from adoption import actions
from adoption.models import OralAmendment
from adoption.records import record_of, source_of
from demo.load import load_demo_meeting
from demo.load_generation import WRK_REPORT, ratio_text
from demo.management.commands.benchmark_site import DEMO_SYMBOL
from demo.management.commands.benchmark_site import Command as SiteBenchmark
from meetings.models import Document, Meeting
from report.amended import items_of
from report.builder import build_draft_parts
from workspace.reading import recorded

READERS = 500
AMEND_EVERY_SECONDS = 10
# Each connection keeps the ETag of its last answer and sends it back, as the page's script does.
WRK_CONDITIONAL = """
local etag = nil
request = function()
  if etag then return wrk.format("GET", nil, {["If-None-Match"] = etag}) end
  return wrk.format("GET")
end
response = function(status, headers, body)
  if headers["ETag"] then etag = headers["ETag"] end
end
"""
# A reader's page asks again every 2 seconds (static/js/follow.js): each connection waits about that long between
# requests, so 500 readers offer about 250 requests a second. --flat-out drops the wait (every connection asks as
# fast as answers come), which measures the most the server can answer rather than a room of phones.
WRK_EVERY_2_SECONDS = """
function delay()
  return math.random(1500, 2500)
end
"""


class Command(SiteBenchmark):
    help = "Benchmark the now page: 500 readers with If-None-Match while an amendment is recorded every 10 s."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--readers", type=int, default=READERS, help="Connections (default 500).")
        parser.add_argument(
            "--flat-out", action="store_true", help="Readers ask as fast as answers come, not every 2 s."
        )

    def handle(self, *args, duration, port, readers, flat_out, **options):
        self.readers = readers
        self.pacing = "" if flat_out else WRK_EVERY_2_SECONDS
        self.base = f"http://127.0.0.1:{port}"
        load_demo_meeting()
        meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
        part = Document.objects.get(meeting=meeting, symbol=f"{meeting.series}/L.2/Add.1")
        items = items_of(build_draft_parts(Meeting.objects.for_report().get(pk=meeting.pk), "en")[part.symbol])
        paragraph = record_of(next(item.source for item in items if item.amendable))
        actions.move(part=part, source=source_of(paragraph))
        now = f"/en/meetings/{meeting.slug}/now/"
        server = self.start_server(port)
        try:
            healthz = self.wrk("/healthz", duration, "")
            delays, waits, stop = [], [], threading.Event()
            secretariat = threading.Thread(target=self.secretariat, args=(part, paragraph, now, delays, waits, stop))
            secretariat.start()
            try:
                page = self.wrk(now, duration, WRK_CONDITIONAL)
            finally:
                stop.set()
                secretariat.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
        asking = "as fast as answered" if not self.pacing else "each every 2 s"
        self.stdout.write(
            f"{self.readers} readers ({asking}), {duration} s each, amendment agreed every {AMEND_EVERY_SECONDS} s"
        )
        self.stdout.write("page        req/s    p95 ms   p99 ms  errors  non-2xx/3xx  vs /healthz")
        for name, (rate, p95, p99, errors, status) in (("/healthz", healthz), ("now", page)):
            ratio = ratio_text(rate, healthz[0], 11)
            self.stdout.write(f"{name:10} {rate:7.1f} {p95:9.1f} {p99:8.1f} {errors:7d} {status:12d} {ratio}")
        if delays:
            shown = ", ".join(f"{delay:.2f}" for delay in delays)
            self.stdout.write(f"save → page shows it (s): {shown}; median {statistics.median(delays):.2f}")
        if waits:
            shown = ", ".join(f"{wait:.2f}" for wait in waits)
            self.stdout.write(
                f"the same page asked just before each save (s): {shown}; median {statistics.median(waits):.2f}"
            )

    def wrk(self, path, duration, script_text):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT + self.pacing + script_text)
        result = subprocess.run(
            ["wrk", "-t2", f"-c{self.readers}", f"-d{duration}s", "-s", script.name, self.base + path],
            capture_output=True,
            text=True,
            timeout=duration + 60,
        )
        line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT")), None)
        if line is None:
            raise CommandError(result.stdout + result.stderr)
        rate, p95, p99, errors, status = line.split()[1:]
        return float(rate), float(p95), float(p99), int(errors), int(status)

    def secretariat(self, part, paragraph, now, delays, waits, stop):
        """Every 10 s an amendment is proposed and agreed; then the page is watched until it shows the new text."""
        try:
            number = 0
            while not stop.wait(AMEND_EVERY_SECONDS if number else 2):
                # The same fresh request just before the change: how long any answer waits in the server's queue
                # at this load, which the delay after the change includes.
                asked = time.monotonic()
                urllib.request.urlopen(self.base + now, timeout=10).read()
                waits.append(time.monotonic() - asked)
                number += 1
                text = f"{paragraph.text_en.split(' revision')[0]} revision{number}."
                amendment = recorded(
                    actions.propose,
                    part=part,
                    source=source_of(paragraph),
                    language="en",
                    text=text,
                    proposer=OralAmendment.Proposer.SECRETARIAT,
                )
                recorded(
                    actions.decide, amendment=amendment, status=OralAmendment.Status.AGREED, version=amendment.version
                )
                paragraph.refresh_from_db()
                saved = time.monotonic()
                while time.monotonic() - saved < 10:
                    body = urllib.request.urlopen(self.base + now, timeout=10).read().decode()
                    if f"revision{number}." in body:
                        delays.append(time.monotonic() - saved)
                        break
                    time.sleep(0.05)
        finally:
            connection.close()
