"""`factcheck report`: formats, output files, report directories, baselines and exit codes."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from factcheck.report import ALL, BaselineError
from factcheck.report_cli import add_report_parser

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"

pytest.importorskip("factcheck.engine")


def report(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="factcheck")
    add_report_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["report", *argv])
    return int(args.handler(args))


@pytest.fixture
def claim_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(
        "document:\n  id: small\n  title: Small\n  language: nl\nclaims:\n"
        '  - id: a\n    stated: "55.700"\n    quote: "kost 55.700"\n'
        '  - id: b\n    stated: "23.300"\n'
        '  - id: c\n    stated: "32.400"\n    expr: a - b\n    quote: "verschil 32.400"\n'
        '  - id: d\n    stated: "33.500"\n    expr: a - b\n    quote: "verschil 33.500"\n',
        encoding="utf-8",
    )
    return path


def test_help_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        report("--help")
    out = capsys.readouterr().out
    for fmt in ALL:
        assert fmt in out
    assert "--baseline" in out and "--report-dir" in out and "--exit-zero" in out


@pytest.mark.parametrize("fmt", ALL)
def test_each_format_to_stdout(fmt: str, claim_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(str(claim_file), "--format", fmt) == 1  # d is a mismatch nobody expected
    out = capsys.readouterr().out
    assert "small" in out
    assert "\x1b[" not in out  # not a terminal: no ANSI codes


def test_exit_zero(claim_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(str(claim_file), "--exit-zero") == 0


def test_output_file_and_json_content(claim_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sub" / "r.json"
    assert report(str(claim_file), "-f", "json", "-o", str(out)) == 1
    assert capsys.readouterr().out == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in data["results"]] == ["d", "c"]  # the unexpected mismatch first
    assert data["results"][0]["display"]["computed"] == "32.400"
    assert data["results"][0]["stated"] == "33500"


def test_report_dir_writes_every_format(claim_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports"
    report(str(claim_file), "--report-dir", str(out))
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        ["report.txt", "report.md", "report.html", "report.json", "report.junit.xml", "report.sarif"]
    )
    assert "wrote" in capsys.readouterr().err


def test_baseline_round_trip(claim_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    report(str(claim_file), "-f", "json", "-o", str(old))
    data = json.loads(old.read_text(encoding="utf-8"))
    data["results"][0]["verdict"] = "consistent"
    old.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    report(str(claim_file), "-f", "markdown", "--baseline", str(old))
    out = capsys.readouterr().out
    assert re.search(r"\| changed +\| small\.d +\| consistent +\| mismatch", out)


def test_bad_baseline_is_a_located_error(claim_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        report(str(claim_file), "--baseline", str(bad))
    assert info.value.code == "FC400" and info.value.path == str(bad)


def test_unreadable_claim_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("document:\n  id: x\nclaims: [\n", encoding="utf-8")
    assert report(str(bad), "-f", "json") == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err


@pytest.mark.skipif(not CLAIMS.is_dir(), reason="no bundled claims/")
def test_bundled_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    code = report("claims", "--report-dir", str(tmp_path))
    assert code == 0  # every verdict in claims/ is as expected
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    documents = {d["id"]: d["claim_file"] for d in data["documents"]}
    assert documents == {
        "asiel-migratie-2025": "claims/asiel-migratie-2025.yaml",
        "asiel-migratie-2025-antwoorden": "claims/asiel-migratie-2025-antwoorden.yaml",
    }
    assert data["summary"]["conflict"] == 1
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "983.113.200" in html


def test_wired_into_the_factcheck_command(claim_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    assert main(["report", str(claim_file), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["mismatch"] == 1
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["report", str(claim_file), "--baseline", str(bad)]) == 2
    assert "FC400" in capsys.readouterr().err


def test_all_lists_the_consistent_relations(claim_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(str(claim_file), "--format", "markdown") == 1
    sized = capsys.readouterr().out
    assert "verschil 32.400" not in sized and "1 consistent relation not listed" in sized
    assert "verschil **33.500**" in sized  # the mismatch, in full
    assert report(str(claim_file), "--format", "markdown", "--all") == 1
    full = capsys.readouterr().out
    assert "verschil **32.400**" in full and "not listed" not in full


def test_check_report_dir_takes_all(claim_file: Path, tmp_path: Path) -> None:
    from factcheck.cli import main

    main(["check", str(claim_file), "--report-dir", str(tmp_path / "sized")])
    main(["check", str(claim_file), "--all", "--report-dir", str(tmp_path / "full")])
    assert "verschil **32.400**" not in (tmp_path / "sized" / "report.md").read_text(encoding="utf-8")
    assert "verschil **32.400**" in (tmp_path / "full" / "report.md").read_text(encoding="utf-8")
