"""The six official languages of the United Nations and the codes that name them.

Three spellings of a language meet in Rapporteur: a meeting's original language and a report's version are
ISO 639-1 ("zh"); the site's language prefix and Django's active language are Django's ("zh-hans"); and
modeltranslation's copy of a field in that language ends in its suffix (title_zh_hans). The functions here
turn one into another, so that no other module spells "zh-hans" itself.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# A report's language as the Meeting model stores it (ISO 639-1), in the UN's order of languages.
REPORT_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


class Language(models.TextChoices):
    """A language a report is drafted or issued in, as a meeting stores it (its original language, a file's)."""

    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


# The site's language codes (settings.LANGUAGES) where they differ from the report's.
DJANGO_LANGUAGES = {"zh": "zh-hans"}
RIGHT_TO_LEFT = {"ar"}
# The letter after a job number names the version's language: V.19-02154 (S) is the Spanish one.
JOB_NUMBER_LETTERS = {"en": "E", "es": "S", "fr": "F", "ar": "A", "zh": "C", "ru": "R"}

# The language suffixes of the copies modeltranslation adds to a translated field (title_ar, title_zh_hans …),
# in the order of settings.LANGUAGES.
COPY_LANGUAGES = tuple(code.replace("-", "_") for code, _name in settings.LANGUAGES)
# (copy suffix, language name) in the order of settings.LANGUAGES.
LANGUAGES = [(code.replace("-", "_"), name) for code, name in settings.LANGUAGES]


def django_language(language):
    """The site's language code for a report language: "zh" → "zh-hans"."""
    return DJANGO_LANGUAGES.get(language, language)


def report_language(code):
    """The report language for a site language code or a copy's suffix: "zh-hans", "zh_hans" → "zh"; None
    for a language Rapporteur has no version in."""
    code = (code or "").lower().replace("_", "-")
    for language in REPORT_LANGUAGES:
        if code == language or code == django_language(language):
            return language
    return None


def field_suffix(language):
    """The suffix of modeltranslation's copy in a language, given as a report or a site code: "zh" or "zh-hans"
    → "zh_hans" (title_zh_hans)."""
    return django_language(language).replace("-", "_")


def direction(language):
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def language_name(language):
    """The name of a language in the active one, as it stands inside a sentence: "English", "inglés", "anglais",
    "английский" (Django's names are capitalised for a menu; only English writes them so in running text)."""
    from django.utils import translation

    name = str(translation.get_language_info(django_language(language))["name_translated"])
    return name if (translation.get_language() or "en").startswith("en") else name[:1].lower() + name[1:]


def original_mark(language):
    """The words that mark a text given in its original `language` on a page or in a file of another, in the
    active language: "original in English", "original en anglais"."""
    from django.utils.translation import pgettext

    return pgettext("site", "original in %(language)s") % {"language": language_name(language)}
