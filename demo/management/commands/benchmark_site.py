"""Measures the production server under load, with the demo meeting at 1× and then 10× its content.

Runs gunicorn on loopback against the configured database (`make bench` gives it a PostgreSQL
database of its own), drives a bounded load with wrk, and prints one table of figures: requests
per second, p95 and p99 latency per page, each page's throughput relative to /healthz in the same
run, query counts, search times, export times, and memory growth over 50 PDF exports. A job worker runs
beside the server: the report's PDF and Word files are timed from the first request (answered at once while
the job writes them) to the file, then loaded like the pages.

The rows: anonymous pages (from the page cache), the same pages for signed-in staff, search
(anonymous, cached per query; staff, which searches every time), a shared link with a tracking
parameter, and the meeting day: 64 readers on the agenda and the report, first alone, then while
an editor saves a paragraph through the admin every 2 seconds. Every load is local and stops by itself.
"""

import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caching import content_version
from demo.load import load_demo_meeting
from demo.load_generation import (
    BROWSER_ACCEPT_ENCODING,
    CONNECTIONS,
    Editor,
    current_rss_mb,
    load_row,
    ratio_text,
    start_wrk,
    wrk_figures,
)
from demo.management.commands.benchmark_exports import demo_content, grow
from meetings.models import Meeting
from report.builder import build_report
from report.renderers import RENDERERS
from search.index import ensure_current_index, search_meetings

DEMO_SYMBOL = "A/CONF.234/RPM.2/1"
WAIT_SECONDS = 600
SETTLED_SECONDS = 0.5
SEARCHES = ("Kuwait", "cybercrime", "42", "A/CONF.234/RPM.2/L.1", "trafficking in persons", "Beirut")


class Command(BaseCommand):
    help = "Benchmark the production server (gunicorn + wrk) at 1× and 10× the demo content."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=10, help="Seconds of load per page (default 10).")
        parser.add_argument("--port", type=int, default=8765, help="Loopback port of the server (default 8765).")
        parser.add_argument(
            "--static-collected", action="store_true", help="Static files are collected already (make bench does)."
        )
        parser.add_argument(
            "--pages-only", action="store_true", help="Only the pages and search: no export times, no PDF memory."
        )

    def execute(self, *args, **options):
        self.static_collected = options.get("static_collected", False)
        return super().execute(*args, **options)

    def handle(self, *args, duration, port, pages_only, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is missing: install Debian's wrk (make bench does).")
        if connection.vendor != "postgresql":
            self.stderr.write("Note: not PostgreSQL; `make bench` runs against PostgreSQL.")
        self.base = f"http://127.0.0.1:{port}"
        load_demo_meeting()
        meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
        content = demo_content(meeting)
        self.session_cookie = self.staff_session()
        self.pages_only = pages_only
        processes = [self.start_server(port), self.start_worker()]
        try:
            rows = {1: self.measure(meeting, duration)}
            rows["memory"] = None if pages_only else self.pdf_memory(meeting)
            grow(meeting, content, 9)
            rows[10] = self.measure(meeting, duration)
        finally:
            stop(processes)
        self.report(rows)

    def staff_session(self):
        """A signed-in secretariat member's session cookie, as the browser sends it."""
        user, _created = get_user_model().objects.get_or_create(
            username="benchmark-secretariat", defaults={"is_staff": True, "is_superuser": True}
        )
        client = Client()
        client.force_login(user)
        return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    def environment(self, **overrides):
        """The server's and worker's environment: production settings, this process's database and cache."""
        env = {**os.environ, "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost", "CONN_MAX_AGE": "60"}
        # As in production, the workers share one cache of the rendered report and exports.
        env.setdefault("CACHE_URL", "redis://127.0.0.1:6379/1")
        # The staff session made here must be valid there: the same key signs it. (`make bench` sets a random
        # one: production settings refuse the public development key.)
        env["SECRET_KEY"] = settings.SECRET_KEY
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        return {**env, **overrides}

    def start_server(self, port, workers=None, **env):
        """gunicorn on loopback with its default timeout, started once /healthz answers."""
        env = self.environment(**env)
        if not (getattr(self, "collected", False) or self.static_collected):
            subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, check=True)
            self.collected = True
        wait_for_free_port(port)  # the previous benchmark's server may still be finishing its last requests
        workers = workers or 2 * (os.cpu_count() or 1) + 1
        gunicorn = [str(Path(sys.executable).with_name("gunicorn")), "rapporteur.wsgi", "--workers", str(workers)]
        server = subprocess.Popen([*gunicorn, "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], env=env)
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                if server.poll() is None:  # this server answered, not another one on the port
                    return server
            except OSError:
                pass
            time.sleep(0.2)
        server.kill()
        raise CommandError(f"The server did not answer /healthz on port {port} within 20 seconds.")

    def start_worker(self, **env):
        """The exports' jobs: one worker beside the server, as `make serve` runs it."""
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "-v0"]
        return subprocess.Popen(command, env=self.environment(**env))

    def load(self, paths, duration, staff=False):
        """wrk on one address, or on several in turn; as signed-in staff if `staff`."""
        figures = wrk_figures(start_wrk(self.base, paths, duration, self.headers(staff)))
        settle(self.base)
        return figures

    def headers(self, staff=False):
        return [f"Cookie: {self.session_cookie}"] if staff else []

    def cold_request_ms(self, path):
        """One request right after an edit, with the shared cache emptied: what the first reader waits."""
        content_version.bump()  # every worker's cached pages are stale from here
        cache.clear()  # the rendered report and exports the workers share through CACHE_URL
        started = time.perf_counter()
        urllib.request.urlopen(f"{self.base}{path}", timeout=60).read()
        return (time.perf_counter() - started) * 1000

    def timed(self, path):
        """(ms of the first answer, its status, seconds until a 200): an error status is reported, not raised."""
        started = time.perf_counter()
        status = self.status(path)
        first_ms = (time.perf_counter() - started) * 1000
        final = status
        while final in (202, 503) and time.perf_counter() - started < WAIT_SECONDS:
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

    def measure(self, meeting, duration):
        def url(name):
            return reverse(f"meetings:{name}", kwargs={"slug": meeting.slug})

        agenda, programme, report = url("agenda"), url("programme"), url("report")
        search = reverse("search")
        row = {"report cold (ms)": self.cold_request_ms(report)}
        loads = [
            ("healthz", "/healthz", False),
            ("agenda", agenda, False),
            ("programme", programme, False),
            ("report", report, False),
            ("staff agenda", agenda, True),
            ("staff programme", programme, True),
            ("staff report", report, True),
            ("search", [f"{search}?q={urllib.parse.quote(words)}" for words in SEARCHES], False),
            ("staff search", [f"{search}?q={urllib.parse.quote(words)}" for words in SEARCHES], True),
            ("agenda?utm_source", f"{agenda}?utm_source=newsletter&utm_medium=email", False),
            ("report?fbclid", f"{report}?fbclid=IwAR0benchmark", False),
        ]
        row["search cold (ms)"] = self.cold_request_ms(f"{search}?q=cold")  # rewrites the meeting's index first
        files = {extension: f"{report.removesuffix('/')}.{extension}" for extension in ("pdf", "docx")}
        row["files (ms, s)"] = {extension: self.timed(path) for extension, path in files.items()}
        loads += [(f"report.{extension}", path, False) for extension, path in files.items()]
        for name, paths, staff in loads:
            row[name] = self.load(paths, duration, staff=staff)
        row["meeting day, no edits"] = self.load([agenda, report], duration)
        editor = Editor(self.base, self.session_cookie, meeting.paragraphs.order_by("pk").first().pk)
        editor.start()
        row["meeting day, edit every 2 s"] = self.load([agenda, report], duration)
        editor.stopping.set()
        editor.join(timeout=60)
        row["editor"] = {
            "saves": editor.saves,
            "errors": editor.errors,
            "median_s": statistics.median(editor.seconds) if editor.seconds else 0,
        }
        row["queries"] = self.query_counts(meeting)
        row["search (ms)"] = self.search_times()
        row["exports (s)"] = {} if self.pages_only else self.export_times(meeting)
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

    def search_times(self):
        """Median time of each search, in milliseconds, once the index is current (not through the page cache)."""
        ensure_current_index()
        reader = AnonymousUser()
        return {words: timed_ms(lambda w=words: search_meetings(w, user=reader), 7) for words in SEARCHES}

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
        names = [
            "healthz",
            "agenda",
            "programme",
            "report",
            "staff agenda",
            "staff programme",
            "staff report",
            "search",
            "staff search",
            "agenda?utm_source",
            "report?fbclid",
            "report.pdf",
            "report.docx",
            "meeting day, no edits",
            "meeting day, edit every 2 s",
        ]
        for factor in (1, 10):
            row = rows[factor]
            health = row["healthz"]["rps"]
            out(f"\n{factor}× the demo content")
            out(f"  {'page':<30}{'req/s':>9}{'p95 ms':>9}{'p99 ms':>9}{'÷ healthz':>11}{'errors':>8}")
            for name in names:
                out(load_row(name, row[name], health))
            quiet, busy, editor = row["meeting day, no edits"], row["meeting day, edit every 2 s"], row["editor"]
            out(
                f"  meeting day: readers' throughput with edits {ratio_text(busy['rps'], quiet['rps'])}× without; "
                f"the editor saved {editor['saves']} times ({editor['errors']} errors), "
                f"median {editor['median_s'] * 1000:.0f} ms to open and save"
            )
            out(f"  report, first request after an empty cache: {row['report cold (ms)']:.0f} ms")
            for extension, (first_ms, _status, seconds) in row["files (ms, s)"].items():
                out(f"  report.{extension}: first answer in {first_ms:.0f} ms, the file served after {seconds:.1f} s")
            out(f"  search, first request after an edit (rewrites the index): {row['search cold (ms)']:.0f} ms")
            out("  queries: " + ", ".join(f"{page} {count}" for page, count in row["queries"].items()))
            out("  search (ms): " + ", ".join(f"{words!r} {ms:.1f}" for words, ms in row["search (ms)"].items()))
            out("  exports (s): " + ", ".join(f"{name} {seconds:.3f}" for name, seconds in row["exports (s)"].items()))
        out("\nRatios 10×/1×")
        same = rows[1]["queries"] == rows[10]["queries"]
        out(f"  query counts identical: {'yes' if same else 'NO'}")
        if rows["memory"] is None:
            return
        ratios = ", ".join(
            f"{name} {ratio_text(rows[10]['exports (s)'][name], rows[1]['exports (s)'][name], digits=1)}"
            for name in RENDERERS
        )
        out("  export time: " + ratios)
        memory = rows["memory"]
        growth = memory["after 50 (MB)"] / memory["after 1 (MB)"]
        out(
            f"\nMemory over 50 PDF exports of the demo report: {memory['after 1 (MB)']:.0f} MB after the first, "
            f"{memory['after 50 (MB)']:.0f} MB after 50 ({growth:.2f}×)"
        )
        out(
            "Goals: pages at least 0.5× /healthz; staff pages within 3× the anonymous time plus one build; "
            "search under 20 ms; meeting day within 20% of no edits, no error; identical query counts; "
            "memory at most 1.5×; no error under 64 clients."
        )


def settle(base, seconds=60):
    """Waits until the server answers /healthz at once again: requests wrk gave up on (past its 2-second timeout,
    counted as errors) may still be queued there, and would slow the next row."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(f"{base}/healthz", timeout=seconds).read()
        if time.perf_counter() - started < SETTLED_SECONDS:
            return
        time.sleep(0.5)


def wait_for_free_port(port, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise CommandError(f"Port {port} is in use: give another with --port.") from None
        time.sleep(0.5)


def stop(processes):
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def timed_ms(function, repeat):
    function()  # the first run may write the index or warm the connection
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
