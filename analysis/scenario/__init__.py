"""The scenario model and the page "Onzichtbare slachtoffers" (being split into modules)."""

from analysis.scenario.wording import *  # noqa: F403
