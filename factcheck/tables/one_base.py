"""Rows of shares or figures per head that add up as amounts do: one base over a head and its items.

A row named by "%" or "per" is taken for a ratio, and ratios seldom add up. But a statistical or
fiscal table often gives a whole block in shares of one base or per head, and then the items add up
to their head as amounts would: "1 Contribution to GDP %" over "a. Marine fishing %" and
"b. Inland fishing %", "Per capita fish production Kg/year" over "a. Marine fishing Kg/year" and
"b. Inland fishing Kg/year". The structure says so when

- the head's label names its base (a unit printed at its end, "% of GDP", "per capita", "per head",
  "per 1,000 ...") and nothing else in it is a ratio word: "Growth Rate of Fisheries Contribution
  to GDP %" is a rate of its own, and so are "% change", interest rates and ratios of one row to
  another, whose items never add up to it;
- the items right under it are a list of its own: lettered from "a." on (a., b., c. ...) or set
  off by dashes ("- Marine", "- Inland");
- each item states the head's unit, or none, and names no base other than the head's, and no
  ratio word of its own.

Such a head is a tentative group: it is read as the sum of its items only where that holds in some
column, and otherwise stays a ratio that nothing adds up. A failing column is reported only with the
evidence any total needs (:func:`too_few_hold`).
"""

from __future__ import annotations

import re

from .items import Item
from .labels import NOT_AMOUNT, OF_BASE, PARENTHESES, clean_label

# A unit printed at the label's end (a unit column joined to the label): "%", "Kg/year", "g/day",
# "Rs./head"
_UNIT_TAIL = re.compile(r"\s(?P<unit>%|[A-Za-z.]{1,8}/[A-Za-z]{1,8})\s*$")
# A base per head or per so many people: "per capita", "Percapita", "per head", "per 1,000 population"
_PER_HEAD = re.compile(r"\bper\s?(?:capita|head|person|inhabitant|resident)\b|\bper\s+(?:1|10|100)[,.]?000(?:\s+[a-z]+)?\b",
                       re.IGNORECASE)
_LETTER = re.compile(r"^\s*(?P<letter>[a-z])\s*[.)]\s+\S")
_DASH = re.compile(r"^\s*[-–]\s+\S")
# at most this many items under one head: a longer list is a table of its own
_MAX_ITEMS = 12


def _base(label: str) -> tuple[str | None, str | None, str] | None:
    """The label's unit at its end, the base it names ("% of GDP" -> "gdp", "per capita"), and
    what is left of its words; None when a ratio word stays once the base is taken out (a growth
    rate, a change, an interest rate, a ratio: a rate of its own)."""
    text = clean_label(label)
    unit = None
    if m := _UNIT_TAIL.search(text):
        unit = m.group("unit").replace(" ", "").lower()
        text = text[: m.start()]
    named = None
    if m := OF_BASE.search(text):
        named = " ".join(m.group("base").lower().split())
        text = text[: m.start()] + " " + text[m.end():]
    elif m := _PER_HEAD.search(text):
        named = "per head"
        text = text[: m.start()] + " " + text[m.end():]
    if NOT_AMOUNT.search(PARENTHESES.sub("", text)):
        return None
    return unit, named, text


def _items_under(items: list[Item], i: int) -> list[Item]:
    """The list right under items[i]: lettered from "a." on in order, or set off by dashes."""
    out: list[Item] = []
    nxt = items[i + 1:i + 1 + _MAX_ITEMS]
    dashed = bool(nxt) and _DASH.match(nxt[0].label) is not None
    for k, x in enumerate(nxt):
        m = None if dashed else _LETTER.match(x.label)
        marked = _DASH.match(x.label) is not None if dashed else m is not None and m.group("letter") == chr(ord("a") + k)
        if not marked or x.pos - (out[-1].pos if out else items[i].pos) > 1:
            break  # the list ends at the first item out of its order, or a row apart
        out.append(x)
    return out if len(out) >= 2 else []


def one_base_groups(items: list[Item]) -> None:
    """Mark each head of ratio rows over a list of items of the same base as a tentative group
    over them (see the module doc)."""
    for i, it in enumerate(items):
        if it.kind != "none" or it.group_children:
            continue
        head = _base(it.label)
        if head is None or (head[0] is None and head[1] is None):
            continue  # no base named: a ratio of something else
        kids = _items_under(items, i)
        if not kids:
            continue
        bases = [_base(k.label) for k in kids]
        if any(b is None or k.kind not in ("none", "part") for b, k in zip(bases, kids)):
            continue
        if any(b[0] not in (None, head[0]) or b[1] not in (None, head[1]) for b in bases if b is not None):
            continue  # an item in another unit, or of another base, is no share of this one's
        it.kind, it.group_children, it.tentative, it.one_base = "group", kids, True, True


def too_few_hold(passed: int, lanes: int) -> bool:
    """Too little evidence for an alarm on a group of shares: small figures add up by chance, so
    the group must hold in three columns at least, and in three of four."""
    return passed < 3 or 4 * passed < 3 * lanes
