"""History of content models, with django-simple-history."""

import simple_history
from django.core import checks
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.translator import NotRegistered, register, translator
from modeltranslation.utils import build_localized_fieldname
from simple_history.models import HistoricalRecords


class ContentHistory(HistoricalRecords):
    """Records every change of a content model's fields."""


def translated_with_history(model):
    """django-modeltranslation's `@register`, then the model's history, which so records every language.

    modeltranslation adds the per-language copies (title_en, title_ar, …) only when it registers a
    model; a history built before that would not have them. A model with translations therefore
    takes its history from here, not from a `history = ContentHistory()` of its own.
    """

    def register_both(options):
        register(model)(options)
        not_unique(model)
        simple_history.register(model, records_class=ContentHistory)
        return options

    return register_both


def not_unique(model):
    """The per-language copies of a unique field (a State's name) are not unique themselves.

    modeltranslation describes a copy by its original field, `unique` included, and the history's copies
    are rebuilt from that description: left unique, a history table would refuse a second version of a
    record. The original field keeps its uniqueness.
    """
    for copies in translated_fields(model).values():
        for field in copies:
            if field.unique:
                field._unique = False
                field._field_options_kwargs = {**getattr(field, "_field_options_kwargs", {}), "unique": False}


def translated_fields(model):
    """{translated field: its per-language copies} of a model; empty for a model without translations."""
    try:
        return translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return {}


def mirrored_fields(model):
    """Translated fields as declared (title): modeltranslation fills them from one of the copies.

    Which copy depends on the language active when the record was saved, so the history shows
    changes under the copies ("Title [ar]") only.
    """
    return set(translated_fields(model))


def translated_copies(model):
    """The per-language copies of a model's translated fields: title_en, title_ar, …"""
    return [field.name for copies in translated_fields(model).values() for field in copies]


def revert_translations(obj, record, current):
    """Sets the per-language copies of `obj`, built from the historical `record`, for a revert over `current`.

    - English is the old version's.
    - Another language the old version has no text for keeps today's: a revert never removes a translation.
    - A version recorded before the history kept each language has its text only in the shared field, in
      whichever language was active when it was saved; it is taken as the English text.

    Returns the fields so taken, for the editor to check before saving.
    """
    taken_as_english = []
    for name, copies in translated_fields(type(obj)).items():
        recorded = {copy.name: getattr(record, copy.name) for copy in copies}
        shared = getattr(record, name)
        if shared and all(value is None for value in recorded.values()):
            setattr(obj, build_localized_fieldname(name, DEFAULT_LANGUAGE), shared)
            taken_as_english.append(name)
        for copy in copies:
            if copy.language != DEFAULT_LANGUAGE and not recorded[copy.name]:
                setattr(obj, copy.name, getattr(current, copy.name))
    return taken_as_english


@checks.register()
def translations_are_in_the_history(app_configs, **kwargs):
    """A translated model whose history lacks a copy would fail on every save: say so at start-up."""
    errors = []
    for model in translator.get_registered_models(abstract=False):
        manager = getattr(model._meta, "simple_history_manager_attribute", None)
        if manager is None:
            continue  # no history at all: nothing to fail
        recorded = {field.name for field in getattr(model, manager).model._meta.fields}
        missing = [name for name in translated_copies(model) if name not in recorded]
        if missing:
            errors.append(
                checks.Error(
                    f"The history of {model._meta.label} does not record {', '.join(missing)}.",
                    hint="Register its translations with @translated_with_history instead of declaring "
                    "history = ContentHistory().",
                    obj=model,
                    id="workflow.E001",
                )
            )
    return errors
