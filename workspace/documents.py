"""The documents' screen, and each document's own page with its files in each language."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from languages.admin import LanguageVersionsMixin, translated_name
from meetings.models import Document, DocumentFile
from workflow.admin import ContentAdmin, ContentInlineMixin, SortableStackedInline, return_address
from workspace.records import EVERY_LANGUAGE


class DocumentInline(LanguageVersionsMixin, ContentInlineMixin, SortableStackedInline):
    model = Document
    extra = 0
    ordering = ["order", "pk"]
    other_languages_in_rows = False
    # The title in every language, the original's first, saved with the screen; the files in each language are
    # uploaded on each document's own page.
    every_language_in_rows = ("title",)
    fields = [("order", "symbol", "kind", "is_published", "issued_on", "job_number"), EVERY_LANGUAGE("title")]
    input_sizes = {"symbol": 22, "title": 24, "job_number": 9}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if translated_name(db_field) in self.input_sizes:
            kwargs["widget"] = forms.TextInput(attrs={"size": self.input_sizes[translated_name(db_field)]})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    show_change_link = True  # the language versions are uploaded on the document's own page


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

    def response_change(self, request, obj):
        # Opened from the meeting's documents' screen (its row's "Change"): back there, not to every meeting's list.
        if "_continue" in request.POST or "_saveasnew" in request.POST or return_address(request):
            return super().response_change(request, obj)
        self.message_user(request, _("%(record)s saved.") % {"record": obj}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:meetings_meeting_part", args=[obj.meeting_id, "documents"]))
