"""The page 'Nieuw jaar toevoegen' (AppTest): paste, check, preview, use for the session, save for everyone.

Saved years and session-year links go to a temporary SQLite database
(``KETENDIALOOG_DATABASE_URL``); the facilitator key is set or removed per test
(``KETENDIALOOG_BEHEERSLEUTEL``). The synthetic 2023 is the
published 2022 with ten more signals in Zwolle, IJsselland and the unit (25 -> 35, 188 -> 198).
"""

import pickle
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import Engine, update
from streamlit.testing.v1 import AppTest

from analysis import load_dashboard
from analysis.links import inert_markdown
from analysis.paths import dashboard_file
from analysis.template import workbook_from_tidy
from components.year_compare import BOX_KEY
from storage import YearRepository, make_engine, migrate
from storage.years import ENV_KEY, GONE_TEXT, SavedYearRow
from tests.pages.conftest import all_text, run_app

PAGE = "pages/nieuw-jaar.py"
TEXT_2022 = dashboard_file(2022).read_text(encoding="utf-8")
SYNTHETIC_2023 = TEXT_2022.replace(
    "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25", "Signalen mensenhandel\t1\t1\t3\t23\t5\t2\t35"
).replace("Signalen mensenhandel\t188", "Signalen mensenhandel\t198")


def plain(text: str) -> str:
    """Markdown-escaped text as one reads it on screen (backslashes and code-span backticks removed)."""
    return text.replace("\\", "").replace("`", "")


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def warnings(at: AppTest) -> list[str]:
    return [plain(w.value) for w in at.warning]


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="plak").input(text)
    at.button(key="controleer_plak").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A fresh SQLite store for the app (the same URL the app reads) and an engine on it for the test."""
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", url)
    monkeypatch.delenv(ENV_KEY, raising=False)
    engine = make_engine(url)
    migrate(engine)
    return engine


@pytest.fixture
def with_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_KEY, "test")


@pytest.mark.parametrize("district", [None, "Twente"])
def test_page_runs_with_and_without_a_district(district: str | None) -> None:
    at = run_app(PAGE, **({"district": district} if district else {}))
    assert not at.exception
    assert at.title[0].value == "Hoe komen de cijfers van een nieuw jaar erin?"
    assert at.info[0].value.startswith("De app heeft tabellen van 2022 (meegeleverd). Plak of upload")
    assert at.number_input(key="jaartal").value == 2023
    assert "Nog niets aangeleverd" in all_text(at)
    assert at.download_button[0].label == "Download het lege sjabloon (.xlsx)"
    assert "Er zijn nog geen jaren opgeslagen voor iedereen." in all_text(at)
    assert "In 2022 staat er bij 24 vakken een '?'" in all_text(at)


def test_pasted_year_is_checked_previewed_and_used_for_the_session() -> None:
    at = paste(run_app(PAGE), SYNTHETIC_2023)
    assert errors(at) == []
    assert [s.value for s in at.success][0].startswith(
        "Geen fouten: de app kan de cijfers van 2023 lezen (401 vakken)."
    )
    # Warnings do not block; the published unit/district differences of 2022 are still there.
    assert len(at.warning) == 4
    assert any(
        "het eenheidstotaal is 29.764, de vijf districten tellen op tot 29.765" in w for w in warnings(at)
    )
    # Preview: the changed totals against 2022, the tidy table, every check.
    changed = at.dataframe[0].value
    assert changed[["Gebied", "Indicator", "2022", "2023", "Verschil"]].values.tolist() == [
        ["IJsselland", "Signalen mensenhandel", "25", "35", "+10"],
        ["Oost-Nederland", "Signalen mensenhandel", "188", "198", "+10"],
    ]
    text = all_text(at)
    assert "2 van 95 totalen" in text
    assert "Elk district noemt dezelfde gemeenten apart als in 2022." in text
    assert any(df.value.shape == (401, 8) for df in at.dataframe)  # the tidy table
    assert "controles kloppen" in text
    # Saving for everyone is off without a key, and says how to turn it on.
    assert any("Opslaan voor iedereen staat uit" in i.value for i in at.info)

    at.button(key="gebruik_sessie").click().run()
    assert not at.exception
    assert at.session_state["jaar"] == 2023
    stored = at.session_state["_sessie_jaren"]["2023"]
    assert isinstance(stored["tabellen"], str) and stored["origineel"] == SYNTHETIC_2023.encode("utf-8")
    pickle.dumps(dict(stored))  # the session stays picklable
    assert any("2023 is nu beschikbaar in jouw sessie" in plain(s.value) for s in at.success)

    at.switch_page("pages/ontwikkeling.py").run()
    assert not at.exception
    assert "2023: niet gepubliceerde cijfers." in at.info[0].value  # marked on every page
    answer = at.info[1].value
    assert "Van 2022 naar 2023 (heel Oost-Nederland): signalen mensenhandel 188 → 198 (+10;" in answer

    at.switch_page("pages/opvolging.py")
    at.session_state[BOX_KEY] = True  # the comparison box is opened
    at.run()
    assert not at.exception
    box = next(e for e in at.expander if e.label == "Vergelijk met 2022")
    table = box.dataframe[0].value
    assert table[["Indicator", "2022", "2023", "Verschil"]].values.tolist() == [
        ["Signalen mensenhandel", "188", "198", "+10"],
        ["Strafrechtelijke onderzoeken", "22", "22", "±0"],
        ["Instroom OM (vervolging)", "44", "44", "±0"],
    ]


def test_question_page_without_an_earlier_year_says_so() -> None:
    at = run_app("pages/casustafels.py")
    assert not at.exception
    assert "Er is geen eerder jaar met tabellen geladen om 2022 mee te vergelijken." in all_text(at)


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("", "Er is niets geplakt."),
        ("   \n\t\n", "Er is niets geplakt."),
        ("\x00\x01\x02\x03garbage\ufffd\ufffd" * 30, "De geplakte tekst is geen leesbare tekst"),
        (
            SYNTHETIC_2023.replace("Zwol-le", "Zwollebroek"),
            "Blok 'IJSSELLAND', regel 1, kolom 5 ('Zwollebroek'): onbekende gemeente 'Zwollebroek'",
        ),
        ("hallo wereld", "onbekende bloknaam 'hallo wereld'"),
    ],
    ids=["empty", "blank", "binary", "unknown-municipality", "not-a-table"],
)
def test_broken_paste_gives_its_dutch_message_and_keeps_the_text(pasted: str, expected: str) -> None:
    at = paste(run_app(PAGE), pasted)
    assert any(expected in e for e in errors(at)), errors(at)
    assert not at.success
    assert not [b for b in at.button if b.key == "gebruik_sessie"], "a rejected year cannot be used"
    # What was pasted stays, also after another rerun and after visiting another page.
    at.run()
    assert at.text_area(key="plak").value == pasted
    at.switch_page("pages/opvolging.py").run()
    at.switch_page(PAGE).run()
    assert at.text_area(key="plak").value == pasted
    assert any(expected in e for e in errors(at))


def test_pasted_text_cannot_inject_markup() -> None:
    hostile = SYNTHETIC_2023.replace("Zwol-le", "[klik](https://example.org) **:red[x]**")
    at = paste(run_app(PAGE), hostile)
    (message,) = [e.value for e in at.error]
    assert inert_markdown("'[klik](https://example.org) **:red[x]**'") in message
    # The link is a code span (shown literally, not clickable); the markup around it is escaped.
    assert "`'[klik](https://example.org)`" in message and "**:red" not in message


def test_uploaded_workbook_fills_in_the_year_from_its_name() -> None:
    at = run_app(PAGE)
    workbook = workbook_from_tidy(load_dashboard(2022).with_columns(jaar=pl.lit(2024, dtype=pl.Int64)))
    at.file_uploader(key="excelbestand").set_value(
        ("dashboard_2024.xlsx", workbook, "application/octet-stream")
    )
    at.run()
    assert not at.exception
    assert at.number_input(key="jaartal").value == 2024
    assert [s.value for s in at.success][0].startswith("Geen fouten: de app kan de cijfers van 2024 lezen")
    assert any("Tussen 2022 en 2024 ontbreekt: 2023." in w for w in warnings(at))
    assert "bestand dashboard\\_2024\\.xlsx" in "\n".join(m.value for m in at.markdown)


def test_save_for_everyone_needs_the_key_and_an_organisation(with_key: None, database: Engine) -> None:
    at = paste(run_app(PAGE), SYNTHETIC_2023)
    at.text_input(key="beheersleutel_invoer").input("fout")
    at.button(key="opslaan_iedereen").click().run()
    assert "De beheersleutel klopt niet. Er is niets opgeslagen." in errors(at)
    assert at.text_input(key="beheersleutel_invoer").value == ""  # the key is not kept
    assert YearRepository(database).versions() == []

    at.text_input(key="beheersleutel_invoer").input("test")
    at.button(key="opslaan_iedereen").click().run()
    assert any(e.startswith("Kies eerst wie het jaar toevoegt") for e in errors(at))

    at.selectbox(key="organisatie").select("gemeente")
    at.text_input(key="beheersleutel_invoer").input("test")
    at.button(key="opslaan_iedereen").click().run()
    assert not at.exception
    assert any(
        "2023 is opgeslagen voor iedereen, toegevoegd door gemeente op" in plain(s.value) for s in at.success
    )
    stored = YearRepository(database).load_year(2023)
    assert stored.original == SYNTHETIC_2023.encode("utf-8") and stored.info.organisation == "gemeente"
    assert stored.info.version == 1
    listed = next(df.value for df in at.dataframe if "Toegevoegd door" in df.value.columns)
    assert listed[["Jaar", "Versie", "Toegevoegd door", "Staat"]].values.tolist() == [
        [2023, 1, "gemeente", "in gebruik"]
    ]

    # A new visitor sees the saved year in the year choice and on every page.
    other = run_app("pages/opvolging.py", jaar="2023")
    other.session_state[BOX_KEY] = True  # the comparison box is opened
    other.run()
    assert not other.exception
    assert other.session_state["jaar"] == 2023
    box = next(e for e in other.expander if e.label == "Vergelijk met 2022")
    assert box.dataframe[0].value.iloc[0][["2022", "2023"]].tolist() == ["188", "198"]


def test_a_broken_saved_year_is_named_and_the_others_keep_working(database: Engine) -> None:
    store = YearRepository(database)
    store.save(2023, SYNTHETIC_2023.encode(), "d_2023.txt", SYNTHETIC_2023, "politie")
    store.save(2024, TEXT_2022.encode(), "d_2024.txt", "kapot\tblok\n", "OM")  # checksums fine, no tables
    store.save(2025, TEXT_2022.encode(), "d_2025.txt", TEXT_2022, "RIEC")
    with database.begin() as connection:  # changed behind the app's back: the checksum no longer matches
        connection.execute(
            update(SavedYearRow).where(SavedYearRow.year == 2025).values(layout=SYNTHETIC_2023)
        )
    at = run_app(PAGE)
    assert not at.exception
    found = errors(at)
    assert any(
        e.startswith("Het opgeslagen jaar 2024 (versie 1) is beschadigd: de tabellen zijn niet meer te lezen")
        for e in found
    ), found
    assert any(
        e.startswith("Het opgeslagen jaar 2025 (versie 1) is beschadigd: de tabellen zijn veranderd")
        for e in found
    ), found
    assert at.number_input(key="jaartal").value == 2024  # the next year after the readable ones
    other = run_app("pages/ontwikkeling.py")
    assert not other.exception
    assert "Van 2022 naar 2023 (heel Oost-Nederland): signalen mensenhandel 188 → 198" in other.info[0].value


def test_a_correction_is_a_new_version_and_the_app_shows_the_newest(with_key: None, database: Engine) -> None:
    store = YearRepository(database)
    first = store.save(2023, TEXT_2022.encode(), "fout_2023.txt", TEXT_2022, "politie")
    at = run_app(PAGE)
    assert at.number_input(key="jaartal").value == 2024  # the next year after the saved one
    at.number_input(key="jaartal").set_value(2023).run()
    at = paste(at, SYNTHETIC_2023)
    assert not [b for b in at.button if b.key == "opslaan_iedereen"], "a saved year is never saved over"
    assert "is al opgeslagen (versie 1" in all_text(at)
    at.selectbox(key="organisatie").select("RIEC")
    at.text_input(key="beheersleutel_invoer").input("test")
    at.button(key="opslaan_correctie").click().run()
    assert not at.exception
    assert any("Versie 2 van 2023 (vervangt versie 1) is opgeslagen" in plain(s.value) for s in at.success)
    versions = store.versions(2023)
    assert [(v.version, v.replaces_id, v.organisation) for v in versions] == [
        (1, None, "politie"),
        (2, first.id, "RIEC"),
    ]
    assert store.load(first.id).original == TEXT_2022.encode()  # the first version is kept unchanged
    listed = next(df.value for df in at.dataframe if "Versie" in df.value.columns)
    assert listed[["Jaar", "Versie", "Staat"]].values.tolist() == [
        [2023, 1, "vervangen door een nieuwere versie"],
        [2023, 2, "in gebruik"],
    ]
    other = run_app("pages/opvolging.py", jaar="2023")
    other.session_state[BOX_KEY] = True
    other.run()
    box = next(e for e in other.expander if e.label == "Vergelijk met 2022")
    assert box.dataframe[0].value.iloc[0][["2022", "2023"]].tolist() == ["188", "198"]


def test_a_session_year_link_opens_the_same_year_in_a_new_session(database: Engine) -> None:
    at = paste(run_app(PAGE), SYNTHETIC_2023)
    at.button(key="gebruik_sessie").click().run()
    assert not at.exception
    token = at.session_state["_sessie_jaren"]["2023"]["token"]
    assert at.query_params["sessiejaar"] in (token, [token])  # in the address, so a reload keeps it
    assert any("Niet gepubliceerd" in m.value for m in at.markdown), "the session year is marked unpublished"
    link = next(c.value for c in at.code if "sessiejaar=" in c.value)
    assert f"jaar=2023&sessiejaar={token}" in link
    # Nothing is published: a visitor without the link still has only 2022.
    assert YearRepository(database).versions() == []
    plain_visit = run_app("pages/opvolging.py")
    assert plain_visit.selectbox(key="jaar").options == ["2022"]

    # A new session (another browser, another replica) with the link: the same figures, marked unpublished.
    other = run_app("pages/opvolging.py", jaar="2023", sessiejaar=token)
    assert not other.exception
    assert other.session_state["jaar"] == 2023
    assert other.selectbox(key="jaar").options == ["2022", "2023"]
    assert any("2023: niet gepubliceerde cijfers." in i.value for i in other.info)
    assert not any("niet begrepen" in w.value for w in other.warning), [w.value for w in other.warning]
    other.session_state[BOX_KEY] = True
    other.run()
    box = next(e for e in other.expander if e.label == "Vergelijk met 2022")
    assert box.dataframe[0].value.iloc[0][["2022", "2023"]].tolist() == ["188", "198"]


def test_a_link_to_a_session_year_that_is_gone_gets_the_dutch_notice() -> None:
    at = run_app("pages/opvolging.py", jaar="2023", sessiejaar="A" * 24)
    assert not at.exception
    assert GONE_TEXT in [w.value for w in at.warning]
    assert at.session_state["jaar"] == 2022
    assert at.selectbox(key="jaar").options == ["2022"]


def test_without_a_lasting_database_every_page_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from components.hosting import NOT_LASTING_TEXT
    from components.store import ENV_EPHEMERAL, lasting

    monkeypatch.setenv(ENV_EPHEMERAL, "1")  # as on Community Cloud: the container's disk does not last
    for page in (None, "pages/werksessie.py", PAGE):
        at = run_app(page)
        assert not at.exception
        assert at.warning[0].value == NOT_LASTING_TEXT
    # Community Cloud is recognised by its checkout folder; a PostgreSQL URL is lasting there.
    assert not lasting("sqlite:////tmp/x.sqlite", env={}, project_dir="/mount/src/ketendialoog")
    assert lasting("postgresql://k@db/k", env={}, project_dir="/mount/src/ketendialoog")
    assert lasting("sqlite:////data/x.sqlite", env={}, project_dir="/srv/ketendialoog")
    assert lasting("sqlite:////tmp/x.sqlite", env={ENV_EPHEMERAL: "0"}, project_dir="/mount/src/k")
    monkeypatch.setenv(ENV_EPHEMERAL, "0")
    assert not any(w.value == NOT_LASTING_TEXT for w in run_app().warning)


def test_a_database_that_does_not_answer_leaves_the_published_year_working(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from components.data import STORE_DOWN_TEXT

    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    at = run_app("pages/opvolging.py")
    assert not at.exception
    assert at.selectbox(key="jaar").options == ["2022"]
    started = time.perf_counter()
    at.run()  # the failed database is left alone for a while: a rerun does not wait for it again
    assert time.perf_counter() - started < 5
    page = paste(run_app(PAGE), SYNTHETIC_2023)
    assert STORE_DOWN_TEXT in [w.value for w in page.warning]
    page.button(key="gebruik_sessie").click().run()
    assert not page.exception
    assert any("er is geen link die blijft" in plain(s.value) for s in page.success)
    assert page.session_state["jaar"] == 2023  # the year still works in this browser session
