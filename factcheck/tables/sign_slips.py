"""A change printed without its minus sign: a slip of the document's, not a misreading of ours.

A change column ("CUMULATIVE DIFFERENCE AMOUNT": one column less another, row by row) whose figure
in one row is the change's exact size with the opposite sign (3,943,366 printed for 33,093,781 less
37,037,147) has lost its brackets or its minus. A reading of the wrong columns does not miss by
exactly twice the printed figure; a sign lost in reading the page does, which is why the column
must show that it prints signs: other rows of it hold, above and below the row or right next to it
(a row apart from them may be of a block that counts the other way round), and one of them at least
prints a negative the way the page does. Then the row is an alarm whatever the shape of its miss (see
tables.slip_evidence), and so is the total over the column's rows that adds up with that row's
sign turned round (its other parts are right; the row it adds is not).
"""

from __future__ import annotations

from dataclasses import replace

from .judging import holds
from .records import TableCheck
from .slip_evidence import SIGN_TURNED

# rows of the change column that hold (with a change that is not nil) before a row whose sign is
# turned round is raised
WITNESSES = 3
_NEGATIVE = ("(", "-", "\u2212", "\u2013")


def _turned(c: TableCheck) -> bool:
    """Does the printed figure hold with its sign turned round: parts that add up to minus it?"""
    return not holds(c.verdict) and c.total.value != 0 and abs(2 * c.total.value - c.difference) <= c.slack


def _amid(c: TableCheck, witnesses: list[TableCheck]) -> bool:
    """Do rows that hold stand both above and below the row, or right next to it? A row apart from
    all of them may belong to another block that counts its change the other way round (the fair
    values of the Public Accounts of Canada: fair less carrying value for the assets above,
    carrying less fair value for the liabilities under them), not to a column that slipped."""
    return amid((c.total.page, c.total.row), [(w.total.page, w.total.row) for w in witnesses])


def amid(where: tuple[int, int], held: list[tuple[int, int]]) -> bool:
    """Is ``where`` (page, row) between places of ``held``, or next to one of them on its page?"""
    return (any(h < where for h in held) and any(h > where for h in held)) or any(
        h[0] == where[0] and abs(h[1] - where[1]) == 1 for h in held)


def _column(c: TableCheck) -> tuple[str, int, int, int]:
    return c.file, c.total.page, c.total.table, c.total.col


def raise_turned_signs(checks: list[TableCheck]) -> list[TableCheck]:
    """``checks`` with each change printed with its sign turned round, and each total that adds up
    with such a row's sign turned, made an alarm (see the module's docstring)."""
    held: dict[tuple[str, int, int, int], list[TableCheck]] = {}
    for c in checks:
        if c.relation == "difference" and holds(c.verdict) and c.total.value != 0:
            held.setdefault(_column(c), []).append(c)
    turned: dict[tuple[int, tuple[float, float, float, float]], str] = {}
    out = list(checks)
    for k, c in enumerate(checks):
        witnesses = held.get(_column(c), [])
        if (c.relation == "difference" and _turned(c) and len(witnesses) >= WITNESSES
                and any(w.total.stated.lstrip().startswith(_NEGATIVE) for w in witnesses)
                and _amid(c, witnesses)):
            turned[(c.total.page, c.total.bbox)] = c.lane_label
            out[k] = replace(c, doubt=None, reading=f"{c.reading}; {SIGN_TURNED}" if c.reading else SIGN_TURNED)
    if not turned:
        return out
    for k, c in enumerate(out):
        if holds(c.verdict) or c.relation != "sum":
            continue
        for p in c.parts:
            row = turned.get((p.page, p.bbox))
            # the sum with this part's sign turned round: the total less the parts' sum moves by
            # twice the part
            if row is not None and abs(c.difference + 2 * p.sign * p.value) <= c.slack:
                note = f"it adds up with the change of '{row}' {SIGN_TURNED}"
                out[k] = replace(c, doubt=None, reading=f"{c.reading}; {note}" if c.reading else note)
                break
    return out
