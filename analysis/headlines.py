"""The rules for a page's answer sentence (its headline): at most 30 words, key figure first.

A workshop room reads the answer from a projector; a sentence longer than 30 words runs
to three lines and loses the room. :func:`fitting` picks the fullest wording that fits.
"""

import re

#: The most words a page's answer may have.
MAX_WORDS = 30


def word_count(text: str) -> int:
    """Words as a reader counts them: Markdown marks and lone punctuation (``→``, ``(?)``) do not count."""
    return len([word for word in re.sub(r"[*_`]", "", text).split() if re.search(r"\w", word)])


def fitting(*candidates: str, limit: int = MAX_WORDS) -> str:
    """The first of ``candidates`` (fullest first) with at most ``limit`` words, else the last one."""
    if not candidates:
        raise ValueError("fitting needs at least one candidate sentence")
    return next((c for c in candidates if word_count(c) <= limit), candidates[-1])
