"""Group heads found from the arithmetic: a row whose amount is the sum of the rows right below it.

Budget schedules print a group's amount on its heading line and the items under it, with no word
such as Totaal ("NATIONAL PENSION COMMISSION 427,039,429,838" over five numbered items), and the
groups may nest ("TOTAL ALLOCATION:" over the group heads). Nothing in the labels says which rows
are heads, so the figures decide: reading the column from the bottom up, a row is a head when it
equals the sum of the two or more units right below it (items, or heads with their items), and
then stands for them as one unit. A heading over one item repeats that item's long figure exactly.
The mirror image is read too, top-down: a row that closes the units right above it is a subtotal
printed without the word ("Begrotingstekort voor ESR-correcties" under its three rows).

Small figures add up by chance all the time (3 = 1 + 2), long ones almost never: a head is taken
only when its figure has four significant digits or more and the rows below add up to it, exactly
or within their rounding. The same heads are then judged in the table's other columns: a column where a head that
holds in three columns or more (three quarters of them) does not add up is a disagreement worth an
alarm; with less support that column is left unchecked. A head that adds up in fewer than half the columns
where it could is a coincidence and not reported at all, so this reading adds checks, and alarms
only where the table's own structure is clear. Where such a clear group prints one part only in a column
(the others blank), the head's figure is checked against it there, and reported only when it holds.

Statistical tables also show their groups by indentation (an IMF table's "Domestic revenues 109.0"
set in under "Revenues and grants", with "Tax revenues" and "Nontax revenues" set in under it): the
rows set in right under a row with figures, at the first level in, are its items, read with short
figures too, where they add up in a column with two parts other than zero, and before the groups
found from the arithmetic. A row that is nil wherever such a group adds up was never shown to be a
part, so a column where it prints a figure and the group misses raises no alarm; a column where a
part prints "…" (not available) is not judged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .cells import CellNumber, long_figure
from .detect import Table
from .items import code_columns, distribution, year_columns
from .judging import TENS_DOUBT, Judgement, holds, judge, tens_explain
from .labels import deducts, is_cost, numbering, part_time_factor, row_kind, wnt_maximum
from .records import TableCheck, cell_ref, make_check

# A share of the row above printed under it, in the words that never name a part of the table's
# own sum ("Waarvan ten gunste komt van fondsen" can be one, in a reserve's movements)
_OF_WHICH_ROW = re.compile(r"^(?:of which|o/w)\b", re.IGNORECASE)

MIN_PARTS = 2
MAX_PARTS = 60  # a group longer than this is not looked for (the search is quadratic)
# labels set in by less than this share of the body's font size stand at the same level
INDENT_STEP = 0.3
MAX_LEVELS = 4  # more steps of indentation than this (and than half the rows): labels not set flush left
# "…", "...": a figure not available (IMF tables), no zero
_NOT_AVAILABLE = re.compile(r"\u2026|\.{3}|n\.?a\.?", re.IGNORECASE)
_CLOSING = ("total", "grand", "sub")
_READING = "the rows right below it, which add up to it (a group's amount printed on its heading line)"
_FOOT_READING = "the rows right above it, which add up to it (a subtotal without the word total)"


def _amounts(table: Table, lane: int, shares: Sequence[bool]) -> list[CellNumber | None]:
    """Each row's amount in the lane (None: no figure, a percentage, or a row of shares)."""
    out: list[CellNumber | None] = []
    for row, share in zip(table.rows, shares):
        if share:
            out.append(None)  # the row above as shares of its total, no amounts
            continue
        cell = row.cells.get(lane)
        n = cell.number if cell is not None else None
        out.append(None if n is None or n.percent or part_time_factor(row.label) or wnt_maximum(row.label) else n)
    return out


@dataclass(frozen=True, slots=True)
class _Labels:
    """What each row's label says, read once per table (the head search asks for every pair)."""

    signs: tuple[int, ...]  # -1 for a deduction row ("Less: ..."), taken off when printed positive
    levels: tuple[str | None, ...]  # numbering: "roman" (II.), "letter" (a.), "digit" (3.) or None
    nets: tuple[bool, ...]  # a balance ("I. Exploitatiesaldo"), over "a. Ontvangsten" and "b. Uitgaven"
    costs: tuple[bool, ...]  # names spending ("b. Uitgaven"), taken off under a balance
    # "o/w Subsidies", "waarvan …": a share of the row above printed beside it, never a unit of a
    # group (counted, it would stand between a head's parts and break the run) nor a head; so is
    # the row above as shares of its total ("100.0  8.5  8.8 …")
    memos: tuple[bool, ...]

    @classmethod
    def of(cls, table: Table, shares: Sequence[bool]) -> _Labels:
        labels = [row.label for row in table.rows]
        return cls(tuple(-1 if deducts(label) else 1 for label in labels), tuple(numbering(x) for x in labels),
                   tuple(row_kind(x) == "saldo" for x in labels), tuple(is_cost(x) for x in labels),
                   tuple(bool(_OF_WHICH_ROW.match(row.label.strip())) or share for row, share in zip(table.rows, shares)))

    def outline_head(self, pos: int) -> bool:
        """Is the row numbered as a heading over the rows right below it ("III. Veiligheid" over
        "h. Veiligheid")? Then its short figures are read as a head's too: the numbering says
        what adds up, not chance."""
        return self.levels[pos] == "roman" and pos + 1 < len(self.levels) and self.levels[pos + 1] in ("letter", "digit")

    def sign(self, head: int, part: int) -> int:
        """The sign a row enters its head with: under a balance, a row of spending is taken off."""
        return -1 if self.nets[head] and self.costs[part] else self.signs[part]


def _signed(sign: int, n: CellNumber) -> int:
    return sign if n.value > 0 else 1


def _run_to(pos: int, units: list[int], table: Table, amounts: list[CellNumber | None], labels: _Labels,
            value: list[int | None], halves: list[int | None], feet: bool) -> int | None:
    """How many of the units nearest ``pos`` its figure adds up (the longest run), or None."""
    n = amounts[pos]
    assert n is not None
    n_value, n_half = value[pos], halves[pos]
    assert n_value is not None and n_half is not None
    best = None
    total = half = 0  # times den (see _groups_in_lane)
    nonzero = 0
    level = labels.levels[pos]
    closed = False
    for k, u in enumerate(units[:MAX_PARTS], 1):
        if level is not None and labels.levels[u] == level:
            break  # "II." is the sibling of "I.", never its part
        if closed:
            break  # a total row closes the rows above it: the rows past it are no items of this heading
        closed = not feet and row_kind(table.rows[u].label) in _CLOSING
        un, u_value, u_half = amounts[u], value[u], halves[u]
        assert un is not None and u_value is not None and u_half is not None
        total += _signed(labels.sign(pos, u), un) * u_value
        half += n_half if un.nil else u_half
        nonzero += 0 if un.nil or un.value == 0 else 1
        if abs(n_value - total) > half + n_half:
            continue
        if nonzero < MIN_PARTS:
            # a heading over a single item repeats its long figure exactly, and an
            # unlabelled line under one item is its subtotal line (a balance sheet's group
            # of one); a labelled row that repeats the one above is neither
            single = table.rows[pos].label.strip() == "" if feet else all(
                table.rows[x].label.strip() for x in units[:k]) and row_kind(table.rows[pos].label) not in _CLOSING
            # (a row labelled Subtotaal closes the rows above it: the figure of the one row under it
            # repeated there is a copy, maybe a wrong one, no heading)
            if nonzero == 1 and total == n_value and single:
                best = k
            continue
        parts = [(_signed(labels.sign(pos, x), amounts[x]), amounts[x]) for x in units[:k]]  # type: ignore[arg-type]
        if holds(judge(parts, n).verdict):  # type: ignore[arg-type]
            best = k  # the longest run that adds up: zero rows at its end belong to it
    return best


def _groups_in_lane(table: Table, amounts: list[CellNumber | None], labels: _Labels,
                    feet: bool = False) -> dict[int, tuple[int, ...]]:
    """Head row -> the rows (units) it adds, found bottom-up in one column; with ``feet``, the
    rows that close the units right above them instead, found top-down."""
    groups: dict[int, tuple[int, ...]] = {}
    units: list[int] = []  # rows standing for themselves (or for their group), nearest first
    order = range(len(table.rows)) if feet else range(len(table.rows) - 1, -1, -1)
    # Each amount and half-unit as a whole multiple of one common unit 1/den: the running sums
    # below are then exact integer work (the Fractions they stand for, times den) instead of
    # several Fractions made for every pair of rows.
    den = 1
    for a in amounts:
        if a is not None:
            den = math.lcm(den, a.value.denominator, a.half.denominator)
    value = [None if a is None else a.value.numerator * (den // a.value.denominator) for a in amounts]
    halves = [None if a is None else a.half.numerator * (den // a.half.denominator) for a in amounts]
    for pos in order:
        n = amounts[pos]
        if labels.memos[pos]:
            continue
        if n is None:
            if table.rows[pos].cells:
                units = []  # a row with figures of another kind breaks the run
            continue
        best = None
        if not n.nil and n.value != 0 and (long_figure(n) or labels.outline_head(pos)):
            best = _run_to(pos, units, table, amounts, labels, value, halves, feet)
            singles = [u for u in units[:MAX_PARTS] if len(groups.get(u, ())) == 1]
            if best is None and singles:
                # a row read as the heading of the one item under it because the two print the
                # same figure ("Human rights and democracy 1 362 000 000" over "Civil society
                # organisations 1 362 000 000") may be two items of the group above: read so
                # when that is what makes the group above add up
                opened = [x for u in units for x in ((u, *groups[u]) if u in singles else (u,))]
                best = _run_to(pos, opened, table, amounts, labels, value, halves, feet)
                if best is not None:
                    for u in singles:
                        if u in opened[:best]:
                            del groups[u]
                    units = opened
        if best is not None:
            run = units[:best]
            groups[pos] = tuple(reversed(run)) if feet else tuple(run)
            units = [pos] + units[best:]
        else:
            units.insert(0, pos)
    return groups


def _indented_groups(table: Table, labels: _Labels) -> dict[int, tuple[int, ...]]:
    """Head row -> its items, as the labels' indentation shows them: the rows set in deeper right
    under a row with figures, up to the next row set no deeper than it, and of those the ones at
    the first level in (the deeper ones are their own items' items). "Of which" rows are no items;
    a heading among the items (a row without figures) leaves the group unread."""
    rows = table.rows
    tol = INDENT_STEP * (table.size or 10)
    groups: dict[int, tuple[int, ...]] = {}
    # labels set flush left at a few steps; labels set flush right (or centred) start wherever
    # their length puts them, and say nothing of a hierarchy
    starts = sorted(r.indent for r in rows if r.indent is not None and r.cells)
    levels = [x for k, x in enumerate(starts) if k == 0 or x - starts[k - 1] > tol]
    if len(levels) > max(MAX_LEVELS, len(starts) // 2):
        return groups
    for h, row in enumerate(rows):
        if row.indent is None or not row.cells or labels.memos[h]:
            continue
        block = []
        for k in range(h + 1, len(rows)):
            x = rows[k].indent
            if x is None or x <= row.indent + tol:
                break
            block.append(k)
        items = [k for k in block if not labels.memos[k]]
        if not items:
            continue
        level = min(rows[k].indent for k in items)  # type: ignore[type-var]
        kids = tuple(k for k in items if rows[k].indent <= level + tol)  # type: ignore[operator]
        if len(kids) >= MIN_PARTS and all(rows[k].cells for k in kids):
            groups[h] = kids
    return groups


def _flat_closed(table: Table, amounts: list[CellNumber | None]) -> set[int]:
    """The rows a labelled total closes as a flat list in the lane: every figure since the table's
    start or the previous total adds up to it exactly, with three rows or more. A head among them
    would be counted twice, so a head found there (10,000 over 5,000 and 5,000 in a list of grants)
    is chance."""
    closed: set[int] = set()
    start = 0
    for pos, row in enumerate(table.rows):
        if row_kind(row.label) not in _CLOSING:
            continue
        total = amounts[pos]
        span = [(k, n) for k in range(start, pos) if (n := amounts[k]) is not None]
        start = pos + 1
        if total is None or len(span) < 3:
            continue
        if sum((n.value for _, n in span), Fraction(0)) == total.value:
            closed.update(k for k, _ in span)
    return closed


def _not_shown(table: Table, parts: tuple[int, ...], lane: int) -> bool:
    """Does a part print "…" (not available) in the lane?"""
    return any((cell := table.rows[p].cells.get(lane)) is not None and _NOT_AVAILABLE.fullmatch(cell.text.strip())
               for p in parts)


def _judge_lane(table: Table, amounts: list[CellNumber | None], labels: _Labels, head: int,
                parts: tuple[int, ...], lane: int) -> Judgement | None:
    """The head against its parts in one lane; None when the lane cannot tell (no head figure, a
    part of another kind, a part not available, fewer than two parts printed)."""
    total = amounts[head]
    if total is None or _not_shown(table, parts, lane):
        return None
    if any(amounts[p] is None and table.rows[p].cells.get(lane) for p in parts):
        return None
    signed = [(_signed(labels.sign(head, p), n), n) for p in parts if (n := amounts[p]) is not None]
    return judge(signed, total) if len(signed) >= MIN_PARTS else None


def _printed_parts(amounts: list[CellNumber | None], head: int, parts: tuple[int, ...]) -> int:
    """How many parts print a figure other than zero in the lane (none when the head is zero)."""
    total = amounts[head]
    if total is None or total.value == 0:
        return 0
    return sum(1 for p in parts if (n := amounts[p]) is not None and n.value != 0)


def head_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The checks of every group head of the table's row lanes (see the module doc)."""
    return head_groups(table, file)[0]


def head_groups(table: Table, file: str = "") -> tuple[list[TableCheck], frozenset[int]]:
    """The checks of :func:`head_checks`, and the rows (positions in ``table.rows``) that a group
    head printed above them adds up in every column it was judged in: its items, which a total
    further up must not count beside the head."""
    # a column of years ("Struc. in 2065") holds no amounts: a year over the same year is no group
    years = year_columns(table) | code_columns(table)
    lanes = sorted({c for r in table.rows for c, cell in r.cells.items() if cell.number is not None} - years)
    shares = tuple(distribution(r.cells) for r in table.rows)
    amounts = {lane: _amounts(table, lane, shares) for lane in lanes}
    labels = _Labels.of(table, shares)
    found: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    flats = {lane: _flat_closed(table, amounts[lane]) for lane in lanes}
    for feet in (False, True):
        for lane in lanes:
            flat = flats[lane]
            for head, parts in _groups_in_lane(table, amounts[lane], labels, feet).items():
                if head in flat and all(p in flat for p in parts):
                    continue  # a total counts head and parts side by side: no head, a coincidence
                found.setdefault((head, parts), []).append(lane)
    # the groups the labels' indentation shows, where their rows add up (short figures too: the
    # layout, not the arithmetic, says which rows they are)
    indented = _indented_groups(table, labels)
    for head, parts in indented.items():
        held = [lane for lane in lanes if (j := _judge_lane(table, amounts[lane], labels, head, parts, lane))
                and holds(j.verdict)]
        # a group with fewer than two parts other than zero wherever it adds up showed nothing
        if any(_printed_parts(amounts[lane], head, parts) >= MIN_PARTS for lane in held):
            found[(head, parts)] = sorted({*found.get((head, parts), ()), *held})
    headers = {c.index: c.header for c in table.columns}
    checks: list[TableCheck] = []
    grouped: set[int] = set()
    seen: set[int] = set()
    # a head the indentation groups is read so first; others by the columns their reading holds in
    for (head, parts), held in sorted(found.items(), key=lambda kv: (indented.get(kv[0][0]) != kv[0][1], -len(kv[1]), kv[0])):
        if head in seen:
            continue  # read both as a head and as a foot: the reading that holds in more columns
        seen.add(head)
        judged: list[tuple[int, Judgement]] = []
        singles: list[tuple[int, Judgement]] = []  # lanes where one part only is printed
        signed_in: dict[int, list[tuple[int, CellNumber]]] = {}  # each judged lane's signed parts
        for lane in lanes:
            total = amounts[lane][head]
            if total is None or any(amounts[lane][p] is None and table.rows[p].cells.get(lane) for p in parts):
                continue  # no figure to check, or a part of another kind in this column
            if indented.get(head) == parts and _not_shown(table, parts, lane):
                continue  # "…": a part not available in this column, no zero
            # a part left blank in this column adds nothing to it (a budget column without the
            # year's minor items), as long as two parts are printed
            signed = signed_in[lane] = [
                (_signed(labels.sign(head, p), n), n) for p in parts if (n := amounts[lane][p]) is not None]
            if len(signed) < min(len(parts), MIN_PARTS):
                if signed:
                    singles.append((lane, judge(signed, total)))
                continue
            judged.append((lane, judge(signed, total)))
        # a column where the search took a longer run (blank parts in it) where the reading fits
        # too keeps it from being a coincidence; alarms still need the columns it was found in
        fits = len(held) + sum(1 for lane, j in judged if lane not in held and holds(j.verdict)
                               and _printed_parts(amounts[lane], head, parts) >= MIN_PARTS)
        if 2 * fits < len(judged):
            continue  # adds up in a few columns of many: a coincidence, not the table's structure
        support = len(held)
        # (a heading over one item repeats it: two rows that print the same figures in most columns
        # and not in one are two rows, "Turbo" and "Moiben" with equal allocations, not a group)
        clear = support >= 3 and 4 * support >= 3 * len(judged) and len(parts) > 1
        reading = _FOOT_READING if parts[0] < head else _READING
        if reading == _READING and judged and all(holds(j.verdict) for _, j in judged) and all(
                _printed_parts(amounts[lane], head, parts) >= MIN_PARTS for lane, _ in judged):
            grouped.update(parts)  # a heading that repeats its one item's figure groups nothing
        row = table.rows[head]
        # a column where only one of the parts is printed (the others blank) holds the head's
        # figure when the group is clear from the other columns: reported only when it does
        judged += [(lane, j) for lane, j in singles if clear and holds(j.verdict)]
        tested = {p for lane, j in judged if holds(j.verdict) for p in parts if (n := amounts[lane][p]) is not None and n.value}
        for lane, j in judged:
            if not holds(j.verdict) and not clear:
                continue  # the rows below may not be its parts in this column: say nothing
            if not holds(j.verdict) and indented.get(head) == parts and any(
                    p not in tested and (n := amounts[lane][p]) is not None and n.value for p in parts):
                # a row the layout sets among the parts that is nil wherever the group adds up:
                # nothing showed it is one ("Domestic debt (sukuk)" set in under "Central bank")
                continue
            tref = cell_ref(table, head, row.cells[lane])
            signed = signed_in[lane]
            printed = [p for p in parts if amounts[lane][p] is not None]  # the parts of ``signed``, in order
            prefs = tuple(cell_ref(table, p, table.rows[p].cells[lane], sign) for p, (sign, _) in zip(printed, signed))
            doubt = TENS_DOUBT if not holds(j.verdict) and tens_explain(amounts[lane][head], signed) else None  # type: ignore[arg-type]
            checks.append(make_check(table, file, "row", row.label.strip(), headers.get(lane, ""), tref, prefs, j,
                                     reading, doubt))
    return checks, frozenset(grouped)
