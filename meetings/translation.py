"""The public-facing titles a secretariat can enter in each of the six languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions

from core.history import translated_with_history
from meetings.models import AgendaItem, Document, Meeting, MeetingParagraph, Officer, Session


@translated_with_history(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("region", "venue_city", "opened_by")


# Officers' history comes from here too: it records each language's copy of the words of an unusual election.
@translated_with_history(Officer)
class OfficerTranslationOptions(TranslationOptions):
    fields = ("election_wording",)


@translated_with_history(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "room")


@translated_with_history(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "annotation")


@translated_with_history(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)


# Drafted text of the report outside the topics: a version per language, the original's among them.
@translated_with_history(MeetingParagraph)
class MeetingParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)
