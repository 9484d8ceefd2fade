"""General figure rules made from the first look at a fresh development sample (dev9, 80 figures of
every development document): an inch mark is no closing quotation mark, a range keeps both ends when
its scale is printed once after number words ("drie à vier miljoen euro") or at both ends ("van 0,25
miljoen tot 1,9 miljoen euro per jaar"), an amount's per-tail may stand in its subject ("De kosten per
deelnemer zijn 113 euro"), a Dutch participle without ge- is no counted noun, and a page number in the
page's foot is one wherever the text layer puts its line."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.extract.pipeline import extract_document
from factcheck.extract.scan import scan

DOCS = Path(__file__).resolve().parent / "unseen" / "docs"


def figures(text: str, language: str) -> list[tuple[str, object, object, str | None]]:
    return [(f.stated, f.value, f.value_high, f.unit) for f in scan(text, language) if f.is_figure]


def test_an_inch_mark_is_a_unit_not_a_closing_quote() -> None:
    # engrn-01: a school's materials list
    assert figures('Small Mirrors (3" x 5pc)', "en")[0] == ("3", 3, None, "inch")
    # as the page's text layer has it
    assert figures('Small\t\r \xa0Mirrors\t\r \xa0(3"\t\r \xa0x\t\r \xa05pc)\r\n', "en")[0][3] == "inch"
    # a quoted amount keeps its currency (dev8)
    assert figures('Page 4, line 5, strike "$65,280,825" and insert "$65,330,825".', "en")[-2:] == [
        ("$65,280,825", 65280825, None, "USD"), ("$65,330,825", 65330825, None, "USD")]


def test_a_range_of_number_words_keeps_its_lower_end() -> None:
    # nlgem-03: a business case for the municipality of Almere
    text = ("Tabel 4.8 laat zien dat de vijf doorgerekende projecten opgeteld structureel vier tot zeven miljoen euro aan\n"
            "ziekenhuiszorg besparen. Dat is meer dan de drie à vier miljoen euro aan netto besparingen uit Tabel 4.1.")
    found = figures(text, "nl")
    assert ("vier tot zeven miljoen euro", 4_000_000, 7_000_000, "EUR") in found
    assert ("drie à vier miljoen euro", 3_000_000, 4_000_000, "EUR") in found
    # after a word of change "van … tot" names the old and the new amount: no range
    assert not [f for f in figures("het budget steeg van vier tot zeven miljoen euro", "nl") if f[2] is not None]


def test_a_range_with_its_scale_at_both_ends_is_one_figure() -> None:
    # nlgem-03
    text = "In elk van de vier varianten resulteert een positief saldo, variërend van 0,25 miljoen tot 1,9 miljoen euro per jaar."
    assert ("0,25 miljoen tot 1,9 miljoen euro", 250_000, 1_900_000, "EUR / year") in figures(text, "nl")
    # "rose from $1.2 billion to $1.5 billion": two amounts, the old and the new
    assert [f[2] for f in figures("revenue rose from $1.2 billion to $1.5 billion", "en")] == [None, None]


def test_a_per_tail_in_the_subject() -> None:
    # nlrap-01: a pension fund's annual report
    found = figures("De kosten per deelnemer zijn 113 euro (2023: 103 euro).", "nl")
    assert found[0] == ("113 euro", 113, None, "EUR / participant")
    assert figures("De kosten per jaar bedragen circa € 5 miljoen", "nl")[0][3] == "EUR / year"
    # "per saldo", "per 1 januari" say how or when, not per what
    assert figures("Het resultaat per saldo is € 5 miljoen", "nl")[0][3] == "EUR"


def test_a_dutch_participle_is_not_the_counted_noun() -> None:
    # nlfon-01: a foundation's annual report
    text = "De afdeling DIVD CSIRT heeft in 2021 in totaal 77.727 kwetsbaar bevonden IP adressen genotificeerd."
    assert ("77.727", Fraction(77727), None, None) in figures(text, "nl")


def test_a_page_number_in_the_foot_on_a_line_moved_up() -> None:
    # eneur-01: a trust's accounts, whose page feet ("… form part of the financial statements   10") come
    # among the first lines of the text layer
    claims = extract_document(DOCS / "eneur-01.pdf", language="en").claims
    assert {c["stated"] for c in claims} == {"€1", "124,649", "1", "one year"}
    assert all(c["where"]["bbox"][1] < 700 for c in claims)  # nothing left in the foot


def test_what_extract_writes_for_these_ranges_check_reads() -> None:
    from factcheck.numbers import parse_figure

    for stated, language, low, high in (("0,25 miljoen tot 1,9 miljoen euro", "nl", 250_000, 1_900_000),
                                        ("drie à vier miljoen euro", "nl", 3_000_000, 4_000_000),
                                        ("$1.2 billion to $1.5 billion", "en", 1_200_000_000, 1_500_000_000)):
        figure = parse_figure(stated, language)
        assert (figure.value, figure.value_high, figure.unit_hint) == (low, high, "EUR" if language == "nl" else "USD")
