"""Client identity from a request: the XSRF cookie's token, the trusted address, the fallback."""

from __future__ import annotations

import pytest

from storage.clients import (
    XSRF_COOKIE,
    Client,
    client_from_request,
    forwarded_address,
    network_of,
    trusted_proxies,
    xsrf_token,
)

TOKEN = bytes(range(16))


def _masked(mask: bytes, timestamp: int = 1764580000) -> str:
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(TOKEN))
    return f"2|{mask.hex()}|{masked.hex()}|{timestamp}"


@pytest.mark.parametrize(
    ("cookie", "token"),
    [
        (_masked(b"\x00\x00\x00\x00"), TOKEN.hex()),
        (_masked(b"\xde\xad\xbe\xef"), TOKEN.hex()),  # another mask, same token: the same browser
        ('"' + _masked(bytes([1, 2, 3, 4]), 1) + '"', TOKEN.hex()),  # quoted, another timestamp
        (TOKEN.hex(), TOKEN.hex()),  # version 1: the token itself
        ("2|zz|00|1", None),
        ("2|0000|00|1", None),  # a mask must have 4 bytes
        ("2|00000000||1", None),
        ("2|a|b", None),
        ("niet-hex", None),
        ("", None),
        (None, None),
    ],
)
def test_xsrf_token(cookie: str | None, token: str | None) -> None:
    assert xsrf_token(cookie) == token


def test_xsrf_token_matches_streamlit() -> None:
    """Streamlit masks the cookie anew in every response; the token inside must stay the same.

    Uses Streamlit's own generator, so a change of the cookie format fails here first.
    """
    from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

    cookies = {generate_xsrf_token_string(TOKEN, 1764580000) for _ in range(5)}
    assert len(cookies) > 1  # the masks differ
    assert {xsrf_token(cookie) for cookie in cookies} == {TOKEN.hex()}


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.7", "203.0.113.7"),
        (" 203.0.113.7 ", "203.0.113.7"),
        ("2001:db8::1", "2001:db8::/64"),
        ("2001:db8::ffff:1", "2001:db8::/64"),  # the same /64: one network
        ("[2001:db8:0:1::5]", "2001:db8:0:1::/64"),
        ("::ffff:198.51.100.4", "198.51.100.4"),  # IPv4 mapped into IPv6
        ("evil.example", None),
        ("203.0.113.7:8080", None),
        ("", None),
        (None, None),
    ],
)
def test_network_of(address: str | None, network: str | None) -> None:
    assert network_of(address) == network


@pytest.mark.parametrize(
    ("values", "proxies", "address"),
    [
        (["198.51.100.4"], 1, "198.51.100.4"),
        (["1.2.3.4, 198.51.100.4"], 1, "198.51.100.4"),  # the client forged 1.2.3.4; the proxy appended
        (["1.2.3.4", "198.51.100.4"], 1, "198.51.100.4"),  # the header repeated
        (["1.2.3.4, 198.51.100.4, 10.0.0.2"], 2, "198.51.100.4"),  # two proxies
        (["198.51.100.4"], 2, None),  # fewer entries than proxies: not trusted
        (["1.2.3.4"], 0, None),  # no proxy configured: the header is ignored
        ([], 1, None),
    ],
)
def test_forwarded_address(values: list[str], proxies: int, address: str | None) -> None:
    assert forwarded_address(values, proxies) == address


@pytest.mark.parametrize(
    ("env", "proxies"),
    [({}, 0), ({"KETENDIALOOG_TRUSTED_PROXIES": "1"}, 1), ({"KETENDIALOOG_TRUSTED_PROXIES": "x"}, 0)],
)
def test_trusted_proxies(env: dict[str, str], proxies: int) -> None:
    assert trusted_proxies(env) == proxies


@pytest.mark.parametrize(
    ("cookies", "forwarded", "peer", "proxies", "client"),
    [
        (
            {XSRF_COOKIE: _masked(b"abcd")},
            [],
            "203.0.113.7",
            0,
            Client(f"cookie:{TOKEN.hex()}", "203.0.113.7"),
        ),
        ({XSRF_COOKIE: _masked(b"abcd")}, [], None, 0, Client(f"cookie:{TOKEN.hex()}", None)),
        ({}, [], "203.0.113.7", 0, Client("netwerk:203.0.113.7", "203.0.113.7")),
        ({}, ["1.2.3.4, 198.51.100.4"], "10.0.0.1", 1, Client("netwerk:198.51.100.4", "198.51.100.4")),
        ({}, ["1.2.3.4"], "10.0.0.1", 0, Client("netwerk:10.0.0.1", "10.0.0.1")),  # header not trusted
        ({}, [], None, 0, Client("sessie:s1", None)),
        ({XSRF_COOKIE: "kapot"}, [], None, 0, Client("sessie:s1", None)),
    ],
)
def test_client_from_request(
    cookies: dict[str, str], forwarded: list[str], peer: str | None, proxies: int, client: Client
) -> None:
    assert client_from_request(cookies, forwarded, peer, proxies, "s1") == client
