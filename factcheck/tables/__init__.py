"""Table totals: find tables in PDFs and check every total against its parts.

Public entry point: :func:`check_pdf`. The result records are :class:`TableCheck`; each can
turn itself into claims (:meth:`TableCheck.to_claims`, or :func:`checks_to_claims` for many).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..sources.pdf_layout import (
    CorruptPdfError,
    EmptyPdfError,
    EncryptedPdfError,
    MissingPdfError,
    PageWords,
    TableSourceError,
    iter_page_words,
    tabular_pages,
)
from .detect import Table, find_tables
from .totals import CellRef, TableCheck, check_table, checks_to_claims, judge

__all__ = [
    "CellRef",
    "CorruptPdfError",
    "EmptyPdfError",
    "EncryptedPdfError",
    "MissingPdfError",
    "Table",
    "TableCheck",
    "TableSourceError",
    "check_page",
    "check_pdf",
    "check_table",
    "checks_to_claims",
    "find_pdf_tables",
    "judge",
]


def find_pdf_tables(
    path: str | Path, lang: str | None = None, pages: list[int] | None = None, all_pages: bool = False,
    engine: str = "pdfium",
) -> list[Table]:
    """The tables found on the PDF's pages that look tabular (or on all given pages if ``all_pages``).

    ``engine`` picks where the words come from: "pdfium" (default, about 3x faster; rotated
    pages still go through pdfplumber) or "pdfplumber". Both give the same checks on the
    fixtures and the 82 hand-labelled totals (tests/test_tables_engines.py, the eval benchmark).
    """
    wanted: list[int] | None
    if all_pages:
        wanted = pages  # None: every page
    else:
        wanted = tabular_pages(path, pages)
    tables: list[Table] = []
    for page in iter_page_words(path, wanted, engine=engine):
        tables.extend(find_tables(page, lang))
    return tables


def check_pdf(
    path: str | Path, lang: str | None = None, pages: list[int] | None = None, all_pages: bool = False,
    engine: str = "pdfium",
) -> list[TableCheck]:
    """Check every total row and total column in the PDF's tables.

    ``lang`` ("nl"/"en") only breaks ties in the number format; the cells decide when they
    can. ``pages`` are 1-based; by default every page that passes the cheap tabular test is
    parsed. Raises :class:`TableSourceError` subclasses (FC301 encrypted, FC302 corrupt,
    FC304 empty, FC308 missing) for files that cannot be read.
    """
    checks: list[TableCheck] = []
    for table in find_pdf_tables(path, lang, pages, all_pages, engine):
        checks.extend(check_table(table, str(path)))
    return checks


def check_page(
    path: str | Path, number: int, width: float, height: float,
    words: Iterable[tuple[str, float, float, float, float, float]], lang: str | None = None,
) -> list[TableCheck]:
    """Check the tables of one page whose words the caller has read already (the extractor,
    from the page it has open: no second pass over the PDF)."""
    checks: list[TableCheck] = []
    for table in find_tables(PageWords.from_tuples(number, width, height, words), lang):
        checks.extend(check_table(table, str(path)))
    return checks
