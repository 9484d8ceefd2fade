"""An alarm needs the shape of a slip: a total that misses by what one mistyped digit gives.

The first looks at new documents (every development batch extracted by the code of the commit
before it arrived, 105 documents) raised 110 alarms, 9 of them real. Of their 105 mismatches in
tables and text, none of the 96 false ones missed by a single digit's worth (a difference of
k × 10^j, k from 1 to 9, or a multiple of nine as two swapped digits give) in a figure of three
significant digits or more that is no percentage; five of the nine real ones did ("111 517" for
111,317; "10 062" for 10,002; a total of 118,000 whose parts add up to 123,000). A false alarm is a misreading: a row missed, a
part read twice, a column taken for another, and those miss by whatever a row holds. A
percentage that misses, a small figure, or a total off by an amount no digit slip explains is
therefore written with its doubt, for a person to look at, not as an alarm.

This costs real errors: a total not updated after one of its rows changed misses by that
change, as a misreading would (the development half's 43 alarms, all real, became 21, and its
real errors found 68 of 146 became 33). ``factcheck extract --all-alarms`` (or
``TableSettings.slip_alarms_only = False``) makes every failing total an alarm again.

Other shapes of a document's slip count too: a total that exceeds its parts by exactly the year its
column is headed with (a spreadsheet's sum taken over the header row). And two misses are doubted
whatever their shape: parts that print only zeros after the decimal point under a total in whole
units (rounded figures padded), and a column of rows that are each their own distribution.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from ..model import Verdict
from .records import TableCheck
from .share_wholes import READING as WHOLE_READING

MIN_DIGITS = 3  # significant digits of the printed total: small figures slip into anything
SLACK_ROOM = 1000  # a slip's place against the rounding slack it may be off by (digit_slip)
_DIGIT = re.compile(r"\d")


def digit_slip(difference: Fraction, figures: list[Fraction], slack: Fraction = Fraction(0)) -> bool:
    """Does ``difference`` equal one mistyped digit (k × 10^j, 1 <= k <= 9) or two swapped
    neighbours (9 × m × 10^j, 1 <= m <= 9), at a place some of ``figures`` print (down to
    hundredths)? Give or take ``slack`` (the rounding of the figures: a total of unrounded amounts
    misses its printed parts' sum by 299,999 when one part lost 300,000) where the slip's place is
    at least :data:`SLACK_ROOM` times the slack, so that rounding cannot make the shape."""
    d = abs(difference)
    if d == 0:
        return False
    places = max((len(str(int(abs(v)))) for v in figures), default=1)
    for j in range(-2, places):
        unit = Fraction(10) ** j
        q = d / unit
        if q.denominator == 1 and (1 <= q <= 9 or (q % 9 == 0 and q // 9 <= 9)):
            return True
        if slack and unit >= SLACK_ROOM * slack:
            k = round(q)
            if abs(d - k * unit) <= slack and (1 <= k <= 9 or (k % 9 == 0 and 9 <= k <= 81)):
                return True
    return False


def slip_shaped(total: str, percent: bool, difference: Fraction, figures: list[Fraction], slack: Fraction) -> bool:
    """Has a miss of a printed ``total`` the shape of a slip: no percentage, three significant
    digits at least, and a difference one mistyped digit gives (:func:`digit_slip`)?"""
    return not percent and _significant(total) >= MIN_DIGITS and digit_slip(difference, figures, slack)


def _fuller_reading(c: TableCheck, checks: list[TableCheck]) -> TableCheck | None:
    """A check that holds over every figure of ``c`` and more: the same row read as Operating +
    Transfers − Revenues netted = Total, where ``c`` read Transfers as Total − Operating and left the
    revenues netted out. The figures' own arithmetic is the fuller one; ``c`` misread it."""
    mine = {(r.page, r.bbox) for r in (c.total, *c.parts)}
    for h in checks:
        if h is c or h.page != c.page or h.file != c.file or h.verdict not in (Verdict.CONSISTENT, Verdict.ROUNDING):
            continue
        theirs = {(r.page, r.bbox) for r in (h.total, *h.parts)}
        if mine < theirs:
            return h
    return None


def _significant(text: str) -> int:
    return len("".join(_DIGIT.findall(text)).lstrip("0"))


def doubt_unshaped(checks: list[TableCheck]) -> list[TableCheck]:
    """``checks`` with every alarm that does not have the shape of a slip doubted (module doc)."""
    out: list[TableCheck] = []
    for c in checks:
        if c.alarm and c.verdict is Verdict.MISMATCH and _padded(c):
            out.append(replace(c, doubt=PADDED))
            continue
        if c.alarm and c.verdict is Verdict.MISMATCH and c.total.value == 100 and sum(1 for p in c.parts if p.value == 100) >= 2:
            out.append(replace(c, doubt=OWN_SHARES))
            continue
        if not c.alarm or c.verdict is not Verdict.MISMATCH or c.reading.startswith(WHOLE_READING):
            # (a whole whose parts' shares make 100 % cannot have lost a row or read one wrongly)
            out.append(c)
            continue
        if (fuller := _fuller_reading(c, checks)) is not None:
            out.append(replace(c, doubt=f"{FULLER} '{fuller.total_label}' ({fuller.total.stated})"))
            continue
        if REPEATS_FIGURE in c.reading or SIGN_TURNED in c.reading:
            # a named line that repeats another line's figure (see tables.wnt), a change printed
            # with its sign turned round (see tables.percentages): slips of their own shape
            out.append(c)
            continue
        copied = stale_copy(c, checks)
        if copied is not None:
            out.append(replace(c, reading=f"{c.reading}; {COPIED} {copied.lane_label!r}, whose parts add up to it"
                               if c.reading else f"{COPIED} {copied.lane_label!r}, whose parts add up to it"))
            continue
        if c.relation in ("share", "growth"):
            why = ("a percentage that misses: its base or its rounding may have been read wrongly, and a "
                   "percentage gives no sign of a slip")

        elif _significant(c.total.stated) < MIN_DIGITS:
            why = "a small figure that misses: small figures are off by as little as a misread part"
        elif _year_summed(c):
            out.append(replace(c, reading=f"{c.reading}; {YEAR_SUMMED}" if c.reading else YEAR_SUMMED))
            continue
        elif not digit_slip(c.difference, [c.total.value, *(p.value for p in c.parts)], c.slack):
            why = ("it misses by an amount no single mistyped digit gives, as a row read wrongly or missed "
                   "would: a person should look before calling it an error")
        else:
            out.append(c)
            continue
        out.append(replace(c, doubt=why))
    return out


_DECIMALS = re.compile(r"\d[.,](\d{1,2}|\d{4,})\)?\s*%?$")


def _padded(c: TableCheck) -> bool:
    """Do the parts all print decimals that are only zeros ("7,597.00", "849.00") under a total
    printed in whole units, missing it by no more than rounding each part to whole units gives?
    Then the zeros may be padding on rounded figures (a statistical table whose last year came in
    whole tonnes, its earlier years in hundredths): no sign of a slip either way."""
    decimals = [m.group(1) if (m := _DECIMALS.search(p.stated.strip())) else "" for p in c.parts]
    if len(decimals) < 2 or not all(d and set(d) == {"0"} for d in decimals) or _DECIMALS.search(c.total.stated.strip()):
        return False
    return abs(c.difference) <= Fraction(len(decimals), 2)


PADDED = ("its parts print only zeros after the decimal point under a total in whole units, and miss it by "
          "no more than rounding them to whole units would: the zeros may pad rounded figures")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _year_summed(c: TableCheck) -> bool:
    """Does the total exceed its parts by exactly the year its column (or row) is headed with? A
    spreadsheet's sum taken over the header's year ("TOTAL 163,115" for 24 crops adding to
    161,102 under "2013"): a slip of its own shape, whatever the digits."""
    years = {int(y) for y in _YEAR.findall(f"{c.lane_label} {c.total_label}")}
    return c.difference in years


YEAR_SUMMED = "the total exceeds its parts by exactly the year its column is headed with, as a sum over the header would"
# a block of percentages whose every row is a distribution of its own (a country's arrivals by age
# and sex, 100.0 under "All"): a column of them adds up to nothing
OWN_SHARES = ("two of its parts and the total are each 100: the rows are shares of their own totals, "
              "not of the total's, and a column of them does not add up")
COPIED = "the total repeats the one printed beside it in"
FULLER = "its figures add up in a fuller reading that takes them all and more:"
# a line the form defines that misses its parts and prints, to the digit, the figure of another line
# of the form that is no part of it (the WNT's pay line repeating the maximum): a copy, no misreading
REPEATS_FIGURE = "it repeats, to the digit, the figure of"
# a change column's figure that holds with its sign turned round, where the column's other rows
# settle which way round it counts (-100 % printed for a rise from 2 to 4)
SIGN_TURNED = "the change holds in size, but is printed with the opposite sign"


def stale_copy(c: TableCheck, checks: list[TableCheck]) -> TableCheck | None:
    """The check beside ``c`` whose printed total ``c``'s total repeats, when that one holds over
    parts in the same rows (or columns) that differ from ``c``'s: a total copied from the next
    lane and not updated ("11 983 141" under 2007/08, the 2006/07 total, over grants that add up
    to 12 374 770). No misreading gives a neighbour's printed total to the digit, so this is an
    alarm whatever the miss. Only neighbours of the same total, the same parts and one sum."""
    if c.relation != "sum" or _significant(c.total.stated) < MIN_DIGITS:
        return None
    row = c.orientation == "row"

    def place(x: TableCheck) -> tuple[tuple[int, int], ...]:
        cells = [x.total, *x.parts]
        return tuple(sorted((p.page, p.row) if row else (p.page, p.col) for p in cells))

    def lane(x: TableCheck) -> int:
        return x.total.col if row else x.total.row

    mine = place(c)
    near = [x for x in checks if x is not c and x.file == c.file and x.page == c.page and x.table == c.table
            and x.orientation == c.orientation and x.relation == "sum" and x.doubt is None
            and x.verdict is not Verdict.MISMATCH and x.total.value == c.total.value
            and place(x) == mine and abs(lane(x) - lane(c)) <= 2]
    for x in sorted(near, key=lambda x: abs(lane(x) - lane(c))):
        if sorted(p.value for p in x.parts) != sorted(p.value for p in c.parts):
            return x
    return None
