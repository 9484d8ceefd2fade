"""Score extracted claims against a hand-labelled gold set (tests/gold/*.figures.tsv).

Gold rows name a line (text documents) or a page (PDFs), the figure as printed, its kind,
value, unit and hedge. An extracted claim matches a gold row when it stands at the same
place (line within ``line_slack``, or the same page) and has the same value; failing that,
when it stands on the same line and prints the same digits (so a misread value still counts
as found, and shows up in the accuracy instead).

Precision and recall per kind are *strict*: a figure found with the wrong kind counts as a
miss for the gold kind and a false positive for the predicted kind.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class GoldFigure:
    place: int  # line or page
    stated: str
    kind: str
    value: Fraction
    value_high: Fraction | None
    unit: str
    hedge: str
    note: str = ""


def _fraction(text: str) -> Fraction | None:
    text = (text or "").strip()
    if not text:
        return None
    return Fraction(text)


def load_gold(path: str | Path) -> tuple[str, list[GoldFigure]]:
    """Read a ``*.figures.tsv``; return ("line" | "page", rows)."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        by = "line" if "line" in (reader.fieldnames or []) else "page"
        rows = []
        for row in reader:
            value = _fraction(row["value"])
            if value is None:
                continue
            rows.append(GoldFigure(
                place=int(row[by]), stated=row["stated"], kind=row["kind"], value=value,
                value_high=_fraction(row.get("value_high", "")), unit=row.get("unit", "") or "",
                hedge=row.get("hedge", "exact") or "exact", note=row.get("note", "") or "",
            ))
    return by, rows


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def _norm_unit(unit: Any) -> str:
    return re.sub(r"\s+", "", str(unit or "")).lower()


@dataclass
class KindScore:
    tp_gold: int = 0  # gold figures of this kind found with this kind
    gold: int = 0
    tp_pred: int = 0  # predicted figures of this kind matching gold of this kind
    pred: int = 0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0


@dataclass
class Score:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    matched: int = 0
    value_ok: int = 0
    kind_ok: int = 0
    hedge_ok: int = 0
    unit_ok: int = 0
    all_ok: int = 0  # value, kind and hedge all right
    missed: list[GoldFigure] = field(default_factory=list)
    spurious: list[Mapping[str, Any]] = field(default_factory=list)
    wrong: list[tuple[GoldFigure, Mapping[str, Any], str]] = field(default_factory=list)

    def accuracy(self, what: str) -> float:
        return getattr(self, what) / self.matched if self.matched else 1.0

    def table(self) -> str:
        lines = [f"{'kind':<10} {'gold':>5} {'found':>6} {'recall':>7} {'pred':>5} {'prec':>6}"]
        for kind in sorted(self.kinds):
            k = self.kinds[kind]
            lines.append(f"{kind:<10} {k.gold:>5} {k.tp_gold:>6} {k.recall:>7.3f} {k.pred:>5} {k.precision:>6.3f}")
        lines.append(
            f"matched {self.matched}: value {self.accuracy('value_ok'):.3f}, kind {self.accuracy('kind_ok'):.3f}, "
            f"hedge {self.accuracy('hedge_ok'):.3f}, unit {self.accuracy('unit_ok'):.3f}, "
            f"value+kind+hedge {self.accuracy('all_ok'):.3f}"
        )
        return "\n".join(lines)


def _place(claim: Mapping[str, Any], by: str) -> int | None:
    where = claim.get("where") or {}
    value = where.get(by)
    return int(value) if value is not None else None


def score(gold: Iterable[GoldFigure], claims: Iterable[Mapping[str, Any]], by: str = "line", line_slack: int = 2) -> Score:
    """Match claims to gold figures and count per kind; see the module docstring."""
    gold = list(gold)
    claims = [c for c in claims if c.get("value") is not None and c.get("kind")]
    used = [False] * len(claims)
    result = Score()
    pairs: list[tuple[GoldFigure, Mapping[str, Any]]] = []

    def near(claim: Mapping[str, Any], g: GoldFigure, slack: int) -> bool:
        place = _place(claim, by)
        if place is None:
            return False
        return abs(place - g.place) <= slack if by == "line" else place == g.place

    for attempt in range(3):
        for g in gold:
            if any(p[0] is g for p in pairs):
                continue
            for ci, claim in enumerate(claims):
                if used[ci]:
                    continue
                value = Fraction(str(claim["value"]))
                same_digits = bool(_digits(claim.get("stated", ""))) and _digits(claim.get("stated", "")) == _digits(g.stated)
                matches = (
                    (attempt == 0 and near(claim, g, 0) and value == g.value)
                    or (attempt == 1 and near(claim, g, line_slack) and value == g.value)
                    or (attempt == 2 and near(claim, g, 0) and same_digits)
                )
                if not matches:
                    continue
                used[ci] = True
                pairs.append((g, claim))
                break

    matched_gold = {id(g) for g, _ in pairs}
    for g in gold:
        result.kinds.setdefault(g.kind, KindScore()).gold += 1
        if id(g) not in matched_gold:
            result.missed.append(g)
    for ci, claim in enumerate(claims):
        result.kinds.setdefault(claim["kind"], KindScore()).pred += 1
        if not used[ci]:
            result.spurious.append(claim)
    for g, claim in pairs:
        result.matched += 1
        value_ok = Fraction(str(claim["value"])) == g.value and (
            g.value_high is None or claim.get("value_high") is not None and Fraction(str(claim["value_high"])) == g.value_high
        )
        kind_ok = claim["kind"] == g.kind
        hedge_ok = (claim.get("hedge") or "exact") == g.hedge
        unit_ok = _norm_unit(claim.get("unit")) == _norm_unit(g.unit)
        result.value_ok += value_ok
        result.kind_ok += kind_ok
        result.hedge_ok += hedge_ok
        result.unit_ok += unit_ok
        result.all_ok += value_ok and kind_ok and hedge_ok
        if kind_ok:
            result.kinds[g.kind].tp_gold += 1
            result.kinds[g.kind].tp_pred += 1
        problems = [name for name, ok in (("value", value_ok), ("kind", kind_ok), ("hedge", hedge_ok)) if not ok]
        if problems:
            result.wrong.append((g, claim, ",".join(problems)))
    return result


def score_file(gold_path: str | Path, claims: Iterable[Mapping[str, Any]]) -> Score:
    """Load a gold TSV and score ``claims`` against it."""
    by, gold = load_gold(gold_path)
    return score(gold, claims, by=by)
