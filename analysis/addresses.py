"""Which addresses the app's pages live at, and where a longer address should go instead.

Every page of the app lives one level below the root (``/opvolging``). An address with more
levels (``/opvolging/extra``, a link pasted with a stray part) would load the app's page shell
with its scripts and styles looked up under the wrong folder: the browser shows a blank page.
:func:`page_redirect` gives the address to send such a request to instead: the first level,
where the app shows that page, or its own Dutch 'Pagina niet gevonden'.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

#: Path segments that belong to Streamlit's own server (assets, health check, websocket,
#: uploads, media, static files of the app, custom components); never redirected.
SERVER_SEGMENTS = frozenset({"_stcore", "static", "media", "app", "component", "~", "favicon.png"})


def page_redirect(path: str, query: str = "", base: str = "") -> str | None:
    """A relative address that replaces a page address of more than one level, or None to leave it alone.

    ``path`` is the request path as the server saw it (``/opvolging/extra``), ``query`` its query
    string without the ``?``, ``base`` the app's own prefix (Streamlit's ``server.baseUrlPath``)
    if it has one. The answer is relative (``../opvolging?jaar=2022``), so it stays right behind
    a proxy that serves the app under a prefix.
    """
    prefix = "/" + base.strip("/") if base.strip("/") else ""
    if prefix:
        if path != prefix and not path.startswith(prefix + "/"):
            return None
        path = path[len(prefix) :] or "/"
    segments = [part for part in path.split("/") if part]
    if len(segments) < 2 or path.startswith("//"):
        return None
    # The browser also looks for the server under a page's address (``/opvolging/_stcore/health``)
    # before it tries the root: anything naming a server part is Streamlit's to answer.
    if any(unquote(part) in SERVER_SEGMENTS for part in segments):
        return None
    # Dot segments never come from a browser (it resolves them first); Streamlit refuses them.
    if any(unquote(part) in {".", ".."} for part in segments):
        return None
    # A trailing slash adds a level for the browser: "/a/b/" resolves "../" against "/a/b/".
    depth = len(path.rstrip("/").split("/")) - 2 + (1 if path.endswith("/") else 0)
    target = "../" * depth + quote(unquote(segments[0]), safe="")
    return f"{target}?{query}" if query else target
