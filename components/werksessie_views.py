"""UI of the werksessie page: start or join, estimate, the live board, notes, facilitator panel, export.

Everything a participant typed is shown with ``st.text``, ``st.dataframe`` or ``inert_markdown``.
The facilitator key lives only in a password field (session state, never the link) and is
checked by the store on every facilitator action.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Callable
from typing import Literal

import altair as alt
import polars as pl
import streamlit as st

from analysis import UNIT
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
    RATE_LIMIT_MESSAGE,
    FacilitatorAction,
    Figure,
    NoteKind,
    NoteLine,
    QuestionReport,
    SessionReport,
    estimate_bounds_text,
    estimate_stats,
    estimate_table,
    format_deadline,
    join_link,
    published_figures,
    rate_limited,
    recent_posts,
    report_csv,
    report_html,
    report_markdown,
    reveal_summary,
    round_comparison,
    session_area,
    view_link,
)
from components import data
from components.charts import show_chart
from components.controls import bound
from storage import Store, StoreError, make_engine, migrate, resolve_url
from storage.repository import ROUNDS, Board, SessionInfo

CODE_KEY = "sessie"
FIGURE_KEY = "vraag"
_CLIENT = "_ws_client"
_POSTS = "_ws_posts"
_KEY = "_ws_sleutel"
_CREATED = "_ws_nieuw"
_FLASH = "_ws_melding"
_ORG = "_ws_organisatie"

#: Where on the page a callback's message shows (see :func:`show_flash`).
_AT_START = "start"
_AT_BOARD = "bord"
_AT_FACILITATOR = "leider"


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
ExportFormat = Literal["md", "html", "csv"]


# ---------------------------------------------------------------------------
# Store and browser session
# ---------------------------------------------------------------------------


def _secret_url() -> str | None:
    try:
        value = st.secrets.get("database_url")
    except Exception:  # no secrets file at all
        return None
    return str(value) if value else None


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> Store:
    engine = make_engine(url)
    migrate(engine)  # alembic upgrade head, once per URL and process; retried after a failure
    return Store(engine)


def get_store() -> Store | None:
    """The store for the configured database (migrated), or None with a clear notice when unreachable."""
    url = resolve_url(os.environ, _secret_url())
    try:
        return _store_for(url)
    except Exception:  # any failure to connect or migrate: the page says so, the app keeps working
        unavailable()
        return None


def unavailable() -> None:
    """The notice shown when the database cannot be reached."""
    st.error(
        "De database voor werksessies is nu niet bereikbaar. Het bord kan niet worden bijgewerkt en nieuwe "
        "bijdragen worden niet opgeslagen; wat je typt blijft in het invoerveld staan. De andere pagina's "
        "van de app werken gewoon.",
        icon=":material/cloud_off:",
    )


def client_id() -> str:
    """A random id for this browser session (for one estimate per round, one +1 per note, rate limits)."""
    if _CLIENT not in st.session_state:
        st.session_state[_CLIENT] = secrets.token_hex(16)
    return str(st.session_state[_CLIENT])


def _flash(kind: str, message: str, where: str) -> None:
    """Leave ``message`` for :func:`show_flash` at ``where``; ``kind`` is ``ok`` or ``error``."""
    st.session_state[_FLASH] = (kind, message, where)


def show_flash(where: str) -> None:
    """Show (once) the message a callback left for this place on the page."""
    flash = st.session_state.get(_FLASH)
    if flash and flash[2] == where:
        kind, message, _ = flash
        del st.session_state[_FLASH]
        (st.success if kind == "ok" else st.error)(message)


def _rate_ok(where: str) -> bool:
    """Count this post against the rate limit; False (with a message at ``where``) when over it."""
    now = time.monotonic()
    posts = recent_posts(st.session_state.get(_POSTS, []), now)
    if rate_limited(posts, now):
        _flash("error", RATE_LIMIT_MESSAGE, where)
        st.session_state[_POSTS] = posts
        return False
    st.session_state[_POSTS] = [*posts, now]
    return True


def base_url() -> str:
    """The app's root address as the browser sees it (for join and view links)."""
    url = (st.context.url or "http://localhost:8501").split("?", 1)[0].rstrip("/")
    return url.removesuffix("/werksessie")


# ---------------------------------------------------------------------------
# Start or join
# ---------------------------------------------------------------------------


def code_field() -> str:
    """The session code field; its value travels in the link as ``sessie=``."""
    code = bound(
        st.text_input,
        "Sessiecode",
        key=CODE_KEY,
        max_chars=12,
        placeholder="bijvoorbeeld K7Q2MX",
        help="Open je de link van de gespreksleider, dan staat de code hier al.",
    )
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def _create(store: Store, year: int) -> None:
    """Create the session from the start form; keep its code and, once, the facilitator key."""
    state = st.session_state
    try:
        info, key = store.create_session(
            state.get("_ws_titel", ""),
            state.get("_ws_datum") or dt.date.today(),
            list(state.get("_ws_districten") or [UNIT]),
            list(state.get("_ws_cijfers") or []),
            year,
        )
    except StoreError as exc:
        _flash("error", exc.message, _AT_START)
        return
    state[CODE_KEY] = info.code
    state[_CREATED] = (info.code, key)
    state[_KEY] = key


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
        st.form_submit_button("Werksessie starten", type="primary", on_click=_create, args=(store, year))
    show_flash(_AT_START)


def _forget_created() -> None:
    """Stop showing the facilitator key of the session this browser created."""
    st.session_state.pop(_CREATED, None)


def created_notice(info: SessionInfo) -> None:
    """Show the join link and, once, the facilitator key of a session this browser just created."""
    created = st.session_state.get(_CREATED)
    if not created or created[0] != info.code:
        return
    with st.container(border=True, key="ws_nieuw"):
        st.success(f"Werksessie gestart. Code: **{info.code}**", icon=":material/check_circle:")
        st.markdown("Deelnemers doen mee met deze link:")
        st.code(join_link(base_url(), info.code), language=None)
        st.warning(
            "Jouw sleutel als gespreksleider staat hieronder. Hij wordt maar één keer getoond en is niet "
            "terug te halen: schrijf hem op. Deel hem niet met deelnemers en zet hem nooit in een link.",
            icon=":material/key:",
        )
        st.code(created[1], language=None)
        st.button("Ik heb de sleutel bewaard", key="ws_sleutel_bewaard", on_click=_forget_created)


# ---------------------------------------------------------------------------
# Figures and estimates
# ---------------------------------------------------------------------------


def figures_for(info: SessionInfo) -> dict[str, Figure]:
    """The published figures of the session's year and area."""
    year = info.year if info.year in data.years() else data.years()[-1]
    all_figures = published_figures(
        data.tidy(year), data.population(), data.context(), session_area(info.districts)
    )
    return {key: all_figures[key] for key in info.figures if key in all_figures}


def figure_label(key: str) -> str:
    """The Dutch label of a figure key."""
    return FIGURE_LABELS.get(key, key)


def owner_label(org: str | None) -> str:
    """An owner option as shown ('–' for none)."""
    return org or "–"


def figure_choice(figures: dict[str, Figure]) -> str:
    """The question page within the session; the choice travels in the link as ``vraag=``."""
    keys = list(figures)
    choice = bound(
        st.segmented_control,
        "Vraag",
        keys,
        key=FIGURE_KEY,
        default=keys[0],
        format_func=figure_label,
    )
    return choice if choice in figures else keys[0]


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


def _post_estimate(store: Store, code: str, figure: Figure) -> None:
    """Store this browser session's estimate for the current round."""
    where = _at_estimate(figure)
    if not _rate_ok(where):
        return
    value = st.session_state.get(f"_ws_schatting_{figure.key}")
    if value is None:
        _flash("error", "Vul eerst een getal in.", where)
        return
    try:
        round_no = store.add_estimate(code, figure.key, float(value), st.session_state.get(_ORG), client_id())
    except StoreError as exc:
        _flash("error", exc.message, where)
        return
    st.session_state[f"_ws_mijn_{figure.key}_{round_no}"] = figure.format(float(value))
    _flash("ok", f"Je schatting voor ronde {round_no} is opgeslagen.", where)


def estimate_form(store: Store, info: SessionInfo, figure: Figure) -> None:
    """'Schat eerst': the estimate input for the current round."""
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
    truth = pl.DataFrame({"waarde": [figure.value], "tekst": [f"gepubliceerd: {figure.value_text}"]})
    rule = alt.Chart(truth).mark_rule(color="#222", strokeDash=[4, 3], size=2).encode(x=alt.X("waarde:Q"))
    label = (
        alt.Chart(truth)
        .mark_text(align="left", dx=4, dy=-6, fontWeight="bold")
        .encode(x=alt.X("waarde:Q"), y=alt.value(0), text=alt.Text("tekst:N"))
    )
    chart: alt.LayerChart = (points + rule + label).properties(
        title=alt.TitleParams(
            "Hoe ver zaten we ernaast?",
            subtitle=f"Schattingen per type organisatie; de stippellijn is het gepubliceerde cijfer ({figure.counts_text}).",
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
                "en het gepubliceerde cijfer blijven verborgen tot de gespreksleider ze toont.",
                icon=":material/visibility_off:",
            )
    shown = [e for e in rows if board.is_revealed(figure.key, e.round)]
    if not shown:
        return
    st.subheader("Dan zien")
    st.metric(
        "Gepubliceerd cijfer",
        figure.value_text,
        help=f"{figure.counts_text}. Bron: {figure.source}.",
        border=True,
    )
    st.caption(f"{figure.counts_text}. {figure.note}".strip())
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
        if not store.support(code, note_id, client_id()):
            _flash("error", "Je steunde deze bijdrage al.", _AT_BOARD)
    except StoreError as exc:
        _flash("error", exc.message, _AT_BOARD)


def _notes_part(store: Store, board: Board, figure: Figure) -> None:
    """The visible observations and action points on one question, most support first."""
    visible = [n for n in board.notes if n.figure == figure.key and not n.hidden]
    for kind in NoteKind:
        st.subheader(NOTE_KIND_TITLES[kind])
        notes = sorted((n for n in visible if n.kind == kind), key=lambda n: (-n.support, n.id))
        if not notes:
            st.caption("Nog niets geplaatst.")
        for note in notes:
            with st.container(border=True, key=f"ws_notitie_{note.id}"):
                text_col, button_col = st.columns([6, 1], vertical_alignment="center")
                with text_col:
                    st.text(note.text)
                    extra = ""
                    if kind == NoteKind.ACTION:
                        extra = f" · eigenaar: {note.owner_org or NO_ORG}"
                        if note.deadline:
                            extra += f" · uiterlijk {format_deadline(note.deadline)}"
                    st.caption(f"#{note.id} · {note.org_type}{extra} · steun: {note.support}")
                button_col.button(
                    "+1",
                    key=f"ws_steun_{note.id}",
                    on_click=_support,
                    args=(store, board.session.code, note.id),
                    help="Steun deze bijdrage",
                )


#: The optional deadline of an action point: a switch, and a date that counts only when it is on.
DEADLINE_SWITCH = "Met uiterste datum"
DEADLINE_LABEL = "Uiterste datum"
DEADLINE_HELP = "Dag-maand-jaar, bijvoorbeeld 01-03-2027. Telt alleen als 'Met uiterste datum' aan staat."
DEADLINE_DEFAULT = dt.timedelta(weeks=4)


def _post_note(store: Store, code: str, figure: Figure) -> None:
    """Store the observation or action point from the note form; the text stays when refused."""
    where = _at_note(figure)
    state = st.session_state
    text_key = f"_ws_tekst_{figure.key}"
    if not _rate_ok(where):
        return
    kind = NoteKind(state.get(f"_ws_soort_{figure.key}") or NoteKind.OBSERVATION)
    try:
        store.add_note(
            code,
            figure.key,
            kind.value,
            state.get(text_key, ""),
            state.get(_ORG),
            client_id(),
            owner_org=state.get(f"_ws_eigenaar_{figure.key}"),
            deadline=None
            if state.get(f"_ws_met_deadline_{figure.key}") is False
            else state.get(f"_ws_deadline_{figure.key}"),
        )
    except StoreError as exc:
        _flash("error", exc.message, where)  # the text stays in the field
        return
    state[text_key] = ""
    _flash("ok", "Geplaatst. Iedereen ziet je bijdrage binnen enkele seconden.", where)


def note_kind_label(kind: NoteKind) -> str:
    """A note kind as the form offers it: ``Observatie``, ``Actiepunt``."""
    return NOTE_KIND_LABELS[kind]


def note_form(store: Store, info: SessionInfo, figure: Figure) -> None:
    """The form for an observation or action point (at most MAX_TEXT_CHARS characters)."""
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
            key=f"_ws_tekst_{figure.key}",
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


def board(store: Store, code: str, figure_key: str, figures: dict[str, Figure]) -> None:
    """The board for one question: estimates (hidden until revealed) and notes; refreshes every few seconds."""

    @st.fragment(run_every=REFRESH)
    def _live() -> None:
        try:
            current = store.board(code)
        except StoreError as exc:
            st.error(exc.message, icon=":material/cloud_off:")
            return
        show_flash(_AT_BOARD)
        if current.session.closed:
            st.warning("Deze werksessie is gesloten. Je kunt alles nog lezen.", icon=":material/lock:")
        figure = figures[figure_key]
        _estimates_part(current, figure)
        _notes_part(store, current, figure)
        st.caption(
            f"Bijgewerkt om {dt.datetime.now().strftime('%H:%M:%S')}; het bord ververst elke {REFRESH_SECONDS} seconden."
        )

    _live()


def session_header(info: SessionInfo) -> None:
    """Title, date, area and round of the session, and the privacy notice."""
    st.subheader(inert_markdown(info.title))
    st.caption(
        f"Code {info.code} · {format_deadline(info.held_on)} · "
        f"{', '.join(info.districts) or UNIT} · ronde {info.current_round} van {ROUNDS}"
        + (" · gesloten" if info.closed else "")
    )
    st.warning(PRIVACY_NOTICE, icon=":material/privacy_tip:")


# ---------------------------------------------------------------------------
# Facilitator panel and export
# ---------------------------------------------------------------------------


_ACTION_DONE: dict[FacilitatorAction, str] = {
    FacilitatorAction.REVEAL: "De schattingen zijn getoond.",
    FacilitatorAction.NEXT_ROUND: f"Ronde {ROUNDS} is gestart: iedereen kan opnieuw schatten.",
    FacilitatorAction.CLOSE: "De werksessie is gesloten.",
    FacilitatorAction.HIDE: "De bijdrage is verborgen.",
    FacilitatorAction.MERGE: "De bijdragen zijn samengevoegd.",
}


def _facilitator_action(store: Store, code: str, action: FacilitatorAction, figure_key: str) -> None:
    """Run one facilitator action; the store checks the key from the password field every time."""
    state = st.session_state
    key = state.get(_KEY)
    try:
        match action:
            case FacilitatorAction.REVEAL:
                store.reveal(code, key, figure_key)
            case FacilitatorAction.NEXT_ROUND:
                store.next_round(code, key)
            case FacilitatorAction.CLOSE:
                store.close(code, key)
            case FacilitatorAction.HIDE:
                store.set_hidden(code, key, int(state.get("_ws_verberg") or 0))
            case FacilitatorAction.MERGE:
                store.merge(code, key, int(state.get("_ws_bewaar") or 0), int(state.get("_ws_dubbel") or 0))
    except StoreError as exc:
        _flash("error", exc.message, _AT_FACILITATOR)
        return
    _flash("ok", _ACTION_DONE[action], _AT_FACILITATOR)


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
    url = base_url()

    def make() -> str:
        # Checked again at the moment of download: the key must still be right.
        try:
            board_data = store.authorise_export(code, key)
        except StoreError as exc:
            return exc.message
        if fmt == "csv":
            return report_csv(csv_rows(board_data))
        report = build_report(board_data, figures, url)
        return report_markdown(report) if fmt == "md" else report_html(report)

    return make


def facilitator_panel(store: Store, info: SessionInfo, figure: Figure, figures: dict[str, Figure]) -> None:
    """Reveal, next round, hide, merge, close and export; each needs the facilitator key."""
    with st.expander(
        "Voor de gespreksleider",
        icon=":material/admin_panel_settings:",
        expanded=bool(st.session_state.get(_KEY)),
    ):
        st.text_input(
            "Sleutel van de gespreksleider",
            type="password",
            key=_KEY,
            help="De sleutel die je kreeg bij het starten. Hij wordt bij elke actie gecontroleerd en staat nooit in de link.",
        )
        code = info.code
        cols = st.columns(3)
        cols[0].button(
            f"Schattingen tonen (ronde {info.current_round})",
            key="ws_tonen",
            type="primary",
            on_click=_facilitator_action,
            args=(store, code, FacilitatorAction.REVEAL, figure.key),
        )
        cols[1].button(
            f"Ronde {ROUNDS} starten",
            key="ws_ronde",
            disabled=info.current_round >= ROUNDS,
            on_click=_facilitator_action,
            args=(store, code, FacilitatorAction.NEXT_ROUND, figure.key),
        )
        cols[2].button(
            "Sessie sluiten",
            key="ws_sluiten",
            disabled=info.closed,
            on_click=_facilitator_action,
            args=(store, code, FacilitatorAction.CLOSE, figure.key),
        )
        left, right = st.columns(2)
        left.number_input("Bijdrage # verbergen", min_value=1, step=1, value=None, key="_ws_verberg")
        left.button(
            "Verbergen",
            key="ws_verbergen",
            on_click=_facilitator_action,
            args=(store, code, FacilitatorAction.HIDE, figure.key),
        )
        right.number_input("Bewaar bijdrage #", min_value=1, step=1, value=None, key="_ws_bewaar")
        right.number_input("Voeg dubbele bijdrage # samen", min_value=1, step=1, value=None, key="_ws_dubbel")
        right.button(
            "Samenvoegen",
            key="ws_samenvoegen",
            on_click=_facilitator_action,
            args=(store, code, FacilitatorAction.MERGE, figure.key),
        )
        show_flash(_AT_FACILITATOR)
        key = st.session_state.get(_KEY)
        if key:
            try:
                allowed = store.check_key(code, key)
            except StoreError as exc:
                st.error(exc.message)
                allowed = False
            if not allowed:
                st.error("Deze sleutel klopt niet; de acties hierboven worden geweigerd.")
                return
            st.markdown("**Verslag downloaden**")
            st.caption(
                f"Het verslag bevat de stand van {dt.datetime.now().strftime('%H:%M:%S')}. "
                "Klik op 'Verslag bijwerken' voor de nieuwste bijdragen."
            )
            st.button("Verslag bijwerken", key="ws_verslag_bijwerken")
            stamp = info.code
            d1, d2, d3 = st.columns(3)
            d1.download_button(
                "Verslag (Markdown)",
                _export(store, code, figures, "md")(),
                file_name=f"werksessie-{stamp}.md",
                mime="text/markdown",
                key="ws_md",
                on_click="ignore",
            )
            d2.download_button(
                "Verslag (HTML)",
                _export(store, code, figures, "html")(),
                file_name=f"werksessie-{stamp}.html",
                mime="text/html",
                key="ws_html",
                on_click="ignore",
            )
            d3.download_button(
                "Alle bijdragen en schattingen (CSV)",
                _export(store, code, figures, "csv")(),
                file_name=f"werksessie-{stamp}.csv",
                mime="text/csv",
                key="ws_csv",
                on_click="ignore",
            )
