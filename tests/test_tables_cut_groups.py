"""A total whose group heading the table reader left in an earlier table (tables.cut_groups): the
US Navy's FY 2014 budget justification, Exhibit P-1 (dev excerpt envgl-01, page 5)."""

from __future__ import annotations

from pathlib import Path

from tests.support.tables import checks_by_label

DOCS = Path(__file__).parent / "unseen" / "docs"


def test_a_total_whose_heading_stands_in_an_earlier_table_is_doubted_not_an_alarm() -> None:
    # "Budget Activity 03: Amphibious Ships" heads LPD-17 (1,837,444) and the completion of prior
    # year shipbuilding (73,992) in one table; LHA Replacement (1,999,191), the Joint High Speed
    # Vessel (372,332) and "Total Amphibious Ships 4,282,959" land in the next: the four add up
    checks = checks_by_label(DOCS / "envgl-01.pdf", [5])
    total = [c for c in checks["Total Amphibious Ships"] if c.total.stated == "4,282,959"]
    assert len(total) == 1 and not total[0].alarm
    assert total[0].doubt is not None and "amphibious ships" in total[0].doubt
    assert [p.stated for p in total[0].parts] == ["1,999,191", "372,332"]
    assert not [c for cs in checks.values() for c in cs if c.alarm]
