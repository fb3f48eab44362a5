"""A full disk (or an exhausted quota) while a request writes is a message to the user, not a bare 500.

Uploads are written whole or not at all (core.storage) and the admin saves a record in one transaction, so
when the disk is full nothing is left half-written: the page says so, and that the work can be saved again
once there is room. The error is logged once per minute per process, for the administrators.
"""

import errno
import logging
import time

from django.shortcuts import render

logger = logging.getLogger(__name__)

DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
LOG_SECONDS = 60
_last_logged = [0.0]


class DiskFullMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OSError) or exception.errno not in DISK_FULL:
            return None
        if time.monotonic() - _last_logged[0] > LOG_SECONDS:
            _last_logged[0] = time.monotonic()
            logger.error("The disk is full: %s %s could not be saved (%s).", request.method, request.path, exception)
        response = render(request, "disk_full.html", status=507)
        response._has_been_logged = True  # logged above, once a minute, not once per request
        return response
