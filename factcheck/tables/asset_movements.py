"""The movement schedule of fixed assets in Dutch accounts (RJ; DigiMV's "Mutatieoverzicht").

Every care institution's annual accounts print it in one model, a column an asset class and a
Totaal column::

    Stand per 1 januari 2020 - aanschafwaarde          560.484     A0
    - cumulatieve afschrijvingen                        268.464     B0
    Boekwaarde per 1 januari 2020                       292.020     C0
    Mutaties in het boekjaar - investeringen             65.775
    - afschrijvingen                                     64.273
    - terugname geheel afgeschreven activa .aanschafwaarde 43.889
    .cumulatieve afschrijvingen                          43.889
    - desinvesteringen aanschafwaarde / cumulatieve afschrijvingen / per saldo
    Mutaties in boekwaarde (per saldo)                    1.502     M
    Stand per 31 december 2020 - aanschafwaarde         582.370     A0 + investeringen − terugname − desinvesteringen
    - cumulatieve afschrijvingen                        288.848     B0 + afschrijvingen − terugname − desinvesteringen
    Boekwaarde per 31 december 2020                     293.522     C0 + M

The labels say what each row does to the cost (aanschafwaarde), to the accumulated depreciation
(cumulatieve afschrijvingen) and to the book value, so the closing rows are read by them: a
movement printed as a positive amount enters with the sign its words give it, one printed negative
carries its own. A row the model does not name with a figure other than nil in a column
(an "activering" moving assets under construction to another class) leaves that column's cost
and depreciation unread. A reading counts when it holds in three quarters of the columns where it
is read; then a column where it misses is a mismatch (an alarm only with a slip's shape, like every
other); a column alone confirms itself and says nothing when it misses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .detect import Cell, Table
from .judging import Judgement, holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

_COST = re.compile(r"aanschaf\w*", re.IGNORECASE)
_DEPRECIATION = re.compile(r"cumulatieve\s+afschrijving", re.IGNORECASE)
_BOOK = re.compile(r"^boekwaarde\s+per\b", re.IGNORECASE)
_MUTATIONS = re.compile(r"^mutaties\s+in\s+(?:de\s+)?boekwaarde", re.IGNORECASE)
_OPENING = re.compile(r"\b(?:1\s+januari|begin)", re.IGNORECASE)
_REVALUATION = re.compile(r"herwaardering", re.IGNORECASE)
_READING = "the fixed assets' movement schedule: the opening balance and the year's movements its rows name"
# (the closing book value's reading, which gives way to its cost less its depreciation where that holds)
BOOK_READING = "the fixed assets' movement schedule: the opening book value and the year's net movements"
MIN_SHARE = (3, 4)


@dataclass(frozen=True, slots=True)
class _Move:
    """What a movement row does: its sign on the cost, the depreciation and the book value."""

    cost: int
    depreciation: int
    book: int


def _move(label: str, after: str) -> _Move | None:
    """The row's effect by its words; ``after``: the movement the row before named (a
    "cumulatieve afschrijvingen" row under "desinvesteringen aanschafwaarde" is the disposal's)."""
    text = label.lower()
    if "terugname" in text and "waardevermindering" in text:
        return _Move(0, -1, 1)
    if "waardevermindering" in text:
        return _Move(0, 1, -1)
    if "desinvestering" in text or "terugname" in text:
        return _Move(-1, 0, 0) if _COST.search(text) else _Move(0, -1, 0) if _DEPRECIATION.search(text) else None
    if "investering" in text:
        return _Move(1, 0, 1)
    if after and _DEPRECIATION.search(text):
        return _Move(0, -1, 0)  # the disposal's or the write-off's depreciation
    if after and "per saldo" in text:
        return _Move(0, 0, -1) if after == "desinvestering" else _Move(0, 0, 0)
    if after and _REVALUATION.search(text):
        return _Move(0, 0, 0)
    if re.match(r"^afschrijving", text):
        return _Move(0, 1, -1)
    return None


def _figure(table: Table, pos: int, col: int) -> Cell | None:
    return table.rows[pos].cells[col] if table.amount(pos, col) is not None else None


def asset_movement_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The closing cost, depreciation and book value of a fixed assets' movement schedule, and its
    movements' net effect, read from the opening rows and the movements (module doc)."""
    labels = [clean_label(r.label).lstrip("-. ").strip() for r in table.rows]
    opening = next((p for p, lab in enumerate(labels) if _OPENING.search(lab) and _COST.search(lab)), None)
    mutations = next((p for p, lab in enumerate(labels) if _MUTATIONS.match(lab)), None)
    if opening is None or mutations is None or not opening < mutations:
        return []
    rows = _rows(labels, opening, mutations)
    if rows is None:
        return []
    a0, b0, c0, a1, b1, c1, moves = rows
    targets = [(c1, [(c0, 1), (mutations, 1)], None), (a1, [(a0, 1)], "cost"), (b1, [(b0, 1)], "depreciation"),
               (mutations, [], "book")]
    headers = {c.index: c.header for c in table.columns}
    out: list[TableCheck] = []
    for target, base, effect in targets:
        lanes: list[tuple[int, list[tuple[int, Cell, int]], Judgement]] = []
        for col in headers:
            got = _lane(table, col, target, base, effect, moves)
            if got is not None:
                lanes.append((col, *got))
        fits = sum(holds(j.verdict) for *_, j in lanes)
        agreed = fits >= 2 and fits * MIN_SHARE[1] >= MIN_SHARE[0] * len(lanes)
        for col, parts, j in lanes:
            if not holds(j.verdict) and not agreed:
                continue
            refs = tuple(cell_ref(table, p, cell, sign) for p, cell, sign in parts)
            total = cell_ref(table, target, table.rows[target].cells[col])
            out.append(make_check(table, file, "row", clean_label(table.rows[target].label), headers[col], total, refs, j,
                                  BOOK_READING if target == c1 else _READING, None))
    return out


def _rows(labels: list[str], opening: int, mutations: int
          ) -> tuple[int, int, int, int, int, int, list[tuple[int, _Move | None]]] | None:
    """The opening and closing rows of cost, depreciation and book value, and the movements."""
    def after(start: int, pattern: re.Pattern[str]) -> int | None:
        return next((p for p in range(start, min(start + 3, len(labels))) if pattern.search(labels[p])), None)

    b0, c0 = after(opening + 1, _DEPRECIATION), after(opening + 1, _BOOK)
    a1 = after(mutations + 1, _COST)
    b1 = after(a1 + 1, _DEPRECIATION) if a1 is not None else None
    c1 = after(a1 + 1, _BOOK) if a1 is not None else None
    if b0 is None or c0 is None or a1 is None or b1 is None or c1 is None:
        return None
    moves: list[tuple[int, _Move | None]] = []
    last = ""
    for p in range(c0 + 1, mutations):
        move = _move(labels[p], last)
        text = labels[p].lower()
        last = "desinvestering" if "desinvestering" in text else "terugname" if "terugname" in text else last
        moves.append((p, move))
    return opening, b0, c0, a1, b1, c1, moves


def _lane(table: Table, col: int, target: int, base: list[tuple[int, int]], effect: str | None,
          moves: list[tuple[int, _Move | None]]) -> tuple[list[tuple[int, Cell, int]], Judgement] | None:
    """The figures one column's reading takes, each with its sign, and its judgement; None when the
    column cannot be read. The opening balance enters as printed; a movement printed as a positive
    amount with the sign its words give it, one printed negative with its own."""
    stated = _figure(table, target, col)
    if stated is None:
        return None
    parts: list[tuple[int, Cell, int]] = []
    for p, sign in base:
        cell = _figure(table, p, col)
        if cell is None:
            return None
        parts.append((p, cell, sign))
    if effect is not None:
        for p, move in moves:
            cell = _figure(table, p, col)
            if cell is None or cell.number is None or cell.number.value == 0:
                continue
            if move is None:
                return None  # a movement the model does not name ("activering"): not read here
            if getattr(move, effect):
                parts.append((p, cell, getattr(move, effect) if cell.number.value > 0 else 1))
        if not parts:
            return None
    assert stated.number is not None
    return parts, judge([(sign, cell.number) for _, cell, sign in parts if cell.number is not None], stated.number)
