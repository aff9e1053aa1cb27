"""The three screens of one werksessie, each at its own link, and the one-time key dialog.

- **Deelnemer** (``/werksessie?sessie=CODE``, the join link and the QR code): phone first.
  The organisation type and the estimate box come first, then the board and the note form;
  nothing for the facilitator.
- **Groot scherm** (``&scherm=groot``): for the projector. The join code in very large type,
  a QR code of the join link, how many joined, the question the console chose, the estimates
  as a count until the reveal, then the strip against the figure and the action points, and
  the countdown. No key, no controls, no sidebar.
- **Regie** (``&scherm=regie``): the facilitator's console. The key is typed once per browser
  session (or kept from the creation); it chooses the question on the big screen, opens,
  closes and reveals rounds, starts round 2, hides, merges and shows again, runs a countdown
  and downloads the exports.

The question on the big screen and the countdown live in the database (``werksessies.
current_figure``, ``timer_ends_at``), so the big screen and the phones follow the console
across processes: each polls with ``st.fragment(run_every=...)``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from urllib.parse import urlencode

import polars as pl
import segno
import streamlit as st

from analysis.links import inert_markdown
from analysis.werksessie import PRIVACY_NOTICE, FacilitatorAction, Figure, NoteKind, join_link
from components import presentation
from components import werksessie_views as views
from components.controls import known
from components.streamlit_internals import testid
from storage import Store, StoreError, StoreUnavailableError
from storage.repository import ROUNDS, Board, NoteView, SessionInfo

#: The link parameter that picks the screen; without it the link is the participant's.
SCREEN_KEY = "scherm"
#: How often the big screen asks the store for news, and how often the countdown is redrawn.
BIG_REFRESH_SECONDS = 2
TIMER_SECONDS = 1
#: Session keys: the countdown the big screen last read, and the sessions this browser joined.
_TIMER = "_ws_aftellen"
_JOINED = "_ws_meegedaan"
#: The console draws this many notes of each kind as cards (newest first, each with its button);
#: every note is in one table below them. Drawing every note as a card (120 in a full room) every
#: 3 s took up to 140 ms in one process, and the phones' posts that came in meanwhile waited:
#: the room's p95 was 1,8-2,4 x a single participant's (docs/performance.md, Werksessie).
CONSOLE_NOTES = 5
#: The countdown lengths the console offers, in minutes.
TIMER_CHOICES = (1, 2, 3, 5, 10)


class Screen(StrEnum):
    """Which screen of a session this window shows (the value of ``scherm=`` in the link)."""

    PARTICIPANT = "deelnemer"
    BIG = "groot"
    CONSOLE = "regie"


def screen() -> Screen:
    """The screen the link asks for; anything unknown is the participant's (the safest).

    In presentation mode (``presentatie=1``, the projector) a session's link shows the big screen.
    """
    value = st.query_params.get(SCREEN_KEY)
    if value is None and presentation.is_on():
        return Screen.BIG
    return Screen(value) if value in (Screen.BIG.value, Screen.CONSOLE.value) else Screen.PARTICIPANT


def screen_link(base: str, code: str, which: Screen) -> str:
    """The link of one screen of session ``code``.

    The participant's is the join link; the big screen's is the join link in presentation
    mode (``presentatie=1``: the projector's type and chart sizes); the console's has ``scherm=regie``.
    """
    link = join_link(base, code)
    if which is Screen.PARTICIPANT:
        return link
    if which is Screen.BIG:
        return f"{link}&{urlencode({presentation.PARAM: '1'})}"
    return f"{link}&{urlencode({SCREEN_KEY: which.value})}"


def declare_link_keys() -> None:
    """Tell the link check that ``sessie`` and ``scherm`` belong to this page."""
    known(views.CODE_KEY, SCREEN_KEY)


def qr_svg(link: str) -> str:
    """An inline SVG QR code of ``link`` (segno; black on white with the standard quiet zone)."""
    qr = segno.make(link, error="m")
    svg: str = qr.svg_inline(scale=10, border=4, dark="#000000", light="#ffffff", omitsize=True)
    return svg


def countdown_text(ends_at: dt.datetime | None, now: dt.datetime) -> str | None:
    """What the countdown shows: '2:05' while it runs, '0:00' once it ran out, None without one."""
    if ends_at is None:
        return None
    left = max(0, int((ends_at - now).total_seconds() + 0.999))
    return f"{left // 60}:{left % 60:02d}"


def participants_text(n: int) -> str:
    """'1 deelnemer', '23 deelnemers'."""
    return f"{n} deelnemer" if n == 1 else f"{n} deelnemers"


def joined_text(n: int) -> str:
    """'Nog niemand doet mee', '1 deelnemer doet mee', '23 deelnemers doen mee'."""
    if n == 0:
        return "Nog niemand doet mee"
    return f"{participants_text(n)} {'doet' if n == 1 else 'doen'} mee"


def estimates_count_text(n: int) -> str:
    """'Nog geen schattingen', '1 schatting binnen', '12 schattingen binnen'."""
    if n == 0:
        return "Nog geen schattingen"
    return f"{n} schatting binnen" if n == 1 else f"{n} schattingen binnen"


def _hide_chrome(extra: str = "") -> None:
    """No sidebar, header or toolbar on this screen (the room does not need them)."""
    st.html(
        f"""<style>
{testid("sidebar")}, {testid("expand_sidebar")}, {testid("header")}, {testid("toolbar")} {{ display: none !important; }}
{extra}
</style>"""
    )


def _read_board(code: str, store: Store, shared: bool = False) -> Board | None:
    """The board (``shared``: the once-a-second read of all screens), or None with a notice while the database is away."""
    try:
        return views.shared_board(store, code) if shared else store.board(code)
    except StoreUnavailableError:
        st.caption("De database is even niet bereikbaar; dit scherm probeert het zo opnieuw.")
    except StoreError as exc:
        st.warning(exc.message, icon=":material/search_off:")
    return None


# ---------------------------------------------------------------------------
# The key, once
# ---------------------------------------------------------------------------


def _forget_created() -> None:
    st.session_state.pop(views.CREATED_KEY, None)


@st.dialog("Bewaar deze sleutel", on_dismiss=_forget_created, width="medium")
def _key_dialog(code: str, key: str) -> None:
    if not st.session_state.get(views.CREATED_KEY):
        st.rerun()  # 'bewaard' was clicked (a dialog reruns alone): close it with a full run
    st.markdown(
        f"Werksessie **{code}** is gestart. Met deze sleutel bestuur je de sessie (tonen, rondes, verbergen, "
        "verslag). Hij wordt **maar één keer** getoond en is niet terug te halen: **bewaar deze sleutel**."
    )
    st.code(key, language=None)
    st.caption("Kopieer hem met het knopje rechts in het vak. Deel hem niet en zet hem nooit in een link.")
    st.button("Ik heb de sleutel bewaard", key="ws_sleutel_bewaard", type="primary", on_click=_forget_created)


def key_dialog(info: SessionInfo) -> None:
    """Show the facilitator key of the session this browser just created, once, in a dialog."""
    created = st.session_state.get(views.CREATED_KEY)
    if created and created[0] == info.code:
        _key_dialog(info.code, created[1])


# ---------------------------------------------------------------------------
# Deelnemer
# ---------------------------------------------------------------------------

_PHONE_STYLE = f"""
{testid("main_block")} {{ padding-top: 1rem; padding-bottom: 3rem; max-width: 46rem; }}
.st-key-ws-deelnemer-kop h1 {{ font-size: 1.35rem; padding: 0; line-height: 1.25; }}
"""


def participant(store: Store, info: SessionInfo) -> None:
    """The participant's phone: organisation type and estimate first, then the board and the note form."""
    _hide_chrome(_PHONE_STYLE)
    if not st.session_state.get(f"{_JOINED}_{info.code}"):
        try:
            store.join(info.code, views.current_client())
            st.session_state[f"{_JOINED}_{info.code}"] = True
        except StoreError:
            pass  # not counted this time; the next run tries again
    figures = views.figures_for(info)
    figure_key = info.shown_figure
    if not figures or figure_key not in figures:
        st.warning("Deze werksessie heeft geen cijfers om te schatten.")
        return
    figure = figures[figure_key]
    with st.container(key="ws-deelnemer-kop"):
        st.title(inert_markdown(info.title))
        place = list(figures).index(figure_key) + 1
        st.caption(
            inert_markdown(
                f"Code {info.code} · vraag {place} van {len(figures)} · ronde {info.current_round}"
            )
        )
    views.org_choice()
    _estimate_part(store, info, figure)
    views.board(store, info.code, figure_key, figures, follow=True)
    st.caption(PRIVACY_NOTICE)
    _note_part(store, info, figure)


# A post reruns only its form (a fragment), not the whole page: with 60 phones posting at once
# a full run per post was most of the server's work (docs/performance.md, werksessie).


@st.fragment
def _estimate_part(store: Store, info: SessionInfo, figure: Figure) -> None:
    views.estimate_form(store, info, figure, compact=True)


@st.fragment
def _note_part(store: Store, info: SessionInfo, figure: Figure) -> None:
    views.note_form(store, info, figure)


# ---------------------------------------------------------------------------
# Groot scherm
# ---------------------------------------------------------------------------

_BIG_STYLE = f"""
{testid("main_block")} {{ max-width: 100%; padding: 1.2rem 2.5rem 1rem 2.5rem; }}
{testid("main")} p, {testid("main")} li {{ font-size: max(1.2rem, 2.6vh); line-height: 1.4; }}
.st-key-ws-groot-kop p {{ font-size: max(1.4rem, 3.2vh) !important; }}
.st-key-ws-groot-vraag h1 {{ font-size: max(2rem, 5vh); line-height: 1.15; }}
.st-key-ws-groot-code p {{ font-size: max(3.5rem, 11vh) !important; font-weight: 800; letter-spacing: 0.08em;
  line-height: 1; margin: 0; color: #1f3b5c; font-family: ui-monospace, Menlo, Consolas, monospace; }}
.st-key-ws-groot-aantal p {{ font-size: max(3rem, 9vh) !important; font-weight: 700; line-height: 1.1;
  color: #1f5fa8; margin: 0; }}
.st-key-ws-groot-klok p {{ font-size: max(2.5rem, 8vh) !important; font-weight: 700; line-height: 1;
  font-variant-numeric: tabular-nums; margin: 0; }}
.st-key-ws-qr {{ width: min(100%, 40vh); }}
.st-key-dia-balk {{ display: none !important; }}
{testid("metric_value")}, {testid("metric_value")} div {{ font-size: max(3rem, 9vh) !important; line-height: 1.1; }}
.st-key-ws-qr [data-testid="stElementToolbar"] {{ display: none !important; }}
.st-key-ws-qr img {{ image-rendering: pixelated; background: #ffffff; }}
"""


def big_screen(store: Store, info: SessionInfo) -> None:
    """The projector: code, QR code, participants, the question, counts or the reveal, action points, countdown."""
    _hide_chrome(_BIG_STYLE)
    figures = views.figures_for(info)
    link = join_link(views.base_url(), info.code)
    main, side = st.columns([13, 6], gap="large")
    with side, st.container(key="ws-groot-doe-mee"):
        st.markdown("**Doe mee:** scan de code of ga naar")
        st.markdown(f"`{link.split('://', 1)[-1]}`")
        with st.container(key="ws-groot-code"):
            st.markdown(info.code)
        with st.container(key="ws-qr"):
            st.image(qr_svg(link), alt="QR-code van de deelnamelink", width="stretch")
        _timer_part()
    with main:
        _big_live(store, info.code, figures)


@st.fragment(run_every=BIG_REFRESH_SECONDS)
def _big_live(store: Store, code: str, figures: dict[str, Figure]) -> None:
    """The part of the big screen that follows the console (every :data:`BIG_REFRESH_SECONDS`)."""
    board = _read_board(code, store, shared=True)
    if board is None:
        return
    info = board.session
    st.session_state[_TIMER] = info.timer_ends_at
    with st.container(key="ws-groot-kop"):
        st.markdown(
            f"**{joined_text(board.participants)}** · "
            + inert_markdown(f"{info.title} · ronde {info.current_round}")
        )
    key = info.shown_figure
    if key is None or key not in figures:
        st.title("Er is geen vraag om te schatten")
        return
    figure = figures[key]
    with st.container(key="ws-groot-vraag"):
        st.title(figure.question)
    note = figure.area_note
    if note:
        st.caption(note)
    round_no = info.current_round
    count = sum(1 for e in board.estimates if e.figure == key and e.round == round_no)
    if not board.is_revealed(key, round_no):
        with st.container(key="ws-groot-aantal"):
            st.markdown(estimates_count_text(count))
        state = "Schatten is gesloten." if not board.is_open(key, round_no) else "Schat nu op je telefoon."
        st.markdown(f"{state} De schattingen en het antwoord verschijnen als de gespreksleider ze toont.")
    else:
        views.reveal_part(board, figure, big=True)
    actions = board.ranked_notes(key, NoteKind.ACTION)[: views.TOP_NOTES]
    observations = board.ranked_notes(key, NoteKind.OBSERVATION)[: views.TOP_NOTES]
    if actions or observations:
        left, right = st.columns(2)
        for column, title, notes in ((left, "Actiepunten", actions), (right, "Observaties", observations)):
            with column, st.container(key=f"ws-groot-{title.lower()}"):
                st.subheader(title)
                if not notes:
                    st.caption("Nog niets geplaatst.")
                lines = [
                    f"- {inert_markdown(' '.join(n.text.split()))}"
                    + (f" (+{n.support})" if n.support else "")
                    for n in notes
                ]
                if lines:
                    st.markdown("\n".join(lines))


@st.fragment(run_every=TIMER_SECONDS)
def _timer_part() -> None:
    """The countdown, redrawn every second from what the big screen last read (no query of its own)."""
    ends_at = st.session_state.get(_TIMER)
    text = countdown_text(ends_at if isinstance(ends_at, dt.datetime) else None, dt.datetime.now(dt.UTC))
    if text is None:
        return
    with st.container(key="ws-groot-klok"):
        st.markdown(f":material/timer: {text}" if text != "0:00" else ":material/timer_off: 0:00")


# ---------------------------------------------------------------------------
# Regie (console)
# ---------------------------------------------------------------------------


def console(store: Store, info: SessionInfo) -> None:
    """The facilitator's console: the key once, then question, rounds, countdown, notes and exports."""
    key_dialog(info)
    st.title(inert_markdown(f"Regie: {info.title}"))
    if not views.key_accepted(store, info):
        views.key_field(store, info)
        return
    figures = views.figures_for(info)
    if not figures:
        st.warning("Deze werksessie heeft geen cijfers om te schatten.")
        return
    views.session_header(info, privacy=False)
    base = views.base_url()
    with st.expander("Links voor de zaal en de beamer", icon=":material/qr_code_2:", expanded=True):
        left, right = st.columns(2)
        left.markdown("**Deelnemers** (ook in de QR-code op het grote scherm)")
        left.code(screen_link(base, info.code, Screen.PARTICIPANT), language=None)
        big = screen_link(base, info.code, Screen.BIG)
        right.markdown("**Groot scherm** (zet dit venster op de beamer, F11)")
        right.code(big, language=None)
        right.link_button("Groot scherm openen", big, icon=":material/open_in_new:")
        st.markdown(
            "**Presenteren langs de route**: dit tabblad wordt de regie van de presentatie; elke vraag met een "
            "schatting vraagt de zaal eerst te schatten en toont het antwoord pas als jij het toont."
        )
        if st.button("Presenteren met deze sessie", key="ws_presenteren", icon=":material/cast:"):
            from components import presenter  # the presenter view imports the screens' helpers

            presenter.start_deck("", st.container(), session=info.code)
    figure_key = shown_choice(store, info, figures)
    figure = figures[figure_key]
    round_controls(store, info, figure)
    timer_controls(store, info)
    views.show_flash(views.AT_FACILITATOR)
    console_live(store, info.code, figure_key, figures)
    views.hide_controls(store, info, figure)
    views.merge_controls(store, info, figure)
    views.exports(store, info, figures)


def _show(store: Store, code: str) -> None:
    """Callback of the question choice: put the chosen figure on the big screen."""
    chosen = st.session_state.get("_ws_regie_vraag")
    if not isinstance(chosen, str):
        return
    views.run_action(lambda key, client: store.show_figure(code, key, chosen, client), "")


def shown_choice(store: Store, info: SessionInfo, figures: dict[str, Figure]) -> str:
    """'Op het grote scherm': which question the big screen and the phones show."""
    keys = list(figures)
    current = info.shown_figure if info.shown_figure in figures else keys[0]
    st.session_state["_ws_regie_vraag"] = current
    st.segmented_control(
        "Op het grote scherm en de telefoons",
        keys,
        key="_ws_regie_vraag",
        format_func=views.figure_label,
        required=True,
        on_change=_show,
        args=(store, info.code),
    )
    return current


def round_controls(store: Store, info: SessionInfo, figure: Figure) -> None:
    """Close or open the round, reveal, start round 2 and close the session."""
    code, round_no = info.code, info.current_round
    try:
        closed = (figure.key, round_no) in store.board(code).closed_rounds
    except StoreError:
        closed = False
    cols = st.columns(4)
    if closed:
        cols[0].button(
            f"Schatten weer openen (ronde {round_no})",
            key="ws_ronde_open",
            on_click=views.run_action,
            args=(
                lambda k, c: store.close_round(code, k, figure.key, c, closed=False),
                "Schatten is weer open.",
            ),
            width="stretch",
        )
    else:
        cols[0].button(
            f"Schatten sluiten (ronde {round_no})",
            key="ws_ronde_dicht",
            on_click=views.run_action,
            args=(lambda k, c: store.close_round(code, k, figure.key, c), "Schatten is gesloten."),
            width="stretch",
        )
    cols[1].button(
        f"Schattingen tonen (ronde {round_no})",
        key="ws_tonen",
        type="primary",
        on_click=views.run_action,
        args=(lambda k, c: store.reveal(code, k, figure.key, c), "De schattingen zijn getoond."),
        width="stretch",
    )
    cols[2].button(
        f"Ronde {ROUNDS} starten",
        key="ws_ronde",
        disabled=round_no >= ROUNDS,
        on_click=views.run_action,
        args=(
            lambda k, c: store.next_round(code, k, c),
            f"Ronde {ROUNDS} is gestart: iedereen kan opnieuw schatten.",
        ),
        width="stretch",
    )
    cols[3].button(
        "Sessie sluiten",
        key="ws_sluiten",
        disabled=info.closed,
        on_click=views.run_action,
        args=(lambda k, c: store.close(code, k, c), "De werksessie is gesloten."),
        width="stretch",
    )


def _start_timer(store: Store, code: str) -> None:
    minutes = st.session_state.get("_ws_klok_minuten")
    seconds = int(minutes * 60) if isinstance(minutes, int | float) else 0
    views.run_action(lambda k, c: store.start_timer(code, k, seconds, c), "Het aftellen is gestart.")


def timer_controls(store: Store, info: SessionInfo) -> None:
    """Start or stop the countdown the big screen shows."""
    choice, start, stop, shown = st.columns([3, 2, 2, 3], vertical_alignment="bottom")
    choice.selectbox(
        "Aftellen (minuten)", TIMER_CHOICES, index=2, key="_ws_klok_minuten", format_func=lambda m: f"{m} min"
    )
    start.button(
        "Aftellen starten",
        key="ws_klok_start",
        icon=":material/timer:",
        on_click=_start_timer,
        args=(store, info.code),
        width="stretch",
    )
    stop.button(
        "Stoppen",
        key="ws_klok_stop",
        on_click=views.run_action,
        args=(lambda k, c: store.stop_timer(info.code, k, c), "Het aftellen is gestopt."),
        width="stretch",
    )
    with shown:
        text = countdown_text(info.timer_ends_at, dt.datetime.now(dt.UTC))
        if text is not None:  # the console's live part below says how much is left
            st.caption(f"Op het grote scherm loopt een aftelklok van {(info.timer_seconds or 0) // 60} min.")


@st.fragment(run_every=views.REFRESH)
def console_live(store: Store, code: str, figure_key: str, figures: dict[str, Figure]) -> None:
    """The console's board: participants, estimates, the newest notes as cards with a button, every note in a table."""
    board = _read_board(code, store)
    if board is None:
        return
    info = board.session
    st.session_state[_TIMER] = info.timer_ends_at
    if info.shown_figure != figure_key:
        st.rerun(scope="app")  # another window of the facilitator changed the question
    views.show_flash(views.AT_FACILITATOR)  # a button in this part reruns only this part
    figure = figures[figure_key]
    round_no = info.current_round
    count = sum(1 for e in board.estimates if e.figure == figure_key and e.round == round_no)
    state = (
        "getoond"
        if board.is_revealed(figure_key, round_no)
        else ("open" if board.is_open(figure_key, round_no) else "gesloten")
    )
    left = countdown_text(info.timer_ends_at, dt.datetime.now(dt.UTC))
    st.markdown(
        f"**{participants_text(board.participants)}** · **{estimates_count_text(count).lower()}** "
        f"in ronde {round_no} · schatten is {state}" + (f" · aftellen: nog {left}" if left else "")
    )
    if board.is_revealed(figure_key, round_no) or any(
        board.is_revealed(figure_key, r) for r in range(1, ROUNDS + 1)
    ):
        with st.expander("Wat het grote scherm toont", expanded=False):
            views.reveal_part(board, figure)
    notes = sorted((n for n in board.notes if n.figure == figure_key), key=lambda n: -n.id)
    for kind in NoteKind:
        listed = [n for n in notes if n.kind == kind]
        st.subheader(f"{views.NOTE_KIND_TITLES[kind]}: nieuwste")
        if not listed:
            st.caption("Nog niets geplaatst.")
        for note in listed[:CONSOLE_NOTES]:
            _console_note(store, code, note)
    if notes:
        st.subheader(f"Alle bijdragen bij deze vraag ({len(notes)})")
        st.dataframe(
            console_table(notes),
            hide_index=True,
            width="stretch",
            height=min(400, 38 + 35 * len(notes)),
            column_config={"Bijdrage": st.column_config.TextColumn(width="large")},
        )
        st.caption(
            "Een bijdrage verder in de lijst verberg je met haar nummer, onder 'Bijdrage verbergen of terugzetten'."
        )


def console_table(notes: list[NoteView]) -> pl.DataFrame:
    """Every note of a question as the console's table: number, kind, text, who, support and state."""
    return pl.DataFrame(
        {
            "#": [n.id for n in notes],
            "Soort": [views.note_kind_label(NoteKind(n.kind)) for n in notes],
            "Bijdrage": [n.text for n in notes],
            "Organisatie": [n.org_type for n in notes],
            "Steun": [n.support for n in notes],
            "Op het bord": [
                ("samengevoegd met #" + str(n.merged_into) if n.merged_into else "verborgen")
                if n.hidden
                else "ja"
                for n in notes
            ],
        },
        schema={
            "#": pl.Int64,
            "Soort": pl.String,
            "Bijdrage": pl.String,
            "Organisatie": pl.String,
            "Steun": pl.Int64,
            "Op het bord": pl.String,
        },
    )


def _console_note(store: Store, code: str, note: NoteView) -> None:
    """One note on the console: its text, who and how much support, and the button to hide or show it."""
    hidden = " · verborgen" + (f" (samengevoegd met #{note.merged_into})" if note.merged_into else "")
    views.note_card(
        f"ws_regie_notitie_{note.id}",
        note.text,
        f"#{note.id} · {note.org_type} · steun: {note.support}{hidden if note.hidden else ''}",
    ).button(
        "Terugzetten" if note.hidden else "Verbergen",
        key=f"ws_regie_verberg_{note.id}",
        on_click=views.run_action,
        args=(
            _hide_action(store, code, note.id, not note.hidden),
            views.ACTION_DONE[FacilitatorAction.SHOW if note.hidden else FacilitatorAction.HIDE],
        ),
    )


def _hide_action(store: Store, code: str, note_id: int, hidden: bool) -> views.Action:
    """The store call that hides (or shows again) one note."""
    return lambda key, client: store.set_hidden(code, key, note_id, client, hidden=hidden)
