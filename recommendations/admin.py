from django.contrib import admin

from recommendations.models import Discussion, Recommendation, SummaryParagraph


class SummaryParagraphInline(admin.StackedInline):
    model = SummaryParagraph
    extra = 0
    fields = ["order", "text"]


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0
    fields = ["order", "text"]


@admin.register(Discussion)
class DiscussionAdmin(admin.ModelAdmin):
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
