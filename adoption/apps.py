from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionConfig(AppConfig):
    name = "adoption"
    verbose_name = _("Adoption in the room")

    def ready(self):
        from adoption import signals

        signals.connect()
