"""``make bench``: measure the app against a bare Streamlit baseline on this machine, in one run.

Phases (all on the same machine, app and baseline alternating):

1. cold start: process start -> /_stcore/health -> start page fully drawn in headless Chromium;
2. first view of every page in a fresh browser context, and the latency of a control change;
3. script time per page on the server side (AppTest + cProfile, warm cache), in a subprocess;
4. a full room: N protocol-level sessions per level, a fresh server per level;
5. a check that the protocol client and the browser see the same numbers.

Writes ``bench/results/<UTC timestamp>.json`` and ``latest.json``, prints the table, and puts
it into ``docs/performance.md`` between its markers.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import datetime as dt
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench import browser, load, report  # noqa: E402
from bench import server as srv  # noqa: E402
from bench.scenarios import (  # noqa: E402
    BASELINE_CONTROL,
    BASELINE_PAGE,
    CONTROLS,
    DECK_KEY,
    DECK_PATH,
    PAGES,
    Control,
    label,
)
from bench.st_client import Session  # noqa: E402

PHASES = ("cold", "views", "deck", "profile", "room", "validate")
#: Pages whose numbers the protocol client and the browser must agree on (if measured).
VALIDATION_PAGES = ("", "rapportage-interventie")
BUSY_PATTERN = "streamlit|chromium|pytest"
OTHERS_MAX_CORES = 0.2


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the machine ------------------------------------------------------------------------


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def other_processes() -> list[str]:
    """Streamlit, Chromium and pytest processes that are not this run or its children."""
    mine = {os.getpid(), os.getppid()}
    try:
        out = subprocess.run(
            ["pgrep", "-af", BUSY_PATTERN], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return []
    found = []
    for line in out.splitlines():
        pid_text, _, command = line.partition(" ")
        if not pid_text.isdigit() or int(pid_text) in mine:
            continue
        if "<defunct>" in command or "pgrep" in command:
            continue
        if _is_descendant(int(pid_text), os.getpid()):
            continue
        found.append(line[:160])
    return found


def _is_descendant(pid: int, ancestor: int) -> bool:
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        pid = int(stat.rsplit(")", 1)[1].split()[1])
    return False


def busy_processes(lines: list[str], sample_s: float = 2.0, threshold: float = 0.02) -> list[str]:
    """Those of ``lines`` (``pgrep -af`` output) that used more than ``threshold`` of a core while sampled.

    An idle server someone left running does not disturb a measurement; a test run does.
    """
    pids = {int(line.split(" ", 1)[0]): line for line in lines}
    before = {pid: load.cpu_seconds(pid) for pid in pids}
    time.sleep(sample_s)
    return [line for pid, line in pids.items() if load.cpu_seconds(pid) - before[pid] > threshold * sample_s]


def wait_for_quiet(max_minutes: float, threshold: float) -> tuple[bool, float, list[str]]:
    """Wait (in 30 s steps, at most ``max_minutes``) until load < threshold and no other
    Streamlit, Chromium or pytest process is using the CPU. Returns (quiet, load, others)."""
    deadline = time.monotonic() + 60 * max_minutes
    while True:
        load_now, others = loadavg(), other_processes()
        quiet = load_now < threshold and not busy_processes(others)
        if quiet or time.monotonic() >= deadline:
            return quiet, load_now, others
        log(f"machine busy (load {load_now:.2f}, {len(others)} other processes); waiting")
        time.sleep(30)


#: Set in this run's environment, so its servers and browsers (which inherit it) can be told apart.
RUN_MARKER = "KETENDIALOOG_BENCH_RUN"


def _others_ticks(marker: bytes) -> dict[int, int]:
    """Own CPU ticks (user + system) of every process that does not carry this run's marker."""
    ticks = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if marker in Path(f"/proc/{entry}/environ").read_bytes():
                continue
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[int(entry)] = int(fields[11]) + int(fields[12])
    return ticks


class CpuWatch(threading.Thread):
    """Samples how many cores processes outside this run use, every ``interval`` seconds.

    Processes of this run inherit an environment marker; every other process's CPU time
    is summed (a process born and gone between two samples is missed).
    """

    def __init__(self, interval: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.samples: list[float] = []
        self._stop_event = threading.Event()
        self.marker = f"{RUN_MARKER}={os.getpid()}".encode()
        os.environ[RUN_MARKER] = str(os.getpid())

    def run(self) -> None:
        before = _others_ticks(self.marker)
        while not self._stop_event.wait(self.interval):
            now = _others_ticks(self.marker)
            used = sum(t - before.get(pid, 0) for pid, t in now.items() if t >= before.get(pid, 0))
            self.samples.append(used / load.CLOCK_TICKS / self.interval)
            before = now

    def stop(self) -> dict[str, float]:
        self._stop_event.set()
        self.join(timeout=2 * self.interval)
        values = self.samples or [0.0]
        return {
            "mean_cores": sum(values) / len(values),
            "max_cores": max(values),
            "samples": len(self.samples),
        }


# -- phases -----------------------------------------------------------------------------


def measure_cold(reps: int) -> dict[str, Any]:
    result: dict[str, Any] = {t: {"health_s": [], "drawn_s": []} for t in srv.TARGETS}
    with browser.chromium() as chrome:
        for rep in range(reps):
            order = ["app", "baseline"] if rep % 2 == 0 else ["baseline", "app"]
            for target in order:
                context = browser.new_context(chrome)
                page = context.new_page()
                server = srv.start(srv.TARGETS[target], wait=False)
                try:
                    health = srv.wait_healthy(server)
                    page.goto(f"{server.base_url}/", wait_until="commit", timeout=browser.TIMEOUT_MS)
                    browser.wait_drawn(page)
                    drawn = time.perf_counter() - server.started
                finally:
                    context.close()
                    server.stop()
                result[target]["health_s"].append(health)
                result[target]["drawn_s"].append(drawn)
                log(f"cold {target}: health {health:.2f} s, drawn {drawn:.2f} s")
    return result


def _visit(chrome: Any, url: str, control: Control | None) -> dict[str, Any]:
    """Open ``url`` in a fresh context, then change ``control`` there and back."""
    context = browser.new_context(chrome)
    try:
        page = context.new_page()
        visit: dict[str, Any] = {"view": browser.open_page(page, url), "changes": []}
        visit.update(browser.timings(page))
        seen: dict[str, Any] = {"title": page.locator('[data-testid="stMain"] h1').first.inner_text()}
        seen["metrics"] = browser.metrics(page)
        if control is not None:
            for step in range(len(control.values)):
                visit["changes"].append(browser.change(page, control, step))
                if step == 0:
                    seen["metrics_changed"] = browser.metrics(page)
        visit["seen"] = seen
        return visit
    finally:
        context.close()


def measure_views(
    pages: list[str], reps: int, with_validation: bool = True, warmup: bool = True
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """First views and control changes; with ``with_validation`` also the client-vs-browser check.

    Returns (results per page, validation result or None).
    """
    results: dict[str, Any] = {
        page: {
            "control": CONTROLS[page].key if page in CONTROLS else None,
            "app_view_s": [],
            "baseline_view_s": [],
            "app_change_s": [],
            "baseline_change_s": [],
            "app_script_done_s": [],
            "baseline_script_done_s": [],
            "app_transfer_kb": [],
            "baseline_transfer_kb": [],
            "app_resources": [],
            "baseline_resources": [],
        }
        for page in pages
    }
    seen: dict[str, Any] = {}
    with (
        srv.start(srv.APP_SCRIPT) as app,
        srv.start(srv.BASELINE_SCRIPT) as base,
        browser.chromium() as chrome,
    ):
        if warmup:
            log("views: warming up (every page once, not recorded)")
            for page in pages:
                _visit(chrome, f"{app.base_url}/{page}", CONTROLS.get(page))
            _visit(chrome, f"{base.base_url}/{BASELINE_PAGE}", BASELINE_CONTROL)
        for rep in range(reps):
            for i, page in enumerate(pages):
                order = ["app", "baseline"] if (rep + i) % 2 == 0 else ["baseline", "app"]
                has_control = page in CONTROLS
                for target in order:
                    if target == "app":
                        visit = _visit(chrome, f"{app.base_url}/{page}", CONTROLS.get(page))
                        if rep == 0 and page in VALIDATION_PAGES:
                            seen[page] = visit["seen"]
                    else:
                        control = BASELINE_CONTROL if has_control else None
                        visit = _visit(chrome, f"{base.base_url}/{BASELINE_PAGE}", control)
                    results[page][f"{target}_view_s"].append(visit["view"])
                    results[page][f"{target}_change_s"].extend(visit["changes"])
                    done = visit["script_done_ms"]
                    results[page][f"{target}_script_done_s"].append(None if done is None else done / 1000)
                    results[page][f"{target}_transfer_kb"].append(visit["transfer_kb"])
                    results[page][f"{target}_resources"].append(visit["resources"])
                entry = results[page]
                log(
                    f"views rep {rep + 1}/{reps} {label(page)}: app {entry['app_view_s'][-1]:.2f} s, "
                    f"baseline {entry['baseline_view_s'][-1]:.2f} s"
                    + (
                        f"; change app {entry['app_change_s'][-1]:.2f} s, "
                        f"baseline {entry['baseline_change_s'][-1]:.2f} s"
                        if has_control
                        else ""
                    )
                )
        validation = compare_numbers(app.base_url, pages, seen, chrome) if with_validation else None
    return results, validation


def measure_deck(reps: int, warmup: bool = True) -> dict[str, Any]:
    """Step time of the deck: PageDown to the next slide settled, against a slider rerun of the baseline.

    The app walks the whole deck in presentation mode (1280 x 720); after every slide step
    the baseline's slider moves one step in a second window, so both are measured side by
    side under the same load. Each step is recorded with its kind: ``within`` a question
    (a rerun of the same page) or ``next`` question (a switch to the next page).
    """
    from components.deck import slides

    deck = slides()
    result: dict[str, Any] = {
        "app_step_s": [],
        "app_step_kind": [],
        "baseline_step_s": [],
        "slides": len(deck),
    }
    with (
        srv.start(srv.APP_SCRIPT) as app,
        srv.start(srv.BASELINE_SCRIPT) as base,
        browser.chromium() as chrome,
    ):
        if warmup:
            log("deck: warming up (the whole deck once, not recorded)")
            _walk_deck(chrome, app.base_url, deck, None, None)
        for rep in range(reps):
            _walk_deck(chrome, app.base_url, deck, base.base_url, result)
            log(
                f"deck rep {rep + 1}/{reps}: median step app "
                f"{report.summary(result['app_step_s'][-(len(deck) - 1) :])['median']:.2f} s, baseline "
                f"{report.summary(result['baseline_step_s'][-(len(deck) - 1) :])['median']:.2f} s"
            )
    return result


def _walk_deck(
    chrome: Any, app_url: str, deck: tuple[Any, ...], base_url: str | None, result: dict[str, Any] | None
) -> None:
    """Walk the deck from its first slide to its last with the clicker's key; record into ``result``."""
    app_context = browser.deck_context(chrome)
    base_context = browser.new_context(chrome) if base_url else None
    try:
        page = app_context.new_page()
        browser.open_page(page, f"{app_url}/{DECK_PATH}")
        base_page = None
        if base_context is not None:
            base_page = base_context.new_page()
            browser.open_page(base_page, f"{base_url}/{BASELINE_PAGE}")
        for index in range(1, len(deck)):
            step = browser.step_slide(page, DECK_KEY, f"{index + 1} / {len(deck)}")
            if result is None:
                continue
            same = deck[index].question == deck[index - 1].question
            result["app_step_s"].append(step)
            result["app_step_kind"].append("within" if same else "next")
            if base_page is not None:
                result["baseline_step_s"].append(browser.change(base_page, BASELINE_CONTROL, index - 1))
    finally:
        app_context.close()
        if base_context is not None:
            base_context.close()


def measure_profile(pages: list[str], runs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        out = Path(tmp) / "profile.json"
        command = [
            sys.executable,
            "-m",
            "bench.profile_pages",
            "--runs",
            str(runs),
            "--pages",
            ",".join(pages),
            "--json",
            str(out),
        ]
        completed = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            raise RuntimeError(f"profile_pages failed:\n{completed.stdout}\n{completed.stderr}")
        return json.loads(out.read_text(encoding="utf-8"))


def measure_room(pages: list[str], levels: list[int], args: argparse.Namespace) -> dict[str, Any]:
    app_pages = {page: CONTROLS[page] for page in pages if page in CONTROLS}
    targets = {"app": app_pages, "baseline": {BASELINE_PAGE: BASELINE_CONTROL}}
    result: dict[str, Any] = {"app": {}, "baseline": {}}
    if not app_pages:
        return result
    for index, sessions in enumerate(levels):
        order = ["app", "baseline"] if index % 2 == 0 else ["baseline", "app"]
        for target in order:
            with srv.start(srv.TARGETS[target]) as server:
                # Always warm: the first run of a page imports its modules and fills the caches.
                in_thread(load.warm_up(server.base_url, targets[target]))
                time.sleep(1.0)
                room = in_thread(
                    load.run_room(
                        server,
                        targets[target],
                        sessions,
                        duration=args.duration,
                        think=args.think,
                        ramp=args.ramp,
                        single_per_page=args.single_per_page if target == "app" else 5 * args.single_per_page,
                    )
                )
            result[target][str(sessions)] = room.as_dict()
            lat = report.latency_summary(room.interactions)
            log(
                f"room {target} N={sessions}: {len(room.interactions)} changes, p50 {lat['p50']:.2f} s, "
                f"p95 {lat['p95']:.2f} s, RSS {room.rss_before_mb:.0f} -> {room.rss_connected_mb:.0f} MB, "
                f"{len(room.errors)} errors"
            )
    return result


def in_thread(coro: Any) -> Any:
    """Run a coroutine to completion in its own thread (Playwright's sync API owns this thread's loop)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _client_numbers(base_url: str, page: str) -> dict[str, Any]:
    async with Session(base_url) as session:
        await session.load(page)
        seen: dict[str, Any] = {"title": session.title(), "metrics": session.metrics()}
        control = CONTROLS.get(page)
        if control is not None:
            await session.set_widget(control.key, load.client_value(session, control, 0))
            seen["metrics_changed"] = session.metrics()
        return seen


def _normalise(seen: dict[str, Any]) -> dict[str, Any]:
    out = {"title": (seen.get("title") or "").strip()}
    for key in ("metrics", "metrics_changed"):
        if key in seen:
            out[key] = [[" ".join(str(a).split()), " ".join(str(b).split())] for a, b in seen[key]]
    return out


def compare_numbers(
    base_url: str, pages: list[str], browser_seen: dict[str, Any], chrome: Any
) -> dict[str, Any]:
    """Compare what the protocol client and the browser show (title, metrics, metrics after a change)."""
    chosen = [p for p in VALIDATION_PAGES if p in pages] or pages[:1]
    result: dict[str, Any] = {}
    for page in chosen:
        client = _normalise(in_thread(_client_numbers(base_url, page)))
        shown = browser_seen.get(page)
        if shown is None:
            shown = _visit(chrome, f"{base_url}/{page}", CONTROLS.get(page))["seen"]
        shown = _normalise(shown)
        result[label(page)] = {"browser": shown, "client": client, "match": shown == client}
        log(f"validate {label(page)}: {'same numbers' if shown == client else 'DIFFERENT numbers'}")
    return result


def validate(pages: list[str]) -> dict[str, Any]:
    """The client-vs-browser check on its own server (when the views phase does not run)."""
    with srv.start(srv.APP_SCRIPT) as app, browser.chromium() as chrome:
        return compare_numbers(app.base_url, pages, {}, chrome)


# -- the run ----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark the app against a bare Streamlit baseline.")
    parser.add_argument("--reps", type=int, default=5, help="repetitions of every browser measurement")
    parser.add_argument(
        "--pages", default=",".join(PAGES), help="comma-separated url paths ('start' or '' = start page)"
    )
    parser.add_argument("--sessions", default="1,10,40", help="full-room levels, comma-separated")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of control changes per level")
    parser.add_argument("--think", default="2,6", help="pause between changes per session: min,max seconds")
    parser.add_argument("--ramp", type=float, default=5.0, help="sessions arrive within this many seconds")
    parser.add_argument("--single-per-page", type=int, default=6, help="N=1: control changes per page")
    parser.add_argument(
        "--profile-runs", type=int, default=10, help="script runs per page (timed and profiled)"
    )
    parser.add_argument("--phases", default=",".join(PHASES), help="which phases to run")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "bench" / "results")
    parser.add_argument(
        "--docs", default=str(REPO_ROOT / "docs" / "performance.md"), help="'' to leave docs alone"
    )
    parser.add_argument(
        "--warmup", action=argparse.BooleanOptionalAction, default=True, help="visit every page once first"
    )
    parser.add_argument("--wait-quiet", type=float, default=0.0, help="minutes to wait for a quiet machine")
    parser.add_argument("--quiet-load", type=float, default=0.7, help="1-minute load that counts as quiet")
    args = parser.parse_args(argv)
    args.page_list = ["" if p in ("", "start") else p for p in args.pages.split(",")]
    args.levels = [int(n) for n in args.sessions.split(",") if n.strip()]
    low, high = (float(x) for x in args.think.split(","))
    args.think = (low, high)
    args.phase_list = [p for p in args.phases.split(",") if p]
    unknown = set(args.phase_list) - set(PHASES)
    if unknown:
        parser.error(f"unknown phases: {sorted(unknown)}")
    return args


def finite(value: Any) -> Any:
    """``value`` with NaN and infinity as null, so the result file is strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def versions() -> dict[str, str]:
    import altair
    import polars
    import streamlit

    return {
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "altair": altair.__version__,
        "polars": polars.__version__,
        "chromium": browser.chromium_path() or "",
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    quiet, load_before, others = wait_for_quiet(args.wait_quiet, args.quiet_load)
    if not quiet:
        log(f"measuring under load: load {load_before:.2f}, other processes: {others}")
    stamp = dt.datetime.now(dt.UTC)
    raw: dict[str, Any] = {
        "meta": {
            "timestamp": stamp.strftime("%Y-%m-%d %H:%M"),
            "host": platform.node(),
            "cpus": os.cpu_count(),
            "repetitions": args.reps,
            "pages": args.page_list,
            "levels": args.levels,
            "duration_s": args.duration,
            "think_s": list(args.think),
            "ramp_s": args.ramp,
            "profile_runs": args.profile_runs,
            "warmup": args.warmup,
            "phases": args.phase_list,
            "loadavg_before": round(load_before, 2),
            "others_before": others,
            "quiet": quiet,
            "versions": versions(),
            "command": " ".join([Path(sys.executable).name, "-m", "bench.run", *(argv or sys.argv[1:])]),
        }
    }
    started = time.monotonic()
    watch = CpuWatch()
    watch.start()
    if "cold" in args.phase_list:
        log("phase: cold start")
        raw["cold"] = measure_cold(args.reps)
    if "views" in args.phase_list:
        log("phase: first views and interactions")
        raw["views"], validation = measure_views(
            args.page_list, args.reps, "validate" in args.phase_list, args.warmup
        )
        if validation is not None:
            raw["validation"] = validation
    if "deck" in args.phase_list:
        log("phase: deck steps (next slide) against the baseline slider")
        raw["deck"] = measure_deck(args.reps, args.warmup)
    if "profile" in args.phase_list:
        log("phase: script time (AppTest + cProfile)")
        raw["profile"] = measure_profile(args.page_list, args.profile_runs)
    if "room" in args.phase_list:
        log("phase: full room")
        raw["room"] = measure_room(args.page_list, args.levels, args)
    if "validate" in args.phase_list and "validation" not in raw:
        log("phase: protocol client against browser")
        raw["validation"] = validate(args.page_list)
    raw["meta"]["other_cpu"] = watch.stop()
    # Disturbed: other processes used on average more than a fifth of a core during the run.
    raw["meta"]["quiet_during"] = raw["meta"]["other_cpu"]["mean_cores"] < OTHERS_MAX_CORES
    raw["meta"]["loadavg_after"] = round(loadavg(), 2)
    raw["meta"]["others_after"] = other_processes()
    raw["meta"]["wall_s"] = round(time.monotonic() - started, 1)
    summ = report.summarise(raw)
    raw["summary"] = summ
    table = report.markdown(raw, summ)
    raw["table_markdown"] = table
    raw["hotspots_markdown"] = report.hotspots(raw, summ)

    args.out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(finite(raw), indent=1, ensure_ascii=False, default=str, allow_nan=False)
    result_path = args.out / f"{stamp.strftime('%Y%m%dT%H%M%SZ')}.json"
    result_path.write_text(text, encoding="utf-8")
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    if args.docs:
        report.write_docs(Path(args.docs), table, raw["hotspots_markdown"] if "profile" in raw else None)
    print(table)
    print(raw["hotspots_markdown"])
    log(f"wrote {result_path} and latest.json in {raw['meta']['wall_s']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
