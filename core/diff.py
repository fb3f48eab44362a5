"""A word-level diff of two texts, as HTML a person can read: removed words struck, added words marked."""

import difflib

from django.utils.html import escape
from django.utils.safestring import mark_safe

# difflib's matching grows with the product of the two texts' lengths: beyond this many word pairs (two
# texts of about 1,400 words each), the texts are compared by their common beginning and end only.
MAX_WORD_PAIRS = 2_000_000


def word_diff(old, new):
    """(old, new) as HTML: the old text with <del> on what went, the new with <ins> on what came."""
    old_words, new_words = str(old).split(), str(new).split()
    old_html, new_html = [], []
    if len(old_words) * len(new_words) > MAX_WORD_PAIRS:
        opcodes = _ends_only(old_words, new_words)
    else:
        opcodes = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        removed, added = " ".join(old_words[i1:i2]), " ".join(new_words[j1:j2])
        if tag == "equal":
            old_html.append(escape(removed))
            new_html.append(escape(added))
            continue
        if removed:
            old_html.append(f"<del>{escape(removed)}</del>")
        if added:
            new_html.append(f"<ins>{escape(added)}</ins>")
    return mark_safe(" ".join(old_html)), mark_safe(" ".join(new_html))  # noqa: S308 - every piece is escaped


def _ends_only(old, new):
    """Opcodes in linear time: the common first and last words kept, everything between replaced."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    opcodes = [
        ("equal", 0, start, 0, start),
        ("replace", start, len(old) - end, start, len(new) - end),
        ("equal", len(old) - end, len(old), len(new) - end, len(new)),
    ]
    return [opcode for opcode in opcodes if opcode[1] != opcode[2] or opcode[3] != opcode[4]]


def marked_word_diff(old, new):
    """word_diff's two texts, with what went and what came also said in words: [- -] inside <del>, [+ +] inside
    <ins>. Struck and underlined words are lost in black-and-white print, and a screen reader says neither."""
    old_html, new_html = word_diff(old, new)
    old_html = old_html.replace("<del>", "<del>[-\u00a0").replace("</del>", "\u00a0-]</del>")
    new_html = new_html.replace("<ins>", "<ins>[+\u00a0").replace("</ins>", "\u00a0+]</ins>")
    return mark_safe(old_html), mark_safe(new_html)  # noqa: S308 - word_diff escaped every word
