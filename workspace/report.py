"""The report's screen: the draft report in parts, the downloads of the report and its parts, the list of
participants (for staff only), and the list of meetings' download actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from caching import content_version
from jobs.models import Export
from jobs.serving import export_response, meeting_version, prepare
from languages import django_language, report_language
from meetings import visibility
from meetings.models import Delegate, Document, Meeting, ReportPartAssignment
from report.builder import build_report
from report.downloads import FORMAT_NAMES, report_downloads
from report.participants import NoParticipantsDocument, participants_document
from report.parts import section_choices
from workflow import roles
from workflow.admin import CachedChoicesInlineMixin, ContentInlineMixin
from workflow.forms import VersionedModelForm


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


def asked_files(request, asked, extension):
    """After an action asked for files (meeting, its file's link, whether it is ready): one file ready is served by
    its link at once; otherwise a message per meeting with the link, which gives the file once it is written."""
    if len(asked) == 1 and asked[0][2]:
        return HttpResponseRedirect(asked[0][1])
    for meeting, url, ready in asked:
        names = {"symbol": meeting.symbol, "format": FORMAT_NAMES[extension]}
        if ready:
            text = _("%(symbol)s: the %(format)s file is ready.") % names
        else:
            text = _("%(symbol)s: the %(format)s file is being prepared; the link gives it once it is written.")
            text %= names
        messages.info(request, format_html('{} <a href="{}">{}</a>', text, url, _("Download")))
    return None


def download_action(extension, description):
    """An action asking for the selected meetings' reports in the format: their jobs write them (jobs/), never
    the admin's request. One meeting's file already written is served at once; otherwise each meeting gets a
    message with its file's link, which serves it once written (until then, a page saying it is prepared)."""

    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        asked = []
        for meeting in queryset:
            # As a download by this user gets it: the staff's preview, as adopted while it is adopted.
            audience = "preview" if visibility.may_preview(request.user, meeting) else "public"
            language = meeting.original_language
            ready = prepare(meeting, audience=audience, language=language, part="", extension=extension)
            with translation.override(django_language(language)):
                url = reverse("meetings:report_download", args=[meeting.slug, extension])
            asked.append((meeting, url, ready))
        return asked_files(request, asked, extension)

    action.__name__ = f"download_{extension}"
    return action


# The list of participants names people: it is offered in the admin only, never on the public site; its file is
# written by a job as the report's are (jobs/), filed for staff.
PARTICIPANTS_FORMATS = ("docx", "pdf")
PARTICIPANTS = Export.Kind.PARTICIPANTS


def participants_documents(request, meetings):
    """(meeting, symbol of its list of participants) of those meetings the user may see the delegates of; says why
    the others are left out."""
    listed = []
    for meeting in meetings:
        if not roles.may(request.user, "view", Delegate, meeting):
            messages.error(request, _("%(meeting)s: you do not work on this meeting.") % {"meeting": meeting})
            continue
        try:
            listed.append((meeting, participants_document(meeting).symbol))
        except NoParticipantsDocument as error:
            messages.error(request, str(error))
    return listed


def with_participants_documents(meetings):
    """The meetings with their lists of participants' documents (not their delegates: the job reads those)."""
    documents = Document.objects.filter(kind=Document.Kind.PARTICIPANTS).order_by("pk")
    return meetings.prefetch_related(Prefetch("documents", queryset=documents, to_attr="participants_documents"))


def prepare_participants(meeting, symbol, extension):
    """Whether the meeting's list of participants is ready in the format; its job enqueued if it is not."""
    return prepare(meeting, kind=PARTICIPANTS, audience="preview", language="en", part=symbol, extension=extension)


def participants_action(extension, description):
    """An action asking for the selected meetings' lists of participants, written by their jobs (as the report's
    files): served at once if one is asked for and ready, else linked in a message per meeting."""

    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        asked = [
            (meeting, participants_url(meeting, extension), prepare_participants(meeting, symbol, extension))
            for meeting, symbol in participants_documents(request, with_participants_documents(queryset))
        ]
        return asked_files(request, asked, extension) if asked else None  # else the messages say why

    action.__name__ = f"download_participants_{extension}"
    return action


def participants_url(meeting, extension):
    return reverse("admin:meetings_meeting_participants", args=[meeting.pk, extension])


def report_sections(meeting, language):
    """(key, heading) of every section the meeting's report has now, in `language`: the report is built once per
    version of the meeting's content (kept in the cache under its token), not at every view of the screen, which
    took as long as the text is."""
    version = content_version.for_meeting(pk=meeting.pk)
    key = f"report-sections:{meeting.pk}:{version[0]}:{language}" if version else None
    if key and (choices := cache.get(key)) is not None:
        return choices
    choices = list(section_choices(build_report(Meeting.objects.for_report().get(pk=meeting.pk), language)))
    if key:
        cache.set(key, choices, SECTIONS_CACHE_SECONDS)
    return choices


SECTIONS_CACHE_SECONDS = 24 * 60 * 60


class ReportScreenMixin:
    """On the meeting's admin: the report's downloads, the list of participants and the parts' sections."""

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
        # Before reading the list: the file served is never older than the version it is filed under.
        version = meeting_version(meeting.pk)
        listed = participants_documents(request, with_participants_documents(Meeting.objects.filter(pk=meeting.pk)))
        if not listed:
            return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
        symbol = listed[0][1]
        return export_response(
            request,
            meeting=meeting,
            kind=PARTICIPANTS,
            audience="preview",
            language="en",
            part=symbol,
            extension=extension,
            symbol=symbol,
            version=version,
        )

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ReportPartAssignmentInline):
            # The sections a part can take are those the report has now, so build it once for the page.
            # In the editor's language: the headings they choose among are the ones they read.
            language = report_language(get_language()) or obj.original_language
            kwargs["form_kwargs"] = {"section_choices": report_sections(obj, language) if obj.pk else []}
        return kwargs

    @admin.display(description=_("Report and draft parts"))
    def downloads(self, meeting):
        if not meeting.pk:
            return _("Save the meeting first.")
        rows = (
            (symbol, format_html_join(" · ", '<a href="{}">{}</a>', ((url, name) for name, url in files)))
            for symbol, files, _note in report_downloads(meeting)
        )
        word_url = reverse("admin:meetings_meeting_word_import", args=[meeting.pk])
        return format_html(
            '<ul>{}</ul><p><a href="{}">{}</a></p>',
            format_html_join("", "<li>{}: {}</li>", rows),
            word_url,
            _("Import from Word: a draft or a translation"),
        )

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
