"""What is known about the years before the first bundled tables, and where a source changed: declarations only.

The tables of 2019 are not bundled; what is known about 2019 comes from the 2022 text:
three figures with a count for both years (signals, police investigations, B8
declarations) and a few relative statements without a 2019 count (online ads, CoMensHa
registrations, prostitution controls, OM intake). :data:`TRENDS` names, per indicator,
the codes in ``data/context.csv`` that carry them. :data:`SOURCE_CHANGES` records, as
data, where a source or definition changed so that a chart can mark it.
"""

from dataclasses import dataclass

import polars as pl

from analysis.indicators import label

#: The year of the first dashboard, known only through the text of a later one.
BASE_YEAR = 2019
#: The dashboard whose text states the 2019 figures (and its own figures for that year).
TEXT_YEAR = 2022


@dataclass(frozen=True)
class SourceChange:
    """A source or definition that changed: from ``year`` on, ``indicator`` is counted differently."""

    indicator: str
    year: int
    before: str
    after: str
    note: str


#: Where a source or a definition changed, by indicator and the first year it applies to.
SOURCE_CHANGES: tuple[SourceChange, ...] = (
    SourceChange(
        "seksadvertenties",
        2022,
        "de webcrawler van de politie",
        "de webcrawler van Web-IQ",
        "Andere bron: in 2019 telde de webcrawler van de politie, in 2022 die van Web-IQ. Een deel "
        "van de stijging kan dus door de andere manier van tellen komen.",
    ),
)


def source_change_table() -> pl.DataFrame:
    """The source and definition changes as a table: indicator, year, before, after, note."""
    return pl.DataFrame(
        [
            {
                "indicator": c.indicator,
                "label": label(c.indicator),
                "jaar": c.year,
                "voorheen": c.before,
                "nu": c.after,
                "toelichting": c.note,
            }
            for c in SOURCE_CHANGES
        ],
        schema={
            "indicator": pl.String,
            "label": pl.String,
            "jaar": pl.Int64,
            "voorheen": pl.String,
            "nu": pl.String,
            "toelichting": pl.String,
        },
    )


def source_change(indicator: str, year: int) -> SourceChange | None:
    """The change that starts in ``year`` for ``indicator``, if any."""
    return next((c for c in SOURCE_CHANGES if c.indicator == indicator and c.year == year), None)


@dataclass(frozen=True)
class TrendSpec:
    """One indicator compared with 2019.

    A count row names the context codes of the 2019 figure and of the text's 2022
    figure. A statement row names the context code of a relative change (percent)
    with its direction (+1 rise, -1 fall), or ``steady`` for "about the same". A
    statement the text makes but context.csv lacks carries ``stated`` (where it is).
    ``short_noun`` names the figure in a list ("onderzoeken 32 of 22").
    """

    indicator: str
    short_label: str
    noun: str
    short_noun: str = ""
    base_code: str | None = None
    text_code: str | None = None
    change_code: str | None = None
    direction: int = 0
    steady_code: str | None = None
    stated: str | None = None
    source_changed: bool = False
    note: str = ""


TRENDS: tuple[TrendSpec, ...] = (
    TrendSpec(
        "signalen",
        "Signalen",
        "signalen",
        "signalen",
        base_code="signalen_2019",
        text_code="signalen_2022_tekst",
        note="Tekst en tabel noemen hetzelfde aantal.",
    ),
    TrendSpec(
        "strafrechtelijke_onderzoeken",
        "Strafrechtelijke onderzoeken",
        "strafrechtelijke onderzoeken",
        "onderzoeken",
        base_code="onderzoeken_2019",
        text_code="onderzoeken_2022_tekst",
    ),
    TrendSpec(
        "b8_aangiftes",
        "B8-aangiftes",
        "B8-aangiftes",
        "B8-aangiftes",
        base_code="b8_2019",
        text_code="b8_2022_tekst",
    ),
    TrendSpec(
        "seksadvertenties",
        "Seksadvertenties",
        "seksadvertenties",
        "seksadvertenties",
        change_code="advertenties_stijging_pct",
        direction=1,
        source_changed=True,
        note=SOURCE_CHANGES[0].note,
    ),
    TrendSpec(
        "comensha_slachtoffers",
        "Slachtoffers bij CoMensHa",
        "slachtoffers bij CoMensHa",
        "slachtoffers bij CoMensHa",
        change_code="comensha_daling_pct",
        direction=-1,
        text_code="comensha_2022_tekst",
        note="De tekst zegt 'de afgelopen jaren', niet precies sinds 2019.",
    ),
    TrendSpec(
        "prostitutiecontroles",
        "Prostitutiecontroles",
        "prostitutiecontroles",
        "prostitutiecontroles",
        steady_code="controles_per_jaar",
        note="Volgens de tekst al jaren rond de 150 per jaar.",
    ),
    TrendSpec(
        "instroom_om",
        "Instroom OM",
        "instroom bij het OM",
        "instroom bij het OM",
        stated="toelichting bij 'Strafrechtelijke onderzoeken'",
        note="Volgens de tekst ongeveer gelijk gebleven; het OM telt per verdachte, dus minder maar grotere "
        "onderzoeken kunnen dezelfde instroom geven.",
    ),
)

#: Each indicator's declaration, by code.
TREND_BY_INDICATOR: dict[str, TrendSpec] = {spec.indicator: spec for spec in TRENDS}
