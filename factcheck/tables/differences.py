"""Columns (and rows) that are the difference of two others.

A "Change" or "Verschil" column (2021 − 2020), a column of what is left (Allocated − Expenses −
Reserved), a variance read either way round, a "Net …" row; with no word to say so, a column only
when it holds exactly in every row, three at least, with long figures.
"""

from __future__ import annotations

import itertools
import re

from ..model import Verdict
from .items import Item, percent_figures
from .judging import LAST_ZERO, Judgement, holds
from .labels import CHANGE_HEADER
from .lanes import comparable_lanes, judge_lane, long_total, nonzero_at, slipped

# A column of what is left: "Balance as at 30 June, 2021", "Saldo", "Remaining", "Nog beschikbaar".
_LEFT_HEADER = re.compile(
    r"\b(?:balance|saldo|remaining|unspent|unexpended|unutili[sz]ed|uncommitted|available|resterend|restant|"
    r"beschikbaar|over\b(?!-))",  # ("over" is left over in Dutch; "Over-disbursement" is another word)
    re.IGNORECASE,
)

# A variance is favourable one way for income and the other for spending: a plain change is not.
_VARIANCE = re.compile(
    r"varian|afwijking|over\s*/\s*\(?under|under\w*\s*/\s*\(?over|favou?rable|positive\s*\(?negative|\+\s*/\s*[-−–]|voordeel|nadeel",
    re.IGNORECASE,
)
# A row that is how far one row lies above or below another: "Year-end Reserve Above Requirement",
# "Excess of revenues over expenditures", "Shortfall", "Overschot", "Tekort"
_MARGIN_ROW = re.compile(r"\b(?:above|below|excess|shortfall|overschot|tekort)\b", re.IGNORECASE)
_ROWS_BACK = 6  # a change row compares two of the rows this close above it
_NET_ROW = re.compile(r"\bnet(?:to)?\b", re.IGNORECASE)


def _round_figures(c: Item, parts: list[tuple[Item, int]], lane: int) -> bool:
    """Does every figure of the lane, the difference's and its sides', end in 0?"""
    cells = [it.cells.get(lane) for it in (c, *(p for p, _ in parts))]
    return all(cell is not None and cell.number is not None and LAST_ZERO.search(cell.text) for cell in cells)


def difference_columns(
    items: list[Item], rows: bool = False,
) -> list[tuple[Item, list[tuple[Item, int]], dict[int, Judgement], str]]:
    """Columns that are the difference of two others ("Change", "Verschil" = 2021 − 2020), each
    with its lane verdicts. A column counts only when its header says it is a change and the
    difference holds in three quarters of its rows (at least two): coincidences do not repeat.
    With ``rows``, the same for rows ("Delta schuld SERV - MJR"), taken from the rows right above."""
    out = []
    columns = [it for it in items if not it.consumed and percent_figures(it) is not None]
    # a column headed as what is left ("Balance as at 30 June", "Saldo", "Remaining") is one
    # column taken from another as much as a "Change" column is
    cued = [it for it in columns if CHANGE_HEADER.search(it.label) or (not rows and _LEFT_HEADER.search(it.label))
            or (rows and _MARGIN_ROW.search(it.label))]
    changes = list(cued)
    if not rows:
        # any other column may be one too ("Payments Lacking Supporting Documentation" = EMS
        # settlements - payments to vendors), but with no word to say so only when it holds
        # exactly in every row, three at least, with long figures (see below)
        changes += [it for it in columns if it not in cued]
    else:
        # a "Net …" row ("Total Territory Net Assets" under Total Assets and Total Liabilities) is
        # one row taken from another, or a total with deductions: read as a difference under the
        # same strict terms as an unnamed difference column
        changes += [it for it in columns if it not in cued and _NET_ROW.search(it.label)]
    everything = [it for it in columns if not CHANGE_HEADER.search(it.label)]
    # a row named a change may compare rows that are parts of a total above it ("Geraamde
    # evolutie" = the closing balance − the opening balance, a part of that closing balance)
    summed = [it for it in items if it.consumed and percent_figures(it) is not None
              and not CHANGE_HEADER.search(it.label)] if rows else []
    for c in changes:
        silent = c not in cued
        # amounts from amounts; percentages from percentages (a change in percentage points)
        others = [it for it in everything if percent_figures(it) == percent_figures(c)]
        if rows:
            others = [it for it in others if it.pos < c.pos][-_ROWS_BACK:]
            if not silent:
                others = sorted(others + [it for it in summed if c.pos - _ROWS_BACK <= it.pos < c.pos
                                          and percent_figures(it) == percent_figures(c)], key=lambda it: it.pos)
        best = None
        for a in others:
            for b in others:
                if a is b or c in (a, b):
                    continue  # (a column is never a difference of itself and another)
                # a column printed after two that add up to it ("Gross | Income | Net", incomes
                # positive and spending in brackets): their sum, under the same strict terms
                summed_pair = (silent and not rows and a.pos < b.pos < c.pos
                               and not _exact_difference(c, a, b, 3) and _exact_difference(a, c, b, 3))
                if silent and not summed_pair and not _exact_difference(c, a, b, 2 if rows else 3):
                    continue  # the cheap test first: most pairs of columns differ in the first row
                if silent and not rows and c.pos < max(a.pos, b.pos):
                    # c = a − b is b = a − c: with no word to say which is the change, it is the
                    # column printed after the two it compares
                    continue
                # a saldo column beside costs printed negative ("baten | lasten | saldo") adds them
                adds = summed_pair or (not rows and not silent and bool(_LEFT_HEADER.search(c.label)) and _negative(b))
                parts = [(a, 1), (b, 1 if adds else -1)]
                lanes = _printed_lanes(c, parts)
                if len(lanes) < 2:
                    continue
                if (rows and _siblings_under(items, a, c, lanes) and not _NET_ROW.search(c.label)
                        and not _MARGIN_ROW.search(c.label)):
                    continue  # "Uitgaven" = three rows with one mostly zero: c is b's sibling, not a − b
                res = {ln: judge_lane(c, parts, ln) for ln in lanes}
                # A variance column ("Positive (Negative)") is actual − budget for revenues and
                # budget − actual for spending: a row that holds the other way round is read so.
                back = [(b, 1), (a, -1)]
                flipped = {}
                for ln in lanes if _VARIANCE.search(c.label) else ():
                    if not holds(res[ln].verdict) and holds((j := judge_lane(c, back, ln)).verdict):
                        flipped[ln] = j
                fits = sum(holds(j.verdict) for j in res.values()) + len(flipped)
                # a difference with a zero on either side (278 = 278 - 0) tells nothing
                telling = sum(1 for ln in lanes if (holds(res[ln].verdict) or ln in flipped)
                              and nonzero_at(a, ln) and nonzero_at(b, ln))
                if silent and not (
                    telling >= (2 if rows else 3) and not flipped
                    and all(j.verdict is Verdict.CONSISTENT for j in res.values())
                    and (sum(long_total(c, [ln]) for ln in lanes) * 2 >= len(lanes)
                         # or long figures on both sides with a change in three rows: no coincidence
                         or sum(nonzero_at(c, ln) and long_total(a, [ln]) and long_total(b, [ln]) for ln in lanes) >= 3)
                ):
                    continue
                # nearer columns first: a change column sits next to the two it compares
                # (rows that are no part of a total above first: the totals themselves are compared)
                key = (fits, -a.consumed - b.consumed, -abs(a.pos - c.pos) - abs(b.pos - c.pos))
                # a column its header names a change, exact where it holds and missing elsewhere
                # by what one mistyped digit gives ("Dollar Increase -$2,283,315" for 19,665,425 −
                # 21,938,740): slips, not a misreading, whatever the majority
                # (figures that all end in 0 are rounded, maybe to fewer digits than they print,
                # "26,100 − 23,000" beside "3,120": their misses tell no slip)
                by_slips = not rows and not silent and fits >= 1 and telling >= 1 and all(
                    holds(j.verdict) or ln in flipped or (slipped(c, parts, ln, j) and not _round_figures(c, parts, ln))
                    for ln, j in res.items())
                if (4 * fits >= 3 * len(lanes) and telling >= 2 or by_slips) and (best is None or key > best[0]):
                    best = (key, parts, res, back, flipped)
        if not rows and c in cued and _LEFT_HEADER.search(c.label):
            best = _left_after_two(c, others, best)
        if best is not None:
            _, parts, res, back, flipped = best
            tag = ("saldo of costs printed negative" if c in cued else "sum of columns") if parts[1][1] == 1 else (
                "difference, two taken off" if len(parts) == 3 else "difference")
            out.append((c, parts, {ln: j for ln, j in res.items() if ln not in flipped}, tag))
            if flipped:
                out.append((c, back, flipped, "difference, the other way round"))
    return out


# the best reading of a difference column: (rank, parts, lane verdicts, parts the other way round,
# lanes that hold only the other way round)
_Best = tuple[tuple[int, int, int], list[tuple[Item, int]], dict[int, Judgement], list[tuple[Item, int]],
              dict[int, Judgement]]


def _printed_lanes(total: Item, parts: list[tuple[Item, int]]) -> list[int]:
    """The total's lanes in which every part prints a figure."""
    return [ln for ln in comparable_lanes(total, parts) if all(ln in p.cells and p.cells[ln].number is not None for p, _ in parts)]


def _left_after_two(c: Item, others: list[Item], best: _Best | None) -> _Best | None:
    """A column of what is left may take two columns off the first ("Available" = Allocated −
    Expenses − Reserved): that reading, when it holds in more rows than the best pair does and in
    three quarters of them, two at least where both columns taken off print more than zero."""
    before = sorted((it for it in others if it.pos < c.pos), key=lambda it: it.pos)
    for k, a in enumerate(before):
        for b, d in itertools.combinations(before[k + 1:], 2):
            parts = [(a, 1), (b, -1), (d, -1)]
            lanes = _printed_lanes(c, parts)
            res = {ln: judge_lane(c, parts, ln) for ln in lanes}
            fits = sum(holds(j.verdict) for j in res.values())
            telling = sum(1 for ln in lanes if holds(res[ln].verdict) and nonzero_at(b, ln) and nonzero_at(d, ln))
            if (len(lanes) >= 2 and telling >= 2 and 4 * fits >= 3 * len(lanes)
                    and (best is None or fits > best[0][0])):
                best = ((fits, 0, 0), parts, res, [], {})
    return best


def _negative(item: Item) -> bool:
    """Are the item's figures printed negative (costs in a "baten | lasten | saldo" table), two at least?"""
    values = [c.number.value for c in item.cells.values() if c.number is not None and not c.number.nil]
    return sum(v < 0 for v in values) >= 2 and all(v <= 0 for v in values)


def _exact_difference(c: Item, a: Item, b: Item, least: int = 3) -> bool:
    """Is c exactly a − b wherever all three print a figure (``least`` places at least)?"""
    seen = 0
    for ln, cell in c.cells.items():
        x, y = a.cells.get(ln), b.cells.get(ln)
        if cell.number is None or x is None or y is None or x.number is None or y.number is None:
            continue
        # c != a - b, cross-multiplied (denominators are positive): the same test in integers,
        # without a Fraction made for each of the many column pairs tried
        c_, a_, b_ = cell.number.value, x.number.value, y.number.value
        if (c_.numerator * a_.denominator * b_.denominator
                != (a_.numerator * b_.denominator - b_.numerator * a_.denominator) * c_.denominator):
            return False
        seen += 1
    return seen >= least


def _siblings_under(items: list[Item], head: Item, row: Item, lanes: list[int]) -> bool:
    """Is ``row`` one of the rows right under ``head`` that add up to it in every lane? Then the
    head minus a sibling is the sum of the others, and equals ``row`` wherever they are zero:
    a coincidence, not a difference row."""
    below = [it for it in items if it.pos > head.pos and it.kind not in ("memo", "none")]
    run: list[tuple[Item, int]] = []
    for it in below:
        run.append((it, 1))
        if it.pos < row.pos:
            continue
        if len(run) >= 2 and all(ln in head.cells and holds(judge_lane(head, run, ln).verdict) for ln in lanes):
            return True
    return False
