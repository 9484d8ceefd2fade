"""English pages that group thousands with a plain space (South Africa's parliamentary committee
reports, tests/unseen/docs/enlat-01.pdf and enlat-03.pdf, dev excerpts), and "N or P percent",
a count and the share it is."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.extract import extract_document
from factcheck.extract.scan import get_scanner, spaced_thousands

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_a_page_shows_its_grouping_by_an_amount_that_cannot_be_two_figures() -> None:
    assert spaced_thousands("an amount of R18 697.71 was paid in interest")
    assert spaced_thousands("Total Vote 31 R 3 854.8 billion")
    # two figures side by side, or a page that groups with commas, are no evidence
    assert not spaced_thousands("Programme 5: 16 11 (68.8%) 5")
    assert not spaced_thousands("in 2024 100 people; R18 697.71 and R1,250")


def test_space_grouped_amounts_are_one_figure_on_such_a_page() -> None:
    doc = extract_document(DOCS / "enlat-01.pdf")
    by_text = {(c["stated"], c["where"]["page"]): c for c in doc.claims}
    paid = by_text["R18 697.71", 4]
    assert (Fraction(paid["value"]), paid["unit"]) == (Fraction(1869771, 100), "ZAR")
    assert "697.71" not in {c["stated"] for c in doc.claims}


def test_a_count_before_or_and_a_percentage_is_the_count() -> None:
    found = get_scanner("en").scan("The Department achieved 52 or 75 percent and fell short by 17 targets.")
    assert [(f.stated, f.kind) for f in found if f.kind in ("count", "percent")] == [
        ("52", "count"), ("75 percent", "percent"), ("17", "count")]
    # close alternatives in rising order still share the sign
    found = get_scanner("en").scan("a rise of 2 or 3 percent")
    assert [f.kind for f in found] == ["percent", "percent"]


def test_a_number_in_words_and_again_in_digits_is_one_count(tmp_path: Path) -> None:
    # enlat-01 (dev), page 6: "Of the 6 terminations, one (1) was in senior management, two (2) …"
    found = get_scanner("en").scan("MHSC had eleven (11) planned output indicators, ten (10) or 91 percent were achieved.")
    assert [(f.stated, f.kind, f.value) for f in found if f.kind == "count"] == [
        ("eleven (11)", "count", Fraction(11)), ("ten (10)", "count", Fraction(10))]
    assert not [f for f in found if f.kind == "label"]  # the digits in brackets are no list marks
    # digits that disagree with the words are not the same number
    assert [f.stated for f in get_scanner("en").scan("two (3) items") if f.kind == "count"] == []
    # and `check` reads back what `extract` writes
    from factcheck.engine import check_paths
    from factcheck.extract_cli import main

    out = tmp_path / "claims"
    assert main([str(DOCS / "enlat-01.pdf"), "-o", str(out), "--no-progress"]) == 0
    assert "one (1)" in (out / "enlat-01.yaml").read_text(encoding="utf-8")
    assert not [d for d in check_paths([out]).diagnostics if d.code.startswith("FC1")]


def test_space_grouped_figures_in_prose_are_not_a_table_row() -> None:
    # enlat-01 (dev), page 4: "The Department planned 1 080 but only managed to test 566 due to
    # delayed appointment …" read as two numbers side by side made the lines a table region
    doc = extract_document(DOCS / "enlat-01.pdf")
    by_text = {c["stated"]: c for c in doc.claims if c["where"]["page"] == 4}
    assert by_text["1 080"]["value"] == "1080" and by_text["12 709"]["value"] == "12709"
    assert by_text["566"].get("unit") is None  # "due to" is no noun


def test_a_compound_amount_is_one_figure(tmp_path: Path) -> None:
    # Nepal's budget speech 2024/25 in English (enind-01, dev): "Rs. 1 trillion 530 billion 350
    # million", its parts read before as three figures, whose pieces made nonsense shares
    found = get_scanner("en").scan("The revised total public expenditure is estimated to be Rs. 1 trillion "
                                   "530 billion 350 million, and Rs. 234 billion 730 million as grants.")
    money = [(f.stated, f.value) for f in found if f.kind == "money"]
    assert money == [("Rs. 1 trillion 530 billion 350 million", Fraction(1_530_350_000_000)),
                     ("Rs. 234 billion 730 million", Fraction(234_730_000_000))]
    # a larger scale after a smaller one is another amount ("215 billion 300 billion", a slip)
    assert [f.stated for f in get_scanner("en").scan("Rs. 215 billion 300 billion") if f.kind == "money"] == [
        "Rs. 215 billion"]
    from factcheck.engine import check_paths
    from factcheck.extract_cli import main

    out = tmp_path / "claims"
    assert main([str(DOCS / "enind-01.pdf"), "-o", str(out), "--no-progress"]) == 0
    text = (out / "enind-01.yaml").read_text(encoding="utf-8")
    assert 'stated: "Rs. 1 trillion 140 billion 660 million"' in text
    assert not [d for d in check_paths([out]).diagnostics if d.code.startswith("FC1")]
