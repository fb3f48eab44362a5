import io
import zipfile

from adminsortable2.admin import SortableAdminBase, SortableStackedInline, SortableTabularInline
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportMixin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from meetings.downloads import FORMAT_NAMES, file_response, rendered, report_downloads
from meetings.models import (
    AgendaItem,
    Delegate,
    Document,
    DocumentFile,
    Meeting,
    MeetingParagraph,
    Officer,
    Participation,
    ReportPartAssignment,
    Session,
)
from meetings.participants_import import DelegateResource, MeetingConfirmImportForm, MeetingImportForm
from meetings.report.builder import build_report, section_choices
from meetings.report.participants import NoParticipantsDocument, build_participants_list
from workflow import roles
from workflow.admin import ContentAdmin, ContentInlineMixin
from workflow.forms import VersionedModelForm


class SessionInline(ContentInlineMixin, TranslationStackedInline):
    model = Session
    extra = 0
    fields = [("number", "date", "start_time", "end_time"), "title", "room", "agenda_items"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "agenda_items":
            kwargs["queryset"] = AgendaItem.objects.filter(
                meeting_id=request.resolver_match.kwargs.get("object_id")
            ).select_related("topic__congress", "topic__agenda_item", "topic__workshop")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ParticipationInline(ContentInlineMixin, admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["state", "organization"]
    show_change_link = True


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


class SessionChoiceMixin:
    """Offers only the sessions of the meeting being edited."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Session:
            kwargs["queryset"] = Session.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OfficerInline(ContentInlineMixin, SessionChoiceMixin, admin.TabularInline):
    model = Officer
    formset = OfficerFormSet
    extra = 0
    autocomplete_fields = ["state"]
    fields = ["order", "role", "name", "state", "elected_at", "election_method"]


class AgendaItemInline(ContentInlineMixin, SortableStackedInline, TranslationStackedInline):
    model = AgendaItem
    extra = 0
    ordering = ["order", "pk"]
    fields = [("order", "parent", "topic"), "title", "annotation", "documents"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "documents":
            kwargs["queryset"] = Document.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        meeting_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "parent":
            kwargs["queryset"] = AgendaItem.objects.filter(meeting_id=meeting_id, parent=None)
        if db_field.name == "topic":
            kwargs["queryset"] = (
                kwargs.get("queryset", db_field.related_model.objects)
                .filter(congress__meetings=meeting_id)
                .select_related("congress", "agenda_item", "workshop")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DocumentInline(ContentInlineMixin, SortableTabularInline, TranslationTabularInline):
    model = Document
    extra = 0
    ordering = ["order", "pk"]
    fields = ["order", "symbol", "title", "kind", "is_published", "issued_on", "job_number"]
    show_change_link = True  # the language versions are uploaded on the document's own page


class MeetingParagraphInline(ContentInlineMixin, SortableStackedInline):
    model = MeetingParagraph
    extra = 0
    ordering = ["order", "pk"]
    fields = [("part", "order"), "text"]


class ReportPartAssignmentForm(VersionedModelForm):
    """Offers the chapters and sections the report has now, by their headings."""

    section = forms.ChoiceField(label=_("chapter or section"))

    class Meta:
        model = ReportPartAssignment
        fields = ["section", "part"]

    def __init__(self, *args, section_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "---------"), *section_choices]


class ReportPartAssignmentInline(ContentInlineMixin, admin.TabularInline):
    model = ReportPartAssignment
    form = ReportPartAssignmentForm
    extra = 0
    verbose_name_plural = _(
        "Draft report in parts: chapters and sections not listed go with their chapter, or to the first part"
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "part":
            kwargs["queryset"] = Document.objects.filter(
                meeting_id=request.resolver_match.kwargs.get("object_id"), kind=Document.Kind.DRAFT_REPORT
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def download(request, documents, extension, archive_name):
    """One document as its file, or several in a zip archive."""
    if len(documents) == 1:
        return file_response(request, documents[0], extension)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for document in documents:
            filename, _content_type, content = rendered(document, extension)
            zipped.writestr(filename, content)
    response = HttpResponse(archive.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archive_name}-{extension}.zip"'
    return response


def download_action(extension, description):
    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        reports = [build_report(meeting) for meeting in queryset.for_report()]
        if len(reports) > 1:
            count = len(reports)
            messages.info(
                request,
                ngettext("%(count)d report exported.", "%(count)d reports exported.", count) % {"count": count},
            )
        return download(request, reports, extension, "reports")

    action.__name__ = f"download_{extension}"
    return action


# The list of participants names people: it is offered in the admin only, never on the public site.
PARTICIPANTS_FORMATS = ("docx", "pdf")


def participants_lists(request, meetings):
    """The lists of participants of those meetings the user may see the delegates of; says why others are left out."""
    lists = []
    for meeting in meetings:
        if not roles.may(request.user, "view", Delegate, meeting):
            messages.error(request, _("%(meeting)s: you do not work on this meeting.") % {"meeting": meeting})
            continue
        try:
            lists.append(build_participants_list(meeting))
        except NoParticipantsDocument as error:
            messages.error(request, str(error))
    return lists


def participants_action(extension, description):
    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        lists = participants_lists(request, queryset.for_participants_list())
        if lists:
            return download(request, lists, extension, "lists-of-participants")
        return None  # back to the list of meetings, with the messages saying why

    action.__name__ = f"download_participants_{extension}"
    return action


@admin.register(Meeting)
class MeetingAdmin(SortableAdminBase, SessionChoiceMixin, ContentAdmin, TranslationAdmin):
    list_display = ["symbol", "region", "venue_city", "start_date", "status", "is_published", "report_status"]
    list_filter = ["congress", "status", "is_published", "report_status", "regional_commission"]
    list_select_related = ["congress"]
    search_fields = ["symbol", "region", "venue_city"]
    prepopulated_fields = {"slug": ["region"]}
    autocomplete_fields = ["venue_country", "regional_commission"]
    readonly_fields = ["report_status", "downloads", "participants_list"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "congress",
                    "region",
                    "regional_commission",
                    "number",
                    "symbol",
                    "slug",
                    "status",
                    "is_published",
                ]
            },
        ),
        (_("Report"), {"fields": ["downloads", "participants_list", "report_issued_on", "report_job_number"]}),
        (_("Venue and dates"), {"fields": ["venue_city", "venue_country", "start_date", "end_date", "time_zone"]}),
        (
            _("Proceedings"),
            {
                "fields": [
                    "original_language",
                    "opened_by",
                    "agenda_adopted_at",
                    "organization_of_work_at",
                    "report_adopted_at",
                    "report_status",
                ],
                "description": _(
                    "Save the plenary meetings first; then choose at which the decisions were taken. "
                    "To adopt or reopen the report, use the actions of the list of meetings."
                ),
            },
        ),
    ]
    inlines = [
        SessionInline,
        ParticipationInline,
        OfficerInline,
        AgendaItemInline,
        DocumentInline,
        ReportPartAssignmentInline,
        MeetingParagraphInline,
    ]
    actions = [
        "adopt_report",
        "reopen_report",
        download_action("docx", _("Download the report as Word")),
        download_action("pdf", _("Download the report as PDF")),
        download_action("xml", _("Download the report as Akoma Ntoso XML")),
        participants_action("docx", _("Download the list of participants (Word)")),
        participants_action("pdf", _("Download the list of participants (PDF)")),
    ]

    def get_urls(self):
        download = self.admin_site.admin_view(self.participants_list_view)
        return [
            path(
                "<path:object_id>/participants.<str:extension>",
                download,
                name=f"{self.opts.app_label}_{self.opts.model_name}_participants",
            ),
            *super().get_urls(),
        ]

    def participants_list_view(self, request, object_id, extension):
        """The meeting's list of participants as Word or PDF, for staff who work on the meeting."""
        if extension not in PARTICIPANTS_FORMATS:
            raise Http404(_("There is no such format."))
        meeting = self.get_object(request, unquote(object_id))  # None for a meeting outside the user's scope
        if meeting is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not roles.may(request.user, "view", Delegate, meeting):
            raise PermissionDenied
        lists = participants_lists(request, Meeting.objects.for_participants_list().filter(pk=meeting.pk))
        if not lists:
            return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
        return file_response(request, lists[0], extension)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ReportPartAssignmentInline):
            # The sections a part can take are those the report has now, so build it once for the page.
            report = build_report(Meeting.objects.for_report().get(pk=obj.pk)) if obj.pk else None
            kwargs["form_kwargs"] = {"section_choices": list(section_choices(report)) if report else []}
        return kwargs

    @admin.display(description=_("Report and draft parts"))
    def downloads(self, meeting):
        if not meeting.pk:
            return _("Save the meeting first.")
        rows = (
            (symbol, format_html_join(" · ", '<a href="{}">{}</a>', ((url, name) for name, url in files)))
            for symbol, files in report_downloads(meeting)
        )
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))

    @admin.display(description=_("List of participants (names delegates: for staff only)"))
    def participants_list(self, meeting):
        if not meeting.pk:
            return _("Save the meeting first.")
        document = meeting.documents.filter(kind=Document.Kind.PARTICIPANTS).last()
        if document is None:
            return _("Add a document of the kind “List of participants” to give the list its symbol.")
        links = format_html_join(
            " · ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:meetings_meeting_participants", args=[meeting.pk, extension]), FORMAT_NAMES[extension])
                for extension in PARTICIPANTS_FORMATS
            ),
        )
        return format_html("{}: {}", document.symbol, links)

    def has_adopt_permission(self, request):
        return request.user.has_perm("meetings.adopt_report")

    def has_reopen_permission(self, request):
        return request.user.has_perm("meetings.reopen_report")

    @admin.action(description=_("Record the adoption of the report (freezes its content)"), permissions=["adopt"])
    def adopt_report(self, request, queryset):
        for meeting in queryset.select_related("report_adopted_at", "congress"):
            if meeting.report_is_adopted:
                messages.info(request, _("%(meeting)s: the report is already adopted.") % {"meeting": meeting})
            elif not roles.may_adopt(request.user, meeting):
                messages.error(request, _("%(meeting)s: only its editors may adopt it.") % {"meeting": meeting})
            else:
                try:
                    meeting.adopt_report()
                except ValidationError as error:
                    messages.error(request, f"{meeting}: {' '.join(error.messages)}")
                else:
                    messages.success(request, _("%(meeting)s: the report is adopted.") % {"meeting": meeting})

    @admin.action(description=_("Reopen the adopted report for corrections"), permissions=["reopen"])
    def reopen_report(self, request, queryset):
        for meeting in queryset:
            if not meeting.report_is_adopted:
                messages.info(request, _("%(meeting)s: the report is a draft already.") % {"meeting": meeting})
                continue
            meeting.reopen_report(reason=f"by {request.user.get_username()} from the admin")
            messages.success(request, _("%(meeting)s: the report is open for corrections.") % {"meeting": meeting})


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

    def has_import_permission(self, request):
        return request.user.has_perm("meetings.add_delegate")

    def _importable_meetings(self, request):
        return roles.meetings_where(request.user, "add", Delegate).select_related("congress")

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
            initial["meeting"] = import_form.cleaned_data["meeting"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        # Called on the empty form too, before anything is cleaned.
        return {"meeting": getattr(form, "cleaned_data", {}).get("meeting")}

    def process_result(self, result, request):
        if result.has_errors():
            # The import ran in one transaction, which was rolled back: say so rather than "Import finished".
            line, errors = result.row_errors()[0] if result.row_errors() else ("", result.base_errors)
            messages.error(
                request,
                _("Nothing was imported: row %(row)s failed (%(error)s). Fix the file and import it again.")
                % {"row": line, "error": errors[0].error},
            )
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


class DocumentFileInline(ContentInlineMixin, admin.TabularInline):
    model = DocumentFile
    extra = 0


@admin.register(Document)
class DocumentAdmin(ContentAdmin, TranslationAdmin):
    list_display = ["symbol", "title", "kind", "meeting", "is_published"]
    list_filter = ["kind", "is_published", "meeting"]
    inlines = [DocumentFileInline]
    list_select_related = ["meeting"]
    search_fields = ["symbol", "title"]


@admin.register(MeetingParagraph)
class MeetingParagraphAdmin(ContentAdmin):
    list_display = ["__str__", "part", "meeting"]
    list_filter = ["part", "meeting"]
    list_select_related = ["meeting"]
    search_fields = ["text"]
    fields = ["meeting", "part", "order", "text"]
