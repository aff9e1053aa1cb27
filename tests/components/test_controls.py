"""How each kind of control writes its value in the link (``components.controls.url_values``).

The share box builds the full link from these values, and the link notice compares them
with what the address brought, so they must be written the way Streamlit writes and reads
a bound widget's query parameter: ``true``/``false``, whole numbers without ``.0``, the
formatted label of a chosen option, one entry per chosen item, and ``""`` for no choice.
"""

from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from components.controls import url_values


def percent(value: float) -> str:
    """A format_func like the scenario page's: 18.7 -> '18,7%'."""
    return f"{value:.1f}%".replace(".", ",")


def year_label(value: int) -> str:
    return f"Dashboard {value}"


CASES: list[tuple[str, str, Any, Callable[[Any], str] | None, list[str]]] = [
    ("toggle-on", "toggle", True, None, ["true"]),
    ("toggle-off", "toggle", False, None, ["false"]),
    ("checkbox-on", "checkbox", True, None, ["true"]),
    ("checkbox-off", "checkbox", False, None, ["false"]),
    ("slider-int", "slider", 8000, None, ["8000"]),
    ("slider-whole-float", "slider", 8000.0, None, ["8000"]),
    ("slider-float", "slider", 1.5, None, ["1.5"]),
    ("slider-negative", "slider", -2.0, None, ["-2"]),
    ("slider-range", "slider", (2000, 9500), None, ["2000", "9500"]),
    ("slider-float-range", "slider", [0.5, 2.0], None, ["0.5", "2"]),
    ("number-input-int", "number_input", 12, None, ["12"]),
    ("number-input-float", "number_input", 3.25, None, ["3.25"]),
    ("selectbox-int", "selectbox", 2022, None, ["2022"]),
    ("selectbox-text", "selectbox", "Noord- en Oost-Gelderland", None, ["Noord- en Oost-Gelderland"]),
    ("selectbox-format-func", "selectbox", 2022, year_label, ["Dashboard 2022"]),
    ("selectbox-none", "selectbox", None, None, [""]),
    ("segmented", "segmented_control", "Per 100.000 inwoners", None, ["Per 100.000 inwoners"]),
    ("segmented-format-func", "segmented_control", 18.7, percent, ["18,7%"]),
    ("segmented-none", "segmented_control", None, None, [""]),
    ("radio", "radio", "Districten", None, ["Districten"]),
    ("multiselect", "multiselect", ["Twente", "IJsselland"], None, ["Twente", "IJsselland"]),
    ("multiselect-format-func", "multiselect", [18.7, 25.0], percent, ["18,7%", "25,0%"]),
    ("multiselect-empty", "multiselect", [], None, []),
    ("pills", "pills", ["leeg", "?"], None, ["leeg", "?"]),
    ("pills-single", "pills", "leeg", None, ["leeg"]),
    ("pills-none", "pills", None, None, [""]),
    ("select-slider", "select_slider", 18.7, percent, ["18,7%"]),
    ("select-slider-range", "select_slider", (10.0, 18.7), percent, ["10,0%", "18,7%"]),
    ("text-input", "text_input", "Enschede", None, ["Enschede"]),
    ("text-input-none", "text_input", None, None, [""]),
]


@pytest.mark.parametrize(
    ("widget", "value", "format_func", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_url_values(
    widget: str, value: Any, format_func: Callable[[Any], str] | None, expected: list[str]
) -> None:
    assert url_values(widget, value, format_func) == expected


def test_url_values_are_always_a_list_of_strings() -> None:
    for _, widget, value, format_func, _ in CASES:
        values = url_values(widget, value, format_func)
        assert isinstance(values, list)
        assert all(isinstance(v, str) for v in values), (widget, value, values)


def test_toggle_ignores_format_func() -> None:
    assert url_values("toggle", True, year_label) == ["true"]


def test_number_is_not_passed_through_format_func() -> None:
    """Streamlit writes a slider's number, not its display format, in the link."""
    assert url_values("slider", 5500, lambda v: f"{v:,}") == ["5500"]


def _app_with_bound_controls() -> None:
    import streamlit as st

    from components.controls import bound, recorded, start_recording

    start_recording()
    bound(st.toggle, "Zorgtrajecten meetellen", key="zorg")
    bound(st.slider, "Schatting", 1000, 9000, value=5500, step=500, key="schatting")
    bound(
        st.segmented_control,
        "Verhouding",
        ["Per rapportage", "Per 100 signalen"],
        default="Per rapportage",
        key="verhouding",
    )
    bound(st.multiselect, "Status", ["leeg", "?"], key="filter_status")
    bound(st.tabs, ["Grafiek", "Tabel"], key="weergave")
    bound(st.tabs, ["IJsselland", "Twente", "Totaal eenheid"], key="blok", default="Twente")
    st.session_state["recorded"] = recorded()


def test_bound_records_every_control_with_its_default() -> None:
    at = AppTest.from_function(_app_with_bound_controls)
    at.run()
    assert not at.exception
    assert at.session_state["recorded"] == {
        "zorg": ["false"],
        "schatting": ["5500"],
        "verhouding": ["Per rapportage"],
        "filter_status": [],
        "weergave": ["Grafiek"],
        "blok": ["Twente"],
    }


def test_bound_records_changed_and_linked_values() -> None:
    at = AppTest.from_function(_app_with_bound_controls)
    at.query_params["schatting"] = "8000"
    at.run()
    at.toggle(key="zorg").set_value(True).run()
    at.multiselect(key="filter_status").set_value(["?", "leeg"]).run()
    assert not at.exception
    recorded = at.session_state["recorded"]
    assert recorded["zorg"] == ["true"]
    assert recorded["schatting"] == ["8000"]
    assert recorded["filter_status"] == ["?", "leeg"]
