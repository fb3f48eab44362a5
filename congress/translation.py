"""The Congress's titles in the six languages, for the public pages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions

from congress.models import (
    Congress,
    CongressAgendaItem,
    Organization,
    RegionalCommission,
    StandardParagraph,
    State,
    Theme,
    Workshop,
)
from core.history import translated_with_history


@translated_with_history(Congress)
class CongressTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "main_theme", "host_city")


@translated_with_history(CongressAgendaItem)
class CongressAgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)


@translated_with_history(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)


@translated_with_history(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title",)


# Names, as the report prints them in each language (the United Nations short names for States).
# An empty name is stored as NULL, so that the unique names allow any number of untranslated ones.
@translated_with_history(State)
class StateTranslationOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None


@translated_with_history(Organization)
class OrganizationTranslationOptions(TranslationOptions):
    fields = ("name", "short_name")
    empty_values = {"name": None, "short_name": ""}


@translated_with_history(RegionalCommission)
class RegionalCommissionTranslationOptions(TranslationOptions):
    fields = ("name", "abbreviation")
    empty_values = None


# Drafted text: the Introduction every preparatory meeting of a Congress shares.
@translated_with_history(StandardParagraph)
class StandardParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)
