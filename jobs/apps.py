from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from caching import content_version
        from jobs import exports

        # After each commit that changes meetings, their files already asked for are written again (jobs/exports.py).
        content_version.changed.connect(exports.content_changed, dispatch_uid="jobs-exports-content-changed")
