"""AppTest of the werksessie page: create, join, post, keys; and the attacks and faults of issue 14.

- reconnect flood: the same browser (cookie, address) in new Streamlit sessions keeps its limit;
- crafted values: districts, figures, organisation types, kinds, numbers the page never offered;
- hostile text stored before validation existed is shown inert in every header and caption;
- a database stopped mid-post: the text stays, the page keeps its forms and recovers on the next run;
- key guessing: the facilitator field meets the growing delay.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from sqlalchemy import Engine, event, select, text
from streamlit.testing.v1 import AppTest

from analysis.werksessie.session import KIND_ACTION, KIND_OBSERVATION
from components import werksessie_views as views
from storage import Store, make_engine, migrate
from storage.clients import XSRF_COOKIE, Client
from storage.models import Note, WorkSession
from tests.pages.conftest import all_text, run_app, submit_button

PAGE = "pages/werksessie.py"
PHISHING = "[log hier opnieuw in](https://evil.example/login)"
PIXEL = "![x](https://evil.example/pixel.png)"
#: A Markdown code span: what it holds is shown literally, never as a link or an image.
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


#: Markdown or HTML that would make a link, an image or a script (not escaped with a backslash).
LIVE = re.compile(r"(?<!\\)(\]\(|!\[|<script|<img|<a )", re.I)


def live_markup(value: str) -> list[str]:
    """Links, images and tags that Markdown would make of ``value`` (code spans are shown literally)."""
    return LIVE.findall(CODE_SPAN.sub("", value))


@pytest.fixture(autouse=True)
def _temp_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")


def _create(title: str = "Sessie Twente") -> tuple[AppTest, str, str]:
    at = run_app(PAGE)
    assert not at.exception
    at.text_input(key="_ws_titel").input(title)
    submit_button(at, "ws_start", "Werksessie starten").click().run()
    assert not at.exception
    codes = [c.value for c in at.code]
    link, key = codes[0], codes[-1]  # the join link in the console; the key in the dialog (drawn last)
    code = link.rsplit("sessie=", 1)[1]
    return at, code, key


def _console(code: str, key: str | None = None) -> AppTest:
    """The console of session ``code`` in a new browser session, unlocked with ``key`` when given."""
    at = run_app(PAGE, sessie=code, scherm="regie")
    assert not at.exception
    if key is not None:
        _enter_key(at, key)
    return at


def _enter_key(at: AppTest, key: str) -> None:
    at.text_input(key="_ws_sleutel_invoer").input(key)
    submit_button(at, "ws_sleutel", "Regie openen").click().run()


def _post(at: AppTest, typed: str) -> None:
    at.text_area(key="_ws_tekst_signalen").input(typed)
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception


def card_texts(at: AppTest) -> list[str]:
    """The note texts on the cards of the page, in order (each shown exactly as typed)."""
    return [t.value for t in at.text]


def _engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'werksessies.sqlite'}")
    migrate(engine)
    return engine


def _notes(tmp_path: Path) -> list[str]:
    engine = _engine(tmp_path)
    with engine.connect() as connection:
        texts = list(connection.execute(select(Note.text).order_by(Note.id)).scalars())
    engine.dispose()
    return texts


def test_page_runs_with_and_without_district() -> None:
    for query in ({}, {"district": "Twente"}):
        at = run_app(PAGE, **query)
        assert not at.exception
        assert "Werksessie: schat eerst, dan zien" in all_text(at)
        assert submit_button(at, "ws_start", "Werksessie starten")


def test_create_shows_link_key_and_retention_once() -> None:
    at, code, key = _create()
    assert len(code) == 6
    assert len(key) == 19 and key.count("-") == 3
    text = all_text(at)
    assert "Sessie Twente" in text
    last_day = dt.date.today() + dt.timedelta(days=7)
    assert f"Bewaard tot en met {last_day.day} " in text and "30 dagen" in text
    assert dict(at.query_params) == {
        "sessie": code,
        "scherm": "regie",
    }  # the console, the key not in the link
    assert all(key not in c.value for c in at.code[:-1])  # the links hold no key; the dialog shows it
    at.button(key="ws_sleutel_bewaard").click().run()
    assert key not in [c.value for c in at.code]
    assert at.button(key="ws_tonen")  # the console stays unlocked in this browser session


def test_join_by_link_estimate_and_post() -> None:
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    assert not at.exception
    text = all_text(at)
    assert "Sessie Twente" in text and "geen persoonsgegevens" in text
    assert "188" not in text  # the published figure stays hidden until the reveal
    at.number_input(key="_ws_schatting_signalen").set_value(150)
    submit_button(at, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()
    assert "Je schatting voor ronde 1 is opgeslagen." in [s.value for s in at.success]
    _post(at, "Meer controles in de zomer <b>vet</b>")
    assert "Meer controles in de zomer <b>vet</b>" in card_texts(at)
    assert at.text_area(key="_ws_tekst_signalen").value == ""
    assert "1 schatting binnen" in all_text(at)


def test_personal_data_refused_and_text_kept() -> None:
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    typed = "Jan Jansen, geboren 12-03-1985, bel 06-12345678"
    _post(at, typed)
    errors = " ".join(e.value for e in at.error)
    assert "persoonsgegevens" in errors
    assert at.text_area(key="_ws_tekst_signalen").value == typed


def test_wrong_key_refused_right_key_reveals() -> None:
    _, code, key = _create()
    at = run_app(PAGE, sessie=code)
    assert "ws_tonen" not in [b.key for b in at.button]  # nothing for the facilitator on a phone
    at.number_input(key="_ws_schatting_signalen").set_value(150)
    submit_button(at, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()
    console = _console(code, "AAAA-BBBB-CCCC-DDDD")
    assert any("Deze sleutel klopt niet" in e.value for e in console.error)
    assert "ws_tonen" not in [b.key for b in console.button]
    _enter_key(console, key)
    console.button(key="ws_tonen").click().run()
    assert not console.exception
    metrics = {m.label: m.value for m in console.metric}
    assert metrics["Gepubliceerd cijfer"] == "188"
    assert "de enige schatting was 150" in all_text(console)
    at.run()
    assert {m.label: m.value for m in at.metric}["Gepubliceerd cijfer"] == "188"


def test_console_draws_the_newest_as_cards_and_every_note_in_one_table(tmp_path: Path) -> None:
    """A full room's notes are not all redrawn as cards every 3 s: five newest per kind, all in the table."""
    _, code, key = _create()
    engine = _engine(tmp_path)
    store = Store(engine)
    for n in range(1, 13):
        store.add_note(code, "signalen", KIND_OBSERVATION, f"Waarneming {n}", None, Client(f"telefoon-{n}"))
    store.add_note(code, "signalen", KIND_ACTION, "Actie 1", None, Client("telefoon-1"))
    engine.dispose()
    console = _console(code, key)
    assert not console.exception
    assert card_texts(console) == [f"Waarneming {n}" for n in range(12, 7, -1)] + ["Actie 1"]  # newest first
    table = console.dataframe[0].value
    assert len(table) == 13
    assert list(table["Bijdrage"][:3]) == ["Actie 1", "Waarneming 12", "Waarneming 11"]
    assert set(table["Op het bord"]) == {"ja"}
    oldest = int(table["#"].iloc[-1])
    console.number_input(key="_ws_verberg").set_value(oldest)
    console.button(key="ws_nummer_verbergen").click().run()
    assert not console.exception
    table = console.dataframe[0].value
    assert table.loc[table["#"] == oldest, "Op het bord"].tolist() == ["verborgen"]
    assert any("De bijdrage is verborgen" in s.value for s in console.success)
    console.button(key="ws_nummer_terugzetten").click().run()
    table = console.dataframe[0].value
    assert table.loc[table["#"] == oldest, "Op het bord"].tolist() == ["ja"]


def test_unknown_code_says_so() -> None:
    at = run_app(PAGE, sessie="ZZZZZZ")
    assert not at.exception
    assert any("geen werksessie met deze code" in w.value for w in at.warning)


def test_unreachable_database_keeps_app_working(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    at = run_app(PAGE, sessie="K7Q2MX")
    assert not at.exception
    assert any("niet bereikbaar" in e.value for e in at.error)
    assert "probeert het elke 5 seconden opnieuw" in all_text(at)  # it retries by itself
    other = run_app("pages/opvolging.py")
    assert not other.exception


def test_rate_limit_keeps_text() -> None:
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    for i in range(5):
        _post(at, f"Observatie {i}")
        assert not at.error, [e.value for e in at.error]
    _post(at, "Nog een")
    assert any(re.search(r"Wacht [0-9]+ seconden", e.value) for e in at.error)
    assert at.text_area(key="_ws_tekst_signalen").value == "Nog een"
    assert "Nog een" not in card_texts(at)
    assert "Observatie 4" in card_texts(at)


# ---------------------------------------------------------------------------
# Reconnect flood: the same browser in new Streamlit sessions
# ---------------------------------------------------------------------------


def _xsrf(token: str) -> str:
    """Streamlit's XSRF cookie for ``token``, masked with the zero mask."""
    return f"2|00000000|{token}|1764580000"


@dataclass(frozen=True)
class Browser:
    """What a reconnecting browser shows the server in each new Streamlit session."""

    name: str
    cookies: dict[str, str]
    address: str | None


BROWSERS = [
    Browser("same cookie, local", {XSRF_COOKIE: _xsrf("ab" * 16)}, None),
    Browser("same cookie and address", {XSRF_COOKIE: _xsrf("cd" * 16)}, "203.0.113.7"),
    Browser("no cookie, same address", {}, "203.0.113.8"),
]


@pytest.mark.parametrize("browser", BROWSERS, ids=lambda b: b.name)
def test_reconnect_flood(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, browser: Browser) -> None:
    """The issue: 4 reconnects gave 20 of 20 posts. Now the store counts per browser: 5 of 20."""
    _, code, _ = _create()
    context = type(st.context)
    monkeypatch.setattr(context, "cookies", property(lambda _self: browser.cookies))
    monkeypatch.setattr(context, "ip_address", property(lambda _self: browser.address))
    refused = 0
    for session in range(4):
        at = run_app(PAGE, sessie=code)  # a new Streamlit session, as after a reload
        for i in range(5):
            _post(at, f"Bijdrage {session}-{i}")
            if any("Wacht" in e.value for e in at.error):
                refused += 1
                assert at.text_area(key="_ws_tekst_signalen").value == f"Bijdrage {session}-{i}"
    assert len(_notes(tmp_path)) == 5
    assert refused == 15


# ---------------------------------------------------------------------------
# Crafted values
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("widget", "value", "message"),
    [
        ("_ws_districten", [PHISHING], "Kies het gebied uit de lijst."),
        ("_ws_districten", ["Twente", PIXEL], "Kies het gebied uit de lijst."),
        ("_ws_cijfers", ["signalen", "<img src=x>"], "Kies de cijfers uit de lijst."),
        ("_ws_titel", PIXEL + " 06-12345678", "persoonsgegevens"),
    ],
)
def test_crafted_start_values_refused(tmp_path: Path, widget: str, value: Any, message: str) -> None:
    """The issue: a crafted message stored a phishing link and a tracking pixel as districts."""
    at = run_app(PAGE)
    at.text_input(key="_ws_titel").input("Sessie")
    if widget == "_ws_titel":
        at.text_input(key=widget).input(value)
    else:
        at.multiselect(key=widget).set_value(value)  # AppTest sends it as a crafted client would
    submit_button(at, "ws_start", "Werksessie starten").click().run()
    assert not at.exception
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert [c.value for c in at.code] == []  # no join link: nothing was created
    engine = _engine(tmp_path)
    with engine.connect() as connection:
        assert connection.execute(select(WorkSession.id)).first() is None
    engine.dispose()


def _callback_script(code: str, callback: str, state: dict[str, object]) -> None:
    """Run one of the page's callbacks with crafted session state, then show its message."""
    import streamlit as st

    from analysis.werksessie import FacilitatorAction
    from components import werksessie_views as views

    store = views.get_store()
    assert store is not None
    info = store.get_session(code, views.current_client())
    figure = views.figures_for(info)["signalen"]
    for key, value in state.items():
        st.session_state[key] = value
    if callback == "note":
        views._post_note(store, code, figure)
        views.show_flash(views._at_note(figure))
    elif callback == "estimate":
        views._post_estimate(store, code, figure)
        views.show_flash(views._at_estimate(figure))
    else:
        views._facilitator_action(store, code, FacilitatorAction(callback), figure.key)
        views.show_flash("leider")


NOTE = {"_ws_tekst_signalen": "Registratie afstemmen", "_ws_soort_signalen": "actiepunt"}


@pytest.mark.parametrize(
    ("callback", "state", "message"),
    [
        ("note", {**NOTE, "_ws_organisatie": '<img src=x onerror="alert(1)">'}, "Kies een type organisatie"),
        ("note", {**NOTE, "_ws_eigenaar_signalen": PHISHING}, "Kies een eigenaar uit de lijst."),
        ("note", {**NOTE, "_ws_soort_signalen": "beheer"}, "observatie of een actiepunt"),
        ("note", {**NOTE, "_ws_deadline_signalen": dt.date(1900, 1, 1)}, "De uiterste datum moet tussen"),
        ("note", {**NOTE, "_ws_deadline_signalen": "morgen"}, "geen geldige datum"),
        ("estimate", {"_ws_schatting_signalen": float("nan")}, "Vul een getal in."),
        ("estimate", {"_ws_schatting_signalen": float("inf")}, "Vul een getal in."),
        ("estimate", {"_ws_schatting_signalen": -3.0}, "Vul een getal in."),
        ("estimate", {"_ws_schatting_signalen": "veel"}, "Vul een getal in."),
        (
            "estimate",
            {"_ws_schatting_signalen": 150.0, "_ws_organisatie": PIXEL},
            "Kies een type organisatie",
        ),
        ("verbergen", {"_ws_verberg": float("nan")}, "Vul het nummer van de bijdrage in"),
        ("verbergen", {"_ws_verberg": 2.5}, "Vul het nummer van de bijdrage in"),
        ("samenvoegen", {"_ws_bewaar": -1, "_ws_dubbel": 2}, "Vul de nummers van beide bijdragen in"),
    ],
)
def test_crafted_participant_values_refused(
    tmp_path: Path, callback: str, state: dict[str, Any], message: str
) -> None:
    _, code, key = _create()
    at = AppTest.from_function(_callback_script, args=(code, callback, {**state, "_ws_sleutel": key}))
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert _notes(tmp_path) == []
    engine = _engine(tmp_path)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM schattingen")).scalar_one() == 0
    engine.dispose()


def test_hostile_text_from_before_validation_is_inert(tmp_path: Path) -> None:
    """A session stored before districts were checked still renders no link and no image."""
    _, code, key = _create()
    engine = _engine(tmp_path)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE werksessies SET districts = :d, title = :t WHERE code = :c"),
            {"d": f"{PHISHING};{PIXEL}", "t": f"Sessie {PIXEL}", "c": code},
        )
        session_id = connection.execute(
            text("SELECT id FROM werksessies WHERE code = :c"), {"c": code}
        ).scalar()
        connection.execute(
            text(
                "INSERT INTO notities (session_id, figure, kind, text, org_type, owner_org, hidden, client)"
                " VALUES (:s, 'signalen', 'actiepunt', 'Afspraak maken', :o, :o, false, 'oud')"
            ),
            {"s": session_id, "o": PHISHING},
        )
    engine.dispose()
    at = run_app(PAGE, sessie=code)
    assert not at.exception
    shown = [c.value for c in at.caption] + [h.value for h in at.subheader] + [m.value for m in at.markdown]
    assert any("log hier opnieuw" in value for value in shown)  # the text is there, as text
    for value in shown:
        assert live_markup(value) == [], value
    at = _console(code, key)
    assert not at.exception
    shown = [c.value for c in at.caption] + [h.value for h in at.subheader] + [m.value for m in at.markdown]
    for value in shown:
        assert live_markup(value) == [], value
    exports = {b.proto.label: b for b in at.get("download_button")}
    assert set(exports) == {
        "Verslag (Markdown)",
        "Hand-out om te printen (HTML)",
        "Alle bijdragen en schattingen (CSV)",
    }


# ---------------------------------------------------------------------------
# A database stopped mid-post
# ---------------------------------------------------------------------------


class Outage:
    """Makes an engine refuse new connections, as a stopped database server does, and lets it back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.down = False
        event.listen(engine, "do_connect", self._connect)

    def _connect(self, *_args: object) -> None:
        if self.down:
            raise sqlite3.OperationalError("unable to open database file")

    def stop(self) -> None:
        """Stop the database: pooled connections are dropped, new ones fail."""
        self.down = True
        self.engine.dispose()

    def start(self) -> None:
        """Start the database again."""
        self.down = False


@pytest.fixture
def outage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Outage]:
    """The page's store on an engine the test can stop and start."""
    engine = _engine(tmp_path)
    store = Store(engine)
    monkeypatch.setattr(views, "_open_store", lambda: store)
    yield Outage(engine)
    engine.dispose()


def test_database_stopped_mid_post_keeps_text_and_recovers(
    outage: Outage, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The issue: with the database stopped, 'Plaatsen' lost the text and the page stayed broken."""
    caplog.set_level(logging.WARNING)
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    typed = "Dit mag niet verloren gaan"
    at.text_area(key="_ws_tekst_signalen").input(typed)
    outage.stop()
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception
    assert sum("niet bereikbaar" in e.value for e in at.error) >= 2  # the page and the post say so
    assert "Sessie Twente" in all_text(at)  # header, forms and board stay
    assert at.text_area(key="_ws_tekst_signalen").value == typed
    at.run()  # the board's refresh while the database is still away
    assert at.text_area(key="_ws_tekst_signalen").value == typed
    store_logs = [r for r in caplog.records if r.name == "storage.repository"]
    assert store_logs and all(r.levelno == logging.WARNING for r in store_logs)
    assert typed not in caplog.text
    outage.start()
    at.run()  # the next run after the database is back: no reload
    assert not at.exception
    assert not [e.value for e in at.error if "niet bereikbaar" in e.value]
    assert "Nog niets geplaatst." in all_text(at)
    assert at.text_area(key="_ws_tekst_signalen").value == typed
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert typed in card_texts(at)
    assert at.text_area(key="_ws_tekst_signalen").value == ""
    assert _notes(tmp_path) == [typed]


def test_database_away_when_opening_then_back(outage: Outage) -> None:
    _, code, _ = _create()
    outage.stop()
    at = run_app(PAGE, sessie=code)
    assert not at.exception
    assert any("niet bereikbaar" in e.value for e in at.error)
    assert "probeert het elke 5 seconden opnieuw" in all_text(at)
    outage.start()
    at.run()  # in a browser the retry fragment starts this run by itself
    assert not at.exception and not at.error
    assert "Sessie Twente" in all_text(at)


# ---------------------------------------------------------------------------
# Key guessing
# ---------------------------------------------------------------------------


def test_key_guessing_meets_the_delay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrong keys typed into the facilitator field: three are free, the fifth must wait (clock stopped)."""
    engine = _engine(tmp_path)
    now = dt.datetime.now(dt.UTC)
    store = Store(engine, clock=lambda: now)
    monkeypatch.setattr(views, "_open_store", lambda: store)
    _, code, key = _create()
    at = _console(code)
    seen = []
    for n in range(1, 6):
        _enter_key(at, f"AAAA-BBBB-CCCC-{n:04d}")
        assert not at.exception
        seen.append(" ".join(e.value for e in at.error))
    assert all("Deze sleutel klopt niet" in s for s in seen[:4])
    assert "te veel onjuiste codes of sleutels" in seen[4]
    _enter_key(at, key)  # even the right key waits its turn
    assert "te veel onjuiste codes of sleutels" in " ".join(e.value for e in at.error)
    assert "ws_tonen" not in [b.key for b in at.button]


# ---------------------------------------------------------------------------
# Exports: user text stays inert in Markdown, HTML and CSV
# ---------------------------------------------------------------------------

FORMULA = '=HYPERLINK("https://evil.example/x","klik")'
WIDE_FORMULA = "\uff1d1+1"
SCRIPT = "<script>alert(1)</script>"


def _hostile_board(tmp_path: Path) -> tuple[Store, str, str]:
    """A session whose rows hold hostile text everywhere (as stored before values were checked)."""
    _, code, key = _create()
    engine = _engine(tmp_path)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE werksessies SET title = :t, districts = :d WHERE code = :c"),
            {"t": f"Sessie {PIXEL} {SCRIPT}", "d": f"{PHISHING};{PIXEL}", "c": code},
        )
        session_id = connection.execute(
            text("SELECT id FROM werksessies WHERE code = :c"), {"c": code}
        ).scalar()
        for kind, body in (("observatie", PHISHING), ("observatie", FORMULA), ("actiepunt", WIDE_FORMULA)):
            connection.execute(
                text(
                    "INSERT INTO notities (session_id, figure, kind, text, org_type, owner_org, deadline, hidden,"
                    " client) VALUES (:s, 'signalen', :k, :b, :o, :w, '2027-03-01', false, 'oud')"
                ),
                {"s": session_id, "k": kind, "b": body, "o": PIXEL, "w": f"@{SCRIPT}"},
            )
    return Store(engine), code, key


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_exports_keep_user_text_inert(tmp_path: Path, fmt: str) -> None:
    """The issue: the Markdown export carried the phishing link and the pixel of the districts."""
    import csv
    import io

    from analysis.werksessie import report_csv, report_html, report_markdown

    store, code, key = _hostile_board(tmp_path)
    board = store.authorise_export(code, key, "leider")
    figures = views.figures_for(board.session)
    report = views.build_report(board, figures, views.safe_base_url("http://localhost:8501/werksessie"))
    if fmt == "md":
        out = report_markdown(report)
        assert live_markup(out) == []
        assert "Gebied: \\[log hier opnieuw" in out  # present, as text
    elif fmt == "html":
        out = report_html(report)
        assert '<a href="https://evil' not in out and "<img" not in out and "<script" not in out
        assert "[log hier opnieuw in](https://evil.example/login)" in out  # text between tags
        assert "&lt;script&gt;" in out
    else:
        out = report_csv(views.csv_rows(board))
        cells = [
            cell for row in csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";") for cell in row
        ]
        assert "'" + FORMULA in cells and "'" + WIDE_FORMULA in cells
        assert not [c for c in cells if c and c[0] in "=+-@\uff1d"]
        assert PHISHING in cells  # plain text in a CSV is not a link


@pytest.mark.parametrize(
    ("reported", "base"),
    [
        ("http://localhost:8501/werksessie", "http://localhost:8501"),
        ("https://dialoog.example.nl/ketendialoog/werksessie", "https://dialoog.example.nl/ketendialoog"),
        ("javascript:alert(1)//werksessie", views.DEFAULT_BASE),
        ("https://evil.example/a>b", views.DEFAULT_BASE),
        ("https://user:pw@evil.example/", views.DEFAULT_BASE),
        ('https://x.example/"onmouseover=alert(1)', views.DEFAULT_BASE),
        (None, views.DEFAULT_BASE),
    ],
)
def test_base_url_from_the_browser_is_checked(reported: str | None, base: str) -> None:
    """The browser reports its own address; it ends up in join links and in the exports."""
    assert views.safe_base_url(reported) == base
