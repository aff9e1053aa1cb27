"""The presenter view's clock and projector link (``components.presenter``), without a browser.

The route takes 90 minutes: start 5, aard en omvang 15, opvolging 15, rapportage 15,
casustafels 10, onzichtbare slachtoffers 15, ontwikkeling 15. The clock says how long the
route and the current question have run, against their minutes, and when the route runs late.
"""

import datetime as dt

from analysis.questions import route_minutes
from components.presenter import clock_lines, minutes_text, projector_link

START = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def test_the_route_is_ninety_minutes() -> None:
    assert route_minutes() == 90


def test_minutes_and_seconds() -> None:
    assert minutes_text(dt.timedelta(seconds=725)) == "12:05"
    assert minutes_text(dt.timedelta(seconds=-3)) == "0:00"


def test_on_time_the_clock_names_the_planned_end_of_the_question() -> None:
    now = START + dt.timedelta(minutes=25)
    lines = clock_lines(now, START, START + dt.timedelta(minutes=20), "opvolging")
    assert lines == [
        "**Route** 25:00 van 90 min",
        "**Deze vraag** 5:00 van 15 min",
        "Volgens plan klaar na 35 min.",
    ]


def test_running_late_is_said_in_red() -> None:
    now = START + dt.timedelta(minutes=42)
    lines = clock_lines(now, START, START + dt.timedelta(minutes=22), "opvolging")
    assert lines[1] == "**Deze vraag** 20:00 van 15 min"
    assert lines[2] == ":red[Volgens plan was deze vraag na 35 min klaar: 7 min uitloop.]"


def test_the_projector_link_carries_the_code_and_never_a_key() -> None:
    assert (
        projector_link("http://localhost:8501", "K7Q2MX")
        == "http://localhost:8501/?presentatie=1&deck=K7Q2MX"
    )
