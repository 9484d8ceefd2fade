"""A whole printed before its parts, found from the shares printed beside the parts.

A statistical table often sets the whole first and each part with its share of it::

                  United Kingdom   England      %   Wales     %   Scotland     %   Northern Ireland    %
    2004-05              375,801   321,066  85.4%  13,661  3.6%     32,814  8.7%              8,247  2.2%

No word says the first column is a total, but the percentages do: each part's share is taken
over the same whole, and together the shares make 100 %. When the shares of two parts or more
hold over one base in a row and add up to 100 within their rounding, the base is checked as the
sum of those parts, to the last digit. A row where it fails is the document's error only when the
reading holds in another row of the table; otherwise it is written with its doubt. Such an alarm
needs no slip's shape (:mod:`.slip_evidence`): every part was read right (its share holds) and
none is missing (the shares make 100 %), so a miss is the table's own, by whatever it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from fractions import Fraction

from .detect import Table
from .judging import holds, judge
from .records import CellRef, TableCheck, make_check

MIN_PARTS = 2
READING = "the parts whose shares of it are printed beside them, which make 100 %"


def share_whole_checks(table: Table, file: str, shares: list[TableCheck]) -> list[TableCheck]:
    """The bases of ``shares`` (the table's percentage checks) whose parts' shares make 100 % in
    their lane, each checked as the sum of those parts (module doc)."""
    groups: dict[tuple[str, str, int, tuple[float, ...]], list[TableCheck]] = defaultdict(list)
    for c in shares:
        if c.relation == "share" and holds(c.verdict) and len(c.parts) == 2 and c.parts[0].sign > 0:
            base = c.parts[1]
            groups[(c.orientation, c.lane_label, base.page, base.bbox)].append(c)
    found: list[tuple[TableCheck, list[CellRef]]] = []
    for group in groups.values():
        parts = list({(p.page, p.bbox): p for c in group for p in c.parts[:1]}.values())
        if len(parts) < MIN_PARTS or len(parts) != len(group) or any(p.value <= 0 for p in parts):
            continue
        percent = sum((c.total.value for c in group), Fraction(0))
        slack = sum((c.total.half for c in group), Fraction(0))
        if abs(percent - 100) <= slack:
            found.append((group[0], parts))
    if not found:
        return []
    judged = [(first, parts, judge([(1, p.number) for p in parts], first.parts[1].number))
              for first, parts in found]
    held = sum(1 for *_, j in judged if holds(j.verdict))
    headers = {c.index: c.header for c in table.columns}
    out = []
    for first, parts, j in judged:
        base = first.parts[1]
        doubt = None if holds(j.verdict) or held >= 1 else (
            "the shares beside the parts make 100 %, but no row of the table adds up as their whole")
        if first.orientation == "column":
            # the whole and its parts are columns: they go by their headers
            base = replace(base, label=headers.get(base.col - 1, ""))
            parts = [replace(p, label=headers.get(p.col - 1, "")) for p in parts]
        reading = f"{READING}: " + ", ".join(f"'{p.label}'" for p in parts)
        out.append(make_check(table, file, first.orientation, base.label, first.lane_label, base, tuple(parts), j,
                              reading, doubt))
    return out

