"""Where a page address of more than one level is sent (analysis.addresses.page_redirect)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.addresses import SERVER_SEGMENTS, page_redirect
from analysis.questions import QUESTIONS


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/opvolging/extra", "", "../opvolging"),
        ("/opvolging/extra", "jaar=2022&district=Twente", "../opvolging?jaar=2022&district=Twente"),
        ("/opvolging/a/b", "", "../../opvolging"),
        ("/opvolging/extra/", "", "../../opvolging"),
        ("/a//b", "", "../../a"),
        ("/onbekend/pad", "", "../onbekend"),
    ],
)
def test_longer_page_address_goes_to_its_first_level(path: str, query: str, expected: str) -> None:
    assert page_redirect(path, query) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "",
        "/opvolging",
        "/opvolging/",
        "/_stcore/health",
        "/opvolging/_stcore/health",
        "/opvolging/_stcore/stream",
        "/static/js/main.js",
        "/media/abc.png",
        "/app/static/logo.png",
        "/component/x/index.html",
        "//evil.example/x",
        "/./opvolging",
        "/opvolging/../x",
    ],
)
def test_pages_and_server_parts_are_left_alone(path: str) -> None:
    assert page_redirect(path) is None


def test_every_page_of_the_registry_is_one_level_deep() -> None:
    """The guard's premise: no page lives deeper than one level, so no page is ever redirected away."""
    for question in QUESTIONS:
        assert "/" not in question.url_path.strip("/")
        assert page_redirect(f"/{question.url_path}") is None
        assert question.url_path not in SERVER_SEGMENTS


def test_base_path_is_kept() -> None:
    assert page_redirect("/ketendialoog/opvolging", base="ketendialoog") is None
    assert page_redirect("/ketendialoog/opvolging/x", base="/ketendialoog/") == "../opvolging"
    assert page_redirect("/elders/opvolging/x", base="ketendialoog") is None


segment = st.text(alphabet=st.characters(codec="ascii", exclude_characters="/?#"), min_size=1, max_size=12)


@given(first=segment, rest=st.lists(segment, min_size=1, max_size=4), slash=st.booleans())
def test_redirect_resolves_to_the_first_level(first: str, rest: list[str], slash: bool) -> None:
    """Resolved against the address the browser asked for, the answer is always ``/<first level>``."""
    path = "/" + "/".join([first, *rest]) + ("/" if slash else "")
    target = page_redirect(path, "jaar=2022")
    if any(part in SERVER_SEGMENTS or part in {".", ".."} for part in [first, *rest]):
        assert target is None
        return
    assert target is not None
    resolved = urljoin(f"http://host{path}", target)
    assert resolved.split("?")[0].rstrip("/").rsplit("/", 1)[0] == "http://host"
    assert resolved.endswith("?jaar=2022")
