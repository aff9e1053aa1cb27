"""Fixtures for the browser tests: a real Streamlit server and headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from bench.server import free_port, is_healthy
from tests.browser import helpers

BROWSER_DIR = Path(__file__).resolve().parent
SERVER_START_TIMEOUT_S = 60.0
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A conftest hook sees every collected item, so restrict the marker to this directory.
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _read_log(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"<could not read server log {path}: {exc}>"


@contextmanager
def streamlit_server(
    cwd: Path = helpers.REPO_ROOT, script: str = "streamlit_app.py", env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run ``streamlit run <script>`` from ``cwd`` on a free port; yield its base URL.

    ``env`` adds (or overrides) environment variables for the server process.

    Polls ``/_stcore/health`` until it answers; fails with the server log if the
    process dies or does not become healthy in time.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
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
    ]
    fd, log_name = tempfile.mkstemp(prefix="streamlit-server-", suffix=".log")
    os.close(fd)
    log_path = Path(log_name)
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **env} if env else None,
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT_S
            while not is_healthy(f"{base_url}/_stcore/health"):
                if process.poll() is not None:
                    pytest.fail(
                        f"Streamlit server exited with code {process.returncode}.\n"
                        f"Server log ({log_path}):\n{_read_log(log_path)}",
                        pytrace=False,
                    )
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"Streamlit server not healthy after {SERVER_START_TIMEOUT_S:.0f} s.\n"
                        f"Server log ({log_path}):\n{_read_log(log_path)}",
                        pytrace=False,
                    )
                time.sleep(0.25)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
    log_path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def app_server() -> Iterator[str]:
    """One Streamlit server for the whole test session; yields its base URL."""
    with streamlit_server() as base_url:
        yield base_url


def _chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium from $CHROMIUM_PATH or /usr/bin/chromium."""
    executable = _chromium_path()
    if executable is None:
        reason = (
            f"No Chromium executable at {os.environ.get('CHROMIUM_PATH') or DEFAULT_CHROMIUM} "
            "(set CHROMIUM_PATH or install the 'chromium' package)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own browser context (1280x900, Dutch locale)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def screenshot_path() -> Callable[[str], Path]:
    """Return a function mapping a file name to a path in tests/browser/screenshots/."""
    return helpers.screenshot_path
