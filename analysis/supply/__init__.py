"""What is the nature and size? Sex ads, prostitution controls and trafficking signals per area.

Everything the page "Aard en omvang" shows is computed here: counts and rates per
100.000 inhabitants per area (with exact Poisson intervals), prostitution controls per
1.000 sex ads, a funnel plot of signal rates (Spiegelhalter 2005), the one-sentence
answer and the discussion prompts.

Missing is not zero: an empty cell (``leeg``: no signal could be attributed to the
municipality) keeps its status, gets no rate and no place in the funnel, and is named.

The package keeps figures and words apart:

- :mod:`~analysis.supply.rates`: counts, rates per 100.000 and controls per 1.000 ads;
- :mod:`~analysis.supply.funnel`: the funnel plot's limits, positions and points;
- :mod:`~analysis.supply.wording`: the Dutch labels, table headings, titles and notes;
- :mod:`~analysis.supply.sentences`: the answer, the caveats and the discussion prompts;
- :mod:`~analysis.supply.view`: picks what each text is about, and the page views.

Every name the old module ``analysis.supply`` offered is importable from here.
"""

from analysis.supply.funnel import (
    FUNNEL_LEVELS,
    funnel_grid,
    funnel_limits,
    funnel_points,
    funnel_position,
    overall_signal_rate,
    population_grid,
)
from analysis.supply.rates import (
    CONTROLS_RATIO,
    PER,
    SupplyFigure,
    area_rates,
    controls_per_ads,
    controls_shortfall,
    empty_cells,
    reference_rate,
    supply_figures,
)
from analysis.supply.view import (
    FunnelView,
    IndicatorView,
    SupplyOverview,
    ads_total_note,
    area_chart_title,
    funnel_caption,
    funnel_title,
    funnel_view,
    indicator_view,
    supply_answer,
    supply_caveats,
    supply_overview,
    supply_prompts,
)
from analysis.supply.wording import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    CONTROLS_SOURCE,
    CONTROLS_TITLE,
    DEFAULT_INDICATOR,
    INDICATOR_CHOICES,
    INSIDE,
    LEVEL_AREAS,
    LEVEL_DISTRICTS,
    LEVELS,
    LONG_LABELS,
    MEASURE_COUNT,
    MEASURE_RATE,
    MEASURES,
    MISSING_TEXT,
    NOUNS,
    OUTSIDE_FUNNEL,
    POLICE_LOCATIONS,
    SOURCES,
    axis_title,
    bar_subtitle,
    controls_display,
    empty_note,
    funnel_display,
    funnel_note,
    funnel_subtitle,
    indicator_code,
    rates_display,
    source_text,
)

__all__ = [
    "ABOVE_95",
    "ABOVE_998",
    "BELOW_95",
    "BELOW_998",
    "CONTROLS_RATIO",
    "CONTROLS_SOURCE",
    "CONTROLS_TITLE",
    "DEFAULT_INDICATOR",
    "FUNNEL_LEVELS",
    "INDICATOR_CHOICES",
    "INSIDE",
    "LEVELS",
    "LEVEL_AREAS",
    "LEVEL_DISTRICTS",
    "LONG_LABELS",
    "MEASURES",
    "MEASURE_COUNT",
    "MEASURE_RATE",
    "MISSING_TEXT",
    "NOUNS",
    "OUTSIDE_FUNNEL",
    "PER",
    "POLICE_LOCATIONS",
    "SOURCES",
    "FunnelView",
    "IndicatorView",
    "SupplyFigure",
    "SupplyOverview",
    "ads_total_note",
    "area_chart_title",
    "area_rates",
    "axis_title",
    "bar_subtitle",
    "controls_display",
    "controls_per_ads",
    "controls_shortfall",
    "empty_cells",
    "empty_note",
    "funnel_caption",
    "funnel_display",
    "funnel_grid",
    "funnel_limits",
    "funnel_note",
    "funnel_points",
    "funnel_position",
    "funnel_subtitle",
    "funnel_title",
    "funnel_view",
    "indicator_code",
    "indicator_view",
    "overall_signal_rate",
    "population_grid",
    "rates_display",
    "reference_rate",
    "source_text",
    "supply_answer",
    "supply_caveats",
    "supply_figures",
    "supply_overview",
    "supply_prompts",
]
