"""Inputs that need a person's attention are never hidden (issue 11): a claim file that could
not be read is counted in the summary and is a SARIF result at its line; a merge conflict left in
a file is a warning of `check`, and `extract` says where it wrote it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from factcheck.extract_cli import main as extract_main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims" / "asiel-migratie-2025.yaml"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd)


def _with_a_broken_file(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    shutil.copy(BUNDLED, claims / "good.yaml")
    (claims / "bad.yaml").write_text("document: {id: d}\nclaims: [\n", encoding="utf-8")


def test_the_summary_counts_a_file_that_could_not_be_read(tmp_path: Path) -> None:
    _with_a_broken_file(tmp_path)
    done = run_cli("check", "claims", cwd=tmp_path)
    assert done.returncode == 2
    summary = done.stderr.splitlines()[-1]
    assert summary.endswith("; 0 unexpected; 1 file could not be read in full (FC101)"), summary


def test_sarif_has_a_result_at_the_line_of_an_unreadable_file(tmp_path: Path) -> None:
    _with_a_broken_file(tmp_path)
    done = run_cli("check", "claims", "-f", "sarif", cwd=tmp_path)
    assert done.returncode == 2
    run = json.loads(done.stdout)["runs"][0]
    broken = [r for r in run["results"] if r["ruleId"] == "factcheck/FC101"]
    assert len(broken) == 1
    location = broken[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "claims/bad.yaml"
    assert location["region"] == {"startLine": 3, "startColumn": 1}
    assert broken[0]["level"] == "error"
    rules = run["tool"]["driver"]["rules"]
    assert rules[broken[0]["ruleIndex"]]["id"] == "factcheck/FC101"
    # still a notification too, and the run did not succeed
    assert run["invocations"][0]["executionSuccessful"] is False


def test_a_merge_conflict_is_placed_by_extract_and_warned_about_by_check(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "doc.txt"
    target = tmp_path / "c.yaml"
    doc.write_text("Vraag 1\nDe kostprijs van noodopvang is €55.700 per plek per jaar.\n", encoding="utf-8")
    assert extract_main([str(doc), "-o", str(target), "--no-progress"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "    unit: EUR / place / year\n" in text
    target.write_text(text.replace("    unit: EUR / place / year\n", "    unit: EUR / place\n"), encoding="utf-8")
    doc.write_text("Vraag 1\nDe kostprijs van noodopvang is €55.700 per plek per maand.\n", encoding="utf-8")
    capsys.readouterr()
    assert extract_main([str(doc), "-o", str(target), "--no-progress"]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    line = lines.index("      unit:") + 1  # under `conflict:`
    assert (f"{target}:{line}:7: FC310 conflict in vraag_1_kostprijs_noodopvang.unit: your edit kept, "
            "extraction changed it too (see `conflict:`) (warning)") in capsys.readouterr().err.splitlines()
    done = run_cli("check", str(target))
    assert done.returncode == 0  # a warning, not a failure
    assert (f"{target}:{line}:7: FC312 unresolved merge conflict in vraag_1_kostprijs_noodopvang.unit: your value "
            "is kept; the document changed it from 'EUR / place / year' to 'EUR / place / month'; settle it and "
            "delete the entry under `conflict:` (warning)") in done.stderr.splitlines()
