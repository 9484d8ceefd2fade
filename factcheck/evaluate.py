"""Evaluate a parsed formula exactly: a point value, an interval and a dimension, all in base units.

Values are Fractions; intervals are carried through every operation (interval arithmetic), so a
result says both "what the printed inputs give" and "what the inputs could give, given how they
were rounded". Units are checked as we go: adding euros to persons raises :class:`UnitClash`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable, NamedTuple

from factcheck.bounds import MAX_BITS  # numerator or denominator beyond this is refused (FC224)
from factcheck.errors import EvaluationError
from factcheck.formula import Node
from factcheck.units import Dims, combine, power


class Val(NamedTuple):
    """An evaluated quantity in base units. ``dims`` is None when the unit is unknown."""

    point: Fraction
    lo: Fraction | None
    hi: Fraction | None
    dims: Dims | None


class UnitClash(Exception):
    """Two sides of + or - (or the arguments of sum/min/max) have different dimensions."""

    def __init__(self, left: Dims, right: Dims, node: Node) -> None:
        super().__init__("unit clash")
        self.left = left
        self.right = right
        self.node = node


def _check_size(value: Fraction, node: Node) -> Fraction:
    if value.numerator.bit_length() > MAX_BITS or value.denominator.bit_length() > MAX_BITS:
        raise EvaluationError("a number in this formula grew beyond the size limit", col=node.col, code="FC224")
    return value


def _same_dims(a: Val, b: Val, node: Node) -> Dims | None:
    if a.dims is None:
        return b.dims
    if b.dims is None:
        return a.dims
    if a.dims != b.dims:
        raise UnitClash(a.dims, b.dims, node)
    return a.dims


def _add(lo1: Fraction | None, lo2: Fraction | None) -> Fraction | None:
    return None if lo1 is None or lo2 is None else lo1 + lo2


def _mul_interval(a: Val, b: Val) -> tuple[Fraction | None, Fraction | None]:
    if None in (a.lo, a.hi, b.lo, b.hi):
        return None, None
    products = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)  # type: ignore[operator]
    return min(products), max(products)


def _div_interval(a: Val, b: Val) -> tuple[Fraction | None, Fraction | None]:
    if b.lo is None or b.hi is None or (b.lo <= 0 <= b.hi):
        # The divisor may be zero within its rounding: the quotient is unbounded.
        return None, None
    inverse = Val(Fraction(1) / b.point, Fraction(1) / b.hi, Fraction(1) / b.lo, None)
    return _mul_interval(a, inverse)


def _pow_interval(a: Val, n: int) -> tuple[Fraction | None, Fraction | None]:
    if a.lo is None or a.hi is None:
        return None, None
    if n < 0:
        if a.lo <= 0 <= a.hi:
            return None, None
        base = Val(1 / a.point, 1 / a.hi, 1 / a.lo, None)
        return _pow_interval(base, -n)
    ends = (a.lo**n, a.hi**n)
    low, high = min(ends), max(ends)
    if n % 2 == 0 and a.lo <= 0 <= a.hi:
        low = Fraction(0)
    return low, high


def evaluate(node: Node, lookup: Callable[[str, Node], Val], intervals: bool = True) -> Val:
    """Evaluate ``node``; ``lookup(name, node)`` supplies referenced claims' values.

    With ``intervals=False`` only the point value and the dimensions are computed (lo and hi
    are None): a relation whose printed figure equals its computed value needs no more, and
    that is most relations. The engine computes the intervals when the verdict depends on them.
    """
    if not intervals:
        return _points(node, lookup)
    return _full(node, lookup)


def _points(node: Node, lookup: Callable[[str, Node], Val]) -> Val:
    op = node.op
    if op == "ref":
        v = lookup(node.name or "", node)
        return Val(v.point, None, None, v.dims)
    if op == "num":
        return Val(node.value, None, None, ())  # type: ignore[arg-type]
    if op == "pct":
        assert node.value is not None
        return Val(node.value / 100, None, None, ())
    if op in ("add", "sub", "mul", "div"):
        a = _points(node.args[0], lookup)
        b = _points(node.args[1], lookup)
        if op == "add":
            return Val(_check_size(a.point + b.point, node), None, None, _same_dims(a, b, node))
        if op == "sub":
            return Val(_check_size(a.point - b.point, node), None, None, _same_dims(a, b, node))
        dims = None if a.dims is None or b.dims is None else combine(a.dims, b.dims, 1 if op == "mul" else -1)
        if op == "mul":
            return Val(_check_size(a.point * b.point, node), None, None, dims)
        if b.point == 0:
            raise EvaluationError("division by zero", col=node.col, code="FC221")
        return Val(_check_size(a.point / b.point, node), None, None, dims)
    # Less common operations: take the full path and drop the interval.
    full = _full(node, lambda name, n: _no_interval(lookup(name, n)))
    return Val(full.point, None, None, full.dims)


def _no_interval(v: Val) -> Val:
    return Val(v.point, v.point, v.point, v.dims)


def _full(node: Node, lookup: Callable[[str, Node], Val]) -> Val:
    """Point, interval and dimensions of ``node``."""
    op = node.op
    if op == "num":
        v = node.value
        assert v is not None
        return Val(v, v, v, ())
    if op == "pct":
        assert node.value is not None
        p = node.value / 100
        return Val(p, p, p, ())
    if op == "ref":
        return lookup(node.name or "", node)
    if op == "neg":
        a = _full(node.args[0], lookup)
        return Val(-a.point, None if a.hi is None else -a.hi, None if a.lo is None else -a.lo, a.dims)
    if op in ("add", "sub"):
        a = _full(node.args[0], lookup)
        b = _full(node.args[1], lookup)
        dims = _same_dims(a, b, node)
        if op == "add":
            return Val(_check_size(a.point + b.point, node), _add(a.lo, b.lo), _add(a.hi, b.hi), dims)
        lo = None if a.lo is None or b.hi is None else a.lo - b.hi
        hi = None if a.hi is None or b.lo is None else a.hi - b.lo
        return Val(_check_size(a.point - b.point, node), lo, hi, dims)
    if op == "mul":
        a = _full(node.args[0], lookup)
        b = _full(node.args[1], lookup)
        dims = None if a.dims is None or b.dims is None else combine(a.dims, b.dims, 1)
        lo, hi = _mul_interval(a, b)
        return Val(_check_size(a.point * b.point, node), lo, hi, dims)
    if op == "div":
        a = _full(node.args[0], lookup)
        b = _full(node.args[1], lookup)
        if b.point == 0:
            raise EvaluationError("division by zero", col=node.col, code="FC221")
        dims = None if a.dims is None or b.dims is None else combine(a.dims, b.dims, -1)
        lo, hi = _div_interval(a, b)
        return Val(_check_size(a.point / b.point, node), lo, hi, dims)
    if op == "pow":
        a = _full(node.args[0], lookup)
        n = node.exponent or 0
        if n < 0 and a.point == 0:
            raise EvaluationError("division by zero (0 to a negative power)", col=node.col, code="FC221")
        lo, hi = _pow_interval(a, n)
        dims = None if a.dims is None else power(a.dims, n)
        return Val(_check_size(a.point**n, node), lo, hi, dims)
    if op == "call":
        args = [_full(arg, lookup) for arg in node.args]
        name = node.name
        if name == "abs":
            a = args[0]
            if a.lo is not None and a.hi is not None:
                ends = (abs(a.lo), abs(a.hi))
                lo = Fraction(0) if a.lo <= 0 <= a.hi else min(ends)
                return Val(abs(a.point), lo, max(ends), a.dims)
            return Val(abs(a.point), Fraction(0), None, a.dims)
        dims = args[0].dims
        for other in args[1:]:
            dims = _same_dims(Val(Fraction(0), None, None, dims), other, node)
        if name == "sum":
            total = Val(Fraction(0), Fraction(0), Fraction(0), dims)
            point, lo, hi = Fraction(0), Fraction(0), Fraction(0)
            for a in args:
                point += a.point
                lo = _add(lo, a.lo)
                hi = _add(hi, a.hi)
            return Val(_check_size(point, node), lo, hi, total.dims)
        pick = min if name == "min" else max
        los = [a.lo for a in args]
        his = [a.hi for a in args]
        lo = None if None in los else pick(los)  # type: ignore[type-var]
        hi = None if None in his else pick(his)  # type: ignore[type-var]
        if name == "min" and None in los:
            lo = None
        if name == "max" and None in his:
            hi = None
        return Val(pick(a.point for a in args), lo, hi, dims)
    raise EvaluationError(f"unknown operation {op}", col=node.col, code="FC202")
