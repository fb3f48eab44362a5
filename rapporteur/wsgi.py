"""
WSGI config for Rapporteur.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapporteur.settings")

application = get_wsgi_application()

from operations.serving import require_secret_key  # noqa: E402 - after setup, which loads the settings

require_secret_key()
