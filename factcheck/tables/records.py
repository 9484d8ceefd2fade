"""The check records and the claims they write.

A :class:`CellRef` is one printed figure located in its table; a :class:`TableCheck` (made by
:func:`make_check`) is the verdict on one total in one lane with the figures it was judged from;
:func:`checks_to_claims` writes many checks as claims, each cell once.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..model import Interval, Verdict
from ..numbers import decimal_string
from .cells import CellNumber
from .detect import Cell, Table
from .judging import Judgement, holds

Orientation = Literal["row", "column"]


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

    @property
    def number(self) -> CellNumber:
        """This figure as the judge reads a cell: its text, value and rounding."""
        return CellNumber(self.stated, self.value, self.decimals, self.half)


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
    # counts, or the amount before a percentage, then the price or the percentage)
    relation: str = "sum"
    scale_factor: Fraction | None = None  # for verdict "scale": total = factor x parts
    pages: tuple[int, ...] = ()  # the pages a table continued over pages spans; () for one page
    reading: str = ""  # which rows or columns were taken as the parts, in words
    # Why a total that does not add up may be our misreading rather than the document's error.
    # Such a check is no alarm: it is written as a figure with its doubt, not as a relation.
    doubt: str | None = None
    # how far the total may stray from its parts' exact sum where the page widens the rounding its
    # digits allow (tables.rounding_note); None: the printed digits' intervals decide
    tolerance: Fraction | None = None

    @property
    def alarm(self) -> bool:
        """Whether this check reports a problem: it does not hold and nothing casts doubt on it."""
        return not holds(self.verdict) and self.doubt is None

    def to_claims(self) -> list[dict[str, object]]:
        """This check as claims: one input claim per part, one relation claim for the total.

        A doubted check is one claim, the total as a plain figure: its evidence says what sum was
        tried and why it may be our misreading, so a person can look, and nothing raises an alarm.
        """
        if self.doubt is not None:
            return [self._doubted_claim()]
        claims: list[dict[str, object]] = [self._input_claim(p) for p in self.parts]
        if self.relation == "product":
            # a count times a price (or an amount times a percentage; units × years × a rate): the
            # counts have no unit
            if "%" not in self.parts[-1].stated:
                for k in range(len(self.parts) - 1):
                    claims[k] = {key: v for key, v in claims[k].items() if key not in ("unit", "scale")}
            expr = " * ".join(_cell_id(self, p) for p in self.parts)
            unit_fields: dict[str, object] = self._unit_fields()
        elif self.relation in ("share", "growth"):
            # a percentage: part / whole, or the change (new - old) / old, in percent whatever the
            # amounts' unit and scale
            new, old = _cell_id(self, self.parts[0]), _cell_id(self, self.parts[1])
            if self.parts[0].sign < 0:
                new = f"-{new}"  # a share printed with the sign the total gives its row
            if self.relation == "share" and self.parts[1].value < 0 and (self.parts[0].value < 0) == (
                    self.total.value < 0) and self.parts[0].value:
                old = f"abs({old})"  # taken over the amount's size (see percentages.judge_share)
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
                **(_exact_fields(self.total, point=abs(self.difference) <= self.total.half)
                   if self.tolerance is None else
                   {"value": decimal_string(self.total.value), "tolerance": decimal_string(self.tolerance)}),
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
        if not holds(self.verdict):
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
    unit = (scale.unit if scale else None) or printed_currency(table)
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


def printed_currency(table: Table) -> str | None:
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


_REJECTED = (
    "no other reading adds up: not without any one part, not with any one part subtracted, "
    "not with a figure one column over"
)


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
        unit=(scale.unit if scale else None) or printed_currency(table),
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
