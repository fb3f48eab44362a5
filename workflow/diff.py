"""A word-level diff of two texts, as HTML a person can read: removed words struck, added words marked."""

import difflib

from django.utils.html import escape
from django.utils.safestring import mark_safe


def word_diff(old, new):
    """(old, new) as HTML: the old text with <del> on what went, the new with <ins> on what came."""
    old_words, new_words = str(old).split(), str(new).split()
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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
