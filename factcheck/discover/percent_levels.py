"""Percentages that add up to, or differ by, another percentage of the same kind: "Het rendement in
2024, exclusief derivaten, was 9,0 procent positief. De afdekking … heeft per saldo een negatieve
bijdrage geleverd … van 1,4 procent. Daardoor is het rendement inclusief derivaten uitgekomen op
7,6 procent positief."

The arithmetic search leaves percentages alone (a difference of two is in percentage points, and
small numbers meet by chance all the time). Here a percentage whose sentence says it is a result
("daardoor", "the difference", "in total", "resterende") is tried as the exact sum or difference of
two percentages of its sentence or the sentences just before it. The reading is kept only when it
is the one that fits and chance would rarely give it: the combinations tried times the odds that
one lands exactly on the printed value (the finest printed step over twice the value).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Sequence
from fractions import Fraction

from factcheck.discover.figures import Fig
from factcheck.discover.relations import _CUES, LOCAL_SENTENCES, Proposal, _is_percent, rate_of_change

MAX_CHANCE = Fraction(1, 20)
# the words of a result, besides those of a difference or a sum: "daardoor … uitgekomen op",
# "de resterende 0,30%", "as a result … comes to"
_RESULT = re.compile(r"\b(?:daardoor|hierdoor|daarmee|hiermee|uitgekomen|uitkomt|komt\s+uit|resterende|resulteert"
                     r"|as a result|thereby|remaining|comes to|came to|resulting|brings)\b", re.IGNORECASE)


def _cue(quote: str) -> str | None:
    match = _CUES["difference"].search(quote) or _RESULT.search(quote)
    return match.group(0).strip() if match else None


def _step(f: Fig) -> Fraction | None:
    lo, hi = f.interval.lo, f.interval.hi
    return None if lo is None or hi is None or hi <= lo else hi - lo


def _before(f: Fig, c: Fig) -> bool:
    if f.quote == c.quote:
        return 0 <= f.at < c.at
    return f.position <= c.position


def percent_levels(grouped: Sequence[Sequence[Fig]], taken: Container[str] = ()) -> list[Proposal]:
    """Sums and differences of two percentages that a third, worded as a result, states exactly;
    per passage (:func:`~factcheck.discover.relations.passages`); ``taken``: figures that already
    have a relation (not tried as the result)."""
    out: list[Proposal] = []
    for passage in grouped:
        percents = [f for f in passage if _is_percent(f) and f.value > 0 and _step(f) is not None]
        if len(percents) < 3:
            continue
        order = list(dict.fromkeys(f.quote for f in passage))
        for c in percents:
            if c.id in taken or rate_of_change(c):
                continue  # a rate of change is no level: "yield of 184.30 million tons, 10.9% higher …"
            cue = _cue(c.quote)
            if cue is None:
                continue
            i = order.index(c.quote)
            window = set(order[max(0, i - LOCAL_SENTENCES): i + 1])
            # the inputs stand before the result, levels as it is ("… increase in yield of 22.4% and
            # 11.5%": 22.4 is no result of 11.5 and 10.9, a rate of the sentence before)
            inputs = [f for f in percents if f.quote in window and f is not c and f.value != c.value
                      and _before(f, c) and not rate_of_change(f)]
            fits: list[tuple[str, Fig, Fig]] = []
            tried = 0
            for a, b in itertools.combinations(inputs, 2):
                big, small = (a, b) if a.value >= b.value else (b, a)
                tried += 2
                if big.value + small.value == c.value:
                    fits.append(("sum", big, small))
                elif big.value - small.value == c.value:
                    fits.append(("difference", big, small))
            if len(fits) != 1:
                continue
            relation, big, small = fits[0]
            step = min(s for s in (_step(c), _step(big), _step(small)) if s is not None)
            chance = step / (2 * c.value) * tried
            if chance > MAX_CHANCE:
                continue
            sign = "+" if relation == "sum" else "-"
            out.append(Proposal(c, (big, small), relation, f"{big.id} {sign} {small.id}", True, 9, cue, True, chance))
    return out
