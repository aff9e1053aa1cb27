"""The workshop route: the questions in the order a 90-minute session takes them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RouteStep:
    """One stop on the route: the page file, its question, the minutes it gets, and a facilitator note."""

    page: str
    title: str
    question: str
    minutes: int
    purpose: str
    note: str = ""

    @property
    def url_path(self) -> str:
        """The page's address: its file name (the start page lives at the root)."""
        name = self.page.removeprefix("pages/").removesuffix(".py")
        return "" if name == "start" else name


ROUTE: tuple[RouteStep, ...] = (
    RouteStep(
        "pages/start.py",
        "Start",
        "Waar hebben we het over?",
        5,
        "Doel van de sessie, de keten in één beeld.",
        "Laat de twee ketens zien en vraag: waar in de keten zit jouw organisatie? Spreek af dat cijfers het "
        "gesprek openen, niet afsluiten. Let op: de interventies zijn een ondergrens.",
    ),
    RouteStep(
        "pages/aard-en-omvang.py",
        "Aard en omvang",
        "Wat is de aard en omvang?",
        15,
        "Advertenties, controles en signalen per gemeente; wat is veel, wat is toeval?",
        "Begin met de trechter: wat ligt er echt buiten de grenzen? Vraag de politie naar registratie op de vestigingsplaats (Arnhem, Enschede) en gemeenten naar hun eigen beeld. Let op dat advertenties geen personen zijn.",
    ),
    RouteStep(
        "pages/opvolging.py",
        "Opvolging van signalen",
        "Krijgen signalen de juiste opvolging?",
        15,
        "Van signaal naar onderzoek naar het OM, per district.",
        "Laat de marges spreken: bij 18 of 25 signalen zegt een verschil van enkele procenten weinig. Vraag OM en politie wat 'onderzoek van enige omvang' betekent, en waarom het OM meer verdachten telt dan onderzoeken.",
    ),
    RouteStep(
        "pages/rapportage-interventie.py",
        "Van rapportage naar interventie",
        "Volgt op een bestuurlijke rapportage een interventie?",
        15,
        "Per gemeente: rapportages tegenover interventies, en waar een opgave ontbreekt.",
        "Houd de twee lijsten uit elkaar: 'geen interventie' is iets anders dan 'geen opgave'. Vraag gemeenten zonder opgave (?) wat nodig is om volgend jaar wel cijfers te leveren. Zet de zorgtrajecten-schakelaar samen om.",
    ),
    RouteStep(
        "pages/casustafels.py",
        "Casustafels",
        "Maakt een casustafel verschil?",
        10,
        "Districten met en zonder casustafel naast elkaar, en wat vijf districten kunnen dragen.",
        "De toelichting zegt dat casustafels meer opleveren; de cijfers laten geen duidelijk verschil zien. Vraag naar ervaringen, niet naar bewijs. Wissel tussen de verhoudingen en laat zien hoe de conclusie meebeweegt.",
    ),
    RouteStep(
        "pages/onzichtbare-slachtoffers.py",
        "Onzichtbare slachtoffers",
        "Hoeveel slachtoffers zien we niet?",
        15,
        "Een landelijke schatting naar de regio vertaald, naast wat we registreren.",
        "Laat deelnemers eerst zelf een schatting op de schuif zetten en deel de link. Benadruk dat een signaal geen slachtoffer is. Vraag welke groepen (minderjarigen, onbekende nationaliteit) we het minst zien.",
    ),
    RouteStep(
        "pages/ontwikkeling.py",
        "Ontwikkeling sinds 2019",
        "Wat is er veranderd?",
        15,
        "De cijfers van 2019 en 2022 naast elkaar; afronden met actiepunten.",
        "Wijs op de verschillen tussen tekst en tabel (32 of 22 onderzoeken) en op de andere webcrawler. Sluit af met actiepunten: wie doet wat voor het volgende dashboard?",
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
