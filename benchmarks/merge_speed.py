"""Is re-extraction into a hand-edited claim file linear in the number of claims?

Generates a plain-text document with N figures, extracts it once (a new claim file), edits the
claim file by hand (a comment, a note and a changed unit on a few claims, one own relation: the
file no longer matches what extract wrote, so the merge takes the round-trip path that keeps
the edits), changes a few figures in the document, and extracts again. Prints, side by side for
each N, the time of the first extraction, of the re-extraction with its merge, and their ratio.
Target: the ratio stays flat as N grows (it was 383 s / 7 s = 55 at 15,724 claims, and grew
with N: the merge was quadratic).

Both runs go through ``factcheck extract`` in process (``extract_cli.main``), with discovery
off, so what differs between them is the merge.

    python benchmarks/merge_speed.py [--sizes 2000,4000,8000,15724]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from factcheck import extract_cli


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
    code = extract_cli.main([str(source), "-o", str(out), "--no-discover", "--no-progress", "--lang", "nl"])
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"extract failed with exit code {code}")
    return elapsed


def measure(n: int, folder: Path) -> tuple[int, float, float]:
    source = folder / f"doc{n}.txt"
    out = folder / f"doc{n}.yaml"
    source.write_text(document(n), encoding="utf-8")
    first = extract(source, out)
    hand_edit(out)
    source.write_text(document(n, changed=max(1, n // 100)), encoding="utf-8")
    again = extract(source, out)
    claims = out.read_text(encoding="utf-8").count("\n  - id: ")
    if "note: see the annex" not in out.read_text(encoding="utf-8"):
        raise SystemExit("the hand edits were lost")
    return claims, first, again


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,4000,8000,15724", help="figures per document, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    sys.stderr = open(os.devnull, "w")  # extract's one line per document
    print(f"{'figures':>8} {'claims':>7} {'first extraction':>17} {'re-extraction + merge':>22} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            claims, first, again = measure(n, Path(tmp))
            print(f"{n:>8} {claims:>7} {first:>16.2f}s {again:>21.2f}s {again / first:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
