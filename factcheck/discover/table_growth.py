"""Percentage changes in the text that a table row shows between two years: "Sinds 2013 nam de
geregistreerde criminaliteit in totaal af met 27%", above a table whose row "Geregistreerde
misdrijven" reads 1.105.560 under 2013 and 807.375 under 2023.

The clause around the percentage says which way the change went (a rise or fall word), which
years it spans (the years it names; one year named is the start, the table's latest year the
end) and which row it speaks of (the rows whose label shares most words with it). Those are
chosen before any figure is looked at, so the search tries few readings; a match is kept only
when chance would rarely give it and no other reading fits as well. Tables on the clause's page
and the pages beside it are read first; failing a reading there, any table of the document whose
row alone is named best (a summary restating a table pages on). Only agreement is reported,
as in :mod:`factcheck.discover.text_tables`: a clause that matches no row may speak of something
the table does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from factcheck.discover.figures import Fig, content_words, shared_words
from factcheck.discover.relations import FALL_WORDS, RISE_WORDS, _significant_digits
from factcheck.discover.table_shares import YEAR, as_cell_number, column_years, is_amount, log_spread
from factcheck.discover.text_tables import table_relation_claim
from factcheck.model import Interval
from factcheck.tables.cells import CellNumber
from factcheck.tables.detect import Cell, Table
from factcheck.tables.judging import holds
from factcheck.tables.labels import CHANGE_HEADER
from factcheck.tables.percentages import judge_growth
from factcheck.tables.records import cell_claim

MAX_CHANCE = Fraction(1, 10)
PAGES_AROUND = 1
_REACH = 90  # characters either side of the percentage that belong to its clause
_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|•")
_PERCENT = re.compile(r"\d\s?%")
_BASE = re.compile(
    r"\b(?:dan\s+in|than\s+in|ten\s+opzichte\s+van|t\.o\.v\.|sinds|since|vergeleken\s+met|compared\s+(?:with|to)|"
    r"from|vanaf|over|above|boven)\s+(?:the\s+|het\s+)?(?:FY\s*|fiscal\s+year\s+|(?:boek)?jaar\s+)?"
    r"((?:19[5-9]\d|20[0-4]\d))\b", re.IGNORECASE)


# a clause that points back at the period named before it
_SAME_PERIOD = re.compile(r"\b(?:(?:die|de)zelfde|die|deze|(?:the|that)\s+same|that|this)\s+(?:periode|period|tijd|time)\b",
                          re.IGNORECASE)


def _clause(fig: Fig) -> tuple[str, str]:
    """The words before and after the percentage that speak of it: back to the previous sentence
    end or percentage, and on to the next ones (at most _REACH characters either way)."""
    at = fig.at
    if at < 0:
        return "", ""
    before = fig.quote[max(0, at - _REACH):at]
    after = fig.quote[at + len(fig.stated):at + len(fig.stated) + _REACH]
    cuts = [m.end() for m in _CLAUSE_END.finditer(before)] + [m.end() for m in _PERCENT.finditer(before)]
    before = before[max(cuts):] if cuts else before
    ends = [m.start() for m in _CLAUSE_END.finditer(after)] + [m.start() for m in _PERCENT.finditer(after)]
    return before, after[:min(ends)] if ends else after


# a year the clause puts a level at ("in 2025-26", "voor 2024", "during 2023"), not a change from
_AT_YEAR = re.compile(r"\b(?:in|during|for|voor|tijdens)\s+(?:(?:het\s+)?jaar\s+|(?:fiscal\s+)?year\s+|FY\s*)?"
                      r"(?:19|20)\d\d\b", re.IGNORECASE)


# a base that is named but is no year: "higher than budgeted", "compared to the revised estimates",
# "over the previous plan"; the change is then not one between two years' columns
_OTHER_BASE = re.compile(r"\b(?:than|dan|over|above|below|boven|onder|compared|vergeleken|opzichte|t\.o\.v\.|from|van)\b",
                         re.IGNORECASE)


def _span(before: str, after: str) -> tuple[int | None, int | None] | None:
    """(base year, end year) of the change the clause states; an end of None is the table's latest
    year, a base of None the year before the end. "minder dan in 2013", "ten opzichte van 2022",
    "sinds 2013" name the base; another year named ("In 2023 ...") is the end; "tussen 2013 en
    2023" names both; a year the level stands at ("increase 2.5% in FY 2014-15"), or none, names
    only the end."""
    bases = [int(m.group(1)) for m in _BASE.finditer(after)] or [int(m.group(1)) for m in _BASE.finditer(before)][-1:]
    years = sorted({int(y) for y in YEAR.findall(before + " " + after)})
    if bases:
        base = bases[0]
        # a base year named for another percentage of the clause ("3% minder dan in 2022 en circa
        # 15% minder dan in 2013") is no end year of this one
        named = {int(m.group(1)) for m in _BASE.finditer(before + " " + after)}
        others = [y for y in years if y != base and y not in named]
        return (base, others[0]) if len(others) == 1 else (base, None) if not others else None
    if len(years) == 2:
        return years[0], years[1]
    if len(years) == 1 and _AT_YEAR.search(before + " " + after):
        # "budgeted to increase 2.5% in FY 2014-15": the year the level stands at, not the base;
        # a change named by its year alone is a change from the year before. ("14.3% higher than
        # budgeted" in 2025-26 compares two columns of one year; its base is no year's column.)
        return None if _OTHER_BASE.search(after) else (None, years[0])
    if not years and not _OTHER_BASE.search(after):
        # "Revenue from licenses and permits shows a 10.0% increase": no year named, the latest
        # year's change from the year before
        return None, None
    return (years[0], None) if len(years) == 1 else None


def _direction(clause: str, after: str) -> tuple[bool, bool]:
    """(up, down): the words right after the percentage when they say which way ("6% meer dan in
    2022", in "30% minder dan in 2013 en 6% meer dan in 2022"), else the clause's words."""
    first = " ".join(re.findall(r"[^\W\d_]+", after)[:2])
    up, down = bool(RISE_WORDS.search(first)), bool(FALL_WORDS.search(first))
    if up != down:
        return up, down
    return bool(RISE_WORDS.search(clause)), bool(FALL_WORDS.search(clause))


def _year_columns(table: Table, words: frozenset[str]) -> dict[int, int]:
    """Year -> column index, for columns headed by one year ("2013", "2022 a"). A year that heads
    two columns or more ("Budgeted 2025-26", "Revised 2025-26") is the column whose other header
    words the clause says ("as compared to revised estimates of 2025-26"), and no column when it
    says none or several: the year alone does not say which."""
    by_year: dict[int, list[int]] = {}
    changes = {c.index for c in table.columns if CHANGE_HEADER.search(c.header)}
    for index, years in column_years(table).items():
        # "Change from baseline to FY2023" holds changes, not FY2023's levels
        if len(years) == 1 and index not in changes:
            by_year.setdefault(years[0], []).append(index)
    headers = {c.index: content_words(YEAR.sub(" ", c.header)) for c in table.columns}
    out: dict[int, int] = {}
    for year, columns in by_year.items():
        named = [c for c in columns if shared_words(words, headers.get(c, frozenset()))] if len(columns) > 1 else columns
        if len(named) == 1:
            out[year] = named[0]
    return out


def _holds(old: CellNumber, new: CellNumber, percent: CellNumber) -> bool:
    """Does the change from old to new, with the cells' rounding, meet the percentage's interval?
    The percentage's own interval, as the claim file will state it: no allowance for cut-off
    digits here, so that check reaches the verdict this search saw."""
    j = judge_growth(old, new, percent)
    return j is not None and holds(j.verdict) and j.parts_interval.meets(
        Interval(percent.value - percent.half, percent.value + percent.half))


def table_growth_claims(
    figs: Sequence[Fig], sources: Mapping[str, Mapping[str, Any]], tables: Mapping[int, Sequence[Table]],
    taken: Container[str] = (),
) -> list[dict[str, Any]]:
    """Percentage changes named in the text and shown by a table row between two year columns, as
    claim dicts: one relation per percentage matched, and the table cells it uses. Called by
    :func:`factcheck.discover.text_tables.text_table_claims` with the document's figures."""
    out: list[dict[str, Any]] = []
    cells: dict[str, dict[str, Any]] = {}
    # the figures of each sentence, looked up by its quote and page instead of a scan per percentage
    sentences: dict[tuple[str, int], list[Fig]] = {}
    for f in figs:
        sentences.setdefault((f.quote, f.position[0]), []).append(f)
    for fig in figs:
        if fig.kind != "percent" or fig.id in taken or not 0 < abs(fig.value) < 1000 or (fig.unit or "").strip() != "%":
            continue
        lo, hi = fig.interval.lo, fig.interval.hi
        if lo is None or hi is None or (lo <= 0 if fig.value > 0 else hi >= 0):
            continue
        before, after = _clause(fig)
        clause = f"{before} {after}"
        up, down = _direction(clause, after)
        if fig.value < 0 or fig.stated.lstrip().startswith("+"):
            # "changed by +0.89 percent", "changed by -1.43 percent": the sign says which way, and
            # words that say otherwise leave the reading in doubt
            sign_up = fig.value > 0
            if up == down or (up, down) == (sign_up, not sign_up):
                up, down = sign_up, not sign_up
            else:
                continue
        wanted = _span(before, after)
        if (wanted is None or wanted == (None, None)) and _SAME_PERIOD.search(clause):
            # "nam sinds 2013 af met 26%; het … aantal unieke personen nam in diezelfde periode af
            # met 35%": the period is the one the sentence named before this clause
            wanted = _span(fig.quote[:max(0, fig.at - len(before))], "")
        if up == down or wanted is None:
            continue  # no direction, or both; no span of years
        words = content_words(YEAR.sub(" ", clause))
        # "178.000 misdrijfzaken … ingeschreven; 3% minder dan in 2022": a clause that names no
        # row speaks of the sentence's subject, the words before it
        subject = content_words(YEAR.sub(" ", fig.quote[:max(0, fig.at)]))
        if not words and not subject:
            continue
        signed = as_cell_number(fig)
        if down and fig.value > 0:
            signed = replace(signed, value=-signed.value)  # "af met 27%": a change of -27 %
        page = fig.position[0]
        near = [t for number in range(page - PAGES_AROUND, page + PAGES_AROUND + 1) for t in tables.get(number, ())]
        levels = _levels(fig, sentences[fig.quote, fig.position[0]])
        fits, chance = _readings(near, wanted, words, subject, signed, abs(fig.value), hi - lo, nearest=False,
                                 levels=levels)
        if not fits:
            # a summary restates a table pages away ("a total General Fund Budget of $99.5 million,
            # a 3.8% increase over FY 2013-2014"): any table of the document, when one row alone
            # is named best; the odds of both looks count
            far = [t for number, ts in sorted(tables.items()) if abs(number - page) > PAGES_AROUND for t in ts]
            fits, more = _readings(far, wanted, words, subject, signed, abs(fig.value), hi - lo, nearest=True,
                                   levels=levels)
            chance = 2 * (chance + more)
        if len(fits) == 1 and hi - lo > 1 and fig.value.denominator == 1:
            # "30%" may stand for 25-35 %; when the change lands within 29.5-30.5 % all the same,
            # the odds are those of that narrow band
            narrow = replace(signed, half=Fraction(1, 2))
            old_number, new_number = fits[0][2].number, fits[0][3].number
            if old_number is not None and new_number is not None and _holds(old_number, new_number, narrow):
                chance /= hi - lo
        if len(fits) != 1 or chance > MAX_CHANCE:
            continue  # no reading, several (ambiguous), or one that chance would often give
        table, r, old_cell, new_cell = fits[0]
        old_claim, new_claim = cell_claim(table, r, old_cell), cell_claim(table, r, new_cell)
        for c in (old_claim, new_claim):
            cells.setdefault(str(c["id"]), c)
        # a fall stated as a positive percentage is old less new; one printed with its minus sign, new less old
        change = (f"{old_claim['id']} - {new_claim['id']}" if down and fig.value > 0
                  else f"{new_claim['id']} - {old_claim['id']}")
        found = (f"row '{table.rows[r].label.strip()}' of table {table.index} on page {table.page}, from "
                 f"{span_text(table, old_cell.col)} to {span_text(table, new_cell.col)}, named by the sentence")
        out.append(table_relation_claim(
            fig, sources.get(fig.id, {}), f"({change}) / {old_claim['id']}", "change along a table row",
            (old_claim, new_claim), found, chance, "a change"))
        amount = _amount_beside(fig, figs, taken)
        if amount is not None and _difference_holds(table, old_cell, new_cell, amount, down):
            # "a $3.6 billion, or 7.5 percent, increase": the percentage named the row and the
            # years; the amount printed with it is the same change in money. A level the sentence
            # prints itself ("Request is $2,118,773,000, a $37,328,000 (1.8 percent) increase") is
            # the figure it took, in place of its cell.
            level = _level_in_sentence(fig, figs, table, new_cell, amount)
            new_input = {"id": level.id, "stated": level.stated} if level is not None else new_claim
            difference = (f"{old_claim['id']} - {new_input['id']}" if down
                          else f"{new_input['id']} - {old_claim['id']}")
            out.append(table_relation_claim(
                amount, sources.get(amount.id, {}), difference, "difference of a table row",
                (old_claim, new_input) if down else (new_input, old_claim),
                f"{found}, beside its rate of change {fig.stated}", chance, "a change"))
    return list(cells.values()) + out


def _level_in_sentence(fig: Fig, figs: Sequence[Fig], table: Table, cell: Cell, amount: Fig) -> Fig | None:
    """The amount of the sentence that prints the cell's value exactly, at the table's scale."""
    if cell.number is None or table.scale is None:
        return None
    value = cell.number.value * table.scale.multiplier
    same = [f for f in figs if f.kind == "money" and f.quote == fig.quote and f.position == fig.position
            and f.id != amount.id and f.value == value]
    return same[0] if len(same) == 1 else None


# what stands between an amount and the rate of the same change: "$3.6 billion, or 7.5 percent",
# "$0.2 billion, or 0.8%", "$2,732,525 (16.0 percent)", "€ 2 miljoen (5%)"
_BESIDE = re.compile(r"^\s*(?:,?\s*(?:or|of|ofwel|i\.e\.)\s+|\(\s*)$", re.IGNORECASE)


def _amount_beside(fig: Fig, figs: Sequence[Fig], taken: Container[str]) -> Fig | None:
    """The amount printed right before the percentage in its sentence, joined to it by "or" or an
    opening bracket, when no other search has read it."""
    at = fig.at
    for other in figs:
        if (other.kind != "money" or other.quote != fig.quote or other.position != fig.position
                or other.id in taken or other.at < 0):
            continue
        end = other.at + len(other.stated)
        if end <= at and _BESIDE.match(fig.quote[end:at]):
            return other
    return None


def _difference_holds(table: Table, old: Cell, new: Cell, amount: Fig, down: bool) -> bool:
    """Does the difference of the two cells, at the table's scale and with their rounding, meet the
    amount's interval? Only agreement is proposed."""
    lo, hi = amount.interval.lo, amount.interval.hi
    if old.number is None or new.number is None or lo is None or hi is None or table.scale is None:
        return False
    mult = table.scale.multiplier
    change = (old.number.value - new.number.value) if down else (new.number.value - old.number.value)
    half = old.number.half + new.number.half
    return change > 0 and Interval((change - half) * mult, (change + half) * mult).meets(Interval(lo, hi))


def _readings(
    tables: Sequence[Table], wanted: tuple[int | None, int | None], words: frozenset[str], subject: frozenset[str],
    signed: CellNumber, value: Fraction, width: Fraction, *, nearest: bool, levels: frozenset[Fraction] = frozenset(),
) -> tuple[list[tuple[Table, int, Cell, Cell]], Fraction]:
    """The rows of these tables the clause names whose change over its years meets the percentage,
    and the odds that chance gives one. The rows named are those whose end-year cell is an amount
    the sentence prints (``levels``: "electricity use in FY2023 was 5,448,673,581 kWh, a 1.5%
    increase from FY2022" names the table's row that reads 5,448,673,581 under FY2023), else those
    sharing most words with the clause (failing any, with the sentence's subject) in each table, or
    with ``nearest`` in all the tables together, and then only when one row alone is named best."""
    named: list[tuple[Table, int, int, int, int]] = []  # table, row, words shared, old and new column
    pinned: list[tuple[Table, int, int, int, int]] = []  # the same, for rows whose level the sentence prints
    for table in tables:
        years = _year_columns(table, words)
        if not years:
            continue
        end = wanted[1] if wanted[1] is not None else max(years)
        base = wanted[0] if wanted[0] is not None else max((y for y in years if y < end), default=None)
        if base is None or wanted[0] is None and base != end - 1:
            continue  # the year before is no column: the change does not say from when
        if base >= end or base not in years or end not in years:
            continue
        pinned.extend((table, r, 1, years[base], years[end]) for r in _printed_level(table, years[end], levels))
        overlap = {r: shared_words(words, content_words(row.label)) for r, row in enumerate(table.rows)}
        if not any(overlap.values()):
            overlap = {r: shared_words(subject, content_words(row.label)) for r, row in enumerate(table.rows)}
        most = max(overlap.values(), default=0)
        named.extend((table, r, n, years[base], years[end]) for r, n in overlap.items() if n and n == most)
    if pinned:
        named = pinned
    elif nearest:
        most = max((n for _, _, n, _, _ in named), default=0)
        named = [x for x in named if x[2] == most]
        if len(named) != 1:
            return [], Fraction(0)
    fits = []
    chance = Fraction(0)
    for table, r, _, old_col, new_col in named:
        old, new = table.rows[r].cells.get(old_col), table.rows[r].cells.get(new_col)
        if old is None or new is None or not (is_amount(old) and is_amount(new)):
            continue
        chance += width / value / log_spread(table)
        if _holds(old.number, new.number, signed):  # type: ignore[arg-type]
            fits.append((table, r, old, new))
    return fits, chance


def _printed_level(table: Table, col: int, levels: frozenset[Fraction]) -> list[int]:
    """The rows whose cell in ``col`` is, at the table's scale, an amount of ``levels``: the
    sentence quotes that row's level (to the last digit, so no other reading names a row as
    surely, in this table or another)."""
    if not levels:
        return []
    mult = table.scale.multiplier if table.scale is not None else Fraction(1)
    return [r for r, row in enumerate(table.rows)
            if (cell := row.cells.get(col)) is not None and is_amount(cell) and cell.number is not None
            and cell.number.value * mult in levels]


def _levels(fig: Fig, sentence: Sequence[Fig]) -> frozenset[Fraction]:
    """The amounts of four significant digits or more that the percentage's sentence (its
    figures: ``sentence``) prints: a level as exact as that is no coincidence when a table cell
    reads it."""
    return frozenset(f.value for f in sentence if f.id != fig.id and f.kind != "percent" and f.value > 0
                     and _significant_digits(f.value) >= 4)


def span_text(table: Table, col: int) -> str:
    """A column's header, for the evidence line."""
    return next((c.header.strip() for c in table.columns if c.index == col), str(col + 1))
