"""A cache fault is a slower page, not an error: with Redis unreachable or slow every page is built without it,
the fault is logged once in a while, the health check says so, and a failed export is not retried by every
request."""

import logging
import socket
import time

import pytest
from django.core.cache import caches
from django.urls import reverse

from caching import backends
from report.renderers import RENDERERS

pytestmark = pytest.mark.django_db

DEAD = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def redis_cache(settings, location, timeout=0.5):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "caching.backends.FaultTolerantRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        },
    }
    backends.FAULTS.clear()
    return caches["default"]


@pytest.fixture
def dead_cache(settings):
    yield redis_cache(settings, DEAD)
    backends.FAULTS.clear()


@pytest.fixture
def silent_server():
    """A server that takes connections and never answers: Redis overloaded, or a network that drops packets."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    server.close()


def test_with_redis_unreachable_the_report_exports_draft_parts_and_search_answer(client, demo_meeting, dead_cache):
    slug = demo_meeting.slug
    search = reverse("search") + "?q=cybercrime"
    urls = [
        reverse("meetings:report", args=[slug]),
        *(reverse("meetings:report_download", args=[slug, extension]) for extension in ("pdf", "docx", "txt", "xml")),
        reverse("meetings:draft_part_download", args=[slug, "L.2-Add.3", "txt"]),
        reverse("meetings:draft_part_download", args=[slug, "L.2-Add.3", "docx"]),
        search,
        "/es/meetings/western-asia-2019/report/",
    ]
    responses = {url: client.get(url) for url in urls}
    assert {url: response.status_code for url, response in responses.items()} == dict.fromkeys(urls, 200)
    assert "paragraph 56 (i)" in responses[search].content.decode()


def test_the_settings_give_redis_short_timeouts_and_the_tolerant_backend(monkeypatch):
    import importlib

    from rapporteur import settings as project_settings

    monkeypatch.setenv("CACHE_URL", DEAD)
    try:
        reloaded = importlib.reload(project_settings)
        default = reloaded.CACHES["default"]
    finally:
        monkeypatch.delenv("CACHE_URL")
        importlib.reload(project_settings)
    assert default["BACKEND"] == "caching.backends.FaultTolerantRedisCache"
    assert default["OPTIONS"] == {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def test_a_fault_is_a_miss_and_a_write_does_nothing(dead_cache):
    assert dead_cache.get("key") is None
    assert dead_cache.get("key", "default") == "default"
    dead_cache.set("key", 1)
    assert dead_cache.add("key", 1) is False
    assert dead_cache.get_or_set("key", lambda: "computed") == "computed"
    assert dead_cache.get_many(["a", "b"]) == {}
    dead_cache.delete("key")
    with pytest.raises(ValueError):
        dead_cache.incr("key")


def test_a_fault_is_logged_once_per_interval(dead_cache, caplog, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(backends.time, "monotonic", lambda: clock[0])
    with caplog.at_level(logging.WARNING, logger="caching.backends"):
        for _ in range(50):
            dead_cache.get("key")
            clock[0] += 1  # every RETRY_SECONDS the cache is tried again, and fails again
        assert len(caplog.records) == 1
        clock[0] += backends.LOG_SECONDS
        dead_cache.get("key")
    assert len(caplog.records) == 2
    assert "calls answered without it since the last message: 50" in caplog.records[1].getMessage()


def test_a_silent_redis_costs_one_timeout_then_nothing(settings, silent_server):
    slow = redis_cache(settings, silent_server, timeout=0.2)
    started = time.monotonic()
    assert slow.get("key") is None
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(20):
        assert slow.get("key") is None
    assert 0.15 < first < 1.5
    assert time.monotonic() - started < 0.05  # left alone for RETRY_SECONDS: no request waits again
    backends.FAULTS.clear()


def test_a_live_redis_is_used_and_its_recovery_noticed(settings):
    live = redis_cache(settings, "redis://127.0.0.1:6379/15")
    try:
        if live.state() != "ok":
            pytest.skip("no Redis at 127.0.0.1:6379")
        live.set("key", "kept")
        assert live.get("key") == "kept"
        backends.fault_of(live._location_name).down_until = time.monotonic() + 60
        assert live.get("key") is None  # within a fault's pause
        backends.fault_of(live._location_name).down_until = time.monotonic() - 1
        assert live.get("key") == "kept"
        assert not backends.fault_of(live._location_name).down_until
    finally:
        live.clear()
        backends.FAULTS.clear()


def test_the_health_check_says_the_cache_is_degraded_and_stays_200(client, dead_cache):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def test_a_failed_export_is_remembered_and_answered_503_in_the_readers_language(
    client, demo_meeting, monkeypatch, settings
):
    calls = []

    def fail(report):
        calls.append(report.symbol)
        raise RuntimeError("too long to lay out")

    monkeypatch.setitem(RENDERERS, "pdf", fail)
    client.raise_request_exception = False
    url = "/es/meetings/western-asia-2019/report.pdf"
    responses = [client.get(url) for _ in range(3)]
    assert [response.status_code for response in responses] == [503, 503, 503]
    assert calls == ["A/CONF.234/RPM.2/1"]  # tried once, not once per request
    assert responses[0]["Retry-After"] == str(settings.EXPORT_RETRY_SECONDS)
    assert "Vuelva a intentarlo dentro de 5 minutos" in responses[2].content.decode()
    # Other formats and languages are not held back by it.
    assert client.get("/es/meetings/western-asia-2019/report.txt").status_code == 200
