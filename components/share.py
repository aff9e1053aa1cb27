"""The share box ('Deel deze weergave') and the notice for a link that was not fully understood."""

from collections.abc import Callable, Iterable

import streamlit as st

from analysis.links import inert_markdown, link_problems, notice_text, share_link
from components.controls import SHARE_OPEN_KEY, known_keys, recorded
from storage.repository import CODE_ALPHABET, CODE_LENGTH, normalise_code

_GIVEN_KEY = "_link_given"
_EXPECTED_KEY = "_link_expected"

#: Link parameters that are not controls but are read directly, with the values they accept.
FREE_VALUES: dict[str, tuple[str, ...]] = {"presentatie": ("1",)}
FREE_KEYS: tuple[str, ...] = tuple(FREE_VALUES)

#: The link key of the werksessie code (components.werksessie_views.CODE_KEY; a test checks).
SESSION_CODE_KEY = "sessie"


def is_session_code(value: str) -> bool:
    """True for a werksessie code as a person may type it: six letters and digits of the code alphabet.

    Spaces and dashes between them and small letters are fine (``k7q2-mx``); anything else,
    such as ``../../``, is no code, and the page ignores it.
    """
    if any(not (ch.isalnum() or ch in " -") for ch in value):
        return False
    code = normalise_code(value)
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


#: Values a control takes as they are but the page ignores unless they pass: each key's test.
VALUE_CHECKS: dict[str, Callable[[str], bool]] = {SESSION_CODE_KEY: is_session_code}


def remember_given_link() -> None:
    """Keep the parameters the address brought into this run (before any control reads them)."""
    st.session_state[_GIVEN_KEY] = {key: st.query_params.get_all(key) for key in st.query_params}
    st.session_state[_EXPECTED_KEY] = {}


def expect_link_values(key: str, values: Iterable[str]) -> None:
    """Declare the values a link key may hold on this page, also while its control is not shown.

    For a control the page draws only sometimes (the preview's tabs appear once the figures
    pass the check): a value outside ``values`` is then named in the link notice instead of
    being ignored without a word.
    """
    st.session_state.setdefault(_EXPECTED_KEY, {})[key] = [str(v) for v in values]


def extra_params() -> dict[str, list[str]]:
    """Free parameters present in the address that belong in a shared link too."""
    given = st.session_state.get(_GIVEN_KEY, {})
    return {key: given[key] for key in FREE_KEYS if key in given and set(given[key]) <= set(FREE_VALUES[key])}


def link_notice(slot: st.delta_generator.DeltaGenerator) -> None:
    """Fill ``slot`` with a short Dutch notice when part of the link was not understood."""
    expected = {**FREE_VALUES, **st.session_state.get(_EXPECTED_KEY, {})}
    problems = link_problems(
        st.session_state.get(_GIVEN_KEY, {}), recorded(), known_keys(), expected, VALUE_CHECKS
    )
    if problems:
        slot.warning(inert_markdown(notice_text(problems)), icon=":material/link_off:")


def current_link() -> str:
    """The full link to this view: every control's value, also where it equals its default."""
    return share_link(st.context.url, {**recorded(), **extra_params()})


@st.fragment
def share_box() -> None:
    """'Deel deze weergave': the full link, with a copy button, for this exact view.

    The link is made when the box is opened (only this part of the page reruns). While it
    is open, a control changed in another part of the page reruns the whole page, so the
    link always matches what is on the screen.
    """
    box = st.expander("Deel deze weergave", icon=":material/share:", key="_deel", on_change="rerun")
    st.session_state[SHARE_OPEN_KEY] = bool(box.open)
    if not box.open:
        return
    with box:
        st.caption(
            "Deze link opent dezelfde pagina met dezelfde keuzes, ook de keuzes die nu op hun standaard "
            "staan. Kopieer hem met het knopje rechtsboven in het vak."
        )
        st.code(current_link(), language=None, wrap_lines=True)
