"""The agenda's screen: items and sub-items with their annotations and documents, and each item's own page."""

from django import forms
from django.contrib import admin

from languages.admin import LanguageVersionsMixin, translated_name
from meetings.models import AgendaItem, Document
from workflow.admin import CachedChoicesInlineMixin, ContentInlineMixin, SortableStackedInline
from workspace.records import EVERY_LANGUAGE, ORIGINAL, OwnPageOfAMeetingRecord, in_agenda_order, topic_with_congress


class AgendaItemInline(LanguageVersionsMixin, ContentInlineMixin, CachedChoicesInlineMixin, SortableStackedInline):
    model = AgendaItem
    extra = 0
    ordering = ["order", "pk"]
    # The title in every language (the original's first), saved with the screen; the annotation in the original
    # language only (ORIGINAL names the field), its other languages on each item's own page.
    other_languages_in_rows = False
    every_language_in_rows = ("title",)
    fields = [("order", "parent", "topic"), EVERY_LANGUAGE("title"), ORIGINAL("annotation"), "documents"]
    show_change_link = True

    def get_queryset(self, request):
        items = super().get_queryset(request).select_related("topic__congress", "topic__agenda_item", "topic__workshop")
        return in_agenda_order(items)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if translated_name(db_field) == "annotation":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 80})
        if translated_name(db_field) == "title":
            kwargs["widget"] = forms.TextInput(attrs={"size": 24})
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


@admin.register(AgendaItem)
class AgendaItemAdmin(OwnPageOfAMeetingRecord):
    fields = ["meeting", ("order", "parent", "topic"), "title", "annotation"]
    readonly_fields = ["meeting"]
