"""The decks table (migration 0003) and its repository: where the presenter is, for the projector to follow."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, inspect, select

from storage import NotAllowedError, NotFoundError
from storage.deck import DECK_RETENTION, Deck, DeckStore

START = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def decks(engine: Engine, clock: Clock) -> DeckStore:
    return DeckStore(engine, clock=clock)


def test_migration_creates_the_table_with_its_index(engine: Engine) -> None:
    inspector = inspect(engine)
    columns = {c["name"] for c in inspector.get_columns("presentaties")}
    assert columns == {
        "id",
        "code",
        "key_salt",
        "key_hash",
        "slug",
        "slide",
        "started_at",
        "question_started_at",
        "updated_at",
    }
    assert "ix_presentaties_updated_at" in {i["name"] for i in inspector.get_indexes("presentaties")}


def test_a_new_deck_starts_where_the_presenter_is(decks: DeckStore) -> None:
    code, key = decks.start("opvolging", 2)
    assert len(code) == 6 and code.isalnum() and code.isupper()
    assert len(key) == 19 and key.count("-") == 3
    position = decks.position(code)
    assert (position.slug, position.slide) == ("opvolging", 2)
    assert position.started_at == position.question_started_at == position.updated_at == START
    # A typed code is forgiving: lower case and spaces.
    assert decks.position(f" {code.lower()} ").slug == "opvolging"


def test_the_key_is_stored_hashed_never_as_typed(engine: Engine, decks: DeckStore) -> None:
    code, key = decks.start("start")
    with engine.connect() as connection:
        row = connection.execute(select(Deck.key_hash, Deck.key_salt).where(Deck.code == code)).one()
    assert key not in row.key_hash and key.replace("-", "") not in row.key_hash
    assert decks.key_matches(code, key)
    assert decks.key_matches(code, key.lower().replace("-", " "))  # typed back after a reload
    assert not decks.key_matches(code, "AAAA-BBBB-CCCC-DDDD")
    assert not decks.key_matches(code, "")


def test_the_presenter_moves_and_a_new_question_restarts_its_clock(decks: DeckStore, clock: Clock) -> None:
    code, key = decks.start("opvolging", 1)
    clock.now = START + dt.timedelta(minutes=3)
    moved = decks.move(code, key, "opvolging", 3)
    assert (moved.slide, moved.question_started_at, moved.updated_at) == (3, START, clock.now)
    clock.now = START + dt.timedelta(minutes=12)
    moved = decks.move(code, key, "rapportage-interventie", 1)
    assert moved.question_started_at == clock.now and moved.started_at == START
    assert decks.position(code) == moved


def test_only_the_key_moves_the_deck(decks: DeckStore) -> None:
    code, _ = decks.start("opvolging", 1)
    with pytest.raises(NotAllowedError) as refused:
        decks.move(code, "AAAA-BBBB-CCCC-DDDD", "casustafels", 1)
    assert "sleutel klopt niet" in refused.value.message
    with pytest.raises(NotAllowedError):
        decks.move(code, None, "casustafels", 1)
    assert decks.position(code).slug == "opvolging"


def test_an_unknown_code_gets_a_dutch_message(decks: DeckStore) -> None:
    with pytest.raises(NotFoundError) as missing:
        decks.position("ZZZZZZ")
    assert missing.value.message.startswith("Er is geen presentatie met deze code")


def test_restarting_the_clock(decks: DeckStore, clock: Clock) -> None:
    code, key = decks.start("start")
    clock.now = START + dt.timedelta(minutes=40)
    restarted = decks.restart_clock(code, key)
    assert restarted.started_at == restarted.question_started_at == clock.now


def test_a_deck_nobody_moved_for_two_days_goes_when_the_next_one_starts(
    decks: DeckStore, clock: Clock
) -> None:
    old, _ = decks.start("start")
    clock.now = START + DECK_RETENTION + dt.timedelta(minutes=1)
    recent, _ = decks.start("start")
    assert decks.position(recent).slug == "start"
    with pytest.raises(NotFoundError):
        decks.position(old)
