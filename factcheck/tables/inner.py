"""Inner columns: a balance sheet's parts set in a column of their own, left of their subtotal.

Annual accounts print a group's items in an inner column and the group's amount in the outer
column under the same year, on the line under the last item (often with no label at all):

    Vorderingen
    Overlopende activa          753.389
                                              753.389
    Liquide middelen                        4.773.939
    Totaal                                  5.619.035

No row fills both columns. The outer figure closing a run of inner figures is their subtotal, and
a part of the outer column's total like any other row. It is checked when the inner figures (or
the one figure it repeats) add up to it; a run that does not add up is left unchecked, since
nothing but the layout says it is a sum (silence rather than a guess).
"""

from __future__ import annotations

from ..model import Verdict
from .detect import Cell, Table
from .items import CLOSING_DATE, OPENING_DATE
from .judging import Judgement, holds, judge
from .readings import cost_signs
from .records import TableCheck, cell_ref, make_check

_READING = "the figures in the inner column right above it, which add up to it (a balance sheet's subtotal)"


def _numbered(table: Table, row: int, col: int) -> bool:
    cell = table.rows[row].cells.get(col)
    return cell is not None and cell.number is not None and not cell.number.percent


def _apart_pairs(table: Table) -> tuple[list[int], list[int]]:
    """The rows with figures, and the columns ``a`` such that no row prints a figure both in
    column ``a`` and in column ``a + 1``: the pairs where one column may hold another's items."""
    valued = [r for r, row in enumerate(table.rows) if any(c.number is not None for c in row.cells.values())]
    return valued, [a for a in range(len(table.columns) - 1)
                    if not any(_numbered(table, r, a) and _numbered(table, r, a + 1) for r in valued)]


def inner_runs(table: Table) -> list[tuple[int, int, tuple[int, ...]]]:
    """(outer row, outer column, inner rows) for every outer figure that closes a run of figures
    in the column left of it. A pair of columns counts only when no row fills both and every run
    in the inner one is closed that way."""
    valued, pairs = _apart_pairs(table)
    paired = set(pairs) | {a + 1 for a in pairs}
    out: list[tuple[int, int, tuple[int, ...]]] = []
    for inner in pairs:
        outer = inner + 1
        runs: list[tuple[int, int, tuple[int, ...]]] = []
        run: list[int] = []
        closed = True
        for r in valued:
            if not (_numbered(table, r, inner) or _numbered(table, r, outer)) and all(
                    c in paired for c, cell in table.rows[r].cells.items() if cell.number is not None):
                continue  # (figures of another pair only: "boekresultaten … 0" printed for last year alone)
            if _numbered(table, r, inner):
                run.append(r)
            elif run:
                if not _numbered(table, r, outer):
                    closed = False
                    break
                runs.append((r, outer, tuple(run)))
                run = []
        if closed and not run and runs:
            out.extend(runs)
    return out


def inner_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Checks of the outer figures that close inner figures and add up to them (one inner figure
    carried over to the outer column is a check too, never an alarm)."""
    checks: list[TableCheck] = []
    headers = {c.index: c.header for c in table.columns}
    for row, col, parts in inner_runs(table):
        total = table.rows[row].cells[col]
        cells = [(p, table.rows[p].cells[col - 1]) for p in parts]
        assert total.number is not None
        j = judge([(1, c.number) for _, c in cells if c.number is not None], total.number)
        reading, signs = _READING, [1] * len(cells)
        if not holds(j.verdict) and (signed := _signed_reading(table, cells, total)) is not None:
            j, reading, signs = signed
        if not holds(j.verdict):
            # "46,339" under the current assets, then "Creditors (3,479)", then "Net current assets
            # 42,860" in the outer column: the inner subtotal line and the rows after it
            for k in range(len(cells) - 1, 0, -1):
                if table.rows[cells[k][0]].label.strip():
                    continue
                j = judge([(1, c.number) for _, c in cells[k:] if c.number is not None], total.number)
                if holds(j.verdict) and len(cells) - k >= 2:
                    cells = cells[k:]
                    break
            else:
                continue
        label = table.rows[row].label.strip() or "unlabelled subtotal (a figure in the outer column under the items it adds)"
        checks.append(_check(table, file, row, total, label, headers.get(col, ""), cells, j, reading, signs))
    return checks


_CHANGE_READING = "the balance at the end of the year less the one at its start, in the column beside it (the year's change)"
_NET_READING = "the figures in the column beside it, the costs among them taken off (a gross margin)"


def _signed_reading(table: Table, cells: list[tuple[int, Cell]], total: Cell) -> tuple[Judgement, str, list[int]] | None:
    """The outer figure as the run's figures with signs its labels give, where that holds: the
    closing balance less the opening one of a run of just those two ("Liquide middelen per 1
    januari", "Stand geldmiddelen per 31 december", then "Mutatie geldmiddelen"), or the income
    less the costs ("Netto omzet", "Directe kosten", then "Bruto winst"). None otherwise."""
    if total.number is None or any(c.number is None for _, c in cells):
        return None
    labels = [table.rows[r].label for r, _ in cells]
    if len(cells) == 2 and OPENING_DATE.search(labels[0]) and CLOSING_DATE.search(labels[1]):
        signs, reading = [-1, 1], _CHANGE_READING
    else:
        signs, reading = cost_signs(labels), _NET_READING
        if set(signs) != {1, -1}:
            return None
    j = judge([(sign, c.number) for sign, (_, c) in zip(signs, cells)], total.number)  # type: ignore[misc]
    return (j, reading, signs) if holds(j.verdict) else None


def _check(table: Table, file: str, row: int, total: Cell, label: str, header: str, cells: list[tuple[int, Cell]],
           j: Judgement, reading: str, signs: list[int] | None = None) -> TableCheck:
    """The check of ``total`` in row ``row`` against the figures of ``cells`` (row, cell) in another
    column, each with its sign (all added by default)."""
    signs = signs or [1] * len(cells)
    return make_check(table, file, "row", label, header, cell_ref(table, row, total, 1, label=table.rows[row].label),
                      tuple(cell_ref(table, p, c, sign, label=table.rows[p].label)
                            for (p, c), sign in zip(cells, signs)), j, reading, None)


_HEAD_READING = "the figures in the column beside it on the rows right below it, which add up to it (a group's amount on its heading line)"


def inner_heads(table: Table) -> list[tuple[int, int, int, tuple[int, ...]]]:
    """(head row, head column, items' column, item rows) for every figure whose group's items are
    printed in the column beside it on the rows below, down to the next figure of its own column
    ("Incidental subsidies  €25 750.00" in a TOTAL column over "NWO  €3 750.00" … in the RECEIVED
    column beside it). A pair of columns counts only when no row fills both."""
    valued, pairs = _apart_pairs(table)
    out: list[tuple[int, int, int, tuple[int, ...]]] = []
    for a in pairs:
        for own, beside in ((a, a + 1), (a + 1, a)):
            head: int | None = None
            items: list[int] = []
            for r in [*valued, None]:
                if r is None or _numbered(table, r, own):
                    if head is not None and items:
                        out.append((head, own, beside, tuple(items)))
                    head, items = r, []
                elif head is not None and _numbered(table, r, beside):
                    items.append(r)
    return out


def inner_head_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The heads of :func:`inner_heads` whose items add up to them; the others are left alone:
    nothing but the layout says the items are the head's (and a figure another reading checks
    keeps that check, even one that fails: a balance closing the rows above it is no head)."""
    headers = {c.index: c.header for c in table.columns}
    checks: list[TableCheck] = []
    for row, col, beside, parts in inner_heads(table):
        total = table.rows[row].cells[col]
        cells = [(p, table.rows[p].cells[beside]) for p in parts]
        assert total.number is not None
        if total.number.value == 0:
            continue  # a zero over figures of another group tells nothing
        j = judge([(1, c.number) for _, c in cells if c.number is not None], total.number)
        if j.verdict is not Verdict.CONSISTENT:
            continue  # (to the last digit: nothing but the layout says these figures belong together)
        checks.append(_check(table, file, row, total, table.rows[row].label.strip(), headers.get(col, ""), cells, j,
                             _HEAD_READING))
    return checks
