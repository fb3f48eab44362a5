"""Control characters: removed from every text as it is saved, and from every document tree as it is exported.

Text pasted from Word can carry characters such as \\x0b (a manual line break) or \\x01 that no XML document
may hold: one in any field made the Word and Akoma Ntoso exports fail for everyone. Tab, line feed and
carriage return stay.

The same one rule, for the admin's forms and every import alike (they all save), also
- removes the bidirectional embeddings and overrides, and isolates left open (see CONTROL_CHARACTERS);
- writes character references (&eacute;, &#233;, &#xE9;) as the characters they name: text copied from a web
  page, or an XLIFF file that escaped its text twice, otherwise showed "&eacute;" to every reader, and a
  reference must not smuggle in a character this rule removes (&#x202E;).
"""

import dataclasses
import html
import re

from django.db import models

from core.history import translated_fields

# Bidirectional controls. LRE, RLE, PDF, LRO and RLO (U+202A–U+202E) change the direction of what follows
# them to the end of the paragraph, beyond the field they were typed in: an RLO in a name turns the rest of
# the line backwards, and shows a file "report\u202etxt.exe" as "reportexe.txt". Unicode's algorithm (UAX #9)
# advises isolates instead, and no text of a UN report needs them: they are removed.
# Kept: the marks LRM, RLM and ALM (U+200E, U+200F, U+061C), which Arabic text uses to place punctuation and
# numbers, and the isolates LRI, RLI, FSI with their PDI (U+2066–U+2069), which set a name of the other
# direction apart without touching what surrounds it, as long as each is closed within the text; one left
# open (or a PDI that closes nothing) would reach past the field, so it is removed.
EMBEDDINGS_AND_OVERRIDES = "\u202a-\u202e"
ISOLATE_OPENERS = "\u2066\u2067\u2068"
ISOLATE_CLOSER = "\u2069"
CONTROL_CHARACTERS = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff{EMBEDDINGS_AND_OVERRIDES}"
    f"{ISOLATE_OPENERS}{ISOLATE_CLOSER}]"
)
ALWAYS_REMOVED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff{EMBEDDINGS_AND_OVERRIDES}]")
# A character reference, as HTML names it (with its semicolon: "AT&T" or "&c" are left alone).
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# The project's own apps: their text is what the report and the site are written from.
APPS = {"congress", "meetings", "recommendations", "workflow"}


def balanced_isolates(text):
    """The text without the isolates that are not closed within it (see the comment on CONTROL_CHARACTERS)."""
    open_at, unmatched = [], set()
    for index, character in enumerate(text):
        if character in ISOLATE_OPENERS:
            open_at.append(index)
        elif character == ISOLATE_CLOSER:
            if open_at:
                open_at.pop()
            else:
                unmatched.add(index)
    unmatched.update(open_at)
    if not unmatched:
        return text
    return "".join(character for index, character in enumerate(text) if index not in unmatched)


def without_control_characters(text):
    text = ALWAYS_REMOVED.sub("", text)
    if ISOLATE_CLOSER in text or any(opener in text for opener in ISOLATE_OPENERS):
        text = balanced_isolates(text)
    return text


def character_of(match):
    """The character a reference names; nothing for a number that names none (html.unescape's U+FFFD)."""
    reference = match.group()
    character = html.unescape(reference)
    if character == "\ufffd" and reference.lower() not in ("&#xfffd;", "&#65533;"):
        return ""
    return character


def clean_text(text):
    """A text as it is kept: references written as their characters, then without control characters."""
    if "&" in text:
        text = REFERENCE.sub(character_of, text)
    return without_control_characters(text) if CONTROL_CHARACTERS.search(text) else text


def clean_on_save(sender, instance, **kwargs):
    """pre_save: a record of the project's apps keeps no control character in any of its texts."""
    if sender._meta.app_label not in APPS:
        return
    # A translated field's own name opens the active language's copy: each copy is cleaned as a field of its own.
    doors = set(translated_fields(sender))
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and field.name not in doors:
            value = getattr(instance, field.attname, None)
            if isinstance(value, str) and (cleaned_value := clean_text(value)) != value:
                setattr(instance, field.attname, cleaned_value)


def cleaned(node):
    """A document tree (dataclasses, lists, strings) without control characters, whatever was stored before."""
    if isinstance(node, str):
        return without_control_characters(node) if CONTROL_CHARACTERS.search(node) else node
    if isinstance(node, list):
        return [cleaned(item) for item in node]
    if isinstance(node, tuple):
        return tuple(cleaned(item) for item in node)
    if isinstance(node, dict):
        return {key: cleaned(value) for key, value in node.items()}
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {field.name: cleaned(getattr(node, field.name)) for field in dataclasses.fields(node) if field.init}
        return dataclasses.replace(node, **changes)
    return node


def exporting_cleaned(render):
    """Wraps a renderer so that the tree it writes holds no control character (one point for every export)."""

    def render_cleaned(report, *args, **kwargs):
        return render(cleaned(report), *args, **kwargs)

    render_cleaned.__wrapped__ = render
    return render_cleaned
