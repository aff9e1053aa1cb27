"""Reproduce the deadlock that stops the server when many sessions run at once (docs/performance.md).

Two kinds of polars work run in several Python threads, as in concurrent Streamlit sessions:

* a Python UDF inside a polars expression: ``analysis.population.area_population`` uses
  ``pl.col("district").map_elements(other_area)``; polars runs it on a worker of its thread
  pool, which must take the GIL to call Python;
* a polars call that keeps the GIL while it waits for that pool: ``DataFrame.to_pandas()``,
  which ``st.dataframe`` calls for every polars frame it shows.

When the pool's workers wait for the GIL and the GIL's holder waits for the pool, nothing
moves again. Because a deadlocked process cannot run its own Python watchdog (it would need
the GIL), this script runs the workload in a child process and watches the child's CPU
time from outside: if it stops growing, the child is stuck.

    python -m bench.repro_polars_deadlock            # exit 1 and "DEADLOCK" when it hangs
    python -m bench.repro_polars_deadlock --no-udf   # the same load without the UDF: no deadlock
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICKS = 100
WINDOW_S = 3.0
STUCK_SHARE = 0.05


def child(threads: int, udf: bool) -> None:
    import threading

    sys.path.insert(0, str(REPO_ROOT))
    import polars as pl

    import analysis
    from analysis import population

    tidy, pop = analysis.load_dashboard(2022), analysis.load_population()

    def with_udf() -> None:
        population.area_population(tidy, pop, 2022)

    def without_udf() -> None:  # parallel expressions as well, but no Python inside polars
        tidy.select(pl.format("Overig {}", pl.col("district")), pl.col("gebied").str.to_uppercase())

    def to_pandas() -> None:
        tidy.to_pandas()

    def loop(job: Callable[[], None]) -> None:
        while True:
            job()

    jobs = [with_udf if udf else without_udf, to_pandas]
    for _ in range(threads):
        for job in jobs:
            threading.Thread(target=loop, args=(job,), daemon=True).start()
    time.sleep(3600)


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=4, help="threads per kind of work")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to try")
    parser.add_argument("--no-udf", action="store_true", help="use a native expression instead of the UDF")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.threads, not args.no_udf)
        return 0
    command = [sys.executable, "-m", "bench.repro_polars_deadlock", "--child", "--threads", str(args.threads)]
    if args.no_udf:
        command.append("--no-udf")
    process = subprocess.Popen(command, cwd=REPO_ROOT, stderr=subprocess.DEVNULL)
    try:
        time.sleep(3.0)  # imports and loading
        deadline = time.monotonic() + args.seconds
        last, slow = cpu_ticks(process.pid), 0
        while time.monotonic() < deadline:
            time.sleep(WINDOW_S)
            now = cpu_ticks(process.pid)
            # Threads that wait for the GIL still wake every 5 ms, so a stuck process uses a
            # little CPU; a working one with this many busy threads uses far more than 5% of a core.
            slow = slow + 1 if now - last < STUCK_SHARE * WINDOW_S * CLOCK_TICKS else 0
            if slow >= 2:
                elapsed = time.monotonic() - deadline + args.seconds
                print(f"DEADLOCK: the workers stopped working after about {elapsed:.0f} s")
                return 1
            last = now
        print(f"no deadlock in {args.seconds:.0f} s")
        return 0
    finally:
        process.kill()
        process.wait()


if __name__ == "__main__":
    raise SystemExit(main())
