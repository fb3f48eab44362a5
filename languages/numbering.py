"""How each language's UN documents number and letter chapters, sections, paragraphs and subparagraphs.

The numbers themselves are decided once for all six versions (the report builder owns them), so that
paragraph 42 is paragraph 42 in all six; this module only writes a number as each language writes it.
"""

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
