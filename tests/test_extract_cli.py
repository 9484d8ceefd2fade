"""`factcheck extract` end to end: batches with bad files, re-runs that keep edits, dry runs."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import yaml_roundtrip as yr
from factcheck.extract_cli import add_extract_parser, main, parse_size

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"
PDFS = ROOT / "tests" / "pdfs"


def test_batch_with_bad_files_carries_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf")
    out = tmp_path / "claims"
    rc = main([str(DOC), str(empty), str(fake), str(PDFS / "labor.pdf"), str(tmp_path / "missing.pdf"), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"{empty}: FC304 the file is empty" in err
    assert f"{fake}: FC302 " in err
    assert f"{tmp_path / 'missing.pdf'}: FC308 " in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.glob("*.yaml") if not p.name.startswith(".")) == ["asiel-migratie-2025-antwoorden.yaml", "labor.yaml"]
    root = yr.to_plain(yr.load(out / "asiel-migratie-2025-antwoorden.yaml"))
    assert (out / root["document"]["source"]).resolve() == DOC.resolve()


def test_all_good_exits_zero_and_rerun_keeps_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "asiel.yaml"
    assert main([str(DOC), "-o", str(target), "--no-progress"]) == 0
    text = target.read_text(encoding="utf-8")
    edited = text.replace('    stated: "€55.700"\n    value: "55700"\n    unit: EUR\n',
                          '    stated: "€55.700"\n    value: "55700"\n    unit: EUR / place / year  # per plek per jaar\n')
    assert edited != text
    target.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert main([str(DOC), "-o", str(target), "--dry-run"]) == 0
    assert capsys.readouterr().out == ""  # nothing would change
    assert main([str(DOC), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == edited


def test_dry_run_prints_a_unified_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "asiel.yaml"
    assert main([str(DOC), "-o", str(target), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{target}\n+++ b/{target}\n")
    assert '+    stated: "€55.700"\n' in out
    assert not target.exists()


def test_one_output_file_for_many_sources_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DOC), str(PDFS / "labor.pdf"), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "give a folder" in capsys.readouterr().err


def test_jobs_over_documents(tmp_path: Path) -> None:
    sources = [str(PDFS / n) for n in ("labor.pdf", "fichebundel-13.pdf", "fichebundel-85.pdf")]
    assert main(sources + ["-o", str(tmp_path / "a"), "--jobs", "2"]) == 0
    assert main(sources + ["-o", str(tmp_path / "b")]) == 0
    for name in ("labor.yaml", "fichebundel-13.yaml", "fichebundel-85.yaml"):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()


def test_password_option(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("_extract_sources", Path(__file__).with_name("test_extract_sources.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ENCRYPTED_PDF = module.ENCRYPTED_PDF

    path = tmp_path / "secret.pdf"
    path.write_bytes(ENCRYPTED_PDF)
    assert main([str(path), "-o", str(tmp_path / "out")]) == 1
    assert main([str(path), "-o", str(tmp_path / "out"), "--password", "secret"]) == 0


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.extract_cli", str(PDFS / "labor.pdf"), "-o", str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-2:]
    assert last[0].startswith(f"{PDFS / 'labor.pdf'}: wrote ")
    assert last[1].startswith("1 document: 1 done, 0 skipped (unchanged), 0 failed; 1 page, ")


def test_parser_registration_and_sizes() -> None:
    parser = argparse.ArgumentParser(prog="factcheck")
    sub = parser.add_subparsers(dest="command")
    add_extract_parser(sub)
    args = parser.parse_args(["extract", "a.pdf", "--lang", "en", "--jobs", "3", "--max-size", "5MB", "--page-timeout", "2"])
    assert (args.lang, args.jobs, args.max_size, args.page_timeout) == ("en", 3, 5 * 1024**2, 2.0)
    assert callable(args.handler)
    assert parse_size("1.5 GB") == int(1.5 * 1024**3) and parse_size("500k") == 500 * 1024
    with pytest.raises(SystemExit):
        parser.parse_args(["extract", "a.pdf", "--jobs", "0"])


def test_written_claim_files_read_cleanly(tmp_path: Path) -> None:
    """What extract writes is a valid claim file for the checker (no diagnostics at all)."""
    from factcheck import claimfile

    out = tmp_path / "claims"
    assert main([str(DOC), str(PDFS / "fichebundel-85.pdf"), str(PDFS / "labor.pdf"), "-o", str(out)]) == 0
    for path in sorted(out.glob("[!.]*.yaml")):
        loaded = claimfile.read_claim_file(path)
        assert [str(d) for d in loaded.diagnostics] == []
        assert len(loaded.claims) > 20
        # Every figure has a value; a discovered repeat group names its statements instead.
        assert all(c.value is not None for c in loaded.claims if not c.repeats)
        assert any(c.origin == "discovered" for c in loaded.claims)


class _RecordedBar:
    """Stands in for report.terminal.ProgressBar: records each frame as (label, done, total)."""

    frames: list[tuple[str, int, int]] = []

    def __init__(self, label: str, total: int) -> None:
        self.label, self.done, self.total = label, 0, total
        self.frames.append((label, 0, total))  # the real bar draws its first frame on start

    def update(self, completed: int, total: int | None = None) -> None:
        self.done, self.total = completed, total if total is not None else self.total
        self.frames.append((self.label, self.done, self.total))

    def advance(self, label: str | None = None) -> None:
        self.label, self.done = label or self.label, self.done + 1
        self.frames.append((self.label, self.done, self.total))

    def stop(self) -> None:
        pass


def test_progress_of_one_document_counts_its_pages_from_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from factcheck.report import terminal

    monkeypatch.setattr(terminal, "ProgressBar", _RecordedBar)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(_RecordedBar, "frames", [])
    assert main([str(PDFS / "fichebundel-13.pdf"), "-o", str(tmp_path / "out.yaml")]) == 0
    frames = _RecordedBar.frames
    assert frames, "no progress shown on a terminal"
    assert frames[0] == ("fichebundel-13.pdf (pages)", 0, 3)  # not "0/1", the one document
    assert frames[-1] == ("fichebundel-13.pdf (pages)", 3, 3)
    assert {total for _, _, total in frames} == {3}


def test_progress_of_a_batch_counts_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from factcheck.report import terminal

    monkeypatch.setattr(terminal, "ProgressBar", _RecordedBar)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(_RecordedBar, "frames", [])
    assert main([str(PDFS / "labor.pdf"), str(PDFS / "1_De_Koning.pdf"), "-o", str(tmp_path)]) == 0
    frames = _RecordedBar.frames
    assert frames[0][1:] == (0, 2) and frames[-1][1:] == (2, 2)


def test_a_fault_in_discovery_keeps_the_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    import factcheck.extract_cli as extract_cli

    def broken(*args: object, **kwargs: object) -> list[dict[str, object]]:
        raise ZeroDivisionError("Fraction(1, 0)")

    monkeypatch.setattr(extract_cli, "discovered_claims", broken)
    out = tmp_path / "claims"
    assert main([str(PDFS / "labor.pdf"), "-o", str(out), "--jobs", "1", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "FC300 unexpected ZeroDivisionError in discovery" in err and "figures written without discovered claims" in err
    assert "Traceback" not in err
    root = yr.to_plain(yr.load(out / "labor.yaml"))
    assert root["claims"] and all(c.get("origin") == "extracted" for c in root["claims"])
    assert root["extraction"]["discovery"] == []
