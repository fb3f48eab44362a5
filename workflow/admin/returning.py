"""Where a save goes back to: the workspace screen a page was opened from.

A page opened with `?next=<address>` (the form posts to its own address, so the save carries it) goes back
there after "Save" or "Delete" instead of to the list of every record. Only an address of this site's admin is
followed, never another host, scheme or part of the site (`url_has_allowed_host_and_scheme`, then the admin's
own prefix), so the parameter cannot send anyone elsewhere.
"""

from urllib.parse import urlencode, urlsplit

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

STAYING = ("_continue", "_addanother", "_saveasnew", "_popup")


def return_address(request):
    """The safe same-site admin address the request names as `next`, or None."""
    url = request.POST.get("next") or request.GET.get("next")
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return None
    if not urlsplit(url).path.startswith(reverse("admin:index")):
        return None
    return url


def with_return(url, back):
    """`url` opened so that its save comes back to `back`."""
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'next': back})}"


class ReturnMixin:
    """A model admin whose saves and deletions go back to the page named by `next`, if it is a safe one."""

    def _back(self, request, response):
        if any(key in request.POST for key in STAYING) or not isinstance(response, HttpResponseRedirect):
            return response
        url = return_address(request)
        return HttpResponseRedirect(url) if url else response

    def response_change(self, request, obj):
        return self._back(request, super().response_change(request, obj))

    def response_add(self, request, obj, post_url_continue=None):
        return self._back(request, super().response_add(request, obj, post_url_continue))

    def response_delete(self, request, obj_display, obj_id):
        return self._back(request, super().response_delete(request, obj_display, obj_id))
