"""A total and its parts lane by lane.

A lane is a column when the total is a row, and a row when the total is a column. Here: the lanes in
which a total and its parts can be compared, the signed figures they print there, and the verdict
in one lane.
"""

from __future__ import annotations

import re

from ..model import Verdict
from .cells import CellNumber, long_figure
from .items import Item, part_sign
from .judging import Judgement, fit_verdict, holds, judge
from .slip_evidence import slip_shaped

_READABLE = re.compile(r"\d")


def comparable_lanes(total: Item, parts: list[tuple[Item, int]]) -> list[int]:
    """The lanes in which the total and its parts can be compared: the total prints a figure and some
    part more than a nil dash, no part prints digits that could not be read, percentages stand over
    percentages only, and a total left nil counts only where its parts cancel out."""
    lanes = []
    for lane, cell in total.cells.items():
        if cell.number is None:
            continue
        if any(lane in p.cells and p.cells[lane].number is None and _READABLE.search(p.cells[lane].text)
               for p, _ in parts):
            continue  # a part printed with digits that could not be read ("77,934,651."): no verdict
        present = [n for p, _ in parts if lane in p.cells and (n := p.cells[lane].number) is not None]
        if not present:
            continue
        if all(n.nil for n in present):
            # no part printed in this lane (a budget column with only the total): nothing to add
            continue
        if any(cell.number.percent != n.percent for n in present if not n.nil):
            continue  # a percentage total over amounts (or the reverse) is not a sum
        if cell.number.nil and not holds(fit_lane(total, parts, lane)):
            # a total left "-" over parts that do not cancel out: not filled in for that column
            # (an actuals column of a budget), so it says nothing for or against the reading
            continue
        lanes.append(lane)
    return lanes


def lane_figures(
    total: Item, parts: list[tuple[Item, int]], lane: int
) -> tuple[list[tuple[int, CellNumber]], CellNumber]:
    """The signed figures the parts print in the lane, and the total's."""
    nums = [(part_sign(p, s, lane), n) for p, s in parts if lane in p.cells and (n := p.cells[lane].number) is not None]
    tnum = total.cells[lane].number
    assert tnum is not None
    return nums, tnum


def judge_lane(total: Item, parts: list[tuple[Item, int]], lane: int) -> Judgement:
    """:func:`~.judging.judge` on the figures the total and its signed parts print in the lane."""
    return judge(*lane_figures(total, parts, lane))


def fit_lane(total: Item, parts: list[tuple[Item, int]], lane: int) -> Verdict:
    """:func:`judge_lane`'s verdict as far as it fits or not (see :func:`fit_verdict`)."""
    return fit_verdict(*lane_figures(total, parts, lane))


def long_total(total: Item, lanes: list[int]) -> bool:
    """Does the total have four significant digits or more in every lane?"""
    return all((n := total.cells[lane].number) is not None and long_figure(n) for lane in lanes)


def nonzero_at(item: Item, lane: int) -> bool:
    """Does the item print a figure other than zero (or a nil dash) in the lane?"""
    n = item.cells[lane].number if lane in item.cells else None
    return n is not None and not n.nil and n.value != 0


def slipped(total: Item, parts: list[tuple[Item, int]], lane: int, j: Judgement) -> bool:
    """Does the total miss its parts in the lane by the shape of a slip (tables.slip_evidence)?"""
    nums, tnum = lane_figures(total, parts, lane)
    return slip_shaped(total.cells[lane].text, tnum.percent, j.difference, [tnum.value, *(n.value for _, n in nums)],
                       j.slack)
