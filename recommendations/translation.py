"""Drafted text of a meeting's discussions in each of the six languages (django-modeltranslation)."""

from django.db.models import NOT_PROVIDED
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.translator import TranslationOptions
from modeltranslation.utils import build_localized_fieldname

from core.history import translated_with_history
from recommendations.models import Discussion, Recommendation, SummaryParagraph


@translated_with_history(Discussion)
class DiscussionTranslationOptions(TranslationOptions):
    fields = ("outcome_introduction",)


# The English sentence that introduces the recommendations is the default of the English version
# only: another language's version starts empty, as untranslated, rather than holding English.
for language in AVAILABLE_LANGUAGES:
    if language != DEFAULT_LANGUAGE:
        Discussion._meta.get_field(build_localized_fieldname("outcome_introduction", language)).default = NOT_PROVIDED


@translated_with_history(SummaryParagraph)
class SummaryParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)


@translated_with_history(Recommendation)
class RecommendationTranslationOptions(TranslationOptions):
    fields = ("text",)
