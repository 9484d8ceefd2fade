"""A block of rows that is one earlier block minus another, row by row, matched by label.

Notes on capital assets print the same list of rows three times on a page: at cost, the
accumulated amortization, and the net book value, which is the first less the second:

    Land                          311,244,038   ...      (cost)
    Land (ARO amortization)                 -   ...      (accumulated amortization)
    Land                          311,244,038   ...      (net book value)

A row whose label (without what stands in brackets) was printed twice before on its page is read
against the last two of those rows: each of its columns as a column of the first less a column of
the second. Nothing says which columns, so a pair of columns counts only when it holds in three
quarters of the rows and in three at least with figures on all three sides, and the figures are long
(four significant digits or more in half the rows): a coincidence does not repeat down long
figures. A failing row is an alarm only when the pair holds in four rows at least.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .cells import CellNumber, long_figure
from .detect import Cell, Table
from .elsewhere import _scale
from .judging import Judgement, fit_verdict, holds, judge
from .labels import PARENTHESES, clean_label
from .records import TableCheck, cell_ref, make_check

MIN_ROWS = 3


def _key(label: str) -> str:
    return " ".join(PARENTHESES.sub(" ", clean_label(label)).lower().split())


def _amount(cell: Cell | None) -> CellNumber | None:
    if cell is None or cell.number is None or cell.number.percent:
        return None
    return cell.number


_Row = tuple[Table, int]


def stacked_checks(pages: Mapping[int, Sequence[Table]], file: str = "") -> list[TableCheck]:
    """The blocks of the pages' tables that are an earlier block less another (see module doc)."""
    out: list[TableCheck] = []
    for number in sorted(pages):
        seen: dict[str, list[_Row]] = {}
        for table in pages[number]:
            # rows of this table read against the two last rows of their label before it
            pairs: dict[int, tuple[_Row, _Row]] = {}
            for pos, row in enumerate(table.rows):
                key = _key(row.label)
                if not key or not row.cells:
                    continue
                earlier = seen.get(key, [])
                if len(earlier) >= 2 and _scale(earlier[-2][0]) == _scale(table) == _scale(earlier[-1][0]):
                    pairs[pos] = (earlier[-2], earlier[-1])
                seen.setdefault(key, []).append((table, pos))
            if len(pairs) >= MIN_ROWS:
                out.extend(_block_checks(table, pairs, file))
    return out


def _block_checks(table: Table, pairs: dict[int, tuple[_Row, _Row]], file: str) -> list[TableCheck]:
    headers = {c.index: c.header for c in table.columns}
    out: list[TableCheck] = []
    cols = sorted({c for pos in pairs for c in table.rows[pos].cells})
    for col in cols:
        best: tuple[int, int, int, list[tuple[int, list[tuple[int, CellNumber]], CellNumber]]] | None = None
        a_cols = sorted({c for (t, p), _ in pairs.values() for c in t.rows[p].cells})
        b_cols = sorted({c for _, (t, p) in pairs.values() for c in t.rows[p].cells})
        for x in a_cols:
            for y in b_cols:
                # every pair of columns is tried with the cheap test (judge's verdict where it
                # fits); the full judgements are made for the pair chosen
                rows: list[tuple[int, list[tuple[int, CellNumber]], CellNumber]] = []
                telling = longs = fits = 0
                for pos, ((ta, pa), (tb, pb)) in pairs.items():
                    t = _amount(table.rows[pos].cells.get(col))
                    a, b = _amount(ta.rows[pa].cells.get(x)), _amount(tb.rows[pb].cells.get(y))
                    if t is None or a is None or b is None:
                        continue
                    signed = [(1, a), (-1, b)]
                    rows.append((pos, signed, t))
                    if holds(fit_verdict(signed, t)):
                        fits += 1
                        if not (t.nil or a.nil or b.nil) and t.value and a.value and b.value:
                            telling += 1
                    longs += long_figure(t) or (long_figure(a) and long_figure(b))
                if telling < MIN_ROWS or 4 * fits < 3 * len(rows) or 2 * longs < len(rows):
                    continue
                if best is None or fits > best[0]:
                    best = (fits, x, y, rows)
        if best is None:
            continue
        fits, x, y, rows = best
        res: dict[int, Judgement] = {pos: judge(signed, t) for pos, signed, t in rows}
        for pos, j in sorted(res.items()):
            (ta, pa), (tb, pb) = pairs[pos]
            why = None if holds(j.verdict) or fits >= 4 else (
                "the block was read as two earlier blocks' difference from too few rows to be sure of it")
            parts = (cell_ref(ta, pa, ta.rows[pa].cells[x]), cell_ref(tb, pb, tb.rows[pb].cells[y], -1))
            what = (f"an earlier block less another, row by row: {_name(ta, x)} of the first rows of the same "
                    f"names above less {_name(tb, y)} of the second")
            out.append(make_check(table, file, "column", headers.get(col, ""), clean_label(table.rows[pos].label),
                                  cell_ref(table, pos, table.rows[pos].cells[col]), parts, j, what, why,
                                  relation="difference"))
    return out


def _name(table: Table, col: int) -> str:
    header = next((c.header for c in table.columns if c.index == col), "")
    return f"'{header}'" if header and not re.fullmatch(r"\W*", header) else f"column {col + 1}"
