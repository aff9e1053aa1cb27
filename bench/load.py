"""A full room: N protocol-level sessions open a page, then change a control every few seconds.

Each session is a :class:`bench.st_client.Session` (no browser). Latency is the time from
sending the changed widget state to receiving ``script_finished`` of that rerun, which
includes every element of the redrawn page. The server's memory (RSS of the process and
its children, from ``/proc``) is sampled throughout; its CPU time is read before and after.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.scenarios import Control
from bench.server import Server
from bench.st_client import ProtocolError, Session

CLOCK_TICKS = 100  # os.sysconf("SC_CLK_TCK") on Linux


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` in seconds (from /proc/<pid>/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def client_value(session: Session, control: Control, step: int) -> Any:
    """The value to send for ``step``: the control's value, or for a slider one step right/left."""
    value = control.values[step % len(control.values)]
    if control.kind != "slider":
        return value
    widget = session.widgets[control.key]
    current = session.value(control.key)
    current = current[0] if isinstance(current, list) else current
    delta = widget.proto.step if value == "ArrowRight" else -widget.proto.step
    return min(widget.proto.max, max(widget.proto.min, float(current) + delta))


@dataclass
class LoadResult:
    sessions: int
    interactions: list[float] = field(default_factory=list)
    by_page: dict[str, list[float]] = field(default_factory=dict)
    loads: list[float] = field(default_factory=list)
    connects: list[float] = field(default_factory=list)
    retries: int = 0
    loaded_sessions: int = 0
    errors: list[str] = field(default_factory=list)
    rss_before_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_connected_mb: float = 0.0
    server_cpu_s: float = 0.0
    wall_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "sessions": self.sessions,
            "interactions_s": self.interactions,
            "by_page_s": self.by_page,
            "loads_s": self.loads,
            "connects_s": self.connects,
            "connect_retries": self.retries,
            "loaded_sessions": self.loaded_sessions,
            "errors": self.errors,
            "rss_before_mb": self.rss_before_mb,
            "rss_peak_mb": self.rss_peak_mb,
            "rss_connected_mb": self.rss_connected_mb,
            "server_cpu_s": self.server_cpu_s,
            "wall_s": self.wall_s,
        }


async def warm_up(base_url: str, pages: dict[str, Control]) -> None:
    """One session opens every page and changes its control once (imports, caches)."""
    async with Session(base_url) as session:
        for page, control in pages.items():
            await session.load(page)
            await session.set_widget(control.key, client_value(session, control, 0))


async def _sample_rss(server: Server, result: LoadResult, stop: asyncio.Event) -> None:
    while not stop.is_set():
        result.rss_peak_mb = max(result.rss_peak_mb, server.rss_mb())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=0.5)


async def _session(
    base_url: str,
    plan: list[tuple[str, Control, int]],
    *,
    think: tuple[float, float],
    start_delay: float,
    end: float,
    rng: random.Random,
    result: LoadResult,
    connected: asyncio.Event,
    release: asyncio.Event,
    ready: list[int],
    total: int,
) -> None:
    session = Session(base_url)
    try:
        await asyncio.sleep(start_delay)
        result.connects.append(await session.connect())
        result.retries += session.connect_attempts - 1
        first = True
        for page, control, count in plan:
            loaded = await session.load(page)
            result.loads.append(loaded.elapsed)
            if first:
                result.loaded_sessions += 1
                first = False
            if session.exceptions():
                result.errors.append(f"{page}: exception shown: {session.exceptions()[0][:200]}")
            step = 0
            # A fixed count, or until the end (but every session changes its control at least once).
            while (count and step < count) or (not count and (step == 0 or time.monotonic() < end)):
                await asyncio.sleep(rng.uniform(*think))
                if not count and step > 0 and time.monotonic() >= end:
                    break
                run = await session.set_widget(control.key, client_value(session, control, step))
                result.interactions.append(run.elapsed)
                result.by_page.setdefault(page, []).append(run.elapsed)
                step += 1
    except (ProtocolError, OSError, TimeoutError) as exc:
        result.errors.append(f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a closed socket and the like: count it, keep the others going
        result.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        ready.append(1)
        if len(ready) == total:
            connected.set()
        await release.wait()
        with contextlib.suppress(Exception):  # closing a broken socket
            await session.close()


async def run_room(
    server: Server,
    pages: dict[str, Control],
    sessions: int,
    *,
    duration: float = 60.0,
    think: tuple[float, float] = (2.0, 6.0),
    ramp: float = 5.0,
    single_per_page: int = 6,
    single_think: tuple[float, float] = (0.5, 1.0),
    seed: int = 1,
) -> LoadResult:
    """Run one full-room phase against ``server`` (already warm) and return what was measured.

    With ``sessions == 1`` the single session visits every page in turn and changes its
    control ``single_per_page`` times (the single-session reference). Otherwise session
    ``i`` opens page ``i mod len(pages)``, arriving within ``ramp`` seconds, and changes its
    control after a pause drawn from ``think`` until ``duration`` has passed.
    """
    rng = random.Random(seed)
    result = LoadResult(sessions)
    result.rss_before_mb = server.rss_mb()
    result.rss_peak_mb = result.rss_before_mb
    cpu_before = cpu_seconds(server.pid)
    stop = asyncio.Event()
    connected = asyncio.Event()
    release = asyncio.Event()
    ready: list[int] = []
    sampler = asyncio.create_task(_sample_rss(server, result, stop))
    start = time.monotonic()
    end = start + ramp + duration
    items = list(pages.items())
    tasks = []
    for i in range(sessions):
        if sessions == 1:
            plan = [(page, control, single_per_page) for page, control in items]
            pause, delay = single_think, 0.0
        else:
            page, control = items[i % len(items)]
            plan = [(page, control, 0)]
            pause, delay = think, rng.uniform(0, ramp)
        tasks.append(
            asyncio.create_task(
                _session(
                    server.base_url,
                    plan,
                    think=pause,
                    start_delay=delay,
                    end=end,
                    rng=random.Random(rng.random()),
                    result=result,
                    connected=connected,
                    release=release,
                    ready=ready,
                    total=sessions,
                )
            )
        )
    await connected.wait()
    # Every session is done interacting and still connected: the memory of a full room.
    result.rss_connected_mb = server.rss_mb()
    result.rss_peak_mb = max(result.rss_peak_mb, result.rss_connected_mb)
    result.wall_s = time.monotonic() - start
    result.server_cpu_s = cpu_seconds(server.pid) - cpu_before
    release.set()
    await asyncio.gather(*tasks)
    stop.set()
    await sampler
    return result
