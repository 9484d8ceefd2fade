"""Words with boxes from PDF pages. The only module in factcheck that imports pdfplumber.

pdfplumber's layout parse is slow (about 5-20 pages/s) and keeps ~3.3 MB per page until
``page.close()``; pypdfium2 gives a page's plain text at hundreds of pages/s. So the cheap
``looks_tabular`` test runs on pdfium text for every page and the word-level parse only on
the pages that pass it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from factcheck.sources.errors import (
    CorruptSourceError,
    EmptySourceError,
    EncryptedSourceError,
    MissingSourceError,
    SourceError,
)


# The table checker raises the same typed errors (and codes) as the rest of factcheck's sources.
TableSourceError = SourceError
EncryptedPdfError = EncryptedSourceError
CorruptPdfError = CorruptSourceError
EmptyPdfError = EmptySourceError
MissingPdfError = MissingSourceError


@dataclass(frozen=True, slots=True)
class Word:
    """One word as pdfplumber groups characters, in page coordinates (top-left origin, points)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size: tells footnote markers (superscripts) from figures


@dataclass(frozen=True, slots=True)
class PageWords:
    """The words of one page, with the page's number (1-based) and size as displayed."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]


def _check_path(path: str | Path) -> Path:
    p = Path(path)
    if not p.is_file():
        raise MissingPdfError("no such PDF file", path=str(p))
    if p.stat().st_size == 0:
        raise EmptyPdfError("the file is empty", path=str(p))
    return p


def page_texts(path: str | Path) -> list[str]:
    """Plain text of every page via pdfium (fast; used only to pick pages worth parsing)."""
    from factcheck.sources.pdf_text import page_plain_texts

    return page_plain_texts(_check_path(path))


_NUMTOK = re.compile(
    r"(?<![\w.,])[\(\-\u2012\u2013\u2212]?[$€£]?\d[\d.,]*(?:[KMB]|bn)?\)?%?(?![\w])|(?<!\S)[\u2012\u2013\u2014-](?!\S)"
)
# "stand" and "net" are ordinary Dutch words ("tot stand komen", "net als"): they count only
# where a row label starts
_TOTAL_WORD = re.compile(
    r"\b(?:sub)?tota(?:al|l|ls|les|le)\b|^\s*[\w-]*saldo\b|^\s*stand\b|\bdeficit\b|\bsurplus\b|^\s*net(?:to)?\b|"
    r"\bbalance\b",
    re.IGNORECASE | re.MULTILINE,
)


def looks_tabular(text: str) -> bool:
    """Cheap test on a page's plain text: is it worth a full layout parse for table totals?

    True when at least three lines carry three or more figures (a table body), six lines end
    in a figure (a one-column table), or the page holds 30+ figures in all, and a total-like
    word (Totaal, Total, Saldo, Stand, Deficit, Net, ...) is followed by figures or stands in a
    short (header) line. A page without such a word has no total row or column for us to check.
    """
    rows = ending = 0
    total_line = False
    for line in text.splitlines():
        found = _NUMTOK.findall(line)
        if len(found) >= 3:
            rows += 1
        if found and line.rstrip().endswith(found[-1].strip()):
            ending += 1  # a one-column table: label, then one figure
        # the total word must sit in a table line: a label followed by figures, or a short
        # header line; "(totaal 2,3 miljoen)" in running text does not make a page tabular
        for m in _TOTAL_WORD.finditer(line):
            if len(line.split()) <= 12 or len(_NUMTOK.findall(line[m.end() : m.end() + 80])) >= 2:
                total_line = True
    if ending >= 6:
        rows = max(rows, 3)
    # some producers emit a page's text without line breaks (seen on a rotated OMB page):
    # then many figures on the page stand in for "many rows with figures"
    many = rows >= 3 or len(_NUMTOK.findall(text)) >= 30
    return many and total_line


def iter_page_words(path: str | Path, pages: Iterable[int] | None = None) -> Iterator[PageWords]:
    """Yield the words of the given 1-based pages (all pages when ``None``), one page at a time.

    Each page is closed after its words are taken, so memory stays flat on long documents.
    Rotated pages come out in display orientation (pdfplumber applies /Rotate).
    """
    p = _check_path(path)
    try:
        pdf = pdfplumber.open(str(p))
    except PdfminerException as exc:
        if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect):
            raise EncryptedPdfError("PDF is encrypted", path=str(p)) from exc
        raise CorruptPdfError(f"cannot open PDF: {exc!r}", path=str(p)) from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise CorruptPdfError(f"cannot open PDF: {exc!r}", path=str(p)) from exc
    try:
        wanted = list(pages) if pages is not None else list(range(1, len(pdf.pages) + 1))
        for n in wanted:
            if not 1 <= n <= len(pdf.pages):
                continue
            try:
                page = pdf.pages[n - 1]
                try:
                    raw = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
                    result = PageWords(
                        n,
                        float(page.width),
                        float(page.height),
                        tuple(
                            Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                                 float(w["size"]))
                            for w in raw
                        ),
                    )
                finally:
                    page.close()  # before handing the words out: the parsed page is what costs memory
            except PdfminerException as exc:
                raise CorruptPdfError(f"cannot read page {n}: {exc!r}", path=str(p)) from exc
            except (TypeError, KeyError) as exc:
                # seen on pages without a MediaBox: pdfplumber raises a raw TypeError
                raise CorruptPdfError(f"cannot read page {n}: {exc!r}", path=str(p)) from exc
            yield result
    finally:
        pdf.close()


def tabular_pages(path: str | Path, pages: Iterable[int] | None = None) -> list[int]:
    """The 1-based pages (among ``pages``, or all) whose text passes :func:`looks_tabular`."""
    texts = page_texts(path)
    wanted = list(pages) if pages is not None else list(range(1, len(texts) + 1))
    return [n for n in wanted if 1 <= n <= len(texts) and looks_tabular(texts[n - 1])]
