"""The item of a list whose other items are the differences of a table's rows, in order: "all
[five functional areas] were lower than budget. The respective amounts are as follows: $460,442,
$406,125, $133,116, $752,361 and $392,400", where the last four are Final Budget − Actual of the
rows Public safety … Employee benefits of the budget statement, one after the other. The first is
then that difference in the row before them (General government support: 7,930,600 − 7,470,160
= 460,440), whether or not it lands on the amount: the list's order and columns say which row,
and the check says whether the text's amount is right.

Only a list of three amounts or more, all matched to rows of one table but one, is read; the
matched rows must follow the list's order with no row skipped, one pair of columns must give every
matched item, and the row's difference must come within a twentieth of the amount (a list that
skips a row, or speaks of something else there, is left alone).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from factcheck.discover.figures import Fig
from factcheck.tables.detect import Cell, Table

MIN_ITEMS = 3
NEAR = Fraction(1, 20)  # how close the row's difference must come to the amount


@dataclass(frozen=True)
class Matched:
    """An amount of the text matched to the difference of two cells of a table's row."""

    fig: Fig
    table: Table
    pos: int
    first: Cell
    second: Cell


@dataclass(frozen=True)
class Completed:
    """The list item read as the difference of the row its place in the list gives."""

    fig: Fig
    table: Table
    pos: int
    first: Cell
    second: Cell
    items: int  # the list's amounts
    matched: int  # … of which matched to rows


def _value(cell: Cell | None) -> Fraction | None:
    number = cell.number if cell is not None else None
    if number is None or number.nil or number.percent:
        return None
    return number.value


def _cell(table: Table, pos: int, col: int) -> Cell | None:
    return table.rows[pos].cells.get(col)


def completed_lists(figures: Sequence[Fig], matched: Sequence[Matched], taken: set[str]) -> list[Completed]:
    """The one unmatched item of each list of amounts whose other items are matched to rows of one
    table in the list's order, read off the row its place gives."""
    by_quote: dict[str, list[Matched]] = {}
    for m in matched:
        by_quote.setdefault(m.fig.quote, []).append(m)
    out: list[Completed] = []
    for quote, found in by_quote.items():
        items = [f for f in figures if f.quote == quote and f.kind == "money" and f.value > 0]
        gaps = [k for k, f in enumerate(items) if not any(m.fig.id == f.id for m in found)]
        if len(items) < MIN_ITEMS or len(gaps) != 1 or len({id(m.table) for m in found}) != 1:
            continue
        gap = items[gaps[0]]
        if gap.id in taken or len(found) != len(items) - 1:
            continue
        done = _complete(gap, gaps[0], items, found)
        if done is not None:
            out.append(done)
    return out


def _complete(gap: Fig, place: int, items: Sequence[Fig], found: Sequence[Matched]) -> Completed | None:
    table = found[0].table
    mult = table.scale.multiplier if table.scale else Fraction(1)
    order = {f.id: k for k, f in enumerate(items)}
    readings: set[tuple[int, int, Fraction]] = set()
    for a, b in {(m.first.col, m.second.col) for m in found} | {(m.second.col, m.first.col) for m in found}:
        # the rows that print both columns, in order; each matched item must be its row's a - b
        rows = [pos for pos in range(len(table.rows))
                if _value(_cell(table, pos, a)) is not None and _value(_cell(table, pos, b)) is not None]
        offsets = set()
        for m in found:
            va, vb = _value(_cell(table, m.pos, a)), _value(_cell(table, m.pos, b))
            lo, hi = m.fig.interval.lo, m.fig.interval.hi
            if va is None or vb is None or lo is None or hi is None or not lo <= (va - vb) * mult <= hi:
                break
            offsets.add(rows.index(m.pos) - order[m.fig.id])
        else:
            if len(offsets) == 1:
                at = place + offsets.pop()
                if 0 <= at < len(rows):
                    pos = rows[at]
                    va, vb = _value(_cell(table, pos, a)), _value(_cell(table, pos, b))
                    assert va is not None and vb is not None
                    readings.add((pos, a, (va - vb) * mult))
                    readings.add((pos, b, (va - vb) * mult))
    if len({(pos, d) for pos, _, d in readings}) != 1:
        return None  # no reading, or columns that read the row differently
    pos, _, difference = next(iter(readings))
    if abs(difference - gap.value) > NEAR * gap.value:
        return None
    cols = sorted({c for p, c, _ in readings if p == pos})
    if len(cols) != 2:
        return None
    first, second = (_cell(table, pos, c) for c in cols)
    assert first is not None and second is not None
    if _value(first) < _value(second):  # type: ignore[operator]
        first, second = second, first
    return Completed(gap, table, pos, first, second, len(items), len(found))
