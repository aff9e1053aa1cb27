"""The presenter view: the facilitator's own window, which drives the projector.

The facilitator starts a deck from the sidebar ('Presenteren met twee vensters'). This
window then becomes the presenter view (``?deck=CODE``): the steps through the deck with
the same keys as on the projector (PageDown / PageUp, → / ←), the slide on the screen now
and the next one, the facilitator's note, a clock against the route's minutes, and the
link for the projector window (``?presentatie=1&deck=CODE``: the code only, never the key).
Below that the page shows the current slide as the room sees it, with the caveats.

Every step is written to the store (:mod:`storage.deck`); the projector polls it and
follows. The key stays in this browser session; after a reload the facilitator types it
again. :func:`console` takes the slide and the deck, so another screen (the werksessie
console) can reuse it.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.questions import START, route
from components import deck, presentation, werksessie_deck
from storage import StoreError
from storage.deck import DeckPosition, DeckStore

#: Session key: the decks this browser session started or unlocked, {code: key}.
_KEYS = "_dia_sleutels"
_KEY_FIELD = "_dia_sleutel_invoer"
#: How often the clock is redrawn (a fragment rerun): often enough to see it run, seldom enough to stay quiet.
CLOCK_SECONDS = 5
UNAVAILABLE = (
    "De database is nu niet bereikbaar, dus een tweede venster kan niet meelopen. Presenteer in één venster "
    "met de Presentatiemodus in de zijbalk."
)


def _keys() -> dict[str, str]:
    return dict(st.session_state.get(_KEYS, {}))


def _remember(code: str, key: str) -> None:
    st.session_state[_KEYS] = {**_keys(), code: key}


def start_button(url_path: str) -> None:
    """The sidebar button that starts a deck at this page (or the start) and opens the presenter view."""
    if st.sidebar.button(
        "Presenteren met twee vensters",
        key="dia_starten",
        icon=":material/cast:",
        help="Dit venster wordt de regie (met notities en klok); een tweede venster op de beamer volgt vanzelf.",
    ):
        start_deck(url_path, st.sidebar)


def start_deck(url_path: str, where: st.delta_generator.DeltaGenerator, session: str = "") -> None:
    """Start a deck at this page (or the start) and open the presenter view, carrying werksessie ``session``."""
    deck_store = deck.store()
    if deck_store is None:
        where.error(UNAVAILABLE, icon=":material/cloud_off:")
        return
    slide = deck.slide_for(url_path or START, 1) or deck.slides()[0]
    try:
        code, key = deck_store.start(slide.question.slug, slide.number)
    except StoreError as exc:
        where.error(exc.message, icon=":material/cloud_off:")
        return
    _remember(code, key)
    st.session_state[deck.SLIDE_KEY] = slide.number
    params = deck.carry({deck.DECK_PARAM: code})
    if session:
        params[werksessie_deck.SESSION_PARAM] = session
    st.switch_page(slide.question.page_file, query_params=params)


def app_root(url_path: str) -> str:
    """The app's root address as this browser sees it (for the projector link)."""
    url = (st.context.url or "http://localhost:8501").split("?", 1)[0].rstrip("/")
    return url.removesuffix(f"/{url_path}") if url_path else url


def projector_link(root: str, code: str, session: str = "") -> str:
    """The link for the projector window: presentation mode, the deck's code and the werksessie's; no key."""
    link = f"{root}/?{presentation.PARAM}=1&{deck.DECK_PARAM}={code}"
    return f"{link}&{werksessie_deck.SESSION_PARAM}={session}" if session else link


def frame(url_path: str) -> None:
    """Draw the presenter view above the page (or ask for the key); stops the run when it cannot go on."""
    code = deck.deck_code()
    deck_store = deck.store()
    if deck_store is None:
        st.error(UNAVAILABLE, icon=":material/cloud_off:")
        return
    key = _keys().get(code)
    if key is None:
        _ask_key(deck_store, code, url_path)
        st.stop()
    deck.apply_pending_move(url_path, deck.carry({deck.DECK_PARAM: code}))
    first = deck.slide_for(url_path or START, 1)
    if first is None:
        st.info(
            "Deze pagina staat niet op de route; de beamer blijft op de laatste dia. Ga terug naar een vraag van "
            "de route om verder te presenteren.",
            icon=":material/cast:",
        )
        return
    console(deck_store, code, key, url_path)


def _ask_key(deck_store: DeckStore, code: str, url_path: str) -> None:
    """After a reload this window no longer holds the key: ask for it, or go on without a second window."""
    st.title("Regie van de presentatie")
    st.markdown(
        f"Dit venster bestuurt presentatie **{code}**, maar kent de sleutel niet meer (bijvoorbeeld na herladen). "
        "Vul de sleutel in die bij het starten onder 'Koppeling' stond."
    )
    with st.form("dia_sleutel"):
        typed = st.text_input("Sleutel", type="password", key=_KEY_FIELD, placeholder="XXXX-XXXX-XXXX-XXXX")
        if st.form_submit_button("Verder presenteren", type="primary"):
            try:
                matches = deck_store.key_matches(code, typed)
            except StoreError as exc:
                st.error(exc.message)
                return
            if matches:
                _remember(code, typed)
                st.rerun()
            st.error("Deze sleutel hoort niet bij deze presentatie.")
    st.button("Zonder tweede venster verder", key="dia_zonder", on_click=_stop, args=(code,))


def _stop(code: str) -> None:
    """Stop presenting with two windows: forget the key and take the deck out of the link."""
    keys = _keys()
    keys.pop(code, None)
    st.session_state[_KEYS] = keys
    if deck.DECK_PARAM in st.query_params:
        del st.query_params[deck.DECK_PARAM]


def _sync(deck_store: DeckStore, code: str, key: str, slide: deck.Slide) -> DeckPosition | None:
    """Put the deck in the store on this window's slide (the presenter leads); None when the store fails."""
    try:
        position = deck_store.position(code)
        if (position.slug, position.slide) != (slide.question.slug, slide.number):
            position = deck_store.move(code, key, slide.question.slug, slide.number)
    except StoreError as exc:
        st.error(exc.message, icon=":material/cloud_off:")
        return None
    return position


def console(deck_store: DeckStore, code: str, key: str, url_path: str) -> deck.Slide | None:
    """The presenter's panel for the page at ``url_path``: steps, now and next, note, clock and link.

    Returns the slide on the screen (None off the route). The panel writes every step to the
    store, so the projector window with the same code follows.
    """
    first = deck.slide_for(url_path or START, 1)
    if first is None:
        return None
    q = first.question
    with st.container(border=True, key="regie"):
        back, where, choice, forward = st.columns([4, 6, 5, 5], vertical_alignment="center")
        slide = deck.Slide(q, deck.slide_control(q, choice))
        deck.set_current(slide)
        deck.progress(slide, where)
        deck.step_buttons(slide, back, forward)
        position = _sync(deck_store, code, key, slide)

        now, upcoming, clock = st.columns(3)
        now.markdown(f"**Nu op de beamer**  \n{slide.title}")
        following = deck.neighbour(slide, 1)
        upcoming.markdown(f"**Hierna**  \n{following.title if following else 'Einde van de route'}")
        if position is not None:
            with clock:
                _clock(position.started_at, position.question_started_at, q.slug)
        if q.note:
            st.markdown(f"**Notitie voor de gespreksleider.** {q.note}")
        with st.expander("Koppeling met de beamer", icon=":material/cast:", expanded=True):
            link = projector_link(app_root(url_path), code, werksessie_deck.session_code())
            st.markdown(
                "Open deze link in een tweede venster, zet dat op de beamer en maak het schermvullend (F11). "
                "Het volgt dit venster vanzelf; er staan geen notities of knoppen op."
            )
            st.code(link, language=None)
            st.link_button("Beamervenster openen", link, icon=":material/open_in_new:")
            st.markdown(
                f"Sleutel van deze presentatie (alleen voor jou, voor als dit venster herlaadt): `{key}`"
            )
            left, right = st.columns(2)
            left.button(
                "Klok opnieuw starten", key="dia_klok", on_click=_restart, args=(deck_store, code, key)
            )
            right.button("Stoppen met twee vensters", key="dia_stop", on_click=_stop, args=(code,))
    st.caption("Hieronder de dia zoals de zaal hem ziet, met wat je erbij moet weten.")
    werksessie_deck.show(controls=True)
    return slide


def _restart(deck_store: DeckStore, code: str, key: str) -> None:
    try:
        deck_store.restart_clock(code, key)
    except StoreError as exc:
        st.toast(exc.message, icon=":material/cloud_off:")


def minutes_text(elapsed: dt.timedelta) -> str:
    """Elapsed time as minutes and seconds: '12:05'."""
    seconds = max(0, int(elapsed.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


def clock_lines(
    now: dt.datetime, started_at: dt.datetime, question_started_at: dt.datetime, slug: str
) -> list[str]:
    """The clock in Dutch: the whole route against its minutes, this question against its own.

    Also says where the route should be by now, so a facilitator sees running late early.
    """
    steps = route()
    total = sum(q.route_minutes or 0 for q in steps)
    here = next(i for i, q in enumerate(steps) if q.slug == slug)
    minutes = steps[here].route_minutes or 0
    planned_end = sum(q.route_minutes or 0 for q in steps[: here + 1])
    route_elapsed = now - started_at
    question_elapsed = now - question_started_at
    lines = [
        f"**Route** {minutes_text(route_elapsed)} van {total} min",
        f"**Deze vraag** {minutes_text(question_elapsed)} van {minutes} min",
    ]
    late = route_elapsed.total_seconds() / 60 - planned_end
    if late > 0:
        lines.append(
            f":red[Volgens plan was deze vraag na {planned_end} min klaar: {round(late)} min uitloop.]"
        )
    else:
        lines.append(f"Volgens plan klaar na {planned_end} min.")
    return lines


@st.fragment(run_every=CLOCK_SECONDS)
def _clock(started_at: dt.datetime, question_started_at: dt.datetime, slug: str) -> None:
    """The clock, redrawn every :data:`CLOCK_SECONDS` (only this part reruns)."""
    st.markdown("  \n".join(clock_lines(dt.datetime.now(dt.UTC), started_at, question_started_at, slug)))
