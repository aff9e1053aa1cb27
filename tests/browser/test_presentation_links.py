"""A link shared from the laptop view works on the projector: no notice on the wall, and the map when chosen.

A slide draws only part of its page, so the link keys of the other parts (the tabs of the
detail charts, their choices) must stay understood instead of being reported as a link that
was not understood. A facilitator who chose the map tab on the laptop gets the map on the
chart slide.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from analysis.questions import question, route
from components import deck
from tests.browser.helpers import MAIN_SELECTOR, assert_no_exception, wait_for_charts, wait_for_page

NOTICE = '[data-testid="stAlert"]'
NOT_UNDERSTOOD = "niet begrepen"
MAP_SHAPES = '[data-testid="stVegaLiteChart"] svg g.mark-shape path'
CREDIT = "Kaart: CBS/PDOK gebiedsindelingen 2022"


def _share_link(page: Page) -> str:
    """The full link of the view shown, as the share box gives it."""
    page.get_by_text("Deel deze weergave").click()
    code = page.locator('[data-testid="stCode"]').filter(has_text="jaar=").last
    expect(code).to_be_visible()
    return code.inner_text().strip()


@pytest.mark.parametrize("slug", [q.slug for q in route()])
def test_laptop_link_on_every_slide_shows_no_notice(app_server: str, browser: Browser, slug: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{app_server}/{question(slug).url_path}")
        wait_for_page(page)
        link = _share_link(page)
        for slide in [s.name for s in deck.slides() if s.question.slug == slug]:
            page.goto(f"{link}&presentatie=1&dia={slide}")
            wait_for_page(page)
            notices = page.locator(NOTICE).filter(has_text=NOT_UNDERSTOOD)
            expect(notices, f"{slug}, dia {slide}").to_have_count(0)
            assert_no_exception(page)
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)], ids=["1920", "1280"])
def test_map_chosen_on_the_laptop_fills_the_chart_slide(
    app_server: str, browser: Browser, width: int, height: int
) -> None:
    slug = question("casustafels").url_path
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{app_server}/{slug}?weergave=Kaart&presentatie=1&dia=Grafiek")
        wait_for_page(page)
        wait_for_charts(page)
        expect(page.locator(MAP_SHAPES).first).to_be_attached(timeout=30_000)
        assert page.locator(MAP_SHAPES).count() == 76
        expect(page.locator(MAIN_SELECTOR).get_by_text(CREDIT)).to_be_visible()
        expect(page.locator(NOTICE).filter(has_text=NOT_UNDERSTOOD)).to_have_count(0)
        # Map, legend, source and credit are on the screen without scrolling, above the deck's bar.
        bar = page.locator(".st-key-dia-balk").bounding_box()
        chart = page.locator('[data-testid="stVegaLiteChart"]').filter(has=page.locator("g.mark-shape"))
        drawn = chart.locator("svg.marks").bounding_box()
        credit = page.locator(MAIN_SELECTOR).get_by_text(CREDIT).bounding_box()
        assert bar is not None and drawn is not None and credit is not None
        assert drawn["y"] >= 0 and drawn["y"] + drawn["height"] <= bar["y"], (drawn, bar)
        assert credit["y"] + credit["height"] <= bar["y"], (credit, bar)
        expect(chart.locator("svg text").filter(has_text="zonder casustafel").first).to_be_visible()
        # Sized for 1280x720 (chart_sizes.PROJECTOR.map_plot): about half the screen there, less at 1080.
        assert drawn["height"] > 0.4 * height, drawn
        assert_no_exception(page)
    finally:
        context.close()
