"""Werksessie: checks on participants' texts, estimate statistics, and the session report.

Pure Python (no Streamlit, no database). The page and the store hand plain values in;
everything a participant typed is treated as plain text and escaped in every report.

The package keeps numbers and words apart:

- :mod:`~analysis.werksessie.session`: limits, organisation types, note kinds, facilitator actions, links;
- :mod:`~analysis.werksessie.privacy`: the checks on participants' texts, with the personal-data filter;
- :mod:`~analysis.werksessie.figures`: the published figures to estimate (from the question registry);
- :mod:`~analysis.werksessie.estimates`: what the group estimated, per round;
- :mod:`~analysis.werksessie.wording`: notices, refusals, the figures' questions and the round sentences;
- :mod:`~analysis.werksessie.report`: the Markdown, HTML and CSV exports.
"""

from analysis.werksessie.estimates import EstimateStats, estimate_stats, estimate_table
from analysis.werksessie.figures import FIGURE_KEYS, Figure, published_figures, view_link
from analysis.werksessie.privacy import TextCheck, check_text, passes_eleven_test, personal_data_reasons
from analysis.werksessie.report import (
    CSV_COLUMNS,
    CSV_ESTIMATE,
    NoteLine,
    QuestionReport,
    SessionReport,
    report_csv,
    report_html,
    report_markdown,
)
from analysis.werksessie.session import (
    KIND_ACTION,
    KIND_OBSERVATION,
    MAX_ESTIMATES_PER_SESSION,
    MAX_NOTES_PER_SESSION,
    MAX_SESSIONS,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    NO_ORG,
    ORG_TYPES,
    RATE_LIMIT_POSTS,
    RATE_LIMIT_WINDOW_S,
    FacilitatorAction,
    FigureUnit,
    NoteKind,
    check_org_type,
    format_deadline,
    join_link,
    rate_limited,
    recent_posts,
    session_area,
)
from analysis.werksessie.wording import (
    FIGURE_LABELS,
    NOTE_KIND_LABELS,
    NOTE_KIND_TITLES,
    PRIVACY_NOTICE,
    RATE_LIMIT_MESSAGE,
    estimate_bounds_text,
    reveal_summary,
    round_comparison,
)

__all__ = [
    "CSV_COLUMNS",
    "CSV_ESTIMATE",
    "FIGURE_KEYS",
    "FIGURE_LABELS",
    "KIND_ACTION",
    "KIND_OBSERVATION",
    "MAX_ESTIMATES_PER_SESSION",
    "MAX_NOTES_PER_SESSION",
    "MAX_SESSIONS",
    "MAX_TEXT_CHARS",
    "MAX_TITLE_CHARS",
    "NOTE_KIND_LABELS",
    "NOTE_KIND_TITLES",
    "NO_ORG",
    "ORG_TYPES",
    "PRIVACY_NOTICE",
    "RATE_LIMIT_MESSAGE",
    "RATE_LIMIT_POSTS",
    "RATE_LIMIT_WINDOW_S",
    "EstimateStats",
    "FacilitatorAction",
    "Figure",
    "FigureUnit",
    "NoteKind",
    "NoteLine",
    "QuestionReport",
    "SessionReport",
    "TextCheck",
    "check_org_type",
    "check_text",
    "estimate_bounds_text",
    "estimate_stats",
    "estimate_table",
    "format_deadline",
    "join_link",
    "passes_eleven_test",
    "personal_data_reasons",
    "published_figures",
    "rate_limited",
    "recent_posts",
    "report_csv",
    "report_html",
    "report_markdown",
    "reveal_summary",
    "round_comparison",
    "session_area",
    "view_link",
]
