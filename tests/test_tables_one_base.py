"""Rows of shares or figures per head that add up as amounts do (tables.one_base): Sri Lanka's
fisheries statistics 2023, "Fisheries Indicators" (dev excerpt enpqh-01, page 1)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables.one_base import too_few_hold
from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _page() -> dict[str, list]:
    return checks_by_label(DOCS / "enpqh-01.pdf", [1])


def test_shares_of_gdp_under_a_numbered_head_add_up_to_it() -> None:
    # "1 Contribution to GDP at Current Market Prices  %  1.2 …" over "a. Marine fishing  %  1.0"
    # and "b. Inland fishing  %  0.2": the unit column says all three are shares of one base
    checks = _page()
    current = checks["Contribution to GDP at Current Market Prices %"]
    assert len(current) == 5 and all(c.verdict is Verdict.CONSISTENT for c in current)
    assert [p.stated for p in current[0].parts] == ["1.0", "0.2"]
    constant = checks["Contribution to GDP at Constatnt Prices (2015) %"]
    assert len(constant) == 5 and all(c.verdict in HOLDS for c in constant)


def test_a_per_capita_total_off_in_one_year_is_an_alarm() -> None:
    # "5 Per capita fish production  Kg/year" = "a. Marine fishing" + "b. Inland fishing": it holds
    # in 2018-2021, and 2022 prints 17.9 for 12.7 + 2.5 = 15.2 (the labelled real error)
    per_head = _page()["Per capita fish production Kg/year"]
    assert [c.verdict in HOLDS for c in per_head] == [True, True, True, True, False]
    wrong = per_head[-1]
    assert wrong.alarm and wrong.doubt is None and wrong.verdict is Verdict.MISMATCH
    assert wrong.total.stated == "17.9" and [p.stated for p in wrong.parts] == ["12.7", "2.5"]


def test_growth_rates_and_lists_that_do_not_start_at_a_are_not_added() -> None:
    checks = _page()
    # "Growth Rate of Fisheries Contribution to GDP … %" over its marine and inland growth rates:
    # rates of their own, which do not add up
    assert not [label for label in checks if "growth" in label.lower()]
    # "11 Fish Contribution to Animal Nutrition Intake" has no figure: its heading was joined to
    # "a. Calorie Intake", which heads nothing ("b. Protein", "c. Fat" are its siblings)
    assert not [label for label in checks if "calorie" in label.lower()]
    # a list under a head in one year only, and dashed items under a lettered one, add up there
    assert [c.verdict for c in checks["Per capita Fish Consumption (Household Sector) Kg/year"]] == [
        Verdict.CONSISTENT]
    assert [[p.stated for p in c.parts] for c in checks["Dried fish %"]] == [["3.9", "0.1"]]
    assert [c for c in (c for cs in checks.values() for c in cs) if c.alarm] == [
        checks["Per capita fish production Kg/year"][-1]]


def test_a_group_of_shares_needs_three_columns_of_four_to_raise_an_alarm() -> None:
    assert too_few_hold(2, 3) and too_few_hold(3, 5) and not too_few_hold(4, 5) and not too_few_hold(3, 4)
