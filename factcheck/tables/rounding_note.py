"""A page that says its figures may not add up because of rounding: a total that misses by a
little more than its printed digits allow is the rounding the publisher declared, not an error.

"Totals may not add due to rounding", "Door afrondingsverschillen tellen de bedragen niet altijd
op": such a publisher rounds every figure on its own, totals included, or adds up figures that are
themselves rounded sums (a grand total row over subtotals of dozens of rows). The half unit each
printed digit allows then understates how far a total may stray. On such a page each figure of a
sum is allowed a whole unit of its last digit, twice the slack of the intervals rule, and a total
within that is ``rounding``, with the page's note as its reading. Beyond it the check stands: a
slip of a digit is no rounding, whatever the page says.

The note holds for the whole document: a budget book says once, under its last schedule, that
"these schedules may contain rounding differences", and a statistical annex says it under one
table of several alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Verdict
from .detect import Table
from .records import TableCheck

# The note's sentence, not a row named after rounding ("Afrondingsverschillen  -1" in a result
# statement is a figure of the sum, and its table must add up exactly).
_NOTE = re.compile(
    r"(?:may|might|do|does|did|will|can|could)\s*(?:not|n['’]t)\s+(?:\w+\s+){0,3}?"
    r"(?:add|sum|total|tally|agree|balance|reconcile)\b[^.;]{0,60}?\b(?:rounding|rounded)\b"
    r"|\b(?:due\s+to|because\s+of|owing\s+to)\s+rounding\b[^.;]{0,60}?\b(?:may|might|do|does|can)\s*"
    r"(?:not|n['’]t)\s+(?:\w+\s+){0,3}?(?:add|sum|total|tally|agree|balance)\b"
    r"|\b(?:may|might|can|could)\s+(?:contain|include|show|have)\s+(?:\w+\s+){0,2}?rounding\s+differences\b"
    r"|\b(?:door|als\s+gevolg\s+van|wegens|vanwege|i\.\s?v\.\s?m\.|in\s+verband\s+met)\s+(?:de\s+)?"
    r"afronding(?:en|sverschillen)?\b"
    r"|\bafrondingsverschillen\s+(?:kunnen|mogelijk|zijn\s+mogelijk|komen)\b"
    r"|\bkunnen\s+(?:\w+\s+){0,4}?afrondingsverschillen\b",
    re.IGNORECASE,
)


def says_rounding(text: str) -> bool:
    """Does ``text`` (a page's words, one space apart) note that its figures may not add up
    because of rounding?"""
    # (every wording of the note names rounding: most pages are passed by a substring test, not the pattern)
    low = text.lower()
    return ("round" in low or "afrond" in low) and _NOTE.search(text) is not None


def allow_noted_rounding(checks: list[TableCheck], found: Mapping[int, Sequence[Table]]) -> list[TableCheck]:
    """``checks`` with each failing sum judged with a whole unit for each figure where a page of the
    document notes rounding (module doc): ``rounding`` where the total falls within that, as it was beyond."""
    if not any(t.rounding_note for tables in found.values() for t in tables):
        return checks
    return [_widened(c) for c in checks]


def _widened(check: TableCheck) -> TableCheck:
    if check.verdict is not Verdict.MISMATCH or check.relation not in ("sum", "difference"):
        return check
    tolerance = 2 * check.slack
    if abs(check.difference) > tolerance:
        return check
    return replace(check, verdict=Verdict.ROUNDING, tolerance=tolerance, doubt=None, reading=(
        f"{check.reading}; " if check.reading else "") + "the page notes that its figures may not add up "
        "because of rounding: each figure is allowed a whole unit of its last digit")
