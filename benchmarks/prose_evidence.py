"""The evidence behind each prose proposal of the development half, and whether it was right.

    python benchmarks/prose_evidence.py CLAIMS_DIR [CLAIMS_DIR ...] [--rows]

Reads the claim files that ``benchmarks/unseen_eval.py --split dev --keep DIR`` wrote (``DIR/dev``;
claim files of test documents are refused) and, for every discovered prose relation in them,
the evidence that made discovery propose it: its relation, its wording cue, exact or within
rounding, how many inputs, where they stand (the target's sentence, the same page, another
page), the least significant digits among its figures and whether the stated figure is round.
Each proposal is scored against the labels as ``unseen_eval`` scores it (a calculation the text
makes or not), and the proposals are counted by kind: right / all per kind, so one sees which
evidence separates calculations from coincidences. ``--rows`` lists every proposal.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parent))
import unseen_eval  # noqa: E402

_TABLE_ID = re.compile(r"t\d+_\d+_r\d+_c\d+")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _digits(stated: str) -> int:
    """Significant digits of a printed figure ("4,500" -> 2, "12.5%" -> 3)."""
    text = re.sub(r"\D", "", stated).lstrip("0")
    if re.search(r"\d[.,]\d", stated) and not re.search(r"\d[.,]\d{3}(?!\d)", stated):
        return len(text)  # a decimal fraction: every printed digit counts
    return len(text.rstrip("0"))


def _where(claim: dict) -> tuple[int, int]:
    where = claim.get("where") or {}
    return int(where.get("page") or 0), int(where.get("line") or 0)


def cue_kind(wording: str) -> str:
    """The wording cue as a kind: none, a word of the sentence, or a structure a reader found."""
    if wording in ("", "none"):
        return "none"
    if len(wording.split()) <= 3 and not wording.startswith(("a ", "the ")):
        return "word"
    return "structure"


def proposals(path: Path) -> list[dict]:
    """Every discovered prose relation of one claim file, with its evidence as features."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    claims = [c for c in data.get("claims") or [] if isinstance(c, dict)]
    by_id = {str(c.get("id")): c for c in claims}
    out = []
    for c in claims:
        if c.get("origin") != "discovered" or not c.get("expr") or _TABLE_ID.match(str(c.get("id"))) or str(c.get("id")).startswith("repeat"):
            continue
        ev = c.get("evidence") or {}
        names = [n for n in _IDENT.findall(str(c["expr"])) if n in by_id and n != "sum"]
        inputs = [by_id[n] for n in dict.fromkeys(names)]
        page, line = _where(c)
        quote = str(c.get("quote") or "")
        same = bool(inputs) and all(str(i.get("quote") or "") == quote for i in inputs)
        pages = {_where(i)[0] for i in inputs}
        window = "sentence" if same else ("page" if pages <= {page} else "other page")
        figs = [str(c.get("stated") or "")] + [str(i.get("stated") or "") for i in inputs]
        out.append({
            "file": f"docs/{path.stem}.pdf", "id": c["id"], "page": page, "stated": figs[0], "inputs": figs[1:],
            "relation": str(ev.get("relation") or "?"), "wording": str(ev.get("wording") or "none"),
            "match": str(ev.get("match") or "?"), "score": ev.get("score"), "n_inputs": len(inputs),
            "window": window, "min_digits": min(_digits(f) for f in figs), "round": _digits(figs[0]) <= 2,
            "expr": str(c["expr"]),
        })
    return out


def right(p: dict, labels: list[unseen_eval.Label]) -> bool:
    """Is the proposal a calculation the text makes (as unseen_eval matches it)?"""
    result = {"stated_text": p["stated"], "inputs": [{"stated_text": s} for s in p["inputs"]],
              "location": {"page": p["page"]}}
    return any(lab.kind == "relation" and lab.file == p["file"] and unseen_eval._matches(lab, result)
               for lab in labels) or any(lab.kind == "table" and lab.file == p["file"]
                                         and unseen_eval._matches(lab, result) for lab in labels)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--rows", action="store_true")
    args = ap.parse_args(argv)
    split, labels = unseen_eval.read_labels()
    rows: list[dict] = []
    for d in args.dirs:
        for path in sorted((d / "dev").glob("*.yaml") if (d / "dev").is_dir() else d.glob("*.yaml")):
            if path.name.startswith("."):
                continue
            if split.get(path.stem) != "dev":
                print(f"{path}: not a development document, left alone", file=sys.stderr)
                continue
            for p in proposals(path):
                p["right"] = right(p, labels)
                rows.append(p)
    if args.rows:
        for p in rows:
            print("\t".join(str(x) for x in (
                "T" if p["right"] else "F", p["file"], p["page"], p["relation"], p["wording"], p["match"],
                p["n_inputs"], p["window"], p["min_digits"], int(p["round"]), p["score"], p["stated"],
                " ; ".join(p["inputs"]))))
    print(f"proposals: {sum(p['right'] for p in rows)} right of {len(rows)}")
    for feature in ("relation", "wording", "cue", "match", "n_inputs", "window", "min_digits", "round"):
        tally: dict[object, Counter[bool]] = defaultdict(Counter)
        for p in rows:
            key = cue_kind(p["wording"]) if feature == "cue" else p[feature]
            tally[key][p["right"]] += 1
        cells = ", ".join(f"{k}: {t[True]}/{t[True] + t[False]}" for k, t in sorted(tally.items(), key=lambda kv: str(kv[0])))
        print(f"{feature}: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
