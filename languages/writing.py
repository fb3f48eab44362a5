"""Punctuation and spacing that belong to a language's script rather than to any one sentence."""

LIST_END = {"zh": ("；", "。"), "ar": ("؛", ".")}
SENTENCE_SPACE = {"zh": ""}


def list_punctuation(language):
    """(after an entry, after the last entry) of a list of recommendations or agenda sub-items."""
    return LIST_END.get(language, (";", "."))


def sentence_space(language):
    """What separates two sentences of one paragraph: Chinese sets none after "。"."""
    return SENTENCE_SPACE.get(language, " ")
