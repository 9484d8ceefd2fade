"""A column that adds up the columns right before it, row by row, found from the arithmetic alone.

A budget book builds next year's figure from this year's and the changes, with no word that says
so in the header::

    Service Area        2024 Operating   Maintain Current   New           2025 Proposed
                        Budget           Service Levels     Initiatives   Budget
    Corporate Transactions    46,846         (9,738)             0           37,108
    Fire & Emergency         156,971          5,473            671          163,114

A column of figures nothing else checks is read as the sum of a run of two or more columns right
before it when that holds, to the last digit or within the figures' rounding, in four rows at
least and in nine rows of ten that can tell (a total of four significant digits or more, two
parts that are not nil): a coincidence does not repeat down a column of long figures. Only
the rows where the reading holds are reported, never an alarm, as for the rows found from the
arithmetic (:mod:`.found_differences`): a row that misses may be read wrongly, and nothing in
the header says the column is a sum.
"""

from __future__ import annotations

from .cells import CellNumber, long_figure
from .detect import Table
from .judging import Judgement, holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

MIN_ROWS = 4  # rows where the reading holds
SHARE = (9, 10)  # of the rows that can tell, at least this share holds
MIN_PARTS = 2


def _amount(table: Table, pos: int, col: int) -> CellNumber | None:
    cell = table.rows[pos].cells.get(col)
    if cell is None or cell.number is None or cell.number.percent:
        return None
    return cell.number


def column_sum_checks(table: Table, file: str = "", taken: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                      ) -> list[TableCheck]:
    """The cells of ``table``'s columns that add up a run of the columns right before them (module
    doc); ``taken``: (row, column) of cells other checks read already, which are left alone."""
    amounts = sorted({c for pos in range(len(table.rows)) for c in table.rows[pos].cells
                      if _amount(table, pos, c) is not None})
    out: list[TableCheck] = []
    for t in amounts:
        best: tuple[int, list[int], list[tuple[int, list[CellNumber], CellNumber, Judgement]]] | None = None
        before = [c for c in amounts if c < t]
        # runs that end right before the column, shortest first (a tie keeps the shorter)
        for start in range(len(before) - MIN_PARTS, -1, -1):
            run = before[start:]
            found = _reading(table, t, run, taken)
            if found is not None and (best is None or found[0] > best[0]):
                best = (found[0], run, found[1])
        if best is None:
            continue
        _, run, rows = best
        headers = {c.index: c.header for c in table.columns}
        names = ", ".join(f"'{headers[c]}'" if headers.get(c) else f"column {c + 1}" for c in run)
        for pos, _parts, _total, j in rows:
            if not holds(j.verdict):
                continue
            parts = tuple(cell_ref(table, pos, table.rows[pos].cells[c]) for c in run
                          if _amount(table, pos, c) is not None)
            reading = f"the columns right before it added up, as in {best[0]} rows of the table: {names}"
            out.append(make_check(table, file, "column", headers.get(t, ""), clean_label(table.rows[pos].label),
                                  cell_ref(table, pos, table.rows[pos].cells[t]), parts, j, reading, None))
    return out


def _reading(table: Table, t: int, run: list[int], taken: set[tuple[int, int]] | frozenset[tuple[int, int]],
             ) -> tuple[int, list[tuple[int, list[CellNumber], CellNumber, Judgement]]] | None:
    """(rows that hold, the judged rows) when column ``t`` adds up ``run`` as the module doc says."""
    judged: list[tuple[int, list[CellNumber], CellNumber, Judgement]] = []
    telling = held = 0
    for pos in range(len(table.rows)):
        total = _amount(table, pos, t)
        parts = [n for c in run if (n := _amount(table, pos, c)) is not None]
        if total is None or (pos, t) in taken or len(parts) < MIN_PARTS:
            continue
        j = judge([(1, n) for n in parts], total)
        judged.append((pos, parts, total, j))
        if long_figure(total) and sum(1 for n in parts if n.value) >= MIN_PARTS:
            telling += 1
            held += holds(j.verdict)
    if held < MIN_ROWS or held * SHARE[1] < telling * SHARE[0]:
        return None
    return held, judged
