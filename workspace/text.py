"""The screen of the opening and other matters: who opened the Meeting and the report paragraphs drafted outside
the discussions; and each report paragraph's own page."""

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from languages.admin import LanguageVersionsMixin, translated_name
from meetings.models import MeetingParagraph
from workflow.admin import ContentAdmin, ContentInlineMixin, SortableStackedInline


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


@admin.register(MeetingParagraph)
class MeetingParagraphAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    list_display = ["__str__", "part", "meeting"]
    list_filter = ["part", "meeting"]
    list_select_related = ["meeting"]
    search_fields = ["text"]
    fields = ["meeting", "part", "order", "text"]
