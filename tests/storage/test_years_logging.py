"""Operator log (storage.logs): configured once, one line per event, never participant text or figures."""

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from analysis.paths import dashboard_file
from storage import YearRepository, make_engine, migrate
from storage.logs import APP_LOGGERS, configure, redact_url
from storage.years import YearExistsError, YearStoreError

TEXT_2022 = dashboard_file(2022).read_text(encoding="utf-8")
SECRET_NOTE = "Mevrouw Jansen uit de Dorpsstraat"


def _ours(name: str) -> list[logging.Handler]:
    return [h for h in logging.getLogger(name).handlers if getattr(h, "_ketendialoog_handler", False)]


@pytest.fixture
def log() -> Iterator[io.StringIO]:
    """What the app's log handlers write, while the test runs."""
    configure()
    buffer = io.StringIO()
    previous = {}
    for name in APP_LOGGERS:
        (handler,) = _ours(name)
        assert isinstance(handler, logging.StreamHandler)
        previous[name] = handler.setStream(buffer)
    yield buffer
    for name in APP_LOGGERS:
        _ours(name)[0].setStream(previous[name])


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'log.sqlite'}")
    migrate(eng)
    yield eng
    eng.dispose()


def test_configured_once_with_one_handler_per_app_logger() -> None:
    configure()
    configure()
    for name in APP_LOGGERS:
        assert len(_ours(name)) == 1
        assert logging.getLogger(name).propagate is False
        assert logging.getLogger(name).level == logging.INFO


def test_the_werksessie_stores_lines_show(log: io.StringIO) -> None:
    """storage.repository (werksessies created, closed, failed) logs through the same handler."""
    logging.getLogger("storage.repository").info("Werksessie K7Q2MX created")
    logging.getLogger("components.werksessie_views").warning("Werksessie store could not be opened")
    lines = log.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("INFO storage.repository: Werksessie K7Q2MX created")


def test_a_saved_year_is_one_line_without_its_figures(log: io.StringIO, engine: Engine) -> None:
    YearRepository(engine).save(2023, TEXT_2022.encode(), f"{SECRET_NOTE}.txt", TEXT_2022, "gemeente")
    (line,) = log.getvalue().splitlines()
    assert "INFO storage.years: Saved year 2023 version 1 (id 1, replaces None, 4" in line
    assert "organisation gemeente" in line
    assert "Signalen" not in line and SECRET_NOTE not in line  # no figures, no file name


def test_a_refused_save_and_a_session_year_link_are_logged(log: io.StringIO, engine: Engine) -> None:
    years = YearRepository(engine)
    years.save(2023, b"a", "a.txt", TEXT_2022, "OM")
    with pytest.raises(YearExistsError):
        years.save(2023, b"b", "b.txt", TEXT_2022, "OM")
    held = years.hold(2024, TEXT_2022, b"c", "c.txt")
    text = log.getvalue()
    assert "Saving year 2023 refused: it is already saved (never overwritten)" in text
    assert "Session year 2024 held for 7 days (link " in text
    assert held.token not in text  # only a prefix of the token, never the whole link


def test_a_store_failure_is_one_line_without_the_password(log: io.StringIO) -> None:
    unreachable = make_engine("postgresql://ketendialoog:geheim@127.0.0.1:1/x")
    with pytest.raises(YearStoreError, match="de database is nu niet bereikbaar"):
        YearRepository(unreachable).save(2023, b"a", "a.txt", TEXT_2022, "OM")
    (line,) = log.getvalue().splitlines()
    assert "ERROR storage.years: Year store: saving year 2023 failed: OperationalError" in line
    assert "geheim" not in line


def test_a_refused_upload_is_logged_without_its_content(
    log: io.StringIO, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.pages.conftest import run_app

    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'app.sqlite'}")
    at = run_app("pages/nieuw-jaar.py")
    at.text_area(key="plak").input(f"{SECRET_NOTE}\t12\n")
    at.button(key="controleer_plak").click().run()
    assert not at.exception
    refused = [line for line in log.getvalue().splitlines() if "Upload for year" in line]
    assert len(refused) == 1 and "refused: 1 errors" in refused[0] and "(.txt, " in refused[0]
    assert SECRET_NOTE not in log.getvalue()


def test_redact_url_hides_the_password() -> None:
    assert redact_url("postgresql://k:geheim@db:5432/k") == "postgresql://k:***@db:5432/k"
    assert redact_url("sqlite:////data/w.sqlite") == "sqlite:////data/w.sqlite"
