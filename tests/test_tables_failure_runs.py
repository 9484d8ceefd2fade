"""Failures that come in a run within one table are doubted, a few are alarms
(factcheck.tables.failure_runs), on a Census Statistical Abstract table (tests/pdfs)."""

from __future__ import annotations

from pathlib import Path

from factcheck.tables import TableCheck
from factcheck.tables.failure_runs import MAX_SHARE, MIN_RUN, doubt_failure_runs
from tests.support.tables import check_all_alarms

ABSTRACT = Path(__file__).parent / "pdfs" / "census_12s0324_broken_text_layer.pdf"


def _checks() -> list[TableCheck]:
    return check_all_alarms(ABSTRACT, lang="en")


def test_a_few_failures_among_many_holding_checks_stay_alarms() -> None:
    checks = _checks()
    alarms = [c for c in checks if c.alarm]
    # eight totals of the table print a figure its two parts do not add up to (1,158.5 against
    # 1,256.7 and the like): real slips among a hundred checks that hold
    assert len(alarms) >= MIN_RUN
    assert len(alarms) * MAX_SHARE <= len(checks)
    assert doubt_failure_runs(checks) == checks


def test_a_table_failing_in_many_of_its_few_checks_is_doubted() -> None:
    checks = _checks()
    alarms = [c for c in checks if c.alarm]
    held = [c for c in checks if not c.alarm][: 2 * len(alarms)]
    # the same failures in a table of a third the size: one check in three fails - a misreading
    run = doubt_failure_runs(alarms + held)
    assert not [c for c in run if c.alarm]
    assert all(c.doubt and "errors seldom come in runs" in c.doubt for c in run[: len(alarms)])
    assert run[len(alarms):] == held  # what held is left as it was
    # fewer failures than a run, however large their share: alarms still
    few = alarms[: MIN_RUN - 1]
    assert doubt_failure_runs(few + held[:2]) == few + held[:2]
