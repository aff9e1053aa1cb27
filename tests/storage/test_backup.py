"""Backup and restore of the SQLite store (``python -m storage backup`` / ``restore``) and the store check.

The backup test goes the whole way an operator would: a werksessie with a note and a saved year in a
SQLite file that is still open for writing (WAL), ``backup``, the database deleted, ``restore``, and the
same session, note and year are there, the year's original byte for byte.
"""

import sqlite3
from pathlib import Path

import pytest

from analysis.paths import dashboard_file
from storage import Store, YearRepository, make_engine, migrate
from storage.__main__ import main
from storage.database import head_revision
from storage.repository import KIND_OBSERVATION
from tests.storage.conftest import open_twente_session

TEXT_2022 = dashboard_file(2022).read_text(encoding="utf-8")


def test_backup_delete_restore_brings_back_sessions_and_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "app" / "werksessies.sqlite"
    url = f"sqlite:///{database}"
    engine = make_engine(url)
    migrate(engine)
    store = Store(engine)
    code = open_twente_session(store)
    note_id = store.add_note(code, "signalen", KIND_OBSERVATION, "Meer signalen uit de zorg", "gemeente", "a")
    original = b"PK\x03\x04 workbook \x00\xff"
    saved = YearRepository(engine).save(2023, original, "dashboard_2023.xlsx", TEXT_2022, "RIEC")
    # The app keeps its engine open while the backup runs: WAL content must be in the copy.
    assert (tmp_path / "app" / "werksessies.sqlite-wal").exists()

    backup = tmp_path / "backup" / "ketendialoog-2026-11-30.sqlite"
    assert main(["--url", url, "backup", str(backup)]) == 0
    assert "Back-up geschreven" in capsys.readouterr().out
    assert main(["--url", url, "backup", str(backup)]) == 2  # never overwrites a backup
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not Path(f"{backup}-wal").exists()  # one self-contained file

    engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    assert not database.exists()

    assert main(["--url", url, "restore", str(backup)]) == 0
    assert "Teruggezet" in capsys.readouterr().out
    restored = make_engine(url)
    try:
        board = Store(restored).board(code)
        assert board.session.title == "Werksessie Twente"
        assert [(n.id, n.text) for n in board.notes] == [(note_id, "Meer signalen uit de zorg")]
        years = YearRepository(restored)
        stored = years.load_year(2023)
        assert (
            stored.original == original and stored.info.id == saved.id and stored.info.organisation == "RIEC"
        )
        assert years.revision() == (saved.id, 1)
    finally:
        restored.dispose()
    # Restoring over a database that exists needs --overschrijf.
    assert main(["--url", url, "restore", str(backup)]) == 2
    assert main(["--url", url, "restore", str(backup), "--overschrijf"]) == 0


def test_backup_of_postgresql_points_to_pg_dump(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--url", "postgresql://u@127.0.0.1:1/x", "backup", str(tmp_path / "b.sqlite")]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_check_reports_schema_and_answers_for_a_health_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'check.sqlite'}"
    assert main(["--url", url, "check"]) == 0  # not migrated yet: the app does that at its first request
    assert "schema: nog niet aangemaakt" in capsys.readouterr().out
    assert main(["--url", url, "check", "--strict"]) == 1
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    assert main(["--url", url, "check", "--strict"]) == 0
    out = capsys.readouterr().out
    assert "antwoordt: ja" in out and f"schema: {head_revision()} (nieuwste: {head_revision()})" in out
    with sqlite3.connect(tmp_path / "check.sqlite") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert main(["--url", url, "check"]) == 1
    assert "nieuwer dan deze versie" in capsys.readouterr().out


def test_check_fails_when_the_database_does_not_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--url", "postgresql://ketendialoog:geheim@127.0.0.1:1/x", "check"]) == 1
    out = capsys.readouterr().out
    assert "antwoordt: nee" in out and "geheim" not in out  # the password never shows
