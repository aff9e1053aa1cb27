"""The parts of the page 'Nieuw jaar toevoegen': template, input, checks, preview, use and save.

What a user pastes or uploads is kept in ``st.session_state`` as plain text and bytes
(the session stays picklable) and is never changed: the original can always be
downloaded back. Every text that comes from a user or a file is shown inert: escaped
with :func:`analysis.links.inert_markdown`, or inside a table.
"""

import datetime as dt
import html
import logging

import polars as pl
import streamlit as st

from analysis.blocks import tidy_view
from analysis.checks import APPROXIMATELY, DIFFERS, LOWER_BOUND, OK, consistency_checks
from analysis.dutch import fmt_int
from analysis.intake import (
    MAX_UPLOAD_BYTES,
    YEAR_FIELD_RANGE,
    Finding,
    IntakeResult,
    area_changes,
    compare_years,
    year_from_name,
)
from analysis.intake.wording import upload_limit, upload_refused
from analysis.links import inert_markdown, share_link
from analysis.template import template_workbook
from analysis.trends import changed_first, comparison_display
from analysis.year_intake import paste_findings_text
from components import data
from components.controls import bound, known
from components.frame import YEAR_KEY as FRAME_YEAR_KEY
from components.share import expect_link_values
from components.store import secret
from components.streamlit_internals import testid
from storage.years import (
    NO_ORGANISATION_TEXT,
    ORGANISATIONS,
    SAVING_OFF_TEXT,
    SECRET_KEY,
    WRONG_KEY_TEXT,
    YearStoreError,
    added_text,
    clean_file_name,
    configured_key,
    key_matches,
    saved_years_table,
    size_text,
)

TEMPLATE_NAME = "ketendialoog_sjabloon.xlsx"
PASTE_NAME = "geplakte_tabellen.txt"

YEAR_KEY = "jaartal"
INPUT_KEY = "invoer"
PREVIEW_KEY = "voorbeeld"
PASTE_KEY = "plak"
PASTE_KEEP = "_plak_bewaard"
TEXT_UPLOAD_KEY = "tekstbestand"
EXCEL_UPLOAD_KEY = "excelbestand"
CANDIDATE_KEY = "_nieuw_jaar_kandidaat"
MESSAGE_KEY = "_nieuw_jaar_melding"
ORGANISATION_KEY = "organisatie"
SECRET_INPUT_KEY = "beheersleutel_invoer"

logger = logging.getLogger(__name__)

SOURCE_PASTE = "plakken"
SOURCE_FILE = "bestand"

INPUT_TABS = ["Plakken", "Tekstbestand (.txt, .csv, .tsv)", "Excel-sjabloon (.xlsx)"]
PREVIEW_TABS = ["Vergelijking met het jaar ervoor", "Nette tabel", "Controles op samenhang"]


# -- shared bits ------------------------------------------------------------------------


def inert_notes(notes: list[str], icon: str = ":material/compare_arrows:") -> None:
    """Show notes that may quote user text as info boxes, escaped so that nothing in them is markup."""
    for note in notes:
        st.info(inert_markdown(note), icon=icon)


def no_second_year() -> None:
    """Say that no later year is loaded, and where to add one."""
    st.caption(
        "Er is nog maar één jaar met tabellen geladen. Voeg de cijfers van een volgend jaar toe; dan staat hier "
        "per indicator de verandering ten opzichte van het jaar ervoor, met exacte marges."
    )
    st.page_link("pages/nieuw-jaar.py", label="Nieuw jaar toevoegen", icon=":material/upload_file:")


@st.cache_data(show_spinner=False, max_entries=4)
def _template(structure: pl.DataFrame) -> bytes:
    return template_workbook(structure)


def template_section(structure: pl.DataFrame) -> None:
    """The instruction paragraph and the download of the empty template workbook."""
    st.markdown(
        "Het sjabloon is een Excel-werkmap met een tabblad per blok van het dashboard (de vijf districten, het "
        "eenheidstotaal, casustafels, CoMensHa, B8-aangiftes en AZC's) en een tabblad 'Uitleg'. Neem de "
        "getallen over zoals het dashboard ze publiceert: een heel getal, '?' als een partij geen opgave deed, "
        "'-' als iets niet van toepassing is, en laat een vak leeg als er niets aan die gemeente te koppelen is "
        "(dat is iets anders dan 0). Laat de namen in kolom A en in de kopregel staan. Werk je liever met de "
        "tabellen als tekst, kopieer ze dan uit Excel of uit het dashboard en plak ze hieronder, blok na blok "
        "met een lege regel ertussen."
    )
    st.download_button(
        "Download het lege sjabloon (.xlsx)",
        data=_template(structure),
        file_name=TEMPLATE_NAME,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
        key="sjabloon_download",
    )


# -- input ------------------------------------------------------------------------------


def _keep_paste() -> None:
    st.session_state[PASTE_KEEP] = st.session_state.get(PASTE_KEY, "")


def _take_paste() -> None:
    text = st.session_state.get(PASTE_KEY, "") or ""
    st.session_state[PASTE_KEEP] = text
    st.session_state[CANDIDATE_KEY] = {
        "bron": SOURCE_PASTE,
        "naam": PASTE_NAME,
        "inhoud": text.encode("utf-8"),
    }
    st.session_state.pop(MESSAGE_KEY, None)


def _take_upload(key: str) -> None:
    upload = st.session_state.get(key)
    if upload is None:
        return
    name = str(upload.name)
    st.session_state[CANDIDATE_KEY] = {"bron": SOURCE_FILE, "naam": name, "inhoud": bytes(upload.getvalue())}
    st.session_state.pop(MESSAGE_KEY, None)
    year = year_from_name(name)
    if year is not None:
        st.session_state[YEAR_KEY] = year


def year_field(default: int) -> int:
    """The year of the new figures; an uploaded file's name with a year in it fills it in."""
    options = {"value": default} if YEAR_KEY not in st.session_state else {}
    field, _ = st.columns([1, 3])
    year = bound(
        field.number_input,
        "Jaar van de cijfers",
        min_value=YEAR_FIELD_RANGE[0],
        max_value=YEAR_FIELD_RANGE[1],
        step=1,
        key=YEAR_KEY,
        help="Staat het jaar in de bestandsnaam (zoals dashboard_2023.xlsx), dan vult de app het zelf in.",
        **options,
    )
    return int(year)


def input_tabs(paste_example: str) -> None:
    """Three ways in: paste the tables, upload them as text, or upload the filled-in template.

    ``paste_example`` is the placeholder of the paste box (made from the latest year's tables).
    """
    known(PREVIEW_KEY)  # the preview's tabs show only once the figures pass the check
    expect_link_values(PREVIEW_KEY, PREVIEW_TABS)  # ... but a value that is no tab is still named
    if PASTE_KEY not in st.session_state and PASTE_KEEP in st.session_state:
        st.session_state[PASTE_KEY] = st.session_state[PASTE_KEEP]
    paste, text_file, excel = bound(st.tabs, INPUT_TABS, key=INPUT_KEY)
    with paste:
        st.text_area(
            "Tabellen als tekst",
            key=PASTE_KEY,
            height=240,
            on_change=_keep_paste,
            placeholder=paste_example,
            help="Kopieer de blokken uit Excel (of uit het dashboard) en plak ze hier; kolommen gescheiden door "
            "tabs, blokken door een lege regel. Wat je plakt blijft staan, ook als er fouten in zitten.",
        )
        st.button(
            "Controleer de geplakte tabellen", key="controleer_plak", on_click=_take_paste, type="primary"
        )
    with text_file:
        upload_box(
            "Tekstbestand met de tabellen",
            TEXT_UPLOAD_KEY,
            "Tab-gescheiden tekst zoals de gepubliceerde opmaak, of CSV met ';' of ','.",
        )
    with excel:
        upload_box(
            "Ingevuld Excel-sjabloon",
            EXCEL_UPLOAD_KEY,
            "Het sjabloon van hierboven, ingevuld en opgeslagen als Excel-werkmap (.xlsx).",
        )


def _css_text(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _upload_box_html(key: str) -> str:
    """The Dutch message of one upload box, shown only while the box holds a refused file, and its style.

    Streamlit's upload box refuses a file over ``server.maxUploadSize`` (set to the app's
    own limit in ``.streamlit/config.toml``) before the app sees it, with English in a
    tooltip ("File must be 5.0MB or smaller."). Any file type is passed on (the app names a
    wrong type in Dutch), so 'too large' is the only refusal left to the box. Its English
    is hidden and this message shows instead; the English limit under the button becomes
    Dutch too.
    """
    box = f".st-key-{key}_vak"
    chip, hover = testid("file_chip"), testid("error_hover")
    style = f"""<style>
{box} .upload-geweigerd {{ display: none; }}
{box}:has({chip}[aria-invalid="true"]) .upload-geweigerd {{
  display: block; padding: 0.75rem 1rem; border-radius: 0.5rem;
  background: rgba(255, 43, 43, 0.09); color: #7d353b; line-height: 1.5;
}}
{box} {chip}[aria-invalid="true"] [role="alert"] {{ display: none; }}
{box} {hover} {{ pointer-events: none; }}
{box} {testid("file_chip_delete")} {{ pointer-events: auto; }}
{box} {testid("upload_instructions")} span {{ font-size: 0; }}
{box} {testid("upload_instructions")} span::after {{
  content: {_css_text(upload_limit(MAX_UPLOAD_BYTES))}; font-size: 0.875rem;
}}
</style>"""
    message = html.escape(upload_refused(MAX_UPLOAD_BYTES))
    return f'{style}<div class="upload-geweigerd" role="alert">{message}</div>'


def upload_box(label: str, key: str, help_text: str) -> None:
    """An upload box for the new year's tables that says everything in Dutch, also a refusal.

    The limit is Streamlit's ``server.maxUploadSize``, equal to the app's own
    ``MAX_UPLOAD_BYTES`` (a test checks); a file over it never reaches the server.
    """
    with st.container(key=f"{key}_vak"):
        st.file_uploader(label, key=key, on_change=_take_upload, args=(key,), help=help_text)
        st.html(_upload_box_html(key))


def candidate() -> dict | None:
    """What was handed in last (pasted or uploaded): source, name and the bytes, unchanged."""
    return st.session_state.get(CANDIDATE_KEY)


# -- checks and preview -------------------------------------------------------------------


def _message(finding: Finding, source: str) -> str:
    text = paste_findings_text(finding.message) if source == SOURCE_PASTE else finding.message
    return inert_markdown(text)


def check_section(handed_in: dict, year: int, result: IntakeResult) -> None:
    """What was checked, the original to download back, and the errors and warnings, apart."""
    name, content, source = handed_in["naam"], handed_in["inhoud"], handed_in["bron"]
    what = "geplakte tekst" if source == SOURCE_PASTE else "bestand"
    st.markdown(
        f"Gecontroleerd als de cijfers van **{year}**: {what} {inert_markdown(name)} ({size_text(len(content))})."
    )
    st.download_button(
        "Download wat je aanleverde, onveranderd",
        data=content,
        file_name=clean_file_name(name),
        mime="application/octet-stream",
        icon=":material/download:",
        on_click="ignore",
        key="origineel_download",
    )
    if result.errors:
        count = len(result.errors)
        st.markdown(
            f"**{count} {'fout' if count == 1 else 'fouten'}**: zo kan de app de cijfers niet gebruiken. Herstel "
            f"{'hem' if count == 1 else 'ze'} en controleer opnieuw; {'de geplakte tekst blijft' if source == SOURCE_PASTE else 'het bestand blijft'} "
            "staan."
        )
        for finding in result.errors:
            st.error(_message(finding, source), icon=":material/error:")
    elif result.tidy is not None:
        st.success(
            f"Geen fouten: de app kan de cijfers van {year} lezen ({fmt_int(result.tidy.height)} vakken). "
            "Bekijk het voorbeeld hieronder voordat je ze gebruikt.",
            icon=":material/check_circle:",
        )
    if result.warnings:
        count = len(result.warnings)
        st.markdown(
            f"**{count} {'waarschuwing' if count == 1 else 'waarschuwingen'}** om na te kijken; "
            f"{'die houdt' if count == 1 else 'die houden'} het jaar niet tegen."
        )
        for finding in result.warnings:
            st.warning(_message(finding, source), icon=":material/warning:")


def _checks_summary(checks: pl.DataFrame) -> str:
    held = checks.filter(pl.col("uitkomst") == OK).height
    differs = checks.filter(pl.col("uitkomst") == DIFFERS).height
    lower = checks.filter(pl.col("uitkomst") == LOWER_BOUND).height
    approx = checks.filter(pl.col("uitkomst") == APPROXIMATELY).height
    return (
        f"{fmt_int(held)} van {fmt_int(checks.height)} controles kloppen; {fmt_int(differs)} wijken af, "
        f"{fmt_int(lower)} totalen zijn een ondergrens (er zit een '?' in), {fmt_int(approx)} klopt bij benadering. "
        "Een afwijking is een waarschuwing, geen fout: de app neemt de gepubliceerde cijfers over zoals ze zijn."
    )


def preview(result: IntakeResult, previous: pl.DataFrame | None) -> None:
    """The new year before it is used: against the year before, as a tidy table, and every check."""
    new = result.tidy
    if new is None:
        return
    compare_tab, tidy_tab, checks_tab = bound(st.tabs, PREVIEW_TABS, key=PREVIEW_KEY)
    with compare_tab:
        if previous is None:
            st.caption("Er is geen eerder jaar met tabellen geladen om mee te vergelijken.")
        else:
            old_year, new_year = int(previous["jaar"][0]), int(new["jaar"][0])
            comparison = compare_years(new, previous)
            changed = changed_first(comparison)
            st.markdown(
                f"**{fmt_int(changed.height)} van {fmt_int(comparison.height)} totalen** (eenheid, districten, "
                f"casustafels, CoMensHa, B8) verschillen tussen {old_year} en {new_year}."
            )
            if not changed.is_empty():
                st.dataframe(comparison_display(changed), hide_index=True, width="stretch")
            with st.expander(f"Alle totalen naast elkaar ({fmt_int(comparison.height)})"):
                st.dataframe(comparison_display(comparison), hide_index=True, width="stretch")
            st.caption(
                "Verhouding = nieuw / vorig jaar, met marge: omvat die 1, dan is het verschil niet te onderscheiden "
                "van toeval. 'minstens' en 'ondergrens': een deel gaf geen opgave ('?')."
            )
            changes = area_changes(new, previous)
            if changes:
                st.markdown("**Gemeenten die anders in de tabellen staan dan het jaar ervoor**")
                inert_notes([c.message for c in changes])
            else:
                st.caption(f"Elk district noemt dezelfde gemeenten apart als in {old_year}.")
    with tidy_tab:
        st.dataframe(tidy_view(new), hide_index=True, width="stretch")
        st.caption(f"{fmt_int(new.height)} vakken. 'leeg', '?' en '-' zijn geen 0.")
    with checks_tab:
        checks = consistency_checks(new, data.context())
        st.markdown(_checks_summary(checks))
        st.dataframe(
            checks.select(
                "onderwerp",
                "soort",
                "omschrijving_a",
                "waarde_a",
                "omschrijving_b",
                "waarde_b",
                "verschil",
                "uitkomst",
                "toelichting",
            ),
            hide_index=True,
            width="stretch",
        )


# -- use and save ---------------------------------------------------------------------------


def _say(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = {"soort": kind, "tekst": text}


def show_message() -> None:
    """The outcome of the last 'use' or 'save' click, once.

    These messages are the app's own words (years, the organisation types of the fixed
    list, store errors); they quote nothing a user typed or uploaded.
    """
    message = st.session_state.pop(MESSAGE_KEY, None)
    if not message:
        return
    shown = message["tekst"]
    if message["soort"] == "ok":
        st.success(shown, icon=":material/check_circle:")
    else:
        st.error(shown, icon=":material/error:")


def _checked_candidate(year: int) -> tuple[dict, str] | None:
    handed_in = candidate()
    if handed_in is None:
        _say("fout", "Er is niets om te gebruiken: plak of upload eerst de tabellen en laat ze controleren.")
        return None
    result = data.check(handed_in["naam"], handed_in["inhoud"], year)
    layout = data.upload_layout(handed_in["naam"], handed_in["inhoud"])
    if not result.ok or layout is None:
        _say("fout", f"De cijfers van {year} hebben nog fouten; herstel die eerst.")
        return None
    return handed_in, layout


def _until_text(iso: str | None) -> str:
    """'7 december 2026 om 14:05 (UTC)' from the stored ISO time, or '' without one."""
    if not iso:
        return ""
    return added_text(dt.datetime.fromisoformat(iso))


def session_link(year: int, token: str) -> str:
    """The link that opens the app's start page with this session year chosen (from any browser)."""
    base = (st.context.url or "").split("?", 1)[0]
    root = base.rsplit("/", 1)[0] + "/" if base.rstrip("/").count("/") > 2 else base
    return share_link(root, {FRAME_YEAR_KEY: [str(year)], data.LINK_KEY: [token]})


def _use(year: int) -> None:
    checked = _checked_candidate(year)
    if checked is None:
        return
    handed_in, layout = checked
    organisation = st.session_state.get(ORGANISATION_KEY) or ""
    held = data.add_session_year(year, layout, handed_in["naam"], handed_in["inhoud"], organisation)
    st.session_state[FRAME_YEAR_KEY] = year
    if held:
        until = _until_text(data.session_year_until(year))
        _say(
            "ok",
            f"{year} is nu beschikbaar in jouw sessie en gekozen als jaar in de zijbalk: elke pagina toont nu de "
            f"cijfers van {year}. Ze zijn niet gepubliceerd: alleen wie de link heeft ziet ze, tot {until}. De link "
            "staat hieronder en in de adresbalk; hij werkt ook na het herladen en in een andere browser.",
        )
    else:
        _say(
            "ok",
            f"{year} is nu beschikbaar in jouw sessie en gekozen als jaar in de zijbalk. De database antwoordt nu "
            "niet, dus er is geen link die blijft: na het herladen van de pagina of in een andere browser is het "
            "jaar er niet.",
        )


def saving_configured() -> bool:
    """True when a facilitator key is configured on this server."""
    return configured_key(secret=secret(SECRET_KEY)) is not None


def _save(year: int, replaces: int | None = None) -> None:
    given = st.session_state.get(SECRET_INPUT_KEY) or ""
    st.session_state[SECRET_INPUT_KEY] = ""  # never keep the key around
    if not key_matches(given, configured_key(secret=secret(SECRET_KEY))):
        logger.warning("Saving year %d refused: wrong facilitator key", year)
        _say("fout", WRONG_KEY_TEXT)
        return
    organisation = st.session_state.get(ORGANISATION_KEY)
    if organisation not in ORGANISATIONS:
        _say("fout", NO_ORGANISATION_TEXT)
        return
    checked = _checked_candidate(year)
    if checked is None:
        logger.info("Saving year %d refused: the figures have errors", year)
        return
    handed_in, layout = checked
    try:
        info = data.store().save(
            year, handed_in["inhoud"], handed_in["naam"], layout, organisation, replaces=replaces
        )
    except YearStoreError as error:
        _say("fout", str(error))
        return
    except Exception as error:  # the database could not be opened at all
        logger.error("Year store: saving year %d failed: %s", year, type(error).__name__)
        _say(
            "fout",
            "Opslaan is niet gelukt: de database is nu niet bereikbaar. Er is niets opgeslagen. Probeer het zo "
            "opnieuw.",
        )
        return
    data.drop_session_year(year)
    st.session_state[FRAME_YEAR_KEY] = year
    what = (
        f"versie {info.version} van {year} (vervangt versie {info.version - 1})"
        if info.version > 1
        else str(year)
    )
    _say(
        "ok",
        f"{what[0].upper()}{what[1:]} is opgeslagen voor iedereen, toegevoegd door {info.organisation} op "
        f"{added_text(info.added)}. Het staat in de database die alle servers van deze app delen, en bij elke "
        "bezoeker in de jaarkeuze zodra die iets aanklikt of de pagina opnieuw laadt.",
    )


def use_section(year: int) -> None:
    """'Gebruik voor mijn sessie' (with a 7-day link) and 'Opslaan voor iedereen' (with the facilitator key).

    A year that is already saved can get a correction: a new version that names the one it
    replaces; the earlier version stays in the store.
    """
    show_message()
    handed_in = candidate()
    layout = data.upload_layout(handed_in["naam"], handed_in["inhoud"]) if handed_in else None
    session = data.session_years()
    in_session = year in session and session[year].layout == layout
    saved_layout = data.saved_layouts().get(year)
    saved = saved_layout == layout and layout is not None
    newest = data.saved_infos().get(year)
    st.selectbox(
        "Wie voegt dit jaar toe?",
        ORGANISATIONS,
        index=None,
        placeholder="Kies het soort organisatie",
        key=ORGANISATION_KEY,
        help="Wordt bij een opgeslagen jaar bewaard, met het tijdstip.",
    )
    own, everyone = st.columns(2, gap="large", border=True)
    with own:
        st.markdown("**Voor mijn sessie**")
        st.caption(
            "Meteen te gebruiken op elke pagina. Niet gepubliceerd: de cijfers staan 7 dagen achter een link "
            "die alleen jij hebt, en verschijnen niet in de jaarkeuze van anderen."
        )
        if in_session:
            token = session[year].token
            if token:
                until = _until_text(data.session_year_until(year))
                st.markdown(
                    f"{year} is in gebruik in jouw sessie. **Niet gepubliceerd**; deze link werkt tot {until}:"
                )
                st.code(session_link(year, token), language=None, wrap_lines=True)
            else:
                st.markdown(
                    f"{year} is in gebruik in jouw sessie, alleen in deze browser (geen blijvende link)."
                )
        st.button(
            "Gebruik voor mijn sessie",
            key="gebruik_sessie",
            on_click=_use,
            args=(year,),
            type="primary",
            disabled=in_session or saved,
        )
    with everyone:
        st.markdown("**Voor iedereen**")
        if saved:
            st.markdown(f"{year} is opgeslagen voor iedereen.")
        elif not saving_configured():
            st.info(SAVING_OFF_TEXT, icon=":material/lock:")
        elif newest is not None:
            st.caption(
                f"{year} is al opgeslagen (versie {newest.version}, {added_text(newest.added)}). Zijn dit verbeterde "
                f"cijfers, sla ze dan op als correctie: dat wordt versie {newest.version + 1}. De eerdere versie "
                "blijft bewaard; de app toont de nieuwste."
            )
            st.text_input("Beheersleutel", type="password", key=SECRET_INPUT_KEY, autocomplete="off")
            st.button("Sla op als correctie", key="opslaan_correctie", on_click=_save, args=(year, newest.id))
        else:
            st.caption("Alleen met de beheersleutel. Een opgeslagen jaar wordt nooit overschreven.")
            st.text_input("Beheersleutel", type="password", key=SECRET_INPUT_KEY, autocomplete="off")
            st.button("Opslaan voor iedereen", key="opslaan_iedereen", on_click=_save, args=(year,))


def saved_section() -> None:
    """Every saved version with who added it and when; broken ones with their Dutch message; session years."""
    if data.store_down():
        st.warning(data.STORE_DOWN_TEXT, icon=":material/cloud_off:")
    listing = data.saved_listing()
    if listing:
        st.dataframe(
            saved_years_table(listing, data.bundled_years(), data.saved_problems()),
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("Er zijn nog geen jaren opgeslagen voor iedereen.")
    for problem in data.saved_problems().values():
        st.error(inert_markdown(problem), icon=":material/broken_image:")
    session = data.session_years()
    if session:
        st.markdown("**Alleen in jouw sessie (niet gepubliceerd)**")
        for year, entry in sorted(session.items()):
            st.download_button(
                f"{year}: download het origineel ({inert_markdown(entry.file_name)})",
                data=entry.original,
                file_name=clean_file_name(entry.file_name),
                mime="application/octet-stream",
                on_click="ignore",
                key=f"sessie_origineel_{year}",
            )
