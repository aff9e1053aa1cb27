"""What changed? The first dashboard (2019) against 2022, and every loaded year against the one before.

The package keeps numbers and wording apart:

- :mod:`.sources`: what is declared, not computed: the base year, the dashboard whose text
  states the 2019 figures, the context codes per indicator and the source changes;
- :mod:`.base_years`: 2019 against 2022 as the dashboard 2022's text states it (rate
  ratios with exact intervals);
- :mod:`.series`: every loaded year per indicator, and each year against the one before;
- :mod:`.wording`: every Dutch label, note, phrase, caveat, title and caption, as
  functions of figures and years;
- :mod:`.sentences`: the answer, notes and workshop prompts, read from the computed tables;
- :mod:`.view`: the tables for the screen and the page view of 'Ontwikkeling'.

Everything other modules use is importable from ``analysis.trends`` itself.
"""

from analysis.trends.base_years import (
    BASE_VALUE,
    NOW_SOURCE,
    NOW_VALUE,
    RATIO_SCHEMA,
    TABLE_VALUE,
    TEXT_VALUE,
    TREND_SCHEMA,
    district_share,
    judgement,
    ratio_rows,
    trend_table,
)
from analysis.trends.sentences import (
    district_note,
    source_changes,
    step_prompt,
    step_sentence,
    trend_answer,
    trend_caveats,
    trend_prompts,
    years_answer,
)
from analysis.trends.series import (
    QUESTIONS,
    SERIES_SCHEMA,
    STEP_SCHEMA,
    AreaValue,
    area_change_notes,
    area_value,
    changed_first,
    known_indicators,
    year_series,
    year_steps,
)
from analysis.trends.sources import (
    BASE_YEAR,
    SOURCE_CHANGES,
    TEXT_YEAR,
    TRENDS,
    SourceChange,
    TrendSpec,
    source_change,
    source_change_table,
)
from analysis.trends.view import (
    COMPARE_DISPLAY_COLUMNS,
    TrendsView,
    comparison_display,
    steps_display,
    trends_view,
)
from analysis.trends.wording import (
    ABSENT,
    APPROXIMATION_WORDS,
    KEY_FIGURES,
    KIND_COUNT,
    KIND_STATEMENT,
    SOURCE_TABLE,
    SOURCE_TEXT,
    TREND_SOURCE,
    YEARS_CAVEATS,
    YEARS_SOURCE,
    ratio_text,
    signed_pct,
)

__all__ = [
    "ABSENT",
    "APPROXIMATION_WORDS",
    "BASE_VALUE",
    "BASE_YEAR",
    "COMPARE_DISPLAY_COLUMNS",
    "KEY_FIGURES",
    "KIND_COUNT",
    "KIND_STATEMENT",
    "NOW_SOURCE",
    "NOW_VALUE",
    "QUESTIONS",
    "RATIO_SCHEMA",
    "SERIES_SCHEMA",
    "SOURCE_CHANGES",
    "SOURCE_TABLE",
    "SOURCE_TEXT",
    "STEP_SCHEMA",
    "TABLE_VALUE",
    "TEXT_VALUE",
    "TEXT_YEAR",
    "TREND_SCHEMA",
    "TREND_SOURCE",
    "TRENDS",
    "YEARS_CAVEATS",
    "YEARS_SOURCE",
    "AreaValue",
    "SourceChange",
    "TrendSpec",
    "TrendsView",
    "area_change_notes",
    "area_value",
    "changed_first",
    "comparison_display",
    "district_note",
    "district_share",
    "judgement",
    "known_indicators",
    "ratio_rows",
    "ratio_text",
    "signed_pct",
    "source_change",
    "source_change_table",
    "source_changes",
    "step_prompt",
    "step_sentence",
    "steps_display",
    "trend_answer",
    "trend_caveats",
    "trend_prompts",
    "trend_table",
    "trends_view",
    "year_series",
    "year_steps",
    "years_answer",
]
