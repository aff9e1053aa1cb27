"""Do districts with a casustafel do more? The comparison and the page that shows it.

* :mod:`~analysis.casustafel.model`: the comparison's result and how its direction is read;
* :mod:`~analysis.casustafel.comparison`: the groups, ratios, rate ratio and tables (numbers);
* :mod:`~analysis.casustafel.wording`: labels, verdict, answer, metrics and headers (Dutch);
* :mod:`~analysis.casustafel.discussion` and :mod:`~analysis.casustafel.notes`: what the
  figures carry of the dashboard's claim and the workshop questions (choice, then wording);
* :mod:`~analysis.casustafel.view`: the user's choice and the page's view.

Everything other modules import from ``analysis.casustafel`` is re-exported here.
"""

from analysis.casustafel.comparison import (
    care_settings,
    care_settings_table,
    casustafel_districts,
    compare_casustafel,
    district_comparison_table,
    meetings_table,
)
from analysis.casustafel.discussion import casustafel_prompts, claim_notes
from analysis.casustafel.model import COMPARISON_RATIOS, CasustafelComparison, Direction, RowKind
from analysis.casustafel.notes import casustafel_caveats
from analysis.casustafel.view import (
    CasustafelView,
    care_effect_text,
    care_side_by_side,
    casustafel_view,
    choice_label,
    district_note,
    ratio_key,
)
from analysis.casustafel.wording import (
    CARE_IN,
    CARE_NA,
    CARE_OUT,
    CASUSTAFEL_SOURCE,
    DEFAULT_CHOICE,
    GROUP_WITH,
    GROUP_WITHOUT,
    POOLED_WITH,
    POOLED_WITHOUT,
    RATIO_CHOICES,
    care_settings_display_table,
    casustafel_answer,
    comparison_metrics,
    direction_text,
    district_display_table,
    margin_text,
    meetings_display_table,
    rate_ratio_text,
    ratio_title,
)

__all__ = [
    "CARE_IN",
    "CARE_NA",
    "CARE_OUT",
    "CASUSTAFEL_SOURCE",
    "COMPARISON_RATIOS",
    "DEFAULT_CHOICE",
    "GROUP_WITH",
    "GROUP_WITHOUT",
    "POOLED_WITH",
    "POOLED_WITHOUT",
    "RATIO_CHOICES",
    "CasustafelComparison",
    "CasustafelView",
    "Direction",
    "RowKind",
    "care_effect_text",
    "care_settings",
    "care_settings_display_table",
    "care_settings_table",
    "care_side_by_side",
    "casustafel_answer",
    "casustafel_caveats",
    "casustafel_districts",
    "casustafel_prompts",
    "casustafel_view",
    "choice_label",
    "claim_notes",
    "compare_casustafel",
    "comparison_metrics",
    "direction_text",
    "district_comparison_table",
    "district_display_table",
    "district_note",
    "margin_text",
    "meetings_display_table",
    "meetings_table",
    "rate_ratio_text",
    "ratio_key",
    "ratio_title",
]
