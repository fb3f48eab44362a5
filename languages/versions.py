"""The language versions of texts: which languages a text has, and how many of a set of texts each has.

A *text* is one translated field of one record (a report paragraph's `text`, an agenda item's `title`):
modeltranslation keeps one copy of it per language (text_en, text_es …). `Text` reads and writes the copy of a
named language, never the copy that follows the active language. Which texts make up a meeting's report is
the report's knowledge (report/language_versions.py); what is counted here is the same for any set.
"""

from dataclasses import dataclass

from languages.codes import COPY_LANGUAGES, LANGUAGES, field_suffix, report_language

# A record drafted outside a meeting (a registry's name, the Congress's titles) was entered in English.
REGISTRY_LANGUAGE = "en"


def text_in(record, field, language):
    """The record's text of `field` in `language` (a report, site or copy code), "" if it has none.

    Always this language's own copy: never the copy the active language picks, never a fallback."""
    if record is None:
        return ""
    return getattr(record, f"{field}_{field_suffix(language)}", None) or ""


def set_text(record, field, language, value):
    """Writes the record's text of `field` in `language`, and only that copy."""
    setattr(record, f"{field}_{field_suffix(language)}", value)


def has_text(record, field):
    """Whether the record has the text in some language: what decides that a paragraph or a sentence exists,
    the same in every language version (a version that lacks it shows it as missing, in the same place)."""
    return any(getattr(record, f"{field}_{code}", None) for code in COPY_LANGUAGES)


def original_languages_of(record):
    """The languages a record was drafted in (report codes, ["es"] or ["es", "en"]): its meeting's original
    language or two, English for a registry's names and the Congress's texts."""
    for path in ((), ("meeting",), ("discussion", "meeting"), ("participation", "meeting"), ("document", "meeting")):
        owner = record
        for step in path:
            owner = getattr(owner, step, None) if owner is not None else None
        language = getattr(owner, "original_language", None)
        if language:
            second = getattr(owner, "second_original_language", "")
            return [report_language(language), *([report_language(second)] if second and second != language else [])]
    return [REGISTRY_LANGUAGE]


def original_language_of(record):
    return original_languages_of(record)[0]


def original_text(record, field, besides=None):
    """(text, language) of the record's text in an original language other than `besides`; ("", "") if none."""
    for original in original_languages_of(record):
        if original != besides and (text := text_in(record, field, original)):
            return text, original
    return "", ""


def shown_in_active_language(record, field):
    """shown_text in the language of the page or the admin being written (the active one): for __str__ and labels."""
    from django.utils import translation

    return shown_text(record, field, report_language(translation.get_language()) or REGISTRY_LANGUAGE)[0]


def shown_text(record, field, language):
    """(text, its language) for a reader of `language`: the text in that language, or else an original's,
    which the page marks as such (lang, dir and a label); ("", language) when there is none at all."""
    language = report_language(language) or language
    if text := text_in(record, field, language):
        return text, language
    text, original = original_text(record, field, besides=language)
    return (text, original) if text else ("", language)


@dataclass(frozen=True)
class Text:
    record: object
    field: str
    where: str  # where the text stands in the report, for people
    # Whether the report needs it. A text the report can do without (an agenda item's own title where the
    # Congress's topic title stands in, an addendum listed on its base document's row) is still offered to
    # translators, but a language that lacks it is not missing anything.
    required: bool = True

    @property
    def unit_id(self):
        return f"{self.record._meta.label_lower}.{self.record.pk}.{self.field}"

    def value(self, language):
        return text_in(self.record, self.field, language)

    def set_value(self, language, value):
        set_text(self.record, self.field, language, value)


def translation_status(texts, originals):
    """Per language, in the order of settings.LANGUAGES: how many of `texts` it has.

    [{"language": "es", "name": "Spanish", "is_original": False, "translated": 12, "total": 40,
      "missing": 28}, …]; an original language (`originals`, copy suffixes: one, or two for a report drafted in
    two) counts as a source (its "translated" is the texts drafted so far).
    """
    originals = {originals} if isinstance(originals, str) else set(originals)
    required = [text for text in texts if text.required]
    rows = []
    for code, name in LANGUAGES:
        missing = len(missing_texts(required, code))
        rows.append(
            {
                "language": code,
                "name": name,
                "is_original": code in originals,
                "translated": len(required) - missing,
                "total": len(required),
                "missing": missing,
            }
        )
    return rows


def missing_texts(texts, language):
    """The texts of `texts` the report needs and `language` has no version of: the one count of what is
    missing, which the admin's table, the aligned view's list and an export's note all give."""
    return [text for text in texts if text.required and not text.value(language).strip()]
