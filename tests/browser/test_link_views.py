"""Share exactly what you see: every control in the link, a full share link, hostile links, presentation mode.

Each scenario opens a page with non-default values in the address, checks that the
widgets show them and that the figures follow, changes one control by clicking, and
opens the resulting address in a fresh browser context (a new visitor) to check that
the same view comes back. Hostile links must never crash a page or run anything, and
must get a short Dutch notice that names the part that was not understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from analysis.links import quote_safely
from analysis.questions import APP_TITLE, route
from bench.server import APP_SCRIPT
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    APP_TIMEOUT_MS,
    MAIN_SELECTOR,
    REPO_ROOT,
    TITLE_SELECTOR,
    assert_no_exception,
    screenshot_path,
    wait_for_app,
    wait_for_page,
)

ROUTE = route()
NOTICE_START = "Een deel van de link is niet begrepen"
SIDEBAR = '[data-testid="stSidebar"]'
TIMEOUT = APP_TIMEOUT_MS


# --- helpers --------------------------------------------------------------------------------------


@contextmanager
def fresh_page(browser: Browser, width: int = 1280, height: int = 900) -> Iterator[Page]:
    """A page in a new browser context: no cookies, no session, like someone who got the link."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    try:
        yield context.new_page()
    finally:
        context.close()


def open_page(page: Page, url: str) -> None:
    """Open ``url``, check the HTTP status, and wait until the page has drawn."""
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
    wait_for_page(page)


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def notice(page: Page) -> Locator:
    """The link notice: a warning at the top of the page."""
    return page.locator('[data-testid="stAlert"]').filter(has_text=NOTICE_START)


def title(page: Page) -> Locator:
    return page.locator(TITLE_SELECTOR).first


def segment(page: Page, key: str, label: str) -> Locator:
    """One option of a segmented control (an ARIA radio in Streamlit 1.67)."""
    return page.locator(f".st-key-{key}").get_by_role("radio", name=label, exact=True)


def tab(page: Page, key: str, label: str) -> Locator:
    return page.locator(f".st-key-{key}").get_by_role("tab", name=label, exact=True)


def switch(page: Page, key: str) -> Locator:
    return page.locator(f".st-key-{key}").get_by_role("switch")


def district_box(page: Page) -> Locator:
    return page.locator(SIDEBAR).get_by_role("combobox", name="Gebied")


def metric_value(page: Page, label: str) -> Locator:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]')


def expect_segment(page: Page, key: str, label: str) -> None:
    expect(segment(page, key, label)).to_have_attribute("aria-checked", "true")


def expect_tab(page: Page, key: str, label: str) -> None:
    expect(tab(page, key, label)).to_have_attribute("aria-selected", "true")


def expect_tags(page: Page, key: str, labels: list[str]) -> None:
    tags = page.locator(f".st-key-{key} [data-testid='stMultiSelectTagsContainer'] [data-tag]")
    expect(tags).to_have_count(len(labels))
    for index, label in enumerate(labels):
        expect(tags.nth(index)).to_have_attribute("aria-label", label)


def pick_option(page: Page, box: Locator, option: str) -> None:
    """Open a selectbox or multiselect and click ``option`` (a second try with the keyboard if it stays shut)."""
    box.click()
    choice = page.get_by_role("option", name=option, exact=True)
    try:
        expect(choice).to_be_visible(timeout=2000)
    except AssertionError:
        box.press("ArrowDown")
        expect(choice).to_be_visible()
    choice.click()


def choose_district(page: Page, district: str) -> None:
    pick_option(page, district_box(page), district)


def choose_in_multiselect(page: Page, key: str, option: str) -> None:
    pick_option(page, page.locator(f".st-key-{key}").get_by_role("combobox"), option)
    page.keyboard.press("Escape")


def share_box_link(page: Page) -> str:
    """Open 'Deel deze weergave' and return the link it shows."""
    box = page.locator('[data-testid="stExpander"]').filter(has_text="Deel deze weergave")
    box.locator("summary").click()
    code = box.locator('[data-testid="stCode"]')
    expect(code).to_be_visible()
    return code.inner_text().strip()


_VIEW_STATE_JS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const keyOf = el => {
    const holder = el.closest('[class*="st-key-"]');
    const cls = holder ? [...holder.classList].find(c => c.startsWith('st-key-')) : null;
    return cls ? cls.slice(7) : '?';
  };
  const texts = sel => [...main.querySelectorAll(sel)].map(e => e.textContent.trim());
  const pairs = (sel, f) => Object.fromEntries([...document.querySelectorAll(sel)].map(f));
  return {
    title: texts('h1'),
    metrics: texts('[data-testid="stMetric"]'),
    info: texts('[data-testid="stAlertContentInfo"]'),
    captions: texts('[data-testid="stCaptionContainer"]'),
    segments: pairs('[role="radio"][aria-checked="true"]', e => [keyOf(e), e.textContent.trim()]),
    switches: pairs('input[role="switch"]', e => [e.getAttribute('aria-label'), e.checked]),
    selects: pairs('input[role="combobox"]', e => [e.getAttribute('aria-label'), e.value]),
    tabs: pairs('[data-testid="stTabs"]', t => [keyOf(t),
      [...t.querySelectorAll('[role="tab"][aria-selected="true"]')].map(x => x.textContent.trim())]),
    tags: pairs('[data-testid="stMultiSelectTagsContainer"]',
      c => [keyOf(c), [...c.querySelectorAll('[data-tag]')].map(x => x.getAttribute('aria-label'))]),
  };
}
"""


def view_state(page: Page) -> dict[str, Any]:
    """What a person sees: title, figures, answers, captions and the state of every control."""
    wait_for_app(page)
    return page.evaluate(_VIEW_STATE_JS)


# --- a. every control travels in the link ---------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """A page opened with non-default values, one control changed by clicking, and what both look like."""

    path: str
    query: dict[str, str]
    check: Callable[[Page], None]
    change: Callable[[Page], None]
    added: str
    check_changed: Callable[[Page], None]


def _start_twente(page: Page) -> None:
    expect(district_box(page)).to_have_value("Twente")
    expect(page.get_by_role("heading", name="De keten in 2022, district Twente")).to_be_visible()
    expect(page.locator(MAIN_SELECTOR)).to_contain_text(
        "5 van de 41 signalen van mensenhandel (12,2%) leidden in 2022 in district Twente"
    )


def _start_ijsselland(page: Page) -> None:
    expect(district_box(page)).to_have_value("IJsselland")
    expect(page.get_by_role("heading", name="De keten in 2022, district IJsselland")).to_be_visible()
    expect(page.locator(MAIN_SELECTOR)).to_contain_text(
        "5 van de 25 signalen van mensenhandel (20,0%) leidden in 2022 in district IJsselland"
    )


def ads_note(page: Page) -> Locator:
    """The caption under the district table that only the ads indicator shows."""
    captions = page.locator('[data-testid="stCaptionContainer"]')
    return captions.filter(has_text="De vijf districten tellen samen")


def _supply_controls(page: Page) -> None:
    expect(district_box(page)).to_have_value("Twente")
    expect_segment(page, "indicator", "Controles")
    expect_segment(page, "maat", "Per 100.000 inwoners")
    expect_segment(page, "niveau", "Districten")
    # Twente's rates, not the unit's (907 / 4,7 / 5,7).
    expect(metric_value(page, "Signalen per 100.000 inwoners")).to_have_text("6,5")
    expect(metric_value(page, "Advertenties per 100.000 inwoners")).to_have_text("816")
    expect(metric_value(page, "Controles per 100.000 inwoners")).to_have_text("3,9")
    expect(ads_note(page)).to_have_count(0)


def _supply_ads(page: Page) -> None:
    expect(district_box(page)).to_have_value("Twente")
    expect_segment(page, "indicator", "Advertenties")
    expect_segment(page, "maat", "Per 100.000 inwoners")
    expect_segment(page, "niveau", "Districten")
    expect(metric_value(page, "Signalen per 100.000 inwoners")).to_have_text("6,5")
    # Only the ads indicator notes that the districts add up to one more than the published total.
    expect(ads_note(page)).to_have_count(1)
    expect(ads_note(page)).to_contain_text("29.765 advertenties")


def _followup(district: str, sentence: str) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        expect(district_box(page)).to_have_value(district)
        expect_tab(page, "weergave", "Tabel")
        expect(page.locator(".st-key-weergave [data-testid='stDataFrame']")).to_be_visible()
        expect(page.locator('[data-testid="stAlertContentInfo"]').first).to_contain_text(sentence)

    return check


def _interventions_unit(page: Page) -> None:
    expect(district_box(page)).to_have_value("Oost-Nederland")
    expect(switch(page, "zorg")).to_be_checked()
    expect_tab(page, "weergave", "Tabel")
    expect(metric_value(page, "Interventies per rapportage")).to_have_text("2,30")
    expect(metric_value(page, "Bestuurlijke interventies")).to_have_text("minstens 138")


def _interventions_twente(page: Page) -> None:
    expect(district_box(page)).to_have_value("Twente")
    expect(switch(page, "zorg")).to_be_checked()
    expect_tab(page, "weergave", "Tabel")
    expect(metric_value(page, "Interventies per rapportage")).to_have_text("1,38")
    expect(metric_value(page, "Bestuurlijke interventies")).to_have_text("minstens 22")
    expect(metric_value(page, "Bestuurlijke rapportages")).to_have_text("16")


def _casustafel(care: bool, ratio: str) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        expect(district_box(page)).to_have_value("Twente")
        expect_segment(page, "verhouding", "Interventies per 100 signalen")
        if care:
            expect(switch(page, "zorg")).to_be_checked()
        else:
            expect(switch(page, "zorg")).not_to_be_checked()
        # The default view (per rapportage, without care) says 0,88.
        verdict = page.locator(f"{MAIN_SELECTOR} p").filter(has_text="Oordeel.")
        expect(verdict).to_contain_text(f"(verhouding {ratio})")
        expect(page.get_by_text("Gekozen gebied: Twente hoort bij de groep met casustafel")).to_be_visible()

    return check


def _trends(second: str) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        expect(district_box(page)).to_have_value("Twente")
        expect_tab(page, "weergave", "Tabel")
        expect_tab(page, "weergave2", second)
        expect(page.locator(".st-key-weergave [data-testid='stDataFrame']")).to_be_visible()
        expect(page.get_by_text("5 van de 22 onderzoeken uit Twente")).to_be_visible()

    return check


def _data(statuses: list[str], shown: int) -> Callable[[Page], None]:
    def check(page: Page) -> None:
        expect(district_box(page)).to_have_value("IJsselland")
        expect(page.get_by_text("In IJsselland gaat het om 89 cijfers")).to_be_visible()
        expect_tags(page, "filter_district", ["Twente"])
        expect_tags(page, "filter_status", statuses)
        expect(page.get_by_text(f"{shown} van 401 rijen getoond.")).to_be_visible()
        expect_tab(page, "blok", "Gelderland-Zuid")

    return check


SCENARIOS = [
    Scenario(
        "",
        {"district": "Twente"},
        _start_twente,
        lambda page: choose_district(page, "IJsselland"),
        "district=IJsselland",
        _start_ijsselland,
    ),
    Scenario(
        "aard-en-omvang",
        {
            "indicator": "Controles",
            "maat": "Per 100.000 inwoners",
            "niveau": "Districten",
            "district": "Twente",
        },
        _supply_controls,
        lambda page: segment(page, "indicator", "Advertenties").click(),
        "indicator=Advertenties",
        _supply_ads,
    ),
    Scenario(
        "opvolging",
        {"weergave": "Tabel", "district": "Twente"},
        _followup(
            "Twente", "5 van de 41 signalen (12,2%) leidden in Twente tot een strafrechtelijk onderzoek"
        ),
        lambda page: choose_district(page, "IJsselland"),
        "district=IJsselland",
        _followup(
            "IJsselland",
            "5 van de 25 signalen (20,0%) leidden in IJsselland tot een strafrechtelijk onderzoek",
        ),
    ),
    Scenario(
        "rapportage-interventie",
        {"zorg": "true", "weergave": "Tabel"},
        _interventions_unit,
        lambda page: choose_district(page, "Twente"),
        "district=Twente",
        _interventions_twente,
    ),
    Scenario(
        "casustafels",
        {"verhouding": "Interventies per 100 signalen", "district": "Twente"},
        _casustafel(care=False, ratio="0,86"),
        lambda page: page.get_by_text("Zorgtrajecten meetellen als interventie").click(),
        "zorg=true",
        _casustafel(care=True, ratio="1,04"),
    ),
    Scenario(
        "ontwikkeling",
        {"weergave": "Tabel", "district": "Twente"},
        _trends("Grafiek"),
        lambda page: tab(page, "weergave2", "Tabel").click(),
        "weergave2=Tabel",
        _trends("Tabel"),
    ),
    Scenario(
        "data",
        {
            "filter_district": "Twente",
            "filter_status": "leeg",
            "blok": "Gelderland-Zuid",
            "district": "IJsselland",
        },
        _data(["leeg"], 1),
        lambda page: choose_in_multiselect(page, "filter_status", "niet gerapporteerd"),
        "filter_status=niet+gerapporteerd",
        _data(["leeg", "niet gerapporteerd"], 13),
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.path or "start" for s in SCENARIOS])
def test_link_restores_the_view_and_follows_a_click(
    app_server: str, browser: Browser, scenario: Scenario
) -> None:
    with fresh_page(browser) as page:
        open_page(page, f"{app_server}/{scenario.path}?{urlencode(scenario.query)}")
        expect(notice(page)).to_have_count(0)
        assert_no_exception(page)
        scenario.check(page)
        assert query_of(page.url) == {k: [v] for k, v in scenario.query.items()}, page.url

        scenario.change(page)
        expect(page).to_have_url(re.compile(re.escape(scenario.added)), timeout=TIMEOUT)
        scenario.check_changed(page)
        address = page.url
        seen = view_state(page)
        assert_no_exception(page)
        added_key = scenario.added.split("=", 1)[0]
        for key, value in scenario.query.items():
            if key != added_key:
                assert query_of(address).get(key) == [value], f"{key} lost from {address}"
        shared = share_box_link(page)
        assert urlsplit(shared).path.rstrip("/") == f"/{scenario.path}".rstrip("/")
        for key, values in query_of(address).items():
            assert query_of(shared).get(key) == values, f"{key}={values} missing from the share link {shared}"

    with fresh_page(browser) as again:
        open_page(again, address)
        scenario.check_changed(again)
        expect(notice(again)).to_have_count(0)
        assert_no_exception(again)
        assert view_state(again) == seen


# --- b. the share link holds every value, defaults too --------------------------------------------

#: The casustafels page with every control on its default: a toggle, a segmented control, tabs, the frame.
SHARE_PATH = "casustafels"
SHARE_DEFAULTS = {
    "jaar": ["2022"],
    "district": ["Oost-Nederland"],
    "verhouding": ["Interventies per rapportage"],
    "zorg": ["false"],
    "weergave": ["Grafiek"],
    "weergave2": ["Grafiek"],
    "weergave3": ["Grafiek"],
}


def test_share_link_holds_defaults_and_reopens_the_same_view(app_server: str, browser: Browser) -> None:
    with fresh_page(browser) as page:
        open_page(page, f"{app_server}/{SHARE_PATH}")
        seen = view_state(page)
        link = share_box_link(page)
        assert link.startswith(app_server), link
        assert urlsplit(link).path == f"/{SHARE_PATH}"
        for written in ("district=Oost-Nederland", "jaar=2022", "zorg=false", "weergave=Grafiek"):
            assert written in link, f"{written} missing from {link}"
        shared = query_of(link)
        assert page.url == f"{app_server}/{SHARE_PATH}", "defaults stay out of the address bar"
        for key, values in SHARE_DEFAULTS.items():
            assert shared.get(key) == values, f"{key}={values} missing from {link}"

    with fresh_page(browser) as again:
        open_page(again, link)
        expect(notice(again)).to_have_count(0)
        assert_no_exception(again)
        assert view_state(again) == seen
        assert share_box_link(again) == link


def test_open_share_box_follows_a_control_in_a_fragment(app_server: str, browser: Browser) -> None:
    """A control that reruns only its part of the page still updates an open share box."""
    with fresh_page(browser) as page:
        open_page(page, f"{app_server}/aard-en-omvang")
        before = share_box_link(page)
        assert "maat=Aantallen" in before, before
        segment(page, "maat", "Per 100.000 inwoners").click()
        expect(metric_value(page, "Signalen per 100.000 inwoners")).to_have_text("5,7")
        box = page.locator('[data-testid="stExpander"]').filter(has_text="Deel deze weergave")
        expect(box.locator('[data-testid="stCode"]')).to_contain_text(
            "maat=Per+100.000+inwoners", timeout=TIMEOUT
        )
        assert_no_exception(page)


# --- c. hostile links -----------------------------------------------------------------------------

LONG = "A" * 5000

#: Path, parameters in link order, and the (key, value) pairs the notice must name:
#: None = every parameter given, [] = a valid link that gets no notice.
HOSTILE = [
    pytest.param("", [("jaar", "abc")], [("jaar", "abc")], id="year-text"),
    pytest.param("", [("jaar", "2022"), ("jaar", "2019")], [("jaar", "2019")], id="year-repeated"),
    pytest.param("opvolging", [("district", "<script>alert(1)</script>")], None, id="district-script"),
    pytest.param("", [("district", "")], [("district", "")], id="district-empty"),
    pytest.param("", [("district", LONG)], [("district", LONG)], id="district-5000-chars"),
    pytest.param(
        "opvolging",
        [("district", "\u202eTwente")],
        [("district", "\u202eTwente")],
        id="district-rtl-override",
    ),
    pytest.param("onzichtbare-slachtoffers", [("schatting", "-1e999")], None, id="estimate-minus-infinity"),
    pytest.param("onzichtbare-slachtoffers", [("schatting", "99999999")], None, id="estimate-out-of-range"),
    pytest.param("casustafels", [("onbekend", "1")], None, id="unknown-key"),
    pytest.param("ontwikkeling", [("<img src=x onerror=alert(1)>", "1")], None, id="unknown-html-key"),
    pytest.param("rapportage-interventie", [("zorg", "maybe")], None, id="care-maybe"),
    pytest.param("casustafels", [("zorg", "true"), ("zorg", "nee")], [("zorg", "nee")], id="care-repeated"),
    pytest.param("casustafels", [("verhouding", "DROP TABLE")], None, id="ratio-sql"),
    pytest.param("ontwikkeling", [("weergave", "\x00")], None, id="tab-nul"),
    pytest.param("data", [("filter_status", "x"), ("filter_status", "y")], None, id="status-repeated"),
    pytest.param("data", [("blok", "😀")], None, id="block-emoji"),
    pytest.param("aard-en-omvang", [("maat", "[x](javascript:alert(1))")], None, id="measure-markdown-link"),
    pytest.param("aard-en-omvang", [("indicator", ":red[x]")], None, id="indicator-colour-directive"),
    pytest.param("", [("presentatie", "<b>")], None, id="presentation-html"),
    pytest.param(
        "onzichtbare-slachtoffers", [("schatting", "8000.0")], [], id="valid-number-written-as-float"
    ),
    pytest.param("opvolging", [("presentatie", "1"), ("district", "Twente")], [], id="valid-presentation"),
]


@pytest.fixture(scope="module")
def hostile_page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """One page for all hostile links (each goto starts a new session); dialogs are recorded and dismissed."""
    dialogs: list[str] = []
    with fresh_page(browser) as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        yield page, dialogs


@pytest.mark.parametrize(("path", "pairs", "named"), HOSTILE)
def test_hostile_link_is_ignored_and_named(
    app_server: str,
    hostile_page: tuple[Page, list[str]],
    path: str,
    pairs: list[tuple[str, str]],
    named: list[tuple[str, str]] | None,
) -> None:
    page, dialogs = hostile_page
    dialogs.clear()
    if named is None:
        named = pairs
    open_page(page, f"{app_server}/{path}?{urlencode(pairs)}")
    assert_no_exception(page)
    expect(title(page)).to_be_visible()
    expect(title(page)).not_to_be_empty()

    if named:
        box = notice(page)
        expect(box).to_have_count(1, timeout=3000)
        expect(box).to_be_visible()
        # Invisible word joiners may break automatic links in the notice; a reader does not see them.
        text = box.inner_text().replace("\u2060", "")
        for key, value in named:
            assert f"'{quote_safely(key)}={quote_safely(value)}'" in text, text
        assert len(text) < 600, "the notice must stay short"
        assert not any(ord(ch) < 32 and ch != "\n" for ch in text) and "\u202e" not in text
        assert box.bounding_box()["y"] < title(page).bounding_box()["y"], "the notice belongs at the top"
    else:
        expect(notice(page)).to_have_count(0)

    live = page.evaluate(
        """() => ({
            scripts: [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length,
            handlers: document.querySelectorAll('[onerror], [onload]:not(body)').length,
            jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
        })"""
    )
    assert live == {"scripts": 0, "handlers": 0, "jsLinks": 0}, live
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert_no_exception(page)


# --- d. presentation mode -------------------------------------------------------------------------


def _route_path(url: str) -> str:
    return urlsplit(url).path.strip("/")


def _position(page: Page) -> Locator:
    """The deck's position ('8 / 21') over its progress bar."""
    return page.locator('.st-key-dia-balk [data-testid="stProgress"]')


def _next_slide(page: Page, position: str) -> None:
    """Click 'Volgende' (the mouse way; tests/browser/test_deck.py presses the keys) and wait for ``position``."""
    page.locator(".st-key-dia_verder button").click()
    expect(_position(page)).to_contain_text(position, timeout=TIMEOUT)
    wait_for_app(page)


def test_presentation_walks_the_route(app_server: str, browser: Browser) -> None:
    total = 3 * len(ROUTE)
    with fresh_page(browser, 1920, 1080) as page:
        open_page(page, f"{app_server}/?presentatie=1")
        expect(page.locator(SIDEBAR)).to_be_hidden()
        expect(page.locator('[data-testid="stHeader"]')).to_be_hidden()
        expect(_position(page)).to_contain_text(f"1 / {total}")
        sizes = page.evaluate(
            """() => ({
                h1: parseFloat(getComputedStyle(document.querySelector('[data-testid="stMain"] h1')).fontSize),
                p: parseFloat(getComputedStyle(document.querySelector('.st-key-dia-antwoord p')).fontSize),
            })"""
        )
        assert sizes["h1"] >= 44 and sizes["p"] >= 30, f"the type is not enlarged: {sizes}"
        page.screenshot(path=screenshot_path("presentatie-start-1920.png"))
        expect(page.locator('[data-testid="stExpander"]')).to_have_count(0)  # no notes on the projector
        expect(page.locator(".st-key-dia_terug button")).to_be_disabled()

        for number in range(2, 5):  # the start's chart and route, then the next question
            _next_slide(page, f"{number} / {total}")
        expect(title(page)).to_have_text(ROUTE[1].title)
        assert _route_path(page.url) == ROUTE[1].url_path, page.url
        assert query_of(page.url) == {"presentatie": ["1"]}, page.url
        expect(page.locator(SIDEBAR)).to_be_hidden()
        assert_no_exception(page)

        _next_slide(page, f"5 / {total}")
        assert query_of(page.url).get("dia") == ["Grafiek"], page.url
        expect(page.locator('[data-testid="stTab"]')).to_have_count(0)  # the chart alone, without tabs

        page.locator(".st-key-dia_terug button").click()
        expect(_position(page)).to_contain_text(f"4 / {total}", timeout=TIMEOUT)
        page.locator(".st-key-dia_terug button").click()
        expect(_position(page)).to_contain_text(f"3 / {total}", timeout=TIMEOUT)
        expect(title(page)).to_have_text(ROUTE[0].title)
        assert _route_path(page.url) == "" and query_of(page.url).get("presentatie") == ["1"], page.url

        page.locator(".st-key-presentatie_verlaten button").click()
        expect(page.locator(SIDEBAR)).to_be_visible(timeout=TIMEOUT)
        wait_for_app(page)
        expect(title(page)).to_have_text(APP_TITLE)
        assert "presentatie" not in query_of(page.url) and "dia" not in query_of(page.url), page.url
        expect(_position(page)).to_have_count(0)

        page.locator(SIDEBAR).get_by_text("Presentatiemodus (beamer)").click()
        expect(page).to_have_url(re.compile(r"presentatie=1"), timeout=TIMEOUT)
        expect(page.locator(SIDEBAR)).to_be_hidden(timeout=TIMEOUT)
        expect(_position(page)).to_contain_text(f"1 / {total}")


def test_presentation_start_shows_its_question(app_server: str, browser: Browser) -> None:
    with fresh_page(browser, 1920, 1080) as page:
        open_page(page, f"{app_server}/?presentatie=1")
        expect(title(page)).to_have_text(ROUTE[0].title, timeout=1000)


def test_presentation_route_leaves_no_stray_values_in_the_address(app_server: str, browser: Browser) -> None:
    with fresh_page(browser, 1920, 1080) as page:
        open_page(page, f"{app_server}/aard-en-omvang?presentatie=1")
        for number in range(5, 14):  # through three questions, to the first slide of 'casustafels'
            _next_slide(page, f"{number} / {3 * len(ROUTE)}")
        expect(title(page)).to_have_text(ROUTE[4].title)
        chosen = page.locator('.st-key-verhouding [role="radio"][aria-checked="true"]')  # made, though hidden
        expect(chosen).to_have_count(1)
        assert (chosen.text_content() or "").strip() == "Interventies per rapportage"
        address = page.url
    assert query_of(address) == {"presentatie": ["1"]}, address
    with fresh_page(browser, 1920, 1080) as again:
        open_page(again, address)
        expect(notice(again)).to_have_count(0)


# --- e. started from another working directory ----------------------------------------------------


def test_server_started_from_another_directory(browser: Browser, tmp_path: Path) -> None:
    script = str(REPO_ROOT / APP_SCRIPT)
    with streamlit_server(cwd=tmp_path, script=script) as base_url, fresh_page(browser) as page:
        open_page(page, f"{base_url}/")
        expect(title(page)).to_have_text(APP_TITLE)
        main = page.locator(MAIN_SELECTOR)
        expect(main.get_by_text("188", exact=True).first).to_be_visible()
        expect(main).to_contain_text("22 van de 188 signalen van mensenhandel")
        assert_no_exception(page)
        open_page(page, f"{base_url}/opvolging?district=Twente")
        expect(page.locator('[data-testid="stAlertContentInfo"]').first).to_contain_text(
            "5 van de 41 signalen"
        )
        expect(notice(page)).to_have_count(0)
        assert_no_exception(page)
