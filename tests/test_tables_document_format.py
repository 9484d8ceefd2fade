"""A table that leaves its decimal separator open reads the one its document's other tables prove
(factcheck.tables.document_format), on a US budget exhibit of the unseen dev set (tests/unseen/docs)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.document_format import document_decimal_sep, settle_open_tables

DOCS = Path(__file__).parent / "unseen" / "docs"
EXHIBIT = DOCS / "enpen-01.pdf"  # DoD RDT&E exhibit R-2, "COST ($ in Millions)", figures like 163.946


def test_open_table_reads_the_documents_decimal_point() -> None:
    found = find_page_tables(EXHIBIT, "en")
    # on its own, the cost table on page 1 ("163.946 43.834 …") proves no separator
    assert found[1][0].decimal_sep is None
    # the program change table on page 2 prints "-0.794" and "0.000": a decimal point
    assert found[2][0].decimal_sep == "."
    assert document_decimal_sep(found) == "."
    settled = settle_open_tables(found)
    table = settled[1][0]
    assert table.decimal_sep == "."
    total = next(c for c in table.rows[0].cells.values() if c.text == "163.946")
    assert total.number is not None and total.number.value == Fraction(163946, 1000)
    assert total.number.decimals == 3
    # the rows and columns found are kept: only the values change
    assert [r.label for r in table.rows] == [r.label for r in found[1][0].rows]
    assert [sorted(r.cells) for r in table.rows] == [sorted(r.cells) for r in found[1][0].rows]


def test_checks_state_the_figures_in_millions_not_billions() -> None:
    checks = check_pdf(EXHIBIT, "en")
    total = next(c for c in checks if c.total.page == 1 and c.total.stated == "163.946")
    assert total.verdict.value == "consistent"
    assert total.total.value == Fraction(163946, 1000)
    claim = next(c for c in total.to_claims() if c.get("stated") == "163.946")
    assert claim["value"] == "163.946"  # $163.946 million, not 163,946 × $1 million


def test_one_deciding_table_or_a_disagreement_leaves_tables_open() -> None:
    found = find_page_tables(EXHIBIT, "en")
    one = {1: found[1], 2: found[2]}  # the open table and a single deciding one
    assert document_decimal_sep(one) is None
    assert settle_open_tables(one)[1][0].decimal_sep is None
    mixed = dict(found)
    mixed[9] = [replace(next(t for t in found[6] if t.decimal_sep == "."), decimal_sep=",")]
    assert document_decimal_sep(mixed) is None
