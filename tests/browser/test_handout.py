"""The werksessie hand-out printed by Chromium: one A4 page per question, nothing fetched, nothing cut off.

The hand-out (``analysis.werksessie.handout``) is loaded with ``page.set_content`` (no server)
and printed with ``page.pdf``; the pages of the PDF are counted. With print media emulated, each
question's section is measured against the height of an A4 page inside the ``@page`` margins and
saved as a PNG in ``tests/browser/screenshots/`` to look at.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, Request

from analysis.werksessie.handout import handout_html
from tests.analysis.werksessie_sample import sample_report
from tests.browser.helpers import screenshot_path

#: A4 inside the hand-out's ``@page`` margins (12 mm top and bottom, 14 mm left and right), in CSS pixels.
MM = 96 / 25.4
CONTENT_WIDTH_PX = round((210 - 2 * 14) * MM)
CONTENT_HEIGHT_PX = (297 - 2 * 12) * MM
#: A page object in a PDF (not the ``/Pages`` tree).
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def test_handout_prints_one_page_per_question(page: Page) -> None:
    report = sample_report()
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    dialogs: list[str] = []
    page.on("request", record)
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    page.set_content(handout_html(report))
    assert requests == []  # self-contained: no font, image, style or script is fetched

    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    assert len(PDF_PAGE.findall(pdf)) == len(report.questions) == 5

    page.set_viewport_size({"width": CONTENT_WIDTH_PX, "height": round(CONTENT_HEIGHT_PX)})
    page.emulate_media(media="print")
    sections = page.locator("section.page")
    assert sections.count() == 5
    for number in range(1, 6):
        section = sections.nth(number - 1)
        box = section.bounding_box()
        assert box is not None
        assert box["height"] <= CONTENT_HEIGHT_PX, f"question {number} is {box['height']:.0f}px high"
        assert section.get_by_text(f"Vraag {number} van 5").is_visible()
        section.screenshot(path=screenshot_path(f"handout-print-{number}.png"))

    # Participants' text is shown as typed, never run: no element came from it.
    assert page.locator("script, img, iframe, object").count() == 0
    assert page.get_by_text('<script>alert("x")</script>', exact=False).count() == 1
    assert dialogs == []  # the hostile note's alert(...) never ran


def test_handout_on_screen(page: Page) -> None:
    """On screen the pages are cards on a grey background; the question and figure read at a glance."""
    page.set_content(handout_html(sample_report()))
    page.emulate_media(media="screen")
    first = page.locator("section.page").first
    assert first.locator("h1").inner_text().startswith("Hoeveel signalen van mensenhandel")
    assert first.locator(".figure .label").inner_text().lower() == "berekend uit gepubliceerde aantallen"
    assert first.locator(".figure .value").inner_text() == "66"
    page.screenshot(path=screenshot_path("handout-screen.png"), full_page=False)
