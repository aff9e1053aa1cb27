"""Municipal boundaries per year (CBS/PDOK gebiedsindelingen), and which municipalities lack one.

Each year's map uses ``data/geo/gemeenten-<year>.geojson``. A year without its own file
falls back to the latest earlier file; when that year's municipalities differ (a merger),
:class:`Boundaries` names the municipalities it cannot draw instead of drawing wrong areas.
The rings are stored clockwise, as Vega's ``geoshape`` expects: never reorder them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from analysis.paths import DATA_DIR

GEO_DIR = DATA_DIR / "geo"
BOUNDARY_SOURCE = "Kaart: CBS/PDOK gebiedsindelingen 2022 (via cartomap/nl)"
#: Where the districts of the orientation map come from.
DISTRICTS_SOURCE = "gemeenten per politiedistrict van eenheid Oost-Nederland (data/gemeenten.csv)"


def boundary_file(year: int) -> Path:
    """The boundary file of ``year`` (which may not exist)."""
    return GEO_DIR / f"gemeenten-{year}.geojson"


def _years_with_files() -> list[int]:
    return sorted(int(path.stem.rsplit("-", 1)[1]) for path in GEO_DIR.glob("gemeenten-*.geojson"))


@lru_cache(maxsize=8)
def _read(path: Path) -> tuple[dict[str, Any], ...]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    return tuple(collection["features"])


@dataclass(frozen=True)
class Boundaries:
    """The boundaries for one year's map: the features, the year of the file, and what is missing.

    ``missing`` are municipalities of the year's tables without a boundary; ``unused`` are
    boundaries of municipalities the year's tables do not know (both sorted by name).
    """

    year: int
    file_year: int
    features: tuple[dict[str, Any], ...]
    missing: tuple[str, ...] = ()
    unused: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True when every municipality of the year has its boundary and no boundary is left over."""
        return not self.missing and not self.unused


def load_boundaries(year: int, municipalities: dict[str, str]) -> Boundaries:
    """The boundaries for ``year``'s map, checked against ``municipalities`` (code -> name).

    Uses the file of ``year`` or, failing that, the latest earlier year's file; raises
    FileNotFoundError naming the folder when there is none at all.
    """
    years = [y for y in _years_with_files() if y <= year]
    if not years:
        raise FileNotFoundError(f"geen grenzenbestand voor {year} of eerder in {GEO_DIR}")
    file_year = years[-1]
    features = _read(boundary_file(file_year))
    codes = {f["properties"]["statcode"] for f in features}
    missing = tuple(sorted(name for code, name in municipalities.items() if code not in codes))
    unused = tuple(
        sorted(
            f["properties"]["statnaam"] for f in features if f["properties"]["statcode"] not in municipalities
        )
    )
    kept = tuple(f for f in features if f["properties"]["statcode"] in municipalities)
    return Boundaries(year, file_year, kept, missing, unused)


def with_properties(features: tuple[dict[str, Any], ...], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Features whose properties carry the row of the same ``gemeentecode`` (features without a row are dropped)."""
    by_code = {row["gemeentecode"]: row for row in rows}
    return [
        {"type": "Feature", "geometry": f["geometry"], "properties": by_code[f["properties"]["statcode"]]}
        for f in features
        if f["properties"]["statcode"] in by_code
    ]
