"""The shared cache (Redis, when CACHE_URL names it), whose fault is a slower page and never an error.

Everything the default cache keeps (built report trees, rendered report pages, exports) can be computed
again from the database. So when Redis is unreachable, slow or refuses a command, a read is a miss and a
write does nothing: the page is built as if the cache were empty, and the reader waits a little longer.

- Short socket timeouts (settings: CACHE_SOCKET_TIMEOUT) bound what one call can cost, and a fault is
  not retried on the spot.
- After a fault the cache is left alone for RETRY_SECONDS: a request then costs no wait at all, instead
  of the timeout on each of its calls. The first call after that tries again.
- A fault is logged once per LOG_SECONDS per process, not once per request, so an outage does not bury
  the log; the message says how many calls were answered without the cache since the last one.
- `state()` says whether the cache is working, for the health check (operations/views.py).

The state is kept per process and per Redis address, shared by the process's threads (Django gives
each thread a cache object of its own).
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_SECONDS = 10
LOG_SECONDS = 60


class Fault:
    """When this process last found a Redis server at fault, and when it last said so in the log."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.logged_at = None
        self.unlogged = 0

    def failed(self, location, error):
        now = time.monotonic()
        with self.lock:
            self.down_until = now + RETRY_SECONDS
            self.unlogged += 1
            if self.logged_at is not None and now - self.logged_at < LOG_SECONDS:
                return
            self.logged_at, count, self.unlogged = now, self.unlogged, 0
        logger.warning(
            "The cache at %s is not answering (%s: %s); pages are built without it, and it is tried again every "
            "%d seconds (calls answered without it since the last message: %d).",
            location,
            type(error).__name__,
            error,
            RETRY_SECONDS,
            count,
        )

    def skipped(self):
        with self.lock:
            self.unlogged += 1

    @property
    def down(self):
        return time.monotonic() < self.down_until

    def recovered(self):
        with self.lock:
            if self.down_until:
                self.down_until = 0.0
                self.logged_at = None
                logger.warning("The cache answers again.")


FAULTS = {}
FAULTS_LOCK = threading.Lock()


def fault_of(location):
    with FAULTS_LOCK:
        return FAULTS.setdefault(location, Fault())


def tolerant(method, fallback):
    """The backend's method, answering `fallback(*args, **kwargs)` instead of raising when Redis is at fault."""

    def call(self, *args, **kwargs):
        fault = fault_of(self._location_name)
        if fault.down:
            fault.skipped()
            return fallback(*args, **kwargs)
        try:
            answer = method(self, *args, **kwargs)
        except RedisError as error:
            fault.failed(self._location_name, error)
            return fallback(*args, **kwargs)
        if fault.down_until:
            fault.recovered()
        return answer

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


def missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # incr/decr of a key the cache does not have, as Django says


def nothing(*args, **kwargs):
    return None


def default_value(key, default=None, version=None):
    return default


class FaultTolerantRedisCache(RedisCache):
    """Django's Redis cache, for which an unreachable or slow server is an empty cache; see the module."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location_name = server if isinstance(server, str) else ",".join(server)
        # No retry on the spot: the next request tries again, after RETRY_SECONDS.
        self._options.setdefault("retry", Retry(NoBackoff(), 0))

    get = tolerant(RedisCache.get, default_value)
    set = tolerant(RedisCache.set, nothing)
    add = tolerant(RedisCache.add, lambda *args, **kwargs: False)
    touch = tolerant(RedisCache.touch, lambda *args, **kwargs: False)
    delete = tolerant(RedisCache.delete, lambda *args, **kwargs: False)
    get_many = tolerant(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = tolerant(RedisCache.has_key, lambda *args, **kwargs: False)
    incr = tolerant(RedisCache.incr, missing)
    set_many = tolerant(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    delete_many = tolerant(RedisCache.delete_many, nothing)
    clear = tolerant(RedisCache.clear, lambda *args, **kwargs: False)

    def state(self):
        """ "ok" when Redis answers a ping, "unreachable" when it does not (or failed in the last seconds)."""
        fault = fault_of(self._location_name)
        if fault.down:
            return "unreachable"
        try:
            self._cache.get_client(write=False).ping()
        except RedisError as error:
            fault.failed(self._location_name, error)
            return "unreachable"
        fault.recovered()
        return "ok"


def state(cache):
    """How a cache is doing: "ok", "unreachable", or "local" for a cache in the process's own memory."""
    return cache.state() if isinstance(cache, FaultTolerantRedisCache) else "local"
