"""Draw a fresh sample of extracted prose figures of the development documents, to be judged by hand.

    python benchmarks/draw_figure_sample.py --seed 2030 --size 100 --out tests/unseen/figures.dev3-sample.tsv
        [--claims DIR] [--prefer-unsampled] [--docs ID ...] [--max-per-doc N]

Every figure ``factcheck extract`` writes (claims with ``origin: extracted``) of every development
document (``tests/unseen/split.tsv``; never the test ones) is the population, less the figures
already in an earlier development sample (same document, page and printed text). The sample is
split evenly between English and Dutch (the rest from the other language when one has too few):
one ``random.Random(seed)`` per language, each population sorted by document, page and id. The
rows are written with ``verdict``, ``reason`` and ``note`` empty, for the person who reads each
figure's page and judges it (see ``tests/unseen/README.md``). ``--claims DIR`` reads claim files
already extracted there (``<doc>.yaml``) instead of extracting again. ``--prefer-unsampled`` weighs
each figure by 1 / (1 + the figures of its document in earlier development samples), so documents
the earlier samples left out are drawn most (weighted sampling without replacement: the ``size``
largest keys ``u ** (1 / weight)``, ``u`` from the same generator). ``--docs`` limits the population to
the named development documents (a test document is refused). ``--max-per-doc N`` takes at most ``N``
figures of one document (the next figure in the drawn order of a document already full is passed over),
so a few documents with many figures do not fill the sample.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from unseen_eval import UNSEEN, run_factcheck  # noqa: E402

COLUMNS = ("lang", "doc", "id", "stated", "value", "unit", "hedge", "page", "verdict", "reason", "note")
EARLIER = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev-old-test")


def dev_documents() -> list[str]:
    """The development documents' ids, as ``split.tsv`` has them."""
    with (UNSEEN / "split.tsv").open(encoding="utf-8") as fh:
        return sorted(r["id"] for r in csv.DictReader(fh, delimiter="\t") if r["split"] == "dev")


def earlier_rows(out: Path) -> list[dict[str, str]]:
    """The rows of every earlier development sample (not the one being drawn to ``out``)."""
    rows: list[dict[str, str]] = []
    for name in EARLIER:
        path = UNSEEN / f"figures.{name}-sample.tsv"
        if path.resolve() == out.resolve() or not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh, delimiter="\t"))
    return rows


def population(claims_dir: Path, docs: list[str]) -> dict[str, list[dict[str, str]]]:
    """Every extracted figure of the documents, as sample rows, by language."""
    by_lang: dict[str, list[dict[str, str]]] = {}
    for doc in docs:
        data = yaml.safe_load((claims_dir / f"{doc}.yaml").read_text(encoding="utf-8")) or {}
        lang = "en" if str((data.get("document") or {}).get("language", doc[:2])).startswith("en") else "nl"
        for c in data.get("claims") or []:
            if c.get("origin") != "extracted":
                continue
            by_lang.setdefault(lang, []).append({
                "lang": lang, "doc": doc, "id": str(c["id"]), "stated": str(c.get("stated", "")),
                "value": str(c.get("value", "")), "unit": str(c.get("unit") or ""), "hedge": str(c.get("hedge") or ""),
                "page": str((c.get("where") or {}).get("page", "")), "verdict": "", "reason": "", "note": "",
            })
    return by_lang


def _available(rows: list[dict[str, str]], cap: int | None) -> int:
    """How many of ``rows`` a draw can take with at most ``cap`` per document."""
    if cap is None:
        return len(rows)
    return sum(min(cap, n) for n in Counter(r["doc"] for r in rows).values())


def _capped(order: list[dict[str, str]], want: int, cap: int | None) -> list[dict[str, str]]:
    """The first ``want`` rows of ``order``, passing over a document once it has ``cap``."""
    taken: list[dict[str, str]] = []
    per_doc: Counter[str] = Counter()
    for row in order:
        if len(taken) == want:
            break
        if cap is not None and per_doc[row["doc"]] >= cap:
            continue
        per_doc[row["doc"]] += 1
        taken.append(row)
    return taken


def draw(by_lang: dict[str, list[dict[str, str]]], size: int, seed: int,
         weight: dict[str, float] | None = None, cap: int | None = None) -> list[dict[str, str]]:
    """``size`` rows, half per language where each has enough; ``weight`` by document, if given;
    at most ``cap`` rows of one document, if given."""
    langs = sorted(by_lang)
    want = {lang: size // len(langs) for lang in langs}
    for lang in langs:  # a language with too few gives its share to the others
        short = want[lang] - _available(by_lang[lang], cap)
        if short > 0:
            want[lang] -= short
            other = next(x for x in langs if x != lang)
            want[other] += short
    rows: list[dict[str, str]] = []
    for lang in langs:
        pool = sorted(by_lang[lang], key=lambda r: (r["doc"], int(r["page"] or 0), r["id"]))
        rng = random.Random(seed)
        if weight is None and cap is None:
            rows.extend(rng.sample(pool, min(want[lang], len(pool))))
            continue
        if weight is None:
            order = rng.sample(pool, len(pool))
        else:
            keys = [rng.random() ** (1 / weight[r["doc"]]) for r in pool]
            order = [pool[i] for i in sorted(range(len(pool)), key=lambda i: -keys[i])]
        rows.extend(_capped(order, want[lang], cap))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--claims", type=Path, help="claim files already extracted (<doc>.yaml) in this folder")
    ap.add_argument("--prefer-unsampled", action="store_true",
                    help="weigh documents by 1 / (1 + their figures in earlier samples)")
    ap.add_argument("--docs", nargs="+", metavar="ID", help="only these development documents")
    ap.add_argument("--max-per-doc", type=int, metavar="N", help="at most N figures of one document")
    args = ap.parse_args()
    docs = dev_documents()
    if args.docs:
        unknown = sorted(set(args.docs) - set(docs))
        if unknown:
            ap.error("not development documents: " + ", ".join(unknown))
        docs = sorted(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        claims_dir = args.claims or Path(tmp)
        if args.claims is None:
            for doc in docs:
                run_factcheck(UNSEEN / "docs" / f"{doc}.pdf", claims_dir)
        by_lang = population(claims_dir, docs)
    earlier = earlier_rows(args.out)
    seen = {(r["doc"], r["page"], r["stated"]) for r in earlier}
    by_lang = {lang: [r for r in rows if (r["doc"], r["page"], r["stated"]) not in seen] for lang, rows in by_lang.items()}
    weight = None
    if args.prefer_unsampled:
        count = Counter(r["doc"] for r in earlier)
        weight = {doc: 1 / (1 + count[doc]) for doc in docs}
    rows = draw(by_lang, args.size, args.seed, weight, args.max_per_doc)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} figures drawn from " + ", ".join(f"{lang} {len(r)}" for lang, r in sorted(by_lang.items()))
          + f" not sampled before -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
