"""A claim's formula as MathML, for the HTML report: fractions as fractions, powers raised.

Browsers render MathML themselves (Chromium, Firefox and Safari all do), so the report needs no
script or font from the network to show a formula the way a person would write it. The MathML is
built from the same allow-listed parse tree that the sympy expression is built from
(:func:`factcheck.formula.parse_formula`); every name and number is escaped here, and only
MathML Core elements are produced. A formula that does not parse gives ``None``, and the report
shows its text instead.
"""

from __future__ import annotations

from fractions import Fraction

from markupsafe import Markup, escape

from factcheck.errors import FactcheckError
from factcheck.formatting import format_number
from factcheck.formula import Node, parse_formula

__all__ = ["formula_mathml"]

_PRECEDENCE = {"add": 1, "sub": 1, "mul": 2, "div": 3, "neg": 3, "pow": 4}
_ATOM = 5


def _prec(node: Node) -> int:
    return _PRECEDENCE.get(node.op, _ATOM)


def _paren(inner: str) -> str:
    return f'<mrow><mo stretchy="true">(</mo>{inner}<mo stretchy="true">)</mo></mrow>'


def _number(value: Fraction | None, language: str) -> str:
    return str(escape(format_number(value if value is not None else Fraction(0), language, 12)))


def _render(node: Node, language: str) -> str:
    op, args = node.op, node.args
    if op == "num":
        return f"<mn>{_number(node.value, language)}</mn>"
    if op == "pct":
        return f"<mrow><mn>{_number(node.value, language)}</mn><mo>%</mo></mrow>"
    if op == "ref":
        return f"<mi>{escape(node.name or '')}</mi>"
    if op == "neg":
        inner = _render(args[0], language)
        if _prec(args[0]) <= _PRECEDENCE["sub"]:
            inner = _paren(inner)
        return f"<mrow><mo>\u2212</mo>{inner}</mrow>"
    if op in ("add", "sub", "mul"):
        left, right = _render(args[0], language), _render(args[1], language)
        if op == "mul" and _prec(args[0]) <= _PRECEDENCE["sub"]:
            left = _paren(left)
        if op == "sub" and _prec(args[1]) <= _PRECEDENCE["sub"]:
            right = _paren(right)
        if op == "mul" and (_prec(args[1]) <= _PRECEDENCE["sub"] or args[1].op == "neg"):
            right = _paren(right)
        if op == "add" and args[1].op == "neg":
            right = _paren(right)
        sign = {"add": "+", "sub": "\u2212", "mul": "\u00d7"}[op]
        return f"<mrow>{left}<mo>{sign}</mo>{right}</mrow>"
    if op == "div":
        top, bottom = _render(args[0], language), _render(args[1], language)
        return f"<mfrac><mrow>{top}</mrow><mrow>{bottom}</mrow></mfrac>"
    if op == "pow":
        base = _render(args[0], language)
        if _prec(args[0]) < _ATOM:
            base = _paren(base)
        return f"<msup>{base}<mn>{int(node.exponent or 0)}</mn></msup>"
    if op == "call":
        inner = "<mo>,</mo>".join(_render(a, language) for a in args)
        return f"<mrow><mi>{escape(node.name or '')}</mi>{_paren(inner)}</mrow>"
    raise ValueError(f"unknown formula node {op!r}")


def formula_mathml(expr: str | None, language: str = "nl", label: str = "", root: Node | None = None) -> Markup | None:
    """``<math display="block">…</math>`` for a claim's formula, or ``None`` when it does not parse.

    ``root`` is the formula already parsed from ``expr``, when the caller has it.
    """
    if not expr:
        return None
    try:
        if root is None:
            root = parse_formula(expr).root
        body = _render(root, language)
    except (FactcheckError, ValueError, KeyError):  # an invalid formula has its own `error` verdict
        return None
    if label:
        lhs = f"<mi>{escape(label)}</mi><mo>=</mo>"
    else:
        lhs = ""
    return Markup(f'<math display="block"><mrow>{lhs}{body}</mrow></math>')
