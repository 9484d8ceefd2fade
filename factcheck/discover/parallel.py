"""Calculations made alike in one passage: "a square-foot charge ($27.00 for Fiscal Year 2006, $29.16
for Fiscal Year 2007, and $29.50 for Fiscal Year 2008) to 11,250 square feet", with "$303,750 in
Fiscal Year 2006, $328,050 in Fiscal Year 2007, and $331,875" stated beside it.

Each product alone may be put down to chance (one such match in a passage of eighteen figures is
expected one time in ten), but several exact products that share one factor, each with its own
other factor and result, are independent coincidences only together: the chance of the group is
the product of its members' chances. A group that chance would rarely give is kept whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction

from factcheck.discover.figures import Fig
from factcheck.discover.relations import MAX_CHANCE, Proposal, _significant_digits

CUE = "products made alike with one shared factor"

MIN_DIGITS = 3  # a result of one or two significant digits is met exactly by chance too often


def parallel_products(candidates: Sequence[Proposal], chance: Callable[[Proposal], Fraction]) -> list[Proposal]:
    """The exact products among ``candidates`` (proposals the passage's search turned down) that
    share one factor with other exact products, when the group of them is rare by chance
    (``chance``: the coincidences one proposal is expected to have in its passage)."""
    groups: dict[str, list[Proposal]] = {}
    for p in candidates:
        if p.relation == "product" and p.exact and _significant_digits(p.target.value) >= MIN_DIGITS:
            for factor in p.inputs:
                groups.setdefault(factor.id, []).append(p)
    out: list[Proposal] = []
    taken: set[str] = set()
    for shared, group in groups.items():
        members: list[tuple[Proposal, Fraction]] = []
        used: set[str] = {shared}
        for p, odds in sorted(((p, chance(p)) for p in group), key=lambda t: t[1]):
            other = next((f for f in p.inputs if f.id != shared), None)
            if other is None or odds >= 1 or p.target.id in taken:
                continue
            if used & {p.target.id, other.id}:
                continue  # each member its own other factor and result, none another's input
            if any(m.target.value == p.target.value or _other(m, shared).value == other.value for m, _ in members):
                continue  # the same calculation printed twice is one coincidence, not two
            members.append((p, odds))
            used |= {p.target.id, other.id}
        if len(members) < 2:
            continue
        joint = Fraction(1)
        for _, odds in members:
            joint *= odds
        if joint <= MAX_CHANCE:
            out.extend(replace(p, cue=CUE) for p, _ in members)
            taken |= {p.target.id for p, _ in members}
    return out


def _other(p: Proposal, shared: str) -> Fig:
    return next(f for f in p.inputs if f.id != shared)
