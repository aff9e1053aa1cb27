"""Scenario comparison in a real browser: A and B travel in the link, and a link reopens the same view.

Hard-coded expectations (CBS share 3.282.382 / 17.590.672 = 18,66%): 5.500 gives about
1.026 expected victims in Oost-Nederland, 8.000 about 1.493, 4.000 about 746 and
4.000 × 20% = 800; 188 police signals are 12,6% of 1.493 and 25,2% of 746.
"""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import MAIN_SELECTOR, assert_no_exception, full_screenshot, wait_for_page

PATH = "onzichtbare-slachtoffers"


def open_view(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_page(page)
    assert_no_exception(page)


def shown_as(text: str) -> re.Pattern[str]:
    """Match ``text`` as shown, allowing the invisible word joiners that keep addresses from becoming links."""
    return re.compile("^" + "\u2060?".join(re.escape(ch) for ch in text) + "$")


def metric(page: Page, label: str):
    """The value element of the metric with exactly this label."""
    return (
        page.get_by_test_id("stMetric")
        .filter(has=page.get_by_test_id("stMetricLabel").get_by_text(shown_as(label)))
        .get_by_test_id("stMetricValue")
    )


def slider(page: Page, key: str):
    return page.locator(f".st-key-{key} input[type=range]")


def shown_figures(page: Page) -> list[str]:
    """Every metric (label, value, delta) and the answer sentence, to compare two views."""
    answer = page.get_by_test_id("stAlertContentInfo").first.inner_text()
    return [*page.get_by_test_id("stMetric").all_inner_texts(), answer]


def expect_settled(page: Page) -> None:
    """Wait for the rerun a control change starts, then for the page to be idle again."""
    page.wait_for_timeout(800)
    wait_for_page(page)
    assert_no_exception(page)


def test_values_in_the_link_set_the_controls_and_the_numbers(app_server: str, page: Page) -> None:
    query = {
        "vergelijk": "true",
        "naam_a": "Hoog",
        "schatting": "8000",
        "naam_b": "Laag",
        "schatting_b": "4000",
        "eigen_aandeel_b": "true",
        "aandeel_b": "20,0%",
    }
    open_view(page, f"{app_server}/{PATH}?{urlencode(query)}")

    expect(page.locator(".st-key-vergelijk input")).to_be_checked()
    expect(page.locator(".st-key-naam_a input")).to_have_value("Hoog")
    expect(page.locator(".st-key-naam_b input")).to_have_value("Laag")
    expect(slider(page, "schatting")).to_have_value("8000")
    expect(slider(page, "schatting_b")).to_have_value("4000")
    expect(page.locator(".st-key-eigen_aandeel input")).not_to_be_checked()
    expect(page.locator(".st-key-eigen_aandeel_b input")).to_be_checked()
    expect(page.locator(".st-key-aandeel_b").get_by_test_id("stSliderThumbValue")).to_have_text("20,0%")

    expect(metric(page, "Verwacht in Oost-Nederland (basis)")).to_have_text("1.026")
    expect(metric(page, "Verwacht in Oost-Nederland (Hoog)")).to_have_text("1.493")
    expect(metric(page, "Signalen als deel van verwacht (Hoog)")).to_have_text("12,6%")
    expect(metric(page, "Verwacht in Oost-Nederland (Laag)")).to_have_text("800")
    answer = page.get_by_test_id("stAlertContentInfo").first
    expect(answer).to_contain_text(
        "Ook bij de laagste schatting (B) blijft in Oost-Nederland minstens 76% van de verwachte slachtoffers "
        "buiten beeld. Verwacht: basis ongeveer 1.026, A 1.493, B 800."
    )
    expect(page.get_by_text("niet begrepen")).to_have_count(0)
    full_screenshot(page, "scenario-vergelijk-link-1280.png", 1280)

    # The same page without the link's values shows the defaults: the numbers came from the link.
    open_view(page, f"{app_server}/{PATH}")
    expect(page.locator(".st-key-vergelijk input")).not_to_be_checked()
    expect(slider(page, "schatting")).to_have_value("5500")
    expect(metric(page, "Verwacht in Oost-Nederland (jouw scenario)")).to_have_text("1.026")
    expect(page.locator(".st-key-naam_b")).to_have_count(0)


def test_changing_a_control_changes_the_address_and_the_address_reopens_the_view(
    app_server: str, browser: Browser, page: Page
) -> None:
    open_view(page, f"{app_server}/{PATH}?vergelijk=true&naam_b=Laag")
    expect(slider(page, "schatting_b")).to_have_value("5500")
    expect(page).not_to_have_url(re.compile("schatting_b"))

    # Six quick steps of 250 down with the keyboard, without waiting: 5.500 -> 4.000. The slider is
    # the one source of truth; the exact field beside it follows and never pulls it back a step.
    slider(page, "schatting_b").focus()
    for _ in range(6):
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(150)  # at this pace the old two-way sync ended at 4.250
    expect_settled(page)
    expect(page).to_have_url(re.compile(r"[?&]schatting_b=4000(&|$)"))
    expect(slider(page, "schatting_b")).to_have_value("4000")
    expect(page.locator(".st-key-schatting_getal_b input")).to_have_value("4000")
    expect(metric(page, "Verwacht in Oost-Nederland (Laag)")).to_have_text("746")
    expect(metric(page, "Signalen als deel van verwacht (Laag)")).to_have_text("25,2%")

    # A name typed into A's field travels too.
    page.locator(".st-key-naam_a input").fill("Hoog")
    page.locator(".st-key-naam_a input").press("Enter")
    expect_settled(page)
    expect(page).to_have_url(re.compile(r"[?&]naam_a=Hoog(&|$)"))
    expect(metric(page, "Verwacht in Oost-Nederland (Hoog)")).to_have_text("1.026")

    address = page.url
    params = parse_qs(urlsplit(address).query)
    assert params["vergelijk"] == ["true"] and params["naam_b"] == ["Laag"]
    figures = shown_figures(page)
    full_screenshot(page, "scenario-vergelijk-gewijzigd-1280.png", 1280)

    fresh = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        other = fresh.new_page()
        open_view(other, address)
        expect(other.locator(".st-key-naam_a input")).to_have_value("Hoog")
        expect(other.locator(".st-key-naam_b input")).to_have_value("Laag")
        expect(slider(other, "schatting_b")).to_have_value("4000")
        expect(metric(other, "Verwacht in Oost-Nederland (Laag)")).to_have_text("746")
        assert shown_figures(other) == figures
        expect(other.get_by_text("niet begrepen")).to_have_count(0)
        full_screenshot(other, "scenario-vergelijk-heropend-1280.png", 1280)
    finally:
        fresh.close()


def test_share_link_holds_the_defaults_too_and_reopens_the_view(
    app_server: str, browser: Browser, page: Page
) -> None:
    open_view(page, f"{app_server}/{PATH}?vergelijk=true&schatting_b=4000&naam_b=Laag")
    figures = shown_figures(page)
    # Streamlit leaves values equal to their defaults out of the address ...
    assert "schatting=" not in urlsplit(page.url).query

    page.get_by_text("Deel deze weergave").click()
    code = page.get_by_test_id("stCode").last
    expect(code).to_be_visible()
    link = code.inner_text().strip()
    params = parse_qs(urlsplit(link).query)
    # ... the share link holds them all, so the view does not change when a default does.
    assert link.startswith(f"{app_server}/{PATH}?")
    assert params["schatting"] == ["5500"]
    assert params["naam_a"] == ["Scenario A"]
    assert params["eigen_aandeel"] == ["false"]
    assert params["aandeel"] == ["18,7%"]
    assert params["vergelijk"] == ["true"]
    assert params["schatting_b"] == ["4000"]
    assert params["naam_b"] == ["Laag"]
    assert params["eigen_aandeel_b"] == ["false"]
    full_screenshot(page, "scenario-deel-weergave-1280.png", 1280)

    fresh = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        other = fresh.new_page()
        open_view(other, link)
        expect(slider(other, "schatting")).to_have_value("5500")
        expect(slider(other, "schatting_b")).to_have_value("4000")
        expect(other.locator(".st-key-naam_b input")).to_have_value("Laag")
        assert shown_figures(other) == figures
        expect(other.get_by_text("niet begrepen")).to_have_count(0)
    finally:
        fresh.close()


def test_hostile_names_in_the_link_stay_plain_text(app_server: str, page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    query = {
        "vergelijk": "true",
        "naam_a": "<img src=x onerror=alert(1)>",
        "naam_b": "[klik](https://evil.example)",
        "schatting_b": "4000",
    }
    open_view(page, f"{app_server}/{PATH}?{urlencode(query)}")
    main = page.locator(MAIN_SELECTOR)
    expect(main.locator("a[href*='evil.example']")).to_have_count(0)
    expect(main.locator("img[src='x']")).to_have_count(0)
    expect(main.get_by_text(shown_as("B · [klik](https://evil.example)"))).to_be_visible()
    expect(metric(page, "Verwacht in Oost-Nederland ([klik](https://evil.example))")).to_have_text("746")
    full_screenshot(page, "scenario-vijandige-namen-1280.png", 1280)

    # 10.000 characters: the field keeps 40, the page still works and says what it did not take.
    open_view(page, f"{app_server}/{PATH}?vergelijk=true&schatting_b=4000&naam_b={'W' * 10_000}")
    expect(page.locator(".st-key-naam_b input")).to_have_value("W" * 40)
    expect(metric(page, f"Verwacht in Oost-Nederland ({'W' * 40})")).to_have_text("746")
    expect(page.get_by_text("niet begrepen")).to_have_count(1)
    assert dialogs == []


def test_typed_estimate_sets_the_slider_with_enter(app_server: str, page: Page) -> None:
    open_view(page, f"{app_server}/{PATH}")
    field = page.locator(".st-key-schatting_getal input")
    expect(field).to_have_value("5500")
    field.fill("6250")
    field.press("Enter")
    expect_settled(page)
    expect(slider(page, "schatting")).to_have_value("6250")
    expect(page).to_have_url(re.compile(r"[?&]schatting=6250(&|$)"))
    expect(metric(page, "Verwacht in Oost-Nederland (jouw scenario)")).to_have_text("1.166")
