"""Checks on what participants type: not empty, not too long, no hidden characters, no personal data.

The personal-data filter first normalises the text, so that a variant written to slip
past it is read the way a person reads it:

* :func:`normalise`: NFKC (full-width ``０６`` becomes ``06``, ``＠`` becomes ``@``) and every
  kind of dash as ``-``;
* :func:`email_view`: ``(at)``, ``[at]``, ``apenstaartje`` as ``@`` and ``(dot)``, ``(punt)`` as ``.``;
* :func:`digit_view`: digits written as words (``nul zes``, ``zero six``) as digits, and the
  separators inside a run of digits removed (``1 1 1 2 2 2 3 3 3`` becomes ``111222333``).

It then looks for e-mail addresses, Dutch phone numbers, numbers that pass the BSN
11-proef, IBANs (with the mod-97 check), a postcode with a house number, Dutch licence
plates, and a name or a word like 'geboren' next to a (birth) date. Names themselves no
pattern catches reliably: :func:`possible_names` finds what may be a person's name (a
title such as 'mevrouw', or capitalised words that are no place, organisation or term of
the app), and :func:`check_text` accepts such a text only with ``needs_confirmation`` set,
so that the form asks the writer to confirm. The refusals are worded in
:mod:`analysis.werksessie.wording`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from analysis.dutch import MONTHS
from analysis.werksessie.session import MAX_TEXT_CHARS
from analysis.werksessie.wording import (
    REASON_ADDRESS,
    REASON_BSN,
    REASON_EMAIL,
    REASON_IBAN,
    REASON_NAME_AND_DATE,
    REASON_PHONE,
    REASON_PLATE,
    YOUR_TEXT,
    empty_message,
    hidden_characters_message,
    names_confirmation_message,
    personal_data_message,
    too_long_message,
)

# -- normalising ------------------------------------------------------------------------------

#: Dashes that NFKC leaves as they are.
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63]")
_AT = r"(?:at|apenstaartje|a)"
_DOT = r"(?:dot|punt)"
_BRACKETED_AT = re.compile(rf"\s*[\(\[\{{<]\s*{_AT}\s*[\)\]\}}>]\s*", re.IGNORECASE)
_BRACKETED_DOT = re.compile(rf"\s*[\(\[\{{<]\s*{_DOT}\s*[\)\]\}}>]\s*", re.IGNORECASE)
# 'jan at example dot nl': only where a domain follows, so the English word 'at' stays a word.
_SPELLED_EMAIL = re.compile(
    r"(?<=[\w.+-])\s+(?:at|apenstaartje)\s+([\w-]+)((?:(?:\s+(?:dot|punt)\s+|\.)[\w-]+)+)\b", re.IGNORECASE
)
_SPELLED_DOT = re.compile(r"\s+(?:dot|punt)\s+", re.IGNORECASE)
# 'jan(at)example dot nl': spelled dots in the domain after an @.
_DOMAIN_SPELLED_DOTS = re.compile(r"(@[\w-]+(?:\.[\w-]+)*)((?:\s+(?:dot|punt)\s+[\w-]+)+)\b", re.IGNORECASE)
_SPACED_AT = re.compile(r"(?<=[\w.+-])\s*@\s*(?=[\w-])")
_SPACED_DOT = re.compile(r"(?<=[\w-])\s*\.\s*(?=[a-z]{2,}\b)", re.IGNORECASE)

#: Digits written as words, Dutch and English.
DIGIT_WORDS: dict[str, str] = {
    "nul": "0",
    "een": "1",
    "één": "1",
    "eén": "1",
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "plus": "+",
}
_DIGIT_WORD = re.compile(
    r"\b(" + "|".join(sorted(DIGIT_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
#: What people put between the digits of one number: spaces, dots, dashes, slashes, brackets.
SEPARATORS = " \t\n.-/()_·"
_INSIDE_DIGITS = re.compile(r"(?<=[\d+])[ \t\n.\-/()_·]+(?=[\d(])")


def normalise(text: str) -> str:
    """NFKC (full-width and other compatibility forms to plain ones) and every dash as ``-``."""
    return _DASHES.sub("-", unicodedata.normalize("NFKC", text))


def email_view(text: str) -> str:
    """The text with spelled-out and bracketed ``at`` and ``dot`` written as ``@`` and ``.``."""
    view = _BRACKETED_DOT.sub(".", _BRACKETED_AT.sub("@", normalise(text)))
    view = _SPELLED_EMAIL.sub(lambda m: "@" + m.group(1) + _SPELLED_DOT.sub(".", m.group(2)), view)
    view = _SPACED_AT.sub("@", view)
    view = _DOMAIN_SPELLED_DOTS.sub(lambda m: m.group(1) + _SPELLED_DOT.sub(".", m.group(2)), view)
    return _SPACED_DOT.sub(".", view)


def digit_view(text: str) -> str:
    """The text with digit words as digits and no separators inside a run of digits.

    ``'BSN 1 1 1 2 2 2 3 3 3'`` becomes ``'BSN 111222333'`` and ``'nul zes - 12 34'``
    becomes ``'061234'``. Only for finding numbers: the text itself is stored as typed.
    """
    words = _DIGIT_WORD.sub(lambda m: DIGIT_WORDS[m.group(1).lower()], normalise(text))
    return _INSIDE_DIGITS.sub("", words)


# -- patterns ---------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A Dutch phone number in the digit view: 0 + nine digits, or +31 / 0031 (and an optional 0) + nine.
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31\(?0?\)?|0)\d{9}(?!\d)")
_NINE_DIGITS = re.compile(r"(?<![\d])(\d{9})(?![\d])")
# An IBAN: two letters, two check digits, then 11 to 30 letters and digits (in groups, in any case).
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30})\b", re.IGNORECASE)
#: IBAN lengths of the countries a Dutch text is likely to name; other countries: 15 to 34.
IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "PL": 28, "RO": 24, "BG": 22, "ES": 24}
# A postcode (1234 AB, 1234AB, 1234ab; not SA, SD or SS) with a house number after or before it.
_POSTCODE = r"[1-9]\d{3}(?:[ ]?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})"
_ADDRESS = re.compile(
    rf"(?<![\w-])(?:{_POSTCODE}\s*[,\-]?\s*(?:nr\.?\s*|huisnummer\s*)?\d{{1,5}}[a-zA-Z]?"
    rf"|\d{{1,5}}[a-zA-Z]?\s*,?\s*{_POSTCODE})(?![\w-])"
)
# A Dutch licence plate: three groups of letters or digits, six in all, joined by dashes (AB-12-CD, 12-ABC-3).
_PLATE = re.compile(
    r"(?<![\w-])([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})(?![\w-])"
)
_VOWELS = set("aeiouAEIOU")

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
# A year that can be a year of birth (not a recent reporting year) and any year at all.
_BIRTH_YEAR = r"(?:19\d{2}|20(?:0\d|1[0-5]))"
_ANY_YEAR = r"(?:19|20)\d{2}"


def _date_pattern(year: str) -> re.Pattern[str]:
    """A date in a text (12-03-1985, 3 maart 2001, 1985-03-12) whose year matches ``year``."""
    return re.compile(
        rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]{year}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+{year}|{year}-\d{{1,2}}-\d{{1,2}})\b",
        re.IGNORECASE,
    )


_BIRTH_DATE = _date_pattern(_BIRTH_YEAR)
_DATE = _date_pattern(_ANY_YEAR)
_BIRTH_WORD = re.compile(r"\b(?:geboren|geb\.|geboortedatum|gebdat|dob|leeftijd)", re.IGNORECASE)

# -- names ------------------------------------------------------------------------------------

_PARTICLES = r"(?:van|de|der|den|ter|ten|te|el|al|da|di|le|la|bin|ben|ibn|op|in|'t)"
_CAPITALISED = r"[A-ZÀ-ÞŁŚŻŹĆŃ][a-zà-ÿłśżźćńç'’\-]+"
_TITLE = r"(?i:mevrouw|meneer|mevr|mw|dhr|de\s+heer|mr|mrs|ms|juffrouw|mijnheer)"
_PERSON_WORD = (
    r"(?i:genaamd|heet|naam|slachtoffer|cliënt|client|verdachte|dader|meisje|jongen|vrouw|man|"
    r"moeder|vader|zus|broer|dochter|zoon)"
)
_NAME_AFTER_TITLE = re.compile(
    rf"\b{_TITLE}\.?\s+((?:{_PARTICLES}\s+)*{_CAPITALISED}(?:\s+(?:{_PARTICLES}\s+)*{_CAPITALISED})*)"
)
_NAME_AFTER_WORD = re.compile(
    rf"\b{_PERSON_WORD}:?\s+({_CAPITALISED}(?:\s+(?:{_PARTICLES}\s+)*{_CAPITALISED})*)"
)
_CAPITALISED_RUN = re.compile(
    rf"(?<![\w-])({_CAPITALISED}(?:\s+(?:(?i:{_PARTICLES})\s+)*{_CAPITALISED})+)(?![\w-])"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"'(]\s*)$")
#: Words that open a Dutch sentence with a capital: no evidence of a name.
_SENTENCE_OPENERS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "geen",
        "het",
        "hier",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "maar",
        "met",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "ok",
        "ook",
        "op",
        "over",
        "per",
        "sinds",
        "te",
        "toen",
        "tot",
        "uit",
        "van",
        "veel",
        "volgens",
        "voor",
        "waar",
        "wat",
        "we",
        "welke",
        "wie",
        "wij",
        "zij",
        "ze",
        "zo",
        "zonder",
        "hun",
        "onze",
        "ons",
        "mijn",
        "jouw",
        "namens",
    ]
)
#: Capitalised words that are no person: organisations, regions, and terms of the app's subject.
_NOT_NAMES = frozenset(
    [
        "oost",
        "west",
        "noord",
        "zuid",
        "midden",
        "nederland",
        "oost-nederland",
        "gelderland",
        "overijssel",
        "twente",
        "ijsselland",
        "achterhoek",
        "veluwe",
        "betuwe",
        "rivierenland",
        "europa",
        "europese",
        "unie",
        "politie",
        "openbaar",
        "ministerie",
        "om",
        "riec",
        "comensha",
        "veiligheidsnetwerk",
        "nationaal",
        "rapporteur",
        "mensenhandel",
        "inspectie",
        "arbeidsinspectie",
        "koninklijke",
        "marechaussee",
        "kmar",
        "justitie",
        "veiligheid",
        "gemeente",
        "gemeenten",
        "provincie",
        "centrum",
        "raad",
        "kinderbescherming",
        "veilig",
        "thuis",
        "leger",
        "heils",
        "ggd",
        "ind",
        "coa",
        "azc",
        "fiom",
        "zorg",
        "zorgpartners",
        "jeugdzorg",
        "reclassering",
        "advocaat",
        "werkgroep",
        "team",
        "teams",
        "casustafel",
        "casustafels",
        "dashboard",
        "excel",
        "mentimeter",
        "slido",
        "teams",
        "zoom",
        "outlook",
        "google",
        "microsoft",
        "whatsapp",
        "facebook",
        "instagram",
        "bestuurlijke",
        "opvolging",
        "zichtbaar",
        "aanbod",
        "opsporing",
        "vervolging",
        "bewustwording",
        "signalen",
        "interventie",
        "interventies",
        "observatie",
        "observaties",
        "actiepunt",
        "actiepunten",
        "werksessie",
        "ketendialoog",
        "ketenpartners",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        *MONTHS,
        "q1",
        "q2",
        "q3",
        "q4",
    ]
)


@functools.lru_cache(maxsize=1)
def _place_and_term_words() -> frozenset[str]:
    """Words of municipality and district names and of the app's indicators: no person's name."""
    from analysis.indicators import INDICATORS, SECTION_HEADINGS

    words: set[str] = set(_NOT_NAMES)
    texts = [ind.label for ind in INDICATORS] + list(SECTION_HEADINGS.values())
    try:
        from analysis.geography import load_population

        population = load_population()
        texts += population["gemeente"].to_list() + population["district"].unique().to_list()
    except Exception:  # the filter must work without the data files (it then asks a bit more often)
        pass
    for text in texts:
        words.update(part.casefold() for part in re.split(r"[\s()/,]+", text) if part)
    return frozenset(words)


def _sentence_start(text: str, position: int) -> bool:
    return bool(_SENTENCE_START.search(text[:position]))


def possible_names(text: str) -> list[str]:
    """What in ``text`` may be a person's name, in order: ``['Fatima El Amrani']``; empty when nothing.

    A name after a title ('mevrouw', 'dhr.') or after a word like 'genaamd' or 'slachtoffer'
    counts; so do two or more capitalised words in a row (with particles such as 'van der'
    or 'El' between them) unless every word is a place, an organisation or a term of the
    app, not counting a word that merely opens a sentence.
    """
    text = normalise(text)
    found: list[str] = []
    for pattern in (_NAME_AFTER_TITLE, _NAME_AFTER_WORD):
        for match in pattern.finditer(text):
            name = match.group(1).strip()
            # After a title it is a person ('dhr. van der Berg', even though Berg is a place).
            if (pattern is _NAME_AFTER_TITLE or not _all_known(name.split())) and name not in found:
                found.append(name)
    known = _place_and_term_words()
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group(1).split()
        if _sentence_start(text, match.start()) and words[0].casefold() in _SENTENCE_OPENERS:
            words = words[1:]
        capitals = [w for w in words if w[:1].isupper()]
        if len(capitals) < 2 or all(w.casefold().strip("'’-") in known for w in capitals):
            continue
        name = " ".join(words)
        if not any(name in earlier or earlier in name for earlier in found):
            found.append(name)
    return found


def _all_known(words: list[str]) -> bool:
    known = _place_and_term_words()
    capitals = [w for w in words if w[:1].isupper()]
    return bool(capitals) and all(w.casefold() in known for w in capitals)


# -- checks -----------------------------------------------------------------------------------


def passes_eleven_test(digits: str) -> bool:
    """True when nine digits pass the Dutch 11-proef for a BSN (and are not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def iban_is_valid(iban: str) -> bool:
    """True when ``iban`` (separators allowed) has a plausible length and passes the mod-97 check."""
    compact = re.sub(r"[\s-]", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    if len(compact) != IBAN_LENGTHS.get(compact[:2], len(compact)):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _plate(match: re.Match[str]) -> bool:
    groups = match.groups()
    if (
        sum(len(g) for g in groups) != 6
        or not any(g.isalpha() for g in groups)
        or not any(g.isdigit() for g in groups)
    ):
        return False
    letters = "".join(g for g in groups if g.isalpha())
    # Written in capitals as on the plate, or in any case with consonants only (plates since 1978 have no vowels).
    return letters.isupper() or not (set(letters) & _VOWELS)


def personal_data_reasons(text: str) -> list[str]:
    """What in ``text`` looks like personal data, as Dutch phrases ('een e-mailadres'); empty when nothing.

    Names alone are not refused (see :func:`possible_names`), only a name with a birth date.
    """
    reasons: list[str] = []
    plain = normalise(text)
    ibans = [m for m in _IBAN.finditer(plain) if iban_is_valid(m.group(1))]
    # The digits of an IBAN are no phone number or BSN: look for those in the rest.
    digits = digit_view(_IBAN.sub(lambda m: " " if iban_is_valid(m.group(1)) else m.group(0), plain))
    if _EMAIL.search(email_view(text)):
        reasons.append(REASON_EMAIL)
    if _PHONE.search(digits):
        reasons.append(REASON_PHONE)
    if any(passes_eleven_test(m.group(1)) for m in _NINE_DIGITS.finditer(digits)):
        reasons.append(REASON_BSN)
    if ibans:
        reasons.append(REASON_IBAN)
    if _ADDRESS.search(plain):
        reasons.append(REASON_ADDRESS)
    if any(_plate(m) for m in _PLATE.finditer(plain)):
        reasons.append(REASON_PLATE)
    named = bool(possible_names(plain))
    if (_BIRTH_DATE.search(plain) and named) or (_DATE.search(plain) and _BIRTH_WORD.search(plain)):
        reasons.append(REASON_NAME_AND_DATE)
    return reasons


@dataclass(frozen=True)
class TextCheck:
    """The outcome of checking a text.

    ``ok`` with the cleaned ``text`` when accepted, a Dutch ``message`` when refused. An
    accepted text that may name a person carries those ``names`` and a ``message`` that
    asks the writer to confirm (:attr:`needs_confirmation`).
    """

    ok: bool
    text: str
    message: str = ""
    names: tuple[str, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """True when the text is accepted only once the writer confirms that it names no person."""
        return self.ok and bool(self.names)


def _has_hidden_characters(text: str) -> bool:
    """True when ``text`` holds a control or invisible format character other than newline and tab."""
    return any(unicodedata.category(ch) in _HIDDEN_CATEGORIES and ch not in _ALLOWED_CONTROL for ch in text)


#: Characters that are refused: control characters (except newline and tab) and invisible format
#: characters such as bidi overrides and zero-width marks.
_ALLOWED_CONTROL = {"\n", "\t", "\r"}
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Co", "Cs")


def check_text(text: str | None, *, max_chars: int = MAX_TEXT_CHARS, what: str = YOUR_TEXT) -> TextCheck:
    """Check a participant's text: not empty, not too long, no hidden characters, no personal data.

    The text is trimmed and normalised (NFC); line endings become ``\\n``. A text that may
    name a person is accepted with :attr:`TextCheck.needs_confirmation`: the form must
    ask the writer to confirm before it places the text.
    """
    cleaned = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not cleaned:
        return TextCheck(False, "", empty_message(what))
    if len(cleaned) > max_chars:
        return TextCheck(False, cleaned, too_long_message(what, len(cleaned), max_chars))
    if _has_hidden_characters(cleaned):
        return TextCheck(False, cleaned, hidden_characters_message(what))
    reasons = personal_data_reasons(cleaned)
    if reasons:
        return TextCheck(False, cleaned, personal_data_message(what, reasons))
    names = possible_names(cleaned)
    if names:
        return TextCheck(True, cleaned, names_confirmation_message(what, names), tuple(names))
    return TextCheck(True, cleaned)
