"""The report's files at 1×, 10× and 50× the demo's size, through the production server: what a reader gets at once
(the file, or the page saying it is being prepared: never an error), how long until the file is served, and how
fast a ready file is served next to /healthz in the same run; then a search at the largest size.

Grows the demo meeting's drafted text and delegations to each size in `--sizes`, then runs gunicorn with its
default 30-second timeout and one job worker, as `make serve` does, and asks for the report's PDF and Word files
and a draft part's PDF, one after the other, as a reader would. Before each size the worker is stopped and the files
written so far are forgotten, so each first request finds its file not yet written (the worst case: after an edit,
files already asked for are written again at once, before anyone asks).
"""

import tempfile
import time
import urllib.parse

from django.urls import reverse
from django.utils import translation

from demo.load import load_demo_meeting
from demo.load_generation import NO_REQUEST, ratio_text
from demo.management.commands.benchmark_exports import DEMO_SYMBOL, demo_content, grow
from demo.management.commands.benchmark_site import Command as SiteBenchmark
from demo.management.commands.benchmark_site import stop
from jobs.models import Export
from meetings.models import Meeting

DRAFT_PART = "L.2"


class Command(SiteBenchmark):
    help = "Time the report's files at 1×, 10× and 50× the demo through gunicorn and a job worker, and a search."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--sizes", default="1,10,50", help="Times the demo's content, in increasing order (default 1,10,50)."
        )

    def handle(self, *args, port, sizes, duration, **options):
        sizes = sorted({int(size) for size in sizes.split(",")})
        self.base = f"http://127.0.0.1:{port}"
        load_demo_meeting()
        meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
        content, grown_to = demo_content(meeting), 1
        paths = self.paths(meeting)
        files = tempfile.TemporaryDirectory(prefix="rapporteur-bench-files-")
        self.files_env = {"MEDIA_ROOT": files.name}
        server, rows = self.start_server(port, **self.files_env), {}
        try:
            for size in sizes:
                started = time.perf_counter()
                grow(meeting, content, size - grown_to)
                grown_to = size
                self.stdout.write(f"Grown to {size}× the demo in {time.perf_counter() - started:.0f} s")
                # As if never asked for: the first request finds no file (the jobs the growth queued find no row).
                Export.objects.all().delete()
                worker = self.start_worker(**self.files_env)
                try:
                    rows[size] = self.measure_files(paths, duration)
                    if size == sizes[-1]:
                        search = reverse("search") + "?q=" + urllib.parse.quote("organized crime")
                        rows["search"] = (size, *self.timed(search))
                finally:
                    stop([worker])
        finally:
            stop([server])
            files.cleanup()
        self.report_files(rows, sizes, duration)

    def paths(self, meeting):
        with translation.override("en"):
            report = reverse("meetings:report", kwargs={"slug": meeting.slug}).removesuffix("/")
            part = reverse(
                "meetings:draft_part_download", kwargs={"slug": meeting.slug, "part": DRAFT_PART, "extension": "pdf"}
            )
        return {"report.pdf": f"{report}.pdf", "report.docx": f"{report}.docx", f"{DRAFT_PART}.pdf": part}

    def measure_files(self, paths, duration):
        """Each file's (first answer ms, its status, seconds until served), then wrk on each ready file and /healthz."""
        row = {"files": {name: self.timed(path) for name, path in paths.items()}}
        row["healthz"] = self.load("/healthz", duration)
        for name, path in paths.items():
            row[name] = self.load(path, duration)
        return row

    def report_files(self, rows, sizes, duration):
        out = self.stdout.write
        out(f"\nThe report's files through gunicorn (default timeout) and one job worker; wrk {duration} s a row")
        out(
            f"  {'size':<6}{'file':<14}{'first answer':>13}{'status':>7}{'served after':>14}{'ready: req/s':>14}"
            f"{'÷ healthz':>11}"
        )
        for size in sizes:
            row = rows[size]
            health = row["healthz"]["rps"]
            out(f"  {size:>3}×  {'/healthz':<14}{'':>34}{health:>14.1f}{ratio_text(health, health, 11)}")
            for name, (first_ms, status, seconds) in row["files"].items():
                ready = row[name]
                rate = f"{ready['rps']:>14.1f}{ratio_text(ready['rps'], health, 11)}" if ready["rps"] else NO_REQUEST
                errors = f"  ({ready['errors']} errors)" if ready["errors"] else ""
                out(f"  {size:>3}×  {name:<14}{first_ms:>10.0f} ms{status:>7}{seconds:>12.1f} s{rate:>25}{errors}")
        if "search" in rows:
            size, first_ms, status, _seconds = rows["search"]
            out(f"  {size:>3}×  search “organized crime”: {first_ms:.0f} ms, status {status}")
