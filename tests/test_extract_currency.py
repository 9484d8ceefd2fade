"""The document's dollar: "$" in the Public Accounts of Canada is Canadian dollars."""

from __future__ import annotations

from pathlib import Path

from factcheck.cli import main
from factcheck.engine import check_paths
from factcheck.extract.currency import apply_dollar, country_mentions, document_dollar

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_dollar_of_a_document_follows_the_country_it_keeps_naming() -> None:
    assert document_dollar([{"CAD": 2}, {"CAD": 3}]) == "CAD"
    assert document_dollar([{"CAD": 2}]) == "USD"  # named too rarely to decide
    assert document_dollar([{"CAD": 4, "AUD": 3}]) == "USD"  # no clear country
    assert document_dollar([]) == "USD"
    assert country_mentions("The Government of Canada ... Canadians ... Canada's debt") == {"CAD": 3}
    claims = [{"stated": "$4.5 billion", "unit": "USD"}, {"stated": "US$ 3 million", "unit": "USD"},
              {"stated": "$45", "unit": "USD / person"}, {"stated": "€ 5", "unit": "EUR"}]
    apply_dollar(claims, "CAD")
    assert [c["unit"] for c in claims] == ["CAD", "USD", "CAD / person", "EUR"]


def test_canadian_public_accounts_are_in_canadian_dollars_in_text_and_tables(tmp_path: Path) -> None:
    assert main(["extract", str(DOCS / "enworld-01.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
    run = check_paths([tmp_path / "enworld-01.yaml"])
    units = {c.unit for f in run.files for c in f.claims if c.unit}
    assert "CAD" in units and not any("USD" in u for u in units)
    assert not [d for d in run.diagnostics if d.severity == "error"]
    # statements in the text still meet the table rows they speak of, in one currency
    assert any(str((r.claim.evidence or {}).get("relation", "")).endswith("table row") and
               r.verdict.value in ("consistent", "rounding") for r in run.results)


def test_singapore_budget_is_in_singapore_dollars(tmp_path: Path) -> None:
    # Singapore Budget 2020 annex: "$240 ... to employer (8% of qualifying wages)" means S$
    assert country_mentions("Singapore ... Singaporean workers ... Singapore's economy") == {"SGD": 3}
    assert main(["extract", str(DOCS / "enmix-03.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
    run = check_paths([tmp_path / "enmix-03.yaml"])
    units = {c.unit for f in run.files for c in f.claims if c.unit}
    assert "SGD" in units and not any("USD" in u for u in units)
    assert not [d for d in run.diagnostics if d.severity == "error"]


def test_currencies_written_before_the_amount_glued_with_a_dot(tmp_path: Path) -> None:
    # Kenya's Auditor-General writes "Kshs.145,125,454"; Indian budgets "Rs. 1,200 crore".
    # Before, the figure after "Kshs." was taken for a footnote marker ("verwerkt.1") and lost.
    from factcheck.extract.scan import scan
    from factcheck.numbers import parse_figure

    found = {f.stated: f for f in scan("reflects Kshs.145,125,454 and Rs. 3.5 lakh, verwerkt.1 and USD 2", "en")}
    assert found["Kshs.145,125,454"].currency == "KES" and found["Kshs.145,125,454"].value == 145125454
    assert found["Rs. 3.5 lakh"].currency == "INR" and found["Rs. 3.5 lakh"].value == 350000
    assert found["1"].kind == "footnote"
    assert parse_figure("Rs. 12 crore", "en").value == 120_000_000
    assert parse_figure("UShs 3.2 billion", "en").unit_hint == "UGX"
    # what extract writes reads back: the excerpt of the Kenyan audit report checks with no error
    assert main(["extract", str(DOCS / "enmix-01.pdf"), "-o", str(tmp_path), "--no-progress"]) == 0
    run = check_paths([tmp_path / "enmix-01.yaml"])
    assert not run.diagnostics and not [d for f in run.files for d in f.diagnostics]
    stated = {c.stated: c for f in run.files for c in f.claims}
    assert stated["Kshs.3,195,355"].unit == "KES"


def test_a_country_named_in_capitals_in_the_running_head_decides_the_dollar() -> None:
    from factcheck.extract.currency import country_mentions

    # Public Accounts of Canada: "PUBLIC ACCOUNTS OF CANADA, 2011-2012" on every page
    assert country_mentions("PUBLIC ACCOUNTS OF CANADA, 2011-2012") == {"CAD": 1}
    assert country_mentions("the Canadian economy") == {"CAD": 1}


def test_indian_grouping_and_lakh_crore() -> None:
    # Sentences of India's Union Budget 2023-24 speech and its "Budget at a Glance" (₹ crore):
    # "₹10 lakh crore" is 10 × 10^5 × 10^7, not ten lakh; "45,03,097" groups lakhs and crores.
    from factcheck.extract.scan import scan
    from factcheck.numbers import parse_figure

    text = ("The capital investment outlay is being increased steeply for the third year in a row by "
            "33 per cent to ₹10 lakh crore, which would be 3.3 per cent of GDP. The total expenditure is "
            "estimated at ₹45,03,097 crore, and the effective capital expenditure of the Centre is budgeted "
            "at ₹13.7 lakh\ncrore.")
    found = {f.stated: f for f in scan(text, "en")}
    assert found["₹10 lakh crore"].value == 10 * 10**12 and found["₹10 lakh crore"].currency == "INR"
    assert found["₹45,03,097 crore"].value == 4503097 * 10**7
    assert found["₹13.7 lakh crore"].value == 137 * 10**11
    assert parse_figure("Rs. 1,95,000", "en").value == 195000
    # a list of figures is no Indian number, and Dutch text never groups this way
    assert "1,2,345" not in {f.stated for f in scan("the codes 1,2,345 and 7", "en")}


def test_a_bullet_glued_to_a_currency_sign_leaves_it_the_amounts_currency() -> None:
    # Worcestershire's statement of accounts (enuka-03, dev), page 8: "•£117.1 million capital
    # investment over the MTFP period" (the bullet and the pound sign with no space between)
    from factcheck.extract import extract_document

    claims = extract_document(Path(__file__).parent / "unseen" / "docs" / "enuka-03.pdf").claims
    by_text = {c["stated"]: c for c in claims if c["where"]["page"] == 8}
    assert by_text["£117.1 million"]["unit"] == "GBP" and by_text["£176.0 million"]["unit"] == "GBP"
    assert "117.1 million" not in by_text
