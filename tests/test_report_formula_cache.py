"""Formulas printed once per shape (symbolic.formula_display) read exactly as sympy prints each one."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck import symbolic
from factcheck.formula import parse_formula

# Names that make sympy's printers do something special: subscripts from digits and "_",
# superscripts from "__", Greek letters, accents ("bar", "dot", "hat"), a document prefix that
# starts with a digit, and names that sort before and after each other in surprising ways.
AWKWARD = [
    "a", "b", "x", "aa", "a1", "a10", "a2", "p0", "p10", "z9", "x_2", "x_2_3", "t3_1_r2_c3", "a__b",
    "y__2", "q__0_1", "x_0__1", "alpha", "beta_1", "lamda", "pi", "e", "i", "x_bar", "xdot",
    "x_hat", "ab12cd", "min_x", "kostprijs_noodopvang", "doc-2025.x", "2025-doc.x", "2025-doc.x2",
    "doc.a__b", "n-1.y_1", "9.z",
]
NUMBERS = ["0", "1", "2", "3", "12", "365", "1000", "0.5", "1.5", "0.25", "30%", "2.5%"]


def _formulas(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    leaves = st.one_of(names, names, st.sampled_from(NUMBERS))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.builds(lambda a, op, b: f"({a}) {op} ({b})", inner, st.sampled_from("+-*/"), inner),
            st.builds(lambda a, op, b: f"{a} {op} {b}", inner, st.sampled_from(["+", "-"]), inner),
            st.builds(lambda a, k: f"({a}) ** {k}", inner, st.sampled_from(["2", "3", "-1", "-2"])),
            st.builds(lambda a: f"-({a})", inner),
            st.builds(lambda f, args: f"{f}({', '.join(args)})", st.sampled_from(["sum", "min", "max"]),
                      st.lists(inner, min_size=1, max_size=4)),
            st.builds(lambda a: f"abs({a})", inner),
        )

    return st.recursive(leaves, extend, max_leaves=8)


def _outcome(call):  # type: ignore[no-untyped-def]
    """What a call returns, or the type of what it raises (sympy refuses some formulas, e.g. 0**-1)."""
    try:
        return call()
    except Exception as exc:  # noqa: BLE001 - the point is to compare whatever happens
        return type(exc)


def _direct(expr: str) -> object:
    return _outcome(lambda: (symbolic.formula_pretty(expr), symbolic.formula_latex(expr)))


def _cached(expr: str) -> object:
    return _outcome(lambda: symbolic.formula_display(parse_formula(expr).root))


def _renamed(expr: str, mapping: dict[str, str]) -> str:
    root = parse_formula(expr).root

    def go(node):  # type: ignore[no-untyped-def]
        if node.op == "ref":
            return mapping.get(node.name, node.name)
        if node.op in ("num", "pct"):
            return node.text
        if node.op == "neg":
            return f"-({go(node.args[0])})"
        if node.op == "pow":
            return f"({go(node.args[0])}) ** {node.exponent}"
        if node.op == "call":
            return f"{node.name}({', '.join(go(a) for a in node.args)})"
        symbol = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[node.op]
        return f"({go(node.args[0])}) {symbol} ({go(node.args[1])})"

    return go(root)


# Derandomized: sympy orders the two halves of a formula whose terms cancel, such as
# (a + b) - (b + a), by what its global cache holds, so a rare random example of that kind can
# print either way, directly or not. A fixed set of examples keeps the test a fixed test.
@settings(max_examples=600, deadline=None, derandomize=True)
@given(expr=_formulas(st.sampled_from(AWKWARD)), other=st.permutations(AWKWARD))
def test_same_text_as_printing_each_formula(expr: str, other: list[str]) -> None:
    # Formulas sympy cannot print at all (max(0 / 0) raises, or not, depending on what its global
    # cache holds) have no text to compare; everything else must read exactly the same.
    direct = _direct(expr)
    assume(not isinstance(direct, type))
    assert _cached(expr) == direct
    # The same shape with other names: often a hit in the shape cache, and still exact.
    renamed = _renamed(expr, dict(zip(AWKWARD, other)))
    assert _cached(renamed) == _direct(renamed)


@pytest.mark.parametrize(
    "exprs",
    [
        [f"a{n} * b{n}" for n in range(30)],
        [f"p{n} + p{n - 1}" for n in range(1, 30)],  # p10 + p9: the order of terms follows the names
        [f"sum(t{n}_r1, t{n}_r2, t{n}_r10)" for n in range(12)],
        [f"{n}-doc.x * 3 + doc.y{n} * 2" for n in range(12)],
        ["x__1 ** 2 + y", "x_1 ** 2 + y", "xx ** 2 + y", "alpha ** 2 + y"],
    ],
)
def test_families_of_one_shape(exprs: list[str]) -> None:
    for expr in exprs:
        assert _cached(expr) == _direct(expr), expr


def test_shapes_are_shared() -> None:
    symbolic._shapes.clear()
    for n in range(50):
        symbolic.formula_display(parse_formula(f"a{n} * b{n} + c{n}").root)
    assert len(symbolic._shapes) <= 3  # a0..a9 end in a digit like a10..a49: one or two shapes


@settings(max_examples=2000)
@given(name=st.one_of(st.sampled_from(AWKWARD), st.from_regex(r"[a-z0-9][a-z0-9_]{0,12}", fullmatch=True),
                      st.from_regex(r"[a-z][a-z0-9_]{0,6}(dot|bar|hat|prime|vec|_[0-9]{1,3}|__[a-z])", fullmatch=True)))
def test_name_latex_is_sympys(name: str) -> None:
    symbol = symbolic._symbol_name(name)
    assert symbolic._symbol_latex(symbol) == sympy.latex(sympy.Symbol(symbol))
