"""Rates of change over two levels the prose states: "The total number of international tourist
arrivals … during December 2018 was 253,169. In comparison to December last year, there is a growth
of 3.5% when the arrivals were 244,536.", "Eind 2023 waren 17.105 werkgevers aangesloten …, ultimo
2024 waren dat 17.875 werkgevers. Dat is een toename van ongeveer 5 procent."

No "from … to" says which amount is the old level (that is :mod:`factcheck.discover.changes`): a
percentage whose words make it a rate of change (:func:`~factcheck.discover.relations.rate_of_change`)
and say its direction is tried over every pair of amounts of one unit in its sentence and the
sentences just before it, the new level above the old for a rise and below it for a fall. A pair
fits when its growth, within the levels' rounding, meets the percentage's interval. The reading is
not stated, so it is kept only when it holds, when it is the one pair that fits, and when chance
would rarely give it: the pairs tried times the odds that one pair's ratio lands in the band the
percentage allows (ratios of related amounts taken as spread over a factor of e), under 1 in 10 as
for a change whose words name its row in :mod:`factcheck.discover.text_tables` (the words say it
is a change, and which way).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from fractions import Fraction

from factcheck.discover.changes import _direction
from factcheck.discover.figures import Fig, bounds
from factcheck.discover.relations import LOCAL_SENTENCES, Proposal, _is_percent, per_year, rate_of_change

MAX_CHANCE = Fraction(1, 10)
CUE = "a rate over two stated levels"
_AROUND = 30  # characters either side of the percentage whose words give its direction
# what stands between an amount and the percentage that restates it: "or", ", or", "("
_JOINED = re.compile(r"\s*\)?,?\s*(?:or|\()\s*", re.IGNORECASE)




def _rising(p: Fig) -> bool | None:
    """The direction the percentage's own words give: the words right after it ("7% meer"), else
    those right before it ("een stijging van 12%"); None when they say neither or both."""
    at = p.at
    if at < 0:
        return None
    end = at + len(p.stated)
    after = _direction(p.quote[end:end + _AROUND])
    return after if after is not None else _direction(p.quote[max(0, at - _AROUND):at])


def _growth(old: Fig, new: Fig, rising: bool) -> tuple[Fraction, Fraction] | None:
    """The interval of the change from ``old`` to ``new`` in percent of ``old``, the levels'
    rounding allowed for; None when the levels move the other way."""
    (o_lo, o_hi), (n_lo, n_hi) = bounds(old), bounds(new)
    if o_lo <= 0 or (new.value > old.value) != rising or new.value == old.value:
        return None
    if rising:
        return (n_lo - o_hi) / o_hi * 100, (n_hi - o_lo) / o_lo * 100
    return (o_lo - n_hi) / o_hi * 100, (o_hi - n_lo) / o_lo * 100


def prose_growth_rates(grouped: Sequence[Sequence[Fig]], taken: Container[str] = ()) -> list[Proposal]:
    """Growth rates over two levels stated in the percentage's sentence or the ones before it, per
    passage (:func:`~factcheck.discover.relations.passages`); ``taken``: figures that already have
    a relation (not tried as the rate)."""
    out: list[Proposal] = []
    for passage in grouped:
        order = list(dict.fromkeys(f.quote for f in passage))
        for p in passage:
            if p.id in taken or not _is_percent(p) or not 0 < p.value < 1000:
                continue
            if p.interval.lo is None or p.interval.hi is None or not rate_of_change(p) or per_year(p):
                continue
            rising = _rising(p)
            if rising is None:
                continue
            i = order.index(p.quote)
            window = set(order[max(0, i - LOCAL_SENTENCES): i + 1])
            # "$25.0 million or 14.0 percent above the 2017 adopted amount": the amount the rate
            # restates is its change, never one of its levels
            beside = _beside(passage, p)
            levels = [f for f in passage if f.quote in window and f.kind != "percent" and f.value > 0
                      and (f.unit or "").strip() not in ("%", "pp") and f is not beside]
            fits: list[tuple[Fig, Fig]] = []
            tried = 0
            width = Fraction(0)
            for k, a in enumerate(levels):
                for b in levels[k + 1:]:
                    if a.dims != b.dims or a.unit != b.unit or a.value == b.value:
                        continue
                    tried += 1
                    old, new = (a, b) if (b.value > a.value) == rising else (b, a)
                    band = _growth(old, new, rising)
                    if band is None:
                        continue
                    lo, hi = band
                    if hi < p.interval.lo or p.interval.hi < lo or 2 * (hi - lo) > p.value:
                        continue
                    fits.append((old, new))
                    width = max(hi - lo, p.interval.hi - p.interval.lo)
            if len(fits) != 1:
                continue  # none, or two readings the words cannot tell apart
            old, new = fits[0]
            # the odds that one pair's ratio new / old lands in the band: its width relative to
            # the ratio, over a spread of ratios of one natural log
            chance = width / (100 + (p.value if rising else -p.value)) * tried
            if chance > MAX_CHANCE:
                continue
            change = _stated_change(passage, p, old, new)
            if change is not None:
                # "spent R62.5 million against an allocation of R72.2 million. Spending is R9.6
                # million or 13.4 per cent lower": the change is the levels' difference, and the
                # percentage that change over the old level
                diff = f"{new.id} - {old.id}" if rising else f"{old.id} - {new.id}"
                if change.id not in taken:
                    out.append(Proposal(change, (new, old), "difference", diff, False, 9, CUE, True, chance))
                out.append(Proposal(p, (change, old), "share", f"{change.id} / {old.id}", False, 9, CUE, True, chance))
                continue
            expr = f"({new.id} - {old.id}) / {old.id}" if rising else f"({old.id} - {new.id}) / {old.id}"
            out.append(Proposal(p, (new, old), "growth", expr, False, 9, CUE, True, chance))
    return out


def _beside(passage: Sequence[Fig], p: Fig) -> Fig | None:
    """The amount printed right before the percentage and joined to it ("R9.6 million or 13.4 per
    cent", "$89,475,000 (18.8 percent)"), if any."""
    k = next((i for i, f in enumerate(passage) if f is p), 0)
    if k == 0:
        return None
    d = passage[k - 1]
    if d.quote != p.quote or d.kind == "percent" or d.at < 0 or p.at < 0 or d.at + len(d.stated) > p.at:
        return None
    return d if _JOINED.fullmatch(p.quote[d.at + len(d.stated):p.at]) else None


def _stated_change(passage: Sequence[Fig], p: Fig, old: Fig, new: Fig) -> Fig | None:
    """The amount the percentage restates right before it ("R9.6 million or 13.4 per cent",
    "$89,475,000 (18.8 percent)"), of the levels' unit, when the levels' difference meets it
    within their rounding: the rate's levels, chosen already, are the change's too (whether or not
    another search found the change already)."""
    d = _beside(passage, p)
    if (d is None or d in (old, new) or d.dims != old.dims or d.unit != old.unit
            or d.value <= 0 or d.interval.lo is None or d.interval.hi is None):
        return None
    (o_lo, o_hi), (n_lo, n_hi) = bounds(old), bounds(new)
    lo, hi = sorted((abs(n_lo - o_hi), abs(n_hi - o_lo)))
    return d if lo <= d.interval.hi and d.interval.lo <= hi else None
