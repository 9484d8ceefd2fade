"""A total whose parts are the totals printed before it, in other tables or on other pages.

Registers, budgets and annual accounts print one block per section, each closed by its own total
(or a subtotal line under its rows), and then a total of those totals, often on a later page::

    page 4   S3.1 project ...                   6.725     <- a subtotal line under its rows
             S3.2 project ...                   3.282
             S3.3 project ...                     900
    page 5   Projectkosten ... (unlabelled)    17.113
             Totaal kosten projecten           28.020     = the four totals before it

A row named a total that no reading of its own table confirms is read as the sum of the last
two or more totals printed before it in the same column of the page (the figures' boxes overlap
across the page), each a total that holds and is no part of another; a total read so takes the
place of its parts for the totals further on. The shortest run that gives the figure exactly is
the reading; only readings that hold are reported, never an alarm: a run that misses may just be
the wrong run. Failing a run of totals, the last total before it on its page and the rows printed
between them in its column are tried ("Total" plus two levies = "Total Tax Levy Funded").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .detect import Table
from .found_differences import printed_scale
from .judging import holds, judge
from .labels import clean_label, row_kind
from .records import CellRef, TableCheck, cell_ref, make_check

MAX_RUN = 40  # a register of sections seldom has more; the search stays linear in practice
MIN_DIGITS = 3  # a total of totals prints this many digits at least (chance gives small sums)

_Key = tuple[int, tuple[float, float, float, float]]


def _key(ref: CellRef) -> _Key:
    return ref.page, ref.bbox


def _same_column(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Do two figures stand in one column of the page (their boxes overlap across it)?"""
    return min(a[2], b[2]) - max(a[0], b[0]) > -2


def total_of_totals_checks(pages: Mapping[int, Sequence[Table]], checks: Sequence[TableCheck],
                           file: str = "") -> list[TableCheck]:
    """Every total row of the pages' tables that no check confirms and that is the sum of the
    totals printed before it (module doc)."""
    held = [c for c in checks if holds(c.verdict) and c.orientation == "row" and c.relation == "sum" and c.parts]
    confirmed = {_key(c.total) for c in checks if holds(c.verdict)}
    alarmed = {_key(c.total) for c in checks if c.alarm}
    inner = {_key(p) for c in held for p in c.parts}
    # the totals that hold and are no part of another: candidates for parts, in reading order
    tops = sorted((c.total for c in held if _key(c.total) not in inner),
                  key=lambda r: (r.page, r.bbox[1], r.bbox[0]))
    # the scale each total is claimed in: parts and total must share it
    scale_of = {_key(c.total): (c.unit_text, c.multiplier, c.unit) for c in held}
    out: list[TableCheck] = []
    for number in sorted(pages):
        for table in pages[number]:
            scale = printed_scale(table, checks)
            if scale is None:
                continue
            headers = {c.index: c.header for c in table.columns}
            for pos, row in enumerate(table.rows):
                if row_kind(row.label) not in ("total", "grand"):
                    continue
                for col, cell in sorted(row.cells.items()):
                    num = cell.number
                    if num is None or num.nil or num.percent or num.value == 0:
                        continue
                    if sum(ch.isdigit() for ch in cell.text) < MIN_DIGITS:
                        continue
                    tref = cell_ref(table, pos, cell)
                    if _key(tref) in confirmed or _key(tref) in alarmed:
                        continue
                    same = [r for r in tops if scale_of.get(_key(r), scale) == scale]
                    run = _run(tref, same)
                    if run is not None:
                        pages_of = tuple(sorted({p.page for p in run} | {tref.page}))
                        where = "on the pages before it" if len(pages_of) > 1 else "in the tables before it"
                        reading = (f"the totals printed {where} in its column, from '{clean_label(run[0].label)}' "
                                   f"to '{clean_label(run[-1].label)}': found from the arithmetic")
                    else:
                        run = _total_and_rows(tref, same, pages[number])
                        if run is None:
                            continue
                        pages_of = (tref.page,)
                        reading = (f"the total above it ('{clean_label(run[0].label)}') and the rows printed since "
                                   "in its column: found from the arithmetic")
                    j = judge([(1, p.number) for p in run], num)
                    unit_text, multiplier, unit = scale
                    out.append(replace(make_check(table, file, "row", clean_label(row.label), headers.get(col, ""), tref,
                                                  tuple(run), j, reading, None, pages_of if len(pages_of) > 1 else ()),
                                       unit_text=unit_text, multiplier=multiplier, unit=unit))
                    scale_of[_key(tref)] = scale
                    confirmed.add(_key(tref))
                    # each total counts once: its parts give way to it for the totals further on
                    used = {_key(p) for p in run}
                    tops[:] = sorted([r for r in tops if _key(r) not in used] + [tref],
                                     key=lambda r: (r.page, r.bbox[1], r.bbox[0]))
    return out


def _run(total: CellRef, tops: list[CellRef]) -> list[CellRef] | None:
    """The shortest run of two or more totals printed last before ``total`` in its column that
    adds up to it exactly; None when none does, or when a run takes in a copy of the total."""
    before = [r for r in tops if (r.page, r.bbox[1]) < (total.page, total.bbox[1])
              and _same_column(r.bbox, total.bbox) and r.value != 0]
    run: list[CellRef] = []
    for ref in reversed(before[-MAX_RUN:]):
        run.insert(0, ref)
        if len(run) < 2 or any(r.value == total.value for r in run):
            continue
        if sum(r.value for r in run) == total.value:
            return run
    return None


def _total_and_rows(total: CellRef, tops: list[CellRef], tables: Sequence[Table]) -> list[CellRef] | None:
    """The last total before ``total`` in its column on its page, and the figures of the rows printed
    between them in that column, when they add up to it exactly ("Total 707,974", "Public Safety Fire
    Program 6,820", "Capital Infrastructure & Debt Repayment Levy 20,460", "Total Tax Levy Funded
    735,254"); None otherwise."""
    before = [r for r in tops if r.page == total.page and r.bbox[1] < total.bbox[1] and _same_column(r.bbox, total.bbox)]
    if not before:
        return None
    top = before[-1]
    rows: list[CellRef] = []
    for table in tables:
        for pos, row in enumerate(table.rows):
            if row_kind(row.label) != "part":
                continue
            for cell in row.cells.values():
                num = cell.number
                if num is None or num.percent or num.nil:
                    continue
                ref = cell_ref(table, pos, cell)
                if top.bbox[1] < ref.bbox[1] < total.bbox[1] and _same_column(ref.bbox, total.bbox):
                    rows.append(ref)
    if not rows or top.value == total.value:
        return None
    run = [top, *sorted(rows, key=lambda r: r.bbox[1])]
    return run if sum(r.value for r in run) == total.value else None
