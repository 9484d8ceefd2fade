"""Find total rows and columns, pair each with its parts, and judge them with rounding intervals.

The same one-dimensional procedure runs twice per table: over rows (a Totaal row sums the
rows above it, checked column by column) and over columns (a Total column sums the columns
to its left, checked row by row: cross-footing). For each total several readings of "its
parts" are tried - the loose rows since the previous total (a subtotal), everything at the
outer level (a Totaal over subtotals), the rows below it (a Totaal printed first), the two
totals before it (Deficit = outlays - receipts) - and the reading that holds in most lanes
wins. A reading that holds nowhere in a table of three or more lanes means we did not
understand the table, and nothing is reported rather than a false ``mismatch``.

Judging (no floats anywhere): each printed figure stands for [v - ½·10^-d, v + ½·10^-d].
The parts' intervals are added exactly and compared with the total's: equal printed sums
are ``consistent``, meeting intervals ``rounding``, otherwise ``scale`` if a power of 1000
reconciles them, else ``mismatch``.

The steps, each a module of this package: the rows and columns as items with the kinds their
labels give them (labels, items); the readings of a total's parts (readings) and the scan that
settles them (scan), lane by lane (lanes, judging); difference columns and "of which" columns
(differences, of_which); the doubts that keep our misreading from becoming an alarm (doubts); and
the check records with the claims they write (records). :func:`check_table` runs them in that
order, then adds what the other readers of this package find (percentages, group heads, products
and more), one check per printed figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Verdict
from .account_codes import coded_checks
from .chain import chain_checks
from .code_tree import with_code_tree
from .detect import Table
from .differences import difference_columns
from .doubts import difference_doubt, header_figure_doubt, memo_between, reading_doubt
from .found import found_sum_checks
from .heads import head_groups
from .inner import inner_checks, inner_head_checks, inner_runs
from .items import Item, all_percent, col_items, has_value, part_sign, row_items
from .judging import Judgement, holds
from .labels import NOT_AMOUNT, clean_label, row_kind
from .of_which import of_which_columns, of_which_rows
from .one_base import one_base_groups, too_few_hold
from .percentages import percentage_checks
from .products import product_checks, product_columns
from .readings import NAMED_PARTS, READINGS
from .records import CellRef, Orientation, TableCheck, cell_ref, make_check
from .scan import scan_totals
from .scores import score_checks
from .share_wholes import share_whole_checks
from .steps import step_checks
from .unmarked import unmarked_checks

# "+ = voordelig, - = nadelig", "+ is voordeel": the table says what a sign means
_SIGN_LEGEND = re.compile(r"[+\-\u2212]\s*(?:=|is)\s*(?:voorde|nade|favou?rable|unfavou?rable|surplus|deficit)",
                          re.IGNORECASE)


def check_table(table: Table, file: str = "") -> list[TableCheck]:
    """Every total row and total column of a table, judged lane by lane."""
    if table.coded:
        return coded_checks(table, file)
    if table.scored:
        return score_checks(table, file)
    checks: list[TableCheck] = []
    headers = {c.index: c.header for c in table.columns}

    def ref(item: Item, lane: int, orientation: Orientation, sign: int = 1) -> CellRef:
        if orientation == "row":
            return cell_ref(table, item.pos, item.cells[lane], sign, label=item.label)
        return cell_ref(table, lane, item.cells[lane], sign, label=headers.get(item.pos, ""))

    pages = tuple(sorted({r.origin[0] for r in table.rows if r.origin is not None}))

    heads, grouped = head_groups(table, file)
    scans: list[tuple[Orientation, Item, list[tuple[Item, int]], dict[int, Judgement], str]] = []
    items_by: dict[str, list[Item]] = {}
    orientations: tuple[Orientation, ...] = ("row", "column")
    # an unlabelled figure in an outer column under a run of inner ones is their subtotal: a part
    # of the outer column's total, not a line closing the rows above it in its own column
    closers = {row: parts for row, _col, parts in inner_runs(table)}
    for orientation in orientations:
        if orientation == "row":
            items = row_items(table)
            one_base_groups(items)
            for it in items:
                if it.kind == "anon" and it.pos in closers:
                    it.kind = "part"
                elif it.pos in closers:
                    it.inner_parts = closers[it.pos]
            soft = _soft_columns(table)
            worded = {c for c in soft if not _percent_column(table, c)}
            if worded:
                # a column of count × price in most rows ("Kosten per aanvrager" = hours × rate) is
                # an amount, whatever its header's "per" says: its total row adds it up
                soft -= product_columns(table) & worded
        else:
            items = col_items(table)
            # rows of percentages too: a total column over years ("Totals 2024–2028") sums the
            # amounts, while the share of GDP beside them is taken over the period's totals
            soft = {r for r, row in enumerate(table.rows) if row_kind(row.label) in ("none", "memo", "anon")
                    or all_percent(row.cells)}
        items_by[orientation] = items
        all_soft = bool(table.title and NOT_AMOUNT.search(table.title))
        signed = bool(_SIGN_LEGEND.search(f"{table.title or ''} {table.header_text}"))
        over = frozenset() if orientation != "row" else head_pairs(table, heads)
        carried = None if orientation == "row" else {
            t.pos: [p.pos for p, _ in parts] for o, t, parts, results, _tag in scans
            if o == "row" and len(results) >= 2 and all(j.verdict is Verdict.CONSISTENT for j in results.values())
            and all(s == 1 for _, s in parts)}
        scans.extend((orientation, *found) for found in scan_totals(
            items, soft, orientation, all_soft, table.suspect, signed, grouped if orientation == "row" else frozenset(),
            carried, over))
        scans.extend((orientation, *found) for found in difference_columns(items, rows=orientation == "row"))
        if orientation == "column":
            scans.extend(("column", *found) for found in of_which_columns(items))
        else:
            scans.extend(("row", *found) for found in of_which_rows(items))
    held = sum(1 for *_, results, _tag in scans if any(holds(j.verdict) for j in results.values()))
    # (row, column) of the total rows that add up their rows in a column
    summed = {(t.pos, ln) for o, t, _p, results, _tag in scans if o == "row"
              for ln, j in results.items() if holds(j.verdict)}
    first_row = min((r for r, row in enumerate(table.rows) if has_value(row.cells)), default=0)
    for orientation, total, parts, results, tag in scans:
        open_top = (table.starts_page and table.page > 1 and orientation == "row"
                    and min(p.pos for p, _ in parts) <= first_row)
        for lane, j in sorted(results.items()):
            doubt = None if holds(j.verdict) or tag == "swapped" else reading_doubt(
                total, parts, lane, results, held, len(scans), open_top, memo_between(items_by[orientation], parts),
                plain=tag == "flat" and orientation == "row" and total.kind in ("total", "grand"),
                difference=tag.startswith("difference") and orientation == "column",
                named=tag in NAMED_PARTS,
            )
            if doubt is None and not holds(j.verdict) and tag == "one base" and too_few_hold(
                    sum(1 for r in results.values() if holds(r.verdict)), len(results)):
                doubt = "shares of one base add up by chance often: this group holds in too few columns to show it"
            if (doubt is None and not holds(j.verdict) and orientation == "row" and table.suspect
                    and (tnum := total.cells[lane].number) is not None):
                doubt = header_figure_doubt(headers.get(lane, ""), table.decimal_sep, [
                    (part_sign(p, s, lane), n) for p, s in parts
                    if (c := p.cells.get(lane)) is not None and (n := c.number) is not None], tnum)
            if doubt is None and not holds(j.verdict) and tag.startswith("difference") and orientation == "column":
                doubt = difference_doubt(table, lane, results, (lane, total.pos) in summed,
                                          any(r == lane for r, _ in summed))
            prefs = tuple(
                ref(p, lane, orientation, part_sign(p, s, lane))
                for p, s in parts if lane in p.cells and p.cells[lane].number is not None
            )
            if orientation == "row":
                lane_label = headers.get(lane, "")
                total_label = clean_label(total.label) or "unlabelled subtotal (a line of figures under the rows it adds)"
            else:
                lane_label = clean_label(table.rows[lane].label)
                total_label = total.label
            tref = ref(total, lane, orientation)
            checks.append(make_check(
                table, file, orientation, total_label, lane_label, tref, prefs, j, READINGS.get(tag, tag), doubt,
                pages if len(pages) > 1 else (),
            ))
    # One check per printed figure: a percentage that adds up as a total (the 100 % row) stays
    # a total; one that does not is checked against its base instead.
    found = percentage_checks(table, file) + step_checks(table, file)
    wholes = share_whole_checks(table, file, found)
    # a percentage that is both a difference of two percentages (Deficit 5.5 % = 25.1 % − 19.6 %)
    # and the share of its amount (1,376 over GDP 25,000) is checked from the amounts
    from_amounts = {(c.total.page, c.total.bbox) for c in found if holds(c.verdict)}
    held_at = {(c.total.page, c.total.bbox) for c in checks if holds(c.verdict)
               and not ((c.total.page, c.total.bbox) in from_amounts and _in_points(c))}
    shares = [c for c in found if (c.total.page, c.total.bbox) not in held_at]
    taken = {(c.total.page, c.total.bbox) for c in shares}
    checks = [c for c in checks if (c.total.page, c.total.bbox) not in taken] + shares
    # sums found from the arithmetic alone come last: any other reading of the figure goes first
    checks = _with_heads(checks, chain_checks(table, file))
    checks = _with_heads(_with_heads(checks, heads + inner_checks(table, file), grouped_over=True),
                         found_sum_checks(table, file))
    # a percentage that adds up as a total and is also its amount over the base (the costs' 64,52 %
    # = the sum of their shares = 165.649 over 256.739): the share is checked too, where it holds
    also = [c for c in found if (c.total.page, c.total.bbox) in held_at and holds(c.verdict)]
    checks = _with_heads(_with_heads(checks, product_checks(table, file)), wholes)
    # a group's items in the column beside its amount, and a percentage found from the arithmetic
    # only, where no other reading of the figure was made: a marked percentage that fails its own
    # base stays that check (a real error, maybe)
    seen = {(c.total.page, c.total.bbox) for c in checks}
    heads_beside = [c for c in inner_head_checks(table, file) if (c.total.page, c.total.bbox) not in seen]
    checks += heads_beside
    seen.update((c.total.page, c.total.bbox) for c in heads_beside)
    unmarked = unmarked_checks(table, file)
    checks = checks + [c for c in unmarked if (c.total.page, c.total.bbox) not in seen] + also
    return with_code_tree(table, file, _not_circular(_rates_not_summed(checks, found + unmarked)))


def _soft_columns(table: Table) -> set[int]:
    soft: set[int] = set()
    for col in table.columns:
        if NOT_AMOUNT.search(col.header) or re.search(r"\bpart\.?\b|\bshare\b", col.header, re.IGNORECASE):
            soft.add(col.index)
    # a column of percentages; one whose amounts are crossed by a row of ratios ("Funding ratio
    # 73%  75%  73%" under the amounts it is taken of) stays a column of amounts
    figures: dict[int, list[bool]] = {}
    for row in table.rows:
        for ci, cell in row.cells.items():
            if cell.number is not None:
                figures.setdefault(ci, []).append(cell.number.percent)
    soft.update(ci for ci, flags in figures.items() if any(flags) and (
        2 * sum(flags) > len(flags) or not _one_row_of(table, ci)))
    return soft


def _one_row_of(table: Table, col: int) -> bool:
    """Are the column's percentages all in rows whose every figure is a percentage (a row of
    ratios across the columns of amounts)?"""
    rows = [r for r in table.rows if (c := r.cells.get(col)) is not None and c.number is not None and c.number.percent]
    return all(all(c.number.percent for c in r.cells.values() if c.number is not None) for r in rows)


def _percent_column(table: Table, col: int) -> bool:
    """Does the column print a percentage in some row?"""
    return any((c := row.cells.get(col)) is not None and c.number is not None and c.number.percent
               for row in table.rows)


def head_pairs(table: Table, heads: list[TableCheck]) -> frozenset[tuple[int, int]]:
    """(head, row) positions in ``table.rows`` of the group heads that hold in every lane they were
    judged in and are not labelled as totals, with each row they add up."""
    pos_of = {}
    for p, r in enumerate(table.rows):
        page, index, row = r.origin or (table.page, table.index, p)
        pos_of[(page, index, row + 1)] = p
    where = lambda ref: pos_of.get((ref.page, ref.table, ref.row))  # noqa: E731
    failing = {where(h.total) for h in heads if not holds(h.verdict)}
    return frozenset((hp, pp) for head, part in _heads_over(heads)
                     if (hp := where(head)) is not None and hp not in failing and (pp := where(part)) is not None)


def _heads_over(heads: list[TableCheck]) -> Iterator[tuple[CellRef, CellRef]]:
    """(head, part) for each group head found from the arithmetic that holds and is not labelled as
    a total (a row labelled Total closes the rows above it: read as a head over the rows below, it
    is the same identity backwards), with each row it adds up."""
    return ((h.total, p) for h in heads if holds(h.verdict) and row_kind(h.total_label) not in ("total", "grand", "sub")
            for p in h.parts)


def _rates_not_summed(checks: list[TableCheck], rates: list[TableCheck]) -> list[TableCheck]:
    """A sum that fails in a column whose figures are rates of change (three rows at least read as
    the change between two other columns, "%" beside "Change") is no error: rates of change do not
    add up as the rows they describe do ("(7.40)" under "(0.21)", "(10.97)", "6.11", ...)."""
    held: dict[tuple[int, int, int], int] = {}
    for c in rates:
        if c.relation == "growth" and holds(c.verdict):
            place = (c.total.page, c.total.table, c.total.col)
            held[place] = held.get(place, 0) + 1
    cols = {place for place, n in held.items() if n >= 3}
    if not cols:
        return checks
    return [replace(c, doubt="its column holds rates of change, which do not add up as the rows they describe do")
            if c.doubt is None and not holds(c.verdict) and c.relation == "sum" and c.orientation == "row"
            and (c.total.page, c.total.table, c.total.col) in cols else c for c in checks]


def _not_circular(checks: list[TableCheck]) -> list[TableCheck]:
    """A failing reading of the rows below a figure that takes as its part a total which holds with
    this figure among its own parts, over the very same figures ("Gross" read as Recoveries + Net,
    where Net = Gross + Recoveries holds), has the relation backwards: no alarm, a doubt. So has one
    over some of that total's figures only: the same identity read backwards, parts left out."""
    key = lambda r: (r.page, r.bbox)  # noqa: E731
    # each holding relation as the set of its figures, total and parts together: read backwards,
    # the same identity has the same figures (Gross, Recoveries, Net); a reading that brings in a
    # figure of its own is another relation, whose failure may be an error
    held = [(key(c.total), {key(c.total), *(key(p) for p in c.parts)}) for c in checks if holds(c.verdict)]
    if not held:
        return checks
    out = []
    for c in checks:
        if c.doubt is None and not holds(c.verdict) and c.parts and all(
                p.page == c.total.page and p.bbox[1] > c.total.bbox[1] for p in c.parts):
            mine = {key(c.total), *(key(p) for p in c.parts)}
            # (with some of its figures left out too: "Operating transfers out" read as the
            # head of "Total other financing sources (uses)" below it, which holds as transfers
            # in + transfers out - the reading drops "in" and fails by it)
            if any(total in mine and total != key(c.total) and mine <= figures for total, figures in held):
                c = replace(c, doubt="one of its parts is a total that holds with this figure among its own "
                                     "parts: the reading runs the wrong way, not an error")
        out.append(c)
    return out


def _in_points(check: TableCheck) -> bool:
    """Is the check a difference of percentages printed with a % sign (a change in points)?"""
    return check.relation == "difference" and all(r.stated.rstrip().endswith("%")
                                                   for r in (check.total, *check.parts))


def _with_heads(checks: list[TableCheck], heads: list[TableCheck], grouped_over: bool = False) -> list[TableCheck]:
    """The checks with the group heads found from the arithmetic: a head that adds up replaces a
    check of the same figure that does not (a reading that holds beats one that fails); one that
    does not add up only goes where nothing checked that figure."""
    key = lambda c: (c.total.page, c.total.bbox)  # noqa: E731
    # a balance guessed as two totals before it, one taken from the other, where the first of them
    # is a group head over this very row and the rows right below it add up to it ("Net Investment"
    # = "Fiscal Policy" − "Net Internal Loan", where Fiscal Policy = Net Internal Loan + Net
    # Investment): the pair is the head's own arithmetic read backwards; the rows below are its parts
    grouped = {key(c) for c in heads if holds(c.verdict)} if grouped_over else set()
    at = lambda r: (r.page, r.bbox)  # noqa: E731
    over = {(at(head), at(part)) for head, part in _heads_over(heads)}
    # (so is a "Net …" row read as the difference of two rows above it, "Domestic Net Borrowing" =
    # "Liquidity" − "External - Net Borrowing", where Liquidity is a head over both)
    backwards = (READINGS["pair"], READINGS["difference"])
    checks = [c for c in checks if not (c.reading in backwards and key(c) in grouped and c.parts
                                        and (c.orientation == "row" or c.reading == READINGS["pair"])
                                        and (at(c.parts[0]), at(c.total)) in over)]
    fitting = {key(c) for c in checks if holds(c.verdict)}
    checked = {key(c) for c in checks}
    better = {key(c) for c in heads if holds(c.verdict) and key(c) not in fitting}
    added = [c for c in heads if key(c) not in fitting and (key(c) in better or key(c) not in checked)]
    return [c for c in checks if key(c) not in better] + added
