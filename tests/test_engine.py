"""The engine on the bundled claim file and on constructed examples of every verdict."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.claimfile import parse_claim_text
from factcheck.engine import check_files, check_paths
from factcheck.model import Verdict

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims" / "asiel-migratie-2025.yaml"
GALLERY = Path(__file__).parent / "data" / "verdicts.yaml"


def results_by_id(*paths: Path) -> dict:
    run = check_paths([str(p) for p in paths])
    assert not [d for d in run.diagnostics if d.severity == "error"], run.diagnostics
    return {r.claim.id: r for r in run.results}


def check_text(text: str, name: str = "t.yaml") -> dict:
    run = check_files([parse_claim_text(text, name)])
    return {r.claim.id: r for r in run.results}


def test_question_8_chain_is_consistent() -> None:
    results = results_by_id(BUNDLED)
    difference = results["verschil_kostprijs"]
    assert difference.verdict is Verdict.CONSISTENT
    assert difference.computed == 32400
    total = results["extra_kosten_noodopvang"]
    assert total.verdict is Verdict.CONSISTENT
    assert total.computed == 983_113_200
    assert results["extra_kosten_uit_invoer"].computed == 30343 * (55700 - 23300)


def test_one_billion_a_year_is_rounding_of_the_exact_total() -> None:
    result = results_by_id(BUNDLED)["miljard_per_jaar_vraag_8"]
    assert result.verdict is Verdict.ROUNDING
    assert result.difference == 983_113_200 - 1_000_000_000
    assert result.stated_interval.contains(Fraction(983_113_200))
    assert result.expected


def test_savings_2027_disagree_and_the_solver_names_the_needed_value() -> None:
    result = results_by_id(BUNDLED)["besparing_2027_vraag_14"]
    assert result.verdict is Verdict.MISMATCH
    assert result.difference == 500_000_000
    assert result.relative_difference == 1
    implied = {i.name: i.value for i in result.implied}
    assert implied == {"besparing_2027_vraag_1": 500_000_000}


def test_bundled_file_passes_as_a_whole() -> None:
    run = check_paths([str(BUNDLED)])
    assert run.exit_code == 0
    summary = run.summary()
    for verdict in ("consistent", "rounding", "mismatch", "unverifiable"):
        assert summary[verdict] >= 1, verdict


def test_every_verdict_in_the_gallery() -> None:
    results = results_by_id(GALLERY)
    expected = {
        "totaal_in_euro": Verdict.SCALE,
        "appels_en_peren": Verdict.UNIT,
        "per_persoon_verkeerd": Verdict.UNIT,
        "onbekend": Verdict.ERROR,
        "deling_door_nul": Verdict.ERROR,
        "kring_gebruiker": Verdict.ERROR,
        "te_groot": Verdict.ERROR,
        "totaal_afgerond": Verdict.ROUNDING,
        "totaal_fout": Verdict.MISMATCH,
        "som_onder": Verdict.ROUNDING,
        "dertig_procent": Verdict.CONSISTENT,
        "dertig_procent_letterlijk": Verdict.CONSISTENT,
        "per_jaar_eenheden": Verdict.CONSISTENT,
    }
    for claim_id, verdict in expected.items():
        assert results[claim_id].verdict is verdict, (claim_id, results[claim_id].explanation)


def test_scale_reports_the_factor() -> None:
    result = results_by_id(GALLERY)["totaal_in_euro"]
    assert result.scale_factor == Fraction(1, 1000)


def test_error_messages_point_into_the_yaml_file() -> None:
    results = results_by_id(GALLERY)
    assert results["onbekend"].message.startswith(f"{GALLERY}:")
    assert "FC203" in results["onbekend"].message
    assert "FC221" in results["deling_door_nul"].message
    assert "cycle" in results["kring_gebruiker"].message and "FC223" in results["kring_gebruiker"].message
    assert "FC204" in results["te_groot"].message


def test_unit_verdict_shows_both_dimensions() -> None:
    result = results_by_id(GALLERY)["appels_en_peren"]
    assert {result.computed_unit, result.stated_unit} == {"person", "EUR"}


def test_unverifiable_names_the_missing_input() -> None:
    result = results_by_id(BUNDLED)["ind_bezuiniging_2028"]
    assert result.verdict is Verdict.UNVERIFIABLE
    assert result.missing == ("ind_budget_bestaand",)
    assert "external" in result.explanation


def test_tolerance_overrides_rounding() -> None:
    text = """
document: {id: tol}
claims:
  - {id: a, stated: "1000"}
  - {id: b, stated: "1001"}
  - {id: loose, stated: "2000", expr: a + b, tolerance: "0.1%"}
  - {id: tight, stated: "2000", expr: a + b, tolerance: "0"}
"""
    results = check_text(text)
    assert results["loose"].verdict is Verdict.ROUNDING
    assert results["tight"].verdict is Verdict.MISMATCH


def test_cross_file_reference(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('document: {id: doc-a}\nclaims:\n  - {id: x, stated: "€ 10", unit: EUR}\n')
    (tmp_path / "b.yaml").write_text('document: {id: doc-b}\nclaims:\n  - {id: y, stated: "€ 20", unit: EUR, expr: doc-a.x * 2}\n')
    run = check_paths([str(tmp_path)])
    assert [r.verdict for r in run.results] == [Verdict.CONSISTENT]


def test_no_float_reaches_a_verdict() -> None:
    # 0.1 + 0.2 == 0.3 holds exactly with fractions and fails with floats.
    results = check_text('document: {id: f, language: en}\nclaims:\n  - {id: s, stated: "0.3", expr: 0.1 + 0.2}\n')
    assert results["s"].verdict is Verdict.CONSISTENT
    assert isinstance(results["s"].computed, Fraction)


def test_explanation_is_in_the_document_language() -> None:
    nl = check_text('document: {id: n, language: nl}\nclaims:\n  - {id: s, stated: "3", expr: 1 + 2}\n')["s"]
    en = check_text('document: {id: e, language: en}\nclaims:\n  - {id: s, stated: "3", expr: 1 + 2}\n')["s"]
    assert "Oordeel: consistent" in nl.explanation
    assert "Verdict: consistent" in en.explanation


@pytest.mark.parametrize("unit_a, unit_b, verdict", [
    ("EUR / day", "EUR / year", Verdict.CONSISTENT),
    ("EUR / month", "EUR / year", Verdict.CONSISTENT),
    ("EUR", "USD", Verdict.UNIT),
])
def test_units_convert_or_clash(unit_a: str, unit_b: str, verdict: Verdict) -> None:
    factor = {"EUR / day": 365, "EUR / month": 12, "EUR": 1}[unit_a]
    text = f"""
document: {{id: u}}
claims:
  - {{id: a, stated: "10", unit: {unit_a}}}
  - {{id: b, stated: "{10 * factor}", unit: {unit_b}, expr: a}}
"""
    assert check_text(text)["b"].verdict is verdict


def test_file_declared_equivalence_changes_the_year() -> None:
    text = """
document:
  id: y
  language: en
  units: {equivalences: ["year = 365.25 day"]}
claims:
  - {id: daily, stated: "4", unit: EUR / day}
  - {id: yearly, stated: "1461", unit: EUR / year, expr: daily}
"""
    assert check_text(text)["yearly"].verdict is Verdict.CONSISTENT


def test_one_verdict_rule_never_calls_zero_a_scale_slip() -> None:
    from fractions import Fraction

    from factcheck.model import Interval, Verdict, interval_verdict

    five = Interval(Fraction(9, 2), Fraction(11, 2))
    zero = Interval(Fraction(-1, 200), Fraction(1, 200))
    assert interval_verdict(Fraction(5), five, Fraction(0), zero) == (Verdict.MISMATCH, None)
    thousand = Interval(Fraction(4500), Fraction(5500))
    assert interval_verdict(Fraction(5), five, Fraction(5000), thousand) == (Verdict.SCALE, Fraction(1000))
