"""`precision: exact` under `document:`, `check --strict` and `pytest --factcheck-strict`: a slip
in the last printed digit is a mismatch, not rounding (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from factcheck.claimfile import parse_claim_text
from factcheck.engine import check_paths
from factcheck.model import Interval, Verdict

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims" / "asiel-migratie-2025.yaml"

# Question 8 with "€55.800" where the inputs give €55.700.
SLIP = """\
document:
  id: slip{header}
claims:
  - id: regulier
    stated: "€23.300"
    unit: EUR / place / year
  - id: verschil
    stated: "€32.400"
    unit: EUR / place / year
  - id: noodopvang
    stated: "€55.800"
    unit: EUR / place / year
    expr: regulier + verschil{claim_extra}
"""


def _verdicts(path: Path, strict: bool = False) -> dict[str, Verdict]:
    return {r.claim.id: r.verdict for r in check_paths([path], strict=strict).results}


def test_document_precision_exact_makes_a_last_digit_slip_a_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "slip.yaml"
    path.write_text(SLIP.format(header="", claim_extra=""), encoding="utf-8")
    assert _verdicts(path) == {"noodopvang": Verdict.ROUNDING}
    path.write_text(SLIP.format(header="\n  precision: exact", claim_extra=""), encoding="utf-8")
    assert _verdicts(path) == {"noodopvang": Verdict.MISMATCH}


def test_a_claim_that_says_otherwise_keeps_its_rounding(tmp_path: Path) -> None:
    path = tmp_path / "slip.yaml"
    path.write_text(SLIP.format(header="\n  precision: exact", claim_extra="\n    precision: '3'"), encoding="utf-8")
    assert _verdicts(path) == {"noodopvang": Verdict.ROUNDING}
    path.write_text(SLIP.format(header="\n  precision: exact", claim_extra="\n    tolerance: '1%'"), encoding="utf-8")
    assert _verdicts(path) == {"noodopvang": Verdict.ROUNDING}


def test_hedged_figures_stay_hedged_and_other_figures_become_points() -> None:
    text = ('document: {id: d, precision: exact}\nclaims:\n  - {id: a, stated: "bijna 80.000"}\n'
            '  - {id: b, stated: "€55.700"}\n')
    claims = {c.id: c for c in parse_claim_text(text, "d.yaml").claims}
    assert claims["b"].figure.interval == Interval.point(claims["b"].figure.value)
    assert claims["a"].figure.interval.lo < 80000  # "bijna" still stands for a range below it


def test_document_precision_other_than_exact_is_fc106(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(SLIP.format(header="\n  precision: exactly", claim_extra=""), encoding="utf-8")
    run = check_paths([path])
    assert [(d.code, d.location.line, d.location.col) for d in run.diagnostics] == [("FC106", 3, 14)]
    assert run.exit_code == 2


def test_check_strict_on_the_bundled_claims_catches_a_one_digit_slip(tmp_path: Path) -> None:
    slipped = tmp_path / "claims.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count('stated: "€983.113.200"\n    unit: EUR / year\n    kind: money\n    expr: bezetting_noodopvang * verschil_kostprijs') == 1
    slipped.write_text(text.replace('stated: "€983.113.200"\n    unit: EUR / year\n    kind: money\n    expr: bezetting_noodopvang * verschil_kostprijs',
                                    'stated: "€983.113.300"\n    unit: EUR / year\n    kind: money\n    expr: bezetting_noodopvang * verschil_kostprijs'),
                       encoding="utf-8")

    def verdict(*options: str) -> tuple[int, str]:
        done = subprocess.run([sys.executable, "-m", "factcheck", "check", "-f", "json", *options, str(slipped)],
                              capture_output=True, text=True)
        rows = {r["id"]: r["verdict"] for r in json.loads(done.stdout)["results"]}
        return done.returncode, rows["extra_kosten_noodopvang"]

    assert verdict() == (0, "rounding")
    assert verdict("--strict") == (1, "mismatch")
    report = subprocess.run([sys.executable, "-m", "factcheck", "report", "-f", "json", "--strict", str(slipped)],
                            capture_output=True, text=True)
    assert report.returncode == 1  # `report` reads the same way
    assert {r["id"]: r["verdict"] for r in json.loads(report.stdout)["results"]}["extra_kosten_noodopvang"] == "mismatch"
    # unchanged, the exact figure stays consistent under --strict
    assert _verdicts(BUNDLED, strict=True)["extra_kosten_noodopvang"] is Verdict.CONSISTENT


def test_pytest_plugin_has_a_strict_option(pytester: pytest.Pytester) -> None:
    pytester.makefile(".yaml", slip=SLIP.format(header="", claim_extra=""))
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
    result = pytester.runpytest("--factcheck-strict", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*noodopvang: verdict mismatch*"])


def test_schema_accepts_document_precision_exact_only() -> None:
    schema = json.loads(resources.files("factcheck").joinpath("schema/claimfile.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors({"document": {"id": "d", "precision": "exact"}}))
    assert list(validator.iter_errors({"document": {"id": "d", "precision": "roughly"}}))
