"""axe-core (WCAG 2.0 and 2.1, levels A and AA) on every page, at laptop and projector width, on the laptop and in presentation mode.

One server for the whole run; one browser page per width and mode, reused for every app
page. A rule of impact "serious" or "critical" fails the test, unless it is on the
commented :data:`ALLOWED` list (rule, selector, and why the app cannot fix it). Every page's
other findings ("moderate", "minor", and what axe could not decide) are written to
``tests/browser/reports/axe-<mode>-<width>.md``; ``docs/toegankelijkheid.md`` explains them.

Also checked here, because only a browser shows it: the page declares Dutch (``lang="nl"``),
every chart has a text alternative (the Vega ``description`` as the chart's accessible
name), and the presentation background is the one ``analysis.palette`` checks contrast on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from analysis import palette
from analysis.questions import QUESTIONS
from components.accessibility import DUTCH_LABELS
from tests.browser.conftest import streamlit_server
from tests.browser.helpers import (
    APP_TIMEOUT_MS,
    VEGA_SELECTOR,
    assert_no_exception,
    wait_for_app,
    wait_for_charts,
)

REPORT_DIR = Path(__file__).resolve().parent / "reports"
#: WCAG 2.0 and 2.1, levels A and AA: the rules the Dutch accessibility decree asks for.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations", "incomplete"]}


@dataclass(frozen=True)
class Allowed:
    """A finding in Streamlit's own markup that the app cannot change, and why."""

    rule: str
    selector: str
    reason: str


#: Findings of Streamlit's own markup that the app cannot fix. Each entry is also named in
#: docs/toegankelijkheid.md. Empty: the two that were here are fixed in the app.
#: - ``list``/``listitem`` on ``[data-testid="stSidebarNavItems"]``: Streamlit's sectioned menu
#:   puts <div> elements straight inside its <ul>. Fixed: the menu is drawn by the app with
#:   ``st.page_link`` (components/accessibility.py, ``st.navigation(position="hidden")``).
#: - ``color-contrast`` on ``[data-testid="stCaptionContainer"]``: Streamlit's captions are
#:   the text colour at 60% opacity (4.2:1). Fixed: the app's caption grey (6.6:1).
ALLOWED: tuple[Allowed, ...] = ()

#: The pages of the app, from the question registry.
PATHS = [q.url_path for q in QUESTIONS]
MODES = {"laptop": "", "presentatie": "presentatie=1"}
WIDTHS = {1280: 900, 1920: 1080}

#: The accessible name of every visible chart: Vega puts the spec's description on the chart's
#: container (role graphics-document), where a screen reader announces it.
_CHART_NAMES_JS = f"""() => [...document.querySelectorAll('{VEGA_SELECTOR}')]
  .filter(c => c.checkVisibility())
  .map(c => c.getAttribute('role') === 'graphics-document' ? (c.getAttribute('aria-label') || '') : '')"""


def _allowed(rule: str, target: str) -> Allowed | None:
    return next((a for a in ALLOWED if a.rule == rule and a.selector in target), None)


@dataclass
class Finding:
    """One rule's result on one page."""

    rule: str
    impact: str
    help: str
    targets: list[str]
    kind: str  # 'violation' or 'incomplete' (axe could not decide: a person must look)


def audit(axe: Axe, page: Page) -> list[Finding]:
    """Run axe on the page as it is now and return its findings."""
    response = axe.run(page, options=AXE_OPTIONS).response
    findings: list[Finding] = []
    for kind, results in (("violation", response["violations"]), ("incomplete", response["incomplete"])):
        for result in results:
            targets = [" ".join(str(t) for t in node["target"]) for node in result["nodes"]]
            findings.append(Finding(result["id"], result.get("impact") or "", result["help"], targets, kind))
    return findings


def failures(findings: list[Finding]) -> list[str]:
    """The serious and critical violations that are not on the allowlist, one line each."""
    lines = []
    for f in findings:
        if f.kind != "violation" or f.impact not in FAILING_IMPACTS:
            continue
        for target in f.targets:
            if _allowed(f.rule, target) is None:
                lines.append(f"{f.rule} ({f.impact}): {target[:160]}")
    return lines


def write_report(name: str, results: dict[str, list[Finding]]) -> Path:
    """Write every page's findings (all impacts) to tests/browser/reports/<name>.md."""
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# axe-core {name}",
        "",
        f"Regels: {', '.join(WCAG_TAGS)}. Gemaakt door tests/browser/test_accessibility.py; uitleg in "
        "docs/toegankelijkheid.md.",
        "",
    ]
    for page_name, findings in results.items():
        lines.append(f"## /{page_name}")
        if not findings:
            lines.append("Geen bevindingen.")
        for f in findings:
            allowed = [t for t in f.targets if _allowed(f.rule, t)]
            note = f" (toegestaan: {len(allowed)})" if allowed else ""
            lines.append(
                f"- {f.kind} `{f.rule}` ({f.impact or 'onbekend'}), {len(f.targets)}x{note}: {f.help}"
            )
            lines.extend(f"  - `{t[:200]}`" for t in f.targets[:5])
        lines.append("")
    path = REPORT_DIR / f"{name}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def wide(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        yield context.new_page()
    finally:
        context.close()


def open_and_wait(page: Page, url: str) -> None:
    """Open ``url`` and wait until the page and its visible charts are drawn."""
    page.goto(url)
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=APP_TIMEOUT_MS)
    wait_for_app(page)
    if "presentatie=1" in url:
        # The deck draws a question's later slides ahead, out of sight: only the visible charts count.
        page.wait_for_function(
            f"() => [...document.querySelectorAll('{VEGA_SELECTOR}')].filter(c => c.checkVisibility())"
            ".every(c => c.querySelector('canvas, svg'))",
            timeout=APP_TIMEOUT_MS,
        )
    else:
        wait_for_charts(page)


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("mode", MODES, ids=list(MODES))
def test_no_serious_or_critical_violation_on_any_page(
    app_server: str, browser: Browser, axe: Axe, mode: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, locale="nl-NL")
    results: dict[str, list[Finding]] = {}
    problems: list[str] = []
    try:
        page = context.new_page()
        for path in PATHS:
            query = MODES[mode]
            open_and_wait(page, f"{app_server}/{path}" + (f"?{query}" if query else ""))
            assert_no_exception(page)
            assert page.evaluate("document.documentElement.lang") == "nl", f"/{path}: lang is not nl"
            results[path or "start"] = found = audit(axe, page)
            problems.extend(f"/{path} {line}" for line in failures(found))
    finally:
        context.close()
    report = write_report(f"axe-{mode}-{width}", results)
    assert not problems, f"{len(problems)} serious/critical violation(s) (report: {report}):\n" + "\n".join(
        problems
    )


#: The colours of the text Vega drew in the visible charts.
_CHART_TEXT_FILLS_JS = f"""() => [...new Set([...document.querySelectorAll('{VEGA_SELECTOR}')]
  .filter(c => c.checkVisibility())
  .flatMap(c => [...c.querySelectorAll('svg text')].filter(t => t.textContent.trim()))
  .map(t => {{
    // The text's own opacity and its groups' (a faded label is lighter than its fill says).
    let alpha = parseFloat(t.getAttribute('fill-opacity') || '1');
    for (let e = t; e && e.tagName !== 'svg'; e = e.parentElement) alpha *= parseFloat(getComputedStyle(e).opacity);
    return (t.getAttribute('fill') || '') + '@' + alpha.toFixed(2);
  }}))]"""
#: Text drawn on a dark bar (analysis.palette.TEXT_ON_FILL checks it against the bar).
_ON_FILL = {"white", "#ffffff"}


def _over(color: str, alpha: float, ground: str) -> str:
    """The colour ``color`` at opacity ``alpha`` as it looks on ``ground``."""

    def channels(code: str) -> list[int]:
        digits = code.lstrip("#")
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return [int(digits[i : i + 2], 16) for i in (0, 2, 4)]

    mixed = (
        round(alpha * c + (1 - alpha) * g) for c, g in zip(channels(color), channels(ground), strict=True)
    )
    return "#" + "".join(f"{value:02x}" for value in mixed)


def _over_white(color: str, alpha: float) -> str:
    """The colour ``color`` at opacity ``alpha`` as it looks on the white page."""
    return _over(color, alpha, palette.PAGE_BACKGROUND)


def _css_hex(fill: str) -> str:
    if fill.startswith("rgb"):
        red, green, blue = (int(v) for v in fill[fill.index("(") + 1 : fill.index(")")].split(",")[:3])
        return f"#{red:02x}{green:02x}{blue:02x}"
    return fill


def test_every_chart_has_a_text_alternative_and_dark_text(app_server: str, wide: Page) -> None:
    """Every drawn chart carries its description (title and summary) as its accessible name, and its text reaches 4.5:1.

    axe cannot judge text inside an SVG (it reports it as 'incomplete'), so the colours Vega
    drew are read here and measured with the palette's WCAG formula. Streamlit's chart theme
    would draw axis and legend labels in #808495 (3.8:1).
    """
    missing: list[str] = []
    light: list[str] = []
    counted = 0
    for path in PATHS:
        open_and_wait(wide, f"{app_server}/{path}")
        names = wide.evaluate(_CHART_NAMES_JS)
        counted += len(names)
        for drawn in wide.evaluate(_CHART_TEXT_FILLS_JS):
            fill, alpha = drawn.rsplit("@", 1)
            if fill in _ON_FILL:
                continue
            seen = _over_white(_css_hex(fill), float(alpha))
            ratio = palette.contrast_ratio(seen, palette.PAGE_BACKGROUND)
            if ratio < palette.TEXT_MIN_RATIO:
                light.append(f"/{path}: {fill} at opacity {alpha} ({palette.fmt_ratio(ratio)})")
        missing.extend(
            f"/{path} chart {i + 1}: {name!r}"
            for i, name in enumerate(names)
            if not name.startswith("Grafiek: ") or len(name.split()) < 5
        )
    assert counted >= 12, f"only {counted} charts found on the laptop pages"
    assert not missing, "charts without a text alternative:\n" + "\n".join(missing)
    assert not light, "chart text below 4.5:1:\n" + "\n".join(light)


def test_presentation_background_is_the_one_the_palette_checks(app_server: str, wide: Page) -> None:
    open_and_wait(wide, f"{app_server}/opvolging?presentatie=1")
    rgb = wide.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"
    )
    red, green, blue = (int(v) for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    assert f"#{red:02x}{green:02x}{blue:02x}" == palette.PRESENTATION_BACKGROUND


def test_caption_grey_is_the_palette_grey(app_server: str, wide: Page) -> None:
    """Streamlit's own caption grey (4.2:1) is replaced by the palette's, fully opaque."""
    open_and_wait(wide, f"{app_server}/opvolging")
    caption = wide.locator('[data-testid="stCaptionContainer"]').first
    expect(caption).to_have_css("opacity", "1")
    hex_code = palette.CAPTION_COLOR.lstrip("#")
    expect(caption).to_have_css(
        "color", "rgb({}, {}, {})".format(*(int(hex_code[i : i + 2], 16) for i in (0, 2, 4)))
    )


def test_shortcut_hints_in_the_deck_reach_4_5_to_1(app_server: str, wide: Page) -> None:
    """'PageUp' and 'PageDown' in the deck's buttons: Streamlit fades them to 60% (4.2:1 and 3.4:1)."""
    open_and_wait(wide, f"{app_server}/opvolging?presentatie=1")
    hints = wide.evaluate(
        "() => [...document.querySelectorAll('button kbd')].filter(k => k.checkVisibility()).map(k => "
        "[k.innerText, getComputedStyle(k).color, getComputedStyle(k).opacity, "
        "getComputedStyle(k.closest('button')).backgroundColor])"
    )
    assert {text for text, *_ in hints} >= {"PageUp", "PageDown"}, hints
    for text, color, opacity, background in hints:
        ground = _css_hex(background)
        seen = _over(_css_hex(color), float(opacity), ground)
        ratio = palette.contrast_ratio(seen, ground)
        assert ratio >= palette.TEXT_MIN_RATIO, f"{text}: {palette.fmt_ratio(ratio)}"


def test_streamlits_english_labels_are_dutch(app_server: str, wide: Page) -> None:
    """Streamlit's own labels ('Help for Jaar', 'Download as PNG', the skip link) read in Dutch (WCAG 3.1.2)."""
    open_and_wait(wide, f"{app_server}/opvolging")
    expect(wide.get_by_role("link", name="Naar de inhoud")).to_have_count(1)
    expect(wide.get_by_role("button", name="Uitleg bij Gebied")).to_have_count(1)
    english = wide.evaluate(
        "(words) => [...document.querySelectorAll('[aria-label]:not(svg *), [title]:not(svg *), [placeholder]')]"
        ".flatMap(e => ['aria-label', 'title', 'placeholder'].map(n => e.getAttribute(n)))"
        ".filter(v => v && words.some(w => v === w || v.startsWith('Help for ')))",
        list(DUTCH_LABELS),
    )
    assert not english, f"English labels left: {english}"


def test_new_year_page_with_an_error_has_no_serious_violation(app_server: str, wide: Page, axe: Axe) -> None:
    """'Nieuw jaar toevoegen' with a broken upload: the error itself must be accessible."""
    open_and_wait(wide, f"{app_server}/nieuw-jaar")
    wide.locator(".st-key-invoer").get_by_role("tab", name="Excel-sjabloon (.xlsx)").click()
    wide.locator(".st-key-excelbestand input[type='file']").set_input_files(
        {
            "name": "dashboard_2023.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": b"dit is geen Excel-bestand",
        }
    )
    wait_for_app(wide)
    error = wide.locator('[data-testid="stAlertContentError"]').first
    expect(error).to_be_visible(timeout=APP_TIMEOUT_MS)
    assert_no_exception(wide)
    found = audit(axe, wide)
    write_report("axe-nieuw-jaar-fout", {"nieuw-jaar (met foutmelding)": found})
    problems = failures(found)
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def session_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with its own temporary werksessie database."""
    db = Path(tmp_path_factory.mktemp("a11y_werksessie")) / "werksessies.sqlite"
    with streamlit_server(env={"KETENDIALOOG_DATABASE_URL": f"sqlite:///{db}"}) as base_url:
        yield base_url


def test_werksessie_screens_have_no_serious_violation(
    browser: Browser, session_server: str, axe: Axe
) -> None:
    """The three screens of a werksessie: the console (with the key dialog), the big screen and a phone, before and after the reveal."""
    results: dict[str, list[Finding]] = {}
    contexts = [
        browser.new_context(viewport=viewport, locale="nl-NL", is_mobile=phone, has_touch=phone)
        for viewport, phone in (
            ({"width": 1280, "height": 800}, False),
            ({"width": 1920, "height": 1080}, False),
            ({"width": 390, "height": 844}, True),
        )
    ]
    try:
        console, big, phone = (context.new_page() for context in contexts)
        open_and_wait(console, f"{session_server}/werksessie")
        results["werksessie (start)"] = audit(axe, console)
        console.get_by_label("Titel", exact=True).fill("Toegankelijkheid")
        console.get_by_role("button", name="Werksessie starten").click()
        dialog = console.get_by_role("dialog")
        expect(dialog).to_be_visible(timeout=APP_TIMEOUT_MS)
        wait_for_app(console)
        results["werksessie (sleutel)"] = audit(axe, console)
        dialog.get_by_role("button", name="Ik heb de sleutel bewaard").click()
        expect(dialog).to_have_count(0, timeout=APP_TIMEOUT_MS)
        wait_for_app(console)
        code = re.search(r"sessie=([A-Z0-9]{6})", console.url)
        assert code is not None, console.url
        results["werksessie (regie)"] = audit(axe, console)
        open_and_wait(big, f"{session_server}/werksessie?sessie={code.group(1)}&presentatie=1")
        results["werksessie (groot scherm)"] = audit(axe, big)
        open_and_wait(phone, f"{session_server}/werksessie?sessie={code.group(1)}")
        results["werksessie (deelnemer)"] = audit(axe, phone)
        # The deck of the route carrying the session: a question slide with its estimate panel.
        big.goto(f"{session_server}/aard-en-omvang?presentatie=1&sessie={code.group(1)}")
        expect(big.locator(".st-key-dia-balk").first).to_be_visible(timeout=APP_TIMEOUT_MS)
        wait_for_app(big)
        results["route met werksessie (dia)"] = audit(axe, big)
        open_and_wait(big, f"{session_server}/werksessie?sessie={code.group(1)}&presentatie=1")
        # After the reveal: the estimates as a chart on the big screen and the phone.
        phone.get_by_role("spinbutton", name=re.compile("Jouw schatting")).fill("150")
        phone.get_by_role("button", name="Schatting insturen (ronde 1)").click()
        expect(phone.get_by_text("Je schatting voor ronde 1 is opgeslagen.")).to_be_visible(
            timeout=APP_TIMEOUT_MS
        )
        console.bring_to_front()
        reveal = console.get_by_role("button", name="Schattingen tonen (ronde 1)")
        expect(reveal).to_be_enabled(timeout=APP_TIMEOUT_MS)
        reveal.click()
        expect(console.get_by_text("De schattingen zijn getoond.")).to_be_visible(timeout=APP_TIMEOUT_MS)
        for name, page in (("groot scherm", big), ("deelnemer", phone)):
            page.bring_to_front()
            expect(page.locator(VEGA_SELECTOR).first).to_be_visible(timeout=APP_TIMEOUT_MS)
            wait_for_app(page)
            results[f"werksessie ({name}, getoond)"] = audit(axe, page)
            names = page.evaluate(_CHART_NAMES_JS)
            assert names and all(n.startswith("Grafiek: ") for n in names), names
        for page in (console, big, phone):
            assert_no_exception(page)
            assert page.evaluate("document.documentElement.lang") == "nl"
    finally:
        for context in contexts:
            context.close()
    report = write_report("axe-werksessie", results)
    problems = [f"{name}: {line}" for name, found in results.items() for line in failures(found)]
    assert not problems, f"report: {report}\n" + "\n".join(problems)
