"""Row formulas printed in tables ("4=1+2+3", "(3)=(2)-(1)", "(1+2)"), on unseen dev excerpts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, checks_to_claims, find_page_tables
from factcheck.tables.formulas import formula_checks
from tests.support.tables import check_all_alarms

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _formula(checks, text, page=None):
    return [c for c in checks if c.reading == f"the formula printed in the row's label ({text})"
            and page in (None, c.page)]


def test_income_table_formulas_hold_with_figures_rounded_to_hundreds() -> None:
    # Kamerbrief on the pension lump sum, Tabel 1: rows numbered 1..12, amounts in whole hundreds.
    checks = check_pdf(DOCS / "nlstaat-01.pdf", lang="nl", pages=[1], all_pages=True)
    gross = _formula(checks, "4=1+2+3", page=1)
    assert [c.total.stated for c in gross] == ["26.800", "39.400", "26.100"]
    assert [[p.stated for p in c.parts] for c in gross][1] == ["19.600", "6.500", "13.300"]
    assert all(c.verdict is Verdict.CONSISTENT for c in gross)
    net = _formula(checks, "7=4-5-6", page=1)
    assert [p.sign for p in net[0].parts] == [1, -1, -1]
    # 26.100 - 1.400 - 700 = 24.000 against 23.900: within rounding when every figure is rounded to 100
    assert [c.verdict for c in net] == [Verdict.CONSISTENT, Verdict.CONSISTENT, Verdict.ROUNDING]
    claims = {c["id"]: c for c in checks_to_claims(net)}
    assert {c.get("precision") for c in claims.values()} == {"2"}


def test_every_formula_of_a_numbered_income_table_holds_across_pages_and_wrapped_labels() -> None:
    # Six tables numbered 1..12 over four pages: row numbers printed on the figures' line with the
    # label above and below it ("5   2.400"), "12=10+11" on a line under its row, and "10=7-8+9"
    # at the top of page 2 whose row 7 stands at the foot of page 1.
    checks = check_pdf(DOCS / "nlstaat-01.pdf", lang="nl", all_pages=True)
    stated = [c for c in checks if c.reading.startswith("the formula printed")]
    assert len(stated) == 72
    assert all(c.verdict in HOLDS and not c.doubt for c in stated)
    top_of_page_2 = _formula(checks, "10=7-8+9", page=2)[0]
    assert top_of_page_2.total.stated == "23.900"
    assert [(p.page, p.sign, p.stated) for p in top_of_page_2.parts] == [(1, 1, "24.500"), (2, -1, "2.100"), (2, 1, "1.500")]
    assert len(_formula(checks, "12=10+11")) == 18


def test_a_formula_that_holds_nowhere_is_doubted_not_an_alarm() -> None:
    # The same page with the figures of row 6 misread as row 5's: the formula 7=4-5-6 then holds
    # in none of its three columns, which says the rows were read wrongly, not that the document is.
    tables = find_page_tables(DOCS / "nlstaat-01.pdf", lang="nl", pages=[2], all_pages=True)[2]
    table = next(t for t in tables if t.title and t.title.startswith("Tabel 3"))
    five = next(r for r in table.rows if r.label.startswith("5 "))
    six = next(r for r in table.rows if r.label.startswith("6 "))
    six.cells = {c: replace(cell, number=five.cells[c].number, text=five.cells[c].text) for c, cell in six.cells.items()}
    net = [c for c in formula_checks(tables) if c.total_label.startswith("7=4-5-6") and c.table == table.index]
    assert len(net) == 3
    assert all(c.verdict not in HOLDS and not c.alarm for c in net)
    assert all("holds in none of its columns" in (c.doubt or "") for c in net)


def test_formula_beside_a_wrapped_label_and_numbers_in_their_own_column() -> None:
    # SERV advice on the Flemish budget, Tabel 5: "(1)", "(2)" printed in a column left of the
    # figures; "(3)=(2)-(1)" printed beside a label that wraps over two lines.
    checks = check_pdf(DOCS / "nltaal-05.pdf", lang="nl", pages=[2], all_pages=True)
    saldo = _formula(checks, "(3)=(2)-(1)", page=2)
    assert [c.total.stated for c in saldo][:2] == ["-4.403.547", "-3.430.612"]
    assert [(p.sign, p.stated) for p in saldo[0].parts] == [(1, "61.688.870"), (-1, "66.092.416")]
    assert all(c.verdict in HOLDS for c in saldo)


def test_a_formula_at_the_end_of_a_label_names_its_rows() -> None:
    # Wassenaar jaarstukken 2023, Tabel 0.1: "Gerealiseerd resultaat voor bestemming (1+2)".
    checks = check_pdf(DOCS / "nltaal-01.pdf", lang="nl", pages=[1], all_pages=True)
    result = _formula(checks, "(1+2)", page=1)
    assert result and result[0].total.stated == "-1.817"
    assert [p.stated for p in result[0].parts] == ["-4.525", "2.708"]
    assert result[0].verdict is Verdict.CONSISTENT


def test_a_numbered_table_over_a_page_break_finds_the_documents_own_slips() -> None:
    # SERV advice, Tabel 5 runs from page 2 onto page 3 (a running head with figures on top, row
    # numbers "(9)" on lines of their own). Two figures of the SERV 2026 column do not follow
    # from the table's own rows: (10)=(6)+(9) gives -1.330.592, printed -1.657.338; the primary
    # balance -1.386.994 is 2,2 % of the receipts 61.688.870, printed -2,1 %.
    checks = check_all_alarms(DOCS / "nltaal-05.pdf", lang="nl", pages=[2, 3], all_pages=True)
    alarms = [c for c in checks if c.alarm]
    assert sorted(c.total.stated for c in alarms) == ["-1.657.338", "-2,1%"]
    after_target = _formula(checks, "(10)=(6)+(9)", page=3)
    assert [c.verdict in HOLDS for c in after_target] == [False, True, True, True, True]
    assert [p.stated for p in after_target[0].parts] == ["-2.820.221", "1.489.629"]
    share = next(c for c in alarms if c.total.stated == "-2,1%")
    assert [p.stated for p in share.parts] == ["-1.386.994", "61.688.870"] and share.parts[1].page == 2
    # "(8)=(6)-(7)" holds in every column only with interest (7) added: a sign convention, said so
    primary = [c for c in checks if c.total_label.startswith("Primair") and c.reading.startswith("the formula")]
    assert len(primary) == 5 and all(c.verdict in HOLDS for c in primary)
    assert "row 7 taken with the opposite sign" in primary[0].reading


def test_a_formula_of_letters_names_the_rows_its_label_starts_with() -> None:
    # Provincie Antwerpen, meerjarenplan 2026-2031, T3 "Evolutie van de financiële schulden":
    # "D. Financiële schulden op 31 december (A+B-C)" over rows "A. ... op 1 januari",
    # "B. Nieuwe leningen", "C. Aflossingen", each with a "3. Schulden aan kredietinstellingen" under it
    checks = [c for c in check_pdf(DOCS / "nltaal-04.pdf", lang="nl", pages=[5], all_pages=True)
              if c.total_label.startswith("D. ")]
    assert len(checks) == 6 and all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert all("(A+B-C)" in c.reading for c in checks)
    assert [(p.stated, p.sign) for p in checks[2].parts] == [("10.680.000", 1), ("15.000.000", 1), ("6.740.000", -1)]


def test_formulas_in_brackets_over_rows_numbered_after_their_words_and_lettered_parts_below() -> None:
    # The Flemish budget 2026's "Netto-beleidsruimte" (Tabel 2-1): "Saldo ... BA 2025 (1)", the
    # "(1)" set as if a footnote to the year; "Vorderingensaldo BA 2025 (3=1-2)"; "Evolutie
    # ongewijzigd beleid (4=a-b+c+d)" over its parts "Ontvangsten (a)" ... "(d)"
    checks = check_pdf(DOCS / "nlbgx-01.pdf", lang="nl", pages=[1], all_pages=True)
    read = {c.total_label: ([p.stated for p in c.parts], c.verdict) for c in checks
            if c.reading.startswith("the formula")}
    assert read["Evolutie ongewijzigd beleid (4=a-b+c+d)"] == (
        ["532.466", "81.228", "-37.500", "-95.633"], Verdict.CONSISTENT)
    assert read["Netto-beleidsruimte (7=5+6)"] == (["-4.185.696", "1.162.883"], Verdict.CONSISTENT)
    assert read["Vorderingensaldo BO 2026 (12=11-6)"] == (["-1.719.513", "1.162.883"], Verdict.CONSISTENT)
    assert len(read) == 6 and not [c for c in checks if c.alarm]


def test_a_formula_of_row_numbers_with_points() -> None:
    # Bundesbank, key central government budget data: "6. Net borrowing (–) / repayment (+) of
    # CGB (3.+4.+5.)": -116.0 + 0.1 + 0.5 = -115.4 in the column Actual 2022
    checks = check_pdf(DOCS / "enbbk-01.pdf", lang="en", pages=[4], all_pages=True)
    six = [c for c in checks if c.total_label.startswith("6. Net borrowing") and c.reading.startswith("the formula")]
    assert [p.stated for p in six[0].parts] == ["–116.0", "0.1", "0.5"] and six[0].verdict is Verdict.CONSISTENT
    assert len(six) == 6 and all(c.verdict in (Verdict.CONSISTENT, Verdict.ROUNDING) for c in six)
    assert not [c for c in checks if c.alarm]


def test_a_minus_sign_set_apart_at_its_columns_sign_place_is_the_figures() -> None:
    # Bundesbank (enbbk-01 p4): "7. Cyclical component ...  –   1.8" - the sign stands where
    # "– 116.0" has its own, the single digit flush right: -1.8, so "9. Structural net borrowing
    # (6.-7.-8.)" holds in every column (-115.4 + 1.8 + 4.1 = -109.5)
    checks = check_pdf(DOCS / "enbbk-01.pdf", lang="en", pages=[4], all_pages=True)
    nine = {c.lane_label: ([p.stated for p in c.parts], c.verdict) for c in checks
            if c.total_label.startswith("9. Structural net borrowing") and c.reading.startswith("the formula")}
    assert nine["Actual 2022"] == (["–115.4", "–1.8", "–4.1"], Verdict.CONSISTENT)
    assert len(nine) == 6 and all(v in HOLDS for _, v in nine.values())
    # a nil dash of a column of dashes before a column of figures stays a nil cell ("-  4,022"
    # under "Loans Repaid | Other Costs", a town council's reconciliation)
    council = check_pdf(DOCS / "engov-03.pdf", lang="en", pages=[3], all_pages=True)
    assert not any(c.total.stated.startswith("-4,022") or "-4,022" in [p.stated for p in c.parts] for c in council)


def test_a_plus_sign_set_apart_is_the_figures() -> None:
    # Bundesbank tax revenue (enbbk-01 p3): "814.9  829.8  + 14.9  + 1.8": the plus signs were
    # words, so the row's label ran on over its first figures and the change column went unread
    checks = check_pdf(DOCS / "enbbk-01.pdf", lang="en", pages=[3], all_pages=True)
    rates = {c.lane_label: (c.total.stated, [p.stated for p in c.parts], c.verdict) for c in checks
             if c.total_label == "%" and c.reading.startswith("the change from")}
    assert rates["Tax revenue, total"] == ("+1.8", ["829.8", "814.9"], Verdict.ROUNDING)
    assert len(rates) >= 8 and not [c for c in checks if c.alarm]
