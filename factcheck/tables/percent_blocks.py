"""A block of rows that repeats the amount rows above it as percentages of a base its heading names.

Budget and debt tables print their rows twice, first in money, then under a heading such as
"(In percent of FY GDP)", with the base further down among the memorandum items::

                                    (in millions of Barbados dollars)
    Central government debt           12,819    13,310   ...
    Domestic                           8,873     8,824   ...
                                       (In percent of FY GDP)
    Central government debt            133.5     117.8   ...
    Domestic                            92.4      78.1   ...
    Memorandum items:
    Nominal GDP, FY (BDS$ millions)    9,605    11,295   ...

The figures carry no % sign and the labels no percent word, so nothing else reads them as
percentages. A row of such a block (under a heading that names its base: a section row of its table,
or the line over the table when the block was read as a table of its own) is read as the amount row
of the same label above the block (the same one when a label comes back, "Domestic" under two
debts: the k-th in the block is the k-th above it) over the row the heading names, lane by lane in
the columns printed one over the other. A row's reading counts when it holds in three quarters of
its lanes and in two at least, and only when two rows of the block hold so: a heading that says
what a whole block is, is confirmed by more than one row. A failing lane is an alarm only when its
row holds in three lanes at least, as for the other percentages (percentages.py); else it is doubted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .detect import Cell, Table, is_figure
from .elsewhere import row_share_checks
from .labels import OF_BASE, clean_label
from .percentages import _PERCENT_WORDS, MIN_LANES, _near, _words
from .records import TableCheck

_RowAt = tuple[Table, int]


def _amount_row(table: Table, pos: int) -> bool:
    cells = [c for c in table.rows[pos].cells.values() if is_figure(c)]
    return len(cells) >= MIN_LANES and not any(c.number.percent for c in cells)  # type: ignore[union-attr]


def _base(text: str) -> set[str] | None:
    m = OF_BASE.search(text)
    return (_words(m["base"]) or None) if m else None


def _blocks(table: Table) -> list[tuple[int, int, set[str]]]:
    """(first row, end, base words) of each block of the table under a heading that names a base:
    the line over the table for its first rows, a section row for the rows under it."""
    out: list[tuple[int, int, set[str]]] = []
    start, base = 0, _base(table.heading)
    for p, row in enumerate(table.rows):
        if row.section or not row.cells:
            if base and p > start:
                out.append((start, p, base))
            start, base = p + 1, _base(row.label)
    if base and len(table.rows) > start:
        out.append((start, len(table.rows), base))
    return out


def _columns(src: Table, dst: Table) -> dict[int, int]:
    """Each column of ``src`` to the column of ``dst`` printed right over or under it (their
    figures overlap), when there is exactly one."""
    if src is dst:
        return {c.index: c.index for c in src.columns}
    out = {}
    for c in src.columns:
        over = [d.index for d in dst.columns if min(c.x1, d.x1) > max(c.x0, d.x0)]
        if len(over) == 1:
            out[c.index] = over[0]
    return out


def _percent_like(table: Table, pos: int) -> bool:
    """Figures that may be percentages: no % sign (those percentages.py reads), no percent word
    in the label (idem), none above a thousand."""
    row = table.rows[pos]
    nums = [c.number for c in row.cells.values() if is_figure(c)]
    return (len(nums) >= MIN_LANES and not any(n.percent for n in nums)  # type: ignore[union-attr]
            and not _PERCENT_WORDS.search(row.label) and all(abs(n.value) <= 1000 for n in nums))  # type: ignore[union-attr]


def percent_block_checks(pages: Mapping[int, Sequence[Table]], file: str = "") -> list[TableCheck]:
    """The rows of blocks headed as percentages of a base, read as the rows of the same label above
    them over the base row (see module doc)."""
    out: list[TableCheck] = []
    for number in sorted(pages):
        tables = list(pages[number])
        for ti, table in enumerate(tables):
            for start, end, base in _blocks(table):
                out.extend(_block_checks(tables, ti, start, end, base, file))
    return out


def _block_checks(tables: list[Table], ti: int, start: int, end: int, base: set[str], file: str) -> list[TableCheck]:
    table = tables[ti]
    block = [p for p in range(start, end) if _percent_like(table, p)]
    if len(block) < MIN_LANES:
        return []
    # the amount rows printed above the block, on its page, in order
    above: list[_RowAt] = [(t, q) for t in tables[:ti] for q in range(len(t.rows)) if _amount_row(t, q)]
    above += [(table, q) for q in range(start) if _amount_row(table, q)]
    # the base: the one amount row of the page whose words share most with the heading's base
    scored = [(len(base & _words(t.rows[q].label)), id(t), q, t) for t in tables for q in range(len(t.rows))
              if not (t is table and start <= q < end) and _amount_row(t, q)]
    best = max((s for s, *_ in scored), default=0)
    bases = [(t, q) for s, _, q, t in scored if s == best]
    if best == 0 or len(bases) != 1:
        return []
    base_table, base_row = bases[0]
    readings = []
    for p in block:
        key = clean_label(table.rows[p].label).lower()
        same_in_block = [q for q in block if clean_label(table.rows[q].label).lower() == key]
        same_above = [(t, q) for t, q in above if clean_label(t.rows[q].label).lower() == key]
        if not key or len(same_above) != len(same_in_block):
            continue  # a label the amounts do not print as often: no telling which row it repeats
        part_table, part_row = same_above[same_in_block.index(p)]
        to_part, to_base = _columns(table, part_table), _columns(table, base_table)
        lanes: list[tuple[int, Cell, Cell, Cell]] = []
        for col, pc in sorted(table.rows[p].cells.items()):
            nc = part_table.rows[part_row].cells.get(to_part.get(col, -1))
            dc = base_table.rows[base_row].cells.get(to_base.get(col, -1))
            if nc is not None and dc is not None and is_figure(pc) and is_figure(nc) and is_figure(dc):
                lanes.append((col, pc, nc, dc))
        numbers = [(pc.number, nc.number, dc.number) for _, pc, nc, dc in lanes]
        near = [_near(n, d, pct) for pct, n, d in numbers]  # type: ignore[arg-type]
        # a nil share of a nil amount fits any base: it tells nothing
        fits = len([x for x, (pct, n, _) in zip(near, numbers)
                    if x and pct.value != 0 and n.value != 0])  # type: ignore[union-attr]
        told = sum(1 for x in near if x is not None)
        if fits >= MIN_LANES and 4 * fits >= 3 * told:
            readings.append((p, part_table, part_row, lanes, fits))
    if len(readings) < MIN_LANES:
        return []
    out = []
    for p, part_table, part_row, lanes, fits in readings:
        out.extend(_checks(table, p, part_table, part_row, base_table, base_row, lanes, fits, file))
    return out


def _checks(table: Table, pos: int, part_table: Table, part: int, base_table: Table, base: int,
            lanes: list[tuple[int, Cell, Cell, Cell]], fits: int, file: str) -> list[TableCheck]:
    tag = (f"a percentage: the {clean_label(part_table.rows[part].label)} row of the amounts above over the "
           f"{clean_label(base_table.rows[base].label)} row (the block's heading names it)")
    return row_share_checks(table, pos, (part_table, part), (base_table, base), lanes, fits, file, tag,
                            "the block was read as percentages of the row its heading names from too few columns "
                            "to be sure of it")
