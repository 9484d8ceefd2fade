"""Tables that run over a page break: join a table with its continuation, then check the totals.

Budget tables often put their parts on one page and the ``Totaal`` row (or more parts and the
total) on the next, with the column header repeated or not. Each page's tables are found on
their own (:func:`factcheck.tables.detect.find_tables`, in worker processes when extraction runs
in several); the joining happens afterwards, in page order, in one process.

The last table of page N is continued by the first table of page N+1 when all of this holds:

- the one runs down to the foot of its page and the other starts at the top of the next, with
  only page furniture (running heads, page numbers) below and above them;
- the second has no caption of its own, or the same caption ("Tabel 19 ...", "... (vervolg)");
- the first does not end in a closing total (Totaal, Saldo, Grand total);
- both have the same value columns: the same count, with right edges within a character or the
  same header words;
- their number formats and unit headers do not contradict each other.

A table may also be read apart on its own page, at a heading line set across it ("Netto-vlottende
schulden met een rentetypische looptijd korter dan één jaar" in a balance sheet's liabilities):
the next table on the page goes on from it when it has no caption, the same value columns, and
the first does not close. That join is kept only when it makes a total of the second hold that
did not hold on its own rows, besides making no check worse.

A join must not make a check worse: when a total that adds up on its own page would no longer add
up with the rows of the previous page, the pages stay apart (that total was a subtotal of its
own page, or the tables were not one table). So a join can only add checks, or correct a verdict
that read a total against the parts of one page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Verdict
from .cells import parse_cell
from .detect import CONTINUATION_WORDS, Cell, Row, Table, _same_columns
from .formulas import formula_checks
from .labels import STAND, clean_label, row_kind
from .records import TableCheck
from .settings import DEFAULT_SETTINGS, TableSettings
from .totals import check_table

_CLOSING = ("total", "grand", "saldo")
_TOTAL_KINDS = ("total", "sub", "grand", "saldo")
_FITS = (Verdict.CONSISTENT, Verdict.ROUNDING)
_CONTINUATION_MARK = re.compile(rf"[\s(\[—–-]*\b(?:{CONTINUATION_WORDS})(?!\w)[\s)\].:]*", re.IGNORECASE)


def _caption_key(title: str) -> str:
    """A caption without its continuation mark, spacing and case: "Tabel 19 ... (vervolg)" -> "tabel 19 ..."."""
    return re.sub(r"\s+", " ", _CONTINUATION_MARK.sub(" ", title)).strip().lower()


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w.']+", text.lower()) if any(ch.isalpha() for ch in w)}


def _marked_continuation(before: str, top: str) -> bool:
    """Does the title block ``top`` say it goes on from the page before ("ABSTRACTS OF THE
    APPROPRIATION GRANTS - (Concl'd)"), repeating nothing but words of that page's title block?"""
    if not before or not _CONTINUATION_MARK.search(top):
        return False
    words = _words(_CONTINUATION_MARK.sub(" ", top))
    return len(words) >= 2 and words <= _words(before)


# How long a repeated title block must be is TableSettings' continued_title_words.


def _same_title_block(before: str, top: str, least: int) -> bool:
    """Does the page print the previous page's title block over its first table? The same text,
    or one ending where the other goes on: a column head line that one page reads as the table's
    header and the next as part of the title ("... ITEM DESCRIPTION" / "... ITEM DESCRIPTION
    BUDGET EXPENDED BUDGET PROPOSED"), the shorter at least ``least`` words long."""
    if not before or not top:
        return False
    if before == top:
        return True
    short, long = sorted((before.split(), top.split()), key=len)
    return len(short) >= least and long[: len(short)] == short


def _header_key(table: Table) -> str:
    return " ".join(c.header for c in table.columns).strip().lower()


def closes(table: Table) -> bool:
    """Does the table end in a closing total row (the last row with figures)?"""
    for row in reversed(table.rows):
        if row.section or not any(c.number is not None for c in row.cells.values()):
            continue
        return row_kind(row.label) in _CLOSING
    return False


def has_total_row(table: Table) -> bool:
    """Does any row with figures close something (Totaal, Subtotaal, Saldo, Stand ...)?"""
    return any(
        row_kind(r.label) in _TOTAL_KINDS or STAND.match(clean_label(r.label))
        for r in table.rows
        if not r.section and any(c.number is not None for c in r.cells.values())
    )


def continues(first: Table, second: Table, repeated: bool = False) -> bool:
    """Is ``second``, the first table of a page, the rest of ``first``, the last table of the page before?
    ``repeated``: the page prints the previous page's title block over ``second`` (a report's running
    title and column heads), which counts as page furniture."""
    # a total at the foot of a page closes the table, unless the next page repeats the title block:
    # then it closes one section of a schedule that runs on (the join is undone if it hurts a check)
    if not (first.ends_page and second.starts_page or repeated and first.last_on_page) or (
            closes(first) and not repeated):
        return False
    if second.title is not None and (first.title is None or _caption_key(first.title) != _caption_key(second.title)):
        return False
    size = max(first.size, second.size)
    if not _same_columns(first, second, size):
        same_header = len(first.columns) == len(second.columns) and _header_key(first) == _header_key(second) != ""
        if not same_header and not _offset(first, second):
            return False
    if first.decimal_sep and second.decimal_sep and first.decimal_sep != second.decimal_sep:
        return False
    # a unit header on both pages must say the same
    return not (first.scale and second.scale and (first.scale.multiplier, first.scale.unit) != (
        second.scale.multiplier, second.scale.unit
    ))


def _offset(first: Table, second: Table) -> int:
    """How many leading columns of ``first`` the continuation leaves out: a sparse column (a
    reference number now and then) that has no figure on the next page, whose other columns
    repeat ``first``'s last headers at the same right edges; 0 when it is not so."""
    extra = len(first.columns) - len(second.columns)
    if extra <= 0 or not second.columns:
        return 0
    size = max(first.size, second.size)
    tail = first.columns[extra:]
    if all(a.header.strip().lower() == b.header.strip().lower() != "" and abs(a.x1 - b.x1) <= size
           for a, b in zip(tail, second.columns)):
        return extra
    return 0


def _placed(table: Table) -> list[Row]:
    """The table's rows, each a copy that knows where it was printed."""
    return [replace(r, cells=dict(r.cells), origin=r.origin or (table.page, table.index, i))
            for i, r in enumerate(table.rows)]


def join(first: Table, second: Table) -> Table:
    """One table of ``first``'s rows followed by ``second``'s; neither argument is changed."""
    dsep = first.decimal_sep or second.decimal_sep
    pieces = []
    shift = _offset(first, second)
    for piece in (first, second):
        rows = _placed(piece)
        if piece is second and shift:
            for r in rows:
                r.cells = {k + shift: replace(c, col=c.col + shift) for k, c in r.cells.items()}
        if piece.decimal_sep != dsep:
            # no decimals on this page to decide by: its figures are read in the other page's format
            # (a cell that is not a figure, such as a footnote reference "(1)", stays one)
            for r in rows:
                r.cells = {k: Cell(c.text, parse_cell(c.text, dsep) if c.number is not None else None, c.col, c.bbox,
                                   c.share) for k, c in r.cells.items()}
        pieces.append(rows)
    rows = pieces[0] + pieces[1]
    columns = first.columns if _header_key(first) or not _header_key(second) else second.columns
    return replace(
        first,
        title=first.title or second.title,
        scale=first.scale or second.scale,
        columns=list(columns),
        rows=rows,
        header_text=first.header_text or second.header_text,
        decimal_sep=dsep,
        suspect=first.suspect or second.suspect,
        ends_page=second.ends_page,
        last_on_page=second.last_on_page,
    )


def _key(check: TableCheck) -> tuple[object, ...]:
    t = check.total
    # where the figure is printed, not its column's number: a continuation that leaves out a
    # sparse column is renumbered when joined
    return (check.orientation, t.page, t.table, t.row, t.bbox)


def _no_worse(joined: list[TableCheck], alone: list[TableCheck]) -> bool:
    """Is every total row that adds up without the join still checked, and still adds up, with it?
    A total column's check stays within its row, which the join does not change (see _kept). A
    row that repeats the one figure of a single row beside it shows no structure the join could
    break (the join may show it a coincidence: a flat total over both, see tables.heads)."""
    verdicts = {_key(c): c.verdict for c in joined}
    return all(verdicts.get(_key(c)) in _FITS for c in alone
               if c.verdict in _FITS and c.orientation == "row" and len(c.parts) > 1)


def _kept(joined: list[TableCheck], alone: list[TableCheck]) -> list[TableCheck]:
    """The joined table's checks, and the row-by-row checks of a piece (a change column) that the
    joined table did not make: read over more rows, a column's reading may be settled otherwise."""
    have = {_key(c) for c in joined}
    return joined + [c for c in alone if c.orientation == "column" and c.verdict in _FITS and _key(c) not in have]


def check_pages(pages: Mapping[int, Sequence[Table]], file: str = "",
                settings: TableSettings = DEFAULT_SETTINGS) -> list[TableCheck]:
    """Check the tables of the given pages (page number -> its tables, top to bottom), joining
    each table continued on the next page with its continuation. A page missing from ``pages``
    was not read, and breaks every join across it. ``settings``: continued_title_words
    (tables.settings)."""
    chains: list[list[Table]] = []
    joined: Table | None = None  # the last chain so far, joined: it may continue on the next page
    previous = 0
    top = ""  # the previous page's title block over its first table
    for number in sorted(pages):
        tables = _rejoined(list(pages[number]), file)
        repeated = bool(tables and tables[0].top_text and previous + 1 == number and (
            _same_title_block(top, tables[0].top_text, settings.continued_title_words) or _marked_continuation(top, tables[0].top_text)))
        top = tables[0].top_text if tables else ""
        # coded statements go on page after page: their codes, not their layout, say what adds up
        if joined is not None and tables and previous + 1 == number and (
                continues(joined, tables[0], repeated) or joined.coded and tables[0].coded):
            chains[-1].append(tables[0])
            joined = join(joined, tables[0])
            tables = tables[1:]
        elif not tables:
            joined = None
        for table in tables:
            chains.append([table])
            joined = table
        previous = number
    checks: list[TableCheck] = []
    for chain in chains:
        first = chain[0]
        if first.starts_page and first.page - 1 in pages:
            # the page before was read and its last table does not go on into this one: the
            # rows at the top of this page are all there is above its totals
            chain = [replace(first, starts_page=False), *chain[1:]]
        checks.extend(_check_chain(chain, file))
    stated = [c for number in sorted(pages) for c in formula_checks(pages[number], file, _before(pages, number))]
    # a row whose formula is printed is checked against that formula, not against a guessed reading
    taken = {(c.total.page, c.total.bbox) for c in stated}
    return [c for c in checks if (c.total.page, c.total.bbox) not in taken] + stated


def _rejoined(tables: list[Table], file: str) -> list[Table]:
    """The page's tables, each joined with the next one where that is the rest of it, read apart
    at a heading line (module doc)."""
    out: list[Table] = []
    for table in tables:
        if out and _goes_on(out[-1], table):
            first = out[-1]
            alone = check_table(table, file)
            candidate = join(first, table)
            checks = check_table(candidate, file)
            mine = {_key(c) for c in alone if c.verdict in _FITS}
            gained = any(c.verdict in _FITS and c.total.table == table.index and _key(c) not in mine for c in checks)
            if gained and _no_worse(checks, check_table(first, file) + alone):
                out[-1] = replace(candidate, starts_page=first.starts_page)
                continue
        out.append(table)
    return out


def _goes_on(first: Table, second: Table) -> bool:
    """May ``second``, the next table on the page, be the rest of ``first``?"""
    return (second.title is None and not closes(first) and has_total_row(second)
            and _same_columns(first, second, max(first.size, second.size))
            and not (first.decimal_sep and second.decimal_sep and first.decimal_sep != second.decimal_sep)
            and not (first.scale and second.scale and (first.scale.multiplier, first.scale.unit) != (
                second.scale.multiplier, second.scale.unit)))


def _before(pages: Mapping[int, Sequence[Table]], number: int) -> Table | None:
    """The last table of the page before, when the page's first table may go on from it (the one
    runs to the foot of its page, the other starts at the top): rows a formula names may be there."""
    previous, tables = pages.get(number - 1), pages[number]
    if previous and tables and previous[-1].ends_page and tables[0].starts_page:
        return previous[-1]
    return None


def _check_chain(pieces: list[Table], file: str) -> list[TableCheck]:
    """The checks of one table printed in ``pieces`` on consecutive pages: of the whole, when that
    makes no check worse than the pieces' own; else joined step by step where it does not."""
    alone = [check_table(t, file) for t in pieces]
    if len(pieces) == 1:
        return alone[0]
    whole = pieces[0]
    for piece in pieces[1:]:
        whole = join(whole, piece)
    checks = check_table(whole, file)
    every_piece = [c for piece_checks in alone for c in piece_checks]
    if _no_worse(checks, every_piece):
        return _kept(checks, every_piece)
    checks = []
    current, current_checks = pieces[0], alone[0]
    for piece, piece_checks in zip(pieces[1:], alone[1:]):
        candidate = join(current, piece)
        candidate_checks = check_table(candidate, file)
        if _no_worse(candidate_checks, current_checks + piece_checks):
            current, current_checks = candidate, _kept(candidate_checks, current_checks + piece_checks)
        else:
            checks.extend(current_checks)
            current, current_checks = piece, piece_checks
    checks.extend(current_checks)
    return checks
