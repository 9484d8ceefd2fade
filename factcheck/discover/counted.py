"""Totals of a list the next sentence counts back to: "… Cycas micronesica, Cocos nucifera and
Heterospathe elata accounting for 16%, 12% and 11% of total trees … These three species, 39% of
the trees in Guam's forests, are being attacked", "Deze twee posten, samen € 3,1 miljoen, …".

The words say how many things the figure is the total of ("these three", "deze twee", "both"),
and the sentence before lists exactly that many figures of the figure's kind: their sum is the
reading, one combination, so its chance is that of one sum landing this close. Only a sum that
holds is proposed: the count names the things, not that the figure adds them up.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from fractions import Fraction

from factcheck.discover.figures import Fig
from factcheck.discover.relations import MAX_CHANCE, Proposal, _is_percent, by_sentence

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
            "zes": 6}
# "these three species", "those two items", "deze drie posten", "beide bedragen", "both"
_COUNTED = re.compile(r"\b(?:(?:these|those|deze|die)\s+(two|three|four|five|six|twee|drie|vier|vijf|zes)"
                      r"|(both|beide))\b", re.IGNORECASE)
CUE = "the sentence counts back to the list before it"


def _kind(f: Fig) -> object:
    return "percent" if _is_percent(f) else (f.dims if f.kind != "percent" else None)


def counted_totals(grouped: Sequence[Sequence[Fig]], taken: Container[str] = ()) -> list[Proposal]:
    """Sums of the N figures of the sentence before that a figure's sentence counts back to with
    "these N"; per passage (:func:`~factcheck.discover.relations.passages`); ``taken``: figures
    that already have a relation (not tried as the total)."""
    out: list[Proposal] = []
    for passage in grouped:
        sentences = by_sentence(passage)
        for before, sentence in zip(sentences, sentences[1:]):
            quote = sentence[0].quote
            match = _COUNTED.search(quote)
            if match is None:
                continue
            n = _NUMBERS.get((match.group(1) or "").lower(), 2)
            # the total: the first figure after the words that count, not the count itself
            total = next((f for f in sentence if f.at >= match.end() and f.value > 0), None)
            if total is None or total.id in taken or _kind(total) is None:
                continue
            parts = [f for f in before if _kind(f) == _kind(total) and f.value > 0]
            if len(parts) != n or any(f.value >= total.value for f in parts):
                continue
            proposal = _sum(total, parts)
            if proposal is not None:
                out.append(proposal)
    return out


def _bounds(f: Fig) -> tuple[Fraction, Fraction]:
    return (f.interval.lo if f.interval.lo is not None else f.value,
            f.interval.hi if f.interval.hi is not None else f.value)


def _sum(total: Fig, parts: Sequence[Fig]) -> Proposal | None:
    """The sum total = parts when it holds (exactly, or within the parts' rounding, not loosely)."""
    value = sum((f.value for f in parts), Fraction(0))
    lo = sum((_bounds(f)[0] for f in parts), Fraction(0))
    hi = sum((_bounds(f)[1] for f in parts), Fraction(0))
    t_lo, t_hi = _bounds(total)
    exact = value == total.value
    if not exact and (hi < t_lo or t_hi < lo or 2 * (hi - lo) > total.value):
        return None
    # one combination, landing within the wider of the computed range and the total's own
    width = max(hi - lo, t_hi - t_lo)
    if exact:
        steps = [h - lo_ for lo_, h in map(_bounds, (total, *parts)) if h > lo_]
        width = min(steps) if steps else width
    chance = min(Fraction(1), width / (2 * total.value))
    if chance > MAX_CHANCE:
        return None
    return Proposal(total, tuple(parts), "sum", "sum(" + ", ".join(f.id for f in parts) + ")", exact, 9, CUE, True,
                    chance)
