"""The session report: Markdown and a self-contained HTML page per session, and a CSV of everything.

Every text that came from a browser (titles, districts, notes, organisation types, owners,
deadlines) is escaped in every format: ``inert_markdown`` in Markdown, ``html.escape`` in HTML,
and a leading quote in CSV cells a spreadsheet would run as a formula. No format turns user
text into a link or an image.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from analysis.dutch import signed
from analysis.geography import UNIT
from analysis.indicators import SOURCE_DASHBOARD
from analysis.links import inert_markdown
from analysis.werksessie.estimates import EstimateStats
from analysis.werksessie.figures import Figure
from analysis.werksessie.session import NO_ORG, ORG_TYPES, NoteKind
from analysis.werksessie.wording import (
    NOTE_KIND_TITLES,
    middle_phrase,
    reveal_summary,
    round_comparison,
    round_label,
)

#: The ``soort`` of an estimate's row in the CSV (notes carry their :class:`NoteKind`).
CSV_ESTIMATE = "schatting"


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
            lines = [n for n in self.notes if n.kind == NoteKind.OBSERVATION and n.org_type == org]
            if lines:
                groups[org] = sorted(lines, key=lambda n: -n.support)
        return groups

    def actions(self) -> list[NoteLine]:
        """Action points, most support first."""
        return sorted((n for n in self.notes if n.kind == NoteKind.ACTION), key=lambda n: -n.support)


@dataclass(frozen=True)
class SessionReport:
    """The whole session: title, date, districts and one part per question."""

    title: str
    date_text: str
    districts: tuple[str, ...]
    questions: tuple[QuestionReport, ...] = field(default_factory=tuple)


def _support_text(n: int) -> str:
    """The +1s a note got, after its text: `` (+3)``; nothing without support."""
    return "" if n == 0 else f" ({signed(n)})"


def _estimate_lines(q: QuestionReport) -> list[str]:
    """What the group estimated on one question, a sentence per round and one comparing them."""
    if not q.revealed:
        return ["Schattingen nog niet getoond in de sessie."]
    lines = [reveal_summary(stats, q.figure, i) for i, stats in enumerate(q.rounds, start=1) if stats.n]
    if len(q.rounds) >= 2 and q.rounds[0].n and q.rounds[1].n:
        lines.append(round_comparison(q.rounds[0], q.rounds[1], q.figure))
    return lines or ["Geen schattingen."]


#: Labels that no Markdown construct can grow from: letters, digits, spaces, hyphens, slashes, apostrophes.
_PLAIN = re.compile(r"(?:[^\W_]|[ '/-])*")


def _label(text: str) -> str:
    """A short label (district, organisation, date) as Markdown: as it is when plain, escaped otherwise."""
    return text if _PLAIN.fullmatch(text) else inert_markdown(text)


def report_markdown(report: SessionReport) -> str:
    """The session report as Markdown; every participant's text is escaped so it stays literal."""
    m = _label
    out = [
        f"# Werksessie: {inert_markdown(report.title)}",
        "",
        f"- Datum: {m(report.date_text)}",
        f"- Gebied: {m(', '.join(report.districts) or UNIT)}",
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
        out += [f"- Weergave in de app: <{_link(q.link)}>", "", "### Schatten eerst, dan zien", ""]
        out += [f"- {line}" for line in _estimate_lines(q)]
        out += ["", f"### {NOTE_KIND_TITLES[NoteKind.OBSERVATION]}", ""]
        groups = q.observations_by_org()
        if not groups:
            out.append("- Geen observaties.")
        for org, lines in groups.items():
            out.append(f"- **{m(org)}**")
            out += [f"  - {inert_markdown(n.text)}{_support_text(n.support)}" for n in lines]
        out += ["", f"### {NOTE_KIND_TITLES[NoteKind.ACTION]}", ""]
        actions = q.actions()
        if not actions:
            out.append("- Geen actiepunten.")
        for n in actions:
            when = f", uiterlijk {m(n.deadline)}" if n.deadline else ""
            out.append(
                f"- {inert_markdown(n.text)} — eigenaar: {m(n.owner or NO_ORG)}{when}{_support_text(n.support)}"
            )
        out.append("")
    return "\n".join(out)


def _link(url: str) -> str:
    """A link for a Markdown autolink ``<...>``: characters that would end or break it are percent-encoded."""
    return "".join(ch if ch.isascii() and ch.isprintable() and ch not in "<> " else quote(ch) for ch in url)


_HTML_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#222}"
    "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
    "text-align:left}.bar{background:#0072B2;height:.8rem;display:inline-block}"
    ".truth{background:#D55E00}"
)


def _bar(value: float | None, top: float, css: str = "bar") -> str:
    """A horizontal bar of at most 200 px for ``value`` on a scale up to ``top`` (no script, no image)."""
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
                        f"<tr><td>{round_label(i)}: {middle_phrase(s.n)}</td><td>{e(f.format(s.median))}</td>"
                        f"<td>{_bar(s.median, top)}</td></tr>"
                    )
            parts.append("<table><tr><th></th><th>Waarde</th><th></th></tr>" + "".join(rows) + "</table>")
        parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in _estimate_lines(q)) + "</ul>")
        parts.append(f"<h3>{NOTE_KIND_TITLES[NoteKind.OBSERVATION]}</h3>")
        groups = q.observations_by_org()
        if not groups:
            parts.append("<p>Geen observaties.</p>")
        for org, lines in groups.items():
            parts.append(f"<h4>{e(org)}</h4><ul>")
            parts += [f"<li>{e(n.text)}{e(_support_text(n.support))}</li>" for n in lines]
            parts.append("</ul>")
        parts.append(f"<h3>{NOTE_KIND_TITLES[NoteKind.ACTION]}</h3>")
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


#: First characters that make a spreadsheet read a cell as a formula (also their full-width forms).
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def _csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (numbers stay numbers)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def report_csv(rows: Iterable[Sequence[object]]) -> str:
    """All notes and estimates as CSV (columns CSV_COLUMNS), formula-safe for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return buffer.getvalue()
