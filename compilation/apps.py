from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompilationConfig(AppConfig):
    name = "compilation"
    verbose_name = _("Compilation of recommendations")
