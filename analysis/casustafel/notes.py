"""The casustafel page's longer Dutch texts: what the claim can carry, workshop questions, caveats.

Only wording: :mod:`analysis.casustafel.discussion` picks the districts and figures and
decides which of these sentences apply.
"""

from collections.abc import Sequence

from analysis.casustafel.model import CasustafelComparison
from analysis.casustafel.wording import rate_ratio_text
from analysis.dutch import count_noun, fmt_dec, fmt_int, join_words
from analysis.ratios import Ratio

# -- what the dashboard claims, and what the figures carry ------------------------------------

CLAIM = (
    "De toelichting bij het dashboard stelt dat districten die met casustafels werken (via het Zorg- en "
    "Veiligheidshuis of het RIEC) meer bestuurlijke interventies plegen, en dat de partners daar de "
    "samenwerking beter vinden."
)


def absolute_note(
    with_ratio: Ratio, without_ratio: Ratio, n_with: int, n_without: int, *, more: bool, more_districts: bool
) -> str:
    """The claim in absolute numbers, and the same set against the reports.

    ``more``: the districts with a casustafel counted more interventions; ``more_districts``:
    that is also simply because there are more of them.
    """
    head = (
        "In absolute aantallen lijkt dat te kloppen" if more else "Zelfs in absolute aantallen klopt dat niet"
    )
    text = (
        f"{head}: de {n_with} districten met een casustafel telden samen {fmt_int(with_ratio.numerator)} "
        f"interventies, de {n_without} zonder {fmt_int(without_ratio.numerator)}."
    )
    if more_districts:
        text += f" Maar {n_with} districten tellen vanzelf meer op dan {n_without}."
    return text + (
        " Zet je de interventies af tegen de rapportages, dan komen de districten met een casustafel op "
        f"{with_ratio.value_text()} en die zonder op {without_ratio.value_text()} per rapportage."
    )


def care_note(care: CasustafelComparison) -> str:
    """The claim with care trajectories counted as interventions."""
    text = (
        f"Tel je zorgtrajecten als interventie, dan is het {care.with_ratio.value_text()} tegen "
        f"{care.without_ratio.value_text()} per rapportage: verhouding {rate_ratio_text(care)}."
    )
    if care.margin_includes_one:
        text += " Ook dan omvat de marge de 1: een verschil is met deze aantallen niet aan te tonen."
    return text


def few_districts_note(n_with: int, n_without: int) -> str:
    """Why so few districts can only hint."""
    return (
        f"Met {n_with} tegen {n_without} districten is elke uitkomst hoogstens een aanwijzing. Districten "
        "verschillen ook in omvang, aanbod, beleid en registratie, en een casustafel kan even goed het "
        "gevolg zijn van een actieve aanpak als de oorzaak ervan. De cijfers zeggen niet welke interventie "
        "uit een casustafel voortkwam."
    )


def cases_without_meeting(district: str, cases: int | None) -> str:
    """A district in the group 'without' that did discuss cases."""
    return (
        f"{district} hield geen vergadering van de casustafel, maar besprak wel "
        f"{count_noun(cases, 'casus', 'casussen')} (casustafel of RIEC)"
    )


def split_cases(district: str, published: str, cases: int | None) -> str:
    """A district whose cases the dashboard prints as two numbers."""
    return (
        f"bij {district} staat '{published}', vermoedelijk casustafel plus RIEC; de app telt {fmt_int(cases)}"
    )


def impure_note(reasons: Sequence[str]) -> str:
    """Why the groups are not clean, from the reasons above."""
    return "De groepen zijn niet zuiver: " + "; ".join(reasons) + "."


def left_out_note(names: Sequence[str]) -> str:
    """Municipalities without a figure, outside both groups."""
    return (
        f"Gemeenten zonder opgave (?) vallen buiten beide groepen: {join_words(names)}. Hun rapportages "
        "en signalen tellen dan ook niet mee."
    )


# -- questions for the workshop ----------------------------------------------------------------


def prompt_district_with(district: str, meetings: int | None, cases_text: str, outcome: str) -> str:
    """A question for the selected district, which has a casustafel."""
    return (
        f"{district} hield {count_noun(meetings, 'casustafelvergadering', 'casustafelvergaderingen')} en besprak "
        f"{cases_text} casussen; de uitkomst hier: {outcome}. Welke van die interventies "
        "kwamen voort uit een bespreking aan de casustafel?"
    )


def prompt_district_without(district: str, cases: int, outcome: str) -> str:
    """A question for the selected district, which has no casustafel (but may have discussed cases)."""
    also = (
        f", maar besprak wel {count_noun(cases, 'casus', 'casussen')} (casustafel of RIEC),"
        if cases > 0
        else ""
    )
    return (
        f"{district} had geen casustafelvergadering{also} en komt op {outcome}. Hoe worden "
        "zaken daar besproken, en wat zou een vaste casustafel toevoegen?"
    )


def prompt_better_without(without: str, without_text: str, with_: str, with_text: str) -> str:
    """A question when a district without a casustafel scores above one with."""
    return (
        f"Zonder casustafel komt {without} op {without_text}, met casustafel "
        f"komt {with_} op {with_text}. Wat doet {without} "
        "anders, en wat maakt een casustafel dan nog de moeite waard?"
    )


def prompt_impure(district: str, cases: int | None) -> str:
    """A question about a district 'without' that discussed cases all the same."""
    return (
        f"{district} hield geen casustafel, maar besprak wel "
        f"{count_noun(cases, 'casus', 'casussen')}. Waar gebeurde dat, en hoort "
        f"{district} dan wel bij de groep 'zonder'?"
    )


def prompt_care(strict_rate_ratio: float | None, care_rate_ratio: float | None) -> str:
    """A question on whether a care trajectory is an intervention."""
    return (
        "De verhouding tussen districten met en zonder casustafel is "
        f"{fmt_dec(strict_rate_ratio, 2)} zonder zorgtrajecten en {fmt_dec(care_rate_ratio, 2)} met "
        "zorgtrajecten. Is een zorgtraject voor jullie een interventie, en wat betekent "
        "dat voor de uitspraak over casustafels?"
    )


def prompt_total_cases(total: int) -> str:
    """A question on the cases municipalities brought in themselves."""
    return (
        f"Aan de tafels en bij het RIEC zijn {count_noun(total, 'casus', 'casussen')} besproken. Hoeveel "
        "daarvan brachten gemeenten zelf in, en wat is nodig om dat vaker te doen?"
    )


def casustafel_caveats() -> list[str]:
    """What to keep in mind when comparing districts with and without a casustafel, in the app's own words."""
    return [
        "Een casustafel is een overleg waar partners (politie, OM, gemeenten, zorg, RIEC) concrete zaken "
        "samen bespreken. Het dashboard telt per district de vergaderingen en de besproken casussen, niet "
        "wat eruit voortkwam.",
        "De verhouding met / zonder casustafel deelt de waarde van de ene groep door die van de andere. De "
        "marge gaat ervan uit dat elke interventie los staat van de andere; zaken binnen één district "
        "lijken op elkaar, dus de echte onzekerheid is groter.",
        "Een groep 'zonder casustafel' van twee districten is geen controlegroep: de districten zijn niet "
        "door loting ingedeeld en verschillen op veel meer punten.",
        "Bron: Dashboard mensenhandel Oost-Nederland (tabellen en toelichting); de uitleg is eigen tekst.",
    ]
