"""Rows whose codes nest: the group heads and block totals of budget books numbered by hierarchy.

Detailed estimates of South Asian budgets (and many others: Dutch "artikel 1.2.3", chart-of-account
listings) print an economic or functional code before each row's label, and the code's length gives
the level: "A01 Employees Related Expenses" over "A011 Pay" over "A011-1 Pay of Officers". A row
whose code is a strict prefix of the codes of the rows right below it (separators left out) heads
them, and its amount is the sum of its direct children: the rows under it that no other row under
it heads. The details under the lowest heads are often printed in brackets as "of which" items;
whether the brackets mean that or a deduction is decided by the heads: the reading under which a
head adds up is taken, and a head that adds up under neither is left as a doubt.

The book then closes each block with a total line: "Total- NAME" adds the top-level rows of its
block, and a total that carries a code ("011102 Total- Federal Executive") adds the totals of the
blocks within it (block totals, and coded totals whose codes extend its own). An uncoded total
after totals adds the run of totals of one kind before it ("Total- ACCOUNTANT GENERAL" over the
functional totals, "TOTAL - DEMAND" over the accountants' totals).

Nothing here raises an alarm without evidence: a head or total that does not add up is an alarm
only where the same sum holds in another column of the row and the table's tree holds nearly
everywhere else; otherwise a figure the page leaves out or a row read wrongly is the likelier
cause, and it is written with its doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .cells import CellNumber
from .detect import Table
from .judging import Judgement, holds, judge
from .records import CellRef, TableCheck, cell_ref, make_check

# a code: up to three letters, then a digit, then letters and digits with optional separators
# ("A011-1", "ID0056", "011102-", "1.2.3", "4.1a")
_CODE = re.compile(r"^[A-Za-z]{0,3}\d[A-Za-z0-9]*(?:[-./][A-Za-z0-9]+)*[-./]?$")
_SEPARATORS = re.compile(r"[-./]")
_WORD = re.compile(r"[A-Za-z]{2,}")
_TOTAL_WORD = re.compile(r"^(?:sub[-\s]?|grand\s+)?tota(?:al|l|ls|le)\b", re.IGNORECASE)
_MIN_ITEMS = 6  # coded rows with figures before a table is read as a code tree
_MIN_HEADS = 2  # rows that head others
_SETTLED = 5  # heads and totals that must hold before one that fails may be an alarm
_SETTLED_SHARE = Fraction(4, 5)

_ITEM, _HEADER, _CTOTAL, _TOTAL, _OTHER, _BLANK = "item", "header", "ctotal", "total", "other", "blank"


@dataclass(frozen=True, slots=True)
class _Row:
    pos: int
    kind: str
    key: str  # the code without separators, upper case; "" for no code
    code: str  # the code as printed


def _code_run(tokens: Sequence[str]) -> tuple[str, int] | None:
    """The code a label carries and where its words start: the last run of code tokens followed by
    a word (a label joined with the lines above it ends with the row's own code and words)."""
    found = None
    k = 0
    while k < len(tokens):
        if not _CODE.match(tokens[k]):
            k += 1
            continue
        start = k
        while k < len(tokens) and _CODE.match(tokens[k]):
            k += 1
        if k < len(tokens) and _WORD.search(tokens[k]):
            found = (" ".join(tokens[start:k]), k)
    return found


def _key(code: str) -> str:
    return _SEPARATORS.sub("", code.replace(" ", "")).upper()


def _under(key: str, head: str) -> bool:
    """Is ``key`` a code below ``head`` (``head`` a strict prefix of it)?"""
    return len(key) > len(head) and key.startswith(head)


def _read_rows(table: Table) -> list[_Row]:
    rows = []
    for pos, row in enumerate(table.rows):
        figures = any(c.number is not None for c in row.cells.values())
        tokens = row.label.split()
        # "Total 2 Consultants" closes the group "2 Consultants": a total, whatever its number
        run = None if _TOTAL_WORD.match(row.label.strip()) else _code_run(tokens)
        if run is not None:
            code, at = run
            # (the words of a wrapped label above may come between: "01 Elsewhere Defined Total- ...")
            total = any(_TOTAL_WORD.match(t) for t in tokens[at:])
            kind = (_CTOTAL if total else _ITEM) if figures else _HEADER
            rows.append(_Row(pos, kind, _key(code), code))
        elif _TOTAL_WORD.match(row.label.strip()):
            rows.append(_Row(pos, _TOTAL if figures else _BLANK, "", ""))
        else:
            rows.append(_Row(pos, _OTHER if figures else _BLANK, "", ""))
    return rows


def _children(rows: list[_Row], at: int) -> list[_Row] | None:
    """The direct children of the item at ``at``: the items right below it whose codes extend its
    own, without those another of them heads; ``None`` when a heading without figures is among
    them (its children's sum is not printed)."""
    head = rows[at]
    inside: list[_Row] = []
    for r in rows[at + 1:]:
        if r.kind == _BLANK:
            continue
        if r.kind not in (_ITEM, _HEADER) or not _under(r.key, head.key):
            break
        if r.kind == _HEADER:
            return None
        inside.append(r)
    return [r for r in inside if not any(_under(r.key, o.key) for o in inside if o is not r)]


def _groups(rows: list[_Row]) -> list[tuple[_Row, list[_Row], str, bool]]:
    """Each total line with the rows it adds: read top to bottom, every total takes the run of
    open rows or totals before it that it closes, and stands for them from then on."""
    out: list[tuple[_Row, list[_Row], str, bool]] = []
    stack: list[tuple[_Row, int]] = []  # open parts and their rank: 0 rows, 1 block totals, 2 coded totals, 3+ above
    chain: list[str] = []  # the codes of the items above the current one that may head it
    for r in rows:
        if r.kind == _BLANK:
            continue
        if r.kind == _ITEM:
            while chain and not _under(r.key, chain[-1]):
                chain.pop()
            if not chain:
                stack.append((r, 0))
            chain.append(r.key)
            continue
        chain = []
        if r.kind == _HEADER:
            continue
        if r.kind == _OTHER:
            stack = []
            continue
        parts: list[tuple[_Row, int]] = []
        if r.kind == _CTOTAL:
            while stack:
                part, rank = stack[-1]
                if not (rank == 1 or (rank in (0, 2) and _under(part.key, r.key))):
                    break
                parts.append(stack.pop())
            rank, reading = 2, "the block totals and coded totals within its code"
        else:
            top = stack[-1][1] if stack else -1
            while stack and stack[-1][1] == top:
                parts.append(stack.pop())
            rank = top + 1
            reading = "the top-level rows of its block" if top == 0 else "the totals of its blocks"
        if parts:
            # a run that reaches the top of the table may have begun before it (an earlier page)
            out.append((r, [p for p, _ in reversed(parts)], reading, not stack))
            stack.append((r, rank))
    return out


def _heads(rows: list[_Row]) -> list[tuple[_Row, list[_Row]]]:
    out = []
    for at, r in enumerate(rows):
        if r.kind != _ITEM:
            continue
        kids = _children(rows, at)
        if kids:
            out.append((r, kids))
    return out


def with_code_tree(table: Table, file: str, checks: list[TableCheck]) -> list[TableCheck]:
    """``checks`` of ``table`` with the reading of its code tree, where its rows carry nesting codes:
    a head or total that adds up replaces every other reading of its figure, one that does not
    goes only where nothing else checked it; and in a tree that holds, a row whose code heads
    nothing is no total, so another reading of it as one is dropped."""
    tree, leaves = _tree_checks(table, file)
    if not tree:
        return checks
    key = lambda c: (c.total.page, c.total.bbox)  # noqa: E731
    held = {key(c) for c in tree if holds(c.verdict)}
    checked = {key(c) for c in checks}
    at_leaf = {(c.page, c.bbox) for c in leaves}
    coded = {(r.page, r.bbox) for c in tree for r in (c.total, *c.parts)} | at_leaf
    # (a leaf's own lines without codes, "of which" rows under it, may still add up to it)
    kept = [c for c in checks if key(c) not in held and not (
        key(c) in at_leaf and c.orientation == "row" and c.relation in ("sum", "difference")
        and all((p.page, p.bbox) in coded for p in c.parts))]
    return kept + [c for c in tree if key(c) in held or key(c) not in checked]


def _tree_checks(table: Table, file: str) -> tuple[list[TableCheck], list[CellRef]]:
    """The checks of the heads and block totals, and the figures of the rows that head nothing
    (when the tree holds), of a table whose rows carry nesting codes; nothing for any other."""
    if table.coded or table.scored:
        return [], []
    rows = _read_rows(table)
    items = [r for r in rows if r.kind == _ITEM]
    heads = _heads(rows)
    figure_rows = [r for r in rows if r.kind in (_ITEM, _OTHER)]
    if (len(items) < _MIN_ITEMS or len(heads) < _MIN_HEADS or 3 * len(items) < 2 * len(figure_rows)
            or len({len(r.key) for r in items}) < 2):
        return [], []
    sums = [(h, kids, "the rows its code heads", False) for h, kids in heads] + _groups(rows)
    judged = [(total, kids, reading, top, _judged(table, total, kids)) for total, kids, reading, top in sums]
    # the codes are a tree only where their heads add up: numbered sections ("1 EXPENSES") over
    # four-digit accounts ("1650 PEO Employee Deposit") share a first digit by chance
    tried = [by_lane for _t, _k, _r, _top, by_lane in judged[:len(heads)] if by_lane]
    holding = sum(any(holds(j.verdict) for j, _refs, _w in by_lane.values()) for by_lane in tried)
    if holding < _MIN_HEADS or 2 * holding <= len(tried):
        return [], []
    # (the lanes of totals whose run reaches the top of the table are no evidence either way)
    lanes = [j for *_, top, by_lane in judged if not top for j, _refs, _w in by_lane.values()]
    held = sum(holds(j.verdict) for j in lanes)
    settled = held >= _SETTLED and held >= _SETTLED_SHARE * len(lanes)
    pages = tuple(sorted({r.origin[0] for r in table.rows if r.origin is not None}))
    open_rows = _open_rows(table, rows)
    checks = []
    for total, kids, reading, top, by_lane in judged:
        for lane, (j, refs, which) in sorted(by_lane.items()):
            doubt = None
            if not holds(j.verdict):
                if open_rows & {total.pos, *(k.pos for k in kids)}:
                    continue  # its parts may go on over the page break: nothing to say
                # the evidence of an error: the same parts, printed in another column, add up there
                printed = {(r.page, r.table, r.row) for r in refs}
                held_elsewhere = any(holds(o.verdict) and {(r.page, r.table, r.row) for r in orefs} == printed
                                     for other, (o, orefs, _w) in by_lane.items() if other != lane)
                if top or not (settled and held_elsewhere):
                    doubt = (f"{total.code or 'the total'} does not add up from the rows its code and place "
                             "say it closes (figures in brackets tried as details and as deductions): a row the "
                             "page leaves out or read wrongly is more likely than an error")
            tcell = table.rows[total.pos].cells[lane]
            checks.append(make_check(
                table, file, "row", table.rows[total.pos].label,
                table.columns[lane].header if lane < len(table.columns) else "",
                cell_ref(table, total.pos, tcell), refs, j, f"{reading}{which}", doubt,
                pages if len(pages) > 1 else ()))
    leaves: list[CellRef] = []
    if settled:
        headed = {h.pos for h, _kids in heads}
        last = max((r.pos for r in items), default=-1)
        leaves = [cell_ref(table, r.pos, c) for r in items if r.pos not in headed and r.pos != last
                  for c in table.rows[r.pos].cells.values() if c.number is not None]
    return checks, leaves


def _open_rows(table: Table, rows: list[_Row]) -> set[int]:
    """The first and last coded rows of a table that starts or ends at a page break: a head there
    may have children, and a total parts, on the other page."""
    coded = [r.pos for r in rows if r.kind in (_ITEM, _CTOTAL, _TOTAL)]
    out = set()
    if coded and table.starts_page:
        out.add(coded[0])
    if coded and table.ends_page:
        out.add(coded[-1])
    return out


_Lane = tuple[Judgement, tuple[CellRef, ...], str]


def _judged(table: Table, total: _Row, parts: list[_Row]) -> dict[int, _Lane]:
    """Per column: the judgement, the parts' figures and the reading of the bracketed lines. A
    bracketed part is tried as an "of which" detail (added) and as printed, a deduction; the
    reading under which the row holds in more columns is taken (the first on a tie)."""
    readings: list[dict[int, _Lane]] = []
    for of_which in (True, False):
        by_lane: dict[int, _Lane] = {}
        flipped = False
        for lane, tcell in table.rows[total.pos].cells.items():
            if tcell.number is None:
                continue
            refs: list[CellRef] = []
            numbers: list[tuple[int, CellNumber]] = []
            here = False
            for p in parts:
                cell = table.rows[p.pos].cells.get(lane)
                if cell is None or cell.number is None:
                    continue
                # (a detail printed in brackets is read negative: taken off, it is added)
                sign = -1 if of_which and cell.number.value < 0 else 1
                here = here or sign < 0
                refs.append(cell_ref(table, p.pos, cell, sign))
                numbers.append((sign, cell.number))
            flipped = flipped or here
            if refs:
                which = " (the bracketed lines as details it holds, not deductions)" if here else ""
                by_lane[lane] = (judge(numbers, tcell.number), tuple(refs), which)
        readings.append(by_lane)
        if not flipped:
            break  # no figure printed negative: one reading only
    return max(readings, key=lambda by: sum(holds(j.verdict) for j, _r, _w in by.values()))
