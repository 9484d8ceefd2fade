"""A count of things written with its noun and printed to the unit is that many exactly, in the
rate and share searches (factcheck.discover.figures.bounds)."""

from __future__ import annotations

from fractions import Fraction

from factcheck.discover.figures import bounds, from_dicts
from tests.support.discovered import discovered


def _fig(stated: str, value: str, unit: str | None, kind: str = "count", hedge: str = "exact"):
    claim = {"id": "x", "stated": stated, "value": value, "kind": kind, "hedge": hedge, "quote": f"q {stated}",
             "where": {"page": 1, "line": 1}}
    if unit:
        claim["unit"] = unit
    [fig] = from_dicts([claim], "nl")
    return fig


def test_a_counted_noun_printed_to_the_unit_is_exact() -> None:
    assert bounds(_fig("19", "19", "onderzoek")) == (19, 19)
    assert bounds(_fig("1.438", "1438", "factuur")) == (1438, 1438)
    # a round count may stand for more or fewer; a bare number, a hedged one or an amount keeps its rounding
    assert bounds(_fig("20", "20", "onderzoek")) != (20, 20)
    assert bounds(_fig("19", "19", None)) == (Fraction(37, 2), Fraction(39, 2))
    assert bounds(_fig("19", "19", "onderzoek", hedge="about")) != (19, 19)
    assert bounds(_fig("€ 19", "19", "EUR", kind="money")) == (Fraction(37, 2), Fraction(39, 2))


def test_a_rate_over_two_small_counts_is_read() -> None:
    # DIVD's annual report 2021: "In 2021 heeft DIVD Research 19 onderzoeken verricht. Dat is ten
    # opzichte van 14 onderzoeken in 2020 een groei van 36%." (19 - 14) / 14 = 35.7 %: with 18.5-19.5
    # and 13.5-14.5 the rate could lie anywhere from 28 % to 44 %, too wide to be no coincidence
    found = [(stated, inputs) for stated, _, inputs, _ in discovered("nlfon-01.pdf")]
    assert ("36%", ("19", "14")) in found
