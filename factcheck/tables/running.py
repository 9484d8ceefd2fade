"""A running column: each row's figure is the row above's plus what this row adds.

A ledger prints its balance after every transaction, and a distribution its cumulative share::

    DATE         DESCRIPTION      DEBIT      CREDIT     RUNNING BALANCE
    13 Apr 2022  Xero (UK) Ltd        -       32.40          (6,286.44)
    14 Apr 2022  MKC          41,000.00           -           34,713.56   <- (6,286.44) + 41,000.00

    Consumption      % of Consumers    % of Consumers (Cumulative)
    0-15 m3/month              60.6%                         60.6%
    16-20 m3/month             17.8%                         78.3%   <- 60.6% + 17.8%

A column whose header says so ("running", "cumulative", "cumulatief") is read this way: each
of its figures as the one in the row above plus one other column of its row, or plus one and less
another (debit and credit), the reading that holds in most rows. It counts when it holds in three
quarters of the rows and in three at least where the row adds something. A column whose header
does not say so is read only when the arithmetic says it loudly: in four rows at least that add
something, every one of its figures and theirs of three significant digits or more, as a pension
fund's rolls year by year::

    July 1   Total    Added   Removed
    2010    33,625    2,335       907
    2011    35,334    2,652       943   <- 33,625 + 2,652 - 943

Nothing else is read: a failing row is written as a doubt (a reversal, a balance carried from
elsewhere), never an alarm.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .cells import CellNumber
from .detect import Table
from .judging import Judgement, holds, judge
from .labels import clean_label, row_kind
from .records import TableCheck, cell_ref, make_check

_RUNNING = re.compile(r"\b(?:running|cumulative|cumulatief|cumulatieve)\b", re.IGNORECASE)
MIN_ROWS = 3
MIN_UNNAMED_ROWS = 4  # rows that add something, for a column whose header does not name it running
MIN_DIGITS = 3  # significant digits of every figure of such a column's reading
_DOUBT = ("a running column read from the row above and this row's movements: this row may carry "
          "something the table does not print (a reversal, a balance brought in)")

_Parts = tuple[tuple[int, int], ...]  # (column, sign) of what a row adds


def _figure(table: Table, pos: int, col: int) -> CellNumber | None:
    cell = table.rows[pos].cells.get(col)
    return None if cell is None or cell.number is None else cell.number


def _may_hold(table: Table, col: int, steps: list[tuple[int, int]], parts: _Parts) -> bool:
    """Can the reading hold in three quarters of the steps where its figures are printed, with each
    figure anywhere within its rounding? (A bound, before the judge weighs the rounding exactly.)"""
    tried = near = 0
    for p, q in steps:
        total, above = _figure(table, q, col), _figure(table, p, col)
        moves = [(sg, _figure(table, q, c)) for c, sg in parts]
        figs = [(sg, n) for sg, n in [(1, above), *moves] if n is not None]
        if total is None or len(figs) != len(parts) + 1:
            continue
        tried += 1
        gap = abs(total.value - sum((sg * n.value for sg, n in figs), Fraction(0)))
        near += int(gap <= total.half + sum((n.half for _, n in figs), Fraction(0)))
        if 4 * (tried - near) > len(steps):
            return False
    return tried > 0 and 4 * near >= 3 * tried


def _changes(table: Table, col: int, held: list[tuple[int, int, Judgement]]) -> int:
    """Rows where the column's figure differs from the one above: the rows a reading can tell by."""
    count = 0
    for p, q, _ in held:
        above, here = _figure(table, p, col), _figure(table, q, col)
        count += int(above is not None and here is not None and above.value != here.value)
    return count


def _years(table: Table, col: int, rows: list[int]) -> bool:
    """Is the column one of years ("2010", "2011", …), which count up whatever stands beside them?"""
    return all((n := _figure(table, p, col)) is not None and n.value.denominator == 1 and 1900 <= n.value <= 2100
               and n.decimals == 0 for p in rows)


def _long(n: CellNumber | None) -> bool:
    digits = "".join(ch for ch in (n.text if n is not None else "") if ch.isdigit()).lstrip("0")
    return len(digits) >= MIN_DIGITS


def running_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The running columns of the table, each row read from the row above (see module doc)."""
    out: list[TableCheck] = []
    headers = {c.index: c.header for c in table.columns}
    cols = sorted({c for r in table.rows for c in r.cells})
    for col in cols:
        named = bool(_RUNNING.search(headers.get(col, "")))
        # consecutive rows that both print the running figure; a total ends the run
        rows = [p for p, r in enumerate(table.rows) if _figure(table, p, col) is not None
                and row_kind(r.label) not in ("total", "grand", "sub")]
        steps = [(p, q) for p, q in zip(rows, rows[1:]) if q == p + 1]
        percent = {p: _figure(table, p, col).percent for p in rows}  # type: ignore[union-attr]
        others = [c for c in cols if c != col and all(
            (n := _figure(table, q, c)) is None or n.nil or n.percent == percent[q] for _, q in steps)]
        if not named:
            # the arithmetic alone must name such a column: only long figures, and a quick exact
            # test of each reading first (a wide table has thousands of them)
            if len(steps) < MIN_UNNAMED_ROWS or _years(table, col, rows) or not all(
                    _long(_figure(table, p, col)) for p in rows):
                continue
            others = [c for c in others if any(_long(_figure(table, q, c)) for _, q in steps)]
        readings: list[_Parts] = [((c, s),) for c in others for s in (1, -1)]
        readings += [((a, 1), (b, -1)) for a in others for b in others if a != b]
        best: tuple[tuple[int, int], _Parts, list[tuple[int, int, Judgement]]] | None = None
        for parts in readings:
            if not named and not _may_hold(table, col, steps, parts):
                continue
            judged = []
            for p, q in steps:
                moves = [(s, _figure(table, q, c)) for c, s in parts]
                if any(n is None for _, n in moves):
                    continue
                j = judge([(1, _figure(table, p, col))] + moves, _figure(table, q, col))  # type: ignore[list-item,arg-type]
                judged.append((p, q, j))
            held = [t for t in judged if holds(t[2].verdict)]
            # a row that adds nothing fits any column of nils: it tells nothing
            telling = sum(1 for p, q, _ in held if any(
                (n := _figure(table, q, c)) is not None and n.value for c, _ in parts))
            if telling < MIN_ROWS or 4 * len(held) < 3 * len(judged):
                continue
            # (the column itself is of long figures and no years: settled above)
            if not named and (_changes(table, col, held) < MIN_UNNAMED_ROWS or not all(
                    _long(_figure(table, q, c)) for _, q, _ in held for c, _ in parts)):
                continue  # (movements that cancel, "2011 = 2010 + 100.0 − 100.0", tell nothing)
            key = (len(held), -len(parts))
            if best is None or key > best[0]:
                best = (key, parts, judged)
        if best is None:
            continue
        _, parts, judged = best
        tag = "a running column: the row above " + " ".join(
            f"{'plus' if s == 1 else 'less'} {headers.get(c, '') or 'column ' + str(c + 1)}" for c, s in parts)
        for p, q, j in judged:
            refs = [cell_ref(table, p, table.rows[p].cells[col], label=clean_label(table.rows[p].label))]
            refs += [cell_ref(table, q, table.rows[q].cells[c], sign=s) for c, s in parts
                     if not table.rows[q].cells[c].number.nil]  # type: ignore[union-attr]
            out.append(make_check(table, file, "column", headers.get(col, ""), clean_label(table.rows[q].label),
                                  cell_ref(table, q, table.rows[q].cells[col]), tuple(refs), j, tag,
                                  None if holds(j.verdict) else _DOUBT))
    return out
