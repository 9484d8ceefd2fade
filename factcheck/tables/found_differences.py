"""Rows (and columns) that are one other row plus or minus another, found from the arithmetic alone.

Statements print their results under words that say nothing of a sum ("Revenue Deficit",
"Budget Surplus (-)/ Deficit(+)", "TOTAL CHANGE IN NET ASSETS", "II. Correctie op de periodieke
aflossingen"), often far from the two totals they combine and sometimes above them::

    Revenue & Grant              524,782,980   656,161,551   802,223,198
    ...
    Expenditure                  493,337,237   823,654,270 1,138,707,424
    ...
    Budget Surplus (-)/ Deficit(+) -31,445,743 167,492,719   336,484,226   <- Expenditure − Revenue & Grant

A figure that nothing else in the table checks is read as a ± b when, in two columns or more,
it equals a ± b for the same two rows in every column it prints: chance does not give that in
two columns at once, with three-digit figures at least. Only readings that hold are reported,
never an alarm (a near miss can be chance); each three rows are read once, as the row printed
last from the two before it (a result follows what it combines), or as the row whose words say
it is a result when one of the three does. Three rows already read together by a relation that
holds (a total and its two parts) are not read again, and no part is read back from its total.

A line whose words say it is a result ("TOTAL CHANGE IN NET ASSETS", "Ending Fund Balance") is
also read in a statement of one column, then only from two totals or results printed before it,
and as a result of three lines before it (a + b − c, "Accumulated Surplus" = financial assets −
liabilities + non-financial assets).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from fractions import Fraction

from .detect import Cell, Table
from .judging import Judgement, holds, judge
from .labels import clean_label
from .readings import READINGS
from .records import Orientation, TableCheck, cell_ref, make_check, printed_currency

MIN_LANES = 2
MAX_ITEMS = 80  # past this a table is a listing: many pairs, and the odd coincidence
MIN_DIGITS = 3  # a telling figure prints this many digits at least
# rows a column with no head read must hold in, every figure telling: "Balance of Fish Trade" =
# Exports − Imports in each of twenty years, under heads of four stacked lines
MIN_HEADLESS = 5
MAX_THREE = 24  # a result of three lines takes them from this many lines before it

# words that say a line is what is left of one figure after another
_RESULT = re.compile(
    r"\b(?:net|surplus|deficit|balance|result|change|difference|variance|excess|shortfall|profit|loss|"
    r"margin|available|remaining|saldo|resultaat|verschil|tekort|overschot|restant|correctie|vs|versus)s?\b",
    re.IGNORECASE,
)

_Lanes = dict[int, Cell]
_Item = tuple[int, str, _Lanes]
# a reading: (rank, parts as (item, sign), each lane's judgement)
_Best = tuple[tuple[bool, int], list[tuple[int, int]], list[tuple[int, "Judgement"]]]
_SUMMARY = re.compile(r"\b(?:sub)?tota(?:al|l|ls|le|len)\b|\bsom\s+(?:der|van)\b", re.IGNORECASE)


def _digits(cell: Cell) -> int:
    return sum(ch.isdigit() for ch in cell.text)


def _amounts(cells: Iterable[tuple[int, Cell]]) -> _Lanes:
    return {ln: c for ln, c in cells if c.number is not None and not c.number.percent}


def _items(table: Table, orientation: Orientation) -> list[tuple[int, str, _Lanes]]:
    """(position, label, amount cells by lane) of each row or column that prints two amounts."""
    if orientation == "row":
        out = [(r, row.label, _amounts(row.cells.items())) for r, row in enumerate(table.rows)]
    else:
        out = [(c.index, c.header, _amounts((r, row.cells[c.index]) for r, row in enumerate(table.rows)
                                            if c.index in row.cells)) for c in table.columns]
    return [it for it in out if it[2]]


def _value(cell: Cell) -> Fraction:
    assert cell.number is not None
    return cell.number.value


def _integers(cells: Sequence[Cell], room: Fraction) -> tuple[int, list[int]]:
    """A common multiple of the denominators of the cells' values and of ``room``, and each value
    times it: whole numbers that compare as the values do."""
    scale = math.lcm(room.denominator, *(_value(c).denominator for c in cells))
    return scale, [int(_value(c) * scale) for c in cells]


def _telling(cell: Cell) -> bool:
    return cell.number is not None and not cell.number.nil and cell.number.value != 0


def found_difference_checks(table: Table, file: str, checks: list[TableCheck]) -> list[TableCheck]:
    """Every unchecked figure of a row or column that is another plus or minus a third (module doc).
    ``checks``: the table's other checks; a figure any of them checks is left to it."""
    scale = printed_scale(table, checks)
    if scale is None:
        return []  # its figures are read in two scales elsewhere: no claim of ours could agree with both
    checked = {(c.total.page, c.total.bbox) for c in checks}
    # the figures of each relation that holds, together: three of them read again would say nothing new
    held = [{(r.page, r.bbox) for r in (c.total, *c.parts)} for c in checks if holds(c.verdict)]
    # a line that repeats one other ("Brutomarge" under "Som der bedrijfsopbrengsten") is the same
    # figure: the relations of the one are the other's too, not new ones read backwards
    for c in checks:
        if holds(c.verdict) and len(c.parts) == 1 and c.reading == READINGS["copy"]:
            copy, of = (c.total.page, c.total.bbox), (c.parts[0].page, c.parts[0].bbox)
            held = [figures | {copy, of} if copy in figures or of in figures else figures for figures in held]
    held_totals = {(c.total.page, c.total.bbox) for c in checks if holds(c.verdict)}
    out: list[TableCheck] = []
    for orientation in ("row", "column"):
        items = _items(table, orientation)  # type: ignore[arg-type]
        if len(items) < 3 or len(items) > MAX_ITEMS:
            continue
        out.extend(_found(table, file, orientation, items, checked, held, held_totals))  # type: ignore[arg-type]
    unit_text, multiplier, unit = scale
    return [replace(c, unit_text=unit_text, multiplier=multiplier, unit=unit) for c in out]


Scale = tuple[str | None, Fraction, str | None]


def printed_scale(table: Table, checks: Sequence[TableCheck]) -> Scale | None:
    """The unit and scale the other checks give this page's table: a table joined over pages takes
    its scale from the page that prints it ("Dollars in Thousands" on the page before), and a cell
    must be claimed in one scale only. Its own when no check reads it; None when checks disagree."""
    mine = {(c.unit_text, c.multiplier, c.unit) for c in checks
            if any(r.page == table.page and r.table == table.index for r in (c.total, *c.parts))}
    if len(mine) > 1:
        return None
    if mine:
        return next(iter(mine))
    scale = table.scale  # (as make_check reads it)
    return (scale.text if scale else None, scale.multiplier if scale else Fraction(1),
            (scale.unit if scale else None) or printed_currency(table))


def _found(
    table: Table, file: str, orientation: Orientation, items: list[tuple[int, str, _Lanes]],
    checked: set[tuple[int, tuple[float, float, float, float]]], held: list[set[tuple[int, object]]],
    held_totals: set[tuple[int, object]],
) -> list[TableCheck]:
    def where(item: tuple[int, str, _Lanes], ln: int) -> tuple[int, object]:
        pos = item[0] if orientation == "row" else ln
        page = (table.rows[pos].origin or (table.page,))[0]
        return page, item[2][ln].bbox

    seen: set[frozenset[int]] = set()  # pairs of items read together
    out: list[TableCheck] = []
    # results first: a line whose words say it is a result is the one read from the other two
    order = sorted(range(len(items)), key=lambda k: (not _RESULT.search(items[k][1]), not _SUMMARY.search(items[k][1]), -k))
    for k in order:
        t = items[k]
        lanes = sorted(t[2])
        # a figure another reading checks is left to it, but still tells: the row's total column
        # ("Total" = the sum of the row) is no reason not to read the row's other figures
        if all(where(t, ln) in checked for ln in lanes):
            continue
        tell = [ln for ln in lanes if _telling(t[2][ln]) and _digits(t[2][ln]) >= MIN_DIGITS]
        headless = orientation == "column" and not clean_label(t[1])
        if not tell or orientation == "row" and not clean_label(t[1]):
            continue  # an unlabelled line of figures is a subtotal, read as a sum elsewhere
        cued = _cued(t)
        # a column with no word to say what it is, three rows at least: columns of one
        # breakdown under another ("Total | Public | Private" per grade) meet by chance more often;
        # a column whose head was not read at all (a head of several stacked lines), in many rows
        least = MIN_HEADLESS if headless else MIN_LANES if cued or orientation == "row" else MIN_LANES + 1
        first = max(tell, key=lambda ln: abs(_value(t[2][ln])))
        # the other items printing in the lane of t's largest figure (a blank elsewhere is a zero)
        others = [i for i, it in enumerate(items) if i != k and first in it[2]]
        best = _best(items, k, others, first, least, seen, held, where) if len(tell) >= least else None
        if best is None and _RESULT.search(t[1]):
            # one telling figure (a statement of one column): a line that says it is a result,
            # read only from two totals or results printed before it
            summaries = [i for i in others if i < k and _summary(items[i], held_totals, where)]
            best = _best(items, k, summaries, first, 1, seen, held, where)
        if best is None and _RESULT.search(t[1]):
            # what is left after two ("Available" = Budget − Expenses − Encumbrances, "Ending Fund
            # Balance" = Beginning + Revenues − Expenditures): a result line only, from lines before it
            before = [i for i in others if i < k][-MAX_THREE:]
            best = _best_three(items, k, before, first, least if len(tell) >= least else 1, held, where,
                               held_totals if len(tell) < least else None)
        if best is None:
            continue
        _, parts, judged = best
        members = [k] + [i for i, _ in parts]
        seen.update(frozenset(pair) for pair in itertools.combinations(members, 2))
        words = " ".join(f"{'plus' if sg == 1 else 'less'} '{clean_label(items[i][1])}'" for i, sg in parts[1:])
        reading_text = (f"found from the arithmetic: in every {'column' if orientation == 'row' else 'row'} "
                        f"it is '{clean_label(items[parts[0][0]][1])}' {words}")
        signed = [(items[i], sg) for i, sg in parts]
        for ln, jd in judged:
            if where(t, ln) in checked:
                continue
            if not _telling(t[2][ln]) and not all(ln in it[2] for it, _ in signed):
                continue  # "–" = "–" less a blank: no figure to check
            if orientation == "row":
                tref = cell_ref(table, t[0], t[2][ln])
                prefs = tuple(cell_ref(table, it[0], it[2][ln], sg) for it, sg in signed if ln in it[2])
                lane_label = next((c.header for c in table.columns if c.index == ln), "")
                out.append(make_check(table, file, "row", clean_label(t[1]), lane_label, tref, prefs, jd, reading_text, None))
            else:
                tref = cell_ref(table, ln, t[2][ln], label=t[1])
                prefs = tuple(cell_ref(table, ln, it[2][ln], sg, label=it[1]) for it, sg in signed if ln in it[2])
                out.append(make_check(table, file, "column", t[1], clean_label(table.rows[ln].label), tref, prefs, jd,
                                      reading_text, None))
    return out


def _best(
    items: list[_Item], k: int, others: list[int], first: int, least: int, seen: set[frozenset[int]],
    held: list[set[tuple[int, object]]], where: Callable[[_Item, int], tuple[int, object]],
) -> _Best | None:
    """The best reading of item k as a ± b over ``others``: from two printed before it, then the nearest."""
    t = items[k]
    room = 2 * max((items[i][2][first].number.half for i in others), default=Fraction(0)) + t[2][first].number.half  # type: ignore[union-attr]
    # the search in whole multiples of the finest unit of these figures and of the room: the same
    # order and the same bounds as in fractions, at the cost of integers
    scale, ints = _integers([items[i][2][first] for i in others] + [t[2][first]], room)
    pool = sorted((ints[n], i) for n, i in enumerate(others))
    keys = [v for v, _ in pool]
    room_int, target = int(room * scale), ints[-1]
    best = None
    for va, i in pool:
        for sign in (1, -1):
            # t = a + sign·b  ⇒  b = sign·(t − a)
            want = sign * (target - va)
            lo, hi = bisect.bisect_left(keys, want - room_int), bisect.bisect_right(keys, want + room_int)
            for _vb, j in pool[lo:hi]:
                if j == i or (sign == 1 and j < i) or {frozenset((k, i)), frozenset((k, j)), frozenset((i, j))} & seen:
                    continue  # two items already read together: the third is a copy of one read before
                if sign == -1 and not _cued(t) and (_cued(items[i]) or _cued(items[j])):
                    # a part of a breakdown read back from its total, an item back from the result
                    # it makes ("Mutaties reserves" = Programma resultaat − Saldo, "b. Uitgaven" =
                    # a. Ontvangsten − Exploitatiesaldo): the total or result is the one to read
                    continue
                judged = _reading(items, k, [(i, 1), (j, sign)], least, held, where)
                if judged is None:
                    continue
                key = (max(i, j) < k, -abs(i - k) - abs(j - k))
                if best is None or key > best[0]:
                    best = (key, [(i, 1), (j, sign)], judged)
    return best


def _best_three(
    items: list[_Item], k: int, before: list[int], first: int, least: int, held: list[set[tuple[int, object]]],
    where: Callable[[_Item, int], tuple[int, object]], summaries: set[tuple[int, object]] | None,
) -> _Best | None:
    """Item k as a − b − c or a + b − c over the items printed before it (``summaries``: only from
    totals and results, for a line with one telling figure), the nearest reading."""
    if summaries is not None:
        before = [i for i in before if _summary(items[i], summaries, where)]
    t = items[k]
    pool = sorted((_value(items[i][2][first]), i) for i in before)
    keys = [v for v, _ in pool]
    room = 3 * max((items[i][2][first].number.half for i in before), default=Fraction(0)) + t[2][first].number.half  # type: ignore[union-attr]
    best = None
    for i, j in itertools.combinations(before, 2):
        for si, sj in ((1, -1), (-1, 1), (1, 1)):
            # t = si·a + sj·b − c  ⇒  c = si·a + sj·b − t
            want = si * _value(items[i][2][first]) + sj * _value(items[j][2][first]) - _value(t[2][first])
            lo, hi = bisect.bisect_left(keys, want - room), bisect.bisect_right(keys, want + room)
            for _v, m in pool[lo:hi]:
                if m in (i, j):
                    continue
                parts = sorted([(i, si), (j, sj), (m, -1)], key=lambda p: (-p[1], p[0]))
                if parts[0][1] != 1:
                    continue
                judged = _reading(items, k, parts, least, held, where)
                if judged is None:
                    continue
                key = (True, -sum(abs(p - k) for p, _ in parts))
                if best is None or key > best[0]:
                    best = (key, parts, judged)
    return best


def _cued(item: _Item) -> bool:
    """Do the item's words say it is a total or a result?"""
    return bool(_RESULT.search(item[1]) or _SUMMARY.search(item[1]))


def _summary(item: _Item, held_totals: set[tuple[int, object]], where: Callable[[_Item, int], tuple[int, object]]) -> bool:
    """Is the item a total or a result: named so, or the total of a relation that holds?"""
    return bool(_SUMMARY.search(item[1]) or _RESULT.search(item[1])) or any(where(item, ln) in held_totals for ln in item[2])


def _reading(
    items: list[_Item], k: int, parts: list[tuple[int, int]], least: int, held: list[set[tuple[int, object]]],
    where: Callable[[_Item, int], tuple[int, object]],
) -> list[tuple[int, Judgement]] | None:
    """Each lane's judgement of item k as the signed sum of ``parts`` (item, sign), when it holds in
    every lane of k, in ``least`` at least where every figure tells; None otherwise, or when a
    relation that holds already reads these figures together."""
    t = items[k]
    lanes = sorted(t[2])
    signed = [(items[i], sg) for i, sg in parts]
    judged = []
    telling = exact = 0
    # lanes that print the same figures tell once ("$100 $100 $100" in every year)
    told: set[tuple[Fraction, ...]] = set()
    for ln in lanes:
        ct = t[2][ln]
        assert ct.number is not None
        cells = [(sg, it[2].get(ln)) for it, sg in signed]
        jd = judge([(sg, c.number) for sg, c in cells if c is not None and c.number is not None], ct.number)
        if not holds(jd.verdict):
            return None
        judged.append((ln, jd))
        if all(c is not None and _telling(c) for _, c in cells) and _telling(ct) and _digits(ct) >= MIN_DIGITS:
            figures = (_value(ct), *(_value(c) for _, c in cells if c is not None))
            if figures not in told:
                told.add(figures)
                telling += 1
                exact += jd.difference == 0
    if telling < least:
        return None
    # a copy (t = a, the others nothing) is no relation
    if any(all(ln in it[2] and _value(t[2][ln]) == _value(it[2][ln]) for ln in lanes) for it, _ in signed):
        return None
    # near misses within rounding are chance more often than exact fits: exact in two lanes, or long figures
    if exact < max(least, 1) and any(_digits(t[2][ln]) < 5 for ln in lanes if _telling(t[2][ln])):
        return None
    # three figures a relation that holds already reads together, in every lane: nothing new
    full = [ln for ln in lanes if all(ln in it[2] for it, _ in signed)]
    if full and all(any({where(t, ln), *(where(it, ln) for it, _ in signed)} <= figures for figures in held)
                    for ln in full):
        return None
    return judged
