"""``CI`` is read the way CI services set it: any truthy spelling means CI."""

import pytest

from tests.ci import in_ci, skip_or_fail_in_ci


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", False),
        ("0", False),
        ("false", False),
        ("False", False),
        ("no", False),
        (" off ", False),
        ("1", True),
        ("yes", True),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        (" true\n", True),
    ],
)
def test_ci_values(value: str, expected: bool) -> None:
    assert in_ci({"CI": value}) is expected


def test_unset_is_not_ci() -> None:
    assert in_ci({}) is False


@pytest.mark.parametrize("value", ["1", "yes", "True"])
def test_missing_requirement_fails_under_ci(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=r"no Chromium \(required under CI\)"):
        skip_or_fail_in_ci("no Chromium")


@pytest.mark.parametrize("value", [None, "", "0", "false"])
def test_missing_requirement_skips_outside_ci(value: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        skip_or_fail_in_ci("no Chromium")
