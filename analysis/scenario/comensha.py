"""CoMensHa's registered victims by age, gender and nationality: counts, sums and exact shares."""

import polars as pl

from analysis.frames import unit_value
from analysis.indicators import COMENSHA_TOTAL
from analysis.scenario.labels import COMENSHA_CATEGORIES
from analysis.scenario.wording import breakdown_share_text
from analysis.stats import clopper_pearson

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


def comensha_breakdown(tidy: pl.DataFrame) -> pl.DataFrame:
    """CoMensHa's registered victims by age, gender and nationality, with each group's sum.

    Every row carries the published total (71 in 2022) and the sum of its
    characteristic, so a reader can see that each split adds up. Shares get the exact
    (Clopper-Pearson) interval.
    """
    total = unit_value(tidy, COMENSHA_TOTAL)
    rows: list[dict[str, object]] = []
    for characteristic, categories in COMENSHA_CATEGORIES:
        counts = [unit_value(tidy, code) for code, _ in categories]
        summed = None if any(c is None for c in counts) else sum(c for c in counts if c is not None)
        for order, ((code, name), count) in enumerate(zip(categories, counts, strict=True), start=1):
            share: float | None = None
            low: float | None = None
            high: float | None = None
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
                    "aandeel_tekst": breakdown_share_text(count, total, (share, low, high)),
                }
            )
    return pl.DataFrame(rows, schema=BREAKDOWN_SCHEMA)
