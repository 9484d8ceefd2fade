"""Hostile inputs (cases.yaml, files/) each give their exact FC code or the right answer, with
no traceback. They run in a worker process that is killed, and replaced, when a case runs past
its time limit.

The limit is a hang guard, not a speed test: a case that needs it has hung (the bounds make
every case here finish in well under a second; before them some ran for minutes).
"""

from __future__ import annotations

import json
import os
import re
import selectors
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORKER = HERE / "worker.py"
TIME_LIMIT = 30  # seconds per case; generous for a loaded 2-core machine

CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
FILES = sorted((HERE / "files").glob("*.yaml"))
FIELDS = ("stated", "value", "precision", "tolerance", "scale", "expr")


class Worker:
    """worker.py in a process of its own; replaced after a case that hung."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> subprocess.Popen[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_DEBUG": ""}
        self.process = subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
        return self.process

    def ask(self, case: dict[str, Any]) -> dict[str, Any]:
        process = self.process if self.process is not None and self.process.poll() is None else self.start()
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(case) + "\n")
        process.stdin.flush()
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            ready = selector.select(timeout=TIME_LIMIT)
        if not ready:
            self.stop()
            pytest.fail(f"hung: no answer within {TIME_LIMIT} s")
        line = process.stdout.readline()
        if not line:
            self.stop()
            pytest.fail("the worker died (a crash below Python, or out of memory)")
        out = json.loads(line)
        assert "crash" not in out, f"traceback instead of an FC error: {out.get('crash')}"
        return out

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    one = Worker()
    yield one
    one.stop()


def claim_file(kind: str, text: str, language: str) -> str:
    """The case's hostile text in its place in a small claim file (see cases.yaml)."""
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    units = f", units: {{equivalences: [{quoted}]}}" if kind == "equivalence" else ""
    s_fields = {"stated": '"13"', "expr": '"a + b"'}
    if kind in FIELDS:
        s_fields[kind] = quoted
    unit = f", unit: {quoted}" if kind == "unit" else ""
    s = ", ".join(f"{k}: {v}" for k, v in s_fields.items())
    return (f"document: {{id: adv, language: {language}{units}}}\nclaims:\n"
            f'  - {{id: a, stated: "10"{unit}}}\n  - {{id: b, stated: "3"}}\n  - {{id: s, {s}}}\n')


def case_text(case: dict[str, Any]) -> str:
    """The case's hostile text: ``before`` + ``text`` repeated ``times`` (for 5,000-digit runs)."""
    return str(case.get("before", "")) + case["text"] * int(case.get("times", 1))


def _case_id(case: dict[str, Any]) -> str:
    times = f"x{case['times']}" if "times" in case else ""
    return f"{case['kind']}:{case.get('before', '')}{case['text'][:40]!a}{times}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path, worker: Worker) -> None:
    kind, text, language = case["kind"], case_text(case), case.get("language", "nl")
    if kind in ("formula", "figure"):
        out = worker.ask({"kind": kind, "text": text, "language": language})
    else:
        path = tmp_path / "adv.yaml"
        path.write_text(claim_file(kind, text, language), encoding="utf-8")
        out = worker.ask({"kind": "file", "path": str(path)})
    expected_codes = case.get("code", [])
    expected_codes = sorted({expected_codes} if isinstance(expected_codes, str) else set(expected_codes))
    assert out["codes"] == expected_codes
    if "value" in case:
        assert out["value"] == case["value"]
    if "verdict" in case:
        assert out["verdicts"].get("s") == case["verdict"]


def _expectations(path: Path) -> tuple[list[str], dict[str, str]]:
    # `# expect: FC140 FC141` (every code, none when empty) and `# verdict: s consistent` lines.
    head = path.read_bytes()[:2000].decode("utf-8", "replace")
    codes: list[str] = []
    verdicts: dict[str, str] = {}
    for line in head.splitlines():
        if m := re.match(r"#\s*expect:(.*)", line):
            codes.extend(m.group(1).split())
        elif m := re.match(r"#\s*verdict:\s*(\S+)\s+(\S+)", line):
            verdicts[m.group(1)] = m.group(2)
    return sorted(set(codes)), verdicts


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_hostile_file(path: Path, worker: Worker) -> None:
    codes, verdicts = _expectations(path)
    assert codes or verdicts, f"{path.name} says what it expects in '# expect:' or '# verdict:' lines"
    out = worker.ask({"kind": "file", "path": str(path)})
    assert out["codes"] == codes
    for claim_id, verdict in verdicts.items():
        assert out["verdicts"].get(claim_id) == verdict, claim_id
