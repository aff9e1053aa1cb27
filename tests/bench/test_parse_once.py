"""The published layout is parsed once per process, however many sessions and reruns there are."""

from collections import Counter
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import analysis.dataset
import analysis.parser

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
PAGES = ["pages/aard-en-omvang.py", "pages/rapportage-interventie.py", "pages/data.py"]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Count calls of parse_layout per year, wherever the app reaches it from; start with an empty cache."""
    counts: Counter = Counter()
    original = analysis.parser.parse_layout

    def counting(text: str, year: int, gazetteer: object) -> object:
        counts[year] += 1
        return original(text, year, gazetteer)

    monkeypatch.setattr(analysis.parser, "parse_layout", counting)
    monkeypatch.setattr(analysis.dataset, "parse_layout", counting)
    st.cache_data.clear()
    yield counts
    st.cache_data.clear()


def test_parse_layout_runs_once_across_sessions_and_reruns(parses: Counter) -> None:
    for session in range(3):
        at = AppTest.from_file(APP, default_timeout=120)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        for page in PAGES[session:] + PAGES[:session]:
            at.switch_page(page).run()
            assert not at.exception, [e.message for e in at.exception]
        at.run()
    assert sum(parses.values()) >= 1, "parse_layout was never called: is the data loaded another way?"
    assert parses == Counter({year: 1 for year in parses}), f"parses per year: {dict(parses)}"
    assert parses[2022] == 1
