"""Drafted text (annotations, titles) with the report's light markup, for the public pages."""

from django import template

from languages.templatetags.languages import marked_as_original, page_language
from languages.versions import shown_text
from report.markup import parse_inlines
from report.renderers.html import inlines_html

register = template.Library()


@register.filter
def drafted(text):
    """*Italics* and [symbols] as the report shows them; everything else escaped."""
    return inlines_html(parse_inlines(text or ""))


@register.simple_tag
def drafted_text_of(record, field):
    """{% drafted_text_of item "annotation" %}: drafted text with its markup, in the page's language or else in
    its original, marked as such."""
    language = page_language()
    text, shown_in = shown_text(record, field, language)
    html = drafted(text)
    return html if not text or shown_in == language else marked_as_original(html, shown_in)
