"""General figure rules made from the first look at a fresh development sample (dev8, the entwn
documents: a town's adopted budget and a state's budget amendments): an amount in quotation marks
keeps its currency sign, the second half of a fiscal year's label ("FY24-25") is no figure, and
"increases from 32.28 to 32.84" states two figures, not a range."""

from __future__ import annotations

from fractions import Fraction

from factcheck.extract.scan import scan


def figures(text: str, language: str) -> list[tuple[str, object, object, str | None]]:
    return [(f.stated, f.value, f.value_high, f.unit) for f in scan(text, language) if f.is_figure]


def test_an_amount_in_quotation_marks_keeps_its_currency() -> None:
    # entwn-03: Virginia HB1600 amendments
    text = 'Page 201, line 28, strike "$593,210,086" and insert "$753,210,086".'
    assert figures(text, "en") == [("$593,210,086", 593210086, None, "USD"), ("$753,210,086", 753210086, None, "USD")]
    assert figures("het bedrag “€ 1.250” wordt vervangen door “€ 1.500”.", "nl") == [
        ("€ 1.250", 1250, None, "EUR"), ("€ 1.500", 1500, None, "EUR")]


def test_the_second_year_of_a_fiscal_year_label_is_no_figure() -> None:
    # entwn-03: the heading over each amendment's amounts
    text = "Chief Patron: Austin  Item 125.10 #2h\r\nEducation: Elementary and Secondary  FY24-25  FY25-26\r\n"
    assert [f for f in figures(text, "en") if f[0] in ("25", "26")] == []
    # a range of plain numbers after a word keeps both ends
    assert figures("between 10-20 staff", "en")[0][:3] == ("10-20", 10, 20)


def test_a_change_from_one_value_to_another_is_two_figures() -> None:
    # entwn-01: Colchester CT budget message
    text = "The mill rate for the combined adopted budget increases from 32.28 to 32.84, a 0.56 mill or 1.73% increase."
    found = figures(text, "en")
    assert ("32.28", Fraction(3228, 100), None, None) in found
    assert [f for f in found if f[0].startswith("32.84")]
    assert not [f for f in found if f[2] is not None]
    # with no word of change, "from 10 to 20" is a range
    assert figures("Class sizes range from 10 to 20 pupils.", "en")[0][1:3] == (10, 20)
