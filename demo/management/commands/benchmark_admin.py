"""Times every screen of the demo meeting's workspace at 1×, 10× and 50× its content, and two saves.

Each screen is requested through Django's test client, signed in as a superuser, against the configured
database (PostgreSQL for figures worth comparing): the best of --repeat requests after one that warms the
caches, its size and its number of queries. A save posts the screen's own form back unchanged, as a browser
whose user pressed "Save" without editing would.

Everything happens in a transaction that is rolled back: the database is left as it was.
"""

import time
from collections import deque

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import (
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse

from demo.load import load_demo_meeting
from demo.management.commands.benchmark_exports import DEMO_SYMBOL, demo_content, grow
from meetings.models import Meeting

FACTORS = (1, 10, 50)
PARTS = ("sessions", "attendance", "officers", "agenda", "documents", "text", "report", "adoption")
MAX_MS, MAX_KB = 300, 300


def workspace_screens(meeting):
    """{name: address} of every screen of the meeting's workspace; the discussion with the most paragraphs."""
    discussion = meeting.discussions.order_by("-pk").first()
    aligned = reverse("admin:meetings_meeting_aligned", args=[meeting.pk])
    return {
        "overview": reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        **{part: reverse("admin:meetings_meeting_part", args=[meeting.pk, part]) for part in PARTS},
        "deliberations": reverse("admin:meetings_meeting_deliberations", args=[meeting.pk]),
        "discussion": reverse("admin:recommendations_discussion_change", args=[discussion.pk]),
        "summary": reverse("admin:recommendations_discussion_part", args=[discussion.pk, "summary"]),
        "recommendations": reverse("admin:recommendations_discussion_part", args=[discussion.pk, "recommendations"]),
        "languages": f"{aligned}?left=en&right=es",
    }


SAVED = ("attendance", "summary")


def posted_back(client, url):
    """The data the page's form and its inlines would post, unchanged (the fields the page shows)."""
    setup_test_environment()  # the test client sees the page's context only then
    try:
        response = client.get(url)
    finally:
        teardown_test_environment()
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        forms += formset.initial_forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or value == "":
                continue
            data[form.add_prefix(name)] = [str(v) for v in value] if isinstance(value, (list, tuple)) else value
    return data


def measure(client, url, repeat, data=None):
    """(best milliseconds, KB, queries, this process's CPU milliseconds in that request) of a GET of `url`, or of a
    POST of `data` to it. The CPU time is the Python work alone, which another process's load hardly changes."""
    send = (lambda: client.post(url, data)) if data is not None else (lambda: client.get(url))
    send()
    best = None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            response = send()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        expected = 302 if data is not None else 200
        if response.status_code != expected:
            raise AssertionError(f"{url}: {response.status_code}")
        if best is None or elapsed < best[0]:
            best = (elapsed, cpu)
    return round(best[0] * 1000), len(response.content) / 1024, len(queries), round(best[1] * 1000)


class Command(BaseCommand):
    help = "Time the demo meeting's workspace screens at 1×, 10× and 50× its content (best of --repeat)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--factors", default=",".join(map(str, FACTORS)), help="Sizes, e.g. 1,10,50.")

    def handle(self, *args, repeat, factors, **options):
        factors = [int(f) for f in factors.split(",")]
        # A save of a thousand rows took more queries than Django's log keeps (9,000): count them all.
        connection.queries_log = deque(maxlen=1_000_000)
        results = {}
        # Static files from their sources, as `make run` serves them, without collectstatic's manifest.
        static = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with transaction.atomic(), override_settings(ALLOWED_HOSTS=["testserver"], STORAGES=static):
            load_demo_meeting()
            meeting = Meeting.objects.get(symbol=DEMO_SYMBOL)
            content = demo_content(meeting)
            user = get_user_model().objects.create_superuser("benchmark-admin", "benchmark@example.org", "-")
            client = Client()
            client.force_login(user)
            grown_to = 1
            for factor in factors:
                grow(meeting, content, factor - grown_to)
                grown_to = factor
                screens = workspace_screens(meeting)
                row = {name: measure(client, url, repeat) for name, url in screens.items()}
                for name in SAVED:
                    data = posted_back(client, screens[name])
                    row[f"{name} (save)"] = measure(client, screens[name], repeat, data)
                results[factor] = row
            transaction.set_rollback(True)
        self.report(results, repeat)

    def report(self, results, repeat):
        factors = list(results)
        self.stdout.write(
            f"Workspace screens, best of {repeat}: ms (of which CPU of this process) / KB / queries at each size"
        )
        header = f"{'screen':<20}" + "".join(f"{str(f) + '×':>30}" for f in factors)
        self.stdout.write(header)
        over = []
        for name in results[factors[0]]:
            cells = []
            for factor in factors:
                ms, kb, queries, cpu = results[factor][name]
                cells.append(f"{ms:>7} ms ({cpu:>5}){kb:>6.0f} KB{queries:>5} q")
                if ms > MAX_MS or kb > MAX_KB:
                    over.append(f"{name} at {factor}×")
            self.stdout.write(f"{name:<20}" + "".join(f"{cell:>30}" for cell in cells))
        self.stdout.write(f"Goal: every screen under {MAX_MS} ms and {MAX_KB} KB at every size.")
        self.stdout.write("Over: " + (", ".join(over) if over else "none"))
