"""The figure grammar on sentences in the style of Dutch and English budget documents."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.extract.scan import scan
from factcheck.model import Hedge


def figures(text: str, language: str = "nl"):
    return [f for f in scan(text, language) if f.is_figure]


def one(text: str, language: str = "nl"):
    found = figures(text, language)
    assert len(found) == 1, [(f.stated, f.kind) for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "stated", "value", "unit"),
    [
        ("de kostprijs van noodopvang is €55.700 en", "€55.700", 55700, "EUR"),
        ("uit op €983.113.200.", "€983.113.200", 983113200, "EUR"),
        ("Voor het jaar 2027 is 500 miljoen euro bespaard.", "500 miljoen euro", 500_000_000, "EUR"),
        ("een opbrengst van 1,2 miljard euro in 2023", "1,2 miljard euro", 1_200_000_000, "EUR"),
        ("een bedrag van € 0,3 miljard per jaar", "€ 0,3 miljard", 300_000_000, "EUR / year"),
        ("Vanaf 2028 is de 1 miljard besparing verwerkt.", "1 miljard", 1_000_000_000, "EUR"),
        ("geen opvang regelen voor €45 per dag.", "€45", 45, "EUR / day"),
        ("75 miljoen euro per maand", "75 miljoen euro", 75_000_000, "EUR / month"),
        ("tot €\n600.000 enzovoorts", "€ 600.000", 600000, "EUR"),
        ("EUR 12,5 mln. voor", "EUR 12,5 mln.", 12_500_000, "EUR"),
    ],
)
def test_money(text: str, stated: str, value: int, unit: str) -> None:
    f = one(text)
    assert (f.kind, f.stated, f.value, f.unit) == ("money", stated, value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Er verblijven 30.343 asielzoekers in de noodopvang.", 30343, "person"),
        ("een capaciteit van 41.000 opvangplekken met", 41000, "place"),
        ("met drie andere gemeenten over", 3, "municipality"),
        ("er zijn nul maatregelen genomen", 0, "maatregel"),
        ("16.500 achterstallige inschrijvingen in de BRP", 16500, "inschrijving"),
        ("een instroom van 25000 zal zijn", 25000, None),
    ],
)
def test_counts(text: str, value: int, unit: str | None) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit) == ("count", value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("met 30% verlagen", 30, "%"), ("ongeveer 13,5% van de", Fraction(27, 2), "%"),
     ("een stijging van 2 procentpunt", 2, "pp"), ("per saldo -1,4% ten opzichte van", Fraction(-7, 5), "%")],
)
def test_percentages(text: str, value, unit: str) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit) == ("percent", value, unit)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [("2 op de 3 gemeenten", "nl", Fraction(2, 3)), ("nog maar 1 op de 4 asielzoekers", "nl", Fraction(1, 4)),
     ("'1 op\n\n4' kan", "nl", Fraction(1, 4)), ("about 9 out of 10 jobs", "en", Fraction(9, 10)),
     ("ruwweg een derde van de aanvragen", "nl", Fraction(1, 3)), ("almost half the projected growth", "en", Fraction(1, 2))],
)
def test_ratios(text: str, language: str, value: Fraction) -> None:
    f = one(text, language)
    assert (f.kind, f.value) == ("ratio", value)


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [("Gemeenten hebben zes maanden om", 6, "month", Hedge.EXACT),
     ("langer dan zes maanden in", 6, "month", Hedge.ABOVE),
     ("Na 5 jaar kunnen", 5, "year", Hedge.EXACT),
     ("minimaal anderhalf jaar", Fraction(3, 2), "year", Hedge.ABOVE),
     ("bedraagt tenminste 15,5\nmaanden nadat", Fraction(31, 2), "month", Hedge.ABOVE)],
)
def test_durations(text: str, value, unit: str, hedge: Hedge) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit, f.hedge) == ("duration", value, unit, hedge)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [("bijna 80.000 opvangplekken", Hedge.BELOW), ("nog geen 500 plekken", Hedge.BELOW),
     ("ruim 1 miljard euro", Hedge.ABOVE), ("meer dan € 100.000", Hedge.ABOVE), ("ten minste 20 mensen", Hedge.ABOVE),
     ("circa 6 miljoen", Hedge.ABOUT), ("ca. 6 miljoen", Hedge.ABOUT), ("ongeveer € 250.000", Hedge.ABOUT),
     ("zo'n 300 mensen", Hedge.ABOUT), ("boven de 2.000 bewoners", Hedge.ABOVE), ("onder de 2.000, zodra", Hedge.BELOW),
     ("maximaal € 300.000 raakt", Hedge.BELOW)],
)
def test_hedges(text: str, hedge: Hedge) -> None:
    assert one(text).hedge is hedge


def test_hedge_carries_over_a_list() -> None:
    found = figures("meer dan € 100.000, € 200.000, € 300.000 en € 500.000. Dit betreft")
    assert [f.value for f in found] == [100000, 200000, 300000, 500000]
    assert all(f.hedge is Hedge.ABOVE for f in found)


def test_ranges() -> None:
    f = one("een WOZ-waarde van € 75.000 tot en met € 1.090.000 aan")
    assert (f.value, f.value_high, f.unit) == (75000, 1090000, "EUR")
    f = one("tussen 20 en 30 gemeenten")
    assert (f.value, f.value_high) == (20, 30)
    f = one("20–30 procent")
    assert (f.value, f.value_high, f.kind) == (20, 30, "percent")


def test_negative_numbers_with_any_minus() -> None:
    for minus in "-\u2012\u2013\u2212":
        f = one(f"een saldo van {minus}2,5 miljard euro")
        assert f.value == -2_500_000_000, minus


def test_english_conventions() -> None:
    f = one("will rise 20.5 million between", "en")
    assert (f.kind, f.value) == ("count", 20_500_000)
    f = one("from $23.2 trillion to", "en")
    assert (f.kind, f.value, f.unit) == ("money", 23_200_000_000_000, "USD")
    f = one("a decline of 130,200 workers", "en")
    assert (f.value, f.unit) == (130200, "worker")
    f = one("the 0.2-percent annual rate", "en")
    assert (f.kind, f.value) == ("percent", Fraction(1, 5))
    assert one("1.500 units", "en").value == Fraction(3, 2)
    assert one("1.500 eenheden", "nl").value == 1500


@pytest.mark.parametrize(
    "text",
    [
        "Vraag (8):", "het jaar 2025 (36600-XX).", "Vanaf 1 januari 2025 is", "sinds 2022 een vergoeding",
        "op 25 oktober 2024 gestuurd", "(EU) 2024/1359", "art. 8 EVRM", "art 8 EVRM", "artikel 25bis van",
        "Kamerstukken II, 2024-2025, 21 501-20, nr. 2116.", "verkeerd aanknopingspunt'.[1]", "p. 29.",
        "zie Tabel 3.1 hieronder", "met derde landen gesloten", "in het eerste kwartaal van 2025",
        "Zie antwoord op vraag 14", "de fractie van D66 en JA21", "2024/25, 36 410 XVII, nr. 35",
        "vanaf 10 en 11 oktober", "spoor 4 van het plan", "om 10.00 uur", "in de Huisvestingswet 2014",
        "Kamerstukken II 2019/20, 35 300, nr. 12",
        "Postbus 20015  2500 EA  Den Haag", "T 070 – 342 43 44", "bel +31 70 342 43 44",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == [], [(f.stated, f.kind) for f in figures(text)]


def test_non_figures_are_kept_with_their_kind() -> None:
    kinds = {f.kind for f in scan("Vraag (8): in 2024 op 1 juli, zie art. 8 en [1]", "nl")}
    assert {"question_number", "year", "date", "label", "footnote"} <= kinds


def test_split_lines_inside_a_figure() -> None:
    f = one("van 500 miljoen \n\neuro per\njaar")
    assert (f.value, f.unit) == (500_000_000, "EUR / year")


def test_offsets_point_at_the_figure() -> None:
    text = "De kostprijs is bijna €55.700 per plek."
    f = one(text)
    assert text[f.start:f.end] == "€55.700"
    assert text[f.hedge_start:f.start] == "bijna "


@pytest.mark.parametrize(
    ("text", "unit"),
    [("in 65.434 gevallen akkoord gegaan", "geval"), ("open en 54 complexe gevallen.", "geval"),
     ("16 gemeenten kregen geld", "municipality"), ("met de drie genoemde partijen", "partij")],
)
def test_counted_noun_past_adjectives(text: str, unit: str) -> None:
    assert one(text).unit == unit


def test_plural_noun_after_million_is_a_count() -> None:
    f = one("er waren ruim 8 miljoen leidingwateraansluitingen")
    assert (f.kind, f.value, f.unit, f.hedge) == ("count", 8_000_000, "leidingwateraansluiting", Hedge.ABOVE)
    f = one("0,3 miljard kindgebonden budget")
    assert (f.kind, f.unit) == ("money", "EUR")


@pytest.mark.parametrize(
    ("text", "value", "high", "unit"),
    [("kan na 1,5 tot 2 jaar in werking treden", Fraction(3, 2), 2, "year"), ("duurt 2 à 3 jaar", 2, 3, "year"),
     ("verhoogd met 500 tot 800 miljoen euro", 500_000_000, 800_000_000, "EUR")],
)
def test_bare_number_takes_the_unit_of_its_range_end(text: str, value, high, unit: str) -> None:
    f = one(text)
    assert (f.value, f.value_high, f.unit) == (value, high, unit)


@pytest.mark.parametrize(
    "text",
    ["Over 2019 was sprake van", "rond circa 2030 de structurele situatie", "maatregel 25 en 26 dienen",
     "in varianten 3 en 4.", "zie punten 1, 2 en 3) hierboven", "publieke middelen; 2) beheersing van de",
     "afgeboekt; 2. risicoreserves zonder", "t t+1 t+2 t+3", "TK, 2019-2020, 19637, nr. 2509",
     "(intensivering). 106\r\nDaarnaast kan", "Special Eurobarometer 474: Europeans",
     "Intensiveringsmaatregelen 1 t/m 3 en 5 zijn", "beleidsartikel 2 en 4 (o.a."],
)
def test_more_non_figures(text: str) -> None:
    assert figures(text) == [], [(f.stated, f.kind) for f in figures(text)]


def test_over_is_a_hedge_in_english_only() -> None:
    assert one("over 9 million jobs", "en").hedge is Hedge.ABOVE
    assert one("over 9 miljoen euro").hedge is Hedge.EXACT


def test_a_number_after_a_hash_sign_names_something() -> None:
    # A WARN listing: "(Store #2183) El Cajon 49 Closure" has one figure, the 49 people laid off.
    found = scan("Haggen, Inc. (Store #2183) El Cajon 49 Closure Permanent", "en")
    assert [(f.stated, f.kind) for f in found] == [("2183", "label"), ("49", "count")]


def test_currency_letters_glued_to_amounts_and_dollar_prefixes() -> None:
    from factcheck.extract.scan import Scanner
    from factcheck.numbers import parse_figure

    text = ("Government proposes to spend K217.1\r\nbillion or 26.6 percent of GDP; N1.2 trillion for roads, "
            "C$ 4.5 billion and A$12 million. Ward K9 and route N2 are names.")
    found = {text[f.start:f.end].replace("\r\n", " "): (f.kind, f.unit) for f in Scanner("en").scan(text)}
    assert found["K217.1 billion"] == ("money", "ZMW")
    assert found["N1.2 trillion"] == ("money", "NGN")
    assert found["C$ 4.5 billion"] == ("money", "CAD")
    assert found["A$12 million"] == ("money", "AUD")
    assert found["9"][0] == "name" and found["2"][0] == "name"
    # whatever extract writes, check reads
    for stated, unit in (("K217.1 billion", "ZMW"), ("N1.2 trillion", "NGN"), ("C$ 4.5 billion", "CAD")):
        assert parse_figure(stated, "en").unit_hint == unit
    # a whole amount with its scale word, as a South African committee report prints them: "Spending
    # of R142 million under this item is R153.6 million lower than the projected amount of R295.6
    # million" (the scale word was looked for only at the text's start, so only "R153.6" was read)
    text = "Spending of R142 million under this item is R153.6 million lower than the projected amount of R295.6 million."
    found = {text[f.start:f.end]: (f.kind, f.unit) for f in Scanner("en").scan(text)}
    assert found["R142 million"] == ("money", "ZAR") and found["R295.6 million"] == ("money", "ZAR")
    assert parse_figure("R142 million", "en").unit_hint == "ZAR"


def test_row_numbers_and_scale_captions_are_not_figures() -> None:
    from factcheck.extract.scan import Scanner

    def kinds(text: str, lang: str) -> list[tuple[str, str]]:
        return [(f.kind, text[f.start:f.end]) for f in Scanner(lang).scan(text)]

    # Nigeria Appropriation Bill: a schedule's item number after a finished line
    assert kinds("Schedule.\n59 FEDERAL MINISTRY OF SPECIAL DUTIES 8,955,992,838\n", "en") == [
        ("label", "59"), ("count", "8,955,992,838")]
    # a line that carries on the sentence before it keeps its number
    assert kinds("The ministry has\n59 Federal agencies in total.", "en") == [("count", "59")]
    assert kinds("End.\n12 million people were reached.", "en") == [("count", "12 million")]
    # "(bedragen x € 1.000)" says what the table's figures count in
    assert [k for k, _ in kinds("Staat van baten (bedragen x € 1.000) en Bedragen x EUR 1", "nl")] == [
        "label", "label"]


def test_a_hyphen_joins_the_scale_word_of_an_amount_that_qualifies_a_noun() -> None:
    # Public Accounts of Canada 2021: "the $343.2-billion deficit projected for 2021"
    found = figures("was $15.5 billion lower than the $343.2-billion deficit projected", "en")
    assert [(f.stated, f.value) for f in found] == [("$15.5 billion", 15_500_000_000), ("$343.2-billion", 343_200_000_000)]
    # a compound word stays a name: "5-sterrenhotel", "a 5-millionth visitor"
    assert figures("een 5-sterrenhotel", "nl") == [] and figures("a 5-millionth visitor", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "figures_read"),
    [
        ("as disclosed under Note 11.4 of the statements", "en", []),
        ("see line 23 of the table", "en", []),
        ("Senate Bill 25-088 reduces total appropriations", "en", []),
        ("the poverty line 23,000 people", "en", ["23,000"]),
        # a year with its footnote number run on, after a word that introduces a year
        ("De ontvangsten in 202910 zijn geraamd", "nl", []),
        ("kost 20450 euro", "nl", ["20450 euro"]),
        # a table row's formula in its label, an answer's number, a period that is half a year
        ("11 Huurtoeslag 300 12=10+11 Besteedbaar inkomen", "nl", ["300"]),
        ("Antwoord 11 De budgettaire gevolgen", "nl", []),
        ("in the second half of 2020", "en", []),
        ("half of the budget", "en", ["half"]),
        # the words before it cut off by a line break (Singapore Budget 2020: "second" / "half of 2020.")
        ("half of 2020.", "en", []),
        ("please call the hotline 1800-3524728.", "en", []),
        # an address's house number, registration numbers (Flemish and Dutch annual accounts)
        ("Koningin Elisabethlei 22, 2018 Antwerpen", "nl", []),
        ("Nummer Kamer van Koophandel: 61202924", "nl", []),
        ("RSIN: 854251583", "nl", []),
        ("Totaal: 500 euro", "nl", ["500 euro"]),
        # a constant in a formula quoted in the text (KiM: "(EXP(x)-1)*100, waar x de β-coëfficiënt ...")
        ("de volgende formule toegepast: (EXP(x)-1)*100, waar x", "nl", []),
        # a label word at the end of a line, its number on the next ("Zie Tabel 4 op pagina\n20.")
        ("Zie Tabel 4 op pagina\n20.", "nl", []),
    ],
)
def test_numbers_that_name_rather_than_count(text: str, language: str, figures_read: list[str]) -> None:
    assert [f.stated for f in figures(text, language)] == figures_read


def test_a_currency_sign_before_the_next_amount_is_not_the_years() -> None:
    # Vlaamse begroting: "bedraagt in 2027 € ‑865 mln": 2027 is the year, € goes with ‑865 mln
    found = scan("Het saldo bedraagt in 2027 € -865 mln (-1,4% van de ontvangsten)", "nl")
    assert [(f.stated, f.kind) for f in found if f.stated.startswith("2027")] == [("2027", "year")]
    assert [f.stated for f in found if f.is_figure][:1] == ["€ -865 mln"]


def test_structure_words_and_capital_headings_are_not_what_a_figure_counts() -> None:
    # Nigeria's 2022 Appropriation Act schedule: "NATURAL RESOURCES 1,628,422,570,000 TOTAL -
    # DEDUCTIONS": the amount counts no "total"; "3,085,727,194,789 PART C" no "part"
    assert [f.unit for f in figures("NATURAL RESOURCES 1,628,422,570,000 TOTAL - DEDUCTIONS", "en")] == [None]
    assert [f.unit for f in figures("deductions of 3,085,727,194,789 PART C", "en")] == [None]
    assert [f.unit for f in figures("a total of 12 items in 3 tables", "en")] == ["item", "table"]
    assert [f.unit for f in figures("we hired 25 teachers", "en")] == ["teacher"]


def test_an_equation_line_is_prose_not_a_table_row() -> None:
    from factcheck.extract.tables import line_kind

    assert line_kind("3,09% x 95,1% = 2,94% voor de actieven en de inactieven") == "prose"
    assert line_kind("Huurtoeslag   34.200   44.200   33.500") == "table"


@pytest.mark.parametrize(
    ("text", "stated", "value"),
    [
        # BEA, "COVID-19 Pandemic: Federal Recovery Legislation and the NIPAs" (tests/unseen/docs/ensuc-03.pdf):
        # a heading names a provision, a dash, and its cost
        ("Treasury Stabilization Fund - $500 Billion", "$500 Billion", 500 * 10**9),
        ("Paycheck Protection Program (PPP) - $350 Billion", "$350 Billion", 350 * 10**9),
        ("Supplemental Nutrition Assistance Program – $21.2 Billion", "$21.2 Billion", 212 * 10**8),
        # a sign on its amount stays one
        ("The FY 2019 Base program reduction (-$0.794 Million), as compared", "-$0.794 Million", -794000),
        ("Medicare - (–$10 Billion)", "–$10 Billion", -10 * 10**9),
    ],
)
def test_a_dash_between_words_and_an_amount_is_no_minus_sign(text: str, stated: str, value: int) -> None:
    f = [x for x in figures(text, "en") if x.unit == "USD"][-1]
    assert (f.stated, f.value) == (stated, value)


def test_a_dutch_minus_in_brackets_before_the_euro_sign_stays() -> None:
    # "Ook de afschrijvingskosten waren beperkt lager dan begroot (- € 0,1 miljoen)."
    f = one("Ook de afschrijvingskosten waren beperkt lager dan begroot (- € 0,1 miljoen).")
    assert f.value == -100000


@pytest.mark.parametrize(
    ("text", "stated", "value"),
    [
        # City of Gallatin ACFR 2025 (tests/unseen/docs/enxye-01.pdf, p1): an accountant's negative
        # in brackets, its scale after them
        ("increased by $32.82 million in 2025, not including ($304) thousand of restatement", "($304) thousand", -304000),
        ("a loss of $(1.2) million in 2024", "$(1.2) million", -1200000),
        # a bracketed amount with no scale after it is an aside, and keeps its sign
        ("the fee ($304) was waived", "$304", 304),
    ],
)
def test_a_bracketed_amount_with_its_scale_after_the_brackets_is_negative(text: str, stated: str, value: int) -> None:
    f = [x for x in figures(text, "en") if x.unit == "USD"][-1]
    assert (f.stated, f.value) == (stated, value)
