"""An amount the text spreads over years, read off the year columns of a table row above it:
"The Government will provide $44.5 million over three years from 2025–26 ... to the Federal
Circuit and Family Court of Australia", under the measure's table

    Payments ($m)              2023-24   2024-25   2025-26   2026-27   2027-28
    Federal Court of Australia       -         -      14.7      14.9      15.0

(14.7 + 14.9 + 15.0 = 44.6: within rounding). Budget papers print every measure so, and
Canadian budgets alike ("$83.1 million over two years, starting in 2026-27").

The words fix the columns: the number of years and the first year. Only the row is looked for,
among the tables of the amount's page and the page before: the row whose label shares most
words with the sentence (or the table's total row, when the sentence names no row), chosen before
any figure is added. The words often name the programme while the row names the agency that runs
it ("$12.0 million over three years from 2025–26 for the Indigenous Broadcasting and Media
Program" is the row "National Indigenous Australians Agency", beside "Australian Broadcasting
Corporation"); when the row the words choose does not add up, or they leave the choice open, the
rows that share a word with the sentence (all rows, when none does) are tried, and the one of
them that adds up is taken when it is the only one and chance would rarely give one: the rows
tried times the amount's rounding band relative to it, under 1 in 10. A row of reductions printed
negative ("decrease receipts by $50.3 million" over -50.2 and -0.1) adds up to the amount's
negative. Only agreement is proposed, as for the other readings of tables from the text
(:mod:`factcheck.discover.text_tables`): a row that does not add up may well be one the sentence
does not speak of.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from fractions import Fraction
from typing import Any

from factcheck.discover.figures import Fig, content_words, shared_words
from factcheck.discover.table_shares import YEAR, column_years
from factcheck.discover.text_tables import table_relation_claim
from factcheck.numbers import NUMBER_WORDS
from factcheck.tables.detect import Table
from factcheck.tables.records import cell_claim

PAGES_BEFORE = 1
# "over three years from 2025–26", "over the five years from 2025–26", "over 4 years starting in 2024-25", "over two years, beginning in
# 2026-27"; an aside in brackets may come between ("(and $1.7 million in 2028–29)")
_OVER_YEARS = re.compile(
    r"^\s*(?:\([^()]{0,80}\)\s*)?over\s+(?:the\s+(?:next\s+)?)?(\w+)\s+years?,?\s+(?:from|starting\s+in|beginning\s+in|"
    r"commencing\s+in|starting|beginning)\s+(?:fiscal\s+year\s+|FY\s*)?((?:19|20)\d\d)(?:\s*[-–/]\s*\d\d(?:\d\d)?)?\b",
    re.IGNORECASE)
MAX_YEARS = 10
MAX_CHANCE = Fraction(1, 10)
_TOTAL = re.compile(r"^(?:total|totaal)\b", re.IGNORECASE)


def _span(fig: Fig) -> tuple[int, int] | None:
    """(first year, number of years) the words right after the amount spread it over."""
    at = fig.at
    if at < 0:
        return None
    m = _OVER_YEARS.match(fig.quote[at + len(fig.stated):])
    if m is None:
        return None
    word = m.group(1).lower()
    years = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if years is None or not 2 <= years <= MAX_YEARS:
        return None
    return int(m.group(2)), years


def _columns(table: Table, first: int, years: int) -> list[int] | None:
    """The table's columns of those years, one each, in order; None when one is missing or twice."""
    by_year: dict[int, list[int]] = {}
    for index, named in column_years(table).items():
        if len(named) == 1:
            by_year.setdefault(named[0], []).append(index)
    out = []
    for year in range(first, first + years):
        found = by_year.get(year, [])
        if len(found) != 1:
            return None
        out.append(found[0])
    return out


def _adds_up(fig: Fig, table: Table, found: Sequence[Any]) -> int | None:
    """1 when the cells add up to the figure within their rounding, -1 when they are all
    reductions (negative or nil) adding up to its negative, None otherwise."""
    numbers = [c.number for c in found]
    if all(n.nil for n in numbers) or table.scale is None or fig.interval.lo is None or fig.interval.hi is None:
        return None
    mult = table.scale.multiplier
    total = sum((n.value for n in numbers), Fraction(0)) * mult
    half = sum((n.half for n in numbers), Fraction(0)) * mult
    for sign in (1, -1):
        if sign < 0 and any(n.value > 0 for n in numbers):
            break
        if sign * total - half <= fig.interval.hi and fig.interval.lo <= sign * total + half:
            return sign
    return None


def years_sum_claims(
    figs: Sequence[Fig], sources: Mapping[str, Mapping[str, Any]], tables: Mapping[int, Sequence[Table]],
    taken: Container[str] = (),
) -> list[dict[str, Any]]:
    """Amounts spread over years in the text and the table row whose year cells add up to them,
    as claim dicts: one relation per amount matched, and the cells it adds. Called by
    :func:`factcheck.discover.text_tables.text_table_claims` with the document's figures."""
    out: list[dict[str, Any]] = []
    cells: dict[str, dict[str, Any]] = {}
    for fig in figs:
        if fig.kind != "money" or fig.id in taken or fig.value <= 0 or fig.interval.lo is None or fig.interval.hi is None:
            continue
        span = _span(fig)
        if span is None:
            continue
        words = content_words(YEAR.sub(" ", fig.quote))
        page = fig.position[0]
        rows = []  # (words shared, a total row, table, row, its cells over the years)
        for number in range(page - PAGES_BEFORE, page + 1):
            for table in tables.get(number, ()):
                columns = _columns(table, *span)
                if columns is None or table.scale is None:
                    continue
                for r, row in enumerate(table.rows):
                    found = [row.cells.get(c) for c in columns]
                    if all(c is not None and c.number is not None for c in found):
                        label = row.label.strip()
                        own = content_words(label)
                        shared = shared_words(words, own)
                        # most words shared, then the most of its own label named ("Australian
                        # Broadcasting Corporation" before "Special Broadcasting Service Corporation")
                        rows.append(((shared, Fraction(shared, max(1, len(own)))), bool(_TOTAL.match(label)),
                                     table, r, found))
        # the row is the one the words name (or the total row, when they name none), chosen before
        # any figure is added: one reading is tried
        most = max((f[0] for f in rows), default=(0, Fraction(0)))
        named = [f for f in rows if f[0] == most] if most[0] else [f for f in rows if f[1]]
        band = (fig.interval.hi - fig.interval.lo) / fig.value
        fit = _adds_up(fig, named[0][2], named[0][4]) if len(named) == 1 else None
        chance, how = band, "named by the sentence"
        if fit is None:
            # the words leave the row open: the one row sharing a word with them that adds up
            tried = [f for f in rows if f[0][0]] or rows
            fits = [(f, sign) for f in tried if (sign := _adds_up(fig, f[2], f[4])) is not None]
            chance = band * len(tried)
            if len(fits) != 1:
                continue
            named, fit = [fits[0][0]], fits[0][1]
            how = f"the one of {len(tried)} rows {'sharing a word with the sentence ' if tried[0][0][0] else ''}that adds up"
        if chance > MAX_CHANCE:
            continue
        _, _, table, r, found = named[0]
        # a nil year adds nothing: the sum names the years that hold an amount
        claims = [cell_claim(table, r, c) for c in found if not c.number.nil]  # type: ignore[arg-type,union-attr]
        for c in claims:
            cells.setdefault(str(c["id"]), c)
        first, years = span
        where = (f"row '{table.rows[r].label.strip()}' of table {table.index} on page {table.page}, its {years} "
                 f"years from {first}, {how}")
        out.append(table_relation_claim(
            fig, sources.get(fig.id, {}), ("" if fit > 0 else "-") + "sum(" + ", ".join(str(c["id"]) for c in claims) + ")",
            "sum of years along a table row", claims, where, chance, "a sum"))
    return list(cells.values()) + out
