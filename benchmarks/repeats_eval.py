"""Score repeated-quantity discovery: conflicts against tests/gold/conflicts.tsv, plus group counts.

    python benchmarks/repeats_eval.py [--corpus ../shared/corpus]

Every corpus PDF, every Court of Audit text and the bundled answers are extracted; discovery
groups repeated statements and judges each group (factcheck.discover.repeats). Printed: how
many groups came out per verdict, the precision of the `conflict` verdicts over the labelled
ones, whether the known real conflicts were found, and the conflicts that carry no label yet.

A `conflict` tells a reader that a document contradicts itself, so its precision is what
matters most. The labels were made from the conflicts discovery reported at some point, read
against each document; the rules were tuned with them in view (a development-set figure).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from relations_eval import DEFAULT_CORPUS, _audit_texts, _resolve  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "conflicts.tsv"


def read_gold(path: Path = GOLD) -> dict[tuple[str, str], bool]:
    """Labels by (source, distinct printed values joined by " | "; "*" for the rest of a source)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {(row["source"], row["values"]): row["label"] == "true" for row in csv.DictReader(lines, delimiter="\t")}


def conflicts(path: Path) -> tuple[Counter[str], list[str]]:
    """Verdict counts of the document's repeat groups, and each conflict's distinct printed values."""
    from factcheck.discover.figures import from_dicts
    from factcheck.discover.repeats import find_repeats, judge_statements
    from factcheck.extract import extract_document

    doc = extract_document(path)
    counts: Counter[str] = Counter()
    found = []
    for group in find_repeats(from_dicts(doc.claims, doc.header.get("language", "nl"))):
        verdict, _ = judge_statements(group.members)
        counts[verdict] += 1
        if verdict == "conflict":
            found.append(" | ".join(sorted({f.stated for f in group.members})))
    return counts, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    labels = read_gold()
    verdicts: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    found_true: set[tuple[str, str]] = set()
    unlabelled: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        audit = _audit_texts(args.corpus, Path(tmp))
        sources = sorted({str(p.relative_to(args.corpus)) for p in args.corpus.rglob("*.pdf")} | set(audit)
                         | {"documents/asiel-migratie-2025-antwoorden.txt"})
        for source in sources:
            try:
                counts, found = conflicts(_resolve(source, args.corpus, audit))
            except Exception as exc:  # noqa: BLE001 - an unreadable document is reported, not fatal
                print(f"{source}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            verdicts.update(counts)
            for values in found:
                label = labels.get((source, values), labels.get((source, "*")))
                if label is None:
                    scored["unlabelled"] += 1
                    unlabelled.append(f"{source}: {values}")
                    continue
                scored["true" if label else "false"] += 1
                if label:
                    found_true.add((source, values))
    true_labels = [key for key, ok in labels.items() if ok]
    labelled = scored["true"] + scored["false"]
    print(f"documents: {len(sources)}; repeat groups: {sum(verdicts.values())} "
          f"({', '.join(f'{n} {v}' for v, n in sorted(verdicts.items()))})")
    if labelled:
        print(f"conflict precision over labelled: {scored['true'] / labelled:.3f} ({scored['true']}/{labelled})")
    print(f"known real conflicts found: {len(found_true)}/{len(true_labels)}")
    for line in unlabelled:
        print(f"  unlabelled conflict: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
