"""Whether the tests run under CI, and what a missing browser or database means there.

CI services set ``CI`` to different truthy spellings (``true`` on GitHub Actions and GitLab,
``1`` or ``True`` elsewhere), so any value but an empty string or an explicit no counts.
Locally a missing Chromium or PostgreSQL skips its tests with a reason; under CI it fails
them, so a pipeline cannot go green by silently skipping what it was meant to check.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NoReturn

import pytest

#: Values of ``CI`` that mean "not CI" (compared without case and surrounding spaces).
NOT_CI = frozenset({"", "0", "false", "no", "off", "n", "f"})


def in_ci(environ: Mapping[str, str] | None = None) -> bool:
    """True when ``CI`` is set to a truthy value in ``environ`` (by default the process environment)."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() not in NOT_CI


def skip_or_fail_in_ci(reason: str) -> NoReturn:
    """Skip the test with ``reason`` locally; fail it under CI, where the requirement must be met."""
    if in_ci():
        pytest.fail(f"{reason} (required under CI)", pytrace=False)
    pytest.skip(reason)
