"""Presentation mode for the projector: large type, no sidebar, the route one question at a time.

The mode is the link parameter ``presentatie=1`` (so a facilitator can bookmark it); a
toggle in the sidebar switches it on and a button in the route bar switches it off.
"""

import streamlit as st

from analysis.questions import START, Question, route, route_position
from components.streamlit_internals import testid

PARAM = "presentatie"
_TOGGLE_KEY = "_presentatie_schakelaar"

_STYLE = f"""
<style>
{testid("sidebar")}, {testid("expand_sidebar")}, {testid("header")}, {testid("toolbar")} {{ display: none !important; }}
{testid("main_block")} {{ max-width: 1700px; padding-top: 1.5rem; }}
{testid("main")} {{ font-size: 1.3rem; }}
{testid("main")} p, {testid("main")} li {{ font-size: 1.3rem; line-height: 1.5; }}
{testid("main")} h1 {{ font-size: 3rem; }}
{testid("metric_value")}, {testid("metric_value")} p, {testid("metric_value")} div {{
  font-size: 3rem !important; line-height: 1.2; }}
.st-key-gespreksvragen {{ background: #fff6d9; border-radius: 0.5rem; }}
.st-key-gespreksvragen li, .st-key-gespreksvragen p {{ font-size: 1.6rem !important; }}
</style>
"""


def is_on() -> bool:
    """True when the link asks for presentation mode (``presentatie=1``)."""
    return st.query_params.get(PARAM) == "1"


def _switch() -> None:
    if st.session_state.get(_TOGGLE_KEY):
        st.query_params[PARAM] = "1"
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def sidebar_toggle() -> None:
    """The sidebar switch that turns presentation mode on."""
    st.session_state[_TOGGLE_KEY] = is_on()
    st.sidebar.toggle(
        "Presentatiemodus (beamer)",
        key=_TOGGLE_KEY,
        on_change=_switch,
        help="Grote letters, geen zijbalk, één vraag per scherm met 'vorige' en 'volgende'. "
        "De link krijgt presentatie=1.",
    )


def apply_style() -> None:
    """Hide the sidebar and Streamlit's chrome and enlarge the type (presentation mode only)."""
    st.html(_STYLE)


def step_for(url_path: str) -> Question | None:
    """The route question shown at ``url_path``, or None for a page off the route."""
    position = route_position(url_path or START)
    return None if position is None else route()[position]


def route_bar(url_path: str) -> None:
    """Previous / next question along the workshop route, the position, and a way out."""
    steps = route()
    step = step_for(url_path)
    index = steps.index(step) if step else -1
    back, where, forward, leave = st.columns([2, 3, 2, 2], vertical_alignment="center")
    if index > 0 and back.button("◀ Vorige vraag", key="presentatie_vorige", width="stretch"):
        st.switch_page(steps[index - 1].page_file, query_params={PARAM: "1"})
    where.markdown(f"**Vraag {index + 1} van {len(steps)}**" if step else "**Naslag**")
    if index + 1 < len(steps) and forward.button(
        "Volgende vraag ▶", key="presentatie_volgende", type="primary", width="stretch"
    ):
        st.switch_page(steps[index + 1].page_file, query_params={PARAM: "1"})
    if leave.button("Presentatie verlaten", key="presentatie_verlaten", width="stretch"):
        del st.query_params[PARAM]
        st.rerun()
    if step and step.note:
        with st.expander("Notitie voor de gespreksleider", icon=":material/sticky_note_2:"):
            st.markdown(step.note)
