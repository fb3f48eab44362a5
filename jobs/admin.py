"""The exports' states, for the secretariat: which files are ready, being written, or failed and why."""

from django.contrib import admin

from jobs.models import Export


@admin.register(Export)
class ExportAdmin(admin.ModelAdmin):
    list_display = ["meeting", "part", "language", "extension", "audience", "state", "attempts", "changed_at"]
    list_filter = ["state", "extension", "language", "audience"]
    list_select_related = ["meeting"]
    search_fields = ["meeting__symbol", "part"]
    readonly_fields = [field.name for field in Export._meta.fields]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
