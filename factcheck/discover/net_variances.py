"""A variance a Dutch annual account explains "per saldo", and the amounts of the paragraph under it:

    c. Overige onderdelen Onderwijs (per saldo voordelig € 37.000)
    Bij leerlingenvervoer (€ 40.000) en bij vroeg- en voorschoolse opvang ( € 38.000) zijn er lagere
    lasten gerealiseerd. Bij schoolzwemmen (€16.000) en Onderwijsbegeleiding (€ 25.000) zijn er
    hogere lasten gerealiseerd.

Municipal accounts, budget amendments and management reports explain each difference from the
budget so: the net amount and its direction (voordelig, nadelig) in the heading, then the
differences it nets, each in a sentence that says which way it goes ("lagere lasten", "hogere
baten" are favourable; "hogere lasten", "lagere baten" unfavourable). A sentence that says
neither goes the heading's way ("het restbudget van € 158.000"); one that says both, or a
direction the words cannot settle, leaves its amounts out of reach and the heading unread.

The heading and the order of the amounts fix the reading, as for :mod:`.headed_sums`: only the
runs from the paragraph's first amount are tried, each amount with its sentence's sign, and the
first that nets to the heading's amount exactly is taken. A run that only comes close is left
unread: the paragraph may go on to amounts of something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from factcheck.discover.figures import Fig, heads_and_after
from factcheck.discover.relations import MIN_SCORE, Proposal

# "(per saldo voordelig € 37.000)", "per saldo een nadeel van € 12.000", "(voordeel lagere lasten
# € 137.500)": the words right before the amount, inside its heading
_NET = re.compile(r"\bper\s+saldo\s+(?:(?:een|is\s+er\s+een|sprake\s+van\s+een)\s+)?(voordelig|nadelig|voordeel|nadeel|positief|negatief)"
                  r"(?:\s+(?:van|effect\s+van))?\s*(?:€|eur|euro)?\s*$", re.IGNORECASE)
_FAVOURABLE = re.compile(r"\b(?:lagere\s+(?:lasten|kosten|uitgaven)|hogere\s+(?:baten|opbrengsten?|inkomsten|ontvangsten)|voordeel|voordelig"
                         r"|minder\s+uitgegeven|onderschrijding|onderbesteding|niet\s+besteed)\b", re.IGNORECASE)
_UNFAVOURABLE = re.compile(r"\b(?:hogere\s+(?:lasten|kosten|uitgaven)|lagere\s+(?:baten|opbrengsten?|inkomsten|ontvangsten)|nadeel|nadelig"
                           r"|meer\s+uitgegeven|overschrijding)\b", re.IGNORECASE)
MAX_PARTS = 6
MAX_LINES = 15  # from the heading to the last part: the paragraph under it, not the page


def _direction(f: Fig) -> int | None:
    """+1 favourable, -1 unfavourable for the heading's amount; None when it is no net variance."""
    at = f.at
    if at <= 0 or f.kind != "money" or f.value <= 0:
        return None
    m = _NET.search(f.quote[max(0, at - 80):at])
    if m is None:
        return None
    return 1 if m.group(1).lower() in ("voordelig", "voordeel", "positief") else -1


def _sign(f: Fig, head: int) -> int | None:
    """The way a part goes by its sentence's words: the heading's when they say neither, None when
    they say both."""
    good, bad = _FAVOURABLE.search(f.quote) is not None, _UNFAVOURABLE.search(f.quote) is not None
    if good and bad:
        return None
    return 1 if good else -1 if bad else head


def net_variances(figures: Sequence[Fig]) -> list[Proposal]:
    """The net variances whose paragraph's first amounts, each with its sentence's sign, net to them."""
    found: list[Proposal] = []
    for head, after in heads_and_after(figures, lambda f: _direction(f) is not None):
        way = _direction(head)
        assert way is not None
        parts: list[tuple[Fig, int]] = []
        total = Fraction(0)
        for f in after:
            if f.position[0] != head.position[0] or f.position[1] - head.position[1] > MAX_LINES or _direction(f) is not None:
                break
            if f.kind != "money" or f.dims != head.dims:
                continue
            sign = _sign(f, way)
            if sign is None or f.value <= 0 or len(parts) == MAX_PARTS:
                break
            parts.append((f, sign * way))
            total += sign * way * f.value
            if len(parts) >= 2 and total == head.value:
                expr = " ".join(("+ " if s > 0 else "- ") + p.id for p, s in parts).removeprefix("+ ")
                found.append(Proposal(head, tuple(p for p, _ in parts), "sum", expr, True, MIN_SCORE + 2,
                                      "a net variance and the differences of the paragraph under it", True))
                break
    return found
