"""The map tabs in Chromium: 76 municipalities drawn as shapes, a tooltip with the count, a cold deep link.

The shapes are read from the SVG Vega drew (charts are drawn with ``renderer: svg``).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import streamlit_server
from tests.browser.helpers import assert_no_exception, wait_for_charts, wait_for_page

MAP_SHAPES = '[data-testid="stVegaLiteChart"] svg g.mark-shape path'
PAGES = {
    "aard-en-omvang": "Signalen mensenhandel per inwoner vergeleken met heel Oost-Nederland",
    "rapportage-interventie": "Volgde op een rapportage een interventie?",
    "casustafels": "Districten met en zonder casustafel",
    "onzichtbare-slachtoffers": "Verwachte slachtoffers naast de geregistreerde signalen",
    "": "De vijf districten",
}
QUERY = {
    "aard-en-omvang": "weergave=Kaart&maat=Per+100.000+inwoners",
    "rapportage-interventie": "weergave=Kaart",
    "casustafels": "weergave=Kaart",
    "onzichtbare-slachtoffers": "weergave2=Kaart",
    "": "district=Twente",
}


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_page(page)
    wait_for_charts(page)
    expect(page.locator(MAP_SHAPES).first).to_be_attached(timeout=30_000)


@pytest.mark.parametrize("width", [1280, 1920], ids=["laptop", "projector"])
@pytest.mark.parametrize("path", list(PAGES), ids=[p or "start" for p in PAGES])
def test_map_tab_draws_the_76_municipalities(
    app_server: str, browser: Browser, path: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 1080}, locale="nl-NL")
    try:
        page = context.new_page()
        _open(page, f"{app_server}/{path}?{QUERY[path]}")
        assert page.locator(MAP_SHAPES).count() == 76
        map_chart = page.locator('[data-testid="stVegaLiteChart"]').filter(has=page.locator("g.mark-shape"))
        expect(map_chart.locator("svg text").filter(has_text=PAGES[path]).first).to_be_visible()
        box = map_chart.locator("g.mark-shape").first.bounding_box()
        # The start page's orientation map is small; every other map fills its column.
        smallest = (150, 150) if path == "" else (0.4 * min(width, 1200), 300)
        assert box is not None and box["width"] > smallest[0] and box["height"] > smallest[1], box
        expect(page.get_by_text("Kaart: CBS/PDOK gebiedsindelingen 2022")).to_be_visible()
        assert_no_exception(page)
    finally:
        context.close()


def test_tooltip_on_enschede_shows_its_count(app_server: str, page: Page) -> None:
    _open(page, f"{app_server}/aard-en-omvang?{QUERY['aard-en-omvang']}")
    enschede = page.locator(f"{MAP_SHAPES}[aria-label*='Enschede']").first
    expect(enschede).to_be_attached()
    enschede.scroll_into_view_if_needed()
    enschede.hover(force=True)
    tooltip = page.locator("#vg-tooltip-element")
    expect(tooltip).to_contain_text("Enschede", timeout=10_000)
    expect(tooltip).to_contain_text("19 signalen mensenhandel")


def test_cold_deep_link_opens_on_the_map(browser: Browser) -> None:
    """The very first visitor of a fresh server opens a link to the map tab: the map is open."""
    with streamlit_server() as base_url:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        try:
            page = context.new_page()
            _open(page, f"{base_url}/rapportage-interventie?{QUERY['rapportage-interventie']}")
            assert page.locator(MAP_SHAPES).count() == 76
            expect(page.get_by_role("tab", name="Kaart")).to_have_attribute("aria-selected", "true")
            assert_no_exception(page)
        finally:
            context.close()
