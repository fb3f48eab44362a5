"""What the site benchmark drives its load with: wrk's scripts (p95 and p99, several addresses in turn), an editor
that saves a paragraph through the admin every few seconds while readers load pages, and the process's memory."""

import html.parser
import os
import re
import resource
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from django.core.management.base import CommandError

EDIT_EVERY_SECONDS = 2
CONNECTIONS = 64
# What every browser sends; the cached pages are stored compressed for it.
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"
# wrk prints p50–p99 by default; this prints p95 and p99 in milliseconds, and the error counts.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
"""
# Several addresses in turn, each connection starting elsewhere.
WRK_PATHS = """
local paths = {%s}
local counter = 0
init = function(args) counter = math.random(#paths) end
request = function()
  counter = counter %% #paths + 1
  return wrk.format("GET", paths[counter])
end
"""

NO_REQUEST = "no request completed"


def start_wrk(base, paths, duration, headers=(), connections=CONNECTIONS):
    """wrk loading `base` + the address in `paths` (several: in turn) for `duration` seconds, started and left
    running, so that several can run at once; `wrk_figures` waits for it and reads what it measured."""
    paths = [paths] if isinstance(paths, str) else paths
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
        if len(paths) > 1:
            script.write(WRK_PATHS % ", ".join(f'"{path}"' for path in paths))
    headers = [part for header in ("Accept-Encoding: " + BROWSER_ACCEPT_ENCODING, *headers) for part in ("-H", header)]
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", *headers, "-s", script.name, base + paths[0]]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.script, process.duration = script.name, duration
    return process


def wrk_figures(process):
    """{rps, p95_ms, p99_ms, errors} of a wrk started by `start_wrk`, once it has finished."""
    stdout, stderr = process.communicate(timeout=process.duration + 60)
    os.unlink(process.script)
    match = re.search(r"RESULT ([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+)", stdout)
    if match is None:
        raise CommandError(f"wrk said: {stdout}{stderr}")
    rps, p95, p99, socket_errors, status_errors = match.groups()
    return {
        "rps": float(rps),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
        "errors": int(socket_errors) + int(status_errors),
    }


def ratio(value, reference):
    """value ÷ reference, or None where the reference completed no request: there is nothing to compare with."""
    return value / reference if reference else None


def ratio_text(value, reference, width=0, digits=2):
    figure = ratio(value, reference)
    return f"{'—':>{width}}" if figure is None else f"{figure:>{width}.{digits}f}"


def load_row(name, figures, health_rps):
    """One row of a load's table: req/s, p95, p99, ÷ /healthz, errors; a load that completed no request says so
    (its latencies measure nothing) instead of dividing by its zero."""
    if not figures["rps"]:
        return f"  {name:<30}{NO_REQUEST:>38}{figures['errors']:>8}"
    line = f"  {name:<30}{figures['rps']:>9.1f}{figures['p95_ms']:>9.1f}{figures['p99_ms']:>9.1f}"
    return line + ratio_text(figures["rps"], health_rps, 11) + f"{figures['errors']:>8}"


def current_rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class FormFields(html.parser.HTMLParser):
    """The fields an admin change form posts: inputs, selected options and text areas, as a browser sends them."""

    def __init__(self):
        super().__init__()
        self.fields, self.textarea, self.select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file", "checkbox", "radio"):
            self.fields[name] = attrs.get("value") or ""
        elif tag == "input" and name and attrs.get("type") in ("checkbox", "radio") and "checked" in attrs:
            self.fields[name] = attrs.get("value") or "on"
        elif tag == "textarea" and name:
            self.textarea, self.fields[name] = name, ""
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data


class Editor(threading.Thread):
    """A staff member who saves one paragraph through the admin every few seconds, as a rapporteur does."""

    def __init__(self, base, session_cookie, paragraph_pk):
        super().__init__(daemon=True)
        self.url = f"{base}/admin/meetings/meetingparagraph/{paragraph_pk}/change/"
        name, value = session_cookie.split("=", 1)
        self.cookies = {name: value}
        self.stopping = threading.Event()
        self.saves, self.errors, self.seconds = 0, 0, []

    def open(self, request):
        request = request if isinstance(request, urllib.request.Request) else urllib.request.Request(request)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        response = urllib.request.urlopen(request, timeout=30)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value.strip()
        return response

    def run(self):
        while not self.stopping.is_set():
            started = time.perf_counter()
            try:
                self.save_once()
            except OSError:
                self.errors += 1
            self.seconds.append(time.perf_counter() - started)
            self.stopping.wait(max(0.0, EDIT_EVERY_SECONDS - (time.perf_counter() - started)))

    def save_once(self):
        page = self.open(self.url).read().decode()
        form = FormFields()
        form.feed(page)
        fields = form.fields
        # The English text, as the secretariat drafts it (the form has one field a language).
        text = re.sub(r" \(edit \d+\)$", "", fields.get("text_en", ""))
        fields["text_en"] = f"{text} (edit {self.saves + 1})"
        fields["_continue"] = "1"
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": self.url},
        )
        response = self.open(request)
        # Saved: the admin redirects back to the change page; a refused save answers the form again.
        if response.geturl().rstrip("/") == self.url.rstrip("/") and "errornote" not in response.read().decode():
            self.saves += 1
        else:
            self.errors += 1
