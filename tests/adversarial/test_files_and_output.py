"""Hostile files, output paths, options, injections and resource bombs (issue 14).

Every case runs the real command line (in a subprocess where a signal, a crash or a hang is
the point) and names the exact FC code it must give. A subprocess has a time limit: a case
that hangs fails instead of stalling the suite. Extend the tables below to add a case.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract_cli
from factcheck import yaml_roundtrip as yr
from factcheck.errors import OutputError, shown_name
from factcheck.fileio import TEMP_SUFFIX, atomic_write, remove_stale_temps
from factcheck.merge import merge, merge_into_file, sidecar_path
from factcheck.report.sanitize import guard_workflow_commands

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"
DOC = ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt"
LIMIT = 120  # seconds any one command may take before the case counts as a hang
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_NO_BROWSER": "1", "NO_COLOR": "1"}

sys.path.insert(0, str(FILES))
from flate_bomb import bomb_pdf  # noqa: E402

CLAIMS = """\
document:
  id: doc
  language: nl
claims:
  - id: a
    quote: "a is 1234"
    stated: "1234"
  - id: b
    quote: "b is 2345"
    stated: "2345"
  - id: totaal
    quote: "samen 35"
    stated: "9999"
    expr: a + b
"""


def factcheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True,
                          timeout=LIMIT, env=ENV, cwd=cwd)


def claim_file(folder: Path, name: str = "doc.yaml", text: str = CLAIMS) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_clean_error(proc: subprocess.CompletedProcess[str], code: str, named: str) -> None:
    """Exit 2, the code with the path named on one line, and no traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [ln for ln in proc.stderr.splitlines() if code in ln]
    assert lines, proc.stderr
    assert any(named in ln for ln in lines), proc.stderr


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((TEMP_SUFFIX, ".tmp")))


# --- output paths and options ------------------------------------------------------------------

def _output_cases(tmp: Path) -> dict[str, str]:
    return {
        "a folder": str(tmp),
        "a folder that cannot be made (a file is in the way)": str(tmp / "afile" / "sub" / "r.txt"),
        "/proc": "/proc/self/factcheck-report.txt",
        "/proc, a missing folder": "/proc/factcheck-missing/r.txt",
        "a 300-character name": str(tmp / ("r" * 300)),
    }


@pytest.mark.parametrize("command", ["report", "check"])
@pytest.mark.parametrize("case", list(_output_cases(Path("/nonexistent"))))
def test_output_path_that_cannot_be_written_is_fc330(tmp_path: Path, command: str, case: str) -> None:
    (tmp_path / "afile").write_text("x")
    target = _output_cases(tmp_path)[case]
    path = claim_file(tmp_path)
    proc = factcheck(command, str(path), "--format", "json", "-o", target)
    assert_clean_error(proc, "FC330", target[:60])


def test_report_dir_that_is_a_file_is_fc330(tmp_path: Path) -> None:
    path = claim_file(tmp_path)
    (tmp_path / "taken").write_text("x")
    proc = factcheck("report", str(path), "--report-dir", str(tmp_path / "taken"))
    assert_clean_error(proc, "FC330", str(tmp_path / "taken"))


def test_accept_into_a_read_only_folder_is_fc330_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = claim_file(folder)
    before = path.read_bytes()
    os.chmod(folder, 0o555)
    try:
        proc = factcheck("accept", str(path))
    finally:
        os.chmod(folder, 0o755)
    assert_clean_error(proc, "FC330", str(path))
    assert "read-only" in proc.stderr
    assert path.read_bytes() == before
    assert temps(folder) == []


def test_accept_never_replaces_a_read_only_claim_file(tmp_path: Path) -> None:
    path = claim_file(tmp_path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    inode = path.stat().st_ino
    proc = factcheck("accept", str(path))
    assert_clean_error(proc, "FC330", str(path))
    assert path.read_bytes() == before
    assert path.stat().st_ino == inode  # not replaced by another file with the same bytes
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_accept_goes_on_with_the_files_it_can_write(tmp_path: Path) -> None:
    locked = claim_file(tmp_path, "locked.yaml")
    os.chmod(locked, 0o444)
    free = claim_file(tmp_path, "free.yaml", CLAIMS.replace("id: doc", "id: doc2"))
    proc = factcheck("accept", str(locked), str(free))
    assert_clean_error(proc, "FC330", str(locked))
    assert "expect: " in free.read_text(encoding="utf-8")
    assert "expect:" not in locked.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_accept_keeps_the_owner_of_a_claim_file(tmp_path: Path) -> None:
    path = claim_file(tmp_path)
    os.chown(path, 4321, 4322)
    os.chmod(path, 0o664)
    proc = factcheck("accept", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "expect: " in path.read_text(encoding="utf-8")
    st_ = path.stat()
    assert (st_.st_uid, st_.st_gid, stat.S_IMODE(st_.st_mode)) == (4321, 4322, 0o664)


def test_atomic_write_refuses_read_only_file_and_folder_target(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text("old")
    os.chmod(target, 0o400)
    with pytest.raises(OutputError) as info:
        atomic_write(target, "new")
    assert info.value.code == "FC330" and str(target) in str(info.value)
    assert target.read_text() == "old"
    with pytest.raises(OutputError, match="is a folder"):
        atomic_write(tmp_path, "new")


def test_atomic_write_writes_a_device_or_pipe_in_place(tmp_path: Path) -> None:
    # `-o /dev/null` as root used to replace the device with a regular file; a pipe stands in for it
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_text()))
    reader.start()
    atomic_write(pipe, "text")
    reader.join(timeout=LIMIT)
    assert got == ["text"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


BASELINES = {
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "nested objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "a list": "[1, 2]",
    "results not a list": '{"schema_version": "1.0", "results": "x"}',
    "schema_version an object": '{"schema_version": {"a": [1]}, "results": []}',
    "not UTF-8": b'{"results": ["\xff"]}'.decode("latin-1"),
}


@pytest.mark.parametrize("case", list(BASELINES))
def test_bad_baseline_is_fc400(tmp_path: Path, case: str) -> None:
    path = claim_file(tmp_path)
    baseline = tmp_path / "old.json"
    baseline.write_bytes(BASELINES[case].encode("latin-1"))
    proc = factcheck("report", str(path), "--baseline", str(baseline), "--format", "json")
    assert_clean_error(proc, "FC400", str(baseline))


def test_baseline_folder_is_fc400(tmp_path: Path) -> None:
    path = claim_file(tmp_path)
    proc = factcheck("check", str(path), "--baseline", str(tmp_path))
    assert_clean_error(proc, "FC400", str(tmp_path))


def test_baseline_with_odd_fields_is_read_for_what_it_has(tmp_path: Path) -> None:
    path = claim_file(tmp_path)
    baseline = tmp_path / "old.json"
    deep = "[" * 500 + "]" * 500
    baseline.write_text(
        '{"schema_version": "1.0", "generated_at": %s, "tool": {"version": %s}, "_path": "::error::x", '
        '"results": [1, "x", {"document": [1]}, {"document": "doc", "id": "totaal", "verdict": "consistent"}]}'
        % (deep, deep), encoding="utf-8")
    proc = factcheck("report", str(path), "--baseline", str(baseline), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["baseline"]["path"] == str(baseline)  # where it was read, not what it claims
    assert [(c["change"], c["old_verdict"]) for c in report["baseline"]["changes"]] == [("changed", "consistent")]


@pytest.mark.parametrize("value", ["nan", "1e308", "-1", "inf", "-0.5", "1e999", "abc", "86401"])
def test_page_timeout_out_of_range_is_fc331(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        extract_cli.main([str(DOC), "--page-timeout", value])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert "--page-timeout: FC331" in err and "Traceback" not in err


def test_page_timeout_in_range_is_taken() -> None:
    parser = extract_cli.configure_parser(__import__("argparse").ArgumentParser())
    assert parser.parse_args([str(DOC), "--page-timeout", "0"]).page_timeout == 0
    assert parser.parse_args([str(DOC), "--page-timeout", "86400"]).page_timeout == 86400


def test_max_memory_too_small_is_fc331(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        extract_cli.main([str(DOC), "--max-memory", "1k"])
    assert "--max-memory: FC331" in capsys.readouterr().err


# --- temporary files ---------------------------------------------------------------------------

SLOW_WRITER = """
import os, sys, time
from factcheck import fileio
fileio.remove_temps_on_signals()
def slow(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = slow
fileio.atomic_write(sys.argv[1], "new text")
"""


def _start_slow_write(target: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV)
    assert proc.stdout is not None
    assert proc.stdout.readline() == "writing\n"  # the temporary file exists now
    assert len(temps(target.parent)) == 1
    return proc


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "claims.yaml"
    target.write_text("old text")
    proc = _start_slow_write(target)
    proc.send_signal(signum)
    proc.wait(timeout=LIMIT)
    assert proc.returncode != 0
    assert temps(tmp_path) == []
    assert target.read_text() == "old text"


def test_the_next_run_removes_what_a_killed_run_left(tmp_path: Path) -> None:
    target = claim_file(tmp_path)
    proc = _start_slow_write(target)
    proc.kill()  # SIGKILL: nothing can clean up
    proc.wait(timeout=LIMIT)
    left = temps(tmp_path)
    assert len(left) == 1 and left[0].endswith(TEMP_SUFFIX)
    run = factcheck("accept", str(target))
    assert run.returncode == 0, run.stderr
    assert temps(tmp_path) == []


def test_stale_temporary_files_of_running_processes_are_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, timeout=LIMIT)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".x.yaml.{dead_pid}-abcd_123{TEMP_SUFFIX}"
    live = tmp_path / f".x.yaml.{os.getppid()}-abcd_123{TEMP_SUFFIX}"
    other = tmp_path / f".x.yaml.{dead_pid}-abcd_123.tmp"  # not our pattern: someone else's
    for p in (stale, live, other):
        p.write_text("half")
    assert remove_stale_temps(tmp_path) == [stale.name]
    assert not stale.exists() and live.exists() and other.exists()


def test_claim_or_sidecar_not_utf8_does_not_stop_the_extract_batch(tmp_path: Path) -> None:
    second = tmp_path / "tweede.txt"
    second.write_text("Het budget is € 45 miljoen in 2025.\n", encoding="utf-8")
    out = tmp_path / "claims"
    out.mkdir()
    bad = out / f"{DOC.stem}.yaml"
    bad.write_bytes(b"document:\n  id: x\n  title: caf\xe9\n")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(DOC), str(second), "-o", str(out),
                           "--no-progress", "--no-discover"], capture_output=True, text=True, timeout=LIMIT, env=ENV)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
    assert f"{bad}:3:13: FC101 the file is not UTF-8" in proc.stderr
    assert bad.read_bytes() == b"document:\n  id: x\n  title: caf\xe9\n"  # never overwritten
    written = out / "tweede.yaml"
    assert "45" in written.read_text(encoding="utf-8")
    # A sidecar that is not UTF-8 counts as lost, with a warning: the file is still merged.
    sidecar_path(written).write_bytes(b"# x\n{\"claims\": \xff}\n")
    again = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(second), "-o", str(out),
                            "--no-progress", "--no-discover"], capture_output=True, text=True, timeout=LIMIT, env=ENV)
    assert again.returncode == 0, again.stderr
    assert f"{sidecar_path(written)}:2:12: FC101" in again.stderr and "(warning)" in again.stderr
    json.loads("\n".join(ln for ln in sidecar_path(written).read_text(encoding="utf-8").splitlines()
                         if not ln.startswith("#")))  # rewritten whole


# --- injection ---------------------------------------------------------------------------------

HOSTILE = """\
document:
  id: doc
  language: nl
  title: "##[error]title ::error::t"
claims:
  - id: a
    quote: "##[error]quote\\n::error file=x::forged\\r::warning::cr \\x1b[2J"
    stated: "1234"
  - id: b
    quote: "b ##[set-output name=x;]y"
    stated: "2345"
  - id: totaal
    quote: "samen ##[group]35\\n  ::add-mask::x"
    stated: "9999"
    expr: a + b
"""

NAME = "bad\x1b[31m\n::error::x ##[error]n.yaml"


def assert_no_workflow_command(text: str) -> None:
    for line in text.replace("\r", "\n").split("\n"):
        assert "##[" not in line, line
        assert not line.lstrip(" \t\ufeff").startswith("::"), line


def test_guard_breaks_legacy_commands_anywhere_in_a_line() -> None:
    text = guard_workflow_commands("ok ##[error]x ###[warning]y\n  ::error::z\na::b\n")
    assert text == "ok ## [error]x ### [warning]y\n  : :error::z\na::b\n"
    assert_no_workflow_command(text)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json", "junit", "sarif"])
def test_no_format_carries_a_workflow_command(tmp_path: Path, fmt: str) -> None:
    path = claim_file(tmp_path, NAME, HOSTILE)
    proc = factcheck("report", str(path), "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    assert "quote" in proc.stdout or fmt == "terminal"
    assert_no_workflow_command(proc.stdout)
    assert_no_workflow_command(proc.stderr)
    assert "\x1b" not in proc.stdout
    if fmt == "json":
        json.loads(proc.stdout)  # still valid
    written = tmp_path / f"out.{fmt}"
    assert factcheck("report", str(path), "--format", fmt, "-o", str(written)).returncode == 1
    assert_no_workflow_command(written.read_text(encoding="utf-8"))


def test_check_output_file_and_error_messages_carry_no_workflow_command(tmp_path: Path) -> None:
    path = claim_file(tmp_path, NAME, HOSTILE.replace("expr: a + b", 'expr: "a + ##[error]b"'))
    out = tmp_path / "gate.txt"
    proc = factcheck("check", str(path), "-o", str(out))
    # "[" is not allowed in a formula (FC202); the message quotes the formula, workflow command and all
    assert "FC202" in proc.stderr + out.read_text(encoding="utf-8")
    assert_no_workflow_command(proc.stderr)
    assert_no_workflow_command(out.read_text(encoding="utf-8"))


def test_file_names_print_with_control_characters_escaped(tmp_path: Path) -> None:
    broken = claim_file(tmp_path, NAME, "document: [\n")
    proc = factcheck("check", str(broken))
    assert proc.returncode == 2
    assert guard_workflow_commands(shown_name(broken)) in proc.stderr  # "## [error]" in the name too
    assert "bad\\x1b[31m\\n::error::x" in proc.stderr
    assert "\x1b" not in proc.stderr
    assert_no_workflow_command(proc.stderr)
    good = claim_file(tmp_path)
    written = tmp_path / "out\x1b[2J\n::error::.md"
    proc = factcheck("report", str(good), "--format", "markdown", "-o", str(written))
    assert written.exists()
    assert "wrote " + shown_name(written) in proc.stderr and "\x1b" not in proc.stderr
    assert_no_workflow_command(proc.stderr)


def test_extract_escapes_names_and_guards_its_diffs(tmp_path: Path) -> None:
    source = tmp_path / "doc\x1b[2J\n::error::x.txt"
    source.write_text("Het budget ##[error]boom is € 45 miljoen in 2025.\n", encoding="utf-8")
    out = tmp_path / "claims"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(source), "-o", str(out),
                           "--no-progress", "--dry-run"], capture_output=True, text=True, timeout=LIMIT, env=ENV)
    assert proc.returncode == 0, proc.stderr
    assert "boom" in proc.stdout  # the diff shows the quote
    assert "doc\\x1b[2J\\n::error::x.txt" in proc.stderr
    assert "\x1b" not in proc.stderr + proc.stdout
    assert_no_workflow_command(proc.stdout)
    assert_no_workflow_command(proc.stderr)
    odd_out = tmp_path / "out\x1b[2J\n::error::z.yaml"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(source), "-o", str(odd_out),
                           "--no-progress", "--dry-run"], capture_output=True, text=True, timeout=LIMIT, env=ENV)
    assert f"+++ b/{shown_name(odd_out)}" in proc.stdout  # the diff's header names the file escaped
    assert "\x1b" not in proc.stdout + proc.stderr
    assert_no_workflow_command(proc.stdout)
    missing = tmp_path / "gone\n::error::y.pdf"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(missing), "-o", str(out),
                           "--no-progress"], capture_output=True, text=True, timeout=LIMIT, env=ENV)
    assert "gone\\n::error::y.pdf: FC308" in proc.stderr
    assert_no_workflow_command(proc.stderr)


# --- resources ---------------------------------------------------------------------------------

MEASURE = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(proc.stderr)
print("rc", proc.returncode)
print("peak_kb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_flate_bomb_ends_as_fc300_in_bounded_memory_and_the_batch_goes_on(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(bomb_pdf(4096))  # 4 MB that inflate to 4 GiB
    good = tmp_path / "goed.txt"
    good.write_text("Het budget is € 45 miljoen in 2025.\n", encoding="utf-8")
    out = tmp_path / "claims"
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "factcheck", "extract", str(bomb), str(good),
         "-o", str(out), "--no-progress"],  # the default limit, 200MB
        capture_output=True, text=True, timeout=LIMIT, env=ENV)
    report = proc.stdout
    assert "Traceback" not in report
    assert f"{bomb}: FC300 reading needed more than 200 MB of memory" in report
    assert "rc 1" in report
    peak_mb = int(report.rsplit("peak_kb ", 1)[1]) / 1024
    assert peak_mb < 400, peak_mb  # without the limit: over 5 GB
    assert (out / "goed.yaml").exists()


def test_memory_limit_leaves_normal_documents_alone(tmp_path: Path) -> None:
    out = tmp_path / "claims"
    pdf = ROOT / "tests" / "pdfs" / "labor.pdf"
    assert extract_cli.main([str(pdf), str(DOC), "-o", str(out), "--no-progress", "--max-memory", "200MB"]) == 0


def test_workers_do_not_outlive_an_interrupted_batch(tmp_path: Path, pdf_bundle: Any) -> None:
    import multiprocessing

    from factcheck.extract.guard import extract_guarded

    quick = tmp_path / "quick.txt"
    quick.write_text("Het budget is € 45 miljoen in 2025.\n", encoding="utf-8")
    slow = pdf_bundle([ROOT / "tests" / "pdfs" / "1_De_Koning.pdf"], 400)  # takes many seconds
    results = extract_guarded([str(quick), str(slow)], {}, jobs=2)
    index, status, _ = next(results)
    assert (index, status) == (0, "ok")
    workers = multiprocessing.active_children()
    assert workers  # the slow one is still reading
    results.close()  # what an exception, Ctrl-C or SIGTERM in the caller does to the generator
    assert not any(w.is_alive() for w in workers)


# --- merge order: linear, and placing claims as before ------------------------------------------

def _reference(current: list[str], new: list[str], obsolete: list[str], deleted: set[str]) -> tuple[list, list]:
    """The placement the merge has always made, one scan and one insert per claim (quadratic)."""
    cur, obs, last = list(current), list(obsolete), -1
    for cid in new:
        if cid in deleted:
            continue
        index = cur.index(cid) if cid in cur else None
        if index is None and cid in obs:
            obs.remove(cid)
            cur.insert(last + 1, cid)
            index = last + 1
        if index is None:
            cur.insert(last + 1, cid)
            last += 1
            continue
        last = max(last, index)
    return cur, obs


def _claim(cid: str) -> dict[str, Any]:
    return {"id": cid, "stated": "1", "origin": "extracted"}


@settings(max_examples=300, deadline=None)
@given(
    current=st.lists(st.sampled_from([f"c{i}" for i in range(12)]), unique=True, max_size=10),
    obsolete=st.lists(st.sampled_from([f"c{i}" for i in range(12, 18)]), unique=True, max_size=4),
    new=st.lists(st.sampled_from([f"c{i}" for i in range(22)]), unique=True, max_size=14),
    own_every=st.integers(2, 5),
)
def test_merge_places_claims_as_the_one_by_one_insertion_did(current: list[str], obsolete: list[str],
                                                              new: list[str], own_every: int) -> None:
    # own claims interleaved with extracted ones; extracted ones the document lost go to obsolete
    file_claims: list[dict[str, Any]] = []
    for i, cid in enumerate(current):
        if i % own_every == 1:
            file_claims.append({"id": f"own{i}", "expr": "1"})
        file_claims.append(_claim(cid))
    root = yr.to_node({"document": {"id": "d"}, "claims": file_claims,
                       **({"obsolete": [_claim(c) for c in obsolete]} if obsolete else {})})
    base = {"document": {"id": "d"}, "claims": {c: {"stated": "1", "origin": "extracted"} for c in current},
            "deleted": []}
    merged, _, report = merge(root, base, {"id": "d"}, [_claim(c) for c in new])
    in_file = [str(c["id"]) for c in file_claims]
    vanished = [c for c in current if c not in new]
    expected_claims, expected_obsolete = _reference([c for c in in_file if c not in vanished], new,
                                                    obsolete + vanished, set())
    got = yr.to_plain(merged)
    assert [c["id"] for c in got["claims"]] == expected_claims
    assert [c["id"] for c in got.get("obsolete", [])] == expected_obsolete


def test_merge_keeps_comments_with_their_claims_when_claims_are_inserted(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    claims = [{**_claim(f"c{i}"), "quote": f"q{i}"} for i in range(0, 10, 2)]
    merge_into_file(path, {"id": "d"}, claims)
    text = path.read_text(encoding="utf-8").replace("  - id: c4\n", "  # about c4\n  - id: c4\n")
    text = text.replace('    quote: "q6"\n', '    quote: "q6"  # checked\n')
    path.write_text(text + "  - id: mine\n    expr: c4 * 2\n", encoding="utf-8")
    more = [{**_claim(f"c{i}"), "quote": f"q{i}"} for i in range(10)]
    merge_into_file(path, {"id": "d"}, more)
    out = path.read_text(encoding="utf-8")
    assert [ln.split(": ")[1] for ln in out.splitlines() if ln.startswith("  - id: ")] == \
        [f"c{i}" for i in range(10)] + ["mine"]
    # ruamel keeps a comment line with the value above it, so it stays after c2, as it always did
    assert '    quote: "q2"\n  # about c4\n' in out
    assert '    quote: "q6"  # checked\n' in out


def _reference_ids(bases: list[str], taken: set[str]) -> list[str]:
    """Ids as assign_ids always gave them: the base, else the smallest free `_n` from 2 (quadratic)."""
    used, out = set(taken), []
    for base in bases:
        chosen = base
        if chosen in used:
            n = 2
            while f"{base}_{n}" in used:
                n += 1
            chosen = f"{base}_{n}"
        used.add(chosen)
        out.append(chosen)
    return out


@settings(max_examples=300, deadline=None)
@given(
    subjects=st.lists(st.sampled_from(["bedrag", "bedrag 2", "kosten", "bedrag 3"]), max_size=40),
    taken=st.sets(st.sampled_from(["bedrag", "bedrag_2", "bedrag_4", "kosten_3", "bedrag_2_2"]), max_size=4),
)
def test_ids_are_numbered_as_before_without_counting_from_two_each_time(subjects: list[str],
                                                                        taken: set[str]) -> None:
    from factcheck.extract.ids import assign_ids, base_id

    claims = [{"subject": s, "kind": "money", "where": {"line": 1}} for s in subjects]
    bases = [base_id(c) for c in claims]
    assign_ids(claims, taken)
    assert [c["id"] for c in claims] == _reference_ids(bases, taken)


@pytest.mark.parametrize("jobs", ["0", "-3", "257", "99999999999999999999999", "two"])
def test_jobs_out_of_range_is_fc331(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        extract_cli.main([str(DOC), "--jobs", jobs])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --jobs/-j: FC331" in err and "Traceback" not in err
