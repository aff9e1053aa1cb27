"""Parts of the werksessie screens: start or join, estimate, the live board, notes, the key, exports.

The three screens that put these together (phone, big screen, console) are in
:mod:`components.werksessie_screens`. Everything a participant typed is shown with ``st.text``,
``st.dataframe`` or ``inert_markdown``. The facilitator key is shown once in a dialog, then
lives only in this browser session (typed once into the console's password field, never in a
link) and is checked by the store on every facilitator action.

Limits are the store's: every call names the client (:func:`current_client`, from the request's
cookie and address, so a reconnect does not reset anything). When the database is away the page
keeps the session it last saw, every form and the text typed in it, and reruns by itself once
the database answers again.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import secrets
from collections.abc import Callable
from typing import Literal
from urllib.parse import urlsplit

import altair as alt
import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from analysis import UNIT
from analysis.dataset import Tables
from analysis.dutch import fmt_date
from analysis.links import inert_markdown
from analysis.werksessie import (
    CSV_ESTIMATE,
    FIGURE_KEYS,
    FIGURE_LABELS,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    NO_ORG,
    NOTE_KIND_LABELS,
    NOTE_KIND_TITLES,
    ORG_TYPES,
    PRIVACY_NOTICE,
    FacilitatorAction,
    Figure,
    NoteKind,
    NoteLine,
    QuestionReport,
    SessionReport,
    check_text,
    estimate_bounds_text,
    estimate_stats,
    estimate_table,
    format_deadline,
    published_figures,
    report_csv,
    report_markdown,
    reveal_summary,
    round_comparison,
    view_link,
)
from analysis.werksessie.handout import handout_html
from analysis.werksessie.session import CLOSED_RETENTION_DAYS, IDLE_DAYS
from analysis.werksessie.wording import NAMES_CONFIRM_LABEL
from components import data
from components.charts import show_chart
from components.frame import district_options
from components.store import database_url, engine_for
from storage import (
    Client,
    Store,
    StoreError,
    StoreUnavailableError,
    client_from_request,
)
from storage.clients import trusted_proxies
from storage.repository import ROUNDS, UNAVAILABLE_MESSAGE, Board, SessionInfo, normalise_code

logger = logging.getLogger(__name__)

CODE_KEY = "sessie"
_CLIENT = "_ws_client"
_KEY = "_ws_sleutel"
_CREATED = "_ws_nieuw"
#: The (code, key) of the session this browser just created, until the key dialog is closed.
CREATED_KEY = _CREATED
_FLASH = "_ws_melding"
_ORG = "_ws_organisatie"
#: The session this browser last saw, shown while the database is away.
_LAST_INFO = "_ws_laatste_sessie"
#: Set while the board could not be read; the next good read reruns the whole page.
_OFFLINE = "_ws_offline"
#: The session whose key this browser session entered correctly (the console asks only once).
_KEY_OK = "_ws_sleutel_goed"
#: The round this browser's board last saw (a new round redraws the estimate form).
_ROUND_SEEN = "_ws_ronde_gezien"

#: Where on the page a callback's message shows (see :func:`show_flash`).
_AT_START = "start"
_AT_BOARD = "bord"
_AT_FACILITATOR = "leider"
AT_FACILITATOR = _AT_FACILITATOR
#: A facilitator action: a store call that takes the key and the client.
Action = Callable[[str | None, Client], object]


def _at_estimate(figure: Figure) -> str:
    """Where the message about an estimate on ``figure`` shows."""
    return f"schatting-{figure.key}"


def _at_note(figure: Figure) -> str:
    """Where the message about a note on ``figure`` shows."""
    return f"notitie-{figure.key}"


#: Okabe-Ito colours for the organisation types (colour-blind safe), grey for unknown.
ORG_COLORS: dict[str, str] = {
    "politie": "#0072B2",
    "OM": "#D55E00",
    "gemeente": "#009E73",
    "RIEC": "#CC79A7",
    "zorg/hulpverlening": "#E69F00",
    "CoMensHa": "#56B4E9",
    "anders": "#000000",
    NO_ORG: "#B8B8B8",
}
#: How often the live board refreshes.
REFRESH_SECONDS = 3
REFRESH = f"{REFRESH_SECONDS}s"
#: A phone's board: the big screen shows what happens; sixty phones polling cost the server most.
PHONE_REFRESH_SECONDS = 5
#: How often a page without database tries again.
RETRY_SECONDS = 5
ExportFormat = Literal["md", "csv", "handout"]


# ---------------------------------------------------------------------------
# Store and browser session
# ---------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    return Store(engine_for(url))  # one Store per process: it keeps the salt and the purge clock


def _open_store() -> Store:
    """The store for the configured database, migrated once per process (raises when unreachable)."""
    return _store_for(database_url())


def open_store() -> Store:
    """The store for the configured database; raises :class:`StoreUnavailableError` when it cannot be opened."""
    try:
        return _open_store()
    except StoreError:
        raise
    except Exception as exc:  # any failure to connect or migrate
        raise StoreUnavailableError(UNAVAILABLE_MESSAGE) from exc


#: How long one read of a board serves every phone and big screen of the session (seconds).
SHARED_BOARD_SECONDS = 1.0


@st.cache_resource(ttl=SHARED_BOARD_SECONDS, max_entries=256, show_spinner=False)
def _shared_board(_store: Store, url: str, code: str) -> Board:
    del url  # part of the key: one cache per database
    return _store.board(code)


def _changed() -> None:
    """After a write in this process: the next read of every board is fresh (the writer sees its own post)."""
    _shared_board.clear()


def shared_board(store: Store, code: str) -> Board:
    """The board of ``code``, read at most once a second for all screens that only show it.

    Sixty phones and a big screen polling every few seconds then cost one query a second
    instead of twenty. A Board is immutable, so sharing the object is safe. The console and
    every write read the database itself.
    """
    return _shared_board(store, database_url(), normalise_code(code))


def get_store() -> Store | None:
    """The store for the configured database (migrated), or None with a clear notice when unreachable.

    Without a store the page shows the notice and tries again every few seconds by itself.
    """
    try:
        return _open_store()
    except Exception as exc:  # any failure to connect or migrate: the page says so, the app keeps working
        logger.warning("Werksessie store could not be opened: %s", type(exc).__name__)
        unavailable()
        wait_for_store()
        return None


def unavailable() -> None:
    """The notice shown when the database cannot be reached."""
    st.error(
        "De database voor werksessies is nu niet bereikbaar. Het bord kan niet worden bijgewerkt en nieuwe "
        "bijdragen worden niet opgeslagen; wat je typt blijft in het invoerveld staan. Zodra de database "
        "terug is, werkt deze pagina vanzelf weer bij. De andere pagina's van de app werken gewoon.",
        icon=":material/cloud_off:",
    )


def wait_for_store() -> None:
    """Try the database every few seconds; rerun the whole page as soon as it answers."""

    @st.fragment(run_every=f"{RETRY_SECONDS}s")
    def _retry() -> None:
        try:
            _open_store().ping()
        except Exception:  # still away: the store logged why
            st.caption(
                f"Nog niet bereikbaar (laatste poging om {dt.datetime.now().strftime('%H:%M:%S')}); "
                f"de pagina probeert het elke {RETRY_SECONDS} seconden opnieuw."
            )
            return
        st.rerun()

    _retry()


def client_id() -> str:
    """A random id of this Streamlit session: the client's name when the request shows no cookie or address."""
    if _CLIENT not in st.session_state:
        st.session_state[_CLIENT] = secrets.token_hex(16)
    return str(st.session_state[_CLIENT])


def current_client() -> Client:
    """This browser as the store counts it: Streamlit's XSRF cookie and the network address.

    Both survive a reconnect, so the store's limits do too. ``X-Forwarded-For`` is read
    only when ``KETENDIALOOG_TRUSTED_PROXIES`` says how many proxies stand in front.
    """
    context = st.context
    headers = context.headers
    forwarded = headers.get_all("X-Forwarded-For") if headers is not None else []
    cookies = context.cookies if context.cookies is not None else {}
    return client_from_request(cookies, forwarded, context.ip_address, trusted_proxies(), client_id())


def _flash(kind: str, message: str, where: str) -> None:
    """Leave ``message`` for :func:`show_flash` at ``where``; ``kind`` is ``ok``, ``warning`` or ``error``."""
    st.session_state[_FLASH] = (kind, message, where)


def show_flash(where: str) -> None:
    """Show (once) the message a callback left for this place on the page."""
    flash = st.session_state.get(_FLASH)
    if flash and flash[2] == where:
        kind, message, _ = flash
        del st.session_state[_FLASH]
        {"ok": st.success, "warning": st.warning}.get(kind, st.error)(message)


_SAFE_PATH = re.compile(r"[A-Za-z0-9/_.~-]*")
_SAFE_HOST = re.compile(r"[A-Za-z0-9.:\[\]-]+")
DEFAULT_BASE = "http://localhost:8501"


def safe_base_url(url: str | None) -> str:
    """The app's root from the address the browser reported, or the default when it looks crafted.

    The browser sends this address itself, and it ends up in join links and in the exports'
    links: only ``http``/``https`` with a plain host and path pass.
    """
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return DEFAULT_BASE
    if (
        parts.scheme not in ("http", "https")
        or not _SAFE_HOST.fullmatch(parts.netloc or "")
        or not _SAFE_PATH.fullmatch(parts.path or "")
    ):
        return DEFAULT_BASE
    path = parts.path.rstrip("/").removesuffix("/werksessie")
    return f"{parts.scheme}://{parts.netloc}{path}"


def base_url() -> str:
    """The app's root address as the browser sees it (for join and view links)."""
    return safe_base_url(st.context.url)


def long_date(day: dt.date) -> str:
    """A date as Dutch text: '8 december 2026'."""
    return fmt_date(day.year, day.month, day.day)


def open_session(store: Store, code: str) -> SessionInfo | None:
    """The session with ``code``, or None after a notice saying why not.

    While the database is away the session this browser last saw is returned (with the
    notice), so the forms and what was typed in them stay on the page.
    """
    try:
        info = store.get_session(code, current_client())
    except StoreUnavailableError:
        unavailable()
        last = st.session_state.get(_LAST_INFO)
        if isinstance(last, SessionInfo) and last.code == normalise_code(code):
            st.session_state[_OFFLINE] = True
            return last
        wait_for_store()
        return None
    except StoreError as exc:
        st.warning(exc.message, icon=":material/search_off:")
        return None
    st.session_state[_LAST_INFO] = info
    return info


# ---------------------------------------------------------------------------
# Start or join
# ---------------------------------------------------------------------------


def code_field() -> str:
    """The session code from the link (``sessie=``), letters and digits only; '' when none."""
    code = st.query_params.get(CODE_KEY) or ""
    return "".join(ch for ch in code.upper() if ch.isalnum())[:12]


def _join() -> None:
    """Callback of the join form: open the participant's screen of the typed code."""
    typed = st.session_state.get("_ws_code_invoer")
    code = "".join(ch for ch in str(typed or "").upper() if ch.isalnum())[:12]
    if not code:
        _flash("error", "Vul de code in die op het grote scherm staat.", _AT_START)
        return
    st.query_params[CODE_KEY] = code


def join_form() -> None:
    """'Meedoen': type the code from the big screen (the QR code and the link fill it in already)."""
    with st.form("ws_meedoen", border=True):
        st.text_input("Sessiecode", key="_ws_code_invoer", max_chars=12, placeholder="bijvoorbeeld K7Q2MX")
        st.form_submit_button("Meedoen", type="primary", on_click=_join)


def _create(store: Store, year: int, districts: list[str]) -> None:
    """Create the session from the start form; keep its code and, once, the facilitator key.

    ``districts`` are the options the form offered: the store refuses any other value.
    """
    state = st.session_state
    if year not in data.years():
        _flash("error", "Kies een jaar uit de lijst.", _AT_START)
        return
    chosen = state.get("_ws_districten") or [UNIT]
    figures = state.get("_ws_cijfers") or []
    try:
        info, key = store.create_session(
            str(state.get("_ws_titel") or ""),
            state.get("_ws_datum") or dt.date.today(),
            list(chosen) if isinstance(chosen, list | tuple) else [str(chosen)],
            list(figures) if isinstance(figures, list | tuple) else [str(figures)],
            year,
            current_client(),
            offered_districts=districts,
        )
    except StoreError as exc:
        _flash("error", exc.message, _AT_START)
        return
    state[_CREATED] = (info.code, key)
    state[_KEY] = key
    state[_KEY_OK] = info.code
    st.query_params[CODE_KEY] = info.code
    st.query_params["scherm"] = "regie"


def start_form(store: Store, year: int, districts: list[str]) -> None:
    """The form with which a facilitator starts a new werksessie."""
    with st.form("ws_start", border=True):
        st.markdown("**Nieuwe werksessie starten** (voor de gespreksleider)")
        st.text_input("Titel", key="_ws_titel", max_chars=MAX_TITLE_CHARS)
        st.date_input("Datum", key="_ws_datum", value=dt.date.today(), format="DD-MM-YYYY")
        st.multiselect("Gebied", districts, default=[UNIT], key="_ws_districten")
        st.multiselect(
            "Cijfers om eerst te schatten",
            list(FIGURE_KEYS),
            default=list(FIGURE_KEYS[:2]),
            format_func=figure_label,
            key="_ws_cijfers",
        )
        st.form_submit_button(
            "Werksessie starten", type="primary", on_click=_create, args=(store, year, list(districts))
        )
    show_flash(_AT_START)


# ---------------------------------------------------------------------------
# Figures and estimates
# ---------------------------------------------------------------------------


def session_figures(tables: Tables, districts: tuple[str, ...]) -> dict[str, Figure]:
    """Every figure a session about ``districts`` can estimate, from one year's tables (a cached view)."""
    return published_figures(tables.tidy, tables.population, tables.context, list(districts))


def figures_for(info: SessionInfo) -> dict[str, Figure]:
    """The figures of the session's year and area, computed once per process for each year and area.

    Every screen asks for them on every run (60 phones, the big screen every 2 s), so they come
    from :func:`components.data.view`'s cache.
    """
    year = info.year if info.year in data.years() else data.years()[-1]
    known = district_options()  # a session stored before districts were checked may hold anything
    all_figures = data.view(session_figures, year, tuple(d for d in info.districts if d in known))
    return {key: all_figures[key] for key in info.figures if key in all_figures}


def figure_label(key: str) -> str:
    """The Dutch label of a figure key."""
    return FIGURE_LABELS.get(key, key)


def owner_label(org: str | None) -> str:
    """An owner option as shown ('–' for none)."""
    return org or "–"


def org_choice() -> str:
    """The participant's own organisation type (optional; kept for this browser session only)."""
    return str(
        st.selectbox(
            "Jouw type organisatie (optioneel)",
            [NO_ORG, *ORG_TYPES],
            key=_ORG,
            help="Alleen het type wordt getoond, nooit je naam of organisatie.",
        )
    )


def _checked_number(value: object, low: float, high: float) -> float | None:
    """``value`` as a finite number within ``low``..``high``, or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and low <= number <= high else None


def _post_estimate(store: Store, code: str, figure: Figure) -> None:
    """Store this browser's estimate for the current round (the value must lie within the field's bounds)."""
    where = _at_estimate(figure)
    value = st.session_state.get(f"_ws_schatting_{figure.key}")
    if value is None:
        _flash("error", "Vul eerst een getal in.", where)
        return
    number = _checked_number(value, float(figure.low), float(figure.high))
    if number is None:
        _flash("error", f"Vul een getal in. {estimate_bounds_text(figure)}", where)
        return
    try:
        round_no = store.add_estimate(code, figure.key, number, st.session_state.get(_ORG), current_client())
    except StoreError as exc:
        _flash("error", exc.message, where)
        return
    st.session_state[f"_ws_mijn_{figure.key}_{round_no}"] = figure.format(number)
    _changed()
    _flash("ok", f"Je schatting voor ronde {round_no} is opgeslagen.", where)


def estimate_form(store: Store, info: SessionInfo, figure: Figure, *, compact: bool = False) -> None:
    """'Schat eerst': the estimate input for the current round (``compact``: the question without a heading)."""
    if not compact:
        st.subheader("Schat eerst")
    st.markdown(f"**{figure.question}**")
    with st.form(f"ws_schatting_{figure.key}", border=False):
        st.number_input(
            f"Jouw schatting ({figure.unit})",
            min_value=float(figure.low),
            max_value=float(figure.high),
            value=None,
            step=1.0,
            format="%.0f",
            key=f"_ws_schatting_{figure.key}",
            help=estimate_bounds_text(figure),
        )
        st.form_submit_button(
            f"Schatting insturen (ronde {info.current_round})",
            on_click=_post_estimate,
            args=(store, info.code, figure),
            disabled=info.closed,
        )
    show_flash(_at_estimate(figure))
    mine = st.session_state.get(f"_ws_mijn_{figure.key}_{info.current_round}")
    if mine:
        st.caption(f"Jouw schatting in ronde {info.current_round}: {mine}")


def estimates_chart(table: pl.DataFrame, figure: Figure) -> alt.LayerChart:
    """Strip chart of the estimates per organisation type, with the published value as a line."""
    points = (
        alt.Chart(table)
        .mark_circle(size=140, opacity=0.9, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("schatting:Q", title=f"Schatting ({figure.unit})"),
            y=alt.Y("organisatie:N", title=None, sort=[*ORG_TYPES, NO_ORG]),
            color=alt.Color(
                "organisatie:N",
                scale=alt.Scale(domain=list(ORG_COLORS), range=list(ORG_COLORS.values())),
                legend=None,
            ),
            yOffset=alt.YOffset("ronde:N"),
            opacity=alt.Opacity(
                "ronde:N", scale=alt.Scale(range=[0.45, 1.0]), legend=alt.Legend(title="Ronde")
            ),
            tooltip=[
                alt.Tooltip("organisatie:N", title="Organisatie"),
                alt.Tooltip("ronde:N", title="Ronde"),
                alt.Tooltip("schatting_tekst:N", title="Schatting"),
            ],
        )
    )
    label = figure.value_label
    truth = pl.DataFrame({"waarde": [figure.value], "tekst": [f"{label.lower()}: {figure.value_text}"]})
    rule = alt.Chart(truth).mark_rule(color="#222", strokeDash=[4, 3], size=2).encode(x=alt.X("waarde:Q"))
    text = (
        alt.Chart(truth)
        .mark_text(align="left", dx=4, dy=-6, fontWeight="bold")
        .encode(x=alt.X("waarde:Q"), y=alt.value(0), text=alt.Text("tekst:N"))
    )
    chart: alt.LayerChart = (points + rule + text).properties(
        title=alt.TitleParams(
            "Hoe ver zaten we ernaast?",
            subtitle=f"Schattingen per type organisatie; de stippellijn: {label.lower()} ({figure.counts_text}).",
        ),
        height=320,
    )
    return chart


def _estimates_part(board: Board, figure: Figure) -> None:
    """The estimates of each round: how many came in while hidden, the comparison once revealed."""
    info = board.session
    rows = [e for e in board.estimates if e.figure == figure.key]
    for round_no in range(1, info.current_round + 1):
        if not board.is_revealed(figure.key, round_no):
            n = sum(1 for e in rows if e.round == round_no)
            st.info(
                f"Ronde {round_no}: {n} {'schatting' if n == 1 else 'schattingen'} binnen. De schattingen "
                "en het antwoord blijven verborgen tot de gespreksleider ze toont.",
                icon=":material/visibility_off:",
            )
    reveal_part(board, figure)


def reveal_part(board: Board, figure: Figure, *, big: bool = False) -> None:
    """Once revealed: the figure with its label and source, what the group estimated, and the strip.

    ``big`` is the projector's version: the figure and the strip, no table.
    """
    shown = [e for e in board.estimates if e.figure == figure.key and board.is_revealed(figure.key, e.round)]
    if not shown:
        return
    if not big:
        st.subheader("Dan zien")
    note = figure.area_note
    if note and not big:  # the big screen says it under the question
        st.caption(note)
    st.metric(
        figure.value_label,
        figure.value_text,
        help=f"{figure.counts_text}. Bron: {figure.source}.",
        border=True,
    )
    for reference in figure.references:
        st.markdown(
            f"Ter vergelijking, {inert_markdown(reference.label.lower())}: "
            f"**{inert_markdown(reference.value_text)}** "
            + inert_markdown(f"({reference.counts_text}; bron: {reference.source}).")
        )
    if not big:  # the big screen names the source under the strip
        st.caption(f"{figure.counts_text}. {figure.note} Bron: {figure.source}.".replace("  ", " ").strip())
    stats = []
    for round_no in range(1, ROUNDS + 1):
        if board.is_revealed(figure.key, round_no):
            values = [e.value for e in shown if e.round == round_no]
            stats.append(estimate_stats(values, figure.value))
            st.markdown(inert_markdown(reveal_summary(stats[-1], figure, round_no)))
    if len(stats) == 2:
        st.markdown(inert_markdown(round_comparison(stats[0], stats[1], figure)))
    table = estimate_table([(e.org_type, e.round, e.value) for e in shown], figure)
    show_chart(estimates_chart, table, figure, source=f"schattingen in deze werksessie; {figure.source}")
    if big:
        return
    with st.expander("Schattingen als tabel"):
        st.dataframe(
            table.select("organisatie", "ronde", pl.col("schatting_tekst").alias("schatting")),
            hide_index=True,
            width="stretch",
        )


# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------


def _support(store: Store, code: str, note_id: int) -> None:
    """Add this browser session's +1 to a note."""
    try:
        if not store.support(code, note_id, current_client()):
            _flash("error", "Je steunde deze bijdrage al.", _AT_BOARD)
        _changed()
    except StoreError as exc:
        _flash("error", exc.message, _AT_BOARD)


#: A phone and the big screen show this many notes of each kind (most support first); the console
#: shows every one.
TOP_NOTES = 5


def note_card(key: str, text: str, details: str) -> DeltaGenerator:
    """A bordered card with a note's text and a grey line of details; the caller puts its button in it.

    The text is ``st.text``: shown exactly as typed (Markdown would turn ``--`` into a dash).
    Four elements a card (the box, the text, the details, the button), the button under the
    details: sixty phones redraw their cards every few seconds, and every element is a message
    to send (a row for the details and the button was two more).
    """
    card = st.container(border=True, key=key)
    card.text(text)
    card.caption(inert_markdown(details))
    return card


def _notes_part(store: Store, board: Board, figure: Figure, limit: int | None = None) -> None:
    """The visible observations and action points on one question, most support first (``limit`` per kind)."""
    for kind in NoteKind:
        st.subheader(NOTE_KIND_TITLES[kind])
        notes = board.ranked_notes(figure.key, kind)
        if not notes:
            st.caption("Nog niets geplaatst.")
        more = len(notes) - limit if limit is not None and len(notes) > limit else 0
        for note in notes[: len(notes) - more]:
            extra = ""
            if kind == NoteKind.ACTION:
                extra = f" · eigenaar: {note.owner_org or NO_ORG}"
                if note.deadline:
                    extra += f" · uiterlijk {format_deadline(note.deadline)}"
            note_card(
                f"ws_notitie_{note.id}",
                note.text,
                f"#{note.id} · {note.org_type}{extra} · steun: {note.support}",
            ).button(
                "+1",
                key=f"ws_steun_{note.id}",
                on_click=_support,
                args=(store, board.session.code, note.id),
                help="Steun deze bijdrage",
            )
        if more:
            st.caption(
                f"En nog {more} met minder steun; de gespreksleider ziet ze allemaal en ze staan in het verslag."
            )


def _text_key(figure: Figure) -> str:
    return f"_ws_tekst_{figure.key}"


def _draft_key(figure: Figure) -> str:
    """Where a posted text waits until the store confirms it (kept even when the form is not drawn)."""
    return f"_ws_concept_{figure.key}"


#: The optional deadline of an action point: a switch, and a date that counts only when it is on.
DEADLINE_SWITCH = "Met uiterste datum"
DEADLINE_LABEL = "Uiterste datum"
DEADLINE_HELP = "Dag-maand-jaar, bijvoorbeeld 01-03-2027. Telt alleen als 'Met uiterste datum' aan staat."
DEADLINE_DEFAULT = dt.timedelta(weeks=4)


# -- Names: no pattern catches them reliably, so the writer confirms -----------------------------
# (analysis.werksessie.privacy.possible_names). A text that may name a person is held back once
# with a warning that quotes the words; the form then shows a box to tick, and the same text
# with the box ticked is placed.


def _names_key(figure: Figure) -> str:
    return f"_ws_namen_{figure.key}"


def _names_confirm_key(figure: Figure) -> str:
    return f"_ws_geen_naam_{figure.key}"


def _names_confirmed(figure: Figure, text: str) -> bool:
    """True when ``text`` names no one, or the writer ticked that the words it quoted name no person."""
    state = st.session_state
    checked = check_text(text)
    names = list(checked.names)
    if not checked.needs_confirmation or (
        state.get(_names_confirm_key(figure)) and state.get(_names_key(figure)) == names
    ):
        state.pop(_names_key(figure), None)
        state[_names_confirm_key(figure)] = False
        return True
    state[_names_key(figure)] = names
    state[_names_confirm_key(figure)] = False
    _flash("warning", checked.message, _at_note(figure))
    return False


def _names_confirm_box(figure: Figure) -> None:
    """The box to tick after a warning about names (only then)."""
    if st.session_state.get(_names_key(figure)):
        st.checkbox(NAMES_CONFIRM_LABEL, key=_names_confirm_key(figure))


def _post_note(store: Store, code: str, figure: Figure) -> None:
    """Store the observation or action point from the note form; the text stays until the store confirms."""
    where = _at_note(figure)
    state = st.session_state
    text = state.get(_text_key(figure))
    text = text if isinstance(text, str) else ""
    state[_draft_key(figure)] = text
    if not _names_confirmed(figure, text):
        return  # the text stays; the form asks to confirm
    try:
        kind = NoteKind(state.get(f"_ws_soort_{figure.key}") or NoteKind.OBSERVATION)
    except ValueError:
        _flash("error", "Kies of dit een observatie of een actiepunt is.", where)
        return
    try:
        store.add_note(
            code,
            figure.key,
            kind.value,
            text,
            state.get(_ORG),
            current_client(),
            owner_org=state.get(f"_ws_eigenaar_{figure.key}"),
            deadline=None
            if state.get(f"_ws_met_deadline_{figure.key}") is False
            else state.get(f"_ws_deadline_{figure.key}"),
        )
    except StoreError as exc:
        _flash("error", exc.message, where)  # the text stays in the field and in the draft
        return
    state[_text_key(figure)] = ""
    state.pop(_draft_key(figure), None)
    _changed()
    _flash("ok", "Geplaatst. Iedereen ziet je bijdrage binnen enkele seconden.", where)


def note_kind_label(kind: NoteKind) -> str:
    """A note kind as the form offers it: ``Observatie``, ``Actiepunt``."""
    return NOTE_KIND_LABELS[kind]


def note_form(store: Store, info: SessionInfo, figure: Figure) -> None:
    """The form for an observation or action point (at most MAX_TEXT_CHARS characters).

    A text that was posted but not confirmed comes back into the field, also after a run in
    which the form was not drawn (Streamlit forgets the state of widgets it did not draw).
    """
    state = st.session_state
    draft = state.get(_draft_key(figure))
    if isinstance(draft, str) and draft and not state.get(_text_key(figure)):
        state[_text_key(figure)] = draft
    with st.form(f"ws_notitie_{figure.key}", border=True):
        st.markdown("**Observatie of actiepunt toevoegen**")
        st.radio(
            "Soort",
            list(NoteKind),
            key=f"_ws_soort_{figure.key}",
            format_func=note_kind_label,
            horizontal=True,
        )
        st.text_area(
            "Tekst",
            key=_text_key(figure),
            max_chars=MAX_TEXT_CHARS * 20,  # longer texts reach the check, which explains the limit
            help=f"Maximaal {MAX_TEXT_CHARS} tekens. Geen persoonsgegevens of casusdetails.",
        )
        left, right = st.columns(2)
        left.selectbox(
            "Eigenaar (bij een actiepunt)",
            [None, *ORG_TYPES],
            key=f"_ws_eigenaar_{figure.key}",
            format_func=owner_label,
        )
        # An empty date field shows an English 'dd-mm-yyyy'; a switch plus a filled-in date does not.
        right.checkbox(DEADLINE_SWITCH, key=f"_ws_met_deadline_{figure.key}")
        right.date_input(
            DEADLINE_LABEL,
            value=dt.date.today() + DEADLINE_DEFAULT,
            key=f"_ws_deadline_{figure.key}",
            format="DD-MM-YYYY",
            help=DEADLINE_HELP,
        )
        _names_confirm_box(figure)
        st.form_submit_button(
            "Plaatsen",
            type="primary",
            on_click=_post_note,
            args=(store, info.code, figure),
            disabled=info.closed,
        )
    show_flash(_at_note(figure))


# ---------------------------------------------------------------------------
# The live board
# ---------------------------------------------------------------------------


def board(
    store: Store, code: str, figure_key: str, figures: dict[str, Figure], *, follow: bool = False
) -> None:
    """The board for one question: estimates (hidden until revealed) and notes; refreshes every few seconds.

    ``follow``: when the console puts another question on the big screen, the whole page runs
    again with that question (the participant's phone follows the big screen).
    """

    every = PHONE_REFRESH_SECONDS if follow else REFRESH_SECONDS

    @st.fragment(run_every=every)
    def _live() -> None:
        try:
            current = shared_board(store, code) if follow else store.board(code)
        except StoreUnavailableError:
            st.session_state[_OFFLINE] = True
            st.warning(
                "Het bord kan nu niet worden bijgewerkt: de database is niet bereikbaar. Het probeert het "
                f"elke {every} seconden opnieuw; wat je typt blijft staan.",
                icon=":material/cloud_off:",
            )
            return
        except StoreError as exc:
            st.error(exc.message, icon=":material/cloud_off:")
            return
        if st.session_state.pop(_OFFLINE, False):
            st.rerun()  # the database is back: draw the whole page again (round, closed, forms)
        if follow and current.session.shown_figure != figure_key:
            st.rerun(scope="app")  # the console chose another question
        if follow and current.session.current_round != st.session_state.get(
            _ROUND_SEEN, current.session.current_round
        ):
            st.session_state[_ROUND_SEEN] = current.session.current_round
            st.rerun(scope="app")  # round 2 started: the estimate form asks again
        st.session_state[_ROUND_SEEN] = current.session.current_round
        show_flash(_AT_BOARD)
        if current.session.closed:
            st.warning("Deze werksessie is gesloten. Je kunt alles nog lezen.", icon=":material/lock:")
        figure = figures[figure_key]
        _estimates_part(current, figure)
        _notes_part(store, current, figure, TOP_NOTES if follow else None)
        st.caption(
            f"Bijgewerkt om {dt.datetime.now().strftime('%H:%M:%S')}; het bord ververst elke {every} seconden."
        )

    _live()


def retention_text(info: SessionInfo) -> str:
    """Until when the session is kept, and why, in Dutch."""
    if info.expires_on is None:
        return ""
    until = long_date(info.expires_on)
    if info.closed:
        return f"Gesloten; alles wordt na {until} verwijderd ({CLOSED_RETENTION_DAYS} dagen na het sluiten)."
    return (
        f"Bewaard tot en met {until}: {IDLE_DAYS} dagen na de sessiedatum en de laatste bijdrage. "
        f"Na het sluiten blijft alles nog {CLOSED_RETENTION_DAYS} dagen staan."
    )


def session_header(info: SessionInfo, *, privacy: bool = True, title: bool = True) -> None:
    """Title, date, area, round and retention of the session (all escaped), and the privacy notice."""
    if title:
        st.subheader(inert_markdown(info.title))
    st.caption(
        inert_markdown(
            f"Code {info.code} · {format_deadline(info.held_on)} · "
            f"{', '.join(info.districts) or UNIT} · ronde {info.current_round} van {ROUNDS}"
            + (" · gesloten" if info.closed else "")
        )
    )
    if info.expires_on is not None:
        st.caption(inert_markdown(retention_text(info)))
    if privacy:
        st.warning(PRIVACY_NOTICE, icon=":material/privacy_tip:")


# ---------------------------------------------------------------------------
# Facilitator panel and export
# ---------------------------------------------------------------------------


#: What the console says when a facilitator action succeeded (by button or by note number).
ACTION_DONE: dict[FacilitatorAction, str] = {
    FacilitatorAction.REVEAL: "De schattingen zijn getoond.",
    FacilitatorAction.NEXT_ROUND: f"Ronde {ROUNDS} is gestart: iedereen kan opnieuw schatten.",
    FacilitatorAction.CLOSE: "De werksessie is gesloten.",
    FacilitatorAction.HIDE: "De bijdrage is verborgen.",
    FacilitatorAction.SHOW: "De bijdrage staat weer op het bord.",
    FacilitatorAction.MERGE: "De bijdragen zijn samengevoegd.",
}


def note_number(value: object) -> int | None:
    """A note number from a number field: a whole number from 1 up, or None."""
    number = _checked_number(value, 1, 2**31 - 1)
    return int(number) if number is not None and number == int(number) else None


def _facilitator_action(store: Store, code: str, action: FacilitatorAction, figure_key: str) -> None:
    """Run one facilitator action; the store checks the key from the password field every time."""
    state = st.session_state
    key = state.get(_KEY)
    key = key if isinstance(key, str) else None
    client = current_client()
    try:
        match action:
            case FacilitatorAction.REVEAL:
                store.reveal(code, key, figure_key, client)
            case FacilitatorAction.NEXT_ROUND:
                store.next_round(code, key, client)
            case FacilitatorAction.CLOSE:
                store.close(code, key, client)
            case FacilitatorAction.HIDE | FacilitatorAction.SHOW:
                number = note_number(state.get("_ws_verberg"))
                if number is None:
                    raise StoreError("Vul het nummer van de bijdrage in (het staat na de # bij de bijdrage).")
                store.set_hidden(code, key, number, client, hidden=action == FacilitatorAction.HIDE)
            case FacilitatorAction.MERGE:
                keep, dup = note_number(state.get("_ws_bewaar")), note_number(state.get("_ws_dubbel"))
                if keep is None or dup is None:
                    raise StoreError(
                        "Vul de nummers van beide bijdragen in (ze staan na de # bij de bijdrage)."
                    )
                store.merge(code, key, keep, dup, client)
    except StoreError as exc:
        _flash("error", exc.message, _AT_FACILITATOR)
        return
    _changed()
    _flash("ok", ACTION_DONE[action], _AT_FACILITATOR)


def build_report(board_data: Board, figures: dict[str, Figure], base: str) -> SessionReport:
    """The report of a session from its board (hidden notes left out)."""
    info = board_data.session
    parts = []
    for key, figure in figures.items():
        rounds = tuple(
            estimate_stats(
                [
                    e.value
                    for e in board_data.estimates
                    if e.figure == key and e.round == r and board_data.is_revealed(key, r)
                ],
                figure.value,
            )
            for r in range(1, ROUNDS + 1)
        )
        notes = tuple(
            NoteLine(n.kind, n.text, n.org_type, n.support, n.owner_org or "", format_deadline(n.deadline))
            for n in board_data.notes
            if n.figure == key and not n.hidden
        )
        parts.append(
            QuestionReport(
                figure,
                view_link(base, figure, info.districts, info.year),
                rounds,
                any(board_data.is_revealed(key, r) for r in range(1, ROUNDS + 1)),
                notes,
            )
        )
    return SessionReport(info.title, format_deadline(info.held_on), info.districts, tuple(parts))


def csv_rows(board_data: Board) -> list[list[object]]:
    """All notes (also hidden ones, marked) and all estimates as rows for the CSV export."""
    rows: list[list[object]] = [
        [
            n.kind,
            n.figure,
            "",
            n.org_type,
            n.text,
            n.owner_org or "",
            format_deadline(n.deadline),
            n.support,
            "ja" if n.hidden else "nee",
            n.created_at or "",
        ]
        for n in board_data.notes
    ]
    rows += [
        [CSV_ESTIMATE, e.figure, e.round, e.org_type, e.value, "", "", "", "", e.created_at or ""]
        for e in board_data.estimates
    ]
    return rows


def _export(store: Store, code: str, figures: dict[str, Figure], fmt: ExportFormat) -> Callable[[], str]:
    """The export in ``fmt``, made when called; the facilitator key is checked again then."""
    key = st.session_state.get(_KEY)
    key = key if isinstance(key, str) else None
    url = base_url()
    client = current_client()

    def make() -> str:
        # Checked again at the moment of download: the key must still be right.
        try:
            board_data = store.authorise_export(code, key, client)
        except StoreError as exc:
            return exc.message
        if fmt == "csv":
            return report_csv(csv_rows(board_data))
        report = build_report(board_data, figures, url)
        return report_markdown(report) if fmt == "md" else handout_html(report)

    return make


def _facilitator_key() -> str | None:
    key = st.session_state.get(_KEY)
    return key if isinstance(key, str) and key else None


def key_accepted(store: Store, info: SessionInfo) -> bool:
    """True when this browser session holds the right key of ``info`` (checked once, then remembered)."""
    return key_accepted_for(info.code)


def key_accepted_for(code: str) -> bool:
    """True when this browser session entered (or got at creation) the right key of session ``code``."""
    return bool(st.session_state.get(_KEY_OK) == code and _facilitator_key())


def _check_typed_key(store: Store, code: str) -> None:
    """Callback of the key form: remember the key for this browser session when the store accepts it."""
    typed = st.session_state.get("_ws_sleutel_invoer")
    typed = typed if isinstance(typed, str) else ""
    try:
        allowed = bool(typed) and store.check_key(code, typed, current_client())
    except StoreError as exc:
        _flash("error", exc.message, _AT_FACILITATOR)
        return
    if not allowed:
        _flash(
            "error",
            "Deze sleutel klopt niet; vul de sleutel in die je bij het starten kreeg.",
            _AT_FACILITATOR,
        )
        return
    st.session_state[_KEY] = typed
    st.session_state[_KEY_OK] = code
    st.session_state["_ws_sleutel_invoer"] = ""


def key_field(store: Store, info: SessionInfo) -> None:
    """Ask once per browser session for the facilitator key (it never goes into a link)."""
    st.markdown(
        "Dit is de regie van de werksessie. Vul de sleutel in die je bij het starten kreeg; deze browser "
        "onthoudt hem tot je het tabblad sluit. Deelnemers gebruiken de deelnamelink, het grote scherm heeft "
        "geen sleutel nodig."
    )
    with st.form("ws_sleutel", border=True):
        st.text_input(
            "Sleutel van de gespreksleider",
            type="password",
            key="_ws_sleutel_invoer",
            placeholder="XXXX-XXXX-XXXX-XXXX",
        )
        st.form_submit_button(
            "Regie openen", type="primary", on_click=_check_typed_key, args=(store, info.code)
        )
    show_flash(_AT_FACILITATOR)


def run_action(action: Action, done: str) -> None:
    """Run one facilitator action with the key of this browser session; say how it went."""
    try:
        action(_facilitator_key(), current_client())
    except StoreError as exc:
        _flash("error", exc.message, _AT_FACILITATOR)
        return
    _changed()
    if done:
        _flash("ok", done, _AT_FACILITATOR)


def hide_controls(store: Store, info: SessionInfo, figure: Figure) -> None:
    """Hide a note, or put it back on the board, by its number (for notes further down the list)."""
    with st.expander("Bijdrage verbergen of terugzetten", icon=":material/visibility_off:"):
        number, hide, show = st.columns([3, 1, 1], vertical_alignment="bottom")
        number.number_input("Bijdrage #", min_value=1, step=1, value=None, key="_ws_verberg")
        for column, label, action in (
            (hide, "Verbergen", FacilitatorAction.HIDE),
            (show, "Terugzetten", FacilitatorAction.SHOW),
        ):
            column.button(
                label,
                key=f"ws_nummer_{action.value}",
                on_click=_facilitator_action,
                args=(store, info.code, action, figure.key),
            )


def merge_controls(store: Store, info: SessionInfo, figure: Figure) -> None:
    """Merge a duplicate note into another (by their numbers)."""
    with st.expander("Dubbele bijdragen samenvoegen", icon=":material/merge:"):
        left, right, button = st.columns([2, 2, 1], vertical_alignment="bottom")
        left.number_input("Bewaar bijdrage #", min_value=1, step=1, value=None, key="_ws_bewaar")
        right.number_input("Voeg dubbele bijdrage # samen", min_value=1, step=1, value=None, key="_ws_dubbel")
        button.button(
            "Samenvoegen",
            key="ws_samenvoegen",
            on_click=_facilitator_action,
            args=(store, info.code, FacilitatorAction.MERGE, figure.key),
        )


def exports(store: Store, info: SessionInfo, figures: dict[str, Figure]) -> None:
    """The downloads: the report as Markdown, the hand-out to print (HTML), and every contribution as CSV."""
    code = info.code
    st.markdown("**Verslag downloaden**")
    st.caption(
        inert_markdown(
            f"Het verslag bevat de stand van {dt.datetime.now().strftime('%H:%M:%S')}; 'Verslag bijwerken' "
            f"haalt de nieuwste bijdragen op. {retention_text(info)} Download het verslag vóór die datum."
        )
    )
    st.button("Verslag bijwerken", key="ws_verslag_bijwerken")
    stamp = info.code
    # The hand-out is the HTML report: one printable page per question (print to PDF from the browser).
    files: list[tuple[str, ExportFormat, str, str]] = [
        ("Verslag (Markdown)", "md", "md", "text/markdown;charset=utf-8"),
        ("Hand-out om te printen (HTML)", "handout", "hand-out.html", "text/html;charset=utf-8"),
        ("Alle bijdragen en schattingen (CSV)", "csv", "csv", "text/csv;charset=utf-8"),
    ]
    columns = st.columns(2)
    for n, (label, fmt, suffix, mime) in enumerate(files):
        column = columns[n % 2]
        column.download_button(
            label,
            _export(store, code, figures, fmt)(),
            file_name=f"werksessie-{stamp}.{suffix}",
            mime=mime,
            key=f"ws_{fmt}",
            on_click="ignore",
            width="stretch",
        )
