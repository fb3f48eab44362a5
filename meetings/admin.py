import io
import zipfile

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportMixin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from meetings import participants_import
from meetings.downloads import FORMAT_NAMES, file_response, rendered, report_downloads
from meetings.language_admin import MeetingLanguagesMixin
from meetings.models import (
    MARKUP_HELP,
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
from meetings.starting import copy_structure
from meetings.workspace import CachedChoicesInlineMixin, CompactTemplateMixin, MeetingWorkspaceMixin, Part
from workflow import roles
from workflow.admin import ContentAdmin, ContentInlineMixin
from workflow.forms import VersionedModelForm
from workflow.language_admin import LanguageVersionsMixin, translated_name
from workflow.sortable import SortableStackedInline, SortableTabularInline


def ORIGINAL(name):  # noqa: N802 - reads as a field name in the `fields` lists
    """A translated field's copy in the original language, which the workspace's screens edit.

    Named by its English copy; LanguageVersionsMixin shows the copy in the meeting's own original language."""
    return build_localized_fieldname(name, DEFAULT_LANGUAGE)


def next_number(model, request, field):
    """The next free number of `field` among the records of the meeting being edited: the default of a new row."""
    meeting_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
    if meeting_id is None or not str(meeting_id).isdigit():
        return 1
    return (model.objects.filter(meeting_id=meeting_id).aggregate(n=Max(field))["n"] or 0) + 1


def numbered_items(items):
    """{pk: "5 (a) Title…"}: agenda items as a short choice, numbered as the agenda numbers them."""
    items = sorted(items, key=lambda item: (item.order, item.pk))
    labels = {}
    for number, item in enumerate((i for i in items if i.parent_id is None), start=1):
        labels[item.pk] = f"{number}. {Truncator(item.display_title).chars(70)}"
        subs = [i for i in items if i.parent_id == item.pk]
        for letter, sub in zip("abcdefghijklmnopqrstuvwxyz", subs, strict=False):
            labels[sub.pk] = f"{number} ({letter}) {Truncator(sub.display_title).chars(70)}"
    return labels


def topic_with_congress(topic):
    """A topic as choices offer it: with its Congress, so that two Congresses' topics are told apart."""
    return f"{topic.title} ({topic.congress.short_title or topic.congress})"


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


class SessionInline(LanguageVersionsMixin, ContentInlineMixin, CachedChoicesInlineMixin, admin.StackedInline):
    model = Session
    extra = 0
    # The original language only (the meeting's: ORIGINAL names the field); the other languages are on each
    # plenary meeting's own page.
    other_languages_in_rows = False
    fields = [("number", "date", "start_time", "end_time", ORIGINAL("title"), ORIGINAL("room")), "agenda_items"]
    show_change_link = True

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "number":
            kwargs["initial"] = next_number(Session, request, "number")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "agenda_items":
            kwargs["queryset"] = AgendaItem.objects.filter(
                meeting_id=request.resolver_match.kwargs.get("object_id")
            ).select_related("topic__congress", "topic__agenda_item", "topic__workshop")
            kwargs["widget"] = forms.CheckboxSelectMultiple
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "agenda_items" and formfield is not None:
            labels = numbered_items(formfield.queryset)
            formfield.label_from_instance = lambda item: labels.get(item.pk, str(item))
        return formfield


class ParticipationInline(ContentInlineMixin, CachedChoicesInlineMixin, CompactTemplateMixin, admin.TabularInline):
    model = Participation
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


class SessionChoiceMixin:
    """Offers only the sessions of the meeting being edited."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Session:
            kwargs["queryset"] = Session.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OfficerInline(ContentInlineMixin, CachedChoicesInlineMixin, SessionChoiceMixin, admin.TabularInline):
    model = Officer
    formset = OfficerFormSet
    extra = 0
    autocomplete_fields = ["state"]
    fields = ["order", "role", "name", "gender", "state", "elected_at", "election_method"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("state")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "order":
            kwargs["initial"] = next_number(Officer, request, "order")
            kwargs["widget"] = forms.NumberInput(attrs={"class": "vIntegerField", "style": "width: 4em"})
        if db_field.name in ("name", "election_method"):
            kwargs["widget"] = forms.TextInput(attrs={"size": 22 if db_field.name == "name" else 14})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "elected_at":
            # Officers are usually elected at the first plenary meeting.
            first = formfield.queryset.order_by("number").first()
            formfield.initial = first.pk if first else None
        return formfield


class AgendaItemInline(LanguageVersionsMixin, ContentInlineMixin, CachedChoicesInlineMixin, SortableStackedInline):
    model = AgendaItem
    extra = 0
    ordering = ["order", "pk"]
    # The original language only (the meeting's: ORIGINAL names the field); the other languages are on each
    # item's own page.
    other_languages_in_rows = False
    fields = [("order", "parent", "topic"), ORIGINAL("title"), ORIGINAL("annotation"), "documents"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic__congress", "topic__agenda_item", "topic__workshop")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if translated_name(db_field) == "annotation":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "documents":
            kwargs["queryset"] = Document.objects.filter(meeting_id=request.resolver_match.kwargs.get("object_id"))
            kwargs["widget"] = forms.CheckboxSelectMultiple
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "documents" and formfield is not None:
            formfield.label_from_instance = lambda document: document.symbol
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        meeting_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "parent":
            kwargs["queryset"] = AgendaItem.objects.filter(meeting_id=meeting_id, parent=None).select_related(
                "topic__congress", "topic__agenda_item", "topic__workshop"
            )
        if db_field.name == "topic":
            kwargs["queryset"] = (
                kwargs.get("queryset", db_field.related_model.objects)
                .filter(congress__meetings=meeting_id)
                .select_related("congress", "agenda_item", "workshop")
            )
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "topic" and formfield is not None:
            formfield.label_from_instance = topic_with_congress
        return formfield


class DocumentInline(LanguageVersionsMixin, ContentInlineMixin, SortableTabularInline):
    model = Document
    extra = 0
    ordering = ["order", "pk"]
    other_languages_in_rows = False
    # The original language only; the other languages and the files are on each document's own page.
    fields = ["order", "symbol", ORIGINAL("title"), "kind", "is_published", "issued_on", "job_number"]
    input_sizes = {"symbol": 22, "title": 30, "job_number": 9}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if translated_name(db_field) in self.input_sizes:
            kwargs["widget"] = forms.TextInput(attrs={"size": self.input_sizes[translated_name(db_field)]})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    show_change_link = True  # the language versions are uploaded on the document's own page


class MeetingParagraphInline(
    LanguageVersionsMixin, ContentInlineMixin, SortableStackedInline, TranslationStackedInline
):
    model = MeetingParagraph
    other_languages_in_rows = False
    show_change_link = True  # each paragraph's own page has every language
    extra = 0
    ordering = ["order", "pk"]
    fields = [("part", "order"), "text"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if translated_name(db_field) == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 4, "cols": 100})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ReportPartAssignmentForm(VersionedModelForm):
    """Offers the chapters and sections the report has now, by their headings."""

    section = forms.ChoiceField(label=_("chapter or section"))

    class Meta:
        model = ReportPartAssignment
        fields = ["section", "part"]

    def __init__(self, *args, section_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "---------"), *section_choices]


class ReportPartAssignmentInline(ContentInlineMixin, CachedChoicesInlineMixin, admin.TabularInline):
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
class MeetingAdmin(
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
    readonly_fields = ["report_status", "downloads", "participants_list", "language_versions"]
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
            fields=[ORIGINAL("opened_by")],
            inlines=[MeetingParagraphInline],
            description=MARKUP_HELP,
        ),
        Part("deliberations", _("Deliberations")),
        Part(
            "report",
            _("Report and draft parts"),
            fields=["downloads", "participants_list", "report_issued_on", "report_job_number"],
            readonly=["downloads", "participants_list"],
            inlines=[ReportPartAssignmentInline],
            needs=[("draft_parts", _("part of the draft report"))],
        ),
        Part(
            "adoption",
            _("Adoption"),
            fields=["agenda_adopted_at", "organization_of_work_at", "report_adopted_at", "report_status"],
            readonly=["report_status"],
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
                },
            )
        for meeting in meetings:
            if meeting.report_is_adopted:
                messages.info(request, _("%(meeting)s: the report is already adopted.") % {"meeting": meeting})
            elif not roles.may_adopt(request.user, meeting):
                messages.error(request, _("%(meeting)s: only its editors may adopt it.") % {"meeting": meeting})
            else:
                try:
                    meeting.adopt_report(
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
class DocumentAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    list_display = ["symbol", "title", "kind", "meeting", "is_published"]
    list_filter = ["kind", "is_published", "meeting"]
    inlines = [DocumentFileInline]
    list_select_related = ["meeting"]
    search_fields = ["symbol", "title"]


@admin.register(MeetingParagraph)
class MeetingParagraphAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    list_display = ["__str__", "part", "meeting"]
    list_filter = ["part", "meeting"]
    list_select_related = ["meeting"]
    search_fields = ["text"]
    fields = ["meeting", "part", "order", "text"]


class OwnPageOfAMeetingRecord(ContentAdmin, TranslationAdmin):
    """A plenary meeting or an agenda item on its own page: every language of its titles, and its history.

    Reached from the row's "Change" link in the meeting's workspace, so not listed on the admin's index.
    """

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False  # added in the meeting's workspace, where the meeting is known

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in ("parent", "topic") and formfield is not None:
            obj = self.get_object(request, request.resolver_match.kwargs.get("object_id"))
            if obj is not None:
                if db_field.name == "parent":
                    formfield.queryset = AgendaItem.objects.filter(meeting_id=obj.meeting_id, parent=None)
                else:
                    formfield.queryset = formfield.queryset.filter(congress_id=obj.meeting.congress_id)
                    formfield.label_from_instance = topic_with_congress
        return formfield

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            return super().response_change(request, obj)
        self.message_user(request, _("%(record)s saved.") % {"record": obj}, messages.SUCCESS)
        part = "agenda" if isinstance(obj, AgendaItem) else "sessions"
        return HttpResponseRedirect(reverse("admin:meetings_meeting_part", args=[obj.meeting_id, part]))


@admin.register(Session)
class SessionAdmin(OwnPageOfAMeetingRecord):
    fields = ["meeting", ("number", "date", "start_time", "end_time"), "title"]
    readonly_fields = ["meeting"]


@admin.register(AgendaItem)
class AgendaItemAdmin(OwnPageOfAMeetingRecord):
    fields = ["meeting", ("order", "parent", "topic"), "title", "annotation"]
    readonly_fields = ["meeting"]
