"""The public-facing titles a secretariat can enter in each of the six languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from meetings.models import AgendaItem, Document, Meeting, Session
from workflow.history import record_history


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("region", "venue_city")


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "annotation")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)


# After the registrations above, so that the history records every language.
for model in (Meeting, Session, AgendaItem, Document):
    record_history(model)
