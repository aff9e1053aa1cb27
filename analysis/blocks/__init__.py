"""The data page: the tidy table back in the published blocks, the status of every cell, and its quality.

The published dashboard prints wide blocks (one column per municipality). The app keeps
one tidy row per figure; this package turns those rows back into the wide blocks for
display, with an empty cell, ``?`` and ``-`` kept visible as the text ``leeg``, ``?`` and
``-`` so that nothing missing can be read as 0. It also counts the statuses, summarises
where figures are missing, and writes the answer sentence and the discussion prompts of
the page *Data en kwaliteit*. Pure Python: no Streamlit.

The package keeps figures and words apart:

- :mod:`~analysis.blocks.published`: the wide blocks, status counts and missing cells;
- :mod:`~analysis.blocks.quality`: the answer, the prompts and the checks on screen;
- :mod:`~analysis.blocks.population`: inhabitants per district, the unit and the Netherlands;
- :mod:`~analysis.blocks.wording`: every Dutch status name, heading, note and sentence;
- :mod:`~analysis.blocks.view`: the whole page in one call.

Every name the old module ``analysis.blocks`` offered is importable from here.
"""

from analysis.blocks.population import population_municipalities, population_overview, population_sentence
from analysis.blocks.published import (
    AREA_TYPES,
    AWARENESS,
    COMENSHA_ORDER,
    COMENSHA_PARTS,
    COMENSHA_UNKNOWN,
    SECTION_ORDER,
    FilterOptions,
    PublishedBlock,
    b8_block,
    b8_note,
    casustafel_block,
    comensha_block,
    comensha_breakdowns,
    comensha_note,
    district_block,
    district_order,
    filter_options,
    filter_view,
    missing_overview,
    published_blocks,
    status_counts,
    tidy_view,
    unit_block,
)
from analysis.blocks.quality import (
    OUTCOME_ORDER,
    checks_view,
    data_answer,
    district_sentence,
    missing_title,
    outcome_options,
    quality_prompts,
)
from analysis.blocks.view import DataView, checks_shown, data_view
from analysis.blocks.wording import STATUS_LEGEND, STATUS_NAMES, STATUS_TEXT, StatusExplanation, cell_text

__all__ = [
    "AREA_TYPES",
    "AWARENESS",
    "COMENSHA_ORDER",
    "COMENSHA_PARTS",
    "COMENSHA_UNKNOWN",
    "OUTCOME_ORDER",
    "SECTION_ORDER",
    "STATUS_LEGEND",
    "STATUS_NAMES",
    "STATUS_TEXT",
    "DataView",
    "FilterOptions",
    "PublishedBlock",
    "StatusExplanation",
    "b8_block",
    "b8_note",
    "casustafel_block",
    "cell_text",
    "checks_shown",
    "checks_view",
    "comensha_block",
    "comensha_breakdowns",
    "comensha_note",
    "data_answer",
    "data_view",
    "district_block",
    "district_order",
    "district_sentence",
    "filter_options",
    "filter_view",
    "missing_overview",
    "missing_title",
    "outcome_options",
    "population_municipalities",
    "population_overview",
    "population_sentence",
    "published_blocks",
    "quality_prompts",
    "status_counts",
    "tidy_view",
    "unit_block",
]
