"""sympy, behind one module: formulas as sympy objects for solving and for display.

The sympy expression is built node by node from our own parsed tree (factcheck.formula), never
from text: ``sympify``/``parse_expr`` execute Python and are not used anywhere.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping

import sympy

from factcheck.formula import Node, parse_formula

_FUNCTIONS = {"min": sympy.Min, "max": sympy.Max, "abs": sympy.Abs}


def _symbol_name(name: str) -> str:
    # sympy symbol names are display names too; keep document prefixes readable.
    return name.replace("-", "_")


def to_sympy(node: Node, values: Mapping[str, Fraction] | None = None) -> sympy.Expr:
    """Build the sympy expression for ``node``; names in ``values`` become exact Rationals."""
    op = node.op
    if op == "num":
        v = node.value
        return sympy.Rational(v.numerator, v.denominator)  # type: ignore[union-attr]
    if op == "pct":
        v = node.value
        return sympy.Rational(v.numerator, v.denominator * 100)  # type: ignore[union-attr]
    if op == "ref":
        name = node.name or ""
        if values is not None and name in values:
            v = values[name]
            return sympy.Rational(v.numerator, v.denominator)
        return sympy.Symbol(_symbol_name(name))
    args = [to_sympy(a, values) for a in node.args]
    if op == "neg":
        return -args[0]
    if op == "add":
        return sympy.Add(args[0], args[1], evaluate=values is not None)
    if op == "sub":
        return sympy.Add(args[0], sympy.Mul(-1, args[1], evaluate=values is not None), evaluate=values is not None)
    if op == "mul":
        return sympy.Mul(args[0], args[1], evaluate=values is not None)
    if op == "div":
        return sympy.Mul(args[0], sympy.Pow(args[1], -1, evaluate=values is not None), evaluate=values is not None)
    if op == "pow":
        return sympy.Pow(args[0], node.exponent, evaluate=values is not None)
    if op == "call":
        if node.name == "sum":
            return sympy.Add(*args, evaluate=values is not None)
        return _FUNCTIONS[node.name or ""](*args)
    raise ValueError(f"unknown node {op}")


def implied_values(root: Node, base_values: Mapping[str, Fraction], target: Fraction) -> dict[str, Fraction]:
    """For each input alone, the value it would need for the formula to equal ``target`` exactly.

    Inputs that cannot be solved for (they cancel out, or the solution is not a single real
    rational) are left out.
    """
    found: dict[str, Fraction] = {}
    goal = sympy.Rational(target.numerator, target.denominator)
    for name in base_values:
        others = {k: v for k, v in base_values.items() if k != name}
        expression = to_sympy(root, others)
        symbol = sympy.Symbol(_symbol_name(name))
        if symbol not in expression.free_symbols:
            continue
        try:
            solutions = sympy.solve(sympy.Eq(expression, goal), symbol, rational=True)
        except (NotImplementedError, ValueError, TypeError):
            continue
        rational = [s for s in solutions if getattr(s, "is_Rational", False)]
        if len(rational) == 1:
            solution = rational[0]
            found[name] = Fraction(int(solution.p), int(solution.q))
        elif len(rational) > 1:
            # x**2 = c: prefer the solution on the side of the printed input.
            current = base_values[name]
            best = min(rational, key=lambda s: abs(Fraction(int(s.p), int(s.q)) - current))
            found[name] = Fraction(int(best.p), int(best.q))
    return found


def formula_latex(expr: str) -> str:
    """LaTeX for a formula's text, e.g. for the HTML report; raises FormulaError when invalid."""
    return sympy.latex(to_sympy(parse_formula(expr).root))


def formula_pretty(expr: str) -> str:
    """A readable one-line rendering of a formula's text using sympy's printer."""
    return sympy.sstr(to_sympy(parse_formula(expr).root))
