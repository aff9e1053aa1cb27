"""The data page: published blocks, cell statuses and quality (being split into modules)."""

from analysis.blocks.published import *  # noqa: F403
