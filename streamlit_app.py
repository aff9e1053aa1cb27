"""Ketendialoog mensenhandel: entry point with the shared frame and navigation."""

from pathlib import Path

import streamlit as st

from analysis.questions import APP_TITLE, START, Question, by_section
from components import accessibility, deck, hosting, presentation, presenter
from components.controls import start_recording
from components.frame import (
    data_files_ok,
    footer,
    not_found_page,
    reload_notice,
    sidebar_choices,
    start_over_after_reload,
)
from components.share import link_notice, remember_given_link, share_box

HERE = Path(__file__).resolve().parent

st.set_page_config(
    page_title=APP_TITLE,
    page_icon=":material/forum:",
    layout="wide",
)


# Every page comes from the question registry; each file in pages/ is named after its slug
# (its url_path). Until the first run of this entry point, Streamlit resolves a deep link
# against the files in pages/ by name; matching names keep a cold deep link from showing
# "page not found" (see components/streamlit_internals.py).
def _page(question: Question) -> st.Page:
    """The navigation entry of one registry question (the start page is the default, at the root)."""
    file = HERE / question.page_file
    if question.slug == START:
        return st.Page(file, title=question.label, icon=question.icon, default=True)
    return st.Page(file, title=question.label, icon=question.icon, url_path=question.url_path)


sections = {
    section: [_page(question) for question in pages] for section, pages in by_section().items() if pages
}
# An unknown address gets the app's own Dutch 'Pagina niet gevonden' (a hidden page at that address).
lost = not_found_page([page for pages in sections.values() for page in pages])
if lost is not None:
    next(iter(sections.values())).append(lost)
# The app draws the menu itself (Streamlit's sectioned menu is an invalid list for screen readers),
# declares the page Dutch and sets its caption grey and focus outline: components/accessibility.py.
navigation = st.navigation(sections, position="hidden")
# A tab open across a server restart (or a crafted message) brings widget states this session
# never drew: start over once, with a Dutch notice, instead of failing on them. After
# st.navigation (which draws no widget), so the run starts over on the page that was asked for.
start_over_after_reload()
accessibility.page_setup()
# On the projector the sidebar is out of sight, so its menu is not drawn: a step to the next question
# (a page switch) then does not build the menu's ten links in the browser (docs/performance.md, Dia's).
if not presentation.is_on():
    accessibility.sidebar_navigation(sections)
# A missing or broken data file: one Dutch page naming it, on every address, instead of tracebacks.
if not data_files_ok():
    st.stop()
remember_given_link()
start_recording()
sidebar_choices()
presentation.sidebar_toggle()
reload_notice()
# Where things are kept: the 'niet blijvend' banner, a session year's 'niet gepubliceerd', a gone link.
hosting.notices()
notice_slot = st.empty()
# The deck: on the laptop nothing changes; in presentation mode the page shows one slide, and the
# presenter view (deck=CODE) draws its panel above it and drives the projector window.
window = deck.frame(navigation.url_path)
if window is deck.Mode.LAPTOP:
    presenter.start_button(navigation.url_path)
elif window is deck.Mode.PRESENTER:
    presenter.frame(navigation.url_path)
navigation.run()
link_notice(notice_slot)
if not window.projected:
    share_box()
    footer()
