"""One calculation read twice: a rate beside its level, and the same rate off a table row.

"DOE proposes $51 billion …, a $3.6 billion, or 7.5 percent, increase from the FY 2023 Enacted
Level" is read in its sentence as 3.6 / (51 − 3.6) (:func:`changes.rates_beside_levels`: the old
level is not printed, it is worked out), and off the table row the sentence names as
(51,415,029 − 47,817,100) / 47,817,100 (:mod:`.table_growth`, :mod:`.text_tables`). When a cell
of that row is the sentence's level and the row's change is the sentence's change, each within
the sentence's rounding, the two are one calculation with the same figures printed twice; the
writer worked it from the table, which prints both levels to the unit, so that reading is kept and
the sentence's is left out. A rate whose table row does not restate its sentence's figures keeps
both readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from factcheck.discover.changes import BESIDE_LEVEL
from factcheck.discover.figures import Fig, bounds

TABLE_RATES = ("change along a table row", "growth over a table row")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INPUT_ID = re.compile(r"([A-Za-z_][A-Za-z0-9_]*) \(")


def _cell_value(cell: Mapping[str, Any]) -> Fraction | None:
    try:
        return abs(Fraction(str(cell["value"])) * Fraction(str(cell.get("scale") or 1)))
    except (KeyError, ValueError, ZeroDivisionError):
        return None


def _within(value: Fraction, fig: Fig) -> bool:
    lo, hi = bounds(fig)
    return min(abs(lo), abs(hi)) <= value <= max(abs(lo), abs(hi))


def rates_read_twice(claims: Iterable[Mapping[str, Any]], figures: Sequence[Fig]) -> set[str]:
    """Ids of the sentence readings of rates that a table row reads with the same figures."""
    claims = list(claims)
    by_id = {str(c.get("id")): c for c in claims}
    figs = {f.id: f for f in figures}
    rows: dict[str, list[tuple[Fraction, Fraction]]] = {}  # target -> the table rows' cell pairs
    for c in claims:
        evidence = c.get("evidence") or {}
        if evidence.get("relation") in TABLE_RATES and c.get("expr"):
            cells = [by_id[i] for i in dict.fromkeys(_NAME.findall(str(c["expr"]))) if i in by_id]
            table_cells = [cell for cell in cells if "table" in (cell.get("where") or {})]
            values = [v for v in map(_cell_value, table_cells) if v is not None]
            if len(table_cells) == 2 and len(values) == 2:
                rows.setdefault(str(evidence.get("target")), []).append((values[0], values[1]))
    out: set[str] = set()
    for c in claims:
        evidence = c.get("evidence") or {}
        if evidence.get("wording") != BESIDE_LEVEL or str(evidence.get("target")) not in rows:
            continue
        ids = _INPUT_ID.findall(str(evidence.get("inputs") or ""))
        if len(ids) != 2 or not all(i in figs for i in ids):
            continue
        level, change = figs[ids[0]], figs[ids[1]]
        if any((_within(a, level) or _within(b, level)) and _within(abs(a - b), change)
               for a, b in rows[str(evidence["target"])]):
            out.add(str(c["id"]))
    return out
