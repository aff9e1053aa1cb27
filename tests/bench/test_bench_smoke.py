"""The benchmark harness at tiny scale: every phase runs, and the protocol client sees what the browser sees.

No timings are asserted: this machine may be busy while the tests run. ``make bench``
runs the real benchmark (see docs/performance.md).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.questions import route
from bench.browser import chromium_path
from bench.report import TABLE_END, TABLE_START
from tests.ci import skip_or_fail_in_ci

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGE = "rapportage-interventie"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One tiny benchmark run in its own process (as `make bench` runs it); returns its JSON."""
    if chromium_path() is None:
        reason = "No Chromium for the benchmark (set CHROMIUM_PATH or install the 'chromium' package)"
        skip_or_fail_in_ci(reason)
    out = tmp_path_factory.mktemp("bench")
    docs = out / "performance.md"
    command = [
        sys.executable, "-m", "bench.run",
        "--reps", "1",
        "--pages", PAGE,
        "--sessions", "2",
        "--duration", "1",
        "--think", "0.2,0.4",
        "--ramp", "0.2",
        "--profile-runs", "1",
        "--no-warmup",
        "--out", str(out),
        "--docs", str(docs),
    ]  # fmt: skip
    completed = subprocess.run(
        command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode == 0, f"bench.run failed:\n{completed.stdout}\n{completed.stderr}"
    latest = out / "latest.json"
    assert latest.exists()
    assert len(list(out.glob("2*.json"))) == 1, "expected one timestamped result file"
    result = json.loads(latest.read_text(encoding="utf-8"))
    result["_docs"] = docs.read_text(encoding="utf-8")
    result["_stdout"] = completed.stdout
    return result


def test_every_phase_collects_its_samples(run: dict) -> None:
    for target in ("app", "baseline"):
        assert len(run["cold"][target]["health_s"]) == 1
        assert len(run["cold"][target]["drawn_s"]) == 1
    view = run["views"][PAGE]
    assert view["control"] == "zorg"
    assert len(view["app_view_s"]) == len(view["baseline_view_s"]) == 1
    assert len(view["app_change_s"]) == len(view["baseline_change_s"]) == 2, "there and back"
    profile = run["profile"]["pages"][PAGE]
    assert profile["runs"] == 1
    assert 0 <= profile["data_share"] <= 1 and 0 <= profile["streamlit_share"] <= 1
    assert profile["top_data_calls"], "the profiler attributes time to analysis functions"
    assert run["profile"]["baseline"]["script_s"]


def test_the_full_room_runs_without_errors(run: dict) -> None:
    for target in ("app", "baseline"):
        room = run["room"][target]["2"]
        assert room["errors"] == []
        assert len(room["loads_s"]) == 2, "both sessions opened their page"
        assert len(room["interactions_s"]) >= 2, "every session changed its control at least once"
        assert room["rss_connected_mb"] > 0


def test_protocol_client_and_browser_see_the_same_numbers(run: dict) -> None:
    check = run["validation"][PAGE]
    assert check["client"] == check["browser"]
    assert check["match"] is True
    client = dict(check["client"]["metrics"])
    changed = dict(check["client"]["metrics_changed"])
    assert "78" in client["Bestuurlijke interventies"]
    assert "138" in changed["Bestuurlijke interventies"], "zorg toggled: care trajectories count"


def test_the_table_is_printed_and_written_into_the_docs(run: dict) -> None:
    assert "Per pagina" in run["table_markdown"]
    assert f"`{PAGE}`" in run["_stdout"]
    docs = run["_docs"]
    assert TABLE_START in docs and TABLE_END in docs
    assert run["table_markdown"].strip() in docs


def test_the_deck_walk_times_every_step(run: dict) -> None:
    deck = run["deck"]
    steps = deck["slides"] - 1
    assert len(deck["app_step_s"]) == len(deck["baseline_step_s"]) == steps, (
        "every step, and a slider step for each"
    )
    assert deck["app_step_kind"].count("next") == len(route()) - 1, (
        "a step on to each next question of the route"
    )
    assert "**Dia's**" in run["_docs"]
