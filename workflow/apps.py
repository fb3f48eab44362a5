from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Secretariat workflow")

    def ready(self):
        from django.db.models.signals import pre_save

        from workflow.text import clean_on_save

        pre_save.connect(clean_on_save, dispatch_uid="workflow.text.clean_on_save")
