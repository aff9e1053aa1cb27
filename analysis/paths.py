"""Locations of the data files, resolved from the package, not the working directory."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
DASHBOARD_DIR = DATA_DIR / "dashboard"
GEMEENTEN_CSV = DATA_DIR / "gemeenten.csv"
ALIASES_CSV = DATA_DIR / "naam_aliassen.csv"
CONTEXT_CSV = DATA_DIR / "context.csv"


def dashboard_file(year: int) -> Path:
    """Return the path of the published tables for ``year``."""
    return DASHBOARD_DIR / f"{year}.txt"
