"""Time `factcheck extract` over a whole corpus, as a user runs it, four ways side by side.

    python benchmarks/corpus_speed.py [--corpus ../shared/corpus] [--limit N] [--jobs 2]

In one run, on the same documents and the same machine load: serial (one document after the
other), ``--jobs N`` (child processes), ``--executor dask`` (a LocalCluster of N worker
processes, its start-up included), and the unchanged re-run (every document skipped). Then
``check`` and ``report --format html`` on the claim files written, first with an empty results
cache and then again with it filled. Every time is the whole command in a fresh process,
interpreter start-up included. It also says whether the Dask run wrote the same bytes as the
serial one. ``--limit N`` takes the first N documents (sorted by path) for a quick run.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"factcheck {' '.join(args[:3])} … failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    return elapsed, last


def _same_tree(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=next((c for c in CORPORA if c.is_dir()), CORPORA[0]))
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from factcheck.corpus import walk_sources

    sources, _ = walk_sources([str(args.corpus)])
    if args.limit:
        sources = sources[: args.limit]
    if not sources:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 2
    have_dask = importlib.util.find_spec("distributed") is not None
    env = dict(os.environ, PYTHONPATH=str(ROOT), FACTCHECK_NO_BROWSER="1")
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env["FACTCHECK_CACHE_DIR"] = str(tmp / "cache")
        extract = ["extract", *sources, "--no-progress"]
        rows.append(("extract, serial", *_timed([*extract, "-o", str(tmp / "serial")], env)))
        rows.append((f"extract, --jobs {args.jobs}", *_timed([*extract, "-o", str(tmp / "jobs"), "--jobs", str(args.jobs)], env)))
        if have_dask:
            rows.append((f"extract, --executor dask ({args.jobs} workers)",
                         *_timed([*extract, "-o", str(tmp / "dask"), "--executor", "dask", "--jobs", str(args.jobs)], env)))
        rows.append(("extract, unchanged re-run", *_timed([*extract, "-o", str(tmp / "serial")], env)))
        claims = str(tmp / "serial")
        rows.append(("check, empty cache", *_timed(["check", claims, "-o", str(tmp / "c1.txt")], env)))
        rows.append(("check, unchanged re-run", *_timed(["check", claims, "-o", str(tmp / "c2.txt")], env)))
        rows.append(("report -f html, --no-cache", *_timed(["report", claims, "-f", "html", "-o", str(tmp / "r1" / "index.html"), "--no-cache"], env)))
        rows.append(("report -f html, unchanged re-run", *_timed(["report", claims, "-f", "html", "-o", str(tmp / "r2" / "index.html")], env)))
        same_dask = _same_tree(tmp / "serial", tmp / "dask") if have_dask else None
        same_jobs = _same_tree(tmp / "serial", tmp / "jobs")
    print(f"{len(sources)} documents from {args.corpus} on {os.cpu_count()} cores; whole commands, start-up included")
    width = max(len(r[0]) for r in rows)
    first = rows[0][1]
    for name, seconds, last in rows:
        share = f"{seconds / first:6.0%} of serial" if name.startswith("extract") else ""
        print(f"{name:<{width}}  {seconds:8.2f} s  {share:<16}  {last[:110]}")
    print(f"--jobs {args.jobs} wrote the serial claim files byte for byte: {'yes' if same_jobs else 'NO'}")
    if have_dask:
        print(f"Dask wrote the serial claim files byte for byte: {'yes' if same_dask else 'NO'}")
    else:
        print('Dask not installed (pip install "factcheck[dask]"): its row is left out')
    return 0 if same_jobs and same_dask is not False else 1


if __name__ == "__main__":
    sys.exit(main())
