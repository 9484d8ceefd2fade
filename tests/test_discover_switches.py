"""Each kind of discovery has its own switch, in extract and in check; check runs only what extract did not."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from factcheck import yaml_roundtrip as yr
from factcheck.claimfile import read_claim_file
from factcheck.cli import main as factcheck_main
from factcheck.discover.claims import proposed_claims
from factcheck.discover.options import Discovery
from factcheck.extract_cli import main as extract_main

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"
PUERTOS = ROOT / "tests" / "pdfs" / "puertos1_real_mismatch.pdf"


def _extract(source: Path, target: Path, *switches: str) -> dict:
    assert extract_main([str(source), "-o", str(target), "--no-progress", *switches]) == 0
    return yr.to_plain(yr.load(target))


def _origins(data: dict) -> list[str]:
    return [c["id"] for c in data["claims"] if c.get("origin") == "discovered"]


def test_extract_records_which_kinds_ran(tmp_path: Path) -> None:
    every = _extract(DOC, tmp_path / "all.yaml")
    assert every["extraction"]["discovery"] == ["relations", "repeats", "tables"]
    no_repeats = _extract(DOC, tmp_path / "no-repeats.yaml", "--no-repeats")
    assert no_repeats["extraction"]["discovery"] == ["relations", "tables"]
    found = {c["id"]: c for c in no_repeats["claims"]}
    assert any("expr" in c and c.get("origin") == "discovered" for c in found.values())
    assert not any("repeats" in c for c in found.values())
    none = _extract(DOC, tmp_path / "none.yaml", "--no-discover")
    assert none["extraction"]["discovery"] == []
    assert _origins(none) == []


def test_check_leaves_discovery_as_extract_decided(tmp_path: Path) -> None:
    # Extracted without discovery: the record says so, and check proposes nothing either.
    target = tmp_path / "asiel.yaml"
    _extract(DOC, target, "--no-discover")
    claim_file = read_claim_file(target)
    assert claim_file.discovery_done == frozenset()
    assert proposed_claims(claim_file) == ([], [])


def _legacy(claim_path: Path) -> None:
    """Drop the record, as in a file extracted before extract wrote it."""
    text = claim_path.read_text(encoding="utf-8")
    text = re.sub(r"\n  discovery:.*(\n  - .*)*", "", text)
    claim_path.write_text(text, encoding="utf-8")


def test_check_discovers_table_totals_for_an_older_extraction(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / PUERTOS.name
    shutil.copy(PUERTOS, pdf)
    target = tmp_path / "puertos.yaml"
    _extract(pdf, target, "--no-discover")
    _legacy(target)
    assert read_claim_file(target).discovery_done is None

    assert factcheck_main(["check", str(target), "--format", "json"]) == 1  # puertos1's 2007 total is wrong
    results = json.loads(capsys.readouterr().out)["results"]
    verdicts = {r["id"]: r["verdict"] for r in results}
    assert "mismatch" in verdicts.values()
    assert all(name.startswith("t1_") for name in verdicts)  # table cells: page 1

    # Each kind can be switched off at check time too.
    assert factcheck_main(["check", str(target), "--format", "json", "--no-tables"]) == 0
    assert json.loads(capsys.readouterr().out)["results"] == []

    # A source that changed since extraction is not mixed with the claims taken from it.
    pdf.write_bytes(pdf.read_bytes() + b"\n% edited\n")
    assert factcheck_main(["check", str(target), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["results"] == []
    assert "FC311" in captured.err and "changed since it was extracted" in captured.err


def test_check_discovers_relations_but_not_repeats_when_told(tmp_path: Path) -> None:
    target = tmp_path / "asiel.yaml"
    _extract(DOC, target, "--no-discover")
    _legacy(target)
    claim_file = read_claim_file(target)
    claims, warnings = proposed_claims(claim_file, Discovery(repeats=False, tables=False))
    assert warnings == []
    assert claims and all(c.expr and not c.repeats and c.origin == "discovered" for c in claims)
    exprs = {c.expr for c in claims}
    assert len(exprs) == len(claims) == 2  # the question 8 chain
    claims, _ = proposed_claims(claim_file, Discovery(relations=False, tables=False))
    assert claims and all(c.repeats and c.expr is None for c in claims)


def test_reports_say_why_discovery_proposed_a_relation() -> None:
    from factcheck.engine import check_paths
    from factcheck.report.view import build_view

    view = build_view(check_paths([str(ROOT / "claims" / "asiel-migratie-2025-antwoorden.yaml")]))
    # a Dutch document: the labels are Dutch
    found = {r.result.claim.id: r.extra.get("gevonden door ontdekking", "") for r in view.results}
    assert "relation: difference" in found["rel_verschil_kosten_tussen_noodopvang"]
    assert "wording: verschil" in found["rel_verschil_kosten_tussen_noodopvang"]
    assert "wording: komt daarmee uit op" in found["rel_extra_kosten_crisisnoodopvang"]
    # A repeat group lists its statements as evidence instead.
    assert found["repeat_besparing_hoofdlijnenakkoord"] == ""
