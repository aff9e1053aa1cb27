"""What a session report holds: the session, one part per question, and the notes of each.

Plain data for the exports (:mod:`analysis.werksessie.report` for Markdown and CSV,
:mod:`analysis.werksessie.handout` for the printable HTML). The page builds these from the
board; nothing here formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.werksessie.estimates import EstimateStats
from analysis.werksessie.figures import Figure
from analysis.werksessie.session import NO_ORG, ORG_TYPES, NoteKind


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
        known = (*ORG_TYPES, NO_ORG)
        for org in known:
            lines = [n for n in self.notes if n.kind == NoteKind.OBSERVATION and n.org_type == org]
            if lines:
                groups[org] = sorted(lines, key=lambda n: -n.support)
        # A type the page no longer offers (stored earlier) is kept, under its own name, after the rest.
        for n in self.notes:
            if n.kind == NoteKind.OBSERVATION and n.org_type not in known:
                groups.setdefault(n.org_type, []).append(n)
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
