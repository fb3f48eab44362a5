"""Dates, spans of days and meeting ordinals as each language's UN documents write them: one formatter for
the report, the site and the admin.

English is written as the reference report writes it ("26 March 2019", "from 26 to 28 March 2019",
"20–27 April 2020", "1st").

Babel's CLDR data gives the month names and the long date where it matches UN usage (Spanish
"26 de marzo de 2019", French "26 mars 2019", Chinese "2019年3月26日"); a small table covers where
UN usage differs: Arabic names each month twice ("آذار/مارس"), Russian writes "года" after the
year, French writes the first day "1er". The words around a span ("from … to", "del … al")
come from the catalogues, so the sentences that hold a date stay translatable.
"""

from babel.dates import format_date
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.translation import pgettext

# UN Arabic names the month by its Levantine and its Egyptian name (UN Arabic spells June and
# July "يونيه", "يوليه").
ARABIC_MONTHS = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
]
# "At its 1st meeting": Spanish "1ª sesión" and French "1re séance" are feminine; Russian
# "на своем 1-м заседании" is in the prepositional case; Arabic "جلستها الأولى" uses the
# feminine ordinal word. Chinese writes "第1次会议", from the plain number.
ARABIC_FEMININE_ORDINALS = [
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
    "الحادية عشرة",
    "الثانية عشرة",
]


def day(value, language):
    if language == "fr" and value.day == 1:
        return "1er"
    return str(value.day)


def month(value, language):
    if language == "ar":
        return ARABIC_MONTHS[value.month - 1]
    return format_date(value, "MMMM", locale=language)


def year(value, language):
    return f"{value.year} года" if language == "ru" else str(value.year)


def long_date(value, language="en"):
    """ "26 March 2019", "26 de marzo de 2019", "26 آذار/مارس 2019", "2019年3月26日", "26 марта 2019 года"."""
    if language == "en":
        with translation.override("en"):  # the English date line of an Arabic, Chinese or Russian masthead
            return django_long_date(value)
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    if language == "es":
        return f"{value.day} de {month(value, language)} de {value.year}"
    return f"{day(value, language)} {month(value, language)} {year(value, language)}"


def day_and_month(value, language="en"):
    """ "26 March", "26 de marzo", "26 марта", "26 آذار/مارس", "3月26日": a day of a year the page has said."""
    if language == "en":
        return f"{value.day} {format_date(value, 'MMMM', locale='en')}"
    if language == "zh":
        return f"{value.month}月{value.day}日"
    if language == "es":
        return f"{value.day} de {month(value, language)}"
    if language == "ru":
        return f"{value.day} {format_date(value, 'MMMM', locale='ru')}"  # CLDR's format form: the genitive
    return f"{day(value, language)} {month(value, language)}"


def weekday(value, language="en"):
    """The day of the week as the language names it (CLDR): "Tuesday", "mardi", "вторник", "الثلاثاء", "星期二"."""
    return format_date(value, "EEEE", locale=language)


def with_weekday(value, language="en", *, year=True):
    """ "Tuesday, 26 March 2019", "martes 26 de marzo de 2019", "2019年3月26日星期二": a day of the programme."""
    date = long_date(value, language) if year else day_and_month(value, language)
    return pgettext("date with its weekday", "%(weekday)s, %(date)s") % {
        "weekday": weekday(value, language),
        "date": date,
    }


def range_ends(start, end, language):
    """The two ends of a span, each without what the other end already says.

    Most languages drop the shared month and year from the first day ("26" … "28 March 2019");
    Chinese writes the year and month once, first ("2019年3月26日" … "28日").
    """
    if language == "zh":
        if start.year != end.year:
            return long_date(start, language), long_date(end, language)
        if start.month != end.month:
            return long_date(start, language), f"{end.month}月{end.day}日"
        return long_date(start, language), f"{end.day}日"
    if start.year != end.year:
        return long_date(start, language), long_date(end, language)
    if start.month != end.month:
        if language == "es":
            return f"{start.day} de {month(start, language)}", long_date(end, language)
        return f"{day(start, language)} {month(start, language)}", long_date(end, language)
    return day(start, language), long_date(end, language)


def date_range(start, end, language="en", *, style="words"):
    """A span of days in a sentence ("from 26 to 28 March 2019", "del 26 al 28 de marzo de 2019")
    or, with style="dash", on a title line ("20–27 April 2020", "20 a 27 de abril de 2020")."""
    if language == "en":
        with translation.override("en"):
            return django_date_range(start, end, style=style)
    if start == end:
        if style == "words":
            return pgettext("report date", "on %(date)s") % {"date": long_date(start, language)}
        return long_date(start, language)
    first, last = range_ends(start, end, language)
    if style == "words":
        return pgettext("report date range", "from %(start)s to %(end)s") % {"start": first, "end": last}
    return pgettext("report date range, short", "%(start)s–%(end)s") % {"start": first, "end": last}


def meeting_ordinal(number, language="en"):
    """The ordinal of a plenary meeting as the sentence "At its … meeting" needs it in the language."""
    if language == "es":
        return f"{number}ª"
    if language == "fr":
        return "1re" if number == 1 else f"{number}e"
    if language == "ru":
        return f"{number}-м"
    if language == "ar" and number <= len(ARABIC_FEMININE_ORDINALS):
        return ARABIC_FEMININE_ORDINALS[number - 1]
    if language in ("ar", "zh"):
        return str(number)
    return ordinal(number)


def session_ordinal(number, language="en"):
    """The ordinal that names a plenary meeting on its own ("1st meeting", "1ª sesión", "1re séance",
    "1-е заседание", "الجلسة الأولى", "第1次会议"), where the sentence of the report needs another case."""
    if language == "ru":
        return f"{number}-е"
    if language == "zh":
        return f"第{number}次"
    return meeting_ordinal(number, language)


def ordinal(number):
    """The English ordinal: 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


# English as Django formats it (under English): the reference report's "26 March 2019".


def django_long_date(day):
    return date_format(day, "j F Y")


def django_date_range(start, end, *, style="words"):
    """A span of days, either "from 26 to 28 March 2019" (style="words") or "26–28 March 2019" (style="dash")."""
    if start == end:
        return ("on " if style == "words" else "") + django_long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        first = date_format(start, "j")
    elif start.year == end.year:
        first = date_format(start, "j F")
    else:
        first = django_long_date(start)
    if style == "words":
        return f"from {first} to {django_long_date(end)}"
    return f"{first}–{django_long_date(end)}"
