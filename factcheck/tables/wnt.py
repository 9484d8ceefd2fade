"""The WNT statement: a Dutch public body's pay of its top officials, in the form the law prescribes.

Every body under the Wet normering topinkomens prints, per official, the model table of the
Regeling (one column an official, or one table each)::

    Beloning plus belastbare onkostenvergoedingen        €93.015
    Beloningen betaalbaar op termijn                      €9.275
    Subtotaal                                           €102.290
    Individueel toepasselijke bezoldigingsmaximum       €107.000
    -/- Onverschuldigd betaald en nog niet terugontvangen bedrag   N.v.t.
    Bezoldiging                                         €102.190   <- Subtotaal less the undue payment
    Het bedrag van de overschrijding ...                      €-   <- Bezoldiging less the maximum

The Subtotaal is the sum of the pay's lines above it; the pay under it is not, because the
maximum stands between them and is no part. This module reads the lines the model defines by
name: the Subtotaal is the sum of its components; the pay is the Subtotaal less the amount paid
unduly (nothing when the row is absent or says "n.v.t."), and an excess printed as an amount is the
pay less the maximum. A supervisory official's statement prints no Subtotaal: its first
"Bezoldiging" line takes its place. A severance payment's statement prints "Totaal uitkeringen"
as the payment agreed, the maximum between them. A table the reader split at the maximum (a page
of two tables with the same columns) is read as one.

A line that misses and prints the maximum's figure to the digit has had the maximum copied into
it: that is an alarm whatever the size of the miss (see tables.slip_evidence).
"""

from __future__ import annotations

import re

from .cells import CellNumber
from .detect import Cell, Table
from .judging import holds, judge
from .labels import clean_label, wnt_maximum
from .records import CellRef, TableCheck, cell_ref, make_check
from .slip_evidence import REPEATS_FIGURE

_SUBTOTAL = re.compile(r"subtota(?:al|le bezoldiging)|som bezoldiging", re.IGNORECASE)
# the pay line: "Bezoldiging", "Totale bezoldiging", "Totaal bezoldiging 2019", "Bezoldiging in 2020"
_PAY = re.compile(r"(?:tota(?:al|le)\s+)?bezoldiging(?:\s+(?:in\s+)?(?:19|20)\d\d)?", re.IGNORECASE)
# (a pay statement's maximum; labels.wnt_maximum also takes a severance statement's "Individueel
# toepasselijk maximum", and is what the severance statement and the heads are read with)
_MAXIMUM = re.compile(r"bezoldigingsmaximum|wnt-maximum", re.IGNORECASE)
_UNDUE = re.compile(r"onverschuldigd", re.IGNORECASE)
_EXCESS = re.compile(r"\boverschrijding\b", re.IGNORECASE)
# the pay's components above the Subtotaal, as the model names them
_COMPONENT = re.compile(r"beloning|onkostenvergoeding|betaalbaar\s+op\s+termijn", re.IGNORECASE)
_SUB_READING = "the WNT statement: the Subtotaal is the sum of the pay's components above it"
_AGREED = re.compile(r"^(?:overeengekomen\s+uitkering|uitkering(?:en)?\s+wegens\s+be)", re.IGNORECASE)
_SEVERANCE_TOTAL = re.compile(r"^totaal\s+uitkering", re.IGNORECASE)
_SEVERANCE_READING = ("the WNT statement of a severance payment: the total is the payment agreed, the maximum "
                      "printed between them no part of it")

_READING = "the WNT statement: the pay (Bezoldiging) is the total of its lines above (Subtotaal) less the amount paid unduly"
_EXCESS_READING = "the WNT statement: the excess is the pay (Bezoldiging) less the maximum that applies"

_Row = tuple[Table, int]  # a row of one of the page's tables


def _number(table: Table, pos: int, col: int) -> tuple[Cell, CellNumber] | None:
    number = table.amount(pos, col)
    return None if number is None else (table.rows[pos].cells[col], number)


def _label(row: _Row) -> str:
    return clean_label(row[0].rows[row[1]].label)


def _statements(tables: list[Table]) -> list[list[_Row]]:
    """The page's rows in reading order, a table continued by the next one (same columns, read
    apart at a row the model prints: the maximum, the undue payment, the pay) joined to it."""
    out: list[list[_Row]] = []
    for before, table in zip([None, *tables], tables):
        rows = [(table, p) for p in range(len(table.rows))]
        if (before is not None and len(before.columns) == len(table.columns) and table.rows
                and any(r.search(_label((table, 0))) for r in (_MAXIMUM, _UNDUE, _PAY))):
            out[-1].extend(rows)
        else:
            out.append(rows)
    return out


def _lanes(table: Table) -> dict[int, str]:
    return {c.index: c.header for c in table.columns}


def wnt_checks(tables: list[Table], file: str = "") -> list[TableCheck]:
    """The pay and the excess of every official in the page's WNT statements (see module doc)."""
    out: list[TableCheck] = []
    for rows in _statements(tables):
        out += _severance_checks(rows, file)
        for s, sub in enumerate(rows):
            if not (_SUBTOTAL.fullmatch(_label(sub)) or _pay_above_maximum(rows, s)):
                continue
            undue: _Row | None = None
            maximum = next((r for r in rows[s + 1:s + 4] if _MAXIMUM.search(_label(r))), None)
            out += _subtotal_checks(rows[:s], sub, maximum, file)
            for row in rows[s + 1:]:
                label = _label(row)
                if _PAY.fullmatch(label):
                    out += _pay_checks(sub, undue, row, maximum, file)
                    if maximum is not None:
                        out += _excess_checks(row, maximum, rows, file)
                    break
                if _MAXIMUM.search(label):
                    maximum = row
                elif _UNDUE.search(label):
                    undue = row
                elif any(_number(row[0], row[1], c) for c in row[0].rows[row[1]].cells):
                    break  # an amount the model does not print between them: not its form
    return out


def _copied(stated: CellNumber, maximum: _Row | None, col: int) -> str:
    """The note for a line that misses and prints the maximum's figure to the digit: the maximum
    copied into it (a slip of the form), else nothing."""
    cap = None if maximum is None else _number(maximum[0], maximum[1], col)
    if cap is None or cap[1].value != stated.value or not stated.value:
        return ""
    return f"; {REPEATS_FIGURE} {_label(maximum)!r}"  # type: ignore[arg-type]


def _subtotal_checks(above: list[_Row], sub: _Row, maximum: _Row | None, file: str) -> list[TableCheck]:
    """The Subtotaal as the sum of the pay's components right above it (Beloning plus belastbare
    onkostenvergoedingen, Beloningen betaalbaar op termijn), where two of them are printed."""
    parts: list[_Row] = []
    for row in reversed(above):
        if not _COMPONENT.search(_label(row)) or len(parts) == 3:
            break
        parts.insert(0, row)
    if len(parts) < 2:
        return []
    out: list[TableCheck] = []
    table, pos = sub
    for col, header in sorted(_lanes(table).items()):
        stated = _number(table, pos, col)
        figures = [(row, n) for row in parts if (n := _number(row[0], row[1], col)) is not None]
        if stated is None or stated[1].nil or len(figures) < 2:
            continue
        j = judge([(1, n[1]) for _, n in figures], stated[1])
        note = "" if holds(j.verdict) else _copied(stated[1], maximum, col)
        out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), header,
                              cell_ref(table, pos, stated[0]),
                              tuple(cell_ref(r[0], r[1], n[0]) for r, n in figures), j, _SUB_READING + note, None))
    return out


def _pay_above_maximum(rows: list[_Row], at: int) -> bool:
    """A supervisory official's statement prints no Subtotaal: its first "Bezoldiging" line, then
    the maximum, then the pay line "Bezoldiging" again (the pay less the amount paid unduly)."""
    if not _PAY.fullmatch(_label(rows[at])):
        return False
    after = [_label(r) for r in rows[at + 1:at + 4]]
    return bool(after) and bool(_MAXIMUM.search(after[0])) and any(_PAY.fullmatch(x) for x in after[1:])


def _severance_checks(rows: list[_Row], file: str) -> list[TableCheck]:
    """A severance payment's statement: "Totaal uitkeringen wegens beëindiging dienstverband" is the
    "Overeengekomen uitkeringen" above it, the maximum printed between them no part of it."""
    out: list[TableCheck] = []
    for k, agreed in enumerate(rows):
        if not _AGREED.match(_label(agreed)):
            continue
        between = rows[k + 1:k + 3]
        total = next((r for r in between if _SEVERANCE_TOTAL.match(_label(r))), None)
        maximum = next((r for r in between if wnt_maximum(_label(r))), None)
        if total is None:
            continue
        table, pos = total
        for col, header in sorted(_lanes(table).items()):
            stated, part = _number(table, pos, col), _number(agreed[0], agreed[1], col)
            if stated is None or part is None or stated[1].nil or part[1].nil:
                continue
            j = judge([(1, part[1])], stated[1])
            note = "" if holds(j.verdict) else _copied(stated[1], maximum, col)
            out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), header,
                                  cell_ref(table, pos, stated[0]), (cell_ref(agreed[0], agreed[1], part[0]),), j,
                                  _SEVERANCE_READING + note, None))
    return out


def _pay_checks(sub: _Row, undue: _Row | None, pay: _Row, maximum: _Row | None, file: str) -> list[TableCheck]:
    out: list[TableCheck] = []
    table, pos = pay
    for col, header in sorted(_lanes(table).items()):
        stated, base = _number(table, pos, col), _number(sub[0], sub[1], col)
        if stated is None or base is None or stated[1].nil:
            continue  # (a dash for an official with no pay states nothing)
        parts: list[CellRef] = [cell_ref(sub[0], sub[1], base[0])]
        terms = [(1, base[1])]
        if undue is not None and (less := _number(undue[0], undue[1], col)) is not None and less[1].value:
            parts.append(cell_ref(undue[0], undue[1], less[0], -1))
            terms.append((-1, less[1]))
        j = judge(terms, stated[1])
        total = cell_ref(table, pos, stated[0])
        note = "" if holds(j.verdict) else _copied(stated[1], maximum, col)
        out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), header, total,
                              tuple(parts), j, _READING + note, None))
    return out


def _excess_checks(pay: _Row, maximum: _Row, rows: list[_Row], file: str) -> list[TableCheck]:
    """An excess printed as an amount under the pay: the pay less the maximum (an excess that is
    nil or "n.v.t." states nothing to check)."""
    at = rows.index(pay)
    row = next((r for r in rows[at + 1:at + 3] if _EXCESS.search(_label(r))), None)
    if row is None:
        return []
    out: list[TableCheck] = []
    table, pos = row
    for col, header in sorted(_lanes(table).items()):
        stated, paid, cap = (_number(t, p, col) for t, p in (row, pay, maximum))
        if stated is None or paid is None or cap is None or not stated[1].value or paid[1].value <= cap[1].value:
            continue
        j = judge([(1, paid[1]), (-1, cap[1])], stated[1])
        parts = (cell_ref(pay[0], pay[1], paid[0]), cell_ref(maximum[0], maximum[1], cap[0], -1))
        out.append(make_check(table, file, "row", clean_label(table.rows[pos].label), header,
                              cell_ref(table, pos, stated[0]), parts, j, _EXCESS_READING, None))
    return out
