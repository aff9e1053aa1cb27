"""The longer Dutch texts of the page "Aard en omvang": the answer, the caveats and the discussion prompts.

Like :mod:`analysis.supply.wording`, nothing here computes a figure: :mod:`analysis.supply.view`
picks the areas and figures each text is about and hands them over.
"""

from collections.abc import Sequence

from analysis.dutch import fmt_dec, fmt_int, join_words
from analysis.geography import UNIT
from analysis.parser import AREA_OTHER
from analysis.ratios import Ratio
from analysis.supply.rates import SupplyFigure
from analysis.supply.wording import POLICE_LOCATIONS, Row, rate_text


def answer_text(
    year: int,
    district: str,
    figures: Sequence[SupplyFigure],
    unit_rate: float | None,
) -> str:
    """The page's answer, signals first: ``188 signalen van mensenhandel in Oost-Nederland in 2022: 5,7 ...``.

    ``figures`` are ads, controls and signals; ``unit_rate`` (the unit's signals per
    100.000) is named for a district. Controls per 1.000 ads are left to the controls
    chart, so the sentence stays within 30 words.
    """
    ads, controls, signals = figures
    where = "Oost-Nederland" if district == UNIT else district
    first = f"{signals.count_text()} signalen van mensenhandel in {where} in {year}: {signals.rate_text()} inwoners"
    if district != UNIT:
        first += f" (heel Oost-Nederland: {rate_text(unit_rate)})"
    return (
        f"{first}. Er stonden {ads.count_text()} seksadvertenties online en er waren "
        f"{controls.count_text()} prostitutiecontroles."
    )


def caveats(ads_note: str) -> list[str]:
    """The caveats of the page in the app's own words; ``ads_note`` is added when it is not empty."""
    items = [
        "Signalen worden geteld naar de plaats waar de uitbuiting plaatsvond. Lukte het niet die plaats vast "
        "te leggen, dan staat het signaal alleen bij Overig of in het totaal; de gemeente zelf krijgt het "
        "dan niet. Per gemeente zijn de signalen dus eerder te laag dan te hoog.",
        "Zulke signalen zonder duidelijke pleegplaats worden vaak geboekt op de plek waar de politie zit: "
        f"{join_words(POLICE_LOCATIONS)}. Daar vallen de aantallen dus waarschijnlijk te hoog uit; een "
        "hoge plek in de trechter is daar eerst een vraag over registratie.",
        "Een leeg vak bij signalen is geen nul: er kon geen signaal aan die gemeente worden gekoppeld. "
        "Grijs met 'leeg' in de grafieken, geen streepje of nul.",
        "Advertenties zijn een aanwijzing voor het zichtbare online aanbod, geen telling van mensen: wie op "
        "meer sites adverteert kan vaker meetellen, en wat de webcrawler niet vindt telt niet mee.",
        "De advertenties van 2022 komen van de webcrawler van Web-IQ, die van 2019 van de crawler van de "
        "politie. Een verschil met 2019 kan dus ook aan de andere zoekmachine liggen.",
        "Prostitutiecontroles zijn controles in de sector zonder vergunning; weinig controles bij veel "
        "advertenties zegt iets over de inzet, niet per se over het aanbod.",
        "De trechter gaat uit van signalen die los van elkaar ontstaan. Registratie-effecten en gemeenten van "
        "heel verschillende aard maken een punt buiten de trechter tot een gespreksvraag, geen oordeel.",
    ]
    if ads_note:
        items.append(ads_note)
    items.append(
        "Bron van deze kanttekeningen: de toelichting bij het Dashboard mensenhandel Oost-Nederland."
    )
    return items


def prompt_above(above: Sequence[Row]) -> str:
    """The prompt on the areas above the funnel (at least one), highest rate first."""
    if len(above) == 1:
        top = above[0]
        text = (
            f"{top['gebied']} ligt met {top['aantal_tekst']} ({rate_text(top['per_100k'])} per 100.000; "
            f"bij het gemiddelde van Oost-Nederland zouden het er {fmt_dec(top['verwacht'], 1)} zijn) "
            f"{top['positie']}. "
        )
    else:
        parts = [
            f"{r['gebied']} ({fmt_int(r['waarde'])} op {fmt_int(r['inwoners'])}; {rate_text(r['per_100k'])} per "
            f"100.000, verwacht {fmt_dec(r['verwacht'], 1)})"
            for r in above
        ]
        text = f"{join_words(parts)} liggen {above[0]['positie']}. "
    police = [r["gebied"] for r in above if r["gebied"] in POLICE_LOCATIONS]
    if police:
        return text + (
            f"In {join_words(police)} is de politie gevestigd, en signalen zonder bekende pleegplaats worden "
            "vaak daar geregistreerd. Hoeveel van deze signalen gaan echt over uitbuiting ter plaatse?"
        )
    return text + "Wat verklaart dat: meer uitbuiting, meer oog ervoor, of de manier van registreren?"


def prompt_highest(district: str, top: Row) -> str:
    """The prompt when no area lies above the funnel: the highest area of ``district``."""
    return (
        f"Geen gebied in {district} ligt boven de trechter; het hoogste is {top['gebied']} met "
        f"{top['aantal_tekst']} ({rate_text(top['per_100k'])} per 100.000). Herkennen jullie "
        "dat beeld, of is het verschil met de rest toeval?"
    )


def prompt_below(low: Row) -> str:
    """The prompt on the largest area below the funnel."""
    who = (
        f"{low['gebied']} (de gemeenten zonder eigen kolom)"
        if low["gebiedstype"] == AREA_OTHER
        else low["gebied"]
    )
    return (
        f"{who} ligt met {low['aantal_tekst']} ({rate_text(low['per_100k'])} per 100.000; verwacht "
        f"{fmt_dec(low['verwacht'], 1)}) {low['positie']}. Worden signalen hier gemist, of komen ze "
        "terecht bij de plaats waar de politie zit?"
    )


def prompt_shortfall(low: Row, unit_ratio: Ratio) -> str:
    """The prompt on the area with the largest shortfall of controls against the unit's ``unit_ratio``."""
    if low["teller"] == 0:
        what = f"{fmt_int(low['noemer'])} advertenties en geen enkele controle"
    else:
        what = f"{low['verhouding_tekst']} ({low['per_1000_tekst']})"
    return (
        f"{low['gebied']} heeft veel advertenties en weinig controles: {what}; bij het gemiddelde van "
        f"Oost-Nederland ({unit_ratio.value_text()}) zouden het er ongeveer {fmt_int(low['verwacht'])} "
        "zijn. Waar kiest het controleteam zijn plekken, en wat zou een controle hier opleveren?"
    )


def prompt_empty(areas: Sequence[str], ads: Sequence[int | None]) -> str:
    """The prompt on the areas whose signals cell is empty, with their ``ads``."""
    return (
        f"Bij {join_words(areas)} is het vak voor signalen leeg (geen signaal te koppelen), "
        f"terwijl daar wel {join_words(fmt_int(a) for a in ads)} advertenties stonden. Hoe zorgen we dat de "
        "plaats van uitbuiting wordt vastgelegd, zodat ook deze gemeenten in beeld komen?"
    )


def prompt_silent(quiet: Row) -> str:
    """The prompt on an area with many ads and not a single control."""
    return (
        f"{quiet['gebied']}: {fmt_int(quiet['noemer'])} advertenties en geen enkele controle. "
        "Is daar geen aanbod zonder vergunning, of komt het controleteam er niet aan toe?"
    )
