"""Server-side script time per page, warm cache, split into data/analysis and Streamlit element time.

Each page runs repeatedly through ``streamlit.testing.v1.AppTest`` in one process (the
same ScriptRunner as the server, without a browser). ``ScriptRunner._run_script`` is
wrapped so that each run is timed in its own thread, and, in a second series, profiled
with ``cProfile``. From the profile, time is attributed by the *call edges from app code*
(``streamlit_app.py``, ``pages/``, ``components/``, or the baseline script):

* data/analysis: calls into ``analysis/``, ``components/data.py`` and Streamlit's
  ``st.cache_data`` machinery (a warm cache hit still hashes the arguments and copies the result),
  except the cache of chart specs in ``components/charts.py``, which is drawing (app UI code);
* Streamlit elements: calls into any other ``streamlit`` function (``st.altair_chart``,
  ``st.dataframe``, ``st.metric``, session state ...), except the page run itself
  (``StreamlitPage.run``) and the ``st.fragment`` wrapper around app code, including what
  those calls do in Altair, Arrow and protobuf;
* app UI code: the rest of the script (building Altair charts and tables in ``components/``).

Only edges from app code count, so a callback (e.g. a sort key defined in ``analysis``
and called by ``sorted``) is not counted twice. The split is taken from the profiled
runs and applied to the median un-profiled script time.

Run as ``python -m bench.profile_pages --runs 10 --json out.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

APP = REPO_ROOT / "streamlit_app.py"
BASELINE = REPO_ROOT / "bench" / "baseline_app.py"

#: url path -> page file (relative to the entry point), as in streamlit_app.py.
PAGE_FILES = {
    "": None,
    "aard-en-omvang": "pages/aard-en-omvang.py",
    "opvolging": "pages/opvolging.py",
    "rapportage-interventie": "pages/rapportage-interventie.py",
    "casustafels": "pages/casustafels.py",
    "onzichtbare-slachtoffers": "pages/onzichtbare-slachtoffers.py",
    "ontwikkeling": "pages/ontwikkeling.py",
    "data": "pages/data.py",
}

_ANALYSIS = str(REPO_ROOT / "analysis") + "/"
_DATA_PY = str(REPO_ROOT / "components" / "data.py")
#: Chart specs are cached in ``components/charts.py``: looking one up is drawing, not data work.
_CHARTS_PY = str(REPO_ROOT / "components" / "charts.py")
_APP_FILES = (
    str(REPO_ROOT / "pages") + "/",
    str(REPO_ROOT / "components") + "/",
    str(APP),
    str(BASELINE),
)
_STREAMLIT = "/streamlit/"
_CACHING = "/streamlit/runtime/caching/"
_PAGE_RUN = "/streamlit/navigation/page.py"
#: ``st.fragment``'s wrapper runs app code (a page's or component's fragment body): like the
#: page run itself it is not an element, and the calls inside it are attributed on their own.
_FRAGMENT = "/streamlit/runtime/fragment.py"


def category(filename: str, funcname: str) -> str | None:
    """'data', 'streamlit', 'app' or None (anything else: libraries, builtins)."""
    if filename.startswith(_ANALYSIS) or filename == _DATA_PY or _CACHING in filename:
        return "data"
    if filename.startswith(_APP_FILES):
        return "app"
    if _STREAMLIT in filename:
        if filename.endswith(_PAGE_RUN) and funcname == "run":
            return None
        if filename.endswith(_FRAGMENT):
            return None
        return "streamlit"
    return None


def short_name(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        rel = "/".join(parts[parts.index("site-packages") + 1 :])
    elif filename.startswith(str(REPO_ROOT)):
        rel = str(path.relative_to(REPO_ROOT))
    else:
        rel = filename if filename == "~" else path.name
    return f"{rel}:{line}({name})" if filename != "~" else name


class RunRecorder:
    """Wraps ScriptRunner._run_script: times every run, and profiles it while ``profile`` is set."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self.profiling = False
        self.profiles: list[dict[Any, Any]] = []
        self._lock = threading.Lock()

    @contextmanager
    def installed(self) -> Iterator[RunRecorder]:
        from streamlit.runtime.scriptrunner import script_runner

        # Typed as Any: the checker does not allow assigning to a method of a class.
        runner_class: Any = script_runner.ScriptRunner
        original = runner_class._run_script
        recorder = self

        def wrapped(runner: Any, rerun_data: Any) -> None:
            # A fresh profile per run: pstats keys functions by (file, line, name), and the
            # script's code objects are compiled anew on every run, so one profile over
            # several runs would overwrite rather than add up their entries.
            profile = cProfile.Profile() if recorder.profiling else None
            start = time.perf_counter()
            if profile is not None:
                profile.enable()
            try:
                original(runner, rerun_data)
            finally:
                if profile is not None:
                    profile.disable()
                with recorder._lock:
                    recorder.durations.append(time.perf_counter() - start)
                    if profile is not None:
                        recorder.profiles.append(pstats.Stats(profile).stats)  # type: ignore[attr-defined]

        runner_class._run_script = wrapped
        try:
            yield self
        finally:
            runner_class._run_script = original


_METRICS_WRAPPER = "/streamlit/runtime/metrics_util.py"


def _script_cumulative(stats: dict[Any, Any], script: Path) -> float:
    return sum(
        value[3]
        for (filename, _line, name), value in stats.items()
        if filename == str(script) and name == "<module>"
    )


def attribute(runs: list[dict[Any, Any]]) -> dict[str, Any]:
    """Split profiled time by the call edges from app code; list hotspots (ms per run).

    ``runs`` holds one ``pstats`` table per script run.
    """
    n = len(runs)
    entries: dict[str, float] = defaultdict(float)
    data_calls: dict[Any, float] = defaultdict(float)
    st_calls: dict[Any, float] = defaultdict(float)
    analysis_cum: dict[Any, float] = defaultdict(float)
    self_time: dict[Any, float] = defaultdict(float)
    parse_calls = 0
    for stats in runs:
        for func, (_cc, nc, tt, ct, callers) in stats.items():
            self_time[func] += tt
            if func[0].startswith(_ANALYSIS):
                analysis_cum[func] += ct
                if func[0].endswith("analysis/parser.py") and func[2] == "parse_layout":
                    parse_calls += nc
            callee_cat = category(func[0], func[2])
            if callee_cat == "streamlit" and not func[0].endswith(_METRICS_WRAPPER):
                # st.* commands are wrapped by metrics_util.gather_metrics: name the wrapped function.
                for caller, edge in callers.items():
                    if caller[0].endswith(_METRICS_WRAPPER):
                        st_calls[func] += edge[3]
            if callee_cat not in ("data", "streamlit"):
                continue
            for caller, edge in callers.items():
                if category(caller[0], caller[2]) != "app":
                    continue
                if callee_cat == "data" and _CACHING in func[0] and caller[0] == _CHARTS_PY:
                    continue  # the chart spec cache: stays with app UI code
                entries[callee_cat] += edge[3]
                if callee_cat == "data":
                    data_calls[func] += edge[3]
                elif not func[0].endswith(_METRICS_WRAPPER):
                    st_calls[func] += edge[3]

    def top(items: dict[Any, float], count: int = 8) -> list[dict[str, Any]]:
        ordered = sorted(items.items(), key=lambda kv: kv[1], reverse=True)[:count]
        return [{"function": short_name(f), "ms_per_run": 1000 * t / n} for f, t in ordered]

    return {
        "data_s": entries["data"] / n,
        "streamlit_s": entries["streamlit"] / n,
        "top_data_calls": top(data_calls),
        "top_streamlit_calls": top(st_calls),
        "top_analysis_cumulative": top(analysis_cum),
        "top_self_time": top(self_time, 12),
        "parse_layout_calls": parse_calls,
    }


def profile_target(script: Path, page_file: str | None, runs: int, recorder: RunRecorder) -> dict[str, Any]:
    """Warm up, then time ``runs`` plain runs and ``runs`` profiled runs of one page."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=120)
    at.run()
    if page_file is not None:
        at.switch_page(page_file)
        at.run()
    if at.exception:
        raise RuntimeError(f"{script.name} {page_file}: {[e.message for e in at.exception]}")
    at.run()  # one more warm run

    recorder.durations.clear()
    for _ in range(runs):
        at.run()
    plain = list(recorder.durations)

    recorder.durations.clear()
    recorder.profiles.clear()
    recorder.profiling = True
    try:
        for _ in range(runs):
            at.run()
    finally:
        recorder.profiling = False
    profiled_runs = list(recorder.durations)
    profiles = list(recorder.profiles)
    split = attribute(profiles)
    script_profiled = sum(_script_cumulative(p, script) for p in profiles) / len(profiles)
    median = statistics.median(plain)
    # Apply the profiled shares to the un-profiled run time.
    share_data = split["data_s"] / script_profiled if script_profiled else 0.0
    share_streamlit = split["streamlit_s"] / script_profiled if script_profiled else 0.0
    return {
        "runs": runs,
        "script_s": plain,
        "script_median_s": median,
        "script_min_s": min(plain),
        "script_max_s": max(plain),
        "profiled_median_s": statistics.median(profiled_runs),
        "profiled_script_s": script_profiled,
        "data_share": share_data,
        "streamlit_share": share_streamlit,
        "app_share": max(0.0, 1.0 - share_data - share_streamlit),
        "data_s": median * share_data,
        "streamlit_s": median * share_streamlit,
        **{k: v for k, v in split.items() if k not in ("data_s", "streamlit_s")},
    }


def profile_all(pages: list[str], runs: int) -> dict[str, Any]:
    recorder = RunRecorder()
    results: dict[str, Any] = {"pages": {}, "baseline": None}
    with recorder.installed():
        results["baseline"] = profile_target(BASELINE, None, runs, recorder)
        for page in pages:
            results["pages"][page] = profile_target(APP, PAGE_FILES[page], runs, recorder)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--pages", default=",".join(PAGE_FILES), help="comma-separated url paths ('' = start)"
    )
    parser.add_argument("--json", type=Path, required=True)
    args = parser.parse_args(argv)
    pages = [p for p in args.pages.split(",")] if args.pages else [""]
    results = profile_all(pages, args.runs)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
