from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from django.db.models.signals import post_delete

        from caching import content_version
        from jobs import exports
        from jobs.models import Export

        # After each commit that changes meetings, their files already asked for are written again (jobs/exports.py).
        content_version.changed.connect(exports.content_changed, dispatch_uid="jobs-exports-content-changed")
        # A deleted export's file (its meeting deleted) is removed after the commit that deleted its row.
        post_delete.connect(exports.export_deleted, sender=Export, dispatch_uid="jobs-export-file-deleted")
