"""The table reader's tolerances live in one record (tables.settings), and they are the ones used.

Each test tightens one tolerance below what a real table in tests/pdfs needs and shows the table
read differently, so that a field left unthreaded (a helper still holding its own constant)
would fail here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.sources.pdf_layout import iter_page_words
from factcheck.tables import TableSettings, check_pdf, find_page_tables
from factcheck.tables.detect import find_tables
from factcheck.tables.settings import DEFAULT_SETTINGS

PDFS = Path(__file__).parent / "pdfs"


def _cells(path: Path, settings: TableSettings) -> list[str]:
    page = next(iter(iter_page_words(path, None)))
    return [c.text for t in find_tables(page, "nl", settings) for r in t.rows for c in r.cells.values()]


def test_a_figure_split_after_its_separator_is_glued_within_the_split_gap() -> None:
    # "‒ 2. 277" in the Dutch budget's table 23: "2." and "277" stand 0.28 type sizes apart
    path = PDFS / "oi2021_tabel_23_rounding.pdf"
    assert "‒2.277" in _cells(path, DEFAULT_SETTINGS)
    tight = _cells(path, replace(DEFAULT_SETTINGS, split_gap=0.2))
    assert "‒2.277" not in tight and "277" in tight


def test_a_line_further_below_than_the_row_gap_ends_the_table() -> None:
    # the Royal House's receipts table: "Nieuwe mutaties:" stands 0.85 type sizes under the row
    # above, and "Stand ontwerpbegroting 2019" under it closes the table (7 = 0 + 7 in 2018)
    path = PDFS / "1_De_Koning.pdf"

    def closing(settings: TableSettings) -> list[list[str]]:
        return [[p.stated for p in c.parts] for c in check_pdf(path, lang="nl", settings=settings)
                if c.total_label == "Stand ontwerpbegroting 2019" and c.total.stated == "7"]

    assert closing(DEFAULT_SETTINGS) == [["0", "\u2013", "\u2013", "7"]]
    assert closing(replace(DEFAULT_SETTINGS, row_gap=0.8)) == []


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.row_gap = 1.0  # type: ignore[misc]


def test_a_text_column_after_the_figures_needs_as_many_rows_as_the_settings_say() -> None:
    # a PTA's deposit list (dev document enxbk-03): rows end in their category's name under a
    # "Category" heading; asking for more rows than the page has leaves the words at the rows'
    # ends, and the rows are no rows of figures
    path = Path(__file__).parent / "unseen" / "docs" / "enxbk-03.pdf"

    def totals(settings: TableSettings) -> int:
        checks = check_pdf(path, lang="en", pages=[2], all_pages=True, settings=settings)
        return sum(1 for c in checks if c.total_label == "Total")

    assert totals(DEFAULT_SETTINGS) >= 10
    assert totals(replace(DEFAULT_SETTINGS, text_column_rows=40)) == 0


def test_two_tables_side_by_side_need_as_many_rows_as_the_settings_say() -> None:
    # the IMF's quarterly report (dev document enamr-01) p4 prints its Fixed-Income Subaccount
    # beside the Endowment Subaccount on shared baselines; asking for more rows side by side than
    # the page has leaves the page whole, and the left table's total is not read
    path = Path(__file__).parent / "unseen" / "docs" / "enamr-01.pdf"

    def totals(settings: TableSettings) -> set[tuple[str, str]]:
        checks = check_pdf(path, lang="en", pages=[4], all_pages=True, settings=settings)
        return {(c.total_label, c.total.stated) for c in checks}

    assert ("Total at fair value", "23,164") in totals(DEFAULT_SETTINGS)
    assert ("Total at fair value", "23,164") not in totals(replace(DEFAULT_SETTINGS, side_by_side_rows=40))


def test_a_statement_with_account_codes_needs_as_many_coded_lines_as_the_settings_say() -> None:
    # a company's abbreviated accounts in the NBB's model (dev document nlver-03) p1: read by its
    # codes; asking for more coded lines than the page prints leaves it to the general reader
    path = Path(__file__).parent / "unseen" / "docs" / "nlver-03.pdf"

    def coded(settings: TableSettings) -> list[bool]:
        return [t.coded for t in find_page_tables(path, pages=[1], all_pages=True, settings=settings)[1]]

    assert coded(DEFAULT_SETTINGS) == [True]
    assert True not in coded(replace(DEFAULT_SETTINGS, coded_lines=1000))
