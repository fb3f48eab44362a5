"""What must hold before the site is served (by gunicorn, runserver or an ASGI server)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key():
    """With DEBUG off, a SECRET_KEY of its own: the development default is public, in this repository."""
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "Set SECRET_KEY (a long random string, kept secret) in the environment: DEBUG is off, and the "
            "development key is public."
        )
