"""No alarm without evidence: table checks on unseen documents' dev excerpts (tests/unseen)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, checks_to_claims

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_of_which_rows_among_the_parts_doubt_the_total_instead_of_an_alarm() -> None:
    # Zambia 2025 budget by function: indented "O/w" breakdowns sit between the functions.
    checks = check_pdf(DOCS / "enworld-05.pdf", lang="en", all_pages=True)
    total = [c for c in checks if c.total.stated == "217,105,378,661"]
    assert total and all(not c.alarm for c in total)
    assert "of which" in (total[0].doubt or "")
    (claim,) = [c for c in checks_to_claims(total) if c["stated"] == "217,105,378,661"]
    assert "expr" not in claim and claim["evidence"]["relation"] == "table total, not checked"


def test_change_column_and_closing_balance_are_checked() -> None:
    # Public Accounts of Canada 2021: "Change $" = 2021 - 2020, and a statement of operations.
    checks = check_pdf(DOCS / "enworld-01.pdf", lang="en", all_pages=True)
    change = [c for c in checks if c.reading.startswith("a change column") and c.page == 2]
    assert len(change) == 13 and all(c.verdict is Verdict.CONSISTENT for c in change)
    personal = next(c for c in change if c.total.stated == "7,179")
    assert [(p.sign, p.stated) for p in personal.parts] == [(1, "174,755"), (-1, "167,576")]
    net_debt = [c for c in checks if c.total_label == "Net debt"]
    assert [c.verdict for c in net_debt] == [Verdict.CONSISTENT, Verdict.CONSISTENT]
    assert not [c for c in checks if c.alarm]


def test_a_deductions_heading_is_not_a_deduction_row() -> None:
    # NYC Comptroller audit, Table I: "Deductions" heads four costs that add up to their Total.
    checks = check_pdf(DOCS / "enus-01.pdf", lang="en", all_pages=True)
    total = [c for c in checks if c.total.stated == "$1,187,117"]
    assert total and total[0].verdict is Verdict.CONSISTENT
    assert all(p.sign == 1 for p in total[0].parts)
    net = [c for c in checks if c.total_label == "Net Paid to the City"]
    assert net and all(c.verdict is Verdict.CONSISTENT for c in net)


def test_zero_is_never_a_scale_slip() -> None:
    from fractions import Fraction

    from factcheck.tables.cells import CellNumber
    from factcheck.tables.totals import judge

    zero = CellNumber("0.00", Fraction(0), 2, Fraction(1, 200))
    part = CellNumber("5", Fraction(5), 0, Fraction(1, 2))
    assert judge([(1, part)], zero).verdict is Verdict.MISMATCH
