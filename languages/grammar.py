"""Names put into a sentence in the form the sentence needs.

A few report sentences take a name (the meeting, the Congress, the region, a city) that some
languages change inside a sentence:
- Russian declines it: "состоявшегося в Бейруте", "к четырнадцатому Конгрессу". The translation
  asks for the case after a colon: "{city:loct}", "{congress:datv}" (pymorphy3's case names: nomn,
  gent, datv, accs, ablt, loct), and `fill` declines the name with pymorphy3's Russian dictionary.
- French and Russian write an ordinal that opens a title in lower case inside a sentence
  ("pour le quatorzième Congrès"); English keeps "Fourteenth".

These sentences are brace templates ("{meeting}"), marked no-python-brace-format where they are
written, because gettext's check does not know the case suffix; tests/test_catalogues.py checks
them instead (same names as the English, known cases only).
"""

import functools
import re
import string

CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})

# Words that agree with the noun they precede, and the noun itself: what declines at a name's start.
DECLINING = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
FRENCH_ORDINAL = re.compile(r"(premier|première|\w+ième)$", re.IGNORECASE)


@functools.cache
def _russian():
    import pymorphy3  # loaded once, on the first Russian sentence (its dictionary takes about 15 MB)

    return pymorphy3.MorphAnalyzer(lang="ru")


def fill(template, language, **names):
    """The template with its names in place, each in the case its placeholder asks for."""
    parts = []
    for literal, field, case, _conversion in string.Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        if case and case not in CASES:
            raise ValueError(f"Unknown case {case!r} in {template!r}")
        text = str(names[field])
        if case and language == "ru":
            text = decline(text, case)
        if "".join(parts).strip():
            text = in_running_text(text, language)
        parts.append(text)
    return "".join(parts)


def in_running_text(title, language):
    """A title inside a sentence: French and Russian write an opening ordinal in lower case."""
    first = title.split(" ", 1)[0]
    if language == "fr" and FRENCH_ORDINAL.fullmatch(first):
        return title[0].lower() + title[1:]
    if language == "ru" and first.isalpha() and any("Anum" in parse.tag for parse in _russian().parse(first)):
        return title[0].lower() + title[1:]
    return title


def decline(phrase, case):
    """A Russian name in the nominative, put in `case`.

    The words that agree at its start decline up to and including their noun ("Западная Азия" →
    "Западной Азии"); what follows the noun is governed by it and stays ("Конгресс Организации
    Объединенных Наций"), except a second name joined by "и" ("Азия и Тихий океан" → "Азии и
    Тихого океана"). A word the dictionary does not know stays as written, which is right for the
    foreign names Russian does not decline (Сан-Хосе, Киото).
    """
    words = phrase.split(" ")
    declining = True
    for index, word in enumerate(words):
        if not declining:
            if word == "и" and index + 1 < len(words):
                declining = True
            continue
        declined, was_noun = _decline_word(word, case)
        if declined is None:
            break
        words[index] = declined
        if was_noun:
            declining = False
    return " ".join(words)


def _decline_word(word, case):
    """(the word in `case`, whether it is a noun), or (None, False) when it does not decline here."""
    morph = _russian()
    if not re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", word) or not morph.word_is_known(word):
        return None, False
    for parse in morph.parse(word):
        if parse.tag.POS in DECLINING and parse.tag.case == "nomn":
            if "Fixd" in parse.tag:  # an indeclinable name
                return word, parse.tag.POS == "NOUN"
            inflected = parse.inflect({case})
            if inflected is None:
                return None, False
            return _with_capitals_of(word, inflected.word), parse.tag.POS == "NOUN"
    return None, False


def _with_capitals_of(original, declined):
    """pymorphy3 answers in lower case: give each part of a hyphenated name its capital back."""
    parts = declined.split("-")
    for index, part in enumerate(original.split("-")[: len(parts)]):
        if part[:1].isupper():
            parts[index] = parts[index][:1].upper() + parts[index][1:]
    return "-".join(parts)
