"""The admin's front page for the secretariat: Rapporteur's name, the meetings in preparation and what each
still lacks for its report, recent changes, and where to start a new meeting."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class RapporteurAdminSite(admin.AdminSite):
    site_header = _("Rapporteur")
    site_title = _("Rapporteur")
    index_template = "admin/rapporteur_index.html"

    # The secretariat's own work first; user accounts last.
    app_order = {"meetings": 0, "recommendations": 1, "congress": 2, "workflow": 3}

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        return sorted(apps, key=lambda app: self.app_order.get(app["app_label"], len(self.app_order)))

    def index(self, request, extra_context=None):
        return super().index(request, {**dashboard_context(request), **(extra_context or {})})


class RapporteurAdminConfig(AdminConfig):
    default_site = "workspace.dashboard.RapporteurAdminSite"


def dashboard_context(request):
    from django.contrib.admin.models import LogEntry

    from congress.models import Congress
    from meetings.models import Meeting
    from recommendations.admin.deliberations import discussions_of
    from workflow import roles
    from workspace.overview import meeting_counts, missing_for_report
    from workspace.starting import latest_meeting_of

    user = request.user
    in_preparation = []
    meetings = roles.visible_meetings(user).filter(report_status=Meeting.ReportStatus.DRAFT)
    meetings = meetings.select_related("congress").order_by("-start_date")[:10]
    for meeting in meetings:
        missing = missing_for_report(meeting, meeting_counts(meeting), discussions_of(meeting))
        in_preparation.append((meeting, reverse("admin:meetings_meeting_change", args=[meeting.pk]), missing))
    starts = []
    if user.has_perm("meetings.add_meeting"):
        add = reverse("admin:meetings_meeting_add")
        for congress in Congress.objects.order_by("-ordinal")[:3]:
            latest = latest_meeting_of(congress)
            query = f"?congress={congress.pk}" + (f"&start_from={latest.pk}" if latest else "")
            starts.append((congress, add + query))
    changes = LogEntry.objects.select_related("content_type", "user").order_by("-action_time")
    if not roles.is_secretariat(user):
        changes = changes.filter(user=user)  # others' changes may be on meetings this user does not see
    return {
        "meetings_in_preparation": in_preparation,
        "new_meeting_links": starts,
        "new_meeting_url": reverse("admin:meetings_meeting_add") if user.has_perm("meetings.add_meeting") else "",
        "recent_changes": list(changes[:10]),
    }
