"""What each map shows for one year and choice: its table, title, subtitle and notes (page views)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.dutch import fmt_int, fmt_pct, join_words, lower_first
from analysis.geography import UNIT
from analysis.indicators import label
from analysis.maps.boundaries import load_boundaries
from analysis.maps.tables import district_map_table, intervention_map_table, measure_map_table
from analysis.maps.wording import MIN_COUNT, OTHER_LEGEND
from analysis.parser import AREA_MUNICIPALITY

#: The measure names of the 'Aard en omvang' page (``analysis.supply.MEASURES``) -> the map's measure.
_RATE_WORDS = ("per 100.000", "per_100k")


@dataclass(frozen=True)
class MapView:
    """One map: the table per municipality, its title and subtitle, and notes to show under it."""

    table: pl.DataFrame
    title: str
    subtitle: str
    notes: tuple[str, ...]


def boundary_notes(tables: Tables) -> tuple[str, ...]:
    """Dutch notes when the year's municipalities and the boundary file do not match (a merger)."""
    year = int(tables.tidy["jaar"][0])
    population = tables.population
    municipalities = dict(zip(population["gemeentecode"], population["gemeente"], strict=True))
    boundaries = load_boundaries(year, municipalities)
    known = set(population["gemeente"])
    named = tables.tidy.filter(pl.col("gebiedstype") == AREA_MUNICIPALITY)["gebied"].unique().to_list()
    unknown = sorted(name for name in named if name not in known)
    notes = []
    if boundaries.file_year != year:
        notes.append(
            f"De kaart gebruikt de gemeentegrenzen van {boundaries.file_year}; voor {year} is er geen grenzenbestand."
        )
    if unknown or boundaries.missing:
        notes.append(
            f"Geen grens op de kaart voor {join_words(sorted({*unknown, *boundaries.missing}))}: de gemeentelijke "
            "indeling is veranderd. Deze gemeenten ontbreken op de kaart; hun cijfers staan in de tabel."
        )
    return tuple(notes)


def _where(district: str) -> str:
    return "Oost-Nederland" if district == UNIT else f"district {district} (de rest vervaagd)"


def measure_map_view(tables: Tables, district: str, indicator: str, measure: str) -> MapView:
    """The map of 'Aard en omvang': the chosen indicator per municipality, as a count or per inhabitant."""
    rate = any(word in measure.lower() for word in _RATE_WORDS)
    noun = lower_first(label(indicator))
    table = measure_map_table(
        tables.tidy, tables.population, indicator, noun, "per_100k" if rate else "aantal", district
    )
    title = f"{label(indicator)} {'per inwoner vergeleken met heel Oost-Nederland' if rate else 'per gebied'}"
    subtitle = (
        f"{_where(district)}; onder {MIN_COUNT} geen kleur: te weinig om gebieden te vergelijken. "
        "Gestippeld: samen geteld als 'Overig'."
    )
    return MapView(table, title, subtitle, (OTHER_LEGEND, *boundary_notes(tables)))


def intervention_map_view(tables: Tables, district: str, include_care: bool) -> MapView:
    """The map of 'Van rapportage naar interventie': per municipality what followed a report."""
    table = intervention_map_table(tables.tidy, tables.population, include_care, district)
    title = "Volgde op een rapportage een interventie?"
    subtitle = (
        f"{_where(district)}; grijs = geen opgave (?), niet 0. "
        f"{'Zorgtrajecten tellen mee.' if include_care else 'Zonder zorgtrajecten.'}"
    )
    return MapView(table, title, subtitle, (OTHER_LEGEND, *boundary_notes(tables)))


def casustafel_map_view(tables: Tables, key: str, include_care: bool, district: str) -> MapView:
    """The map of 'Maakt een casustafel verschil?': the five districts with and without a casustafel.

    Each district carries its own figure and its group's figure (``groep_tekst``) for the tooltip.
    """
    from analysis.casustafel import casustafel_view  # the page's own view: one source for the figures

    view = casustafel_view(tables, key, include_care, district)
    rows = view.districts
    groups = {r["groep"]: r["tekst"] for r in rows.filter(pl.col("soort") == "groep").iter_rows(named=True)}
    per_district = rows.filter(pl.col("soort") == "district").select(
        pl.col("gebied").alias("district"),
        "groep",
        "tekst",
        "marge",
        pl.col("groep").replace_strict(groups, default="").alias("groep_tekst"),
    )
    year = int(tables.tidy["jaar"][0])
    table = district_map_table(tables.population, per_district, year, district)
    title = "Districten met en zonder casustafel"
    subtitle = f"{_where(district)}; in de tooltip de verhouding van het district en van zijn groep."
    return MapView(table, title, subtitle, boundary_notes(tables))


#: Classes of the share of expected victims that the police registered as signals.
SEEN_CLASSES: tuple[str, ...] = ("minder dan 20% gezien", "20% tot 40% gezien", "40% of meer gezien")


def _seen_class(share: float | None) -> str:
    if share is None:
        return "geen verwachting"
    return SEEN_CLASSES[sum(share >= b for b in (0.2, 0.4))]


def victims_map_view(population: pl.DataFrame, districts: pl.DataFrame, year: int, district: str) -> MapView:
    """The map of 'Hoeveel slachtoffers zien we niet?': per district the expected victims and the signals.

    ``districts`` is the scenario's table per district (``verwacht``, ``signalen``,
    ``zichtbaar_aandeel``); the colour is the share seen, the tooltip gives both counts.
    """
    rows = [
        {
            "district": r["district"],
            "klasse": _seen_class(r["zichtbaar_aandeel"]),
            "verwacht_tekst": f"ongeveer {fmt_int(r['verwacht'])} slachtoffers verwacht",
            "signalen_tekst": f"{fmt_int(r['signalen'])} signalen geregistreerd",
            "gezien_tekst": "–" if r["zichtbaar_aandeel"] is None else fmt_pct(r["zichtbaar_aandeel"], 0),
        }
        for r in districts.iter_rows(named=True)
    ]
    table = district_map_table(population, pl.DataFrame(rows), year, district)
    title = "Verwachte slachtoffers naast de geregistreerde signalen"
    subtitle = f"{_where(district)}; een verwachting naar inwoners in het gekozen scenario, geen telling."
    return MapView(table, title, subtitle, ())


def orientation_map_view(tables: Tables, district: str) -> MapView:
    """The start page's small map: the five districts, the chosen one highlighted."""
    names = tables.population.select("district").unique(maintain_order=True)
    year = int(tables.tidy["jaar"][0])
    table = district_map_table(tables.population, names, year, district)
    return MapView(table, "De vijf districten", _where(district), ())
