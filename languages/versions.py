"""The language versions of texts: which languages a text has, and how many of a set of texts each has.

A *text* is one translated field of one record (a report paragraph's `text`, an agenda item's `title`):
modeltranslation keeps one copy of it per language (text_en, text_es …). `Text` reads and writes the copy of a
named language, never the copy that follows the active language. Which texts make up a meeting's report is
the report's knowledge (report/language_versions.py); what is counted here is the same for any set.
"""

from dataclasses import dataclass

from languages.codes import LANGUAGES, field_suffix


@dataclass(frozen=True)
class Text:
    record: object
    field: str
    where: str  # where the text stands in the report, for people

    @property
    def unit_id(self):
        return f"{self.record._meta.label_lower}.{self.record.pk}.{self.field}"

    def value(self, language):
        return getattr(self.record, f"{self.field}_{field_suffix(language)}") or ""

    def set_value(self, language, value):
        setattr(self.record, f"{self.field}_{field_suffix(language)}", value)


def translation_status(texts, original):
    """Per language, in the order of settings.LANGUAGES: how many of `texts` it has.

    [{"language": "es", "name": "Spanish", "is_original": False, "translated": 12, "total": 40,
      "missing": 28}, …]; the original language (a copy suffix, "en") counts as the source (its "translated"
    is the texts drafted so far).
    """
    rows = []
    for code, name in LANGUAGES:
        translated = sum(1 for text in texts if text.value(code).strip())
        rows.append(
            {
                "language": code,
                "name": name,
                "is_original": code == original,
                "translated": translated,
                "total": len(texts),
                "missing": len(texts) - translated,
            }
        )
    return rows
