"""Statements in the text about a table's rows: "Personal income tax revenues increased by $7.2
billion in 2021, or 4.3%", next to a table whose row reads 174,755 and 167,576 ($ millions).

An amount in the text is matched with the difference of two cells of one row of a table on the
same page or the next or previous one (failing that, further away: :data:`PAGES_FAR`,
:data:`PAGES_SUMMARY`), and a percentage printed right after it with that
difference over the row's earlier value (the growth rate). The search tries every row and every
pair of value columns, so a match is kept only when chance would rarely give it: the number of
pairs tried times the odds that one difference lands in the amount's rounding interval (and in
the percentage's, when it matches too) must stay under :data:`MAX_CHANCE`. A many-digit amount
that matches to the unit is then enough; a rounded "$0.2 billion" needs its percentage as well.

Only agreement is reported: a statement that matches no row is not an alarm, since the text may
speak of something the table does not hold.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck.discover.figures import Fig, content_words, from_dicts, shared_words
from factcheck.discover.listed_rows import NEAR, Matched, completed_lists
from factcheck.discover.quoted_scale import at_quoted_scale, own_cell_ids
from factcheck.discover.relations import FALL_WORDS, RISE_WORDS, _significant_digits
from factcheck.numbers import decimal_string
from factcheck.tables.cells import CellNumber
from factcheck.tables.detect import Cell, Table
from factcheck.tables.labels import CHANGE_HEADER, NOT_AMOUNT
from factcheck.tables.records import cell_claim

MAX_CHANCE = Fraction(1, 20)
# … and when the words around the amount say it is a change ("increased by $25.3 million"), which
# is what the search looks for, and its subject names the row: the wording, not only the odds,
# ties the amount to that difference
MAX_CHANCE_CHANGE = Fraction(1, 10)
PAGES_AROUND = 1  # tables on the statement's page and this many pages before and after it
# An executive summary speaks of statements a few pages on: when the tables near the statement
# give no match, those within this many pages are searched (two looks: the tries count twice).
PAGES_FAR = 4
# … and when those give none either, the tables within this many pages: a summary at the front
# speaks of the statements at the back of a report (three looks)
PAGES_SUMMARY = 10
# a precise amount that misses a row's difference by a slip of its last digits (see _slipped_pair)
SLIP_DIGITS = 6
SLIP_UNITS = 5
SLIP_CHANCE = Fraction(1, 100)
MIN_DIFFERENCE_ROWS = 3  # rows that show a column to be two others' difference
# an amount met only within the cells' rounding is read with its percentage only when printed to
# this many significant digits: a coarser one meets too many pairs for the odds to allow it anyway
LOOSE_DIGITS = 3


@dataclass(frozen=True)
class _Pair:
    table: Table
    pos: int
    first: Cell  # the larger value: the difference is first - second
    second: Cell
    difference: Fraction  # in the statement's units (the table's scale applied)
    half: Fraction  # half-width of the difference's interval, from the cells' rounding


def _value_cells(table: Table, pos: int) -> list[Cell]:
    headers = {c.index: c.header for c in table.columns}
    return [
        c for c in table.rows[pos].cells.values()
        if c.number is not None and not c.number.nil and not c.number.percent
        and not CHANGE_HEADER.search(headers.get(c.col, "")) and not NOT_AMOUNT.search(headers.get(c.col, ""))
    ]


class _TablePairs:
    """Every pair of value cells in one row of a table, by their difference, in whole units of the
    table's printed precision (integers: a budget table holds thousands of pairs)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.mult = table.scale.multiplier if table.scale else Fraction(1)
        rows = [(pos, _value_cells(table, pos)) for pos in range(len(table.rows))]
        # the rows that hold a pair, with their label's words (read once, for every statement)
        self.rows = [(pos, cells, content_words(table.rows[pos].label)) for pos, cells in rows if len(cells) >= 2]
        den = 1
        for _, cells in rows:
            for c in cells:
                assert c.number is not None
                den = math.lcm(den, c.number.value.denominator)
        self.den = den
        found: list[tuple[int, int, Cell, Cell]] = []
        for pos, cells in rows:
            # den is a multiple of every denominator: whole numbers without a Fraction made each
            ints = [c.number.value.numerator * (den // c.number.value.denominator) for c in cells]  # type: ignore[union-attr]
            for i in range(len(cells)):
                for j in range(i + 1, len(cells)):
                    d = ints[i] - ints[j]
                    first, second = (cells[i], cells[j]) if d >= 0 else (cells[j], cells[i])
                    found.append((abs(d), pos, first, second))
        found.sort(key=lambda t: t[0])
        self.keys = [t[0] for t in found]
        self.found = found
        self._spans: dict[int, list[tuple[Fraction, Fraction]]] = {}
        self._cell_spans: dict[int, list[tuple[Fraction, Fraction]]] = {}
        self._cells = {pos: cells for pos, cells, _ in self.rows}
        self._quoting: dict[int, list[tuple[int, int]]] = {}  # by id() of the figure (see quoting)
        self._differences: dict[tuple[int, int], frozenset[int]] = {}  # see difference_columns

    def __len__(self) -> int:
        return len(self.found)

    @functools.cached_property
    def _row_values(self) -> list[dict[int, Fraction]]:
        return [{c.col: c.number.value for c in cells if c.number is not None} for _, cells, _ in self.rows]

    def difference_columns(self, first: int, second: int) -> frozenset[int]:
        """The columns right of ``first`` and ``second`` that print one less the other exactly in
        every row holding all three, three rows at least, most changes smaller than either level:
        a change column, not a part of a sum (in "A | B | Total", A is Total less B, but not right
        of them; in "Total | A | B", B is Total less A, but seldom smaller than A in most rows).
        Worked out once for each pair of columns asked about."""
        a, b = min(first, second), max(first, second)
        got = self._differences.get((a, b))
        if got is None:
            found = set()
            both = [(v[a], v[b], v) for v in self._row_values if a in v and b in v]
            for c in sorted({col for _x, _y, v in both for col in v if col > b}):
                down = up = True  # first less second in every row so far; second less first
                rows = smaller = 0
                for x, y, v in both:
                    z = v.get(c)
                    if z is None:
                        continue
                    down, up = down and x - y == z, up and y - x == z
                    if not (down or up):
                        break  # most columns fail in their first row
                    rows += 1
                    smaller += abs(z) < min(abs(x), abs(y))
                if (down or up) and rows >= MIN_DIFFERENCE_ROWS and 2 * smaller > rows:
                    found.add(c)
            got = self._differences[(a, b)] = frozenset(found)
        return got

    @functools.cached_property
    def widest_half(self) -> Fraction:
        """The widest half-interval a pair's difference has from its cells' rounding, scaled."""
        halves = [c.number.half for _, cells, _ in self.rows for c in cells if c.number is not None]
        return 2 * max(halves, default=Fraction(0)) * self.mult

    @functools.cached_property
    def _amounts(self) -> list[list[CellNumber]]:
        """Each row's amounts outside a change column (made when a statement first needs them)."""
        headers = {c.index: c.header for c in self.table.columns}
        return [[n for cell in row.cells.values()
                 if (n := cell.number) is not None and not n.nil and not n.percent
                 and not CHANGE_HEADER.search(headers.get(cell.col, ""))] for row in self.table.rows]

    @functools.cached_property
    def printed(self) -> frozenset[Fraction]:
        """Every amount the table prints outside a change column, scaled: an amount of the text
        that one of them prints to the last digit is a quotation (see _printed_in_row)."""
        return frozenset(abs(n.value) * self.mult for row in self._amounts for n in row)

    def interval(self, n: CellNumber) -> tuple[Fraction, Fraction]:
        """The interval a cell's size stands for, its rounding allowed, scaled."""
        return (abs(n.value) - n.half) * self.mult, (abs(n.value) + n.half) * self.mult

    def _intervals(self, cache: dict[int, list[tuple[Fraction, Fraction]]], pos: int,
                   numbers: list[CellNumber]) -> list[tuple[Fraction, Fraction]]:
        """The intervals the numbers' rounding allows, scaled, kept in ``cache`` by row."""
        got = cache.get(pos)
        if got is None:
            got = cache[pos] = [self.interval(n) for n in numbers]
        return got

    def cell_spans(self, pos: int) -> list[tuple[Fraction, Fraction]]:
        """The intervals of the value cells of row ``pos`` (as :attr:`rows` lists them), made once a row."""
        return self._intervals(self._cell_spans, pos, [c.number for c in self._cells[pos]])  # type: ignore[misc]

    def quoting(self, fig: Fig) -> list[tuple[int, int]]:
        """The cells whose interval ``fig`` meets, as (id of the cell, other cells in its row),
        made once a figure: every amount of a sentence asks about the others."""
        got = self._quoting.get(id(fig))
        if got is None:
            got = self._quoting[id(fig)] = [
                (id(c), len(cells) - 1) for pos, cells, _ in self.rows
                for c, (lo, hi) in zip(cells, self.cell_spans(pos)) if _meets(lo, hi, fig)]
        return got

    def spans(self, pos: int) -> list[tuple[Fraction, Fraction]]:
        """Row ``pos``'s amounts outside a change column as intervals, made once a row."""
        return self._intervals(self._spans, pos, self._amounts[pos])

    def within(self, lo: Fraction, hi: Fraction) -> list[_Pair]:
        """The pairs whose difference (the table's scale applied) lies in [lo, hi]."""
        scale = self.den / self.mult
        start = bisect.bisect_left(self.keys, math.ceil(lo * scale))
        stop = bisect.bisect_right(self.keys, math.floor(hi * scale))
        out = []
        for d, pos, first, second in self.found[start:stop]:
            assert first.number is not None and second.number is not None
            out.append(_Pair(self.table, pos, first, second, Fraction(d) / scale,
                             (first.number.half + second.number.half) * self.mult))
        return out


def _meets(lo: Fraction, hi: Fraction, fig: Fig) -> bool:
    return fig.interval.lo is not None and fig.interval.hi is not None and lo <= fig.interval.hi and fig.interval.lo <= hi


def _odds(fig: Fig, half: Fraction) -> Fraction:
    """How likely one computed value lands within the figure's interval (widened by ``half``)."""
    assert fig.interval.lo is not None and fig.interval.hi is not None
    width = fig.interval.hi - fig.interval.lo + 2 * half
    return min(Fraction(1), width / (2 * abs(fig.value)))


@functools.lru_cache(maxsize=1024)
def _direction(quote: str) -> tuple[bool, bool]:
    """Whether the quote says a rise, and whether it says a fall (asked for every pair tried)."""
    return bool(RISE_WORDS.search(quote)), bool(FALL_WORDS.search(quote))


def _growth(pair: _Pair, fig: Fig, quote: str) -> tuple[Cell, Fraction] | None:
    """The base cell for which the pair's difference over it is the percentage, if one is."""
    up, down = _direction(quote)
    bases = [pair.second] if up and not down else [pair.first] if down and not up else [pair.second, pair.first]
    hits = []
    lo, hi = fig.interval.lo, fig.interval.hi
    if lo is None or hi is None:
        return None
    for base in bases:
        assert base.number is not None and pair.first.number is not None and pair.second.number is not None
        if base.number.value == 0:
            continue
        size = abs(base.number.value) * (pair.table.scale.multiplier if pair.table.scale else 1)
        ratio = pair.difference * 100 / size
        slack = pair.half * 200 / size
        if ratio - slack <= hi and lo <= ratio + slack:
            hits.append((base, slack))
    if len(hits) == 2:
        # a small change rounds alike over either level ("$2.3 million or 0.8 percent above"
        # over 290.6 and 292.9): the earlier column, as tables print the level it starts from
        return min(hits, key=lambda hit: hit[0].col)
    return hits[0] if hits else None


def _printed_in_row(pair: _Pair, fig: Fig, tp: _TablePairs) -> bool:
    """Whether a cell of the pair's row (a total, or the other part) holds the figure itself, or
    another row of the table prints it to the last digit ("Change in Net Assets 1,746,851" under
    the two years' "Net Assets - Ending": the text quotes that row); a change column ("Change $")
    holding it is the difference printed, and does not count."""
    columns = tp.difference_columns(pair.first.col, pair.second.col)
    if columns:
        # a column that holds these two columns' difference in every row ("FY 2025 Request vs.
        # FY 2023 Enacted $", whose heads were not read as a change) prints what the text states
        # rounded ("a $3.6 billion … increase" for 3,597,929 thousand); printed to the digit, the
        # text quotes that cell, as any other
        row = tp.table.rows[pair.pos].cells
        return any(
            abs(cell.number.value) * tp.mult == fig.value if col in columns else _meets(*tp.interval(cell.number), fig)
            for col, cell in row.items() if col not in (pair.first.col, pair.second.col)
            and cell.number is not None and not cell.number.nil and not cell.number.percent)
    if fig.value in tp.printed and _significant_digits(fig.value) >= 4:
        return True
    return any(_meets(lo, hi, fig) for lo, hi in tp.spans(pair.pos))


class _Seen:
    """What :func:`_best_pair` found for one amount in each table, kept for its wider reaches."""

    def __init__(self) -> None:
        self.within: dict[int, list[_Pair]] = {}  # by id() of the _TablePairs
        self.printed: dict[int, bool] = {}  # by id() of the _Pair (kept alive in ``within``)
        self.rounded: dict[int, list[_Pair]] = {}  # by id() of the _TablePairs (see _rounded_pairs)
        # by id() of the _TablePairs: what _Trials reads of its rows
        self.trials: dict[int, tuple[list[tuple[tuple[int, int], int, int]], set[int], int]] = {}


def _trial_rows(tp: _TablePairs, words: frozenset[str], others: Sequence[Fig], seen: _Seen | None,
                ) -> tuple[list[tuple[tuple[int, int], int, int]], set[int], int]:
    """For :class:`_Trials`: each row of ``tp`` (its key, the words it shares with ``words``, its
    cells), the ids of the cells another amount of the sentence quotes, and the pairs they hold."""
    got = seen.trials.get(id(tp)) if seen is not None else None
    if got is None:
        rows = [((id(tp.table), pos), shared_words(words, label_words), len(cells)) for pos, cells, label_words in tp.rows]
        # a cell counts once however many of the amounts quote it, with the pairs of its row
        quoted_in_row = {cell: pairs for o in others for cell, pairs in tp.quoting(o)}
        got = (rows, set(quoted_in_row), sum(quoted_in_row.values()))
        if seen is not None:
            seen.trials[id(tp)] = got
    return got


class _Trials:
    """How many differences a match had to be picked from, for the chance it is a coincidence.

    Every pair of cells near the statement, unless the match stands out in one of three narrower
    sets, each a fixed choice made before looking at the differences: the rows whose label shares
    words with the sentence ("Total revenues"), the rows that share the most words with its
    subject, when that is more than two, and the pairs holding a cell that another amount of the
    same sentence quotes ("$316.4 billion in 2021, down $17.7 billion": 316,446 is in the row).
    Each set looked in multiplies the count: a set that holds no pair (no row named, no cell
    quoted) is no look, since no match can come from it.
    """

    def __init__(self, near: Sequence[_TablePairs], words: frozenset[str], others: Sequence[Fig],
                 seen: _Seen | None = None) -> None:
        self.worded: set[tuple[int, int]] = set()
        self.quoted: set[int] = set()
        self.worded_pairs = self.quoted_pairs = 0
        need = min(2, len(words)) or 1  # two words of the subject name a row; one, when it has one
        # each table's rows and quoted cells, for this statement (``seen``: kept for its wider reaches)
        per_table = [_trial_rows(tp, words, others, seen) for tp in near]
        # the rows that share the most words with the subject, when that is more than the two
        # that make a row worded: "Investment in tangible capital assets … increased by $25.3
        # million" names the row "Invested in tangible capital assets" better than any other
        shared = {key: (n, c) for rows, _, _ in per_table for key, n, c in rows}
        most = max((n for n, _ in shared.values()), default=0)
        self.named = {key for key, (n, _) in shared.items() if n == most and n > need}
        self.named_pairs = sum(c * (c - 1) // 2 for key, (_, c) in shared.items() if key in self.named)
        for rows, quoted, quoted_pairs in per_table:
            for key, n, c in rows:
                if n >= need:
                    self.worded.add(key)
                    self.worded_pairs += c * (c - 1) // 2
            self.quoted |= quoted
            self.quoted_pairs += quoted_pairs

    def count(self, pair: _Pair, everything: int) -> int:
        """The number of trials the match of ``pair`` is judged against."""
        counts = [everything]
        if (id(pair.table), pair.pos) in self.worded:
            counts.append(self.worded_pairs)
        if (id(pair.table), pair.pos) in self.named:
            counts.append(self.named_pairs)
        if id(pair.first) in self.quoted or id(pair.second) in self.quoted:
            counts.append(self.quoted_pairs)
        looks = 1 + sum(1 for n in (self.worded_pairs, self.named_pairs, self.quoted_pairs) if n)
        return min(everything, looks * min(counts))


def _same_figures(a: _Pair, b: _Pair) -> bool:
    """The same two amounts, whether or not each table prints the currency sign ("$1,171,661,122"
    in the statement, "1,171,661,122" in its note)."""
    return all(x.number is not None and y.number is not None and x.number.value == y.number.value
               and x.number.half == y.number.half
               for x, y in ((a.first, b.first), (a.second, b.second)))


def _next_percent(figs: Sequence[Fig], k: int) -> Fig | None:
    """The percentage printed right after figure k in its sentence ("$7.2 billion, or 4.3%")."""
    for f in figs[k + 1:]:
        if f.quote != figs[k].quote:
            return None
        if f.kind == "percent":
            return f if (f.unit or "").strip() == "%" else None
        return None
    return None


def text_table_claims(
    claims: Sequence[Mapping[str, Any]], tables: Mapping[int, Sequence[Table]], language: str,
    taken: Iterable[str] = (), figures: Sequence[Fig] | None = None,
    read_in_prose: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """Relations between figures in the text and tables near them, as claim dicts: one relation
    per matched statement (and its growth rate), each percentage that names a row as that row's
    share of the table's total (:mod:`.table_shares`), and the table cells they use.
    ``taken``: ids of figures that already have a relation (they are left alone); ``figures``:
    ``from_dicts(claims, language)`` when the caller has it already; ``read_in_prose``: the
    figures whose relations the prose search found, by id, with those relations' ``evidence``
    inputs: a table reading of them is proposed beside them (see :func:`_beside_prose`)."""
    if not tables:
        return []
    taken = set(taken)
    sources = {str(c.get("id")): c for c in claims}
    figs = from_dicts(claims, language) if figures is None else figures
    # a table that prints no scale is read at the one its cells are quoted at ("$8,511.1 million")
    tables, read = at_quoted_scale(tables, figs)
    out: list[dict[str, Any]] = []
    cells: dict[str, dict[str, Any]] = {}
    wanted = {f.position[0] + d for f in figs if f.kind == "money" for d in range(-PAGES_SUMMARY, PAGES_SUMMARY + 1)}
    by_page = {number: [_TablePairs(t) for t in page_tables]
               for number, page_tables in tables.items() if number in wanted}  # only pages near an amount
    matched: list[Matched] = []  # the amounts matched to a row, for the lists they stand in
    money_by_quote: dict[str, list[Fig]] = {}  # the amounts of each sentence, in order
    for f in figs:
        if f.kind == "money":
            money_by_quote.setdefault(f.quote, []).append(f)
    for k, fig in enumerate(figs):
        if fig.kind != "money" or fig.value <= 0 or fig.id in taken or fig.interval.lo is None:
            continue
        if fig.interval.hi is None or (fig.unit is not None and "/" in fig.unit):
            # (a rate, "€ 6.533 per maand": a table row's cells are amounts of a year or a date, and
            # its difference is no rate, however near it lands)
            continue
        best = None
        percent = _next_percent(figs, k)
        others = [f for f in money_by_quote[fig.quote] if f is not fig]
        before = _antecedent(figs, k)
        kept = _Seen()  # each wider reach looks at the nearer tables again: their pairs are kept
        for reach, looks in ((PAGES_AROUND, 1), (PAGES_FAR, 2), (PAGES_SUMMARY, 3)):
            near = [tp for p in range(fig.position[0] - reach, fig.position[0] + reach + 1) for tp in by_page.get(p, ())]
            best = _best_pair(fig, percent, near, looks, others, kept, before)
            if best is not None:
                break
        if best is None:
            near = [tp for p in range(fig.position[0] - PAGES_AROUND, fig.position[0] + PAGES_AROUND + 1)
                    for tp in by_page.get(p, ())]
            slip = _slipped_pair(fig, near, others)
            if slip is not None:
                best = (slip[0], 0, slip[1], None)
        if best is None:
            continue
        chance, _, pair, growth = best
        matched.append(Matched(fig, pair.table, pair.pos, pair.first, pair.second))
        first = cell_claim(pair.table, pair.pos, pair.first)
        second = cell_claim(pair.table, pair.pos, pair.second)
        for c in (first, second):
            cells.setdefault(str(c["id"]), c)
        expr = f"{first['id']} - {second['id']}"
        out.append(_relation(fig, sources.get(fig.id, {}), expr, "difference of a table row", pair, first, second, chance))
        if growth is not None and percent is not None and percent.id not in taken:
            base = first if growth[0] is pair.first else second
            # a change over a negative amount is over its size, as _growth reads it
            over = f"abs({base['id']})" if growth[0].number is not None and growth[0].number.value < 0 else base["id"]
            out.append(_relation(percent, sources.get(percent.id, {}), f"({expr}) / {over}",
                                 "growth over a table row", pair, first, second, chance))
    # the one item of a list whose other items are the differences of rows, in order
    for done in completed_lists(figs, matched, taken):
        first = cell_claim(done.table, done.pos, done.first)
        second = cell_claim(done.table, done.pos, done.second)
        for c in (first, second):
            cells.setdefault(str(c["id"]), c)
        label = done.table.rows[done.pos].label.strip()
        out.append(table_relation_claim(
            done.fig, sources.get(done.fig.id, {}), f"{first['id']} - {second['id']}", "difference of a table row",
            (first, second), f"row '{label}' of table {done.table.index} on page {done.table.page}, by its place in "
            f"a list whose {done.matched} other amounts are the differences of the rows after it or before it",
            NEAR, "a difference"))
    # an amount the text says a table below sets out ("totalling … as detailed below"); percentages
    # that name a row are its share of the table's total (table_shares), or its change between two
    # years (table_growth); an amount spread over years is its row's year cells (years_sums): read
    # from the same figures, each search leaving alone the figures an earlier one read
    from factcheck.discover.table_below import table_below_claims
    from factcheck.discover.table_growth import table_growth_claims
    from factcheck.discover.table_shares import table_share_claims
    from factcheck.discover.years_sums import years_sum_claims

    targets = taken | {str(c["evidence"]["target"]) for c in out}
    more: list[dict[str, Any]] = []
    for search in (table_below_claims, table_share_claims, table_growth_claims, years_sum_claims):
        claims_found = search(figs, sources, tables, targets)
        targets |= {str(c["evidence"]["target"]) for c in claims_found if "evidence" in c and "target" in c["evidence"]}
        more += claims_found
    seen = set(cells)
    found = list(cells.values()) + out
    for c in more:
        if str(c["id"]) not in seen:
            seen.add(str(c["id"]))
            found.append(c)
    return own_cell_ids(_beside_prose(found, read_in_prose or {}), read)


def _beside_prose(found: list[dict[str, Any]], read_in_prose: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """The relations whose target the prose search read already, under ids of their own: a
    figure may be both ("program expenses $30.8 billion higher than forecast and public debt
    charges $0.9 billion higher" adds up to the "$31.7 billion" of its sentence, and is the
    difference of the table's Actual and Projection columns in the row the words name). A table
    reading over the same printed values as a prose one is that reading again, and is left out."""
    out = []
    for c in found:
        evidence = c.get("evidence") or {}
        target = str(evidence.get("target") or "")
        if target in read_in_prose and c.get("expr"):
            if any(_printed_inputs(str(evidence.get("inputs", ""))) == _printed_inputs(prose)
                   for prose in read_in_prose[target]):
                continue
            c = dict(c, id=f"relt_{target}"[:60].rstrip("_"))
        out.append(c)
    return out


def _printed_inputs(inputs: str) -> list[str]:
    """The digits of the printed values an evidence's inputs list ("t2_1_r6_c1 (30,866,126), …")."""
    return sorted(re.sub(r"\D", "", value) for value in re.findall(r"\(([^()]*)\)(?:,|$)", inputs))


def _subject_words(fig: Fig, others: Sequence[Fig]) -> frozenset[str]:
    """The content words of the clause that leads up to the amount, its subject ("The District's
    net investment in capital assets increased by $25.3 million and total reserves … grew by
    $13.8 million": investment, capital, assets for the first; reserves, surplus for the second);
    two of them, or the one there is, pick the rows it may speak of. A change noun right after the
    amount says what changed itself: "The $26.4 million increase in cash received compared to the
    original budget" speaks of cash received, whatever heading stands before it."""
    at = fig.at
    if at < 0:
        return frozenset()
    named = _CHANGE_IN.match(fig.quote, at + len(fig.stated))
    if named:
        words = content_words(named.group(1))
        if words:
            return words
    return _clause_words(fig.quote, at, tuple(other.stated for other in others))


# "$26.4 million increase in cash received compared to …", "€ 2 miljoen stijging van de lasten"
_CHANGE_IN = re.compile(r"\s*(?:increase|decrease|rise|fall|decline|reduction|growth|stijging|daling|toename|afname)s?"
                        r"\s+(?:in|of|van|in\s+de|van\s+de|van\s+het)\s+([^\W\d][^,.;:()\d]{2,60}?)"
                        r"(?=\s+(?:compared|against|over|from|relative|ten\s+opzichte|vergeleken|t\.o\.v\.|ten\s+)|[,.;:()]|$)",
                        re.IGNORECASE)


# the words of a clause that only says a change: "…, an increase of", "a decrease of"
_CHANGE_ONLY = re.compile(r"(?:increas|decreas|rise|rose|fall|fell|growth|grew|declin|reduc|drop|stijging|daling|"
                          r"toename|afname|verhoging|verlaging|higher|lower|hoger|lager)", re.IGNORECASE)


def _clause_words(quote: str, at: int, others: tuple[str, ...]) -> frozenset[str]:
    start = prev = 0
    for stated in others:
        end = quote.rfind(stated, 0, at)
        if end >= 0 and end + len(stated) > start:
            start, prev = end + len(stated), end
    clause = re.split(r"[;:]", quote[start:at])[-1]
    words = content_words(clause)
    if start and words and all(_CHANGE_ONLY.match(w) for w in words):
        # "Total expenses for 2016–17 were $57.9 million, an increase of $22.8 million": the
        # change of the level just stated, whose subject is the clause before that amount
        return words | _clause_words(quote, prev, others)
    return words


def _best_pair(fig: Fig, percent: Fig | None, near: Sequence[_TablePairs], looks: int,
               others: Sequence[Fig], seen: _Seen | None = None, antecedent: Fig | None = None,
               ) -> tuple[Fraction, int, _Pair, tuple[Cell, Fraction] | None] | None:
    """The row pair whose difference the amount states, if one stands out from chance among the
    pairs of ``near``; ``looks``: how many sets of tables were searched (the tries count that often).
    ``seen``: what earlier calls for the same amount found in these tables; ``antecedent``: a
    figure of the sentence before, when this one opens with "This …" (see :func:`_antecedent`)."""
    tried = sum(len(tp) for tp in near)
    if not tried:
        return None
    page = fig.position[0]
    assert fig.interval.lo is not None and fig.interval.hi is not None
    seen = seen if seen is not None else _Seen()
    # the printed cells' difference itself must round to the stated amount: a match that
    # needs the cells' own rounding as well is too loose to tell a statement from chance
    matching: list[tuple[_Pair, _TablePairs]] = []
    for tp in near:
        pairs = seen.within.get(id(tp))
        if pairs is None:
            pairs = seen.within[id(tp)] = tp.within(fig.interval.lo, fig.interval.hi)
        matching.extend((pr, tp) for pr in pairs)
    loose: set[int] = set()
    if percent is not None and _significant_digits(fig.value) >= LOOSE_DIGITS:
        # … unless its percentage matches too: "$68.5 million or 33.5 percent below" over a row
        # printing 204.5 and 135.9, both worked from unrounded amounts. Two figures met at once
        # are as unlikely by chance as one precise one, and the odds below count both
        for tp in near:
            for pr in _rounded_pairs(tp, fig, seen):
                loose.add(id(pr))
                matching.append((pr, tp))
    if not matching:
        return None
    words = content_words(fig.quote)
    subject = _subject_words(fig, others)
    if antecedent is not None:
        # "This service area shows an increase of approximately $354,000": the subject is the
        # one the sentence before named ("Environment & Transportation represents 15% …")
        subject = _clause_words(antecedent.quote, antecedent.at, ()) or subject
    trials = _Trials(near, subject or words, others, seen)
    best: tuple[Fraction, int, _Pair, tuple[Cell, Fraction] | None] | None = None
    ambiguous = False
    for pair, tp in matching:
        # (a pair met only within the cells' rounding needs its percentage: tested first, as most fail)
        growth = _growth(pair, percent, fig.quote) if percent is not None else None
        if growth is None and id(pair) in loose:
            continue
        printed = seen.printed.get(id(pair))
        if printed is None:
            printed = seen.printed[id(pair)] = _printed_in_row(pair, fig, tp)
        if printed:
            continue  # the text quotes a cell of this row; that the others differ by it is the row's sum
        chance = trials.count(pair, tried) * looks * _odds(fig, pair.half)
        if growth is not None and percent is not None:
            chance *= _odds(percent, growth[1])
        similar = shared_words(words, content_words(pair.table.rows[pair.pos].label))
        key = (chance, -similar, abs(pair.table.page - page))
        if best is not None and _same_figures(pair, best[2]):
            # the same two figures printed in two tables (a statement and its note): one
            # statement about them, checked against the nearest
            if key < (best[0], -best[1], abs(best[2].table.page - page)):
                best = (chance, similar, pair, growth)
            continue
        if best is None or key[:2] < (best[0], -best[1]):
            ambiguous = best is not None and best[0] == chance and best[1] == similar
            best = (chance, similar, pair, growth)
        elif key[:2] == (best[0], -best[1]):
            ambiguous = True
    if best is None or ambiguous:
        return None
    # a change the words name the row of ("transfers from other governments increased by $14.5
    # million", row "Transfers from other governments") may be the likelier coincidence
    named = (id(best[2].table), best[2].pos) in trials.worded and _says_change(fig)
    if best[0] > (MAX_CHANCE_CHANGE if named else MAX_CHANCE):
        return None
    return best


def _rounded_pairs(tp: _TablePairs, fig: Fig, seen: _Seen) -> list[_Pair]:
    """The pairs of ``tp`` whose difference meets the amount only within the cells' own rounding
    (the printed difference misses the amount's interval), kept in ``seen`` for the wider reaches."""
    got = seen.rounded.get(id(tp))
    if got is None:
        lo, hi = fig.interval.lo, fig.interval.hi
        assert lo is not None and hi is not None
        reach = tp.widest_half
        # (cells printed no coarser than the amount: coarser ones meet far too many amounts)
        got = seen.rounded[id(tp)] = [
            pr for pr in tp.within(lo - reach, hi + reach)
            if pr.half <= hi - lo and not lo <= pr.difference <= hi
            and _meets(pr.difference - pr.half, pr.difference + pr.half, fig)]
    return got


def _slipped_pair(fig: Fig, near: Sequence[_TablePairs], others: Sequence[Fig]) -> tuple[Fraction, _Pair] | None:
    """The row pair a precise amount states with a slip in its last digits: "Expenditures … were
    $43,484,184, which was less than the final budget by $2,155,146" beside the row "Total
    Expenditures" whose Final Budget and Actual differ by 2,155,144. An amount of six significant
    digits or more, printed to the unit it is rounded to, that comes within five of those units of
    the difference of one pair of a row its clause names, saying it is a change: chance would give
    such a near miss less than once in a hundred, so the text meant that difference, and the check
    says it is off. A pair the amount meets (no slip) is for :func:`_best_pair`."""
    lo, hi = fig.interval.lo, fig.interval.hi
    if lo is None or hi is None or _significant_digits(fig.value) < SLIP_DIGITS or not _says_change(fig):
        return None
    reach = SLIP_UNITS * (hi - lo)
    tried = sum(len(tp) for tp in near)
    words = content_words(fig.quote)
    slips = [(pr, tp) for tp in near for pr in tp.within(lo - reach, hi + reach)
             if not _meets(pr.difference - pr.half, pr.difference + pr.half, fig)
             and _names_row(words, pr.table.rows[pr.pos].label) and not _printed_in_row(pr, fig, tp)]
    if len({(pr.first.number.value, pr.second.number.value) for pr, _ in slips}) != 1:  # type: ignore[union-attr]
        return None  # no slip, or several: none stands out
    pair = slips[0][0]
    chance = Fraction(tried) * (2 * reach + hi - lo) / (2 * fig.value)
    return (chance, pair) if chance <= SLIP_CHANCE else None


_TOTAL_WORDS = frozenset({"total", "totaal", "totale", "grand"})


def _names_row(words: frozenset[str], label: str) -> bool:
    """Does the sentence say every content word of the row's label, a total word aside ("Total
    Expenditures": "Expenditures and other financing uses were …")?"""
    wanted = content_words(label) - _TOTAL_WORDS
    return bool(wanted) and wanted <= words


# "increased by $25.3 million", "an increase of $7.8 million", "$30.8 billion higher than": the words
# right before or after the amount say it is a change, which is what the search looks for
_CHANGE_BEFORE = re.compile(r"(?:\b(?:by|of|met|van)|(?:increase|decrease|rise|fall|growth|decline)s?(?:\s+\w+){0,3}"
                            r"\s+of)\s*$", re.IGNORECASE)
# … or a change noun right after it: "The $26.4 million increase in cash received compared to the
# original budget", "a $3.6 billion, or 7.5 percent, increase"
_CHANGE_AFTER = re.compile(r"^\s*(?:(?:,\s*or\s+[\d.,]+\s*(?:%|percent|per\s+cent)\s*,?\s*)?(?:increase|decrease|rise|fall"
                           r"|decline|reduction|growth|stijging|daling|toename|afname|verhoging|verlaging)s?|higher|lower"
                           r"|more|less|above|below|hoger|lager|meer|minder)\b", re.IGNORECASE)


# a sentence that opens with a pointer to what the sentence before spoke of
_ANAPHOR = re.compile(r"^\W*(?:this|these|that|it|dit|deze|dat|hiermee|daarmee)\b", re.IGNORECASE)
ANTECEDENT_LINES = 4  # the figure of the sentence before stands this many lines up at most


def _antecedent(figs: Sequence[Fig], k: int) -> Fig | None:
    """The last figure before figure k in the sentence before its own, when its sentence opens
    with "This", "These", "Dit", "Deze" …, and stands on its page a few lines up; else None."""
    fig = figs[k]
    if not _ANAPHOR.match(fig.quote):
        return None
    for prev in reversed(figs[:k]):
        if prev.quote == fig.quote:
            continue
        near = prev.position[0] == fig.position[0] and 0 <= fig.position[1] - prev.position[1] <= ANTECEDENT_LINES
        return prev if near and prev.at >= 0 else None
    return None


def _says_change(fig: Fig) -> bool:
    """Do the words around the amount say it is a change: a rise or fall word in the clause before
    it with "by"/"of" right before it, or "higher"/"lower" right after it?"""
    at = fig.at
    if at < 0:
        return False
    head = fig.quote[max(0, at - 60):at]
    clause = re.split(r"[,;:.](?!\d)", head)[-1]
    if _CHANGE_AFTER.match(fig.quote[at + len(fig.stated):]):
        return True
    return bool(_CHANGE_BEFORE.search(clause) and (RISE_WORDS.search(clause) or FALL_WORDS.search(clause)))

def _relation(fig: Fig, source: Mapping[str, Any], expr: str, relation: str, pair: _Pair,
              first: Mapping[str, Any], second: Mapping[str, Any], chance: Fraction) -> dict[str, Any]:
    label = pair.table.rows[pair.pos].label.strip()
    return table_relation_claim(
        fig, source, expr, relation, (first, second), f"row '{label}' of table {pair.table.index} on page {pair.table.page}",
        chance, "a difference")


def table_relation_claim(
    fig: Fig, source: Mapping[str, Any], expr: str, relation: str, inputs: Sequence[Mapping[str, Any]], found: str,
    chance: Fraction, what: str,
) -> dict[str, Any]:
    """A discovered relation between a figure of the text and table cells, as a claim dict: the
    figure's own fields, the formula over the cells' ids, and evidence saying where and how likely
    a coincidence (``what``: the kind of value that was matched, "a difference", "a ratio")."""
    claim: dict[str, Any] = {
        "id": f"rel_{fig.id}"[:60].rstrip("_"),
        "quote": source.get("quote") or fig.quote,
        "stated": fig.stated,
        "value": decimal_string(fig.value),
    }
    if fig.unit:
        claim["unit"] = fig.unit
    if fig.hedge != "exact":
        # "averaging about 47 percent": the relation is judged against what the words allow, as
        # the match was
        claim["hedge"] = fig.hedge
    claim["expr"] = expr
    if source.get("where"):
        claim["where"] = dict(source["where"])
    claim["origin"] = "discovered"
    claim["evidence"] = {
        "relation": relation,
        "target": fig.id,
        "inputs": ", ".join(f"{c['id']} ({c['stated']})" for c in inputs),
        "found": found,
        "chance": f"about 1 in {max(1, round(1 / chance)) if chance else 'many'} that {what} in these tables "
                  "lands this close by coincidence",
    }
    return claim
