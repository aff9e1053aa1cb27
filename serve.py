"""Ketendialoog as an ASGI app: the Streamlit app of ``streamlit_app.py`` plus one guard on addresses.

Start it with ``streamlit run serve.py`` (``make run`` does); ``streamlit run`` finds the ``app``
below and serves it with all of Streamlit's own options. The guard sends a page address of
more than one level (``/opvolging/extra``) to its first level, where the app shows that page or
its Dutch 'Pagina niet gevonden', instead of the blank page the browser would show
(:mod:`analysis.addresses`). It also tells Streamlit before the first visitor that the
``pages/`` folder is not a legacy multipage app, so even the first visitor of an unknown address
gets the Dutch page only. ``streamlit run streamlit_app.py`` still works, without these two.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from analysis.addresses import page_redirect
from components.streamlit_internals import no_legacy_page_mode


def _wants_page(scope: Scope) -> bool:
    """Whether the request asks for a page to show (a browser navigation), not a file or an API."""
    headers = dict(scope.get("headers") or [])
    return b"text/html" in headers.get(b"accept", b"")


class PageAddressGuard:
    """ASGI middleware: redirect a browser asking for a page address of more than one level."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a GET or HEAD for ``/page/more`` with a redirect to ``/page``; pass everything else on."""
        if scope["type"] == "http" and scope.get("method") in {"GET", "HEAD"} and _wants_page(scope):
            base = str(st.get_option("server.baseUrlPath") or "")
            query = scope.get("query_string", b"").decode("latin-1")
            target = page_redirect(scope.get("path", ""), query, base)
            if target is not None:
                response = RedirectResponse(target, status_code=302, headers={"Cache-Control": "no-cache"})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# Before any visitor: the app's pages come from st.navigation, never from the pages/ folder by name.
no_legacy_page_mode()
# An absolute path: uvicorn started from another folder resolves a relative one against its own.
app = st.App(
    Path(__file__).resolve().with_name("streamlit_app.py"), middleware=[Middleware(PageAddressGuard)]
)
