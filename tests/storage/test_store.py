"""Store tests against a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, inspect, text

import analysis.werksessie as ws
from storage import (
    LimitReachedError,
    NotAllowedError,
    NotFoundError,
    Store,
    StoreError,
    StoreUnavailableError,
    make_engine,
    migrate,
    resolve_url,
)
from storage.repository import hash_key, key_matches

DAY = dt.date.today()
WRITERS = 50
DISTRICTS = ("Oost-Nederland", "Twente", "Gelderland-Midden")
#: The facilitator's browser.
LEADER = "leider"


def _session(store: Store, figures: tuple[str, ...] = ("signalen", "onderzoek")) -> tuple[str, str]:
    info, key = store.create_session(
        "Werksessie Twente", DAY, ["Twente"], list(figures), 2022, LEADER, offered_districts=DISTRICTS
    )
    return info.code, key


def test_migrations_create_tables_and_are_idempotent(engine: Engine) -> None:
    migrate(engine)  # a second upgrade is a no-op
    tables = set(inspect(engine).get_table_names())
    assert {"werksessies", "schattingen", "notities", "steun", "onthullingen", "alembic_version"} <= tables
    assert {"rondes_dicht", "deelnemers"} <= tables  # 0005: the console's closed rounds and participants
    columns = {c["name"] for c in inspect(engine).get_columns("werksessies")}
    assert {"current_figure", "timer_ends_at", "timer_seconds"} <= columns


def test_create_and_join(store: Store) -> None:
    code, key = _session(store)
    info = store.get_session(code.lower(), "a")
    assert info.title == "Werksessie Twente"
    assert info.districts == ("Twente",)
    assert info.figures == ("signalen", "onderzoek")
    assert info.current_round == 1 and not info.closed
    assert info.expires_on == DAY + dt.timedelta(days=7)
    assert store.check_key(code, key, LEADER)
    assert store.check_key(code, key.lower().replace("-", " "), LEADER)
    assert not store.check_key(code, "AAAA-BBBB-CCCC-DDDD", LEADER)
    assert not store.check_key(code, "", LEADER)
    with pytest.raises(NotFoundError):
        store.get_session("ZZZZZZ", "a")


def test_key_is_stored_hashed(store: Store, engine: Engine) -> None:
    code, key = _session(store)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT key_salt, key_hash FROM werksessies WHERE code = :code"), {"code": code}
        ).one()
    assert key not in (row[0], row[1])
    assert key_matches(key, row[0], row[1])
    assert hash_key(key, bytes.fromhex(row[0])) == row[1]


def test_estimates_hidden_until_reveal_and_two_rounds(store: Store) -> None:
    code, key = _session(store)
    store.add_estimate(code, "signalen", 100, "politie", "a")
    store.add_estimate(code, "signalen", 120, "politie", "a")  # replaces a's estimate
    store.add_estimate(code, "signalen", 300, "gemeente", "b")
    board = store.board(code)
    assert sorted(e.value for e in board.estimates) == [120, 300]
    assert not board.is_revealed("signalen", 1)
    with pytest.raises(NotAllowedError):
        store.reveal(code, "fout", "signalen", LEADER)
    store.reveal(code, key, "signalen", LEADER)
    store.reveal(code, key, "signalen", LEADER)  # twice is harmless
    assert store.board(code).is_revealed("signalen", 1)
    with pytest.raises(NotAllowedError):
        store.add_estimate(code, "signalen", 150, "OM", "c")  # round 1 is revealed
    with pytest.raises(NotAllowedError):
        store.next_round(code, None, LEADER)
    assert store.next_round(code, key, LEADER) == 2
    assert store.add_estimate(code, "signalen", 180, "politie", "a") == 2
    rounds = {(e.round, e.value) for e in store.board(code).estimates}
    assert rounds == {(1, 120), (1, 300), (2, 180)}
    with pytest.raises(StoreError):
        store.next_round(code, key, LEADER)  # at most two rounds
    with pytest.raises(StoreError):
        store.add_estimate(code, "slachtoffers", 1000, "politie", "a")  # not chosen for this session


def test_notes_support_hide_merge_close(store: Store) -> None:
    code, key = _session(store)
    first = store.add_note(code, "signalen", ws.KIND_OBSERVATION, "Veel signalen in de zomer", "politie", "a")
    dup = store.add_note(code, "signalen", ws.KIND_OBSERVATION, "Zomer: veel signalen", "gemeente", "b")
    action = store.add_note(
        code,
        "signalen",
        ws.KIND_ACTION,
        "Registratie afstemmen",
        "OM",
        "c",
        owner_org="politie",
        deadline=dt.date(2027, 3, 1),
    )
    assert store.support(code, first, "c")
    assert not store.support(code, first, "c")  # one +1 per browser session
    assert store.support(code, dup, "d")
    with pytest.raises(NotAllowedError):
        store.merge(code, "fout", first, dup, LEADER)
    with pytest.raises(NotAllowedError):
        store.set_hidden(code, None, first, LEADER)
    store.merge(code, key, first, dup, LEADER)
    notes = {n.id: n for n in store.board(code).notes}
    assert notes[dup].hidden and notes[dup].merged_into == first
    assert notes[first].support == 3  # c, d (moved over) and b (author of the duplicate)
    assert notes[action].owner_org == "politie" and notes[action].deadline == dt.date(2027, 3, 1)
    store.set_hidden(code, key, action, LEADER)
    assert store.board(code).notes[2].hidden
    with pytest.raises(NotAllowedError):
        store.close(code, "fout", LEADER)
    store.close(code, key, LEADER)
    assert store.get_session(code, "a").closed
    with pytest.raises(NotAllowedError):
        store.add_note(code, "signalen", ws.KIND_OBSERVATION, "Te laat", "OM", "e")
    with pytest.raises(NotAllowedError):
        store.authorise_export(code, "fout", LEADER)
    assert len(store.authorise_export(code, key, LEADER).notes) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Jan Jansen, geboren 12-03-1985",
        "bel 06-12345678",
        "mail naar iemand@example.nl",
        "BSN 111222333",
        "x" * 10_000,
        "tekst met \u202e omgedraaide richting",
        "",
    ],
)
def test_refused_texts_are_not_stored(store: Store, text: str) -> None:
    code, _ = _session(store)
    with pytest.raises(StoreError) as refused:
        store.add_note(code, "signalen", ws.KIND_OBSERVATION, text, "politie", "a")
    assert refused.value.message
    assert store.board(code).notes == ()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik hier](javascript:alert(1)) **vet**",
        "'; DROP TABLE notities; --",
        "Robert'); DELETE FROM werksessies WHERE ('1'='1",
    ],
)
def test_hostile_texts_stored_verbatim(store: Store, text: str) -> None:
    code, _ = _session(store)
    store.add_note(code, "signalen", ws.KIND_OBSERVATION, text, "politie", "a")
    assert [n.text for n in store.board(code).notes] == [text]
    assert store.get_session(code, "a").title == "Werksessie Twente"


def test_limits(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.repository as repo

    code, _ = _session(store)
    monkeypatch.setattr(repo, "MAX_NOTES_PER_SESSION", 2)
    store.add_note(code, "signalen", ws.KIND_OBSERVATION, "een", "politie", "a")
    store.add_note(code, "signalen", ws.KIND_OBSERVATION, "twee", "politie", "a")
    with pytest.raises(LimitReachedError) as limit:
        store.add_note(code, "signalen", ws.KIND_OBSERVATION, "drie", "politie", "a")
    assert "maximum" in limit.value.message
    monkeypatch.setattr(repo, "MAX_SESSIONS", 1)
    with pytest.raises(LimitReachedError) as sessions:
        _session(store)
    assert "maximum" in sessions.value.message


def test_persistence_across_restart(db_url: str) -> None:
    first = make_engine(db_url)
    migrate(first)
    code, key = _session(Store(first))
    Store(first).add_note(code, "signalen", ws.KIND_OBSERVATION, "Blijft bewaard", "RIEC", "a")
    Store(first).add_estimate(code, "signalen", 200, "RIEC", "a")
    first.dispose()  # the "restart": a brand-new engine and store
    second = make_engine(db_url)
    migrate(second)
    board = Store(second).board(code)
    assert [n.text for n in board.notes] == ["Blijft bewaard"]
    assert [e.value for e in board.estimates] == [200]
    assert Store(second).check_key(code, key, LEADER)
    second.dispose()


def test_concurrent_writers_lose_nothing(
    store: Store, db_url: str, record_property: Callable[[str, object], None]
) -> None:
    code, _ = _session(store)
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            barrier.wait()
            store.add_note(code, "signalen", ws.KIND_OBSERVATION, f"Bijdrage nummer {i}", "politie", f"c{i}")
            store.add_estimate(code, "signalen", float(i), "politie", f"c{i}")
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    assert errors == []
    board = store.board(code)
    texts = sorted(n.text for n in board.notes)
    assert texts == sorted(f"Bijdrage nummer {i}" for i in range(WRITERS))  # each exactly once
    assert sorted(e.value for e in board.estimates) == [float(i) for i in range(WRITERS)]
    backend = db_url.split(":", 1)[0]
    writes = 2 * WRITERS
    record_property("throughput", f"{backend}: {writes} writes in {elapsed:.2f} s")
    print(
        f"\n{backend}: {WRITERS} threads, {writes} writes in {elapsed:.3f} s = {writes / elapsed:.0f} writes/s"
    )


def test_unreachable_database_raises_dutch_error() -> None:
    store = Store(make_engine("postgresql://nobody@127.0.0.1:1/none"))
    with pytest.raises(StoreUnavailableError) as down:
        store.get_session("K7Q2MX", "a")
    assert "niet bereikbaar" in down.value.message


def test_resolve_url() -> None:
    assert resolve_url({"KETENDIALOOG_DATABASE_URL": "sqlite:///x.db"}, "postgresql://y") == "sqlite:///x.db"
    assert resolve_url({}, "postgresql://y") == "postgresql://y"
    default = resolve_url({}, None)
    assert default.startswith("sqlite:///") and default.endswith(
        ".local/share/ketendialoog/werksessies.sqlite"
    )


# -- the console (migration 0005): question on the big screen, countdown, closed rounds, participants --


def test_console_state_lives_in_the_database(store: Store, engine: Engine) -> None:
    """What the console sets is read back by another Store on the same database (another process)."""
    code, key = _session(store)
    other = Store(engine)
    assert other.get_session(code, "beamer").shown_figure == "signalen"  # nothing chosen: the first
    store.show_figure(code, key, "onderzoek", LEADER)
    assert other.get_session(code, "beamer").shown_figure == "onderzoek"
    with pytest.raises(StoreError, match="hoort niet bij deze werksessie"):
        store.show_figure(code, key, "slachtoffers", LEADER)
    with pytest.raises(NotAllowedError):
        store.show_figure(code, "AAAA-BBBB-CCCC-DDDD", "signalen", "deelnemer")
    assert other.get_session(code, "beamer").shown_figure == "onderzoek"

    before = dt.datetime.now(dt.UTC)
    ends = store.start_timer(code, key, 180, LEADER)
    info = other.get_session(code, "beamer")
    assert info.timer_seconds == 180 and info.timer_ends_at == ends
    assert dt.timedelta(seconds=179) <= ends - before <= dt.timedelta(seconds=182)
    with pytest.raises(StoreError, match="tussen 1 seconde en 60 minuten"):
        store.start_timer(code, key, 0, LEADER)
    with pytest.raises(NotAllowedError):
        store.start_timer(code, None, 60, "deelnemer")
    store.stop_timer(code, key, LEADER)
    assert other.get_session(code, "beamer").timer_ends_at is None


def test_participants_counted_once_per_browser(store: Store) -> None:
    code, _ = _session(store)
    assert store.board(code).participants == 0
    assert store.join(code, "telefoon-1") is True
    assert store.join(code, "telefoon-1") is False  # a reload does not count twice
    assert store.join(code, "telefoon-2") is True
    assert store.board(code).participants == 2
    with pytest.raises(NotFoundError):
        store.join("ZZZZZZ", "telefoon-1")


def test_closed_round_refuses_estimates_until_opened_again(store: Store) -> None:
    code, key = _session(store)
    store.add_estimate(code, "signalen", 150, None, "a")
    store.close_round(code, key, "signalen", LEADER)
    board = store.board(code)
    assert not board.is_open("signalen", 1) and board.is_open("onderzoek", 1)
    with pytest.raises(NotAllowedError, match="ronde 1 van deze vraag gesloten"):
        store.add_estimate(code, "signalen", 200, None, "b")
    store.close_round(code, key, "signalen", LEADER, closed=False)
    assert store.add_estimate(code, "signalen", 200, None, "b") == 1
    assert [e.value for e in store.board(code).estimates] == [150.0, 200.0]
    store.close_round(code, key, "signalen", LEADER)
    store.next_round(code, key, LEADER)  # a new round is open again
    assert store.board(code).is_open("signalen", 2)
    assert store.add_estimate(code, "signalen", 190, None, "b") == 2
    with pytest.raises(NotAllowedError):
        store.close_round(code, "AAAA-BBBB-CCCC-DDDD", "signalen", "deelnemer")


def test_hidden_note_can_be_shown_again(store: Store) -> None:
    code, key = _session(store)
    note = store.add_note(code, "signalen", ws.KIND_ACTION, "Registratie afstemmen", None, "a")
    store.set_hidden(code, key, note, LEADER)
    assert [n.hidden for n in store.board(code).notes] == [True]
    store.set_hidden(code, key, note, LEADER, hidden=False)
    assert [n.hidden for n in store.board(code).notes] == [False]


def test_creating_and_closing_a_session_leave_one_log_line_each_without_title_or_key(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    # Straight on the module's logger: storage.logs.configure (run by any page test before) stops
    # the app's loggers from propagating to the root logger, where caplog listens.
    repository_logger = logging.getLogger("storage.repository")
    repository_logger.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.INFO, logger="storage.repository"):
            info, key = store.create_session(
                "Geheime titel Jan Jansen",
                DAY,
                ["Twente"],
                ["signalen"],
                2022,
                LEADER,
                offered_districts=DISTRICTS,
            )
            store.close(info.code, key, LEADER)
    finally:
        repository_logger.removeHandler(caplog.handler)
    lines = list(dict.fromkeys(r.getMessage() for r in caplog.records if r.name == "storage.repository"))
    assert lines[0].startswith(f"Werksessie {info.code} created (1 figures, kept until ")
    assert lines[1] == f"Werksessie {info.code} closed"
    assert not any("Jan Jansen" in line or key in line for line in lines)
