"""One scenario or two: the page's controls, the scenarios' names, and the baseline beside them."""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from analysis.links import inert_markdown
from analysis.scenario.labels import BASELINE_NAME, DEFAULT_NAMES, SINGLE_NAME
from analysis.scenario.model import ScenarioResult, run_scenario, scenario_from_controls

#: The longest scenario name kept.
NAME_MAX_CHARS = 40
#: Scenario names in short chart labels are cut to this many characters.
SHORT_NAME_CHARS = 18


@dataclass(frozen=True)
class ScenarioControls:
    """What the controls of one scenario hold: its name (only when comparing) and its assumptions."""

    national_estimate: float
    own_share: bool
    share_percent: float | None
    name: str | None = None


@dataclass(frozen=True)
class NamedScenario:
    """A scenario as the page shows it: its letter (A or B), a plain-text name, and its outcome.

    ``name`` may come from the link, so it is user text: put it in Markdown only as
    :attr:`name_md`. Charts and table cells show it as it is.
    """

    letter: str
    name: str
    result: ScenarioResult

    @property
    def name_md(self) -> str:
        """The name for Markdown: markup, a shortcode or a link in it shows literally (see :func:`inert_markdown`)."""
        return inert_markdown(self.name)


@dataclass(frozen=True)
class ScenarioView:
    """What the page compares: the baseline and either one scenario ('jouw scenario') or two (A and B)."""

    baseline: ScenarioResult
    scenarios: tuple[NamedScenario, ...]

    @property
    def comparing(self) -> bool:
        """True when two named scenarios are shown side by side."""
        return len(self.scenarios) > 1

    @property
    def first(self) -> ScenarioResult:
        """The outcome of scenario A ('jouw scenario' when not comparing)."""
        return self.scenarios[0].result


def clean_name(text: str | None, default: str) -> str:
    """A scenario name fit to show: whitespace collapsed, control and format characters dropped, at most 40 characters.

    An empty name (or one of only invisible characters) becomes ``default``. The
    result is still user text: escape it before it goes into Markdown.
    """
    collapsed = " ".join((text or "").split())
    visible = "".join(ch for ch in collapsed if unicodedata.category(ch)[0] != "C")
    return visible[:NAME_MAX_CHARS].strip() or default


def short_name(name: str) -> str:
    """A scenario name cut to fit a chart label: ``Een heel lange naam hier`` -> ``Een heel lange na…``."""
    return name if len(name) <= SHORT_NAME_CHARS else name[: SHORT_NAME_CHARS - 1].rstrip() + "…"


def scenario_names(name_a: str | None, name_b: str | None) -> tuple[str, str]:
    """The cleaned names of A and B, made distinct from each other and from the baseline.

    Two equal names (ignoring case) get their letter added, ``Hoog (A)`` and
    ``Hoog (B)``; so does a name that reads 'baseline'.
    """
    a, b = clean_name(name_a, DEFAULT_NAMES[0]), clean_name(name_b, DEFAULT_NAMES[1])
    same = a.casefold() == b.casefold()
    if same or a.casefold() == BASELINE_NAME:
        a = f"{a} (A)"
    if same or b.casefold() == BASELINE_NAME:
        b = f"{b} (B)"
    return a, b


def scenario_view(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    controls: Sequence[ScenarioControls],
) -> ScenarioView:
    """Run the baseline and the scenarios set on the page: one ('jouw scenario') or two (A and B).

    With two controls the scenarios get their (cleaned, distinct) names; a single
    scenario is called 'jouw scenario', as before comparison existed.
    """
    if not 1 <= len(controls) <= 2:
        raise ValueError("one or two scenarios")
    results = [
        scenario_from_controls(
            tidy,
            population,
            context,
            national_estimate=c.national_estimate,
            own_share=c.own_share,
            share_percent=c.share_percent,
        )
        for c in controls
    ]
    if len(controls) == 1:
        names: tuple[str, ...] = (SINGLE_NAME,)
    else:
        names = scenario_names(controls[0].name, controls[1].name)
    scenarios = tuple(
        NamedScenario(letter, name, result)
        for letter, name, result in zip("AB", names, results, strict=False)
    )
    return ScenarioView(run_scenario(tidy, population, context), scenarios)
