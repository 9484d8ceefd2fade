"""An alarm needs the shape of a slip (tables.slip_evidence): a total that misses by one mistyped
digit stays an alarm; one that misses by what a misread row would give is written with its doubt,
unless the user asks for every failing total (``--all-alarms``)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.model import Verdict
from factcheck.tables import check_pdf
from factcheck.tables.slip_evidence import digit_slip
from tests.support.tables import check_all_alarms

DOCS = Path(__file__).parent / "unseen" / "docs"


@pytest.mark.parametrize(("difference", "figures", "slip"), [
    (Fraction(200), [Fraction(111517), Fraction(111317)], True),    # "111 517" for 111,317: one digit
    (Fraction(60), [Fraction(10062), Fraction(10002)], True),
    (Fraction(27), [Fraction(62463), Fraction(62436)], True),       # two neighbours swapped: 9 x 3
    (Fraction(-5000), [Fraction(118000), Fraction(123000)], True),
    (Fraction(250), [Fraction(7388), Fraction(7138)], False),       # a row of 250 missed or added
    (Fraction(3002, 100), [Fraction(147701, 100)], False),
    (Fraction(0), [Fraction(5)], False),
    (Fraction(10) ** 8 * 2, [Fraction(10) ** 8 * 6], True),
    (Fraction(10) ** 9 * 2, [Fraction(10) ** 8 * 6], False),        # no digit of the figures stands there
])
def test_a_digit_slip_is_one_digit_or_two_swapped_at_a_place_the_figures_print(
        difference: Fraction, figures: list[Fraction], slip: bool) -> None:
    assert digit_slip(difference, figures) is slip


@pytest.mark.parametrize(("difference", "slack", "slip"), [
    (Fraction(299999), Fraction(3), True),      # a total of unrounded amounts, one part 300,000 short
    (Fraction(800001), Fraction(3), True),
    (Fraction(299999), Fraction(0), False),     # without rounding to allow for, no digit gives it
    (Fraction(3002, 100), Fraction(1, 20), False),  # 30 give or take 0.05: the place is too near the slack
    (Fraction(18060192), Fraction(3), False),
])
def test_a_slip_may_be_off_by_the_rounding_of_the_figures_far_below_its_place(
        difference: Fraction, slack: Fraction, slip: bool) -> None:
    assert digit_slip(difference, [Fraction(341280727)], slack) is slip


def test_totals_of_a_table_with_many_slips_are_alarms_not_a_run_of_misreadings() -> None:
    # Zambia's Seventh National Development Plan, Table 12.2: the TOTAL column misses in six rows,
    # three of them by one digit's worth (Debt Payments 57,990,404 for 57,990,604; Grants
    # 28,497,075 for 28,697,075; Personal Emoluments 114,538,229 for 113,738,228 - a total of
    # unrounded figures, off by 800,001). Those three are the table's errors, so they count
    # neither against the reading nor towards a run, and stay alarms; the other three are doubted
    checks = check_pdf(DOCS / "enjqm-01.pdf", lang="en", pages=[5], all_pages=True)
    alarms = {c.total.stated for c in checks if c.alarm}
    assert {"57,990,404", "28,497,075", "114,538,229"} <= alarms
    doubted = {c.total.stated for c in checks if c.doubt}
    assert {"60,610,212", "16,430,792"} <= doubted  # off by 1,200,800 and 999,800: no digit gives those


def test_a_total_off_by_one_mistyped_digit_stays_an_alarm() -> None:
    # a South African committee report: "111 517" printed for parts that add up to 111,317
    checks = check_pdf(DOCS / "enhvk-03.pdf", lang="en", pages=[2], all_pages=True)
    (slip,) = [c for c in checks if c.total.stated == "111\u202f517"]
    assert slip.alarm and slip.verdict is Verdict.MISMATCH


def test_a_total_off_by_what_a_row_would_give_is_doubted_unless_every_alarm_is_asked_for() -> None:
    # Kenya's county statistical abstract: the Total row prints each column's total under its
    # neighbour (3,634,637,464.00 where the column adds up to 2,885,092,888): a real error, but
    # one a misreading would look like, so by default it is written with its doubt
    default = [c for c in check_pdf(DOCS / "enafr-03.pdf", lang="en", pages=[4], all_pages=True)
               if c.total.stated == "3,634,637,464.00"]
    every = [c for c in check_all_alarms(DOCS / "enafr-03.pdf", lang="en", pages=[4], all_pages=True)
             if c.total.stated == "3,634,637,464.00"]
    assert default and all(not c.alarm and c.doubt and "no single mistyped digit" in c.doubt for c in default)
    assert every and all(c.alarm for c in every)


def test_extract_all_alarms_writes_every_failing_total_as_a_relation(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = DOCS / "enafr-03.pdf"
    verdicts = {}
    for name, flags in (("default", []), ("all", ["--all-alarms"])):
        out = tmp_path / f"{name}.yaml"
        assert main(["extract", str(source), "-o", str(out), "--no-progress", *flags]) == 0
        main(["check", str(out), "--format", "json"])
        results = json.loads(capsys.readouterr().out)["results"]
        verdicts[name] = sum(r["verdict"] == "mismatch" for r in results)
    assert verdicts["default"] < verdicts["all"]


def test_a_total_that_misses_by_slips_in_most_columns_is_still_an_alarm() -> None:
    # Lexington Public Schools, FY 2025 budget overview (dev excerpt enpol-05, page 4): "Total LPS
    # Budget" is exact in the FY 2024 column and misses by 10,000 (FY 2025) and by 10 (Dollar
    # Increase): one mistyped digit each, not a misread row, though the reading holds in one
    # column of three; the change column "Dollar Increase" misses in the Expenses row by 10,000
    checks = check_pdf(DOCS / "enpol-05.pdf", lang="en", pages=[4], all_pages=True)
    alarms = {(c.total_label, c.lane_label, c.total.stated) for c in checks if c.alarm}
    assert ("Total LPS Budget", "FY 2025 LPS Recommended", "$140,508,367") in alarms
    assert ("Total LPS Budget", "Dollar Increase", "$5,778,112") in alarms
    assert ("Dollar Increase", "Expenses (Budget Book Overview, p. 8)", "-$2,283,315") in alarms
    held = {(c.total_label, c.lane_label) for c in checks if c.verdict is Verdict.CONSISTENT}
    assert ("Total LPS Budget", "FY 2024 Budget") in held and ("Dollar Increase", "Salary (Budget Book Overview, p. 8)") in held
