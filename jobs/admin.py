"""The exports' states, for the secretariat: which files are ready, being written, or failed and why."""

from django.contrib import admin
from django_tasks_db.models import DBTaskResult

from jobs.models import Export

# The queue's own rows are the worker's bookkeeping (arguments, tracebacks); what the secretariat reads is each
# file's state, below.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = [
        "meeting",
        "congress",
        "kind",
        "part",
        "revised",
        "language",
        "extension",
        "audience",
        "state",
        "attempts",
        "changed_at",
    ]
    list_filter = ["state", "kind", "extension", "language", "audience"]
    list_select_related = ["meeting", "congress"]
    search_fields = ["meeting__symbol", "congress__symbol_prefix", "part"]
    readonly_fields = [field.name for field in Export._meta.fields]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the jobs write and replace the files; an edit of the meeting has them written again
