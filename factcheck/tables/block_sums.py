"""A block of rows that adds up the blocks above it, row by row, matched by their place and names.

A budget by service prints the same few rows for each service, and then once more under "Total"::

    New Affordable Housing Development
        Gross Expenditures       995.2    1,004.3
        Revenue                  597.5      606.2
    Net Expenditures             397.6      398.1
    Housing Improvement Loans & Grants
        Gross Expenditures       871.3      879.9
        ...
    Total
        Gross Expenditures     2,743.2    2,764.3     995.2 + 871.3 + 876.7
        Revenue                1,548.4    1,569.5
    Total Net Expenditures     1,194.8    1,194.8

Each row of the last block is the sum of the rows in the same place of every block above it.
No total word sits on those rows' own lines, and no heading need be read as one: the rows with
figures are cut into blocks of equal size, and a cut is taken only when each row of the last
block shares a word with the row in its place in every block above (and the last block's rows
are not all named alike), a total word stands on the last block's lines or the one before it,
and the sums hold in three quarters of the cells tried and in four at least with long figures.
A coincidence does not repeat down several rows and columns of long figures. A failing cell is
an alarm only when the sums hold in four cells at least, as for :mod:`.stacked`.
"""

from __future__ import annotations

import re

from .cells import CellNumber, long_figure
from .detect import Table
from .judging import Judgement, holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

MIN_BLOCK, MAX_BLOCK = 2, 6  # rows of a block
MIN_BLOCKS = 2  # blocks the last one adds up
MIN_TELLING = 4  # holding cells with long figures that confirm the reading
_TOTAL = re.compile(r"\b(?:total|totaal|totalen|totals)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{4,}")


def _words(label: str) -> frozenset[str]:
    """The label's words of four letters or more, lower case, without the total words."""
    return frozenset(w for w in _WORD.findall(label.lower()) if not _TOTAL.fullmatch(w))


def block_sum_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The rows of ``table``'s last block of equal blocks that add up the blocks above it (module doc)."""
    rows = [p for p, row in enumerate(table.rows) if any(c.number is not None and not c.number.percent
                                                           for c in row.cells.values())]
    if len(rows) < MIN_BLOCK * (MIN_BLOCKS + 1):
        return []
    words = {p: _words(clean_label(table.rows[p].label)) for p in rows}
    for size in range(MIN_BLOCK, MAX_BLOCK + 1):
        for end in range(len(rows) - size, size * MIN_BLOCKS - 1, -1):
            found = _reading(table, rows, words, size, end)
            if found is not None:
                return _checks(table, file, *found)
    return []


def _reading(table: Table, rows: list[int], words: dict[int, frozenset[str]], size: int, end: int
             ) -> tuple[list[int], list[list[int]], list[tuple[int, int, list[CellNumber], CellNumber, Judgement]]] | None:
    """The last block (rows ``rows[end:end+size]``), the blocks above it that it adds up, and the
    judged cells, when the names, the total word and the sums all say so."""
    last = rows[end:end + size]
    names = [words[p] for p in last]
    if any(not n for n in names) or len(set(names)) < size:
        return None
    blocks: list[list[int]] = []
    start = end - size
    while start >= 0:
        block = rows[start:start + size]
        if not all(words[p] & n for p, n in zip(block, names)):
            break
        blocks.insert(0, block)
        start -= size
    if len(blocks) < MIN_BLOCKS:
        return None
    before = table.rows[last[0] - 1].label if last[0] > 0 else ""
    if not any(_TOTAL.search(table.rows[p].label) for p in last) and not _TOTAL.search(before[-40:]):
        return None
    judged: list[tuple[int, int, list[CellNumber], CellNumber, Judgement]] = []
    for j, pos in enumerate(last):
        for col in sorted(table.rows[pos].cells):
            total = table.amount(pos, col)
            parts = [table.amount(b[j], col) for b in blocks]
            if total is None or any(p is None for p in parts):
                continue
            shown = [p for p in parts if p is not None]
            judged.append((pos, col, shown, total, judge([(1, p) for p in shown], total)))
    held = [x for x in judged if holds(x[4].verdict)]
    telling = [x for x in held if long_figure(x[3]) and x[3].value and all(p.value for p in x[2])]
    if len(telling) < MIN_TELLING or 4 * len(held) < 3 * len(judged):
        return None
    return last, blocks, judged


def _checks(table: Table, file: str, last: list[int], blocks: list[list[int]],
            judged: list[tuple[int, int, list[CellNumber], CellNumber, Judgement]]) -> list[TableCheck]:
    headers = {c.index: c.header for c in table.columns}
    place = {pos: j for j, pos in enumerate(last)}
    out: list[TableCheck] = []
    for pos, col, _parts, _total, j in judged:
        k = place[pos]
        parts = tuple(cell_ref(table, b[k], table.rows[b[k]].cells[col]) for b in blocks)
        reading = (f"a block that adds up the {len(blocks)} blocks of {len(last)} rows above it, row by row: "
                   f"'{clean_label(table.rows[pos].label)}' is the sum of the rows in the same place")
        out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), headers.get(col, ""),
                              cell_ref(table, pos, table.rows[pos].cells[col]), parts, j, reading, None))
    return out
