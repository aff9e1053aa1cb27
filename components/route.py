"""The workshop route: the questions in the order a 90-minute session takes them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RouteStep:
    """One stop on the route: the page file, its question, and the minutes it gets."""

    page: str
    title: str
    question: str
    minutes: int
    purpose: str


ROUTE: tuple[RouteStep, ...] = (
    RouteStep(
        "pages/start.py", "Start", "Waar hebben we het over?", 5, "Doel van de sessie, de keten in één beeld."
    ),
    RouteStep(
        "pages/aard-en-omvang.py",
        "Aard en omvang",
        "Wat is de aard en omvang?",
        15,
        "Advertenties, controles en signalen per gemeente; wat is veel, wat is toeval?",
    ),
    RouteStep(
        "pages/opvolging.py",
        "Opvolging van signalen",
        "Krijgen signalen de juiste opvolging?",
        15,
        "Van signaal naar onderzoek naar het OM, per district.",
    ),
    RouteStep(
        "pages/rapportage-interventie.py",
        "Van rapportage naar interventie",
        "Volgt op een bestuurlijke rapportage een interventie?",
        15,
        "Per gemeente: rapportages tegenover interventies, en waar een opgave ontbreekt.",
    ),
    RouteStep(
        "pages/casustafels.py",
        "Casustafels",
        "Maakt een casustafel verschil?",
        10,
        "Districten met en zonder casustafel naast elkaar, en wat vijf districten kunnen dragen.",
    ),
    RouteStep(
        "pages/onzichtbare-slachtoffers.py",
        "Onzichtbare slachtoffers",
        "Hoeveel slachtoffers zien we niet?",
        15,
        "Een landelijke schatting naar de regio vertaald, naast wat we registreren.",
    ),
    RouteStep(
        "pages/ontwikkeling.py",
        "Ontwikkeling sinds 2019",
        "Wat is er veranderd?",
        15,
        "De cijfers van 2019 en 2022 naast elkaar; afronden met actiepunten.",
    ),
)

REFERENCE_PAGE = RouteStep(
    "pages/data.py",
    "Data en kwaliteit",
    "Wat staat er precies in de cijfers, en waar ontbreekt iets?",
    0,
    "Alle tabellen, controles, definities en downloads; om op terug te vallen.",
)


def total_minutes() -> int:
    """Minutes the whole route takes."""
    return sum(step.minutes for step in ROUTE)
