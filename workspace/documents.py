"""The documents' screen, and each document's own page with its files in each language."""

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from languages.admin import LanguageVersionsMixin, translated_name
from meetings.models import Document, DocumentFile
from workflow.admin import ContentAdmin, ContentInlineMixin, SortableTabularInline
from workspace.records import ORIGINAL


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
