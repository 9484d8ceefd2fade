"""An amount whose sentence ends in "including:" and the bulleted items under it that each open
with an amount of their own (Australia's budget papers print every measure so)::

    The Government will provide $78.0 million over three years from 2024–25 to support the
    delivery of Government priorities in the Attorney‑General's portfolio, including:
    •  $39.8 million over three years from 2024–25 for crime prevention ...
    •  $26.7 million over two years from 2024–25 for the Australian Federal Police ...
    •  $8.6 million in 2025–26 for the Attorney‑General's Department ...
    •  $3.0 million over three years from 2024–25 for the Office of the ... Commissioner ...

The words and the bullets fix the reading: the amount each bullet opens with is a part, in order,
of the amount before the colon. "Including" need not name every part, so the sum is proposed only
when it holds within the rounding of the printed amounts; a list that falls short is left unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.discover.figures import Fig, bounds, heads_and_after
from factcheck.discover.relations import MIN_SCORE, Proposal

# "…, including:", "comprising:", "waaronder:", "bestaande uit:" at the end of the sentence
_LEADS_IN = re.compile(r"\b(?:including|includes|comprising|consisting\s+of|waaronder|bestaande\s+uit)\s*:\s*$",
                       re.IGNORECASE)
# the bullet right before an amount; a list inside an item takes the lower glyph ("–", "◦")
_BULLET = re.compile(r"([•●▪■◦–])\s*$")
_LEVEL = {"•": 0, "●": 0, "▪": 0, "■": 0, "◦": 1, "–": 1}
MAX_PARTS = 12
FIRST_LINES = 3  # from the amount to the first bullet
ITEM_LINES = 6  # lines an item's words run on after its bullet (other amounts there are not parts)


def _head(f: Fig) -> bool:
    """Is ``f`` the last amount of a sentence that ends by leading into a list?"""
    at = f.at
    if at < 0 or f.kind != "money" or f.value <= 0:
        return False
    after = f.quote[at + len(f.stated):]
    return _LEADS_IN.search(after) is not None and "$" not in after and "€" not in after


def _glyph(f: Fig) -> str | None:
    """The bullet right before the figure in its quote, if any."""
    at = f.at
    m = _BULLET.search(f.quote[:at]) if at > 0 else None
    return m.group(1) if m else None


def bulleted_parts(figures: Sequence[Fig]) -> list[Proposal]:
    """The amounts that the bulleted items after "including:" add up to, within rounding."""
    found: list[Proposal] = []
    for head, after in heads_and_after(figures, _head):
        parts: list[Fig] = []
        level: int | None = None
        last = head.position
        for f in after:
            if f.kind != "money" or f.quote == head.quote:
                continue
            glyph = _glyph(f)
            if f.position[0] == last[0]:
                gap = f.position[1] - last[1]
            elif f.position[0] == last[0] + 1 and glyph is not None and parts:
                gap = 0  # the list runs on over the page
            else:
                break
            if glyph is None:
                if not parts or gap > ITEM_LINES:
                    break  # the list has ended, or never began
                last = f.position  # an amount inside an item
                continue
            rank = _LEVEL[glyph]
            if level is None:
                if gap > FIRST_LINES:
                    break
                level = rank
            if rank < level or len(parts) == MAX_PARTS or gap > ITEM_LINES + FIRST_LINES:
                break  # a bullet of the list above this one: the list has ended
            if rank == level and f.dims == head.dims and f.value > 0:
                parts.append(f)
            last = f.position  # (an item of a list inside an item is no part of this one)
        if len(parts) < 2:
            continue
        ends = [bounds(p) for p in parts]
        head_lo, head_hi = bounds(head)
        if sum(lo for lo, _ in ends) <= head_hi and head_lo <= sum(hi for _, hi in ends):
            found.append(Proposal(head, tuple(parts), "sum", "sum(" + ", ".join(p.id for p in parts) + ")",
                                  sum(p.value for p in parts) == head.value, MIN_SCORE + 2,
                                  "an amount and the bulleted list its sentence leads into", True))
    return found
