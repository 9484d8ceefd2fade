"""Readings of a total's parts, most likely first, and the words that describe each.

For one total :func:`candidate_parts` lists what its parts may be: the rows since the previous
total, everything at its own level, the rows below it, two totals before it, the rows after a
heading merged into a label, and more, each tagged with how it was found. :data:`READINGS` says
each tag in words, for a check's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .items import Item
from .labels import BENEFIT, TOTAL_OF, clean_label, is_cost, numbering

# A group heading merged into its first row's label ("Kosten Licentie voor de app", "Effecten
# Besparing ..."): the rows after it, up to the next such heading, are costs (or benefits) too.
_COST_HEAD = re.compile(r"^(?:kosten|lasten|uitgaven|costs|expenses|expenditures?)\s+\S", re.IGNORECASE)
_BENEFIT_HEAD = re.compile(r"^(?:baten|opbrengsten|effecten|besparingen|inkomsten|ontvangsten|revenues?|income|"
                           r"benefits|savings)\s+\S", re.IGNORECASE)


def cost_signs(labels: Sequence[str]) -> list[int]:
    """-1 for each row label that is a cost (it names one, or stands under a heading of costs
    merged into the first of them, "Kosten Inzet welzijnscoaches"), else +1."""
    out = []
    group = 1
    for label in (lab.strip() for lab in labels):
        if _COST_HEAD.match(label):
            group = -1
        elif _BENEFIT_HEAD.match(label):
            group = 1
        out.append(-1 if is_cost(label) else 1 if BENEFIT.search(label) else group)
    return out


def _movement_signs(explicit: list[tuple[Item, int]]) -> list[tuple[str, list[tuple[Item, int]]]]:
    """The other signs a movement schedule's columns may take: an accumulated-depreciation block
    adds its "Amortization expense" and takes off its "Disposals", where the cost block above it
    adds "Additions". Header words guess the sign; these readings let the figures settle it (each
    movement column added or taken off), tried after the header's own reading."""
    opening, *moves = explicit
    if not any(it.deduct for it, _ in moves) or not 2 <= len(moves) <= 4 or not all(
        it.kind == "part" for it, _ in moves
    ):
        return []
    out = []
    for mask in range(1, 2 ** len(moves)):
        flipped = [(replace(it, deduct=not it.deduct) if mask >> k & 1 else it, sign)
                   for k, (it, sign) in enumerate(moves)]
        out.append(("movement signs", [opening, *flipped]))
    return out


def _topic(label: str) -> list[str]:
    """The words after the total keyword in "TOTAL BEANS", lower case; [] for a bare "Total"."""
    m = re.match(r"^(?:sub[-\s]?)?tota(?:al|l|ls)\s+(.+)$", clean_label(label), re.IGNORECASE)
    if not m:
        return []
    words = [w for w in re.findall(r"[^\W\d_]{3,}", m.group(1).lower()) if w not in ("and", "the", "van", "het")]
    return words[:2]


def _named_heading(label: str, loose: list[Item]) -> int:
    """Where a heading named like the total ("Total-X" under "X") was joined to a row's label
    among ``loose``: the index of the first row under it, or 0 when none (or the first row) is.
    The layout joins such a heading to the label of the row below it, or of the row above it
    as if it were that label's wrapped end ("17. ... (UNNATI), 2024 Industrial Development of ...")."""
    m = TOTAL_OF.match(label)
    if m is None:
        return 0
    name = " ".join(re.findall(r"\w+", m.group("name").lower()))
    if " " not in name:
        # "Total Expense" under the rows after a heading "Expenses" joined to the first of them
        # ("Expenses Communication Publications (non-sale)"): the heading word starts that label
        if len(name) < 5 or not name.isalpha():
            return 0
        forms = {name, name + "s", name + "es", name.removesuffix("s")}
        for k in range(len(loose) - 1, 0, -1):
            first = re.match(r"\w+", loose[k].label.strip().lower())
            if loose[k].headed and first is not None and first.group(0) in forms:
                return k
        return 0
    if len(name) < 8:
        return 0
    for k in range(len(loose) - 1, -1, -1):
        words = " ".join(re.findall(r"\w+", loose[k].label.lower()))
        if k and loose[k].headed and name in words:
            return k
        if words.endswith(" " + name) and k + 1 < len(loose):
            return k + 1
    return 0


def _parts_after(items: list[Item], i: int, least: int) -> list[tuple[Item, int]]:
    """The run of parts right after items[i], if it has ``least`` of them."""
    run: list[tuple[Item, int]] = []
    for nxt in items[i + 1 :]:
        if nxt.kind != "part":
            break
        run.append((nxt, 1))
    return run if len(run) >= least else []


def candidate_parts(
    items: list[Item], i: int, top_level: list[Item], loose: list[Item]
) -> list[tuple[str, list[tuple[Item, int]]]]:
    """Readings of 'the parts of items[i]', most likely first, each tagged with how it was found."""
    it = items[i]
    if it.explicit is not None:
        return [(it.explicit_tag, it.explicit), *_movement_signs(it.explicit)]
    if it.kind == "group" and it.one_base:
        return [("one base", [(k, 1) for k in it.group_children])]
    if it.kind == "group":
        return [("group", [(k, 1) for k in it.group_children])]
    flat = [(x, 1) for x in loose]
    nested = [(x, 1) for x in top_level]
    # a Totaal that closes its own block: the totals before it are its peers, not its parts
    peers = [k for k, x in enumerate(top_level) if x.kind == "total"]
    block = [(x, 1) for x in top_level[peers[-1] + 1 :]] if it.kind == "total" and peers else []
    # a total of a higher rank than the last one ("Som der apparaatkosten" over "Totaal
    # personeelskosten" and the rows after it): everything since an earlier total
    earlier = [[(x, 1) for x in top_level[k + 1 :]] for k in reversed(peers[-3:-1])] if it.kind == "total" else []
    # rows above a heading that the layout merged into the next label are not parts
    # ("Revenues 316,446 / Expenses Program expenses 608,522 / ... / Total expenses")
    # ("Revenues 316,446 / Expenses Program expenses 608,522 / ... / Total expenses"), or set apart
    # by a heading row; taken only then, else dropping rows would hide an error
    total_words = set(re.findall(r"\w+", it.label.lower()))
    after_heading = [[(x, 1) for x in loose[k:]] for k in (1, 2)
                     if len(loose) - k >= 2 and (loose[k].pos - loose[k - 1].pos > 1 or loose[k].headed or (
                         (m := re.match(r"\w+", loose[k].label.strip().lower())) and m.group(0) in total_words))]
    # "Total-Industrial Development of Backward and Remote Areas" under rows that follow the heading
    # of that name, which the layout joined to its first item's label: the rows from that one
    named = _named_heading(it.label, loose)
    if named:
        after_heading.append([(x, 1) for x in loose[named:]])
    below: list[tuple[Item, int]] = []
    topic = _topic(it.label)
    if topic:
        # "TOTAL BEANS" over the BEANS rows that follow it
        for nxt in items[i + 1 :]:
            if nxt.kind != "part" or not all(w in nxt.label.lower() for w in topic):
                break
            below.append((nxt, 1))
    if not below and not loose:
        # a total printed above its parts (Tabel 23: "Totaal" first); one row below that repeats
        # the figure ("Brutomarge" under "Som der bedrijfsopbrengsten") is a copy, not its part
        below = _parts_after(items, i, 2)
    late_below: list[tuple[Item, int]] = []
    if not below and loose and it.kind == "total":
        # a total printed before its parts after items it does not close ("Total Cash Proffer
        # Revenue Collected | Total Pledged … | Total … Expended | Schools | Roads | …"): the parts
        # after it, tried last, so that it is chosen only where it fits better than the rest
        late_below = _parts_after(items, i, 3)
    # "V. Budgettair resultaat" after "III. Saldo ..." and "IV. Financieringssaldo": the rows numbered
    # at its own level since the last total
    level = numbering(it.label)
    siblings = [x for x in top_level if level is not None and numbering(x.label) == level]
    cands: list[tuple[str, list[tuple[Item, int]]]]
    if it.kind == "grand":
        cands = [("nested", nested), ("flat", flat)]
    elif it.kind == "saldo":
        cands = [("flat", flat), ("nested", nested)]
        recent = top_level[-4:]
        for a in range(len(recent)):
            for b in range(len(recent)):
                if a != b:
                    cands.append(("pair", [(recent[a], 1), (recent[b], -1)]))
        for a in range(len(recent)):
            for b in range(a + 1, len(recent)):
                cands.append(("pair", [(recent[a], 1), (recent[b], 1)]))
        # "Exploitatieresultaat" under "Totaal baten" and "Totaal lasten" with the rows of an inner
        # column between them: the last two totals, one taken from the other
        closed = [x for x in top_level if x.kind in ("total", "sub", "grand")][-2:]
        if len(closed) == 2:
            cands.append(("pair", [(closed[0], 1), (closed[1], -1)]))

        # "Totaal Lasten" printed before "Totaal Baten" (an inner column's subtotals, settled
        # already): the costs are what is taken off
        last_two = [x for x in items[:i] if x.kind in ("total", "sub", "grand")][-2:]
        if len(last_two) == 2 and is_cost(last_two[0].label) and not is_cost(last_two[1].label) and BENEFIT.search(
                last_two[1].label):
            cands.append(("pair", [(last_two[1], 1), (last_two[0], -1)]))
        if len(siblings) >= 2:
            cands.insert(0, ("numbered", [(x, 1) for x in siblings[-2:]]))
            cands.insert(1, ("numbered", [(siblings[-2], 1), (siblings[-1], -1)]))
        # "Saldo kosten en baten": the rows that name a cost, or stand under a heading of costs
        # merged into the first of them ("Kosten Inzet welzijnscoaches"), taken off the others
        signs = cost_signs([x.label for x in loose])
        if len(signs) >= 2 and set(signs) == {1, -1}:
            cands.append(("costs off", list(zip(loose, signs))))
    else:
        cands = [("flat", flat), ("nested", nested)]
    if block:
        cands.append(("block", block))
    cands += [("block", c) for c in earlier]
    cands += [("after heading", c) for c in after_heading]
    if below:
        # a saldo right after the totals it nets ("Exploitatieresultaat" under baten and lasten)
        # is their difference first; the rows below it that allocate it come after that reading
        at = len(cands) if it.kind == "saldo" else 0
        cands.insert(at, ("below", below))
        # several breakdowns of one total printed above them ("Totaal aantal aanvragen" over
        # Starters + Opschalers, then Nieuwe + Heraanvragers): the first rows that add up to it
        cands[at + 1:at + 1] = [("first breakdown", below[:k]) for k in range(len(below) - 1, 1, -1)]
    subtotals: list[tuple[Item, int]] = []
    for x in reversed(top_level):
        if x.kind not in ("total", "sub"):
            break
        subtotals.insert(0, (x, 1))
    if it.kind in ("total", "grand") and not loose and len(subtotals) >= 2:
        # "Total Income" right under "Total Fundraising" and "Total Programs": the subtotals it
        # closes (taken only when they add up in every column, see scan_totals)
        cands.insert(0, ("subtotals", subtotals))
    if it.kind in ("total", "grand") and len(loose) >= 3:
        # the rows that fill every column the total fills ("Defence 10,321,443,219 4.7%"), when
        # the others fill fewer: an "O/w" breakdown set under its row without a share of its own
        lanes = {ln for ln, c in it.cells.items() if c.number is not None}
        full = [x for x in loose if lanes <= {ln for ln, c in x.cells.items() if c.number is not None}]
        if 2 <= len(full) < len(loose):
            cands.append(("same columns", [(x, 1) for x in full]))
    if it.kind in ("total", "sub") and len(loose) >= 3:
        # the first rows of the block only, the ones after them a breakdown or memo items
        # ("Totaal geconsolideerde schuld" of its first two rows): taken only when exact in every lane
        cands += [("leading rows", [(x, 1) for x in loose[:k]]) for k in range(len(loose) - 1, 1, -1)]
    if late_below:
        cands.append(("below", late_below))
    out: list[tuple[str, list[tuple[Item, int]]]] = []
    seen: list[list[tuple[Item, int]]] = []
    for tag, c in cands:
        # one part is a check too ("TOTAL - AID AND GRANTS" over its one item), but never an alarm
        if c and c not in seen:
            out.append((tag, c))
            seen.append(c)
    return out


# readings whose parts the labels name, not their place in the table
NAMED_PARTS = frozenset({"cash flow", "cash balance", "result lines", "explicit", "numbered", "staff segments"})
READINGS = {
    "flat": "the rows since the previous total",
    "lettered formula": "the columns its header's formula names by their letters (\"c = a + b\")",
    "with named rates": "the rows since the previous total, those whose label names a rate or a change (they "
                        "print amounts) among them: only so does it add up, in two columns of three at least",
    "cash flow": "the net cash flows of the activities above it (a cash flow statement)",
    "cash balance": "the cash at the beginning plus the net change in cash",
    "staff segments": "the segments' average staff listed under the specification's heading above it",
    "result lines": "the result above it, plus the income totals and less the cost totals since",
    "copy": "the total or result right above it, which it repeats in every column (nothing added or taken off)",
    "echoed heading": "the entries under the heading that prints the same amount, each inner group once",
    "heading repeated": "the rows under the heading whose name it repeats, each inner group by its closing row",
    "swapped": "the rows since the previous total; the totals are printed in the wrong columns (each column's "
               "rows add up exactly to the total printed under another)",
    "nested": "the rows and subtotals at the total's own level",
    "below": "the rows printed below the total",
    "pair": "two totals before it, one taken from the other",
    "numbered": "the two rows numbered at its own level right before it (III. = I. + II.)",
    "costs off": "the rows since the previous total, those that name a cost taken off the others (costs and benefits)",
    "explicit": "the columns its header names",
    "spanned heading": "the columns right before it under the same heading (\"FY 2019\" over \"Base | OCO | Total\")",
    "movement signs": (
        "the balance column before it and the movements between them, each movement added or taken off as "
        "the figures say in most rows (the header words' signs fail here)"
    ),
    "group": "the numbered rows under the group row",
    "one base": "the items listed under it (a., b., ... or dashes), shares of the same base or figures per head as it",
    "block": "the rows and subtotals since the previous total of the same level",
    "after heading": "the rows since the previous total, after the first rows (a heading merged into a label)",
    "same columns": (
        "the rows that fill every column the total fills; the rows between them fill fewer (a breakdown "
        "of the row above, such as 'O/w ...', printed without its own share)"
    ),
    "subtotals": "the subtotals right above it, each closing its own rows",
    "groups": (
        "the rows since the previous total, a group's amount (found from the arithmetic: it adds up the rows under "
        "it) counted in place of its rows"
    ),
    "sections": (
        "the unlabelled subtotals above it, each closing its own section (opening balance plus the "
        "balance of the movements)"
    ),
    "blocks": "the unlabelled subtotals right above it, each closing its own block of rows",
    "first breakdown": (
        "the first rows printed below it, which add up to it exactly in every column (the rows after "
        "them break the same total down another way)"
    ),
    "leading rows": (
        "the first rows of its block only: with all of them it adds up in no column, with these in every one "
        "(the rows after them are a breakdown or items outside the total)"
    ),
    "difference": "a change column: one column taken from another, row by row",
    "difference, two taken off": "a column of what is left: the first column less the two after it, row by row",
    "sum of columns": (
        "the two columns before it, added row by row (they add up to it exactly in every row, three at least: "
        "a net column of gross amounts and income)"
    ),
    "saldo of costs printed negative": "a saldo column: the income column plus the costs, printed negative, row by row",
    "of which": "the columns after it headed 'of which' (waarvan), row by row",
    "of which rows": "the rows under it labelled 'of which' (w.v., waarvan), which add up to it in every column",
    "opposite sign": (
        "the rows since the previous saldo, which give the printed figure exactly but with the other sign "
        "(the table's legend says what a sign means)"
    ),
    "difference, the other way round": (
        "a variance column read the other way round in this row (favourable variances: actual − budget "
        "for income, budget − actual for spending)"
    ),
}
