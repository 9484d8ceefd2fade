"""The fast word source (pdfium) gives the table checker the same checks as pdfplumber's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.tables import check_pdf

PDFS = Path(__file__).parent / "pdfs"
FIXTURES = sorted(p for p in PDFS.glob("*.pdf") if "encrypted" not in p.name)


def _checks(path: Path, engine: str) -> list[tuple[object, ...]]:
    # Values, places and verdicts must agree; the printed text may differ by a stray space that
    # pdfplumber keeps in a broken text layer ("1,396 .4" against pdfium's "1,396.4").
    return sorted(
        (c.page, c.table, c.orientation, c.total_label, c.total.value, c.total.row, c.total.col,
         c.verdict.value, tuple(p.value for p in c.parts), c.difference)
        for c in check_pdf(path, engine=engine)
    )


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_pdfium_words_give_the_same_checks(path: Path) -> None:
    assert _checks(path, "pdfium") == _checks(path, "pdfplumber")


def test_a_generated_space_between_digits_does_not_split_a_number() -> None:
    # pdfium puts a generated space between "98" and "452" in this NICS table; pdfplumber reads 98452.
    from factcheck.sources.pdf_text import page_words

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "us-gov-tables" / "background-checks.pdf"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not present (the shared corpus sits beside the repository in CI)")
    ((_, _, _, words),) = list(page_words(corpus, [1]))
    texts = [w[0] for w in words]
    assert "98452" in texts and "452" not in texts
