"""Fixtures for the browser tests: a real Streamlit server and headless Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from bench.browser import LOCALE, VIEWPORT, chromium, chromium_path, missing_chromium_reason
from bench.server import APP_SCRIPT, REPO_ROOT, ServerStartError, start
from tests.browser import helpers
from tests.ci import skip_or_fail_in_ci

BROWSER_DIR = Path(__file__).resolve().parent
SERVER_START_TIMEOUT_S = 60.0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A conftest hook sees every collected item, so restrict the marker to this directory.
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@contextmanager
def streamlit_server(
    cwd: Path = REPO_ROOT, script: str = APP_SCRIPT, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run ``streamlit run <script>`` from ``cwd`` on a free port (``bench.server.start``); yield its base URL.

    ``env`` adds (or overrides) environment variables for the server process. Fails the
    test with the server log if the process dies or does not become healthy in time.
    """
    try:
        server = start(script, cwd=cwd, env=env, timeout=SERVER_START_TIMEOUT_S)
    except ServerStartError as exc:
        raise pytest.fail.Exception(str(exc), pytrace=False) from None  # the log says it all
    with server:
        yield server.base_url


@pytest.fixture(scope="session")
def app_server() -> Iterator[str]:
    """One Streamlit server for the whole test session; yields its base URL."""
    with streamlit_server() as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium from $CHROMIUM_PATH or /usr/bin/chromium (``bench.browser.chromium``).

    Without one the browser tests skip locally and fail under any truthy ``CI``.
    """
    if chromium_path() is None:
        skip_or_fail_in_ci(missing_chromium_reason())
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own browser context (1280x900, Dutch locale)."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def screenshot_path() -> Callable[[str], Path]:
    """Return a function mapping a file name to a path in tests/browser/screenshots/."""
    return helpers.screenshot_path
