"""Ketendialoog as an ASGI app: the Streamlit app of ``streamlit_app.py`` plus one guard on addresses.

Start it with ``streamlit run serve.py`` (``make run`` does); ``streamlit run`` finds the ``app``
below and serves it with all of Streamlit's own options. The guard sends a page address of
more than one level (``/opvolging/extra``) to its first level, where the app shows that page or
its Dutch 'Pagina niet gevonden', instead of the blank page the browser would show
(:mod:`analysis.addresses`). It also tells Streamlit before the first visitor that the
``pages/`` folder is not a legacy multipage app, so even the first visitor of an unknown address
gets the Dutch page only. Before the first visitor it imports the whole app and takes what it
made out of the garbage collector's way (:func:`settle_heap`). ``streamlit run streamlit_app.py``
still works, without these three.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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


#: The app's own packages; their migrations are scripts that Alembic runs, not modules to import.
APP_PACKAGES = ("analysis", "components", "storage")
_SCRIPTS = ("migrations", "__main__")


def settle_heap() -> int:
    """Import every module of the app, then exempt all objects made so far from garbage collection.

    Returns how many objects are now exempt. A full collection walks every object the
    process holds: after start some 290.000 (Streamlit, Altair, polars, scipy and the app),
    and one walk took 120–150 ms in which no session ran. In a room of sixty phones that
    was the longest wait a post met. These objects live as long as the process, so they
    are frozen once (:func:`gc.freeze`), before the first visitor; a full collection then
    walks what libraries load during the first runs and what the sessions made since
    (40–52 ms in ``bench.werksessie_room``).
    """
    for name in APP_PACKAGES:
        _import_tree(name)
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def _import_tree(name: str) -> None:
    """Import module ``name`` and, for a package, every module in it (Alembic's scripts and command lines excepted)."""
    module = importlib.import_module(name)
    for child in pkgutil.iter_modules(getattr(module, "__path__", [])):
        if child.name not in _SCRIPTS:
            _import_tree(f"{name}.{child.name}")


@asynccontextmanager
async def settled(_app: st.App) -> AsyncIterator[None]:
    """The server's start (st.App's lifespan, after Streamlit's runtime is up): settle the heap, then serve."""
    settle_heap()
    yield


# Before any visitor: the app's pages come from st.navigation, never from the pages/ folder by name.
no_legacy_page_mode()
# An absolute path: uvicorn started from another folder resolves a relative one against its own.
app = st.App(
    Path(__file__).resolve().with_name("streamlit_app.py"),
    middleware=[Middleware(PageAddressGuard)],
    lifespan=settled,
)
