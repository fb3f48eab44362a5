"""Two app servers, as a Congress week runs them behind a load balancer: two gunicorn processes on two ports, each
with its own page cache in memory, one job worker, PostgreSQL, Redis (CACHE_URL) and the files on a local folder
both share. wrk loads both ports at once, on /healthz and then on cached public pages: each server's requests per
second, the two together, and their ratio to /healthz measured the same way in the same run. Then an edit saved
through one server's admin must be on the other's page at once, and a file written by the worker for a request to
one must download from the other.
"""

import os
import tempfile
import time
import urllib.request

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from demo.load import load_demo_meeting
from demo.load_generation import CONNECTIONS, NO_REQUEST, Editor, ratio_text, start_wrk, wrk_figures
from demo.management.commands.benchmark_site import DEMO_SYMBOL, settle, stop
from demo.management.commands.benchmark_site import Command as SiteBenchmark
from meetings.models import Meeting


class Command(SiteBenchmark):
    help = "Benchmark two gunicorn servers at once (one worker, Redis, shared files): req/s, ratios, an edit seen."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--workers", type=int, default=os.cpu_count() or 1, help="gunicorn processes of each server (cores)."
        )

    def handle(self, *args, port, duration, workers, **options):
        if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
            self.stderr.write("Note: CACHE_URL is not Redis; `make bench` gives the two servers a Redis database.")
        load_demo_meeting()
        meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
        self.session_cookie = self.staff_session()
        with translation.override("en"):
            pages = {name: reverse(f"meetings:{name}", kwargs={"slug": meeting.slug}) for name in ("report", "agenda")}
        bases = [f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"]
        files = tempfile.TemporaryDirectory(prefix="rapporteur-bench-files-")
        env = {"MEDIA_ROOT": files.name}  # one folder both servers and the worker use, as a shared volume would be
        processes = [self.start_server(port + n, workers, **env) for n in range(2)] + [self.start_worker(**env)]
        try:
            rows = {"/healthz": self.load_both(bases, "/healthz", duration)}
            for name, path in pages.items():
                rows[f"{name} page"] = self.load_both(bases, path, duration)
            edits = [self.edit_seen(bases[n], bases[1 - n], meeting, pages["report"]) for n in (0, 1)]
            download = self.file_from_other(bases, pages["report"].removesuffix("/") + ".docx")
        finally:
            stop(processes)
            files.cleanup()
        self.report_servers(rows, edits, download, duration, workers)

    def load_both(self, bases, path, duration):
        """wrk on both servers at once, half the clients each: the figures of each."""
        for base in bases:  # each server's page cache holds the page, as after the first readers
            urllib.request.urlopen(base + path, timeout=60).read()
        loads = [start_wrk(base, path, duration, connections=CONNECTIONS // 2) for base in bases]
        figures = [wrk_figures(load) for load in loads]
        for base in bases:
            settle(base)
        return figures

    def edit_seen(self, through, on, meeting, page):
        """(saved, shown on the other at once, ms from the save to the other's page) for one edit through `through`."""
        urllib.request.urlopen(on + page, timeout=60).read()  # the page as it was, in `on`'s page cache
        editor = Editor(through, self.session_cookie, meeting.paragraphs.order_by("pk").first().pk)
        self.mark = editor.saves = getattr(self, "mark", int(time.time())) + 1  # the text's mark: new each edit
        editor.save_once()
        saved = time.perf_counter()
        shown = f"(edit {self.mark + 1})" in urllib.request.urlopen(on + page, timeout=60).read().decode()
        return editor.saves == self.mark + 1, shown, (time.perf_counter() - saved) * 1000

    def file_from_other(self, bases, path):
        """(status of the first answer from one server, seconds until served, status of the same from the other)."""
        self.base = bases[0]
        first_ms, status, seconds = self.timed(path)
        self.base = bases[1]
        return status, seconds, self.status(path)

    def report_servers(self, rows, edits, download, duration, workers):
        out = self.stdout.write
        out(
            f"\nTwo servers ({workers} gunicorn processes each, page caches of their own), one job worker, "
            f"PostgreSQL, Redis ({settings.CACHES['default'].get('LOCATION')}), shared files; wrk on both ports at "
            f"once, {CONNECTIONS // 2} clients each, {duration} s"
        )
        header = f"  {'page':<14}{'A req/s':>9}{'B req/s':>9}{'A+B req/s':>11}{'÷ healthz':>11}"
        out(header + f"{'p99 ms A/B':>14}{'errors':>8}")
        health = sum(figures["rps"] for figures in rows["/healthz"])
        for name, (a, b) in rows.items():
            combined = a["rps"] + b["rps"]
            if not combined:
                out(f"  {name:<14}{NO_REQUEST:>40}")
                continue
            latency = f"{a['p99_ms']:.0f}/{b['p99_ms']:.0f}"
            out(
                f"  {name:<14}{a['rps']:>9.1f}{b['rps']:>9.1f}{combined:>11.1f}{ratio_text(combined, health, 11)}"
                f"{latency:>14}{a['errors'] + b['errors']:>8}"
            )
        for (saved, shown, ms), (through, on) in zip(edits, ("AB", "BA"), strict=True):
            outcome = "NOT SAVED" if not saved else f"{'shown' if shown else 'NOT SHOWN'} {ms:.0f} ms after the save"
            out(f"  an edit through {through}, on {on}'s cached report page at once: {outcome}")
        status, seconds, other = download
        out(f"  report.docx asked of A: {status}, written by the worker in {seconds:.1f} s; then from B: {other}")
