"""Table checks written as claims: the engine, reading the claim file, reaches the same verdicts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from factcheck.claimfile import parse_claim_text
from factcheck.engine import check_files
from factcheck.tables import check_pdf, checks_to_claims

PDFS = Path(__file__).parent / "pdfs"


@pytest.mark.parametrize("name, language", [
    ("1_De_Koning.pdf", "nl"),
    ("puertos1_real_mismatch.pdf", "en"),
    ("oi2021_tabel_23_rounding.pdf", "nl"),
    ("omb_s4_rotated_rounding.pdf", "en"),
    ("bmh14_tabel_3_1_ragged.pdf", "nl"),
    ("eu015_split_digit_grand_total.pdf", "en"),
    ("ca_warn_summary_continued.pdf", "en"),
])
def test_engine_agrees_with_the_table_checker(name: str, language: str) -> None:
    checks = check_pdf(PDFS / name)
    assert checks
    claims = checks_to_claims(checks)
    text = yaml.safe_dump({"document": {"id": "t", "language": language}, "claims": claims}, allow_unicode=True, sort_keys=False)
    claim_file = parse_claim_text(text, "t.yaml")
    assert [d for d in claim_file.diagnostics if d.severity == "error"] == []
    run = check_files([claim_file], discover=False)
    engine = {r.claim.id: r.verdict.value for r in run.results}
    # a doubted check is written as a figure with its doubt, not as a relation: no verdict
    checked = [c for c in checks if c.doubt is None]
    for check in checked:
        total_id = f"t{check.page}_{check.table}_r{check.total.row}_c{check.total.col}"
        assert engine.get(total_id, engine.get(total_id + "_x")) is not None
    assert Counter(engine.values()) == Counter(c.verdict.value for c in checked)


def test_dash_means_nil() -> None:
    from factcheck.numbers import parse_figure

    figure = parse_figure("\u2013")
    assert figure.value == 0 and figure.interval.contains(0)


def test_percentages_in_a_table_of_thousands_keep_their_own_unit() -> None:
    # Pensioenfonds DNB: "Bedragen in duizenden euro" over the table, and "Totale kosten in
    # percentage van het gemiddeld belegd vermogen 0,29%" = 0,22% + 0,07% below: the percentages
    # are no thousands of euros, or the engine would add 220 and 0,07
    checks = check_pdf(Path(__file__).parent / "unseen" / "docs" / "nlrap-03.pdf", "nl", pages=[1, 2], all_pages=True)
    claims = checks_to_claims(checks)
    by_id = {c["id"]: c for c in claims}
    total = by_id["t2_1_r6_c1"]
    assert total["expr"] == "sum(t2_1_r4_c1, t2_1_r5_c1)" and total["unit"] == "%" and "scale" not in total
    assert by_id["t2_1_r4_c1"]["unit"] == "%" and "scale" not in by_id["t2_1_r4_c1"]
    text = yaml.safe_dump({"document": {"id": "t", "language": "nl"}, "claims": claims}, allow_unicode=True, sort_keys=False)
    run = check_files([parse_claim_text(text, "t.yaml")], discover=False)
    verdicts = {r.claim.id: r.verdict.value for r in run.results}
    assert verdicts["t2_1_r6_c1"] == "consistent"
    assert [i for i, v in verdicts.items() if v in ("mismatch", "scale")] == []  # the 2021 share is doubted: no relation
