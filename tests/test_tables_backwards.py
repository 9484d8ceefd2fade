"""A failing reading that is a holding total's identity read backwards raises no alarm
(factcheck.tables.totals._not_circular), on a town budget of the unseen dev set (tests/unseen/docs)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

BUDGET = Path(__file__).parent / "unseen" / "docs" / "entwn-01.pdf"


def test_a_head_over_the_total_it_is_part_of_is_no_alarm() -> None:
    # "Operating transfers out (2,069,648)" over "Total other financing sources (uses) (2,061,408)",
    # which holds as transfers in 8,240 + transfers out: where transfers in is blank the line
    # above repeats the total, so it looks like a group head over it; in 2016-2017 it is not
    checks = [c for c in check_pdf(BUDGET, "en", pages=[6]) if c.total.page == 6]
    total = [c for c in checks if c.total.label.startswith("Total other financing") and c.total.stated == "(2,061,408)"]
    assert total and all(c.verdict is Verdict.CONSISTENT for c in total)
    # (since round 28 a heading over one item that differs from it in a column is no heading there
    # at all, so the backwards reading is made only where it holds)
    backwards = [c for c in checks if c.total.stated == "(2,069,648)"]
    assert all(c.doubt for c in backwards if c.verdict not in (Verdict.CONSISTENT, Verdict.ROUNDING))
    assert not [c for c in checks if c.alarm]
