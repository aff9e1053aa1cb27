"""Werksessie: checks on participants' texts, estimate statistics, and the session report.

Pure Python (no Streamlit, no database). The page and the store hand plain values in;
everything a participant typed is treated as plain text and escaped in every report.
"""

from __future__ import annotations

import csv
import html
import io
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import polars as pl

from analysis.dutch import fmt_dec, fmt_int, fmt_pct
from analysis.followup import CHAIN_SOURCE
from analysis.geography import UNIT
from analysis.indicators import SOURCE_DASHBOARD
from analysis.links import inert_markdown
from analysis.questions import estimate_keys, estimate_question
from analysis.ratios import chain_ratio
from analysis.scenario import SCENARIO_SOURCE, run_scenario

# ---------------------------------------------------------------------------
# Limits and vocabulary
# ---------------------------------------------------------------------------

#: Organisation types a participant may choose (optional).
ORG_TYPES: tuple[str, ...] = ("politie", "OM", "gemeente", "RIEC", "zorg/hulpverlening", "CoMensHa", "anders")
#: Label used when a participant did not choose an organisation type.
NO_ORG = "onbekend"
#: Longest observation or action point, in characters.
MAX_TEXT_CHARS = 500
#: Longest session title.
MAX_TITLE_CHARS = 120
#: Posts allowed per browser session within the window below.
RATE_LIMIT_POSTS = 5
RATE_LIMIT_WINDOW_S = 30.0
#: Most sessions in one database, most notes (observations + action points) per session.
MAX_SESSIONS = 500
MAX_NOTES_PER_SESSION = 2000
#: Most estimates per session (every participant, every question, every round).
MAX_ESTIMATES_PER_SESSION = 5000

KIND_OBSERVATION = "observatie"
KIND_ACTION = "actiepunt"

PRIVACY_NOTICE = (
    "Deel hier geen persoonsgegevens en geen casusdetails: geen namen, geboortedata, BSN's, "
    "telefoonnummers, e-mailadressen of details waarmee iemand te herkennen is. Je bijdrage is anoniem; "
    "alleen het type organisatie dat je zelf kiest wordt getoond."
)

# ---------------------------------------------------------------------------
# Validation of participants' texts
# ---------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A Dutch phone number: 0 + nine digits, or +31 / 0031 + nine digits; spaces, dots and dashes allowed.
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[\s.\-()]{0,2}\d){9}(?!\d)")
# Nine digits, written together or in groups (1234.56.782, 123 456 782).
_NINE_DIGITS = re.compile(r"(?<![\d.\-])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?![\d])")
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
# A year that can be a year of birth (not a recent reporting year) and any year at all.
_BIRTH_YEAR = r"(?:19\d{2}|20(?:0\d|1[0-5]))"
_ANY_YEAR = r"(?:19|20)\d{2}"


def _date_pattern(year: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]{year}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+{year}|{year}-\d{{1,2}}-\d{{1,2}})\b",
        re.IGNORECASE,
    )


_BIRTH_DATE = _date_pattern(_BIRTH_YEAR)
_DATE = _date_pattern(_ANY_YEAR)
_BIRTH_WORD = re.compile(r"\b(?:geboren|geb\.|geboortedatum|gebdat|dob|leeftijd)", re.IGNORECASE)
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|el|al|da|di|le|la|bin|ben)"
_NAME = re.compile(
    rf"\b(?:(?:dhr|mevr|mw|mr|mevrouw|meneer)\.?\s+[A-Z]\w+|[A-Z][a-zà-ÿ]+(?:\s+{_PARTICLES})*\s+[A-Z][a-zà-ÿ]+)"
)
#: Characters that are refused: control characters (except newline and tab) and invisible format
#: characters such as bidi overrides and zero-width marks.
_ALLOWED_CONTROL = {"\n", "\t", "\r"}


def passes_eleven_test(digits: str) -> bool:
    """True when nine digits pass the Dutch 11-proef for a BSN (and are not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def personal_data_reasons(text: str) -> list[str]:
    """What in ``text`` looks like personal data, as Dutch phrases ('een e-mailadres'); empty when nothing."""
    reasons: list[str] = []
    if _EMAIL.search(text):
        reasons.append("een e-mailadres")
    if _PHONE.search(text):
        reasons.append("een telefoonnummer")
    if any(passes_eleven_test(re.sub(r"\D", "", m.group(1))) for m in _NINE_DIGITS.finditer(text)):
        reasons.append("een nummer dat op een BSN lijkt")
    if (_BIRTH_DATE.search(text) and _NAME.search(text)) or (_DATE.search(text) and _BIRTH_WORD.search(text)):
        reasons.append("een naam met een (geboorte)datum")
    return reasons


@dataclass(frozen=True)
class TextCheck:
    """The outcome of checking a text: the cleaned text when accepted, a Dutch message when refused."""

    ok: bool
    text: str
    message: str = ""


def _has_hidden_characters(text: str) -> bool:
    return any(
        (unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch not in _ALLOWED_CONTROL) for ch in text
    )


def check_text(text: str | None, *, max_chars: int = MAX_TEXT_CHARS, what: str = "Je tekst") -> TextCheck:
    """Check a participant's text: not empty, not too long, no hidden characters, no personal data.

    The text is trimmed and normalised (NFC); line endings become ``\\n``.
    """
    cleaned = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not cleaned:
        return TextCheck(False, "", f"{what} is leeg.")
    if len(cleaned) > max_chars:
        return TextCheck(
            False,
            cleaned,
            f"{what} is {fmt_int(len(cleaned))} tekens lang; het maximum is {fmt_int(max_chars)}. Maak hem korter.",
        )
    if _has_hidden_characters(cleaned):
        return TextCheck(
            False,
            cleaned,
            f"{what} bevat onzichtbare stuurtekens (bijvoorbeeld tekens die de leesrichting omdraaien). "
            "Typ de tekst opnieuw zonder te plakken.",
        )
    reasons = personal_data_reasons(cleaned)
    if reasons:
        found = " en ".join(reasons) if len(reasons) <= 2 else ", ".join(reasons[:-1]) + " en " + reasons[-1]
        return TextCheck(
            False,
            cleaned,
            f"{what} lijkt persoonsgegevens te bevatten ({found}). Deel geen gegevens waarmee iemand te "
            "herkennen is; beschrijf het patroon in algemene woorden.",
        )
    return TextCheck(True, cleaned)


def check_org_type(org_type: str | None) -> str:
    """The organisation type if it is one of ORG_TYPES, otherwise the 'unknown' label."""
    return org_type if org_type in ORG_TYPES else NO_ORG


def rate_limited(post_times: Sequence[float], now: float) -> bool:
    """True when a browser session already posted RATE_LIMIT_POSTS times within the window before ``now``."""
    recent = [t for t in post_times if now - t < RATE_LIMIT_WINDOW_S]
    return len(recent) >= RATE_LIMIT_POSTS


def recent_posts(post_times: Sequence[float], now: float) -> list[float]:
    """The post times still inside the rate-limit window (to keep in the session)."""
    return [t for t in post_times if now - t < RATE_LIMIT_WINDOW_S]


RATE_LIMIT_MESSAGE = (
    f"Je hebt in korte tijd al {RATE_LIMIT_POSTS} bijdragen geplaatst. Wacht even "
    f"(maximaal {int(RATE_LIMIT_WINDOW_S)} seconden) en probeer het dan opnieuw; je tekst blijft staan."
)

# ---------------------------------------------------------------------------
# The published figures participants estimate
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A published figure to estimate: the question, its value, the counts behind it, its source and page."""

    key: str
    question: str
    unit: str  # "aantal", "procent" or "per 100"
    value: float
    value_text: str
    counts_text: str
    source: str
    page: str
    low: float = 0.0
    high: float = 1000.0
    note: str = ""

    def format(self, value: float | None) -> str:
        """A value in this figure's unit, Dutch formatting."""
        if value is None:
            return "–"
        if self.unit == "procent":
            return fmt_pct(value / 100)
        if self.unit == "per 100":
            return fmt_int(value) + " per 100"
        return fmt_int(value)


#: Keys of the figures a facilitator may choose, in the order of the route.
FIGURE_KEYS: tuple[str, ...] = estimate_keys()
FIGURE_LABELS: dict[str, str] = {
    "signalen": "Signalen van mensenhandel",
    "onderzoek": "Aandeel signalen met een strafrechtelijk onderzoek",
    "interventies": "Interventies per 100 bestuurlijke rapportages",
    "slachtoffers": "Verwachte slachtoffers in Oost-Nederland",
}


def session_area(districts: Sequence[str]) -> str:
    """The area a session's figures describe: its one district, or the whole unit."""
    return districts[0] if len(districts) == 1 and districts[0] != UNIT else UNIT


def published_figures(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, area: str = UNIT
) -> dict[str, Figure]:
    """The figures participants can estimate, for ``area`` (a district or the unit), from the published tables."""
    year = int(tidy["jaar"][0])
    where = "Oost-Nederland" if area == UNIT else f"district {area}"
    district = None if area == UNIT else area
    followup = chain_ratio(tidy, "onderzoeken_per_signaal", district=district)
    interventions = chain_ratio(tidy, "interventies_per_rapportage", district=district)
    scenario = run_scenario(tidy, population, context)
    left_out = (
        "Zonder " + ", ".join(interventions.left_out) + " (geen opgave)." if interventions.left_out else ""
    )
    return {
        "signalen": Figure(
            "signalen",
            f"Hoeveel signalen van mensenhandel registreerde de politie in {year} in {where}?",
            "aantal",
            float(followup.denominator),
            fmt_int(followup.denominator),
            f"{fmt_int(followup.denominator)} geregistreerde signalen",
            CHAIN_SOURCE,
            estimate_question("signalen").slug,
            0,
            1000,
        ),
        "onderzoek": Figure(
            "onderzoek",
            f"Welk deel van de signalen in {where} leidde in {year} tot een strafrechtelijk onderzoek?",
            "procent",
            followup.value * 100,
            fmt_pct(followup.value),
            f"{followup.counts_text()} (95%-marge {fmt_pct(followup.lower)} tot {fmt_pct(followup.upper)})",
            CHAIN_SOURCE,
            estimate_question("onderzoek").slug,
            0,
            100,
        ),
        "interventies": Figure(
            "interventies",
            f"Hoeveel bestuurlijke interventies volgden in {year} in {where} op 100 bestuurlijke rapportages?",
            "per 100",
            interventions.value * 100,
            fmt_int(interventions.value * 100) + " per 100",
            interventions.counts_text(),
            SOURCE_DASHBOARD + " (gemeenten, eigen opgave)",
            estimate_question("interventies").slug,
            0,
            400,
            left_out,
        ),
        "slachtoffers": Figure(
            "slachtoffers",
            "Hoeveel slachtoffers van mensenhandel zijn er naar verwachting per jaar in Oost-Nederland?",
            "aantal",
            scenario.expected_unit,
            fmt_int(scenario.expected_unit),
            f"landelijke schatting {fmt_int(scenario.national_estimate)} × inwonersaandeel "
            f"{fmt_pct(scenario.region_share)}",
            SCENARIO_SOURCE,
            estimate_question("slachtoffers").slug,
            0,
            5000,
            "Een verwachting naar inwoners, geen telling.",
        ),
    }


# ---------------------------------------------------------------------------
# Estimate statistics
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EstimateStats:
    """Summary of the estimates for one question in one round, against the published value."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None
    low: float | None
    high: float | None
    below: int
    above: int
    truth: float

    @property
    def spread(self) -> float | None:
        """The interquartile range (q3 - q1), or None for fewer than two estimates."""
        return None if self.q1 is None or self.q3 is None else self.q3 - self.q1


def estimate_stats(values: Iterable[float], truth: float) -> EstimateStats:
    """Median, quartiles, range and how many estimates fell below / above the published value."""
    data = sorted(float(v) for v in values)
    n = len(data)
    if n == 0:
        return EstimateStats(0, None, None, None, None, None, 0, 0, truth)
    if n == 1:
        q1 = q3 = data[0]
    else:
        q1, _, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return EstimateStats(
        n=n,
        median=statistics.median(data),
        q1=q1,
        q3=q3,
        low=data[0],
        high=data[-1],
        below=sum(v < truth for v in data),
        above=sum(v > truth for v in data),
        truth=truth,
    )


def reveal_summary(stats: EstimateStats, figure: Figure, round_no: int) -> str:
    """One Dutch sentence: what the group estimated in a round against the published figure."""
    if stats.n == 0:
        return f"Ronde {round_no}: nog geen schattingen. Het gepubliceerde cijfer is {figure.value_text}."
    noun = "schatting" if stats.n == 1 else "schattingen"
    return (
        f"Ronde {round_no}: de middelste van {fmt_int(stats.n)} {noun} was {figure.format(stats.median)} "
        f"(van {figure.format(stats.low)} tot {figure.format(stats.high)}); gepubliceerd is "
        f"{figure.value_text} ({figure.counts_text}). {fmt_int(stats.below)} van {fmt_int(stats.n)} lagen lager, "
        f"{fmt_int(stats.above)} hoger."
    )


def round_comparison(first: EstimateStats, second: EstimateStats, figure: Figure) -> str:
    """Dutch sentence comparing round 1 and round 2 (Delphi): did the group move and agree more?"""
    if first.n == 0 or second.n == 0:
        return "Voor een vergelijking van de rondes zijn in beide rondes schattingen nodig."
    assert first.median is not None and second.median is not None
    before = abs(first.median - figure.value)
    after = abs(second.median - figure.value)
    direction = (
        "dichter bij" if after < before else "verder van" if after > before else "even ver van"
    ) + " het gepubliceerde cijfer"
    spread_1, spread_2 = first.spread, second.spread
    if spread_1 is None or spread_2 is None:
        agreement = ""
    elif spread_2 < spread_1:
        agreement = " De schattingen liepen in ronde 2 minder uiteen."
    elif spread_2 > spread_1:
        agreement = " De schattingen liepen in ronde 2 meer uiteen."
    else:
        agreement = " De spreiding bleef gelijk."
    return (
        f"De middelste schatting ging van {figure.format(first.median)} ({fmt_int(first.n)} deelnemers) naar "
        f"{figure.format(second.median)} ({fmt_int(second.n)} deelnemers): {direction}.{agreement}"
    )


def estimate_table(rows: Sequence[tuple[str, int, float]], figure: Figure) -> pl.DataFrame:
    """Estimates (organisation type, round, value) as a table for a strip chart, with Dutch tooltip text."""
    return pl.DataFrame(
        {
            "organisatie": [check_org_type(r[0]) for r in rows],
            "ronde": [f"Ronde {r[1]}" for r in rows],
            "schatting": [float(r[2]) for r in rows],
            "schatting_tekst": [figure.format(r[2]) for r in rows],
        },
        schema={
            "organisatie": pl.String,
            "ronde": pl.String,
            "schatting": pl.Float64,
            "schatting_tekst": pl.String,
        },
    )


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteLine:
    """One visible observation or action point as it goes into the report."""

    kind: str
    text: str
    org_type: str
    support: int
    owner: str = ""
    deadline: str = ""


@dataclass(frozen=True)
class QuestionReport:
    """What a session discussed on one figure: the figure, the estimates per round and the notes."""

    figure: Figure
    link: str
    rounds: tuple[EstimateStats, ...]
    revealed: bool
    notes: tuple[NoteLine, ...] = ()

    def observations_by_org(self) -> dict[str, list[NoteLine]]:
        """Observations grouped by organisation type (in ORG_TYPES order, unknown last), most support first."""
        groups: dict[str, list[NoteLine]] = {}
        for org in (*ORG_TYPES, NO_ORG):
            lines = [n for n in self.notes if n.kind == KIND_OBSERVATION and n.org_type == org]
            if lines:
                groups[org] = sorted(lines, key=lambda n: -n.support)
        return groups

    def actions(self) -> list[NoteLine]:
        """Action points, most support first."""
        return sorted((n for n in self.notes if n.kind == KIND_ACTION), key=lambda n: -n.support)


@dataclass(frozen=True)
class SessionReport:
    """The whole session: title, date, districts and one part per question."""

    title: str
    date_text: str
    districts: tuple[str, ...]
    questions: tuple[QuestionReport, ...] = field(default_factory=tuple)


def _support_text(n: int) -> str:
    return "" if n == 0 else f" (+{n})"


def _estimate_lines(q: QuestionReport) -> list[str]:
    if not q.revealed:
        return ["Schattingen nog niet getoond in de sessie."]
    lines = [reveal_summary(stats, q.figure, i) for i, stats in enumerate(q.rounds, start=1) if stats.n]
    if len(q.rounds) >= 2 and q.rounds[0].n and q.rounds[1].n:
        lines.append(round_comparison(q.rounds[0], q.rounds[1], q.figure))
    return lines or ["Geen schattingen."]


def report_markdown(report: SessionReport) -> str:
    """The session report as Markdown; every participant's text is escaped so it stays literal."""
    out = [
        f"# Werksessie: {inert_markdown(report.title)}",
        "",
        f"- Datum: {report.date_text}",
        f"- Gebied: {', '.join(report.districts) or UNIT}",
        f"- Bron van de cijfers: {SOURCE_DASHBOARD}",
        "",
    ]
    for q in report.questions:
        f = q.figure
        out += [
            f"## {f.question}",
            "",
            f"- Gepubliceerd: **{f.value_text}** ({f.counts_text}). Bron: {f.source}.",
        ]
        if f.note:
            out.append(f"- {f.note}")
        out += [f"- Weergave in de app: <{q.link}>", "", "### Schatten eerst, dan zien", ""]
        out += [f"- {line}" for line in _estimate_lines(q)]
        out += ["", "### Observaties", ""]
        groups = q.observations_by_org()
        if not groups:
            out.append("- Geen observaties.")
        for org, lines in groups.items():
            out.append(f"- **{org}**")
            out += [f"  - {inert_markdown(n.text)}{_support_text(n.support)}" for n in lines]
        out += ["", "### Actiepunten", ""]
        actions = q.actions()
        if not actions:
            out.append("- Geen actiepunten.")
        for n in actions:
            when = f", uiterlijk {n.deadline}" if n.deadline else ""
            out.append(
                f"- {inert_markdown(n.text)} — eigenaar: {n.owner or NO_ORG}{when}{_support_text(n.support)}"
            )
        out.append("")
    return "\n".join(out)


_HTML_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
    "text-align:left}.bar{background:#0072B2;height:.8rem;display:inline-block}"
    ".truth{background:#D55E00}"
)


def _bar(value: float | None, top: float, css: str = "bar") -> str:
    width = 0 if value is None or top <= 0 else max(1, round(200 * min(value, top) / top))
    return f'<span class="{css}" style="width:{width}px"></span>'


def report_html(report: SessionReport) -> str:
    """The session report as one self-contained HTML page (no scripts, no external files).

    Every text a participant typed goes through ``html.escape``; figures get simple bars.
    """
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>Werksessie: {e(report.title)}</title><style>{_HTML_STYLE}</style></head><body>",
        f"<h1>Werksessie: {e(report.title)}</h1>",
        f"<p>Datum: {e(report.date_text)}<br>Gebied: {e(', '.join(report.districts) or UNIT)}<br>"
        f"Bron van de cijfers: {e(SOURCE_DASHBOARD)}</p>",
    ]
    for q in report.questions:
        f = q.figure
        parts += [
            f"<h2>{e(f.question)}</h2>",
            f"<p>Gepubliceerd: <strong>{e(f.value_text)}</strong> ({e(f.counts_text)}). Bron: {e(f.source)}."
            + (f" {e(f.note)}" if f.note else "")
            + "</p>",
            f'<p>Weergave in de app: <a href="{e(q.link, quote=True)}">{e(q.link)}</a></p>',
            "<h3>Schatten eerst, dan zien</h3>",
        ]
        if q.revealed and any(s.n for s in q.rounds):
            top = max([f.value, *[s.high or 0 for s in q.rounds]])
            rows = [
                f"<tr><td>Gepubliceerd</td><td>{e(f.value_text)}</td><td>{_bar(f.value, top, 'bar truth')}</td></tr>"
            ]
            for i, s in enumerate(q.rounds, start=1):
                if s.n:
                    rows.append(
                        f"<tr><td>Ronde {i}: middelste van {s.n}</td><td>{e(f.format(s.median))}</td>"
                        f"<td>{_bar(s.median, top)}</td></tr>"
                    )
            parts.append("<table><tr><th></th><th>Waarde</th><th></th></tr>" + "".join(rows) + "</table>")
        parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in _estimate_lines(q)) + "</ul>")
        parts.append("<h3>Observaties</h3>")
        groups = q.observations_by_org()
        if not groups:
            parts.append("<p>Geen observaties.</p>")
        for org, lines in groups.items():
            parts.append(f"<h4>{e(org)}</h4><ul>")
            parts += [f"<li>{e(n.text)}{e(_support_text(n.support))}</li>" for n in lines]
            parts.append("</ul>")
        parts.append("<h3>Actiepunten</h3>")
        actions = q.actions()
        if not actions:
            parts.append("<p>Geen actiepunten.</p>")
        else:
            parts.append(
                "<table><tr><th>Actiepunt</th><th>Eigenaar</th><th>Uiterlijk</th><th>Steun</th></tr>"
            )
            parts += [
                f"<tr><td>{e(n.text)}</td><td>{e(n.owner or NO_ORG)}</td><td>{e(n.deadline or '–')}</td>"
                f"<td>{n.support}</td></tr>"
                for n in actions
            ]
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


CSV_COLUMNS: tuple[str, ...] = (
    "soort",
    "vraag",
    "ronde",
    "organisatie",
    "tekst_of_schatting",
    "eigenaar",
    "uiterlijk",
    "steun",
    "verborgen",
    "tijdstip",
)


def _csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def report_csv(rows: Iterable[Sequence[object]]) -> str:
    """All notes and estimates as CSV (columns CSV_COLUMNS), formula-safe for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()


def join_link(base_url: str, code: str) -> str:
    """The link participants open to join: the werksessie page with ``sessie=<code>``."""
    return f"{base_url.rstrip('/')}/werksessie?sessie={code}"


def view_link(base_url: str, figure: Figure, districts: Sequence[str], year: int) -> str:
    """The link to the exact app view a figure was discussed on (its page, year and the session's area)."""
    query = urlencode({"jaar": year, "district": session_area(districts)})
    return f"{base_url.rstrip('/')}/{figure.page}?{query}"


def format_deadline(value: object) -> str:
    """A deadline date as Dutch text (dd-mm-jjjj), or empty."""
    if value is None:
        return ""
    try:
        return f"{value.day:02d}-{value.month:02d}-{value.year}"  # type: ignore[attr-defined]
    except AttributeError:
        return str(value)


def estimate_bounds_text(figure: Figure) -> str:
    """Help text for the estimate input: unit and range."""
    unit = {"procent": "een percentage", "per 100": "een aantal per 100", "aantal": "een aantal"}[figure.unit]
    return f"Vul {unit} in tussen {fmt_dec(figure.low, 0)} en {fmt_dec(figure.high, 0)}."
