"""Percentages in a table checked against the amounts they are taken from.

Two shapes, both common in budget tables:

- a percentage column: "%" beside "Change $" (the change over the earlier year's amount), or
  "Share of budget" beside the amounts (each amount over the Total row);
- a percentage row: "Idem, in % ontvangsten" under a saldo (the row above over the
  Ontvangsten row), "Waarvan verhuizers 11,3%";
- a share in brackets after a figure: "7.040 (11,3%)" (of another column of its row, or of
  the column's total row).

The base is not printed, so each candidate reading is tried - every other amount column (or the
total row) for a column, every other amount row for a row - and a reading counts only when it
holds in three quarters of its lanes and in two at least: a coincidence does not repeat down a
column. Lanes where the winning reading fails are then real disagreements, reported like any
other total (with a doubt when the reading holds in fewer than three lanes).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from fractions import Fraction
from typing import NamedTuple

from ..model import Interval, Verdict, interval_verdict
from .cells import CellNumber
from .detect import Cell, Table
from .judging import Judgement, holds
from .labels import OF_BASE, clean_label, row_kind
from .records import CellRef, TableCheck, cell_ref, make_check
from .sign_slips import amid
from .slip_evidence import SIGN_TURNED

_PERCENT_WORDS = re.compile(r"%|\bper\s?cent|\bpct\b|\bperc\b|procent|\bshare\b|aandeel", re.IGNORECASE)
MIN_LANES = 2
_AGAINST = "; this row counts against the whole, so its share is printed with a minus sign"
_PERCENT_SLACK = 2  # half-units of the last digit a printed percentage may be off: rounded or cut off


def judge_share(part: CellNumber, whole: CellNumber, percent: CellNumber) -> Judgement | None:
    """The printed percentage against part / whole × 100, exactly, with every figure's rounding
    (a percentage cut off rather than rounded counts as rounding too)."""
    if whole.value == 0 or whole.nil or part.nil or whole.lo <= 0 <= whole.hi:
        return None  # a whole that may be zero: no ratio to speak of
    corners = [p / w * 100 for p in (part.lo, part.hi) for w in (whole.lo, whole.hi)]
    judged = _judge_percent(part.value / whole.value * 100, corners, percent)
    if whole.value < 0 and not holds(judged.verdict):
        # a change over a negative amount has no agreed sign: "Net fair value of investments
        # (9,710) | 50,811 | 60,521 | 623.3%" is the change over the amount's size
        size = dataclasses.replace(whole, value=-whole.value)
        over_size = judge_share(part, size, percent)
        if over_size is not None and holds(over_size.verdict):
            return over_size
    return judged


def judge_growth(old: CellNumber, new: CellNumber, percent: CellNumber) -> Judgement | None:
    """The printed percentage against the change from ``old`` to ``new``, (new − old) / old × 100,
    exactly and with every figure's rounding, like :func:`judge_share`."""
    if old.value == 0 or old.nil or new.nil or old.lo <= 0 <= old.hi:
        return None
    if old.value < 0:
        # the change of a negative amount has no agreed sign: "(30,023) to (28,188)" is printed
        # as +6.11 as often as -6.11 (the change over the amount's size): no ratio to judge
        return None
    corners = [(n / o - 1) * 100 for n in (new.lo, new.hi) for o in (old.lo, old.hi)]
    return _judge_percent((new.value / old.value - 1) * 100, corners, percent)


# rows of a change column whose (non-nil) change holds, needed before a lane whose change has
# only its sign wrong is raised: three settle which figure is the old one
_SIGN_SLIP_WITNESSES = 3


def _sign_slip(old: CellNumber, new: CellNumber, percent: CellNumber) -> bool:
    """Whether the printed change holds with its sign turned round (−100 % for a rise from 2 to 4)."""
    if percent.value == 0:
        return False
    negated = dataclasses.replace(percent, value=-percent.value)
    j = judge_growth(old, new, negated)
    return j is not None and holds(j.verdict)


def _opposite_share(part: CellNumber, whole: CellNumber, percent: CellNumber) -> Judgement | None:
    """The share with the part counted against the whole, when only that fits: a statement of net
    assets prints its liabilities' shares as "-1.2%" beside positive amounts, so that the column
    adds up to 100 %; the printed figure is the share's size with the sign the total gives it."""
    if (part.value > 0) == (percent.value > 0) or part.value == 0 or percent.value == 0:
        return None
    negated = dataclasses.replace(part, value=-part.value)
    j = judge_share(negated, whole, percent)
    return j if j is not None and holds(j.verdict) else None


def _judge_percent(point: Fraction, corners: list[Fraction], percent: CellNumber) -> Judgement:
    # the ratio is monotonic in each figure, so its extremes over the figures' intervals are
    # among the corners
    highest = max(corners)
    computed = Interval(min(corners), highest)
    # a percentage may be rounded or cut off after its last digit (4.754 printed as 4.7 %):
    # both are printing conventions, not errors, so it stands for one unit of its last digit
    # either way (the claim file says so too: see _PERCENT_SLACK)
    stated = Interval(percent.value - _PERCENT_SLACK * percent.half, percent.value + _PERCENT_SLACK * percent.half)
    verdict, factor = interval_verdict(point, computed, percent.value, stated)
    if verdict is Verdict.SCALE:
        verdict, factor = Verdict.MISMATCH, None  # a share off by a thousand is no scale slip
    return Judgement(verdict, percent.value - point, computed, stated,
                     highest - point + _PERCENT_SLACK * percent.half, factor)


def _number(cell: Cell | None) -> CellNumber | None:
    return None if cell is None or cell.number is None or cell.number.nil else cell.number


def _signed_columns(table: Table) -> set[int]:
    """Columns whose every figure carries a % sign."""
    seen: dict[int, list[bool]] = {}
    for r in table.rows:
        for c, cell in r.cells.items():
            if cell.number is not None and not cell.number.nil:
                seen.setdefault(c, []).append(cell.number.percent)
    return {c for c, marks in seen.items() if all(marks)}


def _is_share_column(table: Table, col: int, signed: set[int] | None = None) -> bool:
    headers = {c.index: c.header for c in table.columns}
    cells = [n for r in table.rows if col in r.cells and (n := r.cells[col].number) is not None]
    if not cells:
        return False
    signed = _signed_columns(table) if signed is None else signed
    if col in signed:
        return True
    # a column with no % sign under a header with "%", beside a column of figures with % signs
    # under a header without it: the "%" is that column's ("$ Change | % Change" on two lines
    # read as "$ Change %" and "Change")
    return bool(_PERCENT_WORDS.search(headers.get(col, ""))) and not any(
        not _PERCENT_WORDS.search(headers.get(c, "")) for c in signed)


_MAX_PAIRED = 10  # amount columns past which every pair is not tried for a percentage column
_TRIED = ("the percentage's part and whole were found by trying every pair of the table's amount columns; "
          "this row may take other ones")


def _complements(table: Table, share_cols: list[int], cols: list[int]) -> list[int]:
    """Columns beside a percentage column that add up with it to 100 in every row, two at least
    ("Domestic %" | "Non Domestic %" when the second header lost its "%"): shares of one whole."""
    out = []
    for c in cols:
        if c in share_cols:
            continue
        for s in (c - 1, c + 1):
            if s not in share_cols:
                continue
            pairs = [(a.number, b.number) for r in table.rows
                     if (a := r.cells.get(c)) is not None and (b := r.cells.get(s)) is not None
                     and a.number is not None and b.number is not None and not a.number.nil and not b.number.nil]
            lone = sum(1 for r in table.rows if (c in r.cells) != (s in r.cells))
            if len(pairs) >= MIN_LANES and not lone and all(
                    0 <= a.value <= 100 and 0 <= b.value <= 100
                    and abs(a.value + b.value - 100) <= _PERCENT_SLACK * (a.half + b.half) for a, b in pairs):
                out.append(c)
                break
    return out


def _same_header(a: str, b: str) -> bool:
    """Do two column headers end in the same words ("2014-2019 2014" and "2014")?"""
    a_words, b_words = a.split(), b.split()
    n = min(len(a_words), len(b_words))
    return n > 0 and a_words[-n:] == b_words[-n:]


def _is_share_row(table: Table, pos: int) -> bool:
    nums = [c.number for c in table.rows[pos].cells.values() if c.number is not None and not c.number.nil]
    return len(nums) >= MIN_LANES and (all(n.percent for n in nums) or (
        bool(_PERCENT_WORDS.search(table.rows[pos].label)) and all(abs(n.value) <= 1000 for n in nums)))


def _words(label: str) -> set[str]:
    # words of four letters and more, and acronyms ("GSP", "BBP")
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}|\b[A-Z]{2,3}\b", label)}
    return words - {"idem", "procent", "percent", "percentage", "share", "total", "totaal"}


# "Net Interest Cost as a % of Own Source Revenue", "Belastingen in % van het BBP": the label names
# the part and the base
_PART_OF_BASE = re.compile(
    r"^(?P<part>.*?\w.*?)\s+(?:as\s+an?\s+|in\s+|als\s+)?(?:%|per\s?cent(?:age)?|procent|share|aandeel)\s+"
    r"(?:of|van)\s+(?P<base>.*\w.*)$",
    re.IGNORECASE,
)


def _section_base(table: Table, pos: int) -> set[str] | None:
    """The words of the base named by the section heading the row stands under, if any
    ("Budget totals as a percent of GDP:", "As a percent of GDP:", "In % van het bbp:")."""
    for q in range(pos - 1, -1, -1):
        row = table.rows[q]
        if row.section or not row.cells:
            m = OF_BASE.search(row.label)
            return _words(m["base"]) or None if m else None
    return None


def _amount(n: CellNumber | None) -> bool:
    return n is not None and not n.percent


# A lane of a reading: (lane key, (row, cell) of the percentage, of the part, of the whole); for a
# growth reading the part is the new amount and the whole the old one
_Lane = tuple[int, tuple[int, Cell], tuple[int, Cell], tuple[int, Cell]]


class _Reading(NamedTuple):
    """A reading of a percentage column or row: what it says in words, its lanes, and "share"
    (part / whole) or "growth" ((new − old) / old)."""

    tag: str
    lanes: list[_Lane]
    kind: str
    # readings the table's own structure backs ("% Change" over the column its "$ Change" was
    # taken from) go before those that only fit the figures
    rank: int = 0
    # lanes where that structure does not hold, and why a failing percentage there may be our
    # misreading
    doubted: frozenset[int] = frozenset()
    why: str = ""


_NOT_TAKEN = ("in this row the change is not the difference of the columns (an adjustment explained "
              "elsewhere?), so the percentage may not be taken over the column either")


def _taken_from(table: Table, change: int, base: int, amount_cols: list[int], minuend: bool = False
                ) -> frozenset[int] | None:
    """When the ``change`` column is another amount column minus ``base`` ("$ Change" = 2016 −
    2015) in three quarters of the rows, two at least, exactly: the rows where it is not. None
    when no column makes it so. With ``minuend``, ``base`` minus another column ("Variance" =
    Budget − Actuals, whose "Variance %" is taken over the budget)."""
    rows = len(table.rows)
    changes = [_number(row.cells.get(change)) for row in table.rows]
    bases = [_number(row.cells.get(base)) for row in table.rows]
    for other in amount_cols:
        if other in (change, base):
            continue
        held, failed = 0, set()
        for p, row in enumerate(table.rows):
            c, n, o = changes[p], _number(row.cells.get(other)), bases[p]
            if c is None or n is None or o is None or c.percent or n.percent or o.percent:
                continue
            if abs(c.value - ((o.value - n.value) if minuend else (n.value - o.value))) <= c.half + n.half + o.half:
                held += 1 if (c.value and n.value and o.value) else 0
            else:
                failed.add(p)
                if 3 * len(failed) > held + rows - p - 1:
                    break  # the rows left cannot make it hold in three quarters
        if held >= MIN_LANES and 4 * len(failed) <= held + len(failed):
            return frozenset(failed)
    return None


def _near(part: CellNumber, whole: CellNumber, percent: CellNumber, kind: str = "share") -> bool | None:
    """A cheap first test of a lane (most readings fail at once): does the ratio's point lie within
    the percentage's slack, widened by the part's and whole's relative rounding? None when the
    amounts are too coarse for the ratio to say anything at the percentage's precision (a "2"
    read from "2 480 943" split at its spaces fits any percentage)."""
    # ratio = part / whole × 100, err = |ratio| × (part's relative half-unit + whole's), then
    # |ratio − (100 for growth) − percent| <= slack × percent's half-unit + err: the same exact test,
    # written out over whole numbers (numerator, positive denominator), as most readings fail it.
    if whole.value == 0:
        return None
    a, b = part.value.numerator, part.value.denominator
    c, d = whole.value.numerator, whole.value.denominator
    rn, rd = 100 * a * d, b * c  # ratio
    if rd < 0:
        rn, rd = -rn, -rd
    t1n, t1d = (part.half.numerator * b, part.half.denominator * abs(a)) if a else (1, 1)
    t2n, t2d = whole.half.numerator * d, whole.half.denominator * abs(c)
    en, ed = abs(rn) * (t1n * t2d + t2n * t1d), rd * t1d * t2d  # err
    kn, kd = percent.half.numerator, percent.half.denominator
    if en * kd > 10 * kn * ed:
        return None
    i, j = percent.value.numerator, percent.value.denominator
    off = abs((rn - (100 if kind == "growth" else 0) * rd) * j - i * rd)  # |point − percent| × rd × j
    return off * kd * ed <= (_PERCENT_SLACK * kn * ed + en * kd) * rd * j


def _best(readings: list[_Reading]) -> _Reading | None:
    """The reading that holds in most lanes, three quarters of them and two at least; lanes whose
    amounts are too coarse to tell count neither way."""
    best = None
    for reading in readings:
        lanes, kind = reading.lanes, reading.kind
        if len(lanes) < MIN_LANES:
            continue
        fits = misses = 0
        for _, (_, pc), (_, nc), (_, dc) in lanes:
            near = _near(nc.number, dc.number, pc.number, kind)  # type: ignore[arg-type]
            if near and kind == "share" and pc.number.value == 0 and nc.number.value:  # type: ignore[union-attr]
                continue  # a share printed as 0 % fits any small part: it tells nothing (nothing of a whole does)
            if near:
                fits += 1
            elif near is not None:
                misses += 1
                if 4 * misses > len(lanes):
                    break  # three quarters can no longer hold
        if fits < MIN_LANES or 4 * fits < 3 * (fits + misses):
            continue
        key = (reading.rank, fits, -len(lanes))
        if best is None or key > best[0]:
            best = (key, reading)
    return None if best is None else best[1]


def percentage_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Every percentage column and row of the table whose base a reading finds (see module doc)."""
    out: list[TableCheck] = []
    headers = {c.index: c.header for c in table.columns}
    rows = list(range(len(table.rows)))
    cols = sorted({c for r in table.rows for c in r.cells})
    signed = _signed_columns(table)
    share_cols = [c for c in cols if _is_share_column(table, c, signed)]
    share_cols += _complements(table, share_cols, cols)
    amount_cols = [c for c in cols if c not in share_cols]
    totals = [p for p in rows if row_kind(table.rows[p].label) in ("total", "grand")]

    def cell(p: int, c: int) -> Cell | None:
        got = table.rows[p].cells.get(c)
        return got if _number(got) is not None else None

    amounts: dict[int, list[Cell | None]] = {}

    def amount_cells(c: int) -> list[Cell | None]:
        # each column's amounts, row by row, read once: every pair of columns is tried
        got = amounts.get(c)
        if got is None:
            got = amounts[c] = [n if n is not None and _amount(n.number) else None for n in (cell(p, c) for p in rows)]
        return got

    taken_from: dict[tuple[int, int], frozenset[int] | None] = {}

    def pair_lanes(percents: list[tuple[int, Cell]], a: int, b: int) -> list[_Lane]:
        """The rows with a percentage (``percents``: row, cell) and an amount in columns a and b."""
        part_cells, whole_cells = amount_cells(a), amount_cells(b)
        return [(p, (p, pc), (p, nc), (p, dc)) for p, pc in percents
                if (nc := part_cells[p]) is not None and (dc := whole_cells[p]) is not None]

    def column_readings(percent: Callable[[int], Cell | None], parts: list[int],
                        growth: bool = False) -> list[_Reading]:
        """Readings of a percentage in each row (``percent(row)``) as the amount of a column of
        ``parts`` over another amount column of the row, or over that column's total row; with
        ``growth``, also as the change from one amount column of the row to another."""
        readings: list[_Reading] = []
        percents = [(p, pc) for p in rows if (pc := percent(p)) is not None]
        for a in parts:
            for b in amount_cols:
                if a != b:
                    lanes = pair_lanes(percents, a, b)
                    if (a, b) not in taken_from:  # the same pair is tried for every percentage column
                        taken_from[a, b] = _taken_from(table, a, b, amount_cols)
                        if taken_from[a, b] is None:
                            taken_from[a, b] = _taken_from(table, a, b, amount_cols, minuend=True)
                    taken = taken_from[a, b]
                    if taken is None:
                        readings.append(_Reading(f"{headers.get(a, '')} over {headers.get(b, '')}", lanes, "share"))
                    else:
                        readings.append(_Reading(f"{headers.get(a, '')} over {headers.get(b, '')}", lanes, "share", 1,
                                                 taken, _NOT_TAKEN))
        if growth:
            # "% change" beside two years' amounts: the change from one to the other over the first
            for a in amount_cols:
                for b in amount_cols:
                    if a != b:
                        readings.append(_Reading(f"the change from {headers.get(a, '')} to {headers.get(b, '')}",
                                                 pair_lanes(percents, b, a), "growth"))
        # a row whose percentage is 100 is the base of the others ("Netto-omzet 256.739 100,00"),
        # total or not
        hundred = [p for p, pc in percents if p not in totals and pc.number.value == 100]  # type: ignore[union-attr]
        for a in parts:
            for t in totals + hundred:
                whole = cell(t, a)
                if whole is None or not _amount(whole.number):
                    continue
                in_column = amount_cells(a)
                lanes = [(p, (p, pc), (p, nc), (t, whole)) for p, pc in percents
                         if p != t and (nc := in_column[p]) is not None]
                readings.append(_Reading(f"{headers.get(a, '')} over the {clean_label(table.rows[t].label)} row", lanes, "share"))
        return readings

    for col in share_cols:
        # the amount in a column next to it ("Change $", two at most on either side) over the one
        # in another column of the same row ("%" = Change / 2020), or over that column's total
        # row ("Share of budget")
        beside = sorted(amount_cols, key=lambda c: abs(c - col))[:2]
        # a percentage column headed like an amount column ("2017" | … | "2017" in %) is its share
        named = [c for c in amount_cols if c not in beside and headers.get(c, "").strip()
                 and _same_header(headers.get(c, ""), headers.get(col, ""))]
        beside += named
        best = _best(column_readings(functools.partial(cell, c=col), beside, growth=True))
        if best is None and len(amount_cols) <= _MAX_PAIRED:
            # headers set sideways read as jumbled letters name no column: every other amount column
            # over another, a reading found by trying, so a lane where it fails is not held against it
            best = _best([r._replace(rank=-1, doubted=frozenset(lane for lane, *_ in r.lanes), why=_TRIED)
                          for r in column_readings(functools.partial(cell, c=col), amount_cols)
                          if r.kind == "share" and " row" not in r.tag])
        if best is not None:
            out.extend(_checks(table, file, "column", headers.get(col, ""), best))
    # shares printed in brackets after the figures ("7.040 (11,3%)"): of another column of the
    # row ("Aantal respondenten"), or of the column's total row
    for a in amount_cols:
        def share(p: int, a: int = a) -> Cell | None:
            c = cell(p, a)
            return c.share if c is not None else None

        if sum(1 for p in rows if share(p) is not None) < MIN_LANES:
            continue
        best = _best(column_readings(share, [a]))
        if best is not None:
            out.extend(_checks(table, file, "column", headers.get(a, ""), best))
    # rows with amounts in two lanes at least: not a row number on a line of its own ("(9)")
    amount_rows = [p for p in rows if not _is_share_row(table, p)
                   and sum(1 for c in table.rows[p].cells.values() if _amount(_number(c))) >= MIN_LANES]
    for p in rows:
        if not _is_share_row(table, p):
            continue
        above = [q for q in amount_rows if q < p]
        if not above:
            continue
        label = table.rows[p].label
        named_part = named_base = None
        if (m := _PART_OF_BASE.match(label)) is not None:
            # "X as a % of Y": the rows named X over those named Y
            named_part = [q for q in amount_rows if _words(m["part"]) & _words(table.rows[q].label)]
            named_base = [q for q in amount_rows if _words(m["base"]) & _words(table.rows[q].label)]
        elif (base := _section_base(table, p)) is not None:
            # under "Budget totals as a percent of GDP:", "Receipts 19.6%": the Receipts row above
            # over the GDP row
            same = [q for q in amount_rows if q < p and clean_label(table.rows[q].label) == clean_label(label)]
            named_part = same[-1:] or None
            named_base = [q for q in amount_rows if base & _words(table.rows[q].label)] or None
        # "Idem, in % ..." speaks of the row above it; a row of three shares or more may speak of
        # one a little higher ("gemiddeld spaardeel" under "sparen" and "beleggen"), taken only
        # when the row right above gives no reading
        num_rows = named_part or (above[-3:][::-1] if sum(1 for c in table.rows[p].cells.values()
                                                          if _number(c) is not None) >= 3 else above[-1:])
        # the base the label names ("in % ontvangsten": the Ontvangsten row), else any other row
        words = _words(label)
        named = named_base or [q for q in amount_rows if words & _words(table.rows[q].label) and q not in num_rows]
        readings = []
        for num_row in num_rows:
            for q in named or amount_rows:
                if q == num_row:
                    continue
                lanes = []
                for col in table.rows[p].cells:
                    pc, nc, dc = cell(p, col), cell(num_row, col), cell(q, col)
                    if pc is not None and nc is not None and dc is not None and _amount(nc.number) and _amount(dc.number):
                        lanes.append((col, (p, pc), (num_row, nc), (q, dc)))
                what = "the row above" if num_row == above[-1] else f"the {clean_label(table.rows[num_row].label)} row"
                higher = not named_part and num_row != above[-1]
                readings.append(_Reading(f"{what} over the {clean_label(table.rows[q].label)} row", lanes, "share",
                                         -1 if higher else 0))
        best = _best(readings)
        if best is not None:
            # a base the label names but no row carries ("in percentage van het gemiddeld belegd
            # vermogen"): a row that comes close to it confirms lanes, and says nothing against others
            unprinted = None if m is None or named_base else (
                f"the label names its base ('{m['base'].strip()}'), which is not a row of the table; "
                "the row taken only comes close to it")
            out.extend(_checks(table, file, "row", clean_label(table.rows[p].label), best, doubt=unprinted))
    return out


def _ref(table: Table, pos: int, cell: Cell, slack: int = 1) -> CellRef:
    assert cell.number is not None
    return cell_ref(table, pos, cell, half=cell.number.half * slack)


def _checks(table: Table, file: str, orientation: str, label: str, reading: _Reading,
            doubt: str | None = None) -> list[TableCheck]:
    """One check per lane of the reading; ``doubt``: why a lane that fails may be our misreading."""
    tag, lanes, kind = reading.tag, reading.lanes, reading.kind
    headers = {c.index: c.header for c in table.columns}
    judged = []
    slipped: set[int] = set()
    for lane, (pp, pc), (npos, nc), (dpos, dc) in lanes:
        sign = 1
        if kind == "growth":
            j = judge_growth(dc.number, nc.number, pc.number)  # type: ignore[arg-type]
        else:
            j = judge_share(nc.number, dc.number, pc.number)  # type: ignore[arg-type]
            if j is not None and not holds(j.verdict) and (flipped := _opposite_share(nc.number, dc.number, pc.number)):  # type: ignore[arg-type]
                j, sign = flipped, -1
        if j is not None and kind == "growth" and not holds(j.verdict) and _sign_slip(dc.number, nc.number, pc.number):  # type: ignore[arg-type]
            slipped.add(lane)
        if j is not None:
            num = _ref(table, npos, nc)
            if sign < 0:
                num = dataclasses.replace(num, sign=-1)
            judged.append((lane, _ref(table, pp, pc, _PERCENT_SLACK), num, _ref(table, dpos, dc), j))
    held = sum(1 for *_, j in judged if holds(j.verdict))
    # lanes that confirm the direction of the change: a nil change holds either way round
    moved = sum(1 for _, pct, _, _, j in judged if holds(j.verdict) and pct.value != 0)
    # (lanes on both sides of a slipped one: a block before or after all of them may count its
    # change the other way round, see tables.sign_slips)
    witnesses = [(0, lane) for lane, pct, _, _, j in judged if holds(j.verdict) and pct.value != 0]
    out = []
    for lane, pct, num, den, j in sorted(judged, key=lambda t: t[0]):
        why, turned = None, ""
        if not holds(j.verdict) and doubt is not None:
            why = doubt
        elif not holds(j.verdict) and lane in reading.doubted:
            why = reading.why
        elif not holds(j.verdict) and lane in slipped and moved >= _SIGN_SLIP_WITNESSES and amid(
                (0, lane), witnesses):
            # the change's size is right and only its sign is not, where other rows of the column
            # show which way round it counts: a slip of the sign, not a column we misread
            turned = f"; {SIGN_TURNED}"
        elif not holds(j.verdict) and kind == "growth":
            # a change read from two of the columns around it is found by trying many pairs: it
            # confirms the lanes that follow it, and says nothing against the others
            why = "the change was read from two of the columns beside it; this row may compare other ones"
        elif not holds(j.verdict) and held < 3:
            why = "the percentage's base was found from too few other rows to be sure of it"
        lane_label = clean_label(table.rows[lane].label) if orientation == "column" else headers.get(lane, "")
        out.append(make_check(table, file, orientation, label, lane_label, pct, (num, den), j,  # type: ignore[arg-type]
                              f"a percentage: {tag}" + (_AGAINST if num.sign < 0 else "") + turned, why, relation=kind))
    return out
