"""The fast word source (pdfium) gives the table checker the same checks as pdfplumber's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.tables import check_pdf, find_page_tables

PDFS = Path(__file__).parent / "pdfs"
# pdfplumber splits this filer's text into single letters (its characters are spaced apart), which
# its word grouping does not join: no table at all with pdfplumber, on the code of every round. The
# two hunted pages after it give the engines other words too (other checks on the code of the start
# of round 28 as well: 90 against 105, and 79 against 39); their tests read them with pdfium, the
# engine the extractor uses. So does a page hunted in round 29 (37 checks against 18; on the code of
# its start 30 against 12). A page hunted in round 30 is set upside down: pdfplumber reads its words
# backwards ("noitalupoP snosirP"), the extractor's pdfium reader turns the page round first (sources.pdf_text.turned);
# on three more of Canada's public accounts, like the one above, pdfplumber runs the words of a label
# together ("Obligationrelatedtocapital leases") and cuts the page into other tables; a visitor
# arrivals table sets its labels' letters apart ("Aus tral i a") as the first page above does; a
# scanned survey of 1960, whose text layer OCR made, splits its decimals into tokens the engines
# group otherwise (5 checks against 8).
_LETTERS_APART = {"osperon_2020_p10_bracket_and_minus.pdf", "canada_public_accounts_2004_v1_p51_eliminations.pdf",
                  "uasin_gishu_abstract_p127_allocations.pdf", "aurora_financial_statements_2024_p42_disposals.pdf",
                  "isiolo_statistical_abstract_2025_p106_less_than.pdf", "canada_public_accounts_2007_v1_p44_fair_values.pdf",
                  "canada_public_accounts_1996_v1_p62_one_digit_brackets.pdf",
                  "canada_public_accounts_2006_v1_p9_10_about_share.pdf",
                  "solomon_islands_visitor_arrivals_2019q4_p17_row_shares.pdf",
                  "kenya_economic_survey_1960_p40_annual_rate.pdf"}
FIXTURES = sorted(p for p in PDFS.glob("*.pdf") if "encrypted" not in p.name and p.name not in _LETTERS_APART)


def _checks(path: Path, engine: str) -> list[tuple[object, ...]]:
    # Values, places and verdicts must agree; the printed text may differ by a stray space that
    # pdfplumber keeps in a broken text layer ("1,396 .4" against pdfium's "1,396.4").
    return sorted(
        (c.page, c.table, c.orientation, c.total_label, c.total.value, c.total.row, c.total.col,
         c.verdict.value, tuple(p.value for p in c.parts), c.difference)
        for c in check_pdf(path, engine=engine)
    )


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_pdfium_words_give_the_same_checks(path: Path) -> None:
    assert _checks(path, "pdfium") == _checks(path, "pdfplumber")


def test_a_generated_space_between_digits_does_not_split_a_number() -> None:
    # pdfium puts a generated space between "98" and "452" in this NICS table; pdfplumber reads 98452.
    from factcheck.sources.pdf_text import page_words

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "us-gov-tables" / "background-checks.pdf"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not present (the shared corpus sits beside the repository in CI)")
    ((_, _, _, words),) = list(page_words(corpus, [1]))
    texts = [w[0] for w in words]
    assert "98452" in texts and "452" not in texts


def _claims_two_ways(path: Path, **options: object) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    from factcheck.discover.options import Discovery
    from factcheck.extract import extract_document
    from factcheck.extract_cli import discovered_claims

    during = extract_document(path, table_totals=True, **options)  # type: ignore[arg-type]
    after = extract_document(path, **options)  # type: ignore[arg-type]
    assert during.tables_checked and not after.tables_checked
    tables_only = Discovery(relations=False, repeats=False)
    return discovered_claims(path, during, tables_only), discovered_claims(path, after, tables_only)


@pytest.mark.parametrize("name", ["omb_s4_rotated_rounding.pdf", "puertos1_real_mismatch.pdf",
                                  "bmh14_tabel_3_1_ragged.pdf", "oi2021_tabel_23_rounding.pdf",
                                  "ca_warn_summary_continued.pdf"])
def test_totals_checked_during_extraction_equal_a_separate_pass(name: str) -> None:
    # extract reads the tables of the tabular pages while it has them open; the rotated OMB page
    # is left to pdfplumber afterwards, and the first page of the WARN summary (no total word) is
    # read when its continuation asks for it. Either way the claims are the same, and there are some.
    during, after = _claims_two_ways(PDFS / name)
    assert during == after
    assert any("expr" in c for c in during)


def test_totals_checked_in_worker_processes(pdf_bundle) -> None:
    names = ("puertos1_real_mismatch.pdf", "omb_s4_rotated_rounding.pdf", "oi2021_tabel_23_rounding.pdf")
    path = pdf_bundle([PDFS / n for n in names], 3)
    during, after = _claims_two_ways(path, jobs=2)
    assert during == after
    pages = {c["where"]["page"] for c in during if "expr" in c}  # type: ignore[index]
    assert pages == set(range(1, 10))


def test_tables_continued_across_the_pages_of_worker_processes(pdf_bundle) -> None:
    # the WARN summary after a one-page table, four times: twelve pages in batches of four, so
    # that one summary (pages 8-9) is split between two worker processes
    path = pdf_bundle([PDFS / "puertos1_real_mismatch.pdf", PDFS / "ca_warn_summary_continued.pdf"], 4)
    during, after = _claims_two_ways(path, jobs=2)
    assert during == after
    continued = [c for c in during if "expr" in c and c["where"]["page"] % 3 == 0]  # type: ignore[index]
    assert {c["where"]["page"] for c in continued} == {3, 6, 9, 12}  # type: ignore[index]
    assert len(continued) == 4 * 8
    assert all(str(c["expr"]).startswith(f"sum(t{c['where']['page'] - 1}_2_r1_") for c in continued)  # type: ignore[index]


def test_rows_a_blank_line_apart_in_one_column_stay_one_table_with_either_engine() -> None:
    # Wassenaar jaarstukken 2023, "Ontwikkeling resultaat": groups of rows set a blank line apart
    # (24 pt at 9 pt type), the figures right-aligned in one column. pdfium and pdfplumber give
    # sizes a hair apart; both read one table of six rows.
    path = Path(__file__).parent / "unseen" / "docs" / "nltaal-01.pdf"
    for engine in ("pdfium", "pdfplumber"):
        table = find_page_tables(path, pages=[2], all_pages=True, engine=engine)[2][0]
        assert [r.cells[0].text for r in table.rows] == ["326", "-1.239", "-913", "-1.410", "506", "1.817"], engine
