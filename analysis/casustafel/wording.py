"""The casustafel page's Dutch wording: labels, the verdict, answer, metrics and table headers.

Only wording lives here. The figures, groups and directions come in from
:mod:`analysis.casustafel.comparison` and :mod:`analysis.casustafel.model`; a change of
wording never touches a function that computes.
"""

import polars as pl

from analysis.casustafel.model import CasustafelComparison, Direction, direction_of
from analysis.dutch import count_noun, fmt_dec, join_words
from analysis.headlines import fitting
from analysis.ratios import Ratio

CASUSTAFEL_SOURCE = (
    "Dashboard mensenhandel Oost-Nederland; casustafels: blok CASUSTAFELS; rapportages en signalen: "
    "politie en OM; interventies en zorgtrajecten: gemeenten (eigen opgave)"
)

GROUP_WITH = "met casustafel"
GROUP_WITHOUT = "zonder casustafel"
POOLED_WITH = "Met casustafel (samen)"
POOLED_WITHOUT = "Zonder casustafel (samen)"

#: What the user picks on the page (short Dutch labels, also the value in the link) -> ratio key.
RATIO_CHOICES: dict[str, str] = {
    "Interventies per rapportage": "interventies_per_rapportage",
    "Interventies per 100 signalen": "interventies_per_signaal",
    "Zorgtrajecten per 100 signalen": "zorgtrajecten_per_signaal",
}
DEFAULT_CHOICE = "Interventies per rapportage"

CARE_OUT = "zorgtrajecten niet meegeteld"
CARE_IN = "zorgtrajecten meegeteld"
CARE_NA = "zorgtrajecten zijn de teller"

NOT_COMPUTABLE = "niet te berekenen"

#: A short conclusion for each direction.
_CONCLUSIONS: dict[Direction, str] = {
    Direction.INCOMPARABLE: "niet te vergelijken",
    Direction.HIGHER: "duidelijk hoger met casustafel",
    Direction.LOWER: "duidelijk lager met casustafel",
    Direction.SLIGHTLY_HIGHER: "geen duidelijk verschil (iets hoger met casustafel)",
    Direction.SLIGHTLY_LOWER: "geen duidelijk verschil (iets lager met casustafel)",
    Direction.EQUAL: "geen verschil",
}

#: How the districts with a casustafel lean when the margin includes 1.
_LEANINGS: dict[Direction, str] = {
    Direction.SLIGHTLY_HIGHER: "iets hoger",
    Direction.SLIGHTLY_LOWER: "iets lager",
    Direction.EQUAL: "gelijk",
}


def verdict(rate_ratio: float | None, lower: float, upper: float, n_with: int, n_without: int) -> str:
    """The Dutch verdict on a comparison, always with the caveat that few districts carry little."""
    caveat = (
        f"Met {n_with} tegen {n_without} districten is dit hoogstens een aanwijzing, geen bewijs: "
        "districten verschillen ook op andere punten, en de marge rekent niet mee dat zaken "
        "binnen een district op elkaar lijken."
    )
    if rate_ratio is None:
        return "Niet te vergelijken: de groep zonder casustafel heeft hier geen gebeurtenissen. " + caveat
    span = (
        f"{fmt_dec(lower, 2)} tot {fmt_dec(upper, 2)}"
        if upper != float("inf")
        else f"vanaf {fmt_dec(lower, 2)}"
    )
    direction = direction_of(rate_ratio, lower, upper)
    if direction is Direction.HIGHER:
        head = f"Districten met een casustafel scoren hier hoger (verhouding {fmt_dec(rate_ratio, 2)}; marge {span})."
    elif direction is Direction.LOWER:
        head = f"Districten met een casustafel scoren hier lager (verhouding {fmt_dec(rate_ratio, 2)}; marge {span})."
    else:
        head = (
            f"Geen duidelijk verschil: districten met een casustafel scoren {_LEANINGS[direction]} "
            f"(verhouding {fmt_dec(rate_ratio, 2)}), maar de marge ({span}) omvat 1."
        )
    return f"{head} {caveat}"


def direction_text(comparison: CasustafelComparison) -> str:
    """A short Dutch conclusion: clearly higher, clearly lower, or no clear difference."""
    return _CONCLUSIONS[comparison.direction]


def margin_text(comparison: CasustafelComparison) -> str:
    """The exact interval of the rate ratio in Dutch: ``0,54–1,45`` (``∞`` when unbounded)."""
    upper = "∞" if comparison.unbounded else fmt_dec(comparison.upper, 2)
    return f"{fmt_dec(comparison.lower, 2)}–{upper}"


def rate_ratio_text(comparison: CasustafelComparison) -> str:
    """The rate ratio with its exact interval in Dutch: ``0,88 (marge 0,54–1,45)``."""
    if comparison.rate_ratio is None:
        return NOT_COMPUTABLE
    return f"{fmt_dec(comparison.rate_ratio, 2)} (marge {margin_text(comparison)})"


def rate_ratio_value(comparison: CasustafelComparison) -> str:
    """The rate ratio alone, for a metric: ``0,88``."""
    return NOT_COMPUTABLE if comparison.rate_ratio is None else fmt_dec(comparison.rate_ratio, 2)


def value_with_counts(ratio: Ratio) -> str:
    """A ratio's value with the counts behind it: ``1,24 (51 interventies van 41 rapportages)``."""
    return f"{ratio.value_text()} ({ratio.counts_text()})"


def casustafel_answer(comparison: CasustafelComparison) -> str:
    """The page's answer, conclusion first, with both groups' values and counts (at most 30 words).

    ``Geen duidelijk verschil (iets lager met casustafel): districten met een casustafel kwamen
    op 1,24 (51 interventies op 41 rapportages), districten zonder op 1,42 (...)``. The rate
    ratio and its margin are on the cards below.
    """
    with_r, without_r = comparison.with_ratio, comparison.without_ratio
    care = "; zorgtrajecten meegeteld" if comparison.care_counted else ""
    conclusion = direction_text(comparison)
    conclusion = conclusion[:1].upper() + conclusion[1:]
    return fitting(
        f"{conclusion}: districten met een casustafel kwamen op {with_r.value_text()} "
        f"({with_r.counts_text()}{care}), districten zonder op {without_r.value_text()} ({without_r.counts_text()}).",
        f"{conclusion}: met casustafel {with_r.value_text()} ({with_r.counts_text()}{care}), "
        f"zonder {without_r.value_text()} ({without_r.counts_text()}).",
    )


def care_is_numerator_text(comparison: CasustafelComparison) -> str:
    """For a ratio of care trajectories: counting them as interventions changes nothing."""
    return (
        "Bij deze verhouding zijn de zorgtrajecten zelf de teller; de keuze om ze als interventie "
        f"mee te tellen verandert hier niets. De verhouding blijft {rate_ratio_text(comparison)}."
    )


def care_change_text(strict: CasustafelComparison, care: CasustafelComparison, *, flipped: bool) -> str:
    """Both conclusions, care trajectories left out and counted in; whether the direction turns."""
    text = (
        f"Zonder zorgtrajecten: verhouding {rate_ratio_text(strict)}, {direction_text(strict)}. "
        f"Met zorgtrajecten: {rate_ratio_text(care)}, {direction_text(care)}."
    )
    if flipped:
        text += (
            " De richting draait om: of districten met een casustafel 'meer' doen, hangt af van wat je "
            "een interventie noemt."
        )
    return text


def comparison_metrics(comparison: CasustafelComparison) -> list[tuple[str, str, str]]:
    """The comparison's key figures as (label, value, caption): both groups with counts, and the rate ratio."""
    items = []
    for name, districts, ratio in (
        ("Met casustafel", comparison.with_districts, comparison.with_ratio),
        ("Zonder casustafel", comparison.without_districts, comparison.without_ratio),
    ):
        caption = f"{ratio.counts_text()}; marge {ratio.interval_text()}. {join_words(districts)}."
        if ratio.left_out:
            caption += f" Zonder {join_words(ratio.left_out)} (geen opgave, ?)."
        items.append((name, ratio.value_text(), caption))
    items.append(
        (
            "Verhouding met / zonder",
            rate_ratio_value(comparison),
            f"{rate_ratio_text(comparison)}. 1 betekent: geen verschil.",
        )
    )
    return items


def care_setting_metric(setting: str, comparison: CasustafelComparison) -> tuple[str, str, str]:
    """One care setting of the chosen ratio as (label, value, caption)."""
    with_r, without_r = comparison.with_ratio, comparison.without_ratio
    return (
        f"Met / zonder casustafel, {setting}",
        rate_ratio_value(comparison),
        f"Met: {with_r.value_text()} ({with_r.counts_text()}); zonder: {without_r.value_text()} "
        f"({without_r.counts_text()}). Marge {margin_text(comparison)}: "
        f"{direction_text(comparison)}.",
    )


def district_note_text(district: str, group: str, meetings: int | None, cases_text: str) -> str:
    """Where the selected district stands: its group, meetings and cases."""
    return (
        f"Gekozen gebied: {district} hoort bij de groep {group} "
        f"({count_noun(meetings, 'vergadering', 'vergaderingen')}, "
        f"{cases_text} besproken casussen). De vergelijking zelf gaat altijd over alle vijf districten."
    )


def ratio_title(comparison: CasustafelComparison) -> str:
    """The chosen ratio's name for an axis, saying whether care trajectories are counted."""
    care = " (zorgtrajecten meegeteld)" if comparison.care_counted else ""
    return comparison.spec.label + care


def district_display_table(table: pl.DataFrame) -> pl.DataFrame:
    """The per-district comparison for the screen, with Dutch headers."""
    return table.select(
        pl.col("gebied").alias("Gebied"),
        pl.col("groep").alias("Groep"),
        pl.col("tekst").alias("Waarde (aantallen)"),
        pl.col("marge").alias("Marge"),
        pl.col("weggelaten").alias("Zonder (?)"),
    )


def meetings_display_table(meetings: pl.DataFrame) -> pl.DataFrame:
    """Meetings and cases per district for the screen, with the published form of the cases."""
    return meetings.select(
        pl.col("district").alias("District"),
        pl.col("groep").alias("Groep"),
        pl.col("vergaderingen").alias("Vergaderingen casustafel"),
        pl.col("casussen_tekst").alias("Besproken casussen (zoals gepubliceerd)"),
        pl.col("casussen").alias("Besproken casussen (som)"),
    )


def care_settings_display_table(settings: pl.DataFrame) -> pl.DataFrame:
    """The side-by-side of care trajectories left out and counted in, for the screen."""
    return settings.select(
        pl.col("verhouding").alias("Verhouding"),
        pl.col("zorg").alias("Zorgtrajecten"),
        pl.col("met").alias("Met casustafel"),
        pl.col("zonder").alias("Zonder casustafel"),
        pl.col("verhouding_tekst").alias("Met / zonder"),
        pl.col("conclusie").alias("Conclusie"),
    )
