"""Werksessie in a real browser: a facilitator and participants in separate browser contexts.

The server uses a temporary SQLite file (KETENDIALOOG_DATABASE_URL), so the test leaves
nothing behind and does not touch the default database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import streamlit_server
from tests.browser.helpers import assert_no_exception, full_screenshot, wait_for_app, wait_for_page

LIVE_TIMEOUT_MS = 20_000  # the board refreshes every 3 s; generous for a loaded CI machine
POST = "Signalen komen vooral uit de horeca in Twente"
SCRIPT = "<script>window.__xss = 1</script>"
IMG = '<img src=x onerror="window.__xss = 1">'
MD_LINK = "[klik hier](javascript:alert(1)) en **vet**"
SQL = "'; DROP TABLE notities; --"
#: The console's note cards (the newest of each kind; every note is also a row of its table).
CONSOLE_CARDS = '[class*="st-key-ws_regie_notitie_"]'


@pytest.fixture(scope="module")
def werksessie_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Streamlit server with its own temporary SQLite database."""
    db = Path(tmp_path_factory.mktemp("werksessie")) / "werksessies.sqlite"
    with streamlit_server(env={"KETENDIALOOG_DATABASE_URL": f"sqlite:///{db}"}) as base_url:
        yield base_url


def _context(browser: Browser) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": 1280, "height": 1400}, locale="nl-NL", accept_downloads=True
    )
    context.set_default_timeout(30_000)
    return context


def _post(page: Page, text: str) -> None:
    """Type ``text`` into the note field and post it, once the previous run has finished."""
    wait_for_app(page)
    area = page.get_by_label("Tekst", exact=True)
    area.fill(text)
    expect(area).to_have_value(text, timeout=LIVE_TIMEOUT_MS)  # the previous run did not replace the field
    page.get_by_role("button", name="Plaatsen").click()
    wait_for_app(page)


def test_werksessie_two_browsers(browser: Browser, werksessie_server: str) -> None:
    facilitator_ctx, participant_ctx, other_ctx = _context(browser), _context(browser), _context(browser)
    try:
        # The facilitator starts a session and gets a join link and a key (shown once).
        fac = facilitator_ctx.new_page()
        fac.goto(f"{werksessie_server}/werksessie")
        wait_for_page(fac)
        fac.get_by_label("Titel", exact=True).fill("Werksessie Oost")
        fac.get_by_role("button", name="Werksessie starten").click()
        dialog = fac.get_by_role("dialog")
        expect(dialog).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        key = dialog.locator('[data-testid="stCode"]').inner_text().strip()
        wait_for_app(fac)
        dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
        expect(dialog).to_have_count(0, timeout=LIVE_TIMEOUT_MS)
        link = fac.locator('[data-testid="stCode"]').filter(has_text="sessie=").first.inner_text().strip()
        assert re.fullmatch(r".*/werksessie\?sessie=[A-Z0-9]{6}", link), link
        assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", key), key
        assert key not in fac.url
        join_url = werksessie_server + link[link.index("/werksessie") :]

        # A participant joins with the link alone, estimates and posts.
        part = participant_ctx.new_page()
        part.goto(join_url)
        wait_for_page(part)
        expect(part.get_by_text("Werksessie Oost")).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        expect(part.get_by_text("Deel hier geen persoonsgegevens", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        part.get_by_label("Jouw schatting (aantal)", exact=True).fill("150")
        part.get_by_role("button", name="Schatting insturen (ronde 1)").click()
        expect(part.get_by_text("Je schatting voor ronde 1 is opgeslagen.")).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        _post(part, POST)
        expect(part.get_by_text("Iedereen ziet je bijdrage", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        _post(part, SCRIPT)
        expect(part.get_by_text(SCRIPT, exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)

        # The facilitator sees the post appear without reloading. Each check first brings the
        # page to the front, as the projector window is: a browser may throttle the timers of
        # a window behind others, and the board refreshes on such a timer.
        fac.bring_to_front()
        expect(fac.locator(CONSOLE_CARDS).get_by_text(POST, exact=True)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        expect(fac.get_by_text("1 schatting binnen", exact=False)).to_be_visible(timeout=LIVE_TIMEOUT_MS)

        # A second participant tries hostile input.
        other = other_ctx.new_page()
        other.goto(join_url)
        wait_for_page(other)
        for text in (IMG, MD_LINK, SQL):
            _post(other, text)
            expect(other.get_by_text(text, exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        _post(other, "x" * 10_000)
        expect(other.get_by_text("het maximum is 500", exact=False)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        expect(other.get_by_label("Tekst", exact=True)).to_have_value("x" * 10_000)  # typed text stays
        _post(other, "omgedraaide \u202e richting")
        expect(other.get_by_text("onzichtbare stuurtekens", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )

        # Everything hostile shows as literal text on the facilitator's screen, nothing runs. The
        # live refresh was checked above; here the facilitator reruns the page ('Verslag
        # bijwerken'), so this check does not hang on the refresh timer of a window in the back.
        fac.bring_to_front()
        fac.get_by_role("button", name="Verslag bijwerken").click()
        wait_for_app(fac)
        for text in (SCRIPT, IMG, MD_LINK, SQL):  # the five newest are cards (and rows of the table)
            expect(fac.locator(CONSOLE_CARDS).get_by_text(text, exact=True)).to_be_visible(
                timeout=LIVE_TIMEOUT_MS
            )
        assert fac.evaluate("() => window.__xss") is None
        assert fac.locator('[data-testid="stMain"] img[src="x"]').count() == 0
        assert fac.locator('a[href^="javascript"]').count() == 0

        # The participant's attempt at a facilitator action is refused: the console asks for the key.
        expect(other.get_by_role("button", name="Schattingen tonen (ronde 1)")).to_have_count(0)
        other.goto(join_url + "&scherm=regie")
        wait_for_page(other)
        other.get_by_label("Sleutel van de gespreksleider", exact=True).fill("AAAA-BBBB-CCCC-DDDD")
        other.get_by_role("button", name="Regie openen").click()
        expect(other.get_by_text("Deze sleutel klopt niet", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        expect(other.get_by_role("button", name="Schattingen tonen (ronde 1)")).to_have_count(0)
        expect(other.get_by_role("button", name="Verslag (Markdown)")).to_have_count(0)
        other.goto(join_url + "&tonen=1&sleutel=" + "AAAA-BBBB-CCCC-DDDD")
        wait_for_page(other)
        expect(part.get_by_text("Gepubliceerd cijfer")).to_have_count(0)

        # The facilitator reveals; the participant sees the reveal without reloading.
        fac.get_by_role("button", name="Schattingen tonen (ronde 1)").click()
        expect(fac.get_by_text("De schattingen zijn getoond.")).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        part.bring_to_front()
        # The figure's card (the strip's label says "gepubliceerd cijfer: 188" too, once it is drawn).
        revealed = part.get_by_test_id("stMetricLabel").get_by_text("Gepubliceerd cijfer", exact=True)
        expect(revealed).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        expect(part.get_by_text("de enige schatting was 150", exact=False)).to_be_visible(
            timeout=LIVE_TIMEOUT_MS
        )
        expect(part.locator('[data-testid="stMetricValue"]').first).to_have_text(
            "188", timeout=LIVE_TIMEOUT_MS
        )
        assert_no_exception(part)
        assert_no_exception(fac)

        # Export: the report downloads and holds the post; user text is escaped in the HTML.
        with fac.expect_download() as markdown:
            fac.get_by_role("button", name="Verslag (Markdown)").click()
        report = Path(markdown.value.path()).read_text(encoding="utf-8")
        assert "Horeca" in report.replace("horeca", "Horeca") and "Werksessie Oost" in report
        with fac.expect_download() as page_download:
            fac.get_by_role("button", name="Hand-out om te printen (HTML)").click()
        report_html = Path(page_download.value.path()).read_text(encoding="utf-8")
        assert POST in report_html
        assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in report_html
        assert "<script" not in report_html and "<img" not in report_html
        with fac.expect_download() as table:
            fac.get_by_role("button", name="Alle bijdragen en schattingen (CSV)").click()
        rows = Path(table.value.path()).read_text(encoding="utf-8-sig")
        assert POST in rows and "schatting;signalen;1;" in rows  # Dutch Excel: ';' between columns
        full_screenshot(fac, "werksessie-gespreksleider.png", 1280)
        full_screenshot(part, "werksessie-deelnemer.png", 1280)
    finally:
        for context in (facilitator_ctx, participant_ctx, other_ctx):
            context.close()
