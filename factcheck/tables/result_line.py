"""A result printed once, under a row that prints the two totals it nets side by side.

A municipal body's account by task closes with its costs and income in two columns and the
result under them in one::

                              Lasten 2020      Baten 2020
    Totaal lasten en baten     21.423.873      21.907.544
    Resultaat positief                            483.671   <- 21.907.544 − 21.423.873

The line's words must say it is a result ("Resultaat", "Saldo", "Surplus", "Deficit", "Net"), it
prints one figure, and the row right above it (the nearest with figures) prints exactly two. The
figure is the one less the other, either way round: the words ("positief", "nadelig") say which is
larger, not which column comes first. Only a reading that holds is reported, never an alarm: a
result that misses may net other figures (a transfer to the reserves printed further down).
"""

from __future__ import annotations

import re

from .cells import long_figure
from .detect import Cell, Table
from .judging import holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

_RESULT = re.compile(
    r"^(?:\w+\s+)?(?:resultaat|saldo|surplus|deficit|net\s+result|overschot|tekort)\b", re.IGNORECASE)
_READING = "the result of the two totals printed side by side in the row above it: the one less the other"


def _amounts(table: Table, pos: int) -> dict[int, Cell]:
    return {c: cell for c, cell in table.rows[pos].cells.items() if (n := table.amount(pos, c)) is not None and not n.nil}


def result_line_checks(table: Table, file: str, checked: set[tuple[int, tuple[float, float, float, float]]]
                       ) -> list[TableCheck]:
    """Each one-figure result line under a row of two totals, where it is their difference (module
    doc). ``checked``: figures (page, bbox) other checks read already, left to them."""
    out: list[TableCheck] = []
    headers = {c.index: c.header for c in table.columns}
    for pos in range(1, len(table.rows)):
        row = table.rows[pos]
        if not _RESULT.match(clean_label(row.label)):
            continue
        mine = _amounts(table, pos)
        if len(mine) != 1:
            continue
        (col, cell), = mine.items()
        total = cell_ref(table, pos, cell)
        if (total.page, total.bbox) in checked or not long_figure(cell.number):  # type: ignore[arg-type]
            continue
        above, pair = next(((q, got) for q in range(pos - 1, -1, -1) if (got := _amounts(table, q))), (None, {}))
        if above is None or len(pair) != 2:
            continue
        a, b = (cell for _, cell in sorted(pair.items()))
        for first, second in ((b, a), (a, b)):
            j = judge([(1, first.number), (-1, second.number)], cell.number)  # type: ignore[list-item, arg-type]
            if holds(j.verdict):
                parts = (cell_ref(table, above, first), cell_ref(table, above, second, -1))
                out.append(make_check(table, file, "row", clean_label(row.label), headers.get(col, ""), total,
                                      parts, j, _READING, None))
                break
    return out
