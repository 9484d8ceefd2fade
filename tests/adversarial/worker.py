"""Run adversarial cases outside the test process and print what factcheck made of each as JSON.

Used by test_adversarial_cases.py, which kills this process (and starts another) when a case
runs past its time limit: a hang in C code (a huge power, a catastrophic regular expression)
cannot be interrupted from inside the process. One case per line on stdin:
``{"kind": "formula" | "figure" | "file", "text": ..., "language": ..., "path": ...}``; one
answer per line on stdout: ``{"codes": [...], "value": "p/q" or null, "verdicts": {id: verdict}}``,
or ``{"crash": "Type: message"}`` for an exception that is not a FactcheckError.
"""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction

# Names a formula case may use, with their values.
NAMES = {"a": Fraction(10), "b": Fraction(3), "x1": Fraction(10), "c": Fraction(0)}


def run(case: dict) -> dict:
    from factcheck.errors import FactcheckError

    kind = case["kind"]
    try:
        if kind == "formula":
            return {"codes": [], "value": str(formula_value(case["text"]))}
        if kind == "figure":
            from factcheck.numbers import parse_figure

            return {"codes": [], "value": str(parse_figure(case["text"], case.get("language", "nl")).value)}
        if kind == "file":
            return check_file(case["path"])
    except FactcheckError as exc:
        return {"codes": [exc.code], "value": None}
    raise ValueError(f"unknown case kind {kind!r}")


def formula_value(text: str) -> Fraction:
    """Parse and evaluate ``text`` exactly, the names taking the values in NAMES."""
    from factcheck.evaluate import Val, evaluate
    from factcheck.formula import parse_formula

    def lookup(name: str, node: object) -> Val:
        if name not in NAMES:
            from factcheck.errors import FormulaError

            raise FormulaError(f"unknown name {name!r}", code="FC203")
        v = NAMES[name]
        return Val(v, v, v, None)

    return evaluate(parse_formula(text).root, lookup, intervals=False).point


def check_file(path: str) -> dict:
    from factcheck.engine import check_paths

    run = check_paths([path])
    codes = [d.code for d in run.diagnostics]
    verdicts = {}
    for result in run.results:
        verdicts[result.claim.id] = result.verdict.value
        if result.message:
            codes.extend(re.findall(r": (FC\d{3}) ", result.message)[:1])
    return {"codes": sorted(set(codes)), "value": None, "verdicts": verdicts}


def main() -> None:
    for line in sys.stdin:
        try:
            out = run(json.loads(line))
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
            out = {"crash": f"{type(exc).__name__}: {exc}"[:500]}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
