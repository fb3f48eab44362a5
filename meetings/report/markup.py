"""The light inline markup of drafted text: *italics* and [document symbols]."""

import re

from meetings.report.document import Emphasis, Symbol, Text

MARKUP = re.compile(r"\*(?P<emphasis>[^*]+)\*|\[(?P<symbol>[^\]]+)\]")


def parse_inlines(source):
    """Split drafted text into a tuple of Text, Emphasis and Symbol inlines."""
    inlines = []
    position = 0
    for match in MARKUP.finditer(source):
        if match.start() > position:
            inlines.append(Text(source[position : match.start()]))
        if match["emphasis"] is not None:
            inlines.append(Emphasis(match["emphasis"]))
        else:
            inlines.append(Symbol(match["symbol"].strip()))
        position = match.end()
    if position < len(source):
        inlines.append(Text(source[position:]))
    return tuple(inlines)
