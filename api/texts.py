"""A text in the six languages, as the API gives it: an object keyed by language code (ar, zh, en, fr, ru, es).

Each language's value is that language's own copy (languages.versions.text_in), or null where the text has
none: the API never hands out one language's text under another's code.
"""

from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from languages import REPORT_LANGUAGES, django_language
from languages.versions import text_in

TEXTS_SCHEMA = {
    "type": "object",
    "description": "The text in each of the six languages; null where it has no version in that language.",
    "properties": {code: {"type": "string", "nullable": True} for code in REPORT_LANGUAGES},
    "required": list(REPORT_LANGUAGES),
    "additionalProperties": False,
}
URLS_SCHEMA = {
    "type": "object",
    "description": "The address in each of the six languages of the site.",
    "properties": {code: {"type": "string", "format": "uri"} for code in REPORT_LANGUAGES},
    "required": list(REPORT_LANGUAGES),
    "additionalProperties": False,
}


def in_each_language(value_in):
    """{code: value_in(code)} for the six languages, each computed with its language active (catalogue words)."""
    values = {}
    for code in REPORT_LANGUAGES:
        with translation.override(django_language(code)):
            values[code] = value_in(code) or None
    return values


def texts_of(record, field):
    """{code: the record's own copy of `field` in that language, or None}; all None for no record."""
    return {code: (text_in(record, field, code) or None) for code in REPORT_LANGUAGES}


@extend_schema_field(TEXTS_SCHEMA)
class TextsField(serializers.Field):
    """A translated field of the record (or of the record at `source`, or that `of(record)` gives), in six languages."""

    def __init__(self, field, of=None, **kwargs):
        self.text_field = field
        self.of = of  # the record that has the text, from the serialized one
        kwargs.setdefault("source", "*")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return texts_of(self.of(value) if self.of else value, self.text_field)


@extend_schema_field(TEXTS_SCHEMA)
class WordsField(serializers.Field):
    """Words the site writes in each language (a title from the catalogue, an office): `method(record, code)`."""

    def __init__(self, method, **kwargs):
        self.method = method
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value):
        return in_each_language(lambda code: self.method(value, code))


@extend_schema_field(URLS_SCHEMA)
class SiteUrlsField(serializers.Field):
    """The record's page on the site in each language: `method(record)` reverses it under each language's prefix."""

    def __init__(self, method, **kwargs):
        self.method = method
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, value):
        request = self.context["request"]
        return in_each_language(lambda code: request.build_absolute_uri(self.method(value)))
