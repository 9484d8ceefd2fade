"""Terminal output at 80 columns never splits a path, id or number (issue 11), and every command
honours NO_COLOR."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.engine import check_paths
from factcheck.report import build_view
from factcheck.report.terminal import print_report, verdict_table, wrap_line
from tests.support.report_examples import example_run

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _in_a_terminal(*args: str, cwd: Path, columns: int = 80, no_color: bool = False) -> str:
    """Run factcheck with stdout on a pseudo-terminal of ``columns`` columns; what it printed there."""
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    try:
        subprocess.run([sys.executable, "-m", "factcheck", *args], stdout=follower, stderr=subprocess.DEVNULL,
                       cwd=cwd, env=env, timeout=300)
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_check_at_80_columns_keeps_paths_ids_and_numbers_whole(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    (tmp_path / "documents").symlink_to(ROOT / "documents")
    results = [r for r in check_paths([tmp_path / "claims"]).results if not r.expected or r.verdict.value != "consistent"]
    assert any(len(str(r.claim.location)) + len(r.claim.id) > 70 for r in results)  # does not fit side by side
    text = _in_a_terminal("check", "claims", cwd=tmp_path, no_color=True)
    assert "\x1b[" not in text  # NO_COLOR
    plain = text.splitlines()
    assert all(len(line) <= 80 for line in plain), [line for line in plain if len(line) > 80]
    for r in results:
        where = f"claims/{Path(r.claim.location.path).name}:{r.claim.location.line}:{r.claim.location.col}"
        assert any(where in line for line in plain), where
        assert any(r.claim.id in line for line in plain), r.claim.id
    for number in ("983.113.200", "1.000.000.000"):
        assert any(number in line for line in plain), number


def test_the_verdict_table_never_splits_a_word_at_any_width(tmp_path: Path) -> None:
    # every width: a table that just fits is where rich shrinks a wrapping column below its
    # minimum (the width where that happens moves with the length of the checkout's path)
    results = check_paths([ROOT / "claims"]).results
    for width in range(40, 201):
        out = Terminal()
        verdict_table(results, file=out, width=width)
        lines = ANSI.sub("", out.getvalue()).splitlines()
        words = {w for r in results if r.verdict.value != "consistent" for w in (str(r.claim.location), r.claim.id)}
        for word in words:
            assert any(word in line for line in lines), (width, word)
        for number in ("983.113.200", "1.000.000.000"):
            assert any(number in line for line in lines), (width, number)
        assert all(len(line) <= width for line in lines if " " in line.strip()), width


def test_long_messages_wrap_between_words() -> None:
    line = ("claims/asiel-migratie-2025-antwoorden.yaml:121:11: mismatch: besparing_2027_vraag_14: onjuist. "
            "De waarden verschillen 500.000.000 (100%) en de intervallen overlappen niet.")
    wrapped = wrap_line(line, 80)
    assert len(wrapped) > 1 and all(len(part) <= 80 for part in wrapped)
    assert wrapped[0].startswith("claims/asiel-migratie-2025-antwoorden.yaml:121:11:")
    assert any("500.000.000" in part for part in wrapped)
    assert " ".join(part.strip() for part in wrapped) == line


def test_report_honours_no_color_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = Terminal()
    print_report(build_view(example_run()), coloured)
    assert "\x1b[" in coloured.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    print_report(build_view(example_run()), plain)
    assert "\x1b[" not in plain.getvalue() and "kosten_per_dag" in plain.getvalue()
