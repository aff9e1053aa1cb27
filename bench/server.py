"""Start a Streamlit server for the benchmark and the browser tests, time its start, and read its memory.

``start`` is shared by ``bench/run.py`` and the browser tests' ``streamlit_server``
fixture (``tests/browser/conftest.py``), so both run the app the same way.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
APP_SCRIPT = "serve.py"  # streamlit_app.py behind the address guard (serve.py)
BASELINE_SCRIPT = "bench/baseline_app.py"
START_TIMEOUT_S = 90.0

#: The two apps measured side by side.
TARGETS = {"app": APP_SCRIPT, "baseline": BASELINE_SCRIPT}


class ServerStartError(RuntimeError):
    """The server exited or did not answer /_stcore/health in time; the message holds its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
        except OSError:
            continue
        for child in text.split():
            found.append(int(child))
            found.extend(_children(int(child)))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (from /proc/<pid>/status)."""
    return sum(_rss_kb(p) for p in [pid, *_children(pid)]) / 1024.0


@dataclass
class Server:
    """A running ``streamlit run`` process on a free port."""

    script: str
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    started: float
    #: Seconds from process start to /_stcore/health answering.
    health_s: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_mb(self) -> float:
        return rss_mb(self.pid)

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return f"<no log: {exc}>"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    script: str,
    *,
    wait: bool = True,
    cwd: Path = REPO_ROOT,
    env: dict[str, str] | None = None,
    timeout: float = START_TIMEOUT_S,
) -> Server:
    """Start ``streamlit run <script>`` from ``cwd`` (by default the repository root, so it uses the app's config).

    ``env`` adds (or overrides) environment variables for the server process. The file
    watcher is off: nothing reruns or shows "source changed" while files are edited.

    With ``wait`` the call returns once /_stcore/health answers (within ``timeout``
    seconds) and ``health_s`` holds the time from process start until then; otherwise
    it raises ``ServerStartError`` with the server's log.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        "--server.runOnSave",
        "false",
    ]
    fd, name = tempfile.mkstemp(prefix="bench-streamlit-", suffix=".log")
    os.close(fd)
    log_path = Path(name)
    process_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with log_path.open("wb") as log_file:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=process_env,
        )
    server = Server(script, process, port, log_path, started)
    if wait:
        wait_healthy(server, timeout)
    return server


def wait_healthy(server: Server, timeout: float = START_TIMEOUT_S) -> float:
    """Poll /_stcore/health every 10 ms; set and return ``health_s``.

    Raises ``ServerStartError`` (with the server's log) and stops the server if it
    exits or does not answer within ``timeout`` seconds.
    """
    deadline = server.started + timeout
    url = f"{server.base_url}/_stcore/health"
    while not is_healthy(url):
        if server.process.poll() is not None:
            log = server.log()
            server.stop()
            raise ServerStartError(
                f"Streamlit ({server.script}) exited with {server.process.returncode}:\n{log}"
            )
        if time.perf_counter() > deadline:
            log = server.log()
            server.stop()
            raise ServerStartError(f"Streamlit ({server.script}) not healthy after {timeout:.0f} s:\n{log}")
        time.sleep(0.01)
    server.health_s = time.perf_counter() - server.started
    return server.health_s
