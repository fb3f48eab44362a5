"""History of content models, with django-simple-history."""

import simple_history
from modeltranslation.translator import NotRegistered, translator
from simple_history.models import HistoricalRecords


class ContentHistory(HistoricalRecords):
    """Records every change of a content model's fields."""


def record_history(model):
    """History for a model with translated fields, whose per-language copies (title_ar, title_fr, …)
    django-modeltranslation adds only when it registers the model: registered after that, the history
    records them too. Models without translations declare `history = ContentHistory()` instead.
    """
    simple_history.register(model, records_class=ContentHistory)


def mirrored_fields(model):
    """Fields django-modeltranslation keeps equal to their English copy (title = title_en).

    A change shows in both; the history lists it once, under the copy ("Title [en]").
    """
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def translated_copies(model):
    """The per-language copies of a model's translated fields: title_en, title_ar, …"""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [field.name for copies in options.all_fields.values() for field in copies]
