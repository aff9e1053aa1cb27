"""Presentation mode for the projector: large type, no sidebar, the route as a deck of slides.

The mode is the link parameter ``presentatie=1`` (so a facilitator can bookmark it); a
toggle in the sidebar switches it on and a button in the deck's bar switches it off. The
deck itself (slides, stepping, the presenter view) lives in ``components.deck``.
"""

import streamlit as st

from components.streamlit_internals import testid

PARAM = "presentatie"
_TOGGLE_KEY = "_presentatie_schakelaar"

#: Height of the deck's bar at the bottom of the screen; the slide above it never runs under it.
BAR_REM = 3.6

_STYLE = f"""
<style>
{testid("sidebar")}, {testid("expand_sidebar")}, {testid("header")}, {testid("toolbar")} {{ display: none !important; }}
{testid("main_block")} {{ max-width: 1700px; padding-top: 0.5rem; padding-bottom: {BAR_REM + 1}rem; }}
{testid("main")} {{ font-size: 1.3rem; }}
{testid("main")} p, {testid("main")} li {{ font-size: 1.3rem; line-height: 1.5; }}
{testid("main")} h1 {{ font-size: 3rem; }}
{testid("metric_value")}, {testid("metric_value")} p, {testid("metric_value")} div {{
  font-size: 3rem !important; line-height: 1.2; }}
.st-key-gespreksvragen {{ background: #fff6d9; border-radius: 0.5rem; padding: 1rem 1.5rem; }}
.st-key-gespreksvragen li, .st-key-gespreksvragen p {{ font-size: max(1.3rem, 3.3vh) !important; line-height: 1.4; }}
.st-key-gespreksvragen h3 {{ font-size: max(1.6rem, 4.2vh); }}

/* The deck: a bar fixed at the bottom, one slide above it. Slide type follows the screen's
   height (vh), so 1280x720 and 1920x1080 show the same slide; never below 18 px. */
.st-key-dia-balk {{
  position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; min-height: {BAR_REM}rem;
  background: #ffffff; border-top: 1px solid #d5dce5; padding: 0.25rem 2.5rem; justify-content: center; }}
/* The bar is fixed at the bottom: its place in the page takes no room (nor the gap after it). */
[data-testid="stLayoutWrapper"]:has(.st-key-dia-balk) {{ margin-bottom: -1rem; }}
.st-key-dia-balk p, .st-key-dia-balk button {{ font-size: 1rem !important; line-height: 1.3; }}
.st-key-dia-antwoord p {{ font-size: max(1.4rem, 4.6vh) !important; line-height: 1.35; }}
.st-key-dia-kerncijfer-waarde p {{
  font-size: max(3rem, 12vh) !important; font-weight: 700; line-height: 1; color: #1f5fa8; white-space: nowrap; }}
.st-key-dia-kerncijfer-woorden p {{ font-size: max(1.3rem, 3.8vh) !important; line-height: 1.3; }}
.st-key-dia-keten [data-testid="stCaptionContainer"] {{ display: none; }}
.st-key-dia-keten h3 {{ font-size: max(1.3rem, 3.6vh); padding: 0.4rem 0 0.2rem 0; }}
.st-key-dia-route p, .st-key-dia-route li {{ font-size: max(1.2rem, 3.3vh) !important; line-height: 1.45; }}
/* A phone that follows the projector's link: the bar is one row (steps, position, leave), without
   the slide choice and the key names, so the slide keeps most of the screen. */
@media (max-width: 640px) {{
  .st-key-dia-balk {{ padding: 0.25rem 0.5rem; min-height: 0; }}
  .st-key-dia-balk [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap !important; gap: 0.4rem !important; }}
  .st-key-dia-balk [data-testid="stColumn"] {{ flex: 0 0 auto !important; width: auto !important; min-width: 0 !important; }}
  .st-key-dia-balk [data-testid="stColumn"]:has([data-testid="stProgress"]) {{ flex: 1 1 0 !important; }}
  .st-key-dia-balk [data-testid="stColumn"]:has(.st-key-dia) {{ display: none !important; }}
  .st-key-dia-balk kbd, .st-key-dia-balk span:has(> [data-testid="stIconMaterial"]) {{ display: none !important; }}
  .st-key-dia-balk button {{ padding: 0.25rem 0.6rem; min-height: 2.75rem; }}
}}
/* A map on the chart slide: its source and credit in small type, so both fit under it at 1280x720. */
.st-key-dia-kaart [data-testid="stCaptionContainer"] p {{ font-size: 1rem !important; line-height: 1.3; }}
</style>
"""

#: In the projector window that follows a presenter, the bar holds only the position.
_PROJECTOR_STYLE = """
<style>
.st-key-dia-balk { min-height: 0; padding: 0.2rem 2.5rem; border-top: none; }
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
        help="Grote letters, geen zijbalk; elke vraag van de route als dia's (vraag, grafiek, gesprek). "
        "Verder met PageDown, → of een presentatieklikker. De link krijgt presentatie=1.",
    )


def apply_style(projector: bool = False) -> None:
    """Hide the sidebar and Streamlit's chrome and enlarge the type (presentation mode only).

    ``projector``: the window follows a presenter, so its bar holds no controls.
    """
    st.html(_STYLE + (_PROJECTOR_STYLE if projector else ""))
