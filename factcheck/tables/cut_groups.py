"""A total whose group was cut by the table reader: its heading stands in a table before its own.

"Total Amphibious Ships" closes the rows under the heading "Amphibious Ships". When the reader
cuts the page into several tables (blank lines in the middle of a group, a row of rules), the
heading and the first rows land in an earlier table and the total is read against the rows of its
own table only: a sum that fails because most of its rows are elsewhere. So a failing total that
names its group ("Total X", "Totaal X", "Subtotal X") is doubted when no row of its own table above
it names X and a row of an earlier table on its page, or on the page before, does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .detect import Table
from .labels import TOTAL_OF, plain_label
from .records import TableCheck

MIN_NAME = 6  # letters of a group's name: shorter ones ("Net") are in many labels by chance


def _names(table: Table, name: str, before: int | None = None) -> bool:
    """Does a row of ``table`` (above row ``before``, if given) name the group?"""
    rows = table.rows if before is None else table.rows[:before]
    return any(f" {name} " in f" {plain_label(row.label)} " for row in rows)


def doubt_cut_groups(checks: list[TableCheck], found: Mapping[int, Sequence[Table]]) -> list[TableCheck]:
    """``checks`` with the alarms of totals whose group heading stands in an earlier table doubted (module doc)."""
    out: list[TableCheck] = []
    for c in checks:
        m = TOTAL_OF.match(plain_label(c.total_label)) if c.alarm and c.orientation == "row" else None
        name = " ".join(m.group("name").split()) if m else ""
        if sum(ch.isalpha() for ch in name) < MIN_NAME:
            out.append(c)
            continue
        tables = found.get(c.total.page, ())
        own = next((t for t in tables if t.index == c.total.table), None)
        if own is None or _names(own, name, c.total.row - 1):
            out.append(c)
            continue
        earlier = [t for t in tables if t.index < c.total.table] + list(found.get(c.total.page - 1, ()))
        if any(_names(t, name) for t in earlier):
            c = replace(c, doubt=f"the heading of its group ('{name}') stands in the rows before this table: "
                                 "its first parts may be there, not read with it")
        out.append(c)
    return out
