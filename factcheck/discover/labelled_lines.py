"""A total on a line of its own, "Label: amount", under the labelled amounts it adds up (the
contract histories of a school board's procurement report)::

    Initial Contract Value: $430,000 (Brd. Rpt. 268-23/24)
    Contract Term: 06/05/24 – 06/04/26, includes one (1) one-year renewal option
    *Amendment No. 1: $430,000
    Aggregate Contract Value: $860,000

Each line names its amount before a colon, and the last one's label says it is a total
("Aggregate", "Total", "Totaal", "Cumulative"): the amounts of the lines before it, back to the
previous total or the first line that is no such line, are its parts. A line whose label lowers the
amount ("decrease", "reduction", "verlaging") enters with a minus. Lines without an amount of the
unit ("Contract Term: …") may stand between. The labels fix the reading, but a line may hold a
figure that is no part (an amount restated, a line printed elsewhere): the sum is proposed when it
holds within the amounts' rounding, or misses by what one mistyped digit gives
(:func:`factcheck.tables.slip_evidence.digit_slip`); a miss of any other size is left unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.discover.figures import Fig, bounds
from factcheck.discover.relations import MIN_SCORE, Proposal
from factcheck.tables.slip_evidence import digit_slip

CUE = "labelled lines and the total under them"
# the label of a line right before its amount: "Aggregate Contract Value: ", "*Amendment No. 1:   "
_LABEL = re.compile(r"(?:^|(?<=[\s*)]))([*]?[A-Za-z0-9][^:;$€£]*):\s*$")
# where a sentence ends inside the text before the label: a stop after a word of four letters or
# more ("… IT services. Initial Contract Value"), not after "No." or "Rpt."
_STOP = re.compile(r"(?<=[a-z]{4})\.\s+")
_TOTAL = re.compile(r"\b(?:aggregate|total|totaal|cumulative|cumulatief|in\s+totaal)\b", re.IGNORECASE)
_LOWERS = re.compile(r"\b(?:decrease|reduction|less|deduct|verlaging|vermindering|korting|minus)\b", re.IGNORECASE)
MAX_GAP = 3  # lines between two labelled amounts of one list
MIN_PARTS = 2


def _label(f: Fig) -> str | None:
    """The label a line prints before the amount ``f`` and a colon, if it does."""
    at = f.at
    if at <= 0 or f.kind != "money":
        return None
    m = _LABEL.search(f.quote[max(0, at - 80):at])
    return _STOP.split(m.group(1))[-1].lstrip("*").strip() if m else None


def labelled_lines(figures: Sequence[Fig]) -> list[Proposal]:
    """Totals of "Label: amount" lines over the labelled lines above them (module doc)."""
    out: list[Proposal] = []
    run: list[tuple[Fig, str]] = []
    for f in sorted(figures, key=lambda f: (f.position, f.at)):
        label = _label(f)
        if label is None:
            if f.kind == "money" and run and f.position[0] == run[-1][0].position[0] \
                    and f.position[1] - run[-1][0].position[1] <= 1:
                run = []  # an amount on the list's lines without a label: not such a list
            continue
        if run and (f.position[0] != run[-1][0].position[0] or f.unit != run[-1][0].unit
                    or not 0 < f.position[1] - run[-1][0].position[1] <= MAX_GAP):
            run = []
        if _TOTAL.search(label) and len(run) >= MIN_PARTS:
            found = _sum(f, run)
            if found is not None:
                out.append(found)
            run = []
            continue
        run.append((f, label))
    return out


def _sum(total: Fig, run: list[tuple[Fig, str]]) -> Proposal | None:
    signs = [-1 if _LOWERS.search(label) and f.value > 0 else 1 for f, label in run]
    lo = sum(bounds(f)[0] if s > 0 else -bounds(f)[1] for (f, _), s in zip(run, signs))
    hi = sum(bounds(f)[1] if s > 0 else -bounds(f)[0] for (f, _), s in zip(run, signs))
    t_lo, t_hi = bounds(total)
    exact = sum(s * f.value for (f, _), s in zip(run, signs))
    holds = lo <= t_hi and t_lo <= hi
    if not holds and not digit_slip(total.value - exact, [total.value, *(f.value for f, _ in run)]):
        return None
    if all(s > 0 for s in signs):
        expr = "sum(" + ", ".join(f.id for f, _ in run) + ")"
    else:
        expr = " ".join(("- " if s < 0 else "+ " if i else "") + f.id for i, ((f, _), s) in enumerate(zip(run, signs)))
    return Proposal(total, tuple(f for f, _ in run), "sum", expr, exact == total.value, MIN_SCORE + 2, CUE, True)
