"""The layout as text: lines of tab-separated cells, in blocks separated by blank lines."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Line:
    """One line of the layout: its number in the file (from 1) and its cells."""

    number: int
    cells: list[str]


@dataclass
class Block:
    """A header line and the rows under it, up to the next blank line."""

    header: Line
    rows: list[Line] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The block's name: the first cell of its header, stripped."""
        return self.header.cells[0].strip()


def split_blocks(text: str) -> Iterator[Block]:
    """Yield the blocks of ``text``; any line break works (``\\r\\n``, ``\\r``, ``\\n``)."""
    block: Block | None = None
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        cells = raw.split("\t")
        if all(c.strip() == "" for c in cells):
            if block is not None:
                yield block
            block = None
        elif block is None:
            block = Block(Line(number, cells))
        else:
            block.rows.append(Line(number, cells))
    if block is not None:
        yield block
