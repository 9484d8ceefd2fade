"""The scale of a table that prints none, as the text quotes its cells: the City's financial
assets "were $8,511.1 million, an increase of $417.3 million" beside a table whose row reads
8,511.1 | 8,093.8 under no "($ millions)"; "$564,475,000" beside a cell 564,475.

A table is read at a scale when the text near it (its page, the one before or after) prints two
of its cells or more, each of four significant digits or more, with the same digits, as amounts a
thousand, a million or a billion times the cell, and at one such multiplier only. The statements
about its rows (:mod:`factcheck.discover.text_tables`) are then looked for at that scale.

The table checker reads the same table without a scale and writes its cells under their own ids;
the cells read at the quoted scale are written under ids of their own (``…_q``), with the scale,
so that a relation over them is judged at that scale whichever cell claims a run keeps.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from factcheck.discover.figures import Fig
from factcheck.tables.continued import continues
from factcheck.tables.detect import Table
from factcheck.tables.scale import Scale

MULTIPLIERS = (Fraction(10**3), Fraction(10**6), Fraction(10**9))
MIN_QUOTED = 2  # cells the text quotes at the scale
MIN_DIGITS = 4
SUFFIX = "_q"
_CELL_ID = re.compile(r"\bt(\d+)_(\d+)_r\d+_c\d+\b")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text).lstrip("0")


def quoted_scale(table: Table, amounts: Sequence[Fig]) -> Scale | None:
    """The one multiplier at which the amounts quote two cells of the table or more, if any, with
    the amounts' unit when they all print one ("$8,511.1 million": the cells are dollars too)."""
    quoted: dict[Fraction, set[str]] = {}
    units: dict[Fraction, set[str | None]] = {}
    for row in table.rows:
        for cell in row.cells.values():
            number = cell.number
            if number is None or number.nil or number.percent or number.value == 0:
                continue
            digits = _digits(cell.text)
            if len(digits.rstrip("0")) < MIN_DIGITS:
                continue
            for f in amounts:
                for m in MULTIPLIERS:
                    if f.value == abs(number.value) * m and digits in _digits(f.stated):
                        quoted.setdefault(m, set()).add(digits)
                        units.setdefault(m, set()).add(f.unit)
    found = [m for m, cells in quoted.items() if len(cells) >= MIN_QUOTED]
    if len(found) != 1:
        return None
    unit = units[found[0]].pop() if len(units[found[0]]) == 1 else None
    return Scale("as the text quotes it", found[0], unit)


def at_quoted_scale(tables: Mapping[int, Sequence[Table]], figures: Sequence[Fig]
                    ) -> tuple[dict[int, list[Table]], set[tuple[int, int]]]:
    """The tables with the scale their text quotes them at, where they print none; and the
    (page, index) of the tables so read."""
    amounts: dict[int, list[Fig]] = {}
    for f in figures:
        if f.kind == "money" and f.value > 0:
            amounts.setdefault(f.position[0], []).append(f)
    out: dict[int, list[Table]] = {}
    read: set[tuple[int, int]] = set()
    for page in sorted(tables):
        out[page] = []
        for table in tables[page]:
            if table.scale is None:
                scale = _carried_scale(out.get(page - 1), table) if not out[page] else None
                if scale is None:
                    near = [f for p in (page - 1, page, page + 1) for f in amounts.get(p, ())]
                    scale = quoted_scale(table, near) if near else None
                if scale is not None:
                    table = dataclasses.replace(table, scale=scale)
                    read.add((table.page, table.index))
            out[page].append(table)
    return out, read


def _carried_scale(previous: Sequence[Table] | None, table: Table) -> Scale | None:
    """The scale of the table a page's first table goes on from, printed only over its first
    piece: "(Dollars in Thousands)" over an appropriation summary that runs on to the next page."""
    if not previous or previous[-1].scale is None:
        return None
    return previous[-1].scale if continues(previous[-1], table) else None


def own_cell_ids(claims: list[dict[str, Any]], read: set[tuple[int, int]]) -> list[dict[str, Any]]:
    """The claims with the cells of the tables read at a quoted scale under ids of their own, in
    their own ids and in the formulas that use them."""
    if not read:
        return claims

    def rename(match: re.Match[str]) -> str:
        key = (int(match.group(1)), int(match.group(2)))
        return match.group(0) + SUFFIX if key in read else match.group(0)

    out = []
    for c in claims:
        c = dict(c)
        c["id"] = _CELL_ID.sub(rename, str(c["id"]))
        if "expr" in c:
            c["expr"] = _CELL_ID.sub(rename, str(c["expr"]))
        evidence = c.get("evidence")
        if isinstance(evidence, dict) and "inputs" in evidence:
            c["evidence"] = dict(evidence, inputs=_CELL_ID.sub(rename, str(evidence["inputs"])))
        out.append(c)
    return out
