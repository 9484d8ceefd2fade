"""Amount columns printed left of the labels (factcheck.tables.detect._left_amount_column), on an
English council's balance sheet (tests/unseen/docs/enuka-01.pdf, Solihull's statement of accounts
2023/24, a dev excerpt): last year's column stands a word space before the labels, which start
one under another."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

PDF = Path(__file__).parent / "unseen" / "docs" / "enuka-01.pdf"


def test_last_years_column_left_of_the_labels_is_read_as_a_column() -> None:
    checks = {(c.total_label, c.total.stated): c for c in check_pdf(PDF, lang="en") if c.page == 9}
    # both years of each subtotal: 2023 left of the labels, 2024 right of them
    for label, stated in (("Long-Term Assets", "1,386,087"), ("Long-Term Assets", "1,397,469"),
                          ("Current Liabilities", "(110,876)"), ("Current Liabilities", "(116,314)"),
                          ("Net Assets", "1,039,605"), ("Net Assets", "981,647")):
        assert checks[label, stated].verdict is Verdict.CONSISTENT, (label, stated)
    parts = [p.stated for p in checks["Current Assets", "157,512"].parts]
    assert parts == ["83,457", "1,523", "65,873", "6,659"]
    # the labels lost their first word's figure: no label starts with an amount
    assert not [label for label, _ in checks if label[:1].isdigit() or label.startswith("(")]


def test_an_outlines_numbers_flush_against_the_labels_are_no_amount_column() -> None:
    # India's notes on demands for grants (enafr-01, dev): "2.01 Controller General of Patents",
    # "3.04 Survey of Boiler" stand a word space before labels that start one under another
    checks = [c for c in check_pdf(Path(__file__).parent / "unseen" / "docs" / "enafr-01.pdf", lang="en") if c.page == 1]
    net = next(c for c in checks if c.total_label == "Net" and c.total.stated == "4348.59")
    assert [p.stated for p in net.parts] == ["4357.87", "-9.28"] and net.verdict is Verdict.CONSISTENT
    assert not [p.stated for c in checks for p in c.parts if p.stated in ("2.01", "2.02", "2.03", "3.01", "3.04")]


def test_short_amounts_in_millions_left_of_the_labels_are_still_a_column() -> None:
    # Worcestershire's balance sheet (enuka-03, dev), in £m: "1.7", "0.7" beside "1,279.1" are
    # amounts, not an outline's numbers (those rise line by line: 2.01, 2.02, 3.01)
    checks = [c for c in check_pdf(Path(__file__).parent / "unseen" / "docs" / "enuka-03.pdf", lang="en") if c.page == 10]
    liabilities = next(c for c in checks if c.total.stated == "(268.9)")
    assert [p.stated for p in liabilities.parts] == ["(157.3)", "(98.2)", "(13.1)", "(0.3)"]
    assert liabilities.verdict is Verdict.CONSISTENT


def test_figures_centred_on_a_label_of_two_lines_are_that_rows() -> None:
    # Solihull's cash flow statement (enuka-01, dev, page 10): "Adjustments to net (surplus)/deficit
    # on the provision of / (121,345) (22,825) 35 / services for non-cash movements" is one row
    checks = {(c.total_label, c.total.stated): c for c in check_pdf(PDF, lang="en") if c.page == 10}
    operating = checks["Net cash flows from operating activities", "(31,813)"]
    assert [p.stated for p in operating.parts if p.stated != "£000"] == ["62,612", "(121,345)", "26,920"]
    assert operating.verdict is Verdict.CONSISTENT
    investing = checks["Net cash flows from investing activities", "33,540"]
    assert len(investing.parts) == 7 and investing.verdict is Verdict.CONSISTENT
