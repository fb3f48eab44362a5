"""The API's answers under the content versions (caching.content_version), as the site's pages are cached.

A GET's ETag names what the answer depends on: the content version (the meeting's for a meeting's endpoints, the
site's for lists that span meetings), what the visibility rule lets the client see, and the address with its
query. A client that has that answer gets 304 Not Modified (Django's `condition`) before anything is read; any
other gets the body kept in the cache under the ETag, or built and kept there. An edit replaces the version,
so the next request gets a new ETag and a new body.
"""

import hashlib

from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition
from rest_framework.response import Response

from caching import content_version
from meetings import visibility

API_VERSION = "v1"
MEETING, SITE = "meeting", "site"
CACHE_SECONDS = 24 * 60 * 60


def audience(user):
    """What the visibility rule lets `user` see, as a short name: "public", "all" (the secretariat), or the
    meetings they preview."""
    ids = visibility.preview_meeting_ids(user)
    if ids is None:
        return "all"
    return "public" if not ids else "preview-" + ",".join(map(str, sorted(ids)))


def etag_for(request, scope, kwargs):
    """The answer's ETag, None when there is no such meeting (the view answers 404)."""
    if scope == MEETING:
        version = content_version.for_meeting(slug=kwargs["slug"])
        if version is None:
            return None
        token = version[0]
    else:
        token = content_version.current()[0]
    named = "|".join([API_VERSION, token, audience(request.user), request.build_absolute_uri()])
    return hashlib.blake2b(named.encode(), digest_size=16).hexdigest()


class ContentVersioned:
    """A read-only API view whose GET is answered under the content version (`version_scope`: MEETING or SITE)."""

    version_scope = SITE

    def get(self, request, *args, **kwargs):
        etag = etag_for(request, self.version_scope, kwargs)
        if etag is None:
            return super().get(request, *args, **kwargs)

        def answer(request, *args, **kwargs):
            key = f"api:{etag}"
            if (data := cache.get(key)) is not None:
                return Response(data)
            response = super(ContentVersioned, self).get(request, *args, **kwargs)
            if response.status_code == 200:
                cache.set(key, response.data, CACHE_SECONDS)
            return response

        response = condition(etag_func=lambda request, *args, **kwargs: etag)(answer)(request, *args, **kwargs)
        # Clients and proxies may keep the answer but must ask again, so an edit shows at once; a signed-in
        # reader's answer (a preview, perhaps) is for that browser only.
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response
