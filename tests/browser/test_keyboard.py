"""The keyboard alone: Tab and Enter to every page, a control, the deck, and a werksessie estimate.

No mouse event is sent: every step is a key press (``page.keyboard``). Each link that
gets the focus must show it (an outline of at least 2 px: WCAG 2.4.7), and after a slide
change the focus must be on the new slide (WCAG 2.4.3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from analysis.questions import APP_TITLE, QUESTIONS, START
from bench.scenarios import DECK_POSITION_SELECTOR
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    APP_TIMEOUT_MS,
    MAIN_SELECTOR,
    assert_no_exception,
    wait_for_app,
    wait_for_page,
)

#: What has the focus now: its role, text, and how its focus is drawn.
_FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  return {
    tag: e.tagName, role: e.getAttribute('role') || '', text: (e.innerText || e.value || '').trim().slice(0, 80),
    label: e.getAttribute('aria-label') || '', outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
    shadow: s.boxShadow, sidebar: !!e.closest('[data-testid="stSidebar"]'),
    slide: (e.closest('[class*="st-key-dia-deel-"]') || {}).className || '',
  };
}"""
MAX_TABS = 120


def focused(page: Page) -> dict | None:
    return page.evaluate(_FOCUSED_JS)


def tab_to(page: Page, matches: object, what: str) -> dict:
    """Press Tab until the focused element satisfies ``matches``; fail after MAX_TABS presses."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is not None and matches(element):  # type: ignore[operator]
            return element
    raise AssertionError(f"{what} never got the focus in {MAX_TABS} presses of Tab")


def assert_focus_visible(element: dict, what: str) -> None:
    assert element["outline"] != "none" and element["width"] >= 2, f"{what}: focus not visible ({element})"


def test_tab_and_enter_reach_every_page_from_the_sidebar(app_server: str, page: Page) -> None:
    page.goto(app_server)
    wait_for_page(page)
    for question in [*QUESTIONS[1:], QUESTIONS[0]]:  # every page, and back to Start
        title = APP_TITLE if question.slug == START else question.title
        link = tab_to(
            page,
            lambda e, label=question.label: (
                e["tag"] == "A" and e["sidebar"] and e["text"].split("\n")[-1] == label
            ),
            f"the sidebar link '{question.label}'",
        )
        assert_focus_visible(link, f"link '{question.label}'")
        page.keyboard.press("Enter")
        expect(page.locator(f"{MAIN_SELECTOR} h1").first).to_contain_text(title, timeout=APP_TIMEOUT_MS)
        wait_for_app(page)
        assert page.url.rstrip("/").endswith(f"/{question.url_path}".rstrip("/")), page.url
        assert_no_exception(page)


def test_a_control_changes_with_the_keyboard(app_server: str, page: Page) -> None:
    """The sidebar's area choice: Tab to it, type, Enter; the page and the link follow."""
    page.goto(f"{app_server}/opvolging")
    wait_for_page(page)
    box = tab_to(page, lambda e: e["role"] == "combobox" and e["label"] == "Gebied", "the area choice")
    assert box["sidebar"]
    page.keyboard.type("Twente")
    page.keyboard.press("Enter")
    wait_for_app(page)
    expect(page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Gebied")).to_have_value(
        "Twente"
    )
    expect(page).to_have_url(re.compile(r"district=Twente"))
    assert_no_exception(page)


def test_deck_steps_with_page_down_and_the_focus_follows_the_slide(app_server: str, page: Page) -> None:
    """Presentation mode switched on from the keyboard, then PageDown: the next slide, with the focus on it."""
    page.goto(f"{app_server}/opvolging")
    wait_for_page(page)
    switch = tab_to(
        page,
        lambda e: e["role"] == "switch" and e["label"].startswith("Presentatiemodus"),
        "the presentation switch",
    )
    assert_focus_visible(switch, "presentation switch")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"presentatie=1"), timeout=APP_TIMEOUT_MS)
    position = page.locator(DECK_POSITION_SELECTOR)
    expect(position).to_be_visible(timeout=APP_TIMEOUT_MS)
    wait_for_app(page)
    before = position.inner_text().split("\n")[0].strip()
    page.keyboard.press("PageDown")
    expect(position).not_to_contain_text(before, timeout=APP_TIMEOUT_MS)
    wait_for_app(page)
    page.wait_for_function(
        "() => !!document.activeElement && !!document.activeElement.closest('[class*=\"st-key-dia-deel-\"]')",
        timeout=APP_TIMEOUT_MS,
    )
    element = focused(page)
    assert element is not None and "st-key-dia-deel-" in element["slide"], element
    # The focused slide is the one on the screen, not one drawn ahead out of sight.
    assert page.evaluate("() => document.activeElement.checkVisibility({visibilityProperty: true})")
    after = position.inner_text().split("\n")[0].strip()
    page.keyboard.press("PageDown")
    expect(position).not_to_contain_text(after, timeout=APP_TIMEOUT_MS)
    assert_no_exception(page)


@pytest.fixture(scope="module")
def session_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with its own temporary werksessie database."""
    db = Path(tmp_path_factory.mktemp("keyboard_werksessie")) / "werksessies.sqlite"
    with streamlit_server(env={"KETENDIALOOG_DATABASE_URL": f"sqlite:///{db}"}) as base_url:
        yield base_url


def test_a_participant_estimates_with_the_keyboard(session_server: str, browser: Browser) -> None:
    """The werksessie's participant view: Tab to the estimate, type it, Enter; the app confirms it."""
    setup = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    try:
        # Setting up the session is the facilitator's part (with the mouse): not under test here.
        console = setup.new_page()
        console.goto(f"{session_server}/werksessie")
        wait_for_page(console)
        console.get_by_label("Titel", exact=True).fill("Toetsenbord")
        console.get_by_role("button", name="Werksessie starten").click()
        dialog = console.get_by_role("dialog")
        expect(dialog).to_be_visible(timeout=APP_TIMEOUT_MS)
        wait_for_app(console)
        dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
        expect(dialog).to_have_count(0, timeout=APP_TIMEOUT_MS)
        code = re.search(r"sessie=([A-Z0-9]{6})", console.url)
        assert code is not None, console.url
    finally:
        setup.close()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{session_server}/werksessie?sessie={code.group(1)}")
        wait_for_page(page)
        box = tab_to(
            page,
            lambda e: e["role"] == "spinbutton" or e["label"].startswith("Jouw schatting"),
            "the estimate",
        )
        assert_focus_visible(box, "estimate field")
        page.keyboard.type("150")
        page.keyboard.press("Enter")
        expect(page.get_by_text("Je schatting voor ronde 1 is opgeslagen.")).to_be_visible(
            timeout=APP_TIMEOUT_MS
        )
        assert_no_exception(page)
    finally:
        context.close()
