"""How fast is `factcheck check`? Generates 10k and 100k claims and times them side by side.

Prints, from one run on one machine:
- the time to load and check 10k and 100k claims (inputs plus chained relations), in process
  and through the command line (`factcheck check --format json`);
- the scaling ratio 100k / 10k (target: at most 12);
- how many times faster the engine is than evaluating the same formulas with sympy `subs`.
Target: 100k claims checked in under 10 s. Usage: python benchmarks/check_speed.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck.engine import check_paths


def generate(n_claims: int, path: Path) -> int:
    """Write a claim file with n_claims claims: two inputs and two relations per group of four."""
    lines = [
        "document:\n  id: bench\n  language: nl\n  units:\n    equivalences: [place = person]\nclaims:\n"
    ]
    relations = 0
    for g in range(n_claims // 4):
        a, b = 1000 + g, 37 + g % 50
        lines.append(f'  - id: a{g}\n    stated: "{a:,}"\n    unit: person\n'.replace(",", "."))
        lines.append(f'  - id: b{g}\n    stated: "€ {b}"\n    unit: EUR / place / year\n')
        product = a * b
        lines.append(
            f'  - id: p{g}\n    stated: "€ {product:,}"\n    unit: EUR / year\n    expr: a{g} * b{g}\n'.replace(",", ".")
        )
        # A chained relation: refers to the previous group's total, so references cross groups.
        prev = f"p{g - 1}" if g else f"p{g}"
        prev_value = (1000 + g - 1) * (37 + (g - 1) % 50) if g else product
        lines.append(
            f'  - id: s{g}\n    stated: "€ {product + prev_value:,}"\n    unit: EUR / year\n    expr: p{g} + {prev}\n'.replace(",", ".")
        )
        relations += 2
    path.write_text("".join(lines), encoding="utf-8")
    return relations


def time_engine(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    run = check_paths([str(path)])
    elapsed = time.perf_counter() - start
    bad = [r for r in run.results if r.verdict.value != "consistent"]
    assert not bad, bad[0].explanation
    return elapsed, len(run.results)


def time_cli(path: Path, *extra: str) -> float:
    """Wall time of `factcheck check PATH` in a fresh process: imports, loading, checking, output."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(path), *extra],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def time_sympy_subs(n_relations: int) -> float:
    """Evaluate the same shape of formulas (a * b, p + q) with sympy `subs`, as a naive checker would."""
    import sympy

    a, b = sympy.symbols("a b")
    product = a * b
    total = a + b
    start = time.perf_counter()
    for g in range(n_relations // 2):
        product.subs({a: sympy.Integer(1000 + g), b: sympy.Integer(37 + g % 50)})
        total.subs({a: sympy.Integer(g), b: sympy.Integer(g + 1)})
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k claims instead of 10k and 100k")
    args = parser.parse_args()
    small, large = (1_000, 10_000) if args.quick else (10_000, 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        files = {}
        for n in (small, large):
            files[n] = tmp_path / f"claims-{n}.yaml"
            generate(n, files[n])
        results = {}
        for n in (small, large):
            engine, relations = time_engine(files[n])
            cli = time_cli(files[n])
            results[n] = (engine, cli, relations)
            print(f"{n:>7} claims ({relations} relations): in process {engine:6.2f} s   `factcheck check` {cli:6.2f} s")
        report = time_cli(files[small], "--format", "json", "-o", os.devnull)
        print(f"{small:>7} claims, full JSON report (every explanation and interval written): {report:6.2f} s")
        sympy_n = results[small][2]
        sympy_time = time_sympy_subs(sympy_n)
        engine_small = results[small][0]
        print(f"sympy subs on the {sympy_n} relations of the {small} file: {sympy_time:6.2f} s (evaluation only)")
        print(f"scaling {large // 1000}k / {small // 1000}k: in process {results[large][0] / results[small][0]:.1f}x, "
              f"CLI {results[large][1] / results[small][1]:.1f}x (target <= 12x for 10x the claims)")
        print(f"engine, loading included, is {sympy_time / engine_small:.1f}x faster than sympy subs evaluating alone")
        verdict = "meets" if results[large][1] < 10 else "MISSES"
        print(f"{large} claims through `factcheck check`: {results[large][1]:.2f} s, {verdict} the 10 s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
