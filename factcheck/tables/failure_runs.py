"""A table whose checks fail in many places at once: the reading is doubted, not the table.

Published tables are nearly always right; an error is one cell, or one total, and seldom more
than a few in a table. When many checks of one table fail - a percentage column read against
the wrong base in every row, a second table's columns read as this one's - the likelier story
is that the table was read wrongly, and every one of those failures would be a false alarm. So
a table where at least :data:`MIN_RUN` checks fail, and more than one in :data:`MAX_SHARE` of its
checks, keeps its failures as doubts (written as figures a person can look at), not alarms.
The same reasoning holds within one total's columns (``doubts.reading_doubt``); this is the table's.
A failure that misses by one mistyped digit's worth is not counted towards a run: a misreading
misses by what a row holds, and a table whose totals miss by slips has errors, not a wrong reading
(``slip_evidence``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .records import TableCheck
from .slip_evidence import slip_shaped

MIN_RUN = 5  # a few real errors in one table do happen (a column of stale totals)
MAX_SHARE = 8  # more than one failing check in this many is a run, not a slip


def doubt_failure_runs(checks: list[TableCheck]) -> list[TableCheck]:
    """``checks`` with the alarms of every table whose checks fail in a run (module doc) turned into doubts."""
    place = lambda c: (c.total.page, c.total.table)  # noqa: E731
    failing = Counter(place(c) for c in checks if c.alarm and not _slipped(c))
    if not failing or max(failing.values()) < MIN_RUN:
        return checks
    size = Counter(place(c) for c in checks)
    runs = {p for p, n in failing.items() if n >= MIN_RUN and n * MAX_SHARE > size[p]}
    return [replace(c, doubt=f"{failing[place(c)]} of this table's {size[place(c)]} checks fail under the readings "
                             "tried: errors seldom come in runs, so the reading is more likely wrong than the table")
            if c.alarm and place(c) in runs else c for c in checks]


def _slipped(check: TableCheck) -> bool:
    """Does the check miss by what one mistyped digit gives (slip_evidence)?"""
    figures = [check.total.value, *(p.value for p in check.parts)]
    return slip_shaped(check.total.stated, check.relation in ("share", "growth"), check.difference, figures, check.slack)
