"""Texts of the page 'Nieuw jaar toevoegen' that come from the data: what the app has, and prompts.

Pure wording, no store: the saved years themselves live in the database (``storage.years``).
"""

import polars as pl

from analysis.dutch import fmt_int, join_words, lower_first
from analysis.geography import UNIT
from analysis.headlines import fitting
from analysis.indicators import label
from analysis.parser import AREA_TOTAL, NOT_REPORTED, REPORTED
from analysis.trends import SOURCE_CHANGES


def intake_answer(bundled: list[int], saved: list[int], session: list[int]) -> str:
    """The page's answer (at most 30 words): which years the app has, and how a new one gets in."""

    def years(values: list[int]) -> str:
        return join_words(str(v) for v in sorted(values))

    parts = [f"{years(bundled)} (meegeleverd)"] if bundled else []
    if saved:
        parts.append(f"{years(saved)} (opgeslagen voor iedereen)")
    if session:
        parts.append(f"{years(session)} (alleen in jouw sessie)")
    have = join_words(parts) or "nog geen jaar"
    return fitting(
        f"De app heeft tabellen van {have}. Plak of upload een nieuw jaar: de app controleert het, toont een "
        "voorbeeld, en je kunt het gebruiken en opslaan.",
        f"De app heeft tabellen van {have}. Plak of upload hieronder een nieuw jaar.",
    )


def paste_findings_text(message: str) -> str:
    """Word a whole-file message for pasted text: 'Het bestand' becomes 'De geplakte tekst'."""
    for old, new in (
        ("Het bestand is leeg: er staat niets in.", "Er is niets geplakt."),
        ("Het bestand bevat geen leesbare tekst", "De geplakte tekst is geen leesbare tekst"),
        ("Het bestand is ", "De geplakte tekst is "),
        ("het bestand", "de geplakte tekst"),
    ):
        message = message.replace(old, new)
    return message


def intake_prompts(tidy: pl.DataFrame, next_year: int) -> list[str]:
    """Two or three workshop prompts about delivering next year's figures, from the latest year's gaps."""
    year = int(tidy["jaar"][0])
    missing = tidy.filter(pl.col("status") == NOT_REPORTED)
    prompts = []
    if not missing.is_empty():
        areas = (
            missing.group_by("gebied", maintain_order=True)
            .agg(pl.len().alias("n"))
            .sort("n", descending=True)
        )
        named = areas["gebied"].head(4).to_list()
        listed = join_words(named)
        prompts.append(
            f"In {year} staat er bij {fmt_int(missing.height)} vakken een '?' (geen opgave), vooral bij {listed}. "
            f"Wie zorgt dat die cijfers er in {next_year} wel zijn, en wat is daarvoor nodig?"
        )
    prompts.append(
        f"Wie levert de tabellen van {next_year} aan, en wanneer? Spreek af wie het sjabloon invult, wie de "
        "controles van de app naloopt en wie de beheersleutel heeft."
    )
    prompts.append(
        "Veranderen er definities of bronnen (zoals in 2022 de webcrawler van Web-IQ in plaats van die van de "
        "politie)? Schrijf dat dan bij de cijfers, zodat een stijging of daling niet verkeerd wordt gelezen."
    )
    return prompts[:4]


def intake_caveats() -> list[str]:
    """What to keep in mind when adding a year; the example of a changed source comes from the data."""
    change = SOURCE_CHANGES[0] if SOURCE_CHANGES else None
    example = (
        f" (zoals {change.after} voor {lower_first(label(change.indicator))} vanaf {change.year})"
        if change
        else ""
    )
    return [
        "De app neemt de cijfers over zoals je ze aanlevert en verbetert niets. Een totaal dat niet klopt met zijn "
        "delen is een waarschuwing, geen fout: zo kan het ook in het dashboard staan.",
        "Een jaar voor jouw sessie is alleen in deze browser zichtbaar en verdwijnt als je de pagina herlaadt. "
        "Een gedeelde link met dat jaar werkt bij een ander dus niet.",
        "Opgeslagen jaren staan op de server buiten de broncode, met wie (welk soort organisatie) ze toevoegde "
        "en wanneer. Een opgeslagen jaar vervangen kan alleen een beheerder.",
        f"Verandert een bron of definitie{example}, dan vergelijkt de app de jaren toch; zet het erbij in het "
        "gesprek.",
    ]


def paste_placeholder(tidy: pl.DataFrame) -> str:
    """An example of pasted tables, from the first lines of the latest year's first district block.

    ``IJSSELLAND<tab>Kampen<tab>Steenwijkerland<tab>…<tab>Overig<tab>Totaal`` and below it the first
    indicator with its first two counts, so the example always matches the loaded data.
    """
    districts = tidy.filter(pl.col("district") != UNIT)
    if districts.is_empty():
        return ""
    first = districts.row(0, named=True)
    block = districts.filter(
        pl.col("district") == first["district"], pl.col("indicator") == first["indicator"]
    )
    areas = block.filter(pl.col("gebiedstype") != AREA_TOTAL)
    names = areas["gebied"].head(2).to_list()
    counts = [
        fmt_int(v) if status == REPORTED else "?"
        for v, status in zip(
            areas["waarde"].head(2).to_list(), areas["status"].head(2).to_list(), strict=True
        )
    ]
    header = "\t".join([first["district"].upper(), *names, "…", "Overig", "Totaal"])
    row = "\t".join([label(first["indicator"]), *counts, "…"])
    return f"{header}\n{row}"
