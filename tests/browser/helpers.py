"""Helpers shared by the browser tests (imported as ``tests.browser.helpers``)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from bench.server import REPO_ROOT as REPO_ROOT  # re-exported for the browser tests

SCREENSHOT_DIR = Path(__file__).resolve().parent / "screenshots"

APP_TIMEOUT_MS = 30_000

APP_IDLE_SELECTOR = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SKELETON_SELECTOR = '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]'
EXCEPTION_SELECTOR = '[data-testid="stException"]'
MAIN_SELECTOR = '[data-testid="stMain"]'


def wait_for_app(page: Page, timeout: float = APP_TIMEOUT_MS) -> None:
    """Wait until the script run has finished and no loading skeletons are left."""
    expect(page.locator(APP_IDLE_SELECTOR)).to_be_attached(timeout=timeout)
    expect(page.locator(SKELETON_SELECTOR)).to_have_count(0, timeout=timeout)


VEGA_SELECTOR = '[data-testid="stVegaLiteChart"]'
TITLE_SELECTOR = '[data-testid="stMain"] h1'


def wait_for_page(page: Page, timeout: float = APP_TIMEOUT_MS) -> None:
    """Wait until a page has drawn: its title is visible, the script is idle, and no skeleton is left.

    The idle state alone is not enough: right after loading, the app reports
    "not running" before the first script run has even started.
    """
    expect(page.locator(TITLE_SELECTOR).first).to_be_visible(timeout=timeout)
    wait_for_app(page, timeout)


def wait_for_charts(page: Page, timeout: float = APP_TIMEOUT_MS) -> int:
    """Wait until the script is idle and every Vega chart holds a drawn canvas or svg; return how many charts."""
    wait_for_app(page, timeout)
    charts = page.locator(VEGA_SELECTOR)
    count = charts.count()
    for index in range(count):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed(timeout=timeout)
        expect(chart.locator("canvas, svg").first).to_be_attached(timeout=timeout)
    return count


def assert_no_exception(page: Page) -> None:
    """Fail when the app shows a Streamlit exception box, with its text in the message."""
    exceptions = page.locator(EXCEPTION_SELECTOR)
    count = exceptions.count()
    assert count == 0, f"{count} exception(s) shown in the app:\n" + "\n---\n".join(
        exceptions.all_inner_texts()
    )


def screenshot_path(name: str) -> Path:
    """Path for a screenshot in tests/browser/screenshots/ (created on demand)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR / name


def full_screenshot(page: Page, name: str, width: int, max_height: int = 9000) -> Path:
    """Screenshot the whole page: Streamlit scrolls inside its main container, so grow the viewport to fit."""
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m ? m.scrollHeight : document.body.scrollHeight; }"
    )
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, max_height)})
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 0)")
    page.wait_for_timeout(500)
    path = screenshot_path(name)
    page.screenshot(path=path, full_page=True)
    return path
