"""A total whose parts are the totals printed before it on other pages (factcheck.tables.total_of_totals),
on a real development document."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_a_total_of_the_totals_on_the_pages_before_it() -> None:
    # a foundation's annual accounts: "Totaal kosten projecten" 2023 = the four project totals
    # printed on the page before it (each a subtotal line under its project's rows) and the one above
    checks = [c for c in check_pdf(DOCS / "nltab-01.pdf", lang="nl")
              if c.page == 5 and c.total_label == "Totaal kosten projecten"]
    summed = {c.lane_label: c for c in checks if c.reading.startswith("the totals printed on the pages before it")}
    assert all(c.verdict is Verdict.CONSISTENT and c.doubt is None for c in summed.values())
    assert [p.stated for p in summed["2023 €"].parts] == ["6.725", "3.282", "900", "17.113"]
    assert {p.page for p in summed["2023 €"].parts} == {4, 5}
    # 2024: the last project ("Bag of Love") has one row, closed by its own line (245 under 245)
    assert [p.stated for p in summed["2024 €"].parts] == ["3.355", "3.254", "1.398", "245"]
    assert len(summed) == 2
