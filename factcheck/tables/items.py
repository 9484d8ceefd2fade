"""A table's rows (or columns) as items: the sequence the scan walks.

Each item has its label, its kind (from the label's words, then from its figures) and its cells per
lane. The structure the labels show is then written into the items, as changed kinds or as parts
fixed in advance: balances dated at the start and the end of a period, cash flow statements, an
income statement's result lines, headings echoed by their totals, numbered groups, total columns
under a heading they share, and movement schedules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from .detect import ROW_NUMBER, Cell, Row, Table
from .labels import (
    BENEFIT,
    NOT_AMOUNT,
    OF_BASE,
    PARENTHESES,
    STAND,
    TOTAL_OF,
    clean_label,
    col_kind,
    counts_things,
    deducts,
    is_cost,
    plain_label,
    row_kind,
    year_range,
)

_NUMBERED = re.compile(r"^\s*\d+\.\s")

# Words that make a row a ratio rather than an amount only when its figures are small: "Share of
# budget 34.0" is a ratio, "FEDERAL GOVERNMENT SHARE OF MAIN POOL 18,843,331,510,032" an amount,
# and so is a town's levy "New Growth $134,215".
_SHARE_WORD = re.compile(r"\bshares?\b|\baandeel\b|\bgrowth\b|\bgroei\b", re.IGNORECASE)

# "Rates" (a property tax: "Rates", "Business rates", a column "Rates" of a council's income) names
# amounts when the figures under it are amounts, as "Interest rate 3.5" never is
_RATES = re.compile(r"\brates\b", re.IGNORECASE)

@dataclass(slots=True)
class Item:
    """A row (or column) seen as one item in a sequence: label, kind, and its cells per lane."""

    pos: int  # index in table.rows or table.columns
    label: str
    kind: str  # part | total | sub | grand | saldo | memo | none
    cells: dict[int, Cell]
    explicit: list[tuple[Item, int]] | None = None  # parts fixed by the label (a year range)
    explicit_tag: str = "explicit"  # how the label fixed them, for the reading's words
    consumed: bool = False
    group_children: list[Item] = field(default_factory=list)
    deduct: bool = False  # the label says the row is taken off ("Less:", "Af:", "-/-")
    tentative: bool = False  # a group guessed from row numbering: a part again unless it adds up
    headed: bool = False  # a heading line was joined to the label: the rows before it may be no parts
    one_base: bool = False  # a head of shares (or figures per head) of one base over its items (tables.one_base)
    # the rows of the run in the column left of it that its figure closes (tables.inner checks that sum)
    inner_parts: tuple[int, ...] = ()


def part_sign(part: Item, sign: int, lane: int) -> int:
    """The sign a part enters a total with: a deduction row printed as a positive amount is
    subtracted; printed negative (in brackets or with a minus) it already carries its sign."""
    if part.deduct:
        cell = part.cells.get(lane)
        if cell is not None and cell.number is not None and cell.number.value > 0 and not _mixed_signs(part):
            return -sign
    return sign


def _mixed_signs(part: Item) -> bool:
    """Does a row print positive figures in some columns and negative ones in others? Then its
    figures carry their own signs, whatever its label says ("Elimination adjustments  35,039 …
    (141,091) … 5" between "Total assets as reported" and "Total assets")."""
    values = [c.number.value for c in part.cells.values() if c.number is not None and c.number.value]
    return any(v > 0 for v in values) and any(v < 0 for v in values)


def has_value(cells: dict[int, Cell]) -> bool:
    """Does some cell print a figure?"""
    return any(c.number is not None for c in cells.values())


def row_items(table: Table) -> list[Item]:
    """The table's rows with figures as items, in order, with the structure their labels show."""
    items: list[Item] = []
    first_valued = True
    years = year_columns(table)
    for pos, row in enumerate(table.rows):
        cells = {c: cell for c, cell in row.cells.items() if c not in years}
        if row.section or not has_value(cells):
            continue
        if all(re.fullmatch(r"(?:19|20)\d\d", c.text) for c in cells.values() if c.number is not None):
            continue  # a row of years is a header that slipped into the body
        kind = row_kind(row.label)
        if kind == "none" and _amounts_only(cells) and _SHARE_WORD.search(row.label) and not NOT_AMOUNT.search(
            _SHARE_WORD.sub("", PARENTHESES.sub("", clean_label(row.label)))
        ):
            kind = "part"
        if kind == "none" and _rates_of_amounts(row.label, cells):
            kind = "part"
        if kind != "none" and distribution(cells):
            kind = "none"  # the row above as shares of its total ("100.0  8.5  8.8 …"): no amounts
        if STAND.match(clean_label(row.label)):
            # Dutch begroting tables: "Stand ontwerpbegroting 2019" closes the mutations that
            # follow the first "Stand" row; the first one is a part
            kind = "part" if first_valued else "total"
        # "- Minder grondverkoop door meetverschil   -/- € 69.000": the mark may stand in a cell of its own
        marked = any(c.text.strip() == "-/-" and (c.number is None or c.number.nil) for c in row.cells.values())
        items.append(Item(pos, row.label, kind, cells, deduct=deducts(row.label) or marked, headed=row.headed))
        first_valued = False
    _dated_balances(items)
    _cash_flows(items)
    _echoed_headings(items)
    _named_heads(items, table)
    _profit_lines(items)
    _repeated_results(items)
    _shares_of_one_base(items)
    _numbered_groups(items)
    _staff_segments(items, table)
    # ministry rows in capitals over numbered department rows (India Union Budget)
    for i, it in enumerate(items):
        lab = clean_label(it.label)
        letters = [ch for ch in lab if ch.isalpha()]
        if it.kind == "part" and len(letters) >= 6 and all(ch.isupper() for ch in letters):
            kids = []
            for nxt in items[i + 1 :]:
                if not _NUMBERED.match(nxt.label) or nxt.kind != "part":
                    break
                kids.append(nxt)
            if kids:
                it.kind = "group"
                it.group_children = kids
    return items


# A balance dated at the start of the period, and one dated at its end ("Eigen vermogen per 1 januari"
# ... "Eigen vermogen per 31 december", "Balance at 1 April" ... "Balance at 31 March")
OPENING_DATE = re.compile(r"\b(?:per|op|at|as\s+at)\s+1\s+(?:januari|january|april)\b|\bbegin\s+(?:van\s+het\s+)?"
                          r"(?:boek)?jaar\b|\bbeginning\s+of\s+(?:the\s+)?year\b|\bbrought\s+forward\b|\bb/f\b|"
                          r"\bopening\s+balance\b|\bbeginsaldo\b", re.IGNORECASE)
# a bare balance after an opening one and the movements ("Balance Brought Forward / Add income /
# Deduct expenditure / Balance")
_BARE_BALANCE = re.compile(r"(?:closing\s+)?balance|(?:eind)?saldo", re.IGNORECASE)
CLOSING_DATE = re.compile(r"\b(?:per|op|at|as\s+at)\s+31\s+(?:december|march|maart)\b|\beinde\s+(?:van\s+het\s+)?"
                          r"(?:boek)?jaar\b|\bend\s+of\s+(?:the\s+)?year\b", re.IGNORECASE)


# A row that is nothing but a balance's date ("At 30 July 2023", "As at 5 April 2024", "Balance at
# 30 June 2023"): the period's start or end, whichever day of the year the accounts close on
_AT_DATE = re.compile(r"(?:(?:balance\s+)?(?:as\s+)?at|stand\s+per|saldo\s+per|per)\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+"
                      r"([a-z]+)|([a-z]+)\s+(\d{1,2}),?)\s+((?:19|20)\d\d)", re.IGNORECASE)
_MONTHS = {m: k for k, names in enumerate((
    ("january", "januari", "jan"), ("february", "februari", "feb"), ("march", "maart", "mar", "mrt"),
    ("april", "apr"), ("may", "mei"), ("june", "juni", "jun"), ("july", "juli", "jul"),
    ("august", "augustus", "aug"), ("september", "sept", "sep"), ("october", "oktober", "oct", "okt"),
    ("november", "nov"), ("december", "dec")), start=1) for m in names}


def _balance_date(label: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a row labelled only with a balance's date, else ``None``."""
    m = _AT_DATE.fullmatch(clean_label(label))
    if m is None:
        return None
    day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    number = _MONTHS.get(month.lower())
    return None if number is None else (int(m.group(5)), number, int(day))


def _dated_balances(items: list[Item]) -> None:
    """A row dated at the period's end, after a row of the same table dated at its start, closes
    the movements between them: the opening balance plus the rows (and subtotals) after it. A row
    that is only a date closes the last such row with an earlier date when rows lie between them,
    and opens the next period ("At 30 July 2023" … "At 30 July 2024" in a pension scheme's
    membership movements)."""
    opened = False
    since: tuple[int, int, int] | None = None  # the date of the last row that is only a date
    moved = 0  # rows since it
    for it in items:
        date = _balance_date(it.label)
        if date is not None and since is not None and date > since and moved and it.kind == "part":
            it.kind = "total"
            since, moved, opened = date, 0, False
        elif OPENING_DATE.search(it.label):
            opened = True
            if it.kind == "saldo":
                it.kind = "part"  # "Balance Brought Forward" is where the movements start, not a result
        elif opened and (it.kind == "part" and CLOSING_DATE.search(it.label)
                         or it.kind == "saldo" and _BARE_BALANCE.fullmatch(clean_label(it.label))):
            it.kind = "total"
            opened = False
        if date is not None:
            if it.kind != "total":
                since, moved = date, 0
        else:
            moved += 1


# DigiMV's personnel note: "Specificatie gemiddeld aantal personeelsleden (in FTE's) per segment:"
# over the segments' staff, then "Gemiddeld aantal personeelsleden op basis van full-time eenheden",
# their sum (one segment's figure repeated, for most institutions)
_STAFF_HEAD = re.compile(r"^specificatie\s+gemiddeld\s+aantal\s+personeelsleden\b", re.IGNORECASE)
_STAFF_TOTAL = re.compile(r"^gemiddeld\s+aantal\s+personeelsleden\s+op\s+basis\s+van\s+full[-\s]?time", re.IGNORECASE)


def _staff_segments(items: list[Item], table: Table) -> None:
    """The average staff over the segments listed under its specification's heading (comment above)."""
    for i, it in enumerate(items):
        if not _STAFF_TOTAL.match(clean_label(it.label)):
            continue
        head = next((p for p in range(it.pos - 1, -1, -1) if _STAFF_HEAD.match(clean_label(table.rows[p].label))), None)
        if head is None:
            continue
        parts = [x for x in items[:i] if x.pos > head]
        if parts:
            it.kind, it.explicit, it.explicit_tag = "total", [(x, 1) for x in parts], "staff segments"
            for x in parts:
                x.kind = "part"


def distribution(cells: dict[int, Cell]) -> bool:
    """Is the row a percentage distribution printed without "%": one figure 100 (or 100.0), the
    others with decimals, none above 100, adding up to it within their rounding ("Total - 18
    Districts  16,929,689  1,439,761 …" over "100.0  8.5  8.8 …")?"""
    nums = [c.number for c in cells.values() if c.number is not None and not c.number.nil]
    whole = [n for n in nums if n.value == 100]
    rest = [n for n in nums if n.value != 100]
    if len(whole) != 1 or len(rest) < 3 or not all(0 <= n.value < 100 and n.decimals > 0 for n in rest):
        return False
    total = sum((n.value for n in rest), Fraction(0))
    return abs(total - 100) <= sum((n.half for n in rest), Fraction(0)) + whole[0].half


def all_percent(cells: dict[int, Cell]) -> bool:
    """Are all the figures printed (nil dashes left out) percentages, one at least?"""
    nums = [c.number for c in cells.values() if c.number is not None and not c.number.nil]
    return bool(nums) and all(n.percent for n in nums)


def _shares_of_one_base(items: list[Item]) -> None:
    """"Totale kosten in percentage van het gemiddeld belegd vermogen" under "Kosten vermogensbeheer in
    percentage van ..." and "Transactiekosten in percentage van ...": percentages of one base add up
    like amounts, so the rows right above such a total, of the same base, are its parts."""
    for i, it in enumerate(items):
        m = OF_BASE.search(it.label)
        if it.kind not in ("total", "sub") or m is None or not all_percent(it.cells):
            continue
        base = " ".join(m["base"].lower().split())
        k = i - 1
        while k >= 0 and items[k].kind == "none" and all_percent(items[k].cells) and (
            (n := OF_BASE.search(items[k].label)) is not None and " ".join(n["base"].lower().split()) == base
        ):
            items[k].kind = "part"
            k -= 1


def _amounts_only(cells: dict[int, Cell]) -> bool:
    """Every figure is an amount, most of four digits or more (a change column beside them may be
    smaller): no ratio or percentage is printed so."""
    nums = [c.number for c in cells.values() if c.number is not None and not c.number.nil]
    return (bool(nums) and all(not n.percent and n.decimals <= 2 for n in nums)
            and 2 * sum(1 for n in nums if abs(n.value) >= 1000) > len(nums))


def _rates_of_amounts(label: str, cells: dict[int, Cell]) -> bool:
    """Is "rates" the only word that made the label a ratio, over figures that are all amounts?"""
    text = PARENTHESES.sub("", clean_label(label))
    return bool(_RATES.search(text)) and not NOT_AMOUNT.search(_RATES.sub("", text)) and _amounts_only(cells)


def _numbered_groups(items: list[Item]) -> None:
    """In a table that numbers its item rows, an unnumbered row followed by numbered ones is their
    group row ("DIA CIVILIAN STAFF PENSION 6,610,178,920" over "113 PENSION", "114 GRATUITY").

    Only when most item rows carry a number: otherwise a missing number says nothing."""
    parts = [it for it in items if it.kind == "part"]
    numbered = [it for it in parts if ROW_NUMBER.match(it.label)]
    if len(numbered) < 4 or 3 * len(numbered) < 2 * len(parts):
        return
    for i, it in enumerate(items):
        if it.kind != "part" or ROW_NUMBER.match(it.label):
            continue
        kids = []
        for nxt in items[i + 1 :]:
            if nxt.kind != "part" or not ROW_NUMBER.match(nxt.label):
                break
            kids.append(nxt)
        if kids:
            it.kind = "group"
            it.group_children = kids
            it.tentative = True


def col_items(table: Table) -> list[Item]:
    """The table's columns as items, in order (year columns left out), with the structure their
    headers show."""
    items: list[Item] = []
    lanes: dict[int, dict[int, Cell]] = {col.index: {} for col in table.columns}
    for r, row in enumerate(table.rows):
        for ci, cell in row.cells.items():
            lanes.setdefault(ci, {})[r] = cell
    year_cols = {}
    for c in table.columns:
        h = c.header.split()
        if len(h) == 1 and re.fullmatch(r"(?:19|20)\d\d", h[0]):
            year_cols[int(h[0])] = c.index
    totals_in_header = bool(re.search(r"\btota(?:al|l|ls)\b", table.header_text, re.IGNORECASE))
    years = year_columns(table)
    for c in table.columns:
        if c.index in years:
            continue
        kind = "none" if counts_things(c.header) else col_kind(c.leaf)
        if kind == "none" and _rates_of_amounts(c.leaf, lanes.get(c.index, {})):
            kind = "part"
        it = Item(c.index, c.header, kind, lanes.get(c.index, {}))
        span = year_range(re.sub(r"^tota(?:al|ls?)\s+", "", c.header.strip(), flags=re.IGNORECASE))
        if span and totals_in_header:
            a, b = span
            if a in year_cols and b in year_cols and a < b:
                it.kind = "total"
                it.explicit = [(Item(year_cols[y], str(y), "part", lanes.get(year_cols[y], {})), 1)
                               for y in range(a, b + 1) if y in year_cols]
        items.append(it)
    _spanned_totals(items)
    _roll_forward(items)
    _lettered_formulas(items)
    return items


# Columns lettered in their headers, and the formula a column's header prints over the letters
# ("Permanent (a) | Temporary (b) | Total (c = a + b)", City of Toronto's position summaries):
# the document's own statement of which columns a total adds, whatever stands between them
_LETTER = re.compile(r"\(\s*([a-z])\s*\)\s*$")
_LETTER_FORMULA = re.compile(r"\(\s*([a-z])\s*=\s*([a-z](?:\s*[+\-\u2212]\s*[a-z])+)\s*\)\s*$")


def _lettered_formulas(items: list[Item]) -> None:
    """A column whose header prints a sum of other columns' letters ("Total (c = a + b)") is their
    total, with the signs it prints; every letter must name one column."""
    letters: dict[str, list[Item]] = {}
    formulas: list[tuple[Item, str]] = []
    for it in items:
        if m := _LETTER_FORMULA.search(it.label):
            letters.setdefault(m.group(1), []).append(it)
            formulas.append((it, m.group(2)))
        elif m := _LETTER.search(it.label):
            letters.setdefault(m.group(1), []).append(it)
    for it, formula in formulas:
        terms = re.findall(r"([+\-\u2212]?)\s*([a-z])", formula)
        if any(len(letters.get(name, [])) != 1 or letters[name][0] is it for _, name in terms):
            continue
        it.kind, it.explicit_tag = "total", "lettered formula"
        it.explicit = [(letters[name][0], -1 if sign in ("-", "\u2212") else 1) for sign, name in terms]


# "FY 2019 Total" after "FY 2019 Base" and "FY 2019 OCO": a heading that spans its columns
_SPANNED_TOTAL = re.compile(r"^(?P<span>.*\S)\s+tota(?:al|l)$", re.IGNORECASE)


def _spanned_totals(items: list[Item]) -> None:
    """A total column under a heading it shares with the columns right before it ("FY 2019" over
    "Base | OCO | Total"): the total of those columns only, not of every column since the last
    total (the years before it are no parts)."""
    for i, it in enumerate(items):
        m = _SPANNED_TOTAL.match(it.label.strip())
        if it.kind != "total" or it.explicit is not None or m is None:
            continue
        span = m.group("span") + " "
        run: list[Item] = []
        for x in reversed(items[:i]):
            if x.kind != "part" or not x.label.startswith(span) or not x.label[len(span):].strip():
                break
            run.insert(0, x)
        if len(run) >= 2:
            it.explicit, it.explicit_tag = [(x, 1) for x in run], "spanned heading"


# A movement schedule's columns: "Saldo 31-12-2022 | Vermeerdering | Vermindering | Vrijval |
# Saldo 31-12-2023", "Balance at 1 April | Additions | Disposals | Balance at 31 March".
_BALANCE_WORD = re.compile(r"\b(saldo|stand|balance|boekwaarde|book\s+value|carrying\s+amount|market\s+value|fair\s+value)\b",
                           re.IGNORECASE)
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[-/.]\d{1,2}\b|januari|december|april|march|june|juni|"
                    r"\b\d{1,2}[-/.\s](?:jan|feb|mrt|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b|"
                    r"beginning|begin|end\b|einde|ultimo|opening|closing", re.IGNORECASE)
_VALUE_CHANGE = re.compile(r"\bchanges?\s+in\s+(?:the\s+)?(?:market|fair)\s+value\b", re.IGNORECASE)
# Movement columns that take off when printed as positive amounts.
_DECREASE = re.compile(
    r"verminder|onttrek|afschrijv|aflos|vrijval|afname|aanwend|besteding|decrease|withdraw|disposal|"
    r"depreciat|amorti[sz]|utili[sz]ed|\bused\b|released|write[-\s]?off|repaid|repayment",
    re.IGNORECASE,
)

# A cash flow statement (IFRS, IPSAS, US GAAP, RJ): the net change in cash is the sum of the net
# cash flows of the activities above it, and the cash at the end is the cash at the beginning plus
# that change. The labels say so, whatever the layout.
_NET_ACTIVITY = re.compile(
    r"^(?:net\s+cash\s+(?:flows?\s+)?(?:from|used|provided|generated|\(?used\)?|inflows?|outflows?|applied)\b.*"
    r"\bactivities|(?:totaal\s+)?(?:netto\s+)?kasstroom\s+uit\s+(?:operationele\s+activiteiten|(?:bedrijfs|investerings|financierings)\w*)\s*$)",
    re.IGNORECASE)
# (a section's heading merged into its first row's label, "Kasstroom uit investeringsactiviteiten
# Investeringen materiële vaste activa", is that row, no activity's cash flow)
# "Kasstroom uit bedrijfsoperaties" (before interest and dividends) is a step inside the operating
# activities when "(Totaal) kasstroom uit operationele activiteiten" follows it: not an activity of its own
_OPERATIONS = re.compile(r"^kasstroom\s+uit\s+bedrijfsoperaties\b", re.IGNORECASE)
_OPERATING = re.compile(r"^(?:totaal\s+)?(?:netto\s+)?kasstroom\s+uit\s+(?:operationele|bedrijfsactiviteiten)",
                        re.IGNORECASE)
_NET_CHANGE = re.compile(
    r"^(?:net\s+(?:\(?(?:increase|decrease)\)?(?:\s*/\s*\(?(?:increase|decrease)\)?)?|change)\s+in\s+cash|"
    r"(?:mutatie|toename|afname|netto\s+kasstroom)\b.*\b(?:liquide|geld)\s*middelen)", re.IGNORECASE)
_CASH_AT = re.compile(r"^(?:cash\b.*\bat\s+(?:the\s+)?(?P<en>beginning|start|end|close)\b|"
                      r"(?:stand\s+)?(?:liquide|geld)\s*middelen\s+(?:per\s+)?(?P<nl>begin|ultimo|einde|eind|1\s+januari|"
                      r"31\s+december)\w*)", re.IGNORECASE)


def _cash_flows(items: list[Item]) -> None:
    """The net change in cash over its activities' net cash flows, and the cash at the end over
    the cash at the beginning and that change (module comment above)."""
    activities: list[Item] = []
    # a block's total after the last activity ("Overige balansmutaties … Totaal overige
    # balansmutaties 0,8" before "Mutatie liquide middelen"): a flow of the change too
    trailing: list[Item] = []
    change: Item | None = None
    begin: Item | None = None
    before: Item | None = None
    for it in items:
        label = clean_label(it.label)
        # (a line of figures with no words right under the last activity is the net change too)
        unlabelled_change = not label and len(activities) >= 2 and before is activities[-1]
        before = it
        if activities and it.kind in ("total", "sub") and TOTAL_OF.match(label) and not _NET_ACTIVITY.match(label):
            trailing.append(it)
        if _NET_ACTIVITY.match(label):
            trailing = []
            if activities and _OPERATING.match(label) and _OPERATIONS.match(clean_label(activities[-1].label)):
                activities.pop().kind = "sub"  # the operations' cash flow closes the rows above it
            if it.kind == "part":
                # an activity's net cash flow closes its rows ("Kasstroom uit operationele activiteiten"
                # under the result, the depreciation and the change in working capital, in one column)
                it.kind = "sub"
            activities.append(it)
        elif _NET_CHANGE.match(label) or unlabelled_change:
            if len(activities) >= 2:
                it.kind, it.explicit, it.explicit_tag = "total", [(a, 1) for a in activities + trailing], "cash flow"
            activities, trailing, change = [], [], it
        elif (m := _CASH_AT.match(label)) is not None:
            word = (m.group("en") or m.group("nl")).lower()
            if word in ("beginning", "start", "begin") or word.startswith("1"):
                begin = it
            elif begin is not None and change is not None:
                it.kind, it.explicit, it.explicit_tag = "total", [(begin, 1), (change, 1)], "cash balance"
                begin = change = None


# An income statement's result lines: each is the result above it plus the income totals and less
# the cost totals between them ("Gross Profit", "Operating Profit", "Profit on Ordinary Activities
# Before Taxation" in accounting software's reports; "Bruto marge", "Bedrijfsresultaat").
_PROFIT_LINE = re.compile(
    r"^(?:(?:gross|operating|net)\s+(?:profit|loss|surplus|deficit|income)|profit\b.*\b(?:before|after)\b.*\btax\w*|"
    r"bruto\s*(?:marge|winst)|bedrijfsresultaat|netto\s*resultaat)\b", re.IGNORECASE)


def _profit_lines(items: list[Item]) -> None:
    """Each result line over the result above it and the signed totals between them, when every
    one of those totals says whether it is income or a cost."""
    previous: Item | None = None
    between: list[Item] = []
    for it in items:
        label = clean_label(it.label)
        if _PROFIT_LINE.match(label) and it.explicit is None and any(c.number is not None for c in it.cells.values()):
            parts = [(previous, 1)] if previous is not None else []
            signs = [(t, -1 if is_cost(t.label) else 1) for t in between
                     if is_cost(t.label) or BENEFIT.search(t.label)]
            if between and len(signs) == len(between) and len(parts) + len(signs) >= 1 and (
                    previous is not None or any(s < 0 for _t, s in signs)):
                it.kind, it.explicit, it.explicit_tag = "total", parts + signs, "result lines"
            previous, between = it, []
        elif TOTAL_OF.match(label) and it.kind in ("total", "sub"):
            between.append(it)


# The words of a result line: "GROSS PROFIT", "NET INCOME", "Profit after Taxation", "Resultaat boekjaar"
_RESULT_WORD = re.compile(r"\b(?:profit|loss|income|result|surplus|deficit|resultaat|winst|verlies|saldo)\b",
                          re.IGNORECASE)


def _shown(it: Item) -> dict[int, Fraction]:
    return {ln: c.number.value for ln, c in it.cells.items() if c.number is not None and not c.number.nil}


def _repeated_results(items: list[Item]) -> None:
    """A result line that prints the figures of the total or result right above it, in every
    column, is that line carried down ("Total Income" then "GROSS PROFIT"; "NET OPERATING INCOME"
    then "NET INCOME" when there is nothing else to add or take off): checked as a copy of it."""
    for above, it in zip(items, items[1:]):
        if it.explicit is not None or it.kind not in ("part", "saldo") or it.pos - above.pos > 2:
            continue
        if not (_RESULT_WORD.search(clean_label(it.label)) or _PROFIT_LINE.match(clean_label(it.label))):
            continue
        if above.kind not in ("total", "sub", "grand", "saldo") and not _PROFIT_LINE.match(clean_label(above.label)):
            continue
        if repeats_row(it, above):
            # a saldo, not a total: the totals above it that a later total adds up end at it
            it.kind, it.explicit, it.explicit_tag = "saldo", [(above, 1)], "copy"


def _echoed_headings(items: list[Item]) -> None:
    """Accounting software's reports print a group's amount on its heading and again on its total
    ("Placements de trésorerie €40,000.00" … "Total Placements de trésorerie €40,000.00"): the
    total adds up the group's own entries, each inner group once (by its total), and the heading,
    an echo of the total, is no part of anything."""
    closing: dict[int, int] = {}  # a heading's position -> its total's
    for j, it in enumerate(items):
        m = TOTAL_OF.match(clean_label(it.label))
        shown = {ln: c.number.value for ln, c in it.cells.items() if c.number is not None and not c.number.nil}
        if m is None or not shown:
            continue
        name = m.group("name").strip().lower()
        for i in range(j - 1, -1, -1):
            head = items[i]
            if i in closing or clean_label(head.label).strip().lower() != name:
                continue
            if all((c := head.cells.get(ln)) is not None and c.number is not None and c.number.value == v
                   for ln, v in shown.items()):
                closing[i] = j
            break
    for i, j in closing.items():
        parts: list[tuple[Item, int]] = []
        k = i + 1
        while k < j:
            if k in closing and closing[k] < j:
                parts.append((items[closing[k]], 1))
                k = closing[k] + 1
                continue
            if items[k].kind == "part" and any(c.number is not None for c in items[k].cells.values()):
                parts.append((items[k], 1))
            k += 1
        if parts:
            items[i].kind = "memo"
            items[j].kind, items[j].explicit, items[j].explicit_tag = "total", parts, "echoed heading"


_MIN_HEAD_NAME = 8  # letters of a heading's name: "Revenue" alone names too many things


def _heads(row: Row, name: str) -> bool:
    """Is ``name`` the heading of the row: its whole label (a heading line of its own), or the start
    of a label a heading line was joined to?"""
    label = plain_label(row.label)
    return label == name if row.section or not row.cells else row.headed and label.startswith(name + " ")


def _named_heads(items: list[Item], table: Table) -> None:
    """A group closed by a row that repeats its heading, with or without the word Total:

        Non-Program Expenditures                         (heading, joined to the first row's label)
         Tax Deficiencies/Write offs          52,000
         ...
        Non-Program Expenditures             679,003     (the group's subtotal)
        ...
        TOTAL - CORPORATE ACCOUNTS         1,376,603     (closes "Corporate Accounts", the heading of
                                                          the first row, and the groups inside it)

    The closing row's parts are the rows from the one its heading was joined to, each inner group
    by its closing row. A row whose parts its label fixes already keeps that reading; the heading
    must have eight letters or more, and no row between may repeat it."""
    closed: dict[int, int] = {}  # closing item index -> index of the first item of its group
    for j, it in enumerate(items):
        if it.explicit is not None or it.headed or it.kind not in ("part", "total", "sub"):
            continue
        label = clean_label(it.label).strip().lower()
        m = TOTAL_OF.match(label)
        name = " ".join((m.group("name") if m and it.kind != "part" else label).split())
        if sum(ch.isalpha() for ch in name) < _MIN_HEAD_NAME:
            continue
        head = next((r for r in range(it.pos - 1, -1, -1) if _heads(table.rows[r], name)), None)
        if head is None:
            continue
        first = next((i for i in range(j) if items[i].pos >= head), None)
        if first is None or j - first < 2:
            continue
        between = range(first, j)
        if any(plain_label(items[k].label) == name for k in between):
            continue
        parts: list[tuple[Item, int]] = []
        k = first
        inner = {i0: j0 for j0, i0 in closed.items() if first <= i0 and j0 < j}
        while k < j:
            if k in inner:
                parts.append((items[inner[k]], 1))
                k = inner[k] + 1
                continue
            if items[k].kind != "part":
                parts = []
                break
            parts.append((items[k], 1))
            k += 1
        if len(parts) < 2:
            continue
        closed[j] = first
        it.kind, it.explicit, it.explicit_tag = "total", parts, "heading repeated"


def _roll_forward(items: list[Item]) -> None:
    """The last column of a movement schedule is the first one plus the movements between them:
    both headed with the same balance word and a date ("Saldo 31-12-2022" … "Saldo 31-12-2023")."""
    # columns before the first balance (last year's figures printed left of the labels) are no
    # part of the schedule
    start = next((k for k, it in enumerate(items) if _BALANCE_WORD.search(it.label) and _DATED.search(it.label)),
                 len(items))
    items = items[start:]
    if len(items) < 3:
        return
    first, last = items[0], items[-1]
    a, b = _BALANCE_WORD.search(first.label), _BALANCE_WORD.search(last.label)
    if not (a and b and a.group(1).lower() == b.group(1).lower()):
        return
    if not (_DATED.search(first.label) and _DATED.search(last.label)) or first.label.strip() == last.label.strip():
        return
    word = a.group(1).lower()
    # "Stand 31-dec-23 | resultaat 2024 | Stand 31-dec-24 | Begroting 2025 | Stand 31-dec-25": each
    # balance column closes the one before it and the movements between them
    stops = [k for k, it in enumerate(items)
             if (m := _BALANCE_WORD.search(it.label)) and m.group(1).lower() == word and _DATED.search(it.label)]
    if stops[0] != 0 or stops[-1] != len(items) - 1 or any(j - i < 2 for i, j in zip(stops, stops[1:])):
        return
    # (a "Change in market value" between two market values is a movement, not a change column)
    if any(it.kind != "part" and not (it.kind == "none" and _VALUE_CHANGE.search(it.label))
           for k, it in enumerate(items) if k not in stops):
        return
    for k, it in enumerate(items):
        if k not in stops:
            it.kind = "part"
    for i, j in zip(stops, stops[1:]):
        middle = items[i + 1 : j]
        for it in middle:
            # headers hyphenated over two lines read "Vermin- dering"
            it.deduct = bool(_DECREASE.search(re.sub(r"(\w)-\s+(\w)", r"\1\2", it.label)))
        items[j].kind = "total"
        items[j].explicit = [(items[i], 1)] + [(it, 1) for it in middle]


def repeats_row(it: Item, row: Item) -> bool:
    """Does the line print the row's figures, the same in every column, one of them not zero?"""
    mine = _shown(it)
    return bool(mine) and mine == _shown(row) and any(v != 0 for v in mine.values())


def _figure_texts(table: Table) -> dict[int, list[str]]:
    """Each column's figures as printed (nil marks left out)."""
    seen: dict[int, list[str]] = {}
    for row in table.rows:
        for c, cell in row.cells.items():
            if cell.number is not None and not cell.number.nil:
                seen.setdefault(c, []).append(cell.text)
    return seen


def year_columns(table: Table) -> set[int]:
    """Columns whose figures are all years ("Struc. in 2030"): not amounts, never summed."""
    return {c for c, texts in _figure_texts(table).items() if all(re.fullmatch(r"(?:19|20)\d\d", t) for t in texts)}


_CODE = re.compile(r"\d{3,6}")
_FORMATTED = re.compile(r"\d[.,\s\u202f]\d")


def code_columns(table: Table) -> set[int]:
    """Columns of account codes ("1000", "1200", "2100" before a ministry's budget lines): two
    figures or more, every one digits only, in a table whose other columns print their amounts
    grouped or with decimals ("131,931,200.00"). Not amounts, never summed."""
    seen = _figure_texts(table)
    codes = {c for c, texts in seen.items() if len(texts) >= 2 and all(_CODE.fullmatch(t.strip()) for t in texts)}
    formatted = any(_FORMATTED.search(t) for c, texts in seen.items() if c not in codes for t in texts)
    return codes if formatted else set()


def percent_figures(item: Item) -> bool | None:
    """Whether the item's figures are all percentages (True), include amounts (False), or are
    none at all (None)."""
    kinds = {c.number.percent for c in item.cells.values() if c.number is not None and not c.number.nil}
    return None if not kinds else kinds == {True}
