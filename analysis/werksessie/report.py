"""The session report: Markdown, a printable HTML hand-out, and a CSV of everything.

Every text that came from a browser (titles, districts, notes, organisation types, owners,
deadlines) is made inert in every format, without leaving marks a reader sees:

- Markdown: :func:`~analysis.werksessie.export_text.markdown_text` escapes only what could start
  markup (no ``\\:``) and writes addresses as code spans; no invisible characters (U+2060) remain;
- HTML (:mod:`analysis.werksessie.handout`): ``html.escape``;
- CSV (:mod:`analysis.werksessie.export_csv`): ``;``, decimal commas and a byte-order mark for
  Dutch spreadsheets, and a leading quote in cells a spreadsheet would run as a formula.

No format turns user text into a link or an image.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import quote

from analysis.geography import UNIT
from analysis.werksessie.export_csv import BOM, FORMULA_STARTS, dutch_csv
from analysis.werksessie.export_data import NoteLine, QuestionReport, SessionReport
from analysis.werksessie.export_text import markdown_heading_text, markdown_text
from analysis.werksessie.export_wording import (
    AREA_LABEL,
    DATE_LABEL,
    DEADLINE_LABEL,
    ESTIMATES_TITLE,
    NO_ACTIONS,
    NO_OBSERVATIONS,
    OWNER_LABEL,
    SOURCE_LABEL,
    TITLE_PREFIX,
    VIEW_LABEL,
    estimate_lines,
    figure_line,
    support_text,
)
from analysis.werksessie.handout import handout_html
from analysis.werksessie.session import NO_ORG, NoteKind
from analysis.werksessie.wording import NOTE_KIND_TITLES

__all__ = [
    "BOM",
    "CSV_COLUMNS",
    "CSV_ESTIMATE",
    "FORMULA_STARTS",
    "NoteLine",
    "QuestionReport",
    "SessionReport",
    "estimate_lines",
    "report_csv",
    "report_html",
    "report_markdown",
]

#: The ``soort`` of an estimate's row in the CSV (notes carry their :class:`NoteKind`).
CSV_ESTIMATE = "schatting"

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


def _link(url: str) -> str:
    """A link for a Markdown autolink ``<...>``: characters that would end or break it are percent-encoded."""
    return "".join(ch if ch.isascii() and ch.isprintable() and ch not in "<> " else quote(ch) for ch in url)


def _figure_lines(q: QuestionReport) -> list[str]:
    """The figure of one question: value with its origin and counts, source, notes, references, link."""
    f, md = q.figure, markdown_text
    lines = [f"- {md(figure_line(f))}. {SOURCE_LABEL}: {md(f.source)}."]
    if f.area_note:
        lines.append(f"- {md(f.area_note)}")
    lines += [
        f"- {md(r.label)}: {md(r.value_text)} ({md(r.counts_text)}). {SOURCE_LABEL}: {md(r.source)}."
        for r in f.references
    ]
    if f.note:
        lines.append(f"- {md(f.note)}")
    lines.append(f"- {VIEW_LABEL}: <{_link(q.link)}>")
    return lines


def report_markdown(report: SessionReport) -> str:
    """The session report as Markdown that any reader shows literally (participants' text stays text)."""
    md = markdown_text
    out = [
        f"# {TITLE_PREFIX}{markdown_heading_text(report.title)}",
        "",
        f"- {DATE_LABEL}: {md(report.date_text)}",
        f"- {AREA_LABEL}: {md(', '.join(report.districts) or UNIT)}",
        "",
    ]
    for q in report.questions:
        out += [f"## {markdown_heading_text(q.figure.question)}", "", *_figure_lines(q), ""]
        out += [f"### {ESTIMATES_TITLE}", ""]
        out += [f"- {md(line, '  ')}" for line in estimate_lines(q)]
        out += ["", f"### {NOTE_KIND_TITLES[NoteKind.OBSERVATION]}", ""]
        groups = q.observations_by_org()
        if not groups:
            out.append(f"- {NO_OBSERVATIONS}")
        for org, lines in groups.items():
            out.append(f"- **{md(org)}**")
            out += [f"  - {md(n.text, '    ')}{support_text(n.support)}" for n in lines]
        out += ["", f"### {NOTE_KIND_TITLES[NoteKind.ACTION]}", ""]
        actions = q.actions()
        if not actions:
            out.append(f"- {NO_ACTIONS}")
        for n in actions:
            when = f", {DEADLINE_LABEL} {md(n.deadline)}" if n.deadline else ""
            out.append(
                f"- {md(n.text, '  ')} — {OWNER_LABEL}: {md(n.owner or NO_ORG)}{when}{support_text(n.support)}"
            )
        out.append("")
    return "\n".join(out)


def report_html(report: SessionReport) -> str:
    """The session report as a self-contained, printable HTML hand-out (one page per question).

    The same as :func:`analysis.werksessie.handout.handout_html`; every participant's text is escaped.
    """
    return handout_html(report)


def report_csv(rows: Iterable[Sequence[object]]) -> str:
    """All notes and estimates (columns CSV_COLUMNS) as CSV for Dutch spreadsheets.

    Starts with the UTF-8 byte-order mark, separates cells with ``;`` and writes decimal commas;
    a cell a spreadsheet would run as a formula gets a leading quote. Returned as text:
    ``st.download_button`` encodes it as UTF-8, the mark included.
    """
    return dutch_csv(CSV_COLUMNS, rows)
