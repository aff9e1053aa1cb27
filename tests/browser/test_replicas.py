"""Two replicas behind nginx on one PostgreSQL behave as one app (deploy/nginx/default.conf.template).

Debian's nginx runs the same template that docker-compose.yml gives the nginx image, with the ports
of two ``streamlit run serve.py`` processes filled in; both replicas use the throwaway PostgreSQL of
``.ci/run`` (``KETENDIALOOG_TEST_DATABASE_URL``). nginx's access log (which replica served each
request, and the browser's affinity cookie) tells the test where a browser landed. Checked:

* a werksessie note posted through one replica appears on the other;
* a year saved on one replica appears in the other's year choice at its next rerun;
* a browser keeps its replica across reruns and reloads (every request with its cookie, websockets
  included, went to one replica), while browsers without the cookie are spread over both;
* when a participant's replica is stopped mid-session, the next action reaches the other replica,
  the view reloads from the link (session code) and nothing stored is lost.

Without nginx, PostgreSQL or Chromium the test skips locally and fails under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from sqlalchemy import text

from analysis.paths import dashboard_file
from bench.server import APP_SCRIPT, Server, free_port, start
from storage import Store, make_engine, migrate
from tests.browser.helpers import REPO_ROOT, assert_no_exception, full_screenshot, wait_for_app, wait_for_page
from tests.ci import skip_or_fail_in_ci

TEMPLATE = REPO_ROOT / "deploy" / "nginx" / "default.conf.template"
TEST_URL_ENV = "KETENDIALOOG_TEST_DATABASE_URL"
LIVE_TIMEOUT_MS = 30_000
TEXT_2022 = dashboard_file(2022).read_text(encoding="utf-8")
SYNTHETIC_2023 = TEXT_2022.replace(
    "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25", "Signalen mensenhandel\t1\t1\t3\t23\t5\t2\t35"
).replace("Signalen mensenhandel\t188", "Signalen mensenhandel\t198")
SIDEBAR = '[data-testid="stSidebar"]'
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<uri>\S+)" (?P<status>\d+) upstream=(?P<upstream>\S+) affinity=(?P<affinity>\S+)'
)


def nginx_binary() -> str | None:
    """Debian's nginx (``/usr/sbin/nginx``) or one on the PATH."""
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def render_template(template: str, values: dict[str, str]) -> str:
    """What the nginx image's envsubst makes of the template: only the given ``${NAME}`` are replaced."""
    for name, value in values.items():
        template = template.replace("${" + name + "}", value)
    left = re.findall(r"\$\{\w+\}", template)
    assert not left, f"template names not filled in: {left}"
    return template


@dataclass
class Cluster:
    """nginx on ``port`` in front of two replicas; the access log names the replica of each request."""

    port: int
    replicas: dict[str, Server]  # "127.0.0.1:<port>" -> server
    access_log: Path
    database_url: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def requests(self) -> list[dict[str, str]]:
        lines = self.access_log.read_text(encoding="utf-8").splitlines() if self.access_log.exists() else []
        return [match.groupdict() for line in lines if (match := LOG_LINE.search(line))]

    def replica_of(self, context: BrowserContext) -> str:
        """The replica that serves this browser: the one its affinity cookie led to."""
        cookie = next(c["value"] for c in context.cookies() if c["name"] == "ketendialoog_replica")
        served = {r["upstream"] for r in self.requests() if r["affinity"] == cookie}
        assert len(served) == 1, f"browser {cookie} was served by {served}"
        return served.pop()

    def other(self, replica: str) -> str:
        (other,) = set(self.replicas) - {replica}
        return other


def _reset_schema(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """Two replicas on the test PostgreSQL behind Debian's nginx with the deploy template."""
    nginx = nginx_binary()
    if nginx is None:
        skip_or_fail_in_ci("nginx is not installed (.ci/run installs Debian's nginx)")
    database_url = os.environ.get(TEST_URL_ENV, "").strip()
    if not database_url:
        skip_or_fail_in_ci(
            f"{TEST_URL_ENV} is not set: no PostgreSQL server to test against (.ci/run starts one)"
        )
    _reset_schema(database_url)
    env = {
        "KETENDIALOOG_DATABASE_URL": database_url,
        "KETENDIALOOG_TRUSTED_PROXIES": "1",
        "KETENDIALOOG_CLIENT_SALT": "replica-test-salt",
        "KETENDIALOOG_BEHEERSLEUTEL": "test",
        "STREAMLIT_SERVER_COOKIE_SECRET": "replica-test-cookie-secret",
    }
    first = start(APP_SCRIPT, env=env)
    second = start(APP_SCRIPT, env=env)
    work = tmp_path_factory.mktemp("nginx")
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (work / name).mkdir()
    access_log = work / "access.log"
    port = free_port()
    site = render_template(
        TEMPLATE.read_text(encoding="utf-8"),
        {
            "KETENDIALOOG_LISTEN": f"127.0.0.1:{port}",
            "KETENDIALOOG_APP_1": f"127.0.0.1:{first.port}",
            "KETENDIALOOG_APP_2": f"127.0.0.1:{second.port}",
            "KETENDIALOOG_ACCESS_LOG": str(access_log),
        },
    )
    (work / "site.conf").write_text(site, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"""{user}worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
""",
        encoding="utf-8",
    )
    check = subprocess.run(
        [nginx, "-t", "-p", str(work), "-e", str(work / "error.log"), "-c", str(work / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [
            nginx,
            "-p",
            str(work),
            "-e",
            str(work / "error.log"),
            "-c",
            str(work / "nginx.conf"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/_stcore/health")
        yield Cluster(
            port,
            {f"127.0.0.1:{first.port}": first, f"127.0.0.1:{second.port}": second},
            access_log,
            database_url,
        )
    finally:
        process.terminate()
        process.wait(timeout=15)
        first.stop()
        second.stop()
        _reset_schema(database_url)


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    """Browser contexts made by the test (``new(contexts)``), all closed afterwards."""
    made: list[BrowserContext] = []
    yield made
    for context in made:
        context.close()


def new_page(browser: Browser, contexts: list[BrowserContext]) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 1200}, locale="nl-NL")
    context.set_default_timeout(LIVE_TIMEOUT_MS)
    contexts.append(context)
    return context.new_page()


def open_page(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200
    wait_for_page(page)


def post(page: Page, note: str) -> None:
    """Post a note on the participant view (as tests/browser/test_werksessie_browser.py does).

    A rerun that was already on its way (the board's refresh, a reload after a reconnect) may
    redraw the field just after it was filled: then it is filled again.
    """
    area = page.get_by_label("Tekst", exact=True)
    for attempt in range(5):
        wait_for_app(page)
        area.fill(note)
        try:
            expect(area).to_have_value(note, timeout=3000)
            page.wait_for_timeout(300)
            expect(area).to_have_value(note, timeout=1000)
            break
        except AssertionError:
            if attempt == 4:
                raise
    page.get_by_role("button", name="Plaatsen").click()
    wait_for_app(page)


def pick(page: Page, box: Locator, option: str) -> None:
    """Open a selectbox and click ``option`` (again, with the keyboard, if the list stays shut)."""
    box.scroll_into_view_if_needed()
    box.click()
    choice = page.get_by_role("option", name=option, exact=True)
    try:
        expect(choice).to_be_visible(timeout=3000)
    except AssertionError:
        box.press("ArrowDown")
        expect(choice).to_be_visible()
    choice.click()


def new_session(cluster: Cluster, title: str) -> str:
    """A werksessie started straight in the shared database; returns its code."""
    engine = make_engine(cluster.database_url)
    try:
        migrate(engine)  # a no-op once a replica has migrated
        info, _key = Store(engine).create_session(
            title,
            time_today(),
            ["Twente"],
            ["signalen"],
            2022,
            "leider",
            offered_districts=("Oost-Nederland", "Twente"),
        )
    finally:
        engine.dispose()
    return info.code


def time_today():  # noqa: ANN201 - a date
    import datetime as dt

    return dt.date.today()


def notes_in_database(cluster: Cluster, code: str) -> list[str]:
    engine = make_engine(cluster.database_url)
    try:
        return sorted(note.text for note in Store(engine).board(code).notes)
    finally:
        engine.dispose()


def year_options(page: Page) -> list[str]:
    box = page.locator(SIDEBAR).get_by_role("combobox", name="Jaar")
    box.click()
    options = page.get_by_role("option")
    try:
        expect(options.first).to_be_visible(timeout=3000)
    except AssertionError:
        box.press("ArrowDown")
        expect(options.first).to_be_visible()
    shown = options.all_inner_texts()
    box.press("Escape")
    return [o.strip() for o in shown]


def test_a_note_posted_through_one_replica_appears_on_the_other(
    cluster: Cluster, browser: Browser, contexts: list[BrowserContext]
) -> None:
    code = new_session(cluster, "Werksessie replica's")
    participant = new_page(browser, contexts)
    open_page(participant, f"{cluster.url}/werksessie?sessie={code}")
    post(participant, "Via nginx geplaatst")
    expect(participant.get_by_text("Via nginx geplaatst", exact=True)).to_be_visible()
    served = cluster.replica_of(participant.context)
    # Straight to the other replica, past nginx: the same note is there.
    elsewhere = new_page(browser, contexts)
    open_page(elsewhere, f"{cluster.replicas[cluster.other(served)].base_url}/werksessie?sessie={code}")
    expect(elsewhere.get_by_text("Via nginx geplaatst", exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
    assert_no_exception(elsewhere)


def test_a_year_saved_on_one_replica_appears_in_the_others_year_choice(
    cluster: Cluster, browser: Browser, contexts: list[BrowserContext]
) -> None:
    saver = new_page(browser, contexts)
    open_page(saver, f"{cluster.url}/nieuw-jaar")
    served = cluster.replica_of(saver.context)
    # The other replica has drawn its year choice (and cached its saved years) before the save.
    other = new_page(browser, contexts)
    open_page(other, f"{cluster.replicas[cluster.other(served)].base_url}/opvolging")
    assert year_options(other) == ["2022"]

    saver.locator(".st-key-jaartal input").fill("2023")
    saver.locator(".st-key-jaartal input").press("Enter")
    wait_for_app(saver)
    saver.locator(".st-key-plak textarea").fill(SYNTHETIC_2023)
    saver.locator(".st-key-controleer_plak button").click()
    wait_for_app(saver)
    expect(saver.get_by_text("Geen fouten: de app kan de cijfers van 2023 lezen")).to_be_visible()
    pick(saver, saver.locator(".st-key-organisatie").get_by_role("combobox"), "RIEC")
    wait_for_app(saver)
    saver.locator(".st-key-beheersleutel_invoer input").fill("test")
    saver.locator(".st-key-beheersleutel_invoer input").press("Enter")
    wait_for_app(saver)
    saver.locator(".st-key-opslaan_iedereen button").click()
    wait_for_app(saver)
    expect(saver.get_by_text("2023 is opgeslagen voor iedereen, toegevoegd door RIEC op")).to_be_visible()
    assert cluster.replica_of(saver.context) == served

    # The other replica's next rerun (a district chosen) has 2023 in its year choice, and shows it.
    pick(other, other.locator(SIDEBAR).get_by_role("combobox", name="Gebied"), "Twente")
    expect(other.locator('[data-testid="stMain"]')).to_contain_text("Twente")  # the rerun has drawn
    wait_for_app(other)
    assert year_options(other) == ["2022", "2023"]
    open_page(other, f"{cluster.replicas[cluster.other(served)].base_url}/opvolging?jaar=2023")
    expect(other.locator(SIDEBAR).get_by_role("combobox", name="Jaar")).to_have_value("2023")
    assert not other.get_by_text("niet begrepen").count()
    assert_no_exception(other)


def test_a_browser_keeps_its_replica_across_reruns_and_new_browsers_spread(
    cluster: Cluster, browser: Browser, contexts: list[BrowserContext]
) -> None:
    page = new_page(browser, contexts)
    open_page(page, f"{cluster.url}/")
    for _ in range(3):  # reruns: a district chosen, then back
        for district in ("Twente", "Oost-Nederland"):
            pick(page, page.locator(SIDEBAR).get_by_role("combobox", name="Gebied"), district)
            wait_for_app(page)
        page.reload()  # a new websocket and a new Streamlit session each time
        wait_for_page(page)
    page.goto("about:blank")  # closes the last websocket, so nginx logs it
    cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "ketendialoog_replica")
    deadline = time.monotonic() + 10
    while True:
        mine = [r for r in cluster.requests() if r["affinity"] == cookie]
        streams = [r for r in mine if r["uri"] == "/_stcore/stream"]
        if len(streams) >= 4 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(streams) >= 4, f"expected 4 websocket sessions (first load and 3 reloads), got {len(streams)}"
    assert len(mine) >= 12
    assert len({r["upstream"] for r in mine}) == 1, {r["upstream"] for r in mine}
    # Requests without the cookie are spread over both replicas (a random id each time).
    for _ in range(24):
        urllib.request.urlopen(f"{cluster.url}/_stcore/health", timeout=5).read()
    fresh = [r for r in cluster.requests() if r["uri"] == "/_stcore/health"][-24:]
    assert {r["upstream"] for r in fresh} == set(cluster.replicas)


def test_a_stopped_replica_loses_nothing_and_the_next_action_reaches_the_other(
    cluster: Cluster, browser: Browser, contexts: list[BrowserContext]
) -> None:
    """Runs last in this module: it stops a replica."""
    code = new_session(cluster, "Werksessie uitval")
    page = new_page(browser, contexts)
    open_page(page, f"{cluster.url}/werksessie?sessie={code}")
    post(page, "Voor de uitval geplaatst")
    expect(page.get_by_text("Voor de uitval geplaatst", exact=True)).to_be_visible()
    served = cluster.replica_of(page.context)
    survivor = cluster.other(served)

    stopped_at = time.monotonic()
    cluster.replicas[served].stop()
    # The participant's next action: Streamlit reconnects through nginx, which takes the other replica;
    # the page reloads from its link (the session code) and the post goes to the shared database.
    expect(page.get_by_text("Voor de uitval geplaatst", exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
    wait_for_page(page)
    post(page, "Na de uitval geplaatst")
    expect(page.get_by_text("Na de uitval geplaatst", exact=True)).to_be_visible(timeout=LIVE_TIMEOUT_MS)
    recovered_s = time.monotonic() - stopped_at
    assert "sessie=" + code in page.url
    assert notes_in_database(cluster, code) == ["Na de uitval geplaatst", "Voor de uitval geplaatst"]
    assert_no_exception(page)
    full_screenshot(page, "replica_uitval.png", 1280)
    # nginx logs a websocket when it closes: the new one went to the survivor (after the stopped one refused).
    cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "ketendialoog_replica")
    page.goto("about:blank")
    deadline = time.monotonic() + 10
    while True:
        streams = [r for r in cluster.requests() if r["affinity"] == cookie and r["uri"] == "/_stcore/stream"]
        if len(streams) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    landed = [r["upstream"].split(", ")[-1] for r in streams]
    assert len(landed) >= 2 and landed[0] == served and set(landed[1:]) == {survivor}, streams
    print(f"recovered on the other replica {recovered_s:.1f} s after the stop")
    assert recovered_s < 30


def test_compose_uses_the_same_template_two_replicas_and_one_database() -> None:
    """docker-compose.yml serves the tested template and shares what a failover needs between replicas."""
    compose = (REPO_ROOT / "deploy" / "docker-compose.yml").read_text(encoding="utf-8")
    assert "./nginx/default.conf.template:/etc/nginx/templates/default.conf.template:ro" in compose
    assert re.search(r"^  app1: \*app$", compose, re.M) and re.search(r"^  app2: \*app$", compose, re.M)
    for shared in (
        "\n    KETENDIALOOG_DATABASE_URL: postgresql://ketendialoog:",
        "\n    STREAMLIT_SERVER_COOKIE_SECRET: ",
        "\n    KETENDIALOOG_CLIENT_SALT: ",
        '\n    KETENDIALOOG_TRUSTED_PROXIES: "1"',
        "python -m storage check",
    ):
        assert compose.count(shared) == 1, shared  # once, in the x-app block both replicas use
    template = TEMPLATE.read_text(encoding="utf-8")
    names = set(re.findall(r"\$\{(\w+)\}", template))
    assert names == {
        "KETENDIALOOG_LISTEN",
        "KETENDIALOOG_APP_1",
        "KETENDIALOOG_APP_2",
        "KETENDIALOOG_ACCESS_LOG",
    }
    assert all(f"{name}: " in compose for name in names)
