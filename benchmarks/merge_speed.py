"""Is re-extraction into a hand-edited claim file linear in the number of claims?

Generates a plain-text document with N figures, extracts it once (a new claim file), edits the
claim file by hand (a comment, a note and a changed unit on a few claims, one own relation: the
file no longer matches what extract wrote, so the merge takes the round-trip path that keeps
the edits), changes a few figures in the document, and extracts again. Prints, side by side for
each N, the time of the first extraction, of the re-extraction, of the merge within it, the
ratios merge / first extraction and re-extraction / first extraction, and the merge's time per
claim. Target: the ratios and the time per claim stay flat as N grows (re-extraction was
383 s against 7 s for the first at 15,724 claims, and grew with N: the merge was quadratic).

Both runs go through ``factcheck extract`` in process (``extract_cli.main``), with discovery
off and no page timeout (a text file is one page), so what differs between them is the merge.

With ``--old TREE`` each size is also measured with the factcheck package in TREE (e.g.
``git archive COMMIT factcheck | tar -x -C /tmp/old``), in a process of its own right before the
current tree's, and the two lines are printed one above the other.

    python benchmarks/merge_speed.py [--sizes 2000,4000,8000,15724] [--old TREE]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from factcheck import extract_cli
from factcheck import merge as merge_module


def document(n: int, changed: int = 0) -> str:
    """A text of ``n`` sentences, one money figure each; the first ``changed`` figures differ."""
    lines = []
    for i in range(n):
        amount = 1000 + i + (7 if i < changed else 0)
        lines.append(f"Voor regeling {i} is in 2025 een bedrag van € {amount} miljoen begroot.\n\n")
    return "".join(lines)


def hand_edit(path: Path) -> None:
    """Edit the claim file the way a person would: comments, a note, a unit, an own relation."""
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    edits = 0
    for line in lines:
        if line.startswith("  - id: ") and edits < 20 and len(out) % 7 == 0:
            out.append("  # checked by hand")
            out.append(line)
            out.append("    note: see the annex")
            edits += 1
            continue
        out.append(line)
    text = "\n".join(out)
    first = text.index("  - id: ", text.index("claims:"))
    first_id = text[first + 8:text.index("\n", first)]
    text += f"  - id: mijn_som\n    expr: {first_id} * 2\n"
    path.write_text(text, encoding="utf-8")


def extract(source: Path, out: Path) -> float:
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet, contextlib.redirect_stderr(quiet):  # extract's one line per file
        code = extract_cli.main([str(source), "-o", str(out), "--no-discover", "--no-progress", "--lang", "nl",
                                 "--page-timeout", "0"])
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"extract failed with exit code {code}")
    return elapsed


MERGE_TIME = [0.0]


def _timed(function: Any) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            MERGE_TIME[0] += time.perf_counter() - start
    return run


def measure(n: int, folder: Path) -> tuple[int, float, float, float]:
    source = folder / f"doc{n}.txt"
    out = folder / f"doc{n}.yaml"
    source.write_text(document(n), encoding="utf-8")
    first = extract(source, out)
    hand_edit(out)
    source.write_text(document(n, changed=max(1, n // 100)), encoding="utf-8")
    MERGE_TIME[0] = 0.0
    again = extract(source, out)
    merging = MERGE_TIME[0]
    claims = out.read_text(encoding="utf-8").count("\n  - id: ")
    if "note: see the annex" not in out.read_text(encoding="utf-8"):
        raise SystemExit("the hand edits were lost")
    return claims, first, again, merging


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,4000,8000,15724", help="figures per document, comma-separated")
    parser.add_argument("--old", metavar="TREE", help="also measure the factcheck package in TREE, side by side")
    parser.add_argument("--quiet", action="store_true", help=argparse.SUPPRESS)  # no header (the --old child)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    merge_module.merge_into_file = _timed(merge_module.merge_into_file)  # extract imports it when it runs
    if not args.quiet:
        print(f"{'tree':>4} {'figures':>8} {'claims':>7} {'first':>8} {'again':>8} {'merge':>8} {'merge/first':>12} "
              f"{'again/first':>12} {'merge ms/claim':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            if args.old:
                env = dict(os.environ, PYTHONPATH=str(Path(args.old).resolve()))
                done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--sizes", str(n), "--quiet"],
                                      env=env, cwd=tmp, capture_output=True, text=True, check=True)
                print(done.stdout.replace(" new ", " old ", 1), end="", flush=True)
            claims, first, again, merging = measure(n, Path(tmp))
            print(f"{'new':>4} {n:>8} {claims:>7} {first:>7.2f}s {again:>7.2f}s {merging:>7.2f}s {merging / first:>12.2f} "
                  f"{again / first:>12.2f} {1000 * merging / claims:>15.2f}", flush=True)


if __name__ == "__main__":
    main()
