"""The "Hoe berekend?" box: the plain explanation of "marge" and the method details of a page.

Every question page with margins calls :func:`how_computed` once. Method names, the 95%
level, log scales and formulas appear only here; the rest of the screen says "marge".
"""

from collections.abc import Sequence

import streamlit as st

from analysis.methods import HOW_COMPUTED, MARGIN_SENTENCE, method_items

__all__ = ["HOW_COMPUTED", "MARGIN_SENTENCE", "how_computed", "how_computed_for"]


def how_computed(items: Sequence[str], *, margin: bool = True) -> None:
    """A folded box "Hoe berekend?": the sentence that explains "marge" (unless ``margin`` is False), then ``items``."""
    with st.expander(HOW_COMPUTED, icon=":material/calculate:"):
        if margin:
            st.markdown(MARGIN_SENTENCE)
        if items:
            st.markdown("\n".join(f"- {item}" for item in items))


def how_computed_for(slug: str) -> None:
    """The "Hoe berekend?" box of the page ``slug``, with its items from :func:`analysis.methods.method_items`."""
    how_computed(method_items(slug))
