"""The route as a deck in a real browser: every slide fits the screen, the keys drive it, the projector follows.

- **First screen**: every slide of the route at 1280x720 and 1920x1080 in presentation
  mode: on a chart slide the chart lies wholly within the viewport, above the deck's bar
  (nothing to scroll to); on a question slide the answer is at most 30 words
  (``analysis.headlines.word_count``: marks such as → do not count).
- **Keyboard**: PageDown (and →) walks the whole deck forward, PageUp (and ←) back; the
  position "n / 21" is checked at every step. Only key presses, no mouse events.
- **Presenter**: the presenter view (second browser context) steps to slide n and the
  projector window, which only polls the store, shows slide n within 3 seconds.
- **Phone**: a phone (390x844) that opens the projector's link gets the bar in one row.

One server for the module, with its own SQLite database for the decks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from analysis.headlines import MAX_WORDS, word_count
from analysis.palette import DISTRICT_COLORS
from analysis.questions import route
from components.deck import Part, slides
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    APP_TIMEOUT_MS,
    assert_no_exception,
    screenshot_path,
    wait_for_app,
    wait_for_page,
)

SLIDES = slides()
TOTAL = len(SLIDES)
SIZES = [(1280, 720), (1920, 1080)]
FOLLOW_WITHIN_MS = 3000

POSITION = '.st-key-dia-balk [data-testid="stProgress"]'
PRESENTER_POSITION = '.st-key-regie [data-testid="stProgress"]'
CHART = '[data-testid="stVegaLiteChart"]'
CHARTS = f'[data-testid="stMain"] {CHART}'
#: The buttons of the deck's bar: back, next and leave.
STEP_BUTTONS = ("dia_terug", "dia_verder", "presentatie_verlaten")


@pytest.fixture(scope="module")
def deck_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free port, with a fresh SQLite database for the decks."""
    database = Path(tmp_path_factory.mktemp("decks")) / "decks.sqlite"
    with streamlit_server(env={"KETENDIALOOG_DATABASE_URL": f"sqlite:///{database}"}) as base_url:
        yield base_url


def _open(browser: Browser, url: str, width: int, height: int, **options: Any) -> Page:
    """A new browser context of ``width`` x ``height`` (``options``: more context options) at ``url``, drawn."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL", **options)
    page = context.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    wait_for_page(page)
    return page


def _press(page: Page, key: str, position: str, where: str = POSITION) -> None:
    """Press ``key`` and wait until the deck shows ``position`` ('8 / 21') and the run is over."""
    page.keyboard.press(key)
    expect(page.locator(where)).to_contain_text(position, timeout=APP_TIMEOUT_MS)
    wait_for_app(page)


def _layout_problems(page: Page, index: int, size: str) -> list[str]:
    """What is wrong with the slide on the screen: a chart that does not fit, a headline too long."""
    slide = SLIDES[index]
    name = f"slide {index + 1} ({slide.title}) at {size}"
    problems: list[str] = []
    viewport = page.viewport_size or {"width": 0, "height": 0}
    bar = page.locator(".st-key-dia-balk").bounding_box()
    bottom = bar["y"] if bar else viewport["height"]
    if slide.part is Part.ANSWER:
        words = word_count(page.locator(".st-key-dia-antwoord").inner_text())
        if words > MAX_WORDS:
            problems.append(f"{name}: the answer has {words} words (at most {MAX_WORDS})")
    if slide.part is Part.CHART:
        charts = page.locator(CHARTS)
        boxes = [charts.nth(i).bounding_box() for i in range(charts.count())]
        if slide.question.slug == route()[0].slug:  # the start page's chart slide is the chain of cards
            boxes = [page.locator(".st-key-dia-keten").bounding_box()]
        elif len(boxes) != 1:
            problems.append(f"{name}: {len(boxes)} charts, expected one")
        for box in boxes:
            if box is None or box["height"] < 150:
                problems.append(f"{name}: the chart is not drawn ({box})")
            elif (
                box["y"] < 0
                or box["y"] + box["height"] > bottom + 0.5
                or box["x"] + box["width"] > viewport["width"]
            ):
                problems.append(
                    f"{name}: the chart {round(box['y'])}-{round(box['y'] + box['height'])} px does not fit "
                    f"above the bar at {round(bottom)} px"
                )
    others = page.evaluate(
        """(current) => [...document.querySelectorAll('[class*="st-key-dia-deel-"]')]
            .filter(e => !e.classList.contains('st-key-dia-deel-' + current))
            .filter(e => e.getBoundingClientRect().height > 0)
            .map(e => [...e.classList].find(c => c.startsWith('st-key-')))""",
        slide.part.value,
    )
    if others:
        problems.append(f"{name}: other slides show through: {others}")
    if page.locator('[data-testid="stExpander"]').count():
        problems.append(f"{name}: an expander (notes, caveats) on the projected slide")
    return problems


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_first_screen_every_slide_fits(deck_server: str, browser: Browser, width: int, height: int) -> None:
    """Walk the deck with PageDown (1280x720) or → (1920x1080); every slide must fit its screen."""
    size = f"{width}x{height}"
    key = "PageDown" if width == 1280 else "ArrowRight"
    page = _open(browser, f"{deck_server}/?presentatie=1", width, height)
    try:
        expect(page.locator(POSITION)).to_contain_text(f"1 / {TOTAL}")
        problems: list[str] = []
        for index in range(TOTAL):
            if index:
                _press(page, key, f"{index + 1} / {TOTAL}")
            # Vega draws after the script run; wait for every chart's canvas or svg before measuring.
            charts = page.locator(CHARTS)
            for i in range(charts.count()):
                expect(charts.nth(i).locator("canvas, svg").first).to_be_attached(timeout=APP_TIMEOUT_MS)
            assert_no_exception(page)
            page.screenshot(path=screenshot_path(f"dia-{index + 1:02d}-{size}.png"))
            problems += _layout_problems(page, index, size)
        assert not problems, "\n".join(problems)
    finally:
        page.context.close()


def test_keyboard_walks_the_deck_back(deck_server: str, browser: Browser) -> None:
    """From the last slide, PageUp walks back to the first, through every page; → and ← step too."""
    last = SLIDES[-1].question
    page = _open(browser, f"{deck_server}/{last.url_path}?presentatie=1&dia=Gesprek", 1280, 720)
    try:
        expect(page.locator(POSITION)).to_contain_text(f"{TOTAL} / {TOTAL}")
        for index in range(TOTAL - 2, -1, -1):
            _press(page, "PageUp", f"{index + 1} / {TOTAL}")
            expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(SLIDES[index].question.title)
        assert urlsplit(page.url).path.strip("/") == "", page.url
        _press(page, "ArrowRight", f"2 / {TOTAL}")
        _press(page, "ArrowLeft", f"1 / {TOTAL}")
        page.keyboard.press("PageUp")  # nothing before the first slide
        page.wait_for_timeout(500)
        wait_for_app(page)
        expect(page.locator(POSITION)).to_contain_text(f"1 / {TOTAL}")
        assert_no_exception(page)
    finally:
        page.context.close()


def test_presenter_drives_the_projector(deck_server: str, browser: Browser) -> None:
    """The presenter view steps; the projector window (no notes, no controls) follows within 3 s."""
    presenter = _open(browser, f"{deck_server}/opvolging", 1440, 900)
    projector: Page | None = None
    try:
        presenter.get_by_role("button", name="Presenteren met twee vensters").click()
        expect(presenter.locator(".st-key-regie")).to_be_visible(timeout=APP_TIMEOUT_MS)
        wait_for_app(presenter)
        code = parse_qs(urlsplit(presenter.url).query)["deck"][0]
        link = presenter.locator('.st-key-regie [data-testid="stCode"]').inner_text().strip()
        assert re.fullmatch(rf"http://[^?]+/\?presentatie=1&deck={code}", link), link
        expect(presenter.locator(PRESENTER_POSITION)).to_contain_text(f"7 / {TOTAL}")
        expect(presenter.locator(".st-key-regie")).to_contain_text(route()[2].note[:50])
        expect(presenter.get_by_text("Waar je op moet letten")).to_be_visible()

        projector = _open(browser, link, 1280, 720)
        expect(projector.locator(POSITION)).to_contain_text(f"7 / {TOTAL}")
        assert "/opvolging" in projector.url, projector.url
        expect(projector.locator('[data-testid="stButton"]')).to_have_count(0)  # no controls
        expect(projector.locator('[data-testid="stSegmentedControl"]')).to_have_count(0)
        expect(projector.get_by_text("Notitie voor de gespreksleider")).to_have_count(0)
        expect(projector.get_by_text("Waar je op moet letten")).to_have_count(0)

        # Slide 8 (the chart), 9 (the prompts), then 10: the next question, on another page.
        for number in (8, 9, 10):
            _press(presenter, "PageDown", f"{number} / {TOTAL}", PRESENTER_POSITION)
            expect(projector.locator(POSITION)).to_contain_text(
                f"{number} / {TOTAL}", timeout=FOLLOW_WITHIN_MS
            )
        expect(projector.locator('[data-testid="stMain"] h1').first).to_have_text(route()[3].title)
        assert "/rapportage-interventie" in projector.url, projector.url

        # Opening a slide directly in the presenter view: the projector follows there too.
        presenter.locator(".st-key-regie").get_by_role("radio", name="Gesprek", exact=True).click()
        expect(presenter.locator(PRESENTER_POSITION)).to_contain_text(f"12 / {TOTAL}", timeout=APP_TIMEOUT_MS)
        expect(projector.locator(POSITION)).to_contain_text(f"12 / {TOTAL}", timeout=FOLLOW_WITHIN_MS)
        expect(projector.locator(".st-key-gespreksvragen")).to_be_visible()
        assert_no_exception(projector)
        projector.screenshot(path=screenshot_path("beamer-volgt-1280.png"))
        presenter.screenshot(path=screenshot_path("regie-1440.png"))

        # A reload forgets the key: the presenter view asks for it, the projector keeps its slide.
        presenter.reload()
        expect(presenter.get_by_text("kent de sleutel niet meer")).to_be_visible(timeout=APP_TIMEOUT_MS)
        expect(presenter.locator(".st-key-regie")).to_have_count(0)
    finally:
        presenter.context.close()
        if projector is not None:
            projector.context.close()


def test_unknown_deck_code_gets_a_dutch_message(deck_server: str, browser: Browser) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL").new_page()
    try:
        page.goto(f"{deck_server}/?presentatie=1&deck=ZZZZZZ")
        expect(page.get_by_text("Er is geen presentatie met deze code")).to_be_visible(timeout=APP_TIMEOUT_MS)
        assert_no_exception(page)
    finally:
        page.context.close()


#: What a phone's browser says it is ("Mobi": the app draws charts at the phone's sizes).
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def test_a_phone_on_the_projector_link_gets_a_one_row_bar_and_phone_sized_charts(
    deck_server: str, browser: Browser
) -> None:
    """A participant's phone that opens the projector's link: one row of controls, charts at the phone's sizes.

    Before, the phone got the projector's type: the share chart kept one tick ("0%") and cut its
    labels. (Long labels on marks still run past a phone's chart on several pages, projector
    link or not; that is not checked here.)
    """
    page = _open(
        browser,
        f"{deck_server}/opvolging?presentatie=1",
        390,
        844,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_AGENT,
    )
    try:
        expect(page.locator(POSITION)).to_contain_text(f"7 / {TOTAL}")
        bar = page.locator(".st-key-dia-balk").bounding_box()
        assert bar is not None and bar["height"] <= 80 and bar["y"] + bar["height"] <= 844 + 0.5, bar
        buttons = [page.locator(f".st-key-{key} button").bounding_box() for key in STEP_BUTTONS]
        for name, box in zip(STEP_BUTTONS, buttons, strict=True):
            assert box is not None and box["height"] >= 40, (name, box)
            assert box["y"] >= bar["y"] and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 0.5, (
                name,
                box,
            )
        tops = [box["y"] for box in buttons if box is not None]
        assert max(tops) - min(tops) <= 4, f"the buttons are not in one row: {tops}"
        expect(page.locator(".st-key-dia")).to_be_hidden()  # the steps choose the slide
        keys = page.locator(".st-key-dia_terug kbd, .st-key-dia_verder kbd")
        expect(keys).to_have_count(2)
        for i in range(2):
            expect(keys.nth(i)).to_be_hidden()  # no key names on a phone
        page.locator(".st-key-dia_verder button").tap()
        expect(page.locator(POSITION)).to_contain_text(f"8 / {TOTAL}", timeout=APP_TIMEOUT_MS)
        wait_for_app(page)
        # The chart slide: every district named, the plot wide enough for a scale with several ticks.
        chart = page.locator(f".st-key-dia-deel-grafiek {CHART}")
        expect(chart.locator("svg").first).to_be_attached(timeout=APP_TIMEOUT_MS)
        texts = chart.locator("svg text").evaluate_all("texts => texts.map(t => t.textContent)")
        for district in DISTRICT_COLORS:  # the five districts and Oost-Nederland
            assert district in texts, (district, texts)
        ticks = [t for t in texts if t.endswith("%") and t[:-1].isdigit()]
        assert len(ticks) >= 3, f"the x axis has room for {ticks} only"
        page.screenshot(path=screenshot_path("dia-telefoon-390x844.png"))
        assert_no_exception(page)
    finally:
        page.context.close()
