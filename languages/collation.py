"""Alphabetical order as each language's UN documents sort names: ICU's collation (CLDR), not code points."""

import icu


def collator(language):
    """The language's alphabetical order (ICU/CLDR), for lists of States and organizations."""
    locale = {"zh": "zh@collation=pinyin"}.get(language, language)
    return icu.Collator.createInstance(icu.Locale(locale))


def sorted_names(names, language):
    return sorted(names, key=collator(language).getSortKey)
