"""Next year's figures in a real browser: paste, preview, use for the session, upload a workbook, save.

The server runs with its own database (``KETENDIALOOG_DATABASE_URL``, a temporary SQLite
file) and the facilitator key ``test`` (``KETENDIALOOG_BEHEERSLEUTEL``); the environment is
set before the server starts, which inherits it. The synthetic 2023 is the published 2022
with ten more signals in Zwolle, IJsselland and the unit (25 -> 35, 188 -> 198). Each
scenario ends with one screenshot in tests/browser/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from analysis import load_dashboard
from analysis.paths import dashboard_file
from analysis.template import workbook_from_tidy
from bench.browser import CHROMIUM_ARGS, chromium_path
from storage import YearRepository, make_engine
from storage.years import ENV_KEY
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    APP_TIMEOUT_MS,
    SCREENSHOT_DIR,
    assert_no_exception,
    full_screenshot,
    wait_for_app,
    wait_for_charts,
    wait_for_page,
)

TEXT_2022 = dashboard_file(2022).read_text(encoding="utf-8")
SYNTHETIC_2023 = TEXT_2022.replace(
    "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25", "Signalen mensenhandel\t1\t1\t3\t23\t5\t2\t35"
).replace("Signalen mensenhandel\t188", "Signalen mensenhandel\t198")
SIDEBAR = '[data-testid="stSidebar"]'
CHANGE_2023 = "Van 2022 naar 2023 (heel Oost-Nederland): signalen mensenhandel 188 → 198 (+10;"


@pytest.fixture(scope="module")
def intake_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A server with its own database for saved years and the facilitator key 'test'; yields its URL and the database's."""
    database = f"sqlite:///{tmp_path_factory.mktemp('opgeslagen') / 'app.sqlite'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_KEY, "test")
        with streamlit_server(env={"KETENDIALOOG_DATABASE_URL": database}) as base_url:
            yield base_url, database


@pytest.fixture
def wide_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def open_intake(page: Page, base_url: str) -> None:
    response = page.goto(f"{base_url}/nieuw-jaar")
    assert response is not None and response.status == 200
    wait_for_page(page)
    expect(page.get_by_role("heading", name="Hoe komen de cijfers van een nieuw jaar erin?")).to_be_visible()


def year_input(page: Page) -> Locator:
    return page.locator(".st-key-jaartal input")


def set_year(page: Page, year: int) -> None:
    year_input(page).fill(str(year))
    year_input(page).press("Enter")
    wait_for_app(page)
    expect(year_input(page)).to_have_value(str(year))


def paste_and_check(page: Page, text: str) -> None:
    page.locator(".st-key-plak textarea").fill(text)
    page.locator(".st-key-controleer_plak button").click()
    wait_for_app(page)


def open_in_sidebar(page: Page, title: str) -> None:
    """Follow a navigation link in the sidebar: the same session, so session years stay."""
    page.locator(SIDEBAR).get_by_role("link", name=title).click()
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=APP_TIMEOUT_MS)
    wait_for_app(page)


def pick_option(page: Page, box: Locator, option: str) -> None:
    """Open a selectbox and click ``option`` (a second try with the keyboard if it stays shut)."""
    box.scroll_into_view_if_needed()
    box.click()
    choice = page.get_by_role("option", name=option, exact=True)
    try:
        expect(choice).to_be_visible(timeout=2000)
    except AssertionError:
        box.press("ArrowDown")
        expect(choice).to_be_visible()
    choice.click()


def year_box(page: Page) -> Locator:
    return page.locator(SIDEBAR).get_by_role("combobox", name="Jaar")


def test_paste_preview_use_and_see_the_change_everywhere(
    intake_server: tuple[str, str], wide_page: Page
) -> None:
    base_url, _ = intake_server
    page = wide_page
    open_intake(page, base_url)
    set_year(page, 2023)
    paste_and_check(page, SYNTHETIC_2023)
    expect(
        page.get_by_text("Geen fouten: de app kan de cijfers van 2023 lezen (401 vakken).")
    ).to_be_visible()
    expect(page.get_by_text("2 van 95 totalen")).to_be_visible()
    expect(page.get_by_text("Elk district noemt dezelfde gemeenten apart als in 2022.")).to_be_visible()
    assert_no_exception(page)
    full_screenshot(page, "nieuw_jaar_voorbeeld.png", 1280)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator(".st-key-gebruik_sessie button").click()
    wait_for_app(page)
    expect(page.get_by_text("2023 is nu beschikbaar in jouw sessie")).to_be_visible()
    expect(year_box(page)).to_have_value("2023")
    expect(page.locator(SIDEBAR).get_by_text("2023 is niet gepubliceerd")).to_be_visible()
    # What was pasted is still there.
    expect(page.locator(".st-key-plak textarea")).to_have_value(SYNTHETIC_2023)

    open_in_sidebar(page, "Ontwikkeling sinds 2019")
    expect(page.locator('[data-testid="stAlert"]').filter(has_text=CHANGE_2023)).to_be_visible()
    expect(year_box(page)).to_have_value("2023")
    assert wait_for_charts(page) == 4  # all years, year to year, 2019 against 2022, and its ratios
    assert_no_exception(page)
    full_screenshot(page, "ontwikkeling_2023.png", 1280)
    page.set_viewport_size({"width": 1280, "height": 900})

    open_in_sidebar(page, "Opvolging van signalen")
    box = page.locator('[data-testid="stExpander"]').filter(has_text="Vergelijk met 2022")
    box.locator("summary").click()
    expect(box.get_by_text(CHANGE_2023)).to_be_visible()
    assert_no_exception(page)
    full_screenshot(page, "opvolging_2023.png", 1280)


def test_rejected_paste_shows_its_errors_and_keeps_the_text(
    intake_server: tuple[str, str], wide_page: Page
) -> None:
    base_url, _ = intake_server
    page = wide_page
    open_intake(page, base_url)
    broken = SYNTHETIC_2023.replace("Zwol-le", "Zwollebroek").replace(
        "Signalen mensenhandel\t198", "Signalen mensenhandel\tveel"
    )
    assert broken.count("Zwollebroek") == 1 and broken.count("\tveel") == 1
    paste_and_check(page, broken)
    alerts = page.locator('[data-testid="stAlert"]')
    expect(alerts.filter(has_text="onbekende gemeente 'Zwollebroek'; bedoelt u 'Oldebroek'?")).to_be_visible()
    expect(alerts.filter(has_text="Blok 'TOTAAL EENHEID ONL', regel 92, kolom 2")).to_be_visible()
    expect(page.get_by_text("zo kan de app de cijfers niet gebruiken")).to_be_visible()
    expect(page.get_by_text("2 fouten", exact=True)).to_be_visible()
    expect(page.locator(".st-key-gebruik_sessie")).to_have_count(0)
    expect(page.locator(".st-key-plak textarea")).to_have_value(broken)
    assert_no_exception(page)
    full_screenshot(page, "nieuw_jaar_fouten.png", 1280)


def test_uploaded_workbook_is_checked_and_the_original_comes_back(
    intake_server: tuple[str, str], wide_page: Page
) -> None:
    base_url, _ = intake_server
    page = wide_page
    workbook = workbook_from_tidy(load_dashboard(2022).with_columns(jaar=pl.lit(2023, dtype=pl.Int64)))
    open_intake(page, base_url)
    page.locator(".st-key-invoer").get_by_role("tab", name="Excel-sjabloon (.xlsx)").click()
    page.locator(".st-key-excelbestand input[type='file']").set_input_files(
        {
            "name": "dashboard_2023.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": workbook,
        }
    )
    wait_for_app(page)
    expect(page.get_by_text("Geen fouten: de app kan de cijfers van 2023 lezen (401 vakken).")).to_be_visible(
        timeout=APP_TIMEOUT_MS
    )
    expect(year_input(page)).to_have_value("2023")  # from the file name
    with page.expect_download() as download:
        page.locator(".st-key-origineel_download button").click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "dashboard_2023.xlsx"
    assert saved.read_bytes() == workbook  # unchanged, byte for byte
    with page.expect_download() as template:
        page.locator(".st-key-sjabloon_download button").click()
    assert template.value.suggested_filename == "ketendialoog_sjabloon.xlsx"
    assert Path(template.value.path()).read_bytes()[:2] == b"PK"
    assert_no_exception(page)


def test_save_for_everyone_with_the_key(
    intake_server: tuple[str, str], browser: Browser, wide_page: Page
) -> None:
    base_url, database = intake_server
    page = wide_page
    open_intake(page, base_url)
    set_year(page, 2024)
    paste_and_check(page, SYNTHETIC_2023)
    expect(page.get_by_text("Geen fouten: de app kan de cijfers van 2024 lezen")).to_be_visible()
    pick_option(page, page.locator(".st-key-organisatie").get_by_role("combobox"), "gemeente")
    wait_for_app(page)
    page.locator(".st-key-beheersleutel_invoer input").fill("test")
    page.locator(".st-key-beheersleutel_invoer input").press("Enter")
    wait_for_app(page)
    page.locator(".st-key-opslaan_iedereen button").click()
    wait_for_app(page)
    expect(page.get_by_text("2024 is opgeslagen voor iedereen, toegevoegd door gemeente op")).to_be_visible()
    engine = make_engine(database)
    try:
        assert YearRepository(engine).load_year(2024).info.organisation == "gemeente"
    finally:
        engine.dispose()
    assert_no_exception(page)
    full_screenshot(page, "nieuw_jaar_opgeslagen.png", 1280)

    # Someone else, in a new session, gets 2024 in the year choice.
    other = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    try:
        response = other.goto(f"{base_url}/opvolging?jaar=2024")
        assert response is not None and response.status == 200
        wait_for_page(other)
        expect(year_box(other)).to_have_value("2024")
        box = other.locator('[data-testid="stExpander"]').filter(has_text="Vergelijk met 2022")
        box.locator("summary").click()
        expect(
            box.get_by_text("Van 2022 naar 2024 (heel Oost-Nederland): signalen mensenhandel 188 → 198")
        ).to_be_visible()
        assert_no_exception(other)
    finally:
        other.context.close()
    assert SCREENSHOT_DIR.is_dir()


def test_a_session_years_link_works_in_a_fresh_browser_after_the_first_closed(
    intake_server: tuple[str, str], browser: Browser
) -> None:
    """'Voor mijn sessie' in one Chromium; that Chromium quits; its link opens the same year elsewhere."""
    base_url, _ = intake_server
    first_browser = browser.browser_type.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
    )
    try:
        page = first_browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
        open_intake(page, base_url)
        set_year(page, 2023)
        paste_and_check(page, SYNTHETIC_2023)
        page.locator(".st-key-gebruik_sessie button").click()
        wait_for_app(page)
        expect(page.get_by_text("2023 is nu beschikbaar in jouw sessie")).to_be_visible()
        expect(page.get_by_text("Ze zijn niet gepubliceerd")).to_be_visible()
        link = page.locator('[data-testid="stCode"]').filter(has_text="sessiejaar=").inner_text().strip()
        assert "jaar=2023&sessiejaar=" in link, link
        expect(page).to_have_url(re.compile(r"sessiejaar=[A-Za-z0-9_-]{24}"))  # the address keeps it too
        full_screenshot(page, "nieuw_jaar_sessielink.png", 1280)
    finally:
        first_browser.close()
    # The first browser is gone (its session with it); a fresh context opens the link.
    fresh = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    try:
        response = fresh.goto(link)
        assert response is not None and response.status == 200
        wait_for_page(fresh)
        expect(year_box(fresh)).to_have_value("2023")
        expect(fresh.get_by_text("2023: niet gepubliceerde cijfers.")).to_be_visible()
        assert "Oost-Nederland" in fresh.locator('[data-testid="stMain"]').inner_text()
        open_in_sidebar(fresh, "Opvolging van signalen")
        expect(year_box(fresh)).to_have_value("2023")
        box = fresh.locator('[data-testid="stExpander"]').filter(has_text="Vergelijk met 2022")
        box.locator("summary").click()
        expect(
            box.get_by_text("Van 2022 naar 2023 (heel Oost-Nederland): signalen mensenhandel 188 → 198")
        ).to_be_visible()
        # The share box's link carries the session year too, so it opens the same figures elsewhere.
        share = fresh.locator('[data-testid="stExpander"]').filter(has_text="Deel deze weergave")
        share.locator("summary").click()
        shared = share.locator('[data-testid="stCode"]')
        expect(shared).to_contain_text("sessiejaar=")
        assert link.rsplit("sessiejaar=", 1)[1] in shared.inner_text()
        assert_no_exception(fresh)
        # A link whose token is gone gets the Dutch notice, not a silent default.
        fresh.goto(f"{base_url}/?jaar=2023&sessiejaar={'B' * 24}")
        wait_for_page(fresh)
        expect(
            fresh.get_by_text("Deze link wijst naar cijfers die iemand alleen voor een eigen sessie had")
        ).to_be_visible()
        expect(year_box(fresh)).not_to_have_value("2023")  # the newest published year instead, and said so
        full_screenshot(fresh, "sessielink_verlopen.png", 1280)
    finally:
        fresh.context.close()
