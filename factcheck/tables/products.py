"""Columns that are the product of two (or three) other columns of the same row, found from the arithmetic.

Order forms, cost estimates and risk tables print a calculation in every row::

    Da Vinci Catapult Kits    41    $14.99    $614.59     (quantity × unit price = amount)
    Aanvraag van subsidie     40    € 61,-    € 2.440,-   (hours × rate = cost)
    Hogere huisvestingskosten 1.017   25%     254         (amount × probability = risk)

No header says so, so every pair of columns is tried against each column to their right (a
result is printed after its factors), and a reading counts only when it holds in three rows at
least and in three quarters of the rows that can tell: a coincidence does not repeat down a
column (a reading whose first two rows that tell both miss is dropped at once). A row tells
only when the product of the printed figures rounds to the printed result, that result has two
significant digits at least, and neither factor is 1 (or 100 %), which any column times itself
would fit.

Each row of the winning reading is then judged exactly, every printed figure standing for the
interval its digits allow; a row where it fails is a mismatch (the reading holds in three rows
or more, so that is evidence, not our guess).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from fractions import Fraction

from ..model import Interval, Verdict, interval_verdict
from .cells import CellNumber
from .detect import Cell, Row, Table
from .judging import Judgement, holds
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

MIN_LANES = 3
MAX_COLUMNS = 12  # past this the triples of columns cost more than they find
MAX_ROWS = 200


def _factor(n: CellNumber) -> Fraction:
    """The figure as a multiplier: a percentage is its hundredth."""
    return n.value / 100 if n.percent else n.value


def _bounds(n: CellNumber) -> tuple[Fraction, Fraction]:
    return (n.lo / 100, n.hi / 100) if n.percent else (n.lo, n.hi)


def judge_product(factors: Sequence[CellNumber], result: CellNumber) -> Judgement:
    """The printed result against the product of the factors, exactly, with every figure's
    rounding interval."""
    point = Fraction(1)
    corners = [Fraction(1)]
    for n in factors:
        point *= _factor(n)
        # a product is monotonic in each factor, so its extremes over the intervals are corners
        corners = [x * y for x in corners for y in _bounds(n)]
    computed = Interval(min(corners), max(corners))
    stated = Interval(result.lo, result.hi)
    verdict, factor = interval_verdict(point, computed, result.value, stated)
    if verdict is Verdict.SCALE:
        verdict, factor = Verdict.MISMATCH, None  # a product off by a thousand is no scale slip of the table
    return Judgement(verdict, result.value - point, computed, stated, max(corners) - point + result.half, factor)


class _Figures:
    """A table's figures as factors (a percentage as its hundredth) and half-units, each a whole
    numerator over a whole denominator, worked out once: every pair of columns is tried against
    every column to their right, and whole-number arithmetic is the same test without a
    Fraction made and reduced at every step."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows: list[dict[int, CellNumber]] = [
            {c: cell.number for c, cell in row.cells.items() if cell.number is not None and not cell.number.nil}
            for row in rows]
        # per row and column: factor numerator, denominator, half numerator, denominator
        self.factor: list[dict[int, tuple[int, int, int, int]]] = []
        self.result: list[dict[int, tuple[int, int, int, int]]] = []  # the same, for a result that tells
        self.ones: list[set[int]] = []  # the columns whose factor is 1 (or 100 %), per row
        for r in self.rows:
            factors, results, ones = {}, {}, set()
            for c, n in r.items():
                f, h = _factor(n), (n.half / 100 if n.percent else n.half)
                if f not in (0, 1):  # a factor of 1 (or 100 %) fits any column times itself
                    factors[c] = (f.numerator, f.denominator, h.numerator, h.denominator)
                elif f == 1:
                    ones.add(c)
                if abs(n.value) >= 20 * n.half:  # "6" (one significant digit) fits too many products
                    v = n.value
                    results[c] = (v.numerator, v.denominator, n.half.numerator, n.half.denominator)
            self.factor.append(factors)
            self.result.append(results)
            self.ones.append(ones)

    def telling(self, res: int) -> list[int]:
        """The rows whose figure in column ``res`` can tell a product from another."""
        return [p for p, r in enumerate(self.result) if res in r]

    def holds(self, lanes: list[int], a: int, b: int, res: int) -> list[int]:
        """The lanes where the printed product rounds to the printed result; [] when three
        quarters of the lanes that tell cannot hold, or the first two that tell both miss."""
        fits: list[int] = []
        misses = 0
        for n, p in enumerate(lanes):
            fr = self.factor[p]
            if a not in fr or b not in fr:
                continue
            (na, da, han, had), (nb, db, hbn, hbd) = fr[a], fr[b]
            nr, dr, rhn, rhd = self.result[p][res]
            # off = |a·b − result| = x / (da·db·dr); a fit: off <= the result's half-unit
            x = abs(na * nb * dr - nr * da * db)
            if x * rhd <= rhn * da * db * dr:
                fits.append(p)
                continue
            # a sure miss: off beyond the result's half-unit + |a|·hb + |b|·ha + ha·hb, within which
            # the product of the figures' intervals lies
            lhs = x * rhd * had * hbd
            rhs = (rhn * da * db * dr * had * hbd + abs(na) * hbn * db * dr * rhd * had
                   + abs(nb) * han * da * dr * rhd * hbd + han * hbn * da * db * dr * rhd)
            if lhs > rhs:
                misses += 1
                if misses > len(fits) + 1 or 3 * misses > len(fits) + len(lanes) - n - 1:
                    return []
        return fits if len(fits) >= MIN_LANES and 4 * len(fits) >= 3 * (len(fits) + misses) else []

    def holds_three(self, lanes: list[int], factors: tuple[int, int, int], res: int) -> list[int]:
        """:meth:`holds` for a product of three columns (count × years × rate = cost): a lane
        tells only where two factors at least are other than 1, and the reading needs the same
        three rows and three quarters of the lanes that tell."""
        fits: list[int] = []
        misses = 0
        for p in lanes:
            fr, ones = self.factor[p], self.ones[p]
            if any(k not in fr and k not in ones for k in factors):
                continue  # a factor not printed, or nothing
            if sum(1 for k in factors if k in ones) > 1:
                continue  # "1 × 1 × 250,000": the rate copied, no product to tell
            # whole-number arithmetic as in holds(): off = |a·b·c − result| = x / (da·db·dc·dr)
            (na, da), (nb, db), (nc, dc) = (fr[k][:2] if k in fr else (1, 1) for k in factors)
            nr, dr, rhn, rhd = self.result[p][res]
            den = da * db * dc * dr
            x = abs(na * nb * nc * dr - nr * da * db * dc)
            if x * rhd <= rhn * den:
                fits.append(p)  # the printed product rounds to the printed result
                continue
            # off by a tenth of the result or more is a miss however the figures were rounded (the
            # reading needs a result of two significant digits, its factors whole or precise)
            if 10 * x > abs(nr) * da * db * dc or not holds(
                    judge_product([self.rows[p][k] for k in factors], self.rows[p][res]).verdict):
                misses += 1
                if misses > len(fits) + 1:
                    return []
        return fits if len(fits) >= MIN_LANES and 4 * len(fits) >= 3 * (len(fits) + misses) else []


def _count_first(table: Table, a: int, b: int) -> bool:
    """Is column ``a`` the count (no currency sign, whole figures) when ``b`` is the price?"""
    def plain(col: int) -> bool:
        return all(c.number is None or (c.number.currency is None and c.number.value.denominator == 1
                                        and not c.number.percent)
                   for r in table.rows if (c := r.cells.get(col)) is not None)
    return plain(a) or not plain(b)


def _search(figures: _Figures) -> list[tuple[list[int], tuple[int, ...], int]]:
    """The readings that hold: (rows where they fit, factor columns, result column). Two factor
    columns are tried first; three (count × years × rate) only where no two hold."""
    rows = figures.rows
    cols = sorted({c for r in rows for c in r})
    if len(rows) < MIN_LANES or len(rows) > MAX_ROWS or not 3 <= len(cols) <= MAX_COLUMNS:
        return []
    out: list[tuple[list[int], tuple[int, ...], int]] = []
    for k, res in enumerate(cols):
        telling = figures.telling(res)
        if k < 2 or len(telling) < MIN_LANES:
            continue
        best: tuple[list[int], tuple[int, ...]] | None = None
        for i in range(k):
            for j in range(i + 1, k):
                fits = figures.holds(telling, cols[i], cols[j], res)
                if fits and (best is None or len(fits) > len(best[0])):
                    best = (fits, (cols[i], cols[j]))
        if best is None:
            for trio in itertools.combinations(cols[:k], 3):
                fits = figures.holds_three(telling, trio, res)  # type: ignore[arg-type]
                if fits and (best is None or len(fits) > len(best[0])):
                    best = (fits, trio)
        if best is None:
            continue
        fits, factors = best
        if any(all(rows[p].get(other) == rows[p][res] for p in fits) for other in cols[:k] if other not in factors):
            # a copy of a column to its left where the product holds (a net column: the product
            # less a deduction printed in a few rows only): the reading is that column's
            continue
        out.append((fits, factors, res))
    return out


def product_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Every column that is the product of two columns to its left in most rows (module doc)."""
    if not MIN_LANES <= len(table.rows) <= MAX_ROWS or len({c for r in table.rows for c in r.cells}) < 3:
        return []  # (before any figure is worked out: most tables have no room for a product)
    out: list[TableCheck] = []
    for fits, factors, res in _search(_Figures(table.rows)):
        out.extend(_checks(table, file, factors, res, len(fits)))
    return out


def product_columns(table: Table) -> set[int]:
    """The columns that are the product of two columns to their left in most rows (module doc)."""
    if not MIN_LANES <= len(table.rows) <= MAX_ROWS or len({c for r in table.rows for c in r.cells}) < 3:
        return set()
    return {res for _fits, _factors, res in _search(_Figures(table.rows))}


def page_product_checks(found: dict[int, list[Table]], file: str = "") -> list[TableCheck]:
    """Products in tables too short to show them on their own, read from all the tables of their
    page together: the reader cuts one order form into several tables where a heading line or a
    blank line stands between its rows ("Glass Dish 3 $4.00 $12.00" in a table of two rows). A
    row where such a reading fails is doubted, not an alarm: its own table did not show it."""
    out: list[TableCheck] = []
    for tables in found.values():
        if len(tables) < 2:
            continue
        pooled = [(t, p) for t in tables for p in range(len(t.rows))]
        figures = _Figures([t.rows[p] for t, p in pooled])
        for fits, factors, res in _search(figures):
            for table in tables:
                if any(c.total.col == res + 1 for c in product_checks(table)):
                    continue  # its own reading goes first
                if not any(pooled[p][0] is table for p in fits):
                    continue  # nothing of it fits: the reading is the other tables'
                out.extend(_checks(table, file, factors, res, len(fits), "the product was read from the rows of all the "
                                   "tables on the page together; this table's own rows are too few to show it"))
    return out


def _checks(table: Table, file: str, factors: tuple[int, ...], res: int, fits: int,
            doubt: str | None = None) -> list[TableCheck]:
    """One check per row of the table with figures in the factor and result columns; ``doubt``:
    why a row that fails may be our misreading."""
    if len(factors) == 2 and not _count_first(table, *factors):
        factors = (factors[1], factors[0])
    headers = {c.index: c.header for c in table.columns}
    names = [_name(headers, c) for c in factors]
    out = []
    for p, row in enumerate(table.rows):
        if any(row.cells.get(c) is None or row.cells[c].number is None or row.cells[c].number.nil  # type: ignore[union-attr]
               for c in (*factors, res)):
            continue
        cells = table.rows[p].cells
        numbers = [cells[c].number for c in factors]
        cr = cells[res]
        assert cr.number is not None and all(n is not None for n in numbers)
        j = judge_product([n for n in numbers if n is not None], cr.number)
        reading = (f"{' × '.join(_plain(cells[c]) for c in factors)}: found from the arithmetic, the column is the "
                   f"product of {', '.join(names[:-1])} and {names[-1]} in {fits} rows")
        out.append(make_check(table, file, "column", headers.get(res, "") or "product", clean_label(table.rows[p].label),
                              cell_ref(table, p, cr), tuple(cell_ref(table, p, cells[c]) for c in factors), j,
                              reading, None if holds(j.verdict) else doubt, relation="product"))
    return out


def _name(headers: dict[int, str], col: int) -> str:
    header = headers.get(col, "").strip()
    return f"column '{header}'" if header else f"column {col + 1}"


def _plain(cell: Cell) -> str:
    return cell.text.strip()
