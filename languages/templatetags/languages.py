"""The languages room's filters for templates: dates as the reader's language writes them in UN documents."""

from django import template
from django.utils.translation import get_language

from languages import long_date, report_language

register = template.Library()


@register.filter
def un_date(value):
    """ "26 March 2019", "26 марта 2019 года", "26 de marzo de 2019", "26 آذار/مارس 2019", "2019年3月26日";
    Django's "j F Y" gives Russian the nominative month ("26 Март 2019")."""
    return long_date(value, report_language(get_language()) or "en")
