"""Calculations made within a table's rows, on unseen dev excerpts: quantity × price = amount,
amount × percentage = risk, a growth column printed without a % sign, and shares over a row
that prints 100 without being a total. The engine, reading the claims, reaches the same verdicts."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import yaml

from factcheck.claimfile import parse_claim_text
from factcheck.engine import check_files
from factcheck.model import Verdict
from factcheck.sources.pdf_layout import page_texts
from factcheck.sources.tabular import looks_tabular
from factcheck.tables import TableCheck, check_pdf, checks_to_claims
from tests.support.tables import check_all_alarms

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _row(checks: list[TableCheck], relation: str, label: str) -> list[tuple[str, list[str], Verdict]]:
    return [(c.total.stated, [p.stated for p in c.parts], c.verdict) for c in checks
            if c.relation == relation and c.lane_label.startswith(label)]


def _engine(checks: list[TableCheck], language: str) -> dict[str, str]:
    claims = checks_to_claims(checks)
    text = yaml.safe_dump({"document": {"id": "t", "language": language}, "claims": claims},
                          allow_unicode=True, sort_keys=False)
    claim_file = parse_claim_text(text, "t.yaml")
    assert [d for d in claim_file.diagnostics if d.severity == "error"] == []
    return {r.claim.id: r.verdict.value for r in check_files([claim_file], discover=False).results}


def test_quantity_times_unit_price_is_the_amount_in_an_order_form() -> None:
    # STEM kit order form: "Qty | Per Item | Total" in every row, no header over most tables
    checks = check_pdf(DOCS / "engrn-01.pdf", lang="en", pages=[1, 2], all_pages=True)
    products = [c for c in checks if c.relation == "product"]
    assert len(products) >= 20 and all(c.verdict is Verdict.CONSISTENT for c in products)
    assert _row(checks, "product", "Styrofoam Solar System") == [("$168.00", ["21", "$8.00"], Verdict.CONSISTENT)]
    assert _row(checks, "product", "Legos Bricks") == [("$119.97", ["3", "$39.99"], Verdict.CONSISTENT)]
    (bricks,) = [c for c in products if c.lane_label.startswith("Legos Bricks")]
    assert bricks.reading.startswith("3 × $39.99")
    # as claims: the count has no unit, the price and the amount are dollars
    by_id = {c["id"]: c for c in checks_to_claims([bricks])}
    total = by_id[f"t{bricks.page}_{bricks.table}_r{bricks.total.row}_c{bricks.total.col}"]
    count = by_id[f"t{bricks.page}_{bricks.table}_r{bricks.parts[0].row}_c{bricks.parts[0].col}"]
    assert " * " in str(total["expr"]) and total.get("unit") == "USD" and "unit" not in count
    verdicts = _engine(checks, "en")
    assert Counter(verdicts.values())["mismatch"] == 0
    # a table the reader cut to a few rows ("Glass Dish" under the Demonstrations heading) is read
    # with the other tables of its page
    assert _row(checks, "product", "Glass Dish") == [("$12.00", ["3", "$4.00"], Verdict.CONSISTENT)]
    assert _row(checks, "product", "Milk (1 gal)") == [("$8.00", ["2", "$4.00"], Verdict.CONSISTENT)]


def test_hours_times_a_rounded_rate_fit_with_the_rates_rounding() -> None:
    # regulatory burden table: hours × tariff = cost per applicant; "€ 61,-" is a rounded rate, so
    # 60 × € 61,- = € 3.660 meets the printed € 3.651,- only within that rounding
    checks = check_pdf(DOCS / "nlwat-01.pdf", lang="nl", pages=[2], all_pages=True)
    assert _row(checks, "product", "Aanvraag van subsidie") == [("€2.440,-", ["40", "€61,-"], Verdict.CONSISTENT)]
    assert _row(checks, "product", "accountantsverklaring") == [("€3.651,-", ["60", "€61,-"], Verdict.ROUNDING)]
    assert not [c for c in checks if c.relation == "product" and c.alarm]


def test_a_column_of_hours_times_rate_is_an_amount_whatever_its_per_says() -> None:
    # the same table: "Kosten per aanvrager" is hours × rate in every row, so an amount whose Totaal
    # row adds it up; 2.440 + 1.464 + 5.124 + 2.637 + 1.461 + 3.200 + 3.651 = 19.977, printed
    # € 19.956,- (a real error, checked on the page image), like 384.328 printed € 384.037,- beside it
    checks = check_all_alarms(DOCS / "nlwat-01.pdf", lang="nl", pages=[2], all_pages=True)
    totals = {c.lane_label: c for c in checks if c.total_label == "Totaal"}
    per = totals["Kosten per aanvrager (10 locomotieven)"]
    assert per.verdict is Verdict.MISMATCH and per.alarm and per.difference == -21
    assert totals["Kosten van alle aanvragers"].alarm
    verdicts = _engine(checks, "nl")
    assert verdicts[f"t2_1_r{per.total.row}_c{per.total.col}"] == "mismatch"


def test_an_amount_times_a_probability_is_the_risk_and_a_net_column_is_no_product() -> None:
    # risk table of a municipality: amount, probability %, risk = amount × %, then a column "net of
    # what is covered" that equals the risk except in the rows with a deduction: not a product
    checks = check_pdf(DOCS / "nlgem-01.pdf", lang="nl", pages=[6], all_pages=True)
    products = [c for c in checks if c.relation == "product"]
    assert len(products) == 12 and all(c.verdict in HOLDS for c in products)
    assert {c.total.col for c in products} == {3}
    assert ("254", ["1.017", "25%"], Verdict.ROUNDING) in [(c.total.stated, [p.stated for p in c.parts], c.verdict)
                                                           for c in products]
    verdicts = _engine(checks, "nl")
    assert all(verdicts[f"t6_1_r{c.total.row}_c{c.total.col}"] in ("consistent", "rounding") for c in products)
    # its sum row, "Som van de risico's door algemene reserve te dekken", makes the page one the
    # extractor reads for tables
    assert looks_tabular(page_texts(DOCS / "nlgem-01.pdf")[5])


def test_a_growth_column_without_a_percent_sign_is_found_from_the_arithmetic() -> None:
    # tourist arrivals by month, 2017 and 2018, then the change: its "%" sits in a header line
    # the reader does not join to the column, so only the arithmetic says it is a growth
    checks = check_pdf(DOCS / "engrn-03.pdf", lang="en", pages=[1], all_pages=True)
    assert _row(checks, "growth", "February") == [("19.3", ["235,618", "197,517"], Verdict.ROUNDING)]
    assert _row(checks, "growth", "TOTAL") == [("10.3", ["2,333,796", "2,116,407"], Verdict.ROUNDING)]
    # August and September, cut off by the chart's labels into a table of two rows, are read with
    # the rest of the page
    assert _row(checks, "growth", "August") == [("4.9", ["200,359", "190,928"], Verdict.ROUNDING)]
    assert not [c for c in checks if c.alarm]
    verdicts = _engine([c for c in checks if c.relation == "growth"], "en")
    assert set(verdicts.values()) <= {"consistent", "rounding"} and len(verdicts) >= 11


def test_shares_are_taken_over_the_row_that_prints_100_percent() -> None:
    # profit and loss summary: each row's % is its amount over Bedrijfsopbrengsten, which prints
    # 100,00 but is no total row; two years side by side, each over its own year's base
    checks = check_pdf(DOCS / "nlfin-01.pdf", lang="nl", pages=[1], all_pages=True)
    assert _row(checks, "share", "Kantoorkosten") == [("1,77", ["4.549", "256.739"], Verdict.ROUNDING),
                                                      ("1,36", ["3.381", "248.691"], Verdict.ROUNDING)]
    assert not [c for c in checks if c.alarm]
    # the costs' 64,52 adds up their shares and is also their amount over the base: both are checked
    costs = sorted(c.relation for c in checks if c.total.stated == "64,52")
    assert costs == ["share", "sum"] and all(c.verdict in HOLDS for c in checks if c.total.stated == "64,52")
    # the percentages that add up are percentages too, in the claims: no alarm
    verdicts = _engine(checks, "nl")
    assert [i for i, v in verdicts.items() if v in ("mismatch", "scale")] == []


def test_a_count_another_check_writes_in_dollars_stays_a_plain_number_in_the_product() -> None:
    # were the Qty column added up in the order form, the count cell would be written first by that
    # sum, in the table's dollars; the product then takes the count as a plain figure of its own
    checks = check_pdf(DOCS / "engrn-01.pdf", lang="en", pages=[2], all_pages=True)
    products = [c for c in checks if c.relation == "product"]
    count = products[0].parts[0]
    summed = replace(products[0], relation="sum", parts=(count,), total=products[1].parts[0],
                     reading="the Qty column added up")
    claims = checks_to_claims([summed, *products])
    by_id = {c["id"]: c for c in claims}
    count_id = f"t{count.page}_{count.table}_r{count.row}_c{count.col}"
    assert by_id[count_id].get("unit") == "USD" and "unit" not in by_id[count_id + "_n"]
    text = yaml.safe_dump({"document": {"id": "t", "language": "en"}, "claims": claims},
                          allow_unicode=True, sort_keys=False)
    run = check_files([parse_claim_text(text, "t.yaml")], discover=False)
    verdicts = Counter(r.verdict.value for r in run.results)
    assert verdicts["unit"] == 0 and verdicts["consistent"] >= len(products)


def test_units_times_years_times_a_rate_is_the_cost() -> None:
    # A World Bank impact evaluation's budget (development document enpad-03): "Units | No. of years
    # | Unit Rate (US$) | Estimated Cost (US$)", no two columns of which make the cost in three rows
    checks = check_pdf(DOCS / "enpad-03.pdf", lang="en", pages=[1], all_pages=True)
    assert _row(checks, "product", "Travel") == [("96,000", ["4", "4", "6,000.00"], Verdict.CONSISTENT)]
    assert _row(checks, "product", "Workshop") == [("14,000.00", ["2", "2", "3,500.00"], Verdict.CONSISTENT)]
    assert _row(checks, "product", "Publication") == [("5,000.00", ["500", "1", "10.00"], Verdict.CONSISTENT)]
    (travel,) = [c for c in checks if c.relation == "product" and c.lane_label == "Travel"]
    assert travel.reading.startswith("4 × 4 × 6,000.00")
    verdicts = _engine([c for c in checks if c.relation == "product"], "en")
    assert verdicts and set(verdicts.values()) == {"consistent"}
