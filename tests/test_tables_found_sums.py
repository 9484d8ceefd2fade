"""Rows that are the sum of a run of other rows in every column, found from the arithmetic alone
(factcheck.tables.found), on real tables."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.found import found_sum_checks

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_aggregates_printed_after_their_parts_without_a_total_word() -> None:
    # Wob-besluit box 3 (Bijlage B, tabel 2013): "sparen" = bank- en spaartegoeden + schuld,
    # "beleggen" = aandelen/obligaties + onroerende zaken + overige vermogenstitels
    checks = [c for c in check_pdf(DOCS / "nlwat-03.pdf", lang="nl", pages=[2], all_pages=True)
              if c.page == 2 and c.total.table == 1 and c.orientation == "row"]
    sparen = [c for c in checks if c.total_label.startswith("sparen")]
    # three columns of brackets; the "totaal" column's figure is checked as the sum of the brackets
    assert len(sparen) == 3 and all(c.verdict in HOLDS for c in sparen)
    assert [p.stated for p in sparen[0].parts] == ["79.703", "-12.290"]
    assert "found from the arithmetic" in sparen[0].reading
    beleggen = [c for c in checks if c.total_label.startswith("beleggen")]
    assert [p.stated for p in beleggen[0].parts] == ["10.647", "16.614", "5.634"]
    assert not [c for c in checks if c.alarm]


def test_only_sums_that_hold_in_every_column_and_never_a_copy_of_one_row() -> None:
    (table, *_) = find_page_tables(DOCS / "nlwat-03.pdf", "nl", pages=[2], all_pages=True)[2]
    found = found_sum_checks(table)
    assert found and all(c.verdict in HOLDS and c.doubt is None for c in found)
    # every found total has two parts at least, none of them printing the total's own figures
    for c in found:
        assert len(c.parts) >= 2 and all(p.stated != c.total.stated or p.value == 0 for p in c.parts)
    # the share rows (67 %, 42 % ...) and the count row of taxpayers are no sums of other rows
    assert not {c.total_label for c in found} & {"gemiddeld spaardeel", "aantal belastingplichtigen ( x 1.000)"}


def test_a_share_row_may_take_its_part_from_a_row_higher_up_than_the_one_above() -> None:
    # "gemiddeld spaardeel 67% 42% 12% 41%" stands under "sparen" and "beleggen": sparen over
    # rendementsgrondslag (67.413 / 100.308 = 67.2 %), in all four columns
    checks = [c for c in check_pdf(DOCS / "nlwat-03.pdf", lang="nl", pages=[2], all_pages=True)
              if c.page == 2 and c.total.table == 1 and c.total_label == "gemiddeld spaardeel"]
    assert len(checks) == 4 and all(c.verdict in HOLDS and c.relation == "share" for c in checks)
    assert [p.stated for p in checks[0].parts] == ["67.413", "100.308"]
