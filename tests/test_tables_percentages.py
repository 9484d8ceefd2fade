"""Percentage columns and rows checked against their base, on unseen dev excerpts."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf, checks_to_claims
from tests.support.tables import check_all_alarms

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _shares(checks):
    return [c for c in checks if c.relation == "share"]


def test_percent_change_column_is_the_change_over_the_earlier_year() -> None:
    # Public Accounts of Canada 2021, revenues: "%" = "Change $" / 2020, row by row.
    checks = check_pdf(DOCS / "enworld-01.pdf", lang="en", pages=[2], all_pages=True)
    shares = {c.lane_label: c for c in _shares(checks) if c.page == 2}
    personal = shares["Income tax revenues Personal"]
    assert personal.total.stated == "4.3"
    assert [p.stated for p in personal.parts] == ["7,179", "167,576"]
    assert personal.verdict in HOLDS and personal.reading.startswith("a percentage: Change $ over 2020")
    assert all(c.verdict in HOLDS for c in shares.values())
    (claim,) = [c for c in checks_to_claims([personal]) if c.get("expr")]
    assert claim["expr"] == "t2_1_r1_c3 / t2_1_r1_c2" and claim["unit"] == "%"


def test_share_of_budget_column_is_each_function_over_the_total_row() -> None:
    # Zambia budget 2025 by function: "SHARE OF BUDGET" = amount / TOTAL; 4.754 % printed as
    # "4.7%" (cut off, not rounded) is a printing convention, not an alarm.
    checks = check_pdf(DOCS / "enworld-05.pdf", lang="en", pages=[2], all_pages=True)
    shares = {c.total.stated: c for c in _shares(checks) if c.page == 2}
    assert [p.stated for p in shares["34.0%"].parts] == ["73,815,232,616", "217,105,378,661"]
    assert shares["4.7%"].verdict is Verdict.ROUNDING
    assert not [c for c in checks if c.alarm]


def test_a_share_that_does_not_match_its_base_is_an_alarm_when_the_others_do() -> None:
    from fractions import Fraction

    from factcheck.tables import find_page_tables
    from factcheck.tables.cells import CellNumber
    from factcheck.tables.detect import Cell
    from factcheck.tables.percentages import percentage_checks

    (table,) = find_page_tables(DOCS / "enworld-05.pdf", "en", pages=[2], all_pages=True)[2]
    # the same table with Defence's share misprinted as 3.9 % (it is 4.754 %)
    for row in table.rows:
        if row.label == "Defence":
            cell = row.cells[1]
            row.cells[1] = Cell("3.9%", CellNumber("3.9%", Fraction(39, 10), 1, Fraction(1, 20), percent=True),
                                cell.col, cell.bbox)
    checks = percentage_checks(table)
    (defence,) = [c for c in checks if c.lane_label == "Defence"]
    assert defence.verdict is Verdict.MISMATCH and defence.alarm
    assert sum(c.verdict in HOLDS for c in checks) == len(checks) - 1 >= 9


def _canada_revenues_without_change_column():
    from factcheck.tables import find_page_tables

    # Public Accounts of Canada 2021, revenues, with its "Change $" column taken out: the "%"
    # column beside 2021 and 2020 can then only be read as the change from 2020 to 2021
    (table,) = find_page_tables(DOCS / "enworld-01.pdf", "en", pages=[2], all_pages=True)[2]
    for row in table.rows:
        row.cells.pop(2, None)
    table.columns[:] = [c for c in table.columns if c.index != 2]
    return table


def test_percent_change_column_without_change_amounts_is_read_as_growth() -> None:
    import yaml

    from factcheck.claimfile import parse_claim_text
    from factcheck.engine import check_files
    from factcheck.tables.percentages import percentage_checks

    checks = percentage_checks(_canada_revenues_without_change_column())
    personal = next(c for c in checks if c.lane_label == "Income tax revenues Personal")
    assert personal.relation == "growth" and personal.reading == "a percentage: the change from 2020 to 2021"
    assert [p.stated for p in personal.parts] == ["174,755", "167,576"]  # new, old: 7,179 / 167,576 = 4.28 %
    assert len(checks) == 13 and all(c.verdict in HOLDS for c in checks)
    claims = checks_to_claims(checks)
    assert {c["expr"] for c in claims if c["id"] == "t2_1_r1_c4"} == {"(t2_1_r1_c1 - t2_1_r1_c2) / t2_1_r1_c2"}
    text = yaml.safe_dump({"document": {"id": "t", "language": "en"}, "claims": claims}, sort_keys=False)
    run = check_files([parse_claim_text(text, "t.yaml")], discover=False)
    assert sorted(r.verdict.value for r in run.results) == sorted(c.verdict.value for c in checks)


def test_a_growth_that_does_not_follow_from_its_years_is_doubted_not_an_alarm() -> None:
    # the growth reading is found by trying pairs of columns: it confirms the rows that follow it
    # and raises no alarm for one that does not (on unseen documents such rows compared other columns)
    from fractions import Fraction

    from factcheck.tables.cells import CellNumber
    from factcheck.tables.detect import Cell
    from factcheck.tables.percentages import percentage_checks

    table = _canada_revenues_without_change_column()
    for row in table.rows:
        if row.label == "Corporate":  # 54,112 over 50,060 is 8.1 %, misprinted as 6.1 %
            cell = row.cells[3]
            row.cells[3] = Cell("6.1", CellNumber("6.1", Fraction(61, 10), 1, Fraction(1, 20)), cell.col, cell.bbox)
    checks = percentage_checks(table)
    (corporate,) = [c for c in checks if c.lane_label == "Corporate"]
    assert corporate.verdict is Verdict.MISMATCH and not corporate.alarm
    assert corporate.doubt is not None and "columns beside it" in corporate.doubt
    assert not [c for c in checks if c.alarm] and sum(c.verdict in HOLDS for c in checks) == 12


def test_a_share_column_headed_like_an_amount_column_is_that_columns_share() -> None:
    # Beleidsdoorlichting migratieketen, Tabel 3.5: asylum applications per country 2014 … 2019*,
    # then each year's share under the same year headers. The "2017" shares are the 2017 amounts
    # over the Total row, not the 2018 amounts (two columns nearer): the many "0%" rows fit any
    # small amount and tell nothing, so they no longer carry a wrong reading.
    checks = check_all_alarms(Path(__file__).parent / "pdfs" / "bmh14_tabel_3_5_shares_by_year.pdf", lang="nl")
    shares = [c for c in _shares(checks) if c.total_label == "2017"]
    germany = next(c for c in shares if c.lane_label == "Germany")
    assert [p.stated for p in germany.parts] == ["198.255", "674.930"] and germany.verdict in HOLDS
    assert all(c.verdict in HOLDS for c in shares)
    # Germany's share is 1.5 to 2 points above its amount over the total in four of the years
    # (29.0 % printed 31 %, 58.4 % printed 60 %): the only alarms, where before the 2017 and
    # 2019* columns raised fourteen on a wrong reading
    assert sorted((c.total_label, c.lane_label) for c in checks if c.alarm) == [
        ("2014", "Germany"), ("2015", "Germany"), ("2016", "Germany"), ("2018", "Germany")]


def test_a_liability_share_printed_with_a_minus_sign_is_counted_against_the_whole() -> None:
    # Seattle City Employees' Retirement System, valuation 2015, Table 3 "Summary of Plan Net
    # Assets": "Securities lending obligation 28,228,622 -1.2%" beside net assets of 2,322,703,695
    # (100.0%). The column adds up to 100 % with the liabilities' shares negative: a convention,
    # not six errors.
    checks = check_pdf(DOCS / "enqua-03.pdf", lang="en", pages=[8], all_pages=True)
    shares = {(c.lane_label, c.total.stated): c for c in _shares(checks) if c.page == 8}
    lending = shares["Securities lending obligation", "-1.2%"]
    assert lending.verdict in HOLDS and lending.parts[0].sign == -1
    assert "counts against the whole" in lending.reading
    (claim,) = [c for c in checks_to_claims([lending]) if c.get("expr")]
    assert claim["expr"].startswith("-t8_1_r")
    # the assets' shares keep their plain reading, and no alarm is left
    cash = shares["Assets Cash and short-term investments", "5.0%"]
    assert cash.verdict in HOLDS and cash.parts[0].sign == 1
    assert not [c for c in checks if c.alarm]
