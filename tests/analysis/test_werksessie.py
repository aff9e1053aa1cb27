"""Tests for analysis.werksessie: personal-data detection, estimate statistics, figures and reports."""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest

from analysis import werksessie as ws
from analysis.werksessie.wording import middle_phrase

REFUSED = [
    ("Jan Jansen, geboren 12-03-1985, werkt in Enschede", "een naam met een (geboorte)datum"),
    ("Piet de Vries (3 maart 2001) is gezien", "een naam met een (geboorte)datum"),
    ("dhr. Yilmaz 01/02/1990", "een naam met een (geboorte)datum"),
    ("geb. 1-1-2019, verder onbekend", "een naam met een (geboorte)datum"),
    ("BSN 111222333 bij de gemeente", "een nummer dat op een BSN lijkt"),
    ("nummer 1234.56.782 in het dossier", "een nummer dat op een BSN lijkt"),
    ("bel 06-12345678 voor info", "een telefoonnummer"),
    ("+31 6 1234 5678", "een telefoonnummer"),
    ("het kantoor: 020 123 4567", "een telefoonnummer"),
    ("mail naar a.jansen@gemeente.nl", "een e-mailadres"),
]

ACCEPTED = [
    "In Twente zagen we vooral signalen rond de arbeidsmarkt.",
    "De gemeente Enschede meldde op 12-03-2022 meer controles.",  # a recent date, no birth date
    "188 signalen, 22 onderzoeken: 11,7% is laag.",
    "Oost Nederland telt 29.764 advertenties",
    "Registratienummer 123456789 bestaat niet",  # nine digits that fail the 11-proef
    "Bel de RIEC-coördinator via het algemene nummer",
    "<script>alert(1)</script>",
    "[klik](https://example.org) **vet**",
    "'; DROP TABLE notities; --",
    "Twee regels\nmet een tab\tertussen",
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_personal_data_refused(text: str, reason: str) -> None:
    check = ws.check_text(text)
    assert not check.ok
    assert reason in check.message
    assert "persoonsgegevens" in check.message


@pytest.mark.parametrize("text", ACCEPTED)
def test_ordinary_text_accepted(text: str) -> None:
    check = ws.check_text(text)
    assert check.ok, check.message
    assert check.text == text.strip()


def test_eleven_test() -> None:
    assert ws.passes_eleven_test("111222333")
    assert ws.passes_eleven_test("123456782")
    assert not ws.passes_eleven_test("123456789")
    assert not ws.passes_eleven_test("000000000")
    assert not ws.passes_eleven_test("12345678")


def test_length_empty_and_control_characters() -> None:
    long = ws.check_text("x" * 10_000)
    assert not long.ok and "10.000 tekens" in long.message and "500" in long.message
    assert ws.check_text("x" * 500).ok
    assert not ws.check_text("   ").ok
    assert "leeg" in ws.check_text(None).message
    for hidden in ("a\u202eb", "a\u0000b", "a\u200bb", "a\u0007b"):
        refused = ws.check_text(hidden)
        assert not refused.ok and "stuurtekens" in refused.message
    assert ws.check_text("line\r\nline").text == "line\nline"


def test_org_type_and_rate_limit() -> None:
    assert ws.check_org_type("RIEC") == "RIEC"
    assert ws.check_org_type("<script>") == ws.NO_ORG
    assert ws.check_org_type(None) == ws.NO_ORG
    assert not ws.rate_limited([1.0, 2.0, 3.0, 4.0], 10.0)
    assert ws.rate_limited([1.0, 2.0, 3.0, 4.0, 5.0], 10.0)
    assert not ws.rate_limited([1.0, 2.0, 3.0, 4.0, 5.0], 40.0)  # older than 30 s
    assert ws.recent_posts([1.0, 25.0], 40.0) == [25.0]


def test_estimate_stats() -> None:
    stats = ws.estimate_stats([100, 150, 200, 250, 400], truth=188)
    assert stats.n == 5
    assert stats.median == 200
    assert (stats.q1, stats.q3) == (150, 250)
    assert stats.spread == 100
    assert (stats.low, stats.high) == (100, 400)
    assert (stats.below, stats.above) == (2, 3)
    empty = ws.estimate_stats([], truth=188)
    assert empty.n == 0 and empty.median is None and empty.spread is None
    one = ws.estimate_stats([50], truth=188)
    assert one.median == 50 and one.spread == 0


@pytest.fixture(scope="module")
def figures(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> dict[str, ws.Figure]:
    return ws.published_figures(tidy, population, context)


def test_published_figures_unit(figures: dict[str, ws.Figure]) -> None:
    assert figures["signalen"].value_text == "188"
    assert figures["onderzoek"].value_text == "11,7%"
    assert figures["onderzoek"].counts_text.startswith("22 onderzoeken van 188 signalen")
    assert figures["slachtoffers"].value_text == "1.026"
    assert figures["slachtoffers"].counts_text == (
        "landelijke schatting 5.500 × inwonersaandeel 18,7% (3.282.382 van 17.590.672 inwoners)"
    )
    assert figures["interventies"].value_text == "130 per 100"
    assert figures["interventies"].counts_text == "78 interventies op 60 rapportages"
    assert "Hengelo" in figures["interventies"].note


def test_published_figures_district(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    twente = ws.published_figures(tidy, population, context, "Twente")
    assert twente["signalen"].value_text == "41"
    assert twente["onderzoek"].counts_text.startswith("5 onderzoeken van 41 signalen")
    assert "district Twente" in twente["signalen"].question
    assert ws.session_area(["Twente"]) == "Twente"
    assert ws.session_area(["Twente", "IJsselland"]) == "Oost-Nederland"


def test_reveal_and_round_sentences(figures: dict[str, ws.Figure]) -> None:
    signals = figures["signalen"]
    first = ws.estimate_stats([100, 120, 500], signals.value)
    second = ws.estimate_stats([170, 180, 200], signals.value)
    assert ws.reveal_summary(first, signals, 1) == (
        "Ronde 1: de middelste van 3 schattingen was 120 (van 100 tot 500); gepubliceerd is 188 "
        "(188 geregistreerde signalen). 2 van 3 lagen lager, 1 hoger."
    )
    assert ws.round_comparison(first, second, signals) == (
        "Het midden van de schattingen ging van 120 (3 deelnemers) naar 180 (3 deelnemers): dichter bij het "
        "gepubliceerde cijfer. De schattingen liepen in ronde 2 minder uiteen."
    )
    # One estimate below the figure: 'lag', not 'lagen'; one estimate has no range.
    assert ws.reveal_summary(ws.estimate_stats([150], signals.value), signals, 2) == (
        "Ronde 2: de enige schatting was 150; gepubliceerd is 188 (188 geregistreerde signalen). "
        "1 van 1 lag lager, 0 hoger."
    )
    assert ws.reveal_summary(ws.estimate_stats([100, 200], signals.value), signals, 1).startswith(
        "Ronde 1: het gemiddelde van de 2 schattingen was 150 (van 100 tot 200); gepubliceerd is 188 "
    )
    assert ws.reveal_summary(ws.estimate_stats([100, 200], signals.value), signals, 1).endswith(
        "1 van 2 lag lager, 1 hoger."
    )

    share = figures["onderzoek"]
    assert share.format(25) == "25,0%"
    assert "nog geen schattingen" in ws.reveal_summary(ws.estimate_stats([], share.value), share, 1)


@pytest.mark.parametrize(
    ("count", "words"),
    [
        (1, "de enige schatting"),
        (2, "het gemiddelde van de 2 schattingen"),
        (3, "de middelste van 3 schattingen"),
        (4, "het gemiddelde van de twee middelste van 4 schattingen"),
    ],
)
def test_middle_of_the_estimates_in_words(count: int, words: str) -> None:
    assert middle_phrase(count) == words


HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))'


def _report(figures: dict[str, ws.Figure]) -> ws.SessionReport:
    signals = figures["signalen"]
    notes = (
        ws.NoteLine(ws.KIND_OBSERVATION, HOSTILE, "politie", 2),
        ws.NoteLine(ws.KIND_OBSERVATION, "Gemeenten zien andere signalen", "gemeente", 0),
        ws.NoteLine(ws.KIND_ACTION, "Registratie afstemmen", "OM", 1, "politie", "01-03-2027"),
    )
    question = ws.QuestionReport(
        signals,
        ws.view_link("http://localhost:8501", signals, ["Oost-Nederland"], 2022),
        (ws.estimate_stats([100, 150], signals.value), ws.estimate_stats([180], signals.value)),
        True,
        notes,
    )
    return ws.SessionReport("Sessie <b>Oost</b>", "01-12-2026", ("Oost-Nederland",), (question,))


def test_report_markdown(figures: dict[str, ws.Figure]) -> None:
    text = ws.report_markdown(_report(figures))
    assert "# Werksessie: Sessie \\<b\\>Oost\\</b\\>" in text  # only what could start markup is escaped
    assert "Gepubliceerd cijfer: 188 — 188 geregistreerde signalen" in text
    assert "http://localhost:8501/aard-en-omvang?jaar=2022&district=Oost-Nederland" in text
    assert "Ronde 1: het gemiddelde van de 2 schattingen was 125" in text
    assert "Het midden van de schattingen ging van 125 (2 deelnemers) naar 180 (1 deelnemer)" in text
    assert "<script>" not in text and "](javascript" not in text.replace("\\](javascript", "")
    assert "\\[link\\](javascript:alert(1))" in text  # the brackets escaped: no link
    assert "eigenaar: politie, uiterlijk 01-03-2027 (+1)" in text
    assert text.index("**politie**") < text.index("**gemeente**")


def test_report_html_escapes_everything(figures: dict[str, ws.Figure]) -> None:
    page = ws.report_html(_report(figures))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Sessie &lt;b&gt;Oost&lt;/b&gt;" in page
    assert (
        "<td class='note-text'>Registratie afstemmen</td><td>politie</td><td>01-03-2027</td><td class='num'>1</td>"
        in page
    )
    assert "src=" not in page.replace("src=x", "")  # no external resources
    assert 'href="http://localhost:8501/aard-en-omvang?jaar=2022&amp;district=Oost-Nederland"' in page


def test_report_csv_is_formula_safe() -> None:
    text = ws.report_csv(
        [
            ["observatie", "signalen", "", "politie", '=HYPERLINK("x")', "", "", 0, "nee", ""],
            ["schatting", "signalen", 1, "OM", 150.0, "", "", "", "", ""],
        ]
    )
    assert text.startswith("\ufeff")  # the byte-order mark Dutch Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == list(ws.CSV_COLUMNS)
    assert rows[1][4] == '\'=HYPERLINK("x")'
    assert rows[2][4] == "150"


def test_links() -> None:
    assert ws.join_link("http://host:8501/", "K7Q2MX") == "http://host:8501/werksessie?sessie=K7Q2MX"


def test_stored_vocabulary_unchanged() -> None:
    """The database holds the note kinds: renaming a value would orphan every stored note."""
    assert [kind.value for kind in ws.NoteKind] == ["observatie", "actiepunt"]
    assert (ws.KIND_OBSERVATION, ws.KIND_ACTION) == ("observatie", "actiepunt")
    assert {action.value for action in ws.FacilitatorAction} == {
        "tonen",
        "ronde",
        "sluiten",
        "verbergen",
        "terugzetten",  # added with hiding and showing by number on the console
        "samenvoegen",
    }


def test_round_comparison_farther_and_same_spread(figures: dict[str, ws.Figure]) -> None:
    signals = figures["signalen"]
    first = ws.estimate_stats([170, 180, 190], signals.value)
    second = ws.estimate_stats([90, 100, 110], signals.value)
    assert ws.round_comparison(first, second, signals).endswith(
        "verder van het gepubliceerde cijfer. De spreiding bleef gelijk."
    )
    assert ws.round_comparison(first, ws.estimate_stats([], signals.value), signals).startswith(
        "Voor een vergelijking"
    )
