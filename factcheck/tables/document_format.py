"""The decimal separator a table leaves open, read from the document's other tables.

A table whose figures all look like ``163.946`` gives no evidence of its decimal separator: the
figure is 163,946 with a thousands point or 163.946 with a decimal one. On its own such a table
is read as whole numbers (:func:`~.cells.decide_decimal_sep`), which is what tables print far
more often. But a document keeps one number format: a US budget exhibit "($ in Millions)" whose
cost table prints only three-decimal figures proves its decimal point in the next table
("-0.794", "0.000"). Where the document's other tables agree on one separator, the open table is
read with it; a document whose tables disagree, or only one of which decides, leaves it open.

Only figures the two readings read differently change (one group of three digits after the
other table's decimal character), and only their value: which cells hold figures does not, so the
table's rows and columns stay as they were found.
"""

from __future__ import annotations

from dataclasses import replace

from .cells import DecimalSep, parse_cell
from .detect import Cell, Table

# Decided tables needed before the document's separator is trusted: one table may be odd
# (a percentage table typeset by another hand).
MIN_DECIDED = 2


def document_decimal_sep(found: dict[int, list[Table]]) -> DecimalSep | None:
    """The one decimal separator the document's tables decided, or None (too few, or they disagree)."""
    decided = [t.decimal_sep for tables in found.values() for t in tables if t.decimal_sep is not None]
    if len(decided) < MIN_DECIDED or len(set(decided)) != 1:
        return None
    return decided[0]


def settle_open_tables(found: dict[int, list[Table]]) -> dict[int, list[Table]]:
    """``found`` with every table that left its decimal separator open read with the document's
    (:func:`document_decimal_sep`); unchanged when the document has none."""
    sep = document_decimal_sep(found)
    if sep is None or all(t.decimal_sep is not None for tables in found.values() for t in tables):
        return found
    return {page: [t if t.decimal_sep is not None else _reread(t, sep) for t in tables]
            for page, tables in found.items()}


def _reread(table: Table, sep: DecimalSep) -> Table:
    rows = [replace(row, cells={col: _recell(cell, sep) for col, cell in row.cells.items()}) for row in table.rows]
    return replace(table, rows=rows, decimal_sep=sep)


def _recell(cell: Cell, sep: DecimalSep) -> Cell:
    if cell.number is None:
        return cell
    number = parse_cell(cell.text, sep)
    if number is None or number.value == cell.number.value:
        return cell  # a text cell stays one, and a figure both readings agree on is left as read
    return replace(cell, number=number)

