"""Shared helpers for page tests: run the whole app (frame + page) through AppTest."""

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def run_app(page: str | None = None, **query: str) -> AppTest:
    """Run the app with the given query parameters, optionally switched to ``page``."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def tables_open(*keys: str) -> dict[str, str]:
    """Link parameters that open the 'Tabel' tab of each chart ``keys`` names (only the open tab is drawn)."""
    return dict.fromkeys(keys, "Tabel")


def metric_values(at: AppTest) -> dict[str, str]:
    """Map each metric's label to its shown value."""
    return {m.label: m.value for m in at.metric}


def all_text(at: AppTest) -> str:
    """Every markdown, caption and alert text on the page, joined."""
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.error]
    parts += [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.subheader]
    return "\n".join(str(p) for p in parts)


def submit_button(at: AppTest, form: str, label: str) -> Button:
    """The submit button labelled ``label`` of the form with key ``form``.

    A form's submit button carries no user key, so it is found through its form
    (``at.form(key=...)``) and its visible label, both public AppTest accessors.
    """
    buttons = [b for b in at.form(key=form).form_submit_button if b.label == label]
    assert len(buttons) == 1, f"form {form!r} has no single submit button {label!r}"
    return buttons[0]


def chart_specs(at: AppTest) -> list[dict[str, Any]]:
    """The Vega-Lite spec of every Altair chart on the page, in page order.

    AppTest has no typed accessor for ``st.altair_chart`` / ``st.vega_lite_chart``:
    ``at.get("vega_lite_chart")`` returns generic elements whose ``value`` is not the
    spec. The spec is read from the element's ``spec`` parameter (AppTest forwards
    element parameters as attributes), in this one place, so a future typed accessor
    needs one change here.
    """
    return [json.loads(chart.spec) for chart in at.get("vega_lite_chart")]


@pytest.fixture
def app() -> AppTest:
    """The app on its start page with default choices."""
    return run_app()
