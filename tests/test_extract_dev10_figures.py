"""Figures the tenth development sample (tests/unseen/figures.dev10-sample.tsv, 80 prose figures of the
twenty development documents of round 20, 61 right when drawn) judged wrong, read as the pages mean
them: a form's, a component's, a code's and a placeholder's numbers are labels; a year prices are
taken at is a year; South African tables print "R 108.5 m" with a space after the rand."""

from __future__ import annotations

from fractions import Fraction

from factcheck.extract.scan import get_scanner
from factcheck.numbers import parse_figure


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.stated, f.kind) for f in get_scanner("en").scan(text)]


def test_numbers_that_name_are_labels() -> None:
    # enhlt-01 p6 "Form 990, Part IV, line 11a"; enngx-03 p1 "Component 3 Strengthening adaptation";
    # enncb-03 p1 "Appropriation Code: 14350"; enngx-01 p3 "[Donor 2]"
    assert ("990", "label") in _kinds("Complete if the organization answered Yes on Form 990, Part IV, line 11a.")
    assert _kinds("Component 3 Strengthening adaptation and resilience") == [("3", "label")]
    assert _kinds("Appropriation Code: 14350") == [("14350", "label")]
    assert _kinds("Donor 2 gave $5") == [("2", "label"), ("$5", "money")]


def test_the_year_prices_are_taken_at_is_a_year() -> None:
    # enusf-01 p4: "(in millions, in 2025 dollars)"
    assert _kinds("Figure 6 (in millions, in 2025 dollars)")[-1] == ("2025", "year")
    assert _kinds("it costs 2025 dollars") == [("2025 dollars", "money")]


def test_a_rand_amount_with_a_space_after_the_r_and_a_scale() -> None:
    # enlat-03 p1: "Capital assets R 108.5 m", "R 1 029.7 m" (a page that groups thousands with a space)
    found = get_scanner("en", spaced=True).scan("Capital assets R 108.5 m and Administration R 1 029.7 m")
    assert [(f.stated, f.unit, f.value) for f in found] == [
        ("R 108.5 m", "ZAR", Fraction(108_500_000)), ("R 1 029.7 m", "ZAR", Fraction(1_029_700_000))]
    assert parse_figure("R 1 029.7 m", "en").value == 1_029_700_000  # and `check` reads it back
    # without a scale, "R 2" is a route's or a form's name
    assert [f.kind for f in get_scanner("en").scan("Route R 2 is closed")] != ["money"]
