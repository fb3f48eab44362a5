"""The document tree (report/document.py) as JSON and back, exactly: what an adopted report keeps.

Each dataclass is an object tagged with its class's name ("_": "Paragraph"); a tuple is a JSON array, a list
(a section's children, a report's chapters) an object tagged "list", a frozenset (the ids of the texts not
translated) one tagged "frozenset", a date one tagged "date". Reading
back builds the same classes with the same values, so the tree has the same fingerprint (Report.version)
and every renderer writes the same bytes from it. Only the tree's own classes are read back: a tag that
names anything else is refused.
"""

import dataclasses
import datetime

from report import document

CLASSES = {
    cls.__name__: cls
    for cls in (
        document.Text,
        document.Emphasis,
        document.Symbol,
        document.Untranslated,
        document.Change,
        document.Paragraph,
        document.Subparagraph,
        document.Subheading,
        document.Line,
        document.OfficerLine,
        document.OfficerList,
        document.AgendaEntry,
        document.AgendaList,
        document.Table,
        document.Section,
        document.Report,
    )
}


class TreeFormatError(ValueError):
    """A stored tree that is not one this code wrote."""


def to_json(value):
    """A JSON-ready value (dicts, lists, strings, numbers, booleans, None) for a tree or any part of it."""
    if value is None or isinstance(value, bool | int | str):
        # str() drops a subclass (a SafeString): its repr, and so the fingerprint, is the same.
        return str(value) if isinstance(value, str) else value
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    if isinstance(value, list):
        return {"_": "list", "items": [to_json(item) for item in value]}
    if isinstance(value, frozenset):
        return {"_": "frozenset", "items": sorted(to_json(item) for item in value)}
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return {"_": "date", "iso": value.isoformat()}
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and CLASSES.get(name) is type(value):
        fields = {field.name: to_json(getattr(value, field.name)) for field in dataclasses.fields(value)}
        return {"_": name, **fields}
    raise TypeError(f"A document tree holds no {type(value).__name__}: {value!r}")


def from_json(value):
    """The tree (or part of one) that to_json() was given."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, list):
        return tuple(from_json(item) for item in value)
    if not isinstance(value, dict):
        raise TreeFormatError(f"Not a value of a document tree: {value!r}")
    tag = value.get("_")
    if tag == "list":
        return [from_json(item) for item in value["items"]]
    if tag == "frozenset":
        return frozenset(from_json(item) for item in value["items"])
    if tag == "date":
        return datetime.date.fromisoformat(value["iso"])
    cls = CLASSES.get(tag)
    if cls is None:
        raise TreeFormatError(f"No class of the document tree is named {tag!r}.")
    names = {field.name for field in dataclasses.fields(cls)}
    return cls(**{key: from_json(item) for key, item in value.items() if key in names})
