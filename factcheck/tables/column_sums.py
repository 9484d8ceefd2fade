"""A column that adds up the columns right before it, row by row, found from the arithmetic alone.

A budget book builds next year's figure from this year's and the changes, with no word that says
so in the header::

    Service Area        2024 Operating   Maintain Current   New           2025 Proposed
                        Budget           Service Levels     Initiatives   Budget
    Corporate Transactions    46,846         (9,738)             0           37,108
    Fire & Emergency         156,971          5,473            671          163,114

A column of figures nothing else checks is read as the sum of a run of two or more columns right
before it when that holds, to the last digit or within the figures' rounding, in four rows at
least and in nine rows of ten that can tell (a total of four significant digits or more, two
parts that are not nil): a coincidence does not repeat down a column of long figures. Only
the rows where the reading holds are reported, never an alarm, as for the rows found from the
arithmetic (:mod:`.found_differences`): a row that misses may be read wrongly, and nothing in
the header says the column is a sum. A column headed by a range of years ("2021-25", "2021-30"
after the years 2021 … 2030, as the Joint Committee on Taxation and the CBO print them, with no
word "total") is tried as the sum of those years' columns alone, wherever they stand; the header
names the parts, so one row that can tell is enough, if nine of ten that can tell hold. So is a
biennium of fiscal years named by the years they end in ("2019-21" after "FY 2020", "FY 2021").

The first column of figures has no columns before it: it is tried as the sum of a run of the
columns right after it, under the same terms (a Form 990's "Total expenses" before its program,
management and fundraising columns; "Q3 Actuals" before "Q3 Budget" and "Q3 Variance $").
"""

from __future__ import annotations

import re
from fractions import Fraction

from .cells import CellNumber, long_figure
from .detect import Table
from .judging import holds, judge
from .labels import clean_label, year_range
from .records import TableCheck, cell_ref, make_check

MIN_ROWS = 4  # rows where the reading holds
SHARE = (9, 10)  # of the rows that can tell, at least this share holds
MIN_PARTS = 2


def column_sum_checks(table: Table, file: str = "", taken: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                      repeats: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> list[TableCheck]:
    """The cells of ``table``'s columns that add up a run of the columns right before them, or, for
    the first column of figures, right after it (module doc); ``taken``: (row, column) of cells other checks read already, which are left alone, except
    in a column its header says is the sum of years, where a cell of ``repeats`` (checked only as
    repeating one other figure, "Total $" under its one account) is read as that sum instead."""
    numbers = {(pos, c): n for pos, row in enumerate(table.rows) for c in row.cells
               if (n := table.amount(pos, c)) is not None}
    amounts = sorted({c for _, c in numbers})
    headers = {c.index: c.header for c in table.columns}
    out: list[TableCheck] = []
    for t in amounts:
        before = [c for c in amounts if c < t]
        spanned = _spanned_years(headers.get(t, ""), headers, before)
        rows = [(pos, total) for pos in range(len(table.rows))
                if (total := numbers.get((pos, t))) is not None and ((pos, t) not in taken or (spanned and (pos, t) in repeats))]
        after = [c for c in amounts if c > t]
        if len(rows) < (1 if spanned else MIN_ROWS) or len(before) + len(after) < MIN_PARTS:
            continue
        side = "before"
        best = _best_run(rows, spanned, numbers, whole=True) if spanned else _best_run(rows, before, numbers)
        if best is None and not spanned and not before:
            # the whole printed first ("United Kingdom | England | Wales | Scotland | Northern
            # Ireland"): the columns right after it, under the same terms
            side, best = "after", _best_run(rows, after[::-1], numbers)
        if best is None:
            continue
        held, run = best
        run = sorted(run)
        names = ", ".join(f"'{headers[c]}'" if headers.get(c) else f"column {c + 1}" for c in run)
        reading = f"the columns right {side} it added up, as in {held} rows of the table: {names}"
        for pos, total in rows:
            parts = [c for c in run if (pos, c) in numbers]
            if len(parts) < MIN_PARTS:
                continue
            j = judge([(1, numbers[pos, c]) for c in parts], total)
            if holds(j.verdict):
                refs = tuple(cell_ref(table, pos, table.rows[pos].cells[c]) for c in parts)
                out.append(make_check(table, file, "column", headers.get(t, ""), clean_label(table.rows[pos].label),
                                      cell_ref(table, pos, table.rows[pos].cells[t]), refs, j, reading, None))
    return out


def _spanned_years(header: str, headers: dict[int, str], before: list[int]) -> list[int]:
    """The columns of the years a header's range spans ("2021-25" over 2021 … 2025), when every
    one of them stands before it; empty otherwise."""
    span = year_range(header)
    if span is None:
        return []
    first, last = span
    by_year = {int(h): c for c in before if (h := headers.get(c, "").strip()).isdigit() and len(h) == 4}
    if first < last and all(y in by_year for y in range(first, last + 1)):
        return [by_year[y] for y in range(first, last + 1)]
    # a biennium of fiscal years named by the year they end in: "2019-21" after "FY 2020" and
    # "FY 2021" (July 2019 to June 2021), as the states that budget for two years print it
    fiscal = {int(m.group(1)): c for c in before if (m := _FISCAL_YEAR.fullmatch(headers.get(c, "").strip()))}
    if first < last and all(y in fiscal for y in range(first + 1, last + 1)):
        return [fiscal[y] for y in range(first + 1, last + 1)]
    return []


_FISCAL_YEAR = re.compile(r"FY\s?((?:19|20)\d\d)", re.IGNORECASE)


def _best_run(rows: list[tuple[int, CellNumber]], before: list[int], numbers: dict[tuple[int, int], CellNumber],
              whole: bool = False) -> tuple[int, list[int]] | None:
    """(rows that hold, the run) of the run of columns ending right before the total's column that
    the most rows add up to, as the module doc asks; None when none does. Each row's sum grows by
    one column at a time, leftwards, and is tried against the total's interval (the judge's test,
    without its records): the runs are tried shortest first and a tie keeps the shorter.
    ``whole``: only the run of all of ``before`` is tried (the columns a header's years name)."""
    sums = [Fraction(0)] * len(rows)
    halves = [Fraction(0)] * len(rows)
    shown = [0] * len(rows)
    nonzero = [0] * len(rows)
    best: tuple[int, list[int]] | None = None
    for start in range(len(before) - 1, -1, -1):
        col = before[start]
        for k, (pos, _total) in enumerate(rows):
            n = numbers.get((pos, col))
            if n is not None:
                sums[k] += n.value
                halves[k] += n.half
                shown[k] += 1
                nonzero[k] += bool(n.value)
        if len(before) - start < MIN_PARTS or (whole and start):
            continue
        telling = held = 0
        for k, (_pos, total) in enumerate(rows):
            if shown[k] < MIN_PARTS or nonzero[k] < MIN_PARTS or not long_figure(total):
                continue
            telling += 1
            held += abs(total.value - sums[k]) <= total.half + halves[k]
        if held >= (1 if whole else MIN_ROWS) and held * SHARE[1] >= telling * SHARE[0] and (best is None or held > best[0]):
            best = (held, before[start:])
    return best
