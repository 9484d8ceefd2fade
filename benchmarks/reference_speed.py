"""What does a reference table of 100,000 rows add to `factcheck check` on 10,000 claims?

Two runs of 10,000 claims each, side by side in one process, alternating, median of the runs:
- A: the claims of benchmarks/check_speed.py and 1,000 budget figures, each a relation against
  a figure of the same value in the file (`expr: v12`): the same claims and relations, no table;
- B: the same claims, those 1,000 relations written against a reference table instead
  (`ref(bench, year, phase, chapter, article)`), and the table registered: a begrotingsstaten
  CSV of 100,000 rows, read and indexed by the check.
Prints both times and the ratio B / A (target: at most 1.20), in process and through the command
line (`factcheck check --format json`, start-up included).
Usage: python benchmarks/reference_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from check_speed import generate  # noqa: E402

from factcheck.engine import check_paths  # noqa: E402

HEADER = ("Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting,Artikel nummer,"
          "Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,Stand eerste suppletoire,"
          "Stand tweede suppletoire,Realisatie\n")
CHAPTERS = ("I", "IIA", "III", "IV", "V", "VI", "VII", "VIII", "IXB", "X", "XII", "XIII", "XV", "XVI", "XX")
ROWS = 100_000
LINKS = 1_000


def write_table(path: Path) -> list[tuple[int, str, str, int]]:
    """A begrotingsstaten CSV of ROWS rows; returns the (year, kind, chapter, article) of each row."""
    lines = [HEADER]
    keys = []
    for i in range(ROWS):
        year, kind = 1950 + i // 1500, "UVO"[i % 3]
        chapter, article = CHAPTERS[(i // 3) % len(CHAPTERS)], (i // 45) % 100
        keys.append((year, kind, chapter, article))
        lines.append(f"{year},{kind},{chapter},Hoofdstuk {chapter},{article},Artikel {article},"
                     f"{i},{i + 1},{i + 2},{i + 3},{i + 4}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return keys


def write_runs(folder: Path) -> tuple[Path, Path]:
    a, b = folder / "a", folder / "b"
    a.mkdir()
    b.mkdir()
    generate(10_000 - 2 * LINKS, a / "claims.yaml")
    generate(10_000 - 2 * LINKS, b / "claims.yaml")
    keys = write_table(folder / "table.csv")
    sha = hashlib.sha256((folder / "table.csv").read_bytes()).hexdigest()
    (b / "table.yaml").write_text(
        f'document:\n  id: table\n  source: "../table.csv"\n  sha256: "{sha}"\nreference:\n  name: bench\n'
        "  layout: begrotingsstaten\nclaims: []\n", encoding="utf-8")
    plain, linked = ["document:\n  id: budget\n  language: nl\nclaims:\n"], ["document:\n  id: budget\n  language: nl\nclaims:\n"]
    for n in range(LINKS):
        row = (n * 97) % ROWS
        if keys[row][1] != "U":
            row -= "UVO".index(keys[row][1])  # an expenditure row
        year, _kind, chapter, article = keys[row]
        value = row + 1  # the vastgestelde begroting column
        figure = f'  - id: f{n}\n    stated: "{value:,}"\n    unit: EUR\n    scale: "1000"\n'.replace(",", ".")
        local = f'  - id: v{n}\n    stated: "{value}"\n    unit: EUR\n    scale: "1000"\n'
        plain.append(local + figure + f"    expr: v{n}\n")
        linked.append(local + figure + f"    expr: ref(bench, {year}, vastgestelde_begroting, {chapter}, {article})\n")
    (a / "budget.yaml").write_text("".join(plain), encoding="utf-8")
    (b / "budget.yaml").write_text("".join(linked), encoding="utf-8")
    return a, b


def time_engine(path: Path) -> float:
    start = time.perf_counter()
    run = check_paths([str(path)])
    elapsed = time.perf_counter() - start
    bad = [r for r in run.results if r.verdict.value != "consistent"]
    assert not bad, bad[0].explanation
    return elapsed


def time_cli(path: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", str(path), "--format", "json", "--no-cache"],
                          capture_output=True, env=dict(os.environ, NO_COLOR="1"))
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        a, b = write_runs(Path(tmp))
        for name, timer in (("in process", time_engine), ("command line", time_cli)):
            times_a, times_b = [], []
            timer(a), timer(b)  # warm up: imports, the file cache
            for _ in range(args.runs):
                times_a.append(timer(a))
                times_b.append(timer(b))
            ta, tb = statistics.median(times_a), statistics.median(times_b)
            print(f"{name}: A (10,000 claims) {ta:.2f} s, B (with {LINKS:,} ref() relations and a "
                  f"{ROWS:,}-row table) {tb:.2f} s, ratio B/A {tb / ta:.2f} (target <= 1.20)")


if __name__ == "__main__":
    main()
