"""The werksessie screens' own logic: links per screen, the QR code, the countdown, counts, the deck panel.

The browser test (tests/browser/test_werksessie_screens.py) drives the screens themselves; these
check the pieces that decide what they show, and the big screen through AppTest.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import segno

from components import deck
from components import werksessie_screens as screens
from components.werksessie_deck import panel_style
from tests.pages.conftest import all_text, run_app, submit_button

BASE = "https://dialoog.example.nl/ketendialoog"
PAGE = "pages/werksessie.py"


def test_each_screen_has_its_own_link_and_none_holds_a_key() -> None:
    assert (
        screens.screen_link(BASE, "K7Q2MX", screens.Screen.PARTICIPANT) == f"{BASE}/werksessie?sessie=K7Q2MX"
    )
    assert (
        screens.screen_link(BASE, "K7Q2MX", screens.Screen.BIG)
        == f"{BASE}/werksessie?sessie=K7Q2MX&presentatie=1"
    )
    assert (
        screens.screen_link(BASE, "K7Q2MX", screens.Screen.CONSOLE)
        == f"{BASE}/werksessie?sessie=K7Q2MX&scherm=regie"
    )


def test_qr_code_decodes_to_the_join_link() -> None:
    import zxingcpp
    from PIL import Image

    link = f"{BASE}/werksessie?sessie=K7Q2MX"
    svg = screens.qr_svg(link)
    assert svg.startswith("<svg") and "http" not in svg.split(">", 1)[0]  # inline SVG, no external source
    png = io.BytesIO()
    segno.make(link, error="m").save(png, kind="png", scale=10, border=4)  # the same code, as pixels
    png.seek(0)
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(png))] == [link]


@pytest.mark.parametrize(
    ("seconds_left", "shown"),
    [(None, None), (180, "3:00"), (125, "2:05"), (0.2, "0:01"), (0, "0:00"), (-30, "0:00")],
)
def test_countdown_text(seconds_left: float | None, shown: str | None) -> None:
    now = dt.datetime(2026, 12, 8, 10, 0, tzinfo=dt.UTC)
    ends = None if seconds_left is None else now + dt.timedelta(seconds=seconds_left)
    assert screens.countdown_text(ends, now) == shown


def test_counts_in_dutch() -> None:
    assert [screens.joined_text(n) for n in (0, 1, 23)] == [
        "Nog niemand doet mee",
        "1 deelnemer doet mee",
        "23 deelnemers doen mee",
    ]
    assert [screens.estimates_count_text(n) for n in (0, 1, 12)] == [
        "Nog geen schattingen",
        "1 schatting binnen",
        "12 schattingen binnen",
    ]


def test_panel_shows_only_on_the_slides_that_wait_for_the_reveal() -> None:
    assert panel_style(deck.Part.ANSWER) == "" and panel_style(deck.Part.CHART) == ""
    assert "display: none" in panel_style(deck.Part.PROMPTS)


@pytest.fixture
def _temp_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")


@pytest.mark.usefixtures("_temp_database")
def test_big_screen_counts_without_values_and_shows_no_key() -> None:
    facilitator = run_app(PAGE)
    facilitator.text_input(key="_ws_titel").input("Sessie Twente")
    submit_button(facilitator, "ws_start", "Werksessie starten").click().run()
    code = str(facilitator.query_params["sessie"])
    key = facilitator.code[-1].value
    phone = run_app(PAGE, sessie=code)
    phone.number_input(key="_ws_schatting_signalen").set_value(150)
    submit_button(phone, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()

    big = run_app(PAGE, sessie=code, presentatie="1")
    assert not big.exception
    text = all_text(big)
    assert code in [m.value for m in big.markdown]  # the join code, large
    assert "1 schatting binnen" in text and "1 deelnemer doet mee" in text
    assert "150" not in text and "188" not in text  # no value before the reveal
    assert key not in text and all(key not in c.value for c in big.code)
    assert not [b.key for b in big.button if b.key and b.key.startswith("ws_")]  # no controls
    assert not big.metric

    facilitator.button(key="ws_sleutel_bewaard").click().run()
    facilitator.button(key="ws_tonen").click().run()
    big.run()
    assert {m.label: m.value for m in big.metric} == {"Gepubliceerd cijfer": "188"}
    assert "de enige schatting was 150" in all_text(big)


@pytest.mark.usefixtures("_temp_database")
def test_console_closes_and_opens_the_round() -> None:
    console = run_app(PAGE)
    console.text_input(key="_ws_titel").input("Sessie Twente")
    submit_button(console, "ws_start", "Werksessie starten").click().run()
    code = str(console.query_params["sessie"])
    console.button(key="ws_sleutel_bewaard").click().run()
    console.button(key="ws_ronde_dicht").click().run()
    assert "Schatten is gesloten." in [s.value for s in console.success]
    assert "schatten is gesloten" in all_text(console)
    phone = run_app(PAGE, sessie=code)
    phone.number_input(key="_ws_schatting_signalen").set_value(150)
    submit_button(phone, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()
    assert any("ronde 1 van deze vraag gesloten" in e.value for e in phone.error)
    console.button(key="ws_ronde_open").click().run()
    submit_button(phone, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()
    assert "Je schatting voor ronde 1 is opgeslagen." in [s.value for s in phone.success]


@pytest.mark.usefixtures("_temp_database")
def test_typed_code_opens_the_phone_view() -> None:
    facilitator = run_app(PAGE)
    facilitator.text_input(key="_ws_titel").input("Sessie Twente")
    submit_button(facilitator, "ws_start", "Werksessie starten").click().run()
    code = str(facilitator.query_params["sessie"])
    phone = run_app(PAGE)
    phone.text_input(key="_ws_code_invoer").input(f" {code.lower()[:3]}-{code.lower()[3:]} ")
    submit_button(phone, "ws_meedoen", "Meedoen").click().run()
    assert phone.query_params["sessie"] == code
    assert phone.number_input(key="_ws_schatting_signalen").label == "Jouw schatting (aantal)"
    assert "ws_tonen" not in [b.key for b in phone.button]
    empty = run_app(PAGE)
    submit_button(empty, "ws_meedoen", "Meedoen").click().run()
    assert any("Vul de code in" in e.value for e in empty.error)
