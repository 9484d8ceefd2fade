"""Rows that print a spreadsheet's error where a figure should be ("384  #VALUE!  424").

The error holds its column's place (``cells.looks_numeric``) and is no figure, so a sum over that row
or through it misses a part nobody can read: whatever it gives is no evidence of an error in the
document's arithmetic, only of one in its spreadsheet. Such checks are kept, with that doubt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .cells import SHEET_ERROR
from .detect import Table
from .judging import holds
from .records import TableCheck

DOUBT = "a row of it prints a spreadsheet error (such as #VALUE!) where a figure should be"


def doubt_sheet_errors(checks: list[TableCheck], found: Mapping[int, Sequence[Table]]) -> list[TableCheck]:
    """``checks`` with each failing one that takes a figure from a row printing a spreadsheet error
    doubted (see the module's docstring)."""
    rows = set()
    for tables in found.values():
        for table in tables:
            for pos, row in enumerate(table.rows):
                if any(SHEET_ERROR.fullmatch(cell.text.strip()) for cell in row.cells.values()):
                    page, index, at = row.origin or (table.page, table.index, pos)
                    rows.add((page, index, at + 1))
    if not rows:
        return checks
    return [replace(c, doubt=DOUBT) if not holds(c.verdict) and any(
        (r.page, r.table, r.row) in rows for r in (c.total, *c.parts)) else c for c in checks]
