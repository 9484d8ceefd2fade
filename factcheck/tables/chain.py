"""A chain of adjustments: a row, the rows that say they are taken off or added to it, and the row
they come to.

Procurement exhibits (the DoD's P-40) and reconciliations print their figures as one chain, each
result the row before its adjustments, less and plus them::

    Gross/Weapon System Cost                 22,788.217
    Less PY Advance Procurement               5,275.519
    Less Cost To Complete                       180.598
    Less Subsequent Year Full Funding        10,163.210
    Less Transfer                               128.131
    Net Procurement (P-1)                     7,040.759   <- 22,788.217 - 5,275.519 - ... - 128.131
    Plus Subsequent Year Full Funding         6,859.200
    Full Funding TOA                         13,899.959   <- 7,040.759 + 6,859.200

The labels say which rows are adjustments ("Less", "Plus", "Add", "Af:", "Bij:"); the row before
them is the base and the row right after them the result. The reading counts where it holds in
half the columns at least; a column where it fails is an alarm only when it holds in three columns
or more and three quarters of them, else a doubt.
"""

from __future__ import annotations

import re

from .detect import Table
from .judging import holds, judge
from .labels import deducts, row_kind
from .records import TableCheck, cell_ref, make_check

_ADDS = re.compile(r"^(?:plus\b|add\b|add:|bij\b|bij:|vermeerderd\s+met\b)", re.IGNORECASE)
READING = "the row before its adjustments, less and plus the rows that say so (Less, Plus)"
_NOT_CLEAR = "the chain holds in too few columns to say this one is wrong"


def _sign(label: str) -> int:
    """+1 or -1 for an adjustment row, 0 for any other row."""
    text = label.strip()
    return -1 if deducts(text) else 1 if _ADDS.match(text) else 0


def _chains(table: Table) -> list[tuple[int, list[tuple[int, int]], int]]:
    """(base, [(adjustment, sign)], result) positions in ``table.rows``; rows without figures
    between the base and its adjustments (a note line) are passed over."""
    rows = table.rows
    signs = [_sign(r.label) for r in rows]
    out = []
    k = 0
    while k < len(rows):
        if not signs[k] or not rows[k].cells:
            k += 1
            continue
        end = k
        while end < len(rows) and signs[end] and rows[end].cells:
            end += 1
        base = k - 1
        while base >= 0 and not rows[base].cells:
            base -= 1
        ends_run = end < len(rows) and rows[end].cells and row_kind(rows[end].label) not in ("none", "memo")
        if base >= 0 and not signs[base] and ends_run and row_kind(rows[base].label) not in ("none", "memo"):
            out.append((base, [(p, signs[p]) for p in range(k, end)], end))
        k = end
    return out


def chain_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The checks of every chain of adjustments in the table's columns (see the module doc)."""
    headers = {c.index: c.header for c in table.columns}
    lanes = sorted({c for r in table.rows for c, cell in r.cells.items() if cell.number is not None})
    checks: list[TableCheck] = []
    for base, adjustments, result in _chains(table):
        judged = []
        for lane in lanes:
            total, first = table.amount(result, lane), table.amount(base, lane)
            if total is None or first is None:
                continue
            parts = [(base, 1, first)] + [(p, sign if n.value > 0 else 1, n)
                                          for p, sign in adjustments if (n := table.amount(p, lane)) is not None]
            if len(parts) < 2:
                continue
            judged.append((lane, parts, judge([(s, n) for _, s, n in parts], total)))
        fits = sum(1 for *_, j in judged if holds(j.verdict))
        if not judged or 2 * fits < len(judged):
            continue  # not this table's arithmetic
        if not any(holds(j.verdict) and any(n.value for _, _, n in parts[1:]) for _, parts, j in judged):
            continue  # adjustments nil wherever it holds: the result repeats the row above, and shows no chain
        clear = fits >= 3 and 4 * fits >= 3 * len(judged)
        row = table.rows[result]
        for lane, parts, j in judged:
            prefs = tuple(cell_ref(table, p, table.rows[p].cells[lane], s) for p, s, _ in parts)
            tref = cell_ref(table, result, row.cells[lane])
            doubt = None if holds(j.verdict) or clear else _NOT_CLEAR
            checks.append(make_check(table, file, "row", row.label.strip(), headers.get(lane, ""), tref, prefs, j,
                                     READING, doubt))
    return checks
