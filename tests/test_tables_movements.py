"""Movement schedules (opening balance + movements = closing balance) and totals whose label
starts on the line above their figures, on an unseen dev excerpt."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Verdict
from factcheck.tables import check_pdf

DOCS = Path(__file__).parent / "unseen" / "docs"
HOLDS = (Verdict.CONSISTENT, Verdict.ROUNDING)


def _voorzieningen() -> list:
    # Gemeente Wassenaar, jaarstukken 2023, overzicht voorzieningen: columns "Saldo 31-12-2022 |
    # Vermeerdering | Vermindering | Vrijval | Saldo 31-12-2023", rows grouped under four subtotals
    # and "Totaal voorzieningen" (x € 1.000, so some rows are off by 1 through rounding).
    return check_pdf(DOCS / "nltaal-01.pdf", lang="nl", pages=[5], all_pages=True)


def test_the_closing_balance_column_is_the_opening_balance_plus_the_movements() -> None:
    checks = [c for c in _voorzieningen() if c.orientation == "column" and c.total_label == "Saldo 31-12-2023"]
    assert len(checks) >= 20
    by_row = {c.lane_label: c for c in checks}
    wethouders = next(c for lab, c in by_row.items() if "wachtgeld" in lab)
    assert [p.stated for p in wethouders.parts] == ["1.142", "369", "-227", "-312"]
    assert wethouders.total.stated == "971" and wethouders.verdict is Verdict.ROUNDING
    assert all(c.verdict in HOLDS for c in checks)


def test_a_total_whose_label_starts_on_the_line_above_closes_its_group() -> None:
    # "Totaal voorzieningen voor" / "verplichtingen, verliezen en risico's   1.423 ..." stands
    # under a heading with no rows ("Voorzieningen voor risico's"), after blank lines
    rows = [c for c in _voorzieningen() if c.orientation == "row"]
    first = [c for c in rows if c.total_label.startswith("Totaal voorzieningen voor verplichtingen")]
    assert first and first[0].total.stated == "1.423"
    assert [p.stated for p in first[0].parts] == ["1.142", "150", "0", "132", "0", "0"]
    grand = [c for c in rows if c.total_label == "Totaal voorzieningen"]
    assert grand[0].total.stated == "20.980"
    assert [p.stated for p in grand[0].parts] == ["1.423", "7.733", "11.619", "206"]
    assert all(c.verdict in HOLDS for c in first + grand)
    assert not [c for c in _voorzieningen() if c.alarm]


def test_a_funds_movements_in_an_inner_column_close_on_per_saldo_and_the_closing_stand() -> None:
    # Stichting Gemeenschapsservice Nijmegen, jaarstukken 2025, Fonds beroepenavond: "Bij" and
    # "Af: aandeel in de kosten van de beroepenavond 2025  -500  - 500" stand in inner columns,
    # "Per saldo toevoeging 47" closes them (547 - 500), and "Stand per 31 december 1.047" is
    # "Stand per 1 januari" 1.000 + 47. "Per saldo" is Dutch for net (no rate "per" anything),
    # "- 500" is one figure, and the "2025" after the words belongs to the label.
    checks = check_pdf(DOCS / "nltab-03.pdf", lang="nl", pages=[3], all_pages=True)
    on_page = {(c.total_label, c.total.stated): [p.stated for p in c.parts] for c in checks
               if c.page == 3 and c.verdict in HOLDS}
    assert on_page[("Per saldo toevoeging", "47")] == ["547", "-500"]
    assert on_page[("Stand per 31 december", "1.047")] == ["1.000", "47"]
    assert not [c for c in checks if c.alarm]


def test_a_closing_book_value_is_the_sum_of_the_section_subtotals_above_it() -> None:
    # Rijksdienst jaarverslag 2022, verloop materiële vaste activa: "Boekwaarde 1 januari" closed
    # by an unlabelled line 186.585, the movements by -94.878, and "Boekwaarde 31 december" by
    # 91.707, which is both its own two rows and 186.585 - 94.878
    checks = check_pdf(DOCS / "nlrijk-01.pdf", lang="nl", pages=[7], all_pages=True)
    closing = [c for c in checks if c.total.stated == "91.707" and c.page == 7 and c.table == 2]
    assert sorted([p.stated for p in c.parts] for c in closing) == [["186.585", "-94.878"], ["786.663", "-694.956"]]
    assert all(c.verdict is Verdict.CONSISTENT for c in closing)
    assert not [c for c in checks if c.alarm]


def test_each_balance_column_closes_the_one_before_and_the_movements_between() -> None:
    # GGD Flevoland, begroting 2026, verloop reserves: "Stand 31-dec-23 | resultaat 2024 | Stand
    # 31-dec-24 | Begroting 2025 | Stand 31-dec-25 | Begroting 2026 | Stand 31-dec-26"; the
    # "Totaal reserves" figures stand on the line under their label, two blank lines down
    checks = check_pdf(DOCS / "nlgem-01.pdf", lang="nl", pages=[5], all_pages=True)
    stands = [c for c in checks if c.orientation == "column" and c.total_label.startswith("Stand 31-dec-2")]
    general = {c.total_label: [p.stated for p in c.parts] for c in stands if c.lane_label.startswith("Algemene")}
    assert general == {"Stand 31-dec-24": ["3.388", "77"], "Stand 31-dec-25": ["3.465", "-25"],
                       "Stand 31-dec-26": ["3.440", "0"]}
    assert all(c.verdict in HOLDS for c in stands)
    # its label wraps onto a second line, "(= weerstandsvermogen)", the figures between the two
    reserves = [c for c in checks if c.total_label == "Totaal reserves (= weerstandsvermogen)"]
    assert reserves and reserves[0].total.stated == "7.065" and all(c.verdict in HOLDS for c in reserves)
    assert not [c for c in checks if c.alarm]
