"""No tracebacks, ever, and Dutch where Streamlit speaks English (issue 14, points 5 and 7).

Each test is one attack or fault of the red team and failed on the code before the fix:

- a client that sends a widget id it was never shown, on several pages (protocol client);
- the first rerun a restarted server gets from a tab that was open (protocol client), and a
  real restart under an open werksessie tab (browser);
- each data file missing or broken, with the app run from a temporary copy (protocol client);
- an unknown address, a session code or a preview tab in a link that the page ignores;
- a 20 MB upload, which Streamlit refuses in English before the app sees it (browser).

The protocol client (``bench/st_client.py``) is used wherever the browser adds nothing:
two cores are shared.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from streamlit.proto.WidgetStates_pb2 import WidgetState

import bench.server
from analysis.questions import QUESTIONS
from bench.st_client import Session
from components.frame import DATA_ERROR_TITLE, NOT_FOUND_TITLE, RELOADED_TEXT
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    EXCEPTION_SELECTOR,
    REPO_ROOT,
    assert_no_exception,
    screenshot_path,
    wait_for_app,
    wait_for_page,
)

#: An id in the form Streamlit gives keyed widgets, for widgets this session never drew.
STALE_YEAR = "$$ID-0123456789abcdef0123456789abcdef-jaar"
STALE_DISTRICT = "$$ID-fedcba9876543210fedcba9876543210-district"
NOTICE_START = RELOADED_TEXT.split(":")[0]  # 'De pagina is opnieuw geladen'


def run(coroutine: Any) -> Any:
    """Run a protocol-client coroutine in its own thread (Playwright's sync API owns this thread's loop)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def stale_states() -> list[WidgetState]:
    """The year and district of a page from before a restart (or crafted), as the browser sends them."""
    year = WidgetState(id=STALE_YEAR)
    year.string_value = "2022"
    district = WidgetState(id=STALE_DISTRICT)
    district.string_value = "Twente"
    return [year, district]


# -- a widget id the client was never shown --------------------------------------------------


@pytest.mark.parametrize("path", ["", "opvolging", "werksessie", "nieuw-jaar"])
def test_a_bogus_widget_id_gives_the_dutch_notice_not_a_traceback(app_server: str, path: str) -> None:
    async def scenario() -> tuple[list[str], list[str], str | None]:
        async with Session(app_server) as session:
            await session.load(path)
            assert not session.exceptions()
            for state in stale_states():
                session._states[state.id] = state
            result = await session.rerun()
            assert result.status == "FINISHED_SUCCESSFULLY"
            return session.exceptions(), session.texts(), session.title()

    exceptions, texts, title = run(scenario())
    assert exceptions == []  # before: KeyError 'st.session_state has no key "$$ID-...-jaar"'
    assert any(text.startswith(NOTICE_START) for text in texts), texts[:3]
    assert title  # the page itself is drawn under the notice


def test_a_tab_from_before_a_restart_reaches_a_fresh_server_without_a_traceback(tmp_path: Path) -> None:
    """The first message a restarted server gets is the reconnected tab's rerun, with its widget states.

    The server is fresh, so Streamlit still runs in its legacy pages-directory mode (the
    page file alone, with the raw file list as the sidebar) until the app's frame takes over.
    Before the fix the states of the old page's year and district failed Streamlit's
    serializability check with two KeyErrors ('$$ID-...-jaar', '$$ID-...-district').
    """
    env = {"KETENDIALOOG_DATABASE_URL": f"sqlite:///{tmp_path / 'werksessies.sqlite'}"}

    async def scenario(base_url: str) -> tuple[str, list[str], list[str], str | None]:
        async with Session(base_url) as session:
            session.page_name = "werksessie"
            session.path = "werksessie"
            session.query_string = "district=Twente"
            for state in stale_states():
                session._states[state.id] = state
            result = await session.rerun()
            return result.status, session.exceptions(), session.texts(), session.title()

    with streamlit_server(env=env) as base_url:
        status, exceptions, texts, title = run(scenario(base_url))
    assert status == "FINISHED_SUCCESSFULLY"
    assert exceptions == []
    assert any(text.startswith(NOTICE_START) for text in texts), texts[:3]
    assert title == "Werksessie: schat eerst, dan zien"


# -- links the page ignores, and unknown addresses -------------------------------------------


@pytest.mark.parametrize(
    ("path", "query", "named"),
    [
        ("werksessie", "sessie=../../", "sessie\\=\\.\\.\\/\\.\\.\\/"),
        ("nieuw-jaar", "voorbeeld=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", "voorbeeld\\=\\<img src\\=x"),
    ],
    ids=["session code ../../", "preview <img>"],
)
def test_an_ignored_link_value_gets_the_link_notice(
    app_server: str, path: str, query: str, named: str
) -> None:
    async def scenario() -> list[str]:
        async with Session(app_server) as session:
            await session.load(path, query)
            assert not session.exceptions()
            return session.texts()

    texts = run(scenario())
    notices = [t for t in texts if t.startswith("Een deel van de link is niet begrepen")]
    assert len(notices) == 1, texts[:4]
    assert named in notices[0]
    assert "waarde niet geldig, genegeerd" in notices[0].replace("\\", "")


def test_an_unknown_address_gets_the_dutch_not_found_page(app_server: str, page: Page) -> None:
    async def warm() -> None:  # the very first visit of a server runs in Streamlit's legacy page mode
        async with Session(app_server) as session:
            await session.load("")

    run(warm())
    page.goto(f"{app_server}/bestaat-niet")
    wait_for_page(page)
    expect(page.locator('[data-testid="stMain"] h1')).to_have_text(NOT_FOUND_TITLE)
    expect(page.get_by_text("Het adres /bestaat-niet bestaat niet in deze app.")).to_be_visible()
    # Streamlit's English dialog does not show.
    expect(page.get_by_text("Page not found").filter(visible=True)).to_have_count(0)
    assert_no_exception(page)
    page.screenshot(path=screenshot_path("fault_not_found.png"))
    page.get_by_role("link", name="Naar Start").click()
    # The old page is drawn and idle until the move starts: wait for the address, then for the page.
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_server.rstrip('/'))}/?$"))
    wait_for_page(page)
    expect(page.locator('[data-testid="stMain"] h1')).not_to_have_text(NOT_FOUND_TITLE)


# -- the upload limit ------------------------------------------------------------------------


def test_a_20_mb_upload_gets_dutch(app_server: str, page: Page) -> None:
    page.goto(f"{app_server}/nieuw-jaar")
    wait_for_page(page)
    page.get_by_role("tab", name="Tekstbestand").click()
    box = page.locator(".st-key-tekstbestand_vak")
    expect(box.get_by_text("Eén bestand, tot 5,0 MB")).to_have_count(0)  # drawn by CSS, not text
    refusal = box.locator(".upload-geweigerd")
    expect(refusal).to_be_hidden()
    # The limit under the button is Dutch (drawn by CSS over Streamlit's '5MB per file').
    instructions = page.evaluate(
        "() => getComputedStyle(document.querySelector('.st-key-tekstbestand_vak "
        "[data-testid=stFileUploaderDropzoneInstructions] span'), '::after').content"
    )
    assert instructions == '"Eén bestand, tot 5,0 MB"'
    box.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "groot.txt", "mimeType": "text/plain", "buffer": b"x" * (20 * 1024 * 1024)}]
    )
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("Dit bestand is groter dan 5,0 MB en is daarom niet doorgestuurd.")
    # Streamlit's English message is not shown, neither in the box nor as a tooltip.
    assert "File must be" not in box.inner_text()
    chip = box.locator('[data-testid="stFileChip"]')
    bounds = chip.bounding_box()
    assert bounds is not None
    page.mouse.move(bounds["x"] + 20, bounds["y"] + 10)
    page.wait_for_timeout(800)
    expect(page.get_by_text("File must be").filter(visible=True)).to_have_count(0)
    box.screenshot(path=screenshot_path("fault_upload_20mb.png"))
    # The cross still removes the file, and the message goes with it.
    box.locator('[data-testid="stFileChipDeleteBtn"] button').click()
    expect(refusal).to_be_hidden()
    assert_no_exception(page)


# -- a restart under an open tab --------------------------------------------------------------


def test_a_restart_under_an_open_werksessie_tab(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"KETENDIALOOG_DATABASE_URL": f"sqlite:///{tmp_path / 'werksessies.sqlite'}"}
    first = bench.server.start(bench.server.APP_SCRIPT, env=env, timeout=90)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{first.base_url}/werksessie")
        wait_for_page(page)
        page.get_by_label("Titel", exact=True).fill("Herstart")
        page.get_by_role("button", name="Werksessie starten").click()
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("bewaar deze sleutel", timeout=30_000)
        wait_for_app(page)
        dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
        expect(dialog).to_have_count(0, timeout=30_000)
        # The participant's tab (the join link) stays open across the restart.
        code = re.search(r"sessie=([A-Z0-9]{6})", page.url)
        assert code is not None, page.url
        page.goto(f"{first.base_url}/werksessie?sessie={code.group(1)}")
        wait_for_page(page)
        expect(page.get_by_role("heading", name="Herstart")).to_be_visible(timeout=30_000)
        first.stop()
        monkeypatch.setattr(bench.server, "free_port", lambda: first.port)  # the same address again
        second = bench.server.start(bench.server.APP_SCRIPT, env=env, timeout=90)
        try:
            # The board refreshes every few seconds: the reconnected tab runs against the new server.
            expect(page.get_by_text(NOTICE_START)).to_be_visible(timeout=60_000)
            wait_for_app(page)
            expect(page.locator(EXCEPTION_SELECTOR)).to_have_count(0)
            expect(page.get_by_role("heading", name="Herstart")).to_be_visible()  # the session code stayed
            # The app's own frame ran (the participant's view has no menu), not the raw file list.
            expect(page.get_by_text("rapportage-interventie", exact=True)).to_have_count(0)
            expect(page.get_by_label("Jouw schatting (aantal)", exact=True)).to_be_visible()
            page.screenshot(path=screenshot_path("fault_restart.png"))
        finally:
            second.stop()
    finally:
        context.close()
        first.stop()


# -- missing and broken data files ------------------------------------------------------------

APP_PARTS = (
    "serve.py",
    "streamlit_app.py",
    "analysis",
    "components",
    "pages",
    "storage",
    "data",
    ".streamlit",
)


def app_copy(target: Path) -> Path:
    """A copy of the app (code and data, no tests or tools) to break a data file in."""
    target.mkdir(parents=True)
    for part in APP_PARTS:
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / part)
    return target


def _remove(root: Path, name: str) -> None:
    (root / name).unlink()


def _garble(root: Path, name: str) -> None:
    (root / name).write_text("dit is geen tabel\nmet;rare;kolommen\n", encoding="utf-8")


def _truncate(root: Path, name: str) -> None:
    path = root / name
    path.write_text(path.read_text(encoding="utf-8")[:600], encoding="utf-8")


DATA_FAULTS = {
    "gemeenten.csv missing": ("data/gemeenten.csv", _remove, "Het bestand data/gemeenten.csv ontbreekt."),
    "naam_aliassen.csv missing": (
        "data/naam_aliassen.csv",
        _remove,
        "Het bestand data/naam_aliassen.csv ontbreekt.",
    ),
    "dashboard 2022 missing": (
        "data/dashboard/2022.txt",
        _remove,
        "Het bestand data/dashboard/2022.txt ontbreekt.",
    ),
    "gemeenten.csv broken": (
        "data/gemeenten.csv",
        _garble,
        "Het bestand data/gemeenten.csv is beschadigd of heeft niet de verwachte opmaak",
    ),
    "dashboard 2022 cut short": (
        "data/dashboard/2022.txt",
        _truncate,
        "Het bestand data/dashboard/2022.txt is beschadigd of heeft niet de verwachte opmaak",
    ),
}


@pytest.fixture
def broken_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A server running a copy of the app with one data file removed or broken: (base URL, expected text)."""
    name, damage, says = DATA_FAULTS[request.param]
    root = app_copy(tmp_path / "app")
    damage(root, name)
    env = {
        "KETENDIALOOG_DATABASE_URL": f"sqlite:///{tmp_path / 'werksessies.sqlite'}",
        "KETENDIALOOG_DATA_DIR": str(tmp_path / "jaren"),
    }
    with streamlit_server(cwd=root, env=env) as base_url:
        yield base_url, says


@pytest.mark.parametrize("broken_app", DATA_FAULTS, indirect=True)
def test_a_missing_or_broken_data_file_gives_a_dutch_page_naming_it(broken_app: tuple[str, str]) -> None:
    base_url, says = broken_app
    paths = [q.url_path for q in QUESTIONS]

    async def scenario() -> dict[str, tuple[list[str], str | None, list[str]]]:
        seen = {}
        async with Session(base_url) as session:
            for path in paths:
                await session.load(path)
                seen[path] = (session.exceptions(), session.title(), session.texts())
        return seen

    for path, (exceptions, title, texts) in run(scenario()).items():
        assert exceptions == [], f"/{path}: {exceptions[:1]}"
        assert title == DATA_ERROR_TITLE, f"/{path}: {title}"
        assert any(says in text for text in texts), f"/{path}: {texts[:3]}"
