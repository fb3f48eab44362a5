"""Measures the production server under load, with the demo meeting at 1× and then 10× its content.

Runs gunicorn on loopback against the configured database (`make bench` gives it a PostgreSQL
database of its own), drives a bounded load with wrk, and prints one table of figures: requests
per second and p95 latency per page, each page's throughput relative to /healthz, query counts,
export times, and memory growth over 50 PDF exports. Every load is local and stops by itself.
"""

import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congress import content_version
from meetings.demo.load import load_demo_meeting
from meetings.management.commands.benchmark_exports import demo_content, grow
from meetings.models import Meeting
from meetings.report.builder import build_report
from meetings.report.renderers import RENDERERS

DEMO_SYMBOL = "A/CONF.234/RPM.2/1"
PORT = 8765
CONNECTIONS = 64
# What every browser sends; the cached pages are stored compressed for it.
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"
# wrk prints p50–p99 by default; this prints the p95 the goals speak of, and the error counts.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.1f %.2f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(95) / 1000, errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
"""


def current_rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Benchmark the production server (gunicorn + wrk) at 1× and 10× the demo content."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds of load per page (default 10).")

    def handle(self, *args, duration, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is missing: install Debian's wrk (make bench does).")
        if connection.vendor != "postgresql":
            self.stderr.write("Note: not PostgreSQL; `make bench` runs against PostgreSQL.")
        load_demo_meeting()
        meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
        content = demo_content(meeting)
        server = self.start_server()
        try:
            rows = {1: self.measure(meeting, duration)}
            rows["memory"] = self.pdf_memory(meeting)
            grow(meeting, content, 9)
            rows[10] = self.measure(meeting, duration)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        self.report(rows)

    def start_server(self):
        env = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost", "CONN_MAX_AGE": "60"}
        # As in production, the workers share one cache of the rendered report and exports.
        env.setdefault("CACHE_URL", "redis://127.0.0.1:6379/1")
        env.setdefault("SECRET_KEY", "benchmark-only-" + os.urandom(24).hex())
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, check=True)
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "congress.wsgi",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(2 * (os.cpu_count() or 1) + 1),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                return server
            except OSError:
                time.sleep(0.2)
        server.kill()
        raise CommandError("The server did not answer /healthz within 20 seconds.")

    def load(self, path, duration):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        result = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{duration}s",
                "-H",
                f"Accept-Encoding: {BROWSER_ACCEPT_ENCODING}",
                "-s",
                script.name,
                f"http://127.0.0.1:{PORT}{path}",
            ],
            capture_output=True,
            text=True,
            timeout=duration + 60,
        )
        os.unlink(script.name)
        match = re.search(r"RESULT ([\d.]+) ([\d.]+) (\d+) (\d+)", result.stdout)
        if match is None:
            raise CommandError(f"wrk said: {result.stdout}{result.stderr}")
        rps, p95, socket_errors, status_errors = match.groups()
        return {"rps": float(rps), "p95_ms": float(p95), "errors": int(socket_errors) + int(status_errors)}

    def cold_request_ms(self, path):
        """One request right after an edit, with the shared cache emptied: what the first reader waits."""
        content_version.bump()  # every worker's cached pages are stale from here
        cache.clear()  # the rendered report and exports the workers share through CACHE_URL
        started = time.perf_counter()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60).read()
        return (time.perf_counter() - started) * 1000

    def measure(self, meeting, duration):
        agenda = reverse("meetings:agenda", kwargs={"slug": meeting.slug})
        report = reverse("meetings:report", kwargs={"slug": meeting.slug})
        row = {"report cold (ms)": self.cold_request_ms(report)}
        for name, path in (("healthz", "/healthz"), ("agenda", agenda), ("report (warm)", report)):
            row[name] = self.load(path, duration)
        row["queries"] = self.query_counts(meeting)
        row["exports (s)"] = self.export_times(meeting)
        return row

    def query_counts(self, meeting):
        """Queries to build each page after an edit, and to serve it from the cache after that."""
        client, counts = Client(SERVER_NAME="localhost"), {}
        content_version.bump()
        for name in ("meetings:agenda", "meetings:report", "meetings:programme", "meetings:documents"):
            url = reverse(name, kwargs={"slug": meeting.slug})
            for state in ("built", "cached"):
                with CaptureQueriesContext(connection) as queries:
                    client.get(url)
                counts[f"{name.split(':')[1]} {state}"] = len(queries)
        return counts

    def export_times(self, meeting):
        times = {}
        for name, render in RENDERERS.items():
            runs = []
            for _ in range(2):
                started = time.perf_counter()
                render(build_report(Meeting.objects.for_report().get(pk=meeting.pk)))
                runs.append(time.perf_counter() - started)
            times[name] = statistics.median(runs)
        return times

    def pdf_memory(self, meeting):
        report = build_report(Meeting.objects.for_report().get(pk=meeting.pk))
        RENDERERS["pdf"](report)
        first = current_rss_mb()
        for _ in range(49):
            RENDERERS["pdf"](report)
        return {"after 1 (MB)": first, "after 50 (MB)": current_rss_mb()}

    def report(self, rows):
        out = self.stdout.write
        out(
            f"Database: {settings.DATABASES['default']['ENGINE']}; {CONNECTIONS} concurrent clients; wrk, 2 threads, "
            f"sending Accept-Encoding: {BROWSER_ACCEPT_ENCODING} as browsers do."
        )
        for factor in (1, 10):
            row = rows[factor]
            health = row["healthz"]["rps"]
            out(f"\n{factor}× the demo content")
            out(f"  {'page':<16}{'req/s':>10}{'p95 ms':>10}{'÷ healthz':>11}{'errors':>8}")
            for name in ("healthz", "agenda", "report (warm)"):
                figures = row[name]
                ratio = figures["rps"] / health
                line = f"  {name:<16}{figures['rps']:>10.1f}{figures['p95_ms']:>10.1f}{ratio:>11.2f}"
                out(line + f"{figures['errors']:>8}")
            out(f"  report, first request after an empty cache: {row['report cold (ms)']:.0f} ms")
            out("  queries: " + ", ".join(f"{page} {count}" for page, count in row["queries"].items()))
            out("  exports (s): " + ", ".join(f"{name} {seconds:.3f}" for name, seconds in row["exports (s)"].items()))
        out("\nRatios 10×/1×")
        same = rows[1]["queries"] == rows[10]["queries"]
        out(f"  query counts identical: {'yes' if same else 'NO'}")
        ratios = ", ".join(
            f"{name} {rows[10]['exports (s)'][name] / rows[1]['exports (s)'][name]:.1f}" for name in RENDERERS
        )
        out("  export time: " + ratios)
        memory = rows["memory"]
        growth = memory["after 50 (MB)"] / memory["after 1 (MB)"]
        out(
            f"\nMemory over 50 PDF exports of the demo report: {memory['after 1 (MB)']:.0f} MB after the first, "
            f"{memory['after 50 (MB)']:.0f} MB after 50 ({growth:.2f}×)"
        )
        out(
            "Goals: agenda and warm report at least 0.5× /healthz; identical query counts; "
            "memory at most 1.5×; no error under 64 clients."
        )
