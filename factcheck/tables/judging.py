"""Judging: a total against its signed parts, exactly, with the intervals their printed digits allow.

Each printed figure stands for [v - ½·10^-d, v + ½·10^-d]; no floats anywhere. :func:`judge` gives the
whole outcome (verdict, difference, both intervals, slack); :func:`fit_verdict` is the cheap test used
while readings are only compared; :func:`holds` says whether a verdict lets the total stand
(consistent, or within rounding). Figures that all end in 0 may be rounded to tens (:func:`tens_explain`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..model import Interval, Verdict, interval_verdict
from .cells import CellNumber


@dataclass(frozen=True, slots=True)
class Judgement:
    """The arithmetic outcome of comparing a total with signed parts."""

    verdict: Verdict
    difference: Fraction
    parts_interval: Interval
    total_interval: Interval
    slack: Fraction
    scale_factor: Fraction | None


def judge(parts: list[tuple[int, CellNumber]], total: CellNumber, unit: Fraction = Fraction(0)) -> Judgement:
    """Compare the printed total with the signed printed parts, exactly, with rounding intervals.

    A nil dash counts as zero for the exact sum, and as "zero or rounds to zero" for the
    interval (half a unit of the total's last digit): statistical offices print "–" for both.
    ``unit``: what every figure is known to be rounded to when that is coarser than its digits
    (an income table in whole hundreds, see factcheck.tables.formulas).
    """
    s, p_iv, t_iv, half, t_half = _intervals(parts, total, unit / 2)
    verdict, factor = interval_verdict(s, p_iv, total.value, t_iv)
    return Judgement(verdict, total.value - s, p_iv, t_iv, half + t_half, factor)


def _intervals(
    parts: list[tuple[int, CellNumber]], total: CellNumber, unit_half: Fraction
) -> tuple[Fraction, Interval, Interval, Fraction, Fraction]:
    """The parts' sum, its interval, the total's interval, and the two half-widths."""
    # (a part's value as it is when its sign is +1: no product made for most parts)
    s = sum((n.value if sign == 1 else sign * n.value for sign, n in parts), Fraction(0))
    half = sum((max(total.half if n.nil else n.half, unit_half) for _, n in parts), Fraction(0))
    t_half = max(total.half, unit_half)
    return s, Interval(s - half, s + half), Interval(total.value - t_half, total.value + t_half), half, t_half


def fit_verdict(parts: list[tuple[int, CellNumber]], total: CellNumber) -> Verdict:
    """:func:`judge`'s verdict where it says the total fits (consistent, rounding), and
    ``mismatch`` for every other: the cheap test for readings that are only being compared."""
    # judge's sums as one numerator over one positive denominator each, and its two tests
    # (equal; the intervals meet: |sum - total| <= the half-widths) cross-multiplied: exactly
    # the same answers without a Fraction made and reduced at every step (five times faster)
    sn, sd, hn, hd = 0, 1, 0, 1  # the parts' sum, and their half-widths'
    for sign, n in parts:
        a, b = n.value.numerator, n.value.denominator
        if sign != 1:
            a *= sign
        if b == sd:
            sn += a
        else:
            sn, sd = sn * b + a * sd, sd * b
        half = total.half if n.nil else n.half
        if half > 0:
            a, b = half.numerator, half.denominator
            if b == hd:
                hn += a
            else:
                hn, hd = hn * b + a * hd, hd * b
    tn, td = total.value.numerator, total.value.denominator
    if sn * td == tn * sd:
        return Verdict.CONSISTENT
    thn, thd = (total.half.numerator, total.half.denominator) if total.half > 0 else (0, 1)
    if abs(sn * td - tn * sd) * hd * thd <= (hn * thd + thn * hd) * sd * td:
        return Verdict.ROUNDING
    return Verdict.MISMATCH


def holds(v: Verdict) -> bool:
    """Whether the verdict lets the total stand: consistent, or within rounding."""
    return v in (Verdict.CONSISTENT, Verdict.ROUNDING)


LAST_ZERO = re.compile(r"0\D*$")  # a figure printed with 0 as its last digit
TENS_DOUBT = "every figure of it ends in 0: rounded to tens, as projections and estimates are, they add up"


def tens_unit(total: CellNumber, parts: list[tuple[int, CellNumber]]) -> Fraction | None:
    """Ten times the unit of the last printed digit, when every figure of a sum (four at least,
    nil and zero left out) is printed to the same digit and ends in 0: such figures may be rounded
    to tens ("558,750" over nine projected counts), and then their sum is off by up to five per
    figure. None otherwise."""
    shown = [n for n in (total, *(n for _, n in parts)) if not n.nil and n.value != 0]
    if len(shown) < 4 or any(n.half != shown[0].half or not LAST_ZERO.search(n.text) for n in shown):
        return None
    return 20 * shown[0].half


def tens_explain(total: CellNumber, parts: list[tuple[int, CellNumber]]) -> bool:
    """Whether a sum that does not add up does, read as figures rounded to tens."""
    unit = tens_unit(total, parts)
    return unit is not None and holds(judge(parts, total, unit).verdict)
