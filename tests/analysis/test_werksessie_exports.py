"""Werksessie figures for a session's districts, their origin labels, and the exports for Dutch tools.

- Figures: a session of Twente and IJsselland gets those districts' counts, summed before
  dividing, checked against the printed tables in ``data/dashboard/2022.txt``; the app's own
  estimate of victims (1.026) is labelled as computed, with the dashboard text's ~1.150 beside it.
- CSV: read back with Dutch settings (``;``, decimal comma) it gives the same values, and it
  starts with the UTF-8 byte-order mark.
- Markdown: no ``\\:``, no U+2060 or other invisible characters, no live link or image, and
  the text reads back as typed (property-based).
- Hand-out: self-contained, escaped, one page section per question, a print stylesheet.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from analysis.geography import UNIT
from analysis.werksessie.estimates import estimate_stats
from analysis.werksessie.export_csv import BOM, csv_cell, dutch_csv, dutch_number
from analysis.werksessie.export_data import NoteLine, QuestionReport, SessionReport
from analysis.werksessie.export_text import markdown_heading_text, markdown_text, visible_text
from analysis.werksessie.figures import Figure, FigureOrigin, published_figures, table_districts
from analysis.werksessie.handout import fit_notes, handout_html, nice_top
from analysis.werksessie.report import CSV_COLUMNS, report_csv, report_markdown
from analysis.werksessie.session import KIND_ACTION, KIND_OBSERVATION
from tests.analysis.werksessie_sample import DISTRICTS, HOSTILE, PASTED, sample_report

DASHBOARD_TXT = Path(__file__).resolve().parents[2] / "data" / "dashboard" / "2022.txt"
#: The block headers of the printed tables for the two districts of the sample session.
BLOCK_NAMES = {"TWENTE": "Twente", "IJSSELLAND": "IJsselland"}
INTERVENTION_ROWS = (
    "Waarschuwingen",
    "Bestuurlijke boetes",
    "Dwangsommen",
    "Bestuursdwang sluiten pand",
    "Bestuurlijke interventies anderzins",
)


def printed_blocks() -> dict[str, dict[str, list[str]]]:
    """The printed tables as ``{district: {row label: cells}}``, read straight from the data file."""
    blocks: dict[str, dict[str, list[str]]] = {}
    for chunk in DASHBOARD_TXT.read_text(encoding="utf-8").split("\n\n"):
        lines = [line.split("\t") for line in chunk.strip().splitlines()]
        if lines and lines[0][0] in BLOCK_NAMES:
            blocks[BLOCK_NAMES[lines[0][0]]] = {row[0]: row[1:] for row in lines}
    return blocks


def _int(cell: str) -> int:
    return int(cell) if cell.isdigit() else 0


@pytest.fixture(scope="module")
def two(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> dict[str, Figure]:
    """The figures of a session for Twente and IJsselland."""
    return published_figures(tidy, population, context, DISTRICTS)


@pytest.fixture(scope="module")
def unit(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> dict[str, Figure]:
    """The figures of a session for the whole unit."""
    return published_figures(tidy, population, context)


# ---------------------------------------------------------------------------
# Figures for a session's districts
# ---------------------------------------------------------------------------


def test_two_districts_sum_the_printed_totals(two: dict[str, Figure]) -> None:
    blocks = printed_blocks()
    signals = {d: int(blocks[d]["Signalen mensenhandel"][-1]) for d in DISTRICTS}
    investigations = {d: int(blocks[d]["Strafrechtelijke onderzoeken"][-1]) for d in DISTRICTS}
    assert signals == {"Twente": 41, "IJsselland": 25}
    assert investigations == {"Twente": 5, "IJsselland": 5}

    assert two["signalen"].value == 66
    assert two["signalen"].counts_text == "66 geregistreerde signalen (Twente 41 + IJsselland 25)"
    assert "de districten Twente en IJsselland" in two["signalen"].question

    share = two["onderzoek"]
    assert share.value == pytest.approx(100 * 10 / 66)
    assert share.value_text == "15,2%"
    low, high = binomtest(10, 66).proportion_ci(method="exact")
    assert share.counts_text == (
        f"10 onderzoeken van 66 signalen (marge {100 * low:.1f}% tot {100 * high:.1f}%)".replace(".", ",")
    )
    assert share.area_note is None and share.area == "de districten Twente en IJsselland"


def test_two_districts_interventions_leave_out_the_question_marks(two: dict[str, Figure]) -> None:
    """Counts summed over the municipalities that reported (a '?' leaves a municipality out), then divided."""
    blocks = printed_blocks()
    interventions = reports = 0
    left_out: list[str] = []
    for district in DISTRICTS:
        rows = blocks[district]
        names = rows[next(iter(rows))][:-1]  # the header row: municipalities, 'Overig' (not 'Totaal')
        for i, name in enumerate(names):
            cells = [rows[label][i] for label in (*INTERVENTION_ROWS, "Bestuurlijke rapportages politie/OM")]
            if "?" in cells:
                left_out.append(name)
                continue
            interventions += sum(_int(rows[label][i]) for label in INTERVENTION_ROWS)
            reports += _int(rows["Bestuurlijke rapportages politie/OM"][i])
    assert (interventions, reports) == (34, 29)
    assert left_out == ["Hengelo", "Tubbergen"]
    figure = two["interventies"]
    assert figure.counts_text == "34 interventies op 29 rapportages"
    assert figure.value == pytest.approx(100 * 34 / 29)
    assert figure.value_text == "117 per 100"
    assert figure.note == "Zonder Hengelo, Tubbergen (geen opgave)."


def test_unit_only_figure_says_why(two: dict[str, Figure], unit: dict[str, Figure]) -> None:
    victims = two["slachtoffers"]
    assert victims.value == unit["slachtoffers"].value  # the unit's figure ...
    assert victims.area == "Oost-Nederland"
    assert victims.area_note is not None  # ... and why
    assert victims.area_note.startswith("Geen cijfer voor de districten Twente en IJsselland")
    assert "alleen voor heel Oost-Nederland" in victims.area_note
    assert "in Oost-Nederland?" in victims.question
    assert unit["slachtoffers"].area_note is None
    assert all(f.area_note is None for f in unit.values())


def test_origin_labels(two: dict[str, Figure], unit: dict[str, Figure]) -> None:
    assert unit["signalen"].value_label == "Gepubliceerd cijfer" and unit["signalen"].published
    # The sum of two printed district totals is not printed anywhere.
    assert two["signalen"].value_label == "Berekend uit gepubliceerde aantallen"
    assert not two["signalen"].published
    assert unit["onderzoek"].origin == FigureOrigin.FROM_COUNTS
    victims = unit["slachtoffers"]
    assert victims.value_label == "Berekend door de app" and not victims.published
    assert [f.key for f in unit.values() if f.published] == ["signalen"]


def test_hidden_victims_name_their_sources(unit: dict[str, Figure], context: pl.DataFrame) -> None:
    victims = unit["slachtoffers"]
    assert victims.value_text == "1.026"
    text_value = context.filter(pl.col("code") == "slachtoffers_on_2021_tekst")["waarde"][0]
    assert text_value == 1150
    (reference,) = victims.references
    assert reference.value == 1150 and reference.value_text == "ongeveer 1.150"
    assert reference.label == "Gepubliceerd in de toelichting"
    assert reference.source.startswith("Dashboard mensenhandel Oost-Nederland 2022, toelichting")
    assert "20,9% van de landelijke schatting van 5.500" in reference.counts_text
    assert "ongeveer 1.150" in victims.note and "1.150 van 5.500 = 20,9%" in victims.note
    assert "is het 1.026" in victims.note
    assert (
        victims.counts_text
        == "landelijke schatting 5.500 × inwonersaandeel 18,7% (3.282.382 van 17.590.672 inwoners)"
    )
    for name in (
        "Nationaal Rapporteur Mensenhandel",
        "CBS StatLine 37259",
        "Dashboard mensenhandel Oost-Nederland 2022",
    ):
        assert name in victims.source
    assert "Gepubliceerd" not in victims.source


def test_area_arguments(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> None:
    one = published_figures(tidy, population, context, "Twente")
    assert one == published_figures(tidy, population, context, ["Twente"])
    assert one["signalen"].value_text == "41" and one["signalen"].published
    unit = published_figures(tidy, population, context)
    assert unit == published_figures(tidy, population, context, [UNIT])
    assert unit == published_figures(tidy, population, context, ())
    assert unit == published_figures(tidy, population, context, table_districts(tidy))  # all five
    reordered = published_figures(tidy, population, context, ["IJsselland", "Twente", "Twente"])
    assert reordered["signalen"].value == 66
    # A district the year's tables do not know: the unit's figures, each saying why.
    odd = published_figures(tidy, population, context, ["Twente", "Atlantis"])
    assert [f.value for f in odd.values()] == [f.value for f in unit.values()]
    assert {f.area_note for f in odd.values()} == {
        "Geen cijfer voor de districten Twente en Atlantis: 'Atlantis' staat niet in de tabellen van 2022. "
        "Hier staat daarom het cijfer voor heel Oost-Nederland."
    }


def test_district_without_a_denominator_gets_the_unit_figure(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    """A year whose tables give IJsselland no reports: the interventions figure is the unit's, and says why."""
    no_reports = tidy.with_columns(
        pl.when((pl.col("district") == "IJsselland") & (pl.col("indicator") == "bestuurlijke_rapportages"))
        .then(0)
        .otherwise(pl.col("waarde"))
        .alias("waarde")
    )
    figures = published_figures(no_reports, population, context, ["IJsselland"])
    interventions = figures["interventies"]
    assert interventions.area_note == (
        "Geen cijfer voor district IJsselland: de districten hebben samen geen rapportages in de tabel. "
        "Hier staat daarom het cijfer voor heel Oost-Nederland."
    )
    assert interventions.area == "Oost-Nederland"
    assert figures["signalen"].area_note is None and figures["signalen"].value == 25


# ---------------------------------------------------------------------------
# CSV for Dutch spreadsheets
# ---------------------------------------------------------------------------

ROWS: list[list[object]] = [
    [
        "observatie",
        "signalen",
        "",
        "politie",
        '=HYPERLINK("x")',
        "",
        "",
        2,
        "nee",
        dt.datetime(2026, 11, 30, 13, 5, 9, tzinfo=dt.UTC),
    ],
    [
        "actiepunt",
        "onderzoek",
        "",
        "OM",
        'Registratie afstemmen; met "quotes"\nen een regel',
        "politie",
        "01-03-2027",
        0,
        "ja",
        "",
    ],
    ["schatting", "signalen", 1, "OM", 150.0, "", "", "", "", ""],
    ["schatting", "onderzoek", 2, "RIEC", 12.5, "", "", "", "", ""],
    ["schatting", "slachtoffers", 1, "onbekend", 1026.25, "", "", "", "", ""],
]


def test_csv_reads_back_with_dutch_settings() -> None:
    text = report_csv(ROWS)
    data = text.encode("utf-8")  # what st.download_button sends
    assert data.startswith(b"\xef\xbb\xbf")
    assert text.splitlines()[0] == BOM + ";".join(CSV_COLUMNS)
    frame = pl.read_csv(io.BytesIO(data), separator=";", decimal_comma=True, infer_schema=False)
    assert frame.columns == list(CSV_COLUMNS)  # the mark is not part of the first name
    assert frame["tekst_of_schatting"].to_list()[:2] == [
        '\'=HYPERLINK("x")',
        'Registratie afstemmen; met "quotes"\nen een regel',
    ]
    estimates = frame.filter(pl.col("soort") == "schatting")["tekst_of_schatting"].to_list()
    assert estimates == ["150", "12,5", "1026,25"]
    assert frame["tijdstip"][0] == "2026-11-30 14:05:09"  # Dutch time (UTC+1 in November)
    assert frame["steun"].to_list()[:2] == ["2", "0"]

    # A column of estimates alone is read as numbers with the decimal comma.
    numbers = dutch_csv(("ronde", "schatting"), [[r[2], r[4]] for r in ROWS if r[0] == "schatting"])
    read = pl.read_csv(io.BytesIO(numbers.encode("utf-8")), separator=";", decimal_comma=True)
    assert read.schema == pl.Schema({"ronde": pl.Int64, "schatting": pl.Float64})
    assert read["schatting"].to_list() == [150.0, 12.5, 1026.25]


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda v: round(v, 6)))
def test_dutch_numbers_read_back(value: float) -> None:
    text = dutch_number(value)
    assert "." not in text and "e" not in text.lower()
    assert float(text.replace(",", ".")) == pytest.approx(value, abs=1e-6)


def test_csv_cells() -> None:
    assert [csv_cell(v) for v in (150.0, 12.5, 3, True, None, float("nan"))] == [
        "150",
        "12,5",
        "3",
        "ja",
        "",
        "",
    ]
    assert csv_cell("\uff1d1+1") == "'\uff1d1+1"
    assert csv_cell("\u2060=SUM(A1)") == "'=SUM(A1)"  # an invisible character does not hide a formula
    assert csv_cell(dt.date(2027, 3, 1)) == "01-03-2027"


# ---------------------------------------------------------------------------
# Markdown without escape artefacts or invisible characters
# ---------------------------------------------------------------------------

#: Markdown or HTML that makes a link, an image or a tag, in text outside code spans and escapes.
LIVE = re.compile(r"\]\(|!\[|<[a-z/!]|\[[^\]]*\]\[|https?://|www\.|[\w.+-]@[\w-]+\.[\w-]", re.I)
INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
#: The characters the Markdown export may escape (markup starts, block starts at a line start).
NEEDED_ESCAPES = frozenset("\\`*~$[]<>_&#+-=|.)")
ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def read_markdown(markdown: str) -> tuple[str, str, str]:
    """What a CommonMark reader shows of inline ``markdown``, and the raw text it would parse as markup.

    Backslash escapes and code spans are read as CommonMark reads them; the second string holds
    only what lies outside both (escaped and code-span characters replaced by a space); the third
    the characters that were escaped with a backslash.
    """
    escaped: list[str] = []
    seen: list[str] = []
    markup: list[str] = []
    i = 0
    while i < len(markdown):
        ch = markdown[i]
        if ch == "\\" and i + 1 < len(markdown) and markdown[i + 1] in ASCII_PUNCTUATION:
            seen.append(markdown[i + 1])
            escaped.append(markdown[i + 1])
            markup.append(" ")
            i += 2
            continue
        if ch == "`":
            run = len(markdown[i:]) - len(markdown[i:].lstrip("`"))
            fence = "`" * run
            close = re.compile(rf"(?<!`){fence}(?!`)").search(markdown, i + run)
            if close:
                content = markdown[i + run : close.start()].replace("\n", " ")
                if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
                    content = content[1:-1]
                seen.append(content)
                markup.append(" ")
                i = close.end()
                continue
            seen.append(fence)
            markup.append(" ")
            i += run
            continue
        seen.append(ch)
        markup.append(ch)
        i += 1
    return "".join(seen), "".join(markup), "".join(escaped)


def live_markup(markdown: str) -> list[str]:
    """Links, images, tags and bare addresses that a Markdown reader would make of ``markdown``."""
    return LIVE.findall(read_markdown(markdown)[1])


def test_plain_dutch_text_is_not_escaped() -> None:
    text = "Registratie: 11,7% (zie bijlage). Vraag aan RIEC/gemeente - of niet? 29.764 advertenties!"
    assert markdown_text(text) == text


def test_edge_cases() -> None:
    assert markdown_text(PASTED) == (
        "\\# Let op: zie `www.evil.nl` en mail `a@b.nl` — 11,7% is laag. Ook \\*vet\\* en \\`code\\`."
    )
    assert markdown_text(HOSTILE) == (
        '\\<script\\>alert("x")\\</script\\> \\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1))'
    )
    assert markdown_text("1. eerst\n2) dan\n- lijst\n> citaat\n===", "  ") == (
        "1\\. eerst\n  2\\) dan\n  \\- lijst\n  \\> citaat\n  \\==="
    )
    assert markdown_text("snake_case _nadruk_ &amp; & R&D") == "snake_case \\_nadruk\\_ \\&amp; & R&D"
    assert markdown_heading_text("Sessie #\n2 #") == "Sessie # 2 \\#"
    assert markdown_text("a\u2060b\u200bc\u00add\u3164e") == "abcde"


HOSTILE_PIECES = st.sampled_from(
    [
        "\u2060",
        "\u200b",
        "\u202e",
        "\ufeff",
        "\u00ad",
        "\x00",
        "\x1b",
        "\t",
        "\n",
        "\r\n",
        "\u2028",
        ":",
        ":red[x]",
        ":material/home:",
        "[a](b)",
        "![x](y)",
        "<a href=x>",
        "<img src=x>",
        "<script>",
        "https://evil.example/x",
        "www.evil.nl",
        "a@b.nl",
        "evil.nl",
        "`",
        "``",
        "*",
        "_",
        "~~",
        "$",
        "\\",
        "# ",
        "- ",
        "1. ",
        "> ",
        "|",
        "&amp;",
        "&#60;",
        "[^1]",
        "[x]: http://e",
        " ",
        "29.764",
        "11,7%",
    ]
)
TEXTS = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=8)), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_markdown_of_any_text_is_literal_and_clean(text: str) -> None:
    out = markdown_text(text, "  ")
    # Only what could start markup is escaped: never ':' (Streamlit's directives mean nothing in a file).
    assert set(read_markdown(out)[2]) <= NEEDED_ESCAPES
    assert not [ch for ch in out if unicodedata.category(ch) in INVISIBLE and ch != "\n"]
    assert live_markup(out) == []
    # What a reader sees is what was typed (visible characters, one space between words).
    expected = [" ".join(line.split()) for line in visible_text(text).split("\n")]
    seen = [read_markdown(line.strip())[0] for line in out.split("\n")] if out else []
    assert seen == [line for line in expected if line]


def test_report_markdown_of_the_sample() -> None:
    text = report_markdown(sample_report())
    assert "\\:" not in text and "\u2060" not in text
    assert live_markup(text.replace("<http://localhost:8501/", "")) == []  # only the app's own links
    assert (
        "- Berekend uit gepubliceerde aantallen: 66 — 66 geregistreerde signalen (Twente 41 + IJsselland 25)."
        in text
    )
    assert "- Berekend door de app: 1.026 — landelijke schatting 5.500" in text
    assert (
        "- Gepubliceerd in de toelichting: ongeveer 1.150 (20,9% van de landelijke schatting van 5.500 (2021))."
        in text
    )
    assert "Gepubliceerd cijfer" not in text  # nothing in this session is a printed figure as such
    assert "lager dan het berekende cijfer (66)" in text
    assert "  - Gemeenten zien andere signalen\n    en registreren ze anders." in text  # stays in its item


# ---------------------------------------------------------------------------
# The printable hand-out
# ---------------------------------------------------------------------------


def test_handout_is_self_contained_and_escaped() -> None:
    report = sample_report()
    page = handout_html(report)
    assert page.count("<section class='page'>") == len(report.questions) == 5
    assert "@page{size:A4" in page and "break-after:page" in page
    tags = {m.group(1).lower() for m in re.finditer(r"<([a-zA-Z][a-zA-Z0-9]*)", page)}
    assert tags == {
        *("html", "head", "meta", "title", "style", "body", "section", "div", "span", "p", "h1", "h2"),
        *("table", "tr", "td", "th", "ul", "li", "a", "strong"),
    }  # no script, img, link, iframe, object, form: nothing runs, nothing is fetched
    assert not re.search(r"<[^>]*\s(src|srcset|on\w+)=", page)  # no external file, no handler
    assert "@import" not in page and "url(" not in page
    assert page.count("<a href=") == 5  # one link per page, to the app's own view
    assert all(href.startswith("http://localhost:8501/") for href in re.findall(r'<a href="([^"]+)"', page))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Ketenoverleg &lt;b&gt;Twente&lt;/b&gt; &amp; IJsselland" in page
    assert "\u2060" not in page and "www.evil.nl en mail" in page
    assert "Vraag 4 van 5" in page and "pagina 5 van 5" in page
    assert "<p class='label'>Berekend door de app</p><p class='value'>1.026</p>" in page
    assert "Bron van &#x27;Gepubliceerd in de toelichting&#x27; (ongeveer 1.150)" in page
    assert (
        "<td>Ronde 1: 5 schattingen</td><td class='num'>800</td><td class='num'>4 lager, 1 hoger</td>" in page
    )


def test_handout_fits_the_best_supported_notes() -> None:
    report = sample_report()
    crowded = report.questions[1]  # 12 observations and 6 action points of 500 characters
    fitted = fit_notes(crowded)
    shown = [n for lines in fitted.observations.values() for n in lines]
    assert len(shown) + fitted.more_observations == 12
    assert len(fitted.actions) + fitted.more_actions == 6
    assert shown and fitted.actions  # neither kind disappears behind the other
    assert min(n.support for n in shown) >= max(
        n.support for n in crowded.notes if n.kind == KIND_OBSERVATION and n not in shown
    )
    page = handout_html(report)
    assert f"Nog {fitted.more_observations} observaties: te veel tekst voor deze pagina." in page
    # A question with few notes keeps them all, and says so of none.
    assert fit_notes(report.questions[0]).more_observations == 0


def test_empty_session_prints_one_page() -> None:
    page = handout_html(SessionReport("Leeg", "01-12-2026", ()))
    assert page.count("<section class='page'>") == 1 and "Deze sessie heeft geen vragen." in page
    figure = sample_report().questions[2].figure
    quiet = QuestionReport(figure, "http://localhost:8501/x", (estimate_stats([], figure.value),), True, ())
    one = handout_html(SessionReport("Stil", "01-12-2026", (), (quiet,)))
    assert "Geen schattingen." in one and "Geen observaties." in one and "Geen actiepunten." in one
    assert NoteLine(KIND_ACTION, "x", "OM", 0) not in quiet.notes


@pytest.mark.parametrize(
    ("value", "top"),
    [(158, 200), (117, 200), (66, 100), (2500, 2500), (2501, 5000), (0.3, 0.5), (0, 1), (-5, 1)],
)
def test_handout_scale_ends_on_a_round_number(value: float, top: float) -> None:
    assert nice_top(value) == top
