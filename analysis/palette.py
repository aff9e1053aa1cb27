"""The app's colours in one place, and the WCAG contrast arithmetic that checks them.

Every colour a chart or caption uses is named here, in one of four groups with its own
contrast rule (WCAG 2.1: text 4.5:1, success criterion 1.4.3; graphical objects 3:1,
success criterion 1.4.11):

- :data:`TEXT_COLORS`: text (captions, chart labels, axis text) on every background: 4.5:1.
- :data:`MARK_COLORS`: marks that carry a value on their own (a point, a line, a bar, a
  district's colour): 3:1 against the page and the presentation background.
- :data:`TEXT_ON_FILL`: text drawn on a coloured bar: 4.5:1 against that bar.
- :data:`OUTLINED_FILLS`: area fills that are told apart by their outline and a text
  label, not by their contrast with the page (map classes, segments that carry their
  figure as text): the outline reaches 3:1, and each says why in :data:`FILL_REASONS`.

Pure Python: no Streamlit, so tests and notebooks can check the palette.
"""

from __future__ import annotations

import re

from analysis import UNIT

_HEX = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")

#: WCAG 2.1 minimum contrast ratios.
TEXT_MIN_RATIO = 4.5
LARGE_TEXT_MIN_RATIO = 3.0
MARK_MIN_RATIO = 3.0

# -- Backgrounds ---------------------------------------------------------------------------
#: The page (``backgroundColor`` in .streamlit/config.toml); charts are drawn on it.
PAGE_BACKGROUND = "#ffffff"
#: The projector's page in presentation mode (components/presentation.py keeps the page white;
#: the browser test reads the real background in presentation mode and compares it to this).
PRESENTATION_BACKGROUND = "#ffffff"
#: The sidebar and the widgets (``secondaryBackgroundColor``): captions also appear on it.
PANEL_BACKGROUND = "#f3f6fa"
#: The 'Gespreksvragen' box in presentation mode.
PROMPT_BACKGROUND = "#fff6d9"
#: Backgrounds that chart marks are drawn on.
CHART_BACKGROUNDS: dict[str, str] = {"pagina": PAGE_BACKGROUND, "presentatie": PRESENTATION_BACKGROUND}
#: Backgrounds that text is drawn on.
TEXT_BACKGROUNDS: dict[str, str] = {
    **CHART_BACKGROUNDS,
    "zijbalk": PANEL_BACKGROUND,
    "gespreksvragen": PROMPT_BACKGROUND,
}

# -- Text ------------------------------------------------------------------------------------
#: Body text (``textColor`` in .streamlit/config.toml).
TEXT_COLOR = "#1c2530"
#: Captions and other secondary text. Streamlit draws captions in the text colour at 60%
#: opacity (#777c83 on white, 4.2:1); the app sets this darker grey instead.
CAPTION_COLOR = "#545d68"
#: Labels drawn next to chart marks (counts, district names).
LABEL_COLOR = "#333333"
#: The app's accent (``primaryColor``): links, the large key figure, the main series.
ACCENT_COLOR = "#1f5fa8"
#: A missing figure written as text ('?' beside a chart's marks).
MISSING_TEXT_COLOR = "#666666"
#: The outline that shows which control has the keyboard focus.
FOCUS_COLOR = "#1f5fa8"

TEXT_COLORS: dict[str, str] = {
    "tekst": TEXT_COLOR,
    "bijschrift": CAPTION_COLOR,
    "label": LABEL_COLOR,
    "accent": ACCENT_COLOR,
    "ontbrekend als tekst": MISSING_TEXT_COLOR,
}

# -- Marks -------------------------------------------------------------------------------------
#: One colour per district, everywhere. Okabe-Ito (safe for the common forms of colour
#: blindness), with two shades darkened to reach 3:1 on white: orange #E69F00 (2.2:1) became
#: ochre #B07800 (3.8:1), reddish purple #CC79A7 (3.1:1, 2.8:1 on the panel) became #B8608F.
DISTRICT_COLORS: dict[str, str] = {
    "IJsselland": "#0072B2",
    "Twente": "#B07800",
    "Gelderland-Zuid": "#009E73",
    "Noord- en Oost-Gelderland": "#B8608F",
    "Gelderland-Midden": "#D55E00",
    UNIT: "#444444",
}
#: A missing figure ('?') drawn as a mark; it always carries its '?' as text too.
MISSING_COLOR = "#8C8C8C"
#: A second series beside the accent (an estimate's range, the second slice of a bar).
SECOND_COLOR = "#3A8FB7"
#: The pooled figure of a group (casustafel chart).
POOLED_COLOR = "#222222"
#: A figure that only the dashboard's notes give (trend chart), beside the counted tables.
STATEMENT_COLOR = "#8C6D31"
#: A figure from the national texts (scenario funnel).
TEXT_FIGURE_COLOR = "#2A7FAA"
#: The table's own figure in the trend chart.
TABLE_COLOR = "#000000"
#: Care trajectories counted (casustafel chart), beside the accent.
CARE_IN_COLOR = "#C45A6A"
#: 'Not applicable' in the casustafel chart.
CARE_NA_COLOR = "#555555"
#: The outline of the chosen district's mark.
SELECTED_OUTLINE = "#000000"
#: The reference line (rate ratio 1) and other guides.
GUIDE_COLOR = "#444444"
#: The control limits of the funnel plot.
LIMIT_COLOR = "#777777"
#: Types of intervention (Paul Tol's muted scheme, the light ones darkened to reach 3:1).
INTERVENTION_COLORS: tuple[str, ...] = ("#2A7FAA", "#8E7A1C", "#332288", "#882255", "#2E8B7A", "#C45A6A")

MARK_COLORS: dict[str, str] = {
    **{f"district {name}": color for name, color in DISTRICT_COLORS.items()},
    "ontbrekend (?)": MISSING_COLOR,
    "accent": ACCENT_COLOR,
    "tweede reeks": SECOND_COLOR,
    "groep samen": POOLED_COLOR,
    "toelichting": STATEMENT_COLOR,
    "landelijke tekst": TEXT_FIGURE_COLOR,
    "tabel": TABLE_COLOR,
    "zorgtrajecten meegeteld": CARE_IN_COLOR,
    "niet van toepassing": CARE_NA_COLOR,
    "hulplijn": GUIDE_COLOR,
    "controlegrens": LIMIT_COLOR,
    "rand gekozen": SELECTED_OUTLINE,
    **{f"interventie {i + 1}": color for i, color in enumerate(INTERVENTION_COLORS)},
}

#: Text drawn on a coloured bar: (text colour, bar colour).
TEXT_ON_FILL: dict[str, tuple[str, str]] = {
    "wit op accent": ("#ffffff", ACCENT_COLOR),
    "tekst op tweede reeks": (TEXT_COLOR, "#9ECAE1"),
    "tekst op ontbrekend": (TEXT_COLOR, MISSING_COLOR),
    "tekst op leeg vak": (TEXT_COLOR, "#DDDDDD"),
    "tekst op niet van toepassing": (TEXT_COLOR, "#B8B8B8"),
}

# -- Outlined fills ----------------------------------------------------------------------------
#: The outline around every map shape and legend symbol.
OUTLINE_COLOR = "#444444"
#: Sequential blues for rate and count classes on the maps, light to dark.
MAP_CLASS_BLUES: tuple[str, ...] = ("#c6dbef", "#6baed6", "#2171b5", "#08306b")
#: Few counts, and the three kinds of missing on the maps (empty, '?', '-').
MAP_FEW = "#e6e6e6"
MAP_MISSING: tuple[str, str, str] = ("#ffffff", "#9e9e9e", "#d0d0d0")
#: Share of expected victims seen (three classes, dark to light).
SEEN_BLUES: tuple[str, str, str] = ("#08519c", "#6baed6", "#c6dbef")
#: Greys for the three kinds of 'no number' on the data page (empty, '?', '-'): three distinct
#: greys, '?' the same as everywhere else.
STATUS_GREYS: tuple[str, str, str] = ("#DDDDDD", MISSING_COLOR, "#B8B8B8")
#: The light band behind an estimate's range, and the second slice of a CoMensHa bar.
BAND_FILL = "#9ECAE1"
#: Outcomes of a report on the rapportage -> interventie map, in legend order (Okabe-Ito blue,
#: orange and sky blue; light grey for neither, a darker grey for '?').
OUTCOME_FILLS: tuple[str, ...] = ("#0072B2", "#E69F00", "#56B4E9", "#f0f0f0", "#9e9e9e")
#: A map coloured by a yes/no group (casustafel) or by district: dark blue, orange, grey.
GROUP_FILLS: tuple[str, str, str] = ("#0072B2", "#E69F00", "#9e9e9e")

OUTLINED_FILLS: dict[str, str] = {
    **{f"kaartklasse {i + 1}": color for i, color in enumerate(MAP_CLASS_BLUES)},
    "kaart: weinig": MAP_FEW,
    **{f"kaart: ontbrekend {i + 1}": color for i, color in enumerate(MAP_MISSING)},
    **{f"gezien {i + 1}": color for i, color in enumerate(SEEN_BLUES)},
    **{f"status {i + 1}": color for i, color in enumerate(STATUS_GREYS)},
    "band": BAND_FILL,
    **{f"kaart: uitkomst {i + 1}": color for i, color in enumerate(OUTCOME_FILLS)},
    **{f"kaart: groep {i + 1}": color for i, color in enumerate(GROUP_FILLS)},
}
FILL_REASONS: dict[str, str] = {
    "kaartklasse": "elke gemeente heeft een donkere rand; de klasse staat in de legenda, de tooltip en het tabblad Tabel",
    "kaart": "elke gemeente heeft een donkere rand; ontbrekend staat als eigen klasse in de legenda en de tabel",
    "gezien": "elk district heeft een rand; de klasse staat in de legenda, de tooltip en de tabel",
    "status": "elk segment draagt zijn teken (leeg, ?, -) en zijn aantal als tekst",
    "band": "achtergrond van een marge; de grenzen zelf zijn donkere streepjes met hun getal als tekst",
}


def _channels(color: str) -> tuple[float, float, float]:
    match = _HEX.match(color)
    if match is None:
        raise ValueError(f"Geen kleur in de vorm #rrggbb: {color!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(color: str) -> float:
    """The WCAG 2.1 relative luminance of an sRGB colour ``#rrggbb`` (0 for black, 1 for white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def fmt_ratio(ratio: float) -> str:
    """A contrast ratio in Dutch notation, rounded down so it never looks better than it is: '4,5:1'."""
    return f"{int(ratio * 10) / 10:.1f}:1".replace(".", ",")


def fill_reason(name: str) -> str:
    """Why the outlined fill ``name`` needs no 3:1 against the page (empty when none is given)."""
    return next((reason for prefix, reason in FILL_REASONS.items() if name.startswith(prefix)), "")
