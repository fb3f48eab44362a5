"""The light inline markup of drafted text: *italics* and [document symbols]."""

import re

from report.document import Emphasis, Symbol, Text

MARKUP = re.compile(r"\*(?P<emphasis>[^*]+)\*|\[(?P<symbol>[^\]]+)\]")


# "resolution 71/206", "resolutions 65/230 and 71/206": General Assembly resolutions cited by number,
# which become links as the symbols in brackets do.
RESOLUTION_NUMBER = re.compile(r"\d{1,3}/\d{1,4}")
CITED = re.compile(r"\bresolutions? \d{1,3}/\d{1,4}(?:(?:, | and )\d{1,3}/\d{1,4})*\b")


def text_inlines(text):
    """A text run, with the resolutions it cites by number as Symbol inlines."""
    inlines = []
    position = 0
    for citation in CITED.finditer(text):
        for match in RESOLUTION_NUMBER.finditer(text, citation.start(), citation.end()):
            if match.start() > position:
                inlines.append(Text(text[position : match.start()]))
            inlines.append(Symbol(match[0]))
            position = match.end()
    if position < len(text):
        inlines.append(Text(text[position:]))
    return inlines


def parse_inlines(source):
    """Split drafted text into a tuple of Text, Emphasis and Symbol inlines."""
    inlines = []
    position = 0
    for match in MARKUP.finditer(source):
        if match.start() > position:
            inlines.extend(text_inlines(source[position : match.start()]))
        if match["emphasis"] is not None:
            inlines.append(Emphasis(match["emphasis"]))
        else:
            inlines.append(Symbol(match["symbol"].strip()))
        position = match.end()
    if position < len(source):
        inlines.extend(text_inlines(source[position:]))
    return tuple(inlines)
