"""The client's address as the login throttle (django-axes) counts failures by.

Behind a TLS proxy every request comes from the proxy's address, so five wrong passwords from anywhere
locked a username for everyone. With TRUSTED_PROXY_COUNT set to the number of proxies in front of the
app (1 for one nginx), the address is read from X-Forwarded-For: the entry that many places from its
right, which those proxies appended themselves. Entries further left are whatever the client sent and
are never read. With 0 (the default: no proxy trusted), only REMOTE_ADDR counts.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
