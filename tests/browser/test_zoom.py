"""Every page at 200% zoom on a 1280 px screen: nothing cut off, nothing to scroll sideways (WCAG 1.4.4, 1.4.10).

200% zoom of a 1280 x 900 window is a 640 x 450 CSS-pixel viewport drawn at twice the
pixel density, which is what Chromium does when a user zooms in. Each page must fit its
width (no sideways scrolling of the page or of its main area) and no chart, text or button
may stick out of the main area. Two things scroll on their own, as WCAG 1.4.10 allows: a
data table (``st.dataframe``) and a row of tabs (with arrow buttons). A full-page screenshot of each goes to tests/browser/screenshots/
(``zoom200-<page>.png``) for a person to look at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from analysis.questions import QUESTIONS
from tests.browser.helpers import (
    APP_TIMEOUT_MS,
    MAIN_SELECTOR,
    VEGA_SELECTOR,
    assert_no_exception,
    screenshot_path,
    wait_for_app,
    wait_for_charts,
)

ZOOMED = {"width": 640, "height": 450}

#: Elements in the main area that stick out to the right of it (and so would be cut off or scroll).
_OVERFLOW_JS = f"""() => {{
  const main = document.querySelector('{MAIN_SELECTOR}');
  const right = main.getBoundingClientRect().right;
  const wide = [...main.querySelectorAll('{VEGA_SELECTOR}, [data-testid="stMarkdownContainer"], '
    + '[data-testid="stMetric"], button, [data-testid="stCode"], [data-testid="stAlert"], h1, h2, h3')]
    .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > right + 1)
    // A tab list scrolls on its own, with arrow buttons (Streamlit's tabs).
    .filter(e => !e.closest('[role="tablist"]'))
    .map(e => (e.getAttribute('data-testid') || e.tagName) + ': ' + (e.innerText || '').slice(0, 50));
  // Text Vega drew past the right edge of its own chart is clipped there (a label cut short).
  const clipped = [...main.querySelectorAll('{VEGA_SELECTOR} svg.marks')].flatMap(svg => {{
    const edge = svg.getBoundingClientRect().right;
    return [...svg.querySelectorAll('text')]
      .filter(t => t.textContent && t.getBoundingClientRect().right > edge + 1)
      .map(t => 'chart text: ' + t.textContent.slice(0, 50));
  }});
  return {{
    clipped: clipped,
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main: main.scrollWidth - main.clientWidth,
    wide: wide,
  }};
}}"""


@pytest.mark.parametrize("path", [q.url_path for q in QUESTIONS], ids=[q.slug for q in QUESTIONS])
def test_page_reflows_at_200_percent_zoom(app_server: str, browser: Browser, path: str) -> None:
    context = browser.new_context(viewport=ZOOMED, device_scale_factor=2, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{app_server}/{path}")
        expect(page.locator(f"{MAIN_SELECTOR} h1").first).to_be_visible(timeout=APP_TIMEOUT_MS)
        wait_for_app(page)
        wait_for_charts(page)
        assert_no_exception(page)
        overflow = page.evaluate(_OVERFLOW_JS)
        height = page.evaluate(f"() => document.querySelector('{MAIN_SELECTOR}').scrollHeight")
        page.set_viewport_size({"width": ZOOMED["width"], "height": min(int(height) + 40, 8000)})
        page.wait_for_timeout(300)
        page.screenshot(path=screenshot_path(f"zoom200-{path or 'start'}.png"), full_page=True)
        assert overflow["page"] <= 1, f"/{path}: the page scrolls sideways by {overflow['page']} px"
        assert overflow["main"] <= 1, f"/{path}: the main area scrolls sideways by {overflow['main']} px"
        assert not overflow["wide"], f"/{path}: cut off at the right: {overflow['wide']}"
        assert not overflow["clipped"], (
            f"/{path}: chart text cut off at the chart's edge: {overflow['clipped']}"
        )
    finally:
        context.close()
