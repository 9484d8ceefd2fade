"""Statements whose lines carry account codes: Belgian annual accounts in the NBB's models.

Every Belgian company, non-profit and many public bodies file their accounts in the models of the
Nationale Bank (Central Balance Sheet Office), in Dutch, French or German: a column "Codes" beside
the labels says what each line adds up. A range code covers the accounts it names: "22/27" is
accounts 22 to 27, "490/1" is 490 and 491, "3" every account of class 3; the letters of the
non-recurring lines keep operating ("A") and financial ("B") apart ("75/76B" holds 75 and 76B,
"70/76A" holds 76A). So the structure need not be guessed from indentation: a line's parts are the
lines whose codes its range holds, one level down, and a result line of the income statement
(codes 99xx: "9901 Bedrijfswinst") is the result above it plus the income (class 7) and minus the
charges (class 6) between them.

Blank amounts are zero (the models print every line, filled or not); "Waarvan"/"dont" lines are
parts of a part and add nothing. A line printed "(-)" is deducted ("Niet-opgevraagd kapitaal").
A total that does not add up in one year while the same total holds in the other is an alarm;
when it fails in both, the reading (a line the excerpt leaves out) is more likely wrong than the
filing, and it is written with its doubt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..model import Verdict
from ..sources.pdf_layout import PageWords
from .cells import CellNumber, DecimalSep, decide_decimal_sep, parse_cell
from .detect import Cell, Column, Line, Row, Table, Token, group_lines
from .judging import judge
from .records import CellRef, TableCheck, cell_ref, make_check
from .settings import DEFAULT_SETTINGS, TableSettings

# "20", "21/28", "490/1", "76A", "75/76B", "9901", "8199P"
_CODE = re.compile(r"^(\d{1,4})([AB]|P)?(?:/(\d{1,4})([AB])?)?$")
_NOTE = re.compile(r"^\d+(?:\.\d+)+$")  # "6.1.1": a note reference in the "Toel." column
_OF_WHICH = re.compile(r"^(?:waarvan|dont|davon)\b", re.IGNORECASE)
_DEDUCTED = "(-)"
_SIGNED = "(+)/(-)"
_HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)
_WIDTH = 6  # digits an account code is padded to, to compare ranges
_FINANCIAL = ("65", "75")  # the classes of financial charges and income


@dataclass(frozen=True, slots=True)
class Code:
    """An account code as a range of accounts, with the letter of non-recurring lines."""

    text: str
    lo: int
    hi: int
    letter: str  # "A", "B" or ""
    previous: bool  # "8199P": the previous year's figure of a schedule line

    @property
    def result(self) -> bool:
        """A result line of the income statement (9900 Brutomarge, 9901 Bedrijfswinst ...)."""
        return self.text.startswith("99") and len(self.text) == 4

    def holds(self, other: Code) -> bool:
        """Does this range take in ``other`` (and is larger)?"""
        if (self.lo, self.hi) == (other.lo, other.hi) or not (self.lo <= other.lo and other.hi <= self.hi):
            return False
        if other.letter:
            return self.letter == other.letter
        if self.letter:
            # "60/66A" (operating charges) holds 60 to 64 and 66A, not the financial charges 65;
            # "75/76B" holds the financial income 75 and 76B
            return other.text.startswith(_FINANCIAL) == (self.letter == "B")
        return True


def _is_header(text: str) -> bool:
    return text.lower() in ("code", "codes")


@functools.lru_cache(maxsize=4096)
def read_code(text: str) -> Code | None:
    """The range of accounts a printed code covers; ``None`` when it is no account code."""
    m = _CODE.match(text)
    if m is None:
        return None
    first, letter1, last, letter2 = m.groups()
    if letter1 == "P":
        return Code(text, int(first.ljust(_WIDTH, "0")), int(first.ljust(_WIDTH, "9")), "", True)
    if last is None:
        last = first
    elif len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # "490/1" is 490 to 491
    if int(last) < int(first):
        return None
    letter = letter2 or letter1 or ""
    if first[0] == "6" and last[0] == "7":
        # "67/77 Belastingen op het resultaat": the charge net of its adjustment, no range of accounts
        return Code(text, -1, -1, letter, False)
    return Code(text, int(first.ljust(_WIDTH, "0")), int(last.ljust(_WIDTH, "9")), letter, False)


def _bare(text: str) -> str:
    """A code as printed without its brackets: a schedule's net value refers to "(22/27)"."""
    return text[1:-1] if text.startswith("(") and text.endswith(")") else text


def _header(lines: Sequence[Line]) -> tuple[int, Token] | None:
    for i, ln in enumerate(lines):
        for t in ln.tokens:
            if _is_header(t.text):
                return i, t
    return None


def coded_table(page: PageWords, lang: str | None = None, settings: TableSettings = DEFAULT_SETTINGS) -> Table | None:
    """The page read as one statement with account codes, or ``None`` when it is not one.
    ``settings``: the code_* tolerances (tables.settings)."""
    s = settings
    if not any(_is_header(w.text) for w in page.words):
        return None
    lines = group_lines(page.words, s)
    found = _header(lines)
    if found is None:
        return None
    at, head = found
    # the code column: under the header, codes at one left edge
    lefts: dict[int, int] = {}
    for ln in lines[at + 1:]:
        for t in ln.tokens:
            if read_code(_bare(t.text)) and t.x0 >= head.x0 - s.code_left_reach and t.x1 <= head.x1 + s.code_right_reach:
                lefts[round(t.x0)] = lefts.get(round(t.x0), 0) + 1
    if not lefts:
        return None
    edge = max(lefts, key=lambda x: lefts[x])
    coded = [(i, t) for i, ln in enumerate(lines) if i > at for t in ln.tokens
             if abs(t.x0 - edge) <= s.code_edge_slack and read_code(_bare(t.text))]
    if len(coded) < s.coded_lines:
        return None
    # ranges ("21/28"), result lines ("9901") or a schedule's previous-year lines ("8199P") make it
    # the NBB's model, not a column of budget-line or fund codes, whose tables the general reader reads
    read = [read_code(_bare(t.text)) for _i, t in coded]
    if (sum("/" in t.text for _i, t in coded) < 2 and not any(c.result for c in read if c)
            and sum(c.previous for c in read if c) < 2):
        return None
    columns = _columns(lines[at], head, s.code_header_gap)
    if not columns:
        return None
    dsep = decide_decimal_sep([t.text for i, code in coded for t in lines[i].tokens if t.x0 > code.x1], lang or "nl")
    rows = _rows(lines, coded, edge, columns, dsep, s)
    if len(rows) < s.coded_lines:
        return None
    top = lines[at].top
    bottom = max(r.bottom for r in rows)
    title = " ".join(t.text for ln in lines[:at] for t in ln.tokens if ln.top > s.code_title_top)[:80] or None
    return Table(page=page.number, index=1, title=title, scale=None, columns=columns, rows=rows,
                 header_text=" ".join(c.header for c in columns), decimal_sep=dsep,
                 bbox=(0.0, top, page.width, bottom), size=lines[at].size, coded=True,
                 starts_page=True, ends_page=True)


def _columns(header: Line, head: Token, gap: float) -> list[Column]:
    """The amount columns: the header words right of "Codes", one column per run of words (words
    closer than ``gap`` type sizes)."""
    words = [t for t in header.tokens if t.x0 > head.x1]
    groups: list[list[Token]] = []
    for t in words:
        if groups and t.x0 - groups[-1][-1].x1 < gap * header.size:
            groups[-1].append(t)
        else:
            groups.append([t])
    return [Column(k, g[0].x0, g[-1].x1, " ".join(t.text for t in g)) for k, g in enumerate(groups)]


def _rows(lines: Sequence[Line], coded: list[tuple[int, Token]], edge: float, columns: list[Column],
          dsep: DecimalSep | None, settings: TableSettings) -> list[Row]:
    """One row per code: the words left of the code are its label (with the lines of words
    nearest to it), the figures right of it its amounts (read with ``dsep``), each in the nearest column."""
    s = settings
    by_line = {i: code for i, code in coded}
    extra: dict[int, list[tuple[float, str]]] = {i: [] for i in by_line}
    coded_lines = sorted(by_line)
    for i, ln in enumerate(lines):
        if i in by_line or i <= coded_lines[0] - s.code_label_above or i > coded_lines[-1] + s.code_label_below:
            continue
        words = [t.text for t in ln.tokens if t.x1 < edge - s.code_edge_gap and not _NOTE.match(t.text)]
        if not words or any(t.x0 > edge + s.code_edge_gap for t in ln.tokens):
            continue
        near = min(coded_lines, key=lambda j: abs(lines[j].top - ln.top))
        if abs(lines[near].top - ln.top) < s.code_label_reach * ln.size:
            extra[near].append((ln.top, " ".join(words)))
    rows: list[Row] = []
    for i in coded_lines:
        ln, code = lines[i], by_line[i]
        own = " ".join(t.text for t in ln.tokens if t.x1 < edge - s.code_edge_gap and not _NOTE.match(t.text))
        parts = sorted([*extra[i], (ln.top, own)])
        label = " ".join(p for _top, p in parts if p).strip()
        cells: dict[int, Cell] = {}
        for t in ln.tokens:
            if t.x0 <= code.x1:
                continue
            number = parse_cell(t.text, dsep)
            if number is None:
                continue
            col = min(columns, key=lambda c: abs(c.x1 - t.x1) if t.x1 >= c.x0 else abs(c.x0 - t.x0) + 1000)
            if col.index not in cells:
                cells[col.index] = Cell(t.text, number, col.index, (t.x0, t.top, t.x1, t.bottom))
        rows.append(Row(label=label, cells=cells, top=ln.top, bottom=ln.bottom, code=_bare(code.text)))
    return rows


# ---------------------------------------------------------------- checks


@dataclass(frozen=True, slots=True)
class _Line:
    pos: int
    code: Code
    label: str
    sign: int  # -1 for a line printed "(-)"


def _statements(table: Table) -> list[list[_Line]]:
    """The table's coded lines in statements: a grand total ("20/58" under the assets) closes its
    statement, and the income statement (classes 6, 7, 9) and the schedules (8) stand apart."""
    out: list[list[_Line]] = [[]]
    kind = ""
    for pos, row in enumerate(table.rows):
        code = read_code(row.code) if row.code else None
        if code is None:
            continue
        now = "pl" if row.code[0] in "679" else "sched" if row.code[0] == "8" else "balance"
        if out[-1] and now != kind:
            out.append([])
        kind = now
        label = row.label
        sign = -1 if _DEDUCTED in label.replace(_SIGNED, "") else 1
        line = _Line(pos, code, label, sign)
        out[-1].append(line)
        if len(out[-1]) > 2 and all(line.code.holds(o.code) for o in out[-1][:-1] if not o.code.previous):
            out.append([])
    return [s for s in out if s]


def _children(parent: _Line, lines: list[_Line]) -> list[_Line]:
    """The lines one level under ``parent``: held by it, and by no line between them."""
    inside = [o for o in lines if o is not parent and parent.code.holds(o.code) and not o.code.previous
              and not _OF_WHICH.match(o.label)]
    return [o for o in inside if not any(m is not o and m.code.holds(o.code) for m in inside)]


def _value(table: Table, line: _Line, lane: int) -> CellNumber:
    cell = table.rows[line.pos].cells.get(lane)
    if cell is None or cell.number is None:
        return CellNumber(text="", value=Fraction(0), decimals=0, half=Fraction(0), nil=True)
    return cell.number


def coded_checks(table: Table, file: str = "") -> list[TableCheck]:
    """Every range line and every result line of a coded statement, in every amount column."""
    checks: list[TableCheck] = []
    lanes = [c.index for c in table.columns]
    pages = tuple(sorted({r.origin[0] for r in table.rows if r.origin is not None}))
    for lines in _statements(table):
        sums = [(p, _children(p, lines), "the lines its code range holds") for p in lines
                if not p.code.result and not p.code.previous]
        sums = [(p, kids, why) for p, kids, why in sums if kids]
        sums += _results(lines)
        for total, parts, reading in sums:
            judged = {}
            for lane in lanes:
                tcell = table.rows[total.pos].cells.get(lane)
                if tcell is None or tcell.number is None:
                    continue
                printed = [p for p in parts if lane in table.rows[p.pos].cells]
                if not printed:
                    continue
                judged[lane] = (tcell, judge([(p.sign, _value(table, p, lane)) for p in printed], tcell.number), printed)
            held = any(j.verdict in _HOLDS for _c, j, _p in judged.values())
            for lane, (tcell, j, printed) in judged.items():
                fits = j.verdict in _HOLDS
                doubt = None if fits or held else (
                    f"{total.code.text} does not add up from its lines in any column: a line the page "
                    "leaves out or a figure read in the wrong column is more likely than an error")
                tref = cell_ref(table, total.pos, tcell)
                prefs = tuple(_ref(table, p, lane) for p in printed if lane in table.rows[p.pos].cells)
                checks.append(make_check(
                    table, file, "row", table.rows[total.pos].label, table.columns[lane].header if lane < len(
                        table.columns) else "", tref, prefs, j, f"{reading} ({total.code.text}: "
                    + ", ".join(("-" if p.sign < 0 else "") + p.code.text for p in printed) + ")",
                    doubt, pages if len(pages) > 1 else ()))
    checks += _schedule_checks(table, file, pages if len(pages) > 1 else ())
    return checks


def _ref(table: Table, line: _Line, lane: int) -> CellRef:
    return cell_ref(table, line.pos, table.rows[line.pos].cells[lane], line.sign)


# the gross margin's own lines, which the abbreviated model prints under it
_MARGIN = re.compile(r"^(?:7[0-4]|76A|60(?:/61)?|61)$")


def _results(lines: list[_Line]) -> list[tuple[_Line, list[_Line], str]]:
    """Each result line (99xx) with the result above it, the income lines between (class 7,
    added) and the charges (class 6, deducted): only lines no other line between them holds."""
    out: list[tuple[_Line, list[_Line], str]] = []
    previous: _Line | None = None
    start = 0
    for k, line in enumerate(lines):
        if not line.code.result:
            continue
        between = [o for o in lines[start:k] if not o.code.result and not _OF_WHICH.match(o.label)]
        if previous is not None and previous.code.text == "9900":
            between = [o for o in between if not _MARGIN.match(o.code.text)]
        top = [o for o in between if not any(m is not o and m.code.holds(o.code) for m in between)]
        signs = []
        for o in top:
            cls = o.code.text[0]
            if cls not in "67" or o.code.previous:
                break
            signs.append(_Line(o.pos, o.code, o.label, (1 if cls == "7" else -1) * o.sign))
        else:
            parts = ([previous] if previous is not None else []) + signs
            if len(parts) >= 2 or (previous is None and len(parts) >= 1 and top):
                out.append((line, parts, "the result above it, plus the income and minus the charges between"))
        previous, start = line, k + 1
    return out


# ---------------------------------------------------------------- movement schedules (8xxx)

# The schedules of the notes (fixed assets, financial assets) print each balance twice: "8199P" is
# the value at the end of the previous year (in the previous year's column), "8199" the value now,
# with the year's movements on the lines between. A movement's sign is in its wording, which the
# NBB's models fix (Dutch, French, English); "(+)/(-)" lines carry their own sign.
_MOVEMENTS = "^(?:mutaties tijdens het boekjaar|mutations de l'exercice|movements during the period)?\\s*"
_NET_VALUE = re.compile(r"^(?:nettoboekwaarde|valeur comptable nette|net book value)\b", re.IGNORECASE)
_MOVE_SIGNS: tuple[tuple[re.Pattern[str], int], ...] = tuple((re.compile(p, re.IGNORECASE), s) for p, s in (
    (_MOVEMENTS + r"(?:overdrachten|afgeboekt|teruggenomen|terugbetalingen|cessions|annul|repris|"
     r"rembours|sales and disposals|cancelled|written back|repayments)", -1),
    (_MOVEMENTS + r"(?:aanschaffingen|geboekt|verworven|toevoegingen|acquisitions|actés|acquis|additions|"
     r"recorded)", 1),
))
# in a schedule of net values (claims), write-downs lower the value and their reversal raises it
_NET_SIGNS: tuple[tuple[re.Pattern[str], int], ...] = tuple((re.compile(p, re.IGNORECASE), s) for p, s in (
    (_MOVEMENTS + r"(?:teruggenomen waardeverminderingen|reprises de réductions|write-downs written back)", 1),
    (_MOVEMENTS + r"(?:geboekte waardeverminderingen|réductions de valeur actées|write-downs recorded)", -1),
))
# the balances a net book value deducts: depreciation, write-downs, amounts not called up
_DEDUCTED_BALANCE = re.compile(
    r"^(?:afschrijvingen|waardeverminderingen|niet[- ]opgevraagde|amortissements|réductions de valeur|"
    r"montants non appelés|depreciation|amounts written down|uncalled)", re.IGNORECASE)


def _move_sign(label: str, net: bool) -> int | None:
    """The sign a movement line enters its balance with; ``None`` when the wording does not say."""
    if _SIGNED in label:
        return 1
    for pattern, sign in (*(_NET_SIGNS if net else ()), *_MOVE_SIGNS):
        if pattern.match(label):
            return sign
    return None


def _schedule_checks(table: Table, file: str, pages: tuple[int, ...]) -> list[TableCheck]:
    """Each movement schedule: the balance now = the previous year's + the year's movements; and a
    net book value = the balances now, less depreciation, write-downs and amounts not called up.
    The NBB's filing software rejects accounts whose schedules do not add up, so a schedule that
    does not is our misreading (a line the excerpt leaves out): it is written with its doubt."""
    checks: list[TableCheck] = []
    opening: tuple[int, Code] | None = None
    moves: list[int] = []
    closings: list[int] = []
    for pos, row in enumerate(table.rows):
        code = read_code(row.code) if row.code else None
        if code is None:
            continue
        if code.previous:
            opening, moves = (pos, code), []
        elif opening is not None and code.text == opening[1].text[:-1]:
            check = _movement_check(table, file, pages, opening[0], moves, pos)
            if check is not None:
                checks.append(check)
            if 0 in row.cells:
                closings.append(pos)
            opening = None
        elif opening is not None and row.code[0] == "8":
            moves.append(pos)
        elif _NET_VALUE.match(row.label) and closings:
            check = _net_value_check(table, file, pages, closings, pos)
            if check is not None:
                checks.append(check)
            closings, opening = [], None
        else:
            opening, closings = None, []
    return checks


def _movement_check(table: Table, file: str, pages: tuple[int, ...], first: int, moves: list[int],
                    last: int) -> TableCheck | None:
    closing, start = table.rows[last], table.rows[first]
    if 0 not in closing.cells or len(start.cells) != 1:
        return None
    (lane0, open_cell), = start.cells.items()
    net = bool(_NET_VALUE.match(closing.label))
    refs = [cell_ref(table, first, open_cell)]
    parts: list[tuple[int, CellNumber]] = [(1, open_cell.number)] if open_cell.number else []
    for pos in moves:
        cell = table.rows[pos].cells.get(0)
        if cell is None or cell.number is None:
            continue
        sign = _move_sign(table.rows[pos].label, net)
        if sign is None:
            return None
        refs.append(cell_ref(table, pos, cell, sign))
        parts.append((sign, cell.number))
    if len(parts) < 2 or lane0 == 0:
        return None
    return _schedule_check(table, file, pages, last, tuple(refs), parts,
                           "the balance at the end of the previous year plus the year's movements")


def _net_value_check(table: Table, file: str, pages: tuple[int, ...], closings: list[int],
                     pos: int) -> TableCheck | None:
    if 0 not in table.rows[pos].cells or len(closings) < 2:
        return None
    refs: list[CellRef] = []
    parts: list[tuple[int, CellNumber]] = []
    for c in closings:
        cell = table.rows[c].cells[0]
        if cell.number is None:
            return None
        sign = -1 if _DEDUCTED_BALANCE.match(table.rows[c].label) else 1
        refs.append(cell_ref(table, c, cell, sign))
        parts.append((sign, cell.number))
    return _schedule_check(table, file, pages, pos, tuple(refs), parts,
                           "the balances at the end of the year, less depreciation, write-downs and amounts not called up")


def _schedule_check(table: Table, file: str, pages: tuple[int, ...], pos: int, refs: tuple[CellRef, ...],
                    parts: list[tuple[int, CellNumber]], reading: str) -> TableCheck | None:
    tcell = table.rows[pos].cells[0]
    if tcell.number is None:
        return None
    j = judge(parts, tcell.number)
    doubt = None if j.verdict in _HOLDS else (
        f"{table.rows[pos].code}: a schedule the filing software checks does not add up as read: a line the "
        "page leaves out or a figure read in the wrong column is more likely than an error")
    return make_check(table, file, "row", table.rows[pos].label,
                      table.columns[0].header if table.columns else "", cell_ref(table, pos, tcell), refs, j,
                      f"{reading} ({table.rows[pos].code})", doubt, pages)
