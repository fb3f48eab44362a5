"""The login throttle (django-axes), counting failures per username from one address and per username overall.

Five wrong passwords for a username from one address lock that pair for the cool-off time
(AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME). On its own that lets a guesser with many addresses go on for ever:
50 guesses from 10 addresses, then the right password from an eleventh, got in. So failures for a username
are also counted across every address, and past LOGIN_FAILURES_PER_USERNAME the username is locked wherever
the login comes from, the right password included, until the cool-off time has passed (or `axes_reset`).

The overall limit is higher than the per-address one: anyone may type a username, so a limit of five would
let anyone lock a colleague out with five wrong passwords.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


class UsernameAcrossAddressesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if not username:
            return failures
        since = (getattr(request, "axes_attempt_time", None) or timezone.now()) - get_cool_off(request)
        across = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
            total=Sum("failures_since_start")
        )["total"]
        if (across or 0) >= settings.LOGIN_FAILURES_PER_USERNAME:
            return max(failures, get_failure_limit(request, credentials))
        return failures
