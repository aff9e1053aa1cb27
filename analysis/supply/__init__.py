"""Sex ads, prostitution controls and trafficking signals per area (being split into modules)."""

from analysis.supply.wording import *  # noqa: F403
