"""Estimates inside the route: with a werksessie open, a question's slides first ask the room to estimate.

A deck carries the session along in its links (``sessie=CODE`` next to ``presentatie=1`` and
``deck=``). On a route question whose registry entry names an ``estimate`` that the session
has, the question and chart slides show an *estimate panel* instead of the answer until the
facilitator reveals that round: the figure's question, how many estimates came in (never
their values), the join code and the QR code. Once revealed, the page's own slides show the
answer, and the phones show the strip.

One facilitator screen: the presenter view (``deck=CODE`` on the laptop) shows the same panel
with the buttons to close, reveal and start round 2, and puts the question's figure on the
phones as the deck reaches it. One projected window: the projector (``presentatie=1&deck=``)
follows the presenter and shows the panel without buttons. The panel polls the store every
:data:`PANEL_SECONDS`, so a reveal from the werksessie console in another window shows too.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.werksessie import join_link
from components import deck
from components import werksessie_views as views
from components.share import is_session_code
from components.werksessie_screens import countdown_text, estimates_count_text, joined_text, qr_svg
from storage import StoreError
from storage.repository import ROUNDS, Board, normalise_code

#: The link parameter of the session (the same as on the werksessie page).
SESSION_PARAM = views.CODE_KEY
#: The panel's container key; the deck's slide style hides it on the slides that do not ask.
PANEL_KEY = "dia-schatting"
#: How often the panel asks the store for the count and the reveal.
PANEL_SECONDS = 2
#: The countdown the presenter starts from the panel (the console offers other lengths).
PANEL_TIMER_SECONDS = 120
#: The parts of a question that wait for the reveal (the answer and its chart).
WAITING_PARTS = (deck.Part.ANSWER, deck.Part.CHART)
#: While the panel asks: the page's title, answer and chart are out of sight.
_ASKING_STYLE = """
<style>
.st-key-dia-titel, .st-key-dia-deel-vraag, .st-key-dia-deel-grafiek { display: none !important; }
.st-key-dia-schatting h2 { font-size: max(1.8rem, 5vh); line-height: 1.15; }
.st-key-dia-schatting-aantal p { font-size: max(2.6rem, 8vh) !important; font-weight: 700; color: #1f5fa8;
  line-height: 1.1; }
.st-key-dia-schatting-code p { font-size: max(2.4rem, 8vh) !important; font-weight: 800; letter-spacing: 0.08em;
  line-height: 1; font-family: ui-monospace, Menlo, Consolas, monospace; color: #1f3b5c; }
.st-key-dia-schatting-qr { width: min(100%, 34vh); }
.st-key-dia-schatting-klok p { font-size: max(2rem, 6vh) !important; font-weight: 700; font-variant-numeric: tabular-nums; }
.st-key-dia-schatting-qr [data-testid="stElementToolbar"] { display: none !important; }
</style>
"""


def session_code() -> str:
    """The werksessie this deck window carries (``sessie=`` in the link), normalised; '' when none."""
    value = st.query_params.get(SESSION_PARAM) or ""
    return normalise_code(value) if is_session_code(value) else ""


def carry(params: dict[str, str]) -> dict[str, str]:
    """``params`` for a move to another page, with the session when this window carries one."""
    code = session_code()
    return {**params, SESSION_PARAM: code} if code else params


def panel_style(part: deck.Part) -> str:
    """CSS for the slide style: the panel shows only on the slides that wait for the reveal."""
    return "" if part in WAITING_PARTS else f".st-key-{PANEL_KEY} {{ display: none !important; }}"


def asking(board: Board, figure_key: str) -> bool:
    """True while the room should still estimate ``figure_key``: the session has it and its round is not revealed."""
    return figure_key in board.session.figures and not board.is_revealed(
        figure_key, board.session.current_round
    )


def show(controls: bool) -> None:
    """Draw the estimate panel for this window's slide (``controls``: the presenter's buttons too)."""
    code = session_code()
    if code:
        _panel(code, controls)


@st.fragment(run_every=PANEL_SECONDS)
def _panel(code: str, controls: bool) -> None:
    # A fragment run that draws nothing would leave its last drawing (and the style that hides the
    # page's answer) on the screen: this run always draws, at least an empty style.
    asked = _ask(code, controls)
    if not asked:
        st.html("<style>/* geen schatting gevraagd */</style>")


def _ask(code: str, controls: bool) -> bool:
    """Draw the panel when this slide asks for an estimate; False when it does not (then nothing is drawn)."""
    slide = deck.current()
    figure_key = slide.question.estimate if slide is not None else None
    if slide is None or figure_key is None:
        return False
    try:
        store = views.open_store()
        board = store.board(code)
    except StoreError:
        return False  # the page's own slides show; the next poll tries again
    if figure_key not in board.session.figures:
        return False
    if controls:
        _follow_deck(board, figure_key)
    if not asking(board, figure_key):
        if controls:
            with st.container(key=f"{PANEL_KEY}-na"):
                _buttons(board, figure_key, revealed=True)
        return False
    figure = views.figures_for(board.session).get(figure_key)
    if figure is None:
        return False
    st.html(_ASKING_STYLE)
    round_no = board.session.current_round
    count = sum(1 for e in board.estimates if e.figure == figure_key and e.round == round_no)
    with st.container(key=PANEL_KEY):
        st.caption(f"Schat eerst · ronde {round_no} van {ROUNDS} · {joined_text(board.participants).lower()}")
        st.header(figure.question, anchor=False)
        left, right = st.columns([3, 2], gap="large")
        with left:
            with st.container(key=f"{PANEL_KEY}-aantal"):
                st.markdown(estimates_count_text(count))
            st.markdown(
                "Schat op je telefoon. Het antwoord en de schattingen verschijnen als de gespreksleider ze toont."
                if board.is_open(figure_key, round_no)
                else "Schatten is gesloten; zo komt het antwoord."
            )
            left_time = countdown_text(board.session.timer_ends_at, dt.datetime.now(dt.UTC))
            if left_time is not None:
                with st.container(key=f"{PANEL_KEY}-klok"):
                    st.markdown(f":material/timer: {left_time}")
            if controls:
                _buttons(board, figure_key, revealed=False)
        with right:
            link = join_link(app_root(slide.question.url_path), code)
            st.markdown(f"**Doe mee:** `{link.split('://', 1)[-1]}`")
            with st.container(key=f"{PANEL_KEY}-code"):
                st.markdown(code)
            with st.container(key=f"{PANEL_KEY}-qr"):
                st.image(qr_svg(link), alt="QR-code van de deelnamelink", width="stretch")
    return True


def app_root(url_path: str) -> str:
    """The app's root as this browser sees it, from the page at ``url_path`` (checked like the werksessie's)."""
    url = (st.context.url or "").split("?", 1)[0].rstrip("/")
    return views.safe_base_url(url.removesuffix(f"/{url_path}") if url_path else url)


def _follow_deck(board: Board, figure_key: str) -> None:
    """Put the deck's question on the phones (once per question; needs the werksessie key in this browser)."""
    if board.session.current_figure == figure_key or not views.key_accepted_for(board.session.code):
        return
    views.run_action(
        lambda key, client: views.open_store().show_figure(board.session.code, key, figure_key, client), ""
    )


def _buttons(board: Board, figure_key: str, *, revealed: bool) -> None:
    """The presenter's buttons for this question: close, reveal, round 2 (with the werksessie key)."""
    code = board.session.code
    if not views.key_accepted_for(code):
        st.caption(
            "Tonen kan vanuit de regie van de werksessie, of hier nadat je de sleutel in dit tabblad hebt "
            "ingevuld op de pagina Werksessie (regie)."
        )
        return
    store = views.open_store()
    round_no = board.session.current_round
    cols = st.columns(3)
    if not revealed:
        cols[0].button(
            f"Schatten sluiten (ronde {round_no})",
            key="dia_ws_dicht",
            on_click=views.run_action,
            args=(lambda k, c: store.close_round(code, k, figure_key, c), "Schatten is gesloten."),
            disabled=not board.is_open(figure_key, round_no),
        )
        cols[1].button(
            f"Schattingen tonen (ronde {round_no})",
            key="dia_ws_tonen",
            type="primary",
            on_click=views.run_action,
            args=(lambda k, c: store.reveal(code, k, figure_key, c), "De schattingen zijn getoond."),
        )
        cols[2].button(
            f"Aftellen {PANEL_TIMER_SECONDS // 60} min",
            key="dia_ws_klok",
            icon=":material/timer:",
            on_click=views.run_action,
            args=(
                lambda k, c: store.start_timer(code, k, PANEL_TIMER_SECONDS, c),
                "Het aftellen is gestart.",
            ),
        )
    else:
        cols[0].button(
            f"Ronde {ROUNDS} starten",
            key="dia_ws_ronde",
            disabled=round_no >= ROUNDS,
            on_click=views.run_action,
            args=(lambda k, c: store.next_round(code, k, c), f"Ronde {ROUNDS} is gestart."),
        )
    views.show_flash(views.AT_FACILITATOR)
