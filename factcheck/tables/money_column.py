"""One column of amounts among columns of text, closed by a TOTAL line: an asset register.

A register prints each item's description, place, date and custodian in columns of words, and
its value in the one column of money among them, with the words of a row wrapped over several
lines and the value on any of them::

    Ref  Description   Identification   Date       Value       Custodian        Category
    01   Land          Drill Hall       Unknown    £1.00       Parish Council   B
                       Allotments
    02   Gates                          Unknown                New Bradwell     A
                       Drill Hall                  £2,800.00   Parish Council
    ...
                       TOTAL                       £35,302.00

The table finder reads figures at the ends of lines, so it finds no table here. This reader
starts from a line that opens with a total word and holds one amount with a currency sign, and
collects the amounts standing in that amount's column above it, line by line, up to the
column's header word, an earlier total line or a wide gap. They count as the total's parts
only when there are two at least and each prints the total's currency sign, but for nil ones
("0", "-"): then they make a table of one column, which is checked like any other.
"""

from __future__ import annotations

import re

from .cells import DecimalSep, parse_cell
from .detect import Cell, Column, Line, Row, Table, Token
from .scale import find_scale
from .settings import DEFAULT_SETTINGS, TableSettings

_TOTAL_OPENS = re.compile(r"^(?:(?:sub[-\s]?|grand\s+)?tota(?:al|l|ls|le)|som)\b", re.IGNORECASE)
_MONEY = re.compile(r"^[(\-\u2212]?([£$€])\s?\d[\d.,]*\)?$")
_NIL = re.compile(r"^(?:0|0[.,]00|[-\u2013\u2014])$")
# the tolerances (row gap, overlap, least amounts) are TableSettings' register_* fields


def _over(t: Token, x0: float, x1: float, share: float) -> bool:
    """Does the token stand in the column [x0, x1]: more than ``share`` of the narrower one overlaps?"""
    overlap = min(t.x1, x1) - max(t.x0, x0)
    return overlap > share * min(t.x1 - t.x0, x1 - x0)


def _decimal_sep(texts: list[str]) -> DecimalSep:
    """"£2,800.00" or "€ 1.214,00": the separator before the last one or two digits."""
    for text in texts:
        m = re.search(r"([.,])\d{1,2}\)?$", text)
        if m:
            return "." if m.group(1) == "." else ","
    return "."


def money_column_tables(lines: list[Line], page: int, first_index: int, taken: set[tuple[float, float]],
                        settings: TableSettings = DEFAULT_SETTINGS) -> list[Table]:
    """The tables of one money column closed by a total line (module doc), on a page's lines.
    ``taken``: (x0, top) of figures other tables of the page hold already; ``settings``: the
    register_* tolerances (tables.settings)."""
    out: list[Table] = []
    for k, ln in enumerate(lines):
        words = [t for t in ln.tokens if not t.small]
        if len(words) < 2 or not _TOTAL_OPENS.match(words[0].text):
            continue
        amounts = [t for t in words if any(ch.isdigit() for ch in t.text)]
        if len(amounts) != 1 or not (m := _MONEY.match(amounts[0].text)) or amounts[0] is not words[-1]:
            continue
        total, sign = amounts[0], m.group(1)
        if (total.x0, total.top) in taken:
            continue
        x0, x1 = total.x0, total.x1
        parts: list[tuple[Line, Token]] = []
        below = ln
        for above in reversed(lines[:k]):
            if below.top - above.bottom > settings.register_row_gap * ln.size or _TOTAL_OPENS.match(above.text):
                break
            inside = [t for t in above.tokens if _over(t, x0, x1, settings.register_overlap)]
            below = above
            if not inside:
                continue
            if len(inside) > 1 or not (_MONEY.match(inside[0].text) or _NIL.match(inside[0].text)):
                break  # the column's header ("Value"), or something else in the column: the end
            parts.append((above, inside[0]))
        parts.reverse()
        signs = [m.group(1) for _, t in parts if (m := _MONEY.match(t.text))]
        if len(parts) < settings.register_parts or not signs or any(s != sign for s in signs):
            continue
        if any((t.x0, t.top) in taken for _, t in parts) or find_scale([above.text for above, _ in parts]):
            continue
        dsep = _decimal_sep([t.text for _, t in parts] + [total.text])
        rows: list[Row] = []
        for above, t in parts + [(ln, total)]:
            number = parse_cell(t.text, dsep)
            if number is None:
                break
            label = " ".join(w.text for w in above.tokens if w.x1 <= x0 and not w.small)
            rows.append(Row(label, {0: Cell(t.text, number, 0, (t.x0, t.top, t.x1, t.bottom))}, above.top, above.bottom))
        else:
            top = rows[0].top
            out.append(Table(page, first_index + len(out), None, None, [Column(0, x0, x1, "")], rows, "", dsep,
                             (min(t.x0 for _, t in parts), top, x1, ln.bottom), size=ln.size))
    return out
