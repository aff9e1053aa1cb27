"""Name normalisation shared by the parser and the geography."""

import unicodedata


def name_key(text: str) -> str:
    """Return a comparison key: case-folded, accents and every non-alphanumeric removed.

    ``"Zwol-le"``, ``"ZWOLLE"`` and ``"Zwolle "`` all give ``"zwolle"``; the layout
    hyphenates names to fit its columns, so hyphens and spaces must not matter.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())
