"""Rows that are the sum of a run of other rows in every column, found from the arithmetic alone.

Summary tables print their aggregates without the word total, and often apart from their parts
(Box 3 tables of the Dutch tax plan)::

    bank- en spaartegoeden    79.703   126.154   25.607   231.464
    schuld                   -12.290   -28.426  -14.632   -55.348
    aandelen/obligaties       10.647    49.188   43.019   102.854
    onroerende zaken          16.614    65.773   28.504   110.891
    overige vermogenstitels    5.634    21.492   11.777    38.903
    sparen                    67.413    97.728   10.975   176.116    <- the first two rows
    beleggen                  32.895   136.453   83.300   252.648    <- the next three

A row whose figures in three columns or more each equal the sum of the same run of two to
eight adjacent rows is that run's total: chance does not give that in three columns at once.
A near miss can be chance, so only sums that hold are reported, never an alarm; the shortest
run wins, then the nearest. A row that merely repeats one row of the run is no total.
"""

from __future__ import annotations

from .detect import Cell, Table
from .judging import holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

MIN_LANES = 3
MAX_RUN = 8
MAX_ROWS = 120  # past this a table is a listing, and the search would cost more than it finds


def _amounts(table: Table) -> list[dict[int, Cell]]:
    """Per row, its amount cells (no percentages); a nil dash counts as an amount of zero."""
    return [{c: cell for c, cell in row.cells.items() if cell.number is not None and not cell.number.percent}
            for row in table.rows]


class _Lanes:
    """The table's figures in a set of lanes as whole multiples of each lane's finest printed
    unit, with running sums, so that the sum of any run of rows costs one subtraction a lane."""

    def __init__(self, rows: list[dict[int, Cell]], lanes: tuple[int, ...]) -> None:
        unit = {ln: max(10 ** r[ln].number.decimals for r in rows if ln in r) for ln in lanes}  # type: ignore[union-attr]
        self.ints: list[tuple[int, ...] | None] = []
        self.halves: list[tuple[int, ...]] = []
        for r in rows:
            if not all(ln in r for ln in lanes):
                self.ints.append(None)
                self.halves.append(tuple(0 for _ in lanes))
                continue
            vals = [r[ln].number.value * unit[ln] for ln in lanes]  # type: ignore[union-attr]
            self.ints.append(tuple(int(v) if v.denominator == 1 else round(v) for v in vals))
            # a nil dash is exactly zero here: "..." + "..." is no sum of 0.01 (the claim file, which
            # writes a dash as 0, must come to the same verdict)
            self.halves.append(tuple(0 if r[ln].number.nil else unit[ln] // 10 ** r[ln].number.decimals  # type: ignore[union-attr]
                                     for ln in lanes))
        zero = tuple(0 for _ in lanes)
        self.sums, self.room, self.gaps = [zero], [zero], [0]
        for ints, halves in zip(self.ints, self.halves):
            self.sums.append(tuple(a + b for a, b in zip(self.sums[-1], ints or zero)))
            self.room.append(tuple(a + b for a, b in zip(self.room[-1], halves)))
            self.gaps.append(self.gaps[-1] + (ints is None))

    def run_fits(self, start: int, stop: int, target: int) -> bool:
        """Do rows start..stop-1 (all with figures in every lane) add up to row ``target`` in every
        lane, within half a unit of each printed figure's last digit?"""
        if self.gaps[stop] != self.gaps[start]:
            return False
        want, own = self.ints[target], self.halves[target]
        assert want is not None
        lo, hi, rlo, rhi = self.sums[start], self.sums[stop], self.room[start], self.room[stop]
        return all(abs(2 * (b - a - w)) <= rb - ra + o for b, a, w, rb, ra, o in zip(hi, lo, want, rhi, rlo, own))


def found_sum_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Every row that equals the sum of a run of adjacent rows in all its columns (module doc)."""
    rows = _amounts(table)
    if len(rows) > MAX_ROWS or len(rows) < 3 or len(table.columns) < MIN_LANES:
        return []
    headers = {c.index: c.header for c in table.columns}
    out: list[TableCheck] = []
    views: dict[tuple[int, ...], _Lanes] = {}
    for t, cells in enumerate(rows):
        lanes = tuple(sorted(ln for ln, c in cells.items() if not c.number.nil and c.number.value != 0))  # type: ignore[union-attr]
        if len(lanes) < MIN_LANES or not any(len(cells[ln].text.strip("()-–$€ ")) >= 4 for ln in lanes):
            continue
        view = views.get(lanes) or views.setdefault(lanes, _Lanes(rows, lanes))
        target = view.ints[t]
        best = None
        for size in range(2, MAX_RUN + 1):
            for start in range(len(rows) - size + 1):
                if start <= t < start + size or not view.run_fits(start, start + size, t):
                    continue
                figures = view.ints[start:start + size]
                if target in figures or sum(1 for f in figures if f and any(f)) < 2:
                    continue  # a copy of one row, or one row and zeros: no sum to speak of
                if best is None or abs(start - t) < abs(best.start - t):
                    best = range(start, start + size)
            if best is not None:
                break
        if best is None:
            continue
        judged = []
        for ln in lanes:
            parts = [(1, rows[p][ln].number) for p in best]
            j = judge(parts, cells[ln].number)  # type: ignore[arg-type]
            if not holds(j.verdict):
                break
            judged.append((ln, j))
        else:
            names = [clean_label(table.rows[p].label) for p in best]
            reading = (f"found from the arithmetic: in every column it is the sum of the {len(best)} rows "
                       f"from '{names[0]}' to '{names[-1]}'")
            for ln, j in judged:
                parts_refs = tuple(cell_ref(table, p, rows[p][ln]) for p in best)
                out.append(make_check(table, file, "row", clean_label(table.rows[t].label), headers.get(ln, ""),
                                      cell_ref(table, t, cells[ln]), parts_refs, j, reading, None))
    return out
