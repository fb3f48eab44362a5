from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Regional meetings")

    def ready(self):
        from django.db.models.signals import post_delete

        from core.storage import delete_after_commit
        from meetings.models import DocumentFile

        def file_deleted(sender, instance, using, **kwargs):
            delete_after_commit(instance.file.storage, instance.file.name, using)

        # A deleted language version's file (or its document's, or its meeting's) goes after the commit that
        # deleted its row; a rollback keeps both.
        post_delete.connect(
            file_deleted, sender=DocumentFile, dispatch_uid="meetings-document-file-deleted", weak=False
        )
