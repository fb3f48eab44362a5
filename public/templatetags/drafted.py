"""Drafted text (annotations, titles) with the report's light markup, for the public pages."""

from django import template

from report.markup import parse_inlines
from report.renderers.html import inlines_html

register = template.Library()


@register.filter
def drafted(text):
    """*Italics* and [symbols] as the report shows them; everything else escaped."""
    return inlines_html(parse_inlines(text or ""))
