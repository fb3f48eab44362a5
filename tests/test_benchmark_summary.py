"""The benchmarks' summaries print whatever wrk measured: a load that completed no request (the server down, every
request over wrk's timeout) is said so in its row, and no ratio divides by its zero. No server or wrk here."""

import io

from hypothesis import given
from hypothesis import strategies as st

from demo.load_generation import NO_REQUEST, load_row, ratio_text
from demo.management.commands.benchmark_large_exports import Command as FilesBenchmark
from demo.management.commands.benchmark_site import Command as SiteBenchmark
from demo.management.commands.benchmark_two_servers import Command as ServersBenchmark
from report.renderers import RENDERERS

NOTHING = {"rps": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "errors": 64}
rates = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(value=rates, reference=rates)
def test_a_ratio_to_nothing_is_no_figure(value, reference):
    text = ratio_text(value, reference, 11)
    assert len(text) >= 11
    assert (text.strip() == "—") == (reference == 0)


@given(rps=rates, health=rates)
def test_a_row_says_when_no_request_completed(rps, health):
    row = load_row("report", {**NOTHING, "rps": rps}, health)
    assert row.startswith("  report")
    assert (NO_REQUEST in row) == (rps == 0)


def site_rows():
    loads = ["healthz", "agenda", "programme", "report", "staff agenda", "staff programme", "staff report"]
    loads += ["search", "staff search", "agenda?utm_source", "report?fbclid", "report.pdf", "report.docx"]
    loads += ["meeting day, no edits", "meeting day, edit every 2 s"]
    row = dict.fromkeys(loads, NOTHING)
    row.update(
        {
            "editor": {"saves": 0, "errors": 3, "median_s": 0},
            "report cold (ms)": 0.0,
            "search cold (ms)": 0.0,
            "files (ms, s)": {"pdf": (5.0, 500, float("nan"))},
            "queries": {},
            "search (ms)": {},
            "exports (s)": dict.fromkeys(RENDERERS, 0.0),
        }
    )
    return {1: row, 10: row, "memory": {"after 1 (MB)": 100.0, "after 50 (MB)": 100.0}}


def summary(command_class, method, *args):
    out = io.StringIO()
    command = command_class(stdout=out)
    getattr(command, method)(*args)
    return out.getvalue()


def test_the_site_summary_with_no_request_completed():
    printed = summary(SiteBenchmark, "report", site_rows())
    assert NO_REQUEST in printed


def test_the_files_summary_with_no_request_completed():
    row = {"files": {"report.pdf": (5.0, 202, float("nan"))}, "healthz": NOTHING, "report.pdf": NOTHING}
    printed = summary(FilesBenchmark, "report_files", {1: row}, [1], 2)
    assert NO_REQUEST in printed


def test_the_two_servers_summary_with_no_request_completed():
    rows = {"/healthz": [NOTHING, NOTHING], "report page": [NOTHING, {**NOTHING, "rps": 10.0}]}
    edits = [(True, True, 12.0), (False, False, 0.0)]
    printed = summary(ServersBenchmark, "report_servers", rows, edits, (202, 1.5, 200), 2, 2)
    assert NO_REQUEST in printed and "—" in printed and "NOT SAVED" in printed
