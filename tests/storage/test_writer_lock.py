"""Writers of one process take turns on a SQLite file (storage.database.writer_lock); readers do not wait.

In a room of sixty phones, posts that arrived together waited 100–140 ms in SQLite's busy
handler, which sleeps in growing steps. The store now queues its writing transactions on one
lock per SQLite file in the process. These tests hold that lock and watch what waits for it.
"""

from __future__ import annotations

import threading
from contextlib import nullcontext
from pathlib import Path

import pytest
from sqlalchemy import Engine

import analysis.werksessie as ws
from storage import Store, make_engine, migrate
from storage.database import writer_lock
from tests.storage.conftest import open_twente_session

#: Long enough for an unhindered insert to finish many times over on a slow machine.
HELD_S = 1.0


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Engine:
    """A migrated SQLite file of this test's own."""
    engine = make_engine(f"sqlite:///{tmp_path / 'werksessies.sqlite'}")
    migrate(engine)
    return engine


def test_one_lock_per_sqlite_file_shared_by_its_engines(tmp_path: Path) -> None:
    first = make_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")
    again = make_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")
    other = make_engine(f"sqlite:///{tmp_path / 'b.sqlite'}")
    assert writer_lock(first) is writer_lock(again)
    assert writer_lock(first) is not writer_lock(other)


def test_postgresql_takes_no_process_lock() -> None:
    # create_engine does not connect, so no server is needed to see which lock it would take.
    engine = make_engine("postgresql://ketendialoog:geheim@localhost:5432/ketendialoog")
    assert isinstance(writer_lock(engine), nullcontext)


def test_a_post_waits_for_the_writer_before_it_and_then_lands(sqlite_engine: Engine) -> None:
    store = Store(sqlite_engine)
    code = open_twente_session(store)
    done = threading.Event()

    def post() -> None:
        store.add_note(code, "signalen", ws.KIND_OBSERVATION, "Veel signalen uit de horeca", "politie", "a")
        done.set()

    with writer_lock(sqlite_engine):
        writer = threading.Thread(target=post)
        writer.start()
        assert not done.wait(HELD_S), "the post wrote while another writer of this process had its turn"
    writer.join(timeout=30)
    assert done.is_set()
    assert [note.text for note in store.board(code).notes] == ["Veel signalen uit de horeca"]


def test_reading_the_board_does_not_wait_for_a_writer(sqlite_engine: Engine) -> None:
    store = Store(sqlite_engine)
    code = open_twente_session(store)
    store.add_note(code, "signalen", ws.KIND_ACTION, "Casustafel in elke gemeente", "gemeente", "a")
    read: list[int] = []

    def board() -> None:
        read.append(len(store.board(code).notes))

    with writer_lock(sqlite_engine):
        reader = threading.Thread(target=board)
        reader.start()
        reader.join(timeout=HELD_S * 10)
        assert read == [1], "the board read waited for the writer's turn"


def test_concurrent_posts_all_land_once(sqlite_engine: Engine) -> None:
    store = Store(sqlite_engine)
    code = open_twente_session(store)
    barrier = threading.Barrier(12)
    errors: list[BaseException] = []

    def post(n: int) -> None:
        barrier.wait()
        try:
            store.add_note(code, "signalen", ws.KIND_OBSERVATION, f"Bijdrage {n}", "politie", f"browser-{n}")
        except BaseException as exc:  # noqa: BLE001 - the test reports any failure of a thread
            errors.append(exc)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(note.text for note in store.board(code).notes) == sorted(f"Bijdrage {n}" for n in range(12))
