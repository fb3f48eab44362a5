"""The Congress's titles in the six languages, for the public pages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions

from congress.models import Congress, CongressAgendaItem, Workshop
from workflow.history import translated_with_history


@translated_with_history(Congress)
class CongressTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "main_theme", "host_city")


@translated_with_history(CongressAgendaItem)
class CongressAgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)


@translated_with_history(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title",)
