"""Do districts with a casustafel do more? A two-group comparison that says what five districts can carry."""

from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.dutch import count_noun, fmt_dec, fmt_int
from analysis.geography import UNIT
from analysis.ratios import RATIOS, Ratio, RatioSpec, chain_ratio, exact_ratio
from analysis.stats import rate_ratio_interval

#: Ratios a user can pick for the comparison.
COMPARISON_RATIOS: tuple[str, ...] = (
    "interventies_per_rapportage",
    "interventies_per_signaal",
    "zorgtrajecten_per_signaal",
)


@dataclass(frozen=True)
class CasustafelComparison:
    """Districts with casustafel meetings against districts without, for one ratio."""

    spec: RatioSpec
    include_care: bool
    with_districts: tuple[str, ...]
    without_districts: tuple[str, ...]
    with_ratio: Ratio
    without_ratio: Ratio
    rate_ratio: float | None
    lower: float
    upper: float
    verdict: str


def casustafel_districts(tidy: pl.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the districts into those with casustafel meetings (> 0) and those without."""
    meetings = tidy.filter(pl.col("indicator") == "casustafel_vergaderingen", pl.col("district") != UNIT)
    with_ = tuple(meetings.filter(pl.col("waarde") > 0)["district"].to_list())
    without = tuple(meetings.filter(pl.col("waarde").fill_null(0) == 0)["district"].to_list())
    return with_, without


def _group_ratio(
    tidy: pl.DataFrame, spec: RatioSpec, districts: tuple[str, ...], include_care: bool
) -> Ratio:
    parts = [chain_ratio(tidy, spec, district=d, include_care=include_care) for d in districts]
    numerator = sum(p.numerator for p in parts)
    denominator = sum(p.denominator for p in parts)
    left_out = tuple(name for p in parts for name in p.left_out)
    return exact_ratio(
        numerator,
        denominator,
        "per",
        label=spec.label,
        scale=spec.scale,
        left_out=left_out,
        numerator_label=spec.numerator_label,
        denominator_label=spec.denominator_label,
    )


def _verdict(rr: float | None, lower: float, upper: float, n_with: int, n_without: int) -> str:
    caveat = (
        f"Met {n_with} tegen {n_without} districten is dit hoogstens een aanwijzing, geen bewijs: "
        "districten verschillen ook op andere punten, en de marge rekent niet mee dat zaken "
        "binnen een district op elkaar lijken."
    )
    if rr is None:
        return "Niet te vergelijken: de groep zonder casustafel heeft hier geen gebeurtenissen. " + caveat
    span = (
        f"{fmt_dec(lower, 2)} tot {fmt_dec(upper, 2)}"
        if upper != float("inf")
        else f"vanaf {fmt_dec(lower, 2)}"
    )
    if lower > 1:
        head = f"Districten met een casustafel scoren hier hoger (verhouding {fmt_dec(rr, 2)}; marge {span})."
    elif upper < 1:
        head = f"Districten met een casustafel scoren hier lager (verhouding {fmt_dec(rr, 2)}; marge {span})."
    else:
        direction = "iets hoger" if rr > 1 else "iets lager" if rr < 1 else "gelijk"
        head = (
            f"Geen duidelijk verschil: districten met een casustafel scoren {direction} "
            f"(verhouding {fmt_dec(rr, 2)}), maar de marge ({span}) omvat 1."
        )
    return f"{head} {caveat}"


def compare_casustafel(
    tidy: pl.DataFrame, ratio_key: str, *, include_care: bool = False
) -> CasustafelComparison:
    """Compare districts with and without casustafel meetings on one ratio.

    Returns both group ratios with counts, the rate ratio (with / without) with its
    exact conditional-binomial interval, and a Dutch verdict that never claims more
    than five districts can show.
    """
    spec = RATIOS[ratio_key]
    with_, without = casustafel_districts(tidy)
    with_ratio = _group_ratio(tidy, spec, with_, include_care)
    without_ratio = _group_ratio(tidy, spec, without, include_care)
    if with_ratio.denominator == 0 or without_ratio.denominator == 0:
        rr, lower, upper = None, 0.0, float("inf")
    else:
        rr, lower, upper = rate_ratio_interval(
            with_ratio.numerator, with_ratio.denominator, without_ratio.numerator, without_ratio.denominator
        )
    return CasustafelComparison(
        spec=spec,
        include_care=include_care,
        with_districts=with_,
        without_districts=without,
        with_ratio=with_ratio,
        without_ratio=without_ratio,
        rate_ratio=rr,
        lower=lower,
        upper=upper,
        verdict=_verdict(rr, lower, upper, len(with_), len(without)),
    )


# -- The casustafel page: choices, tables, answer, explanation and prompts ---------------

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


def ratio_key(choice: str | None) -> str:
    """The ratio key for a choice on the page; the default for a missing or unknown choice."""
    return RATIO_CHOICES.get(choice or "", RATIO_CHOICES[DEFAULT_CHOICE])


def _join(names: list[str] | tuple[str, ...]) -> str:
    """Join names the Dutch way: ``A``, ``A en B``, ``A, B en C``."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _district_cell(tidy: pl.DataFrame, district: str, code: str) -> int | None:
    found = tidy.filter(pl.col("district") == district, pl.col("indicator") == code)
    return None if found.is_empty() else found["waarde"][0]


def meetings_table(tidy: pl.DataFrame) -> pl.DataFrame:
    """Casustafel meetings and discussed cases per district, with the group each district is in.

    Columns: ``district, groep, vergaderingen, casussen, casussen_tekst``. ``casussen_tekst``
    keeps the published form where the dashboard gives two numbers (``17+3``).
    """
    with_, without = casustafel_districts(tidy)
    rows = []
    for district in (*with_, *without):
        cases = _district_cell(tidy, district, "casustafel_casus")
        first = _district_cell(tidy, district, "casustafel_casus_mh")
        second = _district_cell(tidy, district, "casustafel_casus_riec")
        text = f"{first}+{second}" if first is not None and second is not None else fmt_int(cases, "?")
        rows.append(
            {
                "district": district,
                "groep": GROUP_WITH if district in with_ else GROUP_WITHOUT,
                "vergaderingen": _district_cell(tidy, district, "casustafel_vergaderingen"),
                "casussen": cases,
                "casussen_tekst": text,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "district": pl.String,
            "groep": pl.String,
            "vergaderingen": pl.Int64,
            "casussen": pl.Int64,
            "casussen_tekst": pl.String,
        },
    )


def _scaled(value: float | None, scale: int) -> float | None:
    return None if value is None else value * scale


def district_comparison_table(tidy: pl.DataFrame, key: str, *, include_care: bool = False) -> pl.DataFrame:
    """The chosen ratio per district and for both pooled groups, with exact intervals.

    Columns: ``gebied, groep, soort`` (``district`` or ``groep``), ``teller, noemer``,
    ``waarde, ondergrens, bovengrens`` (already multiplied by the ratio's scale, so
    "per 100 signalen" reads 42,9), ``tekst`` (value with counts) and ``weggelaten``.
    """
    comparison = compare_casustafel(tidy, key, include_care=include_care)
    spec = comparison.spec
    rows = []
    for group, districts, pooled_name, pooled in (
        (GROUP_WITH, comparison.with_districts, POOLED_WITH, comparison.with_ratio),
        (GROUP_WITHOUT, comparison.without_districts, POOLED_WITHOUT, comparison.without_ratio),
    ):
        parts = [
            (d, chain_ratio(tidy, spec, district=d, include_care=include_care), "district") for d in districts
        ]
        for name, ratio, kind in [*parts, (pooled_name, pooled, "groep")]:
            rows.append(
                {
                    "gebied": name,
                    "groep": group,
                    "soort": kind,
                    "teller": ratio.numerator,
                    "noemer": ratio.denominator,
                    "waarde": _scaled(ratio.value, spec.scale),
                    "ondergrens": _scaled(ratio.lower, spec.scale),
                    "bovengrens": _scaled(ratio.upper, spec.scale),
                    "tekst": f"{ratio.value_text()} ({ratio.counts_text()})",
                    "marge": ratio.interval_text(),
                    "weggelaten": ", ".join(ratio.left_out),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "gebied": pl.String,
            "groep": pl.String,
            "soort": pl.String,
            "teller": pl.Int64,
            "noemer": pl.Int64,
            "waarde": pl.Float64,
            "ondergrens": pl.Float64,
            "bovengrens": pl.Float64,
            "tekst": pl.String,
            "marge": pl.String,
            "weggelaten": pl.String,
        },
    )


def direction_text(comparison: CasustafelComparison) -> str:
    """A short Dutch conclusion: clearly higher, clearly lower, or no clear difference."""
    if comparison.rate_ratio is None:
        return "niet te vergelijken"
    if comparison.lower > 1:
        return "duidelijk hoger met casustafel"
    if comparison.upper < 1:
        return "duidelijk lager met casustafel"
    if comparison.rate_ratio > 1:
        return "geen duidelijk verschil (iets hoger met casustafel)"
    if comparison.rate_ratio < 1:
        return "geen duidelijk verschil (iets lager met casustafel)"
    return "geen verschil"


def margin_text(comparison: CasustafelComparison) -> str:
    """The exact interval of the rate ratio in Dutch: ``0,54–1,45`` (``∞`` when unbounded)."""
    upper = "∞" if comparison.upper == float("inf") else fmt_dec(comparison.upper, 2)
    return f"{fmt_dec(comparison.lower, 2)}–{upper}"


def rate_ratio_text(comparison: CasustafelComparison) -> str:
    """The rate ratio with its exact interval in Dutch: ``0,88 (marge 0,54–1,45)``."""
    if comparison.rate_ratio is None:
        return "niet te berekenen"
    return f"{fmt_dec(comparison.rate_ratio, 2)} (marge {margin_text(comparison)})"


def care_settings_table(tidy: pl.DataFrame) -> pl.DataFrame:
    """Every comparison ratio with care trajectories left out and counted in, side by side.

    Columns: ``verhouding`` (the page's choice label), ``zorg`` (the setting),
    ``met, zonder`` (counts of both groups), ``rr, ondergrens, bovengrens`` and
    ``conclusie``. A ratio whose numerator is the care trajectories themselves has one row.
    """
    rows = []
    for choice, key in RATIO_CHOICES.items():
        settings = ((False, CARE_OUT), (True, CARE_IN)) if RATIOS[key].with_care else ((False, CARE_NA),)
        for include_care, setting in settings:
            comparison = compare_casustafel(tidy, key, include_care=include_care)
            rows.append(
                {
                    "verhouding": choice,
                    "zorg": setting,
                    "met": f"{comparison.with_ratio.value_text()} ({comparison.with_ratio.counts_text()})",
                    "zonder": f"{comparison.without_ratio.value_text()} ({comparison.without_ratio.counts_text()})",
                    "rr": comparison.rate_ratio,
                    "ondergrens": comparison.lower,
                    "bovengrens": None if comparison.upper == float("inf") else comparison.upper,
                    "verhouding_tekst": rate_ratio_text(comparison),
                    "conclusie": direction_text(comparison),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "verhouding": pl.String,
            "zorg": pl.String,
            "met": pl.String,
            "zonder": pl.String,
            "rr": pl.Float64,
            "ondergrens": pl.Float64,
            "bovengrens": pl.Float64,
            "verhouding_tekst": pl.String,
            "conclusie": pl.String,
        },
    )


def casustafel_answer(comparison: CasustafelComparison) -> str:
    """One sentence with both groups' counts, the rate ratio and its interval, for the chosen ratio."""
    with_r, without_r = comparison.with_ratio, comparison.without_ratio
    care = "; zorgtrajecten meegeteld" if comparison.include_care and comparison.spec.with_care else ""
    return (
        f"Districten met een casustafel ({_join(comparison.with_districts)}) kwamen op "
        f"{with_r.value_text()} ({with_r.counts_text()}{care}), districten zonder "
        f"({_join(comparison.without_districts)}) op {without_r.value_text()} ({without_r.counts_text()}): "
        f"verhouding {rate_ratio_text(comparison)}, {direction_text(comparison)}."
    )


def care_effect_text(tidy: pl.DataFrame, key: str) -> str:
    """How the conclusion for one ratio changes when care trajectories are counted as interventions."""
    spec = RATIOS[key]
    if not spec.with_care:
        comparison = compare_casustafel(tidy, key)
        return (
            "Bij deze verhouding zijn de zorgtrajecten zelf de teller; de keuze om ze als interventie "
            f"mee te tellen verandert hier niets. De verhouding blijft {rate_ratio_text(comparison)}."
        )
    strict = compare_casustafel(tidy, key, include_care=False)
    care = compare_casustafel(tidy, key, include_care=True)
    text = (
        f"Zonder zorgtrajecten: verhouding {rate_ratio_text(strict)}, {direction_text(strict)}. "
        f"Met zorgtrajecten: {rate_ratio_text(care)}, {direction_text(care)}."
    )
    flipped = (
        strict.rate_ratio is not None
        and care.rate_ratio is not None
        and (strict.rate_ratio - 1) * (care.rate_ratio - 1) < 0
    )
    if flipped:
        text += (
            " De richting draait om: of districten met een casustafel 'meer' doen, hangt af van wat je "
            "een interventie noemt."
        )
    return text


def _group_total(tidy: pl.DataFrame, districts: tuple[str, ...], code: str) -> int:
    return int(sum(_district_cell(tidy, d, code) or 0 for d in districts))


def _absolute_note(strict: CasustafelComparison, n_with: int, n_without: int) -> str:
    with_r, without_r = strict.with_ratio, strict.without_ratio
    more = with_r.numerator > without_r.numerator
    head = (
        "In absolute aantallen lijkt dat te kloppen" if more else "Zelfs in absolute aantallen klopt dat niet"
    )
    text = (
        f"{head}: de {n_with} districten met een casustafel telden samen {fmt_int(with_r.numerator)} "
        f"interventies, de {n_without} zonder {fmt_int(without_r.numerator)}."
    )
    if more and n_with > n_without:
        text += f" Maar {n_with} districten tellen vanzelf meer op dan {n_without}."
    return text + (
        " Zet je de interventies af tegen de rapportages, dan komen de districten met een casustafel op "
        f"{with_r.value_text()} en die zonder op {without_r.value_text()} per rapportage."
    )


def _care_note(care: CasustafelComparison) -> str:
    text = (
        f"Tel je zorgtrajecten als interventie, dan is het {care.with_ratio.value_text()} tegen "
        f"{care.without_ratio.value_text()} per rapportage: verhouding {rate_ratio_text(care)}."
    )
    if care.lower <= 1 <= care.upper:
        text += " Ook dan omvat de marge de 1: een verschil is met deze aantallen niet aan te tonen."
    return text


def claim_notes(tidy: pl.DataFrame) -> list[str]:
    """What the dashboard's text claims about casustafels, and what the figures can and cannot carry.

    Sentences in the app's own words, with the figures filled in from the data.
    """
    strict = compare_casustafel(tidy, "interventies_per_rapportage", include_care=False)
    care = compare_casustafel(tidy, "interventies_per_rapportage", include_care=True)
    n_with, n_without = len(strict.with_districts), len(strict.without_districts)
    meetings = meetings_table(tidy)
    cases_without = meetings.filter(pl.col("groep") == GROUP_WITHOUT, pl.col("casussen").fill_null(0) > 0)
    split = meetings.filter(pl.col("casussen_tekst").str.contains(r"\+"))
    left_out = [*strict.with_ratio.left_out, *strict.without_ratio.left_out]
    notes = [
        "De toelichting bij het dashboard stelt dat districten die met casustafels werken (via het Zorg- en "
        "Veiligheidshuis of het RIEC) meer bestuurlijke interventies plegen, en dat de partners daar de "
        "samenwerking beter vinden.",
        _absolute_note(strict, n_with, n_without),
        _care_note(care),
        f"Met {n_with} tegen {n_without} districten is elke uitkomst hoogstens een aanwijzing. Districten "
        "verschillen ook in omvang, aanbod, beleid en registratie, en een casustafel kan even goed het "
        "gevolg zijn van een actieve aanpak als de oorzaak ervan. De cijfers zeggen niet welke interventie "
        "uit een casustafel voortkwam.",
    ]
    impure = []
    for r in cases_without.iter_rows(named=True):
        impure.append(
            f"{r['district']} hield geen vergadering van de casustafel, maar besprak wel "
            f"{count_noun(r['casussen'], 'casus', 'casussen')} (casustafel of RIEC)"
        )
    for r in split.iter_rows(named=True):
        impure.append(
            f"bij {r['district']} staat '{r['casussen_tekst']}', vermoedelijk casustafel plus RIEC; de app telt "
            f"{fmt_int(r['casussen'])}"
        )
    if impure:
        text = "De groepen zijn niet zuiver: " + "; ".join(impure) + "."
        notes.append(text[0].upper() + text[1:])
    if left_out:
        notes.append(
            f"Gemeenten zonder opgave (?) vallen buiten beide groepen: {_join(left_out)}. Hun rapportages "
            "en signalen tellen dan ook niet mee."
        )
    return notes


def casustafel_prompts(
    tidy: pl.DataFrame, comparison: CasustafelComparison, district: str = UNIT
) -> list[str]:
    """Two to four workshop questions from the comparison, the meetings and the selected district."""
    spec = comparison.spec
    include_care = comparison.include_care
    meetings = meetings_table(tidy)
    per_district = district_comparison_table(tidy, spec.key, include_care=include_care).filter(
        pl.col("soort") == "district"
    )
    prompts: list[str] = []
    if district != UNIT and district in meetings["district"].to_list():
        m = meetings.filter(pl.col("district") == district).row(0, named=True)
        r = per_district.filter(pl.col("gebied") == district).row(0, named=True)
        if m["groep"] == GROUP_WITH:
            prompts.append(
                f"{district} hield {count_noun(m['vergaderingen'], 'casustafelvergadering', 'casustafelvergaderingen')} en besprak "
                f"{m['casussen_tekst']} casussen; de uitkomst hier: {r['tekst']}. Welke van die interventies "
                "kwamen voort uit een bespreking aan de casustafel?"
            )
        else:
            cases = m["casussen"] or 0
            also = (
                f", maar besprak wel {count_noun(cases, 'casus', 'casussen')} (casustafel of RIEC),"
                if cases > 0
                else ""
            )
            prompts.append(
                f"{district} had geen casustafelvergadering{also} en komt op {r['tekst']}. Hoe worden "
                "zaken daar besproken, en wat zou een vaste casustafel toevoegen?"
            )
    with_rows = per_district.filter(pl.col("groep") == GROUP_WITH, pl.col("waarde").is_not_null())
    without_rows = per_district.filter(pl.col("groep") == GROUP_WITHOUT, pl.col("waarde").is_not_null())
    if not with_rows.is_empty() and not without_rows.is_empty():
        best_without = without_rows.sort("waarde", descending=True).row(0, named=True)
        lowest_with = with_rows.sort("waarde").row(0, named=True)
        if best_without["waarde"] > lowest_with["waarde"]:
            prompts.append(
                f"Zonder casustafel komt {best_without['gebied']} op {best_without['tekst']}, met casustafel "
                f"komt {lowest_with['gebied']} op {lowest_with['tekst']}. Wat doet {best_without['gebied']} "
                "anders, en wat maakt een casustafel dan nog de moeite waard?"
            )
    impure = meetings.filter(
        pl.col("groep") == GROUP_WITHOUT, pl.col("casussen").fill_null(0) > 0, pl.col("district") != district
    )
    if not impure.is_empty():
        r = impure.row(0, named=True)
        prompts.append(
            f"{r['district']} hield geen casustafel, maar besprak wel "
            f"{count_noun(r['casussen'], 'casus', 'casussen')}. Waar gebeurde dat, en hoort "
            f"{r['district']} dan wel bij de groep 'zonder'?"
        )
    if spec.with_care:
        other = compare_casustafel(tidy, spec.key, include_care=not include_care)
        strict, care = (comparison, other) if not include_care else (other, comparison)
        prompts.append(
            "De verhouding tussen districten met en zonder casustafel is "
            f"{fmt_dec(strict.rate_ratio, 2)} zonder zorgtrajecten en {fmt_dec(care.rate_ratio, 2)} met "
            "zorgtrajecten. Is een zorgtraject voor jullie een interventie, en wat betekent "
            "dat voor de uitspraak over casustafels?"
        )
    total_cases = int(meetings["casussen"].fill_null(0).sum())
    prompts.append(
        f"Aan de tafels en bij het RIEC zijn {count_noun(total_cases, 'casus', 'casussen')} besproken. Hoeveel "
        "daarvan brachten gemeenten zelf in, en wat is nodig om dat vaker te doen?"
    )
    return prompts[:4]


def comparison_metrics(comparison: CasustafelComparison) -> list[tuple[str, str, str]]:
    """The comparison's key figures as (label, value, caption): both groups with counts, and the rate ratio."""
    items = []
    for name, districts, ratio in (
        ("Met casustafel", comparison.with_districts, comparison.with_ratio),
        ("Zonder casustafel", comparison.without_districts, comparison.without_ratio),
    ):
        caption = f"{ratio.counts_text()}; 95%-marge {ratio.interval_text()}. {_join(districts)}."
        if ratio.left_out:
            caption += f" Zonder {_join(ratio.left_out)} (geen opgave, ?)."
        items.append((name, ratio.value_text(), caption))
    items.append(
        (
            "Verhouding met / zonder",
            "niet te berekenen" if comparison.rate_ratio is None else fmt_dec(comparison.rate_ratio, 2),
            f"{rate_ratio_text(comparison)}; exacte marge (conditioneel binomiaal). 1 betekent: geen verschil.",
        )
    )
    return items


def district_note(tidy: pl.DataFrame, district: str) -> str:
    """Where the selected district stands: in which group, with how many meetings and cases."""
    meetings = meetings_table(tidy)
    if district == UNIT or district not in meetings["district"].to_list():
        return ""
    m = meetings.filter(pl.col("district") == district).row(0, named=True)
    return (
        f"Gekozen gebied: {district} hoort bij de groep {m['groep']} "
        f"({count_noun(m['vergaderingen'], 'vergadering', 'vergaderingen')}, "
        f"{m['casussen_tekst']} besproken casussen). De vergelijking zelf gaat altijd over alle vijf districten."
    )


def district_display_table(table: pl.DataFrame) -> pl.DataFrame:
    """The per-district comparison for the screen, with Dutch headers."""
    return table.select(
        pl.col("gebied").alias("Gebied"),
        pl.col("groep").alias("Groep"),
        pl.col("tekst").alias("Waarde (aantallen)"),
        pl.col("marge").alias("95%-marge (exact)"),
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


def choice_label(choice: str | None) -> str:
    """The page's choice label for a picked value; the default for a missing or unknown one."""
    return choice if choice in RATIO_CHOICES else DEFAULT_CHOICE


def ratio_title(comparison: CasustafelComparison) -> str:
    """The chosen ratio's name for an axis, saying whether care trajectories are counted."""
    care = " (zorgtrajecten meegeteld)" if comparison.include_care and comparison.spec.with_care else ""
    return comparison.spec.label + care


def casustafel_caveats() -> list[str]:
    """What to keep in mind when comparing districts with and without a casustafel, in the app's own words."""
    return [
        "Een casustafel is een overleg waar partners (politie, OM, gemeenten, zorg, RIEC) concrete zaken "
        "samen bespreken. Het dashboard telt per district de vergaderingen en de besproken casussen, niet "
        "wat eruit voortkwam.",
        "De verhouding met / zonder casustafel deelt de waarde van de ene groep door die van de andere. De "
        "marge is exact (conditioneel binomiaal) en gaat ervan uit dat elke interventie los staat van de "
        "andere; zaken binnen één district lijken op elkaar, dus de echte onzekerheid is groter.",
        "Een groep 'zonder casustafel' van twee districten is geen controlegroep: de districten zijn niet "
        "door loting ingedeeld en verschillen op veel meer punten.",
        "Bron: Dashboard mensenhandel Oost-Nederland (tabellen en toelichting); de uitleg is eigen tekst.",
    ]


def care_side_by_side(tidy: pl.DataFrame, key: str) -> list[tuple[str, str, str]]:
    """The chosen ratio's comparison with care trajectories left out and counted in, as (label, value, caption)."""
    settings = ((False, CARE_OUT), (True, CARE_IN)) if RATIOS[key].with_care else ((False, CARE_NA),)
    items = []
    for include_care, setting in settings:
        comparison = compare_casustafel(tidy, key, include_care=include_care)
        with_r, without_r = comparison.with_ratio, comparison.without_ratio
        items.append(
            (
                f"Met / zonder casustafel, {setting}",
                "niet te berekenen" if comparison.rate_ratio is None else fmt_dec(comparison.rate_ratio, 2),
                f"Met: {with_r.value_text()} ({with_r.counts_text()}); zonder: {without_r.value_text()} "
                f"({without_r.counts_text()}). Marge {margin_text(comparison)}: "
                f"{direction_text(comparison)}.",
            )
        )
    return items


@dataclass(frozen=True)
class CasustafelView:
    """Everything the casustafel page shows for one ratio, with or without care trajectories."""

    comparison: CasustafelComparison
    answer: str
    metrics: list[tuple[str, str, str]]
    district_note: str
    districts: pl.DataFrame
    districts_display: pl.DataFrame
    meetings: pl.DataFrame
    meetings_display: pl.DataFrame
    care_effect: str
    care_metrics: list[tuple[str, str, str]]
    care_settings: pl.DataFrame
    care_settings_display: pl.DataFrame
    claims: list[str]
    prompts: list[str]


def casustafel_view(tables: Tables, key: str, include_care: bool, district: str = UNIT) -> CasustafelView:
    """The casustafel page for ratio ``key`` (see ``ratio_key``), ``district`` highlighted."""
    tidy = tables.tidy
    comparison = compare_casustafel(tidy, key, include_care=include_care)
    districts = district_comparison_table(tidy, key, include_care=include_care)
    meetings = meetings_table(tidy)
    settings = care_settings_table(tidy)
    return CasustafelView(
        comparison=comparison,
        answer=casustafel_answer(comparison),
        metrics=comparison_metrics(comparison),
        district_note=district_note(tidy, district),
        districts=districts,
        districts_display=district_display_table(districts),
        meetings=meetings,
        meetings_display=meetings_display_table(meetings),
        care_effect=care_effect_text(tidy, key),
        care_metrics=care_side_by_side(tidy, key),
        care_settings=settings,
        care_settings_display=care_settings_display_table(settings),
        claims=claim_notes(tidy),
        prompts=casustafel_prompts(tidy, comparison, district),
    )
