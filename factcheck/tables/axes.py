"""A chart's axis is no table.

Bar and line charts print their value axis as a column of round numbers stepping down to zero,
one under the other, with nothing beside them ("120,000  100,000  80,000 ... 20,000  -"). Read as
a table, three of its ticks add up by construction (15,000 = 10,000 + 5,000 + 0) and pass as a
checked total although the page states no sum. A person reading the page sees an axis: evenly
stepped figures ending at zero, with no row labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # detect calls in here while it finds tables
    from .detect import Table

# the least number of ticks is TableSettings' axis_ticks


def is_chart_axis(table: Table, ticks: int) -> bool:
    """Does the table hold nothing but a chart's value axis (or two: a left and a right axis
    printed on the same baselines)? Every row unlabelled, every column full and stepping evenly
    down to zero, over at least ``ticks`` rows (TableSettings.axis_ticks). (An axis set beside running text takes the text's lines for labels: left alone.)"""
    if len(table.rows) < ticks or any(row.label.strip() for row in table.rows):
        return False
    columns = {col for row in table.rows for col in row.cells}
    return bool(columns) and all(_evenly_to_zero(table, col) for col in columns)


def _evenly_to_zero(table: Table, col: int) -> bool:
    numbers = [cell.number if (cell := row.cells.get(col)) is not None else None for row in table.rows]
    values = [n.value for n in numbers if n is not None]
    if len(values) < len(numbers):
        return False  # an empty or a text cell: no axis
    steps = {a - b for a, b in zip(values, values[1:])}
    return values[-1] == 0 and len(steps) == 1 and 0 not in steps
