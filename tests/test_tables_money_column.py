"""One column of amounts among columns of text, closed by a TOTAL line (factcheck.tables.money_column),
on a parish council's asset register (tests/unseen/docs/enlgv-01.pdf, a dev excerpt)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factcheck.model import Verdict
from factcheck.sources.pdf_layout import iter_page_words
from factcheck.tables import check_pdf
from factcheck.tables.detect import group_lines
from factcheck.tables.money_column import money_column_tables

PDF = Path(__file__).parent / "unseen" / "docs" / "enlgv-01.pdf"


def test_register_totals_are_checked() -> None:
    checks = [c for c in check_pdf(PDF, lang="en") if c.page >= 4 and c.total_label == "TOTAL"]
    got = [(c.page, c.total.stated, [p.stated for p in c.parts], c.verdict) for c in checks]
    assert got == [
        (4, "£35,302.00", ["£1.00", "£2,800.00", "£22,000.00", "£500.00", "£1.00", "£2000", "£8000"], Verdict.CONSISTENT),
        (5, "£4020.00", ["£900.00", "£2800.00", "£320.00"], Verdict.CONSISTENT),
        # Part C starts under its own header ("Value"): its amounts are not Part B's
        (5, "£3060.00", ["£230.00", "£200.00", "£1430.00", "£1200.00"], Verdict.CONSISTENT),
        (6, "£149.99", ["£149.99", "0"], Verdict.CONSISTENT),  # a book of nil value
    ]


def test_a_total_over_amounts_without_its_currency_is_not_read() -> None:
    page = next(iter(iter_page_words(PDF, [4])))
    lines = group_lines(page.words)
    assert len(money_column_tables(lines, 4, 1, set())) == 1
    # the same register with its amounts printed without the £ the total carries: no evidence
    # that the figures in that column are the total's parts
    for ln in lines:
        if not ln.text.startswith("TOTAL"):
            ln.tokens = [replace(t, text=t.text.lstrip("£")) for t in ln.tokens]
    assert money_column_tables(lines, 4, 1, set()) == []
