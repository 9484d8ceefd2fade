"""Properties of the grammar over generated figures, and of what extraction writes."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_document
from factcheck.extract.scan import scan
from factcheck.numbers import parse_figure

ROOT = Path(__file__).resolve().parent.parent


def dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def english(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=2101, max_value=10**12), cents=st.one_of(st.none(), st.integers(0, 99)))
def test_dutch_amounts_read_exactly(n: int, cents: int | None) -> None:
    printed = dutch(n) + (f",{cents:02d}" if cents is not None else "")
    text = f"De kosten bedragen €{printed} per jaar volgens de raming."
    found = [f for f in scan(text, "nl") if f.is_figure]
    expected = Fraction(n) + (Fraction(cents, 100) if cents is not None else 0)
    assert [(f.kind, f.value, f.unit) for f in found] == [("money", expected, "EUR / year")]


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=2101, max_value=10**12), hedge=st.sampled_from(["", "about ", "more than ", "nearly "]))
def test_english_counts_read_exactly(n: int, hedge: str) -> None:
    text = f"The agency processed {hedge}{english(n)} applications last year."
    found = [f for f in scan(text, "en") if f.is_figure]
    assert [(f.kind, f.value, f.unit) for f in found] == [("count", n, "application")]
    assert found[0].hedge.value == {"": "exact", "about ": "about", "more than ": "above", "nearly ": "below"}[hedge]


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(1, 999), tenth=st.integers(0, 9), scale=st.sampled_from(["miljoen", "miljard", "mln.", "mld."]))
def test_dutch_scale_words(whole: int, tenth: int, scale: str) -> None:
    text = f"Het kabinet trekt {whole},{tenth} {scale} euro uit voor de opvang."
    (f,) = [f for f in scan(text, "nl") if f.is_figure]
    factor = {"miljoen": 10**6, "mln.": 10**6, "miljard": 10**9, "mld.": 10**9}[scale]
    assert f.value == (Fraction(whole) + Fraction(tenth, 10)) * factor
    assert f.kind == "money"


@settings(max_examples=100, deadline=None)
@given(year=st.integers(1900, 2099))
def test_years_are_never_figures(year: int) -> None:
    for text in (f"In {year} stelde de IND vast dat", f"vanaf {year} is de besparing verwerkt", f"sinds 1 januari {year}"):
        assert [f for f in scan(text, "nl") if f.is_figure] == []


def test_every_stated_reads_back_to_its_value() -> None:
    """The checker reads `stated` with parse_figure; it must give the value extraction wrote."""
    sources = [ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"] + [
        ROOT / "tests" / "pdfs" / name for name in ("fichebundel-13.pdf", "fichebundel-85.pdf", "1_De_Koning.pdf", "labor.pdf")]
    for source in sources:
        doc = extract_document(source)
        for claim in doc.claims:
            figure = parse_figure(claim["stated"], doc.header["language"])
            assert figure.value == Fraction(claim["value"]), (source.name, claim["stated"])
            if "value_high" in claim:
                assert figure.value_high == Fraction(claim["value_high"])


_PIECES = st.sampled_from([
    "€", "$", " ", "\n", "\r\n", "\u00a0", "-", "–", "‒", "−", "(", ")", "%", ",", ".", "miljoen", "miljard", "mln.",
    "bijna", "ruim", "circa", "ca.", "op de", "tussen", "en", "tot en met", "per dag", "jaar", "Vraag (3):", "[1]",
    "artikel", "Tabel", "twee", "een derde", "tweemaal", "procent", "euro", "2024", "1.500", "30.343", "0,5", "7",
    "12 juni", "asielzoekers", "x", "€ 0", "9 out of 10", "million", "$1.2 billion", "'", "’", "/", "§",
])


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=40), language=st.sampled_from(["nl", "en"]))
def test_scan_never_fails_and_offsets_hold(pieces: list[str], language: str) -> None:
    text = "".join(pieces)
    for found in scan(text, language):
        assert 0 <= found.start < found.end <= len(text)
        if found.is_figure:
            assert found.value is not None
            assert " ".join(text[found.start:found.end].split()) == found.stated


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), language=st.sampled_from(["nl", "en"]))
def test_scan_survives_any_text(text: str, language: str) -> None:
    scan(text, language)
