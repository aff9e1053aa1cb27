"""The old folder store (storage.yearstore), kept to import it: round trip, atomic writes, broken years.

Every test works in its own temporary folder (outside the repository). The published
2022 tables, as text and as the filled-in template workbook, are the uploads.
"""

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from analysis import load_dashboard
from analysis.intake import load_upload
from analysis.paths import PROJECT_DIR, dashboard_file
from analysis.template import workbook_from_tidy
from storage.yearstore import (
    DEFAULT_ROOT,
    ENV_DATA_DIR,
    LAYOUT_FILE,
    META_FILE,
    ORGANISATIONS,
    ORIGINAL_FILE,
    BrokenYearError,
    YearExistsError,
    YearStore,
    YearStoreError,
    clean_file_name,
    default_root,
)

MOMENT = datetime(2026, 11, 28, 14, 5, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def text_2022() -> str:
    return dashboard_file(2022).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workbook_2023() -> bytes:
    return workbook_from_tidy(load_dashboard(2022).with_columns(jaar=pl.lit(2023, dtype=pl.Int64)))


@pytest.fixture
def store(tmp_path: Path) -> YearStore:
    return YearStore(tmp_path / "jaren")


def save_text(store: YearStore, text: str, year: int = 2023, organisation: str = "gemeente") -> None:
    store.save(year, text.encode("utf-8"), f"dashboard_{year}.txt", text, organisation, added=MOMENT)


# -- round trip ---------------------------------------------------------------------------


def test_round_trip_keeps_the_original_bytes_and_records_who_and_when(
    store: YearStore, workbook_2023: bytes
) -> None:
    layout = load_upload("Dashboard 2023 (definitief).xlsx", workbook_2023).text
    info = store.save(2023, workbook_2023, "Dashboard 2023 (definitief).xlsx", layout, "RIEC", added=MOMENT)
    assert (info.year, info.file_name, info.organisation) == (
        2023,
        "Dashboard 2023 (definitief).xlsx",
        "RIEC",
    )
    assert info.added == datetime(2026, 11, 28, 14, 5, 30, tzinfo=UTC)
    assert info.size == len(workbook_2023)

    stored = store.load(2023)
    assert stored.original == workbook_2023  # byte for byte: the workbook stays a workbook
    assert stored.layout == layout
    assert stored.info == info
    assert store.years() == [2023]
    folder = store.folder(2023)
    assert sorted(p.name for p in folder.iterdir()) == sorted([ORIGINAL_FILE, LAYOUT_FILE, META_FILE])
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    assert meta == {
        "formaat": 1,
        "jaar": 2023,
        "bestandsnaam": "Dashboard 2023 (definitief).xlsx",
        "organisatie": "RIEC",
        "toegevoegd_utc": "2026-11-28T14:05:30Z",
        "bytes": len(workbook_2023),
        "sha256": hashlib.sha256(workbook_2023).hexdigest(),
    }
    # The saved tables parse to the published 2022 figures, now as 2023.
    tidy = store.load_tidy(2023)
    assert (
        tidy.filter(pl.col("gebied") == "Oost-Nederland", pl.col("indicator") == "signalen")["waarde"][0]
        == 188
    )
    assert set(tidy["jaar"]) == {2023}


def test_listing_and_table_name_who_added_each_year_and_when(store: YearStore, text_2022: str) -> None:
    save_text(store, text_2022, 2023, "gemeente")
    store.save(2024, b"x", "c:\\Users\\ik\\cijfers_2024.txt", text_2022, "CoMensHa", added=MOMENT)
    listing = store.listing()
    assert [(e.year, e.info.organisation, e.ok) for e in listing] == [
        (2023, "gemeente", True),
        (2024, "CoMensHa", True),
    ]
    assert [e.info.file_name for e in listing if e.info] == ["dashboard_2023.txt", "cijfers_2024.txt"]
    assert [e.info.added for e in listing if e.info] == [MOMENT.replace(microsecond=0)] * 2


def test_file_name_is_recorded_without_path_or_control_characters() -> None:
    assert clean_file_name("C:\\data\\dash\x00board_2023.xlsx") == "dashboard_2023.xlsx"
    assert clean_file_name("../../etc/passwd") == "passwd"
    assert clean_file_name("\x07") == "onbekend"
    assert len(clean_file_name("a" * 500 + ".txt")) == 200


# -- atomic writes and no overwriting -------------------------------------------------------


def test_year_appears_in_one_step_with_all_its_files(
    store: YearStore, text_2022: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str, list[str], bool]] = []
    real_replace = os.replace

    def spying_replace(src: str, dst: str) -> None:
        # At the one moment the year becomes visible, the staging folder holds everything.
        seen.append((Path(src).parent.name, Path(dst).name, sorted(os.listdir(src)), Path(dst).exists()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spying_replace)
    save_text(store, text_2022)
    assert seen == [("jaren", "2023", sorted([ORIGINAL_FILE, LAYOUT_FILE, META_FILE]), False)]
    assert [p.name for p in store.root.iterdir()] == ["2023"]  # no staging folder left behind


@pytest.mark.parametrize("failing", ["write", "replace"])
def test_a_failed_save_leaves_nothing_behind(
    store: YearStore, text_2022: str, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import storage.yearstore as yearstore

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        calls = {"n": 0}
        real_write = yearstore._write

        def write_two_then_fail(path: Path, content: bytes) -> None:
            calls["n"] += 1
            if calls["n"] == 3:  # the metadata, written last
                broken()
            real_write(path, content)

        monkeypatch.setattr(yearstore, "_write", write_two_then_fail)
    else:
        monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(YearStoreError) as caught:
        save_text(store, text_2022)
    assert str(caught.value).startswith("Opslaan is niet gelukt: de opslagmap is niet te beschrijven")
    assert "Er is niets opgeslagen" in str(caught.value)
    assert list(store.root.iterdir()) == []
    assert store.years() == [] and store.listing() == []


def test_an_existing_year_is_never_overwritten(store: YearStore, text_2022: str) -> None:
    save_text(store, text_2022, organisation="politie")
    with pytest.raises(YearExistsError) as caught:
        store.save(2023, b"andere cijfers", "nieuw.txt", "andere cijfers", "OM")
    assert str(caught.value).startswith(
        "Het jaar 2023 is al opgeslagen; een opgeslagen jaar wordt nooit overschreven."
    )
    stored = store.load(2023)
    assert stored.original == text_2022.encode("utf-8") and stored.info.organisation == "politie"


def test_a_year_saved_by_someone_else_meanwhile_is_not_overwritten(
    store: YearStore, text_2022: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_text(store, text_2022, organisation="politie")
    # Both saves passed the 'exists' check; only the directory rename decides.
    checks = iter([False, True])
    monkeypatch.setattr(YearStore, "exists", lambda self, year: next(checks))
    with pytest.raises(YearExistsError):
        store.save(2023, b"later", "later.txt", "later", "OM")
    monkeypatch.undo()
    assert store.load(2023).info.organisation == "politie"
    assert [p.name for p in store.root.iterdir()] == ["2023"]


def test_save_refuses_unknown_organisation_and_implausible_year(store: YearStore, text_2022: str) -> None:
    with pytest.raises(YearStoreError, match="Kies wie het jaar toevoegt: politie, OM, gemeente"):
        store.save(2023, b"x", "x.txt", text_2022, "de buurman")
    with pytest.raises(YearStoreError, match="Het jaar 1999 kan niet worden opgeslagen"):
        store.save(1999, b"x", "x.txt", text_2022, "OM")
    assert ORGANISATIONS == ("politie", "OM", "gemeente", "RIEC", "zorg/hulpverlening", "CoMensHa", "anders")


def test_store_inside_the_repository_is_refused(text_2022: str) -> None:
    inside = YearStore(PROJECT_DIR / "data" / "opgeslagen_jaren_test")
    assert inside.inside()
    with pytest.raises(YearStoreError, match="binnen de map van de app"):
        inside.save(2023, b"x", "x.txt", text_2022, "OM")
    assert not inside.root.exists()


def test_default_root_is_outside_the_repository(tmp_path: Path) -> None:
    assert default_root({}) == Path(DEFAULT_ROOT).expanduser()
    assert default_root({ENV_DATA_DIR: str(tmp_path)}) == tmp_path
    assert not YearStore.from_env({}).inside()


# -- broken saved years -----------------------------------------------------------------------


def test_broken_year_gives_a_dutch_message_and_the_others_keep_working(
    store: YearStore, text_2022: str
) -> None:
    save_text(store, text_2022, 2023)
    save_text(store, text_2022, 2024)
    (store.folder(2023) / META_FILE).write_text("{ kapot", encoding="utf-8")
    listing = {e.year: e for e in store.listing()}
    assert listing[2024].ok
    assert listing[2023].problem == (
        "Het opgeslagen jaar 2023 is beschadigd: het bestand gegevens.json is onleesbaar of onvolledig. De andere "
        "jaren werken gewoon. Een beheerder kan de map '2023' in de opslagmap weghalen en het jaar daarna opnieuw "
        "toevoegen."
    )
    with pytest.raises(BrokenYearError):
        store.load(2023)
    assert store.load_tidy(2024).height == 401


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda f: (f / ORIGINAL_FILE).write_bytes(b"ander"), "het oorspronkelijke bestand is veranderd"),
        (lambda f: (f / ORIGINAL_FILE).unlink(), "het oorspronkelijke bestand ontbreekt"),
        (lambda f: (f / LAYOUT_FILE).unlink(), "het bestand tabellen.txt met de tabellen ontbreekt"),
        (lambda f: (f / LAYOUT_FILE).write_bytes(b"\xff\xfe\x00"), "is geen leesbare tekst"),
        (lambda f: (f / META_FILE).unlink(), "het bestand gegevens.json ontbreekt"),
        (
            lambda f: (f / META_FILE).write_text(
                (f / META_FILE).read_text(encoding="utf-8").replace('"jaar": 2023', '"jaar": 2021'),
                encoding="utf-8",
            ),
            "volgens gegevens.json gaat de map over 2021",
        ),
    ],
    ids=[
        "original-changed",
        "original-missing",
        "tables-missing",
        "tables-binary",
        "meta-missing",
        "meta-other-year",
    ],
)
def test_each_kind_of_damage_is_named(store: YearStore, text_2022: str, damage, reason: str) -> None:  # noqa: ANN001
    save_text(store, text_2022)
    damage(store.folder(2023))
    with pytest.raises(BrokenYearError) as caught:
        store.load(2023)
    assert reason in str(caught.value)
    assert str(caught.value).startswith("Het opgeslagen jaar 2023 is beschadigd")


def test_tables_that_no_longer_parse_are_a_broken_year(store: YearStore, text_2022: str) -> None:
    save_text(store, text_2022.replace("Zwol-le", "Zwollebroek"))
    with pytest.raises(BrokenYearError) as caught:
        store.load_tidy(2023)
    assert "de tabellen zijn niet meer te lezen" in str(caught.value)
    assert "onbekende gemeente 'Zwollebroek'" in str(caught.value)


def test_folders_that_are_not_years_are_ignored(store: YearStore, text_2022: str) -> None:
    save_text(store, text_2022)
    (store.root / ".2024-abc.tmp").mkdir()  # a staging folder of a save in progress
    (store.root / "notities").mkdir()
    (store.root / "2025.txt").write_text("x")
    assert store.years() == [2023]
