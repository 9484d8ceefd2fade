"""A Dutch university's annual report (dev excerpt enkjt-01, Universiteit Twente 2014): a table
headed "(M€)" under a heading that names both "baten" and "lasten", and the prose right under it."""

from __future__ import annotations

from pathlib import Path

from factcheck.extract.context import Sentences
from factcheck.model import Verdict
from factcheck.sources.pdf_text import page_plain_texts
from factcheck.tables.scale import find_scale
from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_a_heading_naming_baten_and_lasten_in_prose_is_no_pair_of_accounts_side_by_side() -> None:
    # "Ontwikkeling baten en lasten (incl. financiële baten en lasten)" is a heading in running
    # text, its words one space apart: the page is not cut in two, so the table keeps its labels
    checks = checks_by_label(DOCS / "enkjt-01.pdf", [3], lang="nl")
    total = [c for c in checks["Totaal van de baten"] if c.total.stated == "314,5"]
    assert len(total) == 1 and total[0].verdict is Verdict.CONSISTENT
    assert [p.label for p in total[0].parts][:2] == ["3.1 Rijksbijdrage", "3.3 Collegegelden"]
    assert total[0].multiplier == 1_000_000 and total[0].unit == "EUR"


def test_a_magnitude_letter_glued_to_the_currency_sign_is_the_tables_scale() -> None:
    for header, factor, unit in (("Ontwikkeling baten (M€ )", 10**6, "EUR"), ("in k€", 10**3, "EUR"),
                                 ("Revenue (€m)", 10**6, "EUR"), ("Costs ($M)", 10**6, "USD")):
        scale = find_scale([header])
        assert scale is not None and (scale.multiplier, scale.unit) == (factor, unit)
    assert find_scale(["The M-class vessel"]) is None and find_scale(["10 m€"]) is None


def test_a_sentence_under_a_table_starts_after_its_rows_and_ends_at_its_full_stop() -> None:
    text = page_plain_texts(DOCS / "enkjt-01.pdf")[2]
    at = text.index("€ 2,2 miljoen")
    start, end = Sentences(text).bounds(at, at + 13)
    assert text[start:end].startswith("In het jaar 2014 is de Rijksbijdrage met")
    # a sentence that runs on to the next line after its figure keeps that line (enrdw-01 p. 8)
    text = page_plain_texts(DOCS / "enrdw-01.pdf")[7]
    at = text.index("3.6%")
    start, end = Sentences(text).bounds(at, at + 4)
    assert text[start:end].endswith("2014-15 adopted budget.")
    # a figure in a table row keeps its two lines, not the prose below the table
    at = text.index("103,098,627")
    start, end = Sentences(text).bounds(at, at + 11)
    assert "BUDGET HIGHLIGHTS" not in text[start:end]
