"""Extraction time per unseen document, this tree against another, side by side.

The speed benchmark (extract_speed.py) times three large budget PDFs; a reading that is slow only
on some table they lack (a wide table whose every column is tried against every pair of others)
does not show there. This runs extraction with discovery, in one process per tree, over the
unseen documents (tests/unseen/docs) and lists the documents whose time grew most, so that such a
cost is seen before a round is measured::

    python benchmarks/unseen_speed.py --old /path/to/export-of-start --split dev

Each tree extracts every document once, old and new alternately document by document, so that the
machine's load falls on both alike. Times are the CPU seconds of the whole `factcheck extract`
command (with its children), so start-up counts in both trees alike.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unseen_eval import ROOT, UNSEEN, read_split  # noqa: E402


def _time(tree: Path, pdf: Path, timeout: float) -> float | None:
    """CPU seconds of ``factcheck extract`` on ``pdf`` with the code of ``tree``, the whole command
    as a user runs it (its page-timeout child included); None on a failure or a timeout."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen([sys.executable, "-m", "factcheck", "extract", str(pdf), "-o", str(Path(tmp) / "out.yaml"),
                                 "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                cwd=tmp)  # (not this tree's folder: "-m" puts the working folder first)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            status = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return None
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status != 0:
        return None
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="the tree to compare with (an export of a commit)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (by id)")
    ap.add_argument("--doc", action="append", default=[], help="only these document ids")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds a document may take")
    ap.add_argument("--top", type=int, default=10, help="how many of the slowest-growing documents to list")
    args = ap.parse_args(argv)

    split = read_split()
    ids = sorted(i for i, s in split.items() if (args.split == "all" or s == args.split)
                 and (not args.doc or i in args.doc))
    if args.limit:
        ids = ids[: args.limit]
    rows: list[tuple[str, float | None, float | None]] = []
    for doc in ids:
        pdf = UNSEEN / "docs" / f"{doc}.pdf"
        if pdf.is_file():
            rows.append((doc, _time(args.old, pdf, args.timeout), _time(ROOT, pdf, args.timeout)))
    both = [(d, o, n) for d, o, n in rows if o is not None and n is not None]
    old_total, new_total = sum(o for _, o, _ in both), sum(n for _, _, n in both)
    print(f"{len(rows)} documents, {len(both)} timed by both trees: this tree {new_total:.1f} s CPU, "
          f"the other {old_total:.1f} s, ratio {new_total / old_total if old_total else float('nan'):.3f}")
    failed = [d for d, o, n in rows if o is None or n is None]
    if failed:
        print(f"failed or timed out ({args.timeout:.0f} s) in a tree: {', '.join(failed)}")
    print(f"{'document':<12} {'this s':>8} {'other s':>8} {'ratio':>7} {'more s':>7}")
    for d, o, n in sorted(both, key=lambda r: r[2] - r[1], reverse=True)[: args.top]:
        print(f"{d:<12} {n:8.2f} {o:8.2f} {n / o if o else float('nan'):7.2f} {n - o:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
