"""Who is acting: a client identity that survives reconnects, from the request the browser made.

A Streamlit session ends when the browser reconnects, so limits kept in ``st.session_state``
reset with a reload. The identity here comes from the request instead:

- the browser: the token in Streamlit's XSRF cookie (``_streamlit_xsrf``), which a browser
  keeps across reloads and reconnects (its mask changes per response, the token does not);
- the network: the client's IP address (an IPv6 address counts as its /64 network), taken
  from ``X-Forwarded-For`` only when the server is told how many proxies to trust.

A client that sends no cookie is known by its network; one without either (a local run, a
test) by a random id of its Streamlit session. The store hashes both parts with a secret
salt before it stores them (see :meth:`storage.repository.Store.hashed`).
"""

from __future__ import annotations

import binascii
import ipaddress
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The cookie in which Streamlit keeps its XSRF token.
XSRF_COOKIE = "_streamlit_xsrf"
#: How many reverse proxies in front of the app append to ``X-Forwarded-For`` (default 0: trust none).
ENV_TRUSTED_PROXIES = "KETENDIALOOG_TRUSTED_PROXIES"
#: The prefix length by which IPv6 addresses are grouped (one household or phone gets a /64).
IPV6_PREFIX = 64


@dataclass(frozen=True)
class Client:
    """A client as the request shows it: a stable browser token and its network (raw, unhashed)."""

    browser: str
    network: str | None = None


def xsrf_token(cookie: str | None) -> str | None:
    """The stable token inside Streamlit's XSRF cookie (hex), or None when absent or malformed.

    Version 2 cookies read ``2|mask|masked_token|timestamp``; the token is the masked token
    XOR the repeating 4-byte mask. Version 1 cookies are the token itself in hex.
    """
    value = (cookie or "").strip("\"' ")
    if not value:
        return None
    try:
        if value.startswith("2|"):
            _, mask_hex, masked_hex, _timestamp = value.split("|")
            mask = binascii.a2b_hex(mask_hex)
            masked = binascii.a2b_hex(masked_hex)
            if len(mask) != 4 or not masked:
                return None
            token = bytes(b ^ mask[i % 4] for i, b in enumerate(masked))
        else:
            token = binascii.a2b_hex(value)
    except (binascii.Error, ValueError):
        return None
    return token.hex() if token else None


def network_of(address: str | None) -> str | None:
    """The network an address belongs to: the IPv4 address itself, or the /64 of an IPv6 address."""
    try:
        ip = ipaddress.ip_address((address or "").strip().strip("[]"))
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/{IPV6_PREFIX}", strict=False))
    return str(ip)


def forwarded_address(values: Iterable[str], trusted_proxies: int) -> str | None:
    """The client address that the outermost trusted proxy saw, from ``X-Forwarded-For`` values.

    Each proxy appends the address it received the request from, so with ``n`` trusted
    proxies the ``n``-th entry from the right is the client; everything left of it could be
    forged by the client. None when there are fewer entries than trusted proxies.
    """
    if trusted_proxies <= 0:
        return None
    entries = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if len(entries) < trusted_proxies:
        return None
    return entries[-trusted_proxies]


def trusted_proxies(env: Mapping[str, str] | None = None) -> int:
    """The number of trusted reverse proxies from ``KETENDIALOOG_TRUSTED_PROXIES`` (0 when unset or invalid)."""
    raw = (os.environ if env is None else env).get(ENV_TRUSTED_PROXIES, "").strip()
    return int(raw) if raw.isdigit() and int(raw) < 10 else 0


def client_from_request(
    cookies: Mapping[str, str],
    forwarded_for: Iterable[str],
    peer_address: str | None,
    proxies: int,
    fallback: str,
) -> Client:
    """The client of a request: browser from the XSRF cookie, network from the trusted address.

    ``forwarded_for`` are the request's ``X-Forwarded-For`` header values, used only when
    ``proxies`` > 0; otherwise the network is the connection's peer address. ``fallback``
    names a client with neither cookie nor address (the random id of its Streamlit session).
    """
    address = forwarded_address(forwarded_for, proxies) if proxies > 0 else None
    network = network_of(address or peer_address)
    token = xsrf_token(cookies.get(XSRF_COOKIE))
    if token:
        return Client(browser=f"cookie:{token}", network=network)
    if network:
        return Client(browser=f"netwerk:{network}", network=network)
    return Client(browser=f"sessie:{fallback}", network=None)
