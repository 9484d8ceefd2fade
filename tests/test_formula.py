"""Formulas are parsed by an allow-list; nothing from a claim file is executed."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest

from factcheck.errors import FormulaError
from factcheck.formula import parse_formula, render


def test_names_and_structure() -> None:
    formula = parse_formula("bezetting * (kostprijs_nood - kostprijs_regulier)")
    assert formula.names == ("bezetting", "kostprijs_nood", "kostprijs_regulier")
    assert render(formula.root) == "bezetting × (kostprijs_nood − kostprijs_regulier)"


def test_cross_document_reference_with_hyphens() -> None:
    formula = parse_formula("asiel-migratie-2025.extra_kosten / 12")
    assert formula.names == ("asiel-migratie-2025.extra_kosten",)


def test_percent_literal_and_exact_decimals() -> None:
    root = parse_formula("30% * a + 0.1").root
    assert root.args[0].args[0].op == "pct" and root.args[0].args[0].value == 30
    assert root.args[1].value == Fraction(1, 10)


@pytest.mark.parametrize("text, code", [
    ("__import__('os').system('true')", "FC202"),
    ("a.__class__.__subclasses__()", "FC202"),
    ("(lambda: 1)()", "FC202"),
    ("[x for x in y]", "FC202"),
    ("a if b else c", "FC202"),
    ("a % b", "FC202"),
    ("a // b", "FC202"),
    ("open('x')", "FC202"),
    ("'text'", "FC202"),
    ("True", "FC202"),
    ("a; b", "FC201"),
    ("(a + ", "FC201"),
    ("Kostprijs", "FC203"),
    ("a ** b", "FC204"),
    ("a ** 7", "FC204"),
    ("1" * 50, "FC204"),
    ("a" + "+a" * 5000, "FC204"),
])
def test_refused(text: str, code: str) -> None:
    with pytest.raises(FormulaError) as info:
        parse_formula(text)
    assert info.value.code == code


def test_power_tower_is_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(FormulaError):
        parse_formula("9**9**9**9")
    # Refused while parsing, before any arithmetic; generous bound for a shared machine.
    assert time.perf_counter() - start < 1.0


def test_deep_nesting_is_refused_cleanly() -> None:
    with pytest.raises(FormulaError) as info:
        parse_formula("(" * 300 + "a" + ")" * 300)
    assert info.value.code in ("FC201", "FC204")


def test_error_has_a_column() -> None:
    with pytest.raises(FormulaError) as info:
        parse_formula("a + b.__class__")
    assert info.value.col == 5


def test_percent_applies_after_a_name_a_number_with_exponent_and_a_group() -> None:
    # `x1%` and `1e2%` once lost their `%` without a word
    assert render(parse_formula("x1% * b").root) == "x1% × b"
    assert parse_formula("1e2%").root.op == "pct"
    group = parse_formula("(a - b)%").root
    assert group.op == "div" and group.args[1].value == 100 and render(group) == "(a − b)%"


@pytest.mark.parametrize("text, col", [("x% + 0x10", 6), ("a% + b% +* 2", 10), ("50 %  + (a", 9)])
def test_columns_after_a_percent_point_into_the_text_as_written(text: str, col: int) -> None:
    with pytest.raises(FormulaError) as info:
        parse_formula(text)
    assert info.value.col == col


def test_a_look_alike_is_refused_and_named_not_folded() -> None:
    with pytest.raises(FormulaError) as info:
        parse_formula("a + \uff41")
    assert info.value.code == "FC141" and info.value.col == 5
    assert "FULLWIDTH LATIN SMALL LETTER A" in info.value.message


def test_a_formula_of_only_a_no_break_space_names_the_character() -> None:
    # found by the adversarial property test: str.strip() took U+00A0 for a blank (FC201 "empty")
    import pytest

    from factcheck.formula import FormulaError, parse_formula

    with pytest.raises(FormulaError) as err:
        parse_formula("\u00a0")
    assert err.value.code == "FC141" and "NO-BREAK SPACE" in str(err.value)
