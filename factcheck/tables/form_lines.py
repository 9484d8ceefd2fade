"""Forms whose lines are numbered and whose results say in words which lines they add.

A tax return or a grant form numbers its lines in a column of their own beside the amounts, and a
result line says how it is made: "Total expenses. Add lines 10 through 16", "Excess or (deficit)
for the year (Subtract line 17 from line 9)", "Combine lines 18 through 20", "Add lines 5b, 6c, and
7b to line 9"; a Dutch form "regel 3 + regel 4". Lines left blank are nothing (a form is filled
in only where there is an amount). The line numbers are read from the cells: a column of numbers
counting up down the page, each on a row of the form, with the amounts beside them.

Form 990 sets its line numbers at the start of the labels instead ("2a TUITION AND FEES", then
"b GRANTS AND CONTRACTS" for 2b), the lines a total adds in an inner column left of the total's,
and results its words do not spell out: "8a Gross income ...", "b Less: direct expenses", "c Net
income or (loss)" is the first less the second.

The words are the reading, so a result that adds up is checked on them. One that does not is never
an alarm: a line whose amount was not read (a wrapped label, a shaded box) would look the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Verdict
from .cells import CellNumber
from .detect import Cell, Table
from .judging import holds, judge
from .labels import clean_label, deducts
from .records import TableCheck, cell_ref, make_check

# A line number: "17", "5c", "28a" (a form numbers a line's parts with letters).
_CODE = re.compile(r"(\d{1,2})\s?([a-z]?)")
_REF = r"\d{1,2}[a-z]?"
_RANGE = re.compile(rf"\b(?:add|combine)\s+lines?\s+({_REF})(?:\s+(?:through|thru|to)\s+|\s?[-\u2013\u2014]\s?)({_REF})\b",
                    re.IGNORECASE)
# A line number set at the start of its label ("1a Federated campaigns", "b Membership dues" for 1b),
# as Form 990 prints them, when no column holds them.
_LABEL_CODE = re.compile(r"(?:(\d{1,2})([a-z]?)|([a-z]))\s+(?=\S)")
_LIST = re.compile(rf"\badd\s+lines?\s+((?:{_REF}\s*,?\s*(?:and\s+)?)+)(?:to\s+line\s+({_REF}))?", re.IGNORECASE)
_SUBTRACT = re.compile(rf"\bsubtract\s+line\s+({_REF})\s+from\s+line\s+({_REF})\b", re.IGNORECASE)
# "regel 3 + regel 4 - regel 5", "regel 1 t/m 4", "regels 1 tot en met 4"
_DUTCH_CHAIN = re.compile(rf"\bregel\s+({_REF})((?:\s*[+\-\u2212]\s*regel\s+{_REF})+)", re.IGNORECASE)
_DUTCH_RANGE = re.compile(rf"\bregels?\s+({_REF})\s+(?:t/m|tot\s+en\s+met)\s+({_REF})\b", re.IGNORECASE)
# a dot leader and what follows it on the line (the form's arrow to the amount: "G" in its font)
_LEADER = re.compile(r"(?:\s?\.){3,}.*$")
# Form lines counted up in a table, at least, before a column of small numbers is taken for line numbers.
MIN_LINES = 3

_DOUBT = ("a form line's words name the lines it adds, and these do not add up: a line whose amount "
          "was not read (a wrapped label, an amount set apart) would look the same")

_BACKWARDS = ("the rows below it include a line the form's words make a result of other lines: the sum runs "
              "the other way, and this row is one of that result's parts")


@dataclass(frozen=True, slots=True)
class _FormLine:
    code: tuple[int, str]
    table: Table
    pos: int
    number: Cell | None  # the cell that prints the line number (None: its label starts with it)
    amounts: dict[int, Cell]  # by column, counted from the line number's (+1: right after it)


def _code(cell: Cell) -> tuple[int, str] | None:
    m = _CODE.fullmatch(cell.text.strip())
    if m is None or cell.number is not None and (cell.number.decimals or cell.number.percent):
        return None
    return int(m.group(1)), m.group(2)


def _parse(code: str) -> tuple[int, str]:
    m = _CODE.fullmatch(code.lower())
    assert m is not None
    return int(m.group(1)), m.group(2)


def _form_lines(tables: Sequence[Table]) -> list[_FormLine]:
    """The page's rows that are numbered form lines, in order (empty when the page is no form):
    in a table, the column that holds line numbers in most rows, the numbers counting up down the
    table mostly one line at a time (a column of small counts, "5" hours a week for each officer,
    "5", "7", "12" reports, does not)."""
    out: list[_FormLine] = []
    for table in tables:
        counts: dict[int, int] = {}
        for row in table.rows:
            for col, cell in row.cells.items():
                if _code(cell) is not None:
                    counts[col] = counts.get(col, 0) + 1
        lines: list[_FormLine] = []
        if counts:
            at = max(counts, key=lambda c: (counts[c], -c))
            for pos, row in enumerate(table.rows):
                numbered = row.cells.get(at)
                code = None if numbered is None else _code(numbered)
                if numbered is None or code is None:
                    continue
                amounts = {col - at: c for col, c in row.cells.items() if col != at and c.number is not None}
                lines.append(_FormLine(code, table, pos, numbered, amounts))
        if not _counts_up(lines):
            lines = _labelled_lines(table, out[-1].code if out else None)
        if _counts_up(lines):
            out.extend(lines)
    return out


def _counts_up(lines: Sequence[_FormLine]) -> bool:
    """Do the lines count up down the table, mostly one line at a time (see _form_lines)?"""
    steps = list(zip(lines, lines[1:]))
    return (len(lines) >= MIN_LINES and all(b.code > a.code for a, b in steps)
            and 4 * sum(1 for a, b in steps if _next(a.code, b.code)) >= 3 * len(steps))


def _labelled_lines(table: Table, before: tuple[int, str] | None) -> list[_FormLine]:
    """The table's rows whose labels start with their line numbers, a letter alone standing for a
    later part of the line before ("b" after "1a"): the form sets no column of numbers apart. A row
    continues the numbering of the page's form lines ``before`` it (a table cut by a heading)."""
    lines: list[_FormLine] = []
    last = before
    for pos, row in enumerate(table.rows):
        m = _LABEL_CODE.match(row.label)
        if m is None:
            continue
        if m.group(3):
            # a later letter: a line between may have lost its letter to a wrapped label
            if last is None or not last[1] or m.group(3) <= last[1]:
                continue
            code = (last[0], m.group(3))
        else:
            code = (int(m.group(1)), m.group(2))
        amounts = {col + 1: c for col, c in row.cells.items() if c.number is not None}
        lines.append(_FormLine(code, table, pos, None, amounts))
        last = code
    return lines


def _next(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Does line ``b`` follow line ``a`` on a form ("9" then "10", "5a" then "5b", "5c" then "6")?
    A column of counts ("5", "7", "12" reports) skips."""
    return b[0] == a[0] + 1 or (b[0] == a[0] and len(b[1]) == 1 == len(a[1]) and ord(b[1]) == ord(a[1]) + 1)


def _instruction(label: str) -> tuple[list[tuple[str, str]], list[tuple[int, str]]] | None:
    """The lines a result's words add, as ranges (first, last) and single lines with a sign, or
    None when its words name none."""
    if (m := _SUBTRACT.search(label)) is not None:
        return [], [(1, m.group(2)), (-1, m.group(1))]
    if (m := _RANGE.search(label)) is not None:
        return [(m.group(1), m.group(2))], []
    if (m := _LIST.search(label)) is not None:
        refs = re.findall(_REF, m.group(1))
        if m.group(2):
            refs.append(m.group(2))
        return ([], [(1, r) for r in refs]) if len(refs) >= 2 else None
    if (m := _DUTCH_RANGE.search(label)) is not None:
        return [(m.group(1), m.group(2))], []
    if (m := _DUTCH_CHAIN.search(label)) is not None:
        signed = [(1, m.group(1))] + [(-1 if s in "-\u2212" else 1, r) for s, r in
                                      re.findall(rf"([+\-\u2212])\s*regel\s+({_REF})", m.group(2), re.IGNORECASE)]
        return [], signed
    return None


def _named(lines: list[_FormLine], ranges: list[tuple[str, str]], singles: list[tuple[int, str]],
           result: _FormLine) -> list[tuple[_FormLine, int]] | None:
    """The form lines the words name, with their signs; None when a line taken off, or most lines
    of a list, are not found on the page (a line found nowhere cannot be told blank)."""
    out: list[tuple[_FormLine, int]] = []
    for first, last in ranges:
        (a, la), (b, lb) = _parse(first), _parse(last)
        letter = la if la and la == lb else None
        out.extend((ln, 1) for ln in lines if ln is not result and a <= ln.code[0] <= b
                   and (letter is None or ln.code[1] == letter))
    missing = 0
    for sign, ref in singles:
        code = _parse(ref)
        found = [ln for ln in lines if ln.code == code and ln is not result]
        if not found and (sign < 0 or len(singles) == 2):
            return None
        missing += not found
        out.extend((ln, sign) for ln in found[:1])
    return None if 2 * missing >= len(singles) > 0 else out


def _inner_amount(line: _FormLine) -> Cell | None:
    """A line's only amount: Form 990 sets the lines a total adds in an inner column, left of the
    total's, so that none of them stands in the total's column."""
    return next(iter(line.amounts.values())) if len(line.amounts) == 1 else None


def _less_line(lines: Sequence[_FormLine], k: int) -> tuple[list[tuple[str, str]], list[tuple[int, str]]] | None:
    """Line ``k`` right after a "Less: ..." line of its own number, and that one after a line of it:
    "8a Gross income from fundraising events", "b Less: direct expenses", "c Net income or (loss)":
    the result is the first less the second, as a form means it without saying so."""
    result = lines[k]
    if k < 2 or not result.code[1]:
        return None
    gross, less = lines[k - 2], lines[k - 1]
    if not (gross.code[0] == less.code[0] == result.code[0]
            and deducts(_LABEL_CODE.sub("", less.table.rows[less.pos].label, count=1))):
        return None
    return [], [(1, f"{gross.code[0]}{gross.code[1]}"), (-1, f"{less.code[0]}{less.code[1]}")]


def form_line_checks(pages: Mapping[int, Sequence[Table]], file: str = "") -> list[TableCheck]:
    """The results of numbered form lines, each checked against the lines its words name (see the
    module's docstring); per page."""
    out: list[TableCheck] = []
    for number in sorted(pages):
        lines = _form_lines(pages[number])
        for k, result in enumerate(lines):
            label = result.table.rows[result.pos].label
            said = _instruction(label) or _less_line(lines, k)
            if said is None or not result.amounts:
                continue
            named = _named(lines, *said, result)
            if not named:
                continue
            for place, cell in sorted(result.amounts.items()):
                tnum = cell.number
                assert tnum is not None
                parts = [(ln, sign, c) for ln, sign in named if (c := ln.amounts.get(place)) is not None]
                if not parts and place == min(result.amounts):
                    parts = [(ln, sign, c) for ln, sign in named if (c := _inner_amount(ln)) is not None]
                if not parts:
                    continue
                signed: list[tuple[int, CellNumber]] = [(sign, c.number) for _ln, sign, c in parts
                                                         if c.number is not None]
                j = judge(signed, tnum)
                refs = tuple(cell_ref(ln.table, ln.pos, c, sign) for ln, sign, c in parts)
                what = "the form lines its words name (a blank line is nothing)"
                lane = next((c.header for c in result.table.columns if c.index == cell.col), "")
                out.append(make_check(result.table, file, "row", _LEADER.sub("", clean_label(label)), lane,
                                      cell_ref(result.table, result.pos, cell), refs, j, what,
                                      None if holds(j.verdict) else _DOUBT))
    return out


def line_number_cells(pages: Mapping[int, Sequence[Table]]) -> set[tuple[int, tuple[float, float, float, float]]]:
    """Where the pages' forms print their line numbers (page, box): no figures to add."""
    return {(number, ln.number.bbox) for number in pages for ln in _form_lines(pages[number])
            if ln.number is not None}


# a form's words for a result made of its lines, whether or not the lines they name were read
# ("Total. Add lines 1 through" with its last number on the next line)
_FORM_WORDS = re.compile(r"\b(?:add|combine|subtract)\s+lines?\b|\bregels?\s+\d", re.IGNORECASE)


def doubt_unread_instructions(checks: list[TableCheck]) -> list[TableCheck]:
    """A total whose label says in words that it is made of form lines, checked on other parts (the
    rows above it, as read) and not adding up exactly: our reading, not the form, is in doubt (a
    form's amounts are whole and its results exact, so a sum off by rounding has a figure too many
    or too few, such as a page number read as a row). Likewise a group read from the arithmetic whose
    rows below it include a line the form's words make a result ("Total. Add lines 1 through 3"): the
    sum runs the other way."""
    out = []
    for c in checks:
        if c.doubt is None and c.verdict is not Verdict.CONSISTENT and _FORM_WORDS.search(c.total_label):
            c = replace(c, doubt=_DOUBT)
        elif c.doubt is None and c.reading.startswith("the rows right below it") and any(
                _FORM_WORDS.search(p.label) for p in c.parts):
            c = replace(c, doubt=_BACKWARDS)
        out.append(c)
    return out
