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
