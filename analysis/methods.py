"""How the app computes its margins, in Dutch: the text of the "Hoe berekend?" box on each page.

On screen the app says "marge" and nothing more. This module holds the one plain sentence
that explains it and the method details (names, the 95% level, log scales, formulas) that
only the "Hoe berekend?" box shows; :func:`method_items` gives a page its list. Pure text,
no Streamlit import; the methods themselves are in :mod:`analysis.stats` and
:mod:`analysis.supply.funnel`.
"""

#: The label of the box that holds the method details on every page.
HOW_COMPUTED = "Hoe berekend?"

#: The one plain sentence that explains "marge" (shown once per page, in the box).
MARGIN_SENTENCE = (
    "De marge laat zien hoe ver het getal door toeval kan afwijken: bij kleine aantallen is hij breed."
)

#: The level of every margin, and what it does not cover.
LEVEL = (
    "Elke marge is een exact 95%-betrouwbaarheidsinterval. Het gaat alleen over toeval in kleine aantallen "
    "en neemt aan dat elk geval los staat van de andere; fouten of verschillen in registreren vallen erbuiten."
)
#: A share whose numerator is part of its denominator (signals that led to an investigation).
SHARE = (
    "Aandelen (zoals het deel van de signalen dat tot een onderzoek leidde): aandeel = k / n, met k een deel "
    "van n. De marge is het exacte Clopper-Pearson-interval uit de binomiale verdeling."
)
#: A rate whose numerator can exceed its denominator (per 100.000 inhabitants, per report).
RATE = (
    "Aantallen per inwoner, per rapportage of per 100 signalen: waarde = k / n (maal 100.000, 1.000 of 100). "
    "De marge is het exacte Garwood-interval voor de teller k uit de Poisson-verdeling "
    "(χ²-kwantielen: χ²(2k; 2,5%)/2 tot χ²(2k+2; 97,5%)/2), gedeeld door n."
)
#: Two groups or two years set against each other.
RATE_RATIO = (
    "Verhoudingen tussen twee groepen of twee jaren: verhouding = (k₁ / n₁) / (k₂ / n₂). De marge is exact "
    "en voorwaardelijk binomiaal: gegeven k₁ + k₂ is k₁ binomiaal verdeeld; het Clopper-Pearson-interval "
    "daarvan wordt omgerekend naar de verhouding. Ligt 1 binnen de marge, dan is er geen duidelijk verschil."
)
#: The log scale of the ratio charts.
LOG_SCALE = (
    "De grafieken met verhoudingen hebben een logaritmische schaal: 2 (een verdubbeling) en 0,5 (een halvering) "
    "liggen even ver van 1 (gelijk)."
)
#: The funnel plot of the page "Aard en omvang".
FUNNEL = (
    "Trechterdiagram: bij elk aantal inwoners het aantal signalen dat je verwacht bij het gemiddelde van "
    "Oost-Nederland, met de exacte Poisson-kwantielen daaromheen. Gestreept: de 95%-grenzen; doorgetrokken: "
    "de 99,8%-grenzen; tussen hele aantallen geïnterpoleerd volgens Spiegelhalter (2005)."
)
#: Within a district cases resemble each other, so the real uncertainty of a group comparison is larger.
CLUSTERS = (
    "Zaken binnen één district lijken op elkaar; de marge van een vergelijking tussen groepen districten is "
    "daarom eerder te smal dan te breed."
)
#: The scenario page: a share of an expectation that has no margin itself.
EXPECTED_SHARE = (
    "Verwacht aantal = landelijke schatting × aandeel van de inwoners (CBS). Zichtbaar deel = geregistreerd "
    "aantal / verwacht aantal. De marge komt van het geregistreerde aantal (exact Garwood-interval uit de "
    "Poisson-verdeling); de landelijke schatting zelf heeft hier geen marge."
)
#: The CoMensHa breakdown on the scenario page.
BREAKDOWN = "Kenmerken van geregistreerde slachtoffers (CoMensHa): aandeel = k / n met een exact Clopper-Pearson-interval."

#: The items of each page's box, by the page's slug (see :mod:`analysis.questions`).
PAGE_METHODS: dict[str, tuple[str, ...]] = {
    "start": (LEVEL, SHARE, RATE),
    "aard-en-omvang": (LEVEL, RATE, FUNNEL),
    "opvolging": (LEVEL, SHARE, RATE),
    "rapportage-interventie": (LEVEL, RATE),
    "casustafels": (LEVEL, RATE, RATE_RATIO, CLUSTERS, LOG_SCALE),
    "onzichtbare-slachtoffers": (LEVEL, EXPECTED_SHARE, BREAKDOWN),
    "ontwikkeling": (LEVEL, RATE_RATIO, LOG_SCALE),
}


def method_items(slug: str) -> tuple[str, ...]:
    """The method details of the page ``slug`` for its "Hoe berekend?" box (empty for a page without margins)."""
    return PAGE_METHODS.get(slug, ())
