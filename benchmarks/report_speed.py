"""How fast are full reports? Times `check` and every report format on a 10k-relation run, side by side.

Generates one claim file of 20,000 claims (10,000 relations) in a temporary folder: inputs, products,
chained sums, and a few rounded figures and mismatches, so every part of a report is exercised.
Then it measures, best of N in one process:
- `check`: loading and checking the file (``check_paths``);
- each format: building the report view and rendering that one format, on a fresh run (what
  ``factcheck report -f FORMAT`` adds to the check);
- all six: ``write_reports`` into a folder (what ``factcheck check --report-dir`` adds);
and prints each as a ratio to `check`.

With ``--old TREE`` the same measurements are made on another source tree (a folder holding a
``factcheck`` package, e.g. ``git archive COMMIT factcheck | tar -x -C /tmp/old``), in alternating
subprocesses with the current tree, and printed side by side as old / new.

Usage: python benchmarks/report_speed.py [--relations 10000] [--repeat 3] [--old TREE]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("terminal", "markdown", "html", "json", "junit", "sarif")


def _dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def generate(n_relations: int, path: Path) -> int:
    """Write a claim file with ``n_relations`` relations (two per group of four claims).

    Products ``a * b``; chained relations in three shapes (``p + q``, ``sum(p, q)``,
    ``p + 10% * q``); one product in ten printed rounded to thousands (`rounding`), one in fifty
    7 % too high with ``expect: mismatch``, and one in five hundred too high without (unexpected).
    """
    out = ["document:\n  id: bench\n  language: nl\n  units:\n    equivalences: [place = person]\nclaims:\n"]
    relations = 0
    prev_product = None
    for g in range(n_relations // 2):
        a, b = 1000 + g, 37 + g % 50
        product = a * b
        out.append(f'  - id: a{g}\n    stated: "{_dutch(a)}"\n    unit: person\n')
        out.append(f'  - id: b{g}\n    stated: "€ {b}"\n    unit: EUR / place / year\n')
        extra = ""
        stated = product
        if g % 500 == 499:
            stated = product * 107 // 100
        elif g % 50 == 49:
            stated = product * 107 // 100
            extra = "    expect: mismatch\n"
        elif g % 10 == 9:
            stated = round(product, -3)
        out.append(f'  - id: p{g}\n    stated: "€ {_dutch(stated)}"\n    unit: EUR / year\n    expr: a{g} * b{g}\n{extra}')
        prev = f"p{g - 1}" if g else f"p{g}"
        q = prev_product if prev_product is not None else stated
        # The chained relation uses the *printed* value of the previous product, as the engine does.
        if g % 3 == 0:
            expr, value = f"p{g} + {prev}", stated + q
        elif g % 3 == 1:
            expr, value = f"sum(p{g}, {prev})", stated + q
        else:
            expr, value = f"p{g} + 10% * {prev}", stated * 10 + q  # in tenths
        if g % 3 == 2:
            whole, tenth = divmod(value, 10)
            text = _dutch(whole) + (f",{tenth}" if tenth else "")
        else:
            text = _dutch(value)
        out.append(f'  - id: s{g}\n    stated: "€ {text}"\n    unit: EUR / year\n    expr: {expr}\n')
        prev_product = stated
        relations += 2
    path.write_text("".join(out), encoding="utf-8")
    return relations


def _best(times: list[float]) -> float:
    return min(times)


def measure(path: Path, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds for check, each format, and all six written to a folder."""
    from factcheck.engine import check_paths
    from factcheck.report import build_view, render_view, write_reports

    def fresh():  # type: ignore[no-untyped-def]
        gc.collect()
        start = time.perf_counter()
        run = check_paths([str(path)])
        return run, time.perf_counter() - start

    times: dict[str, list[float]] = {"check": [], "all six": [], **{f: [] for f in FORMATS}}
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeat):
            # Formats in a different order each round, so none always runs on a warmer process.
            for fmt in FORMATS:
                run, elapsed = fresh()
                times["check"].append(elapsed)
                start = time.perf_counter()
                render_view(build_view(run), fmt)
                times[fmt].append(time.perf_counter() - start)
            run, elapsed = fresh()
            times["check"].append(elapsed)
            start = time.perf_counter()
            write_reports(run, Path(out))
            times["all six"].append(time.perf_counter() - start)
    return {k: _best(v) for k, v in times.items()}


def _worker(tree: str | None, path: Path, repeat: int) -> dict[str, float]:
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (tree, env.get("PYTHONPATH", "")) if p)
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(path), "--repeat", str(repeat)],
        check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relations", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--old", metavar="TREE", help="also measure the factcheck package in TREE, side by side")
    parser.add_argument("--worker", metavar="CLAIMS", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(measure(Path(args.worker), args.repeat)))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        # Run from the folder of the claims, as CI runs from its repository: reports show
        # relative paths ("claims.yaml:699:9"), which fit their table columns.
        os.chdir(tmp)
        path = Path("claims.yaml")
        relations = generate(args.relations, path)
        if args.old:
            old: dict[str, float] = {}
            new: dict[str, float] = {}
            for _ in range(args.repeat):  # alternate, so both see the same load on a shared machine
                for target, tree in ((old, args.old), (new, None)):
                    for key, value in _worker(tree, path, 1).items():
                        target[key] = min(value, target.get(key, value))
        else:
            old, new = {}, measure(path, args.repeat)

    print(f"{relations} relations, best of {args.repeat}; each format: build the view and render it, on a fresh run")
    header = f"{'':<12}{'new s':>8}{'/ check':>9}"
    if old:
        header += f"{'old s':>9}{'/ check':>9}{'old/new':>9}"
    print(header)
    for key in ("check", *FORMATS, "all six"):
        line = f"{key:<12}{new[key]:>8.2f}{new[key] / new['check']:>9.2f}"
        if old:
            line += f"{old[key]:>9.2f}{old[key] / old['check']:>9.2f}{old[key] / new[key]:>9.1f}"
        print(line)
    ratio = new["all six"] / new["check"]
    print(f"all six formats cost {ratio:.2f}x the check ({'within' if ratio <= 1 else 'over'} the 1x goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
