"""A count with its share in brackets in one cell, "52 (75 %)" (factcheck.tables.detect), on a South
African parliamentary committee's performance table (tests/unseen/docs/enlat-01.pdf, dev): the
share is part of the cell, not a figure of its own, also when a space stands before its percent
sign; the table runs on from the page before."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

PDF = Path(__file__).parent / "unseen" / "docs" / "enlat-01.pdf"


def test_a_share_with_a_spaced_percent_sign_stays_in_its_cell() -> None:
    totals = {c.total.stated: c for c in check_pdf(PDF, lang="en") if c.page == 4 and c.total_label == "Total"}
    # the total row "Total 69 52 (75 %) 17 (25%)": three totals over the programmes of pages 3 and 4
    assert [p.stated for p in totals["52"].parts] == ["7", "11", "6", "9", "11", "8"]
    assert all(totals[t].verdict is Verdict.CONSISTENT for t in ("69", "52", "17"))
