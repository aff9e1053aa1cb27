"""The page 'Data en kwaliteit' through AppTest: counts, filters from the link, blocks, checks, downloads."""

from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, metric_values, run_app

PAGE = "pages/data.py"
ANSWER = (
    "De tabel telt 401 cijfers over 2022: 373 gerapporteerd, 3 lege vakken, 24 keer '?' en "
    "1 keer '-'; 77 van 99 controles kloppen."
)


def frame_with(at: AppTest, column: str):
    """The first displayed table (as pandas, which AppTest hands out) that has ``column``."""
    for element in at.dataframe:
        frame = element.value
        if column in frame.columns:
            return frame
    raise AssertionError(f"no table with column {column!r}")


def shown_captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if "getoond" in c.value]


def test_runs_without_district_and_shows_the_counts() -> None:
    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == "Wat staat er precies in de cijfers, en waar ontbreekt iets?"
    assert at.info[0].value == ANSWER
    assert metric_values(at) == {
        "Getal: gerapporteerd": "373",
        "Leeg vak": "3",
        "?: niet gerapporteerd": "24",
        "-: niet van toepassing": "1",
    }
    assert shown_captions(at) == [
        "401 van 401 rijen getoond.",
        "99 van 99 controles getoond. Verschil is getal A min getal B.",
    ]
    text = all_text(at)
    assert "77 van 99 controles kloppen." in text
    assert "29.764" in text and "29.765" in text
    assert "Op 1 januari 2022 woonden in de 76 gemeenten van Oost-Nederland 3.282.382 mensen" in text
    assert "Bron: CBS StatLine 37259, Bevolking op 1 januari (CC BY 4.0)." in text
    assert "Hengelo, Tubbergen, Harderwijk en Zutphen" in text  # a prompt on the '?'
    assert "In Twente gaat het om" not in text


def test_runs_with_a_district() -> None:
    at = run_app(PAGE, district="Twente")
    assert not at.exception
    assert at.info[0].value == ANSWER
    text = all_text(at)
    assert (
        "In Twente gaat het om 87 cijfers: 73 gerapporteerd, 1 leeg vak, 12 keer '?' en 1 keer '-'." in text
    )
    assert "Overig Twente" in text  # the prompt on the '-'
    assert "minstens 15" in text
    assert at.session_state["blok"] == "Twente"  # the blocks open on the chosen district


def test_download_buttons_present() -> None:
    at = run_app(PAGE)
    assert [b.label for b in at.download_button] == [
        "Nette tabel (CSV)",
        "Werkmap (Excel)",
        "Controles (CSV)",
        "Inwoners (CSV)",
    ]


def test_filters_from_the_link() -> None:
    at = run_app(PAGE, filter_district="Twente", filter_status="niet gerapporteerd")
    assert not at.exception
    assert "12 van 401 rijen getoond." in shown_captions(at)
    table = frame_with(at, "weergave")
    assert set(table["weergave"]) == {"?"}
    assert set(table["gebied"]) == {"Hengelo", "Tubbergen"}


def test_filter_on_section_and_area_type() -> None:
    at = run_app(PAGE, filter_sectie="Bewustwording", filter_gebiedstype="totaal")
    table = frame_with(at, "weergave")
    assert table["weergave"].tolist() == ["10", "38"]


def test_filter_on_empty_cells_shows_leeg_not_zero() -> None:
    at = run_app(PAGE, filter_status="leeg")
    table = frame_with(at, "weergave")
    assert set(table["gebied"]) == {"West Betuwe", "Hof van Twente", "Barneveld"}
    assert set(table["weergave"]) == {"leeg"}


def test_filter_on_check_outcome() -> None:
    at = run_app(PAGE, filter_uitkomst="wijkt af")
    assert "3 van 99 controles getoond. Verschil is getal A min getal B." in shown_captions(at)
    checks = frame_with(at, "Getal A")
    assert sorted(zip(checks["Getal A"], checks["Getal B"], strict=True)) == [
        ("14", "13"),
        ("29.764", "29.765"),
        ("32", "22"),
    ]


def test_invalid_filter_values_are_ignored() -> None:
    at = run_app(PAGE, filter_district="Atlantis", filter_uitkomst="onzin", blok="Nergens")
    assert not at.exception
    assert shown_captions(at)[0] == "401 van 401 rijen getoond."


def test_blocks_show_the_published_cells() -> None:
    at = run_app(PAGE, blok="Twente")
    twente = frame_with(at, "Hengelo")
    row = twente.set_index("Indicator")
    assert row.loc["Waarschuwingen", "Hengelo"] == "?"
    assert row.loc["Overige bestuurlijke interventies", "Overig"] == "-"
    assert row.loc["Signalen mensenhandel", "Hof van Twente"] == "leeg"
    midden = frame_with(run_app(PAGE, blok="Gelderland-Midden"), "Barneveld").set_index("Indicator")
    assert midden.loc["Signalen mensenhandel", "Barneveld"] == "leeg"
    casus = frame_with(run_app(PAGE, blok="Casustafels"), "Casussen (casustafel of RIEC), zoals gedrukt")
    casus = casus.set_index("District")
    assert casus.loc["IJsselland", "Casussen (casustafel of RIEC), zoals gedrukt"] == "17+3"
    b8 = frame_with(run_app(PAGE, blok="B8 en AZC's"), "Regel").set_index("Regel")
    assert b8.loc["Som over de AZC-locaties", "Aantal"] == "13"
    text = all_text(run_app(PAGE, blok="CoMensHa"))
    assert "alleen nationaliteit (19 + 25 + 27) komt pas mét 'Onbekend' op 71" in text


def test_only_the_open_block_is_drawn() -> None:
    at = run_app(PAGE, blok="Twente")
    assert any("Hengelo" in frame.value.columns for frame in at.dataframe)
    assert not any("Barneveld" in frame.value.columns for frame in at.dataframe)
