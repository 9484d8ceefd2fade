"""How much memory does `factcheck check` take per claim? Peak resident memory, side by side.

Generates folders of claim files (the inputs, products and chained sums of check_speed.py), at
most 100,000 claims per file (a file is limited to 64 MiB): 100k claims in one file and one
million in ten. Each is checked by ``factcheck check`` in a fresh process, without the results
cache (``--no-cache``) and with an empty one (the default, which also writes every result), and
the process's peak resident memory (``ru_maxrss``) is printed. The memory of a check of four
claims (Python, the imports) is subtracted before dividing by the number of claims.

With ``--old TREE`` the same runs are made on another source tree (a folder holding a
``factcheck`` package, e.g. ``git archive COMMIT factcheck | tar -x -C /tmp/old``), alternating
with the current one, and printed side by side with the ratio old / new.

    python benchmarks/check_memory.py [--sizes 100000,1000000] [--old TREE] [--no-cached]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_speed import generate  # noqa: E402 - the same claims as the speed benchmark

PER_FILE = 100_000
HERE = Path(__file__).resolve().parent.parent
# Runs `factcheck check` and prints the peak resident memory in KiB (Linux reports KiB).
_PROBE = (
    "import resource, sys\n"
    "from factcheck.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def make_folder(folder: Path, n_claims: int) -> None:
    folder.mkdir(parents=True)
    left, index = n_claims, 0
    while left > 0:
        size = min(PER_FILE, left)
        generate(size, folder / f"part{index:03}.yaml")
        left -= size
        index += 1


def peak_kib(tree: Path, folder: Path, cached: bool, scratch: Path) -> int:
    """Peak resident memory of `factcheck check FOLDER`, run from a folder outside any tree."""
    env = dict(os.environ, PYTHONPATH=str(tree), FACTCHECK_NO_BROWSER="1")
    args = ["check", str(folder)]
    if cached:
        cache = Path(tempfile.mkdtemp(dir=scratch))
        env["FACTCHECK_CACHE_DIR"] = str(cache)
    else:
        args.append("--no-cache")
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=scratch, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    lines = [line for line in done.stderr.splitlines() if line.startswith("MAXRSS ")]
    if not lines:
        raise SystemExit(f"check failed in {tree}:\n{done.stderr[-2000:]}")
    return int(lines[-1].split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="claims per run, comma-separated")
    parser.add_argument("--old", metavar="TREE", help="also measure the factcheck package in TREE, side by side")
    parser.add_argument("--no-cached", action="store_true", help="skip the runs with the results cache")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    trees = {"new": HERE} | ({"old": Path(args.old).resolve()} if args.old else {})
    modes = [False] if args.no_cached else [False, True]
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        small = scratch / "small"
        make_folder(small, 4)
        base = {name: peak_kib(tree, small, False, scratch) for name, tree in trees.items()}
        print("baseline (4 claims): " + ", ".join(f"{name} {kib / 1024:.0f} MiB" for name, kib in base.items()))
        header = f"{'claims':>9} {'files':>5} {'cache':>5} {'new MiB':>8} {'new B/claim':>11}"
        if args.old:
            header += f" {'old MiB':>8} {'old B/claim':>11} {'old/new':>8}"
        print(header)
        for n in sizes:
            folder = scratch / f"claims{n}"
            make_folder(folder, n)
            files = len(list(folder.iterdir()))
            for cached in modes:
                peaks = {name: peak_kib(tree, folder, cached, scratch) for name, tree in reversed(trees.items())}
                per = {name: (peaks[name] - base[name]) * 1024 / n for name in peaks}
                line = (f"{n:>9} {files:>5} {'on' if cached else 'off':>5} {peaks['new'] / 1024:>8.0f} "
                        f"{per['new']:>11.0f}")
                if args.old:
                    line += f" {peaks['old'] / 1024:>8.0f} {per['old']:>11.0f} {per['old'] / per['new']:>8.2f}"
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
