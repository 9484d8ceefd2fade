"""Table totals: find tables in PDFs and check every total against its parts.

Public entry point: :func:`check_pdf`. The result records are :class:`TableCheck`; each can
turn itself into claims (:meth:`TableCheck.to_claims`, or :func:`checks_to_claims` for many).
Pages are read one at a time into tables (:func:`find_page_tables`, or :func:`page_tables` for a
page whose words are at hand); the tables of all pages are then checked together, so that a table
continued on the next page is checked as one (:func:`check_found_tables`). Each takes an
optional :class:`TableSettings` (tables.settings): the tolerances the table reader works with.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from pathlib import Path

from ..model import Verdict
from ..sources.pdf_layout import (
    CorruptPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    MissingPdfError,
    PageWords,
    TableSourceError,
    iter_page_words,
    looks_tabular,
    page_texts,
    tabular_pages,
)
from ..sources.tabular import has_table_body, has_total_word
from .asset_movements import BOOK_READING as ASSET_BOOK_READING
from .asset_movements import asset_movement_checks
from .block_sums import block_sum_checks
from .book_value import BOOK_VALUE_READING, book_value_checks
from .column_sums import column_sum_checks
from .continued import check_pages, closes, continues, has_total_row
from .corona_annex import corona_annex_checks
from .cut_groups import doubt_cut_groups
from .detect import Table, find_tables
from .document_format import settle_open_tables
from .elsewhere import elsewhere_checks
from .failure_runs import doubt_failure_runs
from .form_lines import doubt_unread_instructions, form_line_checks, line_number_cells
from .found_differences import found_difference_checks
from .judging import holds, judge
from .percent_blocks import percent_block_checks
from .products import page_product_checks
from .records import CellRef, TableCheck, checks_to_claims
from .result_line import result_line_checks
from .rounding_note import allow_noted_rounding
from .row_changes import row_change_checks
from .running import running_checks
from .settings import DEFAULT_SETTINGS, TableSettings
from .sheet_errors import doubt_sheet_errors
from .sign_slips import raise_turned_signs
from .slip_evidence import doubt_unshaped
from .stacked import stacked_checks
from .total_of_totals import total_of_totals_checks
from .totals import check_table
from .unmarked import page_unmarked_checks
from .wnt import wnt_checks

__all__ = [
    "CellRef",
    "CorruptPdfError",
    "EmptyPdfError",
    "EncryptedPdfError",
    "MissingPdfError",
    "Table",
    "TableCheck",
    "TableSettings",
    "TableSourceError",
    "check_found_tables",
    "check_pages",
    "check_pdf",
    "check_table",
    "checks_to_claims",
    "find_page_tables",
    "judge",
    "page_tables",
]

# Pages read beyond the ones asked for, to reach a table's continuation or its start: at most this
# many per document (a listing that runs on for dozens of pages is joined as far as this reaches).
MAX_EXTRA_PAGES = 20


def find_page_tables(
    path: str | Path, lang: str | None = None, pages: list[int] | None = None, all_pages: bool = False,
    engine: str = "pdfium", settings: TableSettings = DEFAULT_SETTINGS,
) -> dict[int, list[Table]]:
    """The tables found on the PDF's pages that look tabular (or on all given pages if ``all_pages``),
    by page number; a page that was read and holds no table maps to ``[]``.

    ``engine`` picks where the words come from: "pdfium" (default, about 3x faster; rotated
    pages still go through pdfplumber) or "pdfplumber". Both give the same checks on the
    fixtures and the hand-labelled totals (tests/test_tables_engines.py, the eval benchmark).
    ``settings``: the table reader's tolerances (tables.settings), here and in the other entry points.
    """
    wanted: list[int] | None
    if all_pages:
        wanted = pages  # None: every page
    else:
        wanted = tabular_pages(path, pages)
    return {page.number: find_tables(page, lang, settings) for page in iter_page_words(path, wanted, engine=engine)}


def check_pdf(
    path: str | Path, lang: str | None = None, pages: list[int] | None = None, all_pages: bool = False,
    engine: str = "pdfium", settings: TableSettings = DEFAULT_SETTINGS,
) -> list[TableCheck]:
    """Check every total row and total column in the PDF's tables.

    ``lang`` ("nl"/"en") only breaks ties in the number format; the cells decide when they
    can. ``pages`` are 1-based; by default every page that passes the cheap tabular test is
    parsed, and a page next to one of them is read too when a table runs over onto it (or
    from it). Raises :class:`TableSourceError` subclasses (FC301 encrypted, FC302 corrupt,
    FC304 empty, FC308 missing) for files that cannot be read.
    """
    end_pages: set[int] | None = None
    if all_pages:
        wanted = pages  # None: every page
    else:
        texts = page_texts(path)
        numbers = pages if pages is not None else range(1, len(texts) + 1)
        with_total = {n for n, text in enumerate(texts, 1) if has_total_word(text)}
        wanted = [n for n in numbers if looks_tabular(texts[n - 1], total_word=n in with_total)]
        # pages a table from the page before may end on, or run on over
        end_pages = with_total | {n for n, text in enumerate(texts, 1) if n not in with_total and has_table_body(text)}
    found = {page.number: find_tables(page, lang, settings) for page in iter_page_words(path, wanted, engine=engine)}
    return check_found_tables(path, found, lang, engine, end_pages, settings)


def page_tables(
    number: int, width: float, height: float, words: Iterable[tuple[str, float, float, float, float, float]],
    lang: str | None = None, settings: TableSettings = DEFAULT_SETTINGS,
) -> list[Table]:
    """The tables of one page whose words the caller has read already (the extractor, from the
    page it has open: no second pass over the PDF). Checked later, with the other pages'
    tables, by :func:`check_found_tables`."""
    return find_tables(PageWords.from_tuples(number, width, height, words), lang, settings)


def _wanted(found: dict[int, list[Table]], tried: set[int], end_pages: Container[int] | None) -> list[int]:
    """Pages not read yet that a table on a read page may run over from (or to)."""
    want: set[int] = set()
    for number, tables in found.items():
        if not tables:
            continue
        if tables[0].starts_page and has_total_row(tables[0]):
            # a total at the top of a page: its parts may start on an earlier page; walk back over
            # the pages read already that hold nothing but the table's continuation
            head, at = tables[0], number
            while (before := found.get(at - 1)) is not None:
                if len(before) != 1 or not before[0].starts_page or not continues(before[0], head):
                    break
                head, at = before[0], at - 1
            else:
                if at > 1:
                    want.add(at - 1)
        last = tables[-1]
        if last.ends_page and not closes(last) and (end_pages is None or number + 1 in end_pages):
            want.add(number + 1)  # its last rows and total may stand on the next page
    return sorted(want - tried)


def check_found_tables(
    path: str | Path, found: dict[int, list[Table]], lang: str | None = None, engine: str = "pdfium",
    end_pages: Container[int] | None = None, settings: TableSettings = DEFAULT_SETTINGS,
) -> list[TableCheck]:
    """Check the tables found on some pages of the PDF (page number -> tables), joining tables
    that continue on the next page.

    A page next to a table that may run over a page break is read here when it is not among
    ``found`` (it did not look tabular): the page before a table that starts at the top of its
    page with a total in it, and the page after a table that runs to the bottom of its page
    without one, if that page has a total word or a table body (``end_pages``; None: unknown, read it).
    Unreadable neighbours are left out, and no table is joined across them.
    """
    found = dict(found)
    tried = set(found)
    extra = 0
    while extra < MAX_EXTRA_PAGES and (wanted := _wanted(found, tried, end_pages)):
        wanted = wanted[: MAX_EXTRA_PAGES - extra]
        extra += len(wanted)
        tried.update(wanted)
        try:
            for page in iter_page_words(path, wanted, engine=engine):
                found[page.number] = find_tables(page, lang, settings)
        except TableSourceError:
            break
    found = settle_open_tables(found)
    checks = check_pages(found, str(path), settings)
    # a form's numbered lines: its results are read by the lines their words name, and its line
    # numbers are no figures of any sum
    numbers = line_number_cells(found)
    if numbers:
        checks = [c for c in checks if not any((r.page, r.bbox) in numbers for r in (c.total, *c.parts))]
    # a percentage whose base only another table prints, a block that is two earlier blocks'
    # difference: where nothing in its own table holds
    key = lambda c: (c.total.page, c.total.bbox)  # noqa: E731
    held = {key(c) for c in checks if c.verdict in (Verdict.CONSISTENT, Verdict.ROUNDING)}
    based = [c for c in elsewhere_checks(found, str(path)) + stacked_checks(found, str(path))
             + corona_annex_checks(found, str(path)) if key(c) not in held]
    replaced = {key(c) for c in based}
    checks = [c for c in checks if key(c) not in replaced] + based
    # calculations within rows that only the page's tables together show: where nothing else is checked
    checked = {key(c) for c in checks}
    pooled = page_product_checks(found, str(path)) + page_unmarked_checks(found, str(path))
    checks += [c for c in pooled if key(c) not in checked]
    # a net book value is the cost less the depreciation whatever else its figure closes (a
    # Total column): a second relation on the same figure, unless one with the same parts is there
    # (and so is a "Total" block the sum of the blocks of the same rows above it: "Gross
    # Expenditures" under Total is also its own block's Revenue plus Net Expenditures)
    read = {(key(c), frozenset((p.page, p.bbox) for p in c.parts)) for c in checks}
    checks += [c for number in sorted(found) for table in found[number]
               for c in (*book_value_checks(table, str(path)), *block_sum_checks(table, str(path)))
               if (key(c), frozenset((p.page, p.bbox) for p in c.parts)) not in read]
    formed = form_line_checks(found, str(path))
    replaced = {key(c) for c in formed}
    checks = doubt_unread_instructions([c for c in checks if key(c) not in replaced]) + formed
    # a total of the totals printed before it, in other tables or on other pages: where nothing confirms it
    # (a doubted reading of its own table gives way; an alarm stays)
    summed = total_of_totals_checks(found, checks, str(path))
    replaced = {key(c) for c in summed}
    checks = [c for c in checks if key(c) not in replaced] + summed
    # a row or column that is one other plus or minus another, last: only figures nothing else checks
    checks += [c for number in sorted(found) for table in found[number]
               for c in found_difference_checks(table, str(path), [c for c in checks if c.total.page == number])]
    # … and a column that adds up the columns right before it (a table of one page: its cells'
    # places are those of the checks)
    read_cells: dict[tuple[int, int], set[tuple[int, int]]] = {}
    repeats: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for c in checks:
        read_cells.setdefault((c.total.page, c.total.table), set()).add((c.total.row - 1, c.total.col - 1))
        if len(c.parts) == 1 and holds(c.verdict):
            repeats.setdefault((c.total.page, c.total.table), set()).add((c.total.row - 1, c.total.col - 1))
    summed = [c for number in sorted(found) for table in found[number] if all(r.origin is None for r in table.rows)
              for c in column_sum_checks(table, str(path), read_cells.get((number, table.index), set()),
                                         repeats.get((number, table.index), set()))]
    # (a biennium's cell that only repeats its one account's is checked as the years it spans)
    replaced = {key(c) for c in summed}
    checks = [c for c in checks if key(c) not in replaced] + summed
    # rows under "(In percent of GDP)" that repeat the amounts above: a share, whatever sum their
    # figure closes (after the sums found from the arithmetic, which read only figures nothing checks)
    # (only on tables of one page: a table joined over pages numbers its columns its own way, and
    # a figure's claim id says where it stands in them)
    joined = {(ref.page, ref.table) for c in checks if len(c.pages) > 1 for ref in (c.total, *c.parts)}
    alone = {number: [t for t in found[number] if (number, t.index) not in joined] for number in found}
    checks += percent_block_checks(alone, str(path))
    # a running balance or cumulative share: the row above plus this row's movement, where nothing else reads it
    checked = {key(c) for c in checks}
    checks += [c for number in sorted(alone) for table in alone[number] for c in running_checks(table, str(path))
               if key(c) not in checked]
    # a row of year-on-year changes under the level row it changes ("... verbetering" under "... saldo")
    checked = {key(c) for c in checks}
    checks += [c for number in sorted(alone) for table in alone[number]
               for c in row_change_checks(table, str(path), checked)]
    # a fixed assets' movement schedule: its closing rows by the movements its rows name, the model's
    # reading of them whatever else adds up to them (cost = depreciation + book value); in the Totaal
    # column a sum of the columns before it that holds stays, and so does a closing book value's
    # reading that holds (its cost less its depreciation)
    column_sums = {key(c) for c in checks if c.orientation == "column" and holds(c.verdict)}
    held = {key(c) for c in checks if holds(c.verdict)}
    moved = [c for number in sorted(alone) for table in alone[number]
             for c in asset_movement_checks(table, str(path))
             if key(c) not in column_sums and not (c.reading == ASSET_BOOK_READING and key(c) in held)]
    replaced = {key(c) for c in moved}
    checks = [c for c in checks if key(c) not in replaced or holds(c.verdict) and c.reading.startswith(
        BOOK_VALUE_READING)] + moved
    # a result printed once under the two totals it nets, side by side in the row above
    checked = {key(c) for c in checks}
    checks += [c for number in sorted(alone) for table in alone[number]
               for c in result_line_checks(table, str(path), checked)]
    # a WNT statement's pay is its Subtotaal less the amount paid unduly, whatever rows above add up
    # to the same figure: the law's model defines it
    paid = [c for number in sorted(alone) for c in wnt_checks(alone[number], str(path))]
    replaced = {key(c) for c in paid}
    checks = [c for c in checks if key(c) not in replaced] + paid
    # a page that notes rounding differences allows its sums a little more than their digits do
    checks = doubt_failure_runs(doubt_cut_groups(allow_noted_rounding(checks, found), found))
    # a change printed without its sign is the document's slip, not a misreading (tables.sign_slips)
    checks = raise_turned_signs(doubt_sheet_errors(checks, found))
    return doubt_unshaped(checks) if settings.slip_alarms_only else checks
