"""The printable hand-out of a session: one A4 page per question, as one self-contained HTML file.

Each page holds the question, the figure with what it is (``Gepubliceerd cijfer``, ``Berekend door
de app``), its counts and source, a published number beside it where the figure is the app's own,
the group's estimates per round (a bar chart drawn with CSS: no script, no image, no font to
fetch), and the observations and action points with the most support. What does not fit on the
page is counted and left to the Markdown report and the CSV, so each question prints on exactly
one page. A print stylesheet (``@page``, ``break-after: page``) makes it print from any browser.

Every text that came from a browser goes through ``html.escape``.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from analysis.geography import UNIT
from analysis.werksessie.estimates import EstimateStats
from analysis.werksessie.export_data import NoteLine, QuestionReport, SessionReport
from analysis.werksessie.export_text import one_line, visible_text
from analysis.werksessie.export_wording import (
    ACTION_HEADS,
    AREA_LABEL,
    DATE_LABEL,
    ESTIMATE_HEADS,
    ESTIMATES_TITLE,
    NO_ACTIONS,
    NO_ESTIMATES,
    NO_OBSERVATIONS,
    NO_QUESTIONS,
    NOT_REVEALED,
    SOURCE_LABEL,
    TITLE_PREFIX,
    VIEW_LABEL,
    below_above_text,
    comparison_lines,
    estimate_row_label,
    more_notes_text,
    page_footer,
    question_counter,
    reference_source_text,
    strip_caption,
    support_text,
)
from analysis.werksessie.session import NO_ORG, NoteKind
from analysis.werksessie.wording import NOTE_KIND_TITLES

#: A printed page's height in lines of note text (9,5 pt): A4 less the margins, with room to spare.
PAGE_LINES = 58
#: Characters on one printed line: notes and sentences across the page, action points in their column,
#: and the question in its large type.
LINE_CHARS = 100
ACTION_LINE_CHARS = 62
QUESTION_LINE_CHARS = 50


_STYLE = """
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--blue:#0072B2;--orange:#D55E00;--band:#9ecae1}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);
margin:0;background:#f6f8fa;font-size:11pt;line-height:1.35}
.page{background:#fff;max-width:210mm;margin:1.5rem auto;padding:14mm 15mm;box-shadow:0 1px 4px rgba(0,0,0,.15);
display:flex;flex-direction:column}
.session{display:flex;justify-content:space-between;gap:1rem;color:var(--muted);font-size:9pt;
border-bottom:1px solid var(--line);padding-bottom:2mm;margin-bottom:4mm}
.counter{font-size:9pt;color:var(--muted);margin:0 0 1mm;text-transform:uppercase;letter-spacing:.04em}
h1{font-size:17pt;line-height:1.2;margin:0 0 4mm}
h2{font-size:12.5pt;margin:4mm 0 1.5mm}
h3{font-size:10.5pt;margin:3mm 0 1mm}
.figure{display:grid;grid-template-columns:auto 1fr;gap:1mm 6mm;align-items:baseline;border:1px solid var(--line);
border-left:5px solid var(--orange);padding:3mm 4mm;border-radius:2px}
.figure .label{grid-column:1/3;font-size:9pt;font-weight:600;color:var(--orange);text-transform:uppercase;
letter-spacing:.04em;margin:0}
.figure .value{font-size:28pt;font-weight:700;margin:0;line-height:1.1}
.figure .counts{margin:0;font-size:11pt}
.figure .meta{grid-column:1/3;margin:1mm 0 0;font-size:9pt;color:var(--muted)}
.figure .ref{grid-column:1/3;margin:1mm 0 0;font-size:10pt}
.figure .area{grid-column:1/3;margin:1mm 0 0;font-size:9.5pt;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:9.5pt}
th,td{border-bottom:1px solid var(--line);padding:1mm 1.5mm;text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted)}
td.num{text-align:right;white-space:nowrap}
.strip{position:relative;height:4.2mm;min-width:60mm}
.strip span{position:absolute;top:0;bottom:0}
.strip .range{top:48%;height:.35mm;background:var(--ink)}
.strip .iqr{top:18%;bottom:18%;background:var(--band)}
.strip .mid{width:.8mm;background:var(--blue)}
.strip .truth{width:.8mm;background:var(--orange)}
.strip .ref{width:.6mm;background:repeating-linear-gradient(var(--orange) 0 1mm,transparent 1mm 1.6mm)}
.axis td{border-bottom:0;padding-top:0}
.ticks{display:flex;justify-content:space-between;font-size:8pt;color:var(--muted)}
.caption{font-size:8.5pt;color:var(--muted);margin:1mm 0 0}
ul{margin:1mm 0;padding-left:5mm}
li{margin:.5mm 0;font-size:9.5pt;white-space:pre-line}
.org{font-weight:600;font-size:9.5pt;margin:2mm 0 0}
.more{font-size:9pt;color:var(--muted);font-style:italic}
.link{margin-top:auto;padding-top:3mm;font-size:8.5pt;color:var(--muted);word-break:break-all}
.link a{color:inherit}
.foot{font-size:8.5pt;color:var(--muted);text-align:right}
.note-text{white-space:pre-line}
.summary{font-size:9.5pt;margin:1.5mm 0 0}
@page{size:A4;margin:12mm 14mm}
@media print{
body{background:#fff;font-size:10pt;line-height:1.3}
.page{margin:0;padding:0;box-shadow:none;max-width:none;min-height:0;break-after:page;page-break-after:always}
.page:last-child{break-after:auto;page-break-after:auto}
h1,h2,h3,.figure,tr{break-inside:avoid;break-after:avoid-page}
}
"""


def nice_top(value: float) -> float:
    """A round end for a scale at or above ``value``: 1, 2, 2,5 or 5 times a power of ten (``158`` -> ``200``)."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def _top(q: QuestionReport) -> float:
    """The right end of the chart's scale: a round number above the figure, its references and the estimates."""
    values = [q.figure.value, *(r.value for r in q.figure.references)]
    values += [s.high for s in q.rounds if s.n and s.high is not None]
    return nice_top(max([v for v in values if math.isfinite(v)] or [1.0]))


def _pos(value: float, top: float) -> float:
    """A value's position on the chart in percent of its width (clipped to 0–100)."""
    return max(0.0, min(100.0, 100 * value / top))


def _strip(top: float, stats: EstimateStats | None, truth: float, references: tuple[float, ...]) -> str:
    """One row's chart: range and middle half of the estimates, their middle, and the figure as a line."""
    parts = []
    if stats is not None and stats.n and stats.low is not None and stats.high is not None:
        low, high = _pos(stats.low, top), _pos(stats.high, top)
        parts.append(f'<span class="range" style="left:{low:.1f}%;width:{max(high - low, 0.3):.1f}%"></span>')
        if stats.q1 is not None and stats.q3 is not None:
            q1, q3 = _pos(stats.q1, top), _pos(stats.q3, top)
            parts.append(f'<span class="iqr" style="left:{q1:.1f}%;width:{max(q3 - q1, 0.3):.1f}%"></span>')
        if stats.median is not None:
            parts.append(f'<span class="mid" style="left:{_pos(stats.median, top):.1f}%"></span>')
    parts += [f'<span class="ref" style="left:{_pos(v, top):.1f}%"></span>' for v in references]
    parts.append(f'<span class="truth" style="left:{_pos(truth, top):.1f}%"></span>')
    return f'<div class="strip" aria-hidden="true">{"".join(parts)}</div>'


def _estimates_table(q: QuestionReport) -> str:
    """The figure, its references and each revealed round's estimates, as a table with a bar per row.

    A round's row holds the middle of its estimates and how many lay below and above the figure.
    """
    e, f = html.escape, q.figure
    top = _top(q)
    refs = tuple(r.value for r in f.references)
    rows = [
        f"<tr><td>{e(f.value_label)}</td><td class='num'><strong>{e(f.value_text)}</strong></td><td></td>"
        f"<td>{_strip(top, None, f.value, refs)}</td></tr>"
    ]
    rows += [
        f"<tr><td>{e(r.label)}</td><td class='num'>{e(r.value_text)}</td><td></td>"
        f"<td>{_strip(top, None, f.value, refs)}</td></tr>"
        for r in f.references
    ]
    for i, s in enumerate(q.rounds, start=1):
        if s.n:
            rows.append(
                f"<tr><td>{e(estimate_row_label(i, s.n))}</td><td class='num'>{e(f.format(s.median))}</td>"
                f"<td class='num'>{e(below_above_text(s.below, s.above))}</td>"
                f"<td>{_strip(top, s, f.value, refs)}</td></tr>"
            )
    rows.append(
        f"<tr class='axis'><td></td><td></td><td></td><td><div class='ticks'><span>{e(f.format(0))}</span>"
        f"<span>{e(f.format(top))}</span></div></td></tr>"
    )
    head = "".join(f"<th>{e(h)}</th>" for h in ESTIMATE_HEADS)
    return f"<table><tr>{head}</tr>{''.join(rows)}</table><p class='caption'>{e(strip_caption(bool(f.references)))}</p>"


def _lines(text: str, width: int) -> int:
    """Printed lines a note takes at ``width`` characters per line (each of its own lines at least one)."""
    return sum(max(1, math.ceil(len(line) / width)) for line in visible_text(text).split("\n"))


def _wrapped(text: str, width: int) -> int:
    """Printed lines of one paragraph at ``width`` characters per line."""
    return max(1, math.ceil(len(text) / width))


def page_room(q: QuestionReport) -> float:
    """Lines left for the notes on a question's page, after the question, the figure and the estimates.

    A measure in lines of note text, estimated from the lengths of the texts; the browser test
    prints the hand-out and checks that every question still takes exactly one page.
    """
    f = q.figure
    used = 5.0  # the session line, the counter, the link to the app and the page footer
    used += 1.8 * _wrapped(f.question, QUESTION_LINE_CHARS) + 1.0
    used += 6.0 + (1.2 if len(f.counts_text) > 60 else 0.0)  # label, value, counts, padding
    used += 1.1 * _wrapped(f.source, LINE_CHARS + 20)
    used += 1.1 * _wrapped(f.note, LINE_CHARS + 20) if f.note else 0.0
    used += 1.2 * _wrapped(f.area_note, LINE_CHARS) if f.area_note else 0.0
    used += sum(1.1 * _wrapped(f"{r.label} {r.value_text} {r.source}", LINE_CHARS + 20) for r in f.references)
    used += 2.5  # the estimates heading
    if q.revealed and any(s.n for s in q.rounds):
        rows = 1 + len(f.references) + sum(1 for s in q.rounds if s.n)
        used += 1.5 + 1.6 * rows + 1.5 + 2.2  # table head, rows, axis, caption
        used += sum(1.1 * _wrapped(line, LINE_CHARS) for line in comparison_lines(q))
    else:
        used += 1.5
    # The two notes headings, the action table's head, and the lines on what did not fit.
    used += 2.5 + 2.5 + 1.5 + 2.4
    return PAGE_LINES - used


@dataclass(frozen=True)
class FittedNotes:
    """The notes that fit on a question's page, and how many of each kind did not."""

    observations: dict[str, list[NoteLine]]
    actions: list[NoteLine]
    more_observations: int
    more_actions: int


def fit_notes(q: QuestionReport, budget: float | None = None) -> FittedNotes:
    """The observations and action points that fit on one page, the most supported first.

    Each organisation heading counts as a line; a note takes the lines its text needs. Notes
    with the most support go first (observations before action points at equal support), so what
    falls off the page is what the room supported least; it is counted, not lost.
    """
    room = page_room(q) if budget is None else budget
    groups = q.observations_by_org()
    actions = q.actions()
    ranked: list[tuple[str | None, NoteLine]] = [(org, n) for org, lines in groups.items() for n in lines]
    ranked += [(None, n) for n in actions]
    ranked.sort(key=lambda item: -item[1].support)
    # The best-supported note of each kind first, so neither kind disappears behind the other.
    firsts = [
        i
        for i in (
            next((i for i in ranked if i[0] is not None), None),
            next((i for i in ranked if i[0] is None), None),
        )
        if i is not None
    ]
    ranked = firsts + [i for i in ranked if all(i is not first for first in firsts)]
    used = 0.0
    kept: set[int] = set()
    orgs: set[str] = set()
    for org, note in ranked:
        if org is None:
            cost = _lines(note.text, ACTION_LINE_CHARS) + 0.4
        else:
            cost = _lines(note.text + support_text(note.support), LINE_CHARS) + 0.2 + 1.6 * (org not in orgs)
        if used + cost > room:
            continue
        used += cost
        kept.add(id(note))
        if org is not None:
            orgs.add(org)
    observations = {org: [n for n in lines if id(n) in kept] for org, lines in groups.items() if org in orgs}
    n_obs = sum(len(lines) for lines in groups.values())
    return FittedNotes(
        observations=observations,
        actions=[n for n in actions if id(n) in kept],
        more_observations=n_obs - sum(len(lines) for lines in observations.values()),
        more_actions=len(actions) - sum(id(n) in kept for n in actions),
    )


def _notes_html(q: QuestionReport) -> list[str]:
    """The observations by organisation type and the action points that fit on the page, escaped."""
    e = html.escape
    fitted = fit_notes(q)
    parts = [f"<h2>{e(NOTE_KIND_TITLES[NoteKind.OBSERVATION])}</h2>"]
    if not fitted.observations and not fitted.more_observations:
        parts.append(f"<p class='caption'>{e(NO_OBSERVATIONS)}</p>")
    for org, lines in fitted.observations.items():
        parts.append(f"<p class='org'>{e(one_line(org))}</p><ul>")
        parts += [f"<li>{e(visible_text(n.text))}{e(support_text(n.support))}</li>" for n in lines]
        parts.append("</ul>")
    if fitted.more_observations:
        parts.append(
            f"<p class='more'>{e(more_notes_text(fitted.more_observations, NoteKind.OBSERVATION))}</p>"
        )
    parts.append(f"<h2>{e(NOTE_KIND_TITLES[NoteKind.ACTION])}</h2>")
    if not fitted.actions and not fitted.more_actions:
        parts.append(f"<p class='caption'>{e(NO_ACTIONS)}</p>")
    elif fitted.actions:
        head = "".join(f"<th>{e(h)}</th>" for h in ACTION_HEADS)
        rows = "".join(
            f"<tr><td class='note-text'>{e(visible_text(n.text))}</td><td>{e(one_line(n.owner or NO_ORG))}</td>"
            f"<td>{e(one_line(n.deadline) or '–')}</td><td class='num'>{n.support}</td></tr>"
            for n in fitted.actions
        )
        parts.append(f"<table><tr>{head}</tr>{rows}</table>")
    if fitted.more_actions:
        parts.append(f"<p class='more'>{e(more_notes_text(fitted.more_actions, NoteKind.ACTION))}</p>")
    return parts


def _figure_html(q: QuestionReport) -> str:
    """The figure block: what it is, the value with its counts, why it is the unit's, the note, the sources.

    A published number beside the figure (the text's ~1.150) is a row of the estimates table and
    named in the note; here it gets its source.
    """
    e, f = html.escape, q.figure
    parts = [
        f"<div class='figure'><p class='label'>{e(f.value_label)}</p>",
        f"<p class='value'>{e(f.value_text)}</p><p class='counts'>{e(f.counts_text)}</p>",
    ]
    if f.area_note:
        parts.append(f"<p class='area'>{e(f.area_note)}</p>")
    if f.note:
        parts.append(f"<p class='meta'>{e(f.note)}</p>")
    parts.append(f"<p class='meta'>{SOURCE_LABEL}: {e(f.source)}.</p>")
    parts += [
        f"<p class='meta'>{e(reference_source_text(r.label, r.value_text, r.source))}</p>"
        for r in f.references
    ]
    parts.append("</div>")
    return "".join(parts)


def _page(report: SessionReport, q: QuestionReport | None, number: int, total: int) -> str:
    """One printed page: the session line, the question, the figure, the estimates, the notes, the link."""
    e = html.escape
    title = one_line(report.title)
    area = one_line(", ".join(report.districts) or UNIT)
    parts = [
        "<section class='page'>",
        f"<div class='session'><span>{e(TITLE_PREFIX + title)}</span>"
        f"<span>{DATE_LABEL}: {e(one_line(report.date_text))} · {AREA_LABEL}: {e(area)}</span></div>",
    ]
    if q is None:
        parts += [f"<h1>{e(NO_QUESTIONS)}</h1>", "</section>"]
        return "".join(parts)
    parts += [
        f"<p class='counter'>{e(question_counter(number, total))}</p>",
        f"<h1>{e(q.figure.question)}</h1>",
        _figure_html(q),
        f"<h2>{e(ESTIMATES_TITLE)}</h2>",
    ]
    if q.revealed and any(s.n for s in q.rounds):
        parts.append(_estimates_table(q))
        parts += [f"<p class='summary'>{e(line)}</p>" for line in comparison_lines(q)]
    else:
        parts.append(f"<p class='caption'>{e(NOT_REVEALED if not q.revealed else NO_ESTIMATES)}</p>")
    parts += _notes_html(q)
    parts.append(f"<p class='link'>{VIEW_LABEL}: <a href=\"{e(q.link, quote=True)}\">{e(q.link)}</a></p>")
    parts.append(f"<p class='foot'>{e(page_footer(number, total, title))}</p>")
    parts.append("</section>")
    return "".join(parts)


def handout_html(report: SessionReport) -> str:
    """The hand-out as one self-contained HTML page: one printed page per question, no scripts or external files."""
    e = html.escape
    total = len(report.questions)
    pages = [_page(report, q, i, total) for i, q in enumerate(report.questions, start=1)] or [
        _page(report, None, 0, 0)
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(TITLE_PREFIX + one_line(report.title))}</title><style>{_STYLE}</style></head><body>",
            *pages,
            "</body></html>",
        ]
    )
