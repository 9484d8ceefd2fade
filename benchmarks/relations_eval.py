"""Score relation discovery against the hand-labelled relations in tests/gold/relations.tsv.

    python benchmarks/relations_eval.py [--corpus ../shared/corpus] [--all] [--show]

Each labelled document is extracted and discovery proposes its relations (repeats and tables
off). A proposal is matched to a label by document, printed target, relation and printed inputs.
Printed: precision over the proposals that carry a label, recall over the true labels, and how
many proposals carry no label yet (``--show`` lists them, to be labelled). ``--all`` runs every
PDF of the corpus and every Court of Audit text, not only the labelled documents.

Caveat: the labels were made by reading discovery's own proposals against each document, so
recall counts only relations discovery found at some point; a relation no version proposed is
not in the file.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "relations.tsv"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
AUDIT_CSV = "nl-rekenkamer-kamervragen/kamervragen-raw.csv"

Key = tuple[str, str, str, tuple[str, ...]]


def _key(source: str, target: str, relation: str, inputs: list[str]) -> Key:
    return source, target.strip(), relation, tuple(sorted(i.strip() for i in inputs))


def read_gold(path: Path = GOLD) -> dict[Key, tuple[bool, str]]:
    """Labels by (source, target, relation, inputs): (is a real calculation, note)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    labels: dict[Key, tuple[bool, str]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        key = _key(row["source"], row["target"], row["relation"], row["inputs"].split(" ; "))
        labels[key] = (row["label"] == "true", row.get("note") or "")
    return labels


def _audit_texts(corpus: Path, tmp: Path) -> dict[str, Path]:
    csv.field_size_limit(1 << 30)
    out = {}
    with (corpus / AUDIT_CSV).open(encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle, delimiter="\t")):
            path = tmp / f"rekenkamer-{i:03d}.txt"
            path.write_text(row.get("doc_content") or "", encoding="utf-8")
            out[f"rekenkamer:{i}"] = path
    return out


def _resolve(source: str, corpus: Path, audit: dict[str, Path]) -> Path:
    if source.startswith("rekenkamer:"):
        return audit[source]
    if source.startswith("documents/"):
        return ROOT / source
    return corpus / source


def proposals(path: Path) -> list[tuple[str, str, list[str]]]:
    """(target, relation, inputs as printed) for each relation discovery proposes in the document."""
    from factcheck.discover import discover
    from factcheck.extract import extract_document

    doc = extract_document(path)
    printed = {c["id"]: c["stated"] for c in doc.claims}
    out = []
    for claim in discover(doc.claims, doc.header.get("language", "nl"), repeats=False):
        inputs = [name for name in claim["evidence"]["inputs"].split(", ")]
        ids = [i.split(" (", 1)[0] for i in inputs]
        out.append((claim["stated"], claim["evidence"]["relation"], [printed[i] for i in ids]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--all", action="store_true", help="every corpus PDF and Court of Audit text")
    parser.add_argument("--show", action="store_true", help="list the proposals that carry no label")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    labels = read_gold()
    with tempfile.TemporaryDirectory() as tmp:
        audit = _audit_texts(args.corpus, Path(tmp))
        sources = sorted({key[0] for key in labels})
        if args.all:
            sources = sorted(set(sources) | {str(p.relative_to(args.corpus)) for p in args.corpus.rglob("*.pdf")}
                             | set(audit))
        found: Counter[str] = Counter()
        unlabelled: list[str] = []
        seen: set[Key] = set()
        for source in sources:
            path = _resolve(source, args.corpus, audit)
            try:
                proposed = proposals(path)
            except Exception as exc:  # noqa: BLE001 - a document that cannot be read is reported, not fatal
                print(f"{source}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            for target, relation, inputs in proposed:
                key = _key(source, target, relation, inputs)
                if key in labels:
                    found["true" if labels[key][0] else "false"] += 1
                    seen.add(key)
                else:
                    found["unlabelled"] += 1
                    unlabelled.append(f"{source}: {target} = {relation}({' ; '.join(inputs)})")
    true_labels = [k for k, (ok, _) in labels.items() if ok]
    labelled = found["true"] + found["false"]
    print(f"documents: {len(sources)}; labels: {len(labels)} ({len(true_labels)} true, {len(labels) - len(true_labels)} false)")
    print(f"proposals: {labelled + found['unlabelled']} ({labelled} labelled, {found['unlabelled']} not yet)")
    if labelled:
        print(f"precision over labelled proposals: {found['true'] / labelled:.3f} ({found['true']}/{labelled})")
    print(f"recall over true labels: {sum(1 for k in true_labels if k in seen) / len(true_labels):.3f} "
          f"({sum(1 for k in true_labels if k in seen)}/{len(true_labels)})")
    missed = [k for k in true_labels if k not in seen]
    for key in missed:
        print(f"  missed: {key[0]}: {key[1]} = {key[2]}({' ; '.join(key[3])})")
    if args.show:
        for line in unlabelled:
            print(f"  unlabelled: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
