"""The Congress's titles in the six languages, for the public pages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from congress.models import Congress, CongressAgendaItem, Workshop


@register(Congress)
class CongressTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "main_theme", "host_city")


@register(CongressAgendaItem)
class CongressAgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title",)
