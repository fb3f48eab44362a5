"""The Congress's titles in the six languages, for the public pages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from congress.models import Congress, CongressAgendaItem, Workshop
from workflow.history import record_history


@register(Congress)
class CongressTranslationOptions(TranslationOptions):
    fields = ("title", "short_title", "main_theme", "host_city")


@register(CongressAgendaItem)
class CongressAgendaItemTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title",)


# After the registrations above, so that the history records every language.
for model in (Congress, CongressAgendaItem, Workshop):
    record_history(model)
