"""The rounding-interval judgement of a total against its parts (exact, no floats)."""

from __future__ import annotations

from fractions import Fraction

from factcheck.model import Verdict
from factcheck.tables.cells import parse_cell
from factcheck.tables.judging import judge


def _n(text: str, sep: str | None = None):
    n = parse_cell(text, sep)  # type: ignore[arg-type]
    assert n is not None
    return n


def test_equal_printed_sum_is_consistent() -> None:
    parts = [(1, _n(t)) for t in ["‒140", "‒410", "‒6", "‒74", "‒81", "‒62", "‒21"]]
    j = judge(parts, _n("‒794"))
    assert j.verdict is Verdict.CONSISTENT and j.difference == 0


def test_one_off_with_seven_rounded_parts_is_rounding() -> None:
    parts = [(1, _n(t)) for t in ["‒332", "‒1.012", "‒15", "‒177", "‒195", "‒151", "‒48"]]
    j = judge(parts, _n("‒1.931"))
    assert j.verdict is Verdict.ROUNDING
    assert j.difference == -1
    # seven parts of ±½ and a total of ±½: the rule forgives up to 4, and says so
    assert j.slack == 4
    assert j.parts_interval.lo == Fraction(-3867, 2) and j.parts_interval.hi == Fraction(-3853, 2)  # -1930 ± 3.5
    assert j.total_interval.lo == Fraction(-3863, 2) and j.total_interval.hi == Fraction(-3861, 2)


def test_decimals_narrow_the_interval() -> None:
    # 12s0324: 8,263.3 + 2,799.2 = 11,062.5 against 11,062.6 -> within 0.15
    j = judge([(1, _n("8,263.3", ".")), (1, _n("2,799.2", "."))], _n("11,062.6", "."))
    assert j.verdict is Verdict.ROUNDING and j.difference == Fraction(1, 10)
    # 0.2 off with one decimal is too much for two parts
    j = judge([(1, _n("8,263.3", ".")), (1, _n("2,799.2", "."))], _n("11,062.7", "."))
    assert j.verdict is Verdict.MISMATCH


def test_real_mismatch() -> None:
    j = judge([(1, _n("543")), (1, _n("61"))], _n("1,104"))
    assert j.verdict is Verdict.MISMATCH and j.difference == 500


def test_difference_relation() -> None:
    j = judge([(1, _n("3,655")), (-1, _n("2,882"))], _n("772"))
    assert j.verdict is Verdict.ROUNDING and j.difference == -1


def test_scale_when_a_power_of_1000_reconciles() -> None:
    j = judge([(1, _n("275")), (1, _n("1.284"))], _n("1.559.000"))
    assert j.verdict is Verdict.SCALE and j.scale_factor == 1000


def test_nil_dash_counts_as_zero_or_rounds_to_zero() -> None:
    # exact sum unchanged by the dash ...
    j = judge([(1, _n("28.287")), (1, _n("–")), (1, _n("626"))], _n("28.913"))
    assert j.verdict is Verdict.CONSISTENT
    # ... but a dash may stand for something that rounds to zero (Census convention)
    j = judge([(1, _n("–")), (1, _n("14.1", "."))], _n("14.15", "."))
    assert j.verdict is Verdict.ROUNDING
