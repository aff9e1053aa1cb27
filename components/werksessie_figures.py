"""How the werksessie screens name a revealed figure and its area.

``analysis.werksessie.figures.Figure`` carries ``value_label`` (where the figure comes from:
"Gepubliceerd cijfer", "Berekend door de app") and ``area_note`` (why a figure is shown for
the whole unit instead of the session's districts). These two helpers read them, so every
screen labels a reveal the same way.
"""

from __future__ import annotations

from analysis.werksessie import Figure

#: Until a figure says otherwise: only the estimate of hidden victims is the app's own computation.
_COMPUTED = frozenset({"slachtoffers"})


def value_label(figure: Figure) -> str:
    """The Dutch label of the revealed value: where it comes from; never 'published' for a computed figure."""
    label = getattr(figure, "value_label", None)
    if isinstance(label, str) and label:
        return label
    return "Berekend door de app" if figure.key in _COMPUTED else "Gepubliceerd cijfer"


def area_note(figure: Figure) -> str | None:
    """Why this figure covers another area than the session's districts, or None."""
    note = getattr(figure, "area_note", None)
    return note if isinstance(note, str) and note else None
