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
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Literal

from ..model import Interval, Verdict, interval_verdict
from ..numbers import decimal_string
from .cells import CellNumber, long_figure
from .detect import ROW_NUMBER, Cell, Table

Orientation = Literal["row", "column"]

_PREFIX = re.compile(r"^\s*(?:\(?[0-9ivx]{1,4}[.)]?\s+|[a-z]\)\s+|[o•·\-–]\s+)", re.IGNORECASE)
_SUB = re.compile(r"^sub[-\s]?tota(?:al|l)\b", re.IGNORECASE)
_GRAND = re.compile(r"^(?:grand|overall|general)\s+total|^totaal\s+generaal|^eindtotaal|^total\s+general", re.IGNORECASE)
# "Som der bedrijfslasten": the Dutch annual accounts' word for a total
_TOTAL = re.compile(r"^tota(?:al|l|ls|les|le|ux|len)\b|^aggregate\b|^[\w.]+\s+tota(?:les|l|ux|le|al)\b|^som\s+(?:der|van)\b",
                    re.IGNORECASE)
_STAND = re.compile(r"^stand\b", re.IGNORECASE)
# A label that ends in the total word names what it closes: "01. Community Facilities Total",
# "Activities Grand Total:", "Accomplishments/Planned Programs Subtotals" ("Percent of total" and
# "Share of the total" are ratios, caught before this)
_ENDS_TOTAL = re.compile(
    r"^(?!.*\bof\s+(?:the\s+)?tota(?:al|l)\b).*?\S\s+(?:(?P<grand>grand\s+total)|(?P<sub>sub-?\s*totals?)|totals?|totaal)\s*:?\s*$",
    re.IGNORECASE,
)
# A closing balance is the total of the opening balance and the movements listed since it.
_CLOSING_BALANCE = re.compile(
    r"\b(?:end\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year|period)|closing\s+balance|ending\s+(?:fund\s+)?balance|"
    r"balance,?\s+end\b|carried\s+forward|\bthis\s+year[-\s]end\b|eindsaldo|eindstand|(?:stand|saldo)\s+(?:per|op|ultimo)\s+31\s+december|"
    r"saldo\s+(?:per\s+)?einde|einde\s+(?:boek)?jaar)",
    re.IGNORECASE,
)
_READABLE = re.compile(r"\d")
# A column of what is left: "Balance as at 30 June, 2021", "Saldo", "Remaining", "Nog beschikbaar".
_LEFT_HEADER = re.compile(
    r"\b(?:balance|saldo|remaining|unspent|unexpended|unutili[sz]ed|uncommitted|available|resterend|restant|"
    r"beschikbaar|over\b)",
    re.IGNORECASE,
)
# A column (or row) that is the difference of two others: "Change", "Verschil", "Variance", "Mutatie".
_CHANGE_HEADER = re.compile(
    r"change|difference|variance|increase|decrease|verschil|mutatie|afwijking|toename|afname|\bdiff\b|evolu[tc]i|\bdelta\b|veranderin|"
    r"\bvar\.?\b|\+\s*/\s*[-−–]|over\s*/\s*\(?under|under\w*\s*/\s*\(?over",
    re.IGNORECASE,
)
# "Net" alone (or Netto / Net total) closes a table; "Net interest" is an ordinary item
_SALDO = re.compile(
    r"\b(?:saldo|deficit|surplus|balance)\b|^net(?:to)?(?:\s+total)?\s*$|^net(?:to)?\s+\S+(?:\s+\S+){0,4}$|"
    r"^excess\b|^\w*resultaat\b|^(?:\w+\s+){1,2}resultaat\s*$|^(?:operating|operational|overall)\s+result\b|^\w{4,}saldo\b|\w*financieringsmarge\b|^(?:budgettair|gecumuleerd)\b.*\bresultaat\b|"
    r"^(?:winst|verlies|profit|loss)(?:\s*[/(]\s*\(?(?:winst|verlies|profit|loss)\)?)?(?:\s+for\s+the\s+(?:year|period))?\s*$",
    re.IGNORECASE,
)
# Rows that are breakdowns of the row above, or not amounts at all, are never parts.
# (Whole words: "Memorial Day" is a part, "Memorandum items:" is not.)
_MEMO = re.compile(r"^(?:(?:waarvan|of which|o/w|thereof|including|memo(?:randum)?)\b|w\.v\.|incl\.|p\.m\.)",
                   re.IGNORECASE)
# A share of the row above printed under it, in the words that never name a part of the table's
# own sum ("Waarvan ten gunste komt van fondsen" can be one, in a reserve's movements)
_OF_WHICH_ROW = re.compile(r"^(?:of which|o/w)\b", re.IGNORECASE)
_NOT_AMOUNT = re.compile(
    r"%|\bper\s?cent|procent|percentage|aandeel|share|\bratio\b|average|gemiddeld|\bindex\b|\bgrowth\b|\bgroei\b|"
    # "change" as a measure, not in a name ("Department of Climate Change", "changes to … levies(b)")
    r"(?<!climate )change(?!s?\s+to\b)|\bchg\b|\bvar\.?\b|\brates?\b|\bper\b|\bmean\b|\bmedian\b|\bin % ",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\s*\d+\.\s")
_PER_SALDO = re.compile(r"\bper\s+saldo\b", re.IGNORECASE)
_PER_DATE = re.compile(r"\bper\s+(?=\d{1,2}(?:[-./]\d{1,2}\b|\s+[a-z]{3,}))", re.IGNORECASE)
# Words that make a row a ratio rather than an amount only when its figures are small: "Share of
# budget 34.0" is a ratio, "FEDERAL GOVERNMENT SHARE OF MAIN POOL 18,843,331,510,032" an amount,
# and so is a town's levy "New Growth $134,215".
_SHARE_WORD = re.compile(r"\bshares?\b|\baandeel\b|\bgrowth\b|\bgroei\b", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")
# "Rates" (a property tax: "Rates", "Business rates", a column "Rates" of a council's income) names
# amounts when the figures under it are amounts, as "Interest rate 3.5" never is
_RATES = re.compile(r"\brates\b", re.IGNORECASE)

# Rows whose label says they are taken off: "Less: refunds", "Af: ontvangsten", "-/- korting".
_DEDUCT = re.compile(
    r"^(?:less\b|af\b|af:|minus\b|deduct\b|-/-|min:|verminderd\s+met|minder\b|excluding\b|"
    r"exclusief\b|eliminat|offset|netting\b)|\s-/-\s",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^((?:19|20)\d\d)\s*[-–‒]\s*((?:19|20)?\d\d)$")


@dataclass(frozen=True, slots=True)
class CellRef:
    """One printed figure taking part in a check, located in the table grid (1-based row/col)."""

    label: str  # row label (row orientation) or column header (column orientation)
    stated: str
    value: Fraction
    decimals: int
    half: Fraction
    bbox: tuple[float, float, float, float]  # on its own page
    page: int  # where the figure is printed: a table continued over pages has cells on several
    table: int  # the table's number on that page
    row: int  # row and column in that page's part of the table
    col: int
    sign: int = 1  # -1 for the subtrahend of a difference (Deficit = outlays - receipts)
    share: bool = False  # the share printed in brackets after the cell's figure ("63 (18.5%)")

    @property
    def interval(self) -> Interval:
        """The interval this printed figure stands for."""
        return Interval(self.value - self.half, self.value + self.half)


@dataclass(frozen=True, slots=True)
class TableCheck:
    """The verdict on one total in one lane (a Totaal row in one column, or a Total column in one row)."""

    file: str
    page: int
    table: int
    title: str | None
    unit_text: str | None
    multiplier: Fraction
    unit: str | None
    orientation: Orientation  # "row": the total is a row; "column": the total is a column
    total_label: str  # "Totaal", "Total outlays", or a column header such as "Total"
    lane_label: str  # where the check runs: the column header ("2023") or the row label
    total: CellRef
    parts: tuple[CellRef, ...]
    verdict: Verdict
    difference: Fraction  # printed total minus the exact sum of the printed parts
    parts_interval: Interval
    total_interval: Interval
    slack: Fraction  # how far the intervals rule lets the printed sum stray: sum of all half-widths
    # "sum", "difference" when a part enters with a minus sign, "share" (a percentage: part / whole),
    # "growth" (a percentage change: (new - old) / old; parts: new, old), "product" (parts: the
    # count, or the amount before a percentage, then the price or the percentage)
    relation: str = "sum"
    scale_factor: Fraction | None = None  # for verdict "scale": total = factor x parts
    pages: tuple[int, ...] = ()  # the pages a table continued over pages spans; () for one page
    reading: str = ""  # which rows or columns were taken as the parts, in words
    # Why a total that does not add up may be our misreading rather than the document's error.
    # Such a check is no alarm: it is written as a figure with its doubt, not as a relation.
    doubt: str | None = None

    @property
    def alarm(self) -> bool:
        """Whether this check reports a problem: it does not hold and nothing casts doubt on it."""
        return not _fits(self.verdict) and self.doubt is None

    def to_claims(self) -> list[dict[str, object]]:
        """This check as claims: one input claim per part, one relation claim for the total.

        A doubted check is one claim, the total as a plain figure: its evidence says what sum was
        tried and why it may be our misreading, so a person can look, and nothing raises an alarm.
        """
        if self.doubt is not None:
            return [self._doubted_claim()]
        claims: list[dict[str, object]] = [self._input_claim(p) for p in self.parts]
        if self.relation == "product":
            # a count times a price (or an amount times a percentage): the count has no unit
            if "%" not in self.parts[1].stated:
                claims[0] = {k: v for k, v in claims[0].items() if k not in ("unit", "scale")}
            expr = f"{_cell_id(self, self.parts[0])} * {_cell_id(self, self.parts[1])}"
            unit_fields: dict[str, object] = self._unit_fields()
        elif self.relation in ("share", "growth"):
            # a percentage: part / whole, or the change (new - old) / old, in percent whatever the
            # amounts' unit and scale
            new, old = _cell_id(self, self.parts[0]), _cell_id(self, self.parts[1])
            if self.parts[0].sign < 0:
                new = f"-{new}"  # a share printed with the sign the total gives its row
            expr = f"{new} / {old}" if self.relation == "share" else f"({new} - {old}) / {old}"
            unit_fields = {"unit": "%"}
        else:
            plus = [_cell_id(self, p) for p in self.parts if p.sign > 0]
            minus = [_cell_id(self, p) for p in self.parts if p.sign < 0]
            expr = f"sum({', '.join(plus)})" if plus else "0"
            for m in minus:
                expr += f" - {m}"
            unit_fields = self._unit_fields()
        claims.append(
            {
                "id": _cell_id(self, self.total),
                "stated": self.total.stated,
                **_exact_fields(self.total, point=abs(self.difference) <= self.total.half),
                "expr": expr,
                **unit_fields,
                "where": self._where(self.total),
                "origin": "discovered",
                # A mapping, like every discovered claim's evidence, so check and the reports keep it.
                "evidence": self._evidence_fields(),
            }
        )
        return claims

    def _evidence_fields(self) -> dict[str, object]:
        fields: dict[str, object] = {"relation": "table total", "found": self.evidence}
        if self.reading:
            fields["reading"] = self.reading
        if not _fits(self.verdict):
            fields["others"] = _REJECTED
        return fields

    def _doubted_claim(self) -> dict[str, object]:
        terms = " ".join(
            ("− " if p.sign < 0 else "+ ") + p.stated for p in self.parts
        ).removeprefix("+ ")
        return {
            "id": _cell_id(self, self.total),
            "stated": self.total.stated,
            **_exact_fields(self.total),
            **self._unit_fields(),
            "where": self._where(self.total),
            "origin": "discovered",
            "evidence": {
                "relation": "table total, not checked",
                "found": self.evidence,
                "tried": f"{terms} = {decimal_string(self.total.value - self.difference)}",
                "doubt": self.doubt,
            },
        }

    @property
    def evidence(self) -> str:
        """One line saying where the relation was found, for people reading the claim file."""
        if self.pages:
            span = f"pages {self.pages[0]}–{self.pages[-1]}"
            table = f"{self.title} ({span})" if self.title else f"the table on {span}"
        else:
            table = self.title or f"table {self.table} on page {self.page}"
        if self.orientation == "row":
            return f"{self.total_label} row of {table}, column {self.lane_label or self.total.col}"
        return f"{self.total_label} column of {table}, row {self.lane_label or self.total.row}"

    def _unit_fields(self, ref: CellRef | None = None) -> dict[str, object]:
        return unit_fields("%" in (ref or self.total).stated, self.unit, self.multiplier)

    def _where(self, ref: CellRef) -> dict[str, object]:
        return {
            "page": ref.page,
            "table": ref.table,
            "row": ref.row,
            "col": ref.col,
            "bbox": [round(v, 1) for v in ref.bbox],
        }

    def _input_claim(self, ref: CellRef) -> dict[str, object]:
        return {
            "id": _cell_id(self, ref),
            "stated": ref.stated,
            **_exact_fields(ref),
            **self._unit_fields(ref),
            "where": self._where(ref),
            "origin": "discovered",
        }


def _exact_fields(ref: CellRef, point: bool = False) -> dict[str, object]:
    """`value` and `precision` of a cell, so the claim file never re-reads the printed text.

    The number format is decided per table (an English report may print "3.597" for 3597), which
    the document-wide `language` of a claim file cannot express.
    """
    fields: dict[str, object] = {"value": decimal_string(ref.value)}
    if ref.half <= 0:
        fields["precision"] = "exact"
        return fields
    power = 0
    width = 2 * ref.half
    while width > 1 and width % 10 == 0:
        width /= 10
        power += 1
    while width < 1 and width * 10 <= 1:
        width *= 10
        power -= 1
    if width == 1:
        fields["precision"] = str(power)
    elif point:
        # a percentage judged with the slack of a figure rounded or cut off ("4,7" for 4,79), whose
        # exact value from the printed parts lies within that slack: `tolerance` says just that
        fields["tolerance"] = decimal_string(ref.half)
    else:
        # where only the parts' rounding explains it (436.7% = 0.18 / 0.04), a tolerance would drop
        # that rounding (the computed value itself must fall within it): the printed digits' own
        # precision keeps the inputs' intervals in play, so check agrees with the table's judgement
        fields["precision"] = str(-ref.decimals)
    return fields


def cell_ref(
    table: Table, pos: int, cell: Cell, sign: int = 1, half: Fraction | None = None, label: str | None = None,
) -> CellRef:
    """The figure of ``cell`` in row ``pos`` of ``table``, located where it is printed (a table
    joined over pages keeps each row's page). ``half``: a wider rounding than its digits say;
    ``label``: what the check calls it, by default the row's label."""
    num = cell.number
    assert num is not None
    page, index, row = table.rows[pos].origin or (table.page, table.index, pos)
    owner = table.rows[pos].cells.get(cell.col)
    return CellRef(table.rows[pos].label if label is None else label, cell.text, num.value, num.decimals,
                   num.half if half is None else half, cell.bbox, page, index, row + 1, cell.col + 1, sign,
                   owner is not None and owner.share is cell)


def unit_fields(percent: bool, unit: str | None, multiplier: Fraction) -> dict[str, object]:
    """A table figure's `unit` and `scale` fields: the table's, except for a percentage, whose unit
    is % whatever the table's amounts are counted in (a table in thousands of euros)."""
    if percent:
        return {"unit": "%"}
    out: dict[str, object] = {}
    if unit:
        out["unit"] = unit
    if multiplier != 1:
        out["scale"] = str(multiplier)
    return out


def cell_claim(table: Table, pos: int, cell: Cell) -> dict[str, object]:
    """One table cell as a plain figure claim (id ``t<page>_<table>_r<row>_c<col>``), with the
    table's unit and scale: the input of a relation found outside the table checker."""
    ref = cell_ref(table, pos, cell)
    scale = table.scale
    claim: dict[str, object] = {"id": f"t{ref.page}_{ref.table}_r{ref.row}_c{ref.col}", "stated": cell.text,
                                **_exact_fields(ref)}
    unit = (scale.unit if scale else None) or _printed_currency(table)
    claim.update(unit_fields(cell.number is not None and cell.number.percent, unit,
                             scale.multiplier if scale is not None else Fraction(1)))
    claim["where"] = {"page": ref.page, "table": ref.table, "row": ref.row, "col": ref.col,
                      "bbox": [round(v, 1) for v in cell.bbox]}
    claim["origin"] = "discovered"
    return claim


def _cell_id(check: TableCheck, ref: CellRef) -> str:
    # a share printed after its figure stands in the figure's cell: an id of its own, or the
    # share's relation would take the place of the figure in every sum that adds it
    return f"t{ref.page}_{ref.table}_r{ref.row}_c{ref.col}" + ("_s" if ref.share else "")


def checks_to_claims(checks: list[TableCheck]) -> list[dict[str, object]]:
    """Claims for many checks, each cell once: a cell that is a total somewhere keeps its relation.

    A cell that is the total of two checks (a grand total checked down and across) gets the
    second relation under the id with a ``_x`` suffix.
    """
    return claims_and_sources(checks)[0]


def claims_and_sources(checks: list[TableCheck]) -> tuple[list[dict[str, object]], dict[str, TableCheck]]:
    """:func:`checks_to_claims`, and for each relation claim's id the check it states."""
    by_id: dict[str, dict[str, object]] = {}
    source: dict[str, TableCheck] = {}
    order: list[str] = []
    for chk in checks:
        for claim in chk.to_claims():
            cid = str(claim["id"])
            old = by_id.get(cid)
            if old is None or ("expr" in claim and "expr" not in old):
                by_id[cid] = claim
                if old is None:
                    order.append(cid)
                if "expr" in claim:
                    source[cid] = chk
            elif "expr" in claim and "expr" in old and claim["expr"] != old["expr"] and cid + "_x" not in by_id:
                by_id[cid + "_x"] = dict(claim, id=cid + "_x")
                order.append(cid + "_x")
                source[cid + "_x"] = chk
    _percent_sums(by_id)
    _unitless_counts(by_id, order)
    return [by_id[i] for i in order], source


_PRODUCT = re.compile(r"^(t\d+_\d+_r\d+_c\d+(?:_s)?) \* (t\d+_\d+_r\d+_c\d+(?:_s)?)$")


def _unitless_counts(by_id: dict[str, dict[str, object]], order: list[str]) -> None:
    """A product's count has no unit (41 × $14.99); when another check wrote that cell first in
    the table's unit (a Qty column added up in a table of dollars), the product takes the count
    as a plain number of its own (id ``…_n``, the same printed figure), or it would give dollars²."""
    for cid in list(order):
        claim = by_id[cid]
        m = _PRODUCT.match(str(claim.get("expr") or ""))
        if m is None:
            continue
        count, factor = by_id.get(m[1]), by_id.get(m[2])
        if count is None or factor is None or factor.get("unit") == "%" or "unit" not in count and "scale" not in count:
            continue
        # (a deep copy: a claim file writer must not see one mapping in two places)
        plain = copy.deepcopy({k: v for k, v in count.items() if k not in ("unit", "scale", "expr", "evidence")})
        plain["id"] = m[1] + "_n"
        if plain["id"] not in by_id:
            by_id[str(plain["id"])] = plain
            order.append(str(plain["id"]))
        by_id[cid] = claim | {"expr": f"{m[1]}_n * {m[2]}"}


_CELL_ID = re.compile(r"\bt\d+_\d+_r\d+_c\d+(?:_s)?(?:_x)?\b")


def _percent_sums(by_id: dict[str, dict[str, object]]) -> None:
    """A sum of figures that another check reads as percentages (a "%" column printed without
    the sign, its shares found over a base row) is a sum of percentages: the total and every
    part in percent, or the sum would add a percentage to a plain figure."""
    changed = True
    while changed:
        changed = False
        for cid, claim in by_id.items():
            expr = str(claim.get("expr") or "")
            if claim.get("unit") == "%" or not expr.startswith("sum("):
                continue
            refs = [r for r in _CELL_ID.findall(expr) if r in by_id]
            if not any(by_id[r].get("unit") == "%" for r in refs):
                continue
            for r in [cid, *refs]:
                if by_id[r].get("unit") != "%":
                    by_id[r] = {k: v for k, v in by_id[r].items() if k != "scale"} | {"unit": "%"}
                    changed = True


# ---------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class Judgement:
    """The arithmetic outcome of comparing a total with signed parts."""

    verdict: Verdict
    difference: Fraction
    parts_interval: Interval
    total_interval: Interval
    slack: Fraction
    scale_factor: Fraction | None


def judge(parts: list[tuple[int, CellNumber]], total: CellNumber, unit: Fraction = Fraction(0)) -> Judgement:
    """Compare the printed total with the signed printed parts, exactly, with rounding intervals.

    A nil dash counts as zero for the exact sum, and as "zero or rounds to zero" for the
    interval (half a unit of the total's last digit): statistical offices print "–" for both.
    ``unit``: what every figure is known to be rounded to when that is coarser than its digits
    (an income table in whole hundreds, see factcheck.tables.formulas).
    """
    s, p_iv, t_iv, half, t_half = _intervals(parts, total, unit / 2)
    verdict, factor = interval_verdict(s, p_iv, total.value, t_iv)
    return Judgement(verdict, total.value - s, p_iv, t_iv, half + t_half, factor)


def _intervals(
    parts: list[tuple[int, CellNumber]], total: CellNumber, unit_half: Fraction
) -> tuple[Fraction, Interval, Interval, Fraction, Fraction]:
    """The parts' sum, its interval, the total's interval, and the two half-widths."""
    # (a part's value as it is when its sign is +1: no product made for most parts)
    s = sum((n.value if sign == 1 else sign * n.value for sign, n in parts), Fraction(0))
    half = sum((max(total.half if n.nil else n.half, unit_half) for _, n in parts), Fraction(0))
    t_half = max(total.half, unit_half)
    return s, Interval(s - half, s + half), Interval(total.value - t_half, total.value + t_half), half, t_half


def _fit_verdict(parts: list[tuple[int, CellNumber]], total: CellNumber) -> Verdict:
    """:func:`judge`'s verdict where it says the total fits (consistent, rounding), and
    ``mismatch`` for every other: the cheap test for readings that are only being compared."""
    # judge's sums as one numerator over one positive denominator each, and its two tests
    # (equal; the intervals meet: |sum - total| <= the half-widths) cross-multiplied: exactly
    # the same answers without a Fraction made and reduced at every step (five times faster)
    sn, sd, hn, hd = 0, 1, 0, 1  # the parts' sum, and their half-widths'
    for sign, n in parts:
        a, b = n.value.numerator, n.value.denominator
        if sign != 1:
            a *= sign
        if b == sd:
            sn += a
        else:
            sn, sd = sn * b + a * sd, sd * b
        half = total.half if n.nil else n.half
        if half > 0:
            a, b = half.numerator, half.denominator
            if b == hd:
                hn += a
            else:
                hn, hd = hn * b + a * hd, hd * b
    tn, td = total.value.numerator, total.value.denominator
    if sn * td == tn * sd:
        return Verdict.CONSISTENT
    thn, thd = (total.half.numerator, total.half.denominator) if total.half > 0 else (0, 1)
    if abs(sn * td - tn * sd) * hd * thd <= (hn * thd + thn * hd) * sd * td:
        return Verdict.ROUNDING
    return Verdict.MISMATCH


def _fits(v: Verdict) -> bool:
    return v in (Verdict.CONSISTENT, Verdict.ROUNDING)


_LAST_ZERO = re.compile(r"0\D*$")
TENS_DOUBT = "every figure of it ends in 0: rounded to tens, as projections and estimates are, they add up"


def tens_unit(total: CellNumber, parts: list[tuple[int, CellNumber]]) -> Fraction | None:
    """Ten times the unit of the last printed digit, when every figure of a sum (four at least,
    nil and zero left out) is printed to the same digit and ends in 0: such figures may be rounded
    to tens ("558,750" over nine projected counts), and then their sum is off by up to five per
    figure. None otherwise."""
    shown = [n for n in (total, *(n for _, n in parts)) if not n.nil and n.value != 0]
    if len(shown) < 4 or any(n.half != shown[0].half or not _LAST_ZERO.search(n.text) for n in shown):
        return None
    return 20 * shown[0].half


def tens_explain(total: CellNumber, parts: list[tuple[int, CellNumber]]) -> bool:
    """Whether a sum that does not add up does, read as figures rounded to tens."""
    unit = tens_unit(total, parts)
    return unit is not None and _fits(judge(parts, total, unit).verdict)


# ---------------------------------------------------------------- structure


@dataclass(slots=True)
class _Item:
    """A row (or column) seen as one item in a sequence: label, kind, and its cells per lane."""

    pos: int  # index in table.rows or table.columns
    label: str
    kind: str  # part | total | sub | grand | saldo | memo | none
    cells: dict[int, Cell]
    explicit: list[tuple[_Item, int]] | None = None  # parts fixed by the label (a year range)
    explicit_tag: str = "explicit"  # how the label fixed them, for the reading's words
    consumed: bool = False
    group_children: list[_Item] = field(default_factory=list)
    deduct: bool = False  # the label says the row is taken off ("Less:", "Af:", "-/-")
    tentative: bool = False  # a group guessed from row numbering: a part again unless it adds up
    headed: bool = False  # a heading line was joined to the label: the rows before it may be no parts


def deducts(label: str) -> bool:
    """Does the row's label say it is taken off ("Less:", "Af:", "-/-")?"""
    return bool(_DEDUCT.search(label.strip()))


def _sign(part: _Item, sign: int, lane: int) -> int:
    """The sign a part enters a total with: a deduction row printed as a positive amount is
    subtracted; printed negative (in brackets or with a minus) it already carries its sign."""
    if part.deduct:
        cell = part.cells.get(lane)
        if cell is not None and cell.number is not None and cell.number.value > 0:
            return -sign
    return sign


def _clean(label: str) -> str:
    return _PREFIX.sub("", label.strip()).strip()


# "Datalekmeldingen EU (ontvangen), waarvan:" - a total printed above the rows that make it up
_HEAD = re.compile(r"(?:waarvan|of which|bestaande uit|comprised of|consisting of|as follows)\s*:\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # a label is asked about once per table read, and per figure near it
def _row_kind(label: str) -> str:
    lab = _clean(label)
    if _HEAD.search(lab):
        return "head"
    if not lab:
        # an unlabelled line of figures: a subtotal marked only by a rule, if it adds up, else a
        # header fragment or a stray, and never a part
        return "anon"
    if _MEMO.match(lab):
        return "memo"
    # "Per saldo" is Dutch for net, not a rate per something
    lab = _PER_SALDO.sub("saldo", lab)
    # "per 31 december" dates a balance; it is no rate per something
    lab = _PER_DATE.sub("op ", lab)
    # a parenthesis qualifies the item ("(80% OF WHICH IS CAPTURED ...)"); it does not make it a ratio,
    # and a row that says it is taken off ("Af: aandeel in de kosten") is an amount
    if _NOT_AMOUNT.search(_PARENTHESES.sub("", lab)) and not _TOTAL.match(lab) and not deducts(lab):
        return "none"
    if _SUB.match(lab):
        return "sub"
    if _GRAND.match(lab):
        return "grand"
    if _TOTAL.match(lab):
        return "total"
    if m := _ENDS_TOTAL.match(lab):
        return "grand" if m.group("grand") else "sub" if m.group("sub") else "total"
    if _CLOSING_BALANCE.search(lab):
        return "total"
    if _SALDO.search(lab) and len(lab.split()) <= 7:
        return "saldo"
    return "part"


def _col_kind(header: str) -> str:
    h = header.strip()
    if not h:
        return "part"
    if _NOT_AMOUNT.search(h):
        return "none"
    if re.search(r"\bsub[-\s]?tota", h, re.IGNORECASE):
        return "sub"
    if re.search(r"\bgrand\s+total|\btotaal\s+generaal", h, re.IGNORECASE):
        return "grand"
    if re.search(r"\btota(?:al|l|ls|les|le)\b", h, re.IGNORECASE):
        return "total"
    return "part"


def _has_value(cells: dict[int, Cell]) -> bool:
    return any(c.number is not None for c in cells.values())


def _row_items(table: Table) -> list[_Item]:
    items: list[_Item] = []
    first_valued = True
    years = _year_columns(table)
    for pos, row in enumerate(table.rows):
        cells = {c: cell for c, cell in row.cells.items() if c not in years}
        if row.section or not _has_value(cells):
            continue
        if all(re.fullmatch(r"(?:19|20)\d\d", c.text) for c in cells.values() if c.number is not None):
            continue  # a row of years is a header that slipped into the body
        kind = _row_kind(row.label)
        if kind == "none" and _amounts_only(cells) and _SHARE_WORD.search(row.label) and not _NOT_AMOUNT.search(
            _SHARE_WORD.sub("", _PARENTHESES.sub("", _clean(row.label)))
        ):
            kind = "part"
        if kind == "none" and _rates_of_amounts(row.label, cells):
            kind = "part"
        if _STAND.match(_clean(row.label)):
            # Dutch begroting tables: "Stand ontwerpbegroting 2019" closes the mutations that
            # follow the first "Stand" row; the first one is a part
            kind = "part" if first_valued else "total"
        items.append(_Item(pos, row.label, kind, cells, deduct=deducts(row.label), headed=row.headed))
        first_valued = False
    _dated_balances(items)
    _cash_flows(items)
    _echoed_headings(items)
    _profit_lines(items)
    _repeated_results(items)
    _shares_of_one_base(items)
    _numbered_groups(items)
    # ministry rows in capitals over numbered department rows (India Union Budget)
    for i, it in enumerate(items):
        lab = _clean(it.label)
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
_OPENING_DATE = re.compile(r"\b(?:per|op|at|as\s+at)\s+1\s+(?:januari|january|april)\b|\bbegin\s+(?:van\s+het\s+)?"
                           r"(?:boek)?jaar\b|\bbeginning\s+of\s+(?:the\s+)?year\b|\bbrought\s+forward\b|\bb/f\b|"
                           r"\bopening\s+balance\b|\bbeginsaldo\b", re.IGNORECASE)
# a bare balance after an opening one and the movements ("Balance Brought Forward / Add income /
# Deduct expenditure / Balance")
_BARE_BALANCE = re.compile(r"(?:closing\s+)?balance|(?:eind)?saldo", re.IGNORECASE)
_CLOSING_DATE = re.compile(r"\b(?:per|op|at|as\s+at)\s+31\s+(?:december|march|maart)\b|\beinde\s+(?:van\s+het\s+)?"
                           r"(?:boek)?jaar\b|\bend\s+of\s+(?:the\s+)?year\b", re.IGNORECASE)


def _dated_balances(items: list[_Item]) -> None:
    """A row dated at the period's end, after a row of the same table dated at its start, closes
    the movements between them: the opening balance plus the rows (and subtotals) after it."""
    opened = False
    for it in items:
        if _OPENING_DATE.search(it.label):
            opened = True
            if it.kind == "saldo":
                it.kind = "part"  # "Balance Brought Forward" is where the movements start, not a result
        elif opened and (it.kind == "part" and _CLOSING_DATE.search(it.label)
                         or it.kind == "saldo" and _BARE_BALANCE.fullmatch(_clean(it.label))):
            it.kind = "total"
            opened = False


def _all_percent(cells: dict[int, Cell]) -> bool:
    nums = [c.number for c in cells.values() if c.number is not None and not c.number.nil]
    return bool(nums) and all(n.percent for n in nums)


# What a percentage is taken of, as a label or a heading names it: "in percentage van het gemiddeld
# belegd vermogen", "Budget totals as a percent of GDP:"
OF_BASE = re.compile(
    r"(?:%|per\s?cent(?:age)?|procent|share)\s+(?:of|van)\s+(?:the\s+|het\s+|de\s+)?(?P<base>[^:]*\w)", re.IGNORECASE
)


def _shares_of_one_base(items: list[_Item]) -> None:
    """"Totale kosten in percentage van het gemiddeld belegd vermogen" under "Kosten vermogensbeheer in
    percentage van ..." and "Transactiekosten in percentage van ...": percentages of one base add up
    like amounts, so the rows right above such a total, of the same base, are its parts."""
    for i, it in enumerate(items):
        m = OF_BASE.search(it.label)
        if it.kind not in ("total", "sub") or m is None or not _all_percent(it.cells):
            continue
        base = " ".join(m["base"].lower().split())
        k = i - 1
        while k >= 0 and items[k].kind == "none" and _all_percent(items[k].cells) and (
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
    text = _PARENTHESES.sub("", _clean(label))
    return bool(_RATES.search(text)) and not _NOT_AMOUNT.search(_RATES.sub("", text)) and _amounts_only(cells)


def _numbered_groups(items: list[_Item]) -> None:
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


def _col_items(table: Table) -> list[_Item]:
    items: list[_Item] = []
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
    years = _year_columns(table)
    for c in table.columns:
        if c.index in years:
            continue
        kind = _col_kind(c.leaf)
        if kind == "none" and _rates_of_amounts(c.leaf, lanes.get(c.index, {})):
            kind = "part"
        it = _Item(c.index, c.header, kind, lanes.get(c.index, {}))
        m = _RANGE.match(re.sub(r"^tota(?:al|ls?)\s+", "", c.header.strip(), flags=re.IGNORECASE))
        if m and totals_in_header:
            a, b = int(m.group(1)), int(m.group(2)) if len(m.group(2)) == 4 else 2000 + int(m.group(2))
            if a in year_cols and b in year_cols and a < b:
                it.kind = "total"
                it.explicit = [(_Item(year_cols[y], str(y), "part", lanes.get(year_cols[y], {})), 1)
                               for y in range(a, b + 1) if y in year_cols]
        items.append(it)
    _spanned_totals(items)
    _roll_forward(items)
    return items


# "FY 2019 Total" after "FY 2019 Base" and "FY 2019 OCO": a heading that spans its columns
_SPANNED_TOTAL = re.compile(r"^(?P<span>.*\S)\s+tota(?:al|l)$", re.IGNORECASE)


def _spanned_totals(items: list[_Item]) -> None:
    """A total column under a heading it shares with the columns right before it ("FY 2019" over
    "Base | OCO | Total"): the total of those columns only, not of every column since the last
    total (the years before it are no parts)."""
    for i, it in enumerate(items):
        m = _SPANNED_TOTAL.match(it.label.strip())
        if it.kind != "total" or it.explicit is not None or m is None:
            continue
        span = m.group("span") + " "
        run: list[_Item] = []
        for x in reversed(items[:i]):
            if x.kind != "part" or not x.label.startswith(span) or not x.label[len(span):].strip():
                break
            run.insert(0, x)
        if len(run) >= 2:
            it.explicit, it.explicit_tag = [(x, 1) for x in run], "spanned heading"


# A movement schedule's columns: "Saldo 31-12-2022 | Vermeerdering | Vermindering | Vrijval |
# Saldo 31-12-2023", "Balance at 1 April | Additions | Disposals | Balance at 31 March".
_BALANCE_WORD = re.compile(r"\b(saldo|stand|balance|boekwaarde|book\s+value|carrying\s+amount)\b", re.IGNORECASE)
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[-/.]\d{1,2}\b|januari|december|april|march|june|juni|"
                    r"\b\d{1,2}[-/.\s](?:jan|feb|mrt|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b|"
                    r"beginning|begin|end\b|einde|ultimo|opening|closing", re.IGNORECASE)
# Movement columns that take off when printed as positive amounts.
_DECREASE = re.compile(
    r"verminder|onttrek|afschrijv|aflos|vrijval|afname|aanwend|besteding|decrease|withdraw|disposal|"
    r"depreciat|amorti[sz]|utili[sz]ed|\bused\b|released|write[-\s]?off|repaid|repayment",
    re.IGNORECASE,
)


_ROMAN = re.compile(r"^\s*[IVX]{1,5}\s*[.)]\s*\S")
_LETTER = re.compile(r"^\s*[a-z]\s*[.)]\s+\S")
_DIGIT = re.compile(r"^\s*\d{1,2}\s*[.)]\s+\S")


def numbering(label: str) -> str | None:
    """How a label is numbered: "roman" (II.), "letter" (a.), "digit" (3.) or None."""
    for name, pattern in (("roman", _ROMAN), ("letter", _LETTER), ("digit", _DIGIT)):
        if pattern.match(label):
            return name
    return None


# Rows a saldo of costs and benefits takes off, and the ones it adds
_COST = re.compile(r"\b(?:\w*kosten|lasten|uitgaven|costs?|expenses?|expenditures?|outlays)\b", re.IGNORECASE)
_BENEFIT = re.compile(r"\b(?:baten|opbrengsten|besparing\w*|inkomsten|savings?|revenues?|income|benefits?)\b",
                      re.IGNORECASE)


def is_cost(label: str) -> bool:
    """Does the row name spending ("b. Uitgaven", "Extra kosten ...") and not income?"""
    return bool(_COST.search(label)) and not _BENEFIT.search(label)


# A group heading merged into its first row's label ("Kosten Licentie voor de app", "Effecten
# Besparing ..."): the rows after it, up to the next such heading, are costs (or benefits) too.
_COST_HEAD = re.compile(r"^(?:kosten|lasten|uitgaven|costs|expenses|expenditures?)\s+\S", re.IGNORECASE)
_BENEFIT_HEAD = re.compile(r"^(?:baten|opbrengsten|effecten|besparingen|inkomsten|ontvangsten|revenues?|income|"
                           r"benefits|savings)\s+\S", re.IGNORECASE)


def _cost_signs(rows: list[_Item]) -> list[tuple[_Item, int]]:
    """Each row with -1 when it is a cost: it names one, or stands under a heading of costs."""
    out = []
    group = 1
    for x in rows:
        label = x.label.strip()
        if _COST_HEAD.match(label):
            group = -1
        elif _BENEFIT_HEAD.match(label):
            group = 1
        out.append((x, -1 if is_cost(label) else 1 if _BENEFIT.search(label) else group))
    return out


# A cash flow statement (IFRS, IPSAS, US GAAP, RJ): the net change in cash is the sum of the net
# cash flows of the activities above it, and the cash at the end is the cash at the beginning plus
# that change. The labels say so, whatever the layout.
_NET_ACTIVITY = re.compile(
    r"^(?:net\s+cash\s+(?:flows?\s+)?(?:from|used|provided|generated|\(?used\)?|inflows?|outflows?|applied)\b.*"
    r"\bactivities|(?:netto\s+)?kasstroom\s+uit\s+(?:operationele|bedrijfs|investerings|financierings)\w*)",
    re.IGNORECASE)
_NET_CHANGE = re.compile(
    r"^(?:net\s+(?:\(?(?:increase|decrease)\)?(?:\s*/\s*\(?(?:increase|decrease)\)?)?|change)\s+in\s+cash|"
    r"(?:mutatie|toename|afname|netto\s+kasstroom)\b.*\bliquide\s+middelen)", re.IGNORECASE)
_CASH_AT = re.compile(r"^(?:cash\b.*\bat\s+(?:the\s+)?(?P<en>beginning|start|end|close)\b|"
                      r"liquide\s+middelen\s+(?:per\s+)?(?P<nl>begin|ultimo|einde|eind)\w*)", re.IGNORECASE)


def _cash_flows(items: list[_Item]) -> None:
    """The net change in cash over its activities' net cash flows, and the cash at the end over
    the cash at the beginning and that change (module comment above)."""
    activities: list[_Item] = []
    change: _Item | None = None
    begin: _Item | None = None
    for it in items:
        label = _clean(it.label)
        if _NET_ACTIVITY.match(label):
            activities.append(it)
        elif _NET_CHANGE.match(label):
            if len(activities) >= 2:
                it.kind, it.explicit, it.explicit_tag = "total", [(a, 1) for a in activities], "cash flow"
            activities, change = [], it
        elif (m := _CASH_AT.match(label)) is not None:
            word = (m.group("en") or m.group("nl")).lower()
            if word in ("beginning", "start", "begin"):
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


def _profit_lines(items: list[_Item]) -> None:
    """Each result line over the result above it and the signed totals between them, when every
    one of those totals says whether it is income or a cost."""
    previous: _Item | None = None
    between: list[_Item] = []
    for it in items:
        label = _clean(it.label)
        if _PROFIT_LINE.match(label) and it.explicit is None and any(c.number is not None for c in it.cells.values()):
            parts = [(previous, 1)] if previous is not None else []
            signs = [(t, -1 if is_cost(t.label) else 1) for t in between
                     if is_cost(t.label) or _BENEFIT.search(t.label)]
            if between and len(signs) == len(between) and len(parts) + len(signs) >= 1 and (
                    previous is not None or any(s < 0 for _t, s in signs)):
                it.kind, it.explicit, it.explicit_tag = "total", parts + signs, "result lines"
            previous, between = it, []
        elif _TOTAL_OF.match(label) and it.kind in ("total", "sub"):
            between.append(it)


# The words of a result line: "GROSS PROFIT", "NET INCOME", "Profit after Taxation", "Resultaat boekjaar"
_RESULT_WORD = re.compile(r"\b(?:profit|loss|income|result|surplus|deficit|resultaat|winst|verlies|saldo)\b",
                          re.IGNORECASE)


def _shown(it: _Item) -> dict[int, Fraction]:
    return {ln: c.number.value for ln, c in it.cells.items() if c.number is not None and not c.number.nil}


def _repeated_results(items: list[_Item]) -> None:
    """A result line that prints the figures of the total or result right above it, in every
    column, is that line carried down ("Total Income" then "GROSS PROFIT"; "NET OPERATING INCOME"
    then "NET INCOME" when there is nothing else to add or take off): checked as a copy of it."""
    for above, it in zip(items, items[1:]):
        if it.explicit is not None or it.kind not in ("part", "saldo") or it.pos - above.pos > 2:
            continue
        if not (_RESULT_WORD.search(_clean(it.label)) or _PROFIT_LINE.match(_clean(it.label))):
            continue
        if above.kind not in ("total", "sub", "grand", "saldo") and not _PROFIT_LINE.match(_clean(above.label)):
            continue
        if _repeats(it, above):
            # a saldo, not a total: the totals above it that a later total adds up end at it
            it.kind, it.explicit, it.explicit_tag = "saldo", [(above, 1)], "copy"


def _echoed_headings(items: list[_Item]) -> None:
    """Accounting software's reports print a group's amount on its heading and again on its total
    ("Placements de trésorerie €40,000.00" … "Total Placements de trésorerie €40,000.00"): the
    total adds up the group's own entries, each inner group once (by its total), and the heading,
    an echo of the total, is no part of anything."""
    closing: dict[int, int] = {}  # a heading's position -> its total's
    for j, it in enumerate(items):
        m = _TOTAL_OF.match(_clean(it.label))
        shown = {ln: c.number.value for ln, c in it.cells.items() if c.number is not None and not c.number.nil}
        if m is None or not shown:
            continue
        name = m.group("name").strip().lower()
        for i in range(j - 1, -1, -1):
            head = items[i]
            if i in closing or _clean(head.label).strip().lower() != name:
                continue
            if all((c := head.cells.get(ln)) is not None and c.number is not None and c.number.value == v
                   for ln, v in shown.items()):
                closing[i] = j
            break
    for i, j in closing.items():
        parts: list[tuple[_Item, int]] = []
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


def _roll_forward(items: list[_Item]) -> None:
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
    if any(it.kind != "part" for k, it in enumerate(items) if k not in stops):
        return
    for i, j in zip(stops, stops[1:]):
        middle = items[i + 1 : j]
        for it in middle:
            # headers hyphenated over two lines read "Vermin- dering"
            it.deduct = bool(_DECREASE.search(re.sub(r"(\w)-\s+(\w)", r"\1\2", it.label)))
        items[j].kind = "total"
        items[j].explicit = [(items[i], 1)] + [(it, 1) for it in middle]


def _movement_signs(explicit: list[tuple[_Item, int]]) -> list[tuple[str, list[tuple[_Item, int]]]]:
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
    m = re.match(r"^(?:sub[-\s]?)?tota(?:al|l|ls)\s+(.+)$", _clean(label), re.IGNORECASE)
    if not m:
        return []
    words = [w for w in re.findall(r"[^\W\d_]{3,}", m.group(1).lower()) if w not in ("and", "the", "van", "het")]
    return words[:2]


_TOTAL_OF = re.compile(r"^\s*(?:sub-?\s*)?(?:total|totaal)\s*(?:[-–:]\s*|of\s+|van\s+)?(?P<name>.+)$", re.IGNORECASE)


def _named_heading(label: str, loose: list[_Item]) -> int:
    """Where a heading named like the total ("Total-X" under "X") was joined to a row's label
    among ``loose``: the index of the first row under it, or 0 when none (or the first row) is.
    The layout joins such a heading to the label of the row below it, or of the row above it
    as if it were that label's wrapped end ("17. ... (UNNATI), 2024 Industrial Development of ...")."""
    m = _TOTAL_OF.match(label)
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


def _candidates(
    items: list[_Item], i: int, top_level: list[_Item], loose: list[_Item]
) -> list[tuple[str, list[tuple[_Item, int]]]]:
    """Readings of 'the parts of items[i]', most likely first, each tagged with how it was found."""
    it = items[i]
    if it.explicit is not None:
        return [(it.explicit_tag, it.explicit), *_movement_signs(it.explicit)]
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
    below: list[tuple[_Item, int]] = []
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
        for nxt in items[i + 1 :]:
            if nxt.kind != "part":
                break
            below.append((nxt, 1))
        if len(below) < 2:
            below = []
    # "V. Budgettair resultaat" after "III. Saldo ..." and "IV. Financieringssaldo": the rows numbered
    # at its own level since the last total
    level = numbering(it.label)
    siblings = [x for x in top_level if level is not None and numbering(x.label) == level]
    cands: list[tuple[str, list[tuple[_Item, int]]]]
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
        if len(last_two) == 2 and is_cost(last_two[0].label) and not is_cost(last_two[1].label) and _BENEFIT.search(
                last_two[1].label):
            cands.append(("pair", [(last_two[1], 1), (last_two[0], -1)]))
        if len(siblings) >= 2:
            cands.insert(0, ("numbered", [(x, 1) for x in siblings[-2:]]))
            cands.insert(1, ("numbered", [(siblings[-2], 1), (siblings[-1], -1)]))
        # "Saldo kosten en baten": the rows that name a cost, or stand under a heading of costs
        # merged into the first of them ("Kosten Inzet welzijnscoaches"), taken off the others
        signs = _cost_signs(loose)
        if len(signs) >= 2 and {s for _, s in signs} == {1, -1}:
            cands.append(("costs off", signs))
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
    subtotals: list[tuple[_Item, int]] = []
    for x in reversed(top_level):
        if x.kind not in ("total", "sub"):
            break
        subtotals.insert(0, (x, 1))
    if it.kind in ("total", "grand") and not loose and len(subtotals) >= 2:
        # "Total Income" right under "Total Fundraising" and "Total Programs": the subtotals it
        # closes (taken only when they add up in every column, see _scan)
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
    out: list[tuple[str, list[tuple[_Item, int]]]] = []
    seen: list[list[tuple[_Item, int]]] = []
    for tag, c in cands:
        # one part is a check too ("TOTAL - AID AND GRANTS" over its one item), but never an alarm
        if c and c not in seen:
            out.append((tag, c))
            seen.append(c)
    return out


def _closes(total: _Item, parts: list[tuple[_Item, int]]) -> bool:
    """Do the signed parts add up to the total in every lane where both print figures?"""
    lanes = _lanes(total, parts)
    return bool(lanes) and all(_fits(_fit_lane(total, parts, ln)) for ln in lanes)


def _lanes(total: _Item, parts: list[tuple[_Item, int]]) -> list[int]:
    lanes = []
    for lane, cell in total.cells.items():
        if cell.number is None:
            continue
        if any(lane in p.cells and p.cells[lane].number is None and _READABLE.search(p.cells[lane].text)
               for p, _ in parts):
            continue  # a part printed with digits that could not be read ("77,934,651."): no verdict
        present = [n for p, _ in parts if lane in p.cells and (n := p.cells[lane].number) is not None]
        if not present:
            continue
        if all(n.nil for n in present):
            # no part printed in this lane (a budget column with only the total): nothing to add
            continue
        if any(cell.number.percent != n.percent for n in present if not n.nil):
            continue  # a percentage total over amounts (or the reverse) is not a sum
        if cell.number.nil and not _fits(_fit_lane(total, parts, lane)):
            # a total left "-" over parts that do not cancel out: not filled in for that column
            # (an actuals column of a budget), so it says nothing for or against the reading
            continue
        lanes.append(lane)
    return lanes


def _lane_figures(
    total: _Item, parts: list[tuple[_Item, int]], lane: int
) -> tuple[list[tuple[int, CellNumber]], CellNumber]:
    """The signed figures the parts print in the lane, and the total's."""
    nums = [(_sign(p, s, lane), n) for p, s in parts if lane in p.cells and (n := p.cells[lane].number) is not None]
    tnum = total.cells[lane].number
    assert tnum is not None
    return nums, tnum


def _judge_lane(total: _Item, parts: list[tuple[_Item, int]], lane: int) -> Judgement:
    return judge(*_lane_figures(total, parts, lane))


def _fit_lane(total: _Item, parts: list[tuple[_Item, int]], lane: int) -> Verdict:
    """:func:`_judge_lane`'s verdict as far as it fits or not (see :func:`_fit_verdict`)."""
    return _fit_verdict(*_lane_figures(total, parts, lane))


def _opposite(total: _Item, parts: list[tuple[_Item, int]], lane: int) -> bool:
    """Do the parts add up exactly to the total's figure with the other sign (a long figure)?"""
    j = _judge_lane(total, parts, lane)
    n = total.cells[lane].number
    return n is not None and n.value != 0 and j.difference == 2 * n.value and _long_total(total, [lane])


def _scan(
    items: list[_Item],
    soft_lanes: set[int],
    orientation: Orientation,
    all_soft: bool = False,
    suspect: bool = False,
    signed: bool = False,
    grouped: frozenset[int] = frozenset(),
    carried: dict[int, list[int]] | None = None,
    over: frozenset[tuple[int, int]] = frozenset(),
) -> list[tuple[_Item, list[tuple[_Item, int]], dict[int, Judgement], str]]:
    """Walk the items in order and settle each total's parts; return (total, parts, lane verdicts,
    the reading that chose the parts). ``signed``: the table says what a sign means. ``grouped``:
    rows that a group's amount on the row above them adds up (found from the arithmetic).
    ``carried``: lanes that are total rows adding up the rows (lanes) listed, in every column.
    ``over``: (head, row) pairs of group heads found from the arithmetic and the rows they add up."""
    out = []
    top_level: list[_Item] = []
    loose: list[_Item] = []
    for i, it in enumerate(items):
        if it.kind in ("memo", "none") or it.consumed:
            continue
        if it.kind == "part" or (it.kind in ("total", "sub") and it.pos in grouped and not any(
                _closes(it, cand) for _, cand in _candidates(items, i, top_level, loose))):
            # a row named a total that closes nothing before it under any reading, while a group's
            # amount above it adds it up with them, is one of that group's items ("Total, Other
            # Financing (Sources) / Uses" under "Financing/Transfers")
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
                lanes = _lanes(it, parts)
                res = {ln: _judge_lane(it, parts, ln) for ln in lanes}
                if len(parts) >= 2 and lanes and all(_fits(j.verdict) for j in res.values()):
                    out.append((it, parts, res, "below"))
                    for k, _ in parts:
                        k.consumed = True
                    break
            continue
        best = None
        if it.tentative and not _group_holds(it):
            it.kind = "part"
            top_level.append(it)
            loose.append(it)
            continue
        candidates = _candidates(items, i, top_level, loose)
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
            if loose and _repeats(it, loose[-1]):
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
            lanes = _lanes(it, cand)
            if not lanes:
                continue
            # readings are compared by whether they fit; the chosen one is judged in full below
            fit_by = {ln: _fit_lane(it, cand, ln) for ln in lanes}
            hard = [ln for ln in lanes if ln not in soft_lanes] or lanes
            fits = sum(1 for ln in hard if _fits(fit_by[ln]))
            if tag == "leading rows" and (fits < len(hard) or len(hard) < 2 or not _long_total(it, hard)):
                continue  # a part of the block that adds up in some lanes only is a coincidence
            if tag in ("below", "first breakdown") and all(
                    (zero := it.cells[ln].number) is not None and zero.value == 0 for ln in lanes):
                continue  # rows below a zero total that are zero where it is printed: no evidence they are its parts
            if tag == "movement signs" and (len(hard) < 2 or 4 * fits < 3 * len(hard)):
                continue  # signs read from the figures must hold in most rows, or they are chosen to fit
            if tag == "groups" and fits < len(hard):
                continue  # a group found from the arithmetic stands for its items only where that adds up everywhere
            if tag in ("nested", "block") and _cancelling(cand, hard):
                continue  # a total and the result restating it negated ("Gross Profit (5,714.93)"): no parts
            if tag in ("same columns", "subtotals") and (len(fit_by) < 2 or not all(_fits(fit_by[ln]) for ln in hard)):
                continue  # only when it holds in every column: a filter chosen by the layout alone
            if tag == "first breakdown" and (
                fits < len(hard) or not all(fit_by[ln] is Verdict.CONSISTENT for ln in hard)
                or not (len(hard) >= 3 or (len(hard) >= 2 and _long_total(it, hard)))
            ):
                continue  # exact in every lane (three at least, or long figures), or a coincidence
            if signed and it.kind == "saldo" and fits < len(hard) and all(
                _fits(fit_by[ln]) or _opposite(it, cand, ln) for ln in hard
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
        res = {ln: _judge_lane(it, cand, ln) for ln in fitted}
        # a lane of the grand total off by just what its rows' lanes are off together, where that
        # total adds up its rows in every column: one error carried down, not a second failure of
        # the reading
        counted = len(hard) - len(_carried_lanes(res, hard, carried or {})) if fits > 0 else len(hard)
        if it.kind == "anon" and (fits < len(hard) or tag not in ("flat", "after heading", "groups")
                                  or (len(cand) < 2 and not _repeats(it, cand[0][0]))):
            continue  # an unlabelled line is a subtotal only when it closes the rows above it exactly
        if it.kind == "anon":
            out.extend(_closing_sections(it, top_level[: len(top_level) - len(loose)]))
        trusted = _understood(it.kind, tag, orientation, fits, counted) and (fits > 0 or not suspect)
        if not trusted and fits == 0 and tag == "flat" and _swapped(it, cand, hard):
            tag, trusted = "swapped", True
        if trusted and not _several_breakdowns(it, cand, hard):
            # percent and 'change' lanes are not additive by nature: report them only when they add up
            kept = {
                ln: j for ln, j in res.items() if (ln not in soft_lanes and not all_soft) or _fits(j.verdict)
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
        top_level.append(it)
        loose = []
    return out


def _cancelling(parts: list[tuple[_Item, int]], lanes: list[int]) -> bool:
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


def head_pairs(table: Table, heads: list[TableCheck]) -> frozenset[tuple[int, int]]:
    """(head, row) positions in ``table.rows`` of the group heads that hold in every lane they were
    judged in and are not labelled as totals, with each row they add up."""
    pos_of = {}
    for p, r in enumerate(table.rows):
        page, index, row = r.origin or (table.page, table.index, p)
        pos_of[(page, index, row + 1)] = p
    where = lambda ref: pos_of.get((ref.page, ref.table, ref.row))  # noqa: E731
    failing = {where(h.total) for h in heads if not _fits(h.verdict)}
    return frozenset((hp, pp) for head, part in _heads_over(heads)
                     if (hp := where(head)) is not None and hp not in failing and (pp := where(part)) is not None)


def _heads_over(heads: list[TableCheck]) -> Iterator[tuple[CellRef, CellRef]]:
    """(head, part) for each group head found from the arithmetic that holds and is not labelled as
    a total (a row labelled Total closes the rows above it: read as a head over the rows below, it
    is the same identity backwards), with each row it adds up."""
    return ((h.total, p) for h in heads if _fits(h.verdict) and _row_kind(h.total_label) not in ("total", "grand", "sub")
            for p in h.parts)


def _carried_lanes(res: dict[int, Judgement], lanes: list[int], carried: dict[int, list[int]]) -> set[int]:
    """The failing lanes that are total rows (``carried``: total lane -> the lanes it adds up, in
    every column) off by exactly what their own failing lanes are off together."""
    out = set()
    for ln in lanes:
        if ln not in carried or _fits(res[ln].verdict):
            continue
        under = [x for x in carried[ln] if x in res and not _fits(res[x].verdict)]
        if under and not set(under) & set(carried) and sum(res[x].difference for x in under) == res[ln].difference:
            out.add(ln)
    return out


def _swapped(total: _Item, parts: list[tuple[_Item, int]], lanes: list[int]) -> bool:
    """Does each lane's sum equal, exactly, the total printed under one other lane, lanes for lanes
    (Recurrent's rows add up to the total under Development, and the other way round)? A total row
    printed in the wrong columns: an error in the table, not our misreading of it, since a row is
    read left to right and long figures do not match by chance."""
    if len(lanes) < 2 or not _long_total(total, lanes):
        return False
    taken: set[int] = set()
    for lane in lanes:
        nums, _own = _lane_figures(total, parts, lane)
        hits = [m for m in lanes if m != lane and judge(nums, total.cells[m].number).verdict  # type: ignore[arg-type]
                is Verdict.CONSISTENT]
        if len(hits) != 1 or hits[0] in taken:
            return False
        taken.add(hits[0])
    return True


def _repeats(it: _Item, row: _Item) -> bool:
    """Does the line print the row's figures, the same in every column, one of them not zero?"""
    mine = _shown(it)
    return bool(mine) and mine == _shown(row) and any(v != 0 for v in mine.values())


def _closing_sections(
    it: _Item, before: list[_Item], nil_sections: bool = False
) -> list[tuple[_Item, list[tuple[_Item, int]], dict[int, Judgement], str]]:
    """An unlabelled subtotal that is also the sum of the section subtotals above it: a movement
    schedule's closing book value = the opening one + the balance of the movements, each closed by
    its own line. Taken only when exact in every lane, never as an alarm: the layout alone says
    nothing of it. ``nil_sections``: a section may be nil in a lane ("-" where a block had
    nothing that year), as long as two of them are not."""
    sections: list[tuple[_Item, int]] = []
    for x in reversed(before):
        if x.kind != "anon":
            break
        sections.insert(0, (x, 1))
    if len(sections) < 2:
        return []
    lanes = _lanes(it, sections)
    res = {ln: _judge_lane(it, sections, ln) for ln in lanes}
    if not res or not all(j.verdict is Verdict.CONSISTENT for j in res.values()):
        return []
    if nil_sections:
        if not all(_nonzero(it, ln) and sum(_nonzero(p, ln) for p, _ in sections) >= 2 for ln in res):
            return []
    elif not any(_nonzero(it, ln) for ln in res) or any(not _nonzero(p, ln) for p, _ in sections for ln in res):
        return []  # zeros add up to anything made of zeros
    return [(it, sections, res, "sections")]


def _long_total(total: _Item, lanes: list[int]) -> bool:
    """Does the total have four significant digits or more in every lane?"""
    return all((n := total.cells[lane].number) is not None and long_figure(n) for lane in lanes)


def _group_holds(group: _Item) -> bool:
    """Whether a group row guessed from numbering adds up over its numbered rows in some lane."""
    parts = [(k, 1) for k in group.group_children]
    # a lane of zeros (0 = 0 + 0 + 0, next year's empty column) says nothing
    return any(_fits(_judge_lane(group, parts, ln).verdict) and _nonzero(group, ln) for ln in _lanes(group, parts))


def _several_breakdowns(total: _Item, parts: list[tuple[_Item, int]], lanes: list[int]) -> bool:
    """Parts adding up to about twice the total or more, in every lane: one total over several
    breakdowns (by sex, then by race, then by ethnicity), not one list of parts."""
    if any(s < 0 for _, s in parts):
        return False
    for lane in lanes:
        t = total.cells[lane].number
        nums = [p.cells[lane].number for p, s in parts if lane in p.cells and _sign(p, s, lane) > 0]
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


def _year_columns(table: Table) -> set[int]:
    """Columns whose figures are all years ("Struc. in 2030"): not amounts, never summed."""
    seen: dict[int, list[str]] = {}
    for row in table.rows:
        for c, cell in row.cells.items():
            if cell.number is not None and not cell.number.nil:
                seen.setdefault(c, []).append(cell.text)
    return {c for c, texts in seen.items() if all(re.fullmatch(r"(?:19|20)\d\d", t) for t in texts)}


def _percent_column(table: Table, col: int) -> bool:
    """Does the column print a percentage in some row?"""
    return any((c := row.cells.get(col)) is not None and c.number is not None and c.number.percent
               for row in table.rows)


def _soft_columns(table: Table) -> set[int]:
    soft: set[int] = set()
    for col in table.columns:
        if _NOT_AMOUNT.search(col.header) or re.search(r"\bpart\.?\b|\bshare\b", col.header, re.IGNORECASE):
            soft.add(col.index)
    for row in table.rows:
        for ci, cell in row.cells.items():
            if cell.number is not None and cell.number.percent:
                soft.add(ci)
    return soft


# A variance is favourable one way for income and the other for spending: a plain change is not.
_VARIANCE = re.compile(
    r"varian|afwijking|over\s*/\s*\(?under|under\w*\s*/\s*\(?over|favou?rable|positive\s*\(?negative|\+\s*/\s*[-−–]|voordeel|nadeel",
    re.IGNORECASE,
)
# A row that is how far one row lies above or below another: "Year-end Reserve Above Requirement",
# "Excess of revenues over expenditures", "Shortfall", "Overschot", "Tekort"
_MARGIN_ROW = re.compile(r"\b(?:above|below|excess|shortfall|overschot|tekort)\b", re.IGNORECASE)
_ROWS_BACK = 6  # a change row compares two of the rows this close above it
_NET_ROW = re.compile(r"\bnet(?:to)?\b", re.IGNORECASE)


def _percentages(item: _Item) -> bool | None:
    """Whether the item's figures are all percentages (True), include amounts (False), or are
    none at all (None)."""
    kinds = {c.number.percent for c in item.cells.values() if c.number is not None and not c.number.nil}
    return None if not kinds else kinds == {True}


def _difference_columns(
    items: list[_Item], rows: bool = False,
) -> list[tuple[_Item, list[tuple[_Item, int]], dict[int, Judgement], str]]:
    """Columns that are the difference of two others ("Change", "Verschil" = 2021 − 2020), each
    with its lane verdicts. A column counts only when its header says it is a change and the
    difference holds in three quarters of its rows (at least two): coincidences do not repeat.
    With ``rows``, the same for rows ("Delta schuld SERV - MJR"), taken from the rows right above."""
    out = []
    columns = [it for it in items if not it.consumed and _percentages(it) is not None]
    # a column headed as what is left ("Balance as at 30 June", "Saldo", "Remaining") is one
    # column taken from another as much as a "Change" column is
    cued = [it for it in columns if _CHANGE_HEADER.search(it.label) or (not rows and _LEFT_HEADER.search(it.label))
            or (rows and _MARGIN_ROW.search(it.label))]
    changes = list(cued)
    if not rows:
        # any other column may be one too ("Payments Lacking Supporting Documentation" = EMS
        # settlements - payments to vendors), but with no word to say so only when it holds
        # exactly in every row, three at least, with long figures (see below)
        changes += [it for it in columns if it not in cued]
    else:
        # a "Net …" row ("Total Territory Net Assets" under Total Assets and Total Liabilities) is
        # one row taken from another, or a total with deductions: read as a difference under the
        # same strict terms as an unnamed difference column
        changes += [it for it in columns if it not in cued and _NET_ROW.search(it.label)]
    everything = [it for it in columns if not _CHANGE_HEADER.search(it.label)]
    # a row named a change may compare rows that are parts of a total above it ("Geraamde
    # evolutie" = the closing balance − the opening balance, a part of that closing balance)
    summed = [it for it in items if it.consumed and _percentages(it) is not None
              and not _CHANGE_HEADER.search(it.label)] if rows else []
    for c in changes:
        silent = c not in cued
        # amounts from amounts; percentages from percentages (a change in percentage points)
        others = [it for it in everything if _percentages(it) == _percentages(c)]
        if rows:
            others = [it for it in others if it.pos < c.pos][-_ROWS_BACK:]
            if not silent:
                others = sorted(others + [it for it in summed if c.pos - _ROWS_BACK <= it.pos < c.pos
                                          and _percentages(it) == _percentages(c)], key=lambda it: it.pos)
        best = None
        for a in others:
            for b in others:
                if a is b:
                    continue
                # a column printed after two that add up to it ("Gross | Income | Net", incomes
                # positive and spending in brackets): their sum, under the same strict terms
                summed_pair = (silent and not rows and a.pos < b.pos < c.pos
                               and not _exact_difference(c, a, b, 3) and _exact_difference(a, c, b, 3))
                if silent and not summed_pair and not _exact_difference(c, a, b, 2 if rows else 3):
                    continue  # the cheap test first: most pairs of columns differ in the first row
                if silent and not rows and c.pos < max(a.pos, b.pos):
                    # c = a − b is b = a − c: with no word to say which is the change, it is the
                    # column printed after the two it compares
                    continue
                # a saldo column beside costs printed negative ("baten | lasten | saldo") adds them
                adds = summed_pair or (not rows and not silent and bool(_LEFT_HEADER.search(c.label)) and _negative(b))
                parts = [(a, 1), (b, 1 if adds else -1)]
                lanes = _printed_lanes(c, parts)
                if len(lanes) < 2:
                    continue
                if (rows and _siblings_under(items, a, c, lanes) and not _NET_ROW.search(c.label)
                        and not _MARGIN_ROW.search(c.label)):
                    continue  # "Uitgaven" = three rows with one mostly zero: c is b's sibling, not a − b
                res = {ln: _judge_lane(c, parts, ln) for ln in lanes}
                # A variance column ("Positive (Negative)") is actual − budget for revenues and
                # budget − actual for spending: a row that holds the other way round is read so.
                back = [(b, 1), (a, -1)]
                flipped = {}
                for ln in lanes if _VARIANCE.search(c.label) else ():
                    if not _fits(res[ln].verdict) and _fits((j := _judge_lane(c, back, ln)).verdict):
                        flipped[ln] = j
                fits = sum(_fits(j.verdict) for j in res.values()) + len(flipped)
                # a difference with a zero on either side (278 = 278 - 0) tells nothing
                telling = sum(1 for ln in lanes if (_fits(res[ln].verdict) or ln in flipped)
                              and _nonzero(a, ln) and _nonzero(b, ln))
                if silent and not (
                    telling >= (2 if rows else 3) and not flipped
                    and all(j.verdict is Verdict.CONSISTENT for j in res.values())
                    and (sum(_long_total(c, [ln]) for ln in lanes) * 2 >= len(lanes)
                         # or long figures on both sides with a change in three rows: no coincidence
                         or sum(_nonzero(c, ln) and _long_total(a, [ln]) and _long_total(b, [ln]) for ln in lanes) >= 3)
                ):
                    continue
                # nearer columns first: a change column sits next to the two it compares
                # (rows that are no part of a total above first: the totals themselves are compared)
                key = (fits, -a.consumed - b.consumed, -abs(a.pos - c.pos) - abs(b.pos - c.pos))
                if 4 * fits >= 3 * len(lanes) and telling >= 2 and (best is None or key > best[0]):
                    best = (key, parts, res, back, flipped)
        if not rows and c in cued and _LEFT_HEADER.search(c.label):
            best = _left_after_two(c, others, best)
        if best is not None:
            _, parts, res, back, flipped = best
            tag = ("saldo of costs printed negative" if c in cued else "sum of columns") if parts[1][1] == 1 else (
                "difference, two taken off" if len(parts) == 3 else "difference")
            out.append((c, parts, {ln: j for ln, j in res.items() if ln not in flipped}, tag))
            if flipped:
                out.append((c, back, flipped, "difference, the other way round"))
    return out


# the best reading of a difference column: (rank, parts, lane verdicts, parts the other way round,
# lanes that hold only the other way round)
_Best = tuple[tuple[int, int, int], list[tuple[_Item, int]], dict[int, Judgement], list[tuple[_Item, int]],
              dict[int, Judgement]]


def _printed_lanes(total: _Item, parts: list[tuple[_Item, int]]) -> list[int]:
    """The total's lanes in which every part prints a figure."""
    return [ln for ln in _lanes(total, parts) if all(ln in p.cells and p.cells[ln].number is not None for p, _ in parts)]


def _left_after_two(c: _Item, others: list[_Item], best: _Best | None) -> _Best | None:
    """A column of what is left may take two columns off the first ("Available" = Allocated −
    Expenses − Reserved): that reading, when it holds in more rows than the best pair does and in
    three quarters of them, two at least where both columns taken off print more than zero."""
    before = sorted((it for it in others if it.pos < c.pos), key=lambda it: it.pos)
    for k, a in enumerate(before):
        for b, d in itertools.combinations(before[k + 1:], 2):
            parts = [(a, 1), (b, -1), (d, -1)]
            lanes = _printed_lanes(c, parts)
            res = {ln: _judge_lane(c, parts, ln) for ln in lanes}
            fits = sum(_fits(j.verdict) for j in res.values())
            telling = sum(1 for ln in lanes if _fits(res[ln].verdict) and _nonzero(b, ln) and _nonzero(d, ln))
            if (len(lanes) >= 2 and telling >= 2 and 4 * fits >= 3 * len(lanes)
                    and (best is None or fits > best[0][0])):
                best = ((fits, 0, 0), parts, res, [], {})
    return best


def _negative(item: _Item) -> bool:
    """Are the item's figures printed negative (costs in a "baten | lasten | saldo" table), two at least?"""
    values = [c.number.value for c in item.cells.values() if c.number is not None and not c.number.nil]
    return sum(v < 0 for v in values) >= 2 and all(v <= 0 for v in values)


def _exact_difference(c: _Item, a: _Item, b: _Item, least: int = 3) -> bool:
    """Is c exactly a − b wherever all three print a figure (``least`` places at least)?"""
    seen = 0
    for ln, cell in c.cells.items():
        x, y = a.cells.get(ln), b.cells.get(ln)
        if cell.number is None or x is None or y is None or x.number is None or y.number is None:
            continue
        # c != a - b, cross-multiplied (denominators are positive): the same test in integers,
        # without a Fraction made for each of the many column pairs tried
        c_, a_, b_ = cell.number.value, x.number.value, y.number.value
        if (c_.numerator * a_.denominator * b_.denominator
                != (a_.numerator * b_.denominator - b_.numerator * a_.denominator) * c_.denominator):
            return False
        seen += 1
    return seen >= least


def _siblings_under(items: list[_Item], head: _Item, row: _Item, lanes: list[int]) -> bool:
    """Is ``row`` one of the rows right under ``head`` that add up to it in every lane? Then the
    head minus a sibling is the sum of the others, and equals ``row`` wherever they are zero:
    a coincidence, not a difference row."""
    below = [it for it in items if it.pos > head.pos and it.kind not in ("memo", "none")]
    run: list[tuple[_Item, int]] = []
    for it in below:
        run.append((it, 1))
        if it.pos < row.pos:
            continue
        if len(run) >= 2 and all(ln in head.cells and _fits(_judge_lane(head, run, ln).verdict) for ln in lanes):
            return True
    return False


# "+ = voordelig, - = nadelig", "+ is voordeel": the table says what a sign means
_SIGN_LEGEND = re.compile(r"[+\-\u2212]\s*(?:=|is)\s*(?:voorde|nade|favou?rable|unfavou?rable|surplus|deficit)",
                          re.IGNORECASE)
_OF_WHICH_HEADER = re.compile(r"^\s*(?:(?:waarvan|of which|o/w|thereof)\b|w\.v\.)", re.IGNORECASE)


def _nonzero(item: _Item, lane: int) -> bool:
    n = item.cells[lane].number if lane in item.cells else None
    return n is not None and not n.nil and n.value != 0


def _of_which_columns(
    items: list[_Item],
) -> list[tuple[_Item, list[tuple[_Item, int]], dict[int, Judgement], str]]:
    """A column followed by columns headed "Waarvan ..."/"Of which ..." is their total, row by row
    ("Aantal respondenten | Waarvan niet-verhuizers | Waarvan verhuizers"): the headers state it."""
    out = []
    columns = [it for it in items if _percentages(it) is False]
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
            lanes = [ln for ln in _lanes(head, parts) if all(ln in p.cells for p, _ in parts)]
            res = {ln: _judge_lane(head, parts, ln) for ln in lanes}
            if res:
                out.append((head, parts, res, "of which"))
            k += len(run) + 1
        else:
            k += 1
    return out


def _of_which_rows(
    items: list[_Item],
) -> list[tuple[_Item, list[tuple[_Item, int]], dict[int, Judgement], str]]:
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
                    lanes = [ln for ln in _lanes(head, parts) if all(ln in p.cells for p, _ in parts)]
                    res = {ln: _judge_lane(head, parts, ln) for ln in lanes}
                    if len(res) >= 2 and all(_fits(j.verdict) for j in res.values()):
                        out.append((head, parts, res, "of which rows"))
                        head, run = run[n - 1], run[n:]
                        break
                else:
                    break
        k += 1
    return out


def _memo_between(items: list[_Item], parts: list[tuple[_Item, int]]) -> bool:
    """Whether an 'of which' row stands between the first and the last of the parts."""
    if not parts:
        return False
    lo, hi = min(p.pos for p, _ in parts), max(p.pos for p, _ in parts)
    return any(it.kind == "memo" and lo < it.pos < hi for it in items)


def _printed_currency(table: Table) -> str | None:
    """The currency a table prints on some of its figures (often only the first row and the
    totals, sometimes set apart from them): it holds for every figure of the table, so that exact
    sums do not come out as a unit clash. None when no figure carries a sign, or figures carry
    different ones."""
    seen = {
        cell.number.currency for row in table.rows for cell in row.cells.values()
        if cell.number is not None and cell.number.currency
    }
    if not seen:
        return table.currency  # only signs set apart from their figures, if any
    return seen.pop() if len(seen) == 1 else None


# readings whose parts the labels name, not their place in the table
_NAMED_PARTS = frozenset({"cash flow", "cash balance", "result lines", "explicit", "numbered"})
_READINGS = {
    "flat": "the rows since the previous total",
    "cash flow": "the net cash flows of the activities above it (a cash flow statement)",
    "cash balance": "the cash at the beginning plus the net change in cash",
    "result lines": "the result above it, plus the income totals and less the cost totals since",
    "copy": "the total or result right above it, which it repeats in every column (nothing added or taken off)",
    "echoed heading": "the entries under the heading that prints the same amount, each inner group once",
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
_REJECTED = (
    "no other reading adds up: not without any one part, not with any one part subtracted, "
    "not with a figure one column over"
)


def _doubt(
    total: _Item, parts: list[tuple[_Item, int]], lane: int, results: dict[int, Judgement], held: int, totals: int,
    open_top: bool = False,
    memo_inside: bool = False,
    plain: bool = False,
    difference: bool = False,
    named: bool = False,
) -> str | None:
    """Why a total that does not add up in ``lane`` may be our misreading of the table rather than
    an error in it; None when the reading has support and no other plausible reading holds.

    Support: another column of the same total adds up, or (for a total with one column) another
    total of the table does. The other readings are the ones a person would try: without one part
    (a subtotal or a breakdown counted twice), one part subtracted (a deduction without a sign),
    a part whose figure was not read, and a figure printed one column over.
    """
    others = [ln for ln, j in results.items() if ln != lane and _fits(j.verdict)]
    if open_top:
        return "the table starts at the top of the page with these parts: more of them may stand on the page before"
    if len(parts) == 1:
        return "only one part was found for this total: the others may not have been read"
    if tens_explain(total.cells[lane].number, [  # type: ignore[arg-type]
            (_sign(p, s, lane), n) for p, s in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]):
        return TENS_DOUBT
    tnum = total.cells[lane].number
    assert tnum is not None
    shown = [n.value for p, s in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]
    if tnum.value == 0 and not plain and not difference and any(v != 0 for v in shown):
        # "Total Liabilities €0.00" under the assets' total: a zero whose own rows are not printed;
        # the rows found further up belong to the totals before it
        return "this total is zero and its own rows are not printed: the rows found belong to other totals"
    if tnum.value > 0 and all(v >= 0 for v in shown) and 2 * sum(shown) < tnum.value:
        # a printed total is seldom off by half of itself; rows that add up to less than half of
        # it are a part of its rows (the others on earlier pages, or in another table)
        return "the parts found add up to less than half of this total: most of its parts stand elsewhere"
    if tnum.value > 0 and all(v >= 0 for v in shown) and shown and max(shown) > tnum.value and not (
            named and others) and all(s == 1 and not p.deduct for p, s in parts) and not _typo_explains(tnum, [
                n for p, _ in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]):
        # no share of a total is larger than the total: the row is no part of it (a total printed
        # above its own rows, read as closing the rows before it) - unless one digit mistyped in
        # that part or in the total makes it add up: then the part is one, and the figure an error.
        # (Parts its label names - "Net Cash Provided by … Activities" under a cash flow statement -
        # that add up in another column are its parts, whatever their size.)
        return "one of the parts found is larger than this total: it cannot be one of its parts"
    # a Total closing every row above it, off by less than any one of them: no choice of rows
    # explains that (a row too many or too few moves the sum by a whole row), so the figures
    # themselves disagree, whatever the other columns do
    slip = plain and _slip(total, parts, lane, results[lane])
    if len(results) > 1 and not others and not slip:
        return "no column of this total adds up under this reading of its parts"
    if not others and held == 0 and not slip:
        return "nothing else in this table adds up under this reading, so the reading itself may be wrong"
    failing = sum(1 for j in results.values() if not _fits(j.verdict))
    if failing >= 3 and 4 * failing > len(results):
        # errors are rare and seldom come in runs; a reading that fails in many places at once
        # is more likely ours (a second table with other columns read as part of this one)
        return f"this reading fails in {failing} of its {len(results)} places, more than errors would explain"
    if 2 * held < totals and not slip:
        return "most totals of this table do not add up under any reading tried"
    signed = [(p, _sign(p, s, lane)) for p, s in parts]
    for p, _s in signed:
        cell = p.cells.get(lane)
        figures = [n for ln in others if ln in p.cells and (n := p.cells[ln].number) is not None]
        # a row whose figure another column's total adds up with is read right there, and a row of
        # nil dashes printed nothing to lose; one printing 0 beside an empty cell may have lost its figure
        if (cell is None or cell.number is None) and figures and all(not n.nil and n.value == 0 for n in figures):
            return f"no figure was read for '{_clean(p.label)}' in this column"
    present = [(p, s, n) for p, s in signed if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]
    nums = [(s, n) for _, s, n in present]
    # The same rows stand in every column: a part counted twice would fail in the others too.
    # When two other columns add up with these very parts, this column's failure is the table's.
    # (A sign may differ by column: a variance column reads spending the other way round.)
    supported = len(others) >= 2
    for k, (p, s, n) in enumerate(present):
        rest = nums[:k] + nums[k + 1 :]
        if rest and not supported and _double(present, k) and _fits(judge(rest, tnum).verdict):
            return f"it adds up without '{_clean(p.label)}' (a subtotal or a breakdown counted twice?)"
        # one side of a change column's row with the other sign makes it a sum: where two other
        # rows are differences, that is a formula slip in this row, not another reading of it
        if not n.nil and not (difference and supported) and _fits(
                judge(nums[:k] + [(-s, n)] + nums[k + 1 :], tnum).verdict):
            if p.deduct and s * n.value < 0:
                # the row says it is taken off ("LESS OFFSETS"), and the printed total added it:
                # that is the table's slip, not another way to read it
                return None
            return f"it adds up with '{_clean(p.label)}' {'subtracted' if s > 0 else 'added'}"
    if len(nums) <= 40 and len(others) < 2:
        for k in range(1, len(nums)):
            for run in (nums[k:], nums[:k]):
                shorter = [run] + [run[:m] + run[m + 1 :] for m in range(len(run))]
                # one row equal to the total is what a forgotten row leaves too: two at least
                if any(sum(1 for _, x in r if x.value != 0) >= 2 and _fits(judge(r, tnum).verdict) for r in shorter):
                    return "a shorter run of these rows adds up (the total may close a smaller block)"
    if memo_inside:
        return "'of which' rows stand among the parts, and the text does not show which rows belong to them"
    lanes = set(results)
    dense = all(lanes <= set(x.cells) for x in [total, *(p for p, _ in parts)])
    # every row fills every column, and other columns add up: no figure can have slipped over
    for near in (lane - 1, lane + 1) if not (dense and len(others) >= 2) else ():
        cell = total.cells.get(near)
        if cell is not None and cell.number is not None and _fits(judge(nums, cell.number).verdict):
            return "the parts add up to the total printed one column over"
        shifted = [(s, c.number) for p, s in signed if (c := p.cells.get(near)) is not None and c.number is not None]
        carried = cell is not None and cell.number is not None and cell.number.value == tnum.value
        # the column over printing this very total over its own parts is no slipped figure: the
        # total was carried over from that column and not updated ("Total Other Income 35,000" in
        # both budget years, whose rows differ)
        if len(shifted) >= 2 and not carried and _fits(judge(shifted, tnum).verdict):
            return "the total equals the parts printed one column over"
    return None


def _typo_explains(total: CellNumber, parts: list[CellNumber]) -> bool:
    """Would one digit mistyped (changed, added, dropped, or two neighbours swapped) in the total or
    in one part larger than it make the total the exact sum of the parts?"""
    whole = sum((n.value for n in parts), Fraction(0))
    suspects = [(total, whole)] + [(n, total.value - (whole - n.value)) for n in parts if n.value > total.value]
    return any(_one_digit_apart(n, should) for n, should in suspects)


def _one_digit_apart(printed: CellNumber, should: Fraction) -> bool:
    """Do ``printed``'s digits and those ``should`` has at the same number of decimals, four at
    least, differ by one digit changed, added or dropped, or two neighbouring digits swapped?"""
    scale = 10 ** max(printed.decimals, 0)
    a, b = printed.value * scale, should * scale
    if a.denominator != 1 or b.denominator != 1 or a <= 0 or b <= 0 or a == b:
        return False
    x, y = str(a.numerator), str(b.numerator)
    if min(len(x), len(y)) < 4:
        return False  # short figures are one digit apart by chance too often (48.2 and 458.2)
    if len(x) == len(y):
        diff = [k for k in range(len(x)) if x[k] != y[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]])
    short, long = sorted((x, y), key=len)
    return len(long) == len(short) + 1 and any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _slip(total: _Item, parts: list[tuple[_Item, int]], lane: int, j: Judgement) -> bool:
    """Is the total off by less than any part it closes (three at least), and by at most one
    percent of itself: a slip in the figures rather than a row too many or too few?"""
    tnum = total.cells[lane].number
    nums = [n for p, _ in parts if (c := p.cells.get(lane)) is not None and (n := c.number) is not None]
    if tnum is None or len(nums) < 3 or any(n.nil or n.value == 0 for n in nums) or tnum.value == 0:
        return False
    gap = abs(j.difference)
    return gap < min(abs(n.value) for n in nums) and 100 * gap <= abs(tnum.value)


_FOOTNOTE_MARK = re.compile(r"[*†‡]|\(\d\)\s*$")


def _double(present: list[tuple[_Item, int, CellNumber]], k: int) -> bool:
    """Could part k be counted twice: a subtotal or total itself, or the sum of the parts right
    before or right after it (a breakdown printed with its total)? An ordinary item that the
    total leaves out is an error, not another reading."""
    item, _, n = present[k]
    if item.kind != "part" or n.value == 0:
        return True
    for run in (present[:k][::-1], present[k + 1 :]):
        acc = Fraction(0)
        for _, s, m in run[:12]:
            acc += s * m.value
            if acc == n.value:
                return True
    return False


def _difference_doubt(
    table: Table, lane: int, results: dict[int, Judgement], summed: bool, parts_checked: bool,
) -> str | None:
    """Why a change column that fails in one row may say what the document means: the row carries
    a footnote mark ("School Employees' Retirement***", whose note moves it to another account),
    or it is a total whose change adds up its rows' changes (``summed``), so that a row that is off
    (above it, or on an earlier page) makes it off too."""
    label = table.rows[lane].label
    if _FOOTNOTE_MARK.search(label):
        return "the row carries a footnote mark: its note may say why the change is not the plain difference"
    if summed or (_row_kind(label) in ("total", "sub", "grand") and any(
        ln < lane and not _fits(j.verdict) for ln, j in results.items()
    )):
        return "this total's change adds up its rows' changes, so a row that is off makes it off too"
    if _row_kind(label) in ("total", "sub", "grand") and not parts_checked:
        # its rows may stand on an earlier page, one of them off for a reason its footnote gives
        return "this total's own rows were not found to add up to it, so its change cannot be told from theirs"
    return None


def make_check(
    table: Table, file: str, orientation: Orientation, total_label: str, lane_label: str, total: CellRef,
    parts: tuple[CellRef, ...], j: Judgement, reading: str, doubt: str | None, pages: tuple[int, ...] = (),
    relation: str | None = None,
) -> TableCheck:
    """One judged total of ``table`` as a check record, with the table's unit and scale.
    ``relation``: "share" for a percentage (parts: the part, then the whole); by default "sum",
    or "difference" when a part enters with a minus sign."""
    scale = table.scale
    return TableCheck(
        file=file,
        page=total.page,
        table=total.table,
        title=table.title,
        unit_text=scale.text if scale else None,
        multiplier=scale.multiplier if scale else Fraction(1),
        unit=(scale.unit if scale else None) or _printed_currency(table),
        orientation=orientation,
        total_label=total_label,
        lane_label=lane_label,
        total=total,
        parts=parts,
        verdict=j.verdict,
        difference=j.difference,
        parts_interval=j.parts_interval,
        total_interval=j.total_interval,
        slack=j.slack,
        relation=relation or ("difference" if any(p.sign < 0 for p in parts) else "sum"),
        scale_factor=j.scale_factor,
        pages=pages,
        reading=reading,
        doubt=doubt,
    )


def check_table(table: Table, file: str = "") -> list[TableCheck]:
    """Every total row and total column of a table, judged lane by lane."""
    if table.coded:
        from .account_codes import coded_checks

        return coded_checks(table, file)
    if table.scored:
        from .scores import score_checks

        return score_checks(table, file)
    checks: list[TableCheck] = []
    headers = {c.index: c.header for c in table.columns}

    def ref(item: _Item, lane: int, orientation: Orientation, sign: int = 1) -> CellRef:
        if orientation == "row":
            return cell_ref(table, item.pos, item.cells[lane], sign, label=item.label)
        return cell_ref(table, lane, item.cells[lane], sign, label=headers.get(item.pos, ""))

    pages = tuple(sorted({r.origin[0] for r in table.rows if r.origin is not None}))

    from .found import found_sum_checks
    from .heads import head_groups  # heads, inner columns and percentages build on this module's records
    from .inner import inner_checks, inner_runs
    from .percentages import percentage_checks
    from .products import product_checks, product_columns
    from .steps import step_checks
    from .unmarked import unmarked_checks

    heads, grouped = head_groups(table, file)
    scans: list[tuple[Orientation, _Item, list[tuple[_Item, int]], dict[int, Judgement], str]] = []
    items_by: dict[str, list[_Item]] = {}
    orientations: tuple[Orientation, ...] = ("row", "column")
    # an unlabelled figure in an outer column under a run of inner ones is their subtotal: a part
    # of the outer column's total, not a line closing the rows above it in its own column
    closers = {row for row, _col, _parts in inner_runs(table)}
    for orientation in orientations:
        if orientation == "row":
            items = _row_items(table)
            for it in items:
                if it.kind == "anon" and it.pos in closers:
                    it.kind = "part"
            soft = _soft_columns(table)
            worded = {c for c in soft if not _percent_column(table, c)}
            if worded:
                # a column of count × price in most rows ("Kosten per aanvrager" = hours × rate) is
                # an amount, whatever its header's "per" says: its total row adds it up
                soft -= product_columns(table) & worded
        else:
            items = _col_items(table)
            # rows of percentages too: a total column over years ("Totals 2024–2028") sums the
            # amounts, while the share of GDP beside them is taken over the period's totals
            soft = {r for r, row in enumerate(table.rows) if _row_kind(row.label) in ("none", "memo", "anon")
                    or _all_percent(row.cells)}
        items_by[orientation] = items
        all_soft = bool(table.title and _NOT_AMOUNT.search(table.title))
        signed = bool(_SIGN_LEGEND.search(f"{table.title or ''} {table.header_text}"))
        over = frozenset() if orientation != "row" else head_pairs(table, heads)
        carried = None if orientation == "row" else {
            t.pos: [p.pos for p, _ in parts] for o, t, parts, results, _tag in scans
            if o == "row" and len(results) >= 2 and all(j.verdict is Verdict.CONSISTENT for j in results.values())
            and all(s == 1 for _, s in parts)}
        scans.extend((orientation, *found) for found in _scan(
            items, soft, orientation, all_soft, table.suspect, signed, grouped if orientation == "row" else frozenset(),
            carried, over))
        scans.extend((orientation, *found) for found in _difference_columns(items, rows=orientation == "row"))
        if orientation == "column":
            scans.extend(("column", *found) for found in _of_which_columns(items))
        else:
            scans.extend(("row", *found) for found in _of_which_rows(items))
    held = sum(1 for *_, results, _tag in scans if any(_fits(j.verdict) for j in results.values()))
    # (row, column) of the total rows that add up their rows in a column
    summed = {(t.pos, ln) for o, t, _p, results, _tag in scans if o == "row"
              for ln, j in results.items() if _fits(j.verdict)}
    first_row = min((r for r, row in enumerate(table.rows) if _has_value(row.cells)), default=0)
    for orientation, total, parts, results, tag in scans:
        open_top = (table.starts_page and table.page > 1 and orientation == "row"
                    and min(p.pos for p, _ in parts) <= first_row)
        for lane, j in sorted(results.items()):
            doubt = None if _fits(j.verdict) or tag == "swapped" else _doubt(
                total, parts, lane, results, held, len(scans), open_top, _memo_between(items_by[orientation], parts),
                plain=tag == "flat" and orientation == "row" and total.kind in ("total", "grand"),
                difference=tag.startswith("difference") and orientation == "column",
                named=tag in _NAMED_PARTS,
            )
            if doubt is None and not _fits(j.verdict) and tag.startswith("difference") and orientation == "column":
                doubt = _difference_doubt(table, lane, results, (lane, total.pos) in summed,
                                          any(r == lane for r, _ in summed))
            prefs = tuple(
                ref(p, lane, orientation, _sign(p, s, lane))
                for p, s in parts if lane in p.cells and p.cells[lane].number is not None
            )
            if orientation == "row":
                lane_label = headers.get(lane, "")
                total_label = _clean(total.label) or "unlabelled subtotal (a line of figures under the rows it adds)"
            else:
                lane_label = _clean(table.rows[lane].label)
                total_label = total.label
            tref = ref(total, lane, orientation)
            checks.append(make_check(
                table, file, orientation, total_label, lane_label, tref, prefs, j, _READINGS.get(tag, tag), doubt,
                pages if len(pages) > 1 else (),
            ))
    # One check per printed figure: a percentage that adds up as a total (the 100 % row) stays
    # a total; one that does not is checked against its base instead.
    found = percentage_checks(table, file) + step_checks(table, file)
    # a percentage that is both a difference of two percentages (Deficit 5.5 % = 25.1 % − 19.6 %)
    # and the share of its amount (1,376 over GDP 25,000) is checked from the amounts
    from_amounts = {(c.total.page, c.total.bbox) for c in found if _fits(c.verdict)}
    held_at = {(c.total.page, c.total.bbox) for c in checks if _fits(c.verdict)
               and not ((c.total.page, c.total.bbox) in from_amounts and _in_points(c))}
    shares = [c for c in found if (c.total.page, c.total.bbox) not in held_at]
    taken = {(c.total.page, c.total.bbox) for c in shares}
    checks = [c for c in checks if (c.total.page, c.total.bbox) not in taken] + shares
    # sums found from the arithmetic alone come last: any other reading of the figure goes first
    checks = _with_heads(_with_heads(checks, heads + inner_checks(table, file), grouped_over=True),
                         found_sum_checks(table, file))
    # a percentage that adds up as a total and is also its amount over the base (the costs' 64,52 %
    # = the sum of their shares = 165.649 over 256.739): the share is checked too, where it holds
    also = [c for c in found if (c.total.page, c.total.bbox) in held_at and _fits(c.verdict)]
    checks = _with_heads(checks, product_checks(table, file))
    # a percentage found from the arithmetic only where no other reading of the figure was made:
    # a marked percentage that fails its own base stays that check (a real error, maybe)
    seen = {(c.total.page, c.total.bbox) for c in checks}
    unmarked = unmarked_checks(table, file)
    checks = checks + [c for c in unmarked if (c.total.page, c.total.bbox) not in seen] + also
    from .code_tree import with_code_tree  # here, not at the top: code_tree builds on this module

    return with_code_tree(table, file, _not_circular(_rates_not_summed(checks, found + unmarked)))


def _rates_not_summed(checks: list[TableCheck], rates: list[TableCheck]) -> list[TableCheck]:
    """A sum that fails in a column whose figures are rates of change (three rows at least read as
    the change between two other columns, "%" beside "Change") is no error: rates of change do not
    add up as the rows they describe do ("(7.40)" under "(0.21)", "(10.97)", "6.11", ...)."""
    held: dict[tuple[int, int, int], int] = {}
    for c in rates:
        if c.relation == "growth" and _fits(c.verdict):
            place = (c.total.page, c.total.table, c.total.col)
            held[place] = held.get(place, 0) + 1
    cols = {place for place, n in held.items() if n >= 3}
    if not cols:
        return checks
    return [replace(c, doubt="its column holds rates of change, which do not add up as the rows they describe do")
            if c.doubt is None and not _fits(c.verdict) and c.relation == "sum" and c.orientation == "row"
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
    held = [(key(c.total), {key(c.total), *(key(p) for p in c.parts)}) for c in checks if _fits(c.verdict)]
    if not held:
        return checks
    out = []
    for c in checks:
        if c.doubt is None and not _fits(c.verdict) and c.parts and all(
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
    grouped = {key(c) for c in heads if _fits(c.verdict)} if grouped_over else set()
    at = lambda r: (r.page, r.bbox)  # noqa: E731
    over = {(at(head), at(part)) for head, part in _heads_over(heads)}
    # (so is a "Net …" row read as the difference of two rows above it, "Domestic Net Borrowing" =
    # "Liquidity" − "External - Net Borrowing", where Liquidity is a head over both)
    backwards = (_READINGS["pair"], _READINGS["difference"])
    checks = [c for c in checks if not (c.reading in backwards and key(c) in grouped and c.parts
                                        and (c.orientation == "row" or c.reading == _READINGS["pair"])
                                        and (at(c.parts[0]), at(c.total)) in over)]
    fitting = {key(c) for c in checks if _fits(c.verdict)}
    checked = {key(c) for c in checks}
    better = {key(c) for c in heads if _fits(c.verdict) and key(c) not in fitting}
    added = [c for c in heads if key(c) not in fitting and (key(c) in better or key(c) not in checked)]
    return [c for c in checks if key(c) not in better] + added
