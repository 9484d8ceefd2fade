"""Figure precision on a judged sample of extracted prose figures, re-scored with today's code.

    python benchmarks/figure_sample.py [--split dev|dev2|…|dev10|dev-old-test|test|test2|test3] [--keep DIR]

``tests/unseen/figures.<split>-sample.tsv`` holds figures ``factcheck extract`` wrote when the
sample was drawn, each judged right or wrong by reading the page. Each document is extracted
again and every sampled figure looked up (same printed text, same page): a wrong one counts as
fixed when it is gone, or when its unit, value or hedge (recorded from dev4 on) is no longer the
one judged wrong; a right one that is gone is reported as lost. Precision = right figures still extracted / figures still
extracted and not fixed. New wrong figures the code now writes are not in the sample: draw a new
sample for those.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unseen_eval import UNSEEN, run_factcheck  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev-old-test", "test", "test2", "test3"), default="dev")
    ap.add_argument("--keep", type=Path, help="write the claim files here instead of a temporary folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the sampled figures still wrong")
    args = ap.parse_args()
    if args.verbose and args.split.startswith("test"):
        ap.error("the test samples' wrong figures are not listed: nobody tunes on them")
    sample = UNSEEN / f"figures.{args.split}-sample.tsv"
    with sample.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        claims: dict[str, list[dict]] = {}
        for doc in sorted({r["doc"] for r in rows}):
            run_factcheck(UNSEEN / "docs" / f"{doc}.pdf", out)
            data = yaml.safe_load((out / f"{doc}.yaml").read_text(encoding="utf-8")) or {}
            claims[doc] = data.get("claims") or []
    right = kept = lost = fixed = 0
    wrong: list[str] = []
    by_lang: dict[str, list[int]] = {}  # language -> [right, kept]
    for r in rows:
        tally = by_lang.setdefault(r.get("lang") or "?", [0, 0])
        # the sample holds extracted figures: a table cell that discovery wrote with the same text is another claim
        hits = [c for c in claims[r["doc"]] if c.get("origin", "extracted") == "extracted"
                and c.get("stated") == r["stated"] and str((c.get("where") or {}).get("page")) == r["page"]]
        if r["verdict"] == "right":
            right += bool(hits)
            kept += bool(hits)
            tally[0] += bool(hits)
            tally[1] += bool(hits)
            lost += not hits
            continue
        still = [c for c in hits if not (
            (r["reason"] in ("wrong-unit", "unit") and c.get("unit") != (r["unit"] or None))
            or (r["reason"] in ("wrong-value", "value") and str(c.get("value")) != r["value"])
            or (r["reason"] == "wrong-hedge" and c.get("hedge") != r.get("hedge"))
        )]
        if still:
            kept += 1
            tally[1] += 1
            wrong.append(f"  {r['doc']} p{r['page']} {r['stated']!r}: {r['reason']} ({r['note'][:70]})")
        else:
            fixed += 1
    print(f"== {args.split} sample: {len(rows)} figures judged when drawn, "
          f"{sum(r['verdict'] == 'right' for r in rows)} right")
    print(f"figure precision now: {right}/{kept} = {right / kept:.3f}; wrong ones fixed: {fixed}; "
          f"right ones no longer extracted: {lost}")
    print("by language: " + "; ".join(f"{lang} {r}/{k}" for lang, (r, k) in sorted(by_lang.items())))
    if args.verbose:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
