"""The indicators of the dashboard: codes, clean Dutch labels, sections and definitions.

The published layout names rows with labels that contain spelling slips
("Instream OM (vervolgning)", "anderzins"). Each indicator lists the labels it is
known under; the parser matches on a normalised key, so case, hyphens and spaces
do not matter.
"""

from dataclasses import dataclass

import polars as pl

from analysis.names import name_key

SECTION_SUPPLY = "Zichtbaar aanbod"
SECTION_CRIMINAL = "Opsporing en vervolging"
SECTION_ADMIN = "Bestuurlijke opvolging"
SECTION_AWARENESS = "Bewustwording"
SECTION_CASUSTAFEL = "Casustafels"
SECTION_COMENSHA = "CoMensHa"
SECTION_B8 = "B8 en AZC"

SOURCE_POLICE = "Politie Oost-Nederland (BVH)"
SOURCE_WEBIQ = "Web-IQ, webcrawler (via Veiligheidsnetwerk Oost-Nederland)"
SOURCE_OM = "Openbaar Ministerie Oost-Nederland"
SOURCE_MUNICIPALITIES = "Gemeenten (eigen opgave)"
SOURCE_COMENSHA = "CoMensHa"
DASHBOARD_NAME = "Dashboard mensenhandel Oost-Nederland"
#: The edition whose text and tables the app was built on (its explanatory figures come from it).
SOURCE_DASHBOARD = f"{DASHBOARD_NAME} 2022"


def source_dashboard(year: int) -> str:
    """The dashboard edition of one year, as a source line: ``Dashboard mensenhandel Oost-Nederland 2023``."""
    return f"{DASHBOARD_NAME} {year}"


@dataclass(frozen=True)
class Indicator:
    """One indicator: its code, label, section, unit, definition and source labels."""

    code: str
    label: str
    section: str
    unit: str
    definition: str
    source: str
    source_labels: tuple[str, ...] = ()


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "seksadvertenties",
        "Actieve seksadvertenties",
        SECTION_SUPPLY,
        "advertenties",
        "Unieke online advertenties voor seksuele dienstverlening in het jaar, gevonden "
        "met een webcrawler. Wie op meer sites adverteert telt mogelijk vaker mee, en wat "
        "de crawler niet ziet telt niet mee: een indicatie, geen telling van personen.",
        SOURCE_WEBIQ,
    ),
    Indicator(
        "prostitutiecontroles",
        "Prostitutiecontroles",
        SECTION_SUPPLY,
        "controles",
        "Controles van het Prostitutiecontroleteam van de politie in de sector zonder "
        "vergunning, om illegale prostitutie en signalen van mensenhandel te vinden.",
        SOURCE_POLICE,
    ),
    Indicator(
        "bestuurlijke_rapportages",
        "Bestuurlijke rapportages politie/OM",
        SECTION_SUPPLY,
        "rapportages",
        "Rapportages waarmee politie of OM de gemeente informeren, meestal over de "
        "bevindingen van een controle, zodat de gemeente bestuurlijk kan optreden.",
        SOURCE_POLICE,
    ),
    Indicator(
        "signalen",
        "Signalen mensenhandel",
        SECTION_CRIMINAL,
        "signalen",
        "Registraties in het politiesysteem BVH die op mensenhandel wijzen (seksuele en "
        "criminele uitbuiting, geen arbeidsuitbuiting), naar plaats van uitbuiting. Een "
        "leeg vak betekent dat geen signaal aan die gemeente kon worden gekoppeld.",
        SOURCE_POLICE,
    ),
    Indicator(
        "strafrechtelijke_onderzoeken",
        "Strafrechtelijke onderzoeken",
        SECTION_CRIMINAL,
        "onderzoeken",
        "Signalen die uitmondden in een opsporingsonderzoek van enige omvang: met "
        "bijzondere bevoegdheden of langer dan vijf werkdagen (MRO-registratie).",
        SOURCE_POLICE,
        ("Strafrechtelijke onderzoeken",),
    ),
    Indicator(
        "instroom_om",
        "Instroom OM (vervolging)",
        SECTION_CRIMINAL,
        "verdachten",
        "Zaken waarin het OM in het jaar een afdoeningsbeslissing nam, geteld per "
        "verdachte en naar plaats van uitbuiting; één onderzoek kan dus meer verdachten "
        "tellen.",
        SOURCE_OM,
        ("Instream OM (vervolgning)", "Instroom OM (vervolgning)", "Instroom OM"),
    ),
    Indicator(
        "waarschuwingen",
        "Waarschuwingen",
        SECTION_ADMIN,
        "interventies",
        "Bestuurlijke waarschuwingen door de gemeente.",
        SOURCE_MUNICIPALITIES,
    ),
    Indicator(
        "bestuurlijke_boetes",
        "Bestuurlijke boetes",
        SECTION_ADMIN,
        "interventies",
        "Boetes die de gemeente oplegde.",
        SOURCE_MUNICIPALITIES,
    ),
    Indicator(
        "dwangsommen",
        "Lasten onder dwangsom",
        SECTION_ADMIN,
        "interventies",
        "Lasten onder dwangsom die de gemeente oplegde.",
        SOURCE_MUNICIPALITIES,
        ("Dwangsommen",),
    ),
    Indicator(
        "sluitingen",
        "Sluitingen van panden (bestuursdwang)",
        SECTION_ADMIN,
        "interventies",
        "Panden die met bestuursdwang werden gesloten.",
        SOURCE_MUNICIPALITIES,
        ("Bestuursdwang sluiten pand",),
    ),
    Indicator(
        "interventies_overig",
        "Overige bestuurlijke interventies",
        SECTION_ADMIN,
        "interventies",
        "Andere bestuurlijke maatregelen dan de genoemde.",
        SOURCE_MUNICIPALITIES,
        (
            "Bestuurlijke interventies anderzins",
            "Bestuurlijke interventies anderszins",
        ),
    ),
    Indicator(
        "zorgtrajecten",
        "Uitgezette zorgtrajecten",
        SECTION_ADMIN,
        "trajecten",
        "Zorg- of hulptrajecten die de gemeente in gang zette. Of dit als interventie "
        "telt is een keuze; de app laat die keuze zien.",
        SOURCE_MUNICIPALITIES,
    ),
    Indicator(
        "bewustwording_om",
        "Bewustwordingspresentaties door het OM",
        SECTION_AWARENESS,
        "presentaties",
        "Presentaties van het Openbaar Ministerie om partners alert te maken op mensenhandel.",
        SOURCE_OM,
        ("Openbaar Ministerie",),
    ),
    Indicator(
        "bewustwording_politie",
        "Bewustwordingspresentaties door de politie",
        SECTION_AWARENESS,
        "presentaties",
        "Presentaties van de politie om partners alert te maken op mensenhandel.",
        SOURCE_POLICE,
        ("Politie",),
    ),
    Indicator(
        "casustafel_vergaderingen",
        "Vergaderingen casustafel mensenhandel",
        SECTION_CASUSTAFEL,
        "vergaderingen",
        "Hoe vaak de casustafel mensenhandel in het district bijeenkwam.",
        SOURCE_DASHBOARD,
    ),
    Indicator(
        "casustafel_casus",
        "Besproken casussen (casustafel of RIEC)",
        SECTION_CASUSTAFEL,
        "casussen",
        "Casussen die aan de casustafel of bij het RIEC zijn besproken; waar het "
        "dashboard twee getallen noemt (17+3) is dit hun som.",
        SOURCE_DASHBOARD,
    ),
    Indicator(
        "casustafel_casus_mh",
        "Besproken casussen, eerste getal (casustafel)",
        SECTION_CASUSTAFEL,
        "casussen",
        "Het eerste getal van een cel als 17+3; de kolomkop ('Casustafel of RIEC') "
        "doet vermoeden dat dit de casustafel is. Alleen waar het dashboard splitst.",
        SOURCE_DASHBOARD,
    ),
    Indicator(
        "casustafel_casus_riec",
        "Besproken casussen, tweede getal (RIEC)",
        SECTION_CASUSTAFEL,
        "casussen",
        "Het tweede getal van een cel als 17+3; vermoedelijk het RIEC. Alleen waar het dashboard splitst.",
        SOURCE_DASHBOARD,
    ),
    Indicator(
        "comensha_slachtoffers",
        "Gemelde (unieke) slachtoffers bij CoMensHa",
        SECTION_COMENSHA,
        "slachtoffers",
        "Mogelijke slachtoffers uit Oost-Nederland die bij het landelijk "
        "coördinatiecentrum CoMensHa zijn gemeld, elk één keer geteld.",
        SOURCE_COMENSHA,
        ("Totaal aantal gemelde (unieke) slo", "Totaal aantal gemelde (unieke) slachtoffers"),
    ),
    Indicator(
        "comensha_minderjarig",
        "Minderjarig",
        SECTION_COMENSHA,
        "slachtoffers",
        "Gemelde slachtoffers jonger dan 18 jaar.",
        SOURCE_COMENSHA,
    ),
    Indicator(
        "comensha_meerderjarig",
        "Meerderjarig",
        SECTION_COMENSHA,
        "slachtoffers",
        "Gemelde slachtoffers van 18 jaar of ouder.",
        SOURCE_COMENSHA,
    ),
    Indicator(
        "comensha_man",
        "Man",
        SECTION_COMENSHA,
        "slachtoffers",
        "Gemelde slachtoffers, man.",
        SOURCE_COMENSHA,
    ),
    Indicator(
        "comensha_vrouw",
        "Vrouw",
        SECTION_COMENSHA,
        "slachtoffers",
        "Gemelde slachtoffers, vrouw.",
        SOURCE_COMENSHA,
    ),
    Indicator(
        "comensha_nederlands",
        "Nederlandse nationaliteit",
        SECTION_COMENSHA,
        "slachtoffers",
        "Gemelde slachtoffers met de Nederlandse nationaliteit.",
        SOURCE_COMENSHA,
        ("Nederlands",),
    ),
    Indicator(
        "comensha_niet_nederlands",
        "Andere nationaliteit",
        SECTION_COMENSHA,
        "slachtoffers",
        "Gemelde slachtoffers met een andere nationaliteit.",
        SOURCE_COMENSHA,
        ("Niet-Nederlands",),
    ),
    Indicator(
        "comensha_nationaliteit_onbekend",
        "Nationaliteit onbekend",
        SECTION_COMENSHA,
        "slachtoffers",
        "Het dashboard drukt 'Onbekend' af tussen leeftijd en geslacht. Alleen bij "
        "nationaliteit tellen de delen dan op tot het totaal (19 + 25 + 27 = 71); bij "
        "leeftijd of geslacht zou de som 98 zijn. Daarom hoort 'Onbekend' bij "
        "nationaliteit.",
        SOURCE_COMENSHA,
        ("Onbekend",),
    ),
    Indicator(
        "b8_aangiftes",
        "B8-aangiftes",
        SECTION_B8,
        "aangiftes",
        "Aangiftes van slachtoffers die daarmee in aanmerking komen voor een tijdelijke "
        "verblijfsvergunning (verblijfsregeling mensenhandel, voorheen B8).",
        SOURCE_POLICE,
        ("Totaal per eenheid",),
    ),
    Indicator(
        "b8_azc",
        "B8-aangiftes naar AZC-locatie",
        SECTION_B8,
        "aangiftes",
        "Het dashboard noemt per gemeente met een AZC een aantal. Die aantallen tellen "
        "op tot het totaal aan B8-aangiftes (13), dus ze worden gelezen als de verdeling "
        "van die aangiftes over de AZC-locaties.",
        SOURCE_POLICE,
    ),
)

BY_CODE: dict[str, Indicator] = {ind.code: ind for ind in INDICATORS}

#: The twelve indicators of each district block, in the published order.
DISTRICT_INDICATORS: tuple[str, ...] = (
    "seksadvertenties",
    "prostitutiecontroles",
    "bestuurlijke_rapportages",
    "signalen",
    "strafrechtelijke_onderzoeken",
    "instroom_om",
    "waarschuwingen",
    "bestuurlijke_boetes",
    "dwangsommen",
    "sluitingen",
    "interventies_overig",
    "zorgtrajecten",
)

#: Administrative interventions in the strict sense (care trajectories excluded).
INTERVENTIONS: tuple[str, ...] = (
    "waarschuwingen",
    "bestuurlijke_boetes",
    "dwangsommen",
    "sluitingen",
    "interventies_overig",
)
CARE = "zorgtrajecten"

#: The CoMensHa block, defined once: the total of registered victims ...
COMENSHA_TOTAL = "comensha_slachtoffers"
#: ... the category whose nationality is not known ...
COMENSHA_UNKNOWN = "comensha_nationaliteit_onbekend"
#: ... and each characteristic with its categories, which add up to the total.
COMENSHA_BREAKDOWNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("leeftijd", ("comensha_minderjarig", "comensha_meerderjarig")),
    ("geslacht", ("comensha_man", "comensha_vrouw")),
    ("nationaliteit", ("comensha_nederlands", "comensha_niet_nederlands", COMENSHA_UNKNOWN)),
)
#: The codes in the order the dashboard prints the block (the unknown nationality follows the ages).
COMENSHA_PRINTED: tuple[str, ...] = (
    COMENSHA_TOTAL,
    "comensha_minderjarig",
    "comensha_meerderjarig",
    COMENSHA_UNKNOWN,
    "comensha_man",
    "comensha_vrouw",
    "comensha_nederlands",
    "comensha_niet_nederlands",
)


def comensha_part(code: str) -> str:
    """The characteristic a CoMensHa code breaks down (``leeftijd``…), or ``totaal`` for the total."""
    return next((name for name, codes in COMENSHA_BREAKDOWNS if code in codes), "totaal")


#: Headings in the layout that start a section rather than hold figures.
SECTION_HEADINGS: dict[str, str] = {
    name_key("Zichtbare aanbod seksuele dienstverlening"): SECTION_SUPPLY,
    name_key("Zichtbaar aanbod seksuele dienstverlening"): SECTION_SUPPLY,
    name_key("Opsporing/vervolgning"): SECTION_CRIMINAL,
    name_key("Opsporing/vervolging"): SECTION_CRIMINAL,
    name_key("Opsporing en vervolging"): SECTION_CRIMINAL,
    name_key("Bestuurlijke opvolging"): SECTION_ADMIN,
    name_key("Bewustwordingspresentaties"): SECTION_AWARENESS,
}


def labels_for(codes: tuple[str, ...]) -> dict[str, str]:
    """Map normalised row labels to indicator codes for the given indicators."""
    mapping: dict[str, str] = {}
    for code in codes:
        ind = BY_CODE[code]
        for label in (ind.label, *ind.source_labels):
            mapping[name_key(label)] = code
    return mapping


def indicator_table() -> pl.DataFrame:
    """Return every indicator with its label, section, unit, definition and source."""
    return pl.DataFrame(
        {
            "indicator": [i.code for i in INDICATORS],
            "label": [i.label for i in INDICATORS],
            "sectie": [i.section for i in INDICATORS],
            "eenheid": [i.unit for i in INDICATORS],
            "definitie": [i.definition for i in INDICATORS],
            "bron": [i.source for i in INDICATORS],
        }
    )


def label(code: str) -> str:
    """Return the clean Dutch label of an indicator code."""
    return BY_CODE[code].label
