"""The evidence behind each prose proposal of the development half, and whether it was right.

    python benchmarks/prose_evidence.py CLAIMS_DIR [CLAIMS_DIR ...] [--rows] [--lobo WEIGHT]

Reads the claim files that ``benchmarks/unseen_eval.py --split dev --keep DIR`` wrote (``DIR/dev``;
claim files of test documents are refused) and, for every discovered prose relation in them,
the evidence that made discovery propose it: its relation, its wording cue, exact or within
rounding, how many inputs, where they stand (the target's sentence, the same page, another
page), the least significant digits among its figures and whether the stated figure is round.
Each proposal is scored against the labels as ``unseen_eval`` scores it (a calculation the text
makes or not), and the proposals are counted by kind: right / all per kind, so one sees which
evidence separates calculations from coincidences. ``--rows`` lists every proposal.

Also per proposal, reckoned with today's discovery from the claim file's extracted figures: how
many figures its target's sentence and passage hold, where its inputs stand (the sentence, the
two sentences before or after, the passage, beyond it), and the expected number of coincidences
as good among the combinations of that window (``relations._coincidences``; the table searches'
own stated odds for relations over a table row). A wrong proposal is an "other reading" when its
target is a labelled calculation's result (the text computes that figure, from other figures),
"no calculation" otherwise. ``--lobo WEIGHT`` (each DIR one batch, as the first looks are) picks
the best one- or two-feature gate without each batch and scores it on that batch, so the gain is
not tuned on what it is measured on.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path
from typing import Callable

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


def _odds(claims: list[dict], language: str) -> Callable[[dict, list[str], str, bool], dict[str, object]]:
    """The window's candidates and the chance of a match by coincidence, as today's discovery
    reckons them (:func:`factcheck.discover.relations._coincidences`), for a proposal of any code:
    the figures of the target's passage, the sentence's, and the expected number of combinations
    of the window that match this well (exact: on the finest printed grid; within rounding: within
    the target's own printed precision)."""
    from factcheck.discover import relations as rel
    from factcheck.discover.figures import from_dicts

    figures = from_dicts(claims, language)
    by_id = {f.id: f for f in figures}
    home = {f.id: passage for passage in rel.passages(figures) for f in passage}

    def odds(claim: dict, inputs: list[str], relation: str, exact: bool) -> dict[str, object]:
        target = by_id.get(str((claim.get("evidence") or {}).get("target") or ""))
        ins = [by_id[i] for i in inputs if i in by_id]
        if target is None or target.id not in home:
            return {"n_sentence": -1, "n_passage": -1, "reach": "-", "chance": None}
        passage = home[target.id]
        index = rel._Passage(list({f.id: f for f in (*passage, *ins)}.values()))
        windows = rel._windows(passage)
        one = rel._exact_chance(index, target, ins) if exact else rel._chance(index, target, None)
        kind = relation if relation in ("sum", "difference", "product", "share", "ratio", "points") else "difference"
        proposal = rel.Proposal(target, tuple(ins), kind, "", exact, 0, None, True, one)
        # _windows keeps each sentence's neighbours, as frozensets of quotes, beside its counts
        near: frozenset[str] = windows.get(("near", target.quote), frozenset())  # type: ignore[assignment]
        after: frozenset[str] = windows.get(("following", target.quote), frozenset())  # type: ignore[assignment]
        if not ins:
            reach = "table"  # cells of a table: no figures of the text
        elif all(f.quote == target.quote for f in ins):
            reach = "sentence"
        elif all(f.quote in near and f.position <= target.position for f in ins):
            reach = "sentences before"
        elif all(f.quote in after and f.position >= target.position for f in ins):
            reach = "sentences after"
        else:
            reach = "passage" if all(f.id in {g.id for g in passage} for f in ins) else "beyond"
        return {"n_sentence": windows.get(target.quote, (0, 0))[0], "n_passage": len(passage), "reach": reach,
                "chance": rel._coincidences(proposal, windows) if kind != "ratio" else one}
    return odds


_ONE_IN = re.compile(r"about 1 in ([\d,]+)")
_ROW = re.compile(r"row '([^']*)'")


def _row_named(found: str, quote: str) -> str:
    """For a relation over a table's row: does the sentence name the row (a word of four letters or
    more of its label)? "-" for relations of prose figures."""
    row = _ROW.search(found)
    if not row:
        return "-"
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", row.group(1))}
    said = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", quote)}
    return "yes" if words & said else "no"


def proposals(path: Path) -> list[dict]:
    """Every discovered prose relation of one claim file, with its evidence as features."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    claims = [c for c in data.get("claims") or [] if isinstance(c, dict)]
    by_id = {str(c.get("id")): c for c in claims}
    odds = _odds(claims, str((data.get("document") or {}).get("language") or "en"))
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
            **odds(c, list(dict.fromkeys(names)), str(ev.get("relation") or "?"), ev.get("match") == "exact"),
            "row_named": _row_named(str(ev.get("found") or ""), quote),
        })
        stated_odds = _ONE_IN.search(str(ev.get("chance") or ""))
        if stated_odds:  # the table searches state the odds they judged by: those, not the prose reckoning
            out[-1]["chance"] = Fraction(1, max(1, int(stated_odds.group(1).replace(",", ""))))
    return out


def _chance_band(chance: Fraction | None) -> str:
    """A chance as its order of magnitude ("1e-3": about one in a thousand), or "-" when unknown."""
    if chance is None:
        return "-"
    value = Fraction(chance)
    if value <= 0:
        return "0"
    exponent = 0
    while value < 1 and exponent > -9:
        value *= 10
        exponent -= 1
    while value >= 10:
        value /= 10
        exponent += 1
    return f"1e{exponent}"


def right(p: dict, labels: list[unseen_eval.Label]) -> bool:
    """Is the proposal a calculation the text makes (as unseen_eval matches it)?"""
    result = {"stated_text": p["stated"], "inputs": [{"stated_text": s} for s in p["inputs"]],
              "location": {"page": p["page"]}}
    return any(lab.kind == "relation" and lab.file == p["file"] and unseen_eval._matches(lab, result)
               for lab in labels) or any(lab.kind == "table" and lab.file == p["file"]
                                         and unseen_eval._matches(lab, result) for lab in labels)


def wrong_kind(p: dict, labels: list[unseen_eval.Label]) -> str:
    """Why a proposal that is no calculation of the text is wrong: "other reading" when its target is
    the result of a labelled calculation (the text computes that figure, from other printed figures
    than the proposal's), "no calculation" when the labels compute nothing for it (a coincidence, or
    a figure the text states without arithmetic)."""
    return "other reading" if any(
        lab.file == p["file"] and lab.page in (p["page"], 0) and unseen_eval._same(lab.target, p["stated"])
        for lab in labels) else "no calculation"


def gate_features(p: dict) -> dict[str, object]:
    """The features a gate may test, as values: what a reader sees of the proposal's evidence."""
    chance = float(p["chance"]) if p["chance"] is not None else 0.0
    return {
        "relation": p["relation"], "cue": cue_kind(p["wording"]), "match": p["match"], "inputs": min(p["n_inputs"], 4),
        "window": p["window"], "reach": p["reach"], "two digits or fewer": p["min_digits"] <= 2, "round": p["round"],
        "over a table row": "table" in p["relation"] or p["relation"].startswith("change along"),
        "row named": p["row_named"], "sentence holds 4+ figures": p["n_sentence"] >= 4,
        "passage holds 12+ figures": p["n_passage"] >= 12,
        **{f"chance >= {bound}": chance >= bound for bound in (0.1, 0.03, 0.01, 0.001)},
    }


Gate = tuple[tuple[str, object], ...]


def _drops(gate: Gate, features: dict[str, object]) -> bool:
    return all(features[k] == v for k, v in gate)


def _gain(gate: Gate, rows: list[tuple[dict, dict[str, object]]], weight: float) -> float:
    dropped = [p["right"] for p, f in rows if _drops(gate, f)]
    return dropped.count(False) - weight * dropped.count(True)


def leave_one_batch_out(rows: list[dict], weight: float) -> tuple[int, int, Counter[Gate | None]]:
    """Gates chosen without each batch and scored on it: every feature value and every pair of two
    features' values is a candidate gate (drop what has them); the one that drops most wrong
    proposals less ``weight`` times the right ones on the other batches is applied to the batch
    held out (none when no candidate gains). Returns right and all proposals kept, and the gates
    chosen."""
    features = [gate_features(p) for p in rows]
    values = sorted({(k, v) for f in features for k, v in f.items()}, key=str)
    gates: list[Gate] = [(kv,) for kv in values] + [
        (a, b) for i, a in enumerate(values) for b in values[i + 1:] if a[0] != b[0]]
    kept_right = kept = 0
    chosen: Counter[Gate | None] = Counter()
    for batch in sorted({p["batch"] for p in rows}):
        train = [(p, f) for p, f in zip(rows, features) if p["batch"] != batch]

        best = max(gates, key=lambda g: _gain(g, train, weight))
        gate = best if _gain(best, train, weight) > 0 else None
        chosen[gate] += 1
        for p, f in zip(rows, features):
            if p["batch"] == batch and (gate is None or not _drops(gate, f)):
                kept += 1
                kept_right += p["right"]
    return kept_right, kept, chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--rows", action="store_true")
    ap.add_argument("--lobo", type=float, metavar="WEIGHT",
                    help="each DIR is one batch: choose a gate without each batch and score it on the batch; "
                         "a gate's gain is the wrong proposals it drops less WEIGHT times the right ones")
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
                p["wrong"] = "-" if p["right"] else wrong_kind(p, labels)
                p["batch"] = str(d)
                rows.append(p)
    if args.rows:
        for p in rows:
            print("\t".join(str(x) for x in (
                "T" if p["right"] else "F", p["wrong"], p["file"], p["page"], p["relation"], p["wording"], p["match"],
                p["n_inputs"], p["window"], p["min_digits"], int(p["round"]), p["score"], p["n_sentence"],
                p["n_passage"], _chance_band(p["chance"]), p["row_named"], p["reach"], p["stated"],
                " ; ".join(p["inputs"]))))
    print(f"proposals: {sum(p['right'] for p in rows)} right of {len(rows)}")
    wrong = Counter(p["wrong"] for p in rows if not p["right"])
    print("wrong proposals: " + ", ".join(f"{k} {n}" for k, n in sorted(wrong.items())))
    for feature in ("relation", "wording", "cue", "match", "n_inputs", "window", "min_digits", "round",
                    "n_sentence", "n_passage", "reach", "chance", "row_named"):
        tally: dict[object, Counter[bool]] = defaultdict(Counter)
        for p in rows:
            key = (cue_kind(p["wording"]) if feature == "cue" else _chance_band(p["chance"]) if feature == "chance"
                   else p[feature])
            tally[key][p["right"]] += 1
        cells = ", ".join(f"{k}: {t[True]}/{t[True] + t[False]}" for k, t in sorted(tally.items(), key=lambda kv: str(kv[0])))
        print(f"{feature}: {cells}")
    if args.lobo is not None:
        kept_right, kept, chosen = leave_one_batch_out(rows, args.lobo)
        print(f"leave one batch out (weight {args.lobo:g}): {kept_right} right of {kept} kept "
              f"(before {sum(p['right'] for p in rows)} of {len(rows)})")
        for gate, n in chosen.most_common():
            print(f"  chosen {n}x: " + (" and ".join(f"{k} = {v}" for k, v in gate) if gate else "no gate"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
