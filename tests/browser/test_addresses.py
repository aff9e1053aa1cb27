"""A page address of more than one level (a pasted link with a stray part) gets a page, never a blank screen.

Without the guard in serve.py the browser loads the app's shell under ``/opvolging/`` and looks
for its scripts there: the page stays white. The guard sends it to the first level instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, expect

from analysis.questions import question
from components.frame import NOT_FOUND_TITLE
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import MAIN_SELECTOR, TITLE_SELECTOR, assert_no_exception, wait_for_page


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """A server of its own per test, so each test's request is the first one (the first visitor's case)."""
    with streamlit_server() as base_url:
        yield base_url


def test_longer_address_shows_the_page_with_its_settings(fresh_server: str, browser: Browser) -> None:
    opvolging = question("opvolging")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        response = page.goto(f"{fresh_server}/{opvolging.url_path}/extra/deel?district=Twente")
        assert response is not None and response.status == 200
        wait_for_page(page)
        address = urlsplit(page.url)
        assert address.path == f"/{opvolging.url_path}"
        assert parse_qs(address.query)["district"] == ["Twente"]
        expect(page.locator(TITLE_SELECTOR).first).to_have_text(opvolging.title)
        # The district from the link is applied: Twente's own count of signals.
        expect(page.locator(MAIN_SELECTOR)).to_contain_text("5 van de 41 signalen")
        assert_no_exception(page)
    finally:
        context.close()


def test_longer_unknown_address_gets_the_dutch_not_found_page(fresh_server: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{fresh_server}/bestaat-niet/ook/niet")
        wait_for_page(page)
        assert urlsplit(page.url).path == "/bestaat-niet"
        expect(page.locator(TITLE_SELECTOR).first).to_have_text(NOT_FOUND_TITLE)
        expect(page.locator(MAIN_SELECTOR)).to_contain_text("/bestaat-niet")
        # Also for the very first visitor, Streamlit's own English notice never shows.
        expect(page.get_by_text("Page not found")).to_have_count(0)
        assert_no_exception(page)
    finally:
        context.close()


def test_cold_deep_link_without_serve_py_still_runs_inside_the_frame(browser: Browser) -> None:
    """``streamlit run streamlit_app.py`` (as on Community Cloud) has no guard: the frame's own switch takes over."""
    casustafels = question("casustafels")
    with streamlit_server(script="streamlit_app.py") as base_url:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        try:
            page = context.new_page()
            page.goto(f"{base_url}/{casustafels.url_path}")
            wait_for_page(page)
            expect(page.locator(TITLE_SELECTOR).first).to_have_text(casustafels.title)
            # The frame ran: the app's own menu, not the file names of pages/.
            sidebar = page.locator('[data-testid="stSidebar"]')
            expect(sidebar.get_by_role("link", name=question("opvolging").label)).to_be_visible()
            expect(sidebar.get_by_text("rapportage-interventie", exact=True)).to_have_count(0)
            assert_no_exception(page)
        finally:
            context.close()
