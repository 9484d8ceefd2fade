"""Percentages in the text that are a table row's share of the table's total: "expenditures were
for public safety (37%), home and community services (25%) and general government support
(22%)", next to a table whose rows read 17,566,642, 11,928,932 and 10,272,100 of a Total of
47,565,188.

The sentence names the row: the words right before the percentage share a word with the row's
label. The part is that row's cell in a value column, the whole the Total row's cell in the same
column (or, for a row of a "w.v."/"w.o." list, the cell of the row the list breaks down), on a table of the statement's page or the page before or after it. Rows are chosen by
their words before any figure is looked at, so the search tries few readings; a match is kept
only when chance would rarely give it (the tries times the share of a percentage's interval in
the range of ratios the table's figures allow) and when no other reading fits as well. Only
agreement is reported, as in :mod:`factcheck.discover.text_tables`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from factcheck.discover.figures import Fig, content_words, shared_words
from factcheck.discover.relations import rate_of_change
from factcheck.discover.text_tables import table_relation_claim
from factcheck.model import Interval
from factcheck.tables.cells import CellNumber
from factcheck.tables.detect import Cell, Table
from factcheck.tables.judging import holds
from factcheck.tables.labels import YEAR, column_years, row_kind
from factcheck.tables.percentages import judge_share
from factcheck.tables.records import cell_claim

# The first looks at new documents (each development batch extracted by the code before it came)
# made five of these shares with odds between 1 in 10 and 1 in 15, four of them coincidences
# ("15% of expenditures" as a fund-balance policy, "4% Allocations" as a credit's name); on the
# development half it drops those four and one right share of 31 (about 1 in 15). Stricter than
# the 1 in 10 of other readings: a percentage's words are weak evidence for a row
MAX_CHANCE = Fraction(1, 15)
PAGES_AROUND = 1
PAGES_FAR = 4  # see text_tables.PAGES_FAR
_CONTEXT = 90  # characters before the percentage that may name the row
_BOUNDARY = re.compile(r"[.;:]\s|\d")
_PREVIOUS_PERCENT = re.compile(r"\s*(?:%|percent\b|procent\b)", re.IGNORECASE)
_NAME_FOLLOWS = re.compile(r"\s+[^\W\d_]")
_AFTER_END = re.compile(r"[.;:,]\s|\d|\s(?:en|and|of|or)\s")


def _context_words(fig: Fig) -> tuple[frozenset[str], frozenset[str]]:
    """The words that name the percentage's row, and the words tried when those name no row: the
    words right before it in its sentence (back to the previous figure or clause), and those right
    after it, up to the next ("Daarvan was 44% een dagvaarding, 28% ..." names its row after the
    percentage); in a list named that way, the words after come first."""
    at = fig.at
    if at < 0:
        return frozenset(), frozenset()
    # years are no figures: "Het aandeel vrijheidsstraffen in 2023 is gelijk gebleven … (op 39%)"
    plain = YEAR.sub(lambda m: " " * len(m.group()), fig.quote)
    start = _clause_start(plain, at)
    before = fig.quote[start:at]
    after = fig.quote[at + len(fig.stated):at + len(fig.stated) + _CONTEXT]
    end = _AFTER_END.search(after)
    after = after[:end.start()] if end else after
    if _PREVIOUS_PERCENT.match(before) and content_words(after) and _NAME_FOLLOWS.match(after):
        # a list that names each share after it ("44% een dagvaarding, 28% een onvoorwaardelijk
        # sepot"): the words before a percentage are the previous share's name, not its own
        return content_words(after), content_words(before)
    if _PREVIOUS_PERCENT.match(before) and not content_words(before):
        # "het aandeel geldboetes is gestegen van 17% in 2022 naar 18%": both share the subject
        # before the first
        first = plain.rfind(" ", 0, start - 1)
        before = fig.quote[_clause_start(plain, max(0, first)):at]
    return content_words(before), content_words(after)


def _naming(words: frozenset[str], label: frozenset[str]) -> int:
    """How many of a row label's words the sentence's words name: shared words, and label words
    that head a Dutch compound of the sentence ("opschalers" in "opschalersaanvragen")."""
    heads = sum(1 for w in label - words if len(w) >= _COMPOUND_HEAD and any(
        len(v) > len(w) and v.startswith(w) for v in words))
    return shared_words(words, label) + heads


_COMPOUND_HEAD = 6


def _clause_start(plain: str, at: int) -> int:
    """Where the clause before position ``at`` begins: after the previous figure or clause end."""
    begin = max(0, at - _CONTEXT)
    if begin:
        begin = plain.find(" ", begin, at) + 1 or at  # a whole word, not the end of one
    cuts = [m.end() for m in _BOUNDARY.finditer(plain[begin:at])]
    return begin + (cuts[-1] if cuts else 0)


def is_amount(cell: Cell | None) -> bool:
    """Does the cell hold a positive amount (no percentage, no nil)?"""
    return cell is not None and cell.number is not None and not cell.number.nil and not cell.number.percent \
        and cell.number.value > 0


def log_spread(table: Table) -> Fraction:
    """The range of the table's amounts as a natural log (at least 1): a ratio of two of them lands
    in a percentage's interval with odds of the interval's relative width over this."""
    values = [abs(c.number.value) for r in table.rows for c in r.cells.values() if is_amount(c)]  # type: ignore[union-attr]
    if len(values) < 2 or min(values) <= 0:
        return Fraction(1)
    return Fraction(max(1.0, math.log(max(values) / min(values))))


def table_share_claims(
    figs: Sequence[Fig], sources: Mapping[str, Mapping[str, Any]], tables: Mapping[int, Sequence[Table]],
    taken: Container[str] = (),
) -> list[dict[str, Any]]:
    """Shares of a table's total named in the text, as claim dicts: one relation per percentage
    matched, and the table cells it uses. ``figs`` are the document's figures (``sources`` their
    claim dicts by id), read once by :func:`factcheck.discover.text_tables.text_table_claims`,
    which calls this; ``taken``: figures that already have a relation."""
    out: list[dict[str, Any]] = []
    cells: dict[str, dict[str, Any]] = {}
    for fig in figs:
        if fig.kind != "percent" or fig.id in taken or not 0 < fig.value < 100:
            continue
        lo, hi = fig.interval.lo, fig.interval.hi
        if lo is None or hi is None or lo <= 0:
            continue
        before, after = _context_words(fig)
        if not (before or after) or rate_of_change(fig):
            continue
        page = fig.position[0]
        said = _said_year(fig)
        # tables on the pages around the statement; when none fits, those a few pages on (a
        # summary speaks of tables further on): two looks, the chance counted twice
        fits, chance = _readings(fig, tables, range(page - PAGES_AROUND, page + PAGES_AROUND + 1), said, before, after)
        if not fits:
            fits, chance = _readings(fig, tables, range(page - PAGES_FAR, page + PAGES_FAR + 1), said, before, after)
            chance *= 2
        if len(fits) > 1:
            # a percentage may be cut off rather than rounded, so two columns can fit ("37%": 36.9
            # this year, 36.2 the year before); the one that rounds to it is the one meant
            fits = [x for x in fits if lo <= x[4].number.value * 100 / x[5].number.value <= hi]  # type: ignore[union-attr]
        if len(fits) > 1 and len({(id(x[0]), x[1], x[2]) for x in fits}) == 1:
            # one row over one total in several columns (this year and the year before): the
            # statement holds either way; the column of the year the sentence speaks of, else the
            # latest year, else the first column is the one meant
            fits = [min(fits, key=lambda x: _column_preference(x[0], x[3], sources.get(fig.id, {}).get("period")))]
        if len(fits) == 1 and hi - lo > 1 and fig.value.denominator == 1:
            # "10%" may stand for 5-15 %; when the share lands within 9.5-10.5 % all the same, the
            # odds are those of that narrow band (as for a change, table_growth)
            part_n, whole_n = fits[0][4].number, fits[0][5].number
            narrow = replace(as_cell_number(fig), half=Fraction(1, 2))
            j = judge_share(part_n, whole_n, narrow) if part_n is not None and whole_n is not None else None
            if j is not None and holds(j.verdict) and j.parts_interval.meets(
                    Interval(fig.value - Fraction(1, 2), fig.value + Fraction(1, 2))):
                chance /= hi - lo
        if len(fits) != 1 or chance > MAX_CHANCE:
            continue  # no reading, or several (ambiguous), or one that chance would often give
        table, r, t, col, part, whole = fits[0]
        first, second = cell_claim(table, r, part), cell_claim(table, t, whole)
        for c in (first, second):
            cells.setdefault(str(c["id"]), c)
        out.append(_relation(fig, sources.get(fig.id, {}), table, r, first, second, chance))
    return list(cells.values()) + out


def _readings(fig: Fig, tables: Mapping[int, Sequence[Table]], pages: Iterable[int], said: int | str | None,
              before: frozenset[str], after: frozenset[str]) -> tuple[list[tuple[Table, int, int, int, Cell, Cell]],
                                                                      Fraction]:
    """The (table, row, total row, column, part, whole) readings on these pages that the
    percentage fits, and the chance that one of the ratios tried lands in its interval."""
    lo, hi = fig.interval.lo, fig.interval.hi
    assert lo is not None and hi is not None
    fits: list[tuple[Table, int, int, int, Cell, Cell]] = []
    chance = Fraction(0)
    for number in pages:
        for table in tables.get(number, ()):
            totals = [t for t, row in enumerate(table.rows) if row_kind(row.label) in ("total", "grand")]
            heads = _of_which_heads(table)  # "Beslissingen door het OM" over its "w.o." rows
            # a total printed as the table's first row ("Totaal aantal aanvragen" over Starters,
            # Opschalers) is the whole of the rows below it
            first = next((t for t, row in enumerate(table.rows) if row.cells), -1)
            years_of = {y[0]: c for c, y in column_years(table).items() if len(y) == 1}
            labels = {r: content_words(_OF_WHICH.sub("", row.label)) for r, row in enumerate(table.rows)
                      if r not in totals}
            overlap = {r: _naming(before, words) for r, words in labels.items()}
            if not any(overlap.values()):
                overlap = {r: _naming(after, words) for r, words in labels.items()}
            most = max(overlap.values(), default=0)
            # the rows the sentence names best ("general government support" is the row of
            # that name, not "General Revenues:")
            rows = [r for r, n in overlap.items() if n and n == most]
            if not (totals or heads) or not rows:
                continue
            tries = 0
            for r in rows:
                # a row's whole: the head of the "of which" rows it is one of (a total further
                # down closes the heads, not their breakdowns), else a total below it, or the
                # table's first row when that is its only total
                wholes = [heads[r]] if r in heads else [t for t in totals if t > r] + \
                    [t for t in totals[:1] if t < r and t == first and len(totals) == 1]
                for col, part in table.rows[r].cells.items():
                    if said is not None and _column_said(said, years_of) not in (None, col):
                        continue  # "88% in 2023": the 2023 column, when the table has one
                    for t in wholes:
                        whole = table.rows[t].cells.get(col)
                        if whole is None or not (is_amount(part) and is_amount(whole)):
                            continue
                        tries += 1
                        j = judge_share(part.number, whole.number, as_cell_number(fig))  # type: ignore[arg-type]
                        # the percentage's own interval, as the claim file states it: a share
                        # cut off rather than rounded fits the table checker, not this claim
                        if j is not None and holds(j.verdict) and j.parts_interval.meets(Interval(lo, hi)):
                            fits.append((table, r, t, col, part, whole))  # type: ignore[arg-type]
            # a ratio of this table's figures lands in the percentage's interval with odds of
            # its relative width over the log-range of the figures
            chance += tries * (hi - lo) / fig.value / log_spread(table)
    return fits, chance


_OF_WHICH = re.compile(r"^\s*(?:(?:waarvan|of which|o/w|thereof)\b|w\.[vo]\.)\s*", re.IGNORECASE)


def _of_which_heads(table: Table) -> dict[int, int]:
    """Row -> the row above its run of "of which" rows (w.v., w.o., waarvan), for each such row."""
    heads: dict[int, int] = {}
    head = None
    for r, row in enumerate(table.rows):
        if _OF_WHICH.match(row.label):
            if head is not None:
                heads[r] = head
        elif row.cells:
            head = r
    return heads


# "88% in 2023", "15% of the FY 2015-16 General Fund budget": a fiscal year is its first year,
# as a column headed "2015-16" is (YEAR)
_YEAR_AFTER = re.compile(
    r"^\s*(?:(?:in|for|voor)\s+(?:the\s+|het\s+)?|(?:of|van)\s+(?:the|het|de)\s+)(?:FY\s*|fiscal\s+year\s+|boekjaar\s+)?"
    r"((?:19|20)\d\d)(?:[-/](?:\d\d){1,2})?\b", re.IGNORECASE)


def _said_year(fig: Fig) -> int | str | None:
    """The year printed right after the percentage ("88% in 2023"), which ties it to one column;
    a year elsewhere in the sentence may be another figure's. Without years, "van 8% naar 1%"
    ("from … to …") says "earliest" of the first and "latest" of the second."""
    at = fig.at
    if at < 0:
        return None
    head, tail = fig.quote[:at], fig.quote[at + len(fig.stated):]
    match = _YEAR_AFTER.match(tail)
    if match:
        return int(match.group(1))
    if _FROM_END.search(head) and _TO_PERCENT.match(tail):
        return "earliest"
    if _FROM_PERCENT_TO.search(head):
        return "latest"
    return None


def _column_said(said: int | str, years_of: Mapping[int, int]) -> int | None:
    """The column a said year (or "earliest", "latest") picks, if the table has year columns."""
    if isinstance(said, int):
        return years_of.get(said)
    if not years_of:
        return None
    return years_of[min(years_of) if said == "earliest" else max(years_of)]


_FROM_END = re.compile(r"\b(?:van|from)\s*$", re.IGNORECASE)
_TO_PERCENT = re.compile(r"^\s*(?:naar|to)\s+\d[\d.,]*\s?(?:%|procent|percent)", re.IGNORECASE)
_FROM_PERCENT_TO = re.compile(r"\b(?:van|from)\s+\d[\d.,]*\s?(?:%|procent|percent)\s+(?:naar|to)\s*$", re.IGNORECASE)


def _column_preference(table: Table, col: int, period: object) -> tuple[int, int, int]:
    """Sort key of a column a statement may speak of: its year named by the sentence first, then
    later years, then the leftmost."""
    years = column_years(table).get(col, [])
    said = str(period or "")
    return (0 if said and said.isdigit() and int(said) in years else 1, -max(years, default=0), col)


def as_cell_number(fig: Fig) -> CellNumber:
    """The percentage as a table cell's number, so that the table checker's share judge applies."""
    assert fig.interval.lo is not None and fig.interval.hi is not None
    return CellNumber(fig.stated, fig.value, 0, (fig.interval.hi - fig.interval.lo) / 2, False, True, None)


def _relation(fig: Fig, source: Mapping[str, Any], table: Table, row: int, part: Mapping[str, Any],
              whole: Mapping[str, Any], chance: Fraction) -> dict[str, Any]:
    return table_relation_claim(
        fig, source, f"{part['id']} / {whole['id']}", "share of a table's total", (part, whole),
        f"row '{table.rows[row].label.strip()}' of table {table.index} on page {table.page}, "
        "named by the words before the percentage, over the table's total row", chance, "a ratio")
