"""Whole-page cache for readers who are not signed in: a cached page costs one small query.

A few hundred delegates open the same agenda at the same moment. Each anonymous GET of a public
page (its address starts with a language, /en/, /ar/ …) is answered from the cache, under a key
made of the content version, the day, the full address and whether the browser takes gzip. Any
edit replaces the content version (`congress.content_version`), so the next request after an edit
builds the page afresh.

The cache is the "pages" cache, kept in each server process's memory: the key's version comes from
the database, so no process can serve a page older than the last edit, and a hit costs no network
round trip. Pages are stored compressed for browsers that accept gzip; they hold no secret (no
CSRF token, no personal data), so compression gives an attacker nothing to measure.

Staff, who are signed in and may see unpublished material, always get a freshly built page.
"""

from django.conf import settings
from django.core.cache import caches
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from congress import content_version

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def cache_key(request, token):
    # The day is part of the key because pages show it: the report's masthead date, past meetings.
    encoding = "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "identity"
    return f"page:{token}:{timezone.localdate().isoformat()}:{encoding}:{request.build_absolute_uri()}"


def cacheable_request(request):
    """An anonymous GET of a public page. Not a search: each query string would fill the cache with one page."""
    return (
        request.method == "GET"
        and request.path_info.startswith(LANGUAGE_PREFIXES)
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cacheable_response(response):
    """A complete HTML page for anyone; downloads have their own cache, keyed by the report's content."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Content-Disposition")
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    """Serves public pages to anonymous readers from the cache, keyed by the content version."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)
        self.token = None

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        pages = caches["pages"]
        token, changed_at = content_version.current()
        if token != self.token:
            pages.clear()  # every page of this process belongs to older content now
            self.token = token
        key = cache_key(request, token)
        if (response := pages.get(key)) is not None:
            return response
        response = self.get_response(request)
        if cacheable_response(response):
            # From the page itself, once, before compression: gzip's random padding would make each
            # worker's copy differ. GZipMiddleware then marks it weak (W/"…") on the compressed copy.
            set_response_etag(response)
            response = self.gzip.process_response(request, response)
            response["Last-Modified"] = content_version.last_modified(changed_at)
            # Browsers and proxies may keep the page but must ask again, so an edit shows at once.
            patch_cache_control(response, no_cache=True)
            pages.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response
