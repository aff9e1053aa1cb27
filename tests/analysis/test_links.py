"""Shareable links: tampered links are named in a safe notice, and the share link round-trips.

The parameters are given as a browser hands them to the app after percent-decoding:
``{key: [values]}``. ``UNDERSTOOD`` is what the controls of a page took from such a
link, written the way the link writes them (see ``components.controls.url_values``).
"""

import string
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.links import (
    MAX_LISTED,
    MAX_QUOTED,
    LinkProblem,
    full_query,
    link_problems,
    markdown_escaped,
    notice_text,
    quote_safely,
    share_link,
)

#: What the controls of a page took from a link: their values as the link writes them.
UNDERSTOOD: dict[str, list[str]] = {
    "jaar": ["2022"],
    "district": ["Oost-Nederland"],
    "zorg": ["false"],
    "verhouding": ["Interventies per rapportage"],
    "weergave": ["Grafiek"],
    "schatting": ["5500"],
    "filter_status": [],
    "filter_district": ["Twente", "IJsselland"],
}
FREE_KEYS = ("presentatie",)

LONG = "A" * 5000
RTL = "\u202e"

#: (id, the link's parameters, the key and value the notice must name).
TAMPERED: list[tuple[str, dict[str, list[str]], str, str]] = [
    ("script", {"district": ["<script>alert(1)</script>"]}, "district", "<script>alert(1)</script>"),
    ("minus-infinity", {"schatting": ["-1e999"]}, "schatting", "-1e999"),
    ("infinity", {"schatting": ["inf"]}, "schatting", "inf"),
    ("nan", {"schatting": ["NaN"]}, "schatting", "NaN"),
    ("year-text", {"jaar": ["abc"]}, "jaar", "abc"),
    ("year-unknown", {"jaar": ["2019"]}, "jaar", "2019"),
    ("unknown-key", {"onbekend": ["1"]}, "onbekend", "1"),
    ("unknown-html-key", {"<img src=x onerror=alert(1)>": ["1"]}, "<img src=x onerror=alert(1)>", "1"),
    ("5000-chars", {"district": [LONG]}, "district", LONG),
    ("rtl-override", {"district": [RTL + "Twente"]}, "district", RTL + "Twente"),
    ("control-chars", {"weergave": ["Tabel\n\r\t\x1b[31m"]}, "weergave", "Tabel\n\r\t\x1b[31m"),
    ("nul", {"weergave": ["\x00"]}, "weergave", "\x00"),
    (
        "markdown-link",
        {"verhouding": ["[x](javascript:alert(1))"]},
        "verhouding",
        "[x](javascript:alert(1))",
    ),
    ("colour-directive", {"verhouding": [":red[x]"]}, "verhouding", ":red[x]"),
    ("sql", {"verhouding": ["DROP TABLE"]}, "verhouding", "DROP TABLE"),
    ("bool-maybe", {"zorg": ["maybe"]}, "zorg", "maybe"),
    ("bool-upper", {"zorg": ["TRUE"]}, "zorg", "TRUE"),
    ("repeated-key", {"jaar": ["2022", "2019"]}, "jaar", "2019"),
    ("repeated-invalid", {"filter_status": ["x", "y"]}, "filter_status", "y"),
    ("empty-value", {"district": [""]}, "district", ""),
    ("no-value", {"onbekend": []}, "onbekend", ""),
    ("emoji", {"district": ["😀"]}, "district", "😀"),
    ("emoji-key", {"😀": ["😀"]}, "😀", "😀"),
    ("zero-width", {"district": ["Twen\u200bte"]}, "district", "Twen\u200bte"),
    ("private-use", {"district": ["\ue000"]}, "district", "\ue000"),
]


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "C"


def _problem_for(problems: list[LinkProblem], key: str, value: str) -> LinkProblem:
    matches = [p for p in problems if p.key == key and p.value == value]
    assert matches, f"no problem named {key}={value!r}; got {problems}"
    return matches[0]


@pytest.mark.parametrize(("params", "key", "value"), [t[1:] for t in TAMPERED], ids=[t[0] for t in TAMPERED])
def test_tampered_link_is_named(params: dict[str, list[str]], key: str, value: str) -> None:
    problems = link_problems(params, UNDERSTOOD, FREE_KEYS)
    problem = _problem_for(problems, key, value)
    if key in UNDERSTOOD:
        assert problem.reason.startswith("waarde niet geldig"), problem
    else:
        assert problem.reason == "onbekend onderdeel"


@pytest.mark.parametrize(("params", "key", "value"), [t[1:] for t in TAMPERED], ids=[t[0] for t in TAMPERED])
def test_notice_quotes_shortened_and_without_control_characters(
    params: dict[str, list[str]], key: str, value: str
) -> None:
    text = notice_text(link_problems(params, UNDERSTOOD, FREE_KEYS))
    assert text.startswith("Een deel van de link is niet begrepen")
    assert not any(_is_control(ch) for ch in text), repr(text)
    quoted = f"'{quote_safely(key)}={quote_safely(value)}'"
    assert quoted in text
    assert len(text) < 300, "a notice must stay short, even for a 5.000-character value"


def test_notice_for_hostile_values_in_detail() -> None:
    problems = link_problems(
        {"district": [LONG], "weergave": [RTL + "Tabel\x00"], "onbekend": ["1"]}, UNDERSTOOD, FREE_KEYS
    )
    text = notice_text(problems)
    assert f"'district={'A' * (MAX_QUOTED - 1)}…' (waarde niet geldig" in text
    assert "'weergave=�Tabel�' (waarde niet geldig" in text
    assert "'onbekend=1' (onbekend onderdeel)" in text
    assert text.endswith(".")


def test_valid_links_have_no_problems() -> None:
    valid = {
        "jaar": ["2022"],
        "district": ["Oost-Nederland"],
        "zorg": ["false"],
        "schatting": ["5500.0"],
        "filter_district": ["IJsselland", "Twente"],
        "presentatie": ["1"],
    }
    assert link_problems(valid, UNDERSTOOD, FREE_KEYS) == []
    assert link_problems({}, UNDERSTOOD, FREE_KEYS) == []


def test_number_written_differently_is_understood_but_not_infinity() -> None:
    assert link_problems({"schatting": ["5500.0", "5.5e3"]}, UNDERSTOOD) == []
    assert [p.value for p in link_problems({"schatting": ["inf", "-inf", "1e999"]}, UNDERSTOOD)] == [
        "inf",
        "-inf",
        "1e999",
    ]


def test_free_key_is_not_reported_as_unknown() -> None:
    assert link_problems({"presentatie": ["1"]}, UNDERSTOOD, FREE_KEYS) == []
    assert [p.key for p in link_problems({"presentatie": ["1"]}, UNDERSTOOD)] == ["presentatie"]


def test_every_problem_of_many_is_counted() -> None:
    params = {f"onbekend{i}": [str(i)] for i in range(MAX_LISTED + 3)}
    problems = link_problems(params, UNDERSTOOD)
    assert len(problems) == MAX_LISTED + 3
    text = notice_text(problems)
    assert text.count("(onbekend onderdeel)") == MAX_LISTED
    assert " en nog 3 andere." in text


def test_quote_safely() -> None:
    assert quote_safely("Twente") == "Twente"
    assert quote_safely("a\nb\x00c" + RTL) == "a�b�c�"
    assert quote_safely("x" * MAX_QUOTED) == "x" * MAX_QUOTED
    assert quote_safely("x" * (MAX_QUOTED + 1)) == "x" * (MAX_QUOTED - 1) + "…"
    assert quote_safely("😀") == "😀"


@pytest.mark.parametrize("mark", list(string.punctuation))
def test_markdown_escaped_escapes_every_ascii_punctuation(mark: str) -> None:
    assert markdown_escaped(mark) == "\\" + mark
    assert markdown_escaped(f"a{mark}b") == f"a\\{mark}b"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
        (":red[x]", r"\:red\[x\]"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
        ("**vet** _schuin_ `code`", r"\*\*vet\*\* \_schuin\_ \`code\`"),
        ("# kop", r"\# kop"),
        ("$x^2$", r"\$x\^2\$"),
        ("\\", "\\\\"),
        ("Twente 😀 é", "Twente 😀 é"),
    ],
)
def test_markdown_escaped_makes_markdown_inert(text: str, escaped: str) -> None:
    assert markdown_escaped(text) == escaped


def test_escaped_notice_has_no_unescaped_punctuation() -> None:
    problems = [link_problems(t[1], UNDERSTOOD, FREE_KEYS) for t in TAMPERED]
    escaped = markdown_escaped(notice_text([p for group in problems for p in group]))
    assert _unescaped_punctuation(escaped) == []


def _unescaped_punctuation(escaped: str) -> list[str]:
    """ASCII punctuation in ``escaped`` that is not preceded by an escaping backslash."""
    found: list[str] = []
    index = 0
    while index < len(escaped):
        ch = escaped[index]
        if ch == "\\" and index + 1 < len(escaped):
            index += 2
            continue
        if ch in string.punctuation:
            found.append(ch)
        index += 1
    return found


def _unescape(escaped: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(escaped):
        if escaped[index] == "\\" and index + 1 < len(escaped):
            out.append(escaped[index + 1])
            index += 2
        else:
            out.append(escaped[index])
            index += 1
    return "".join(out)


# --- share link and full query --------------------------------------------------------------------

SHARED: dict[str, list[str]] = {
    "jaar": ["2022"],
    "district": ["Noord- en Oost-Gelderland"],
    "verhouding": ["Interventies per 100 signalen"],
    "zorg": ["false"],
    "weergave": ["Grafiek"],
    "aandeel": ["18,7%"],
    "filter_status": ["leeg", "niet gerapporteerd", "?"],
    "presentatie": ["1"],
    "tekst": ["a&b=c#d+e/f"],
}


def test_full_query_round_trips_through_parse_qs() -> None:
    query = full_query(SHARED)
    assert parse_qs(query, keep_blank_values=True, strict_parsing=True) == SHARED
    assert "#" not in query and " " not in query


def test_full_query_keeps_the_order_of_the_controls() -> None:
    keys = [pair.split("=", 1)[0] for pair in full_query(SHARED).split("&")]
    assert list(dict.fromkeys(keys)) == list(SHARED)


def test_full_query_writes_defaults_and_names_empty_choices() -> None:
    # An empty filter is still named in the link (as key=), so the link lists every control.
    query = full_query({"jaar": ["2022"], "zorg": ["false"], "filter_status": [], "leeg": [""]})
    assert query == "jaar=2022&zorg=false&filter_status=&leeg="


def test_empty_value_for_an_empty_control_is_understood() -> None:
    assert link_problems({"filter_status": [""]}, {"filter_status": []}) == []


def test_free_key_with_allowed_values() -> None:
    allowed = {"presentatie": ["1"]}
    assert link_problems({"presentatie": ["1"]}, {}, free_values=allowed) == []
    problems = link_problems({"presentatie": ["<b>"]}, {}, free_values=allowed)
    assert [(p.key, p.value) for p in problems] == [("presentatie", "<b>")]


@pytest.mark.parametrize(
    "base",
    [
        "http://localhost:8501/casustafels",
        "http://localhost:8501/casustafels?zorg=true&oud=1",
        "https://ketendialoog.example.nl/app/casustafels",
    ],
)
def test_share_link_round_trips(base: str) -> None:
    link = share_link(base, SHARED)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == base.split("?", 1)[0]
    assert parse_qs(parts.query, keep_blank_values=True, strict_parsing=True) == SHARED
    assert "oud=1" not in link, "the page's own address must not leak old parameters into the link"


def test_share_link_without_parameters_or_base() -> None:
    assert share_link("http://localhost:8501/", {}) == "http://localhost:8501/"
    assert share_link("http://localhost:8501/?x=1", {}) == "http://localhost:8501/"
    assert share_link(None, {"jaar": ["2022"]}) == "?jaar=2022"


# --- properties -----------------------------------------------------------------------------------

params_strategy = st.dictionaries(
    st.text(max_size=30), st.lists(st.text(max_size=60), max_size=4), max_size=8
)


@settings(max_examples=300, deadline=None)
@given(given_params=params_strategy, understood=params_strategy, free=st.lists(st.text(max_size=10)))
def test_any_link_never_raises(
    given_params: dict[str, list[str]], understood: dict[str, list[str]], free: list[str]
) -> None:
    problems = link_problems(given_params, understood, free)
    text = notice_text(problems)
    assert text.startswith("Een deel van de link is niet begrepen")
    assert {p.key for p in problems} <= set(given_params)
    assert not any(_is_control(ch) for ch in text)
    assert _unescaped_punctuation(markdown_escaped(text)) == []


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=200))
def test_quoted_text_is_short_and_has_no_control_characters(text: str) -> None:
    quoted = quote_safely(text)
    assert len(quoted) <= MAX_QUOTED
    assert not any(_is_control(ch) for ch in quoted)
    problem = LinkProblem(text, text, "reden")
    assert len(problem.text()) <= 2 * MAX_QUOTED + len("''= (reden)")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_markdown_escaped_round_trips(text: str) -> None:
    escaped = markdown_escaped(text)
    assert _unescape(escaped) == text
    assert _unescaped_punctuation(escaped) == []


@settings(max_examples=300, deadline=None)
@given(
    params=st.dictionaries(
        st.text(min_size=1, max_size=20), st.lists(st.text(max_size=40), min_size=1, max_size=3)
    )
)
def test_full_query_round_trips_any_params(params: dict[str, list[str]]) -> None:
    parsed = parse_qs(full_query(params), keep_blank_values=True)
    assert parsed == params


# -- values a control takes as they are but the page ignores (issue 14) -----------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("K7Q2MX", True),
        ("k7q2-mx", True),
        (" K7Q 2MX ", True),
        ("../../", False),
        ("K7Q2M", False),
        ("K7Q2MXX", False),
        ("K0Q2MX", False),
        ("<img>", False),
        ("K7Q2M%", False),
    ],
)
def test_session_code_form(value: str, valid: bool) -> None:
    from components.share import is_session_code

    assert is_session_code(value) is valid


def test_a_value_that_fails_its_check_is_named_even_when_a_control_took_it() -> None:
    checks = {"sessie": lambda v: v.isalnum()}
    problems = link_problems({"sessie": ["../../"]}, {"sessie": ["../../"]}, value_checks=checks)
    assert [(p.key, p.value, p.reason) for p in problems] == [
        ("sessie", "../../", "waarde niet geldig, genegeerd")
    ]
    assert link_problems({"sessie": ["K7Q2MX"]}, {"sessie": ["K7Q2MX"]}, value_checks=checks) == []


def test_a_known_key_with_expected_values_names_a_stranger() -> None:
    """'voorbeeld' is known while the preview is hidden; a value that is no tab is still named."""
    expected = {"voorbeeld": ["Nette tabel", "Controles op samenhang"]}
    problems = link_problems({"voorbeeld": ["<img src=x>"]}, {}, ["voorbeeld"], expected)
    assert [p.value for p in problems] == ["<img src=x>"]
    assert link_problems({"voorbeeld": ["Nette tabel"]}, {}, ["voorbeeld"], expected) == []


def test_the_session_code_key_is_the_werksessie_field() -> None:
    from components import share, werksessie_views

    assert share.SESSION_CODE_KEY == werksessie_views.CODE_KEY
