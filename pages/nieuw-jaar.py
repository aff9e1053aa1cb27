"""Hoe komen de cijfers van een nieuw jaar erin? Paste or upload, check, preview, use for the session, save."""

import streamlit as st

from analysis.questions import for_page
from analysis.year_intake import intake_answer, intake_caveats, intake_prompts, paste_placeholder
from components import data
from components.frame import current_selection
from components.page import caveats, discussion_prompts, question_header
from components.year_views import (
    candidate,
    check_section,
    input_tabs,
    preview,
    saved_section,
    show_message,
    template_section,
    use_section,
    year_field,
)

QUESTION = for_page(__file__)

selection = current_selection()
loaded = data.years()
latest = data.tidy(loaded[-1])
session = sorted(data.session_years())
saved = sorted(y for y in data.saved_layouts() if y not in data.bundled_years() and y not in session)

question_header(QUESTION.title, intake_answer(data.bundled_years(), saved, session))

st.subheader("1. Het sjabloon")
template_section(latest)

st.subheader("2. De cijfers aanleveren")
year = year_field(default=loaded[-1] + 1)
input_tabs(paste_placeholder(latest))

st.subheader("3. Controle en voorbeeld")
handed_in = candidate()
if handed_in is None:
    st.caption("Nog niets aangeleverd. Plak de tabellen en klik op 'Controleer', of upload een bestand.")
else:
    result = data.check(handed_in["naam"], handed_in["inhoud"], year)
    check_section(handed_in, year, result)
    if result.ok:
        previous = data.previous_year(year)
        preview(result, data.tidy(previous) if previous is not None else None)
        st.subheader("4. Gebruiken")
        use_section(year)
    else:
        show_message()

st.subheader("Opgeslagen jaren")
saved_section()

caveats("Waar je op moet letten", intake_caveats())
discussion_prompts(intake_prompts(latest, loaded[-1] + 1))
