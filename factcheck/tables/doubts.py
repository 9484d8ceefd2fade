"""Doubts: why a total that does not add up may be our misreading of the table, not its error.

The other readings a person would try (a part counted twice, a deduction without its sign, a figure
not read, a figure printed one column over, a digit mistyped), and the support the reading has
elsewhere in the table. A doubted check is written as a figure with its doubt, never as an alarm.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .cells import CellNumber, DecimalSep, is_year, looks_numeric, parse_cell
from .detect import Table
from .items import Item, part_sign
from .judging import TENS_DOUBT, Judgement, holds, judge, tens_explain
from .labels import clean_label, row_kind
from .slip_evidence import slip_shaped


def memo_between(items: list[Item], parts: list[tuple[Item, int]]) -> bool:
    """Whether an 'of which' row stands between the first and the last of the parts."""
    if not parts:
        return False
    lo, hi = min(p.pos for p, _ in parts), max(p.pos for p, _ in parts)
    return any(it.kind == "memo" and lo < it.pos < hi for it in items)


def reading_doubt(
    total: Item, parts: list[tuple[Item, int]], lane: int, results: dict[int, Judgement], held: int, totals: int,
    open_top: bool = False,
    memo_inside: bool = False,
    plain: bool = False,
    difference: bool = False,
    named: bool = False,
) -> str | None:
    """Why a total that does not add up in ``lane`` may be our misreading of the table rather than
    an error in it; None when the reading has support and no other plausible reading holds.

    Support: another column of the same total adds up, or (for a total with one column) another
    total of the table does. The other readings are the ones a person would try: without one part
    (a subtotal or a breakdown counted twice), one part subtracted (a deduction without a sign),
    a part whose figure was not read, and a figure printed one column over.
    """
    # a lane of zeros adds up under any reading of its parts: it is no support for this one
    others = [ln for ln, j in results.items() if ln != lane and holds(j.verdict) and not _all_zero(total, parts, ln)]
    if open_top:
        return "the table starts at the top of the page with these parts: more of them may stand on the page before"
    if len(parts) == 1:
        return "only one part was found for this total: the others may not have been read"
    if tens_explain(total.cells[lane].number, [  # type: ignore[arg-type]
            (part_sign(p, s, lane), n) for p, s in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]):
        return TENS_DOUBT
    tnum = total.cells[lane].number
    assert tnum is not None
    shown = [n.value for p, s in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]
    if tnum.value == 0 and not plain and not difference and any(v != 0 for v in shown):
        # "Total Liabilities €0.00" under the assets' total: a zero whose own rows are not printed;
        # the rows found further up belong to the totals before it
        return "this total is zero and its own rows are not printed: the rows found belong to other totals"
    if tnum.value > 0 and all(v >= 0 for v in shown) and 2 * sum(shown) < tnum.value:
        # a printed total is seldom off by half of itself; rows that add up to less than half of
        # it are a part of its rows (the others on earlier pages, or in another table)
        return "the parts found add up to less than half of this total: most of its parts stand elsewhere"
    if tnum.value > 0 and all(v >= 0 for v in shown) and shown and max(shown) > tnum.value and not (
            named and others) and all(s == 1 and not p.deduct for p, s in parts) and not typo_explains(tnum, [
                n for p, _ in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]):
        # no share of a total is larger than the total: the row is no part of it (a total printed
        # above its own rows, read as closing the rows before it) - unless one digit mistyped in
        # that part or in the total makes it add up: then the part is one, and the figure an error.
        # (Parts its label names - "Net Cash Provided by … Activities" under a cash flow statement -
        # that add up in another column are its parts, whatever their size.)
        return "one of the parts found is larger than this total: it cannot be one of its parts"
    # a Total closing every row above it, off by less than any one of them: no choice of rows
    # explains that (a row too many or too few moves the sum by a whole row), so the figures
    # themselves disagree, whatever the other columns do
    slip = plain and _slip(total, parts, lane, results[lane])
    if len(results) > 1 and not others and not slip:
        return "no column of this total adds up under this reading of its parts"
    if not others and held == 0 and not slip:
        return "nothing else in this table adds up under this reading, so the reading itself may be wrong"
    failing = sum(1 for ln, j in results.items() if not holds(j.verdict) and not _slipped(total, ln, j))
    if failing >= 3 and 4 * failing > len(results):
        # errors are rare and seldom come in runs; a reading that fails in many places at once
        # is more likely ours (a second table with other columns read as part of this one). A
        # place that misses by one mistyped digit's worth counts as the table's error, not as a
        # sign of misreading: a misread row misses by what a row holds, not by a digit
        return f"this reading fails in {failing} of its {len(results)} places, more than errors would explain"
    if 2 * held < totals and not slip:
        return "most totals of this table do not add up under any reading tried"
    signed = [(p, part_sign(p, s, lane)) for p, s in parts]
    for p, _s in signed:
        cell = p.cells.get(lane)
        figures = [n for ln in others if ln in p.cells and (n := p.cells[ln].number) is not None]
        # a row whose figure another column's total adds up with is read right there, and a row of
        # nil dashes printed nothing to lose; one printing 0 beside an empty cell may have lost its figure
        if (cell is None or cell.number is None) and figures and all(not n.nil and n.value == 0 for n in figures):
            return f"no figure was read for '{clean_label(p.label)}' in this column"
    present = [(p, s, n) for p, s in signed if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]
    nums = [(s, n) for _, s, n in present]
    # The same rows stand in every column: a part counted twice would fail in the others too.
    # When two other columns add up with these very parts, this column's failure is the table's.
    # (A sign may differ by column: a variance column reads spending the other way round.)
    supported = len(others) >= 2
    for k, (p, s, n) in enumerate(present):
        rest = nums[:k] + nums[k + 1 :]
        if rest and not supported and _double(present, k) and holds(judge(rest, tnum).verdict):
            return f"it adds up without '{clean_label(p.label)}' (a subtotal or a breakdown counted twice?)"
        # one side of a change column's row with the other sign makes it a sum: where two other
        # rows are differences, that is a formula slip in this row, not another reading of it
        if not n.nil and not (difference and supported) and holds(
                judge(nums[:k] + [(-s, n)] + nums[k + 1 :], tnum).verdict):
            if p.deduct and s * n.value < 0:
                # the row says it is taken off ("LESS OFFSETS"), and the printed total added it:
                # that is the table's slip, not another way to read it
                return None
            return f"it adds up with '{clean_label(p.label)}' {'subtracted' if s > 0 else 'added'}"
    if len(nums) <= 40 and len(others) < 2:
        for k in range(1, len(nums)):
            for run in (nums[k:], nums[:k]):
                shorter = [run] + [run[:m] + run[m + 1 :] for m in range(len(run))]
                # one row equal to the total is what a forgotten row leaves too: two at least
                if any(sum(1 for _, x in r if x.value != 0) >= 2 and holds(judge(r, tnum).verdict) for r in shorter):
                    return "a shorter run of these rows adds up (the total may close a smaller block)"
    if memo_inside:
        return "'of which' rows stand among the parts, and the text does not show which rows belong to them"
    lanes = set(results)
    dense = all(lanes <= set(x.cells) for x in [total, *(p for p, _ in parts)])
    # every row fills every column, and other columns add up: no figure can have slipped over
    for near in (lane - 1, lane + 1) if not (dense and len(others) >= 2) else ():
        cell = total.cells.get(near)
        if cell is not None and cell.number is not None and holds(judge(nums, cell.number).verdict):
            return "the parts add up to the total printed one column over"
        shifted = [(s, c.number) for p, s in signed if (c := p.cells.get(near)) is not None and c.number is not None]
        carried = cell is not None and cell.number is not None and cell.number.value == tnum.value
        # the column over printing this very total over its own parts is no slipped figure: the
        # total was carried over from that column and not updated ("Total Other Income 35,000" in
        # both budget years, whose rows differ)
        if len(shifted) >= 2 and not carried and holds(judge(shifted, tnum).verdict):
            return "the total equals the parts printed one column over"
    return None


def header_figure_doubt(header: str, dsep: DecimalSep | None, nums: list[tuple[int, CellNumber]],
                        total: CellNumber) -> str | None:
    """Why a total may lack a part that was read as its column's header: a figure printed in the
    header (a row of figures set under a line of marks, "@20% =", is taken for a header line) that,
    added to the parts, makes the total hold."""
    for word in header.split():
        n = parse_cell(word, dsep) if looks_numeric(word) and not is_year(word) else None
        if n is not None and not n.nil and n.value and holds(judge([*nums, (1, n)], total).verdict):
            return f"it adds up with the figure {word} printed in this column's header: a row may have been read as the header"
    return None


def typo_explains(total: CellNumber, parts: list[CellNumber]) -> bool:
    """Would one digit mistyped (changed, added, dropped, or two neighbours swapped) in the total or
    in one part larger than it make the total the exact sum of the parts?"""
    whole = sum((n.value for n in parts), Fraction(0))
    suspects = [(total, whole)] + [(n, total.value - (whole - n.value)) for n in parts if n.value > total.value]
    return any(_one_digit_apart(n, should) for n, should in suspects)


def _one_digit_apart(printed: CellNumber, should: Fraction) -> bool:
    """Do ``printed``'s digits and those ``should`` has at the same number of decimals, four at
    least, differ by one digit changed, added or dropped, or two neighbouring digits swapped?"""
    scale = 10 ** max(printed.decimals, 0)
    a, b = printed.value * scale, should * scale
    if a.denominator != 1 or b.denominator != 1 or a <= 0 or b <= 0 or a == b:
        return False
    x, y = str(a.numerator), str(b.numerator)
    if min(len(x), len(y)) < 4:
        return False  # short figures are one digit apart by chance too often (48.2 and 458.2)
    if len(x) == len(y):
        diff = [k for k in range(len(x)) if x[k] != y[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _all_zero(total: Item, parts: list[tuple[Item, int]], lane: int) -> bool:
    """Are the total and every part printed in ``lane`` zero or nil?"""
    return all(c.number is None or c.number.value == 0 for it in (total, *(p for p, _ in parts))
               if (c := it.cells.get(lane)) is not None)


def _slipped(total: Item, lane: int, j: Judgement) -> bool:
    """Does the total miss in ``lane`` by what one mistyped digit gives (slip_evidence)?"""
    cell = total.cells.get(lane)
    number = cell.number if cell is not None else None
    if number is None:
        return False
    # the places a slip may stand at: the total's and its parts' sum's (total less difference)
    return slip_shaped(number.text, number.percent, j.difference, [number.value, number.value - j.difference], j.slack)


def _slip(total: Item, parts: list[tuple[Item, int]], lane: int, j: Judgement) -> bool:
    """Is the total off by less than any part it closes (three at least), and by at most one
    percent of itself: a slip in the figures rather than a row too many or too few?"""
    tnum = total.cells[lane].number
    # a nil or zero row adds nothing, whatever it stands for ("Overhead  *"): the rows that do count
    nums = [n for p, _ in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None
            and not n.nil and n.value != 0]
    if tnum is None or len(nums) < 3 or tnum.value == 0:
        return False
    gap = abs(j.difference)
    return gap < min(abs(n.value) for n in nums) and 100 * gap <= abs(tnum.value)


_FOOTNOTE_MARK = re.compile(r"[*†‡]|\(\d\)\s*$")


def _double(present: list[tuple[Item, int, CellNumber]], k: int) -> bool:
    """Could part k be counted twice: a subtotal or total itself, or the sum of the parts right
    before or right after it (a breakdown printed with its total)? An ordinary item that the
    total leaves out is an error, not another reading."""
    item, _, n = present[k]
    if item.kind != "part" or n.value == 0:
        return True
    for run in (present[:k][::-1], present[k + 1 :]):
        acc = Fraction(0)
        for _, s, m in run[:12]:
            acc += s * m.value
            if acc == n.value:
                return True
    return False


def difference_doubt(
    table: Table, lane: int, results: dict[int, Judgement], summed: bool, parts_checked: bool,
) -> str | None:
    """Why a change column that fails in one row may say what the document means: the row carries
    a footnote mark ("School Employees' Retirement***", whose note moves it to another account),
    or it is a total whose change adds up its rows' changes (``summed``), so that a row that is off
    (above it, or on an earlier page) makes it off too."""
    label = table.rows[lane].label
    if _FOOTNOTE_MARK.search(label):
        return "the row carries a footnote mark: its note may say why the change is not the plain difference"
    if summed or (row_kind(label) in ("total", "sub", "grand") and any(
        ln < lane and not holds(j.verdict) for ln, j in results.items()
    )):
        return "this total's change adds up its rows' changes, so a row that is off makes it off too"
    if row_kind(label) in ("total", "sub", "grand") and not parts_checked:
        # its rows may stand on an earlier page, one of them off for a reason its footnote gives
        return "this total's own rows were not found to add up to it, so its change cannot be told from theirs"
    return None
