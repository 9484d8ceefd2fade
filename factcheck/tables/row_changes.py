"""A row of changes under a row of levels, each year's cell the level less the year before's.

Fiscal plans print a balance year by year and, under it, how much it improves::

                                                2024     2025     2026     2027
    Genormeerd structureel primair saldo       -0,93%   -0,78%   -0,43%   -0,09%
    Genormeerde structurele primaire verbetering          0,16%    0,35%    0,34%

The label says it is a change ("verbetering", "verandering", "mutatie", "change", "increase",
...), the columns say which years follow one another. The level row is one of the three rows
right above, the nearest whose reading holds; "verslechtering", "deterioration", "decrease" and
"afname" take the year before less the year. A reading counts when it holds in three quarters of
its lanes and in three at least (a coincidence does not repeat along a row); lanes where it then
fails are doubted, never alarms: the rows above may hold another level the label does not name.
"""

from __future__ import annotations

import re
from collections.abc import Container

from .detect import Cell, Table, is_figure
from .judging import Judgement, holds, judge
from .labels import clean_label, column_years
from .records import TableCheck, cell_ref, make_check

_CHANGE = re.compile(
    r"\b(?:verbetering|verslechtering|verandering|wijziging|mutatie|toename|afname|change|improvement|"
    r"deterioration|increase|decrease)\b", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:verslechtering|afname|deterioration|decrease)\b", re.IGNORECASE)
MIN_LANES = 3
ROWS_ABOVE = 3
_DOUBT = ("the row was read as the year-on-year changes of the row above from the years where that holds; "
          "here it does not, and the rows above may hold another level than the one it changes")


def row_change_checks(table: Table, file: str = "", checked: Container[tuple[int, tuple[float, ...]]] = ()
                      ) -> list[TableCheck]:
    """The change rows of the table, each read from a level row right above it (see module doc);
    cells another check reads already (``checked``: page and box) are left to it."""
    years = {col: found[0] for col, found in column_years(table).items() if len(found) == 1}
    after = {col: prev for col, year in years.items() for prev, y in years.items() if y == year - 1}
    if len(after) < MIN_LANES:
        return []
    out: list[TableCheck] = []
    for p, row in enumerate(table.rows):
        if row.section or not _CHANGE.search(row.label):
            continue
        sign = -1 if _AGAINST.search(row.label) else 1
        for q in range(p - 1, max(-1, p - 1 - ROWS_ABOVE), -1):
            level = table.rows[q]
            if level.section or _CHANGE.search(level.label):
                continue
            lanes: list[tuple[Cell, Cell, Cell, Judgement]] = []
            for col, prev in sorted(after.items()):
                cell, now, before = row.cells.get(col), level.cells.get(col), level.cells.get(prev)
                if not (is_figure(cell) and is_figure(now) and is_figure(before)):
                    continue
                assert cell is not None and now is not None and before is not None
                if not (cell.number.percent == now.number.percent == before.number.percent):  # type: ignore[union-attr]
                    continue
                j = judge([(sign, now.number), (-sign, before.number)], cell.number)  # type: ignore[list-item,arg-type]
                lanes.append((cell, now, before, j))
            held = sum(1 for *_, j in lanes if holds(j.verdict))
            if held < MIN_LANES or 4 * held < 3 * len(lanes):
                continue
            reading = (f"the year-on-year change of the {clean_label(level.label)} row right above it "
                       f"({'the year before less the year' if sign < 0 else 'the year less the year before'}), "
                       "as its label says")
            for cell, now, before, j in lanes:
                if (table.page, cell.bbox) in checked:
                    continue
                lane = next((c.header for c in table.columns if c.index == cell.col), "")
                out.append(make_check(table, file, "row", clean_label(row.label), lane, cell_ref(table, p, cell),
                                      (cell_ref(table, q, now, sign), cell_ref(table, q, before, -sign)), j, reading,
                                      None if holds(j.verdict) else _DOUBT))
            break
    return out
