"""Percentages whose base a reader finds though the table does not mark them: a block of rows under
"(In percent of FY GDP)" that repeats the amount rows above it, and two share columns that add up to
100 when one header lost its "%". First met on unseen dev documents."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables.cells import parse_cell
from factcheck.tables.detect import Cell, Column, Row, Table
from factcheck.tables.percentages import _complements
from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _shares(checks: dict, label: str) -> list:
    return [c for c in checks.get(label, []) if c.relation == "share"]


def test_a_block_in_percent_of_gdp_repeats_the_amount_rows_over_the_gdp_row() -> None:
    # the IMF's Barbados staff report, Table 3: public debt in millions, then "(In percent of FY
    # GDP)" over the same rows, with nominal GDP among the memorandum items at the foot
    checks = checks_by_label(DOCS / "enisl-01.pdf", [6])
    central = _shares(checks, "Central government debt")
    assert central and all(c.verdict in HOLDS for c in central)
    first = central[0]
    assert (first.total.stated, [p.stated for p in first.parts]) == ("133.5", ["12,819", "9,605"])
    # a label printed twice ("External" under central government and under SOE debt) is matched in order
    external = [(c.total.stated, [p.stated for p in c.parts]) for c in _shares(checks, "External")]
    assert ("41", ["3,946", "9,605"]) in external and ("0.5", ["52", "9,605"]) in external
    assert [p.stated for p in _shares(checks, "IMF (BOP support)")[0].parts] == ["397", "9,605"]
    # a label the amounts print otherwise ("Long term" against "Long Term" twice) is left alone
    assert not _shares(checks, "Long term Arrears")
    # the sums in the block are read as before
    assert any(c.relation == "sum" and c.total.stated == "134.0" for c in checks["Public sector debt"])
    assert not [c for cs in checks.values() for c in cs if c.alarm]


def test_share_columns_that_add_up_to_100_are_both_percentages() -> None:
    # a water board's billing table (Sri Lanka) with headers set sideways: "Domestic %" keeps its
    # "%" in the text layer, "Non Domestic %" loses it; each pair adds up to 100 in every year, and
    # each share is a consumption (or bill value) column over the all-sector one
    checks = [c for cs in checks_by_label(DOCS / "enutl-03.pdf", [3]).values() for c in cs if c.relation == "share"]
    by_year = {(c.total.stated, c.lane_label): [p.stated for p in c.parts] for c in checks}
    assert by_year[("68.8", "2008")] == ["207.01", "300.94"]
    assert by_year[("31.2", "2008")] == ["93.93", "300.94"]
    assert by_year[("49", "2008")] == ["3.84", "7.87"]
    assert by_year[("51", "2008")] == ["4.03", "7.87"]
    assert len(checks) == 20 and all(c.verdict in HOLDS for c in checks)


def _row(label: str, *figures: str) -> Row:
    cells = {i: Cell(f, parse_cell(f, "."), i, (0.0, 0.0, 0.0, 0.0)) for i, f in enumerate(figures)}
    return Row(label, cells, 0.0, 0.0)


def test_columns_that_do_not_add_up_to_100_are_not_shares() -> None:
    # "Domestic %" beside a count column: the pair does not make 100, so the count stays an amount
    columns = [Column(i, 0.0, 0.0, h) for i, h in enumerate(["Domestic %", "Connections"])]
    rows = [_row("2008", "68.8", "31.2"), _row("2009", "69.4", "30.6"), _row("2010", "70.0", "31.0")]
    table = Table(1, 1, None, None, columns, rows, "", None, (0.0, 0.0, 0.0, 0.0))
    assert _complements(table, [0], [0, 1]) == []
    rows[2] = _row("2010", "70.0", "30.0")
    assert _complements(table, [0], [0, 1]) == [1]
