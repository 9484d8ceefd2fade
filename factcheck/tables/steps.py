"""Rows that state how an amount row above them moves from one column to the next.

Budget summaries close with lines such as

    Gross Revenues                  10,586,482.18   11,082,403.58   11,646,989.92
    Anticipated % Increase                                  4.68%           5.09%
    Anticipated Revenue Increase                                      $564,586.34

where each figure compares the amount row above in its own column with the column before it: a
percentage is the growth (new − old) / old, an amount the difference new − old. The row's label
must say it is a change ("Increase", "Change", "Toename", ...), and the amount row is the nearest
one above with amounts in two columns at least. Both directions are tried (years printed left to
right or right to left); a direction counts when it holds in three quarters of the lanes. A row
with a single lane has no majority to ask: it is confirmed when it holds and says nothing when it
does not, and a failing lane is an alarm only under a direction that holds in two lanes at least.
"""

from __future__ import annotations

import re

from .cells import CellNumber
from .detect import Cell, Table
from .judging import Judgement, holds, judge
from .labels import clean_label
from .percentages import _PERCENT_SLACK, _number, judge_growth
from .records import TableCheck, cell_ref, make_check

# what the label of a change row says (no "difference"/"verschil": between two named rows, not
# two columns)
_STEP = re.compile(
    r"\b(?:increase|decrease|change|growth|groei|toename|afname|stijging|daling|mutatie)\b", re.IGNORECASE)
MIN_LANES = 2
_PERCENT_LABEL = re.compile(r"\b(?:pct|percent(?:age)?|per\s+cent|procent(?:uele)?)\b|%", re.IGNORECASE)


def _amounts(table: Table, pos: int) -> dict[int, Cell]:
    return {c: cell for c, cell in table.rows[pos].cells.items() if (n := _number(cell)) is not None and not n.percent}


def _judge(kind: str, new: CellNumber, old: CellNumber, stated: CellNumber) -> Judgement | None:
    if kind == "growth":
        return judge_growth(old, new, stated)
    return judge([(1, new), (-1, old)], stated)


def step_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Every change row of the table read as the step of the amount row above it from one
    column to the next (see module doc)."""
    headers = {c.index: c.header for c in table.columns}
    out: list[TableCheck] = []
    for p, row in enumerate(table.rows):
        if not _STEP.search(row.label) or _PERCENT_LABEL.search(row.label) and not any(
                (n := _number(c)) is not None and n.percent for c in row.cells.values()):
            # ("Pct Change  -0.28" under "Change  -0.2  -0.1": a percentage printed without its
            # sign, of another row, never the step of the row above from column to column)
            continue
        stated = {c: cell for c, cell in row.cells.items() if _number(cell) is not None}
        if not stated:
            continue
        above = next((q for q in range(p - 1, -1, -1) if len(_amounts(table, q)) >= MIN_LANES), None)
        if above is None:
            continue
        base = _amounts(table, above)
        cols = sorted(base)
        best: tuple[int, int, list[tuple[int, int, int, Judgement]]] | None = None
        for step in (-1, 1):  # the column before (years left to right), or after
            lanes = []
            for c, cell in stated.items():
                n = cell.number
                assert n is not None
                kind = "growth" if n.percent else "difference"
                i = cols.index(c) if c in cols else -1
                if i < 0 or not 0 <= i + step < len(cols):
                    continue
                other = cols[i + step]
                j = _judge(kind, base[c].number, base[other].number, n)  # type: ignore[arg-type]
                if j is not None:
                    lanes.append((c, other, 1 if kind == "growth" else 0, j))
            fits = sum(holds(j.verdict) for *_, j in lanes)
            if fits and 4 * fits >= 3 * len(lanes) and (best is None or fits > best[0]):
                best = (fits, step, lanes)
        if best is None:
            continue
        fits, step, lanes = best
        for c, other, growth, j in lanes:
            if not holds(j.verdict) and fits < MIN_LANES:
                continue  # one lane that holds confirms itself, and nothing else
            new, old = base[c], base[other]
            total = cell_ref(table, p, stated[c], half=stated[c].number.half * (_PERCENT_SLACK if growth else 1))  # type: ignore[union-attr]
            parts = (cell_ref(table, above, new), cell_ref(table, above, old, -1 if not growth else 1))
            old_name, new_name = headers.get(other, ""), headers.get(c, "")
            what = (f"a change along the row: the {clean_label(table.rows[above].label)} row "
                    + (f"from {old_name} to {new_name}" if old_name and new_name else
                       f"from the column {'before' if step < 0 else 'after'} to its own"))
            out.append(make_check(table, file, "row", clean_label(row.label), headers.get(c, ""), total, parts, j,
                                  what, None, relation="growth" if growth else "difference"))
    return out
