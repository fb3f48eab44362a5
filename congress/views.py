from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """The 500 page in the reader's language with the site's navigation; it reads nothing from the database."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the page itself failed: say so plainly rather than fail again
        return HttpResponseServerError("<h1>Server Error (500)</h1>", content_type="text/html")
