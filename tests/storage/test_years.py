"""Saved years in the database (storage.years) on SQLite and PostgreSQL: save, never overwrite, versions,
checksums on read, the revision that keys the app's cache, session-year links, import from the old folders,
and the facilitator key.

The store fixtures come from tests/storage/conftest.py: every test runs once on a fresh SQLite file and
once on the PostgreSQL test server (KETENDIALOOG_TEST_DATABASE_URL; skipped locally without it, failing
under CI). The uploads are the published 2022 tables and a synthetic 2023 with ten more signals.
"""

import datetime as dt
import hashlib
import hmac
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, update

import storage.deck  # noqa: F401  (its table on Base.metadata, so the fixtures' reset drops it too)
from analysis.paths import PROJECT_DIR, dashboard_file
from storage.years import (
    ENV_KEY,
    GONE_TEXT,
    SAVING_OFF_TEXT,
    SESSION_YEAR_DAYS,
    BrokenYearError,
    SavedYearRow,
    SessionYearRow,
    YearExistsError,
    YearRepository,
    YearStoreError,
    added_text,
    configured_key,
    is_token,
    key_matches,
    saved_years_table,
)
from storage.yearstore import YearStore, import_folder

TEXT_2022 = dashboard_file(2022).read_text(encoding="utf-8")
TEXT_2023 = TEXT_2022.replace(
    "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25", "Signalen mensenhandel\t1\t1\t3\t23\t5\t2\t35"
).replace("Signalen mensenhandel\t188", "Signalen mensenhandel\t198")
MOMENT = dt.datetime(2026, 11, 28, 14, 5, 30, tzinfo=dt.UTC)


@pytest.fixture
def years(engine: Engine) -> YearRepository:
    return YearRepository(engine)


def signals(repository: YearRepository, year: int) -> int:
    tidy = repository.load_tidy(year)
    unit = tidy.filter((tidy["gebied"] == "Oost-Nederland") & (tidy["indicator"] == "signalen"))
    return int(unit["waarde"][0])


# -- save, never overwrite, versions ------------------------------------------------------------


def test_save_keeps_the_original_unchanged_with_its_checksum_and_who(years: YearRepository) -> None:
    original = b"PK\x03\x04 pretend workbook \x00\xff"
    info = years.save(2023, original, "C:\\map\\dashboard_2023.xlsx", TEXT_2023, "gemeente", added=MOMENT)
    assert (info.year, info.version, info.replaces_id, info.organisation) == (2023, 1, None, "gemeente")
    assert info.file_name == "dashboard_2023.xlsx" and info.size == len(original)
    assert info.sha256 == hashlib.sha256(original).hexdigest()
    stored = years.load_year(2023)
    assert stored.original == original and stored.layout == TEXT_2023
    assert stored.info.added == MOMENT.replace(microsecond=0)
    assert signals(years, 2023) == 198
    assert years.years() == [2023]


def test_a_saved_year_is_never_overwritten(years: YearRepository) -> None:
    years.save(2023, TEXT_2023.encode(), "a.txt", TEXT_2023, "politie")
    with pytest.raises(
        YearExistsError, match=r"Het jaar 2023 is al opgeslagen \(versie 1\); .* nooit overschreven"
    ):
        years.save(2023, TEXT_2022.encode(), "b.txt", TEXT_2022, "OM")
    assert [v.file_name for v in years.versions(2023)] == ["a.txt"]
    assert signals(years, 2023) == 198


def test_a_correction_is_a_new_version_naming_the_one_it_replaces(years: YearRepository) -> None:
    first = years.save(2023, TEXT_2022.encode(), "fout.txt", TEXT_2022, "politie")
    second = years.save(2023, TEXT_2023.encode(), "goed.txt", TEXT_2023, "RIEC", replaces=first.id)
    assert (second.version, second.replaces_id) == (2, first.id)
    assert years.latest()[2023].id == second.id
    assert signals(years, 2023) == 198  # the app reads the newest
    assert years.load(first.id).original == TEXT_2022.encode()  # the first one is still there, unchanged
    listing = years.listing()
    assert [(e.info.version, e.latest) for e in listing] == [(1, False), (2, True)]
    table = saved_years_table(listing, bundled=[2022])
    assert table["Staat"].to_list() == ["vervangen door een nieuwere versie", "in gebruik"]
    # Replacing a version that was already replaced is refused: two corrections of one version cannot both win.
    with pytest.raises(YearExistsError, match=r"intussen is er al een nieuwere versie \(nu versie 2\)"):
        years.save(2023, TEXT_2022.encode(), "nog een.txt", TEXT_2022, "OM", replaces=first.id)
    assert len(years.versions(2023)) == 2


def test_two_replicas_saving_the_same_year_at_once_store_one(years: YearRepository) -> None:
    results: list[str] = []

    def save(organisation: str) -> None:
        try:
            years.save(2023, TEXT_2023.encode(), f"{organisation}.txt", TEXT_2023, organisation)
            results.append("saved")
        except YearExistsError:
            results.append("refused")

    threads = [threading.Thread(target=save, args=(org,)) for org in ("politie", "OM", "RIEC", "gemeente")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["refused", "refused", "refused", "saved"]
    assert len(years.versions(2023)) == 1


def test_bad_year_or_organisation_is_refused_in_dutch(years: YearRepository) -> None:
    with pytest.raises(YearStoreError, match="Kies wie het jaar toevoegt: politie, OM, gemeente"):
        years.save(2023, b"x", "x.txt", TEXT_2023, "de buurman")
    with pytest.raises(YearStoreError, match="Het jaar 1999 kan niet worden opgeslagen"):
        years.save(1999, b"x", "x.txt", TEXT_2023, "OM")
    assert years.versions() == []


# -- checksums verified on read -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"original": b"iets anders"}, "het oorspronkelijke bestand is veranderd sinds het werd opgeslagen"),
        ({"layout": TEXT_2022}, "de tabellen zijn veranderd sinds ze werden opgeslagen"),
    ],
    ids=["original", "layout"],
)
def test_a_row_changed_behind_the_apps_back_is_a_broken_year(
    years: YearRepository, engine: Engine, change: dict, reason: str
) -> None:
    years.save(2023, TEXT_2023.encode(), "a.txt", TEXT_2023, "OM")
    years.save(2024, TEXT_2022.encode(), "b.txt", TEXT_2022, "OM")
    with engine.begin() as connection:
        connection.execute(update(SavedYearRow).where(SavedYearRow.year == 2023).values(**change))
    with pytest.raises(
        BrokenYearError, match=f"Het opgeslagen jaar 2023 \\(versie 1\\) is beschadigd: {reason}"
    ):
        years.load_year(2023)
    snapshot = years.snapshot()
    assert set(snapshot.layouts) == {2024} and set(snapshot.problems) == {2023}


def test_tables_that_do_not_parse_are_named_and_the_rest_works(years: YearRepository) -> None:
    years.save(2023, b"x", "a.txt", "kapot\tblok\n", "OM")
    years.save(2024, TEXT_2022.encode(), "b.txt", TEXT_2022, "OM")
    snapshot = years.snapshot()
    assert set(snapshot.layouts) == {2024}
    assert snapshot.problems[2023].startswith(
        "Het opgeslagen jaar 2023 (versie 1) is beschadigd: de tabellen zijn niet meer te lezen"
    )


# -- the revision that keys every replica's cache ----------------------------------------------


def test_revision_changes_with_every_save_seen_from_another_engine(
    years: YearRepository, db_url: str
) -> None:
    from storage import make_engine

    other_replica = YearRepository(make_engine(db_url))
    try:
        assert other_replica.revision() == (0, 0)
        info = years.save(2023, TEXT_2023.encode(), "a.txt", TEXT_2023, "OM")
        assert other_replica.revision() == (info.id, 1)
        assert other_replica.snapshot().layouts == {2023: TEXT_2023}
        years.save(2023, TEXT_2022.encode(), "b.txt", TEXT_2022, "OM", replaces=info.id)
        assert other_replica.revision()[1] == 2
    finally:
        other_replica.engine.dispose()


# -- session-year links ---------------------------------------------------------------------------


def test_a_session_year_is_held_for_seven_days_under_a_random_token(years: YearRepository) -> None:
    held = years.hold(2023, TEXT_2023, b"orig", "mijn.txt", now=MOMENT)
    assert is_token(held.token) and held.expires_at == MOMENT + dt.timedelta(days=SESSION_YEAR_DAYS)
    again = years.hold(2023, TEXT_2023, b"orig", "mijn.txt", now=MOMENT)
    assert again.token != held.token
    found = years.held(held.token, now=MOMENT + dt.timedelta(days=6, hours=23))
    assert found is not None and (found.year, found.layout, found.original) == (2023, TEXT_2023, b"orig")
    assert years.held(held.token, now=MOMENT + dt.timedelta(days=7, seconds=1)) is None
    assert years.versions() == []  # never published
    assert years.held("A" * 24, now=MOMENT) is None
    assert years.held("'; DROP TABLE jaren; --", now=MOMENT) is None


def test_expired_session_years_are_removed_when_the_next_is_held(
    years: YearRepository, engine: Engine
) -> None:
    years.hold(2023, TEXT_2023, b"a", "a.txt", now=MOMENT)
    years.hold(2024, TEXT_2023, b"b", "b.txt", now=MOMENT + dt.timedelta(days=8))
    from sqlalchemy import func, select

    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(SessionYearRow)).scalar_one() == 1


def test_a_tampered_session_year_is_not_shown(years: YearRepository, engine: Engine) -> None:
    held = years.hold(2023, TEXT_2023, b"orig", "mijn.txt", now=MOMENT)
    with engine.begin() as connection:
        connection.execute(update(SessionYearRow).values(layout=TEXT_2022))
    assert years.held(held.token, now=MOMENT) is None


def test_gone_text_is_dutch_and_says_what_to_do() -> None:
    assert GONE_TEXT.startswith("Deze link wijst naar cijfers die iemand alleen voor een eigen sessie had")
    assert "7 dagen" in GONE_TEXT and "niet gepubliceerd" in GONE_TEXT


# -- import from the old folder store -----------------------------------------------------------


def test_import_from_a_folder_keeps_bytes_time_and_organisation(
    years: YearRepository, tmp_path: Path
) -> None:
    folder = YearStore(tmp_path / "jaren")
    folder.save(2023, b"\x00workbook bytes\xff", "dashboard_2023.xlsx", TEXT_2023, "CoMensHa", added=MOMENT)
    folder.save(2024, TEXT_2022.encode(), "d_2024.txt", TEXT_2022, "OM", added=MOMENT)
    folder.save(2025, TEXT_2022.encode(), "d_2025.txt", TEXT_2022, "OM", added=MOMENT)
    (folder.folder(2025) / "origineel").write_bytes(b"changed")  # broken in the folder
    outcomes = import_folder(folder.root, years)
    assert [(o.year, o.outcome) for o in outcomes] == [
        (2023, "imported"),
        (2024, "imported"),
        (2025, "broken"),
    ]
    stored = years.load_year(2023)
    assert stored.original == b"\x00workbook bytes\xff"
    assert (stored.info.organisation, stored.info.added, stored.info.file_name) == (
        "CoMensHa",
        MOMENT.replace(microsecond=0),
        "dashboard_2023.xlsx",
    )
    assert signals(years, 2023) == 198
    # Importing again changes nothing; a year with other figures in the database is left alone.
    again = import_folder(folder.root, years)
    assert [(o.year, o.outcome) for o in again] == [(2023, "present"), (2024, "present"), (2025, "broken")]
    other = YearStore(tmp_path / "ander")
    other.save(2023, TEXT_2022.encode(), "x.txt", TEXT_2022, "OM", added=MOMENT)
    (different,) = import_folder(other.root, years)
    assert different.outcome == "different" and "niets overschreven" in different.message
    assert len(years.versions(2023)) == 1 and signals(years, 2023) == 198


def test_import_command_line(
    db_url: str, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from storage.__main__ import main

    folder = YearStore(tmp_path / "jaren")
    folder.save(2023, TEXT_2023.encode(), "d.txt", TEXT_2023, "politie", added=MOMENT)
    assert main(["--url", db_url, "import-years", str(folder.root)]) == 0
    assert "2023 ingelezen als versie 1" in capsys.readouterr().out
    assert YearRepository(engine).years() == [2023]
    assert main(["--url", db_url, "import-years", str(tmp_path / "bestaat-niet")]) == 2


# -- the facilitator key and the page's texts -------------------------------------------------------


def test_key_matches_only_the_configured_key() -> None:
    assert key_matches("test", "test")
    assert not key_matches("Test", "test")
    assert not key_matches("test ", "test")
    assert not key_matches("", "test")
    assert not key_matches(None, "test")
    assert not key_matches("test", None)  # nothing configured: nobody can save
    assert not key_matches("", "")


def test_key_may_be_configured_as_its_hash() -> None:
    digest = hashlib.sha256(b"geheim woord").hexdigest()
    assert key_matches("geheim woord", f"sha256:{digest}")
    assert not key_matches("geheim", f"sha256:{digest}")
    assert not key_matches("geheim woord", "sha256:niet-hex")
    assert not key_matches("geheim woord", "sha256:abcd")


def test_key_comparison_hashes_both_sides_and_takes_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert key_matches("test", "test")
    assert compared == [(hashlib.sha256(b"test").digest(), hashlib.sha256(b"test").digest())]


def test_configured_key_from_environment_before_secrets() -> None:
    assert configured_key({ENV_KEY: "  uit-env  "}, "uit-secrets") == "uit-env"
    assert configured_key({}, "uit-secrets") == "uit-secrets"
    assert configured_key({ENV_KEY: "   "}, None) is None
    assert configured_key({}, {"geen": "tekst"}) is None


def test_saving_off_text_says_how_to_turn_it_on() -> None:
    assert SAVING_OFF_TEXT.startswith(
        "Opslaan voor iedereen staat uit: op deze server is geen beheersleutel ingesteld."
    )
    assert ENV_KEY in SAVING_OFF_TEXT and "secrets.toml" in SAVING_OFF_TEXT
    assert "KETENDIALOOG_DATABASE_URL" in SAVING_OFF_TEXT


def test_added_time_is_shown_in_utc() -> None:
    amsterdam_evening = dt.datetime.fromisoformat("2026-03-01T23:30:00+01:00")
    assert added_text(amsterdam_evening) == "1 maart 2026 om 22:30 (UTC)"


def test_replicas_starting_together_migrate_once(db_url: str) -> None:
    """Four processes (replicas) opening a fresh database at the same moment all end at the newest schema."""
    import subprocess
    import sys

    from storage import make_engine
    from storage.database import head_revision, schema_revision

    start_at = time.time() + 3  # every process imports first, then all migrate at once
    program = (
        "import sys, time; from storage import make_engine, migrate; "
        f"time.sleep(max(0, {start_at} - time.time())); migrate(make_engine(sys.argv[1]))"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", program, db_url], cwd=PROJECT_DIR, stderr=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], errors
    engine = make_engine(db_url)
    try:
        assert schema_revision(engine) == head_revision()
        assert YearRepository(engine).revision() == (0, 0)
    finally:
        engine.dispose()
