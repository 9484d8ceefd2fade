"""Shares printed in brackets after their part: "The Department committed to achieving 26 … APP
quarterly targets … Overall, the Department has achieved 21 (81%) of the Third Quarter APP
targets, and 5 (19%) were not achieved", "3.120 (18 %) van de 17.340 aanvragen".

A figure N followed by a bracketed percentage p ("N (p%)", "N (p per cent)") is a share of a whole
W the passage states: W is looked for among the amounts of N's sentence and the sentences just
before it, of N's unit (or, for a bare count, another count), no smaller than N. W fits when N / W,
within the figures' rounding, meets p's interval. The reading is not stated, so it is proposed
only when it holds and chance would rarely give it: one pair's odds are the candidates tried times
the band's width relative to p (ratios of related amounts taken as spread over a factor of e, as
in :mod:`factcheck.discover.growth_rates`), under 1 in 10 as there. Several bracketed pairs of one sentence that one W fits
are strong evidence (their odds multiply); a single pair needs W to be the one candidate that fits.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from fractions import Fraction

from factcheck.discover.figures import Fig, bounds, stands_at
from factcheck.discover.relations import HALF, LOCAL_SENTENCES, Proposal, _is_percent, by_sentence, rate_of_change

# The brackets say the figure is a share, as a change's words say it is a change: only the whole is
# unknown, so the odds allowed are those of :mod:`factcheck.discover.growth_rates`.
MAX_CHANCE = Fraction(1, 10)

CUE = "a share printed in brackets after its part"
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
# after a part in brackets, the words it counts may stand before the bracket closes
_PART_CLOSE = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s*\)")


def _spans(sentence: Sequence[Fig]) -> dict[str, tuple[int, int]]:
    """Where each figure of one sentence stands in its quote; a figure printed twice ("two (50%)
    were achieved and two (50%) were not") takes the next place its own statement stands."""
    out: dict[str, tuple[int, int]] = {}
    start: dict[str, int] = {}
    for f in sentence:
        at = stands_at(f.quote, f.stated, start.get(f.stated, 0))
        if at >= 0:
            out[f.id] = (at, at + len(f.stated))
            start[f.stated] = at + 1
    return out


def bracketed_pairs(sentence: Sequence[Fig]) -> list[tuple[Fig, Fig]]:
    """The (part, percentage) pairs of one sentence where the percentage stands in brackets right
    after the part: "21 (81%)", "five (100%)", "R1.4 million (0.1 per cent)"; or the part in
    brackets right after the percentage: "Over 85% (28.7 million beneficiaries) of the people
    reached", "at least 40% (13.7 million) were women and girls"."""
    spans = _spans(sentence)
    quote = sentence[0].quote if sentence else ""
    pairs: list[tuple[Fig, Fig]] = []
    for a, b in zip(sentence, sentence[1:]):
        if a.id not in spans or b.id not in spans:
            continue
        (_, a_end), (b_at, b_end) = spans[a.id], spans[b.id]
        if not _OPEN.fullmatch(quote, a_end, b_at):
            continue
        if _is_percent(b) and a.kind != "percent" and a.value > 0 and _CLOSE.match(quote, b_end):
            pairs.append((a, b))
        elif _is_percent(a) and b.kind != "percent" and b.value > 0 and _PART_CLOSE.match(quote, b_end):
            pairs.append((b, a))
    return pairs


def _alike(part: Fig, whole: Fig) -> bool:
    """Whether ``whole`` may be what ``part`` is a share of: one unit, or both counts with at most
    one of them naming what it counts ("five (100%) were achieved" of "six APP targets")."""
    if part.kind == "count" and whole.kind == "count" and (part.unit is None or whole.unit is None):
        return True
    return part.dims == whole.dims and part.unit == whole.unit


def _odds(part: Fig, percent: Fig, whole: Fig) -> Fraction | None:
    """The width of the band N / W lands in, relative to the percentage, when it meets the
    percentage's interval; None when it does not, or when the band is too wide to say anything."""
    (n_lo, n_hi), (w_lo, w_hi) = bounds(part, named=False), bounds(whole, named=False)
    p_lo, p_hi = percent.interval.lo, percent.interval.hi
    if p_lo is None or p_hi is None or w_lo <= 0:
        return None
    if percent.value.denominator == 1:
        # a share is printed rounded to whole percents: "100%" is 99.5-100.5, not 50-150 as a round
        # amount may be, and "50%" for two of four, not 45-55
        p_lo, p_hi = max(p_lo, percent.value - HALF), min(p_hi, percent.value + HALF)
    lo, hi = n_lo / w_hi * 100, n_hi / w_lo * 100
    if hi < p_lo or p_hi < lo or 2 * (hi - lo) > percent.value:
        return None
    return max(hi - lo, p_hi - p_lo) / percent.value


def _fits(pairs: Sequence[tuple[Fig, Fig]], window: Sequence[Fig], parts: Container[str],
          ) -> tuple[list[dict[str, tuple[Fig, Fraction]]], list[int]]:
    """For each (part, percentage) pair, the wholes in ``window`` it fits with their odds, and how
    many candidates were tried."""
    fits: list[dict[str, tuple[Fig, Fraction]]] = []
    tried: list[int] = []
    for n, p in pairs:
        candidates = [w for w in window if w.id != n.id and w.id not in parts and w.kind != "percent"
                      and w.value >= n.value and _alike(n, w)]
        tried.append(len(candidates))
        fits.append({w.id: (w, odds) for w in candidates if (odds := _odds(n, p, w)) is not None})
    return fits, tried


def bracketed_shares(grouped: Sequence[Sequence[Fig]], taken: Container[str] = ()) -> list[Proposal]:
    """Shares "N (p%)" of a whole stated in N's sentence or the ones just before it, per passage
    (:func:`~factcheck.discover.relations.passages`); ``taken``: figures that already have a
    relation (not tried as the percentage)."""
    out: list[Proposal] = []
    for passage in grouped:
        sentences = by_sentence(passage)
        found = [bracketed_pairs(sentence) for sentence in sentences]
        parts = {n.id for pairs in found for n, _ in pairs}
        if not parts:
            continue
        for i, in_sentence in enumerate(found):
            # "an increase of £622 million (4.1%) on spend in 2018": a change's rate, over the old
            # level, not a share of whatever whole fits (the new level gives 4.1% too)
            pairs = [(n, p) for n, p in in_sentence if p.id not in taken and 0 < p.value <= 100
                     and not rate_of_change(p)]
            if not pairs:
                continue
            near = [f for s in sentences[max(0, i - LOCAL_SENTENCES): i + 1] for f in s]
            fits, tried = _fits(pairs, near, parts)
            if not any(fits) and i > LOCAL_SENTENCES:
                # "From 2015 to March 2020 DFID reached 33.7 million people … [six sentences] …
                # Over 85% (28.7 million beneficiaries) of the people reached": a second look, back
                # to the passage's start; both looks' candidates count as tried
                fits, wide = _fits(pairs, [f for s in sentences[: i + 1] for f in s], parts)
                tried = [a + b for a, b in zip(tried, wide)]
            for k, (n, p) in enumerate(pairs):
                # a whole that another pair of the sentence fits too: their odds multiply
                shared = [w for w in fits[k] if sum(w in other for other in fits) >= 2]
                if len(shared) > 1 or (not shared and len(fits[k]) != 1):
                    continue  # two wholes the figures cannot tell apart
                whole_id = shared[0] if shared else next(iter(fits[k]))
                whole = fits[k][whole_id][0]
                chance = Fraction(max(tried))
                for other in fits:
                    if whole_id in other:
                        chance *= other[whole_id][1]
                if chance > MAX_CHANCE:
                    continue
                exact = n.value * 100 == p.value * whole.value
                out.append(Proposal(p, (n, whole), "ratio", f"{n.id} / {whole.id}", exact, 9, CUE, True, chance))
    return out
