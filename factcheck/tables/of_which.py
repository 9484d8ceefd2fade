"""Totals that "of which" headers state: a column followed by columns headed "Waarvan …", and
a row followed by rows labelled "w.v. …" or "of which …"."""

from __future__ import annotations

import re

from .items import Item, percent_figures
from .judging import Judgement, holds
from .lanes import comparable_lanes, judge_lane

_OF_WHICH_HEADER = re.compile(r"^\s*(?:(?:waarvan|of which|o/w|thereof)\b|w\.v\.)", re.IGNORECASE)


def of_which_columns(
    items: list[Item],
) -> list[tuple[Item, list[tuple[Item, int]], dict[int, Judgement], str]]:
    """A column followed by columns headed "Waarvan ..."/"Of which ..." is their total, row by row
    ("Aantal respondenten | Waarvan niet-verhuizers | Waarvan verhuizers"): the headers state it."""
    out = []
    columns = [it for it in items if percent_figures(it) is False]
    k = 0
    while k < len(columns):
        head = columns[k]
        run = []
        for nxt in columns[k + 1:]:
            if not _OF_WHICH_HEADER.search(nxt.label):
                break
            run.append(nxt)
        if len(run) >= 2 and not _OF_WHICH_HEADER.search(head.label):
            parts = [(p, 1) for p in run]
            lanes = [ln for ln in comparable_lanes(head, parts) if all(ln in p.cells for p, _ in parts)]
            res = {ln: judge_lane(head, parts, ln) for ln in lanes}
            if res:
                out.append((head, parts, res, "of which"))
            k += len(run) + 1
        else:
            k += 1
    return out


def of_which_rows(
    items: list[Item],
) -> list[tuple[Item, list[tuple[Item, int]], dict[int, Judgement], str]]:
    """A row followed by rows labelled "w.v. …"/"of which …" is their total when they add up in
    every column (two at least): such lists are often partial, so a list that does not add up
    is no finding. The rows after the first list that adds up may break down its last row in
    turn ("w.v. strafrechtelijk" followed by "w.v. politie", "w.v. OM", "w.v. rechter")."""
    out = []
    k = 0
    while k < len(items):
        head = items[k]
        run = []
        for nxt in items[k + 1:]:
            if not _OF_WHICH_HEADER.search(nxt.label) or not nxt.cells:
                break
            run.append(nxt)
        if head.cells and not _OF_WHICH_HEADER.search(head.label) and len(run) >= 2:
            while len(run) >= 2:
                for n in range(2, len(run) + 1):
                    parts = [(p, 1) for p in run[:n]]
                    lanes = [ln for ln in comparable_lanes(head, parts) if all(ln in p.cells for p, _ in parts)]
                    res = {ln: judge_lane(head, parts, ln) for ln in lanes}
                    if len(res) >= 2 and all(holds(j.verdict) for j in res.values()):
                        out.append((head, parts, res, "of which rows"))
                        head, run = run[n - 1], run[n:]
                        break
                else:
                    break
        k += 1
    return out
