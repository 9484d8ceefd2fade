"""Tables that run over a page break: the parts on one page, the rest and the total on the next.

The real case is the monthly summary of the California WARN report (corpus us-gov-tables, pages
15-16, cut into tests/pdfs): July and August 2015 stand at the foot of page 15, September to
March and the Total row at the top of page 16. The rules for joining are tested on pages built
word by word, where each rule can be switched off on its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.model import Verdict
from factcheck.sources.pdf_layout import PageWords, Word
from factcheck.tables import check_pages, check_pdf, checks_to_claims, find_page_tables
from factcheck.tables.detect import find_tables

PDFS = Path(__file__).parent / "pdfs"
WARN = PDFS / "ca_warn_summary_continued.pdf"


def test_a_total_at_the_top_of_a_page_reaches_the_parts_on_the_page_before() -> None:
    checks = check_pdf(WARN)
    assert len(checks) == 8 and all(c.verdict is Verdict.CONSISTENT for c in checks)
    assert {(c.page, c.table, c.total_label, c.pages) for c in checks} == {(2, 1, "Total", (1, 2))}
    notices = next(c for c in checks if c.lane_label == "Notices")
    assert notices.total.stated == "632"
    assert [p.stated for p in notices.parts] == ["71", "69", "76", "71", "41", "69", "85", "92", "58"]
    assert [(p.page, p.table, p.row) for p in notices.parts[:3]] == [(1, 2, 1), (1, 2, 2), (2, 1, 1)]
    employees = next(c for c in checks if c.lane_label == "Employees Affected")
    assert employees.total.stated == "53,454" and employees.total.value == 53454


def test_page_by_page_the_same_total_stays_silent() -> None:
    # what each page alone gives: seven of nine parts for 632 in every column is not understood
    found = find_page_tables(WARN, all_pages=True)
    assert check_pages({2: found[2]}) == []
    assert len(check_pages(found)) == 8


def test_the_page_before_is_read_when_only_the_total_page_looks_tabular() -> None:
    # page 1 has no total word, so the cheap page filter skips it; the table at the top of page 2
    # with a Total in it has it read after all
    checks = check_pdf(WARN, pages=[2])
    assert len(checks) == 8 and {c.pages for c in checks} == {(1, 2)}


def test_claims_of_a_continued_table_name_each_cells_own_page() -> None:
    claims = checks_to_claims(check_pdf(WARN))
    ids = [str(c["id"]) for c in claims]
    assert len(ids) == len(set(ids)) == 8 * 10
    for claim in claims:
        page, table, row, col = map(int, re.fullmatch(r"t(\d+)_(\d+)_r(\d+)_c(\d+)", str(claim["id"])).groups())
        where = claim["where"]
        assert (where["page"], where["table"], where["row"], where["col"]) == (page, table, row, col)
    (total,) = [c for c in claims if c["id"] == "t2_1_r8_c1"]
    assert total["stated"] == "632"
    assert str(total["expr"]).startswith("sum(t1_2_r1_c1, t1_2_r2_c1, t2_1_r1_c1, ")
    assert "pages 1–2" in str(total["evidence"])
    july = next(c for c in claims if c["id"] == "t1_2_r1_c1")
    assert july["where"]["page"] == 1 and july["where"]["bbox"][1] > 500  # at the foot of page 1


# ---------------------------------------------------------------- the rules, on pages built by hand

SIZE = 9.0
HEIGHT = 842.0
RIGHT = (300.0, 360.0, 420.0)  # right edges of the three value columns


def _words(top: float, label: str, values: list[str], right: tuple[float, ...] = RIGHT) -> list[Word]:
    out = []
    x = 60.0
    for w in label.split():
        out.append(Word(w, x, x + 5 * len(w), top, top + SIZE, SIZE))
        x += 5 * len(w) + 2.5
    for v, x1 in zip(values, right[len(right) - len(values):]):
        out.append(Word(v, x1 - 5 * len(v), x1, top, top + SIZE, SIZE))
    return out


def _page(number: int, lines: list[tuple[float, str, list[str]]], right: tuple[float, ...] = RIGHT) -> PageWords:
    words = [Word("Rijksbegroting", 60, 130, 30, 39, SIZE), Word(str(number), 500, 510, 810, 819, SIZE)]
    for top, label, values in lines:
        words.extend(_words(top, label, values, right))
    return PageWords(number, 595.0, HEIGHT, tuple(words))


def _first(caption: str = "Tabel 7 Uitgaven (bedragen in miljoen euro)", closing: bool = False) -> PageWords:
    """A table at the foot of page 1: caption, years, six rows down to the bottom margin."""
    lines = [(540.0, caption, []), (556.0, "", ["2023", "2024", "2025"])]
    for i in range(6):
        lines.append((575.0 + 14 * i, f"Post {i + 1}", ["100", "200", "300"]))
    if closing:
        lines.append((575.0 + 14 * 6, "Totaal", ["600", "1.200", "1.800"]))
    return _page(1, lines)


def _second(rows: list[tuple[str, list[str]]], caption: str | None = None, top: float = 60.0,
            right: tuple[float, ...] = RIGHT) -> PageWords:
    lines = [(top - 20, caption, [])] if caption else []
    lines += [(top + 14 * i, label, values) for i, (label, values) in enumerate(rows)]
    return _page(2, lines, right)


REST = [("Post 7", ["10", "20", "30"]), ("Post 8", ["5", "5", "5"]), ("Totaal", ["615", "1.225", "1.835"])]


def _check(*pages: PageWords) -> list:
    return check_pages({p.number: find_tables(p, "nl") for p in pages})


def test_a_table_and_its_continuation_are_checked_as_one() -> None:
    checks = _check(_first(), _second(REST))
    assert [c.verdict for c in checks] == [Verdict.CONSISTENT] * 3
    assert {c.pages for c in checks} == {(1, 2)} and len(checks[0].parts) == 8
    assert checks[0].title == "Tabel 7 Uitgaven (bedragen in miljoen euro)" and checks[0].multiplier == 1_000_000


def test_a_repeated_caption_with_vervolg_continues_the_table() -> None:
    checks = _check(_first(), _second(REST, caption="Tabel 7 Uitgaven (bedragen in miljoen euro) (vervolg)"))
    assert {c.pages for c in checks} == {(1, 2)} and all(c.verdict is Verdict.CONSISTENT for c in checks)


def test_a_table_under_its_own_caption_is_a_new_table() -> None:
    assert _check(_first(), _second(REST, caption="Tabel 8 Ontvangsten")) == []


def test_a_table_closed_by_its_total_is_not_continued() -> None:
    # read on, the 615 at the top of page 2 would add up (600 + 10 + 5), but the table on page 1
    # ended in its Totaal: what follows is not known to belong to it
    checks = _check(_first(closing=True), _second(REST))
    assert {(c.page, c.total_label, c.pages, c.verdict) for c in checks} == {(1, "Totaal", (), Verdict.CONSISTENT)}


def test_other_columns_are_another_table() -> None:
    assert _check(_first(), _second(REST, right=(280.0, 340.0, 400.0))) == []


def test_a_table_lower_on_the_page_is_not_a_continuation() -> None:
    # under white space, a third of the way down the page: not where a continued table resumes
    assert _check(_first(), _second(REST, top=300.0)) == []


def test_a_join_never_turns_a_total_that_adds_up_into_one_that_does_not() -> None:
    # the next page starts, without caption, with parts and a total that add up on their own:
    # read with the six rows before them they would not, so the pages stay apart
    rest = [("Post 7", ["10", "20", "30"]), ("Post 8", ["5", "5", "5"]), ("Totaal", ["15", "25", "35"])]
    checks = _check(_first(), _second(rest))
    assert [c.verdict for c in checks] == [Verdict.CONSISTENT] * 3
    assert all(c.pages == () and c.page == 2 and len(c.parts) == 2 for c in checks)


def test_a_real_error_in_a_continued_table_is_found() -> None:
    rest = REST[:-1] + [("Totaal", ["615", "1.225", "1.935"])]  # 2025: 1.835 printed as 1.935
    checks = {c.lane_label: c for c in _check(_first(), _second(rest))}
    assert checks["2023"].verdict is Verdict.CONSISTENT and checks["2024"].verdict is Verdict.CONSISTENT
    assert checks["2025"].verdict is Verdict.MISMATCH and checks["2025"].difference == 100
    assert checks["2025"].pages == (1, 2)


@pytest.mark.parametrize("pages", [(1,), (2,)])
def test_one_page_missing_joins_nothing(pages: tuple[int, ...]) -> None:
    built = {1: _first(), 2: _second(REST)}
    found = {n: find_tables(built[n], "nl") for n in pages}
    assert all(c.pages == () for c in check_pages(found))


def test_a_change_column_read_otherwise_over_both_pages_does_not_keep_the_pages_apart() -> None:
    # Pennsylvania 2015-16 tracking run: the Judiciary Subtotal on page 4 closes a row printed at
    # the foot of page 3 ("$1,118"); the row-by-row "$ Change" reading of one row is not made again
    # over both pages, which used to keep the pages apart and the Subtotal in doubt
    docs = Path(__file__).parent / "unseen" / "docs"
    checks = [c for c in check_pdf(docs / "enus-02.pdf", lang="en") if c.page == 4]
    subtotal = [c for c in checks if c.total.stated == "$36,900"]
    assert len(subtotal) == 2 and all(c.verdict is Verdict.CONSISTENT for c in subtotal)
    assert [p.stated for p in subtotal[0].parts] == ["$1,118", "34,407", "1,375"]
    # "Judiciary Total" ends its label: the headings under it ("Legislature", "Senate") start the next block
    assert {c.total_label for c in checks if c.total.stated == "$317,432"} == {"Judiciary Total"}


def test_a_schedule_under_the_same_title_block_on_every_page_is_one_table() -> None:
    # Town of Colchester, adopted revenues FY 2008-2009: every page repeats "TOWN OF COLCHESTER /
    # ADOPTED REVENUES & COMPARISON" and the column heads over its rows, ends above the foot of the
    # page and with a section total; the grand TOTAL on page 4 adds the section totals of pages 2-4
    docs = Path(__file__).parent / "unseen" / "docs"
    checks = [c for c in check_pdf(docs / "enus-04.pdf", lang="en") if c.page == 4 and c.total_label == "TOTAL"]
    first = next(c for c in checks if c.total.stated == "46,940,735")
    assert first.verdict is Verdict.CONSISTENT
    assert [p.stated for p in first.parts] == ["28,923,875", "468,824", "15,119,594", "439,500", "756,310",
                                               "552,632", "680,000"]
    assert {p.page for p in first.parts} == {2, 3, 4}


def test_one_row_at_the_foot_of_a_page_starts_the_table_that_runs_on() -> None:
    # Nigeria's 2026 Appropriation Bill schedule: "PART I - OTHERS" starts under the closing total
    # of Part H with one row at the foot of page 2 ("23 DEVELOPMENT LEVY 1,899,517,808,898"); its
    # other rows and "TOTAL - OTHERS" stand on page 3
    docs = Path(__file__).parent / "unseen" / "docs"
    (others,) = [c for c in check_pdf(docs / "enworld-03.pdf", lang="en") if c.total_label == "TOTAL - OTHERS"]
    assert others.verdict is Verdict.CONSISTENT and others.doubt is None
    assert [p.stated for p in others.parts if p.value] == ["1,899,517,808,898", "22,679,465,942", "65,054,483,752"]


def test_notes_set_among_the_rows_do_not_end_the_table_and_percent_columns_do_not_block_subtotals() -> None:
    # Pennsylvania 2015-16 tracking run: notes starting with stars ("* Net of restricted account /
    # transfer" beside the figures, "** Basic Education appropriation combines ...") stand between
    # a Subtotal and the next university's rows; the Education Total on page 2 adds the subtotals
    # of both pages. Its "% Change" column does not add up, and need not for the subtotals reading
    docs = Path(__file__).parent / "unseen" / "docs"
    (table,) = find_page_tables(docs / "enus-02.pdf", "en", pages=[1], all_pages=True)[1]
    assert table.rows[-1].label == "Subtotal" and table.rows[-1].cells[0].text == "$231,694"
    education = [c for c in check_pdf(docs / "enus-02.pdf", lang="en") if c.total_label == "Education Total"]
    assert len(education) == 3 and all(c.verdict is Verdict.CONSISTENT for c in education)
    assert [p.stated for p in education[0].parts] == ["$10,617,715", "$231,694", "$136,293", "$139,917", "$13,163"]


def test_a_title_block_marked_concluded_goes_on_with_the_table_of_the_page_before() -> None:
    # Barbados Appropriation Bill 2022, Schedule: "ABSTRACTS OF THE APPROPRIATION GRANTS" ends
    # two thirds down its page; the next page prints "Schedule - (Concl'd)" and the title again
    from factcheck.tables.continued import _marked_continuation, continues

    found = find_page_tables(Path(__file__).parent / "unseen" / "docs" / "enfin-01.pdf", "en", pages=[3, 4], all_pages=True)
    (first,), (second,) = found[3], found[4]
    assert not first.ends_page and not second.starts_page
    assert _marked_continuation(first.top_text, second.top_text)
    assert not _marked_continuation(first.top_text, "L.R.O. Schedule - (Concl'd) ESTIMATES OF REVENUE")
    assert continues(first, second, repeated=True)


def test_a_title_block_that_reads_its_column_heads_otherwise_still_repeats() -> None:
    # A Massachusetts town's Table of Estimate Appropriations (tests/unseen/docs/enwld-03.pdf, a
    # development excerpt): the Engineer group closes page 6, and the Public Works vote total on
    # page 7 adds it to the groups of page 7. Page 6 reads its column heads ("BUDGET EXPENDED ...")
    # as part of the title block, page 7 as the table's header, so the two title blocks differ
    # in their tail: one is the start of the other, and the table goes on.
    doc = Path(__file__).parent / "unseen" / "docs" / "enwld-03.pdf"
    found = find_page_tables(doc, pages=[6, 7])
    assert found[6][-1].top_text != found[7][0].top_text
    vote = next(c for c in check_pages(found) if c.total.stated == "5,545,126")
    assert vote.verdict is Verdict.CONSISTENT
    assert [(p.page, p.stated) for p in vote.parts] == [
        (6, "210,559"), (7, "1,896,988"), (7, "105,000"), (7, "2,840,038"), (7, "0"), (7, "492,541")]


def test_a_title_block_shorter_than_a_running_title_does_not_join() -> None:
    from factcheck.tables.continued import _same_title_block
    from factcheck.tables.settings import DEFAULT_SETTINGS

    least = DEFAULT_SETTINGS.continued_title_words
    assert _same_title_block("TABLE OF ESTIMATE APPROPRIATIONS ITEM", "TABLE OF ESTIMATE APPROPRIATIONS ITEM BUDGET", least)
    assert not _same_title_block("$ CHANGE", "$ CHANGE ITEM DESCRIPTION", least)  # too short to be a title
    assert not _same_title_block("Table 3 Revenue by source", "Table 4 Spending by function", least)
