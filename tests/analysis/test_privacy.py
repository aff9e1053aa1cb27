"""The personal-data filter of the werksessie: every variant the red team used, and the normaliser.

Before issue 14 the filter let 9 of 18 variants through; each row of ``VARIANTS`` is one of
them (or a close relative) and must now be refused with the reason named. Names cannot be
caught by a pattern: they give a warning the writer must confirm. The property tests check
the normaliser: whatever separators, full-width forms or digit words hide a number, the
digit view holds the number, and the refusals follow.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from analysis.werksessie import check_text
from analysis.werksessie.privacy import (
    DIGIT_WORDS,
    SEPARATORS,
    digit_view,
    email_view,
    iban_is_valid,
    normalise,
    passes_eleven_test,
    personal_data_reasons,
    possible_names,
)
from analysis.werksessie.wording import (
    NAMES_CONFIRM_LABEL,
    REASON_ADDRESS,
    REASON_BSN,
    REASON_EMAIL,
    REASON_IBAN,
    REASON_NAME_AND_DATE,
    REASON_PHONE,
    REASON_PLATE,
)

#: (text, the reason it must be refused for); the first nine are the red team's misses.
VARIANTS: dict[str, tuple[str, str]] = {
    "BSN with spaces": ("BSN 1 1 1 2 2 2 3 3 3", REASON_BSN),
    "full-width phone number": ("bel haar op ０６－１２３４５６７８", REASON_PHONE),
    "e-mail with (at) and (dot)": ("mail jan(at)example(dot)nl", REASON_EMAIL),
    "e-mail with a full-width @": ("mail jan＠example.nl", REASON_EMAIL),
    "phone number in words": ("bel nul zes een twee drie vier vijf zes zeven acht", REASON_PHONE),
    "IBAN in groups": ("rekening NL91 ABNA 0417 1643 00", REASON_IBAN),
    "postcode with house number": ("woont op 7511 JM 12", REASON_ADDRESS),
    "licence plate": ("de auto met kenteken 12-ABC-3", REASON_PLATE),
    # close relatives
    "BSN in groups of three": ("BSN 111-222-333", REASON_BSN),
    "BSN in full-width digits": ("nummer １１１２２２３３３", REASON_BSN),
    "BSN in Dutch words": ("een een een twee twee twee drie drie drie", REASON_BSN),
    "phone with +31 (0)": ("+31 (0)6 12345678", REASON_PHONE),
    "phone with dots": ("06.12.34.56.78", REASON_PHONE),
    "phone in English words": ("zero six one two three four five six seven eight", REASON_PHONE),
    "e-mail with [at] and [punt]": ("jan [at] example [punt] nl", REASON_EMAIL),
    "e-mail spelled out": ("jan at example dot nl", REASON_EMAIL),
    "e-mail with apenstaartje": ("jan apenstaartje example punt nl", REASON_EMAIL),
    "e-mail with spaces around @": ("jan @ example.nl", REASON_EMAIL),
    "IBAN lower case without spaces": ("nl91abna0417164300", REASON_IBAN),
    "Belgian IBAN": ("BE68 5390 0754 7034", REASON_IBAN),
    "address with postcode after the number": ("Hoofdstraat 12, 7511 JM Enschede", REASON_ADDRESS),
    "postcode in lower case": ("adres 7511jm 12", REASON_ADDRESS),
    "licence plate XX-99-99": ("kenteken AB-12-CD", REASON_PLATE),
    "licence plate in lower case": ("auto xx-99-99", REASON_PLATE),
    "name with a birth date": ("Jan de Vries, 12-03-1985", REASON_NAME_AND_DATE),
    "birth word with a date": ("geboren 3 maart 2001", REASON_NAME_AND_DATE),
}

#: Texts that may name a person: accepted only after the writer confirms.
NAMES: dict[str, tuple[str, str]] = {
    "the red team's name": ("Mevrouw Fatima El Amrani", "Fatima El Amrani"),
    "a name with a title and particles": ("gesproken met dhr. van der Berg", "van der Berg"),
    "a first and last name": ("Sprak met Jan Jansen over de aanpak", "Jan Jansen"),
    "a name after 'genaamd'": ("een meisje genaamd Fatima", "Fatima"),
}

#: Ordinary notes of a werksessie: no refusal and no question about names.
ORDINARY = [
    "188 signalen, 22 onderzoeken: 11,7% is laag.",
    "Oost Nederland telt 29.764 advertenties",
    "In 2022 en 2023 zagen we 63 aangiftes",
    "Registratienummer 123456789 bestaat niet",
    "De casustafel in Twente komt 12-03-2024 bijeen",
    "In Zwolle was Veilig Thuis erbij",
    "Het Openbaar Ministerie en de RIEC stemmen af",
    "Gelderland-Zuid heeft 17+3 casussen",
    "Casustafel Twente besprak 20 casussen",
    "Een belangrijk punt is dat de gemeenten meer melden",
    "Tussen 2019 - 2022 steeg het aantal",
    "Actie: CoMensHa en Leger des Heils bellen",
    "Q3 evalueren met de Arbeidsinspectie",
]


@pytest.mark.parametrize("name", VARIANTS)
def test_every_variant_is_refused_with_its_reason(name: str) -> None:
    text, reason = VARIANTS[name]
    check = check_text(text)
    assert not check.ok, f"{name}: {text!r} was accepted"
    assert reason in check.message
    assert "persoonsgegevens" in check.message


@pytest.mark.parametrize("name", NAMES)
def test_a_possible_name_needs_confirmation(name: str) -> None:
    text, found = NAMES[name]
    check = check_text(text)
    assert check.ok and check.needs_confirmation
    assert check.names == (found,)
    assert f"'{found}'" in check.message
    assert "geen naam van een persoon" in check.message


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_notes_pass_without_a_question(text: str) -> None:
    check = check_text(text)
    assert check.ok, check.message
    assert not check.needs_confirmation, check.names
    assert check.text == text


def test_an_iban_is_not_also_a_phone_number() -> None:
    assert personal_data_reasons("NL91 ABNA 0417 1643 00") == [REASON_IBAN]


@pytest.mark.parametrize(
    ("iban", "valid"),
    [
        ("NL91ABNA0417164300", True),
        ("NL91 ABNA 0417 1643 01", False),  # one digit off: mod 97 fails
        ("NL91ABNA041716430", False),  # one short for NL
        ("GB82 WEST 1234 5698 7654 32", True),
        ("XX00 0000 0000 0000", False),
    ],
)
def test_iban_checksum(iban: str, valid: bool) -> None:
    assert iban_is_valid(iban) is valid


# -- properties of the normaliser --------------------------------------------------------------

_SEPARATOR = st.text(alphabet=SEPARATORS.replace("\n", ""), min_size=1, max_size=3)
_FULL_WIDTH = {ord(ch): chr(ord(ch) + 0xFEE0) for ch in string.ascii_letters + string.digits + "@.-+()"}
_WORDS_FOR = {digit: [w for w, d in DIGIT_WORDS.items() if d == digit] for digit in string.digits}


def separated(digits: str, separators: list[str]) -> str:
    """``digits`` with ``separators[i]`` after digit i (cycled)."""
    return "".join(
        d + (separators[i % len(separators)] if i < len(digits) - 1 else "") for i, d in enumerate(digits)
    )


@given(st.text(max_size=200))
def test_normalising_twice_changes_nothing(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)
    assert digit_view(digit_view(text)) == digit_view(text)


@given(st.text(alphabet=string.ascii_letters + string.digits + "@.-+() ", max_size=80))
def test_full_width_text_normalises_to_plain_text(text: str) -> None:
    assert normalise(text.translate(_FULL_WIDTH)) == normalise(text)


@given(st.text(alphabet=string.digits, min_size=2, max_size=20), st.lists(_SEPARATOR, min_size=1, max_size=5))
def test_separators_inside_a_number_disappear(digits: str, separators: list[str]) -> None:
    assert digits in digit_view(f"nummer {separated(digits, separators)} klopt")


@given(st.text(alphabet=string.digits, min_size=1, max_size=12), st.data())
def test_digit_words_become_digits(digits: str, data: st.DataObject) -> None:
    words = [data.draw(st.sampled_from(_WORDS_FOR[d])) for d in digits]
    spelled = " ".join(w.upper() if data.draw(st.booleans()) else w for w in words)
    assert digits in digit_view(spelled)


@st.composite
def bsns(draw: st.DrawFn) -> str:
    """A number that passes the 11-proef."""
    first = draw(st.text(alphabet=string.digits, min_size=8, max_size=8))
    last = sum(int(d) * w for d, w in zip(first, range(9, 1, -1), strict=True)) % 11
    assume(last < 10 and set(first + str(last)) != {"0"})
    return first + str(last)


def hide(digits: str, how: str, separators: list[str]) -> str:
    """``digits`` written the way someone hiding them would: separated, full-width or in words."""
    if how == "separated":
        return separated(digits, separators)
    if how == "full-width":
        return separated(digits, separators).translate(_FULL_WIDTH)
    return " ".join(_WORDS_FOR[d][0] for d in digits)


_HIDING = st.sampled_from(["separated", "full-width", "words"])


@given(bsns(), _HIDING, st.lists(_SEPARATOR, min_size=1, max_size=3))
def test_a_hidden_bsn_is_refused(bsn: str, how: str, separators: list[str]) -> None:
    assert passes_eleven_test(bsn)
    assert REASON_BSN in personal_data_reasons(f"het nummer is {hide(bsn, how, separators)} toch")


@given(
    st.text(alphabet=string.digits, min_size=8, max_size=8),
    _HIDING,
    st.lists(_SEPARATOR, min_size=1, max_size=3),
)
def test_a_hidden_mobile_number_is_refused(rest: str, how: str, separators: list[str]) -> None:
    assert REASON_PHONE in personal_data_reasons(f"bel {hide('06' + rest, how, separators)} vandaag")


@given(
    st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
    st.sampled_from(["(at)", "[at]", " at ", "＠", " (apenstaartje) "]),
    st.sampled_from(["(dot)", "[dot]", " dot ", ".", " punt ", "．"]),
)
def test_a_hidden_email_address_is_refused(local: str, domain: str, at: str, dot: str) -> None:
    written = f"mail {local}{at}{domain}{dot}nl graag"
    assert re.search(rf"{re.escape(local)}@{re.escape(domain)}\.nl", email_view(written))
    assert REASON_EMAIL in personal_data_reasons(written)


@st.composite
def dutch_ibans(draw: st.DrawFn) -> str:
    """A valid Dutch IBAN: NL, check digits, a bank code of four letters and ten digits."""
    bank = draw(st.text(alphabet=string.ascii_uppercase, min_size=4, max_size=4))
    account = draw(st.text(alphabet=string.digits, min_size=10, max_size=10))
    number = int("".join(str(int(ch, 36)) for ch in bank + account + "NL00"))
    return f"NL{98 - number % 97:02d}{bank}{account}"


@given(dutch_ibans(), st.sampled_from([" ", "", "-"]), st.booleans())
def test_a_valid_iban_is_refused_however_written(iban: str, separator: str, lower: bool) -> None:
    written = separator.join(iban[i : i + 4] for i in range(0, len(iban), 4))
    written = written.lower() if lower else written
    assert iban_is_valid(written)
    assert REASON_IBAN in personal_data_reasons(f"rekening {written}")


_ORDINARY_WORDS = st.sampled_from(
    [
        "signalen",
        "onderzoeken",
        "gemeenten",
        "casustafel",
        "aanpak",
        "samen",
        "melden",
        "zorg",
        "de",
        "het",
        "en",
        "in",
        "op",
        "met",
        "voor",
        "afspraak",
        "volgende",
        "keer",
        "bespreken",
        "opvolging",
        "politie",
        "riec",
        "om",
        "zwolle",
        "twente",
        "aantal",
    ]
)


@given(st.lists(_ORDINARY_WORDS, min_size=1, max_size=30), st.lists(st.integers(0, 2030), max_size=3))
def test_ordinary_words_and_counts_are_no_personal_data(words: list[str], counts: list[int]) -> None:
    # Counts as prose lists them (with commas or words between): bare numbers that follow one
    # another with only spaces between are read as one number, on purpose (BSN 1 1 1 2 2 2 3 3 3).
    text = " ".join(words) + " " + ", ".join(str(c) for c in counts) + "."
    assert personal_data_reasons(text) == []
    assert possible_names(text) == []


# -- the note form asks for the confirmation ---------------------------------------------------


def test_the_note_form_places_a_possible_name_only_after_confirmation(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """The werksessie form holds the text back once with the warning, and places it once the box is ticked."""
    from tests.pages.conftest import run_app, submit_button

    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")
    at: AppTest = run_app("pages/werksessie.py")
    at.text_input(key="_ws_titel").input("Naamtest")
    submit_button(at, "ws_start", "Werksessie starten").click().run()
    # The facilitator lands on the console; a participant posts from the join link (sessie=CODE).
    code = at.query_params["sessie"]
    at = run_app("pages/werksessie.py", sessie=code if isinstance(code, str) else code[0])
    text = "Afspraak met Jan Jansen van de gemeente"
    at.text_area(key="_ws_tekst_signalen").input(text)
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception
    warnings = [w.value for w in at.warning if "'Jan Jansen'" in w.value]
    assert warnings, [w.value for w in at.warning]
    assert at.text_area(key="_ws_tekst_signalen").value == text  # held back, not lost
    box = at.checkbox(key="_ws_geen_naam_signalen")
    assert box.label == NAMES_CONFIRM_LABEL
    box.check()
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception
    assert any("Geplaatst" in s.value for s in at.success)
    assert at.text_area(key="_ws_tekst_signalen").value == ""
