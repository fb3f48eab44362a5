import io
import zipfile

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from meetings.downloads import file_response, rendered, report_downloads
from meetings.models import (
    AgendaItem,
    Document,
    DocumentFile,
    Meeting,
    MeetingParagraph,
    Officer,
    Participation,
    ReportPartAssignment,
    Session,
)
from meetings.report.builder import build_report, section_choices


class SessionInline(TranslationStackedInline):
    model = Session
    extra = 0
    fields = [("number", "date", "start_time", "end_time"), "title", "agenda_items"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "agenda_items":
            kwargs["queryset"] = AgendaItem.objects.filter(
                meeting_id=request.resolver_match.kwargs.get("object_id")
            ).select_related("topic__congress", "topic__agenda_item", "topic__workshop")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["state", "organization"]


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


class OfficerInline(SessionChoiceMixin, admin.TabularInline):
    model = Officer
    formset = OfficerFormSet
    extra = 0
    autocomplete_fields = ["state"]
    fields = ["order", "role", "name", "state", "elected_at", "election_method"]


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
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


class DocumentInline(TranslationTabularInline):
    model = Document
    extra = 0
    fields = ["order", "symbol", "title", "kind", "is_published", "issued_on", "job_number"]
    show_change_link = True  # the language versions are uploaded on the document's own page


class MeetingParagraphInline(admin.StackedInline):
    model = MeetingParagraph
    extra = 0
    fields = [("part", "order"), "text"]


class ReportPartAssignmentForm(forms.ModelForm):
    """Offers the chapters and sections the report has now, by their headings."""

    section = forms.ChoiceField(label=_("chapter or section"))

    class Meta:
        model = ReportPartAssignment
        fields = ["section", "part"]

    def __init__(self, *args, section_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "---------"), *section_choices]


class ReportPartAssignmentInline(admin.TabularInline):
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


def download_action(extension, description):
    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        meetings = list(queryset.for_report())
        if len(meetings) == 1:
            return file_response(request, build_report(meetings[0]), extension)
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for meeting in meetings:
                filename, _content_type, content = rendered(build_report(meeting), extension)
                zipped.writestr(filename, content)
        response = HttpResponse(archive.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="reports-{extension}.zip"'
        messages.info(request, _("%(count)d reports exported.") % {"count": len(meetings)})
        return response

    action.__name__ = f"download_{extension}"
    return action


@admin.register(Meeting)
class MeetingAdmin(SessionChoiceMixin, TranslationAdmin):
    list_display = ["symbol", "region", "venue_city", "start_date", "status", "is_published"]
    list_filter = ["congress", "status", "is_published", "regional_commission"]
    list_select_related = ["congress"]
    search_fields = ["symbol", "region", "venue_city"]
    prepopulated_fields = {"slug": ["region"]}
    autocomplete_fields = ["venue_country", "regional_commission"]
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
        (_("Report"), {"fields": ["downloads", "report_issued_on", "report_job_number"]}),
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
                ],
                "description": _("Save the plenary meetings first; then choose at which the decisions were taken."),
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
    readonly_fields = ["downloads"]
    actions = [
        download_action("docx", _("Download the report as Word")),
        download_action("pdf", _("Download the report as PDF")),
        download_action("xml", _("Download the report as Akoma Ntoso XML")),
    ]

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


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["symbol", "title", "kind", "meeting", "is_published"]
    list_filter = ["kind", "is_published", "meeting"]
    inlines = [DocumentFileInline]
    list_select_related = ["meeting"]
    search_fields = ["symbol", "title"]
