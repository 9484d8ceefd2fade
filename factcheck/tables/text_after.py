"""A column of text after a table's figures: taken off before the rows are read.

A list of deposits or transactions often ends each row in a text column after its amounts ("Date |
Memo | Checks | Cash | Total | Category", a PTA treasurer's deposit list). Read as it stands, a row
ends in words, so its figures are not at the line's end and the line is no row at all. The column
is known by its heading: the last word of a header line, a column's gap after the words before it,
over rows whose figures end a column's gap before words that start under that heading. Those words
(and the heading) are a column of text, no part of what the figures add up to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cells import looks_numeric
from .settings import DEFAULT_SETTINGS, TableSettings

if TYPE_CHECKING:
    from .detect import Line as _Line
    from .detect import Token as _Token


def _figure(text: str) -> bool:
    return looks_numeric(text) and any(ch.isdigit() for ch in text)


def _words(tokens: Sequence[_Token]) -> bool:
    return bool(tokens) and all(any(ch.isalpha() for ch in t.text) and not _figure(t.text) for t in tokens)


def _split(line: _Line, edge: float) -> tuple[list[_Token], list[_Token]]:
    return [t for t in line.tokens if t.x0 < edge], [t for t in line.tokens if t.x0 >= edge]


def _heading(line: _Line, column_gap: float) -> float | None:
    """Where a header line's last column of words starts, when the line is a header of words
    whose last word stands a column's gap after the rest; None otherwise."""
    toks = line.tokens
    # the cheap test first: most lines have no wide gap before their last word
    if len(toks) < 3 or toks[-1].x0 - toks[-2].x1 < column_gap * line.size or not _words(toks):
        return None
    return toks[-1].x0


def _row(line: _Line, edge: float, column_gap: float) -> bool | None:
    """True for a row of figures that ends in words under the heading, False for a wrapped
    line of words (under the heading, and maybe under the labels), None for anything else."""
    before, after = _split(line, edge)
    if not _words(after) or abs(after[0].x0 - edge) > column_gap * line.size:
        return None
    if before and after[0].x0 - before[-1].x1 < column_gap * line.size:
        return None  # running text that reaches across the heading's edge
    if before and _figure(before[-1].text):
        return True
    return False if all(not _figure(t.text) for t in before) else None


def drop_text_after_figures(lines: list[_Line], settings: TableSettings = DEFAULT_SETTINGS) -> None:
    """Take the column of text after the figures off the lines of every table that has one (see
    the module's docstring); lines that held nothing but its words go."""
    k = 0
    emptied = False
    gap = settings.text_column_gap
    while k < len(lines):
        edge = _heading(lines[k], gap)
        if edge is None:
            k += 1
            continue
        edge -= settings.text_column_slack  # words of the column start at its heading's edge, give or take a point
        rows: list[int] = []
        wraps: list[int] = []
        j = k + 1
        while j < len(lines) and (kind := _row(lines[j], edge, gap)) is not None:
            (rows if kind else wraps).append(j)
            j += 1
        if len(rows) >= settings.text_column_rows and (not wraps or wraps[0] > rows[0]):
            for i in (k, *rows, *wraps):
                lines[i].tokens = [t for t in lines[i].tokens if t.x0 < edge]
                emptied |= not lines[i].tokens
        k = max(j, k + 1)
    if emptied:
        lines[:] = [ln for ln in lines if ln.tokens]
