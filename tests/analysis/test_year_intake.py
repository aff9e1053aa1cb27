"""Texts of the page 'Nieuw jaar toevoegen' that come from the data (analysis.year_intake)."""

from analysis import load_dashboard
from analysis.year_intake import (
    intake_answer,
    intake_caveats,
    intake_prompts,
    paste_findings_text,
    paste_placeholder,
)


def test_answer_names_where_each_year_comes_from() -> None:
    assert intake_answer([2022], [], []) == (
        "De app heeft tabellen van 2022 (meegeleverd). Plak of upload een nieuw jaar: de app controleert het, "
        "toont een voorbeeld, en je kunt het gebruiken en opslaan."
    )
    # Three sources of years: the how-to shrinks so the answer stays within 30 words.
    assert intake_answer([2022], [2023], [2024]) == (
        "De app heeft tabellen van 2022 (meegeleverd), 2023 (opgeslagen voor iedereen) en 2024 (alleen in jouw "
        "sessie). Plak of upload hieronder een nieuw jaar."
    )


def test_pasted_text_is_not_called_a_file() -> None:
    assert (
        paste_findings_text("Het bestand is leeg: er staat niets in. Verwacht: x.")
        == "Er is niets geplakt. Verwacht: x."
    )
    assert paste_findings_text("Het bestand bevat geen leesbare tekst (het lijkt ...)").startswith(
        "De geplakte tekst is geen leesbare tekst"
    )


def test_prompts_name_the_municipalities_without_figures() -> None:
    prompts = intake_prompts(load_dashboard(2022), 2023)
    assert prompts[0] == (
        "In 2022 staat er bij 24 vakken een '?' (geen opgave), vooral bij Hengelo, Tubbergen, Harderwijk en "
        "Zutphen. Wie zorgt dat die cijfers er in 2023 wel zijn, en wat is daarvoor nodig?"
    )
    assert "Wie levert de tabellen van 2023 aan" in prompts[1]
    assert "Web-IQ" in prompts[2]


def test_paste_example_is_made_from_the_loaded_tables() -> None:
    example = paste_placeholder(load_dashboard(2022))
    header, row = example.split("\n")
    assert header == "IJSSELLAND\tKampen\tSteenwijkerland\t…\tOverig\tTotaal"
    assert row == "Actieve seksadvertenties\t391\t440\t…"


def test_caveat_names_the_source_change_from_the_data() -> None:
    assert intake_caveats()[-1].startswith(
        "Verandert een bron of definitie (zoals de webcrawler van Web-IQ voor actieve seksadvertenties vanaf 2022)"
    )
