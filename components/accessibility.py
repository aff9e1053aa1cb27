"""What every page needs for WCAG 2.1 AA that Streamlit does not give by itself.

- The page declares Dutch (``lang="nl"``): Streamlit 1.67 serves ``<html lang="en">`` and
  has no option for it (streamlit/streamlit#15726), so a small script sets it; the same
  script puts Streamlit's own English labels ("Help for ...", "Download as PNG") in Dutch.
- The sidebar navigation is drawn with ``st.page_link`` under plain section headings:
  Streamlit's own sectioned menu puts ``<div>`` elements straight inside its ``<ul>``
  (axe rules ``list`` and ``listitem``, WCAG 1.3.1).
- Code boxes (links to copy) wrap instead of scrolling sideways, and a chart wider than
  its column shrinks to fit (200% zoom, WCAG 1.4.10).
- Captions get a grey that reaches 4.5:1 (Streamlit draws them in the text colour at 60%
  opacity: 4.2:1; the app's grey is fully opaque), and every control that has the keyboard focus gets a visible outline.

The colours come from :mod:`analysis.palette`, where their contrast is tested. The style
names Streamlit's ``data-testid`` values ``stCaptionContainer``, ``stCode``, ``stVegaLiteChart``
and ``stLayoutWrapper``; the browser test
``tests/browser/test_accessibility.py`` fails if an upgrade renames them (axe then finds the
old contrast again).
"""

import html
import json
from collections.abc import Mapping, Sequence

import streamlit as st

from analysis.palette import CAPTION_COLOR, FOCUS_COLOR
from components.deck import FOCUS_KEY

#: The language of every page (BCP 47).
LANGUAGE = "nl"
#: The key of the container that holds the language script (hidden: it takes no room).
_SCRIPT_KEY = "toegankelijkheid-taal"
#: The key of the sidebar's navigation block.
NAV_KEY = "navigatie"

_STYLE = f"""
<style>
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] p {{
  color: {CAPTION_COLOR}; opacity: 1; }}
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[role="slider"]:focus-visible, [role="switch"]:focus-visible, input:focus-visible,
textarea:focus-visible, [tabindex]:focus-visible {{
  outline: 3px solid {FOCUS_COLOR} !important; outline-offset: 2px; }}
.st-key-{_SCRIPT_KEY}, [data-testid="stLayoutWrapper"]:has(> .st-key-{_SCRIPT_KEY}),
.st-key-{FOCUS_KEY}, [data-testid="stLayoutWrapper"]:has(> .st-key-{FOCUS_KEY}) {{ display: none; }}
/* Code boxes (a link to copy) wrap instead of scrolling sideways: a scrolling box the keyboard cannot
   reach (axe: scrollable-region-focusable), and cut-off text at 200% zoom (WCAG 1.4.10). */
[data-testid="stCode"] pre, [data-testid="stCode"] pre code {{
  white-space: pre-wrap !important; overflow-wrap: anywhere; overflow-x: visible !important; }}
/* A chart wider than its column (small multiples at 200% zoom) shrinks to fit instead of being cut
   off or scrolling sideways (WCAG 1.4.10); Vega's SVG keeps its proportions (it has a viewBox). */
[data-testid="stVegaLiteChart"] svg.marks {{ max-width: 100%; height: auto; }}
/* The shortcut hint in a button ("PageDown"): Streamlit draws it at 60% opacity (4.2:1 on a white
   button, 3.4:1 on the blue one); at 85% it reads 9.5:1 and 5.1:1. */
.stApp button kbd {{ opacity: 0.85 !important; }}
/* The slide that gets the focus after a step (components/deck.focus_script) is no control: no ring. */
[class*="st-key-dia-deel-"]:focus {{ outline: none !important; }}
.st-key-{NAV_KEY} h3 {{ font-size: 0.85rem; font-weight: 600; padding: 0.6rem 0 0 0; margin: 0; }}
</style>
"""

#: Streamlit's own English labels (aria-label, title, placeholder, a link's text) in Dutch, so a
#: screen reader on this Dutch page does not read English words with a Dutch voice (WCAG 3.1.2).
DUTCH_LABELS: dict[str, str] = {
    "Skip to main content": "Naar de inhoud",
    "Collapse sidebar": "Zijbalk inklappen",
    "Expand sidebar": "Zijbalk uitklappen",
    "Sidebar": "Zijbalk",
    "Link to heading": "Link naar deze kop",
    "Choose an option": "Kies een optie",
    "Choose date": "Kies een datum",
    "Clear all": "Alles wissen",
    "Selected values": "Gekozen waarden",
    "Increment": "Hoger",
    "Decrement": "Lager",
    "Open": "Openen",
    "Search": "Zoeken",
    "Scroll tabs right": "Tabbladen naar rechts",
    "Scroll tabs left": "Tabbladen naar links",
    "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten",
    "Show data": "Gegevens tonen",
    "Download as PNG": "Downloaden als PNG",
    "Download as CSV": "Downloaden als CSV",
    "Copy Vega-Lite spec": "Vega-Lite-specificatie kopiëren",
    "Show/hide columns": "Kolommen tonen of verbergen",
    "Copy to clipboard": "Kopiëren",
}
#: Labels that start with a word and end with the widget's own (Dutch) label.
DUTCH_PREFIXES: dict[str, str] = {
    "Help for ": "Uitleg bij ",
    "Remove ": "Verwijder ",
    "Shortcut ": "Sneltoets ",
}

_LANG_SCRIPT = (
    "<script>(() => {"
    f' document.documentElement.setAttribute("lang", "{LANGUAGE}");'
    " if (window.__ketendialoogNl) return; window.__ketendialoogNl = true;"
    f" const exact = {json.dumps(DUTCH_LABELS)}; const prefixes = Object.entries({json.dumps(DUTCH_PREFIXES)});"
    " const dutch = (text) => { if (!text) return null; if (exact[text]) return exact[text];"
    "   for (const [en, nl] of prefixes) if (text.startsWith(en)) return nl + text.slice(en.length); return null; };"
    " const translate = () => { for (const el of document.querySelectorAll('[aria-label]:not(svg *), [title]:not(svg *), [placeholder]')) {"
    "   for (const name of ['aria-label', 'title', 'placeholder']) { const nl = dutch(el.getAttribute(name));"
    "     if (nl) el.setAttribute(name, nl); } }"
    "   for (const el of document.querySelectorAll('a, button')) { if (el.children.length === 0) {"
    "     const nl = dutch(el.textContent.trim()); if (nl) el.textContent = nl; } } };"
    " let queued = false; const later = () => { if (!queued) { queued = true;"
    "   requestAnimationFrame(() => { queued = false; translate(); }); } };"
    " new MutationObserver(later).observe(document.body,"
    "   {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'title', 'placeholder']});"
    " translate(); })();</script>"
)


def page_setup() -> None:
    """Declare the page Dutch and apply the contrast and focus style (call once per run, from the entry point)."""
    st.html(_STYLE)
    with st.sidebar, st.container(key=_SCRIPT_KEY):
        st.html(_LANG_SCRIPT, unsafe_allow_javascript=True)


def sidebar_navigation(sections: Mapping[str, Sequence[st.Page]]) -> None:
    """The pages as links under their section's heading, in the sidebar (visible pages only).

    Use with ``st.navigation(..., position="hidden")``: the links are real ``<a>`` elements
    that the keyboard reaches with Tab, and the current page is marked.
    """
    with st.sidebar, st.container(key=NAV_KEY), st.container(gap="small"):
        for section, pages in sections.items():
            shown = [page for page in pages if page.visibility == "visible"]
            if not shown:
                continue
            # A plain heading (not st.subheader: no anchor link to tab through, and not one of the page's headers).
            st.html(f"<h3>{html.escape(section)}</h3>")
            for page in shown:
                st.page_link(page)
