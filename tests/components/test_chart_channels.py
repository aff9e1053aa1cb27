"""Guard: every chart encodes its channels as Altair channel objects, never as shorthand strings.

Altair turns a shorthand string (``x="waarde:Q"``) or a dict from ``alt.condition`` /
``alt.value`` into a channel object by matching it against its whole schema, which costs
milliseconds per channel on every build (``from_dict``). The charts write ``alt.X(...)``,
``alt.Text(...)`` and ``components.charts.conditional`` instead. This test draws every
question page, with the choices that switch chart variants on, and fails on any channel
Altair has to parse.
"""

import altair.utils.core as altair_core
import pytest

from analysis.questions import QUESTIONS
from tests.pages.conftest import run_app

PAGES = [q.page_file for q in QUESTIONS]
VARIANTS = {
    "default": {},
    "district, rates, comparison": {
        "district": "Twente",
        "maat": "Per 100.000 inwoners",
        "niveau": "Districten",
        "vergelijk": "true",
        "zorg": "true",
    },
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_no_chart_channel_needs_parsing(variant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[tuple[str, str]] = []
    original = altair_core._ChannelCache._wrap_in_channel

    def spy(self, obj, encoding):  # type: ignore[no-untyped-def]
        if not isinstance(obj, (altair_core.SchemaBase, list, tuple)):
            parsed.append((encoding, str(obj)[:60]))
        return original(self, obj, encoding)

    monkeypatch.setattr(altair_core._ChannelCache, "_wrap_in_channel", spy)
    # Specs are cached per process; clear them so every chart is built here.
    from components.charts import _spec

    _spec.clear()
    for page in PAGES:
        at = run_app(page, **VARIANTS[variant])
        assert not at.exception, page
    assert parsed == []
