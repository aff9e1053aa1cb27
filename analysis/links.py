"""Shareable links: build the full query string of a view, and explain what a link got wrong.

Pure Python so that hostile links can be tested without a browser. A link's parameters
come in as ``{key: [values]}`` (a key may repeat, as in ``?filter=a&filter=b``).
"""

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

#: Longest value quoted back to the user in a notice.
MAX_QUOTED = 40
#: Most problems listed in one notice; the rest are counted.
MAX_LISTED = 5

Params = Mapping[str, list[str]]


@dataclass(frozen=True)
class LinkProblem:
    """One part of a link that was not understood: the key, the value as given, and why."""

    key: str
    value: str
    reason: str

    def text(self) -> str:
        """The problem in Dutch, with the key and value quoted safely (shortened, no control characters)."""
        return f"'{quote_safely(self.key)}={quote_safely(self.value)}' ({self.reason})"


def quote_safely(text: str, limit: int = MAX_QUOTED) -> str:
    """Shorten user text and replace control and format characters, so it is inert and readable."""
    cleaned = "".join("�" if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _same(given: str, understood: str) -> bool:
    """True when a URL value means the same as what the widget took from it (``8000.0`` == ``8000``)."""
    if given == understood:
        return True
    try:
        a, b = float(given), float(understood)
    except ValueError:
        return False
    return math.isfinite(a) and a == b


def link_problems(
    given: Params,
    understood: Params,
    free_keys: Iterable[str] = (),
    free_values: Mapping[str, Iterable[str]] | None = None,
    value_checks: Mapping[str, Callable[[str], bool]] | None = None,
) -> list[LinkProblem]:
    """Compare the parameters a link brought with what the page understood from them.

    ``understood`` maps each control's key to the value(s) it holds now, written the
    way the link writes them. A key that no control and no entry of ``free_keys``
    knows is unknown; a value the control did not take (invalid, out of range,
    hostile) was not understood. ``free_values`` lists the values a free key accepts
    (``presentatie`` takes only ``1``); a free key without such a list takes anything.
    ``value_checks`` holds a test per key for values a control takes as they are but the
    page then ignores (a session code of the wrong form, such as ``../../``).
    """
    free = set(free_keys) | set(free_values or {})
    allowed = {key: set(values) for key, values in (free_values or {}).items()}
    checks = dict(value_checks or {})
    problems: list[LinkProblem] = []
    for key, values in given.items():
        if key in checks:
            bad = [v for v in values if v and not checks[key](v)]
            problems.extend(LinkProblem(key, v, "waarde niet geldig, genegeerd") for v in bad)
            if bad:
                continue
        shown = values[-1] if values else ""
        if key in allowed:
            problems.extend(
                LinkProblem(key, v, "waarde niet geldig, genegeerd") for v in values if v not in allowed[key]
            )
            continue
        # A key a control of this run holds is checked, also when the page declared it known (a
        # control it shows only sometimes): only when no control took it does "free" let it pass.
        if key in free and key not in understood:
            continue
        if key not in understood:
            problems.append(LinkProblem(key, shown, "onbekend onderdeel"))
            continue
        taken = understood[key]
        if all(v == "" for v in values) and all(t == "" for t in taken):
            continue  # an empty value for a control that is empty (e.g. a filter with nothing chosen)
        for value in values:
            if not any(_same(value, t) for t in taken):
                problems.append(LinkProblem(key, value, "waarde niet geldig of niet geheel overgenomen"))
    return problems


def notice_text(problems: list[LinkProblem]) -> str:
    """One Dutch sentence that names what part of the link was not understood."""
    listed = "; ".join(p.text() for p in problems[:MAX_LISTED])
    more = len(problems) - MAX_LISTED
    extra = f" en nog {more} andere" if more > 0 else ""
    return (
        f"Een deel van de link is niet begrepen en genegeerd: {listed}{extra}. "
        "De pagina toont daar de standaardkeuze of wat wel geldig was."
    )


def full_query(params: Params) -> str:
    """The query string with every control's value, defaults included, in a stable order.

    A control without a value (an empty filter) is written as ``key=``, so the link
    still names it.
    """
    pairs = [(key, value) for key in params for value in (params[key] or [""])]
    return urlencode(pairs)


def share_link(base_url: str | None, params: Params) -> str:
    """The link to this exact view: the page's address plus every control's value."""
    query = full_query(params)
    base = (base_url or "").split("?", 1)[0]
    return f"{base}?{query}" if query else base


def markdown_escaped(text: str) -> str:
    """Escape every ASCII punctuation mark, so user text shows literally in a Markdown element.

    Streamlit's Markdown also knows ``:shortcodes:`` and ``:red[colour]`` directives;
    escaping the colon and brackets keeps those inert too.
    """
    return "".join(f"\\{ch}" if ch.isascii() and not ch.isalnum() and not ch.isspace() else ch for ch in text)


#: What GitHub-flavoured Markdown turns into a link by itself: a web or e-mail address.
_AUTOLINK = re.compile(r"https?://|www\.|[\w.+-]@[\w-]+\.[\w-]", re.IGNORECASE)


def code_span(text: str) -> str:
    """``text`` as a Markdown code span: shown literally, never a link, nothing added that a copy would carry.

    The fence is one backtick longer than any run of backticks inside; a space pads text
    that starts or ends with a backtick (Markdown strips it again).
    """
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inert_markdown(text: str) -> str:
    """User text escaped for Markdown, also against automatic links, with no invisible characters.

    Escaping every punctuation mark keeps ``[a](b)``, ``**`` and ``:red[...]`` literal,
    but Markdown still turns ``https://...``, ``www.`` and e-mail addresses in plain
    text into links (after escapes are read). A word that holds such an address is shown
    as a code span instead: literal, not clickable, and copied exactly as typed. Numbers
    such as ``29.764`` and every other word stay plain text.
    """
    return "".join(
        code_span(part) if _AUTOLINK.search(part) else markdown_escaped(part)
        for part in re.split(r"(\s+)", text)
    )
