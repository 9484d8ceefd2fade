"""Cell reading for table totals: exact values, precision, minus/bracket/dash spellings, number format."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.sources.pdf_layout import Word
from factcheck.tables.cells import (
    decide_decimal_sep,
    is_year,
    parse_cell,
    split_run_together,
)
from factcheck.tables.detect import assign_columns, group_lines, split_label
from factcheck.tables.scale import find_scale


@pytest.mark.parametrize(
    ("text", "sep", "value", "decimals"),
    [
        ("28.913", None, Fraction(28913), 0),
        ("28,913", None, Fraction(28913), 0),
        ("1.393,4", ",", Fraction(13934, 10), 1),
        ("28,198.00", ".", Fraction(28198), 2),
        ("(35,8)", ",", Fraction(-358, 10), 1),
        ("‒794", None, Fraction(-794), 0),  # U+2012 figure dash
        ("–38", None, Fraction(-38), 0),  # U+2013 en dash
        ("−12", None, Fraction(-12), 0),  # U+2212 minus sign
        ("-4,6", ",", Fraction(-46, 10), 1),
        ("‒2. 277", None, Fraction(-2277), 0),  # stray space inside the figure
        ("11,062 .6", ".", Fraction(110626, 10), 1),
        ("2.5%", ".", Fraction(25, 10), 1),
        ("0,7", ",", Fraction(7, 10), 1),
    ],
)
def test_parse_cell_exact(text: str, sep: str | None, value: Fraction, decimals: int) -> None:
    n = parse_cell(text, sep)  # type: ignore[arg-type]
    assert n is not None
    assert n.value == value and isinstance(n.value, Fraction)
    assert n.decimals == decimals
    assert n.half == Fraction(1, 2 * 10**decimals)


@pytest.mark.parametrize("text", ["–", "‒", "-", "...", ".........", "…"])
def test_dashes_and_dots_are_exact_nil(text: str) -> None:
    n = parse_cell(text, None)
    assert n is not None and n.nil and n.value == 0 and n.half == 0


def test_star_is_zero_give_or_take_half_a_unit() -> None:
    n = parse_cell("*", None)
    assert n is not None and n.value == 0 and n.half == Fraction(1, 2) and not n.nil


@pytest.mark.parametrize(("text", "sep"), [("(0,5", ","), ("1.000)", None), ("1.5", None), ("abc", None), ("12,5", ".")])
def test_not_a_figure_under_the_tables_format(text: str, sep: str | None) -> None:
    assert parse_cell(text, sep) is None  # type: ignore[arg-type]


def test_decimal_separator_is_decided_by_the_cells() -> None:
    assert decide_decimal_sep(["1.393,4", "894,9", "2.426,7"]) == ","
    assert decide_decimal_sep(["28,198.00", "67.52"]) == "."
    # only thousands groups: no decimals seen, both characters read as thousands
    assert decide_decimal_sep(["3.597", "14.862", "119"], lang="en") is None
    assert decide_decimal_sep(["1,248,804", "7.704", "16,947"]) is None
    # Barbados BERT 2026, Table 3: a figure wrapped onto two lines ("14,69" over "4") proves a
    # decimal comma three times, against eleven "8,873"s that would then be three-decimal figures;
    # in an English document those are thousands
    wrapped = ["12,819", "13,310", "14,69", "8,873", "708", "8,085", "79", "3,946", "14,73", "12,871",
               "14,95", "13,268", "4,486", "5,107", "5,622", "8,824"]
    assert decide_decimal_sep(wrapped, lang="en") is None
    assert decide_decimal_sep(["4,8", "8,873", "2,55", "1,0"], lang="en") == ","  # three proofs, one group
    assert decide_decimal_sep(wrapped, lang="nl") == ","
    # "23." ends a sentence and proves nothing; a tie goes to the document language
    assert decide_decimal_sep(["23.", "0,7"]) == ","
    assert decide_decimal_sep(["4,8", "2.5"], lang="nl") == ","
    assert decide_decimal_sep(["4,8", "2.5"], lang="en") == "."


def test_years_are_headers() -> None:
    assert is_year("2019") and is_year("2013–") and is_year("2014-15") and is_year("2013–2017")
    assert not is_year("28.913") and not is_year("1999.5")


def test_run_together_figures_are_split() -> None:
    assert split_run_together("627,4691,248,804") == ("627,469", "1,248,804")
    assert split_run_together("1,270-10.79") == ("1,270", "-10.79")
    assert split_run_together("1-10") is None  # a page range, not two figures


def _words(spec: list[tuple[str, float, float]], top: float = 100.0, size: float = 7.6) -> list[Word]:
    return [Word(t, x0, x1, top, top + size, size) for t, x0, x1 in spec]


def test_split_digits_are_glued_by_their_boxes() -> None:
    # eu-015: "Total 1 4.862" with no gap between "1" and "4.862"
    (line,) = group_lines(_words([("Total", 60.5, 81.8), ("1", 324.7, 329.8), ("4.862", 329.8, 353.0)], size=10.1))
    split_label(line)
    assert [v.text for v in line.values] == ["14.862"]
    # O&I-lijst Tabel 23: "‒ 2. 277"
    (line,) = group_lines(_words([("Onderwijs", 71, 104), ("‒", 530.2, 534.4), ("2.", 536.5, 542.7), ("277", 544.8, 557.4)]))
    split_label(line)
    assert [v.text for v in line.values] == ["‒2.277"]


def test_figures_in_neighbouring_columns_stay_apart() -> None:
    (line,) = group_lines(_words([("Rij", 60, 80), ("1", 300, 305), ("4.862", 330, 353), ("–", 400, 404), ("28.288", 430, 452)]))
    split_label(line)
    assert [v.text for v in line.values] == ["1", "4.862", "–", "28.288"]


def test_ragged_rows_keep_their_columns() -> None:
    anchors = [(100.0, 120.0), (140.0, 160.0), (180.0, 200.0), (220.0, 240.0), (260.0, 280.0)]
    (line,) = group_lines(_words([("Nareis", 10, 40), ("3.630", 183, 200), ("5.360", 223, 240), ("4.180", 263, 280)]))
    split_label(line)
    assert assign_columns(line.values, anchors) == [2, 3, 4]
    # boxes under the first columns stay there: a series that ends early is not pushed right
    (line,) = group_lines(_words([("Oud", 10, 30), ("12", 110, 120), ("13", 150, 160)]))
    split_label(line)
    assert assign_columns(line.values, anchors) == [0, 1]


@pytest.mark.parametrize(
    ("text", "mult", "unit"),
    [
        ("Bedragen in miljoen euro (+ = saldo verslechterend)", 10**6, "EUR"),
        ("Uitgaven niet-beleidsartikel (bedragen x € 1.000)", 1000, "EUR"),
        ("x € 1.000", 1000, "EUR"),
        ("(in millions)", 10**6, None),
        ("(In billions of dollars)", 10**9, "USD"),
        ("Budget 2014-2015 (In crores of Rupees)", 10**7, "INR"),
        ("Public Health Outlay 2012-13 (Rs. in 000)", 1000, "INR"),
        ("Planted area (In 1000 ha)", 1000, "ha"),
        # PG&E's 2017 budget report (tests/unseen/docs/ensuc-01.pdf, page 2)
        ("(MILLIONS OF DOLLARS)", 10**6, "USD"),
        ("Thousands of Dollars", 1000, "USD"),
        ("(Dollars in Thousands)", 1000, "USD"),
        # studiegroep-begrotingsruimte.pdf and the O&I-lijst ("de bedragen in miljoenen euro's")
        ("duizenden euro’s", 1000, "EUR"),
        ("In alle tabellen zijn de bedragen in miljoenen euro's", 10**6, "EUR"),
        ("Tabel 3 Uitgaven (x 1.000 euro)", 1000, "EUR"),
        ("Bedragen x € 1 miljoen", 10**6, "EUR"),
    ],
)
def test_unit_headers(text: str, mult: int, unit: str | None) -> None:
    s = find_scale([text])
    assert s is not None and s.multiplier == mult and s.unit == unit


def test_no_unit_in_plain_text() -> None:
    assert find_scale(["Tabel 3.1: Asielinstroom totaal en uitgesplitst naar type aanvraag."]) is None
    # a sum of money in prose is no unit header: only a heading of its own says "millions of dollars"
    assert find_scale(["The program saved hundreds of millions of dollars over the decade."]) is None


def test_scale_letter_inside_a_money_cell() -> None:
    n = parse_cell("$2.88M", ".")
    assert n is not None and n.value == 2_880_000 and n.half == 5_000
    total = parse_cell("$8M", ".")
    assert total is not None and total.value == 8_000_000 and total.half == 500_000  # [7.5M, 8.5M]
    assert parse_cell("12M", ".") is None  # without a currency sign: a code, not an amount


def test_share_and_footnote_after_a_count_are_not_figures() -> None:
    (line,) = group_lines(_words([("Humanities", 20, 60), ("77", 150, 160), ("(22.6%)", 163, 190), ("755", 250, 265)]))
    split_label(line)
    assert [v.text for v in line.values] == ["77", "755"]
    (line,) = group_lines(_words([("Bad Debts", 20, 60), ("10,000", 150, 175), ("(1)", 177, 185)]))
    split_label(line)
    assert [v.text for v in line.values] == ["10,000"]


def test_indian_grouped_cells() -> None:
    # Budget at a Glance 2023-24 (₹ crore): "45,03,097" total expenditure; pairs before the last three
    from factcheck.tables.cells import parse_cell

    assert parse_cell("45,03,097", None).value == 4503097
    assert parse_cell("(1,23,45,678)", ".").value == -12345678
    assert parse_cell("12,34,567.50", ".").decimals == 2
    assert parse_cell("45,03,097", ",") is None  # a decimal comma table prints no such figure


def test_group_amounts_find_a_heading_line_over_its_rows_in_plain_text() -> None:
    from factcheck.sources.tabular import group_amounts

    debt = "Domestic 8,873 8,824 8,503\nShort Term 708 710 1,018\nLong Term 8,085 8,091 7,477\nArrears 79 23 8\n"
    assert group_amounts(debt)
    # the same rows without the head's sum, and small figures that add up by chance, are no group
    assert not group_amounts(debt.replace("8,503", "9,503"))
    assert not group_amounts("Row a 3\nRow b 1\nRow c 2\n")
    # a chart's axis counts down by equal steps (3.000 = 2.000 + 1.000), with no row labels
    assert not group_amounts("Grafiek 6.2\n" + "".join(f"{n}.000\n" for n in range(7, 0, -1)))
