"""A value that is costly to build, built by one of the server's processes while the others wait for it.

After an edit, every process's next request misses the cache at the same moment. If each built the same thing
(the draft report's parts, for the hundreds of delegates following the reading in the room), they would share the
same cores and each take several times one build, while every other request waited behind them. Here the first
process to miss takes a short lock in the shared cache (CACHE_URL: `cache.add`, atomic) and builds; the others
poll the cache until the value is there. A builder that dies frees the lock after LOCK_SECONDS; a waiter that has
waited WAIT_SECONDS, or finds the cache not answering, builds for itself: waiting never costs more than building.
"""

import time

from django.core.cache import cache

LOCK_SECONDS = 30
WAIT_SECONDS = 10
POLL_SECONDS = 0.02


def built_once(key, build, timeout):
    """The value under `key` in the default cache; if there is none, `build()`'s, stored for `timeout` seconds.

    `build` must not return None (the cache's answer for "nothing there")."""
    value = cache.get(key)
    if value is not None:
        return value
    lock = f"{key}:building"
    deadline = time.monotonic() + WAIT_SECONDS
    while not cache.add(lock, 1, LOCK_SECONDS):
        if (value := cache.get(key)) is not None:
            return value
        if cache.get(lock) is None:
            # The builder has just finished (its value was stored before its lock went) or the cache is not
            # answering: one more look, then build without the lock.
            if (value := cache.get(key)) is not None:
                return value
            return store(key, build(), timeout)
        if time.monotonic() > deadline:
            return store(key, build(), timeout)
        time.sleep(POLL_SECONDS)
    try:
        # Another process may have built it between our miss and our lock.
        if (value := cache.get(key)) is not None:
            return value
        return store(key, build(), timeout)
    finally:
        cache.delete(lock)


def store(key, value, timeout):
    cache.set(key, value, timeout)
    return value
