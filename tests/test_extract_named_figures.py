"""Figures the grammar misread in development documents judged in the second sample (dev2):
currencies named after the amount, areas, bill and proposition numbers, articles and years."""

from __future__ import annotations

import pytest

from factcheck.extract.scan import scan
from factcheck.numbers import parse_figure
from factcheck.units import unit_system


def figures(text: str, language: str) -> list[tuple[str, str, str | None, object]]:
    return [(f.stated, f.kind, f.unit, f.value) for f in scan(text, language) if f.is_figure]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Malaysian budget speech (enloc-03)
        ("STR recipients will also receive SARA up to 100 ringgit per month or 1,200\n"
         "ringgit annually.",
         [("100 ringgit", "money", "MYR / month", 100), ("1,200 ringgit", "money", "MYR / year", 1200)]),
        ("expenditure amounting to 470 billion ringgit compared with 452 billion ringgit in the previous year",
         [("470 billion ringgit", "money", "MYR", 470_000_000_000), ("452 billion ringgit", "money", "MYR", 452_000_000_000)]),
    ],
)
def test_a_currency_named_after_the_amount_is_money(text: str, expected: list) -> None:
    assert figures(text, "en") == expected


def test_an_amount_in_a_named_currency_reads_back() -> None:
    figure = parse_figure("1,200 ringgit", "en")
    assert (figure.value, figure.unit_hint) == (1200, "MYR")
    assert unit_system().resolve("MYR / month").dims == (("MYR", 1), ("time", -1))


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        # New York City audit (enus-01)
        ("for use of approximately 10,000 square feet of space", "en", "ft2"),
        ("a building of 3,000 sq. ft. in total", "en", "ft2"),
        ("Er komt 500 vierkante meter winkelruimte bij.", "nl", "m2"),
    ],
)
def test_an_area_is_square_units_not_a_count_of_squares(text: str, language: str, unit: str) -> None:
    [(_, kind, found_unit, _)] = figures(text, language)
    assert (kind, found_unit) == ("count", unit)


@pytest.mark.parametrize(
    "text",
    [
        # Colorado budget (entab-03)
        "1 Senate Bill 25-310 (Proposition 130 Implementation) creates a General Fund warrant of $500.0 million",
        "beginning in FY 2023-24 and H.B. 24-1466 (Refinance Federal Coronavirus Recovery Funds) increases the reserve "
        "requirement by $56.5 million",
    ],
)
def test_bill_and_proposition_numbers_are_labels(text: str) -> None:
    assert [stated for stated, *_ in figures(text, "en")] == [stated for stated in ("$500.0 million", "$56.5 million")
                                                                if stated in text]


def test_a_resolution_before_a_grouped_number_is_no_label() -> None:
    assert figures("the resolution 2,000 people signed", "en") == [("2,000", "count", "person", 2000)]


def test_a_year_described_by_a_relative_clause_is_no_duration() -> None:
    # Autoriteit Persoonsgegevens annual accounts (nlrijk-01); one year stays one year elsewhere
    assert figures("2022 was een jaar waarin de AP enigszins kon groeien in omvang.", "nl") == []
    assert figures("zodat hij over de termijn heen gaat met ruim één jaar.", "nl") == [("één jaar", "duration", "year", 1)]


def test_a_year_after_in_with_words_before_the_noun_is_a_year() -> None:
    # municipal accounts (nltaal-01): not 2023 persons
    text = "De uitgaven zijn lager dan begroot omdat in 2023 minder personen zijn opgevangen dan aanvankelijk voorzien."
    assert figures(text, "nl") == []
    assert figures("Since 2019 more people have applied.", "en") == []
    assert figures("Er kwamen 1500 extra plekken bij.", "nl") == [("1500", "count", "place", 1500)]


def test_a_year_a_hedge_word_compares_with_is_a_year() -> None:
    # Canadian municipal statements (enaud-01): "over 2022" is the year before, not above 2022
    text = "Total expenses increased by $27.4 million or 11.9% over 2022 due to higher wage settlements"
    assert [stated for stated, *_ in figures(text, "en")] == ["$27.4 million", "11.9%"]
    assert figures("over 2000 people applied", "en") == [("2000", "count", "person", 2000)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a footnote opening with a capitalised phrase (enworld-04), a name after a count (enloc-01)
        ("9 Public debt charges in 2011-2012 were $1.9 billion lower", "en", [("$1.9 billion", "money", "USD", 1_900_000_000)]),
        ("to hire an additional 350 Border Patrol Agents", "en", [("350", "count", None, 350)]),
        # a range of line or table numbers (entab-03, nlstaat-01)
        ("Lines 4 through 21 identify bills that the General Assembly adopted", "en", []),
        ("Tabellen 1 tot en met 6 geven de gevraagde rekenvoorbeelden.", "nl", []),
    ],
)
def test_names_headings_and_label_ranges_are_not_counted(text: str, language: str, expected: list) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("nine million recipients will also receive SARA", "en", [("nine million", "count", "recipient", 9_000_000)]),
        ("Het kost drie miljoen euro per jaar.", "nl", [("drie miljoen euro", "money", "EUR / year", 3_000_000)]),
        ("een miljoen mensen", "nl", [("een miljoen", "count", "person", 1_000_000)]),
    ],
)
def test_a_number_word_takes_its_scale_word(text: str, language: str, expected: list) -> None:
    assert figures(text, language) == expected
    assert parse_figure(expected[0][0], language).value == expected[0][3]
