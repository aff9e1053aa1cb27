"""Browser measurements in headless Chromium: a page fully drawn, and a control change drawn.

"Fully drawn" is the test suite's definition (``tests/browser/helpers.py``) as one check in
the page, polled every animation frame: the script is idle
(``[data-testid="stApp"][data-test-script-state="notRunning"]``), the page's h1 is visible,
no skeleton is left (Streamlit shows one while an element's code is still loading), no
element is stale, and every Vega chart holds a canvas or svg. After a control change the
text of the main area must also differ from before the change.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

from bench.scenarios import DECK_POSITION_SELECTOR, DECK_VIEWPORT, Control

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
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
LOCALE = "nl-NL"
TIMEOUT_MS = 60_000

#: The text of the main area without the changed control's own text (a slider shows its new
#: value at once, before the script has run).
_SHOWN_TEXT = """
  const shownText = (main, key) => {
    const text = main.textContent;
    const control = key ? document.querySelector('.st-key-' + key) : null;
    return control ? text.replace(control.textContent, '') : text;
  };
"""

SHOWN_TEXT_JS = (
    "(key) => {"
    + _SHOWN_TEXT
    + " return shownText(document.querySelector('[data-testid=\"stMain\"]'), key); }"
)

READY_JS = (
    "([before, key]) => {"
    + _SHOWN_TEXT
    + """
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const main = document.querySelector('[data-testid="stMain"]');
  const h1 = main && main.querySelector('h1');
  if (!h1 || h1.getClientRects().length === 0) return false;
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    if (!chart.querySelector('canvas, svg')) return false;
  }
  if (before !== null && shownText(main, key) === before) return false;
  return true;
}
"""
)

#: A slide is settled when what the room sees is: the same checks as READY_JS, but only the charts on
#: the screen must be drawn (the deck draws a question's next slides ahead, out of sight).
SLIDE_READY_JS = READY_JS.replace(
    "if (!chart.querySelector('canvas, svg')) return false;",
    "if (chart.checkVisibility({visibilityProperty: true}) && !chart.querySelector('canvas, svg')) return false;",
)

METRICS_JS = """
() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMetric"]')].map(m => [
  (m.querySelector('[data-testid="stMetricLabel"]') || {}).textContent || '',
  (m.querySelector('[data-testid="stMetricValue"]') || {}).textContent || '',
])
"""


def chromium_path() -> str | None:
    """The Chromium executable: ``$CHROMIUM_PATH`` or ``/usr/bin/chromium``, if it exists and runs."""
    path = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


def missing_chromium_reason() -> str:
    """Why no Chromium was found, and how to provide one."""
    wanted = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    return f"No Chromium executable at {wanted} (set CHROMIUM_PATH or install the 'chromium' package)"


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium launched with ``CHROMIUM_ARGS``; raises ``RuntimeError`` when none is found."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError(missing_chromium_reason())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


#: Notes when the first script run has finished as the page sees it (state running -> notRunning).
SCRIPT_DONE_INIT = """
(() => {
  let sawRunning = false;
  new MutationObserver(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    if (state === 'running') sawRunning = true;
    else if (state === 'notRunning' && sawRunning && window.__benchScriptDone === undefined)
      window.__benchScriptDone = performance.now();
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
})();
"""

TIMINGS_JS = """
() => {
  const resources = performance.getEntriesByType('resource');
  return {
    script_done_ms: window.__benchScriptDone ?? null,
    resources: resources.length,
    transfer_kb: resources.reduce((sum, r) => sum + (r.transferSize || 0), 0) / 1024,
  };
}
"""


def new_context(browser: Browser) -> BrowserContext:
    """A fresh context: empty HTTP cache, no cookies, Dutch locale (a new visitor)."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    context.add_init_script(SCRIPT_DONE_INIT)
    return context


def deck_context(browser: Browser) -> BrowserContext:
    """A fresh context the size of a small projector (1280 x 720), Dutch locale."""
    return browser.new_context(
        viewport={"width": DECK_VIEWPORT["width"], "height": DECK_VIEWPORT["height"]}, locale=LOCALE
    )


#: True once the deck shows ``position`` ('8 / 21').
_POSITION_JS = (
    "(position) => (document.querySelector(" + repr(DECK_POSITION_SELECTOR) + ")?.innerText || '')"
    ".split('\\n')[0].trim() === position"
)


def deck_position(page: Page) -> str:
    """The deck's position as it reads now: '8 / 21'."""
    return page.locator(DECK_POSITION_SELECTOR).inner_text().split("\n")[0].strip()


def step_slide(page: Page, key: str, position: str) -> float:
    """Press ``key`` (the clicker's PageDown) and return seconds until slide ``position`` is settled.

    Settled is as for a control change, for what the room sees: the deck shows the new
    position, the script is idle, nothing is stale, the main area's text changed and every
    chart on the screen is drawn (a chart of a later slide, drawn ahead out of sight, may
    still be on its way).
    """
    before = shown_text(page, None)
    start = time.perf_counter()
    page.keyboard.press(key)
    page.wait_for_function(_POSITION_JS, arg=position, polling="raf", timeout=TIMEOUT_MS)
    page.wait_for_function(SLIDE_READY_JS, arg=[before, None], polling="raf", timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def timings(page: Page) -> dict[str, float | None]:
    """When the first script run finished (ms after navigation start) and what was downloaded."""
    return page.evaluate(TIMINGS_JS)


def wait_drawn(
    page: Page, before: str | None = None, key: str | None = None, timeout: float = TIMEOUT_MS
) -> None:
    page.wait_for_function(READY_JS, arg=[before, key], polling="raf", timeout=timeout)


def shown_text(page: Page, key: str | None) -> str:
    """The main area's text, without the text of the control ``key``."""
    return page.evaluate(SHOWN_TEXT_JS, key)


def metrics(page: Page) -> list[tuple[str, str]]:
    return [(label, value) for label, value in page.evaluate(METRICS_JS)]


def open_page(page: Page, url: str) -> float:
    """Navigate to ``url`` and return seconds until the page is fully drawn."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    wait_drawn(page)
    return time.perf_counter() - start


def _act(page: Page, control: Control, step: int) -> float:
    """Change ``control`` to its value for ``step``; return the time the change was made."""
    value = control.values[step % len(control.values)]
    box = page.locator(f".st-key-{control.key}")
    if control.kind == "toggle":
        target = box.locator("label").first
        target.wait_for(timeout=TIMEOUT_MS)
        start = time.perf_counter()
        target.click()
        return start
    if control.kind == "segmented":
        target = box.get_by_role("button", name=str(value), exact=True)
        if target.count() == 0:
            target = box.get_by_text(str(value), exact=True)
        target.first.wait_for(timeout=TIMEOUT_MS)
        start = time.perf_counter()
        target.first.click()
        return start
    if control.kind == "selectbox":
        box.get_by_role("combobox").first.click()
        option = page.get_by_role("option", name=str(value), exact=True)
        option.first.wait_for(timeout=TIMEOUT_MS)
        start = time.perf_counter()
        option.first.click()
        return start
    if control.kind == "slider":
        thumb = box.get_by_role("slider").first
        thumb.focus()
        start = time.perf_counter()
        thumb.press(str(value))
        return start
    raise ValueError(f"Unknown control kind {control.kind}")


def change(page: Page, control: Control, step: int) -> float:
    """Change ``control`` (step 0: first value, 1: second ...) and return seconds until redrawn."""
    before = shown_text(page, control.key)
    start = _act(page, control, step)
    wait_drawn(page, before, control.key)
    return time.perf_counter() - start
