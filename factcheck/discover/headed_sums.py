"""An amount a heading states, and the paragraph under it that breaks it down:

    Treasury Stabilization Fund - $500 Billion
    The CARES Act makes $454 billion available for emergency lending … Additionally, this includes
    $25 billion in lending for airlines, $4 billion in lending for air cargo firms, and $17 billion …

A heading that names a programme and, after a dash or colon, its cost is what fact sheets and
explainers print over the paragraph that says where the money goes. The amounts of that paragraph
that come first, in the heading's unit, are its parts when they add up to it exactly; the heading
and the order of the amounts fix the reading, so only the runs from the paragraph's first amount
are tried (at most :data:`MAX_PARTS`; a first amount that restates the heading is passed over),
never a choice among them. A run that only comes close is
left unread: the paragraph may well go on to amounts of something else ("loans up to $10 million").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.discover.figures import Fig, heads_and_after
from factcheck.discover.relations import MIN_SCORE, Proposal

# the heading's words, then a dash or colon right before the amount: "… Access - $4.7 Billion",
# "Child Nutrition – $8.8 Billion", "Noodopvang: € 12 miljoen"; no sentence ends inside it
_HEADING = re.compile(r"^[^.!?;]{3,120}?[^\W_)][)\]]?[ \t\u00a0]+[-–—:][ \t\u00a0]*$")
MAX_PARTS = 6
MAX_LINES = 12  # from the heading to the last part: the paragraph under it, not the page


def _is_heading(f: Fig) -> bool:
    at = f.at
    return at > 0 and f.kind == "money" and f.value > 0 and _HEADING.match(f.quote[:at]) is not None


def headed_sums(figures: Sequence[Fig]) -> list[Proposal]:
    """The heading amounts that the first amounts of the paragraph under them add up to exactly."""
    found: list[Proposal] = []
    for head, after in heads_and_after(figures, _is_heading):
        parts: list[Fig] = []
        for f in after:
            if f.position[0] != head.position[0] or f.position[1] - head.position[1] > MAX_LINES or _is_heading(f):
                break
            if f.kind == "percent" or f.dims != head.dims:
                continue
            if f.value <= 0 or len(parts) == MAX_PARTS:
                break
            if not parts and f.value == head.value:
                continue  # the paragraph restates the heading first ("$32 billion in payroll support …, with …")
            parts.append(f)
            if len(parts) >= 2 and sum(p.value for p in parts) == head.value:
                found.append(Proposal(head, tuple(parts), "sum", "sum(" + ", ".join(p.id for p in parts) + ")",
                                      True, MIN_SCORE + 2, "a heading's amount and the paragraph under it", True))
                break
    return found
