"""The workshop route as a deck of slides, driven by a presentation clicker or the keyboard.

In presentation mode (``presentatie=1``) every question of the route
(:func:`analysis.questions.route`) is a short sequence of full-screen slides:

1. **Vraag**: the question, the answer in plain Dutch and the key figure, large;
2. **Grafiek**: the one chart that answers the question;
3. **Gesprek**: the discussion prompts, large.

The start page has its own three: the question, the chain of key figures and the route.
Pages gate their sections with :func:`shows` (``if deck.shows(Part.CHART): ...``); outside
presentation mode everything shows, so the laptop view keeps the full page.

The slide within a page travels in the link as ``dia`` (a segmented control bound to the
link, like every other control). A clicker sends PageDown / PageUp, arrow keys Right /
Left: four buttons with Streamlit's own ``shortcut`` step through the deck, within a page
by a rerun and past its last slide to the next question with ``st.switch_page``.

Four ways to show a page (:class:`Mode`):

* laptop: the full page (no ``presentatie``, no ``deck``);
* solo: ``presentatie=1``, one window on the projector, with a slim bar of controls;
* projector: ``presentatie=1&deck=CODE``, follows the presenter through the store
  (:mod:`storage.deck`), polling once a second; it shows no notes and no controls;
* presenter: ``deck=CODE`` on the facilitator's laptop (``components.presenter``), with
  the deck's key in its browser session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

import streamlit as st

from analysis.questions import SECTION_SESSION, START, Question, question, route, route_position
from components import presentation
from components.controls import bound, known
from components.store import database_url, engine_for
from storage import StoreError
from storage.deck import DeckPosition, DeckStore
from storage.repository import normalise_code

#: The link parameter of the slide within a page, and of the deck a projector follows.
SLIDE_KEY = "dia"
DECK_PARAM = "deck"
#: How often the projector asks the store where the presenter is (seconds).
FOLLOW_SECONDS = 0.5

#: Session keys: the slide this run shows (slug, number) and a pending move to another page.
_WHERE_KEY = "_dia_hier"
_GOTO_KEY = "_dia_naar"


class Part(StrEnum):
    """A part of a question page. On the projector each slide shows one of the first four."""

    ANSWER = "vraag"
    CHART = "grafiek"
    PROMPTS = "gesprek"
    AGENDA = "route"
    #: Everything else on the page (other charts, tables, controls' explanations): laptop only.
    DETAIL = "detail"
    #: What the facilitator should keep in mind (caveats): laptop and presenter view, never projected.
    NOTES = "notities"


#: The name of each kind of slide, as the slide control and the presenter view show it.
SLIDE_NAMES: dict[Part, str] = {
    Part.ANSWER: "Vraag",
    Part.CHART: "Grafiek",
    Part.PROMPTS: "Gesprek",
    Part.AGENDA: "Route",
}


class Mode(StrEnum):
    """How this window shows a page."""

    LAPTOP = "laptop"
    SOLO = "presentatie"
    PROJECTOR = "beamer"
    PRESENTER = "regie"

    @property
    def projected(self) -> bool:
        """True for the windows the room sees (large type, one slide, no notes)."""
        return self in (Mode.SOLO, Mode.PROJECTOR)


def parts_of(q: Question) -> tuple[Part, ...]:
    """The slides of one question, in order: the start page ends with the route, the others with the prompts."""
    if q.slug == START:
        return (Part.ANSWER, Part.CHART, Part.AGENDA)
    return (Part.ANSWER, Part.CHART, Part.PROMPTS)


@dataclass(frozen=True)
class Slide:
    """One slide of the deck: a question of the route and the slide's number in it (1-based)."""

    question: Question
    number: int

    @property
    def part(self) -> Part:
        """What the slide shows."""
        return parts_of(self.question)[self.number - 1]

    @property
    def name(self) -> str:
        """'Vraag', 'Grafiek', 'Gesprek' or 'Route'."""
        return SLIDE_NAMES[self.part]

    @property
    def title(self) -> str:
        """The slide as the presenter view names it: 'Grafiek: Krijgen signalen de juiste opvolging?'."""
        return f"{self.name}: {self.question.title}"


def slides() -> tuple[Slide, ...]:
    """Every slide of the route, in order."""
    return tuple(Slide(q, n) for q in route() for n in range(1, len(parts_of(q)) + 1))


def index_of(slide: Slide) -> int:
    """The 0-based place of ``slide`` in the deck."""
    return slides().index(slide)


def position_text(slide: Slide) -> str:
    """Where the deck is, as the room sees it: '3 / 21'."""
    return f"{index_of(slide) + 1} / {len(slides())}"


def neighbour(slide: Slide, step: int) -> Slide | None:
    """The slide ``step`` places further (negative: back), or None past either end."""
    target = index_of(slide) + step
    deck = slides()
    return deck[target] if 0 <= target < len(deck) else None


def slide_for(slug: str, number: int) -> Slide | None:
    """The slide ``number`` of question ``slug``, or None when ``slug`` is off the route.

    A number out of range is brought within it (a stale link or store row must never crash a page).
    """
    position = route_position(slug)
    if position is None:
        return None
    q = route()[position]
    return Slide(q, min(max(int(number), 1), len(parts_of(q))))


# -- the state of this run --------------------------------------------------------------


def deck_code() -> str:
    """The deck this window belongs to (``deck=CODE`` in the link), normalised; '' when none."""
    return normalise_code(st.query_params.get(DECK_PARAM))


def mode() -> Mode:
    """How this window shows a page, from the link."""
    code = deck_code()
    if presentation.is_on():
        return Mode.PROJECTOR if code else Mode.SOLO
    return Mode.PRESENTER if code else Mode.LAPTOP


def current() -> Slide | None:
    """The slide this run shows, or None on the laptop and on pages off the route."""
    where = st.session_state.get(_WHERE_KEY)
    return None if where is None else slide_for(where[0], where[1])


def set_current(slide: Slide | None) -> None:
    """Record the slide this run shows, and show only its part (the frame calls it once per full run).

    Every slide of the current question is drawn in each run; a style shows the current one
    and keeps the others laid out but out of sight. The next step within a question then
    only swaps that style: the chart is already drawn (the next slide is rendered ahead).
    """
    st.session_state[_WHERE_KEY] = None if slide is None else (slide.question.slug, slide.number)
    if slide is not None:
        st.html(_slide_style(slide))
        with st.container(key=FOCUS_KEY):
            st.html(focus_script(slide), unsafe_allow_javascript=True)


def carry(params: dict[str, str]) -> dict[str, str]:
    """The parameters of a move to another page, with the werksessie this window carries (``sessie=``)."""
    from components import werksessie_deck  # imports this module

    return werksessie_deck.carry(params)


#: The hidden box that holds the focus script (components/accessibility.py hides it).
FOCUS_KEY = "dia-focus"


def focus_script(slide: Slide) -> str:
    """A script that moves the keyboard focus to the slide now shown (WCAG 2.4.3, focus order).

    After PageDown a screen reader then reads the new slide instead of staying on the
    button. The slide's name in the script makes it new for each slide, so it runs again.
    """
    target = f".st-key-dia-deel-{slide.part.value}"
    return (
        f"<script>/* {slide.question.slug} {slide.number} */ requestAnimationFrame(() =>"
        f" requestAnimationFrame(() => {{ const box = document.querySelector('{target}'); if (!box) return;"
        " box.setAttribute('tabindex', '-1'); box.focus({preventScroll: true}); }));</script>"
    )


def _slide_style(slide: Slide) -> str:
    """The style that shows ``slide``'s part and hides the question's other slides.

    A hidden part keeps its place and width (no height, not visible), so a chart drawn
    ahead is drawn at the width it will have: showing it needs no new drawing.
    """
    from components import werksessie_deck  # imports this module

    title = "max(2.2rem, 7vh)" if slide.part is Part.ANSWER else "max(1.6rem, 4.2vh)"
    if not mode().projected:  # the presenter's preview keeps the laptop's type
        title = "2rem"
    return f"""
<style>
[class*="st-key-dia-deel-"]:not(.st-key-dia-deel-{slide.part.value}) {{
  height: 0 !important; min-height: 0 !important; max-height: 0 !important; flex: 0 0 0 !important;
  overflow: hidden !important; visibility: hidden !important; pointer-events: none; }}
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-dia-deel-"]:not(.st-key-dia-deel-{slide.part.value})) {{
  margin-bottom: -1rem; }}
.st-key-dia-titel h1 {{ font-size: {title}; line-height: 1.15; padding: 0 0 0.2rem 0; }}
{werksessie_deck.panel_style(slide.part)}
</style>
"""


def shows(part: Part) -> bool:
    """True when this run draws ``part`` of the page.

    On the laptop (and on pages off the route) every part shows. In presentation mode
    the parts of the question's slides are drawn (each in :func:`part_box`; only the
    current one is visible) and the details are not; the presenter view also shows the
    notes.
    """
    slide = current()
    if slide is None:
        return True
    if part is Part.NOTES:
        return mode() is Mode.PRESENTER
    return part in parts_of(slide.question)


def part_box(part: Part) -> st.delta_generator.DeltaGenerator:
    """The box that holds one slide's part: keyed in presentation mode (so the style can show or hide it)."""
    return st.container(key=f"dia-deel-{part.value}") if presenting() else st.container()


def presenting() -> bool:
    """True when this run shows one slide instead of the full page."""
    return current() is not None


@contextmanager
def controls(name: str) -> Iterator[None]:
    """Draw a page's controls (toggles, choices) here: visible on the laptop only.

    On the slides they are still made, so their values keep working and stay in the link,
    but they are hidden (``name`` keeps the hidden box's key unique on the page). The
    presenter view hides them too: it shows the slide as the room sees it, and the
    projector window would not follow a changed control.
    """
    if current() is not None:
        with st.container(key=f"dia-verborgen-{name}"):
            yield
    else:
        yield


# -- stepping -----------------------------------------------------------------------------


def _base() -> Slide | None:
    """The slide a step starts from: a move still pending, else the slide on the screen."""
    goto = st.session_state.get(_GOTO_KEY)
    if goto is not None:
        return slide_for(goto[0], goto[1])
    slide = current()
    if slide is None:
        return None
    number = st.session_state.get(SLIDE_KEY)
    return slide_for(slide.question.slug, number) if isinstance(number, int) else slide


def go_to(slide: Slide) -> None:
    """Show ``slide`` next (in a callback): within the page a new slide number, else a move to its page."""
    here = current()
    if here is not None and here.question == slide.question and _GOTO_KEY not in st.session_state:
        st.session_state[SLIDE_KEY] = slide.number
    else:
        st.session_state[_GOTO_KEY] = (slide.question.slug, slide.number)


def step(delta: int) -> None:
    """Button callback: ``delta`` slides on (1) or back (-1); nothing past either end."""
    base = _base()
    target = None if base is None else neighbour(base, delta)
    if target is not None:
        go_to(target)


def apply_pending_move(url_path: str, query_params: dict[str, str]) -> None:
    """Carry out a move a button asked for: set the slide number, and switch page when the question changes.

    Call before the slide control is made (a widget's value can only be set before it is drawn).
    """
    goto = st.session_state.pop(_GOTO_KEY, None)
    if goto is None:
        return
    slug, number = goto
    st.session_state[SLIDE_KEY] = number
    if slug != (url_path or START):
        st.switch_page(question(slug).page_file, query_params=query_params)


def _slide_name(names: tuple[str, ...], number: int) -> str:
    return names[number - 1]


def slide_control(q: Question, where: st.delta_generator.DeltaGenerator) -> int:
    """The segmented control 'Vraag | Grafiek | Gesprek' in ``where``, bound to the link as ``dia``."""
    names = [SLIDE_NAMES[part] for part in parts_of(q)]
    number = bound(
        where.segmented_control,
        "Dia",
        list(range(1, len(names) + 1)),
        format_func=partial(_slide_name, tuple(names)),
        key=SLIDE_KEY,
        default=1,
        required=True,
        label_visibility="collapsed",
    )
    return int(number or 1)


def step_buttons(
    slide: Slide, back: st.delta_generator.DeltaGenerator, forward: st.delta_generator.DeltaGenerator
) -> None:
    """'Vorige' (PageUp) in ``back`` and 'Volgende' (PageDown) in ``forward``, plus hidden Left and Right.

    A clicker sends PageDown and PageUp; the arrow keys do the same through two more
    buttons that are made but not shown. At either end of the deck the button is off.
    """
    first, last = neighbour(slide, -1) is None, neighbour(slide, 1) is None
    back.button(
        "Vorige",
        key="dia_terug",
        icon=":material/arrow_back:",
        shortcut="PageUp",
        on_click=step,
        args=(-1,),
        disabled=first,
        width="stretch",
    )
    forward.button(
        "Volgende",
        key="dia_verder",
        icon=":material/arrow_forward:",
        shortcut="PageDown",
        on_click=step,
        args=(1,),
        disabled=last,
        type="primary",
        width="stretch",
    )
    with st.container(key="dia-pijltjes"):
        st.button("←", key="dia_terug_pijl", shortcut="Left", on_click=step, args=(-1,), disabled=first)
        st.button("→", key="dia_verder_pijl", shortcut="Right", on_click=step, args=(1,), disabled=last)


def progress(slide: Slide, where: st.delta_generator.DeltaGenerator) -> None:
    """The position ('3 / 21') over a progress bar."""
    done = (index_of(slide) + 1) / len(slides())
    where.progress(done, text=position_text(slide))


def agenda() -> None:
    """The route as the start's last slide: every question with its minutes, in large type."""
    lines = [f"{n}. {q.title} ({q.route_minutes} min)" for n, q in enumerate(route(), start=1)]
    with st.container(key="dia-route"):
        st.markdown("\n".join(lines))


# -- the store ----------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store_for(url: str) -> DeckStore:
    return DeckStore(engine_for(url))


def store() -> DeckStore | None:
    """The deck store on the werksessie database, or None when it cannot be reached."""
    try:
        return _store_for(database_url())
    except Exception:  # any failure to connect or migrate: presenting with one window still works
        return None


# -- the frame ----------------------------------------------------------------------------

#: In every deck window: the page's controls and the two arrow-key buttons are made but not shown.
_HIDDEN_STYLE = """
<style>
[class*="st-key-dia-verborgen-"], .st-key-dia-pijltjes { display: none !important; }
</style>
"""


def frame(url_path: str) -> Mode:
    """Set up this run's slide before the page runs, and draw the deck's own parts for the mode.

    Solo: the projector style and the bar at the bottom (steps, slide, position, leave).
    Projector: the style, the position, and a poll of the store that follows the presenter.
    The presenter view is drawn by ``components.presenter`` after this returns.
    """
    from components import werksessie_deck  # imports this module

    known(SLIDE_KEY, DECK_PARAM, werksessie_deck.SESSION_PARAM)
    set_current(None)
    current_mode = mode()
    if current_mode is Mode.LAPTOP:
        return current_mode
    st.html(_HIDDEN_STYLE)
    if current_mode.projected:
        presentation.apply_style(current_mode is Mode.PROJECTOR)
    if current_mode is Mode.PROJECTOR:
        _projector(url_path, deck_code())
        werksessie_deck.show(controls=False)
    elif current_mode is Mode.SOLO:
        _solo(url_path)
        werksessie_deck.show(controls=True)
    return current_mode


def off_route_label(url_path: str) -> str:
    """What the bar says on a page off the route: its own name for the werksessie, else 'Naslag'."""
    try:
        q = question(url_path or START)
    except KeyError:
        return "Naslag"
    return q.label if q.section == SECTION_SESSION else "Naslag"


def _solo(url_path: str) -> None:
    if slide_for(url_path or START, 1) is None:
        with st.container(key="dia-balk"):
            where, leave = st.columns([5, 1], vertical_alignment="center")
            where.markdown(f"**{off_route_label(url_path)}**")
            leave.button("Verlaten", key="presentatie_verlaten", on_click=_leave, width="stretch")
        return
    _solo_bar(url_path)


@st.fragment
def _solo_bar(url_path: str) -> None:
    """The bar of a question's slides. A step within the question reruns only this fragment.

    All slides of the question are drawn already; the rerun only redraws the bar and the
    style that shows the new slide. A step to another question switches page (a full run).
    """
    if not presentation.is_on():  # 'Verlaten' was pressed: the whole page again, in full
        st.rerun(scope="app")
    apply_pending_move(url_path, carry({presentation.PARAM: "1"}))
    first = slide_for(url_path or START, 1)
    if first is None:
        return
    with st.container(key="dia-balk"):
        back, where, choice, forward, leave = st.columns([5, 10, 7, 6, 4], vertical_alignment="center")
        slide = Slide(first.question, slide_control(first.question, choice))
        set_current(slide)
        progress(slide, where)
        step_buttons(slide, back, forward)
        leave.button("Verlaten", key="presentatie_verlaten", on_click=_leave, width="stretch")


def _leave() -> None:
    """Leave presentation mode: the page stays, in full; the slide number leaves the link."""
    st.session_state[SLIDE_KEY] = 1
    if presentation.PARAM in st.query_params:
        del st.query_params[presentation.PARAM]


def _projector(url_path: str, code: str) -> None:
    position = _position(code)
    if position is None:
        st.stop()
    slide = slide_for(position.slug, position.slide)
    if slide is None:
        st.stop()
    if slide.question.slug != (url_path or START):
        st.switch_page(
            slide.question.page_file, query_params=carry({presentation.PARAM: "1", DECK_PARAM: code})
        )
    _follow(code, slide.question.slug)


def _position(code: str, quiet: bool = False) -> DeckPosition | None:
    """Where deck ``code`` is, or None (with a Dutch message unless ``quiet``) when the store cannot say."""
    deck_store = store()
    try:
        if deck_store is None:
            raise StoreError(
                "De database is nu niet bereikbaar, dus de beamer kan de gespreksleider niet volgen."
            )
        return deck_store.position(code)
    except StoreError as exc:
        if not quiet:
            st.error(exc.message, icon=":material/cast:")
        return None


@st.fragment(run_every=FOLLOW_SECONDS)
def _follow(code: str, slug: str) -> None:
    """Show the slide the presenter is on: within this question by this fragment alone, else by a full run.

    Runs with the page's first run, then every :data:`FOLLOW_SECONDS`: it asks the store
    where the presenter is, shows that slide (the style and the position) and, when the
    presenter went to another question, runs the whole app again to switch page.
    """
    position = _position(code, quiet=True)
    if position is None:
        if current() is None:  # the first run must know a slide
            set_current(Slide(question(slug), 1))
        return  # the page keeps its slide; the next poll tries again
    slide = slide_for(position.slug, position.slide)
    if slide is None or slide.question.slug != slug:
        st.rerun(scope="app")
        return
    with st.container(key="dia-balk"):
        set_current(slide)
        progress(slide, st.container())
