"""Maps of the 76 municipalities and five districts: boundaries per year and the tables behind each map.

Pure Python: :mod:`analysis.maps.boundaries` reads the boundary file of a year and says
which municipalities have no boundary; :mod:`analysis.maps.tables` joins every municipality
to the figure of the area the dashboard reports it in (its own row, or its district's
"Overig"), keeping the status of a missing cell; :mod:`analysis.maps.wording` holds the
Dutch legend and tooltip texts.
"""

from analysis.maps.boundaries import (
    BOUNDARY_SOURCE,
    DISTRICTS_SOURCE,
    Boundaries,
    boundary_file,
    load_boundaries,
    with_properties,
)
from analysis.maps.tables import (
    MAP_SCHEMA,
    district_map_table,
    intervention_map_table,
    measure_map_table,
    municipality_areas,
)
from analysis.maps.views import (
    MapView,
    boundary_notes,
    casustafel_map_view,
    intervention_map_view,
    measure_map_view,
    orientation_map_view,
    victims_map_view,
)
from analysis.maps.wording import FEW_COUNTS, MIN_COUNT, OTHER_LEGEND

__all__ = [
    "BOUNDARY_SOURCE",
    "DISTRICTS_SOURCE",
    "FEW_COUNTS",
    "MAP_SCHEMA",
    "MIN_COUNT",
    "OTHER_LEGEND",
    "Boundaries",
    "MapView",
    "boundary_notes",
    "casustafel_map_view",
    "intervention_map_view",
    "measure_map_view",
    "orientation_map_view",
    "victims_map_view",
    "boundary_file",
    "district_map_table",
    "intervention_map_table",
    "load_boundaries",
    "measure_map_table",
    "municipality_areas",
    "with_properties",
]
