"""The scenario model: how many victims would we expect, and how many do we see?

A national estimate of victims is shared out over the unit and its districts by
population. Set against what is registered (police signals, CoMensHa registrations,
B8 declarations) this gives a "visible share". A signal is not a victim and the
sources overlap, so the visible share is an order of magnitude, not a measurement.
"""

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from analysis.checks import context_value
from analysis.dataset import Tables
from analysis.dutch import fmt_int, fmt_pct
from analysis.geography import NETHERLANDS_POPULATION, UNIT, population_year
from analysis.links import WORD_JOINER, inert_markdown  # noqa: F401  (WORD_JOINER re-exported)
from analysis.population import region_share, unit_population
from analysis.stats import clopper_pearson, poisson_interval

DEFAULT_ESTIMATE_CODE = "slachtoffers_nl_2021"
TEXT_REGIONAL_CODE = "slachtoffers_on_2021_tekst"

#: Registered counts that the scenario sets against the expectation, with a Dutch label.
OBSERVED_SOURCES: tuple[tuple[str, str], ...] = (
    ("signalen", "Signalen mensenhandel (politie)"),
    ("comensha_slachtoffers", "Gemelde slachtoffers (CoMensHa)"),
    ("b8_aangiftes", "B8-aangiftes"),
)


@dataclass(frozen=True)
class ScenarioResult:
    """Outcome of one scenario: assumptions, expectation, and what is visible."""

    national_estimate: float
    region_share: float
    share_is_override: bool
    population_year: int
    expected_unit: float
    districts: pl.DataFrame
    visibility: pl.DataFrame
    text_regional_figure: float
    text_implied_share: float
    computed_share: float

    @property
    def text_difference(self) -> float:
        """How far the text's regional figure lies above the population-share computation."""
        return self.text_regional_figure - self.national_estimate * self.computed_share


def default_national_estimate(context: pl.DataFrame) -> float:
    """Return the national estimate that the dashboard's text uses (more than 5.500)."""
    return context_value(context, DEFAULT_ESTIMATE_CODE)


def run_scenario(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    *,
    national_estimate: float | None = None,
    share_override: float | None = None,
) -> ScenarioResult:
    """Compute expected victims for the unit and each district, and the visible share.

    ``national_estimate`` defaults to the figure in the dashboard's text;
    ``share_override`` (a fraction, e.g. ``0.2``) replaces the unit's CBS population
    share. Districts always get their population share of the unit's expectation.
    """
    year = int(tidy["jaar"][0])
    estimate = default_national_estimate(context) if national_estimate is None else float(national_estimate)
    if estimate < 0:
        raise ValueError("national estimate must be >= 0")
    if share_override is not None and not 0 < share_override <= 1:
        raise ValueError("population share must be in (0, 1]")
    computed = region_share(population, year)
    share = computed if share_override is None else float(share_override)
    expected_unit = estimate * share
    pop_year = population_year(population, year)
    column = f"inwoners_{pop_year}"
    unit_pop = unit_population(population, year)
    signals = tidy.filter(
        pl.col("indicator") == "signalen", pl.col("gebiedstype") == "totaal", pl.col("district") != UNIT
    )
    districts = (
        population.group_by("district", maintain_order=True)
        .agg(pl.col(column).sum().alias("inwoners"))
        .with_columns((pl.col("inwoners") / unit_pop).alias("aandeel_inwoners"))
        .with_columns((pl.col("aandeel_inwoners") * expected_unit).alias("verwacht"))
        .join(signals.select("district", pl.col("waarde").alias("signalen")), on="district", how="left")
        .with_columns(
            pl.when(pl.col("verwacht") > 0)
            .then(pl.col("signalen") / pl.col("verwacht"))
            .otherwise(None)
            .alias("zichtbaar_aandeel")
        )
    )
    observed = []
    for code, source_label in OBSERVED_SOURCES:
        found = tidy.filter(pl.col("district") == UNIT, pl.col("indicator") == code)["waarde"]
        count = None if found.is_empty() else found[0]
        visible = None if count is None or expected_unit <= 0 else count / expected_unit
        observed.append(
            {
                "indicator": code,
                "bron": source_label,
                "aantal": count,
                "verwacht": expected_unit,
                "zichtbaar_aandeel": visible,
            }
        )
    visibility = pl.DataFrame(
        observed,
        schema={
            "indicator": pl.String,
            "bron": pl.String,
            "aantal": pl.Int64,
            "verwacht": pl.Float64,
            "zichtbaar_aandeel": pl.Float64,
        },
    )
    text_figure = context_value(context, TEXT_REGIONAL_CODE)
    text_estimate = default_national_estimate(context)
    return ScenarioResult(
        national_estimate=estimate,
        region_share=share,
        share_is_override=share_override is not None,
        population_year=pop_year,
        expected_unit=expected_unit,
        districts=districts,
        visibility=visibility,
        text_regional_figure=text_figure,
        text_implied_share=text_figure / text_estimate,
        computed_share=computed,
    )


# ---------------------------------------------------------------------------
# The page "Onzichtbare slachtoffers": controls, answer, funnel, breakdown, prompts.
# ---------------------------------------------------------------------------

SCENARIO_SOURCE = (
    "Nationaal Rapporteur Mensenhandel (schatting 2021, via de toelichting van het dashboard; "
    "MSE-schattingen 2014–2015 en 2018–2019); CBS StatLine 37259 (inwoners); Dashboard mensenhandel "
    "Oost-Nederland 2022 (signalen, CoMensHa, B8-aangiftes)"
)
COMENSHA_SOURCE = "CoMensHa, via het Dashboard mensenhandel Oost-Nederland 2022"

#: Published national estimates (multiple systems estimation) shown as a band, oldest first.
PUBLISHED_ESTIMATE_CODES: tuple[str, ...] = ("schatting_mse_2014_2015", "schatting_mse_2018_2019")

#: The national-estimate slider: wide enough for every published estimate and its range.
ESTIMATE_MIN = 1_000
ESTIMATE_MAX = 10_000
ESTIMATE_STEP = 250

#: The options (percent, one decimal) of the population-share override.
SHARE_OPTIONS: tuple[float, ...] = tuple(round(tenths / 10, 1) for tenths in range(50, 401))

KIND_ESTIMATE = "Gepubliceerde schatting"
KIND_EXPECTED = "Verwacht naar inwoners"
KIND_TEXT = "Genoemd in de toelichting"
KIND_SEEN = "Geregistreerd"

#: Short Dutch names of the CoMensHa categories, per characteristic, in published order.
COMENSHA_CATEGORIES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Leeftijd", (("comensha_minderjarig", "minderjarig"), ("comensha_meerderjarig", "meerderjarig"))),
    ("Geslacht", (("comensha_man", "man"), ("comensha_vrouw", "vrouw"))),
    (
        "Nationaliteit",
        (
            ("comensha_nederlands", "Nederlands"),
            ("comensha_niet_nederlands", "niet-Nederlands"),
            ("comensha_nationaliteit_onbekend", "onbekend"),
        ),
    ),
)
COMENSHA_TOTAL = "comensha_slachtoffers"

#: What to keep in mind when reading the scenario, in the app's own words.
SCENARIO_CAVEATS: tuple[str, ...] = (
    "Een signaal is een registratie bij de politie die op mensenhandel wijst; het is geen vastgesteld "
    "slachtoffer. Eén slachtoffer kan meer signalen geven, en één signaal kan over meer mensen gaan.",
    "Politie, CoMensHa en de B8-regeling tellen deels dezelfde mensen. Tel de registraties dus niet op.",
    "De landelijke schatting naar inwoners verdelen veronderstelt dat mensenhandel net zo verspreid is als "
    "de bevolking. Grensregio's, AZC's of grote steden kunnen daarvan afwijken.",
    "De schatting van de Nationaal Rapporteur gaat over 2021, de geregistreerde aantallen over 2022. "
    "De eerdere MSE-schattingen (2014–2015, 2018–2019) staan er als band bij om de onzekerheid te tonen.",
)

FUNNEL_SCHEMA = {
    "volgorde": pl.Int64,
    "stap": pl.String,
    "soort": pl.String,
    "aantal": pl.Float64,
    "onder": pl.Float64,
    "boven": pl.Float64,
    "aandeel": pl.Float64,
    "marge_onder": pl.Float64,
    "marge_boven": pl.Float64,
    "aantal_tekst": pl.String,
    "toelichting": pl.String,
    "etiket": pl.String,
    "aandeel_b": pl.Float64,
    "marge_onder_b": pl.Float64,
    "marge_boven_b": pl.Float64,
}

BREAKDOWN_SCHEMA = {
    "kenmerk": pl.String,
    "volgorde": pl.Int64,
    "categorie": pl.String,
    "indicator": pl.String,
    "aantal": pl.Int64,
    "totaal": pl.Int64,
    "som_kenmerk": pl.Int64,
    "aandeel": pl.Float64,
    "marge_onder": pl.Float64,
    "marge_boven": pl.Float64,
    "aandeel_tekst": pl.String,
}


@dataclass(frozen=True)
class OutcomeFigure:
    """One figure of the outcome box: label, value in Dutch, the arithmetic behind it, a delta."""

    label: str
    value: float | None
    value_text: str
    detail: str
    delta: str | None = None


def estimate_slider_range(context: pl.DataFrame) -> tuple[int, int, int]:
    """Return ``(min, max, step)`` for the national-estimate slider.

    The range covers 1.000–10.000 and is widened, if ever needed, so that the text's
    estimate and every published estimate with its bounds can be chosen.
    """
    values = [default_national_estimate(context)]
    for code in PUBLISHED_ESTIMATE_CODES:
        row = context.filter(pl.col("code") == code).row(0, named=True)
        values += [v for v in (row["waarde"], row["ondergrens"], row["bovengrens"]) if v is not None]
    low = min(ESTIMATE_MIN, int(min(values) // ESTIMATE_STEP * ESTIMATE_STEP))
    high = max(ESTIMATE_MAX, int(-(-max(values) // ESTIMATE_STEP) * ESTIMATE_STEP))
    return low, high, ESTIMATE_STEP


def default_share_percent(population: pl.DataFrame, year: int) -> float:
    """The unit's CBS population share in percent, rounded to one decimal (18,7 for 2022)."""
    return round(region_share(population, year) * 100, 1)


def share_percent_text(percent: float) -> str:
    """Format a share given in percent the Dutch way: ``18.7`` -> ``18,7%``."""
    return fmt_pct(percent / 100)


def scenario_from_controls(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    *,
    national_estimate: float,
    own_share: bool,
    share_percent: float | None,
) -> ScenarioResult:
    """Run the scenario from the page's controls.

    ``share_percent`` (e.g. ``20.0``) replaces the CBS population share only when
    ``own_share`` is on; otherwise the computed share is used.
    """
    override = share_percent / 100 if own_share and share_percent is not None else None
    return run_scenario(
        tidy, population, context, national_estimate=national_estimate, share_override=override
    )


#: The names of scenarios A and B when the user gives none, and the longest name kept.
DEFAULT_NAMES: tuple[str, str] = ("Scenario A", "Scenario B")
NAME_MAX_CHARS = 40
#: The label of the one scenario shown when not comparing.
SINGLE_NAME = "jouw scenario"
BASELINE_NAME = "baseline"
#: Scenario names in short chart labels are cut to this many characters.
SHORT_NAME_CHARS = 18


@dataclass(frozen=True)
class ScenarioControls:
    """What the controls of one scenario hold: its name (only when comparing) and its assumptions."""

    national_estimate: float
    own_share: bool
    share_percent: float | None
    name: str | None = None


@dataclass(frozen=True)
class NamedScenario:
    """A scenario as the page shows it: its letter (A or B), a plain-text name, and its outcome.

    ``name`` may come from the link, so it is user text: put it in Markdown only as
    :attr:`name_md`. Charts and table cells show it as it is.
    """

    letter: str
    name: str
    result: ScenarioResult

    @property
    def name_md(self) -> str:
        """The name for Markdown: markup, a shortcode or a link in it shows literally (see :func:`inert_markdown`)."""
        return inert_markdown(self.name)


@dataclass(frozen=True)
class ScenarioView:
    """What the page compares: the baseline and either one scenario ('jouw scenario') or two (A and B)."""

    baseline: ScenarioResult
    scenarios: tuple[NamedScenario, ...]

    @property
    def comparing(self) -> bool:
        """True when two named scenarios are shown side by side."""
        return len(self.scenarios) > 1

    @property
    def first(self) -> ScenarioResult:
        """The outcome of scenario A ('jouw scenario' when not comparing)."""
        return self.scenarios[0].result


def clean_name(text: str | None, default: str) -> str:
    """A scenario name fit to show: whitespace collapsed, control and format characters dropped, at most 40 characters.

    An empty name (or one of only invisible characters) becomes ``default``. The
    result is still user text: escape it before it goes into Markdown.
    """
    collapsed = " ".join((text or "").split())
    visible = "".join(ch for ch in collapsed if unicodedata.category(ch)[0] != "C")
    return visible[:NAME_MAX_CHARS].strip() or default


def scenario_names(name_a: str | None, name_b: str | None) -> tuple[str, str]:
    """The cleaned names of A and B, made distinct from each other and from the baseline.

    Two equal names (ignoring case) get their letter added, ``Hoog (A)`` and
    ``Hoog (B)``; so does a name that reads 'baseline'.
    """
    a, b = clean_name(name_a, DEFAULT_NAMES[0]), clean_name(name_b, DEFAULT_NAMES[1])
    same = a.casefold() == b.casefold()
    if same or a.casefold() == BASELINE_NAME:
        a = f"{a} (A)"
    if same or b.casefold() == BASELINE_NAME:
        b = f"{b} (B)"
    return a, b


def scenario_view(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    controls: Sequence[ScenarioControls],
) -> ScenarioView:
    """Run the baseline and the scenarios set on the page: one ('jouw scenario') or two (A and B).

    With two controls the scenarios get their (cleaned, distinct) names; a single
    scenario is called 'jouw scenario', as before comparison existed.
    """
    if not 1 <= len(controls) <= 2:
        raise ValueError("one or two scenarios")
    results = [
        scenario_from_controls(
            tidy,
            population,
            context,
            national_estimate=c.national_estimate,
            own_share=c.own_share,
            share_percent=c.share_percent,
        )
        for c in controls
    ]
    if len(controls) == 1:
        names: tuple[str, ...] = (SINGLE_NAME,)
    else:
        names = scenario_names(controls[0].name, controls[1].name)
    scenarios = tuple(
        NamedScenario(letter, name, result)
        for letter, name, result in zip("AB", names, results, strict=False)
    )
    return ScenarioView(run_scenario(tidy, population, context), scenarios)


def _short(name: str) -> str:
    return name if len(name) <= SHORT_NAME_CHARS else name[: SHORT_NAME_CHARS - 1].rstrip() + "…"


def _at_least_pct(fraction: float) -> str:
    """A share rounded down to a whole percent, for 'minstens ...': 81,7% gives ``81%``."""
    return fmt_pct(math.floor(fraction * 100 + 1e-9) / 100, 0)


def _where(district: str) -> str:
    return "Oost-Nederland" if district == UNIT else district


def _area(result: ScenarioResult, district: str) -> tuple[float, float, int | None]:
    """Expected victims, share of the Dutch population used, and police signals for the area."""
    if district == UNIT:
        signals = result.visibility.filter(pl.col("indicator") == "signalen")["aantal"]
        return result.expected_unit, result.region_share, None if signals.is_empty() else signals[0]
    row = result.districts.filter(pl.col("district") == district)
    if row.is_empty():
        raise KeyError(district)
    found = row.row(0, named=True)
    return found["verwacht"], result.region_share * found["aandeel_inwoners"], found["signalen"]


def _share_assumption(result: ScenarioResult, *, short: bool = False) -> str:
    if result.share_is_override:
        return f"een eigen aandeel van {fmt_pct(result.region_share)}"
    if short:
        return f"aandeel inwoners {fmt_pct(result.region_share)}"
    return f"{fmt_pct(result.region_share)} van de inwoners (CBS, {result.population_year})"


def scenario_assumptions(result: ScenarioResult) -> str:
    """The assumptions of a scenario in one line: ``5.500 landelijk × 18,7% van de inwoners (CBS, 2022)``."""
    return (
        f"{fmt_int(result.national_estimate)} slachtoffers per jaar landelijk × {_share_assumption(result)}"
    )


def _visible(count: int | None, expected: float) -> tuple[float | None, float | None, float | None]:
    """Count as a share of the expectation, with the exact Poisson margin of the count."""
    if count is None or expected <= 0:
        return None, None, None
    low, high = poisson_interval(count)
    return count / expected, low / expected, high / expected


def published_estimates(context: pl.DataFrame, result: ScenarioResult, district: str = UNIT) -> pl.DataFrame:
    """The published national estimates, converted to the area by the share in use.

    Columns: ``code, periode, landelijk, landelijk_onder, landelijk_boven, regio,
    regio_onder, regio_boven``.
    """
    _, share, _ = _area(result, district)
    rows = []
    for code in PUBLISHED_ESTIMATE_CODES:
        row = context.filter(pl.col("code") == code).row(0, named=True)
        first, last = code.rsplit("_", 2)[-2:]
        rows.append(
            {
                "code": code,
                "periode": f"{first}–{last}",
                "landelijk": row["waarde"],
                "landelijk_onder": row["ondergrens"],
                "landelijk_boven": row["bovengrens"],
                "regio": row["waarde"] * share,
                "regio_onder": row["ondergrens"] * share,
                "regio_boven": row["bovengrens"] * share,
            }
        )
    return pl.DataFrame(rows)


def funnel_table(
    result: ScenarioResult,
    baseline: ScenarioResult,
    context: pl.DataFrame,
    district: str = UNIT,
    *,
    name: str = SINGLE_NAME,
    second: NamedScenario | None = None,
) -> pl.DataFrame:
    """The visibility funnel for the unit or one district.

    From the published estimate bands and the expectation (baseline and scenario)
    down to what is registered: police signals, and for the unit also CoMensHa
    registrations and B8 declarations. Each registered count gets its share of the
    scenario's expectation with the exact (Garwood) margin of the count. ``soort``
    is one of the ``KIND_*`` constants; ``etiket`` is the chart's label.

    ``name`` labels the scenario (plain text). With ``second`` (scenario B) the
    funnel gets B's expectation too, the registered rows get B's share in
    ``aandeel_b`` and its margin, and the bands are converted with the CBS share of
    the baseline (A and B may use different shares). Otherwise the bands use the
    scenario's share.
    """
    expected, _, signals = _area(result, district)
    base_expected, _, _ = _area(baseline, district)
    expected_b = None if second is None else _area(second.result, district)[0]
    band_share = result if second is None else baseline
    rows: list[dict] = []

    def add(step: str, kind: str, count: float | None, text: str, note: str, **extra: object) -> None:
        rows.append(
            {
                "volgorde": len(rows) + 1,
                "stap": step,
                "soort": kind,
                "aantal": count,
                "aantal_tekst": text,
                "toelichting": note,
                "etiket": extra.pop("etiket", text),
                **extra,
            }
        )

    for est in published_estimates(context, band_share, district).iter_rows(named=True):
        add(
            f"Schatting {est['periode']}",
            KIND_ESTIMATE,
            est["regio"],
            f"{fmt_int(est['regio_onder'])}–{fmt_int(est['regio_boven'])}",
            f"Landelijk {fmt_int(est['landelijk_onder'])}–{fmt_int(est['landelijk_boven'])} per jaar "
            f"(midden {fmt_int(est['landelijk'])}), omgerekend met {fmt_pct(band_share.region_share)}"
            + ("" if second is None else " van de inwoners (CBS)")
            + ("" if district == UNIT else f" en het aandeel van {district} in de eenheid"),
            onder=est["regio_onder"],
            boven=est["regio_boven"],
        )
    scenarios = [("baseline", baseline, base_expected), (name, result, expected)]
    if second is not None and expected_b is not None:
        scenarios.append((second.name, second.result, expected_b))
    for label, scenario, area_expected in scenarios:
        add(
            f"Verwacht: {label}",
            KIND_EXPECTED,
            area_expected,
            f"ongeveer {fmt_int(area_expected)}",
            f"{fmt_int(scenario.national_estimate)} landelijk × {fmt_pct(scenario.region_share)}",
        )
    if district == UNIT:
        add(
            "Genoemd in de toelichting",
            KIND_TEXT,
            result.text_regional_figure,
            f"ongeveer {fmt_int(result.text_regional_figure)}",
            f"{fmt_pct(result.text_implied_share)} van {fmt_int(default_national_estimate(context))}",
        )
    observed = [("signalen", "Signalen (politie)", signals)]
    if district == UNIT:
        counts = dict(zip(result.visibility["indicator"], result.visibility["aantal"], strict=True))
        observed += [
            ("comensha_slachtoffers", "Gemeld bij CoMensHa", counts.get("comensha_slachtoffers")),
            ("b8_aangiftes", "B8-aangiftes", counts.get("b8_aangiftes")),
        ]
    for _, step, count in observed:
        share, low, high = _visible(count, expected)
        text = "–" if count is None else fmt_int(count)
        note = (
            f"{fmt_int(count)} op ongeveer {fmt_int(expected)} verwacht = {fmt_pct(share)} "
            f"(toevalsmarge {fmt_pct(low)}–{fmt_pct(high)})"
        )
        label = f"{text} = {fmt_pct(share)} van verwacht"
        extra_b: dict[str, float | None] = {}
        if second is not None and expected_b is not None:
            share_b, low_b, high_b = _visible(count, expected_b)
            note = (
                f"{fmt_int(count)} op ongeveer {fmt_int(expected)} verwacht in {name} = {fmt_pct(share)} "
                f"(toevalsmarge {fmt_pct(low)}–{fmt_pct(high)}); op ongeveer {fmt_int(expected_b)} in "
                f"{second.name} = {fmt_pct(share_b)} (toevalsmarge {fmt_pct(low_b)}–{fmt_pct(high_b)})"
            )
            label = (
                f"{text} = {fmt_pct(share)} van {_short(name)} · {fmt_pct(share_b)} van {_short(second.name)}"
            )
            extra_b = {"aandeel_b": share_b, "marge_onder_b": low_b, "marge_boven_b": high_b}
        add(
            step,
            KIND_SEEN,
            None if count is None else float(count),
            text,
            note,
            etiket=label,
            aandeel=share,
            marge_onder=low,
            marge_boven=high,
            **extra_b,
        )
    return pl.DataFrame(rows, schema=FUNNEL_SCHEMA)


def outcome_figures(
    result: ScenarioResult, district: str = UNIT, *, which: str, baseline: ScenarioResult | None = None
) -> list[OutcomeFigure]:
    """The outcome of one scenario as figures, labelled with ``which`` ("baseline", "jouw scenario").

    With ``baseline`` given, the expected numbers carry their difference from it.
    """

    def delta(value: float, base: float | None) -> str | None:
        if base is None or round(value) == round(base):
            return None
        diff = round(value) - round(base)
        return f"{'+' if diff > 0 else '−'}{fmt_int(abs(diff))} t.o.v. baseline"

    figures = [
        OutcomeFigure(
            f"Verwacht in Oost-Nederland ({which})",
            result.expected_unit,
            fmt_int(result.expected_unit),
            f"{fmt_int(result.national_estimate)} × {_share_assumption(result)}",
            delta(result.expected_unit, None if baseline is None else baseline.expected_unit),
        )
    ]
    expected, _, signals = _area(result, district)
    if district != UNIT:
        share_in_unit = result.districts.filter(pl.col("district") == district)["aandeel_inwoners"][0]
        figures.append(
            OutcomeFigure(
                f"Verwacht in {district} ({which})",
                expected,
                fmt_int(expected),
                f"{fmt_pct(share_in_unit)} van de inwoners van de eenheid",
                delta(expected, None if baseline is None else _area(baseline, district)[0]),
            )
        )
    visible, low, high = _visible(signals, expected)
    figures.append(
        OutcomeFigure(
            f"Signalen als deel van verwacht ({which})",
            visible,
            fmt_pct(visible),
            f"{fmt_int(signals)} signalen op ongeveer {fmt_int(expected)} verwachte slachtoffers in "
            f"{_where(district)}; toevalsmarge {fmt_pct(low)}–{fmt_pct(high)}",
        )
    )
    return figures


def scenario_answer(result: ScenarioResult, district: str = UNIT) -> str:
    """One sentence: how many victims the scenario expects and how many of them are in sight."""
    expected, _, signals = _area(result, district)
    where = _where(district)
    start = (
        f"Bij {fmt_int(result.national_estimate)} slachtoffers per jaar landelijk en "
        f"{_share_assumption(result)} verwacht je in {where} ongeveer {fmt_int(expected)} slachtoffers"
    )
    visible, _, _ = _visible(signals, expected)
    if visible is None:
        return f"{start}; de politie gaf voor dit gebied geen aantal signalen."
    if visible >= 1:
        return (
            f"{start}, maar de politie registreerde er {fmt_int(signals)} signalen, meer dan verwacht: "
            "dan is de schatting te laag voor dit gebied, of staat een signaal niet voor één slachtoffer."
        )
    unseen = _at_least_pct(1 - visible)
    if district != UNIT:
        return (
            f"{start}; de politie registreerde er {fmt_int(signals)} signalen ({fmt_pct(visible)}), dus ook "
            f"als elk signaal een ander slachtoffer is, blijft minstens {unseen} buiten beeld."
        )
    counts = dict(zip(result.visibility["indicator"], result.visibility["aantal"], strict=True))
    comensha, b8 = counts.get("comensha_slachtoffers"), counts.get("b8_aangiftes")
    return (
        f"{start}; de politie registreerde {fmt_int(signals)} signalen ({fmt_pct(visible)}), CoMensHa "
        f"{fmt_int(comensha)} slachtoffers ({fmt_pct(_visible(comensha, expected)[0])}) en er waren "
        f"{fmt_int(b8)} B8-aangiftes ({fmt_pct(_visible(b8, expected)[0])}): ook als elk signaal een ander "
        f"slachtoffer is, blijft minstens {unseen} buiten beeld."
    )


def _short_assumption(result: ScenarioResult) -> str:
    """``8.000 landelijk``, with ``, een eigen aandeel van 25,0%`` when the share is not the CBS share."""
    own = f", {_share_assumption(result, short=True)}" if result.share_is_override else ""
    return f"{fmt_int(result.national_estimate)} landelijk{own}"


def comparison_answer(view: ScenarioView, district: str = UNIT) -> str:
    """One sentence for baseline, A and B side by side: the expectation of each and how much is in sight.

    Names of A and B appear escaped for Markdown.
    """
    where = _where(district)
    entries = [("de baseline", view.baseline)] + [(s.name_md, s.result) for s in view.scenarios]
    signals = _area(view.baseline, district)[2]
    expected = [_area(result, district)[0] for _, result in entries]
    visible = [_visible(signals, value)[0] for value in expected]
    parts = [
        f"volgens {label} ({_short_assumption(result)}) ongeveer {fmt_int(value)}"
        for (label, result), value in zip(entries, expected, strict=True)
    ]
    listed = ", ".join(parts[:-1]) + f" en {parts[-1]}"
    start = f"In {where} verwacht je {listed} slachtoffers"
    if signals is None or any(v is None for v in visible):
        return f"{start}; de politie gaf voor dit gebied geen aantal signalen."
    shares = [v for v in visible if v is not None]
    seen = ", ".join(fmt_pct(v) for v in shares[:-1]) + f" en {fmt_pct(shares[-1])}"
    start += f"; de {fmt_int(signals)} signalen van de politie zijn daarvan {seen}"
    over = [label for (label, _), v in zip(entries, shares, strict=True) if v >= 1]
    if over:
        return (
            f"{start}, dus in {' en '.join(over)} zijn er meer signalen dan verwachte slachtoffers: dan is die "
            "schatting te laag voor dit gebied, of staat een signaal niet voor één slachtoffer."
        )
    best = max(range(len(shares)), key=lambda i: shares[i])
    return (
        f"{start}: ook in het scenario met de minste verwachte slachtoffers ({entries[best][0]}) blijft, "
        f"als elk signaal een ander slachtoffer is, minstens {_at_least_pct(1 - shares[best])} buiten beeld."
    )


def view_answer(view: ScenarioView, district: str = UNIT) -> str:
    """The page's one-sentence answer: about 'jouw scenario', or about baseline, A and B when comparing."""
    return comparison_answer(view, district) if view.comparing else scenario_answer(view.first, district)


def view_assumptions(view: ScenarioView) -> list[str]:
    """The assumptions of every scenario shown, one Markdown line each (names escaped)."""
    if not view.comparing:
        return [
            f"Jouw scenario: {scenario_assumptions(view.first)}",
            f"Baseline: {scenario_assumptions(view.baseline)}",
        ]
    return [f"Baseline: {scenario_assumptions(view.baseline)}"] + [
        f"{s.letter} · {s.name_md}: {scenario_assumptions(s.result)}" for s in view.scenarios
    ]


def view_outcome(view: ScenarioView, district: str = UNIT) -> list[tuple[str, list[OutcomeFigure]]]:
    """The outcome columns: a Markdown heading and the figures of the baseline and each scenario.

    Not comparing: 'Baseline' and 'Jouw scenario'. Comparing: the baseline, A and B
    under their (escaped) names; A and B carry their difference from the baseline.
    """
    columns = [("Baseline", outcome_figures(view.baseline, district, which="baseline"))]
    for s in view.scenarios:
        heading = "Jouw scenario" if not view.comparing else f"{s.letter} · {s.name_md}"
        which = SINGLE_NAME if not view.comparing else s.name_md
        columns.append((heading, outcome_figures(s.result, district, which=which, baseline=view.baseline)))
    return columns


def view_funnel(view: ScenarioView, context: pl.DataFrame, district: str = UNIT) -> pl.DataFrame:
    """The funnel for the view: baseline and 'jouw scenario', or baseline, A and B (see :func:`funnel_table`)."""
    first = view.scenarios[0]
    second = view.scenarios[1] if view.comparing else None
    return funnel_table(first.result, view.baseline, context, district, name=first.name, second=second)


def funnel_display_table(view: ScenarioView, funnel: pl.DataFrame) -> pl.DataFrame:
    """The funnel's columns for the table tab; when comparing, the shares of A and B side by side."""
    if not view.comparing:
        return funnel.select(
            "stap",
            "soort",
            "aantal",
            "onder",
            "boven",
            "aandeel",
            "marge_onder",
            "marge_boven",
            "toelichting",
        )
    return funnel.select(
        "stap",
        "soort",
        "aantal",
        "onder",
        "boven",
        pl.col("aandeel").alias("aandeel_a"),
        pl.col("marge_onder").alias("marge_onder_a"),
        pl.col("marge_boven").alias("marge_boven_a"),
        "aandeel_b",
        "marge_onder_b",
        "marge_boven_b",
        "toelichting",
    )


def funnel_caption(view: ScenarioView) -> str:
    """What the shares and margins in the funnel table are."""
    margins = "marges: exacte 95%-intervallen (Garwood/Poisson) voor het geregistreerde aantal."
    if not view.comparing:
        return f"Aandelen als fractie van het verwachte aantal in jouw scenario; {margins}"
    return (
        "aandeel_a en aandeel_b: fractie van het verwachte aantal in scenario A en B; de banden van de "
        f"schattingen zijn omgerekend met het aandeel in de inwoners (CBS); {margins}"
    )


def funnel_subtitle(view: ScenarioView) -> list[str]:
    """The funnel chart's subtitle lines (plain text, shown in the chart)."""
    if not view.comparing:
        return [
            "Lichte band: bandbreedte van de gepubliceerde landelijke schattingen, omgerekend naar het gebied.",
            "Percentages: deel van het verwachte aantal in jouw scenario.",
        ]
    a, b = view.scenarios
    return [
        "Lichte band: bandbreedte van de gepubliceerde landelijke schattingen, naar inwoners omgerekend.",
        f"Percentages: deel van het verwachte aantal in A ({_short(a.name)}) en in B ({_short(b.name)}).",
    ]


def district_label(view: ScenarioView) -> str:
    """Which scenario the district chart shows, as plain text: 'jouw scenario' or A's name."""
    first = view.scenarios[0]
    return first.name if not view.comparing else f"A · {first.name}"


def district_caption(view: ScenarioView) -> str:
    """The caption of the district table (Markdown)."""
    which = "jouw scenario" if not view.comparing else "scenario A"
    return f"Verwacht naar het aandeel van elk district in de inwoners van de eenheid ({which}); aandelen als fractie."


def text_figure_lines(result: ScenarioResult, population: pl.DataFrame, context: pl.DataFrame) -> list[str]:
    """The text's regional figure (about 1.150) next to the population-share computation, worked out."""
    estimate = default_national_estimate(context)
    year = result.population_year
    unit_pop = unit_population(population, year)
    national = NETHERLANDS_POPULATION[year]
    computed = estimate * result.computed_share
    text = result.text_regional_figure
    difference = text - computed
    relation = "hoger" if difference > 0 else "lager"
    return [
        f"Landelijke schatting van de Nationaal Rapporteur (2021): meer dan {fmt_int(estimate)} slachtoffers.",
        f"Aandeel van Oost-Nederland in de bevolking op 1 januari {year} (CBS): {fmt_int(unit_pop)} / "
        f"{fmt_int(national)} = {fmt_pct(result.computed_share, 2)}.",
        f"Naar inwoners verdeeld: {fmt_int(estimate)} × {fmt_pct(result.computed_share, 2)} ≈ "
        f"**{fmt_int(computed)}**.",
        f"De toelichting noemt **ongeveer {fmt_int(text)}**. Dat is {fmt_int(text)} / {fmt_int(estimate)} ≈ "
        f"{fmt_pct(result.text_implied_share)} van de landelijke schatting.",
        f"Het getal in de toelichting is dus ongeveer {fmt_int(abs(difference))} {relation} dan een verdeling "
        f"naar inwonertal geeft ({fmt_pct(result.text_implied_share)} in plaats van "
        f"{fmt_pct(result.computed_share)}). Hoe de opstellers op {fmt_int(text)} kwamen, staat er niet bij.",
    ]


def _unit_value(tidy: pl.DataFrame, code: str) -> int | None:
    found = tidy.filter(pl.col("district") == UNIT, pl.col("indicator") == code)["waarde"]
    return None if found.is_empty() else found[0]


def comensha_breakdown(tidy: pl.DataFrame) -> pl.DataFrame:
    """CoMensHa's registered victims by age, gender and nationality, with each group's sum.

    Every row carries the published total (71 in 2022) and the sum of its
    characteristic, so a reader can see that each split adds up. Shares get the exact
    (Clopper-Pearson) interval.
    """
    total = _unit_value(tidy, COMENSHA_TOTAL)
    rows = []
    for characteristic, categories in COMENSHA_CATEGORIES:
        counts = [_unit_value(tidy, code) for code, _ in categories]
        summed = None if any(c is None for c in counts) else sum(c for c in counts if c is not None)
        for order, ((code, name), count) in enumerate(zip(categories, counts, strict=True), start=1):
            share, low, high = None, None, None
            if count is not None and total:
                share = count / total
                low, high = clopper_pearson(count, total) if count <= total else (None, None)
            rows.append(
                {
                    "kenmerk": characteristic,
                    "volgorde": order,
                    "categorie": name,
                    "indicator": code,
                    "aantal": count,
                    "totaal": total,
                    "som_kenmerk": summed,
                    "aandeel": share,
                    "marge_onder": low,
                    "marge_boven": high,
                    "aandeel_tekst": f"{fmt_int(count)} van {fmt_int(total)} ({fmt_pct(share)}; "
                    f"marge {fmt_pct(low)}–{fmt_pct(high)})",
                }
            )
    return pl.DataFrame(rows, schema=BREAKDOWN_SCHEMA)


def comensha_sum_lines(breakdown: pl.DataFrame) -> list[str]:
    """Each characteristic as a visible sum: ``Leeftijd: 12 minderjarig + 59 meerderjarig = 71``."""
    lines = []
    for characteristic in breakdown["kenmerk"].unique(maintain_order=True):
        part = breakdown.filter(pl.col("kenmerk") == characteristic)
        terms = " + ".join(f"{fmt_int(r['aantal'])} {r['categorie']}" for r in part.iter_rows(named=True))
        summed, total = part["som_kenmerk"][0], part["totaal"][0]
        check = "" if summed == total else f" (het gepubliceerde totaal is {fmt_int(total)})"
        lines.append(f"{characteristic}: {terms} = {fmt_int(summed)}{check}")
    return lines


def unknown_assignment_text(tidy: pl.DataFrame) -> str:
    """Why 'Onbekend' in the CoMensHa block is read as 'nationality unknown', from the figures."""
    total = _unit_value(tidy, COMENSHA_TOTAL)
    unknown = _unit_value(tidy, "comensha_nationaliteit_onbekend")
    parts = {code: _unit_value(tidy, code) for _, cats in COMENSHA_CATEGORIES for code, _ in cats}
    if total is None or unknown is None or any(v is None for v in parts.values()):
        return "De uitsplitsing van CoMensHa is niet volledig gerapporteerd."

    def with_unknown(*codes: str) -> str:
        values = [parts[c] or 0 for c in codes]
        return " + ".join(fmt_int(v) for v in [*values, unknown]) + f" = {fmt_int(sum(values) + unknown)}"

    return (
        f"In de tabel staat 'Onbekend' ({fmt_int(unknown)}) tussen leeftijd en geslacht, zonder te zeggen "
        f"waarbij het hoort. Alleen bij nationaliteit komt de som dan op het totaal van {fmt_int(total)}: "
        f"{with_unknown('comensha_nederlands', 'comensha_niet_nederlands')}. Bij leeftijd zou het "
        f"{with_unknown('comensha_minderjarig', 'comensha_meerderjarig')} zijn, bij geslacht "
        f"{with_unknown('comensha_man', 'comensha_vrouw')}. Daarom rekent deze app 'Onbekend' tot nationaliteit."
    )


def _visibility_prompt(result: ScenarioResult, district: str) -> str | None:
    expected, _, signals = _area(result, district)
    visible, _, _ = _visible(signals, expected)
    if visible is None:
        return None
    return (
        f"In jouw scenario ({fmt_int(result.national_estimate)} landelijk, "
        f"{_share_assumption(result, short=True)}) "
        f"ziet de politie {fmt_pct(visible)} van de verwachte slachtoffers in {_where(district)}: "
        f"{fmt_int(signals)} signalen op ongeveer {fmt_int(expected)}. Welke slachtoffers blijven het "
        "vaakst buiten beeld, en bij welke partner zouden zij wél opduiken?"
    )


def _comparison_prompt(view: ScenarioView, district: str) -> str | None:
    a, b = view.scenarios
    (expected_a, _, signals), expected_b = _area(a.result, district)[:3], _area(b.result, district)[0]
    visible_a, visible_b = _visible(signals, expected_a)[0], _visible(signals, expected_b)[0]
    if visible_a is None or visible_b is None:
        return None
    gap = abs(round(expected_a) - round(expected_b))
    return (
        f"{a.name_md} ({_short_assumption(a.result)}) en {b.name_md} ({_short_assumption(b.result)}) verwachten "
        f"in {_where(district)} ongeveer {fmt_int(expected_a)} en {fmt_int(expected_b)} slachtoffers, "
        f"{fmt_int(gap)} uit elkaar; de {fmt_int(signals)} signalen van de politie zijn daarvan "
        f"{fmt_pct(visible_a)} of {fmt_pct(visible_b)}. Welk scenario past het best bij wat jullie in de "
        "praktijk zien, en wat zouden jullie moeten weten om tussen A en B te kiezen?"
    )


def _district_prompt(result: ScenarioResult, district: str, label: str | None = None) -> str | None:
    """Districts set against each other; ``label`` (Markdown) names the scenario when comparing."""
    within = "" if label is None else f" in {label}"
    expected, _, signals = _area(result, district)
    visible, _, _ = _visible(signals, expected)
    districts = result.districts.filter(pl.col("zichtbaar_aandeel").is_not_null())
    if district == UNIT and districts.height >= 2:
        low = districts.sort("zichtbaar_aandeel").row(0, named=True)
        high = districts.sort("zichtbaar_aandeel", descending=True).row(0, named=True)
        return (
            f"In {low['district']} staan {fmt_int(low['signalen'])} signalen tegenover ongeveer "
            f"{fmt_int(low['verwacht'])} verwachte slachtoffers{within} ({fmt_pct(low['zichtbaar_aandeel'])}), in "
            f"{high['district']} {fmt_int(high['signalen'])} tegenover ongeveer {fmt_int(high['verwacht'])} "
            f"({fmt_pct(high['zichtbaar_aandeel'])}). Wordt er in {low['district']} minder gezien, of "
            "gebeurt er minder?"
        )
    if district != UNIT and visible is not None and result.expected_unit > 0:
        unit_visible = _visible(_area(result, UNIT)[2], result.expected_unit)[0]
        comparison = "meer" if visible > (unit_visible or 0) else "minder"
        return (
            f"In {district} komt{within} met {fmt_pct(visible)} naar verhouding {comparison} van de verwachte "
            f"slachtoffers als signaal in beeld dan in heel Oost-Nederland ({fmt_pct(unit_visible)}). "
            "Herkennen jullie dat, en welke werkwijze of welke registratie verklaart het verschil?"
        )
    return None


def _text_prompt(result: ScenarioResult, baseline: ScenarioResult) -> str:
    return (
        f"De toelichting gaat uit van ongeveer {fmt_int(result.text_regional_figure)} slachtoffers in "
        f"Oost-Nederland ({fmt_pct(result.text_implied_share)} van de landelijke schatting), een verdeling "
        f"naar inwoners geeft ongeveer {fmt_int(baseline.expected_unit)}. Is er reden om Oost-Nederland een "
        "groter aandeel te geven dan zijn inwonertal, en welke?"
    )


def _comensha_prompt(breakdown: pl.DataFrame, scenarios: list[tuple[str, ScenarioResult]]) -> str | None:
    counts = {r["indicator"]: r["aantal"] for r in breakdown.iter_rows(named=True)}
    total = breakdown["totaal"][0] if not breakdown.is_empty() else None
    minors, unknown = counts.get("comensha_minderjarig"), counts.get("comensha_nationaliteit_onbekend")
    if not total or minors is None or unknown is None or any(r.expected_unit <= 0 for _, r in scenarios):
        return None
    shares = [f"in {label} {fmt_pct(total / result.expected_unit)}" for label, result in scenarios]
    return (
        f"Bij CoMensHa staan {fmt_int(total)} slachtoffers uit Oost-Nederland, {' en '.join(shares)} van de "
        f"verwachte; {fmt_int(minors)} van hen zijn minderjarig en bij {fmt_int(unknown)} is de nationaliteit "
        "onbekend. Wie ziet minderjarige slachtoffers het eerst, en komen die meldingen bij CoMensHa terecht?"
    )


def scenario_prompts(
    result: ScenarioResult,
    baseline: ScenarioResult,
    breakdown: pl.DataFrame,
    district: str = UNIT,
) -> list[str]:
    """Two to four workshop prompts from the scenario in use and the registered figures."""
    prompts = [
        _visibility_prompt(result, district),
        _district_prompt(result, district),
        _text_prompt(result, baseline),
        _comensha_prompt(breakdown, [(SINGLE_NAME, result)]),
    ]
    return [p for p in prompts if p is not None][:4]


def view_prompts(view: ScenarioView, breakdown: pl.DataFrame, district: str = UNIT) -> list[str]:
    """The page's prompts: for 'jouw scenario', or, when comparing, a first prompt that sets A against B.

    When comparing, the district prompt uses scenario A's expectation and the
    CoMensHa prompt gives the share for A and B. Names are escaped for Markdown.
    """
    if not view.comparing:
        return scenario_prompts(view.first, view.baseline, breakdown, district)
    prompts = [
        _comparison_prompt(view, district),
        _district_prompt(view.first, district, view.scenarios[0].name_md),
        _text_prompt(view.first, view.baseline),
        _comensha_prompt(breakdown, [(s.name_md, s.result) for s in view.scenarios]),
    ]
    return [p for p in prompts if p is not None][:4]


# ---------------------------------------------------------------------------
# Page views: everything the page shows for one set of controls, in one call
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioDefaults:
    """Where the estimate slider runs and where the controls start, for one year."""

    slider_range: tuple[int, int, int]
    default_estimate: int
    default_share: float


def scenario_defaults(tables: Tables, year: int) -> ScenarioDefaults:
    """The slider range and the default estimate and share (population of ``year``)."""
    return ScenarioDefaults(
        slider_range=estimate_slider_range(tables.context),
        default_estimate=int(default_national_estimate(tables.context)),
        default_share=default_share_percent(tables.population, year),
    )


@dataclass(frozen=True)
class ScenarioPage:
    """The scenario page for one set of controls and one area."""

    view: ScenarioView
    assumptions: list[str]
    answer: str
    outcome: list[tuple[str, list[OutcomeFigure]]]
    funnel: pl.DataFrame
    funnel_subtitle: list[str]
    funnel_display: pl.DataFrame
    funnel_caption: str
    district_label: str
    district_caption: str
    text_lines: list[str]
    breakdown: pl.DataFrame
    breakdown_display: pl.DataFrame
    breakdown_lines: list[str]
    unknown_text: str
    prompts: list[str]


def scenario_page(
    tables: Tables, controls: tuple[ScenarioControls, ...], district: str = UNIT
) -> ScenarioPage:
    """Baseline and scenarios for ``controls`` (one, or A and B), with every text the page shows."""
    tidy, population, context = tables.tidy, tables.population, tables.context
    view = scenario_view(tidy, population, context, controls)
    funnel = view_funnel(view, context, district)
    breakdown = comensha_breakdown(tidy)
    return ScenarioPage(
        view=view,
        assumptions=view_assumptions(view),
        answer=view_answer(view, district),
        outcome=view_outcome(view, district),
        funnel=funnel,
        funnel_subtitle=funnel_subtitle(view),
        funnel_display=funnel_display_table(view, funnel),
        funnel_caption=funnel_caption(view),
        district_label=district_label(view),
        district_caption=district_caption(view),
        text_lines=text_figure_lines(view.baseline, population, context),
        breakdown=breakdown,
        breakdown_display=breakdown.select(
            "kenmerk", "categorie", "aantal", "som_kenmerk", "totaal", "aandeel_tekst"
        ),
        breakdown_lines=comensha_sum_lines(breakdown),
        unknown_text=unknown_assignment_text(tidy),
        prompts=view_prompts(view, breakdown, district),
    )
