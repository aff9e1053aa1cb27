"""Participants' text made ready for an export: visible characters only, and literal in Markdown.

:func:`visible_text` drops what a reader cannot see (format characters such as U+2060 and
U+200B, control characters, private-use and unassigned code points, invisible fillers) and turns
odd spaces into plain ones; no export carries them.

:func:`markdown_text` writes a text so that any Markdown reader (CommonMark, GitHub, VS Code,
Obsidian) shows it literally, without the backslash before every punctuation mark that
:func:`analysis.links.inert_markdown` uses for Streamlit (no ``\\:``, no ``\\.``). It escapes
only what can start markup: ``\\ ` * ~ $ [ ] < >``, an ``_`` at the edge of a word, an ``&``
that would read as an entity, and at the start of a line what would begin a heading, list,
quote or rule. A word that a reader would turn into a link by itself (``https://``,
``www.``, an e-mail address or a bare domain such as ``example.nl``) is written as a code
span: literal, never clickable, copied exactly as typed.
"""

from __future__ import annotations

import re
import unicodedata

from analysis.links import code_span

#: Unicode categories a reader does not see: control, format, surrogate, private use, unassigned.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
#: Invisible characters outside those categories (fillers that are letters, a combining joiner).
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
#: Line and paragraph separators read as new lines.
_LINE_BREAKS = frozenset("\u2028\u2029\x85\v\f")


def visible_text(text: str) -> str:
    """``text`` with only characters a reader sees: invisible ones dropped, every space a plain space.

    New lines stay (``\\r\\n`` and Unicode line separators become ``\\n``); a tab becomes a space.
    """
    out: list[str] = []
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        if ch == "\n" or ch in _LINE_BREAKS:
            out.append("\n")
        elif ch == "\t" or (unicodedata.category(ch) == "Zs" and ch != " "):
            out.append(" ")
        elif unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ch in _INVISIBLE_EXTRA:
            continue
        else:
            out.append(ch)
    return "".join(out)


def one_line(text: str) -> str:
    """``text`` visible and on one line (new lines and runs of spaces become one space)."""
    return " ".join(visible_text(text).split())


#: What Markdown readers turn into a link by themselves: a web, FTP or mail address, or a bare domain.
_LINKABLE = re.compile(
    r"[a-z][a-z0-9+.-]*://|www\.|mailto:|xmpp:|@[\w-]+\.[\w-]|(?:[^\W_][\w-]*\.)+[a-z]{2,}(?!\w)",
    re.IGNORECASE,
)
#: Characters that can start inline markup anywhere: escaped where they stand.
_ALWAYS = frozenset("\\`*~$[]<>")
#: An ``&`` that a reader would take as the start of an entity (``&amp;``, ``&#60;``).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: A line start that would make a block: heading, quote, list item, rule, setext underline, table.
_BLOCK_START = re.compile(r"^(?:#{1,6}(?= |$)|>|\||[+-](?= |$)|[=-]+ *$|(?:- *){3,}$|\d{1,9}(?=[.)](?: |$)))")


def _escape_word(word: str) -> str:
    """One word without spaces, with only the characters escaped that could start markup."""
    out: list[str] = []
    for i, ch in enumerate(word):
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == "_":
            inside = 0 < i < len(word) - 1 and word[i - 1].isalnum() and word[i + 1].isalnum()
            out.append("_" if inside else "\\_")
        elif ch == "&" and _ENTITY.match(word, i):
            out.append("\\&")
        else:
            out.append(ch)
    return "".join(out)


def _markdown_line(line: str) -> str:
    """One line of text for Markdown: link-like words as code spans, the rest minimally escaped."""
    words = line.split(" ")
    escaped = [code_span(w) if _LINKABLE.search(w) else _escape_word(w) for w in words]
    text = " ".join(escaped)
    start = _BLOCK_START.match(text)
    if start and not text.startswith("`"):
        digits = start.group(0)
        if digits.isdigit():  # '1. ' or '1) ' would start an ordered list: escape the mark after the number
            return digits + "\\" + text[len(digits) :]
        return "\\" + text
    return text


def markdown_text(text: str, indent: str = "") -> str:
    """``text`` as literal Markdown: visible characters, minimal escapes, addresses as code spans.

    A text of several lines keeps its lines; each following line starts with ``indent`` so it
    stays inside the list item it belongs to. Empty lines are dropped (they would end the item).
    """
    lines = [" ".join(line.split()) for line in visible_text(text).split("\n")]
    return ("\n" + indent).join(_markdown_line(line) for line in lines if line)


def markdown_heading_text(text: str) -> str:
    """``text`` for a Markdown heading: on one line, and a closing ``#`` kept as text."""
    line = _markdown_line(one_line(text))
    return line[:-1] + "\\#" if line.endswith("#") else line
