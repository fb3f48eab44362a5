"""The record a paragraph of the report is written from, named as the report's tree names it."""

from django.apps import apps

from languages.codes import field_suffix


def source_of(record):
    """ "recommendations.summaryparagraph.12" for a record."""
    return f"{record._meta.label_lower}.{record.pk}"


def record_of(source, *, for_update=False):
    """The record a source names, or None when it is gone."""
    label, _dot, pk = source.rpartition(".")
    app_label, _dot, model_name = label.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    records = model.objects.select_for_update() if for_update else model.objects
    return records.filter(pk=pk).first() if pk.isdigit() else None


def text_of(record, language):
    """The record's text in a named language ("" when it has none)."""
    return getattr(record, f"text_{field_suffix(language)}") or ""


def meeting_of(record):
    """The meeting a drafted record belongs to: its own, or its discussion's."""
    discussion = getattr(record, "discussion", None)
    return discussion.meeting if discussion is not None else record.meeting
