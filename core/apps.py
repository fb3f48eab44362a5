from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Foundations")

    def ready(self):
        from django.db.models.signals import pre_save

        from core.text import clean_on_save

        pre_save.connect(clean_on_save, dispatch_uid="core.text.clean_on_save")
