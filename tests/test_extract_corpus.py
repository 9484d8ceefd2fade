"""`factcheck extract FOLDER`: walking a corpus, skipping what did not change, the run's summary."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import factcheck
from factcheck.corpus import Stamp, read_stamp, walk_sources
from factcheck.extract_cli import main
from factcheck.merge import sidecar_path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"
PDFS = ROOT / "tests" / "pdfs"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small corpus: a text file, two PDFs in a subfolder, a bad PDF, and files that are not documents."""
    root = tmp_path / "corpus"
    (root / "pdf").mkdir(parents=True)
    shutil.copy(DOC, root / "antwoorden.txt")
    shutil.copy(PDFS / "labor.pdf", root / "pdf" / "labor.pdf")
    shutil.copy(PDFS / "oi2021_tabel_8_sparse.pdf", root / "pdf" / "oi2021.pdf")
    (root / "pdf" / "broken.pdf").write_text("not a pdf")
    (root / "README.md").write_text("# About this corpus: 1.000 documents\n")
    (root / "notes.csv").write_text("a,b\n1,2\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("Het kost 5 miljoen euro.\n")
    return root


def _claim_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _summary(err: str) -> str:
    return [line for line in err.splitlines() if " document" in line and "done," in line][-1]


def test_walk_finds_documents_only(corpus: Path) -> None:
    sources, empty = walk_sources([str(corpus), str(corpus / "missing.pdf")])
    names = [Path(s).relative_to(corpus).as_posix() for s in sources]
    # sorted, README.md, notes.csv and hidden folders left out; a missing path kept for the extractor to report
    assert names == ["antwoorden.txt", "pdf/broken.pdf", "pdf/labor.pdf", "pdf/oi2021.pdf", "missing.pdf"]
    assert empty == []
    (corpus / "empty").mkdir()
    assert walk_sources([str(corpus / "empty")]) == ([], [str(corpus / "empty")])


def test_folder_run_reports_bad_document_and_summary(corpus: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main([str(corpus), "-o", str(out), "--no-progress"]) == 1  # one bad document
    err = capsys.readouterr().err
    assert re.search(r"broken\.pdf: FC302 ", err)
    assert sorted(p.name for p in out.glob("[!.]*.yaml")) == ["antwoorden.yaml", "labor.yaml", "oi2021.yaml"]
    summary = _summary(err)
    assert summary.startswith("4 documents: 3 done, 0 skipped (unchanged), 1 failed; ")
    # the counts are the documents' own: pages of the two PDFs, figures of all three
    stamps = [read_stamp(out / f"{n}.yaml") for n in ("antwoorden", "labor", "oi2021")]
    assert all(s is not None for s in stamps)
    pages = sum(s.pages for s in stamps if s)
    figures = sum(s.figures for s in stamps if s)
    assert pages == 2 and figures > 60
    assert f"{pages:,} pages, {figures:,} figures" in summary


def test_unchanged_rerun_skips_and_a_change_is_redone(corpus: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out), "--no-progress"])
    first = _claim_files(out)
    capsys.readouterr()

    assert main([str(corpus), "-o", str(out), "--no-progress"]) == 1  # the bad document still fails
    err = capsys.readouterr().err
    assert _summary(err).startswith("4 documents: 0 done, 3 skipped (unchanged), 1 failed; ")
    assert "wrote" not in err and "unchanged " not in err  # nothing was extracted again
    assert _claim_files(out) == first

    # a changed document is extracted again; the others stay skipped
    text = (corpus / "antwoorden.txt").read_text(encoding="utf-8")
    (corpus / "antwoorden.txt").write_text(text + "\nDe kosten zijn 12 miljoen euro.\n", encoding="utf-8")
    main([str(corpus), "-o", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert _summary(err).startswith("4 documents: 1 done, 2 skipped (unchanged), 1 failed; ")
    assert "antwoorden.txt: wrote" in err
    assert "12 miljoen euro" in (out / "antwoorden.yaml").read_text(encoding="utf-8")

    # other options make other claim files: extracted again
    main([str(corpus), "-o", str(out), "--no-progress", "--no-tables"])
    assert _summary(capsys.readouterr().err).startswith("4 documents: 3 done, 0 skipped")
    # --force redoes every document
    main([str(corpus), "-o", str(out), "--no-progress", "--no-tables", "--force"])
    assert _summary(capsys.readouterr().err).startswith("4 documents: 3 done, 0 skipped")


def test_new_version_extracts_again(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert main([str(PDFS / "labor.pdf"), "-o", str(out), "--no-progress"]) == 0
    assert main([str(PDFS / "labor.pdf"), "-o", str(out), "--no-progress"]) == 0
    assert "0 done, 1 skipped" in capsys.readouterr().err
    monkeypatch.setattr(factcheck, "__version__", "99.0")
    assert main([str(PDFS / "labor.pdf"), "-o", str(out), "--no-progress"]) == 0
    assert "labor.pdf: unchanged" in capsys.readouterr().err  # extracted again; the same figures
    stamp = read_stamp(out / "labor.yaml")
    assert stamp is not None and stamp.version.startswith("99.0+")


def test_edited_claim_file_is_skipped_and_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "asiel.yaml"
    assert main([str(DOC), "-o", str(target), "--no-progress"]) == 0
    edited = target.read_text(encoding="utf-8").replace("claims:\n", "claims:  # checked by hand\n", 1)
    target.write_text(edited, encoding="utf-8")
    assert main([str(DOC), "-o", str(target), "--no-progress"]) == 0
    assert "0 done, 1 skipped" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == edited


def test_lost_or_broken_stamp_means_extract_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "asiel.yaml"
    main([str(DOC), "-o", str(target), "--no-progress"])
    side = sidecar_path(target)
    lines = side.read_text(encoding="utf-8").splitlines(keepends=True)
    assert Stamp.from_line(lines[1]) is not None
    side.write_text(lines[0] + "# factcheck-stamp {broken\n" + "".join(lines[2:]), encoding="utf-8")
    capsys.readouterr()
    main([str(DOC), "-o", str(target), "--no-progress"])
    assert "1 done, 0 skipped" in capsys.readouterr().err
    target.unlink()  # the claim file gone: extracted again, whatever the sidecar says
    main([str(DOC), "-o", str(target), "--no-progress"])
    assert "1 done, 0 skipped" in capsys.readouterr().err
    assert target.exists()


def test_two_documents_for_one_claim_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(PDFS / "labor.pdf", tmp_path / folder / "labor.pdf")
    out = tmp_path / "out"
    assert main([str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'b' / 'labor.pdf'}: FC323 {tmp_path / 'a' / 'labor.pdf'} writes the same claim file" in err
    assert "2 documents: 1 done, 0 skipped (unchanged), 1 failed" in err


def test_folder_without_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "README.md").write_text("nothing here\n")
    assert main([str(tmp_path / "notes"), "-o", str(tmp_path / "out"), "--no-progress"]) == 2
    assert f"{tmp_path / 'notes'}: FC322 no PDF, text or HTML files in this folder" in capsys.readouterr().err


def test_scheduler_needs_dask_executor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DOC), "-o", str(tmp_path / "x.yaml"), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--scheduler needs --executor dask" in capsys.readouterr().err


def test_jobs_write_the_serial_claim_files(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # discovery runs in each document's child process with --jobs: the same bytes, the same messages
    main([str(corpus), "-o", str(tmp_path / "serial"), "--no-progress", "--jobs", "1"])
    serial_err = capsys.readouterr().err
    main([str(corpus), "-o", str(tmp_path / "jobs"), "--no-progress", "--jobs", "2"])
    jobs_err = capsys.readouterr().err
    assert _claim_files(tmp_path / "jobs") == _claim_files(tmp_path / "serial")
    assert len(_claim_files(tmp_path / "serial")) == 6  # three claim files and their sidecars
    assert jobs_err == serial_err.replace(str(tmp_path / "serial"), str(tmp_path / "jobs"))


def test_progress_counts_documents_done_failed_and_skipped(corpus: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.report import terminal

    labels: list[str] = []

    class Bar:  # stands in for the rich bar, which draws only on a terminal
        def __init__(self, label: str, total: int) -> None:
            labels.append(f"start {label} of {total}")

        def advance(self, label: str | None = None) -> None:
            labels.append(str(label))

        def update(self, completed: int, total: int | None = None) -> None:
            pass

        def stop(self) -> None:
            labels.append("stop")

    monkeypatch.setattr(terminal, "ProgressBar", Bar)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    out = tmp_path / "out"
    main([str(corpus), "-o", str(out)])
    assert labels[0] == "start extract: 0 done, 0 skipped, 0 failed of 4"
    assert labels[-2:] == ["extract: 3 done, 0 skipped, 1 failed", "stop"]
    labels.clear()
    main([str(corpus), "-o", str(out)])
    # the unchanged documents are known as skipped before the run starts; the bad one fails again
    assert labels == ["start extract: 0 done, 3 skipped, 0 failed of 4", "extract: 0 done, 3 skipped, 0 failed",
                      "extract: 0 done, 3 skipped, 1 failed", "extract: 0 done, 3 skipped, 1 failed",
                      "extract: 0 done, 3 skipped, 1 failed", "stop"]


def test_a_stopped_run_picks_up_where_it_stopped(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import factcheck.merge

    real = factcheck.merge.merge_into_file
    written: list[str] = []

    def stop_after_two(claim_path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if len(written) == 2:
            raise KeyboardInterrupt  # Ctrl-C while the third document is being written
        written.append(Path(claim_path).name)
        return real(claim_path, *args, **kwargs)

    monkeypatch.setattr(factcheck.merge, "merge_into_file", stop_after_two)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        main([str(corpus), "-o", str(out), "--no-progress"])
    assert written == ["antwoorden.yaml", "labor.yaml"]
    monkeypatch.setattr(factcheck.merge, "merge_into_file", real)
    capsys.readouterr()
    main([str(corpus), "-o", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert _summary(err).startswith("4 documents: 1 done, 2 skipped (unchanged), 1 failed; ")
    assert "oi2021.pdf: wrote" in err


def test_a_batch_uses_the_cores_unless_told_and_writes_the_same(corpus: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.extract_cli import AUTO_JOBS, _auto_jobs

    assert _auto_jobs(1) == 1  # one document: one process
    assert 1 <= _auto_jobs(50) <= AUTO_JOBS and _auto_jobs(2) <= 2
    main([str(corpus), "-o", str(tmp_path / "auto"), "--no-progress"])
    main([str(corpus), "-o", str(tmp_path / "one"), "--no-progress", "--jobs", "1"])
    assert _claim_files(tmp_path / "auto") == _claim_files(tmp_path / "one")
