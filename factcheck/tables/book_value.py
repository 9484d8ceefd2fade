"""Net book value rows: the cost less the accumulated depreciation at the same date.

A note on fixed assets prints three blocks under one set of columns, each opened by its heading::

    Cost
    At 1 April 2014                14,996
    Additions                      10,451
    At 31 March 2015               25,447
    Depreciation
    At 1 April 2014                 7,647
    Charge for the year             3,788
    At 31 March 2015               11,435
    Net book value
    At 31 March 2015               14,012     25,447 − 11,435
    At 31 March 2014                7,349     14,996 − 7,647 (the opening rows: the day before)

Each dated row of the net book value block is read against the rows of the cost and the
depreciation blocks printed with the same date, in every column where all three hold a figure;
the block's earlier date, printed in neither, is the year's opening (the first dated rows of the
other two blocks), its latest date their closing. Depreciation printed negative is added. A
failing row is an alarm only when another row or column of the same block holds: that confirms
the blocks were read as the note means them.
"""

from __future__ import annotations

import re

from .cells import CellNumber
from .detect import Table
from .judging import Judgement, holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

BOOK_VALUE_READING = "net book value"  # how its checks' readings start

_COST = re.compile(
    r"^(?:(?:at\s+|historical\s+)?cost|gross\s+(?:carrying\s+)?(?:amount|value)|aanschaf(?:fings)?(?:waarde|prijs)|"
    r"verkrijgingsprijs|kostprijs)\b",
    re.IGNORECASE,
)
_DEPRECIATION = re.compile(
    r"^(?:(?:accumulated\s+)?(?:depreciation|amorti[sz]ation)(?:\s+and\s+impairment)?|"
    r"(?:cumulatieve\s+)?afschrijvingen)\b",
    re.IGNORECASE,
)
_BOOK_VALUE = re.compile(
    r"^(?:net\s+book\s+(?:value|amount)|carrying\s+(?:amount|value)|written\s+down\s+value|(?:netto\s+)?boekwaarde)\b",
    re.IGNORECASE,
)
# a dated balance row: "At 31 March 2015", "As at 1 January 2023", "Balance at ...", "Stand per ..."
_DATED = re.compile(r"^(?:as\s+at|at|balance\s+(?:at|as\s+at)|stand\s+per|saldo\s+per|per)\s+(.*?((?:19|20)\d\d))\s*$",
                    re.IGNORECASE)

_Dated = tuple[int, str, int]  # row, date as printed (lower case, one space), year


def _blocks(table: Table) -> dict[str, list[_Dated]]:
    """The dated rows of the cost, depreciation and book value blocks, in order."""
    blocks: dict[str, list[_Dated]] = {"cost": [], "depreciation": [], "book value": []}
    block: str | None = None
    for pos, row in enumerate(table.rows):
        label = clean_label(row.label)
        for name, pattern in (("cost", _COST), ("depreciation", _DEPRECIATION), ("book value", _BOOK_VALUE)):
            if (m := pattern.match(label)) is not None:
                block, label = name, label[m.end():].strip(" :")
                break
        if block is None or not row.cells:
            continue
        if (d := _DATED.match(label)) is not None:
            blocks[block].append((pos, " ".join(d.group(1).lower().split()), int(d.group(2))))
    return blocks


def _match(dated: _Dated, block: list[_Dated], latest: bool) -> int | None:
    """The row of ``block`` with the same date; else its first (opening) or last (closing) row."""
    same = [pos for pos, date, _ in block if date == dated[1]]
    if same:
        return same[-1]
    if len(block) < 2:
        return None
    if latest:
        return block[-1][0] if block[-1][2] == dated[2] else None
    return block[0][0] if block[0][2] in (dated[2], dated[2] + 1) else None


def book_value_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The net book value rows of a note on fixed assets, as cost less depreciation (module doc)."""
    blocks = _blocks(table)
    values = blocks["book value"]
    if not values or not blocks["cost"] or not blocks["depreciation"]:
        return []
    headers = {c.index: c.header for c in table.columns}
    latest = max(year for _, _, year in values)
    found: list[tuple[int, int, int, int, CellNumber, CellNumber, CellNumber, Judgement]] = []
    for dated in values:
        newest = dated[2] == latest
        cost, depreciation = _match(dated, blocks["cost"], newest), _match(dated, blocks["depreciation"], newest)
        if cost is None or depreciation is None:
            continue
        pos = dated[0]
        for col in sorted(table.rows[pos].cells):
            t, a, b = table.amount(pos, col), table.amount(cost, col), table.amount(depreciation, col)
            if t is None or a is None or b is None:
                continue
            sign = 1 if b.value < 0 else -1
            found.append((pos, col, cost, depreciation, t, a, b, judge([(1, a), (sign, b)], t)))
    holding = sum(holds(j.verdict) for *_, j in found)
    out: list[TableCheck] = []
    for pos, col, cost, depreciation, _t, _a, b, j in found:
        doubt = None if holds(j.verdict) or holding else (
            "no other row of the net book value block is its cost less its depreciation")
        sign = 1 if b.value < 0 else -1
        parts = (cell_ref(table, cost, table.rows[cost].cells[col]),
                 cell_ref(table, depreciation, table.rows[depreciation].cells[col], sign))
        reading = (f"{BOOK_VALUE_READING}: the cost ('{clean_label(table.rows[cost].label)}') less the depreciation "
                   f"('{clean_label(table.rows[depreciation].label)}') printed above it")
        out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), headers.get(col, ""),
                              cell_ref(table, pos, table.rows[pos].cells[col]), parts, j, reading, doubt,
                              relation="difference" if sign < 0 else "sum"))
    return out
