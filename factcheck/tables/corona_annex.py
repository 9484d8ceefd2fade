"""The annex on corona compensation of Dutch care institutions' 2020 accounts (DigiMV's model
"Bijlage corona-compensatie 2020"): its ratios, by the definitions the model prints.

    Totaal in de jaarrekening 2020 verantwoorde corona-compensatie 2020    75.918  686.770 …
    Opbrengsten, inclusief corona-compensatie:
    - jaarrekening 2020                                               13.540.642 37.399.825 …  82.488.178
    - begroting 2020                                                  …                         76.413.698
    - jaarrekening 2019                                               …                         76.344.433
    Aandeel totaal in de jaarrekening verantwoorde corona-compensatie 2020 in opbrengsten 2020
                                                                           0,56%    1,84% …

                                                  jaarrekening 2020  begroting 2020  jaarrekening 2019
    Resultaat boekjaar                                      712.923         408.163          2.404.892
    Resultaatratio (resultaat boekjaar/ opbrengsten 2020)     0,86%           0,53%              3,15%
    Mutatie resultaatratio jaarrekening 2020 t.o.v. begroting 2020 en jaarrekening 2019
                                                             n.v.t.           0,33%             -2,29%

The share of the compensation is the compensation over the year's revenue, column by column;
the result ratio of each column is its result over the total revenue of the same year (the last
figure of the revenue row its header names, on this page or the one before); the change in the
ratio is this year's ratio less the one of its column. The revenue rows often stand in a table
of their own, its columns read apart from the result's: the model's names pair them, not the
layout. A failing ratio is doubted unless the reading holds in every other column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from .detect import Cell, Table, is_figure
from .elsewhere import row_share_checks
from .judging import holds, judge
from .labels import clean_label
from .records import TableCheck, cell_ref, make_check

_SHARE = re.compile(r"^aandeel\s+totaal\s+in\s+de\s+jaarrekening\s+verantwoorde\s+corona", re.IGNORECASE)
_COMPENSATION = re.compile(r"^totaal\s+in\s+de\s+jaarrekening\s+20\d\d\s+verantwoorde\s+corona", re.IGNORECASE)
_REVENUE = re.compile(r"^[-–•]?\s*(?P<name>(?:jaarrekening|begroting)\s+20\d\d)\s*$", re.IGNORECASE)
_RESULT = re.compile(r"^resultaat\s+boekjaar\s*$", re.IGNORECASE)
_RATIO = re.compile(r"^resultaatratio\b", re.IGNORECASE)
_RATIO_CHANGE = re.compile(r"^mutatie\s+resultaatratio\b", re.IGNORECASE)
_SHARE_READING = "the corona compensation accounted for over the year's revenue of the same column (the model's definition)"
_RATIO_READING = "the result over the total revenue of the year its column names (the model's definition)"
_CHANGE_READING = "this year's result ratio less the one of its column (the model's definition)"
_FEW = "the model's ratio fails here while it holds in too few other columns to be sure of the reading"


def _name(text: str) -> str:
    return " ".join(text.lower().split())


def _row(table: Table, pattern: re.Pattern[str]) -> int | None:
    return next((p for p, r in enumerate(table.rows) if pattern.match(clean_label(r.label))), None)


def corona_annex_checks(pages: Mapping[int, Sequence[Table]], file: str = "") -> list[TableCheck]:
    """The ratios of the corona annex on the pages' tables (module doc)."""
    out: list[TableCheck] = []
    for number in sorted(pages):
        for at, table in enumerate(pages[number]):
            out += _share_checks(table, pages[number][at - 1] if at else None, file)
            out += _ratio_checks(table, [*pages.get(number - 1, ()), *pages[number]], file)
    return out


def _share_checks(table: Table, before: Table | None, file: str) -> list[TableCheck]:
    share = _row(table, _SHARE)
    if share is None:
        return []
    # the compensation in this table, or in the one above it with the same columns (the annex read
    # apart at the heading "Opbrengsten, inclusief corona-compensatie:")
    above = [before] if before is not None and [c.header for c in before.columns] == [c.header for c in table.columns] else []
    holder, part = next(((t, p) for t in (table, *above) if (p := _row(t, _COMPENSATION)) is not None), (table, None))
    if part is None:
        return []
    # the year's own revenue: the first "jaarrekening" row under the compensation
    base = next((p for p, r in enumerate(table.rows) if (holder is not table or p > part)
                 and (m := _REVENUE.match(clean_label(r.label))) and _name(m["name"]).startswith("jaarrekening")), None)
    if base is None:
        return []
    rows, parts = table.rows, holder.rows
    lanes = [(c, rows[share].cells[c], parts[part].cells[c], rows[base].cells[c]) for c in sorted(rows[share].cells)
             if is_figure(rows[share].cells[c]) and is_figure(parts[part].cells.get(c)) and is_figure(rows[base].cells.get(c))
             and rows[base].cells[c].number.value != 0]  # type: ignore[union-attr]
    return _share_lanes(table, share, (holder, part), lambda _c: (table, base), lanes, _SHARE_READING, file)


def _ratio_checks(table: Table, near: list[Table], file: str) -> list[TableCheck]:
    ratio, result, change = _row(table, _RATIO), _row(table, _RESULT), _row(table, _RATIO_CHANGE)
    if ratio is None or result is None:
        return []
    revenue: dict[str, tuple[Table, int, Cell]] = {}
    for other in near:
        for p, r in enumerate(other.rows):
            figures = [c for _, c in sorted(r.cells.items()) if is_figure(c)]
            if (m := _REVENUE.match(clean_label(r.label))) is not None and figures:
                revenue.setdefault(_name(m["name"]), (other, p, figures[-1]))  # (the last: the Totaal column)
    heads = {c.index: _name(c.header) for c in table.columns}
    rows = table.rows
    lanes = [(c, rows[ratio].cells[c], rows[result].cells[c], revenue[heads[c]][2]) for c in sorted(rows[ratio].cells)
             if heads.get(c) in revenue and is_figure(rows[ratio].cells[c]) and is_figure(rows[result].cells.get(c))]
    if len(lanes) < 2:
        return []
    out = _share_lanes(table, ratio, (table, result), lambda c: revenue[heads[c]][:2], lanes, _RATIO_READING, file)
    if change is None or not is_figure(rows[ratio].cells.get(0)):
        return out
    first = rows[ratio].cells[0]
    for c, cell in sorted(rows[change].cells.items()):
        against = rows[ratio].cells.get(c)
        if c == 0 or against is None or not is_figure(cell) or not is_figure(against):
            continue
        j = judge([(1, first.number), (-1, against.number)], cell.number)  # type: ignore[list-item,arg-type]
        out.append(make_check(table, file, "row", clean_label(rows[change].label), table.columns[c].header,
                              cell_ref(table, change, cell),
                              (cell_ref(table, ratio, first), cell_ref(table, ratio, against, -1)),
                              j, _CHANGE_READING, None if holds(j.verdict) else _FEW))
    return out


_Lane = tuple[int, Cell, Cell, Cell]  # column, percentage, part, base


def _share_lanes(table: Table, pos: int, part: tuple[Table, int], base_of: Callable[[int], tuple[Table, int]],
                 lanes: list[_Lane], reading: str, file: str) -> list[TableCheck]:
    """Each lane's share check (``base_of``: the table and row of a column's base); a failing one
    is an alarm only where every other lane, three at least, holds."""
    checks = [c for lane in lanes for c in row_share_checks(table, pos, part, base_of(lane[0]), [lane], 3, file,
                                                           reading, _FEW)]
    failing = [c for c in checks if not holds(c.verdict)]
    if failing and (len(failing) > 1 or len(checks) < 3):
        checks = [replace(c, doubt=_FEW) if not holds(c.verdict) else c for c in checks]
    return checks
