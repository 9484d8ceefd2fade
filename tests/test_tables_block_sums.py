"""A "Total" block that adds up the blocks of the same rows above it (tables.block_sums), and a
group closed by a row that repeats its heading (tables.items): the City of Toronto's 2015 operating
analyst notes (dev excerpt enmpf-01, page 2) and its operating budget summary (enmpf-03, page 2)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf
from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_a_total_block_adds_up_the_services_row_by_row() -> None:
    # Gross Expenditures, Revenue and Net Expenditures for three services, then once more under
    # "Total": 2,743.2 = 995.2 + 871.3 + 876.7 (2014), 2,764.3 = 1,004.3 + 879.9 + 880.0 (2015)
    checks = check_pdf(DOCS / "enmpf-01.pdf", lang="en", pages=[2], all_pages=True)
    blocks = [c for c in checks if c.reading.startswith("a block that adds up")]
    gross = {c.total.stated: [p.stated for p in c.parts] for c in blocks if c.total_label == "Gross Expenditures"}
    assert gross["2,743.2"] == ["995.2", "871.3", "876.7"]
    assert gross["2,764.3"] == ["1,004.3", "879.9", "880.0"]
    net = [c for c in blocks if c.total_label == "Total Net Expenditures"]
    assert net and {c.total.stated for c in net} >= {"1,194.8"}
    assert all(c.verdict in HOLDS and not c.alarm for c in blocks)


def test_a_row_that_repeats_its_heading_closes_the_group_under_it() -> None:
    checks = checks_by_label(DOCS / "enmpf-03.pdf", [2])
    # "Non-Program Expenditures" heads eleven rows with figures and closes them: 679,003 in 2014
    # (their sum is 679,002: the amounts are rounded to thousands)
    closing = {c.total.stated: c for c in checks["Non-Program Expenditures"]}
    assert closing["679,003"].verdict is Verdict.ROUNDING and len(closing["679,003"].parts) == 11
    assert closing["641,342"].verdict in HOLDS
    revenues = {c.total.stated: c for c in checks["Non-Program Revenues"]}
    assert revenues["9,266"].verdict is Verdict.CONSISTENT
    assert [p.stated for p in revenues["9,266"].parts] == ["6,497", "896", "978", "186", "709"]
    # "TOTAL - CORPORATE ACCOUNTS" closes "Corporate Accounts", the heading of the first row: that
    # row and the two groups inside it, each by its closing row
    corporate = {c.total.stated: c for c in checks["TOTAL - CORPORATE ACCOUNTS"]}
    assert [p.stated for p in corporate["1,376,603"].parts] == ["688,334", "679,003", "9,266"]
    assert corporate["1,376,603"].verdict is Verdict.CONSISTENT
    assert not [c for cs in checks.values() for c in cs if c.alarm]
