"""Shared helpers for page tests: run the whole app (frame + page) through AppTest."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

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


@pytest.fixture
def app() -> AppTest:
    """The app on its start page with default choices."""
    return run_app()
