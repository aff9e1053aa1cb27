"""The Dutch words of the page "Aard en omvang": labels, sources, table headings, titles and sentences.

Nothing here computes a figure: every function takes what :mod:`analysis.supply.rates`
and :mod:`analysis.supply.funnel` worked out and writes it the Dutch way, so a change of
wording never touches a calculation.
"""

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from analysis.dutch import count_noun, fmt_dec, fmt_int, join_words
from analysis.geography import UNIT
from analysis.indicators import SOURCE_POLICE, SOURCE_WEBIQ
from analysis.parser import AREA_TOTAL, STATUS_LABELS

#: One row of a frame, as ``DataFrame.iter_rows(named=True)`` gives it.
Row = Mapping[str, Any]

#: The indicators a user can choose, by their Dutch label on screen.
INDICATOR_CHOICES: dict[str, str] = {
    "Signalen": "signalen",
    "Advertenties": "seksadvertenties",
    "Controles": "prostitutiecontroles",
}
DEFAULT_INDICATOR = "Signalen"

MEASURE_COUNT = "Aantallen"
MEASURE_RATE = "Per 100.000 inwoners"
MEASURES = (MEASURE_COUNT, MEASURE_RATE)

LEVEL_AREAS = "Gemeenten"
LEVEL_DISTRICTS = "Districten"
LEVELS = (LEVEL_AREAS, LEVEL_DISTRICTS)

CONTROLS_TITLE = "Waar staan veel advertenties tegenover weinig controles?"
CONTROLS_SOURCE = (
    f"Dashboard mensenhandel Oost-Nederland; advertenties: {SOURCE_WEBIQ}; controles: {SOURCE_POLICE}"
)

#: Where the police of the unit is based; signals without a known place of exploitation
#: are often registered there (the dashboard's text names these two).
POLICE_LOCATIONS = ("Arnhem", "Enschede")

#: Singular and plural noun of each indicator, and its long label for sentences.
NOUNS: dict[str, tuple[str, str]] = {
    "signalen": ("signaal", "signalen"),
    "seksadvertenties": ("advertentie", "advertenties"),
    "prostitutiecontroles": ("controle", "controles"),
}
LONG_LABELS: dict[str, str] = {
    "signalen": "Signalen mensenhandel",
    "seksadvertenties": "Actieve seksadvertenties",
    "prostitutiecontroles": "Prostitutiecontroles",
}
SOURCES: dict[str, str] = {
    "signalen": SOURCE_POLICE,
    "seksadvertenties": SOURCE_WEBIQ,
    "prostitutiecontroles": SOURCE_POLICE,
}

#: Why a cell has no number, in words for tables and tooltips.
MISSING_TEXT = STATUS_LABELS

#: Where an area lies against the funnel (the values of the column ``positie``): above or below
#: the dashed lines (95%) is "boven/onder de trechter", past the solid lines (99,8%) is "ver".
#: The levels themselves are named only in the "Hoe berekend?" box.
ABOVE_998 = "ver boven de trechter"
ABOVE_95 = "boven de trechter"
INSIDE = "binnen de trechter"
BELOW_95 = "onder de trechter"
BELOW_998 = "ver onder de trechter"
#: The widest control level is the solid line; a count beyond it lies "ver" outside the funnel.
_FAR_LEVEL = 0.99
OUTSIDE_FUNNEL = "niet in de trechter (leeg)"


def indicator_code(choice: str) -> str:
    """Return the indicator code for a label on screen; an unknown label gives the default."""
    return INDICATOR_CHOICES.get(choice, INDICATOR_CHOICES[DEFAULT_INDICATOR])


def short_label(indicator: str) -> str:
    """The indicator's short name on screen: ``Signalen``, ``Advertenties``, ``Controles``."""
    return next(k for k, v in INDICATOR_CHOICES.items() if v == indicator)


def source_text(indicator: str) -> str:
    """The source of an indicator for a chart caption."""
    return f"Dashboard mensenhandel Oost-Nederland; {SOURCES[indicator]}; inwoners: CBS StatLine 37259"


def rate_text(value: float | None) -> str:
    """A rate per 100.000 in Dutch: one decimal below 100, whole numbers above."""
    if value is None:
        return "–"
    return fmt_dec(value, 1) if value < 100 else fmt_int(value)


def level_text(level: float) -> str:
    """A control level in Dutch: ``95%``, ``99,8%``."""
    return f"{fmt_dec(level * 100, 1).removesuffix(',0')}%"


def above_limit(level: float) -> str:
    """The position of a count above the limit at ``level``: ``ver boven de trechter`` past 99,8%."""
    return ABOVE_998 if level > _FAR_LEVEL else ABOVE_95


def below_limit(level: float) -> str:
    """The position of a count below the limit at ``level``: ``onder de trechter`` past 95%."""
    return BELOW_998 if level > _FAR_LEVEL else BELOW_95


# -- text columns and tables ---------------------------------------------------------------


def _missing_short(status: str) -> str:
    """Why a cell is missing, before the colon: ``leeg``, ``?``, ``-``."""
    return MISSING_TEXT.get(status, status).split(":")[0]


def area_text_columns(rates: pl.DataFrame, indicator: str) -> list[pl.Series]:
    """The text columns of :func:`analysis.supply.rates.area_rates`.

    ``aantal_tekst`` (the count with its denominator, or why it is missing),
    ``per_100k_tekst`` and ``marge_tekst`` (the margin: the exact 95% interval).
    """
    singular, plural = NOUNS.get(indicator, ("", indicator))
    counts: list[str] = []
    rates_shown: list[str] = []
    margins: list[str] = []
    for row in rates.iter_rows(named=True):
        if row["waarde"] is None:
            counts.append(MISSING_TEXT.get(row["status"], row["status"]))
            rates_shown.append(_missing_short(row["status"]))
            margins.append("–")
            continue
        counts.append(f"{count_noun(row['waarde'], singular, plural)} op {fmt_int(row['inwoners'])} inwoners")
        rates_shown.append(f"{rate_text(row['per_100k'])} per 100.000")
        margins.append(f"{rate_text(row['ondergrens'])}–{rate_text(row['bovengrens'])} per 100.000")
    return [
        pl.Series("aantal_tekst", counts, dtype=pl.String),
        pl.Series("per_100k_tekst", rates_shown, dtype=pl.String),
        pl.Series("marge_tekst", margins, dtype=pl.String),
    ]


def _text_table(rows: list[dict[str, str]]) -> pl.DataFrame:
    """A table of text columns in the order of the first row (no columns when there are no rows)."""
    return pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String) if rows else None)


def rates_display(rates: pl.DataFrame) -> pl.DataFrame:
    """The table under the area and district charts, with Dutch numbers and missing cells in words."""
    rows: list[dict[str, str]] = []
    for r in rates.iter_rows(named=True):
        missing = r["waarde"] is None
        rows.append(
            {
                "Gebied": r["gebied"],
                "District": r["district"],
                "Aantal": MISSING_TEXT.get(r["status"], "").split(":")[0]
                if missing
                else fmt_int(r["waarde"]),
                "Inwoners": fmt_int(r["inwoners"]),
                "Per 100.000 inwoners": "–" if missing else rate_text(r["per_100k"]),
                "Marge": r["marge_tekst"],
                "Toelichting": MISSING_TEXT.get(r["status"], "") if missing else r["aantal_tekst"],
            }
        )
    return _text_table(rows)


def controls_text_columns(table: pl.DataFrame) -> list[pl.Series]:
    """The text columns of :func:`analysis.supply.rates.controls_per_ads`.

    ``verhouding_tekst`` ("16 controles op 2.766 advertenties"), ``per_1000_tekst`` and
    ``marge_tekst``; a ratio that cannot be computed gives its remark and dashes.
    """
    texts: list[str] = []
    values: list[str] = []
    margins: list[str] = []
    for r in table.iter_rows(named=True):
        if r["waarde"] is None:
            texts.append(r["opmerking"] or "niet te berekenen")
            values.append("–")
            margins.append("–")
            continue
        texts.append(
            f"{count_noun(r['teller'], 'controle', 'controles')} op "
            f"{count_noun(r['noemer'], 'advertentie', 'advertenties')}"
        )
        values.append(f"{fmt_dec(r['waarde'] * 1000, 1)} per 1.000")
        margins.append(f"{fmt_dec(r['ondergrens'] * 1000, 1)}–{fmt_dec(r['bovengrens'] * 1000, 1)}")
    return [
        pl.Series("verhouding_tekst", texts, dtype=pl.String),
        pl.Series("per_1000_tekst", values, dtype=pl.String),
        pl.Series("marge_tekst", margins, dtype=pl.String),
    ]


def controls_display(areas: pl.DataFrame, districts: pl.DataFrame) -> pl.DataFrame:
    """The table under the controls chart: areas first, then their districts, in Dutch."""
    rows: list[dict[str, str]] = []
    for r in [*areas.iter_rows(named=True), *districts.iter_rows(named=True)]:
        rows.append(
            {
                "Gebied": r["gebied"] if r["gebiedstype"] != AREA_TOTAL else f"{r['gebied']} (district)",
                "District": r["district"],
                "Controles": fmt_int(r["teller"]),
                "Advertenties": fmt_int(r["noemer"]),
                "Per 1.000 advertenties": r["per_1000_tekst"],
                "Marge": r["marge_tekst"],
                "Verhouding": r["verhouding_tekst"],
            }
        )
    return _text_table(rows)


def _flag(position: str) -> str:
    """A marker in front of a position outside the funnel: up for above, down for below."""
    if "boven" in position:
        return "▲ "
    if "onder" in position:
        return "▼ "
    return ""


def funnel_display(points: pl.DataFrame) -> pl.DataFrame:
    """The table under the funnel plot, in Dutch, areas outside the limits flagged."""
    rows: list[dict[str, str]] = []
    for r in points.iter_rows(named=True):
        missing = r["waarde"] is None
        rows.append(
            {
                "Gebied": r["gebied"],
                "District": r["district"],
                "Signalen": "leeg" if missing else fmt_int(r["waarde"]),
                "Inwoners": fmt_int(r["inwoners"]),
                "Per 100.000": "–" if missing else fmt_dec(r["per_100k"], 1),
                "Positie": _flag(r["positie"]) + r["positie"],
                "Verwacht bij gemiddelde": fmt_dec(r["verwacht"], 1),
                "Trechter (gestreept)": f"{fmt_dec(r['grens95_onder'], 1)}–{fmt_dec(r['grens95_boven'], 1)}",
                "Trechter (doorgetrokken)": f"{fmt_dec(r['grens998_onder'], 1)}–{fmt_dec(r['grens998_boven'], 1)}",
            }
        )
    return _text_table(rows)


# -- figure cards ---------------------------------------------------------------------------


def _at_least(lower_bound: bool) -> str:
    """``minstens `` in front of a figure that a ``?`` makes a lower bound."""
    return "minstens " if lower_bound else ""


def figure_count_text(count: int | None, lower_bound: bool) -> str:
    """A card's count in Dutch, with 'minstens' when a ``?`` makes it a lower bound."""
    return _at_least(lower_bound) + fmt_int(count)


def figure_rate_value(per_100k: float | None, lower_bound: bool) -> str:
    """A card's rate as a bare Dutch number: ``5,7`` (the label says 'per 100.000')."""
    return _at_least(lower_bound) + rate_text(per_100k)


def figure_rate_text(per_100k: float | None, lower_bound: bool) -> str:
    """A card's rate in Dutch: ``5,7 per 100.000``."""
    return f"{_at_least(lower_bound)}{rate_text(per_100k)} per 100.000"


def figure_detail_text(
    indicator: str,
    count: int | None,
    inhabitants: int,
    lower: float | None,
    upper: float | None,
    left_out: Sequence[str],
) -> str:
    """Counts and margin: ``188 signalen op 3.282.382 inwoners; marge 4,9–6,6 per 100.000``."""
    singular, plural = NOUNS[indicator]
    text = f"{count_noun(count, singular, plural)} op {fmt_int(inhabitants)} inwoners"
    if lower is not None and upper is not None:
        text += f"; marge {rate_text(lower)}–{rate_text(upper)} per 100.000"
    if left_out:
        text += "; zonder " + ", ".join(left_out) + " (?)"
    return text


# -- titles, captions and notes -------------------------------------------------------------


def area_title(top: Row | None, indicator: str, measure: str) -> str:
    """A bar chart's title from the area with the most (``None`` when nothing is reported)."""
    plural = NOUNS[indicator][1]
    if top is None:
        return f"Geen {plural} gerapporteerd"
    if measure == MEASURE_RATE:
        return f"De meeste {plural} per 100.000 inwoners: {top['gebied']} ({rate_text(top['per_100k'])})"
    return f"De meeste {plural}: {top['gebied']} ({fmt_int(top['waarde'])})"


def axis_title(indicator: str, measure: str) -> str:
    """The value axis of the bar charts: ``Aantal signalen`` or ``Signalen per 100.000 inwoners``."""
    plural = NOUNS[indicator][1]
    return f"{plural.capitalize()} per 100.000 inwoners" if measure == MEASURE_RATE else f"Aantal {plural}"


def bar_subtitle(measure: str, has_missing: bool = True) -> str:
    """The subtitle of the bar charts: what the marks mean in this measure."""
    parts = ["Lijn: marge", "stippellijn: heel Oost-Nederland"] if measure == MEASURE_RATE else []
    if has_missing:
        parts.append("grijs 'leeg': geen nul, maar geen signaal aan de gemeente te koppelen")
    return "; ".join(parts) if parts else "Aantallen zoals gepubliceerd"


def empty_note(empty: pl.DataFrame) -> str:
    """One sentence that explains the grey 'leeg' cells of the selection, or an empty string.

    ``empty`` comes from :func:`analysis.supply.rates.empty_cells`.
    """
    if empty.is_empty():
        return ""
    names = join_words(empty["gebied"].to_list())
    return (
        f"Bij {names} is het vak voor signalen leeg. Dat is geen nul: de politie kon geen signaal aan "
        "die gemeente koppelen, omdat de plaats van uitbuiting niet vastlag. Zulke signalen tellen mee in "
        "Overig of in het totaal. In de grafieken staan deze gemeenten grijs, met 'leeg'."
    )


def funnel_note() -> str:
    """One sentence on what a funnel plot shows."""
    return (
        "Een trechterdiagram zet het aantal signalen per 100.000 inwoners af tegen het aantal inwoners: "
        "kleine gebieden wijken door toeval sterker af, dus de grenzen waarbinnen toeval een afwijking "
        "verklaart zijn daar breder, en alleen een punt buiten de trechter vraagt om uitleg."
    )


def funnel_title_text(above: Sequence[str]) -> str:
    """The funnel chart's title from the areas above it, highest rate first."""
    if not above:
        return "Geen gebied ligt boven de trechter: de verschillen passen bij toeval"
    verb = "ligt" if len(above) == 1 else "liggen"
    return f"{join_words(above)} {verb} boven de trechter: meer signalen dan toeval verklaart"


def funnel_subtitle(overall_rate: float, district: str = UNIT) -> list[str]:
    """The funnel chart's subtitle lines: what the lines are, and which areas are highlighted."""
    lines = [
        f"Blauwe lijn: gemiddelde van Oost-Nederland ({fmt_dec(overall_rate, 1)} per 100.000); "
        "binnen de gestreepte lijnen past een afwijking bij toeval, buiten de doorgetrokken lijnen vrijwel nooit",
        "'Overig': de rest van het district (kleur = district)",
    ]
    if district != UNIT:
        lines[1] += f"; fel gekleurd: {district}, vaag: de andere districten"
    return lines


def funnel_caption_text(not_in_funnel: Sequence[str]) -> str:
    """The caption under the funnel table, naming the areas whose empty cell keeps them out."""
    text = (
        "▲ boven en ▼ onder de trechter: buiten de gestreepte lijnen; 'ver': ook buiten de doorgetrokken lijnen. "
        "Verwacht: het aantal bij het gemiddelde van Oost-Nederland."
    )
    if not_in_funnel:
        text += f" Niet in de trechter: {join_words(not_in_funnel)}, omdat hun vak leeg is (geen signaal te koppelen)."
    return text


def ads_total_text(unit_total: int, district_sum: int) -> str:
    """Name the difference between the unit's printed ads total and the sum of its districts."""
    return (
        f"De vijf districten tellen samen {fmt_int(district_sum)} advertenties, het gepubliceerde totaal van "
        f"de eenheid is {fmt_int(unit_total)}. Deze pagina laat beide staan zoals ze zijn gepubliceerd."
    )
