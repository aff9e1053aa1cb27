"""A werksessie room without browsers: 60 phones, the big screen and the console over the websocket protocol.

``python -m bench.werksessie_room`` starts the app on a free port with a temporary SQLite
database, creates a session in it, opens the big screen (``presentatie=1``) and the console
(``scherm=regie``, unlocked with the key through its form), and then:

1. **alone**: participants one at a time (each on a fresh connection, the others closed) estimate
   once and post two notes: the single participant's post-to-confirmation times;
2. **room**: 60 participants connected at once, each polling its board like a phone (every 5 s),
   each estimating once and posting two notes at random moments within about 20 seconds.

Every phone sends its own XSRF cookie (its browser) and all come from 127.0.0.1 (one router),
as in a real room. Like the browser, the big screen reruns its live part every 2 s and the
console its board every 3 s; after each refresh the client reads what they show.

Measured: post-to-confirmation (click to the end of the run that shows the confirmation), p50
and p95, alone and in the room; server CPU and memory; posts lost or duplicated (the database
against the confirmations); and for every post the number of big-screen (estimates) and console
(notes: a card or a row of its table) refreshes until it shows. Results go to ``bench/results/werksessie-<stamp>.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import io
import json
import random
import secrets
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import func, select
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.load import cpu_seconds
from bench.server import APP_SCRIPT, Server, start
from bench.st_client import ProtocolError, RunResult, Session
from storage import Store, make_engine, migrate
from storage.clients import XSRF_COOKIE
from storage.models import Estimate, Note

RESULTS = Path(__file__).resolve().parent / "results"
PAGE = "werksessie"
BIG_REFRESH_S = 2.0
BOARD_REFRESH_S = 3.0  # the console
PHONE_REFRESH_S = 5.0  # a phone's board (components.werksessie_views.PHONE_REFRESH_SECONDS)
ESTIMATE_BUTTON = "Schatting insturen (ronde 1)"
NOTE_BUTTON = "Plaatsen"
ESTIMATE_OK = "Je schatting voor ronde 1 is opgeslagen."
NOTE_OK = "Geplaatst."


class RoomSession(Session):
    """A :class:`Session` with its own browser cookie that can click buttons and submit forms."""

    cookie: str = ""

    def handshake_headers(self) -> dict[str, str]:
        """This browser's XSRF cookie (the store tells browsers apart by it)."""
        return {"Cookie": f"{XSRF_COOKIE}={self.cookie}"}

    def fill(self, key: str, value: Any) -> None:
        """Type ``value`` into the widget ``key`` without a rerun (a form field, sent with the submit)."""
        widget = self.widgets[key]
        ws = WidgetState(id=widget.id)
        if widget.kind == "number_input":
            ws.double_value = float(value)
        else:
            ws.string_value = str(value)
        self._states[widget.id] = ws
        self._values[key] = value

    async def click(self, label: str) -> RunResult:
        """Click the button (or form submit button) labelled ``label`` and wait for the run."""
        button = next(
            (w for w in self.widgets.values() if w.kind == "button" and w.proto.label == label), None
        )
        if button is None:
            raise ProtocolError(f"No button {label!r}")
        self._states[button.id] = WidgetState(id=button.id, trigger_value=True)
        try:
            return await self.rerun(fragment_id=button.fragment_id)
        finally:
            self._states.pop(button.id, None)  # a trigger is sent once

    def fragment_ids(self) -> list[str]:
        """The ``st.fragment`` parts of the last run (the parts a browser reruns on their timers)."""
        return sorted({f for f in self.fragments.values() if f})

    def timed_fragments(self, marker: str) -> list[str]:
        """The fragments a browser reruns on a timer: those that draw text containing ``marker``.

        The forms are fragments too (a post reruns only its form), but they have no timer.
        """
        found = set()
        for path, element in self.elements.items():
            kind = element.WhichOneof("type")
            body = (
                getattr(getattr(element, kind), "body", "") if kind in ("markdown", "alert", "text") else ""
            )
            if marker in body and self.fragments.get(path):
                found.add(self.fragments[path])
        return sorted(found)

    def shown(self) -> str:
        """Everything the page shows as text, in one string (a table's text cells one per line)."""
        parts = self.texts()
        for element in self.ordered():
            kind = element.WhichOneof("type")
            if kind == "text":
                parts.append(element.text.body)
            elif kind == "dataframe":
                table = pl.read_ipc_stream(io.BytesIO(element.dataframe.arrow_data.data))
                for column in table.select(pl.col(pl.String)).iter_columns():
                    parts += [v for v in column if v is not None]
        return "\n".join(parts)


def _cookie() -> str:
    return secrets.token_hex(16)  # a version 1 XSRF cookie: the token in hex


@dataclass
class Post:
    """One estimate or note: who, what, when it was sent and confirmed, how long it took."""

    participant: int
    kind: str
    text: str
    sent: float
    confirmed: float | None = None
    seconds: float | None = None
    error: str = ""
    big_cycles: int | None = None
    console_cycles: int | None = None


@dataclass
class Refresh:
    """One refresh of the big screen or console: when it started and what it showed."""

    started: float
    count: int
    notes: frozenset[str]
    seconds: float = 0.0


@dataclass
class RoomResult:
    participants: int
    alone: list[Post] = field(default_factory=list)
    room: list[Post] = field(default_factory=list)
    cpu_s: float = 0.0
    wall_s: float = 0.0
    rss_mb_max: float = 0.0
    rss_mb_start: float = 0.0
    stored_estimates: int = 0
    stored_notes: int = 0
    duplicated: int = 0
    lost: int = 0
    board_refreshes: int = 0
    big_refreshes: int = 0
    console_refreshes: int = 0
    exceptions: list[str] = field(default_factory=list)
    big_refresh_s: list[float] = field(default_factory=list)
    console_refresh_s: list[float] = field(default_factory=list)
    poll_s: list[float] = field(default_factory=list)
    joins: list[float] = field(default_factory=list)
    alone_joins: list[float] = field(default_factory=list)
    join_cpu_s: float = 0.0


def _estimates_shown(text: str) -> int:
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 3 and words[1] in ("schatting", "schattingen") and words[2] == "binnen":
            return int(words[0])
    return 0


async def _open(base: str, query: str) -> RoomSession:
    session = RoomSession(base)
    session.cookie = _cookie()
    await session.connect()
    await session.load(PAGE, query)
    return session


#: Seconds of every phone's board refresh (a fragment run), for the report.
poll_times: list[float] = []


async def _participant(
    base: str,
    code: str,
    n: int,
    delays: tuple[float, float, float],
    posts: list[Post],
    stop: asyncio.Event,
    counter: list[int],
    go: asyncio.Event,
    joins: list[float],
) -> None:
    """One phone: join, poll the board every 5 s, estimate once and post two notes at the given delays."""
    opened = time.perf_counter()
    phone = await _open(base, f"sessie={code}")
    joins.append(time.perf_counter() - opened)
    fragments = phone.timed_fragments("ververst elke")

    async def poll() -> None:
        # Like the browser's timer of a fragment with run_every: it starts when the page has
        # loaded, so phones that joined at different moments refresh at different moments.
        while not stop.is_set():
            await asyncio.sleep(PHONE_REFRESH_S)
            for fragment in fragments:
                try:
                    run = await phone.rerun(fragment_id=fragment)
                except ProtocolError:
                    continue
                if go.is_set():
                    counter[0] += 1
                    poll_times.append(run.elapsed)

    poller = asyncio.create_task(poll())
    await go.wait()  # the facilitator asks the question once the room has joined
    t0 = time.perf_counter()
    try:
        for i, delay in enumerate(delays):
            await asyncio.sleep(max(0.0, t0 + delay - time.perf_counter()))
            if i == 0:
                value = 100 + n % 300  # within the field's bounds (0 to 1.000)
                post = Post(n, "schatting", str(value), time.perf_counter())
                phone.fill("_ws_schatting_signalen", value)
                result = await phone.click(ESTIMATE_BUTTON)
                ok = ESTIMATE_OK
            else:
                text = f"Deelnemer {n} noteert punt {i}: meer aandacht voor signalen uit de horeca"
                post = Post(n, "notitie", text, time.perf_counter())
                phone.fill("_ws_tekst_signalen", text)
                result = await phone.click(NOTE_BUTTON)
                ok = NOTE_OK
            post.confirmed = time.perf_counter()
            post.seconds = result.elapsed
            if ok not in phone.shown():
                post.error = (
                    " | ".join(t for t in phone.texts() if "niet" in t or "Wacht" in t)[:200]
                    or "geen bevestiging"
                )
            posts.append(post)
    finally:
        poller.cancel()
        await phone.close()


async def _watch(session: RoomSession, every: float, log: list[Refresh], stop: asyncio.Event) -> None:
    """Rerun the session's fragments every ``every`` seconds, as the browser's timer does; log what shows."""
    while not stop.is_set():
        await asyncio.sleep(every)
        started = time.perf_counter()
        for fragment in session.fragment_ids():
            await session.rerun(fragment_id=fragment)
        shown = session.shown()
        notes = frozenset(line for line in shown.splitlines() if line.startswith("Deelnemer "))
        log.append(Refresh(started, _estimates_shown(shown), notes, time.perf_counter() - started))


def _cycles(posts: list[Post], log: list[Refresh], *, notes: bool) -> None:
    """For each post: how many refreshes that started after its confirmation ran until it showed."""
    confirmed = sorted((p for p in posts if p.confirmed and not p.error), key=lambda p: p.confirmed or 0)
    for rank, post in enumerate(confirmed, start=1):
        later = [r for r in log if r.started >= (post.confirmed or 0)]
        for cycle, refresh in enumerate(later, start=1):
            seen = post.text in refresh.notes if notes else refresh.count >= rank
            if seen:
                if notes:
                    post.console_cycles = cycle
                else:
                    post.big_cycles = cycle
                break


async def run_room(server: Server, db_url: str, participants: int, alone: int, seed: int) -> RoomResult:
    rng = random.Random(seed)
    result = RoomResult(participants)
    engine = make_engine(db_url)
    migrate(engine)
    store = Store(engine)
    info, key = store.create_session(
        "Benchmark",
        dt.date.today(),
        ["Oost-Nederland"],
        ["signalen"],
        2022,
        "bench",
        offered_districts=["Oost-Nederland"],
    )
    code = info.code
    base = server.base_url
    big = await _open(base, f"sessie={code}&presentatie=1")
    console = await _open(base, f"sessie={code}&scherm=regie")
    console.fill("_ws_sleutel_invoer", key)
    await console.click("Regie openen")
    if "Schattingen tonen (ronde 1)" not in [
        w.proto.label for w in console.widgets.values() if w.kind == "button"
    ]:
        raise ProtocolError("The console did not open with the key")
    stop = asyncio.Event()
    big_log: list[Refresh] = []
    console_log: list[Refresh] = []
    watchers = [
        asyncio.create_task(_watch(big, BIG_REFRESH_S, big_log, stop)),
        asyncio.create_task(_watch(console, BOARD_REFRESH_S, console_log, stop)),
    ]
    counter = [0]

    # 1. Alone: one phone at a time, posts a few seconds apart (within the browser's limit of 5 per 30 s).
    now = asyncio.Event()
    now.set()
    for n in range(alone):
        await _participant(
            base, code, 1000 + n, (0.5, 2.5, 4.5), result.alone, stop, counter, now, result.alone_joins
        )

    # 2. The room: everyone connected, each post at a random moment within about 20 s.
    result.rss_mb_start = server.rss_mb()
    cpu0, wall0 = cpu_seconds(server.pid), time.perf_counter()
    rss_max = [result.rss_mb_start]

    async def sample() -> None:
        while not stop.is_set():
            rss_max[0] = max(rss_max[0], server.rss_mb())
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    go = asyncio.Event()
    tasks = []
    for n in range(participants):
        first = rng.uniform(0.5, 6.0)
        delays = (first, first + rng.uniform(4.0, 8.0), first + rng.uniform(10.0, 16.0))
        tasks.append(
            asyncio.create_task(
                _participant(base, code, n, delays, result.room, stop, counter, go, result.joins)
            )
        )
        await asyncio.sleep(0.1)  # people scan the QR code over several seconds
    while len(result.joins) < participants:
        await asyncio.sleep(0.1)
    result.join_cpu_s = cpu_seconds(server.pid) - cpu0
    await asyncio.sleep(PHONE_REFRESH_S)  # the question is asked
    counter[0] = 0
    cpu0, wall0 = cpu_seconds(server.pid), time.perf_counter()
    go.set()
    await asyncio.gather(*tasks)
    result.cpu_s = cpu_seconds(server.pid) - cpu0
    result.wall_s = time.perf_counter() - wall0
    result.board_refreshes = counter[0]
    await asyncio.sleep(2 * BOARD_REFRESH_S + 0.5)  # the screens' last refreshes
    stop.set()
    sampler.cancel()
    for watcher in watchers:
        watcher.cancel()
    result.rss_mb_max = rss_max[0]
    result.big_refreshes, result.console_refreshes = len(big_log), len(console_log)
    result.big_refresh_s = sorted(r.seconds for r in big_log)
    result.console_refresh_s = sorted(r.seconds for r in console_log)
    result.poll_s = sorted(poll_times)
    _cycles([p for p in result.alone + result.room if p.kind == "schatting"], big_log, notes=False)
    _cycles([p for p in result.alone + result.room if p.kind == "notitie"], console_log, notes=True)
    result.exceptions = big.exceptions() + console.exceptions()
    await big.close()
    await console.close()

    with engine.connect() as connection:
        notes = list(connection.execute(select(Note.text)).scalars())
        result.stored_notes = len(notes)
        result.stored_estimates = connection.execute(select(func.count()).select_from(Estimate)).scalar_one()
    confirmed_notes = [p.text for p in result.alone + result.room if p.kind == "notitie" and not p.error]
    result.duplicated = sum(notes.count(t) - 1 for t in set(notes) if notes.count(t) > 1)
    result.lost = sum(1 for t in confirmed_notes if t not in notes) + max(
        0,
        sum(1 for p in result.alone + result.room if p.kind == "schatting" and not p.error)
        - result.stored_estimates,
    )
    engine.dispose()
    return result


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` (inclusive method)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def _p50(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def summary(result: RoomResult) -> dict[str, Any]:
    """The figures docs/performance.md reports."""
    alone = [p.seconds for p in result.alone if p.seconds is not None and not p.error]
    room = [p.seconds for p in result.room if p.seconds is not None and not p.error]
    big = [p.big_cycles for p in result.alone + result.room if p.kind == "schatting" and not p.error]
    con = [p.console_cycles for p in result.alone + result.room if p.kind == "notitie" and not p.error]
    return {
        "participants": result.participants,
        "alone_posts": len(alone),
        "alone_p50_s": round(statistics.median(alone), 3),
        "alone_p95_s": round(percentile(alone, 0.95), 3),
        "room_posts": len(room),
        "room_p50_s": round(statistics.median(room), 3),
        "room_p95_s": round(percentile(room, 0.95), 3),
        "p95_ratio": round(percentile(room, 0.95) / percentile(alone, 0.95), 2),
        "refused": [p.error for p in result.alone + result.room if p.error],
        "stored_estimates": result.stored_estimates,
        "stored_notes": result.stored_notes,
        "lost": result.lost,
        "duplicated": result.duplicated,
        "big_screen_cycles_max": max((c for c in big if c is not None), default=None),
        "big_screen_not_shown": sum(1 for c in big if c is None),
        "console_cycles_max": max((c for c in con if c is not None), default=None),
        "console_not_shown": sum(1 for c in con if c is None),
        "join_p50_s": _p50(result.joins),
        "join_p95_s": round(percentile(result.joins, 0.95), 3),
        "join_alone_p50_s": _p50(result.alone_joins),
        "join_cpu_s": round(result.join_cpu_s, 1),
        "cpu_s": round(result.cpu_s, 1),
        "wall_s": round(result.wall_s, 1),
        "cpu_share": round(result.cpu_s / result.wall_s, 2) if result.wall_s else None,
        "rss_mb_start": round(result.rss_mb_start),
        "rss_mb_max": round(result.rss_mb_max),
        "phone_board_refreshes": result.board_refreshes,
        "big_refreshes": result.big_refreshes,
        "console_refreshes": result.console_refreshes,
        "big_refresh_p50_s": _p50(result.big_refresh_s),
        "console_refresh_p50_s": _p50(result.console_refresh_s),
        "console_refresh_max_s": round(max(result.console_refresh_s), 3)
        if result.console_refresh_s
        else None,
        "phone_refresh_p50_s": _p50(result.poll_s),
        "phone_refresh_p95_s": round(percentile(result.poll_s, 0.95), 3) if len(result.poll_s) > 1 else None,
        "exceptions": result.exceptions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument(
        "--alone", type=int, default=20, help="participants measured one at a time first (3 posts each)"
    )
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-werksessie-") as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'werksessies.sqlite'}"
        with start(APP_SCRIPT, env={"KETENDIALOOG_DATABASE_URL": db_url}) as server:
            result = asyncio.run(run_room(server, db_url, args.participants, args.alone, args.seed))
    figures = summary(result)
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"werksessie-{stamp}.json"
    out.write_text(
        json.dumps({"summary": figures, "posts": [asdict(p) for p in result.alone + result.room]}, indent=1)
    )
    print(json.dumps(figures, indent=1))
    print(f"Written to {out}")


if __name__ == "__main__":
    main()
