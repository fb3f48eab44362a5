"""Recording the adoption of a meeting's report, which freezes its content, and reopening it (the secretariat)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from report import adopted
from workflow import roles
from workflow.admin import return_address


class AdoptionForm(forms.Form):
    """The date of issue and job number of each report being adopted: the exports print them."""

    def __init__(self, meetings, data=None):
        super().__init__(data)
        self.meetings = meetings
        for meeting in meetings:
            self.fields[f"issued_on_{meeting.pk}"] = forms.DateField(
                label=Meeting._meta.get_field("report_issued_on").verbose_name,
                initial=meeting.report_issued_on,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.fields[f"job_number_{meeting.pk}"] = forms.CharField(
                label=Meeting._meta.get_field("report_job_number").verbose_name,
                initial=meeting.report_job_number,
                required=False,
                max_length=30,
            )

    def rows(self):
        return [(m, self[f"issued_on_{m.pk}"], self[f"job_number_{m.pk}"]) for m in self.meetings]


class AdoptionActionsMixin:
    """The list of meetings' actions that adopt a report and reopen it."""

    @admin.display(description=_("Report as adopted"))
    def adopted_record(self, meeting):
        """Whether the report kept as adopted still reads as the records would write it: built in every language
        here, on the adoption screen only, never on a save."""
        if meeting is None or not meeting.pk:
            return ""
        return adopted.changed_since_adoption_text(meeting)

    def response_action(self, request, queryset):
        """An action posted from the adoption screen (`next`) goes back there, not to the list of meetings."""
        response = super().response_action(request, queryset)
        back = return_address(request)
        if back and isinstance(response, HttpResponseRedirect):
            return HttpResponseRedirect(back)
        return response

    def has_adopt_permission(self, request):
        return request.user.has_perm("meetings.adopt_report")

    def has_reopen_permission(self, request):
        return request.user.has_perm("meetings.reopen_report")

    @admin.action(description=_("Record the adoption of the report (freezes its content)"), permissions=["adopt"])
    def adopt_report(self, request, queryset):
        """Asks for each report's date of issue and job number (frozen with the rest), then adopts."""
        meetings = list(queryset.select_related("report_adopted_at", "congress"))
        form = AdoptionForm(meetings, request.POST if "apply" in request.POST else None)
        if not form.is_bound or not form.is_valid():
            return TemplateResponse(
                request,
                "admin/meetings/meeting/adopt_report.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "form": form,
                    "rows": form.rows(),
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "next": return_address(request),
                },
            )
        for meeting in meetings:
            if meeting.report_is_adopted:
                messages.info(request, _("%(meeting)s: the report is already adopted.") % {"meeting": meeting})
            elif not roles.may_adopt(request.user, meeting):
                messages.error(request, _("%(meeting)s: only its editors may adopt it.") % {"meeting": meeting})
            else:
                try:
                    adopted.adopt(
                        meeting,
                        issued_on=form.cleaned_data[f"issued_on_{meeting.pk}"],
                        job_number=form.cleaned_data[f"job_number_{meeting.pk}"],
                    )
                except ValidationError as error:
                    messages.error(request, f"{meeting}: {' '.join(error.messages)}")
                else:
                    messages.success(request, _("%(meeting)s: the report is adopted.") % {"meeting": meeting})
        return None

    @admin.action(description=_("Reopen the adopted report for corrections"), permissions=["reopen"])
    def reopen_report(self, request, queryset):
        for meeting in queryset:
            if not meeting.report_is_adopted:
                messages.info(request, _("%(meeting)s: the report is a draft already.") % {"meeting": meeting})
                continue
            meeting.reopen_report(reason=f"by {request.user.get_username()} from the admin")
            messages.success(request, _("%(meeting)s: the report is open for corrections.") % {"meeting": meeting})
