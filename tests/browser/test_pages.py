"""Every page in headless Chromium: it draws, shows no exception, and every chart renders.

Screenshots of each page at laptop (1280 px) and projector (1920 px) width go to
tests/browser/screenshots/ for a person to look at.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

from analysis.questions import APP_TITLE, QUESTIONS, START
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    MAIN_SELECTOR,
    assert_no_exception,
    full_screenshot,
    wait_for_charts,
    wait_for_page,
)

#: url path and the title the page opens with ("" is the start page, titled with the app's name).
PAGES = {q.url_path: APP_TITLE if q.slug == START else q.title for q in QUESTIONS}
#: Pages that show no chart of their own.
WITHOUT_CHARTS = {"", "data", "nieuw-jaar", "werksessie"}


@pytest.mark.parametrize("width", [1280, 1920], ids=["laptop", "projector"])
@pytest.mark.parametrize("path", PAGES, ids=[p or "start" for p in PAGES])
def test_page_draws_every_chart_without_exception(
    app_server: str, browser: Browser, path: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 1080}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{app_server}/{path}")
        wait_for_page(page)
        expect(page.locator(f"{MAIN_SELECTOR} h1").first).to_contain_text(PAGES[path])
        assert_no_exception(page)
        charts = wait_for_charts(page)
        if path not in WITHOUT_CHARTS:
            assert charts >= 1, f"/{path} shows no chart"
        assert_no_exception(page)
        full_screenshot(page, f"{path or 'start'}-{width}.png", width)
    finally:
        context.close()


@pytest.mark.parametrize("path", [p for p in PAGES if p], ids=[p for p in PAGES if p])
def test_cold_deep_link_runs_inside_the_frame(page: Page, path: str) -> None:
    """The very first visitor of a fresh server opens a deep link: the page runs inside the frame.

    The frame's sidebar choices must be there, the district from the link must apply,
    and Streamlit must not show its "page not found" dialog.
    """
    with streamlit_server() as base_url:
        page.goto(f"{base_url}/{path}?district=Twente")
        wait_for_page(page)
        expect(page.locator(f"{MAIN_SELECTOR} h1").first).to_contain_text(PAGES[path])
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("Gebied")).to_be_visible()
        expect(sidebar.get_by_role("combobox", name="Gebied")).to_have_value("Twente")
        expect(page.get_by_text("Page not found")).to_have_count(0)
        assert_no_exception(page)
