"""Net book value rows read as the cost less the depreciation (factcheck.tables.book_value), on notes
on fixed assets of unseen dev excerpts (tests/unseen/docs)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.book_value import book_value_checks
from factcheck.tables.cells import parse_cell

DOCS = Path(__file__).parent / "unseen" / "docs"


def _book_value(checks: list, page: int) -> list:
    return [c for c in checks if c.page == page and c.reading.startswith("net book value")]


def test_closing_and_opening_book_value_one_column() -> None:
    # London Hackspace, note 4: Cost / Depreciation / Net book value, one column of £
    found = _book_value(check_pdf(DOCS / "ennpo-01.pdf", lang="en"), 3)
    got = {(c.total.stated, tuple((p.stated, p.sign) for p in c.parts), c.verdict) for c in found}
    assert got == {
        ("14,012", (("25,447", 1), ("11,435", -1)), Verdict.CONSISTENT),  # at 31 March 2015: the closing rows
        ("7,349", (("14,996", 1), ("7,647", -1)), Verdict.CONSISTENT),  # at 31 March 2014: the opening rows
    }


def test_opening_book_value_beside_a_total_column() -> None:
    # a charity's note 7: the book value at 31 December 2022 is the cost less the depreciation at
    # 1 January 2023, in each column, the Total column too (whose figure also closes its row)
    found = _book_value(check_pdf(DOCS / "eneur-01.pdf", lang="en"), 5)
    total = [c for c in found if c.lane_label.startswith("Total")]
    assert [(c.total.stated, [p.stated for p in c.parts], c.verdict) for c in total] == [
        ("66,440", ["160,077", "93,637"], Verdict.CONSISTENT)]


def test_a_wrong_book_value_is_an_alarm_only_when_another_row_holds() -> None:
    table = find_page_tables(DOCS / "ennpo-01.pdf", "en", pages=[3], all_pages=True)[3][0]
    rows = list(table.rows)
    pos = next(i for i, r in enumerate(rows) if r.label.startswith("Net book value"))
    cell = next(iter(rows[pos].cells.values()))
    wrong = replace(cell, text="14,102", number=parse_cell("14,102", table.decimal_sep))
    rows[pos] = replace(rows[pos], cells={cell.col: wrong})
    checks = book_value_checks(replace(table, rows=rows))
    bad = [c for c in checks if c.total.stated == "14,102"]
    assert len(bad) == 1 and bad[0].verdict is Verdict.MISMATCH and bad[0].doubt is None
    # with the other row gone, nothing confirms the reading: the failing row is doubted
    alone = book_value_checks(replace(table, rows=[r for i, r in enumerate(rows) if i <= pos]))
    assert [(c.verdict, c.doubt is not None) for c in alone] == [(Verdict.MISMATCH, True)]
