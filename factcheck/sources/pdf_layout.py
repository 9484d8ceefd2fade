"""Words with boxes from PDF pages. The only module in factcheck that imports pdfplumber.

pdfplumber's layout parse is slow (about 5-20 pages/s) and keeps ~3.3 MB per page until
``page.close()``; pypdfium2 gives a page's plain text at hundreds of pages/s. So the cheap
``looks_tabular`` test runs on pdfium text for every page and the word-level parse only on
the pages that pass it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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

    @classmethod
    def from_tuples(cls, number: int, width: float, height: float,
                    words: Iterable[tuple[str, float, float, float, float, float]]) -> PageWords:
        """From pdfium's word tuples (:func:`factcheck.sources.pdf_text.page_words`)."""
        return cls(number, float(width), float(height), tuple(Word(*w) for w in words))


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


# The cheap test lives with the other text heuristics, so the extractor can run it on the page
# texts it has read already, without importing pdfplumber.
from factcheck.sources.tabular import looks_tabular  # noqa: E402


def iter_page_words(path: str | Path, pages: Iterable[int] | None = None, *, engine: str = "pdfplumber") -> Iterator[PageWords]:
    """Yield the words of the given 1-based pages (all pages when ``None``), one page at a time.

    ``engine="pdfium"`` builds the same words from pdfium's characters, about 5x faster (see
    factcheck.sources.pdf_text.page_words); rotated pages still go through pdfplumber.
    Each page is closed after its words are taken, so memory stays flat on long documents.
    Rotated pages come out in display orientation (pdfplumber applies /Rotate). A page whose
    text is set sideways as a whole, without /Rotate, comes out turned upright from pdfium only
    (see factcheck.sources.pdf_text.turned): pdfplumber, the reference, reads it as it lies.
    """
    if engine == "pdfium":
        yield from _pdfium_page_words(path, pages)
        return
    yield from _pdfplumber_page_words(path, pages)


def _pdfium_page_words(path: str | Path, pages: Iterable[int] | None) -> Iterator[PageWords]:
    from factcheck.sources.pdf_text import page_count, page_words

    p = _check_path(path)
    wanted = list(pages) if pages is not None else list(range(1, page_count(p) + 1))
    for number, width, height, words in page_words(p, wanted):
        if words is None:
            yield from _pdfplumber_page_words(p, [number])
        else:
            yield PageWords.from_tuples(number, width, height, words)


def _pdfplumber_page_words(path: str | Path, pages: Iterable[int] | None) -> Iterator[PageWords]:
    # Imported here: pdfplumber takes a tenth of a second to import, and only rotated pages
    # and the reference engine need it.
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

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
                    raw = _one_orientation(page.extract_words(extra_attrs=["size", "upright"], keep_blank_chars=False))
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


def _one_orientation(words: list[dict]) -> list[dict]:
    """The words written in the page's main direction: a running title set sideways in the margin
    ("BUDGET OF THE U.S. GOVERNMENT" beside a table turned on its side) would otherwise be read
    letter by letter into the table's lines."""
    upright = sum(len(w["text"]) for w in words if w.get("upright", True))
    main = 2 * upright >= sum(len(w["text"]) for w in words)
    return [w for w in words if bool(w.get("upright", True)) == main]


def tabular_pages(path: str | Path, pages: Iterable[int] | None = None) -> list[int]:
    """The 1-based pages (among ``pages``, or all) whose text passes :func:`looks_tabular`."""
    texts = page_texts(path)
    wanted = list(pages) if pages is not None else list(range(1, len(texts) + 1))
    return [n for n in wanted if 1 <= n <= len(texts) and looks_tabular(texts[n - 1])]
