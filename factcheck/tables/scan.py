"""The scan: walk a table's items in order and settle each total's parts.

For each total the readings are tried (factcheck.tables.readings) and the one that holds in most
lanes wins. A reading that fails in most lanes means we did not understand the table: it is kept
only when the plainest structure backs it (a row labelled Total closing the rows above it).
"""

from __future__ import annotations

from fractions import Fraction

from ..model import Verdict
from .items import Item, part_sign, percent_figures, repeats_row
from .judging import Judgement, holds, judge
from .lanes import comparable_lanes, fit_lane, judge_lane, lane_figures, long_total, nonzero_at, slipped
from .readings import candidate_parts
from .records import Orientation


def _closes(total: Item, parts: list[tuple[Item, int]]) -> bool:
    """Do the signed parts add up to the total in every lane where both print figures?"""
    lanes = comparable_lanes(total, parts)
    return bool(lanes) and all(holds(fit_lane(total, parts, ln)) for ln in lanes)


def _other_measure(before: Item, it: Item) -> bool:
    """Does ``it`` print percentages only where ``before`` prints amounts only, or the other way round?"""
    a, b = percent_figures(before), percent_figures(it)
    return a is not None and b is not None and a != b


def _opposite(total: Item, parts: list[tuple[Item, int]], lane: int) -> bool:
    """Do the parts add up exactly to the total's figure with the other sign (a long figure)?"""
    j = judge_lane(total, parts, lane)
    n = total.cells[lane].number
    return n is not None and n.value != 0 and j.difference == 2 * n.value and long_total(total, [lane])


def scan_totals(
    items: list[Item],
    soft_lanes: set[int],
    orientation: Orientation,
    all_soft: bool = False,
    suspect: bool = False,
    signed: bool = False,
    grouped: frozenset[int] = frozenset(),
    carried: dict[int, list[int]] | None = None,
    over: frozenset[tuple[int, int]] = frozenset(),
) -> list[tuple[Item, list[tuple[Item, int]], dict[int, Judgement], str]]:
    """Walk the items in order and settle each total's parts; return (total, parts, lane verdicts,
    the reading that chose the parts). ``signed``: the table says what a sign means. ``grouped``:
    rows that a group's amount on the row above them adds up (found from the arithmetic).
    ``carried``: lanes that are total rows adding up the rows (lanes) listed, in every column.
    ``over``: (head, row) pairs of group heads found from the arithmetic and the rows they add up."""
    out = []
    top_level: list[Item] = []
    loose: list[Item] = []
    # rows whose label names a rate or a change ("Membership Growth & Return to Employment
    # (Additional) liability for new members.") but which print amounts, no percentage: tried as
    # parts of the total that closes them only where that makes it add up (within the rounding)
    # in two columns of three at least
    named_rates: list[Item] = []
    for i, it in enumerate(items):
        if it.kind == "none" and not it.consumed and percent_figures(it) is False and it.label.strip():
            named_rates.append(it)
            continue
        if it.kind in ("memo", "none") or it.consumed:
            continue
        if it.kind == "part" or (it.kind in ("total", "sub") and it.pos in grouped and not any(
                _closes(it, cand) for _, cand in candidate_parts(items, i, top_level, loose))):
            # a row named a total that closes nothing before it under any reading, while a group's
            # amount above it adds it up with them, is one of that group's items ("Total, Other
            # Financing (Sources) / Uses" under "Financing/Transfers")
            if loose and _other_measure(loose[-1], it):
                # rows of rates after rows of amounts, or the other way round ("Normal cost rate
                # 12.10%" ... over "Present value of future benefits $133,927,805,157"): a new block
                loose = []
            top_level.append(it)
            loose.append(it)
            continue
        if it.kind == "head":
            # its parts follow it; it counts only when they add up, and is a part itself then
            kids = []
            for nxt in items[i + 1:]:
                if nxt.kind not in ("part", "head"):
                    break
                kids.append(nxt)
            it.kind = "part"
            top_level.append(it)
            loose.append(it)
            for n in range(len(kids), 0, -1):
                parts = [(k, 1) for k in kids[:n]]
                lanes = comparable_lanes(it, parts)
                res = {ln: judge_lane(it, parts, ln) for ln in lanes}
                if len(parts) >= 2 and lanes and all(holds(j.verdict) for j in res.values()):
                    out.append((it, parts, res, "below"))
                    for k, _ in parts:
                        k.consumed = True
                    break
            continue
        run = [x for x in loose if x.pos in it.inner_parts] if it.kind in ("total", "sub", "grand") else []
        if run and not comparable_lanes(it, [(x, 1) for x in run]):
            # "Som der bedrijfsopbrengsten" in the outer column under the revenue rows in the inner
            # one (tables.inner checks that sum): it closes them, and stands at its level for what
            # follows ("Bedrijfsresultaat" = it less "Som der bedrijfslasten"), never a part of the next total
            for x in run:
                x.consumed = True
            members = {id(x) for x in run}
            top_level = [x for x in top_level if id(x) not in members] + [it]
            loose = []
            continue
        best = None
        if it.tentative and not _group_holds(it) and it.one_base:
            it.kind = "none"  # a ratio after all: nothing adds it up
            continue
        if it.tentative and not _group_holds(it):
            it.kind = "part"
            top_level.append(it)
            loose.append(it)
            continue
        candidates = candidate_parts(items, i, top_level, loose)
        rates_in = [x for x in named_rates if loose and x.pos > loose[0].pos]
        if rates_in and it.kind in ("total", "sub", "grand") and len(loose) >= 2:
            candidates.append(("with named rates", sorted([(x, 1) for x in loose + rates_in], key=lambda p: p[0].pos)))
        if over and it.kind == "saldo":
            # a saldo that is a head over rows of its own, read as a head above it less a sibling
            # ("Net Investment" = "Fiscal Policy" − "Net Internal Loan", where Fiscal Policy = Net
            # Internal Loan + Net Investment): the head's identity backwards, no reading of it
            heads = {h for h, _r in over}
            candidates = [(tag, c) for tag, c in candidates if not (
                tag == "pair" and it.pos in heads and len(c) == 2 and c[1][1] < 0 and (c[0][0].pos, it.pos) in over)]
        if grouped and it.kind in ("total", "grand", "sub"):
            # "Total General Fund Available" over "4 2025 Legislation ... 338.5" and the bills it adds:
            # the group's amount stands for its items
            heads_only = [(x, 1) for x in loose if x.pos not in grouped]
            if 2 <= len(heads_only) < len(loose):
                candidates.append(("groups", heads_only))
            # (over every row not yet closed, where heads nest under heads: "Total Financing" =
            # "Fiscal Policy" + "Liquidity", each a head over heads over rows)
            outer = [(x, 1) for x in top_level if x.pos not in grouped]
            if 2 <= len(outer) < len(top_level) and outer != heads_only:
                candidates.append(("groups", outer))
        if it.kind == "anon":
            # an unlabelled subtotal closes the last rows above it, however many: every run that
            # ends right above it, longest first (it counts only when it adds up exactly, below)
            candidates = [("flat" if k == 0 else "after heading", [(x, 1) for x in loose[k:]])
                          for k in range(len(loose) - 1)]
            if loose and repeats_row(it, loose[-1]):
                # a block of one item closed by its own line ("Employee costs: / Motor expenses
                # 61 / 61"): the line repeats the item in every column
                candidates.append(("flat", [(loose[-1], 1)]))
            heads_only = [(x, 1) for x in loose if x.pos not in grouped]
            if grouped and 2 <= len(heads_only) < len(loose):
                # the rows above it, a group's amount (it adds up its rows) counted in place of its
                # rows: "General Revenue Account", "Funds with designated use" over its funds, "Land Fund"
                candidates.append(("groups", heads_only))
            if not loose:
                # a line right under unlabelled subtotals, with no rows of its own: the sum of
                # the blocks they close ("Premises costs … 110,608", "… 14,465", "… 139", then 125,212)
                sections = [(t, c, r, "blocks") for t, c, r, _ in _closing_sections(it, top_level, nil_sections=True)]
                if sections:
                    out.extend(sections)
                    members = {id(p) for p, _ in sections[0][1]}
                    top_level = [x for x in top_level if id(x) not in members] + [it]
                continue
        for rank, (tag, cand) in enumerate(candidates):
            lanes = comparable_lanes(it, cand)
            if not lanes:
                continue
            # readings are compared by whether they fit; the chosen one is judged in full below
            fit_by = {ln: fit_lane(it, cand, ln) for ln in lanes}
            hard = [ln for ln in lanes if ln not in soft_lanes] or lanes
            fits = sum(1 for ln in hard if holds(fit_by[ln]))
            if tag == "leading rows" and (fits < len(hard) or len(hard) < 2 or not long_total(it, hard)):
                continue  # a part of the block that adds up in some lanes only is a coincidence
            if tag in ("below", "first breakdown") and all(
                    (zero := it.cells[ln].number) is not None and zero.value == 0 for ln in lanes):
                continue  # rows below a zero total that are zero where it is printed: no evidence they are its parts
            if tag == "movement signs" and (len(hard) < 2 or 4 * fits < 3 * len(hard)):
                continue  # signs read from the figures must hold in most rows, or they are chosen to fit
            if tag == "with named rates" and (fits < 2 or 3 * fits < 2 * len(hard)):
                continue  # rows the labels call rates are parts only where two columns of three say so
            if tag == "groups" and fits < len(hard):
                continue  # a group found from the arithmetic stands for its items only where that adds up everywhere
            if tag in ("nested", "block") and _cancelling(cand, hard):
                continue  # a total and the result restating it negated ("Gross Profit (5,714.93)"): no parts
            if tag in ("same columns", "subtotals") and (len(fit_by) < 2 or not all(holds(fit_by[ln]) for ln in hard)):
                continue  # only when it holds in every column: a filter chosen by the layout alone
            if tag == "first breakdown" and (
                fits < len(hard) or not all(fit_by[ln] is Verdict.CONSISTENT for ln in hard)
                or not (len(hard) >= 3 or (len(hard) >= 2 and long_total(it, hard)))
            ):
                continue  # exact in every lane (three at least, or long figures), or a coincidence
            if signed and it.kind == "saldo" and fits < len(hard) and all(
                holds(fit_by[ln]) or _opposite(it, cand, ln) for ln in hard
            ):
                # the legend says what a sign means ("+ = voordelig, - = nadelig") and the parts
                # give the printed figure exactly, with the other sign: a slip of the sign
                tag, fits = "opposite sign", len(hard)
            key = (fits == len(hard), fits, -rank)
            if best is None or key > best[0]:
                best = (key, tag, cand, fit_by, hard)
            if fits == len(hard):
                break  # a later reading can tie at best, and ties go to the earlier one
        if best is None:
            if it.one_base:
                continue
            if it.kind not in ("saldo", "anon"):
                top_level.append(it)
                loose = []
            elif it.kind == "saldo":
                # a saldo whose own parts are not in the table ("Per saldo onttrekking") is still a
                # part of what follows ("Stand per 31 december" = the opening balance plus it)
                top_level.append(it)
                loose.append(it)
            continue
        (_, fits, _), tag, cand, fitted, hard = best
        res = {ln: judge_lane(it, cand, ln) for ln in fitted}
        # a lane of the grand total off by just what its rows' lanes are off together, where that
        # total adds up its rows in every column: one error carried down, not a second failure of
        # the reading
        counted = len(hard) - len(_carried_lanes(res, hard, carried or {})) if fits > 0 else len(hard)
        if it.kind == "anon" and (fits < len(hard) or tag not in ("flat", "after heading", "groups")
                                  or (len(cand) < 2 and not repeats_row(it, cand[0][0]))):
            continue  # an unlabelled line is a subtotal only when it closes the rows above it exactly
        if it.kind == "anon":
            out.extend(_closing_sections(it, top_level[: len(top_level) - len(loose)]))
        trusted = _understood(it.kind, tag, orientation, fits, counted) and (fits > 0 or not suspect)
        if not trusted and fits > 0 and orientation == "row" and tag in ("flat", "nested") and it.kind in (
                "total", "sub", "grand") and all(holds(j.verdict) or slipped(it, cand, ln, j) for ln, j in res.items() if ln in hard):
            # a row labelled total over the rows right above it, exact in a lane at least, missing
            # in the others by what one mistyped digit gives ("Total LPS Budget $140,508,367" over
            # 120,852,942 + 19,665,425): a slip, not a misreading, whatever the majority
            trusted = True
        if not trusted and it.kind == "saldo" and tag == "pair" and fits >= 2 and all(
                holds(j.verdict) or slipped(it, cand, ln, j) for ln, j in res.items() if ln in hard):
            # "Deficit" under "Value of assets" and "Self-sufficiency liabilities": their difference
            # to the digit in two columns at least, and off in the other by what one mistyped digit
            # gives (21.2 printed for 84.7 − 63.7 = 21.0): the reading holds, the figure slipped
            trusted = True
        if not trusted and fits == 0 and tag == "flat" and _swapped(it, cand, hard):
            tag, trusted = "swapped", True
        if trusted and not _several_breakdowns(it, cand, hard):
            # percent and 'change' lanes are not additive by nature: report them only when they add up
            kept = {
                ln: j for ln, j in res.items() if (ln not in soft_lanes and not all_soft) or holds(j.verdict)
            }
            if kept:
                out.append((it, cand, kept, tag))
            # a row with no figure in any lane checked gave nothing to this total: it stays free
            # ("Stand per 1 januari" beside an inner column's subtotal)
            cand = [(p, s) for p, s in cand if any(ln in p.cells for ln in res)] or cand
            members = {id(p) for p, _ in cand}
            for p, _ in cand:
                p.consumed = True
            top_level = [x for x in top_level if id(x) not in members]
        if it.kind == "group":
            for k in it.group_children:
                k.consumed = True
        if it.one_base:
            # a head of shares stands for its items only: to the rows around it, a ratio as before,
            # neither a part of a total further down nor the end of the rows above it
            continue
        top_level.append(it)
        loose = []
        named_rates = []
    return out


def _cancelling(parts: list[tuple[Item, int]], lanes: list[int]) -> bool:
    """Do two of the parts cancel out exactly in every lane (a figure and its negation)?"""
    seen: set[tuple[Fraction, ...]] = set()
    for p, s in parts:
        values = []
        for ln in lanes:
            c = p.cells.get(ln)
            if c is None or c.number is None or c.number.value == 0:
                break
            values.append(s * c.number.value)
        else:
            if tuple(-v for v in values) in seen:
                return True
            seen.add(tuple(values))
    return False


def _carried_lanes(res: dict[int, Judgement], lanes: list[int], carried: dict[int, list[int]]) -> set[int]:
    """The failing lanes that are total rows (``carried``: total lane -> the lanes it adds up, in
    every column) off by exactly what their own failing lanes are off together."""
    out = set()
    for ln in lanes:
        if ln not in carried or holds(res[ln].verdict):
            continue
        under = [x for x in carried[ln] if x in res and not holds(res[x].verdict)]
        if under and not set(under) & set(carried) and sum(res[x].difference for x in under) == res[ln].difference:
            out.add(ln)
    return out


def _swapped(total: Item, parts: list[tuple[Item, int]], lanes: list[int]) -> bool:
    """Does each lane's sum equal, exactly, the total printed under one other lane, lanes for lanes
    (Recurrent's rows add up to the total under Development, and the other way round)? A total row
    printed in the wrong columns: an error in the table, not our misreading of it, since a row is
    read left to right and long figures do not match by chance."""
    if len(lanes) < 2 or not long_total(total, lanes):
        return False
    taken: set[int] = set()
    for lane in lanes:
        nums, _own = lane_figures(total, parts, lane)
        hits = [m for m in lanes if m != lane and judge(nums, total.cells[m].number).verdict  # type: ignore[arg-type]
                is Verdict.CONSISTENT]
        if len(hits) != 1 or hits[0] in taken:
            return False
        taken.add(hits[0])
    return True


def _closing_sections(
    it: Item, before: list[Item], nil_sections: bool = False
) -> list[tuple[Item, list[tuple[Item, int]], dict[int, Judgement], str]]:
    """An unlabelled subtotal that is also the sum of the section subtotals above it: a movement
    schedule's closing book value = the opening one + the balance of the movements, each closed by
    its own line. Taken only when exact in every lane, never as an alarm: the layout alone says
    nothing of it. ``nil_sections``: a section may be nil in a lane ("-" where a block had
    nothing that year), as long as two of them are not."""
    sections: list[tuple[Item, int]] = []
    for x in reversed(before):
        if x.kind != "anon":
            break
        sections.insert(0, (x, 1))
    if len(sections) < 2:
        return []
    lanes = comparable_lanes(it, sections)
    res = {ln: judge_lane(it, sections, ln) for ln in lanes}
    if not res or not all(j.verdict is Verdict.CONSISTENT for j in res.values()):
        return []
    if nil_sections:
        if not all(nonzero_at(it, ln) and sum(nonzero_at(p, ln) for p, _ in sections) >= 2 for ln in res):
            return []
    elif not any(nonzero_at(it, ln) for ln in res) or any(not nonzero_at(p, ln) for p, _ in sections for ln in res):
        return []  # zeros add up to anything made of zeros
    return [(it, sections, res, "sections")]


def _group_holds(group: Item) -> bool:
    """Whether a group row guessed from numbering adds up over its numbered rows in some lane."""
    parts = [(k, 1) for k in group.group_children]
    # a lane of zeros (0 = 0 + 0 + 0, next year's empty column) says nothing
    return any(holds(judge_lane(group, parts, ln).verdict) and nonzero_at(group, ln) for ln in comparable_lanes(group, parts))


def _several_breakdowns(total: Item, parts: list[tuple[Item, int]], lanes: list[int]) -> bool:
    """Parts adding up to about twice the total or more, in every lane: one total over several
    breakdowns (by sex, then by race, then by ethnicity), not one list of parts."""
    if any(s < 0 for _, s in parts):
        return False
    for lane in lanes:
        t = total.cells[lane].number
        nums = [p.cells[lane].number for p, s in parts if lane in p.cells and part_sign(p, s, lane) > 0]
        vals = [n.value for n in nums if n is not None]
        if t is None or t.value <= 0 or any(v < 0 for v in vals) or sum(vals) * 10 < 19 * t.value:
            return False
    return bool(lanes)


def _understood(kind: str, tag: str, orientation: Orientation, fits: int, lanes: int) -> bool:
    """Is the chosen reading trustworthy enough to report its mismatches?

    A reading that fails in most lanes means we misread the table (parts listed only in part,
    several breakdowns under one total, a formula we do not know): say nothing rather than a
    false ``mismatch``. With one or two lanes there is no majority to ask, so only the plainest
    structure is trusted: a row labelled Total/Totaal closing the rows above it.
    """
    if kind == "saldo":
        # a saldo's relation is guessed from its neighbours: report it only when it holds
        return fits >= max(1, (3 * lanes + 3) // 4)
    if lanes >= 3:
        return 2 * fits >= lanes
    if fits >= 1:
        return True
    return orientation == "row" and tag in ("flat", "nested") and kind in ("total", "sub", "grand")
