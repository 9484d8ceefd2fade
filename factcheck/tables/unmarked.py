"""Percentage columns printed without a % sign or a % header, found from the arithmetic.

A monthly table prints the change over last year as a bare figure, its "%" lost in a header the
reader did not join to the column::

    January    219,360   238,924    8.9     (238,924 − 219,360) / 219,360 = 8.9 %
    February   197,517   235,618   19.3

The percentage checks (factcheck.tables.percentages) read only columns marked as percentages.
Here every column of figures but those with a % on every figure is tried as the change from one
column to its left to another, and as the share of one column in another: a reading counts
only when the printed figure is the percentage to its last digit in three rows at least and in
three quarters of the rows that can tell (a coincidence does not repeat down a column); a
reading whose first two rows that tell both miss is dropped at once. Rows where a percentage
would be trivial (no change) or has one significant digit ("0.1", which many ratios round to)
tell nothing. A row where the winning reading fails is a mismatch. A figure another check reads
keeps that reading, even one that fails (factcheck.tables.totals.check_table).
"""

from __future__ import annotations

from .cells import CellNumber
from .detect import Row, Table
from .judging import holds
from .labels import clean_label
from .percentages import _PERCENT_SLACK, _near, _signed_columns, judge_growth, judge_share
from .records import TableCheck, cell_ref, make_check

MIN_LANES = 3
MAX_COLUMNS = 12
MAX_ROWS = 200


def _telling(pct: CellNumber) -> bool:
    """Can this figure tell a percentage from another: no % sign (those columns are read by
    factcheck.tables.percentages), two significant digits at least ("0.1" fits too much)."""
    return not pct.percent and abs(pct.value) >= 20 * pct.half and abs(pct.value) <= 10_000


def _holds(rows: list[dict[int, CellNumber]], lanes: list[int], old: int, new: int, res: int,
           kind: str) -> int:
    """In how many of the lanes the percentage is the growth (or share) to its last digit; 0 when
    three quarters of the rows that tell cannot hold, or the first two that tell both miss."""
    fits = misses = 0
    for n, p in enumerate(lanes):
        r = rows[p]
        if r[new].value == r[old].value:
            continue  # no change: any percentage of nothing
        told = _near(r[new], r[old], r[res], kind)
        if told:
            fits += 1
        elif told is False:
            misses += 1
            if misses > fits + 1 or 3 * misses > fits + len(lanes) - n - 1:
                return 0
    return fits if fits >= MIN_LANES and 4 * fits >= 3 * (fits + misses) else 0


def _search(rows: list[dict[int, CellNumber]], signed: set[int]) -> list[tuple[int, int, int, str, int]]:
    """The readings that hold: (result column, old and new columns, kind, rows where it fits)."""
    cols = sorted({c for r in rows for c in r})
    if len(rows) < MIN_LANES or len(rows) > MAX_ROWS or not 3 <= len(cols) <= MAX_COLUMNS:
        return []
    out = []
    copies = _copies(rows, cols)
    # read from the rows themselves: a page's tables read together number their columns each their own way
    marked = {c for c in cols if all(r[c].percent for r in rows if c in r)}
    for k, res in enumerate(cols):
        if k < 2 or res in signed or res in copies:
            continue
        telling = [p for p, r in enumerate(rows) if res in r and _telling(r[res])]
        if len(telling) < MIN_LANES:
            continue
        best = None
        for i in range(k):
            for j in range(k):
                if i == j:
                    continue
                old, new = cols[i], cols[j]
                if (old in marked) != (new in marked):
                    continue  # an amount over a percentage, or the change from one to the other, means nothing
                lanes = [p for p in telling if old in rows[p] and new in rows[p]]
                if len(lanes) < MIN_LANES:
                    continue
                for kind in ("growth", "share"):
                    fits = _holds(rows, lanes, old, new, res, kind)
                    if fits and (best is None or fits > best[4]):
                        best = (res, old, new, kind, fits)
        if best is not None:
            out.append(best)
    return out


def _copies(rows: list[dict[int, CellNumber]], cols: list[int]) -> set[int]:
    """Columns that repeat an earlier column figure for figure ("Budget (full FY)" beside "Budget
    (YTD)" in December): whatever the earlier one is the base of, the copy fits too, so a
    percentage found in the copy would only restate a relation of the columns it was found from."""
    out: set[int] = set()
    for k, col in enumerate(cols):
        for before in cols[:k]:
            both = [r for r in rows if col in r and before in r]
            if len(both) >= MIN_LANES and all(r[col].value == r[before].value for r in both):
                out.add(col)
                break
    return out


def _numbers(rows: list[Row]) -> list[dict[int, CellNumber]]:
    return [{c: cell.number for c, cell in row.cells.items() if cell.number is not None and not cell.number.nil}
            for row in rows]


def unmarked_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Every unmarked column that is the growth or share of two columns to its left (module doc)."""
    out: list[TableCheck] = []
    for res, old, new, kind, fits in _search(_numbers(table.rows), _signed_columns(table)):
        out.extend(_checks(table, file, res, old, new, kind, fits))
    return out


def page_unmarked_checks(found: dict[int, list[Table]], file: str = "") -> list[TableCheck]:
    """Unmarked percentage columns in tables too short to show them on their own, read from all
    the tables of their page together (a monthly table cut in three by a chart's labels). A row
    where such a reading fails is doubted, not an alarm."""
    out: list[TableCheck] = []
    for tables in found.values():
        if len(tables) < 2:
            continue
        owner = [t for t in tables for _ in t.rows]
        rows = _numbers([r for t in tables for r in t.rows])
        signed = set().union(*(_signed_columns(t) for t in tables))
        for res, old, new, kind, fits in _search(rows, signed):
            for table in tables:
                if any(c.total.col == res + 1 for c in unmarked_checks(table)):
                    continue  # its own reading goes first
                mine = [r for r, t in zip(rows, owner) if t is table]
                if not any(old in r and new in r and res in r and r[new].value != r[old].value
                           and _telling(r[res]) and _near(r[new], r[old], r[res], kind) for r in mine):
                    continue  # nothing of it fits: the reading is the other tables'
                out.extend(_checks(table, file, res, old, new, kind, fits, "the percentage was read from the rows "
                                   "of all the tables on the page together; this table's own rows are too few to show it"))
    return out


def _checks(table: Table, file: str, res: int, old: int, new: int, kind: str, fits: int,
            doubt: str | None = None) -> list[TableCheck]:
    """One check per row of the table with figures in the three columns; ``doubt``: why a row
    that fails may be our misreading."""
    headers = {c.index: c.header for c in table.columns}
    out: list[TableCheck] = []
    rows = _numbers(table.rows)
    for p in (p for p, r in enumerate(rows) if old in r and new in r and res in r):
        cells = table.rows[p].cells
        cn, co, cr = cells[new], cells[old], cells[res]
        assert cn.number is not None and co.number is not None and cr.number is not None
        if kind == "growth":
            judged = judge_growth(co.number, cn.number, cr.number)
            what = f"the change from {co.text.strip()} to {cn.text.strip()}"
        else:
            judged = judge_share(cn.number, co.number, cr.number)
            what = f"{cn.text.strip()} as a percentage of {co.text.strip()}"
        if judged is None:
            continue
        how = "the change from one column to another" if kind == "growth" else "the share of one column in another"
        reading = f"{what}: found from the arithmetic, the column is a percentage with no % sign, {how} in {fits} rows"
        out.append(make_check(table, file, "column", headers.get(res, "") or "%", clean_label(table.rows[p].label),
                              # the percentage may be rounded or cut off: the claim says so too
                              cell_ref(table, p, cr, half=cr.number.half * _PERCENT_SLACK),
                              (cell_ref(table, p, cn), cell_ref(table, p, co)), judged,
                              reading, None if holds(judged.verdict) else doubt, relation=kind))
    return out
