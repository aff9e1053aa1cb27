"""A realistic werksessie report for the export tests and the hand-out's browser test.

Five questions (the route's figures for two districts, one of them twice), two rounds of estimates, observations from
several organisation types and action points; one question with hostile text, one with notes of
the maximum length (more than fit on a printed page), one not yet revealed.
"""

from __future__ import annotations

from analysis import load_context, load_dashboard, load_population
from analysis.werksessie.estimates import estimate_stats
from analysis.werksessie.export_data import NoteLine, QuestionReport, SessionReport
from analysis.werksessie.figures import Figure, published_figures, view_link
from analysis.werksessie.session import KIND_ACTION, KIND_OBSERVATION, MAX_TEXT_CHARS

BASE = "http://localhost:8501"
DISTRICTS = ("Twente", "IJsselland")
HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))'
#: Text as it was pasted: a word joiner inside, an address, a Markdown-looking start.
PASTED = "# Let op: zie www.evil.nl\u2060 en mail a@b.nl — 11,7% is laag. Ook *vet* en `code`."


def district_figures() -> dict[str, Figure]:
    """The four figures of a session for Twente and IJsselland, from the bundled 2022 tables."""
    return published_figures(load_dashboard(2022), load_population(), load_context(), DISTRICTS)


def sample_report(figures: dict[str, Figure] | None = None) -> SessionReport:
    """A session of five questions for Twente and IJsselland, with estimates and notes."""
    figures = figures or district_figures()
    long_text = ("Signalen uit de zorg komen niet bij de politie aan omdat niemand weet wie belt. " * 8)[
        :MAX_TEXT_CHARS
    ]

    def part(
        key: str, r1: list[float], r2: list[float], notes: tuple[NoteLine, ...], revealed: bool = True
    ) -> QuestionReport:
        figure = figures[key]
        return QuestionReport(
            figure,
            view_link(BASE, figure, DISTRICTS, 2022),
            (estimate_stats(r1, figure.value), estimate_stats(r2, figure.value)),
            revealed,
            notes,
        )

    return SessionReport(
        "Ketenoverleg <b>Twente</b> & IJsselland",
        "01-12-2026",
        DISTRICTS,
        (
            part(
                "signalen",
                [40, 55, 80, 120, 150, 200],
                [60, 65, 70, 75],
                (
                    NoteLine(KIND_OBSERVATION, HOSTILE, "politie", 2),
                    NoteLine(KIND_OBSERVATION, PASTED, "gemeente", 1),
                    NoteLine(
                        KIND_OBSERVATION,
                        "Gemeenten zien andere signalen\nen registreren ze anders.",
                        "gemeente",
                        0,
                    ),
                    NoteLine(KIND_ACTION, "Registratie afstemmen", "OM", 3, "politie", "01-03-2027"),
                ),
            ),
            part(
                "onderzoek",
                [5, 10, 12.5, 20, 30],
                [],
                tuple(
                    NoteLine(KIND_OBSERVATION, f"{i}: {long_text}", "zorg/hulpverlening", i % 3)
                    for i in range(12)
                )
                + tuple(NoteLine(KIND_ACTION, f"{i}: {long_text}", "RIEC", 1, "RIEC", "") for i in range(6)),
            ),
            part("interventies", [50, 100, 150.5], [90, 110, 120], ()),
            part(
                "slachtoffers",
                [300, 500, 800, 1000, 2500],
                [700, 900, 1100, 1200],
                (
                    NoteLine(
                        KIND_ACTION,
                        "Schatting per district laten maken",
                        "CoMensHa",
                        0,
                        "anders",
                        "01-06-2027",
                    ),
                )
                + tuple(
                    NoteLine(KIND_OBSERVATION, long_text, org, 1)
                    for org in ("politie", "OM", "gemeente", "RIEC")
                )
                + tuple(
                    NoteLine(KIND_ACTION, long_text, "anders", 2, "gemeente", "01-06-2027") for _ in range(3)
                ),
            ),
            part(
                "signalen",
                [100, 200],
                [],
                (NoteLine(KIND_OBSERVATION, "Nog niet besproken", "anders", 0),),
                revealed=False,
            ),
        ),
    )
