"""History of content models, with django-simple-history."""

from modeltranslation.fields import TranslationField
from simple_history.models import HistoricalRecords


class ContentHistory(HistoricalRecords):
    """Records every change of the fields a model declares.

    django-modeltranslation adds per-language copies of translated fields (title_ar, title_fr, …)
    after the historical model is built, so they are left out here rather than breaking each save.
    """

    def fields_included(self, model):
        return [field for field in super().fields_included(model) if not isinstance(field, TranslationField)]
