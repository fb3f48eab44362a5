"""The meeting's own admin page: the overview of its workspace, its screens, and the list of meetings."""

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from languages.admin import LanguageVersionsMixin
from meetings.models import MARKUP_HELP, Meeting
from workflow import roles
from workflow.admin import ContentAdmin
from workflow.forms import VersionedModelForm
from workspace.adoption import AdoptionActionsMixin
from workspace.agenda import AgendaItemInline
from workspace.attendance import OfficerInline, ParticipationInline
from workspace.base import MeetingWorkspaceMixin, Part
from workspace.documents import DocumentInline
from workspace.languages import MeetingLanguagesMixin
from workspace.programme import SessionChoiceMixin, SessionInline
from workspace.reading import ReadingScreenMixin
from workspace.records import ORIGINAL
from workspace.report import ReportPartAssignmentInline, ReportScreenMixin, download_action, participants_action
from workspace.starting import copy_structure
from workspace.text import MeetingParagraphInline
from workspace.word_import import WordImportMixin


class MeetingForm(VersionedModelForm):
    """The meeting's details; a new meeting may start from the structure of another."""

    start_from = forms.ModelChoiceField(
        Meeting.objects.none(),
        required=False,
        label=_("Copy the structure of"),
        help_text=_(
            "The agenda, the topics discussed and the Congress's documents of this meeting are copied, without "
            "drafted text. “New meeting for this Congress” chooses the Congress's latest meeting."
        ),
    )

    class Meta:
        model = Meeting
        fields = "__all__"


@admin.register(Meeting)
class MeetingAdmin(
    AdoptionActionsMixin,
    ReadingScreenMixin,
    ReportScreenMixin,
    WordImportMixin,
    MeetingLanguagesMixin,
    LanguageVersionsMixin,
    MeetingWorkspaceMixin,
    SortableAdminBase,
    SessionChoiceMixin,
    ContentAdmin,
    TranslationAdmin,
):
    list_display = ["symbol", "region", "venue_city", "start_date", "status", "is_published", "report_status"]
    list_filter = ["congress", "status", "is_published", "report_status", "regional_commission"]
    list_select_related = ["congress"]
    search_fields = ["symbol", "region", "venue_city"]
    prepopulated_fields = {"slug": ["region"]}
    autocomplete_fields = ["venue_country", "regional_commission"]
    readonly_fields = ["report_status", "adopted_record", "downloads", "participants_list", "language_versions"]
    # The overview's own form: the meeting's details. Everything else is entered on the parts' screens.
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
                    "start_from",
                ]
            },
        ),
        (_("Language versions"), {"fields": ["language_versions"]}),
        (
            _("Venue and dates"),
            {
                "fields": [
                    "venue_city",
                    "venue_country",
                    "start_date",
                    "end_date",
                    "time_zone",
                    "original_language",
                    "second_original_language",
                ]
            },
        ),
    ]
    workspace_parts = [
        Part(
            "sessions",
            _("Plenary meetings"),
            inlines=[SessionInline],
            needs=[("agenda", _("agenda items taken up"))],
            description=_("Number and date each plenary meeting; tick the agenda items it took up."),
        ),
        Part(
            "attendance",
            _("Attendance"),
            inlines=[ParticipationInline],
            needs=[("member_states", "")],
            description=_(
                "The States and organizations represented. Left empty, the capacity is “member” for a member "
                "State of the regional commission and “observer” otherwise. Delegates are entered on each "
                "delegation's page, or imported from a list (Participations → Import)."
            ),
        ),
        Part(
            "officers",
            _("Officers"),
            inlines=[OfficerInline],
            needs=[("sessions", _("elected at"))],
            description=_("The Chair and the Rapporteur come from States represented as members."),
        ),
        Part(
            "agenda",
            _("Agenda"),
            inlines=[AgendaItemInline],
            needs=[("documents", _("documents for the item"))],
            description=_(
                "A sub-item's parent is chosen among the items saved; save the items first, then their sub-items. "
                "Drag an item by its heading to reorder."
            ),
        ),
        Part("documents", _("Documents"), inlines=[DocumentInline]),
        Part(
            "text",
            _("Opening and other matters"),
            fields=["opener", ORIGINAL("opened_by")],
            inlines=[MeetingParagraphInline],
            description=MARKUP_HELP,
        ),
        Part("deliberations", _("Deliberations")),
        Part(
            "report",
            _("Report and draft parts"),
            fields=[
                "downloads",
                "participants_list",
                "report_issued_on",
                "report_job_number",
                "sole_annex_numbered",
                "congress_line_with_country",
                "main_theme_short_congress",
            ],
            readonly=["downloads", "participants_list"],
            inlines=[ReportPartAssignmentInline],
            needs=[("draft_parts", _("part of the draft report"))],
        ),
        Part(
            "adoption",
            _("Adoption"),
            fields=[
                "agenda_adopted_at",
                "organization_of_work_at",
                "report_adopted_at",
                "report_status",
                "adopted_record",
            ],
            readonly=["report_status", "adopted_record"],
            needs=[("sessions", _("report adopted at"))],
            description=_(
                "Choose the plenary meetings at which the decisions were taken, save, then record the adoption "
                "of the report: it freezes the report's content (not whether the meeting is published)."
            ),
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
    form = MeetingForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "start_from"]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            form.base_fields.pop("start_from", None)  # a choice for a new meeting only
        elif "start_from" in form.base_fields:
            form.base_fields["start_from"].queryset = roles.visible_meetings(request.user).select_related("congress")
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        source = form.cleaned_data.get("start_from")
        if not change and source is not None:
            copy_structure(source=source, target=form.instance)
            self.message_user(
                request,
                _("The agenda, topics and Congress documents of %(source)s were copied.") % {"source": source},
                messages.INFO,
            )

    actions = [
        "adopt_report",
        "reopen_report",
        download_action("docx", _("Download the report as Word")),
        download_action("pdf", _("Download the report as PDF")),
        download_action("xml", _("Download the report as Akoma Ntoso XML")),
        participants_action("docx", _("Download the list of participants (Word)")),
        participants_action("pdf", _("Download the list of participants (PDF)")),
    ]
