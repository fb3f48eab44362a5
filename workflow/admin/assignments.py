"""The admin page of meeting assignments: which staff member works on which meeting, in which role."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from workflow.admin.content import ScopedMixin
from workflow.models import MeetingAssignment


@admin.register(MeetingAssignment)
class MeetingAssignmentAdmin(ScopedMixin, SimpleHistoryAdmin):
    list_display = ["user", "role", "meeting"]
    list_filter = ["role", "meeting"]
    list_select_related = ["user", "meeting"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "meeting__symbol"]
    autocomplete_fields = ["meeting", "user"]
