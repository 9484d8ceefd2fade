"""Score cards read as a score and the components it adds up (factcheck.tables.scores), on an
index's profile pages (tests/unseen/docs/enint-01.pdf, a dev excerpt)."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.sources.pdf_layout import page_texts
from factcheck.sources.tabular import looks_tabular
from factcheck.tables import check_pdf

PDF = Path(__file__).parent / "unseen" / "docs" / "enint-01.pdf"


def test_score_is_the_sum_of_its_components() -> None:
    checks = check_pdf(PDF, lang="en")
    by_page = {c.page: c for c in checks if c.total_label == "SCORE"}
    assert sorted(by_page) == [1, 2, 3, 4, 5, 6]
    first = by_page[1]
    # "POSITION: 4 / 45" beside the score is a rank, not a component: the maxima 15+25+20+20+20 = 100
    assert first.total.stated == "88.4"
    assert sorted(p.stated for p in first.parts) == ["13.7", "15.7", "17.6", "19.8", "21.5"]
    assert first.verdict is Verdict.ROUNDING  # the components add up to 88.3
    assert {p.label for p in first.parts} >= {"Finance and budgets", "Performance"}
    # 98.6 over components adding up to 98.3: within what rounding five one-decimal parts and
    # the score itself allow (the intervals touch), so no alarm
    assert by_page[2].verdict is Verdict.ROUNDING


def test_score_card_page_is_read() -> None:
    # an infographic: no total word, no table body, but a score and fractions
    assert looks_tabular(page_texts(PDF)[1])
    assert not looks_tabular("Score: 7 out of 10 in the survey.\nThe panel met on 3/4 and 5/6.\n")
