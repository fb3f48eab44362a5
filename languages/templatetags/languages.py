"""The languages room's template library: dates as the reader's language writes them in UN documents, and a
record's text in the reader's language, or else in its original, marked as such."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext

from languages import date_range, direction, django_language, long_date, report_language
from languages.codes import original_mark
from languages.dates import day_and_month, with_weekday
from languages.versions import shown_text

register = template.Library()


def page_language():
    return report_language(get_language()) or "en"


@register.filter
def un_date(value):
    """ "26 March 2019", "26 марта 2019 года", "26 de marzo de 2019", "26 آذار/مارس 2019", "2019年3月26日";
    Django's "j F Y" gives Russian the nominative month ("26 Март 2019")."""
    return long_date(value, page_language())


def marked_as_original(html, language):
    """Text shown in its original `language` on a page of another: its own lang and dir, and a visible mark."""
    return format_html(
        '<span lang="{}" dir="{}">{}</span> <span class="original-mark">({})</span>',
        django_language(language),
        direction(language),
        html,
        original_mark(language),
    )


@register.simple_tag
def text_of(record, field, plain=False):
    """{% text_of meeting "region" %}: the record's text in the page's language, or else its original's, marked
    (with plain=True, as bare text, for a page's <title>)."""
    language = page_language()
    text, shown_in = shown_text(record, field, language)
    if plain or not text or shown_in == language:
        return text
    return marked_as_original(text, shown_in)


@register.simple_tag
def venue_of(meeting):
    """ "Beirut, Lebanon" as the page's language writes a city and its country (Arabic "بيروت، لبنان")."""
    return format_html(
        pgettext("site", "%(city)s, %(country)s").replace("%(city)s", "{city}").replace("%(country)s", "{country}"),
        city=text_of(meeting, "venue_city"),
        country=text_of(meeting.venue_country, "name"),
    )


@register.simple_tag
def un_date_range(start, end):
    """ "26–28 March 2019", "26 a 28 de marzo de 2019", "2019年3月26日至28日": a span of days in the page's language."""
    return date_range(start, end, page_language(), style="dash")


@register.filter
def un_weekday(value, year=True):
    """ "Tuesday, 26 March 2019" ({{ day|un_weekday }}), or without the year ({{ day|un_weekday:False }})."""
    return with_weekday(value, page_language(), year=year)


@register.filter
def un_day_month(value):
    """ "26 March", "26 de marzo", "3月26日": a day of a year the page has already said."""
    return day_and_month(value, page_language())


@register.simple_tag
def in_original(text, language):
    """{% in_original entry.text entry.text_language %}: a text given in its original language, marked as such."""
    return marked_as_original(text, language)
