"""A value many processes ask for at once after an edit is built by one of them (caching/built_once.py)."""

import threading
import time

import pytest
from django.core.cache import cache

from caching import built_once as module
from caching.built_once import built_once


def test_callers_asking_at_once_get_the_value_of_one_build():
    cache.clear()
    builds, answers = [], []
    start = threading.Barrier(8)

    def build():
        builds.append(1)
        time.sleep(0.3)  # long enough for every other caller to arrive while it builds
        return {"parts": len(builds)}

    def ask():
        start.wait()
        answers.append(built_once("test-built-once", build, 60))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert answers == [{"parts": 1}] * 8


def test_a_cache_that_does_not_answer_never_makes_a_caller_wait(monkeypatch):
    # As the Redis cache answers when Redis is down (caching/backends.py): nothing there, nothing added.
    monkeypatch.setattr(module.cache, "get", lambda *args, **kwargs: None)
    monkeypatch.setattr(module.cache, "add", lambda *args, **kwargs: False)
    monkeypatch.setattr(module.cache, "set", lambda *args, **kwargs: None)
    began = time.monotonic()
    assert built_once("test-built-once-down", lambda: "built", 60) == "built"
    assert time.monotonic() - began < 1


def test_a_builder_that_fails_frees_the_lock():
    cache.clear()

    def failing():
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError):
        built_once("test-built-once-fails", failing, 60)
    began = time.monotonic()
    assert built_once("test-built-once-fails", lambda: "built", 60) == "built"
    assert time.monotonic() - began < 1
