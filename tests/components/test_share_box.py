"""The share box (``components.share.share_box``): a link with every current choice, defaults too.

AppTest has no address bar (``st.context.url`` is empty), so the link is its query part;
the browser tests (tests/browser/test_link_views.py) check the full address.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

TIMEOUT_S = 30
BOX_KEY = "_deel"  # the expander's key in components/share.py


def _page_with_share_box() -> None:
    import streamlit as st

    from components.controls import bound, start_recording
    from components.share import remember_given_link, share_box

    remember_given_link()
    start_recording()
    bound(st.selectbox, "District", ["Oost-Nederland", "Twente", "IJsselland"], key="district")
    bound(st.toggle, "Zorgtrajecten meetellen", key="zorg")
    bound(
        st.segmented_control,
        "Verhouding",
        ["Interventies per rapportage", "Zorgtrajecten per signaal"],
        default="Interventies per rapportage",
        key="verhouding",
    )
    share_box()


def _link(at: AppTest) -> dict[str, list[str]]:
    (code,) = at.code
    return parse_qs(urlsplit(code.value).query, keep_blank_values=True)


@pytest.fixture
def at() -> AppTest:
    """The page opened from a link that chose Twente."""
    app = AppTest.from_function(_page_with_share_box, default_timeout=TIMEOUT_S)
    app.query_params["district"] = "Twente"
    return app.run()


def test_closed_box_shows_no_link(at: AppTest) -> None:
    assert not at.exception
    assert [e.label for e in at.expander] == ["Deel deze weergave"]
    assert len(at.code) == 0  # the link is made when the box is opened


def test_open_box_holds_every_choice_defaults_too(at: AppTest) -> None:
    at.session_state[BOX_KEY] = True  # what opening the box does
    at.run()
    assert not at.exception
    assert _link(at) == {
        "district": ["Twente"],
        "zorg": ["false"],
        "verhouding": ["Interventies per rapportage"],
    }
    assert at.expander[0].caption[0].value.startswith("Deze link opent dezelfde pagina met dezelfde keuzes")


def test_open_box_follows_a_changed_choice(at: AppTest) -> None:
    at.session_state[BOX_KEY] = True
    at.run()
    at.toggle(key="zorg").set_value(True).run()
    at.segmented_control(key="verhouding").set_value("Zorgtrajecten per signaal").run()
    assert not at.exception
    assert _link(at) == {
        "district": ["Twente"],
        "zorg": ["true"],
        "verhouding": ["Zorgtrajecten per signaal"],
    }
