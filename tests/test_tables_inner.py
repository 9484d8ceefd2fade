"""Balance sheets with inner columns (factcheck.tables.inner), on an unseen dev excerpt."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, find_page_tables
from factcheck.tables.inner import inner_runs

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def test_a_balance_sheets_total_adds_the_outer_column_including_an_unlabelled_subtotal() -> None:
    # Autoriteit Persoonsgegevens, jaarrekening 2022, Balans per 31 december 2022: "Overlopende
    # activa 753.389" stands in an inner column, its subtotal on the unlabelled line under it in
    # the outer column, and "Totaal" (set far below, after blank lines) adds the outer column:
    # 91.707 + 753.389 + 4.773.939 = 5.619.035.
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[3], all_pages=True)
    totals = {c.total.stated: c for c in checks if c.total_label == "Totaal"}
    assert set(totals) == {"5.619.035", "5.167.247"}
    assert [p.stated for p in totals["5.619.035"].parts] == ["91.707", "753.389", "4.773.939"]
    assert all(c.verdict is Verdict.CONSISTENT for c in totals.values())
    # the inner figure and the outer one are told apart: the outer copy is the part
    assert totals["5.619.035"].parts[1].bbox[0] > 350
    assert not [c for c in checks if c.alarm]


def test_inner_and_outer_columns_are_read_as_two_columns_per_year() -> None:
    tables = find_page_tables(DOCS / "nlrijk-01.pdf", lang="nl", pages=[3], all_pages=True)[3]
    (table,) = tables
    assert len(table.columns) == 4
    runs = inner_runs(table)
    # per year: the outer figure on the line under "Overlopende activa" closes its inner figure
    assert [(col, len(parts)) for _row, col, parts in runs] == [(1, 1), (3, 1)]


def test_a_year_right_after_the_words_is_part_of_the_label() -> None:
    # the same jaarrekening, verloop materiële vaste activa: "Boekwaarde 1 januari 2022" and
    # "Mutaties 2022" head groups of rows; their year is no amount, and the movement schedule is
    # one table whose unlabelled lines close the rows above them.
    tables = find_page_tables(DOCS / "nlrijk-01.pdf", lang="nl", pages=[7], all_pages=True)[7]
    schedule = tables[-1]
    labels = [r.label for r in schedule.rows]
    assert any(lab.startswith("Boekwaarde 1 januari 2022") for lab in labels)
    assert not any(c.text == "2022" for r in schedule.rows for c in r.cells.values())
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[7], all_pages=True)
    closed = {c.total.stated: [p.stated for p in c.parts] for c in checks if c.verdict in HOLDS}
    assert closed["186.585"] == ["900.029", "-713.444"]
    assert closed["-94.878"] == ["4.123", "-117.489", "-859", "19.347"]


def test_a_share_in_brackets_after_a_count_is_checked_against_the_rows_total() -> None:
    # PBL, Tabel 3.1: "Waarvan verhuizers  7.040 (11,3%)" - the share of "Aantal respondenten"
    # 62.463 in the same row (7.040 / 62.463 = 11,27 %); likewise 13,5 % and 13,9 %.
    tables = find_page_tables(DOCS / "nlrijk-03.pdf", lang="nl", pages=[1], all_pages=True)[1]
    from factcheck.tables.percentages import percentage_checks

    shares = [c for t in tables for c in percentage_checks(t)]
    assert [(c.total.stated, [p.stated for p in c.parts]) for c in shares] == [
        ("(11,3%)", ["7.040", "62.463"]), ("(13,5%)", ["9.113", "67.273"]), ("(13,9%)", ["6.461", "46.451"]),
    ]
    assert all(c.verdict in HOLDS and c.relation == "share" for c in shares)


def test_a_balance_sheet_with_no_total_word_is_still_read() -> None:
    # Stichting Gemeenschapsservice Nijmegen, jaarstukken 2024, "2.1 Balans per 31 december
    # 2024": every subtotal and both totals are unlabelled lines; the page's words "Balans",
    # "Activa"/"Passief" are what say sums stand on it.
    from factcheck.sources.pdf_layout import page_texts
    from factcheck.sources.tabular import looks_tabular

    assert looks_tabular(page_texts(DOCS / "nltab-01.pdf")[0])
    checks = check_pdf(DOCS / "nltab-01.pdf", lang="nl", pages=[1])
    sums = {(c.total.stated, tuple(p.stated for p in c.parts)) for c in checks if c.verdict in HOLDS}
    assert ("42.917", ("1.475", "5.835", "35.607")) in sums
    assert ("42.917", ("36.069", "6.848")) in sums
