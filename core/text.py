"""Control characters: removed from every text as it is saved, and from every document tree as it is exported.

Text pasted from Word can carry characters such as \\x0b (a manual line break) or \\x01 that no XML document
may hold: one in any field made the Word and Akoma Ntoso exports fail for everyone. Tab, line feed and
carriage return stay.
"""

import dataclasses
import re

from django.db import models

from core.history import translated_fields

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# The project's own apps: their text is what the report and the site are written from.
APPS = {"congress", "meetings", "recommendations", "workflow"}


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text)


def clean_on_save(sender, instance, **kwargs):
    """pre_save: a record of the project's apps keeps no control character in any of its texts."""
    if sender._meta.app_label not in APPS:
        return
    # A translated field's own name opens the active language's copy: each copy is cleaned as a field of its own.
    doors = set(translated_fields(sender))
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and field.name not in doors:
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
                setattr(instance, field.attname, without_control_characters(value))


def cleaned(node):
    """A document tree (dataclasses, lists, strings) without control characters, whatever was stored before."""
    if isinstance(node, str):
        return without_control_characters(node) if CONTROL_CHARACTERS.search(node) else node
    if isinstance(node, list):
        return [cleaned(item) for item in node]
    if isinstance(node, tuple):
        return tuple(cleaned(item) for item in node)
    if isinstance(node, dict):
        return {key: cleaned(value) for key, value in node.items()}
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {field.name: cleaned(getattr(node, field.name)) for field in dataclasses.fields(node) if field.init}
        return dataclasses.replace(node, **changes)
    return node


def exporting_cleaned(render):
    """Wraps a renderer so that the tree it writes holds no control character (one point for every export)."""

    def render_cleaned(report, *args, **kwargs):
        return render(cleaned(report), *args, **kwargs)

    render_cleaned.__wrapped__ = render
    return render_cleaned
