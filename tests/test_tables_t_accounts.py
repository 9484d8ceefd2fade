"""Accounts set side by side ("lasten | baten", "activa | passiva"): each side is a table.

nlvla-01 (development half of tests/unseen): a Dutch foundation's financial report 2024, its
income statement printed as charges left and income right, the totals of both sides on one line.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.sources.pdf_layout import PageWords, Word
from factcheck.tables import check_pdf
from factcheck.tables.t_accounts import split_sides

PDF = Path(__file__).parent / "unseen" / "docs" / "nlvla-01.pdf"


def test_each_side_of_an_income_statement_adds_up_on_its_own() -> None:
    checks = {c.total.stated: c for c in check_pdf(PDF, lang="nl", pages=[3], all_pages=True)}
    charges = checks["€27.609"]
    assert charges.total_label == "Totaal" and charges.verdict is Verdict.CONSISTENT
    assert [p.stated for p in charges.parts] == ["€2.295", "€7.200", "€6.973", "€6.469", "€3.767", "€532", "€373"]
    # the charges' total and the result make the side's "Totalen", a euro off by rounding
    side = checks["€28.080"]
    assert [p.stated for p in side.parts] == ["€27.609", "€470"] and side.verdict is Verdict.ROUNDING
    assert not [c for c in checks.values() if c.alarm]


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 6 * len(text), top, top + 10, 10)


def test_a_page_is_cut_only_where_the_right_side_prints_labels_after_figures() -> None:
    rows = [("activa", 50, 100), ("passiva", 300, 100),
            ("Inventaris", 50, 120), ("4.652", 200, 120), ("Vermogen", 300, 120), ("8.716", 450, 120),
            ("Kas", 50, 135), ("4.064", 200, 135), ("Schulden", 300, 135), ("0", 450, 135)]
    page = PageWords(1, 600, 800, tuple(_word(t, x, y) for t, x, y in rows))
    sides = split_sides(page)
    assert sides is not None
    assert [w.text for w in sides[1].words] == ["passiva", "Vermogen", "8.716", "Schulden", "0"]
    # a heading that merely names both ("Activa en passiva") over one table is no T-account
    heading = [("Activa", 50, 100), ("en", 100, 100), ("passiva", 120, 100)]
    one = PageWords(1, 600, 800, tuple(_word(t, x, y) for t, x, y in heading + [r for r in rows if r[1] < 300][2:]))
    assert split_sides(one) is None
    # nor does a right-hand word with figures but no labels after them
    bare = [r for r in rows if r[0] not in ("Vermogen", "Schulden")]
    assert split_sides(PageWords(1, 600, 800, tuple(_word(t, x, y) for t, x, y in bare))) is None


def test_a_result_under_costs_then_income_is_income_less_costs() -> None:
    # nlvla-03 (development half): "Totaal Lasten" before "Totaal Baten", then "Saldo" (page 1,
    # totals in an outer column beside their rows); "Totaal kosten", "Totaal opbrengsten", "Winst"
    # (page 3)
    pdf = PDF.with_name("nlvla-03.pdf")
    checks = check_pdf(pdf, lang="nl", pages=[1, 3], all_pages=True)
    saldo = [c for c in checks if c.total_label in ("Saldo", "Winst")]
    assert [(c.page, c.total.stated) for c in saldo] == [
        (1, "-11.000"), (1, "31.003"), (3, "-11.000"), (3, "31.003"), (3, "-14.500")]
    assert all(c.verdict is Verdict.CONSISTENT and [p.sign for p in c.parts] == [1, -1] for c in saldo)
    assert [p.stated for p in saldo[0].parts] == ["91.100", "102.100"]
