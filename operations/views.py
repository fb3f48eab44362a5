from django.core.cache import caches
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache

from caching import backends


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not.

    The shared cache's state is in the body ("cache": "ok", "unreachable", or "local" for a cache in the
    process's memory) but never in the status: without Redis every page is still served, built anew, so a
    load balancer must keep sending readers. Monitoring reads "status": "degraded" and alerts on it.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    cache_state = backends.state(caches["default"])
    status = "degraded" if cache_state == "unreachable" else "ok"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})


def bad_request(request, exception):
    """A request over one of the server's limits says which, and that nothing was saved; other 400s as Django's."""
    if isinstance(exception, TooManyFieldsSent):
        reason = _("This page sends more fields than the server accepts (%(limit)s).")
    elif isinstance(exception, TooManyFilesSent):
        reason = _("This page sends more files than the server accepts (%(limit)s).")
    elif isinstance(exception, RequestDataTooBig):
        reason = _("This page sends more data than the server accepts (%(limit)s bytes).")
    else:
        return defaults.bad_request(request, exception)
    from django.conf import settings

    limit = {
        TooManyFieldsSent: settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        TooManyFilesSent: settings.DATA_UPLOAD_MAX_NUMBER_FILES,
        RequestDataTooBig: settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
    }[type(exception)]
    return render(request, "request_too_large.html", {"reason": reason % {"limit": limit}}, status=400)


def server_error(request):
    """The 500 page in the reader's language with the site's navigation; it reads nothing from the database."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the page itself failed: say so plainly rather than fail again
        return HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")
