"""The attendance and officers' screens, and the delegations' own pages with the import of a list of participants."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportMixin

from languages.admin import LanguageVersionsMixin, translated_name
from meetings import participants_import
from meetings.models import Delegate, Meeting, Officer, Participation
from meetings.participants_import import DelegateResource, MeetingConfirmImportForm, MeetingImportForm
from workflow import roles
from workflow.admin import (
    CachedChoicesInlineMixin,
    CompactTemplateMixin,
    ContentAdmin,
    ContentInlineMixin,
    PagedInlineMixin,
)
from workflow.forms import VersionedModelForm
from workspace.programme import SessionChoiceMixin
from workspace.records import ORIGINAL, next_number


class ParticipationForm(VersionedModelForm):
    """Capacity left empty: member for a State of the regional commission, observer otherwise."""

    class Meta:
        model = Participation
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "capacity" in self.fields:
            capacity = self.fields["capacity"]
            capacity.required = False
            capacity.choices = [("", _("According to the commission's membership")), *Participation.Capacity.choices]
            if self.instance.pk is None:
                capacity.initial = ""

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("capacity"):
            state = cleaned_data.get("state")
            meeting = self.instance.meeting if self.instance.meeting_id else cleaned_data.get("meeting")
            is_member = (
                state is not None
                and meeting is not None
                and meeting.regional_commission.member_states.filter(pk=state.pk).exists()
            )
            cleaned_data["capacity"] = Participation.Capacity.MEMBER if is_member else Participation.Capacity.OBSERVER
            self.instance.capacity = cleaned_data["capacity"]
        return cleaned_data


class ParticipationInline(
    PagedInlineMixin, ContentInlineMixin, CachedChoicesInlineMixin, CompactTemplateMixin, admin.TabularInline
):
    model = Participation
    per_page = 50  # a page of delegations (each row has two autocomplete selects); the others on the next pages
    form = ParticipationForm
    extra = 0
    autocomplete_fields = ["state", "organization"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("state", "organization")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield.widget, "can_add_related"):
            # The registries are edited on their own pages; four icons per row and column made the page heavy.
            wrapper = formfield.widget
            wrapper.can_add_related = wrapper.can_change_related = False
            wrapper.can_delete_related = wrapper.can_view_related = False
        return formfield


class OfficerFormSet(BaseInlineFormSet):
    def clean(self):
        """The database allows one Chair and one Rapporteur; say so before it has to."""
        super().clean()
        counts = {}
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            role = form.cleaned_data.get("role")
            counts[role] = counts.get(role, 0) + 1
        for role in (Officer.Role.CHAIR, Officer.Role.RAPPORTEUR):
            if counts.get(role, 0) > 1:
                raise ValidationError(
                    _("A meeting elects one %(office)s; %(count)d are entered. Remove the extra one.")
                    % {"office": role.label, "count": counts[role]}
                )


class OfficerInline(
    LanguageVersionsMixin, ContentInlineMixin, CachedChoicesInlineMixin, SessionChoiceMixin, admin.TabularInline
):
    model = Officer
    formset = OfficerFormSet
    extra = 0
    autocomplete_fields = ["state"]
    # The unusual election's words in the original language only (ORIGINAL names the field); the other languages
    # are in the meeting's aligned view and its XLIFF files.
    other_languages_in_rows = False
    fields = ["order", "role", "name", "gender", "state", "elected_at", "election_method", ORIGINAL("election_wording")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("state")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "order":
            kwargs["initial"] = next_number(Officer, request, "order")
            kwargs["widget"] = forms.NumberInput(attrs={"class": "vIntegerField", "style": "width: 4em"})
        if translated_name(db_field) in ("name", "election_wording"):
            kwargs["widget"] = forms.TextInput(attrs={"size": 22 if db_field.name == "name" else 14})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "elected_at":
            # Officers are usually elected at the first plenary meeting.
            first = formfield.queryset.order_by("number").first()
            formfield.initial = first.pk if first else None
        return formfield


class DelegateInline(ContentInlineMixin, admin.TabularInline):
    model = Delegate
    extra = 0
    ordering = ["-is_head", "order", "pk"]
    fields = ["is_head", "name", "function", "order"]


@admin.register(Participation)
class ParticipationAdmin(ImportMixin, ContentAdmin):
    """The delegations of a meeting; "Import" reads a list of participants from a CSV or Excel file."""

    list_display = ["__str__", "capacity", "meeting"]
    list_filter = ["capacity", "meeting"]
    list_select_related = ["state", "organization", "meeting"]
    search_fields = ["state__name", "organization__name", "delegates__name"]
    autocomplete_fields = ["state", "organization"]
    fields = ["meeting", "state", "organization", "capacity"]
    inlines = [DelegateInline]

    resource_classes = [DelegateResource]
    import_form_class = MeetingImportForm
    confirm_form_class = MeetingConfirmImportForm
    import_template_name = "admin/meetings/participation/import.html"
    # Each saved row is in its model's history; the admin log would file delegates under participations.
    skip_admin_log = True

    tmp_storage_class = participants_import.SessionStorage

    def has_import_permission(self, request):
        return request.user.has_perm("meetings.add_delegate")

    def import_action(self, request, **kwargs):
        with participants_import.bound_to(request.session):
            return super().import_action(request, **kwargs)

    def process_import(self, request, **kwargs):
        # The file confirmed is the one this session previewed, whatever name the POST gives.
        if request.method == "POST" and not participants_import.is_pending(
            request.session, request.POST.get("import_file_name")
        ):
            messages.error(request, _("This import is no longer waiting for confirmation: upload the file again."))
            return HttpResponseRedirect(reverse("admin:meetings_participation_import"))
        with participants_import.bound_to(request.session):
            return super().process_import(request, **kwargs)

    def _importable_meetings(self, request):
        # Not an adopted meeting: the delegations are what its report's attendance paragraphs say.
        return (
            roles.meetings_where(request.user, "add", Delegate)
            .exclude(report_status=Meeting.ReportStatus.ADOPTED)
            .select_related("congress")
        )

    def create_import_form(self, request):
        form = super().create_import_form(request)
        form.fields["meeting"].queryset = self._importable_meetings(request)
        return form

    def create_confirm_form(self, request, import_form=None):
        form = super().create_confirm_form(request, import_form)
        form.fields["meeting"].queryset = self._importable_meetings(request)
        return form

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            meeting = import_form.cleaned_data["meeting"]
            initial["meeting"] = meeting.pk
            initial["previewed"] = participants_import.delegations_version(meeting)
            initial["source"] = import_form.cleaned_data["source"]
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        # Called on the empty form too, before anything is cleaned.
        data = getattr(form, "cleaned_data", {})
        source = data.get("source") or "auto"
        if "previewed" not in data:  # the preview: every change the file would make is shown
            return {"meeting": data.get("meeting"), "source": source}
        return {
            "meeting": data.get("meeting"),
            "source": source,
            "previewed": data["previewed"],
            "replace_existing": data.get("replace_existing", False),
        }

    def process_result(self, result, request):
        if result.has_errors():
            # The import ran in one transaction, which was rolled back: say so rather than "Import finished".
            if result.row_errors():
                line, errors = result.row_errors()[0]
                message = _("Nothing was imported: row %(row)s failed (%(error)s). Fix the file and import it again.")
                messages.error(request, message % {"row": line, "error": errors[0].error})
            else:
                # A refusal of the whole file (the meeting adopted, its delegations changed since the preview).
                messages.error(request, "; ".join(str(error.error) for error in result.base_errors))
            return HttpResponseRedirect(reverse("admin:meetings_participation_changelist"))
        if result.rejected_rows:
            messages.warning(
                request,
                ngettext(
                    "%(count)d rejected row was left out.",
                    "%(count)d rejected rows were left out.",
                    len(result.rejected_rows),
                )
                % {"count": len(result.rejected_rows)},
            )
        return super().process_result(result, request)
