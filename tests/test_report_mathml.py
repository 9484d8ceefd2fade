"""Formulas as MathML in the HTML report."""

from __future__ import annotations

import xml.dom.minidom

import pytest

from factcheck.report.mathml import formula_mathml

pytest.importorskip("factcheck.formula")


def _text(markup: object) -> str:
    dom = xml.dom.minidom.parseString(str(markup))  # well-formed XML
    return "".join(n.data for n in _walk(dom.documentElement) if n.nodeType == n.TEXT_NODE)


def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in node.childNodes:
        yield from _walk(child)


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        ("a - b", "a−b"),
        ("a - (b - c)", "a−(b−c)"),
        ("(a + b) * c", "(a+b)×c"),
        ("a * -b", "a×(−b)"),
        ("-(a + b) ** 2", "−(a+b)2"),
        ("max(a, 0.5)", "max(a,0,5)"),
        ("a + 21%", "a+21%"),
        ("a / b / c", "abc"),  # nested fractions: text order only
        ("1000 * a", "1.000×a"),
    ],
)
def test_structure(expr: str, text: str) -> None:
    markup = formula_mathml(expr, "nl")
    assert markup is not None
    assert _text(markup) == text


def test_fractions_and_label() -> None:
    markup = str(formula_mathml("x * (y - z) / 365", "en", "total"))
    assert markup.startswith('<math display="block">')
    assert "<mfrac>" in markup and "<mi>total</mi><mo>=</mo>" in markup


def test_invalid_formula_gives_none() -> None:
    assert formula_mathml("a +* 2") is None
    assert formula_mathml("__import__('os')") is None
    assert formula_mathml("") is None
    assert formula_mathml(None) is None


def test_label_is_escaped() -> None:
    assert "<b>" not in str(formula_mathml("a + b", "nl", "<b>x</b>"))
