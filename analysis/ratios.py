"""Ratios along the chain (signal -> investigation -> OM; control -> report -> intervention).

Every ratio comes with its counts and an exact interval. Areas where a figure in the
numerator or denominator is ``?`` (not reported) are left out of both sums and named
in ``left_out``. An empty cell (no signal attributable to the municipality) and ``-``
(not applicable) add nothing to a sum, but they do not make an area unknown.
"""

from dataclasses import dataclass
from typing import Literal

import polars as pl

from analysis.dutch import fmt_dec, fmt_int, fmt_pct
from analysis.geography import UNIT
from analysis.indicators import CARE, INTERVENTIONS
from analysis.parser import AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL, NOT_REPORTED, REPORTED
from analysis.population import area_population
from analysis.stats import DEFAULT_LEVEL, clopper_pearson, poisson_interval

Kind = Literal["aandeel", "per"]

#: Singular forms of the count nouns, for "1 zorgtraject op 30 signalen".
SINGULAR: dict[str, str] = {
    "signalen": "signaal",
    "onderzoeken": "onderzoek",
    "verdachten bij het OM": "verdachte bij het OM",
    "rapportages": "rapportage",
    "controles": "controle",
    "interventies": "interventie",
    "zorgtrajecten": "zorgtraject",
    "advertenties": "advertentie",
}


def _noun(count: int, plural: str) -> str:
    return SINGULAR.get(plural, plural) if count == 1 else plural


@dataclass(frozen=True)
class RatioSpec:
    """What a ratio divides: indicator codes summed above and below the line.

    ``kind="aandeel"`` is a share (the numerator is part of the denominator;
    Clopper-Pearson interval). ``kind="per"`` is a rate that can exceed 1 (Garwood
    interval on the numerator). ``scale`` turns 0,0034 into "3,4 per 1.000".
    ``with_care`` marks ratios whose numerator can count care trajectories in.
    """

    key: str
    label: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    kind: Kind
    numerator_label: str
    denominator_label: str
    scale: int = 1
    with_care: bool = False

    def numerator_codes(self, include_care: bool) -> tuple[str, ...]:
        """Return the numerator codes, with care trajectories added when asked for."""
        return (*self.numerator, CARE) if self.with_care and include_care else self.numerator


RATIOS: dict[str, RatioSpec] = {
    spec.key: spec
    for spec in (
        RatioSpec(
            "onderzoeken_per_signaal",
            "Signalen die tot een strafrechtelijk onderzoek leidden",
            ("strafrechtelijke_onderzoeken",),
            ("signalen",),
            "aandeel",
            "onderzoeken",
            "signalen",
        ),
        RatioSpec(
            "instroom_per_signaal",
            "Instroom OM (verdachten) per 100 signalen",
            ("instroom_om",),
            ("signalen",),
            "per",
            "verdachten bij het OM",
            "signalen",
            scale=100,
        ),
        RatioSpec(
            "rapportages_per_controle",
            "Bestuurlijke rapportages per 100 prostitutiecontroles",
            ("bestuurlijke_rapportages",),
            ("prostitutiecontroles",),
            "per",
            "rapportages",
            "controles",
            scale=100,
        ),
        RatioSpec(
            "interventies_per_rapportage",
            "Bestuurlijke interventies per rapportage",
            INTERVENTIONS,
            ("bestuurlijke_rapportages",),
            "per",
            "interventies",
            "rapportages",
            with_care=True,
        ),
        RatioSpec(
            "interventies_per_signaal",
            "Bestuurlijke interventies per 100 signalen",
            INTERVENTIONS,
            ("signalen",),
            "per",
            "interventies",
            "signalen",
            scale=100,
            with_care=True,
        ),
        RatioSpec(
            "zorgtrajecten_per_signaal",
            "Zorgtrajecten per 100 signalen",
            (CARE,),
            ("signalen",),
            "per",
            "zorgtrajecten",
            "signalen",
            scale=100,
        ),
        RatioSpec(
            "controles_per_1000_advertenties",
            "Prostitutiecontroles per 1.000 seksadvertenties",
            ("prostitutiecontroles",),
            ("seksadvertenties",),
            "per",
            "controles",
            "advertenties",
            scale=1000,
        ),
    )
}


@dataclass(frozen=True)
class Ratio:
    """A ratio with its counts, its value, its exact interval and what was left out."""

    label: str
    numerator: int
    denominator: int
    value: float | None
    lower: float | None
    upper: float | None
    kind: Kind
    scale: int = 1
    left_out: tuple[str, ...] = ()
    numerator_label: str = ""
    denominator_label: str = ""
    level: float = DEFAULT_LEVEL

    @property
    def method(self) -> str:
        """Name of the interval method, for captions."""
        return "Clopper-Pearson (exact)" if self.kind == "aandeel" else "Garwood/Poisson (exact)"

    def counts_text(self) -> str:
        """The counts behind the ratio in Dutch: ``22 van 188`` or ``78 op 63``."""
        joiner = "van" if self.kind == "aandeel" else "op"
        return (
            f"{fmt_int(self.numerator)} {_noun(self.numerator, self.numerator_label)} {joiner} "
            f"{fmt_int(self.denominator)} {_noun(self.denominator, self.denominator_label)}"
        ).replace("  ", " ")

    def value_text(self, digits: int = 1) -> str:
        """The value in Dutch: ``11,7%`` for a share, ``1,24`` or ``28,6 per 100`` for a rate."""
        if self.value is None:
            return "niet te berekenen"
        if self.kind == "aandeel":
            return fmt_pct(self.value, digits)
        if self.scale == 1:
            return fmt_dec(self.value, 2)
        return f"{fmt_dec(self.value * self.scale, digits)} per {fmt_int(self.scale)}"

    def interval_text(self, digits: int = 1) -> str:
        """The interval in Dutch, e.g. ``7,5%–17,2%``."""
        if self.lower is None or self.upper is None:
            return "–"
        if self.kind == "aandeel":
            return f"{fmt_pct(self.lower, digits)}–{fmt_pct(self.upper, digits)}"
        if self.scale == 1:
            return f"{fmt_dec(self.lower, 2)}–{fmt_dec(self.upper, 2)}"
        return f"{fmt_dec(self.lower * self.scale, digits)}–{fmt_dec(self.upper * self.scale, digits)}"


def exact_ratio(
    numerator: int,
    denominator: int,
    kind: Kind,
    *,
    label: str = "",
    scale: int = 1,
    left_out: tuple[str, ...] = (),
    numerator_label: str = "",
    denominator_label: str = "",
    level: float = DEFAULT_LEVEL,
) -> Ratio:
    """Build a :class:`Ratio` from two counts with the exact interval for its kind."""
    if denominator <= 0:
        return Ratio(
            label,
            numerator,
            denominator,
            None,
            None,
            None,
            kind,
            scale,
            left_out,
            numerator_label,
            denominator_label,
            level,
        )
    if kind == "aandeel" and numerator <= denominator:
        lower, upper = clopper_pearson(numerator, denominator, level)
        kind_used: Kind = "aandeel"
    else:
        low_count, high_count = poisson_interval(numerator, level)
        lower, upper = low_count / denominator, high_count / denominator
        kind_used = "per"
    return Ratio(
        label,
        numerator,
        denominator,
        numerator / denominator,
        lower,
        upper,
        kind_used,
        scale,
        left_out,
        numerator_label,
        denominator_label,
        level,
    )


def _area_sums(tidy: pl.DataFrame, spec: RatioSpec, include_care: bool) -> pl.DataFrame:
    """Per area (municipality or Overig): numerator, denominator, and whether a ``?`` is involved."""
    num_codes = spec.numerator_codes(include_care)
    codes = set(num_codes) | set(spec.denominator)
    parts = tidy.filter(
        pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]), pl.col("indicator").is_in(codes)
    )
    value = pl.col("waarde").fill_null(0)
    return parts.group_by("jaar", "district", "gebied", "gebiedstype", maintain_order=True).agg(
        value.filter(pl.col("indicator").is_in(num_codes)).sum().alias("teller"),
        value.filter(pl.col("indicator").is_in(spec.denominator)).sum().alias("noemer"),
        (pl.col("status") == NOT_REPORTED).any().alias("onbekend"),
        (pl.col("status") == REPORTED)
        .filter(pl.col("indicator").is_in(spec.denominator))
        .all()
        .alias("noemer_gerapporteerd"),
    )


def _printed_total(tidy: pl.DataFrame, codes: tuple[str, ...], scope: str) -> int | None:
    """Sum of the printed totals of ``codes`` for a district or the unit; None if one is missing."""
    cells = tidy.filter(
        pl.col("gebied") == scope, pl.col("gebiedstype") == AREA_TOTAL, pl.col("indicator").is_in(codes)
    )
    if cells.height != len(set(codes)) or (cells["status"] != REPORTED).any():
        return None
    return int(cells["waarde"].sum())


def chain_ratio(
    tidy: pl.DataFrame,
    spec: RatioSpec | str,
    *,
    district: str | None = None,
    area: str | None = None,
    include_care: bool = False,
) -> Ratio:
    """Return one ratio for the unit, one district, or one area.

    ``tidy`` is the table of one year. Areas with a ``?`` in any figure used are
    left out of both sums and listed in ``left_out``. Where nothing is left out,
    a district or the unit uses its printed totals (so the unit's ads are the
    published 29.764, not the 29.765 its districts add up to).
    """
    spec = RATIOS[spec] if isinstance(spec, str) else spec
    num_codes = spec.numerator_codes(include_care)
    sums = _area_sums(tidy, spec, include_care)
    if district is not None and district != UNIT:
        sums = sums.filter(pl.col("district") == district)
    if area is not None:
        sums = sums.filter(pl.col("gebied") == area)
    known = sums.filter(~pl.col("onbekend"))
    left_out = tuple(sums.filter(pl.col("onbekend"))["gebied"].to_list())
    numerator, denominator = int(known["teller"].sum()), int(known["noemer"].sum())
    if area is None and not left_out:
        scope = district if district is not None else UNIT
        printed_num = _printed_total(tidy, num_codes, scope)
        printed_den = _printed_total(tidy, spec.denominator, scope)
        if printed_num is not None and printed_den is not None:
            numerator, denominator = printed_num, printed_den
    label = spec.label + (" (zorgtrajecten meegeteld)" if spec.with_care and include_care else "")
    return exact_ratio(
        numerator,
        denominator,
        spec.kind,
        label=label,
        scale=spec.scale,
        left_out=left_out,
        numerator_label=spec.numerator_label,
        denominator_label=spec.denominator_label,
    )


def ratio_table(
    tidy: pl.DataFrame,
    spec: RatioSpec | str,
    *,
    by: Literal["district", "gebied"] = "district",
    include_care: bool = False,
) -> pl.DataFrame:
    """Return the ratio for every district (``by="district"``) or every area (``by="gebied"``).

    Columns: ``district, gebied, gebiedstype, teller, noemer, waarde, ondergrens,
    bovengrens, weggelaten, opmerking``. ``waarde`` is null where the ratio cannot
    be computed; ``opmerking`` says why (``?`` in the data, or no denominator).
    """
    spec = RATIOS[spec] if isinstance(spec, str) else spec
    sums = _area_sums(tidy, spec, include_care)
    rows = []
    if by == "district":
        groups = [(d, d, "totaal") for d in sums["district"].unique(maintain_order=True)]
    else:
        groups = [(r["district"], r["gebied"], r["gebiedstype"]) for r in sums.iter_rows(named=True)]
    for district, area, area_type in groups:
        subset = sums.filter(pl.col("district") == district)
        if by == "gebied":
            subset = subset.filter(pl.col("gebied") == area)
        known = subset.filter(~pl.col("onbekend"))
        left_out = subset.filter(pl.col("onbekend"))["gebied"].to_list()
        ratio = exact_ratio(
            int(known["teller"].sum()), int(known["noemer"].sum()), spec.kind, scale=spec.scale
        )
        note = ""
        if by == "gebied" and left_out:
            note = "niet gerapporteerd (?)"
            ratio = Ratio("", 0, 0, None, None, None, spec.kind, spec.scale)
        elif by == "gebied" and not subset["noemer_gerapporteerd"].all():
            note = "noemer leeg of niet van toepassing"
            ratio = Ratio("", ratio.numerator, 0, None, None, None, spec.kind, spec.scale)
        elif ratio.value is None:
            note = "noemer is 0"
        elif left_out:
            note = "zonder " + ", ".join(left_out) + " (?)"
        rows.append(
            {
                "district": district,
                "gebied": area,
                "gebiedstype": area_type,
                "teller": None if note.startswith("niet") else ratio.numerator,
                "noemer": None if note.startswith("niet") else ratio.denominator,
                "waarde": ratio.value,
                "ondergrens": ratio.lower,
                "bovengrens": ratio.upper,
                "weggelaten": ", ".join(left_out),
                "opmerking": note,
            }
        )
    schema = {
        "district": pl.String,
        "gebied": pl.String,
        "gebiedstype": pl.String,
        "teller": pl.Int64,
        "noemer": pl.Int64,
        "waarde": pl.Float64,
        "ondergrens": pl.Float64,
        "bovengrens": pl.Float64,
        "weggelaten": pl.String,
        "opmerking": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def rates_per_100k(tidy: pl.DataFrame, population: pl.DataFrame, indicator: str) -> pl.DataFrame:
    """Return an indicator per 100.000 inhabitants for every area, with exact Poisson intervals.

    ``tidy`` is the table of one year. Columns: ``district, gebied, gebiedstype,
    waarde, status, inwoners, per_100k, ondergrens, bovengrens``. The rate is null
    where the cell is empty, ``?`` or ``-``: missing is not zero.
    """
    year = int(tidy["jaar"][0])
    pops = area_population(tidy, population, year)
    cells = tidy.filter(pl.col("indicator") == indicator).select(
        "district", "gebied", "gebiedstype", "waarde", "status"
    )
    joined = cells.join(pops, on=["district", "gebied", "gebiedstype"], how="inner")
    bounds = [poisson_interval(int(v)) if v is not None else (None, None) for v in joined["waarde"].to_list()]
    scale = 100_000 / pl.col("inwoners")
    return joined.with_columns(
        (pl.col("waarde") * scale).alias("per_100k"),
        (pl.Series("lo", [b[0] for b in bounds], dtype=pl.Float64) * scale).alias("ondergrens"),
        (pl.Series("hi", [b[1] for b in bounds], dtype=pl.Float64) * scale).alias("bovengrens"),
    )
