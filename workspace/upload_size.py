"""A file import's view that refuses a body larger than its file could be before anything reads it.

Django's CSRF check reads the whole POST (spooling the file to disk) before any view runs: here the check comes
after the size is known, and only a request small enough is parsed and checked. The XLIFF and Word imports use it.
"""

from functools import wraps

from django.views.decorators.csrf import csrf_protect

# A file of the largest size comes with the form's other fields and the multipart boundaries: a few bytes more.
FORM_OVERHEAD = 64 * 1024


def refused_when_larger(view, max_bytes, too_large_page):
    """`view(request, object_id)`, answered by `too_large_page(request, object_id)` for a body over `max_bytes`."""

    @wraps(view)
    def checked(request, object_id):
        if request.method == "POST" and content_length(request) > max_bytes + FORM_OVERHEAD:
            return too_large_page(request, object_id)
        return csrf_protect(view)(request, object_id)

    checked.csrf_exempt = True
    return checked


def content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
