from adminsortable2.admin import SortableAdminBase, SortableStackedInline
from django.contrib import admin

from recommendations.models import Discussion, Recommendation, SummaryParagraph
from workflow import roles
from workflow.admin import ContentAdmin, ContentInlineMixin


class SummaryParagraphInline(ContentInlineMixin, SortableStackedInline):
    model = SummaryParagraph
    extra = 0
    ordering = ["order", "pk"]
    fields = ["order", "text"]


class RecommendationInline(ContentInlineMixin, SortableStackedInline):
    model = Recommendation
    extra = 0
    ordering = ["order", "pk"]
    fields = ["order", "text"]


@admin.register(Discussion)
class DiscussionAdmin(SortableAdminBase, ContentAdmin):
    list_display = ["topic", "meeting"]
    list_filter = ["meeting"]
    list_select_related = ["meeting", "topic__congress", "topic__agenda_item", "topic__workshop"]
    search_fields = ["summary_paragraphs__text", "recommendations__text", "meeting__symbol"]
    autocomplete_fields = ["meeting"]
    fields = ["meeting", "topic", "outcome_introduction"]
    inlines = [SummaryParagraphInline, RecommendationInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "topic":
            kwargs["queryset"] = db_field.related_model.objects.select_related("congress", "agenda_item", "workshop")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DraftedTextAdmin(ContentAdmin):
    """A drafted text on its own page: found by search, with its history and revert."""

    list_display = ["__str__", "discussion"]
    list_select_related = ["discussion__meeting", "discussion__topic__agenda_item", "discussion__topic__congress"]
    list_filter = ["discussion__meeting"]
    search_fields = ["text"]
    fields = ["discussion", "order", "text"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "discussion":
            meetings = roles.meetings_where(request.user, "change", self.model)
            kwargs["queryset"] = Discussion.objects.filter(meeting__in=meetings).select_related(
                "meeting", "topic__congress", "topic__agenda_item", "topic__workshop"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(SummaryParagraph)
class SummaryParagraphAdmin(DraftedTextAdmin):
    pass


@admin.register(Recommendation)
class RecommendationAdmin(DraftedTextAdmin):
    pass
