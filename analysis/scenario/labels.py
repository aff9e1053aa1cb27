"""The scenario's Dutch vocabulary: names, labels and categories, with no sentences and no arithmetic.

Every module of the package may import this one; it imports nothing from the package.
Sentences built from these words are in :mod:`analysis.scenario.wording` and
:mod:`analysis.scenario.prompts`.
"""

from analysis.dutch import upper_first
from analysis.indicators import COMENSHA_BREAKDOWNS, COMENSHA_UNKNOWN

#: Labels of the registered counts in the scenario's visibility table (column ``bron``).
SOURCE_LABELS: dict[str, str] = {
    "signalen": "Signalen mensenhandel (politie)",
    "comensha_slachtoffers": "Gemelde slachtoffers (CoMensHa)",
    "b8_aangiftes": "B8-aangiftes",
}

#: The kinds of funnel step (column ``soort``), which the chart colours.
KIND_ESTIMATE = "Gepubliceerde schatting"
KIND_EXPECTED = "Verwacht naar inwoners"
KIND_TEXT = "Genoemd in de toelichting"
KIND_SEEN = "Geregistreerd"

#: The funnel step of the regional figure that the dashboard's text gives.
TEXT_STEP = "Genoemd in de toelichting"

#: The funnel steps of the registered counts, by indicator code, in the funnel's order.
SEEN_STEPS: dict[str, str] = {
    "signalen": "Signalen (politie)",
    "comensha_slachtoffers": "Gemeld bij CoMensHa",
    "b8_aangiftes": "B8-aangiftes",
}

#: The names of scenarios A and B when the user gives none.
DEFAULT_NAMES: tuple[str, str] = ("Scenario A", "Scenario B")
#: The label of the one scenario shown when not comparing.
SINGLE_NAME = "jouw scenario"
#: The label of the scenario with the dashboard's own assumptions (the baseline, "basis" on screen).
BASELINE_NAME = "basis"
#: The baseline's heading in the outcome box and the list of assumptions.
BASELINE_HEADING = "Basis"

#: The short Dutch names of the CoMensHa categories (the codes come from analysis.indicators).
COMENSHA_WORDS: dict[str, str] = {
    "comensha_minderjarig": "minderjarig",
    "comensha_meerderjarig": "meerderjarig",
    "comensha_man": "man",
    "comensha_vrouw": "vrouw",
    "comensha_nederlands": "Nederlands",
    "comensha_niet_nederlands": "niet-Nederlands",
    COMENSHA_UNKNOWN: "onbekend",
}
#: Per characteristic (capitalised), its categories with their short names, in published order.
COMENSHA_CATEGORIES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = tuple(
    (upper_first(name), tuple((code, COMENSHA_WORDS[code]) for code in codes))
    for name, codes in COMENSHA_BREAKDOWNS
)
