"""Precision and recall per kind, and value/kind/hedge accuracy, against the gold set.

    python benchmarks/extract_quality.py [--details]

Scores every document in tests/gold/ whose source is present (the bundled text document and
the PDFs in tests/pdfs/). The scoring itself is ``tests/support/scoring.py``; the targets on
the bundled document (recall >= 0.98, precision >= 0.95 for money, counts and percentages;
value, kind and hedge right for >= 0.95 of the figures found) are asserted by
tests/test_extract_gold.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract import extract_document
from tests.support.scoring import KindScore, Score, score_file

SOURCES = {
    "asiel-migratie-2025": ROOT / "documents" / "asiel-migratie-2025-antwoorden.txt",
    "fichebundel-13": ROOT / "tests" / "pdfs" / "fichebundel-13.pdf",
    "fichebundel-85": ROOT / "tests" / "pdfs" / "fichebundel-85.pdf",
    "1_De_Koning": ROOT / "tests" / "pdfs" / "1_De_Koning.pdf",
    "labor": ROOT / "tests" / "pdfs" / "labor.pdf",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list missed, spurious and wrong figures")
    args = parser.parse_args(argv)
    total = Score()
    for name, source in SOURCES.items():
        gold = ROOT / "tests" / "gold" / f"{name}.figures.tsv"
        if not (gold.exists() and source.exists()):
            print(f"== {name}: skipped (missing {gold.name if not gold.exists() else source.name})")
            continue
        doc = extract_document(source)
        result = score_file(gold, doc.claims)
        print(f"== {name} ({doc.header['language']}, {len(doc.claims)} figures, "
              f"{len(doc.tables)} table regions skipped)")
        print(result.table())
        if args.details:
            for g in result.missed:
                print(f"   missed   {g.place}: {g.stated!r} {g.kind} ({g.note})")
            for c in result.spurious:
                where = c["where"]
                print(f"   spurious {where.get('page', '')}:{where['line']}: {c['stated']!r} {c['kind']}")
            for g, c, problem in result.wrong:
                print(f"   wrong {problem}: {g.place} {g.stated!r} gold {g.kind}/{g.hedge}/{g.value} "
                      f"got {c['kind']}/{c['hedge']}/{c['value']}")
        for kind, k in result.kinds.items():
            t = total.kinds.setdefault(kind, KindScore())
            t.gold += k.gold
            t.tp_gold += k.tp_gold
            t.pred += k.pred
            t.tp_pred += k.tp_pred
        for attr in ("matched", "value_ok", "kind_ok", "hedge_ok", "unit_ok", "all_ok"):
            setattr(total, attr, getattr(total, attr) + getattr(result, attr))
    print("== all documents")
    print(total.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
