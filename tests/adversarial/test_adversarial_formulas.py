"""Formulas over the full Unicode range: each is an FC error or exactly what Fraction gives on
its ASCII reading. Python's parser folds look-alikes (NFKC), so without the ASCII rule
'ａ + 123' was read as 'a + 3' (the number cut out by byte offset) and passed as consistent."""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError, FormulaError
from factcheck.evaluate import Val, evaluate
from factcheck.formula import parse_formula

NAMES = {"a": Fraction(10), "b": Fraction(-3), "x1": Fraction(7, 2), "zero": Fraction(0)}
OPS = {"+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y, "/": lambda x, y: x / y}


def value_of(text: str) -> Fraction:
    def lookup(name: str, node: Any) -> Val:
        if name not in NAMES:
            raise FormulaError(f"unknown claim id {name!r}", code="FC203")  # as the engine says
        v = NAMES[name]
        return Val(v, v, v, None)

    return evaluate(parse_formula(text).root, lookup, intervals=False).point


# A formula as (text, exact value), or (text, None) when Fraction itself divides by zero.
numbers = st.one_of(
    st.integers(0, 10**6).map(lambda n: (str(n), Fraction(n))),
    st.tuples(st.integers(0, 999), st.integers(0, 999)).map(
        lambda p: (f"{p[0]}.{p[1]:03d}", Fraction(f"{p[0]}.{p[1]:03d}"))),
    st.tuples(st.integers(1, 9), st.integers(-3, 3)).map(lambda p: (f"{p[0]}e{p[1]}", Fraction(p[0]) * Fraction(10) ** p[1])),
)
names = st.sampled_from(sorted(NAMES)).map(lambda n: (n, NAMES[n]))


def _binary(children: st.SearchStrategy) -> st.SearchStrategy:
    def make(parts: tuple) -> tuple[str, Fraction | None]:
        (lt, lv), op, (rt, rv) = parts
        if lv is None or rv is None or (op == "/" and rv == 0):
            return f"({lt} {op} {rt})", None
        return f"({lt} {op} {rt})", OPS[op](lv, rv)
    return st.tuples(children, st.sampled_from(sorted(OPS)), children).map(make)


def _unary(children: st.SearchStrategy) -> st.SearchStrategy:
    def make(parts: tuple) -> tuple[str, Fraction | None]:
        kind, (text, value) = parts
        if value is None:
            return f"-({text})", None
        if kind == "neg":
            return f"-({text})", -value
        if kind == "pct":
            return f"({text})%", value / 100
        if kind == "abs":
            return f"abs({text})", abs(value)
        # a small power; a negative one of zero divides by zero
        exponent = int(kind[3:])
        if value == 0 and exponent < 0:
            return f"({text}) ** {exponent}", None
        return f"({text}) ** {exponent}", value ** exponent
    return st.tuples(st.sampled_from(["neg", "pct", "abs", "pow2", "pow-1", "pow3"]), children).map(make)


leaves = st.one_of(numbers, names, numbers.map(lambda p: (p[0] + "%", p[1] / 100)))
formulas = st.recursive(leaves, lambda kids: st.one_of(_binary(kids), _unary(kids)), max_leaves=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formulas)
def test_ascii_formula_is_exactly_what_fraction_gives(formula: tuple[str, Fraction | None]) -> None:
    text, expected = formula
    try:
        got = value_of(text)
    except FactcheckError as exc:
        # only what Fraction refuses too (division by zero) or a size limit is an error
        assert expected is None or exc.code == "FC224", (text, exc)
        return
    assert expected is not None and got == expected, text


# Look-alikes of the ASCII characters a formula uses: fullwidth forms and mathematical letters
# and digits, which NFKC folds back to ASCII.
def _twins(char: str) -> list[str]:
    out = [chr(ord(char) + 0xFEE0)] if "!" <= char <= "~" else []
    if char.isdigit():
        out.append(chr(0x1D7CE + int(char)))  # MATHEMATICAL BOLD DIGIT
    if "a" <= char <= "z":
        out.append(chr(0x1D41A + ord(char) - ord("a")))  # MATHEMATICAL BOLD SMALL
    return out


other_characters = st.characters(min_codepoint=0x80, blacklist_categories=("Cs",))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formulas, st.data())
def test_any_non_ascii_character_is_fc141_naming_it(formula: tuple[str, Fraction | None], data: st.DataObject) -> None:
    text, _ = formula
    at = data.draw(st.integers(0, len(text) - 1))
    twins = _twins(text[at])
    intruder = data.draw(st.sampled_from(twins) if twins and data.draw(st.booleans()) else other_characters)
    hostile = text[:at] + intruder + text[at + 1:]
    try:
        value_of(hostile)
    except FactcheckError as exc:
        assert exc.code == "FC141", (hostile, exc)
        assert f"U+{ord(intruder):04X}" in exc.message
        name = unicodedata.name(intruder, "")
        assert name in exc.message
        return
    raise AssertionError(f"{hostile!r} was accepted")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("a b x1 zero 0123456789+-*/()%.e_,")),
                                  st.characters(blacklist_categories=("Cs",))), max_size=40))
def test_any_text_is_an_fc_error_or_ascii(text: str) -> None:
    try:
        value_of(text)
    except FactcheckError:
        return
    assert text.isascii(), text
