"""Plain language as the browser draws it: no invisible word joiners, no English date placeholder, Dutch thousands.

AppTest sees what the script sends; these checks read what Chromium shows a participant
(``inner_text`` of the page), which is also what a copy puts on the clipboard.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from analysis.questions import route
from bench.browser import VIEWPORT
from tests.browser.helpers import MAIN_SELECTOR, assert_no_exception, wait_for_page

WORD_JOINER = "\u2060"


@pytest.mark.parametrize("path", [q.url_path for q in route()])
def test_route_page_text_has_no_hidden_characters_or_method_names(
    page: Page, app_server: str, path: str
) -> None:
    page.goto(f"{app_server}/{path}")
    wait_for_page(page)
    assert_no_exception(page)
    text = page.locator(MAIN_SELECTOR).inner_text()
    assert WORD_JOINER not in text
    for word in ("Clopper", "Garwood", "Poisson", "binomia", "logaritm", "95%-", "Baseline", "yyyy"):
        assert word not in text, f"{word!r} on /{path}"


def _slider_value(browser: Browser, app_server: str, locale: str) -> str:
    context = browser.new_context(viewport=VIEWPORT, locale=locale)
    try:
        page = context.new_page()
        page.goto(f"{app_server}/onzichtbare-slachtoffers")
        wait_for_page(page)
        thumb = page.locator(".st-key-schatting [data-testid='stSliderThumbValue']")
        expect(thumb).to_be_visible()
        return thumb.inner_text()
    finally:
        context.close()


def test_estimate_slider_writes_thousands_the_dutch_way(browser: Browser, app_server: str) -> None:
    """A Dutch browser shows 5.500; an English one plain 5500, never 5,500 (which reads as five and a half)."""
    assert _slider_value(browser, app_server, "nl-NL") == "5.500"
    assert _slider_value(browser, app_server, "en-US") == "5500"
