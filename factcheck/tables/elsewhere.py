"""Percentage rows whose named base is a row of another table of the document.

"Percent of GDP" under "Projected deficits" in a table that prints no GDP row takes GDP from the
table before it ("Gross domestic product (GDP)", same years). Such a row is read as the amount row
right above it (or the row its label names as the part) over a row of another table that the
label's base names, lane by lane where the two tables print the same column header. The reading
counts when it holds in three quarters of those lanes and in two at least; a failing lane is an
alarm only when it holds in three lanes at least (see percentages.py for the same rule within a
table), else it is doubted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from .detect import Cell, Table, is_figure
from .judging import holds
from .labels import OF_BASE, clean_label
from .percentages import (
    _PART_OF_BASE,
    _PERCENT_SLACK,
    MIN_LANES,
    _is_share_row,
    _near,
    _section_base,
    _words,
    judge_share,
)
from .records import TableCheck, cell_ref, make_check


def _amount_row(table: Table, pos: int) -> bool:
    cells = [c for c in table.rows[pos].cells.values() if is_figure(c)]
    return len(cells) >= MIN_LANES and not any(c.number.percent for c in cells)  # type: ignore[union-attr]


def _scale(table: Table) -> tuple[Fraction, str | None]:
    return (table.scale.multiplier, table.scale.unit) if table.scale else (Fraction(1), None)


def _headers(table: Table) -> dict[str, int]:
    """Column header -> column, for the headers printed once in the table."""
    seen: dict[str, list[int]] = {}
    for col in table.columns:
        key = " ".join(col.header.split())
        if key:
            seen.setdefault(key, []).append(col.index)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _base_words(table: Table, pos: int) -> set[str] | None:
    label = table.rows[pos].label
    if (m := _PART_OF_BASE.match(label)) is not None or (m := OF_BASE.search(label)) is not None:
        return _words(m["base"]) or None
    return _section_base(table, pos)


def elsewhere_checks(pages: Mapping[int, Sequence[Table]], file: str = "") -> list[TableCheck]:
    """The percentage rows of the pages' tables whose base their label names but only another
    table prints (see module doc)."""
    tables = [t for number in sorted(pages) for t in pages[number]]
    out: list[TableCheck] = []
    for table in tables:
        for p, row in enumerate(table.rows):
            if not _is_share_row(table, p) or not (base := _base_words(table, p)):
                continue
            if any(base & _words(r.label) for q, r in enumerate(table.rows) if q != p and _amount_row(table, q)):
                continue  # the table prints its base: percentages.py reads it
            part = next((q for q in range(p - 1, -1, -1) if _amount_row(table, q)), None)
            if part is None:
                continue
            mine = _headers(table)
            for other in tables:
                if other is table or _scale(other) != _scale(table):
                    continue  # (amounts counted in other units are not compared)
                theirs = _headers(other)
                shared = {mine[h]: theirs[h] for h in mine if h in theirs}
                for q, base_row in enumerate(other.rows):
                    if not (base & _words(base_row.label)) or not _amount_row(other, q):
                        continue
                    lanes = [(c, row.cells[c], table.rows[part].cells[c], base_row.cells[shared[c]])
                             for c in sorted(row.cells) if c in shared and is_figure(row.cells[c])
                             and is_figure(table.rows[part].cells.get(c)) and is_figure(base_row.cells.get(shared[c]))]
                    lanes = [ln for ln in lanes if not ln[2].number.percent]  # type: ignore[union-attr]
                    near = [_near(n.number, d.number, pc.number) for _, pc, n, d in lanes]  # type: ignore[arg-type]
                    fits = sum(1 for x in near if x)
                    told = sum(1 for x in near if x is not None)
                    if fits < MIN_LANES or 4 * fits < 3 * told:
                        continue
                    out.extend(_checks(table, p, part, other, q, lanes, fits, file))
                    break
                else:
                    continue
                break
    return out


def _checks(table: Table, pos: int, part: int, other: Table, base: int,
            lanes: list[tuple[int, Cell, Cell, Cell]], fits: int, file: str) -> list[TableCheck]:
    where = f"{other.title}" if other.title else f"the table on page {other.page}"
    tag = (f"a percentage: the {clean_label(table.rows[part].label)} row over the {clean_label(other.rows[base].label)} "
           f"row of {where}")
    return row_share_checks(table, pos, (table, part), (other, base), lanes, fits, file, tag,
                            "the percentage's base was found in another table from too few columns to be sure of it")


def row_share_checks(table: Table, pos: int, part: tuple[Table, int], base: tuple[Table, int],
                     lanes: list[tuple[int, Cell, Cell, Cell]], fits: int, file: str, tag: str, few: str
                     ) -> list[TableCheck]:
    """One check per lane (column, percentage, part and base cells) of the percentage row ``pos``
    of ``table`` over rows of (maybe) other tables: a failing lane is doubted (``few``) unless the
    reading holds in three lanes at least."""
    headers = {c.index: c.header for c in table.columns}
    out = []
    for col, pc, nc, dc in lanes:
        j = judge_share(nc.number, dc.number, pc.number)  # type: ignore[arg-type]
        if j is None:
            continue
        why = None if holds(j.verdict) or fits >= 3 else few
        pct = cell_ref(table, pos, pc, half=pc.number.half * _PERCENT_SLACK)  # type: ignore[union-attr]
        out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), headers.get(col, ""), pct,
                              (cell_ref(part[0], part[1], nc), cell_ref(base[0], base[1], dc)), j, tag, why,
                              relation="share"))
    return out
