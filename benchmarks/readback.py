"""Whatever `extract` writes, `check` reads: extract every corpus document and check the result.

    python benchmarks/readback.py [--corpus ../shared/corpus] [--limit N]

Each PDF, text and HTML document under the corpus is extracted as `factcheck extract` does
(figures, relations, repeats, table totals) into a temporary folder, and the claim file is then
checked as `factcheck check` does. Any FC1xx diagnostic (a claim file that does not read back:
a figure that cannot be parsed, an expression that does not parse, a unit that is unknown) is
printed with its document. Exit status 1 when there is one. Also printed: documents, claims,
relations checked, and the time per document (extract then check).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = (".pdf", ".txt", ".html", ".htm")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args(argv)
    from factcheck.cli import main as factcheck
    from factcheck.engine import check_paths

    docs = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in SUFFIXES and p.name != "SOURCE.md")
    if args.limit:
        docs = docs[: args.limit]
    bad = relations = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, doc in enumerate(docs):
            out = Path(tmp) / f"d{n}"
            code = factcheck(["extract", str(doc), "--out", str(out), "--no-progress"])
            if code not in (0, 1):
                print(f"{doc}: extract exited {code}")
                continue
            run = check_paths([out])
            relations += len(run.results)
            for d in run.diagnostics:
                if d.code.startswith("FC1"):
                    bad += 1
                    print(f"{doc.relative_to(args.corpus)}: {d.code} {d.message}")
    took = time.perf_counter() - started
    print(f"documents: {len(docs)}; relations checked: {relations}; claim files that do not read back: {bad} "
          f"diagnostics; {took / max(1, len(docs)):.2f} s per document")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
