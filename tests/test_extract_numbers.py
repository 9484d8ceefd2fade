"""What the extractor added to ``parse_figure``: every `stated` it writes reads back exactly."""

from fractions import Fraction

import pytest

from factcheck.errors import NumberFormatError
from factcheck.numbers import parse_figure


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("zes maanden", "nl", Fraction(6), "month"),
        ("5 jaar", "nl", Fraction(5), "year"),
        ("15,5 maanden", "nl", Fraction(31, 2), "month"),
        ("anderhalf jaar", "nl", Fraction(3, 2), "year"),
        ("een maand", "nl", Fraction(1), "month"),
        ("2 years", "en", Fraction(2), "year"),
        ("12 weken", "nl", Fraction(12), "week"),
        ("0.2-percent", "en", Fraction(1, 5), "%"),
        ("1.8-percent", "en", Fraction(9, 5), "%"),
        ("+13,6%", "nl", Fraction(68, 5), "%"),
    ],
)
def test_durations_hyphenated_percent_and_plus_sign(text: str, language: str, value: Fraction, unit: str) -> None:
    figure = parse_figure(text, language)
    assert figure.value == value
    assert figure.unit_hint == unit


def test_range_with_repeated_currency() -> None:
    figure = parse_figure("€ 75.000 tot en met € 1.090.000", "nl")
    assert (figure.value, figure.value_high, figure.unit_hint) == (75000, 1090000, "EUR")
    assert figure.interval.lo == 75000 and figure.interval.hi == 1090000


def test_duration_keeps_rounding_interval() -> None:
    figure = parse_figure("zes maanden", "nl")
    assert figure.interval.lo == Fraction(11, 2) and figure.interval.hi == Fraction(13, 2)


def test_earlier_behaviour_unchanged() -> None:
    assert parse_figure("€45 per dag", "nl").unit_hint == "EUR/day"
    assert parse_figure("-1,4%", "nl").value == Fraction(-7, 5)
    assert parse_figure("1.500", "en").value == Fraction(3, 2)
    with pytest.raises(NumberFormatError):
        parse_figure("zes appels", "nl")


def test_ratio_van_de_minutes_and_t_m_ranges() -> None:
    assert parse_figure("29 van de 36", "nl").value == Fraction(29, 36)
    assert parse_figure("40 minuten", "nl").unit_hint == "minute"
    figure = parse_figure("1 t/m 3", "nl")
    assert (figure.value, figure.value_high) == (1, 3)
    figure = parse_figure("9 en 12 maanden", "nl")
    assert (figure.value, figure.value_high, figure.unit_hint) == (9, 12, "month")
