"""The meeting's own admin page: the overview of its workspace, its screens, and the list of meetings."""

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from congress.models import RegionalCommission, State
from languages.admin import LanguageVersionsMixin
from meetings.models import MARKUP_HELP, Meeting
from workflow import roles
from workflow.admin import ContentAdmin
from workflow.admin.content import KeysOnlyAutocompleteSelectMultiple
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

    commission_member_states = forms.ModelMultipleChoiceField(
        State.objects.all(),
        required=False,
        label=_("member States of the regional commission"),
        help_text=_(
            "Kept on the commission, for all its meetings; a State represented here is a member if it is one of them."
        ),
    )

    class Meta:
        model = Meeting
        fields = "__all__"

    def has_changed(self):
        """The commission's member States are the commission's, saved with it: not a change of the meeting."""
        return bool(set(self.changed_data) - {"commission_member_states"})


@transaction.atomic
def set_member_states(*, commission, states):
    """The commission's member States become `states`; its version moves on, so that its own page, open
    elsewhere, does not save an older list over this one."""
    commission.member_states.set(states)
    type(commission).objects.filter(pk=commission.pk).update(version=F("version") + 1)


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
            fields=["commission_member_states"],
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

    def edits_member_states(self, request, obj):
        """Whether this screen shows the commission's member States: the attendance's, to whoever may change the
        commission."""
        part = self.current_part(request)
        return (
            obj is not None
            and part is not None
            and part.slug == "attendance"
            and request.user.has_perm("congress.change_regionalcommission")
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        left_out = {"start_from"} if obj is not None else set()
        if not self.edits_member_states(request, obj):
            left_out.add("commission_member_states")
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in left_out]})
            for name, options in fieldsets
        ]
        if fieldsets and fieldsets[0][1]["fields"] == ["version"]:
            fieldsets[0][1]["fields"] = []  # nothing of the meeting's own left on this screen
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None:
            form.base_fields.pop("start_from", None)  # a choice for a new meeting only
        elif "start_from" in form.base_fields:
            form.base_fields["start_from"].queryset = roles.visible_meetings(request.user).select_related("congress")
        if self.edits_member_states(request, obj):
            field = form.base_fields["commission_member_states"]
            field.widget = KeysOnlyAutocompleteSelectMultiple(
                RegionalCommission._meta.get_field("member_states"), self.admin_site
            )
            field.initial = list(obj.regional_commission.member_states.values_list("pk", flat=True))
        else:
            form.base_fields.pop("commission_member_states", None)
        return form

    def part_view(self, request, object_id, part):
        """The attendance's save writes the commission's member States first, so that the States represented
        take their capacity from the membership posted with them; if the screen is not saved (an error), the
        membership is not either."""
        meeting = self.get_object(request, unquote(object_id)) if request.method == "POST" else None
        request._workspace_part = self.part_named(part)
        if meeting is None or not self.edits_member_states(request, meeting):
            return super().part_view(request, object_id, part)
        if not self.has_change_permission(request, meeting):
            return super().part_view(request, object_id, part)
        try:
            states = forms.ModelMultipleChoiceField(State.objects.all(), required=False).clean(
                request.POST.getlist("commission_member_states")
            )
        except ValidationError:
            return super().part_view(request, object_id, part)  # the form says what is wrong
        with transaction.atomic():
            before = transaction.savepoint()
            set_member_states(commission=meeting.regional_commission, states=states)
            response = super().part_view(request, object_id, part)
            if not isinstance(response, HttpResponseRedirect):
                transaction.savepoint_rollback(before)
            return response

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
