"""Belgian annual accounts in the NBB's model: the codes column says what adds up.

The excerpt is nlver-03 (development half of tests/unseen): a company's abbreviated accounts, balance
sheet over three pages and income statement on the fourth, amounts to the euro.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_found_tables, find_page_tables
from factcheck.tables.account_codes import coded_checks, read_code
from factcheck.tables.cells import parse_cell
from factcheck.tables.detect import Table

PDF = Path(__file__).parent / "unseen" / "docs" / "nlver-03.pdf"


def test_codes_are_ranges_of_accounts() -> None:
    assert read_code("490/1").lo == 490000 and read_code("490/1").hi == 491999  # type: ignore[union-attr]
    assert read_code("22/27").holds(read_code("22"))  # type: ignore[arg-type,union-attr]
    assert read_code("3").holds(read_code("30/36"))  # type: ignore[arg-type,union-attr]
    assert read_code("75/76B").holds(read_code("76B"))  # type: ignore[arg-type,union-attr]
    assert not read_code("75/76B").holds(read_code("76A"))  # type: ignore[arg-type,union-attr]
    assert not read_code("60/66A").holds(read_code("65"))  # type: ignore[arg-type,union-attr]
    assert not read_code("67/77").holds(read_code("70"))  # type: ignore[arg-type,union-attr]
    assert read_code("6.1.1") is None and read_code("8199P").previous  # type: ignore[union-attr]


def _checks() -> dict[tuple[str, str], object]:
    found = find_page_tables(PDF, pages=[1, 2, 3, 4], all_pages=True)
    assert all(t.coded for tables in found.values() for t in tables)
    return {(c.total_label, c.lane_label): c for c in check_found_tables(PDF, found)}


def test_balance_sheet_and_income_statement_add_up_by_their_codes() -> None:
    checks = _checks()
    assets = checks[("TOTAAL VAN DE ACTIVA", "Boekjaar")]
    assert assets.verdict is Verdict.CONSISTENT  # type: ignore[attr-defined]
    assert [p.stated for p in assets.parts] == ["7.252.006", "2.021.674"]  # type: ignore[attr-defined]
    # the liabilities' total on page 3 takes its equity from page 2
    liabilities = checks[("TOTAAL VAN DE PASSIVA", "Boekjaar")]
    assert [p.stated for p in liabilities.parts] == ["8.896.856", "376.824"]  # type: ignore[attr-defined]
    assert liabilities.verdict is Verdict.CONSISTENT  # type: ignore[attr-defined]
    # 9901 = 9900 - 62 - 630 - 640/8: -4.164 printed -4.163, a euro of rounding
    operating = checks[("Bedrijfswinst (Bedrijfsverlies) (+)/(-)", "Boekjaar")]
    assert operating.verdict is Verdict.ROUNDING  # type: ignore[attr-defined]
    assert [(p.stated, p.sign) for p in operating.parts] == [  # type: ignore[attr-defined]
        ("170.786", 1), ("71.982", -1), ("93.457", -1), ("9.511", -1)]
    # the tax line "67/77" is no range: it holds none of the income lines
    # (read by its codes, that is; the arithmetic alone finds it is the result before tax less the
    # result after it, factcheck.tables.found_differences, and reports that only because it holds)
    taxes = [c for (label, _lane), c in checks.items() if label.startswith("Belastingen op het resultaat")]
    assert all(c.reading.startswith("found from the arithmetic") and c.verdict is Verdict.CONSISTENT  # type: ignore[attr-defined]
               for c in taxes)
    assert not [c for c in checks.values() if c.verdict is Verdict.MISMATCH]  # type: ignore[attr-defined]


def _with_figure(page: int, code: str, text: str) -> Table:
    """The page's coded table with the current year's figure of line ``code`` replaced by ``text``."""
    table = find_page_tables(PDF, pages=[page], all_pages=True)[page][0]
    pos = next(i for i, r in enumerate(table.rows) if r.code == code)
    cell = table.rows[pos].cells[0]
    table.rows[pos].cells[0] = replace(cell, text=text, number=parse_cell(text, ","))
    return table


def test_a_total_off_in_one_year_is_an_alarm() -> None:
    table = _with_figure(1, "20/58", "9.283.680")
    wrong = [c for c in coded_checks(table) if c.total_label == "TOTAAL VAN DE ACTIVA"]
    assert [(c.lane_label, c.verdict, c.doubt is None) for c in wrong] == [
        ("Boekjaar", Verdict.MISMATCH, True), ("Vorig boekjaar", Verdict.ROUNDING, True)]
    assert wrong[0].difference == Fraction(10000)


def _schedules(page: int) -> dict[str, object]:
    found = find_page_tables(PDF, pages=[page], all_pages=True)
    assert all(t.coded for tables in found.values() for t in tables)
    return {c.total_label: c for c in check_found_tables(PDF, found) if c.page == page}


def test_movement_schedules_carry_last_years_balance_forward() -> None:
    checks = _schedules(5)
    # 8199 = 8199P (last year's column) + acquisitions 8169 - disposals 8179; the cents behind the
    # euros make it a euro off
    cost = checks["Aanschaffingswaarde per einde van het boekjaar"]
    assert [(p.stated, p.sign) for p in cost.parts] == [  # type: ignore[attr-defined]
        ("2.120.501", 1), ("1.729", 1), ("169.894", -1)]
    assert cost.verdict is Verdict.ROUNDING and cost.total.stated == "1.952.337"  # type: ignore[attr-defined]
    # depreciation: "Geboekt" adds, "Afgeboekt na overdrachten" takes away
    depreciation = checks["Afschrijvingen en waardeverminderingen per einde van het boekjaar"]
    assert [(p.stated, p.sign) for p in depreciation.parts] == [  # type: ignore[attr-defined]
        ("1.188.186", 1), ("93.457", 1), ("169.894", -1)]
    assert depreciation.verdict is Verdict.CONSISTENT  # type: ignore[attr-defined]
    # the net book value "(22/27)" is the cost less the depreciation, both at the end of the year
    net = checks["NETTOBOEKWAARDE PER EINDE VAN HET BOEKJAAR"]
    assert [(p.stated, p.sign) for p in net.parts] == [  # type: ignore[attr-defined]
        ("1.952.337", 1), ("1.111.749", -1)]
    assert net.verdict is Verdict.CONSISTENT  # type: ignore[attr-defined]


def test_a_schedule_that_does_not_add_up_is_doubted_not_an_alarm() -> None:
    table = _with_figure(6, "8365", "2.391.659")
    (cost,) = [c for c in coded_checks(table) if c.total_label.startswith("Aanschaffingswaarde")]
    assert cost.verdict is Verdict.MISMATCH and cost.doubt is not None
