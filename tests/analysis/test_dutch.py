"""Dutch number and date formatting."""

import pytest

from analysis.dutch import fmt_date, fmt_dec, fmt_int, fmt_pct


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (29764, "29.764"),
        (188, "188"),
        (0, "0"),
        (3282382, "3.282.382"),
        (17590672, "17.590.672"),
        (1026.29, "1.026"),
        (-1, "-1"),
    ],
)
def test_fmt_int(value: float, text: str) -> None:
    assert fmt_int(value) == text


def test_fmt_int_missing() -> None:
    assert fmt_int(None) == "–"
    assert fmt_int(None, missing="?") == "?"


@pytest.mark.parametrize(
    ("fraction", "digits", "text"),
    [
        (0.117, 1, "11,7%"),
        (22 / 188, 1, "11,7%"),
        (22 / 188, 2, "11,70%"),
        (0.0748, 1, "7,5%"),
        (1.0, 1, "100,0%"),
        (0.0, 0, "0%"),
        (12.5, 1, "1.250,0%"),
    ],
)
def test_fmt_pct(fraction: float, digits: int, text: str) -> None:
    assert fmt_pct(fraction, digits) == text


def test_fmt_pct_missing() -> None:
    assert fmt_pct(None) == "–"


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (1.2381, 2, "1,24"),
        (1.3, 2, "1,30"),
        (23.404, 1, "23,4"),
        (1026.288, 1, "1.026,3"),
        (0.875, 2, "0,88"),
        (5, 0, "5"),
    ],
)
def test_fmt_dec(value: float, digits: int, text: str) -> None:
    assert fmt_dec(value, digits) == text


def test_fmt_dec_default_digits_and_missing() -> None:
    assert fmt_dec(1.2381) == "1,2"
    assert fmt_dec(None) == "–"


@pytest.mark.parametrize(
    ("date", "text"),
    [
        ((2026, 11, 28), "28 november 2026"),
        ((2022, 1, 1), "1 januari 2022"),
        ((2022, 3, 15), "15 maart 2022"),
        ((2022, 12, 31), "31 december 2022"),
    ],
)
def test_fmt_date(date: tuple[int, int, int], text: str) -> None:
    assert fmt_date(*date) == text


def test_fmt_date_month_13_fails() -> None:
    with pytest.raises((ValueError, IndexError)):
        fmt_date(2022, 13, 1)


def test_fmt_date_month_0_fails() -> None:
    with pytest.raises((ValueError, IndexError)):
        fmt_date(2022, 0, 1)


def test_exact_ties_round_half_up() -> None:
    assert fmt_pct(4 / 64) == "6,3%"
    assert fmt_dec(0.125, 2) == "0,13"
