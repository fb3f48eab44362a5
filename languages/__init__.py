"""The six official languages: one home for everything that differs between the language versions.

What the report builder, the site's templates (the `languages` template library) and the admin use:

- codes: `REPORT_LANGUAGES`, `report_language("zh-hans") == "zh"`, `django_language`, `field_suffix("zh") ==
  "zh_hans"` (modeltranslation's copy of a field), `direction`;
- dates and ordinals: `long_date(day, language)`, `date_range(start, end, language, style=…)`,
  `meeting_ordinal(number, language)`;
- numbering: `chapter_label`, `section_label`, `number_label`, `subparagraph_label`, `annex_number`, `letter`;
- writing: `list_punctuation`, `sentence_space`; collation: `sorted_names(names, language)`;
- grammar: `fill(template, language, **names)` puts names into a sentence in the case it needs (Russian).

Submodules hold the rest: `languages.versions` (which languages a text has), `languages.xliff` (the
translators' exchange format), `languages.admin` (an admin form's fields in the original language first),
`languages.names` (UN names of States and organizations in six languages). The words themselves are in the
gettext catalogues (locale/), never here. This package imports no application of the project.
"""

from languages.codes import (
    COPY_LANGUAGES,
    JOB_NUMBER_LETTERS,
    REPORT_LANGUAGES,
    direction,
    django_language,
    field_suffix,
    report_language,
)
from languages.collation import collator, sorted_names
from languages.dates import date_range, long_date, meeting_ordinal, ordinal
from languages.grammar import fill
from languages.numbering import (
    annex_number,
    chapter_anchor,
    chapter_label,
    letter,
    number_label,
    section_label,
    subparagraph_label,
)
from languages.writing import list_punctuation, sentence_space

__all__ = [
    "COPY_LANGUAGES",
    "JOB_NUMBER_LETTERS",
    "REPORT_LANGUAGES",
    "annex_number",
    "chapter_anchor",
    "chapter_label",
    "collator",
    "date_range",
    "direction",
    "django_language",
    "field_suffix",
    "fill",
    "letter",
    "list_punctuation",
    "long_date",
    "meeting_ordinal",
    "number_label",
    "ordinal",
    "report_language",
    "section_label",
    "sentence_space",
    "sorted_names",
    "subparagraph_label",
]
