"""A long sentence is quoted in pieces, each figure with the piece it stands in (factcheck.extract.context)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from factcheck.discover import discover
from factcheck.extract import extract_document
from factcheck.extract.context import quote

DOCS = Path(__file__).parent / "unseen" / "docs"


@lru_cache(maxsize=None)
def _extracted(name: str) -> tuple[list[dict], list[dict]]:
    doc = extract_document(DOCS / name)
    return doc.claims, discover(doc.claims, doc.header.get("language", "nl"), repeats=False)


def test_a_figure_late_in_a_long_sentence_is_quoted_where_it_stands() -> None:
    # a foundation's report: one "sentence" lists its costs ("• Online hosting …: €9.08 x 12 = €108.90;
    # • SSL certificates … ◦ epfo.eu: €1.01 x 12 = €12.10; …") far past the quote's length
    claims, _ = _extracted("eneur-03.pdf")
    late = [c for c in claims if c["stated"] == "€12.10"]
    assert late and all("€1.01 x 12 = €12.10" in c["quote"] for c in late)
    assert all(c["quote"].startswith("… ") for c in late)
    # the sentence's first figures keep the quote a long sentence always had
    first = next(c for c in claims if c["stated"] == "€108.90")
    assert first["quote"].startswith("• Online hosting") and first["quote"].endswith(" …")


def test_the_equations_of_a_long_sentence_are_read() -> None:
    _, found = _extracted("eneur-03.pdf")
    assert [c for c in found if c["stated"] == "€12.10" and c["evidence"]["wording"] == "="]


def test_quote_pieces_cover_the_sentence() -> None:
    text = " ".join(f"item{i} costs €{i},00;" for i in range(60))
    pieces = {quote(text, 0, len(text), limit=120, at=text.index(f"item{i} ")) for i in range(60)}
    assert all(len(p) <= 120 + 4 for p in pieces)
    bare = [p.removeprefix("… ").removesuffix(" …") for p in pieces]
    assert len(bare) > 1 and " ".join(sorted(bare, key=text.find)).split() == text.split()
    assert quote(text, 0, len(text), limit=120) == quote(text, 0, len(text), limit=120, at=0)
    assert quote("short sentence €5", 0, 17, at=15) == "short sentence €5"
