"""The data page: the tidy table back in the published blocks, the status of every cell, and its quality.

The published dashboard prints wide blocks (one column per municipality). The app keeps
one tidy row per figure; this module turns those rows back into the wide blocks for
display, with an empty cell, ``?`` and ``-`` kept visible as the text ``leeg``, ``?`` and
``-`` so that nothing missing can be read as 0. It also counts the statuses, summarises
where figures are missing, and writes the answer sentence and the discussion prompts of
the page *Data en kwaliteit*. Pure Python: no Streamlit.
"""

from dataclasses import dataclass

import polars as pl

from analysis.checks import (
    APPROXIMATELY,
    DIFFERS,
    KIND_DISTRICT_SUM,
    KIND_TEXT,
    KIND_UNIT_SUM,
    LOWER_BOUND,
    OK,
    consistency_checks,
)
from analysis.dataset import Tables
from analysis.dutch import count_noun, fmt_int, fmt_pct
from analysis.geography import NETHERLANDS_POPULATION, UNIT, population_year
from analysis.indicators import BY_CODE, DISTRICT_INDICATORS, INDICATORS, indicator_table, label
from analysis.parser import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    AREA_TOTAL,
    EMPTY,
    NOT_APPLICABLE,
    NOT_REPORTED,
    REPORTED,
    STATUS_MARK,
    STATUSES,
)

#: How each status is written in a displayed cell: the number itself, or a visible mark.
STATUS_TEXT: dict[str, str] = {status: mark for status, mark in STATUS_MARK.items() if mark}

#: Short Dutch names of the statuses, used in filters and tables (and safe in a link).
STATUS_NAMES: dict[str, str] = {
    REPORTED: "gerapporteerd",
    EMPTY: "leeg",
    NOT_REPORTED: "niet gerapporteerd",
    NOT_APPLICABLE: "niet van toepassing",
}


@dataclass(frozen=True)
class StatusExplanation:
    """One status as the legend explains it: its code, how it looks, a title and the meaning."""

    status: str
    mark: str
    title: str
    meaning: str


#: The legend of the four statuses, in the app's own words.
STATUS_LEGEND: tuple[StatusExplanation, ...] = (
    StatusExplanation(
        REPORTED,
        "een getal",
        "Getal: gerapporteerd",
        "Het aantal zoals het dashboard het noemt. Ook 0 is een echte opgave: er is geteld en er was niets.",
    ),
    StatusExplanation(
        EMPTY,
        "leeg",
        "Leeg vak",
        "Er kon geen signaal aan deze gemeente worden gekoppeld, meestal omdat de plaats van uitbuiting "
        "niet vast te stellen was. Zulke signalen zitten in 'Overig' of in het totaal. Een leeg vak is "
        "dus niet 0.",
    ),
    StatusExplanation(
        NOT_REPORTED,
        "?",
        "?: niet gerapporteerd",
        "De gemeente heeft geen opgave gedaan. Het echte aantal is onbekend; elk totaal waarin zo'n vak "
        "zit is een ondergrens ('minstens').",
    ),
    StatusExplanation(
        NOT_APPLICABLE,
        "-",
        "-: niet van toepassing",
        "Het dashboard vindt dit cijfer hier niet van toepassing. Ook dit is geen 0.",
    ),
)

SECTION_ORDER: tuple[str, ...] = tuple(dict.fromkeys(ind.section for ind in INDICATORS))
AREA_TYPES: tuple[str, ...] = (AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL)

AWARENESS = ("bewustwording_om", "bewustwording_politie")
COMENSHA_ORDER: tuple[tuple[str, str], ...] = (
    ("comensha_slachtoffers", "totaal"),
    ("comensha_minderjarig", "leeftijd"),
    ("comensha_meerderjarig", "leeftijd"),
    ("comensha_nationaliteit_onbekend", "nationaliteit"),
    ("comensha_man", "geslacht"),
    ("comensha_vrouw", "geslacht"),
    ("comensha_nederlands", "nationaliteit"),
    ("comensha_niet_nederlands", "nationaliteit"),
)
COMENSHA_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("leeftijd", ("comensha_minderjarig", "comensha_meerderjarig")),
    ("geslacht", ("comensha_man", "comensha_vrouw")),
    ("nationaliteit", ("comensha_nederlands", "comensha_niet_nederlands")),
)
COMENSHA_UNKNOWN = "comensha_nationaliteit_onbekend"


def cell_text(value: int | None, status: str) -> str:
    """Write one cell as the dashboard shows it: ``29.764``, ``leeg``, ``?`` or ``-``."""
    if status == REPORTED:
        return fmt_int(value)
    return STATUS_TEXT[status]


def _lower_first(text: str) -> str:
    """Lower-case a label for use inside a sentence, but keep 'B8-aangiftes' and 'OM' as they are."""
    if len(text) > 1 and (text[1].isupper() or text[1].isdigit()):
        return text
    return text[:1].lower() + text[1:]


def _join(names: list[str]) -> str:
    """Join names the Dutch way: 'a', 'a en b', 'a, b en c'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def district_order(tidy: pl.DataFrame) -> list[str]:
    """The five districts in the order the dashboard prints their blocks."""
    return (
        tidy.filter(
            pl.col("gebiedstype") == AREA_TOTAL,
            pl.col("indicator") == DISTRICT_INDICATORS[0],
            pl.col("district") != UNIT,
        )["district"]
        .unique(maintain_order=True)
        .to_list()
    )


# -- the tidy table on screen ------------------------------------------------


def tidy_view(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the tidy table for display: label, section, the cell as shown, and the status by name.

    Columns: ``district, gebied, gebiedstype, sectie, indicator, code, weergave, status``.
    ``weergave`` is the Dutch number or the mark ``leeg`` / ``?`` / ``-``, so a missing
    value can never look like 0.
    """
    return tidy.select(
        "district",
        "gebied",
        "gebiedstype",
        pl.col("indicator").replace_strict({c: i.section for c, i in BY_CODE.items()}).alias("sectie"),
        pl.col("indicator").replace_strict({c: i.label for c, i in BY_CODE.items()}).alias("indicator"),
        pl.col("indicator").alias("code"),
        pl.Series(
            "weergave",
            [cell_text(v, s) for v, s in zip(tidy["waarde"], tidy["status"], strict=True)],
            dtype=pl.String,
        ),
        pl.col("status").replace_strict(STATUS_NAMES).alias("status"),
    )


@dataclass(frozen=True)
class FilterOptions:
    """The choices offered by the filters of the tidy table, in a meaningful order."""

    districts: list[str]
    area_types: list[str]
    sections: list[str]
    statuses: list[str]


def filter_options(tidy: pl.DataFrame) -> FilterOptions:
    """Return the filter choices: districts (published order, then the unit), area types, sections, statuses."""
    present = set(tidy["indicator"].unique())
    sections = [s for s in SECTION_ORDER if any(BY_CODE[c].section == s for c in present)]
    return FilterOptions(
        districts=[*district_order(tidy), UNIT],
        area_types=[t for t in AREA_TYPES if t in set(tidy["gebiedstype"].unique())],
        sections=sections,
        statuses=[STATUS_NAMES[s] for s in STATUSES],
    )


def filter_view(
    view: pl.DataFrame,
    *,
    districts: list[str] | None = None,
    area_types: list[str] | None = None,
    sections: list[str] | None = None,
    statuses: list[str] | None = None,
) -> pl.DataFrame:
    """Filter the displayed tidy table; an empty or missing choice means 'all'.

    ``statuses`` uses the Dutch names of :data:`STATUS_NAMES` (as shown in the table).
    """
    conditions = [
        pl.col(column).is_in(chosen)
        for column, chosen in (
            ("district", districts),
            ("gebiedstype", area_types),
            ("sectie", sections),
            ("status", statuses),
        )
        if chosen
    ]
    return view.filter(*conditions) if conditions else view


# -- counts, answer and prompts ----------------------------------------------


def status_counts(tidy: pl.DataFrame) -> dict[str, int]:
    """Count the cells per status, in the order of the four statuses (zeros included)."""
    counts = dict(tidy.group_by("status").len().iter_rows())
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def _counts_phrase(counts: dict[str, int]) -> str:
    return (
        f"{fmt_int(counts[REPORTED])} gerapporteerd, {count_noun(counts[EMPTY], 'leeg vak', 'lege vakken')}, "
        f"{fmt_int(counts[NOT_REPORTED])} keer '?' en {fmt_int(counts[NOT_APPLICABLE])} keer '-'"
    )


def data_answer(tidy: pl.DataFrame, checks: pl.DataFrame) -> str:
    """One sentence: how many figures the table holds, by status, and how many checks hold."""
    counts = status_counts(tidy)
    year = int(tidy["jaar"][0])
    held = checks.filter(pl.col("uitkomst") == OK).height
    return (
        f"De tabel telt {fmt_int(tidy.height)} cijfers over {year}: {_counts_phrase(counts)}; "
        f"{fmt_int(held)} van {fmt_int(checks.height)} controles kloppen."
    )


def district_sentence(tidy: pl.DataFrame, district: str) -> str | None:
    """For a chosen district, the same count as the answer; ``None`` for the whole unit."""
    if district == UNIT:
        return None
    own = tidy.filter(pl.col("district") == district)
    return f"In {district} gaat het om {fmt_int(own.height)} cijfers: {_counts_phrase(status_counts(own))}."


def missing_overview(tidy: pl.DataFrame) -> pl.DataFrame:
    """Where the table has no number: per district (and the unit) and status, how many cells and which areas.

    Columns: ``district, status, teken, aantal, etiket, gebieden, indicatoren`` (``etiket``
    is a chart label such as ``12 × ?``). Only combinations
    that occur are listed; districts in published order, then the unit.
    """
    order = {d: i for i, d in enumerate([*district_order(tidy), UNIT])}
    missing = tidy.filter(pl.col("status") != REPORTED)
    rows = []
    for (district, status), part in missing.group_by("district", "status", maintain_order=True):
        rows.append(
            {
                "district": district,
                "status": STATUS_NAMES[status],
                "teken": STATUS_TEXT[status],
                "aantal": part.height,
                "etiket": f"{fmt_int(part.height)} × {STATUS_TEXT[status]}",
                "gebieden": ", ".join(part["gebied"].unique(maintain_order=True).to_list()),
                "indicatoren": ", ".join(label(c) for c in part["indicator"].unique(maintain_order=True)),
            }
        )
    schema = {
        "district": pl.String,
        "status": pl.String,
        "teken": pl.String,
        "aantal": pl.Int64,
        "etiket": pl.String,
        "gebieden": pl.String,
        "indicatoren": pl.String,
    }
    frame = pl.DataFrame(rows, schema=schema)
    status_rank = {STATUS_NAMES[s]: i for i, s in enumerate(STATUSES)}
    return frame.sort(
        pl.col("district").replace_strict(order, default=len(order)),
        pl.col("status").replace_strict(status_rank),
    )


def missing_title(overview: pl.DataFrame) -> str:
    """The finding of the missing-cells chart, e.g. where the '?' sit."""
    unknown = overview.filter(pl.col("teken") == "?")
    if unknown.is_empty():
        return "Waar de tabel geen getal heeft: geen enkele '?'"
    return (
        f"Waar de tabel geen getal heeft: de {fmt_int(unknown['aantal'].sum())} keer '?' "
        f"zitten in {_join(unknown['district'].to_list())}"
    )


def _scope(tidy: pl.DataFrame, district: str) -> pl.DataFrame:
    return tidy if district == UNIT else tidy.filter(pl.col("district") == district)


def _unknown_prompt(tidy: pl.DataFrame, district: str) -> str:
    scope = _scope(tidy, district)
    unknown = scope.filter(pl.col("status") == NOT_REPORTED)
    where = "Oost-Nederland" if district == UNIT else district
    if unknown.is_empty():
        elsewhere = tidy.filter(pl.col("status") == NOT_REPORTED)
        if elsewhere.is_empty():
            return (
                f"In {where} gaf elke gemeente een opgave van de bestuurlijke opvolging. Hoe houden we "
                "dat volgend jaar zo?"
            )
        names = _join(elsewhere["gebied"].unique(maintain_order=True).to_list())
        return (
            f"In {where} gaf elke gemeente een opgave van de bestuurlijke opvolging; elders staat "
            f"{fmt_int(elsewhere.height)} keer '?' ({names}). Wat kunnen andere districten leren van "
            f"hoe {where} de opgave verzamelt?"
        )
    names = unknown["gebied"].unique(maintain_order=True).to_list()
    codes = unknown["indicator"].unique(maintain_order=True).to_list()
    totals = scope.filter(
        pl.col("gebiedstype") == AREA_TOTAL,
        pl.col("district") == (UNIT if district == UNIT else district),
        pl.col("indicator").is_in(codes),
        pl.col("status") == REPORTED,
    ).sort("waarde", descending=True, maintain_order=True)
    biggest = totals.row(0, named=True) if not totals.is_empty() else None
    total_text = ""
    if biggest is not None:
        total_text = (
            f" Het totaal van {where} aan {_lower_first(label(biggest['indicator']))} is daardoor "
            f"minstens {fmt_int(biggest['waarde'])}, niet precies {fmt_int(biggest['waarde'])}."
        )
    verb = "gaven" if len(names) > 1 else "gaf"
    return (
        f"{_join(names)} {verb} voor {count_noun(len(codes), 'indicator', 'indicatoren')} geen opgave "
        f"('?', {fmt_int(unknown.height)} vakken).{total_text} Wat deden deze gemeenten in "
        f"{int(tidy['jaar'][0])} wel, en wat is nodig om de opgave volgend jaar compleet te krijgen?"
    )


def _text_prompt(checks: pl.DataFrame) -> str | None:
    differs = checks.filter(pl.col("soort") == KIND_TEXT, pl.col("uitkomst") == DIFFERS)
    if differs.is_empty():
        return None
    text = _join(
        [
            f"{fmt_int(r['waarde_a'])} {_lower_first(label(r['indicator']))}"
            for r in differs.iter_rows(named=True)
        ]
    )
    table = _join([fmt_int(v) for v in differs["waarde_b"]])
    plural = differs.height > 1
    return (
        f"De toelichting van het dashboard noemt {text}, de {'tabellen' if plural else 'tabel'} "
        f"{table}. Welk getal is juist, en wie past {'de andere' if plural else 'het andere'} aan?"
    )


def _sum_prompt(checks: pl.DataFrame, district: str) -> str | None:
    differs = checks.filter(
        pl.col("soort").is_in([KIND_UNIT_SUM, KIND_DISTRICT_SUM]), pl.col("uitkomst") == DIFFERS
    )
    if district != UNIT:
        own = differs.filter(pl.col("gebied") == district)
        differs = own if not own.is_empty() else differs
    if differs.is_empty():
        return None
    row = differs.row(0, named=True)
    return (
        f"Het gepubliceerde totaal aan {_lower_first(label(row['indicator']))} voor {row['gebied']} is "
        f"{fmt_int(row['waarde_a'])}, de delen tellen op tot {fmt_int(row['waarde_b'])}. Een tikfout of een "
        "bewuste correctie: wie stelt de totalen vast, en hoe controleren we ze voor publicatie?"
    )


def _empty_prompt(tidy: pl.DataFrame, district: str) -> str | None:
    empty = _scope(tidy, district).filter(pl.col("status") == EMPTY)
    if empty.is_empty():
        return None
    code = empty["indicator"][0]
    names = empty.filter(pl.col("indicator") == code)["gebied"].to_list()
    return (
        f"Bij {_lower_first(label(code))} is het vak leeg voor {_join(names)}: daar kon geen signaal aan "
        "de gemeente worden gekoppeld. Speelt er daar niets, of wordt de plaats van uitbuiting niet "
        "vastgelegd en telt het signaal mee in 'Overig'?"
    )


def _dash_prompt(tidy: pl.DataFrame, district: str) -> str | None:
    scope = _scope(tidy, district)
    dash = scope.filter(pl.col("status") == NOT_APPLICABLE)
    if dash.is_empty():
        return None
    row = dash.row(0, named=True)
    total = tidy.filter(
        pl.col("district") == row["district"],
        pl.col("gebied") == row["district"],
        pl.col("indicator") == row["indicator"],
    )
    total_text = ""
    if not total.is_empty() and total["status"][0] == REPORTED:
        total_text = f", terwijl het totaal van {row['district']} {fmt_int(total['waarde'][0])} is"
    return (
        f"Bij {_lower_first(label(row['indicator']))} staat voor {row['gebied']} een '-' (niet van "
        f"toepassing){total_text}. Wat betekent 'niet van toepassing' hier: had er 0 of '?' moeten staan?"
    )


def quality_prompts(tidy: pl.DataFrame, checks: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four workshop questions generated from the data quality of the selection.

    Where a '?' hides the answer, which text figure differs from the table, where a
    published total differs from its parts, and what an empty cell or '-' means.
    """
    if district == UNIT:
        candidates = [
            _unknown_prompt(tidy, district),
            _text_prompt(checks),
            _sum_prompt(checks, district),
            _empty_prompt(tidy, district),
            _dash_prompt(tidy, district),
        ]
    else:
        candidates = [
            _unknown_prompt(tidy, district),
            _empty_prompt(tidy, district),
            _dash_prompt(tidy, district),
            _text_prompt(checks),
            _sum_prompt(checks, district),
        ]
    return [p for p in candidates if p][:4]


# -- the published blocks ----------------------------------------------------


@dataclass(frozen=True)
class PublishedBlock:
    """One block of the published dashboard, wide as printed, with a note in the app's words."""

    title: str
    table: pl.DataFrame
    note: str
    detail: pl.DataFrame | None = None


def _cell_map(rows: pl.DataFrame) -> dict[tuple[str, str], str]:
    return {
        (r["gebied"], r["indicator"]): cell_text(r["waarde"], r["status"]) for r in rows.iter_rows(named=True)
    }


def district_block(tidy: pl.DataFrame, district: str) -> pl.DataFrame:
    """Return a district block as printed: one row per indicator, one column per municipality, Overig, Totaal.

    Cells are text: the Dutch number, or ``leeg`` / ``?`` / ``-``. The section comes last.
    """
    rows = tidy.filter(pl.col("district") == district, pl.col("indicator").is_in(DISTRICT_INDICATORS))
    areas = rows.select("gebied", "gebiedstype").unique(maintain_order=True)
    columns = {
        r["gebied"]: (
            "Overig"
            if r["gebiedstype"] == AREA_OTHER
            else "Totaal"
            if r["gebiedstype"] == AREA_TOTAL
            else r["gebied"]
        )
        for r in areas.iter_rows(named=True)
    }
    cells = _cell_map(rows)
    data: dict[str, list[str]] = {"Indicator": [label(c) for c in DISTRICT_INDICATORS]}
    for area, column in columns.items():
        data[column] = [cells.get((area, c), "") for c in DISTRICT_INDICATORS]
    data["Sectie"] = [BY_CODE[c].section for c in DISTRICT_INDICATORS]
    return pl.DataFrame(data)


def unit_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the block 'Totaal eenheid ONL': every unit total, including the awareness presentations."""
    codes = (*DISTRICT_INDICATORS, *AWARENESS)
    cells = _cell_map(tidy.filter(pl.col("district") == UNIT, pl.col("indicator").is_in(codes)))
    return pl.DataFrame(
        {
            "Indicator": [label(c) for c in codes],
            "Totaal": [cells.get((UNIT, c), "") for c in codes],
            "Sectie": [BY_CODE[c].section for c in codes],
        }
    )


def casustafel_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the casustafel block: meetings and cases per district, with a split cell such as ``17+3`` kept."""
    rows = tidy.filter(pl.col("indicator").str.starts_with("casustafel_"))
    cells = _cell_map(rows)
    districts = rows["district"].unique(maintain_order=True).to_list()
    printed, total = [], []
    for d in districts:
        first, second = cells.get((d, "casustafel_casus_mh")), cells.get((d, "casustafel_casus_riec"))
        whole = cells.get((d, "casustafel_casus"), "")
        printed.append(f"{first}+{second}" if first is not None and second is not None else whole)
        total.append(whole)
    return pl.DataFrame(
        {
            "District": districts,
            "Vergaderingen casustafel": [cells.get((d, "casustafel_vergaderingen"), "") for d in districts],
            "Casussen (casustafel of RIEC), zoals gedrukt": printed,
            "Casussen, opgeteld": total,
        }
    )


def _unit_value(tidy: pl.DataFrame, code: str) -> int | None:
    found = tidy.filter(pl.col("district") == UNIT, pl.col("indicator") == code)
    return None if found.is_empty() else found["waarde"][0]


def comensha_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the CoMensHa block in the printed order, with the breakdown each row belongs to."""
    present = [(c, part) for c, part in COMENSHA_ORDER if _unit_value(tidy, c) is not None]
    cells = _cell_map(tidy.filter(pl.col("district") == UNIT))
    return pl.DataFrame(
        {
            "Indicator": [label(c) for c, _ in present],
            "Totaal": [cells[(UNIT, c)] for c, _ in present],
            "Hoort bij": [part for _, part in present],
        }
    )


def comensha_breakdowns(tidy: pl.DataFrame) -> pl.DataFrame:
    """Show why 'Onbekend' belongs to nationality: each breakdown's sum with and without it.

    Columns: ``Uitsplitsing, Delen, Som van de delen, Met 'Onbekend' erbij, Totaal``.
    Only the breakdown whose sum reaches the total with 'Onbekend' added takes it.
    """
    total = _unit_value(tidy, "comensha_slachtoffers")
    unknown = _unit_value(tidy, COMENSHA_UNKNOWN)
    rows = []
    for name, parts in COMENSHA_PARTS:
        values = [_unit_value(tidy, c) for c in parts]
        if total is None or unknown is None or any(v is None for v in values):
            continue
        summed = sum(v for v in values if v is not None)
        rows.append(
            {
                "Uitsplitsing": name,
                "Delen": " + ".join(fmt_int(v) for v in values),
                "Som van de delen": fmt_int(summed),
                "Met 'Onbekend' erbij": fmt_int(summed + unknown),
                "Totaal": fmt_int(total),
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            k: pl.String
            for k in ("Uitsplitsing", "Delen", "Som van de delen", "Met 'Onbekend' erbij", "Totaal")
        },
    )


def comensha_note(tidy: pl.DataFrame) -> str:
    """Explain, from the figures, why 'Onbekend' is read as 'nationality unknown'."""
    total = _unit_value(tidy, "comensha_slachtoffers")
    unknown = _unit_value(tidy, COMENSHA_UNKNOWN)
    if total is None or unknown is None:
        return "CoMensHa noemt dit jaar geen aantal 'Onbekend'."
    complete, needs_unknown = [], []
    for name, parts in COMENSHA_PARTS:
        values = [_unit_value(tidy, c) for c in parts]
        if any(v is None for v in values):
            continue
        summed = sum(v for v in values if v is not None)
        shown = " + ".join(fmt_int(v) for v in values)
        if summed == total:
            complete.append(f"{name} ({shown})")
        elif summed + unknown == total:
            needs_unknown.append(f"{name} ({shown} + {fmt_int(unknown)})")
    if len(needs_unknown) != 1:
        return (
            f"'Onbekend' ({fmt_int(unknown)}) is niet eenduidig aan één uitsplitsing toe te wijzen; "
            "de app toont het getal zoals gedrukt."
        )
    return (
        f"Het dashboard zet 'Onbekend' ({fmt_int(unknown)}) tussen leeftijd en geslacht. Maar "
        f"{_join(complete)} {'komen' if len(complete) > 1 else 'komt'} zonder 'Onbekend' al uit op "
        f"{fmt_int(total)}; alleen {needs_unknown[0]} komt pas mét 'Onbekend' op {fmt_int(total)}. "
        "Daarom leest de app 'Onbekend' als nationaliteit onbekend."
    )


def b8_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the B8 declarations of the unit and their spread over the AZC locations, with the sum."""
    azc = tidy.filter(pl.col("indicator") == "b8_azc")
    total = _unit_value(tidy, "b8_aangiftes")
    areas = ["Totaal per eenheid (B8-aangiftes)"] + [f"AZC {g}" for g in azc["gebied"]]
    districts = [UNIT, *azc["district"].to_list()]
    values = [cell_text(total, REPORTED) if total is not None else ""] + [
        cell_text(v, s) for v, s in zip(azc["waarde"], azc["status"], strict=True)
    ]
    areas.append("Som over de AZC-locaties")
    districts.append(UNIT)
    values.append(fmt_int(azc["waarde"].sum()) if not azc.is_empty() else "")
    return pl.DataFrame({"Regel": areas, "District": districts, "Aantal": values})


def b8_note(tidy: pl.DataFrame, checks: pl.DataFrame) -> str:
    """Say whether the AZC locations add up to the B8 total, and what the text says."""
    azc = tidy.filter(pl.col("indicator") == "b8_azc")
    total = _unit_value(tidy, "b8_aangiftes")
    if total is None:
        return "Dit jaar noemt het dashboard geen B8-aangiftes."
    summed = int(azc["waarde"].sum()) if not azc.is_empty() else 0
    same = "gelijk aan" if summed == total else "niet gelijk aan"
    sentence = (
        f"De {fmt_int(azc.height)} AZC-locaties tellen op tot {fmt_int(summed)}, {same} het totaal van "
        f"{fmt_int(total)} B8-aangiftes; daarom leest de app ze als de verdeling van die aangiftes."
    )
    text = checks.filter(pl.col("soort") == KIND_TEXT, pl.col("indicator") == "b8_aangiftes")
    if not text.is_empty() and text["uitkomst"][0] == DIFFERS:
        sentence += f" De toelichting noemt {fmt_int(text['waarde_a'][0])}; de app toont beide."
    return sentence


def published_blocks(tidy: pl.DataFrame, checks: pl.DataFrame) -> list[PublishedBlock]:
    """Every block of the published dashboard, as a wide table with a short note."""
    blocks = []
    for district in district_order(tidy):
        table = district_block(tidy, district)
        marks = status_counts(
            tidy.filter(pl.col("district") == district, pl.col("indicator").is_in(DISTRICT_INDICATORS))
        )
        missing = [
            f"{fmt_int(marks[s])} keer '{STATUS_TEXT[s]}'"
            for s in (EMPTY, NOT_REPORTED, NOT_APPLICABLE)
            if marks[s]
        ]
        note = (
            f"Gemeenten die het dashboard apart noemt, dan 'Overig' (de rest van {district}) en het totaal. "
            + (f"Zonder getal: {_join(missing)}." if missing else "Elk vak heeft een getal.")
            + (
                " Een totaal in een rij met '?' is een ondergrens: minstens het getal dat er staat."
                if marks[NOT_REPORTED]
                else ""
            )
        )
        blocks.append(PublishedBlock(district, table, note))
    unit = tidy.filter(pl.col("district") == UNIT, pl.col("indicator").is_in(AWARENESS))
    who = {"bewustwording_om": "OM", "bewustwording_politie": "politie"}
    awareness = ", ".join(
        f"{who[r['indicator']]} {cell_text(r['waarde'], r['status'])}" for r in unit.iter_rows(named=True)
    )
    blocks.append(
        PublishedBlock(
            "Totaal eenheid",
            unit_block(tidy),
            "De totalen van de hele eenheid zoals gedrukt, niet opnieuw opgeteld"
            + (f", met de bewustwordingspresentaties ({awareness})." if awareness else "."),
        )
    )
    blocks.append(
        PublishedBlock(
            "Casustafels",
            casustafel_block(tidy),
            "Een cel als '17+3' noemt twee aantallen; de kolomkop doet vermoeden: eerst de casustafel, dan "
            "het RIEC. De app rekent met de som en bewaart beide delen.",
        )
    )
    blocks.append(
        PublishedBlock(
            "CoMensHa", comensha_block(tidy), comensha_note(tidy), detail=comensha_breakdowns(tidy)
        )
    )
    blocks.append(PublishedBlock("B8 en AZC's", b8_block(tidy), b8_note(tidy, checks)))
    return blocks


# -- population ----------------------------------------------------------------


def population_overview(population: pl.DataFrame, year: int) -> pl.DataFrame:
    """Inhabitants per district, the unit and the Netherlands on 1 January (CBS 37259), formatted Dutch.

    Columns: ``Gebied, Gemeenten, Inwoners 1 januari <y1>, Inwoners 1 januari <y2>, Aandeel van
    Nederland <year>``. The share uses the population year nearest to ``year``.
    """
    years = sorted(int(c.removeprefix("inwoners_")) for c in population.columns if c.startswith("inwoners_"))
    share_year = population_year(population, year)
    per_district = population.group_by("district", maintain_order=True).agg(
        pl.len().alias("n"), *[pl.col(f"inwoners_{y}").sum() for y in years]
    )
    rows = [
        (r["district"], r["n"], {y: r[f"inwoners_{y}"] for y in years})
        for r in per_district.iter_rows(named=True)
    ]
    rows.append((UNIT, population.height, {y: int(population[f"inwoners_{y}"].sum()) for y in years}))
    national = {y: NETHERLANDS_POPULATION.get(y) for y in years}
    out = {
        "Gebied": [r[0] for r in rows] + ["Nederland"],
        "Gemeenten": [fmt_int(r[1]) for r in rows] + ["–"],
    }
    for y in years:
        out[f"Inwoners 1 januari {y}"] = [fmt_int(r[2][y]) for r in rows] + [fmt_int(national[y])]
    nl = NETHERLANDS_POPULATION.get(share_year)
    out[f"Aandeel van Nederland {share_year}"] = [
        fmt_pct(r[2][share_year] / nl) if nl else "–" for r in rows
    ] + [fmt_pct(1.0) if nl else "–"]
    return pl.DataFrame(out)


def population_sentence(population: pl.DataFrame, year: int) -> str:
    """One sentence on the unit's size: inhabitants, municipalities and share of the Netherlands."""
    pop_year = population_year(population, year)
    unit = int(population[f"inwoners_{pop_year}"].sum())
    nl = NETHERLANDS_POPULATION.get(pop_year)
    share = f", {fmt_pct(unit / nl)} van Nederland ({fmt_int(nl)})" if nl else ""
    return (
        f"Op 1 januari {pop_year} woonden in de {fmt_int(population.height)} gemeenten van Oost-Nederland "
        f"{fmt_int(unit)} mensen{share}."
    )


def population_municipalities(population: pl.DataFrame) -> pl.DataFrame:
    """The municipalities of the unit with their inhabitants, numbers written the Dutch way."""
    ordered = population.sort("district", "gemeente")
    years = [c for c in ordered.columns if c.startswith("inwoners_")]
    return pl.DataFrame(
        {
            "Gemeente": ordered["gemeente"],
            "CBS-code": ordered["gemeentecode"],
            "Provincie": ordered["provincie"],
            "District": ordered["district"],
            **{
                f"Inwoners 1 januari {c.removeprefix('inwoners_')}": [fmt_int(v) for v in ordered[c]]
                for c in years
            },
        }
    )


# -- consistency checks on screen ------------------------------------------------

OUTCOME_ORDER: tuple[str, ...] = (DIFFERS, LOWER_BOUND, APPROXIMATELY, OK)


def outcome_options(checks: pl.DataFrame) -> list[str]:
    """The outcomes that occur, the ones that need attention first."""
    present = set(checks["uitkomst"].unique())
    return [o for o in OUTCOME_ORDER if o in present]


def checks_view(checks: pl.DataFrame, outcomes: list[str] | None = None) -> pl.DataFrame:
    """The consistency checks for display, numbers written the Dutch way; optionally only some outcomes.

    Columns: ``Uitkomst, Onderwerp, Getal A, Getal B, Verschil (A - B), Wat is A, Wat is B,
    Toelichting, Soort, Gebied``. An empty or missing ``outcomes`` means all.
    """
    chosen = checks.filter(pl.col("uitkomst").is_in(outcomes)) if outcomes else checks

    def dutch(column: str) -> list[str]:
        return [fmt_int(v) for v in chosen[column]]

    columns = {
        "Uitkomst": chosen["uitkomst"],
        "Onderwerp": chosen["onderwerp"],
        "Getal A": dutch("waarde_a"),
        "Getal B": dutch("waarde_b"),
        "Verschil": dutch("verschil"),
        "Wat is A": chosen["omschrijving_a"],
        "Wat is B": chosen["omschrijving_b"],
        "Toelichting": chosen["toelichting"],
        "Soort": chosen["soort"],
        "Gebied": chosen["gebied"],
    }
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


@dataclass(frozen=True)
class DataView:
    """Everything the data page shows for one year, apart from the downloads (made on request)."""

    checks: pl.DataFrame
    answer: str
    district_sentence: str | None
    status_counts: dict[str, int]
    missing: pl.DataFrame
    missing_display: pl.DataFrame
    missing_title: str
    district_order: list[str]
    tidy_view: pl.DataFrame
    options: FilterOptions
    blocks: list[PublishedBlock]
    population_sentence: str
    population_overview: pl.DataFrame
    population_municipalities: pl.DataFrame
    indicators: pl.DataFrame
    prompts: list[str]


def data_view(tables: Tables, year: int, district: str = UNIT) -> DataView:
    """The data page of ``year`` (its population year follows ``year``) with ``district`` named."""
    tidy, population = tables.tidy, tables.population
    checks = consistency_checks(tidy, tables.context)
    missing = missing_overview(tidy)
    return DataView(
        checks=checks,
        answer=data_answer(tidy, checks),
        district_sentence=district_sentence(tidy, district),
        status_counts=status_counts(tidy),
        missing=missing,
        missing_display=missing.select("district", "status", "teken", "aantal", "gebieden", "indicatoren"),
        missing_title=missing_title(missing),
        district_order=district_order(tidy),
        tidy_view=tidy_view(tidy),
        options=filter_options(tidy),
        blocks=published_blocks(tidy, checks),
        population_sentence=population_sentence(population, year),
        population_overview=population_overview(population, year),
        population_municipalities=population_municipalities(population),
        indicators=indicator_table(),
        prompts=quality_prompts(tidy, checks, district),
    )


def checks_shown(tables: Tables, outcomes: tuple[str, ...] = ()) -> pl.DataFrame:
    """The year's consistency checks for display (``checks_view``), only ``outcomes`` if any are given."""
    return checks_view(consistency_checks(tables.tidy, tables.context), list(outcomes))
