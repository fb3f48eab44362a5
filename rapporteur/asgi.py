"""
ASGI config for Rapporteur.

It exposes the ASGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/asgi/
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapporteur.settings")

application = get_asgi_application()

from operations.serving import require_secret_key  # noqa: E402 - after setup, which loads the settings

require_secret_key()
