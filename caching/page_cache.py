"""Whole-page cache: a cached page costs one small query, for anonymous readers and for staff alike.

A few hundred delegates open the same agenda at the same moment. A page joins the cache by its
view's decorator, which says what the page depends on:

    @cached_page(MEETING)                 # a meeting's page: /<lang>/meetings/<slug>/…
    @cached_page(SITE, params=("q",))     # a page of several meetings; `?q=` changes it

- MEETING pages are cached under their meeting's content version (`content_version.for_meeting`),
  which only writes to that meeting's records, or to the shared records it shows, replace: an
  edit to one meeting leaves every other meeting's pages cached.
- SITE pages (home, search) are cached under the site's content version, which every write
  replaces.
- Only the query parameters a page names are part of its key. Any other (utm_source, fbclid,
  anything unknown) is ignored and removed from the request before the page is built, so a
  shared link with a tracking parameter is the same cached page as the clean address.

Anonymous readers: each GET of a cached page is answered here, before sessions and templates
cost anything, under a key made of the version, the day (pages show it), the address with its
own parameters, and whether the browser takes gzip. The "pages" cache is kept in each server
process's memory: the key's version comes from the database, so no process can serve a page
older than the last edit, and a hit costs no network round trip. Pages are stored compressed for
browsers that accept gzip; they hold no secret (no CSRF token, no personal data), so compression
gives an attacker nothing to measure.

Signed-in staff, who may see unpublished material, get meeting pages from a cache of their own,
keyed also by what the visibility rule lets them see of that meeting (the meeting and the ids of
its documents they may see, asked of `visible_to` on every request), so two staff members share
a page only when they would see the same one. Their pages are `Cache-Control: private`.
"""

import functools
import hashlib
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, set_response_etag

from caching import content_version

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
MEETING = "meeting"
SITE = "site"


@dataclass(frozen=True)
class Rule:
    scope: str  # MEETING (the view takes the meeting's `slug`) or SITE
    params: tuple = ()  # the query parameters the page reads


def cached_page(scope, params=()):
    """Puts a page in the cache under its scope's content version; see the module's documentation."""
    rule = Rule(scope, tuple(sorted(params)))

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if rule.scope == MEETING and request.method == "GET" and request.user.is_authenticated:
                return staff_page(request, rule, functools.partial(view, request, *args, **kwargs), kwargs["slug"])
            return view(request, *args, **kwargs)

        wrapper.page_cache_rule = rule
        return wrapper

    return decorate


def rule_for(path):
    """(rule, URL kwargs) of the page at this address, or (None, None) if it is not a cached page."""
    language = translation.get_language_from_path(path)
    if language is None:
        return None, None
    with translation.override(language):  # the language prefix resolves only in its own language
        try:
            match = resolve(path)
        except Resolver404:
            return None, None
    return getattr(match.func, "page_cache_rule", None), match.kwargs


def version_for(rule, kwargs):
    """(scope name, token, changed_at, day) the page depends on, or None (no such meeting: not cached)."""
    if rule.scope == MEETING:
        version = content_version.for_meeting_page(kwargs["slug"])
        if version is None:
            return None
        token, changed_at, time_zone = version
        return f"meeting:{kwargs['slug']}", token, changed_at, day_of(time_zone)
    return (SITE, *content_version.current(), day_of(None))


def day_of(time_zone):
    """The day a page shows, as part of its key: the server's date, and for a meeting's page the venue's too.

    A meeting's page chooses "today's plenary meetings" by the venue's clock: keyed by the server's date
    alone, a Shanghai page kept yesterday's plenary meetings until midnight UTC, eight hours late.
    """
    today = timezone.localdate()
    if time_zone is None:
        return today.isoformat()
    try:
        venue = timezone.now().astimezone(zoneinfo.ZoneInfo(time_zone)).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        venue = today
    return f"{today.isoformat()}/{venue.isoformat()}"


def own_query_string(request, rule):
    """The query string of only the parameters the page reads, in a fixed order; the request keeps only those."""
    query = QueryDict(request.META.get("QUERY_STRING", ""))
    own = QueryDict(mutable=True)
    for name in rule.params:
        if name in query:
            own.setlist(name, query.getlist(name))
    clean = own.urlencode()
    if clean != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = clean
        request.__dict__.pop("GET", None)  # read again from the clean query string
    return clean


def cache_key(request, kind, scope, token, query, day):
    # The day is part of the key because pages show it: the report's masthead date, past meetings, the
    # plenary meetings of the day (day_of).
    encoding = "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "identity"
    address = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
    return f"{kind}:{scope}:{token}:{day}:{encoding}:{address}"


def anonymous_request(request):
    """A GET of a public page by a reader without a session (signed-in staff have one)."""
    return (
        request.method == "GET"
        and request.path_info.startswith(LANGUAGE_PREFIXES)
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


class ScopeKeys:
    """The keys this process has cached per scope, so a new version of one meeting drops only its pages."""

    def __init__(self):
        self.tokens = {}
        self.keys = defaultdict(set)

    def remember(self, scope, token, key):
        if self.tokens.get(scope) != token:
            caches["pages"].delete_many(list(self.keys.pop(scope, ())))  # pages of older content
            self.tokens[scope] = token
        self.keys[scope].add(key)


STAFF_KEYS = ScopeKeys()


class AnonymousPageCacheMiddleware:
    """Serves cached pages to anonymous readers; marks every page a signed-in user gets as private."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.gzip = GZipMiddleware(get_response)
        self.scopes = ScopeKeys()

    def __call__(self, request):
        if not anonymous_request(request):
            return private_if_signed_in(request, self.get_response(request))
        rule, kwargs = rule_for(request.path_info)
        version = version_for(rule, kwargs) if rule is not None else None
        if version is None:
            return self.get_response(request)
        scope, token, changed_at, day = version
        key = cache_key(request, "page", scope, token, own_query_string(request, rule), day)
        pages = caches["pages"]
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
            self.scopes.remember(scope, token, key)
        return response


def private_if_signed_in(request, response):
    """A page built for a signed-in user (a preview, perhaps) is for that browser only, never a shared cache."""
    user = getattr(request, "user", None)
    if request.path_info.startswith(LANGUAGE_PREFIXES) and user is not None and user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def visibility_key(user, slug):
    """What the visibility rule lets this user see of the meeting, as a short key; None if not the meeting."""
    # The meetings room's models, taken by name: that room stands on this one.
    Meeting, Document = apps.get_model("meetings", "Meeting"), apps.get_model("meetings", "Document")  # noqa: N806

    meeting = Meeting.objects.visible_to(user).filter(slug=slug).values_list("pk", flat=True).first()
    if meeting is None:
        return None
    documents = Document.objects.visible_to(user).filter(meeting_id=meeting).order_by("pk").values_list("pk", flat=True)
    return hashlib.blake2b(",".join(map(str, documents)).encode(), digest_size=8).hexdigest()


def staff_page(request, rule, build, slug):
    """A meeting's page for a signed-in user, cached while the meeting and what they may see of it are unchanged."""
    version = content_version.for_meeting_page(slug)  # before the page is built: never newer than its content
    seen = visibility_key(request.user, slug) if version is not None else None
    if seen is None:
        return build()  # no such meeting for this user: the view answers 404
    scope, token = f"meeting:{slug}", version[0]
    key = cache_key(request, f"staff-{seen}", scope, token, own_query_string(request, rule), day_of(version[2]))
    pages = caches["pages"]
    if (response := pages.get(key)) is None:
        response = build()
        if cacheable_response(response):
            pages.set(key, response, settings.PAGE_CACHE_SECONDS)
            STAFF_KEYS.remember(scope, token, key)
    return response
