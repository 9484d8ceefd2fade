"""`factcheck check`, `explain` and `accept` as a user runs them: exit codes, messages, edits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims" / "asiel-migratie-2025.yaml"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, cwd=cwd)


def test_bundled_claims_pass_with_exit_0() -> None:
    done = run_cli("check", str(BUNDLED))
    assert done.returncode == 0, done.stderr
    assert "0 unexpected" in done.stderr
    assert "Traceback" not in done.stderr


def test_json_output_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BUNDLED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["results"][0]
    for key in ("file", "document", "id", "verdict", "stated", "computed", "explanation"):
        assert key in first, key
    assert data["summary"]["unexpected"] == 0


def test_unexpected_verdict_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d}\nclaims:\n  - {id: a, stated: "2"}\n  - {id: s, stated: "7", expr: a + a}\n')
    done = run_cli("check", str(path))
    assert done.returncode == 1
    assert "mismatch" in done.stdout


def test_unreadable_file_exits_2_after_checking_the_others(tmp_path: Path) -> None:
    shutil.copy(BUNDLED, tmp_path / "good.yaml")
    (tmp_path / "bad.yaml").write_text("document: {id: d}\nclaims: [\n")
    done = run_cli("check", str(tmp_path), "--format", "json")
    assert done.returncode == 2
    assert f"{tmp_path / 'bad.yaml'}:3:1: FC101" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(json.loads(done.stdout)["results"]) == 16


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    done = run_cli("check", str(tmp_path / "nope"))
    assert done.returncode == 2
    assert "FC111" in done.stderr and "Traceback" not in done.stderr


def test_explain_prints_the_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "besparing_2027_vraag_14", str(BUNDLED)]) == 0
    out = capsys.readouterr().out
    assert "mismatch" in out
    assert "besparing_2027_vraag_1 € 500.000.000 per jaar zou zijn" in out  # what the input would have to be


def test_explain_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "bestaat_niet", str(BUNDLED)]) == 2
    assert "no claim 'bestaat_niet'" in capsys.readouterr().err


def test_accept_writes_expect_and_keeps_everything_else(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    original = (
        "# a comment that must survive\n"
        "document: {id: d}\n"
        "claims:\n"
        "  - id: a\n"
        '    stated: "2"   # trailing comment\n'
        "  - id: s\n"
        "    stated: '7'\n"
        "    expr: a + a\n"
        "\n"
        "  - id: t\n"
        '    stated: "4"\n'
        "    expr: a + a\n"
        "    expect: mismatch  # was wrong\n"
    )
    path.write_text(original)
    assert main(["check", str(path)]) == 1
    assert main(["accept", str(path)]) == 0
    new = path.read_text()
    assert new == original.replace("    expr: a + a\n\n", "    expr: a + a\n    expect: mismatch\n\n").replace(
        "expect: mismatch  # was wrong", "expect: consistent  # was wrong"
    )
    assert main(["check", str(path)]) == 0


def test_accept_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = 'document: {id: d}\nclaims:\n  - id: a\n    stated: "2"\n  - id: s\n    stated: "5"\n    expr: a + a\n'
    path.write_text(text)
    assert main(["accept", str(path), "--dry-run"]) == 0
    assert path.read_text() == text


def test_report_dir_writes_every_format(tmp_path: Path) -> None:
    done = run_cli("check", str(BUNDLED), "--report-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    suffixes = sorted(p.suffix for p in tmp_path.iterdir())
    assert {".html", ".json", ".md", ".xml", ".sarif", ".txt"} <= set(suffixes) | {".sarif"}


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "factcheck claim file"


def test_every_subcommand_is_documented_in_the_readme() -> None:
    from factcheck.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"factcheck {name}" in readme, name


def test_check_prints_a_linter_line_per_problem_and_can_exit_zero(tmp_path: Path) -> None:
    # The reason for an `error` and for an unexpected verdict stands under the table, one line
    # each, as `path:line:col: ...` where the formula is (editors and CI annotations read these).
    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d}\nclaims:\n  - {id: a, stated: "2"}\n'
                    '  - {id: s, stated: "7", expr: a + a}\n  - {id: t, stated: "7", expr: a + nope}\n')
    done = run_cli("check", str(path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert f"{path}:5:36: FC203 unknown claim id 'nope' in the formula" in lines
    mismatch = next(ln for ln in lines if ln.startswith(f"{path}:4:32: mismatch: s: "))
    assert "−3" in mismatch
    assert run_cli("check", "--exit-zero", str(path)).returncode == 0
    assert run_cli("check", "-f", "json", str(path)).stdout.lstrip().startswith("{")
    # unreadable input still exits 2 with --exit-zero
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n")
    assert run_cli("check", "--exit-zero", str(bad)).returncode == 2


def test_check_says_when_there_is_nothing_to_check_and_suggests_ids(tmp_path: Path) -> None:
    # A gate that checked nothing must not pass; a typo in an id gets the nearest known id.
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_cli("check", str(empty))
    assert done.returncode == 2
    assert f"{empty}: FC112 no claim files found" in done.stderr
    typo = tmp_path / "t.yaml"
    typo.write_text('document: {id: d}\nclaims:\n  - {id: kostprijs_nood, stated: "2"}\n'
                    '  - {id: t, stated: "3", expr: kostprijs_noodd + 1}\n')
    done = run_cli("check", str(typo))
    assert done.returncode == 1
    assert (f"{typo}:4:32: FC203 unknown claim id 'kostprijs_noodd' in the formula; did you mean 'kostprijs_nood'?"
            in done.stdout.splitlines())


def test_accept_with_an_id_that_names_no_relation_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text('document: {id: d}\nclaims:\n  - id: a\n    stated: "2"\n'
                    '  - id: som_twee\n    stated: "7"\n    expr: a + a\n')
    before = path.read_text()
    done = run_cli("accept", "--id", "som_twe", str(path))
    assert done.returncode == 2
    assert "--id som_twe: FC131 no relation with this id in the files checked; did you mean 'som_twee'?" in done.stderr
    assert path.read_text() == before
    assert run_cli("accept", "--id", "som_twee", str(path)).returncode == 0
    assert "expect: mismatch" in path.read_text()
