"""The three screens of a werksessie in four browser contexts: console, big screen and two phones.

The facilitator creates a session on the console (1280x800) and gets the key once in a
dialog; the big screen (1920x1080) shows the code and a QR code that decodes to the join
link; two phones (390x844) join, estimate and post; the big screen shows the count but no
value until the console reveals; a note the console hides leaves the big screen; the
countdown runs. The key is in no URL any browser asked for, and in neither the big screen's
nor a phone's DOM.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import streamlit_server
from tests.browser.helpers import assert_no_exception, screenshot_path, wait_for_app, wait_for_page

LIVE_TIMEOUT_MS = 20_000
NOTE = "Signalen uit de horeca komen laat bij de politie"
KEY_PATTERN = re.compile(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}")
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def screens_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Streamlit server with its own temporary SQLite database."""
    db = Path(tmp_path_factory.mktemp("werksessie_screens")) / "werksessies.sqlite"
    with streamlit_server(env={"KETENDIALOOG_DATABASE_URL": f"sqlite:///{db}"}) as base_url:
        yield base_url


def _context(
    browser: Browser, urls: list[str], viewport: dict[str, int], phone: bool = False
) -> BrowserContext:
    context = browser.new_context(viewport=viewport, locale="nl-NL", is_mobile=phone, has_touch=phone)
    context.set_default_timeout(30_000)
    context.on("request", lambda request: urls.append(request.url))
    return context


def _decode_qr(page: Page) -> list[str]:
    """The texts of every QR code in a screenshot of the QR image on ``page``."""
    import zxingcpp
    from PIL import Image

    png = page.locator(".st-key-ws-qr img").screenshot()
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def _estimate(phone: Page, value: str) -> None:
    box = phone.get_by_role("spinbutton", name=re.compile("Jouw schatting"))
    box.fill(value)
    phone.get_by_role("button", name="Schatting insturen (ronde 1)").click()
    expect(phone.get_by_text("Je schatting voor ronde 1 is opgeslagen.")).to_be_visible(
        timeout=LIVE_TIMEOUT_MS
    )


def test_console_big_screen_and_phones(browser: Browser, screens_server: str) -> None:
    urls: list[str] = []
    console_ctx = _context(browser, urls, {"width": 1280, "height": 800})
    big_ctx = _context(browser, urls, {"width": 1920, "height": 1080})
    phone_ctxs = [_context(browser, urls, PHONE, phone=True) for _ in range(2)]
    try:
        # The facilitator creates a session; the key shows once, in a dialog, and the console opens.
        console = console_ctx.new_page()
        console.goto(f"{screens_server}/werksessie")
        wait_for_page(console)
        console.get_by_label("Titel", exact=True).fill("Werksessie Twente")
        console.get_by_role("button", name="Werksessie starten").click()
        dialog = console.get_by_role("dialog")
        expect(dialog).to_contain_text("bewaar deze sleutel", timeout=LIVE_TIMEOUT_MS)
        key = dialog.locator('[data-testid="stCode"]').inner_text().strip()
        assert KEY_PATTERN.fullmatch(key), key
        console.screenshot(path=screenshot_path("werksessie-sleutel.png"))
        wait_for_app(console)  # a click while the page still runs may be taken for an older run
        dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
        expect(dialog).to_have_count(0, timeout=LIVE_TIMEOUT_MS)
        expect(console).to_have_url(re.compile(r"sessie=[A-Z0-9]{6}&scherm=regie$"))
        code = re.search(r"sessie=([A-Z0-9]{6})", console.url).group(1)  # type: ignore[union-attr]
        join = f"{screens_server}/werksessie?sessie={code}"
        expect(console.get_by_text(key)).to_have_count(0)  # once the dialog is closed, the key is gone

        # The big screen: the code in large type and a QR code that decodes to the join link.
        big = big_ctx.new_page()
        big_link = (
            console.locator('[data-testid="stCode"]').filter(has_text="presentatie=1").inner_text().strip()
        )
        assert big_link == f"{join}&presentatie=1"  # the big screen is the session page in presentation mode
        big.goto(big_link)
        wait_for_page(big)
        expect(big.locator(".st-key-ws-groot-code")).to_have_text(code)
        expect(big.locator(".st-key-ws-qr img")).to_be_visible()
        assert _decode_qr(big) == [join]
        expect(big.locator('[data-testid="stSidebar"]')).to_be_hidden()
        controls = big.locator('[data-testid="stMain"] button:visible, [data-testid="stMain"] input:visible')
        assert controls.count() == 0, controls.all_inner_texts()  # no controls on the wall

        # Two phones join from the link; the estimate box is on the first screen.
        phones = [ctx.new_page() for ctx in phone_ctxs]
        for phone in phones:
            phone.goto(join)
            wait_for_page(phone)
            box = phone.get_by_role("spinbutton", name=re.compile("Jouw schatting")).bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
            expect(phone.get_by_text("Voor de gespreksleider")).to_have_count(0)
            expect(phone.get_by_text("Deel deze weergave")).to_have_count(0)
        phones[0].screenshot(path=screenshot_path("werksessie-telefoon.png"))
        _estimate(phones[0], "150")
        _estimate(phones[1], "240")

        # The big screen counts the estimates but shows no value.
        big.bring_to_front()
        expect(big.locator(".st-key-ws-groot-aantal")).to_have_text(
            "2 schattingen binnen", timeout=LIVE_TIMEOUT_MS
        )
        expect(big.get_by_text("2 deelnemers doen mee")).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        main_text = big.locator('[data-testid="stMain"]').inner_text()
        assert "150" not in main_text and "240" not in main_text and "188" not in main_text
        big.screenshot(path=screenshot_path("werksessie-groot-scherm.png"))

        # The console reveals: the strip on the big screen and on the phones.
        console.bring_to_front()
        expect(console.get_by_text("2 schattingen binnen", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        console.get_by_role("button", name="Schattingen tonen (ronde 1)").click()
        expect(console.get_by_text("De schattingen zijn getoond.")).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        big.bring_to_front()
        expect(big.locator('[data-testid="stMetricValue"]')).to_have_text("188", timeout=LIVE_TIMEOUT_MS)
        expect(big.locator('[data-testid="stMetricLabel"]')).to_have_text("Gepubliceerd cijfer")
        expect(big.locator('[data-testid="stVegaLiteChart"]')).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        for phone in phones:
            phone.bring_to_front()
            expect(phone.locator('[data-testid="stMetricValue"]')).to_have_text(
                "188", timeout=LIVE_TIMEOUT_MS
            )
            expect(phone.locator('[data-testid="stVegaLiteChart"]')).to_be_visible(timeout=LIVE_TIMEOUT_MS)

        # A phone posts an action point; the big screen shows it; the console hides it; it goes.
        phone = phones[1]
        phone.get_by_text("Actiepunt", exact=True).click()
        phone.get_by_label("Tekst", exact=True).fill(NOTE)
        phone.get_by_role("button", name="Plaatsen").click()
        expect(phone.get_by_text("Iedereen ziet je bijdrage", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        big.bring_to_front()
        expect(big.get_by_text(NOTE, exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        big.screenshot(path=screenshot_path("werksessie-groot-scherm-getoond.png"))
        console.bring_to_front()
        note_box = console.locator('[class*="st-key-ws_regie_notitie_"]').filter(has_text=NOTE)
        expect(note_box).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        note_box.get_by_role("button", name="Verbergen").click()
        expect(console.get_by_text("De bijdrage is verborgen.")).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        big.bring_to_front()
        expect(big.get_by_text(NOTE, exact=True)).to_have_count(0, timeout=LIVE_TIMEOUT_MS)

        # The countdown: started on the console, running on the big screen.
        console.bring_to_front()
        console.get_by_role("button", name="Aftellen starten").click()
        expect(console.get_by_text("Het aftellen is gestart.")).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        console.screenshot(path=screenshot_path("werksessie-regie.png"))
        big.bring_to_front()
        clock = big.locator(".st-key-ws-groot-klok")
        expect(clock).to_contain_text(re.compile(r"[23]:\d\d"), timeout=LIVE_TIMEOUT_MS)
        first = clock.inner_text()
        expect(clock).not_to_have_text(first, timeout=LIVE_TIMEOUT_MS)  # it counts down

        # The key: in no URL, in neither the big screen's nor a phone's DOM.
        for page in (big, *phones):
            assert key not in page.content()
            assert_no_exception(page)
        assert_no_exception(console)
        assert not [url for url in urls if key in url]
    finally:
        for context in (console_ctx, big_ctx, *phone_ctxs):
            context.close()


def _create_session(page: Page, base: str, title: str) -> str:
    """Create a session on ``page`` (closing the key dialog); return its code."""
    page.goto(f"{base}/werksessie")
    wait_for_page(page)
    page.get_by_label("Titel", exact=True).fill(title)
    page.get_by_role("button", name="Werksessie starten").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=LIVE_TIMEOUT_MS)
    wait_for_app(page)
    dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
    expect(dialog).to_have_count(0, timeout=LIVE_TIMEOUT_MS)
    return re.search(r"sessie=([A-Z0-9]{6})", page.url).group(1)  # type: ignore[union-attr]


def test_route_slide_asks_before_it_shows(browser: Browser, screens_server: str) -> None:
    """With a session open, the deck's answer slide asks the room to estimate; the answer comes after the reveal."""
    urls: list[str] = []
    presenter_ctx = _context(browser, urls, {"width": 1280, "height": 800})
    projector_ctx = _context(browser, urls, {"width": 1920, "height": 1080})
    phone_ctx = _context(browser, urls, PHONE, phone=True)
    try:
        presenter = presenter_ctx.new_page()
        code = _create_session(presenter, screens_server, "Route met schattingen")
        presenter.get_by_role("button", name="Presenteren met deze sessie").click()
        expect(presenter).to_have_url(
            re.compile(rf"deck=[A-Z0-9]{{6}}&sessie={code}"), timeout=LIVE_TIMEOUT_MS
        )
        wait_for_app(presenter)
        link = (
            presenter.locator('[data-testid="stCode"]').filter(has_text="presentatie=1").inner_text().strip()
        )
        assert link.endswith(f"&sessie={code}")
        projector = projector_ctx.new_page()
        projector.goto(link)
        wait_for_app(projector)

        # Three steps: past the start's slides to the first question, which estimates the signals.
        for _ in range(3):
            wait_for_app(presenter)
            presenter.get_by_role("button", name="Volgende").click()
            presenter.wait_for_timeout(800)
        expect(presenter).to_have_url(re.compile(r"/aard-en-omvang\?"), timeout=LIVE_TIMEOUT_MS)
        projector.bring_to_front()
        expect(projector).to_have_url(
            re.compile(rf"/aard-en-omvang\?.*sessie={code}"), timeout=LIVE_TIMEOUT_MS
        )
        panel = projector.locator(".st-key-dia-schatting")
        expect(panel).to_contain_text("Hoeveel signalen van mensenhandel", timeout=LIVE_TIMEOUT_MS)
        expect(panel).to_contain_text(code)
        expect(projector.locator(".st-key-dia-deel-vraag")).to_be_hidden()
        assert "188" not in projector.locator('[data-testid="stMain"]').inner_text()
        projector.screenshot(path=screenshot_path("werksessie-route-schatten.png"))

        # The phone follows the deck to the same question and estimates.
        phone = phone_ctx.new_page()
        phone.goto(f"{screens_server}/werksessie?sessie={code}")
        wait_for_page(phone)
        expect(phone.get_by_text("Hoeveel signalen van mensenhandel", exact=False)).to_be_visible()
        _estimate(phone, "300")
        projector.bring_to_front()
        expect(projector.locator(".st-key-dia-schatting-aantal")).to_have_text(
            "1 schatting binnen", timeout=LIVE_TIMEOUT_MS
        )

        # The presenter starts a countdown from the same panel; the projector shows it.
        presenter.bring_to_front()
        presenter.get_by_role("button", name="Aftellen 2 min").click()
        projector.bring_to_front()
        expect(projector.locator(".st-key-dia-schatting-klok")).to_contain_text(
            re.compile(r"[12]:\d\d"), timeout=LIVE_TIMEOUT_MS
        )
        projector.screenshot(path=screenshot_path("werksessie-route-aftellen.png"))

        # The presenter reveals: the projector shows the page's answer slide with the figure.
        presenter.bring_to_front()
        presenter.get_by_role("button", name="Schattingen tonen (ronde 1)").click()
        projector.bring_to_front()
        expect(panel).to_have_count(0, timeout=LIVE_TIMEOUT_MS)
        expect(projector.locator(".st-key-dia-deel-vraag")).to_contain_text("188", timeout=LIVE_TIMEOUT_MS)
        phone.bring_to_front()
        expect(phone.locator('[data-testid="stMetricValue"]')).to_have_text("188", timeout=LIVE_TIMEOUT_MS)
        for page in (projector, presenter, phone):
            assert_no_exception(page)
    finally:
        for context in (presenter_ctx, projector_ctx, phone_ctx):
            context.close()
