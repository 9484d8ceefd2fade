"""sympy, behind one module: formulas as sympy objects for solving and for display.

The sympy expression is built node by node from our own parsed tree (factcheck.formula), never
from text: ``sympify``/``parse_expr`` execute Python and are not used anywhere.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Mapping

import sympy
from sympy.printing.conventions import split_super_sub  # type: ignore[import-untyped]
from sympy.printing.latex import translate as latex_translate  # type: ignore[import-untyped]

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


# Display of many formulas: sympy's printers take about a millisecond per formula, and a large
# claim corpus has thousands of formulas of a few shapes ("a{n} * b{n}", "sum(t…, t…)"). Each
# shape is printed once, with a placeholder for each claim name, and the names are put in after.
#
# sympy's output depends on the names in just these ways, and the placeholders keep each one:
# - the order of terms and factors (sort keys compare names as strings): placeholder k stands
#   for the k-th name in string order, and placeholders sort in the same order;
# - sstr writes a name as it is, and only asks whether a term starts with "-" (no name does);
# - LaTeX writes a name through _deal_with_super_sub, and then only asks whether a term's LaTeX
#   starts with a digit, ends with a digit (before closing braces and spaces: "\cdot" between
#   numbers), or holds "^" (a power of it is parenthesized). The placeholder's LaTeX (set with
#   the printer's symbol_names) has each of these exactly when the name's own LaTeX has it.
# tests/test_report_formula_cache.py compares the result with the direct printers on many
# formulas and awkward names.
_LATEX_NUMBER_END = re.compile(r"[0-9][} ]*$")  # sympy.printing.latex._between_two_numbers_p
_LATEX_NUMBER_START = re.compile(r"(\d|\\frac{\d+}{\d+})")
_LETTERS_DIGITS = re.compile(r"([a-z]+)([0-9]*)")
_shapes: dict[tuple[object, ...], tuple[str, str]] = {}
_MAX_SHAPES = 4096


@lru_cache(maxsize=65536)
def _name_latex(symbol_name: str) -> tuple[str, tuple[bool, bool, bool]]:
    """LaTeX of a claim name as sympy writes it, and whether it starts with a number, holds a
    power, ends with a number: the three things sympy's LaTeX printer asks of it."""
    text = _symbol_latex(symbol_name)
    return text, (bool(_LATEX_NUMBER_START.match(text)), "^" in text, bool(_LATEX_NUMBER_END.search(text)))


def _symbol_latex(name: str) -> str:
    """``sympy.latex(Symbol(name))``: LatexPrinter._deal_with_super_sub with its default settings.

    Written out so that the translation of each part (Greek letters, accents), which sorts
    sympy's table of accents on every call, is looked up once per part: a large run has a
    name for every figure, made of few distinct parts ("p", "t3", "r2", "c1").
    """
    plain = _LETTERS_DIGITS.fullmatch(name)
    if plain:  # "p12": what split_super_sub makes of letters and digits, the digits a subscript
        letters, digits = plain.groups()
        return _translate(letters) + ("_{" + _translate(digits) + "}" if digits else "")
    if "{" in name:
        return str(sympy.latex(sympy.Symbol(name)))
    base, supers, subs = split_super_sub(name)
    text = _translate(base)
    if supers:
        text += "^{" + " ".join(_translate(part) for part in supers) + "}"
    if subs:
        text += "_{" + " ".join(_translate(part) for part in subs) + "}"
    return text


@lru_cache(maxsize=4096)
def _translate(part: str) -> str:
    return str(latex_translate(part))


def _placeholder(rank: int) -> str:
    # Control characters never occur in sympy's output or in a claim id; the fixed width makes
    # string order equal rank order. The leading lowercase letter makes the placeholder sort
    # against everything else in the expression (digits, "Max", "Abs") as a claim name does:
    # sympy orders some terms by their printed text.
    return f"a\x01{rank:06d}\x02"


def _placeholder_latex(rank: int, marks: tuple[bool, bool, bool]) -> str:
    """LaTeX for placeholder ``rank`` that starts with a digit, holds "^" and ends with a digit
    exactly when the name it stands for does."""
    starts, power, ends = marks
    return f"{'0' if starts else ''}{_placeholder(rank)}{'^' if power else ''}{'0' if ends else ''}"


def formula_display(root: Node) -> tuple[str, str]:
    """(:func:`formula_pretty`, :func:`formula_latex`) of a parsed formula, printed once per shape."""
    names: dict[str, str] = {}  # symbol name -> placeholder, filled after sorting

    def collect(node: Node) -> None:
        if node.op == "ref":
            names[_symbol_name(node.name or "")] = ""
        for arg in node.args:
            collect(arg)

    collect(root)
    if any(not ("a" <= name[:1] <= "z") for name in names):
        # A name starting with a digit (a document id such as "2025-doc") sorts differently from
        # any placeholder against the numbers of the formula: print this one directly.
        expression = to_sympy(root)
        return sympy.sstr(expression), sympy.latex(expression)
    ordered = sorted(names)
    for rank, name in enumerate(ordered):
        names[name] = _placeholder(rank)
    latexes = [_name_latex(name) for name in ordered]

    def shape(node: Node) -> object:
        op = node.op
        if op == "ref":
            return names[_symbol_name(node.name or "")]
        if op in ("num", "pct"):
            return (op, node.value)
        return (op, node.name, node.exponent, *(shape(a) for a in node.args))

    key = (shape(root), tuple(marks for _, marks in latexes))
    printed = _shapes.get(key)
    if printed is None:
        placeholder_root = _rename(root, names)
        expression = to_sympy(placeholder_root)
        symbols = {
            sympy.Symbol(_placeholder(rank)): _placeholder_latex(rank, marks)
            for rank, (_, marks) in enumerate(latexes)
        }
        printed = (sympy.sstr(expression), sympy.latex(expression, symbol_names=symbols))
        if len(_shapes) >= _MAX_SHAPES:
            _shapes.clear()
        _shapes[key] = printed
    pretty, latex = printed
    for rank, name in enumerate(ordered):
        pretty = pretty.replace(_placeholder(rank), name)
        latex = latex.replace(_placeholder_latex(rank, latexes[rank][1]), latexes[rank][0])
    return pretty, latex


def _rename(node: Node, names: Mapping[str, str]) -> Node:
    """The tree with each claim name replaced by its placeholder."""
    if node.op == "ref":
        return Node("ref", name=names[_symbol_name(node.name or "")], col=node.col)
    if not node.args:
        return node
    return Node(node.op, tuple(_rename(a, names) for a in node.args), node.value, node.name, node.text, node.exponent, node.col)
