"""Parts printed in brackets after what they are for, adding up to an amount their sentence states
before them: "The Department requested R54 million in rollovers …, mostly for electrification
projects (R42m) and ICT and safety equipment (R12m)".

Brackets after a noun phrase say "this much of it"; two or more such amounts of one currency that
add up exactly to an amount printed before them in the sentence are its breakdown. The reading is
not stated, so it is proposed only when it holds, and exactly: amounts printed to two digits add
up to some round total by chance too often for a sum within rounding to count.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from factcheck.discover.figures import Fig, stands_at
from factcheck.discover.relations import Proposal, by_sentence

CUE = "parts in brackets after what they are for"
_OPEN = re.compile(r"\(\s*$")
_CLOSE = re.compile(r"\s*\)")


def _bracketed(f: Fig) -> bool:
    """Is the figure printed alone in brackets, after words: "projects (R42m)"?"""
    at = stands_at(f.quote, f.stated)
    if at < 0:
        return False
    before = f.quote[max(0, at - 3):at]
    return bool(_OPEN.search(before)) and _CLOSE.match(f.quote, at + len(f.stated)) is not None and (
        f.quote[:at].rstrip(" (")[-1:].isalpha())


def bracketed_parts(grouped: Sequence[Sequence[Fig]], taken: Container[str] = ()) -> list[Proposal]:
    """Sums of bracketed amounts that come to an amount stated before them in their sentence, per
    passage; ``taken``: figures that already have a relation (not tried as the total)."""
    out: list[Proposal] = []
    for passage in grouped:
        for sentence in by_sentence(passage):
            parts = [f for f in sentence if f.kind == "money" and f.value > 0 and _bracketed(f)]
            if len(parts) < 2 or len({(f.unit, f.dims) for f in parts}) != 1:
                continue
            first = min(stands_at(f.quote, f.stated) for f in parts)
            total = sum(f.value for f in parts)
            part_ids = {f.id for f in parts}
            wholes = [f for f in sentence if f.id not in part_ids and f.id not in taken and f.kind == "money"
                      and f.unit == parts[0].unit and f.value == total and 0 <= stands_at(f.quote, f.stated) < first]
            if len(wholes) != 1:
                continue
            expr = " + ".join(f.id for f in parts)
            out.append(Proposal(wholes[0], tuple(parts), "sum", expr, True, 9, CUE, True))
    return out
