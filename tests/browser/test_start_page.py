"""The start page loads without errors and shows the unit's key figures."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import MAIN_SELECTOR, assert_no_exception, screenshot_path, wait_for_app


def _expect_visible_text(page: Page, text: str) -> None:
    # Match the text as a whole "word" so that e.g. "63" does not match inside "1630".
    pattern = re.compile(rf"(?<![\d.,]){re.escape(text)}(?![\d]|[.,]\d)")
    main = page.locator(MAIN_SELECTOR)
    visible = main.get_by_text(pattern).filter(visible=True).first
    expect(visible, f"{text!r} is not visible in the main area").to_be_visible()


def test_start_page_shows_key_figures(app_server: str, page: Page) -> None:
    page.goto(app_server)
    wait_for_app(page)
    assert_no_exception(page)

    for text in ("Oost-Nederland", "188", "63", "29.764"):
        _expect_visible_text(page, text)

    page.screenshot(path=screenshot_path("start.png"), full_page=True)
