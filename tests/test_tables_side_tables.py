"""Tables set side by side on one page are read apart; a chart's axis is no table.

enamr-01 (development half of tests/unseen): the IMF's Quarterly Report on IMF Finances, quarter
ended January 31, 2024. Page 4 prints the Fixed-Income Subaccount (Amount and Percent at two
dates) beside the Endowment Subaccount, their rows on the same baselines; page 4 and page 8 also
print charts whose value axes are columns of round figures stepping down to a dash.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.model import Verdict
from factcheck.sources.pdf_layout import PageWords, Word, iter_page_words
from factcheck.tables import TableCheck, check_pdf
from factcheck.tables.side_tables import split_side_tables

DOCS = Path(__file__).parent / "unseen" / "docs"
PDF = DOCS / "enamr-01.pdf"


@pytest.fixture(scope="module")
def imf() -> list[TableCheck]:
    return check_pdf(PDF, lang="en", pages=[4, 8], all_pages=True)


def _rows(checks: list[TableCheck], page: int) -> list[tuple[str, str, list[str], Verdict]]:
    return [(c.total_label, c.total.stated, [p.stated for p in c.parts], c.verdict) for c in checks
            if c.page == page and c.total.stated[-1:] != "%"]


def test_the_left_table_is_read_beside_the_right_one(imf: list[TableCheck]) -> None:
    rows = _rows(imf, 4)
    assert ("Total at fair value", "23,164", ["2,050", "13,456", "5,107", "1,019", "1,477", "55"],
            Verdict.CONSISTENT) in rows
    assert ("Total investments", "24,673", ["23,164", "1,509"], Verdict.CONSISTENT) in rows
    assert ("Net asset value", "24,422", ["24,673", "(251)"], Verdict.CONSISTENT) in rows
    # the right table keeps its ten rows, and its own net asset value
    assert ("Total investments at fair value", "6,467",
            ["1,012", "1,097", "645", "1,809", "94", "656", "711", "190", "233", "20"], Verdict.CONSISTENT) in rows
    assert ("Net asset value", "6,857", ["6,467", "390"], Verdict.CONSISTENT) in rows
    assert not [c for c in imf if c.alarm]


def test_the_left_tables_percent_column_is_taken_of_its_own_total(imf: list[TableCheck]) -> None:
    shares = {(c.total.stated, tuple(p.stated for p in c.parts)) for c in imf if c.page == 4}
    # 13,456 / 24,673 = 54.5 %, printed 55 %: over Total investments (100 %), not over the
    # other table's total
    assert ("55%", ("13,456", "24,673")) in shares
    assert ("28%", ("1,809", "6,467")) in shares


def test_no_total_is_read_from_a_charts_axis(imf: list[TableCheck]) -> None:
    # "30,000  25,000 ... 5,000  -" beside the NAV chart, "55,000 ... 5,000  -" twice on page 8:
    # 15,000 = 10,000 + 5,000 + 0 holds by construction and says nothing
    assert not [c for c in imf if not c.total_label.strip()]
    assert "15,000" not in {c.total.stated for c in imf}


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + 8, 8)


def _page(rows: list[list[tuple[str, float]]]) -> PageWords:
    words = [_word(t, x, 100 + 14 * k) for k, row in enumerate(rows) for t, x in row]
    words += [_word("filler", 50 + 40 * i, 700) for i in range(10)]
    return PageWords(1, 600, 800, tuple(words))


def test_a_code_before_the_labels_makes_no_second_table() -> None:
    # bmh-14 (corpus, nl-rijksfinancien) p102: "BHOS  4.1  Humanitaire hulp  380  370  370 ..."
    # (begroting, article, regeling, six years): one figure left of the labels against six
    rows = [[("BHOS", 40), ("4.1", 90), ("Humanitaire", 160), ("hulp", 220), ("380", 330), ("370", 370), ("370", 410)],
            [("BHOS", 40), ("4.2", 90), ("migratiesamenwerking", 160), ("172", 330), ("162", 370), ("162", 410)],
            [("JenV", 40), ("37", 90), ("Migratie", 160), ("1.299", 330), ("1.278", 370), ("1.187", 410)]]
    assert split_side_tables(_page(rows)) is None
    # labels and a figure each side, the right labels starting at one place: two tables
    sides = [[("Inventaris", 40), ("4.652", 150), ("Humanitaire", 220), ("hulp", 280), ("380", 400)],
             [("Kas", 40), ("4.064", 150), ("Migratie", 220), ("172", 400)],
             [("Totaal", 40), ("8.716", 150), ("Opvang", 220), ("1.299", 400)]]
    pieces = split_side_tables(_page(sides))
    assert pieces is not None
    assert [w.text for w in pieces[1].words] == ["Humanitaire", "hulp", "380", "Migratie", "172", "Opvang", "1.299"]
    assert "4.652" in [w.text for w in pieces[0].words]


def test_names_with_footnote_marks_make_no_second_table() -> None:
    # nlrap-01 (development half) p4, "Tabel 3: Vergoeding bestuursleden": "L.J.H. Ceelen¹
    # Voorzitter (werkgever)  130.768  95.298": the mark after a name is no figure column
    page = next(iter_page_words(DOCS / "nlrap-01.pdf", [4], engine="pdfium"))
    assert split_side_tables(page) is None
