"""Figures the grammar misread in development documents, judged in the fifth sample (dev5): a
Canadian city's dollars, minutes' item numbers with letter sub-levels, a program's number, a
table row's nil cell between two amounts, "1 tot 3 regelingen", a decimal point in a Dutch text,
a year column head before a currency sign, and per-tails after an amount or its counted noun.
The texts are the pages' text layers as pdfium gives them."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from factcheck.cli import main
from factcheck.engine import check_paths
from factcheck.extract.currency import country_mentions, document_dollar
from factcheck.extract.scan import scan
from factcheck.numbers import parse_figure

DOCS = Path(__file__).parent / "unseen" / "docs"


def figures(text: str, language: str) -> list[tuple[str, str, str | None, object]]:
    return [(f.stated, f.kind, f.unit, f.value) for f in scan(text, language) if f.is_figure]


def test_a_canadian_city_names_its_province_city_and_domain() -> None:
    # enmun-01 (City of Vancouver) names neither Canada nor a province, but its city and its
    # e-mail addresses; enaud-01 (Saanich) names Canada once and its accounting board twice
    assert country_mentions("as per the Vancouver Charter ... The City of Vancouver incurred ...") == {"CAD": 2}
    assert country_mentions("(E) patrice.impey@vancouver.ca") == {"CAD": 1}
    assert country_mentions("see www.saanich.ca/budget, www.ca.gov and www.cat.com") == {"CAD": 1}
    assert country_mentions("the Public Sector Accounting Board (PSAB) of the Chartered Professional\n"
                            "Accountants of Canada") == {"CAD": 2}
    assert country_mentions("the Barbados Revenue Authority") == {"BBD": 1}
    assert document_dollar([{"CAD": 2}, {"CAD": 1}]) == "CAD"


def test_vancouver_and_saanich_reports_are_in_canadian_dollars(tmp_path: Path) -> None:
    for doc in ("enmun-01", "enaud-01"):
        assert main(["extract", str(DOCS / f"{doc}.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
        run = check_paths([tmp_path / f"{doc}.yaml"])
        units = {c.unit for f in run.files for c in f.claims if c.unit}
        assert "CAD" in units and not any("USD" in u for u in units), doc
        assert not [d for d in run.diagnostics if d.severity == "error"]


def test_minutes_item_numbers_and_program_numbers_are_labels() -> None:
    # ennpo-03: an AGM's minutes; enaus-03: the Digital Transformation Agency's budgetary reporting
    text = (" Identity Card means there is £100k\r\navailable for a 'legal defence fund'\r\n3.2.a.iv Over "
            "one-quarter of a million leaflets have been distributed around the\r\ncountry\r\n3.2.a.v Public "
            "Support of the Government's proposals has dw")
    assert [f[0] for f in figures(text, "en")] == ["£100k"]
    text = ("Variation\r\n2016–17\r\n$’000\r\n(a) - (b)\r\nProgram 1.1: The Digital Transformation Agency\r\n"
            "Departmental expenses\r\nTotal for program 1.1 68,039 57,919 10,120\r\n")
    assert [f[0] for f in figures(text, "en")] == ["68,039", "57,919", "10,120"]
    assert figures("the program 23,000 people", "en") == [("23,000", "count", "person", 23000)]


def test_a_nil_cell_between_two_amounts_is_no_range() -> None:
    # enaus-03: the cash flow statement's columns 2016-17 actual, 2015-16, budget
    text = ("Cash and cash equivalents at the beginning of the \r\nreporting period 145 - 250\r\n"
            "Cash and cash equivalents at the end of the\r\nreporting period 557 145 250\r\n")
    assert [f[0] for f in figures(text, "en")][:2] == ["145", "250"]
    [found] = [f for f in scan("people aged 18 - 65 years", "en") if f.is_figure]
    assert (found.value, found.value_high) == (18, 65)


def test_a_range_of_counts_before_their_noun() -> None:
    # nlbel-01: a survey's respondents answered on one to three schemes
    text = "Elke respondent heeft vragen over 1 tot 3 regelingen beantwoord. Dit geeft een dataset"
    [found] = [f for f in scan(text, "nl") if f.is_figure]
    assert (found.stated, found.value, found.value_high, found.unit) == ("1 tot 3", 1, 3, "regeling")
    assert [f.stated for f in scan("groeien van 354 in 2018 tot 700 dossiers", "nl") if f.is_figure] == ["354", "700"]


def test_a_point_after_a_lone_zero_is_a_decimal_point_in_dutch() -> None:
    # nlbel-01: "De R2 van dit model is 0.167. Dat betekent dat dit model 16,7% ..."
    text = ("De R2 van dit model is 0.167. Dat betekent dat dit model 16,7% van de variatie in de "
            "afhankelijke variabele verklaart.")
    assert figures(text, "nl") == [("0.167", "count", None, Fraction(167, 1000)), ("16,7%", "percent", "%", Fraction(167, 10))]
    assert parse_figure("0.167", "nl").value == Fraction(167, 1000)  # what extract writes, check reads
    assert parse_figure("10.167", "nl").value == 10167


def test_a_year_before_a_currency_sign_is_a_column_head() -> None:
    # nlfin-01: "1.3 Fiscale positie / Belastbaar bedrag 2024 2024 / €"
    text = "1.3 Fiscale positie\r\nBelastbaar bedrag 2024 2024\r\n€\r\nHet belastbaar bedrag voor de"
    assert figures(text, "nl") == []
    assert figures("een bedrag van 2024 € per jaar", "nl")[0][:3] == ("2024 €", "money", "EUR / year")


def test_per_tails_after_the_amount_or_its_counted_noun() -> None:
    # nlrap-01 and nlwat-01
    text = ("aan kosten vermogensbeheer; dit is (na toerekening) 10 euro per deelnemer (2023: 4 euro \r\n"
            "per deelnemer).")
    assert figures(text, "nl") == [("10 euro", "money", "EUR / participant", 10), ("4 euro", "money", "EUR / participant", 4)]
    text = "wordt uitgegaan van een \r\ngemiddelde van tien locomotieven per aanvraag. In de regeling"
    assert figures(text, "nl") == [("tien", "count", "locomotief / application", 10)]
    assert figures("gemiddeld 12 leerlingen per klas", "nl") == [("12", "count", "person", 12)]  # "klas" is no per-word


def test_account_codes_of_a_belgian_statement_are_no_figures() -> None:
    # nlver-03: the liabilities of a company's NBB accounts; a label wraps and its code opens the next line
    text = ("Toel. Codes Boekjaar Vorig boekjaar\r\nSCHULDEN 17/49 376.824 369.171\r\nSchulden op meer dan één jaar "
            "6.3 17 348.000 305.900\r\nFinanciële schulden 170/4\r\nOverige schulden 178/9 348.000 305.900\r\n"
            "Schulden op ten hoogste één jaar 6.3 42/48 22.824 63.271\r\nSchulden op meer dan één jaar die binnen het "
            "jaar vervallen 42\r\nFinanciële schulden 43\r\nHandelsschulden 44 5.666 32.025\r\nAfschrijvingen en "
            "waardeverminderingen op oprichtingskosten,\r\nop immateriële en materiële vaste activa\r\n630 93.457 117.393\r\n"
            "N° 0443246943 VKT-kap 3.2\r\nPage 6 of 19")
    counts = [f.stated for f in scan(text, "nl") if f.kind == "count"]
    assert counts == ["376.824", "369.171", "348.000", "305.900", "348.000", "305.900", "22.824", "63.271",
                      "5.666", "32.025", "93.457", "117.393"]
    # without the "Codes" column head, or with too few coded lines, a number after a label stays a figure
    assert [f.stated for f in scan("Handelsschulden 44 5.666 32.025", "nl") if f.is_figure] == ["44", "5.666", "32.025"]
