"""What differs between the six language versions of a UN report apart from its words.

The words themselves are in the gettext catalogues (message context "report"); this module holds
the codes that name a version, its writing direction, and how each language's UN documents
number and letter chapters, sections, paragraphs and subparagraphs, so that paragraph 42 is
paragraph 42 in all six.
"""

import icu

# A report's language as the Meeting model stores it (ISO 639-1), in the UN's order of languages.
REPORT_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
# The site's language codes (settings.LANGUAGES) where they differ from the report's.
DJANGO_LANGUAGES = {"zh": "zh-hans"}
RIGHT_TO_LEFT = {"ar"}
# The letter after a job number names the version's language: V.19-02154 (S) is the Spanish one.
JOB_NUMBER_LETTERS = {"en": "E", "es": "S", "fr": "F", "ar": "A", "zh": "C", "ru": "R"}

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
# Arabic chapters are numbered with ordinal adverbs, sections with the names of the letters in
# abjad order, subparagraphs with the letters themselves (UN Arabic editorial practice).
ARABIC_ORDINAL_ADVERBS = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
]
ARABIC_LETTER_NAMES = ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم"]
ARABIC_LETTERS = [
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
]
# Arabic annexes: "المرفق الأول", "المرفق الثاني" …
ARABIC_ANNEX_ORDINALS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"]
CHINESE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Russian UN documents letter sections in the Latin sequence, so that "section D" is section D in every
# language (A/68/32: "A. Членский состав … D. Программа работы"; FCCC/CP/2010/7 runs to "I."), typed with
# the Cyrillic capital wherever one looks the same (А, В, С, Е, Н, К, М, О, Р, Т, Х), as a Russian keyboard
# gives them; D, F, G, I, J, L … are Latin.
RUSSIAN_SECTION_LETTERS = LATIN_LETTERS.translate(str.maketrans("ABCEHKMOPTX", "АВСЕНКМОРТХ"))


def django_language(language):
    """The site's language code for a report language: "zh" → "zh-hans"."""
    return DJANGO_LANGUAGES.get(language, language)


def report_language(django_code):
    """The report language for a site language code: "zh-hans" → "zh"; None for one of no version."""
    code = (django_code or "").lower()
    for language in REPORT_LANGUAGES:
        if code == language or code == django_language(language):
            return language
    return None


def field_suffix(language):
    """The suffix of modeltranslation's column for a language: "zh" → "zh_hans" (title_zh_hans)."""
    return django_language(language).replace("-", "_")


def direction(language):
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def _nth(sequence, index):
    return sequence[index] if index < len(sequence) else str(index + 1)


def chapter_label(index, language):
    """The label of chapter number index + 1: "I.", "أولا -", "一."."""
    if language == "ar":
        return f"{_nth(ARABIC_ORDINAL_ADVERBS, index)} -"
    if language == "zh":
        return f"{_nth(CHINESE_NUMERALS, index)}."
    return f"{_nth(ROMAN, index)}."


def chapter_anchor(index):
    """The same anchor in every language, so that a link to chapter III holds in all six."""
    return _nth(ROMAN, index)


def section_label(index, language):
    """The label of a chapter's section: "A.", "ألف -", Russian "А." (Cyrillic), "D." (Latin)."""
    if language == "ar":
        return f"{_nth(ARABIC_LETTER_NAMES, index)} -"
    if language == "ru":
        return f"{_nth(RUSSIAN_SECTION_LETTERS, index)}."
    return f"{_nth(LATIN_LETTERS, index)}."


def number_label(number, language):
    """A paragraph's or a sub-section's number: "12.", Arabic "12 -"."""
    return f"{number} -" if language == "ar" else f"{number}."


def letter(index):
    """a, b, … z, then aa, bb, … as UN documents continue the alphabet."""
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def subparagraph_label(index, language):
    """ "(a)" in English and Chinese; "a)" in French, Spanish and Russian (Latin letters); "(أ)" in Arabic."""
    if language == "ar":
        return f"({ARABIC_LETTERS[index % len(ARABIC_LETTERS)] * (index // len(ARABIC_LETTERS) + 1)})"
    if language in ("fr", "es", "ru"):
        return f"{letter(index)})"
    return f"({letter(index)})"


def annex_number(index, language):
    """What follows "Annex" for annex number index + 1: "I", Arabic "الأول", Chinese "一"."""
    if language == "ar":
        return _nth(ARABIC_ANNEX_ORDINALS, index)
    if language == "zh":
        return _nth(CHINESE_NUMERALS, index)
    return _nth(ROMAN, index)


# Punctuation and spacing that belong to the script rather than to any sentence.
LIST_END = {"zh": ("；", "。"), "ar": ("؛", ".")}
SENTENCE_SPACE = {"zh": ""}


def list_punctuation(language):
    """(after an entry, after the last entry) of a list of recommendations or agenda sub-items."""
    return LIST_END.get(language, (";", "."))


def sentence_space(language):
    """What separates two sentences of one paragraph: Chinese sets none after "。"."""
    return SENTENCE_SPACE.get(language, " ")


def collator(language):
    """The language's alphabetical order (ICU/CLDR), for lists of States and organizations."""
    locale = {"zh": "zh@collation=pinyin"}.get(language, language)
    return icu.Collator.createInstance(icu.Locale(locale))


def sorted_names(names, language):
    return sorted(names, key=collator(language).getSortKey)
