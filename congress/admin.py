from adminsortable2.admin import SortableAdminBase
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from congress.models import (
    Congress,
    CongressAgendaItem,
    Organization,
    RegionalCommission,
    StandardParagraph,
    State,
    Theme,
    Topic,
    Workshop,
)
from languages.admin import LanguageVersionsMixin
from workflow.admin import ContentAdmin, ContentInlineMixin, SortableStackedInline


@admin.register(State)
class StateAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    search_fields = ["name"]


@admin.register(Organization)
class OrganizationAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    list_display = ["name", "short_name", "category", "precedence"]
    list_filter = ["category"]
    search_fields = ["name", "short_name"]


@admin.register(RegionalCommission)
class RegionalCommissionAdmin(LanguageVersionsMixin, ContentAdmin, TranslationAdmin):
    list_display = ["abbreviation", "name"]
    search_fields = ["name", "abbreviation"]
    autocomplete_fields = ["member_states"]


class CongressAgendaItemInline(ContentInlineMixin, TranslationTabularInline):
    model = CongressAgendaItem
    extra = 0


class WorkshopInline(ContentInlineMixin, TranslationTabularInline):
    model = Workshop
    extra = 0


class ThemeInline(ContentInlineMixin, TranslationTabularInline):
    """The themes of the compilation of the regional meetings' recommendations; assigned on the recommendations."""

    model = Theme
    extra = 0
    fields = ["order", "name"]


class TopicInline(ContentInlineMixin, admin.TabularInline):
    model = Topic
    extra = 0
    fields = ["order", "kind", "agenda_item", "workshop"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only the items and workshops of the Congress being edited.
        congress_id = request.resolver_match.kwargs.get("object_id")
        if db_field.name == "agenda_item":
            kwargs["queryset"] = CongressAgendaItem.objects.filter(congress_id=congress_id)
        if db_field.name == "workshop":
            kwargs["queryset"] = Workshop.objects.filter(congress_id=congress_id)
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in ("agenda_item", "workshop") and formfield is not None:
            # The lists hold what is saved: say so, rather than offer an empty list without a word.
            formfield.help_text = _(
                "The Congress's agenda items and workshops are offered here once saved: add them above, "
                "save, then choose."
            )
        return formfield


class StandardParagraphInline(
    LanguageVersionsMixin, ContentInlineMixin, SortableStackedInline, TranslationStackedInline
):
    model = StandardParagraph
    extra = 0
    ordering = ["order", "pk"]
    fields = ["part", "order", "text"]
    verbose_name_plural = _("Standard text shared by all preparatory meetings (Introduction)")


@admin.register(Congress)
class CongressAdmin(LanguageVersionsMixin, SortableAdminBase, ContentAdmin, TranslationAdmin):
    list_display = ["title", "symbol_prefix", "host_city", "start_date"]
    search_fields = ["title", "symbol_prefix"]
    autocomplete_fields = ["host_country"]
    fieldsets = [
        (None, {"fields": ["ordinal", "title", "short_title", "symbol_prefix", "main_theme"]}),
        (_("Venue and dates"), {"fields": ["host_city", "host_country", "start_date", "end_date"]}),
    ]
    inlines = [CongressAgendaItemInline, WorkshopInline, TopicInline, StandardParagraphInline, ThemeInline]


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    list_display = ["__str__", "congress", "order"]
    list_filter = ["congress", "kind"]
    list_select_related = ["congress", "agenda_item", "workshop"]
    search_fields = ["agenda_item__title", "workshop__title", "congress__main_theme"]
