"""The report's screen: the draft report in parts, the downloads of the report and its parts, the list of
participants (for staff only), and the list of meetings' download actions."""

import io
import zipfile

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from caching import content_version
from languages import report_language
from meetings.models import Delegate, Document, Meeting, ReportPartAssignment
from report.adopted import PREVIEW, report_of
from report.builder import build_report
from report.downloads import FORMAT_NAMES, ExportFailed, file_response, rendered, report_downloads, unavailable
from report.participants import NoParticipantsDocument, build_participants_list
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


def download(request, documents, extension, archive_name):
    """One document as its file, or several in a zip archive."""
    if len(documents) == 1:
        return file_response(request, documents[0], extension)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for document in documents:
            try:
                filename, _content_type, content = rendered(document, extension)
            except ExportFailed as failure:
                return unavailable(request, document, extension, failure.retry_after)
            zipped.writestr(filename, content)
    response = HttpResponse(archive.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{archive_name}-{extension}.zip"'
    return response


def download_action(extension, description):
    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        # As adopted, while adopted: the record, not what the shared records say now.
        reports = [report_of(meeting, audience=PREVIEW) for meeting in queryset.for_report()]
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
        lists = participants_lists(request, Meeting.objects.for_participants_list().filter(pk=meeting.pk))
        if not lists:
            return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
        return file_response(request, lists[0], extension)

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
