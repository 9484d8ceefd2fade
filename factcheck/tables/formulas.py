"""Row formulas printed in a table: "4=1+2+3 Bruto-inkomen", "(6)=(3)+(4)+(5)", "resultaat (1+2)".

Dutch budget and income tables number their rows and print how a row is computed from the
others. Such a formula is the document's own statement of its arithmetic, so it is checked as
printed, whatever the row labels say. The numbers and formulas are read from the rows of all
tables on a page together, by position: layout often splits these tables into several pieces
(a row number on a line of its own, a formula glued to the next row's label).

Which row a number or formula belongs to:

- a cell that is only a row number ("(4)") numbers its own row;
- a row number at the start of a label ("1 AOW", "(2) Ontvangsten"), or after a wrapped word
  ("risico 9 Zorgtoeslag"), numbers that row;
- a line with only a small number on it (the number printed beside a label of two lines)
  numbers the nearest row with figures that has no number yet;
- a formula numbers its own row, or, when that row has a number already, the nearest row
  without one (the formula was printed beside a label that wrapped into the next row).

A formula is checked column by column, matching cells by their horizontal position. When it
holds in none of its columns, the rows were probably misread: the check carries a doubt and is
no alarm. Otherwise a column where it fails is an alarm, as the document states the formula.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ..model import Verdict
from .cells import CellNumber, whole_power_of_ten
from .detect import ROW_MARK, Cell, Row, Table
from .judging import Judgement, judge
from .labels import CHANGE_HEADER
from .records import CellRef, TableCheck, cell_ref, make_check

_N = r"\(?(\d{1,2})\)?"
_OP = r"\s*([+\-\u2212\u2013])\s*"
# a term of a formula with its own number: a row number, or the small letter a part row ends in
# ("(4=a-b+c+d)" over "Ontvangsten (a)", "Uitgaven (b)", ...)
_NL = r"\(?(\d{1,2}|[a-h])\)?"
# "4=1+2+3", "(10)=(6)+(9)", "7=4-5-6", "(5=3+4)"
_FORMULA = re.compile(rf"(?<![\w.,]){_N}\s*=\s*({_NL}(?:{_OP}{_NL})+)(?![\w.,])")
# "(1+2)" or "(b) - (a)" at the end of a label: the row is computed from the rows it names; the
# numbers may carry the points the rows are numbered with ("3. Fiscal balance (2.-1.)")
_TAIL_FORMULA = re.compile(r"\((\d{1,2}\.?(?:\s*[+\-\u2212\u2013]\s*\d{1,2}\.?)+)\)\s*$")
_TERM_OR_LETTER = re.compile(rf"(^|{_OP}){_NL}")
# a row numbered at the end of its label: "Correcties aftoetsen begrotingsdoelstelling BO 2026 (6)",
# or keyed by a small letter for a formula above it: "Ontvangsten (a)"
_TAIL_NUMBER = re.compile(r"\((\d{1,2}|[a-h])\)\s*$")
# "D. Financiële schulden op 31 december (A+B-C)", "Autofinancieringsmarge (I-II)": rows named by
# the letter or Roman numeral their label starts with (Flemish BBC schedules)
_KEY = r"(?:[IVX]{1,4}|[A-Z])"
_TAIL_LETTERS = re.compile(rf"\(({_KEY}(?:\s*[+\-\u2212\u2013]\s*{_KEY})+)\)\s*$")
_LETTER_TERM = re.compile(rf"(^|{_OP})({_KEY})")
_LEAD_LETTER = re.compile(rf"^({_KEY})\.\s*(?=[^\d\s.])")
_LEAD_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]?\s+(?=[^\d\s=])")
# a number after a wrapped word of the label above: "risico 9 Zorgtoeslag"
_INNER_NUMBER = re.compile(r"^[a-z][\w-]*\s+(\d{1,2})\s+(?=[A-Z])")
_LONE_NUMBER = re.compile(r"^\d{1,2}$")
_GROWTH = re.compile(r"growth|groei", re.IGNORECASE)
_HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)
# where the rows of the page before stand, in points above the page's own: above any page
_PAGE_BEFORE = 10_000.0


@dataclass(slots=True)
class _Line:
    """A row with figures on the page, with the number and formula it may carry."""

    table: Table
    pos: int  # index in table.rows
    row: Row
    cells: list[Cell]  # the figures, without a row-number cell
    number: int | str | None = None  # a row number, or the letter its label starts with ("A.", "II.")
    formula: list[tuple[int, int | str]] | None = None  # (sign, row number or letter)
    formula_text: str = ""
    pending: list[tuple[int, list[tuple[int, int | str]], str]] = field(default_factory=list)
    shift: float = 0.0  # rows of the page before stand this far above the page's own rows
    tail: bool = False  # numbered at the end of its label ("... (6)", "Ontvangsten (a)"): maybe a footnote's mark

    @property
    def middle(self) -> float:
        return (self.row.top + self.row.bottom) / 2 - self.shift


def _terms(expr: str, letters: bool = False) -> list[tuple[int, int | str]]:
    """(sign, row) of each term of a formula: row numbers or the small letters part rows end in,
    or with ``letters`` the letters or Roman numerals that start the rows' labels."""
    out: list[tuple[int, int | str]] = []
    for m in (_LETTER_TERM if letters else _TERM_OR_LETTER).finditer(expr):
        op = m.group(2)
        sign = -1 if op and op in "-\u2212\u2013" else 1
        term = m.group(3)
        out.append((sign, term if letters or not term.isdigit() else int(term)))
    return out


def _lines(tables: Sequence[Table], before: Sequence[Table] = ()) -> tuple[list[_Line], list[tuple[float, int]]]:
    """The rows with figures of a page's tables (after those of ``before``, the previous page's
    last table), top to bottom, and the lone row numbers."""
    lines: list[_Line] = []
    lone: list[tuple[float, int]] = []
    for table in [*before, *tables]:
        shift = _PAGE_BEFORE if table in before else 0.0
        for pos, row in enumerate(table.rows):
            figures = [c for c in row.cells.values() if c.number is not None]
            # "(9)" may have been taken for a footnote reference among large amounts (no number)
            marks = [c for c in row.cells.values() if ROW_MARK.match(c.text)]
            cells = [c for c in figures if c not in marks]
            label = row.label.strip()
            if not label and len(cells) == 1 and _LONE_NUMBER.match(cells[0].text) and not marks:
                lone.append(((row.top + row.bottom) / 2 - shift, int(cells[0].text)))
                continue
            if not label and not cells and len(marks) == 1:
                lone.append(((row.top + row.bottom) / 2 - shift, int(ROW_MARK.match(marks[0].text).group(1))))  # type: ignore[union-attr]
                continue
            if not cells:
                continue
            line = _Line(table, pos, row, sorted(cells, key=lambda c: c.bbox[0]), shift=shift)
            if marks:
                line.number = int(ROW_MARK.match(marks[0].text).group(1))  # type: ignore[union-attr]
            elif len(line.cells) >= 2 and _LONE_NUMBER.match(line.cells[0].text) and not any(
                _LONE_NUMBER.match(c.text) for c in line.cells[1:]
            ):
                # a row number printed in a column of its own, left of the figures
                line.number = int(line.cells[0].text)
                line.cells = line.cells[1:]
            for m in _FORMULA.finditer(label):
                line.pending.append((int(m.group(1)), _terms(m.group(2)), m.group(0)))
            tail = _TAIL_FORMULA.search(label)
            if tail and not line.pending:
                line.formula, line.formula_text = _terms(tail.group(1)), tail.group(0)
            elif (letters := _TAIL_LETTERS.search(label)) and not line.pending:
                line.formula, line.formula_text = _terms(letters.group(1), letters=True), letters.group(0)
            rest = _FORMULA.sub(" ", label).strip()
            if line.number is None:
                lead = _LEAD_NUMBER.match(rest) or _INNER_NUMBER.match(rest)
                if lead:
                    line.number = int(lead.group(1))
                elif letter := _LEAD_LETTER.match(rest):
                    line.number = letter.group(1)
                elif not line.pending and (end := _TAIL_NUMBER.search(rest) or _TAIL_NUMBER.search(row.mark)):
                    line.number = int(end.group(1)) if end.group(1).isdigit() else end.group(1)
                    line.tail = True
            lines.append(line)
    lines.sort(key=lambda ln: ln.middle)
    return lines, lone


def _nearest_free(lines: list[_Line], at: float, reach: float) -> _Line | None:
    free = [ln for ln in lines if ln.number is None and abs(ln.middle - at) <= reach]
    return min(free, key=lambda ln: abs(ln.middle - at), default=None)


def _percentages(line: _Line) -> bool:
    return all(c.number is not None and c.number.percent for c in line.cells)


def _number_lines(lines: list[_Line], lone: list[tuple[float, int]]) -> None:
    size = max((ln.row.bottom - ln.row.top for ln in lines), default=10.0)
    for i, ln in enumerate(lines):
        for lhs, terms, text in ln.pending:
            target = ln if ln.number in (None, lhs) else None
            above = lines[i - 1] if i else None
            if (
                target is ln and above is not None and above.number in (None, lhs) and above.formula is None
                and _percentages(ln) and not _percentages(above)
            ):
                # "(10)=(6)+(9)" between an amount row and its "Idem, in %" row adds amounts: it
                # belongs to the amount row above, whose label it was printed beside
                target = above
            if target is None:
                i = lines.index(ln)
                near = [x for x in lines[max(0, i - 2): i + 3] if x.number is None and x is not ln]
                target = min(near, key=lambda x: abs(x.middle - ln.middle), default=None)
            if target is not None:
                target.number, target.formula, target.formula_text = lhs, terms, text
    for at, number in lone:
        target = _nearest_free(lines, at, 2.5 * size)
        if target is not None:
            target.number = number


def _numbered(lines: list[_Line], number: int | str, at: _Line) -> _Line | None:
    """The row numbered ``number`` that a formula on ``at`` means: the nearest one above it, not
    beyond the last row numbered 1 (a page can hold several tables numbered from 1). None when it
    is not on this page."""
    above = [ln for ln in lines if ln.middle < at.middle]
    # numbering restarts at 1 in the next table: never reach back past that
    first = 1 if isinstance(number, int) else (
        "I" if number in ("I", "II", "III", "IV", "V", "VI") else "a" if number.islower() else "A")
    starts = [i for i, ln in enumerate(above) if ln.number == first]
    found = [ln for ln in above[starts[-1] if starts else 0:] if ln.number == number]
    if not found and isinstance(number, str) and number.islower():
        # "Evolutie ongewijzigd beleid (4=a-b+c+d)" over its parts "Ontvangsten (a)", "Uitgaven (b)":
        # lettered parts may follow their row, up to the next numbered one
        for ln in (ln for ln in lines if ln.middle > at.middle):
            if isinstance(ln.number, int):
                break
            if ln.number == number:
                return ln
    return found[-1] if found else None


def _column_match(cell: Cell, line: _Line, width: float) -> Cell | None:
    """The cell of ``line`` in the same column as ``cell``: right edges within about a figure's
    width (figures are right-aligned), the nearest one."""
    best = min(line.cells, key=lambda c: abs(c.bbox[2] - cell.bbox[2]), default=None)
    if best is None or abs(best.bbox[2] - cell.bbox[2]) > width:
        return None
    return best


def formula_checks(tables: Sequence[Table], file: str = "", before: Table | None = None) -> list[TableCheck]:
    """The checks of every row formula printed on one page (the page's tables, top to bottom).

    ``before``: the previous page's last table, when the page's first table continues it; the
    rows a formula names may stand there ("10=7-8+9" under a page break after row 8).
    """
    if not any(_FORMULA.search(r.label) or _TAIL_FORMULA.search(r.label) or _TAIL_LETTERS.search(r.label)
               for t in tables for r in t.rows):
        return []
    lines, lone = _lines(tables, [before] if before is not None else [])
    _number_lines(lines, lone)
    checks: list[TableCheck] = []
    for ln in lines:
        if ln.formula is None or ln.shift:
            continue
        rows = [(sign, r) for sign, n in ln.formula if (r := _numbered(lines, n, ln)) is not None and r is not ln]
        if len(rows) < len(ln.formula):
            continue
        judged = _judge_columns(ln, rows)
        held = sum(1 for *_, j in judged if j.verdict in _HOLDS)
        reading = f"the formula printed in the row's label ({ln.formula_text.strip()})"
        if held == 0 and len(judged) >= 2:
            flipped = _flipped_reading(ln, rows)
            if flipped is not None:
                judged, k = flipped
                held = len(judged)
                reading += (f", with row {ln.formula[k][1]} taken with the opposite sign: only so do the figures "
                            "hold, in every column (the row is printed with the sign the formula gives it)")
        for cell, parts, unit, j in judged:
            doubt = None
            if j.verdict not in _HOLDS and held == 0:
                doubt = (f"the formula '{ln.formula_text.strip()}' holds in none of its columns: its rows "
                         "may have been read wrongly")
            elif j.verdict not in _HOLDS and any(r.tail for _, r in rows):
                doubt = (f"a row the formula '{ln.formula_text.strip()}' names was found by the number at the "
                         "end of its label, which may be a footnote's mark rather than the row's number")
            checks.append(_check(ln, cell, parts, unit, j, doubt, file, reading))
    return checks


_Parts = list[tuple[int, _Line, Cell | None]]


def _rates(header: str) -> bool:
    """Does a column header name rates of change ("% change (2025-26 RE to 2026-27 BE)", "Growth",
    "Mutatie %")? Its percentages do not add up as the rows they describe do."""
    return bool(CHANGE_HEADER.search(header) or _GROWTH.search(header))


def _judge_columns(ln: _Line, rows: list[tuple[int, _Line]]) -> list[tuple[Cell, _Parts, Fraction, Judgement]]:
    """The formula judged in each column of ``ln`` where every row it names has a figure of the same kind."""
    judged = []
    headers = {c.index: c.header for c in ln.table.columns}
    for cell in ln.cells:
        num = cell.number
        assert num is not None
        if num.percent and _rates(headers.get(cell.col, "")):
            continue  # rates of change do not add up as their rows do ("% change" beside C+D+E)
        width = max(cell.bbox[2] - cell.bbox[0], 12.0)
        parts = [(sign, r, _column_match(cell, r, width)) for sign, r in rows]
        nums = [(sign, c.number) for sign, _, c in parts if c is not None and c.number is not None]
        if len(nums) < len(parts) or any(n.percent != num.percent for _, n in nums):
            continue
        unit = _rounded_to([n for _, n in nums] + [num])
        judged.append((cell, parts, unit, judge(nums, num, unit)))
    return judged


def _flipped_reading(
    ln: _Line, rows: list[tuple[int, _Line]]
) -> tuple[list[tuple[Cell, _Parts, Fraction, Judgement]], int] | None:
    """The columns judged with one row's sign turned round, and which row, when that makes the
    formula hold in every column ("(8)=(6)-(7)" where row 7, interest paid, is printed positive and
    the figures are (6)+(7)); None when no single turn does."""
    for k in range(len(rows)):
        turned = [(-sign if i == k else sign, r) for i, (sign, r) in enumerate(rows)]
        judged = _judge_columns(ln, turned)
        if len(judged) >= 2 and all(j.verdict in _HOLDS for *_, j in judged):
            return judged, k
    return None


def _rounded_to(numbers: list[CellNumber]) -> Fraction:
    """The power of ten (100 or more) that every non-zero figure is a whole multiple of, when
    there are three such figures or more; 0 otherwise: income tables print whole hundreds."""
    unit = whole_power_of_ten(numbers, 3)
    return Fraction(unit) if unit >= 100 else Fraction(0)


def _ref(line: _Line, cell: Cell, sign: int = 1, unit: Fraction = Fraction(0)) -> CellRef:
    """The cell as a check's figure; ``unit``: what the figures are rounded to, when coarser than
    their printed digits say (whole hundreds), so the claim file carries that precision too."""
    num = cell.number
    assert num is not None
    return cell_ref(line.table, line.pos, cell, sign, num.half if num.nil else max(num.half, unit / 2))


def _check(line: _Line, cell: Cell, parts: _Parts, unit: Fraction, j: Judgement, doubt: str | None, file: str,
           reading: str) -> TableCheck:
    table = line.table
    header = next((c.header for c in table.columns if c.index == cell.col), "")
    refs = tuple(_ref(r, c, s, unit) for s, r, c in parts if c is not None)
    return make_check(table, file, "row", line.row.label.strip(), header, _ref(line, cell, 1, unit), refs, j,
                      reading, doubt)
