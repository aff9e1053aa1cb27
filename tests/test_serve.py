"""serve.py settles the heap before the first visitor: the app is imported and what it made is frozen.

Run in a child process: freezing the heap of the test process would keep every test's
garbage from being collected.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import asyncio, gc, json, sys
import serve
before = gc.get_freeze_count()
async def start():
    async with serve.settled(serve.app):
        return gc.get_freeze_count()
frozen = asyncio.run(start())
print(json.dumps({
    "before": before,
    "frozen": frozen,
    "young": sum(len(gc.get_objects(g)) for g in range(3)),
    "modules": sorted(m for m in sys.modules if m.split(".")[0] in serve.APP_PACKAGES),
    "lifespan": serve.app._user_lifespan is serve.settled,
}))
"""


def _settle_in_child() -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_settling_imports_the_whole_app_and_freezes_what_it_made() -> None:
    result = _settle_in_child()
    assert result["before"] == 0
    # Streamlit, Altair, polars, scipy and the app: well over a hundred thousand objects.
    assert isinstance(result["frozen"], int) and result["frozen"] > 100_000
    # What is left for the collector is what came after: a few objects, not the libraries.
    assert isinstance(result["young"], int) and result["young"] < result["frozen"] / 20
    modules = result["modules"]
    assert isinstance(modules, list)
    # Modules no import of serve.py reaches by itself: a page's analysis and a werksessie screen.
    assert {"analysis.followup", "analysis.intake.workbook", "components.werksessie_screens"} <= set(modules)
    # The migrations are Alembic's scripts and the __main__ modules are command lines: not imported.
    assert not [m for m in modules if ".migrations" in m or m.endswith("__main__")]
    assert result["lifespan"] is True
