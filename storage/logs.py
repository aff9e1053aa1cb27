"""Operator logging: configured once per process, one line per event, never participant text.

The app's own modules log through ``logging.getLogger(__name__)`` (``storage.*``,
``components.*``, ``pages.*``). :func:`configure` gives those loggers one handler on standard
error with a timestamp, level and module, at ``INFO`` (or ``$KETENDIALOOG_LOG_LEVEL``), and
stops them from propagating to the root logger, so a line appears once whatever Streamlit does
with its own loggers. Calling it again changes nothing.

What is logged (see docs/deploy.md): a store failure (the operation and the exception type), a
saved year (year, version, size, checksum prefix, organisation type), a created or closed
werksessie (its code), and a refused upload (the reason). What is never logged: anything a
participant typed, the uploaded figures, keys, or the database URL's password.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

ENV_LEVEL = "KETENDIALOOG_LOG_LEVEL"
#: The loggers of the app's own packages.
APP_LOGGERS: tuple[str, ...] = ("storage", "components", "pages", "analysis", "ketendialoog")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_ketendialoog_handler"


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the moment of logging (as logging's last resort does).

    A handler bound to the ``sys.stderr`` of the moment it was made would keep writing to a stream
    that a test runner or a host replaced (and perhaps closed) since.
    """

    def __init__(self) -> None:
        self._override: Any = None
        super().__init__()

    @property
    def stream(self) -> Any:
        """The stream set with ``setStream``, else the current ``sys.stderr``."""
        return self._override if self._override is not None else sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        self._override = None if value is sys.stderr else value


def configure(level: str | int | None = None) -> None:
    """Give the app's loggers one stderr handler (idempotent); level from ``level``, the env, or INFO."""
    chosen = level if level is not None else (os.environ.get(ENV_LEVEL) or "INFO").strip().upper()
    for name in APP_LOGGERS:
        logger = logging.getLogger(name)
        if any(getattr(handler, _MARK, False) for handler in logger.handlers):
            continue
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        setattr(handler, _MARK, True)
        logger.addHandler(handler)
        try:
            logger.setLevel(chosen)
        except (ValueError, TypeError):
            logger.setLevel(logging.INFO)
        logger.propagate = False


def redact_url(url: str) -> str:
    """A database URL fit for a log line: the password replaced by ``***``."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy understands: say only its scheme
        return url.split(":", 1)[0] + ":…"
