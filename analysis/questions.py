"""The question registry: every page of the app, the question it asks, and its place in the workshop.

This is the one list of questions. Navigation (``streamlit_app.py``), the workshop route and
presentation order, the topics of the trend view, the page headers, the werksessie figures
and the tests' page lists all derive from it. Adding a question means one entry here plus
one file in ``pages/`` named after its slug.

Pure data: no Streamlit import, so tests and notebooks can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis.indicators import CARE, INTERVENTIONS

#: Navigation sections, in the order the sidebar shows them.
SECTION_HOME = "Ketendialoog"
SECTION_QUESTIONS = "Vragen"
SECTION_DATA = "Data"
SECTION_SESSION = "Werksessie"
SECTIONS: tuple[str, ...] = (SECTION_HOME, SECTION_QUESTIONS, SECTION_DATA, SECTION_SESSION)

#: The app's name: the browser tab and the start page's title outside presentation mode.
APP_TITLE = "Ketendialoog mensenhandel Oost-Nederland"

#: The slug of the start page: it lives at the root of the app.
START = "start"


@dataclass(frozen=True)
class Question:
    """One page of the app and the question it answers.

    ``slug`` is the page's address and the name of its file in ``pages/`` (the start page is
    served at the root). ``route_minutes`` is None for a page off the workshop route.
    ``estimate`` names the figure a werksessie can let the room estimate on this question
    (a key of ``analysis.werksessie.published_figures``); ``trend_topic`` and
    ``trend_indicators`` are its topic in the trend view and the year comparison.
    ``view`` is the dotted path of the function that computes what the page shows, and
    ``wording`` the module that words it (both are checked by ``tests/analysis/test_questions.py``).
    """

    slug: str
    title: str
    label: str
    icon: str
    section: str
    view: str
    wording: str
    purpose: str = ""
    route_minutes: int | None = None
    note: str = ""
    estimate: str | None = None
    trend_topic: str | None = None
    trend_indicators: tuple[str, ...] = ()

    @property
    def page_file(self) -> str:
        """The page file, relative to the repository root: ``pages/<slug>.py``."""
        return f"pages/{self.slug}.py"

    @property
    def url_path(self) -> str:
        """The page's address: its slug, or the root for the start page."""
        return "" if self.slug == START else self.slug

    @property
    def on_route(self) -> bool:
        """True for a question on the workshop route."""
        return self.route_minutes is not None


QUESTIONS: tuple[Question, ...] = (
    Question(
        slug=START,
        title="Waar hebben we het over?",
        label="Start",
        icon=":material/home:",
        section=SECTION_HOME,
        view="analysis.summary.start_view",
        wording="analysis.summary",
        purpose="Doel van de sessie, de keten in één beeld.",
        route_minutes=5,
        note="Laat de twee ketens zien en vraag: waar in de keten zit jouw organisatie? Spreek af dat cijfers "
        "het gesprek openen, niet afsluiten. Let op: de interventies zijn een ondergrens.",
    ),
    Question(
        slug="aard-en-omvang",
        title="Wat is de aard en omvang?",
        label="Aard en omvang",
        icon=":material/travel_explore:",
        section=SECTION_QUESTIONS,
        view="analysis.supply.supply_overview",
        wording="analysis.supply.wording",
        purpose="Advertenties, controles en signalen per gemeente; wat is veel, wat is toeval?",
        route_minutes=15,
        note="Begin met de trechter: wat ligt er echt buiten de grenzen? Vraag de politie naar registratie op "
        "de vestigingsplaats (Arnhem, Enschede) en gemeenten naar hun eigen beeld. Let op dat advertenties "
        "geen personen zijn.",
        estimate="signalen",
        trend_topic="Aard en omvang",
        trend_indicators=("seksadvertenties", "prostitutiecontroles", "bestuurlijke_rapportages", "signalen"),
    ),
    Question(
        slug="opvolging",
        title="Krijgen signalen de juiste opvolging?",
        label="Opvolging van signalen",
        icon=":material/gavel:",
        section=SECTION_QUESTIONS,
        view="analysis.followup.followup_view",
        wording="analysis.followup",
        purpose="Van signaal naar onderzoek naar het OM, per district.",
        route_minutes=15,
        note="Laat de marges spreken: bij 18 of 25 signalen zegt een verschil van enkele procenten weinig. "
        "Vraag OM en politie wat 'onderzoek van enige omvang' betekent, en waarom het OM meer verdachten telt "
        "dan onderzoeken.",
        estimate="onderzoek",
        trend_topic="Opvolging",
        trend_indicators=("signalen", "strafrechtelijke_onderzoeken", "instroom_om"),
    ),
    Question(
        slug="rapportage-interventie",
        title="Volgt op een bestuurlijke rapportage een interventie?",
        label="Van rapportage naar interventie",
        icon=":material/assignment_turned_in:",
        section=SECTION_QUESTIONS,
        view="analysis.interventions.intervention_view",
        wording="analysis.interventions.wording",
        purpose="Per gemeente: rapportages tegenover interventies, en waar een opgave ontbreekt.",
        route_minutes=15,
        note="Houd de twee lijsten uit elkaar: 'geen interventie' is iets anders dan 'geen opgave'. Vraag "
        "gemeenten zonder opgave (?) wat nodig is om volgend jaar wel cijfers te leveren. Zet de "
        "zorgtrajecten-schakelaar samen om.",
        estimate="interventies",
        trend_topic="Rapportage en interventie",
        trend_indicators=("bestuurlijke_rapportages", *INTERVENTIONS, CARE),
    ),
    Question(
        slug="casustafels",
        title="Maakt een casustafel verschil?",
        label="Casustafels",
        icon=":material/groups:",
        section=SECTION_QUESTIONS,
        view="analysis.casustafel.casustafel_view",
        wording="analysis.casustafel.wording",
        purpose="Districten met en zonder casustafel naast elkaar, en wat vijf districten kunnen dragen.",
        route_minutes=10,
        note="De toelichting zegt dat casustafels meer opleveren; de cijfers laten geen duidelijk verschil "
        "zien. Vraag naar ervaringen, niet naar bewijs. Wissel tussen de verhoudingen en laat zien hoe de "
        "conclusie meebeweegt.",
        trend_topic="Casustafels",
        trend_indicators=("casustafel_vergaderingen", "casustafel_casus", "bestuurlijke_rapportages", CARE),
    ),
    Question(
        slug="onzichtbare-slachtoffers",
        title="Hoeveel slachtoffers zien we niet?",
        label="Onzichtbare slachtoffers",
        icon=":material/visibility_off:",
        section=SECTION_QUESTIONS,
        view="analysis.scenario.scenario_page",
        wording="analysis.scenario.wording",
        purpose="Een landelijke schatting naar de regio vertaald, naast wat we registreren.",
        route_minutes=15,
        note="Laat deelnemers eerst zelf een schatting op de schuif zetten en deel de link. Benadruk dat een "
        "signaal geen slachtoffer is. Vraag welke groepen (minderjarigen, onbekende nationaliteit) we het "
        "minst zien.",
        estimate="slachtoffers",
        trend_topic="Onzichtbare slachtoffers",
        trend_indicators=(
            "comensha_slachtoffers",
            "comensha_minderjarig",
            "comensha_nationaliteit_onbekend",
            "b8_aangiftes",
            "signalen",
        ),
    ),
    Question(
        slug="ontwikkeling",
        title="Wat is er veranderd?",
        label="Ontwikkeling sinds 2019",
        icon=":material/trending_up:",
        section=SECTION_QUESTIONS,
        view="analysis.trends.trends_view",
        wording="analysis.trends.wording",
        purpose="De cijfers van elk geladen jaar naast elkaar; afronden met actiepunten.",
        route_minutes=15,
        note="Wijs op de verschillen tussen tekst en tabel en op de andere webcrawler. Sluit af met "
        "actiepunten: wie doet wat voor het volgende dashboard?",
    ),
    Question(
        slug="data",
        title="Wat staat er precies in de cijfers, en waar ontbreekt iets?",
        label="Data en kwaliteit",
        icon=":material/table_view:",
        section=SECTION_DATA,
        view="analysis.blocks.data_view",
        wording="analysis.blocks.wording",
        purpose="Alle tabellen, controles, definities en downloads; om op terug te vallen.",
    ),
    Question(
        slug="nieuw-jaar",
        title="Hoe komen de cijfers van een nieuw jaar erin?",
        label="Nieuw jaar toevoegen",
        icon=":material/upload_file:",
        section=SECTION_DATA,
        view="analysis.year_intake.intake_answer",
        wording="analysis.year_intake",
    ),
    Question(
        slug="werksessie",
        title="Werksessie: schat eerst, dan zien",
        label="Werksessie",
        icon=":material/how_to_vote:",
        section=SECTION_SESSION,
        view="analysis.werksessie.published_figures",
        wording="analysis.werksessie.wording",
    ),
)

#: The page to fall back on during a workshop: listed under the route as "Naslag".
REFERENCE_SLUG = "data"

BY_SLUG: dict[str, Question] = {question.slug: question for question in QUESTIONS}


def question(slug: str) -> Question:
    """The registry entry for ``slug``; a KeyError names the unknown slug."""
    return BY_SLUG[slug]


def for_page(page_file: str | Path) -> Question:
    """The registry entry of a page file (``pages/opvolging.py`` -> ``opvolging``): pages call it with ``__file__``."""
    return question(Path(page_file).stem)


def route() -> tuple[Question, ...]:
    """The questions of the workshop route, in the order the session takes them."""
    return tuple(q for q in QUESTIONS if q.on_route)


def reference() -> Question:
    """The page to fall back on, shown as "Naslag" under the route."""
    return question(REFERENCE_SLUG)


def route_minutes() -> int:
    """Minutes the whole route takes."""
    return sum(q.route_minutes or 0 for q in route())


def route_position(slug: str) -> int | None:
    """The 0-based place of ``slug`` on the route, or None for a page off the route."""
    return next((i for i, q in enumerate(route()) if q.slug == slug), None)


def by_section() -> dict[str, tuple[Question, ...]]:
    """The pages per navigation section, in registry order."""
    return {section: tuple(q for q in QUESTIONS if q.section == section) for section in SECTIONS}


def trend_topics() -> dict[str, tuple[str, ...]]:
    """Each question's topic in the trend view, with the indicators it follows."""
    return {q.trend_topic: q.trend_indicators for q in QUESTIONS if q.trend_topic}


def estimate_keys() -> tuple[str, ...]:
    """The figures a werksessie can estimate, in route order."""
    return tuple(q.estimate for q in route() if q.estimate)


def estimate_question(key: str) -> Question:
    """The question that carries the werksessie figure ``key``."""
    return next(q for q in QUESTIONS if q.estimate == key)
