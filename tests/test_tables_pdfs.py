"""Table totals on real government PDFs (single pages extracted into tests/pdfs/).

Each expectation was checked by hand against the page (and the corpus SOURCE.md sums).
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.model import Verdict
from factcheck.sources.pdf_layout import looks_tabular, page_texts
from factcheck.tables import TableCheck, check_pdf

PDFS = Path(__file__).parent / "pdfs"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _by(checks: list[TableCheck], label: str, lane: str | None = None, orientation: str = "row") -> list[TableCheck]:
    out = [c for c in checks if c.total_label == label and c.orientation == orientation]
    if lane is not None:
        out = [c for c in out if c.lane_label == lane]
    return out


@pytest.fixture(scope="module")
def de_koning() -> list[TableCheck]:
    return check_pdf(PDFS / "1_De_Koning.pdf", lang="nl")


def test_de_koning_all_consistent(de_koning: list[TableCheck]) -> None:
    assert de_koning and all(c.verdict is Verdict.CONSISTENT for c in de_koning)
    (raming,) = _by(de_koning, "Totaal")
    assert raming.total.stated == "28.914" and raming.total.value == 28914
    assert [p.stated for p in raming.parts] == ["18.206", "9.465", "303", "860", "80"]
    assert raming.title == "Raming over 2019 (bedragen x €1.000)"
    assert raming.multiplier == 1000 and raming.unit == "EUR"


def test_de_koning_stand_row_closes_the_mutations(de_koning: list[TableCheck]) -> None:
    stand = [c for c in _by(de_koning, "Stand ontwerpbegroting 2019") if c.table == 1]
    assert [c.lane_label for c in stand] == ["2018", "2019", "2020", "2021", "2022", "2023"]
    first = stand[0]
    assert first.total.stated == "28.913"
    assert [p.stated for p in first.parts if not p.stated.startswith("–")] == ["28.287", "626"]
    # 2023: no ontwerpbegroting yet, the Extrapolatie row carries it
    assert [p.stated for p in stand[-1].parts if not p.stated.startswith("–")] == ["626", "28.288"]


def test_bmh_tabel_3_1_ragged_rows_align_from_their_boxes() -> None:
    checks = _by(check_pdf(PDFS / "bmh14_tabel_3_1_ragged.pdf", lang="nl"), "Totaal")
    assert [c.lane_label for c in checks] == [str(y) for y in range(2010, 2020)]
    assert all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert checks[0].title is not None and checks[0].title.startswith("Tabel 3.1")
    by_year = {c.lane_label: c for c in checks}
    assert [p.stated for p in by_year["2019"].parts] == ["22.530", "2.720", "4.180", "1.920", "10"]
    assert [p.stated for p in by_year["2010"].parts] == ["13.330", "1.820"]  # later series not started yet
    assert [p.stated for p in by_year["2015"].parts] == ["43.090", "1.940", "13.850", "430"]


def test_bmh_tabel_6_3_footnote_markers_do_not_split_the_table() -> None:
    checks = _by(check_pdf(PDFS / "bmh14_tabel_6_3_footnotes.pdf", lang="nl"), "Totaal")
    assert len(checks) == 6 and all(c.verdict is Verdict.CONSISTENT for c in checks)
    last = checks[-1]
    assert last.lane_label == "2018" and [p.stated for p in last.parts] == ["2.740", "280", "20", "880", "640"]


def test_oi_tabel_23_rounding_in_later_years() -> None:
    checks = check_pdf(PDFS / "oi2021_tabel_23_rounding.pdf", lang="nl")
    t23 = [c for c in _by(checks, "Totaal") if c.title and c.title.startswith("Tabel 23")]
    got = {c.lane_label: c for c in t23}
    assert set(got) == {"2022", "2023", "2024", "2025"}
    assert got["2022"].verdict is Verdict.CONSISTENT
    for year in ("2023", "2024", "2025"):
        assert got[year].verdict is Verdict.ROUNDING
        assert got[year].difference == -1  # the printed total is one (million) more negative
    # the Totaal row is printed first; its parts are the seven sectors below it
    assert len(got["2025"].parts) == 7
    onderwijs = got["2025"].parts[1]
    assert onderwijs.value == -2277 and re.sub(r"\s", "", onderwijs.stated) == "‒2.277"
    assert got["2025"].multiplier == 10**6 and got["2025"].unit == "EUR"
    # no false alarm anywhere on the page
    assert not [c for c in checks if c.verdict is Verdict.MISMATCH]


def test_oi_tabel_8_sparse_rows_and_mixed_minus_signs() -> None:
    checks = _by(check_pdf(PDFS / "oi2021_tabel_8_sparse.pdf", lang="nl"), "Totaal PO")
    got = {c.lane_label: c for c in checks}
    assert got["2024"].verdict is Verdict.CONSISTENT  # -284 + 139 + 235 = 90
    assert got["2025"].total.value == -172
    struc = got["Struc."]
    assert struc.verdict is Verdict.ROUNDING  # -1.136 + 199 + 0,7 = -936,3 shown as -936
    assert struc.difference == Fraction(3, 10)
    assert "Struc. in" not in got  # a column of years is not summed


def test_puertos_2007_is_a_real_mismatch() -> None:
    checks = check_pdf(PDFS / "puertos1_real_mismatch.pdf", lang="es")
    exp = _by(checks, "Exportaciones totales pesqueras")
    mism = [c for c in exp if c.verdict is Verdict.MISMATCH]
    assert len(mism) == 1
    (m,) = mism
    assert m.lane_label.startswith("2007")
    assert [p.stated for p in m.parts] == ["543", "61"] and m.total.stated == "1,104" and m.difference == 500
    assert all(c.verdict in (Verdict.CONSISTENT, Verdict.ROUNDING) for c in exp if c is not m)
    # the country's total exports are not a sum of the fishery rows
    assert not _by(checks, "EXPORT. TOTALES")
    # second table: 2002 TM rows add to 456,461, TOTAL says 456,431 (mixed '.' and ',' thousands)
    (tm2002,) = [c for c in _by(checks, "TOTAL") if c.verdict is Verdict.MISMATCH]
    assert tm2002.lane_label == "2002 TM" and tm2002.difference == -30


def test_rotated_omb_table() -> None:
    checks = check_pdf(PDFS / "omb_s4_rotated_rounding.pdf", lang="en")
    assert checks and not [c for c in checks if c.verdict is Verdict.MISMATCH]
    (deficit,) = _by(checks, "Deficit", "2013")
    assert deficit.verdict is Verdict.ROUNDING and deficit.relation == "difference"
    assert [(p.sign, p.stated) for p in deficit.parts] == [(1, "3,655"), (-1, "2,882")]
    assert deficit.total.stated == "772" and deficit.difference == -1
    (sub,) = _by(checks, "Subtotal, appropriated programs", "2013")
    assert sub.verdict is Verdict.CONSISTENT and [p.stated for p in sub.parts] == ["700", "565"]
    (outlays,) = _by(checks, "Total outlays", "2013")
    assert outlays.verdict is Verdict.CONSISTENT  # over two subtotals and three loose rows
    assert [p.stated for p in outlays.parts] == ["1,265", "2,213", "246", "2", "–71"]
    (defense,) = [c for c in _by(checks, "Totals 2013– 2017", orientation="column") if c.lane_label == "Defense"]
    assert defense.verdict is Verdict.ROUNDING and defense.difference == -1  # 3,447 vs 3,446
    assert deficit.multiplier == 10**9 and deficit.unit == "USD"


def test_india_budget_ministries_and_cross_footing() -> None:
    checks = check_pdf(PDFS / "india_budget_groups_crossfoot.pdf", lang="en")
    assert all(c.verdict is Verdict.CONSISTENT for c in checks)
    agri, agri_nonplan = _by(checks, "MINISTRY OF AGRICULTURE", "Total")  # Plan Total, Non-Plan Total
    assert agri_nonplan.total.stated == "2864.94"
    assert agri.total.stated == "28198.00" and [p.stated for p in agri.parts] == ["22309.00", "3715.00", "2174.00"]
    plan = [c for c in _by(checks, "Total Plan & Non-Plan", orientation="column") if c.lane_label == "MINISTRY OF AGRICULTURE"]
    assert [p.stated for p in plan[0].parts] == ["28198.00", "2864.94"]
    assert agri.multiplier == 10**7 and agri.unit == "INR"


def test_eu015_split_digit_and_grand_total() -> None:
    checks = check_pdf(PDFS / "eu015_split_digit_grand_total.pdf", lang="en")
    (total,) = _by(checks, "Total")
    assert total.total.value == 14862 and total.verdict is Verdict.CONSISTENT and len(total.parts) == 10
    (grand,) = _by(checks, "Grand Total")
    assert grand.verdict is Verdict.CONSISTENT
    assert [p.stated for p in grand.parts] == ["14.862", "4.330", "119", "2.003", "169", "2.417"]


def test_census_text_layer_errors_are_found_and_decimals_glued() -> None:
    checks = check_pdf(PDFS / "census_12s0324_broken_text_layer.pdf", lang="en")
    total_row = [c for c in checks if c.orientation == "column" and c.lane_label == "Total"]
    assert total_row and total_row[0].total.value == Fraction(110626, 10)  # "11,062 .6"
    liquor = [c for c in checks if c.lane_label == "Liquor laws" and c.verdict is Verdict.MISMATCH]
    assert [c.total.stated for c in liquor] == ["48.2"]  # 90.2 + 368.0 = 458.2 in print
    race = [c for c in checks if c.title and c.title.startswith("Table 325")]
    assert race and all(c.verdict is Verdict.CONSISTENT for c in race)


def test_claims_format() -> None:
    checks = _by(check_pdf(PDFS / "1_De_Koning.pdf", lang="nl"), "Totaal")
    claims = checks[0].to_claims()
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", str(c["id"])) for c in claims)
    inputs, (total,) = claims[:-1], claims[-1:]
    assert [c["stated"] for c in inputs] == ["18.206", "9.465", "303", "860", "80"]
    assert inputs[0]["value"] == "18206" and inputs[0]["unit"] == "EUR" and inputs[0]["origin"] == "discovered"
    assert inputs[0]["where"]["page"] == 1 and len(inputs[0]["where"]["bbox"]) == 4
    assert total["expr"] == "sum(" + ", ".join(str(c["id"]) for c in inputs) + ")"
    assert total["stated"] == "28.914" and "Totaal row of Raming over 2019" in str(total["evidence"])
    assert total["scale"] == "1000"


def test_claims_for_a_difference() -> None:
    (deficit,) = _by(check_pdf(PDFS / "omb_s4_rotated_rounding.pdf"), "Deficit", "2013")
    *inputs, rel = deficit.to_claims()
    assert rel["expr"] == f"sum({inputs[0]['id']}) - {inputs[1]['id']}"
    assert [c["value"] for c in inputs] == ["3655", "2882"]


def test_cheap_page_filter() -> None:
    texts = page_texts(PDFS / "bmh14_tabel_3_1_ragged.pdf")
    assert looks_tabular(texts[0])
    assert not looks_tabular("Dit is gewone tekst zonder tabel.\nNog een regel met 12 woorden.\nTotaal niets.")


def test_page_whose_totals_have_no_label_is_read() -> None:
    # London Hackspace's detailed P&L (tests/unseen/docs/ennpo-01.pdf, page 5) prints every
    # subtotal as a bare line of figures under its rows, with no total word on the page
    unseen = Path(__file__).parent / "unseen" / "docs"
    text = page_texts(unseen / "ennpo-01.pdf")[4]
    assert looks_tabular(text)
    checks = check_pdf(unseen / "ennpo-01.pdf", lang="en")
    bare = [c for c in checks if c.page == 5 and c.lane_label.startswith("2015")]
    assert {c.total.stated for c in bare} >= {"110,608", "14,465", "139"}
    assert all(c.verdict is Verdict.CONSISTENT for c in bare)
    # a chart's axis (figures on lines of their own, none after a label) does not make a page tabular
    axis = "Grafiek 6.2: Instroom\n" + "".join(f"{n}.000\n" for n in range(7, 0, -1)) + "0\n"
    assert not looks_tabular(axis)


@pytest.mark.skipif(
    not (CORPUS / "nl-rijksfinancien" / "ombuigings-en-intensiveringslijst-maart2021.pdf").is_file(),
    reason="the 139-page O&I-lijst is read from ../shared/corpus, which is not present here",
)
def test_whole_oi_lijst_no_false_mismatch() -> None:
    checks = check_pdf(CORPUS / "nl-rijksfinancien" / "ombuigings-en-intensiveringslijst-maart2021.pdf", lang="nl")
    assert {c.page for c in checks} >= {27, 29, 96}
    assert not [c for c in checks if c.alarm]
    # Tabel 14 (page 48), read since round 25 with its rows whose names hold "procent" or "per km":
    # the 2026 Totaal, −1.134, is the sum with "Spitsheffing midden-Nederland" at +142, while the row
    # prints ‒ 142 there (and +142 in the years before). No slip's shape, so it is written as a doubt
    # for a person to look at, not an alarm; every other mismatch would be one
    (doubted,) = [c for c in checks if c.verdict is Verdict.MISMATCH]
    assert doubted.page == 48 and doubted.total.stated == "-1.134" and "Spitsheffing" in (doubted.doubt or "")


def test_rows_of_withheld_figures_stay_rows() -> None:
    # Australian Budget Paper 2 (tests/unseen/docs/engen-03.pdf, page 2): a measure whose figures are
    # all "nfp" (not for publication) neither breaks the table nor becomes its header
    checks = check_pdf(Path(__file__).parent / "unseen" / "docs" / "engen-03.pdf", pages=[2], all_pages=True)
    health = [c for c in checks if c.total_label == "Portfolio total" and c.total.stated == "59.5"]
    assert [(c.lane_label, [p.stated for p in c.parts], c.verdict) for c in health] == [
        ("2026-27 $m", ["59.1", "0.4", "-"], Verdict.CONSISTENT)]


def test_som_in_a_header_line_makes_the_page_tabular() -> None:
    # a provincial retail table (tests/unseen/docs/nlpub-03.pdf, page 2) has no total word but a
    # "Som niet-dagelijks" column, its header split over lines ("Overig Som"); its regional rows
    # ("Holland Rijnland" over three subregions) are then read and hold
    pdf = Path(__file__).parent / "unseen" / "docs" / "nlpub-03.pdf"
    assert looks_tabular(page_texts(pdf)[1])
    held = {c.total.stated for c in check_pdf(pdf, lang="nl") if c.page == 2 and c.total_label == "Holland Rijnland"}
    assert "18.050" in held
    # "som" in running text does not count
    assert not looks_tabular("Het kabinet trekt een flinke som geld uit voor de regio's in het land.\n" * 3)


@pytest.mark.skipif(
    not (CORPUS / "nl-rijksfinancien" / "ombuigings-en-intensiveringslijst-maart2021.pdf").is_file(),
    reason="the O&I-lijst is read from ../shared/corpus, which is not present here",
)
def test_a_column_of_years_has_no_group_heads() -> None:
    # O&I-lijst page 48: "Struc. in 2065" prints a year on every row; a year over the same year
    # below it is no group's amount
    pdf = CORPUS / "nl-rijksfinancien" / "ombuigings-en-intensiveringslijst-maart2021.pdf"
    checks = check_pdf(pdf, lang="nl", pages=[48], all_pages=True)
    assert not [c for c in checks if c.total.stated == "2065"]
