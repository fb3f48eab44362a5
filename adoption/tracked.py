"""The agreed amendments of a paragraph as tracked changes: the issued text's words, each kept, deleted or
inserted, with who changed it and when; what the Word file writes as w:ins and w:del and the PDF underlines
and strikes through."""

import difflib
import re
from dataclasses import dataclass

KEPT, INSERTED, DELETED = "kept", "inserted", "deleted"

# A word with the spaces after it; a Chinese or Japanese character is a word of its own (those scripts put no
# spaces between words), as is a run of spaces that starts a text.
IDEOGRAPH = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
TOKEN = re.compile(rf"[{IDEOGRAPH}]\s*|[^\s{IDEOGRAPH}]+\s*|\s+")


@dataclass(frozen=True)
class Word:
    text: str  # with the spaces that follow it
    state: str = KEPT
    author: str = ""
    date: str = ""  # ISO 8601, as w:date takes it
    # How the text is set, as the caller's segments named it (None: plain; the report's renderers name italics and
    # document symbols): a word set otherwise in a revision is a word changed.
    style: object = None


def tokens(text):
    """The words of a text with their spaces; the last takes one too (unless it is an ideograph), so that a word
    put after it stays a word of its own."""
    found = TOKEN.findall(text)
    if found and not found[-1][-1].isspace() and not re.match(f"[{IDEOGRAPH}]", found[-1]):
        found[-1] += " "
    return found


def styled_tokens(text):
    """The words of a text given as a string (plain) or as [(text, style)] segments: [(word, style)].

    The words are those of the whole text read plain (`tokens`), cut where the style changes: "*Agenda*, " is
    the word "Agenda" in italics and ", " plain. The space `tokens` adds after the last word is plain."""
    segments = [(text, None)] if isinstance(text, str) else [(part, style) for part, style in text if part]
    styles = [style for part, style in segments for _character in part]
    result, position = [], 0
    for token in tokens("".join(part for part, _style in segments)):
        piece, piece_style = "", None
        for character in token:
            style = styles[position] if position < len(styles) else None  # past the end: the space tokens added
            if piece and style != piece_style:
                result.append((piece, piece_style))
                piece = ""
            if not piece:
                piece_style = style
            piece += character
            position += 1
        if piece:
            result.append((piece, piece_style))
    return result


def tracked_words(issued, revisions):
    """The words of `issued` and of each revision in turn, marked by the revision that inserted or deleted them.

    `revisions` is [(text after it, author, ISO date)], in the order agreed; each text a string or [(text, style)]
    segments (`styled_tokens`), each word keeping its style. The words not deleted read as the last revision; the
    words not inserted read as the issued text. A word one revision inserted and a later one deleted is gone from
    both, as Word shows it once the first change is accepted.
    """
    words = [Word(token, style=style) for token, style in styled_tokens(issued)]
    for text, author, date in revisions:
        live = [index for index, word in enumerate(words) if word.state != DELETED]
        new = styled_tokens(text)
        matcher = difflib.SequenceMatcher(
            a=[(words[i].text.strip(), words[i].style) for i in live],
            b=[(token.strip(), style) for token, style in new],
            autojunk=False,
        )
        result, cursor = [], 0
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            start = live[i1] if i1 < len(live) else len(words)
            end = live[i2 - 1] + 1 if i2 > i1 else start
            result.extend(words[cursor:start])  # words deleted before, where they stood
            cursor = end
            for index in range(start, end):
                word = words[index]
                if tag == "equal" or word.state == DELETED:
                    result.append(word)
                elif word.state == KEPT:
                    result.append(Word(word.text, DELETED, author, date, word.style))
                # else: a word an earlier revision inserted, deleted now, is simply gone
            if tag != "equal":
                result.extend(Word(token, INSERTED, author, date, style) for token, style in new[j1:j2])
        result.extend(words[cursor:])
        words = result
    return words


def runs(words):
    """Consecutive words of the same state, author, date and style joined: [(text, state, author, date, style)]."""
    result = []
    for word in words:
        key = (word.state, word.author, word.date, word.style)
        if result and result[-1][1:] == key:
            result[-1] = (result[-1][0] + word.text, *key)
        else:
            result.append((word.text, *key))
    if result:
        result[-1] = (result[-1][0].rstrip(), *result[-1][1:])
    return result


def reads_as(words, *, before=False):
    """The text the words read as: after every change, or (before=True) as issued."""
    skipped = INSERTED if before else DELETED
    return "".join(word.text for word in words if word.state != skipped).rstrip()
