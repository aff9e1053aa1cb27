"""The published dashboard layout, parsed into one tidy table.

* :mod:`~analysis.parser.statuses`: the tidy table's columns, statuses and area types;
* :mod:`~analysis.parser.cells`: one figure (a count, empty, ``?`` or ``-``);
* :mod:`~analysis.parser.lines`: the text as blocks of tab-separated lines;
* :mod:`~analysis.parser.reader`: cells and rows of a block, collecting errors or stopping;
* :mod:`~analysis.parser.layout`: what each block means, into the tidy table (:func:`parse_layout`);
* :mod:`~analysis.parser.errors` and :mod:`~analysis.parser.messages`: what is wrong and
  the Dutch wording for it.

Everything other modules import from ``analysis.parser`` is re-exported here.
"""

from analysis.parser.cells import Cell, parse_cell
from analysis.parser.errors import ErrorCode, LayoutError
from analysis.parser.layout import parse_layout, parse_layout_all
from analysis.parser.lines import Block, Line, split_blocks
from analysis.parser.reader import MAX_ERRORS
from analysis.parser.statuses import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    AREA_TOTAL,
    EMPTY,
    NOT_APPLICABLE,
    NOT_REPORTED,
    OTHER_PREFIX,
    REPORTED,
    STATUS_LABELS,
    STATUS_MARK,
    STATUSES,
    TIDY_SCHEMA,
    other_area,
)

#: The old private name of :func:`split_blocks`, still imported by ``analysis.intake``.

__all__ = [
    "AREA_MUNICIPALITY",
    "AREA_OTHER",
    "AREA_TOTAL",
    "EMPTY",
    "MAX_ERRORS",
    "NOT_APPLICABLE",
    "NOT_REPORTED",
    "OTHER_PREFIX",
    "REPORTED",
    "STATUSES",
    "STATUS_LABELS",
    "STATUS_MARK",
    "TIDY_SCHEMA",
    "Block",
    "Cell",
    "ErrorCode",
    "LayoutError",
    "Line",
    "other_area",
    "parse_cell",
    "parse_layout",
    "parse_layout_all",
    "split_blocks",
]
