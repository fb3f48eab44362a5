"""Drafted text of a meeting's discussions in each of the six languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions

from core.history import translated_with_history
from recommendations.models import Discussion, Recommendation, SummaryParagraph


@translated_with_history(Discussion)
class DiscussionTranslationOptions(TranslationOptions):
    fields = ("outcome_introduction",)


@translated_with_history(SummaryParagraph)
class SummaryParagraphTranslationOptions(TranslationOptions):
    fields = ("text",)


@translated_with_history(Recommendation)
class RecommendationTranslationOptions(TranslationOptions):
    fields = ("text",)
