"""Fast PDF text with per-character boxes. The only module of the extractor importing pypdfium2.

pypdfium2 reads page text at hundreds of pages per second (pdfplumber: 5-20), and its page
text indices line up with ``get_charbox(i)``, so boxes are asked for only for the few
characters a figure covers. Pages are opened and closed one at a time, which keeps memory
flat on long documents.

Every way a PDF can be unreadable becomes one of the typed errors in
:mod:`factcheck.sources.errors` (FC301-FC309).
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pypdfium2  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from factcheck.sources.errors import (
    CorruptSourceError,
    EncryptedSourceError,
    NoTextLayerError,
    PageTimeoutError,
)
from factcheck.sources.text import DEFAULT_MAX_BYTES, SourcePage, check_file

T = TypeVar("T")
BBox = tuple[float, float, float, float]
_VISIBLE = re.compile(r"\S")


def is_pdf_bytes(head: bytes) -> bool:
    """Whether a file's first bytes carry the PDF header (allowed anywhere in the first KiB)."""
    return b"%PDF-" in head[:1024]


def open_pdf(path: Path, password: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> pypdfium2.PdfDocument:
    """Open a PDF, turning pdfium's failures into typed errors."""
    check_file(path, max_bytes)
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not is_pdf_bytes(head):
        raise CorruptSourceError("not a PDF file (no %PDF- header)", path=str(path))
    try:
        return pypdfium2.PdfDocument(str(path), password=password)
    except pypdfium2.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password:
                raise EncryptedSourceError("the PDF is encrypted and the password is wrong", path=str(path)) from None
            raise EncryptedSourceError("the PDF is encrypted; give its password with --password", path=str(path)) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedSourceError("the PDF uses an unsupported security handler", path=str(path)) from None
        raise CorruptSourceError(f"cannot read the PDF: {exc}", path=str(path)) from None


def page_count(path: Path, password: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    """Number of pages, with the same typed errors as :func:`open_pdf`."""
    pdf = open_pdf(path, password, max_bytes)
    try:
        return len(pdf)
    finally:
        pdf.close()


@dataclass(slots=True)
class PdfPage:
    """One open page: its text and a way to box a span of it. Valid only inside the callback."""

    source: SourcePage
    width: float
    height: float
    _textpage: pypdfium2.PdfTextPage

    def bbox(self, start: int, end: int) -> BBox | None:
        """Box ``[x0, top, x1, bottom]`` (points, top-left origin, as pdfplumber) of ``text[start:end]``."""
        x0 = top = float("inf")
        x1 = bottom = float("-inf")
        text = self.source.text
        for i in range(max(0, start), min(end, len(text))):
            if text[i].isspace():
                continue
            left, low, right, high = self._textpage.get_charbox(i)
            if right <= left and high <= low:
                continue
            x0, x1 = min(x0, left), max(x1, right)
            top, bottom = min(top, self.height - high), max(bottom, self.height - low)
        if x0 == float("inf"):
            return None
        return (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))

    def gap(self, left_index: int, right_index: int) -> float | None:
        """Horizontal distance between two characters, in points; None when not on one baseline."""
        la, lb, ra, rb = self._textpage.get_charbox(left_index)
        ma, mb, na, nb = self._textpage.get_charbox(right_index)
        if abs(lb - mb) > max(1.0, (rb - lb) * 0.5):
            return None
        return ma - ra


    def _typical_gap(self, index: int, line_start: int, line_end: int) -> float | None:
        """Median width of the other word spaces on the line of ``index``."""
        text = self.source.text
        gaps = []
        for i in range(line_start + 1, line_end - 1):
            if i != index and text[i] == " " and not text[i - 1].isspace() and not text[i + 1].isspace():
                g = self.gap(i - 1, i + 1)
                if g is not None and g > 0:
                    gaps.append(g)
                if len(gaps) >= 15:
                    break
        if not gaps:
            return None
        gaps.sort()
        return gaps[len(gaps) // 2]

    def joined_text(self) -> tuple[str, list[tuple[int, int]]]:
        """The page text with split digits joined where the layout shows they belong together.

        PDF text sometimes breaks one number with a stray space: ``‒ 2. 277``, ``1 4.862``,
        ``11,062 .6``. Where that space is much narrower than the other word spaces on its
        line, it is moved to just after the number, so the text keeps its length and every
        offset outside the number keeps pointing at the same character. Returns the text and
        the (space, number end) positions that were moved.
        """
        text = self.source.text
        moves: list[tuple[int, int]] = []
        for m in _SPLIT_DIGITS.finditer(text):
            r = text.index(" ", m.start(), m.end())
            g = self.gap(r - 1, r + 1)
            if g is None:
                continue
            line_start = text.rfind("\n", 0, r) + 1
            line_end = text.find("\n", r)
            typical = self._typical_gap(r, line_start, line_end if line_end >= 0 else len(text))
            la, lb, ra, rb = self._textpage.get_charbox(r + 1)
            height = rb - lb
            # Narrow in absolute terms (well under a digit's height: not a column gap) and
            # narrower than the line's other word spaces.
            if height > 0 and g < 0.6 * height and (typical is None or g < 0.75 * typical):
                moves.append((r, m.end()))
        if not moves:
            return text, []
        chars = list(text)
        for r, q in moves:
            chars[r:q] = chars[r + 1:q] + [" "]
        return "".join(chars), moves


_SPLIT_DIGITS = re.compile(
    r"(?<![\d.,])\d{1,3}[.,] \d{3}(?!\d)"  # ‒ 2. 277
    r"|(?<![\d.,])\d{1,2} \d{1,3}[.,]\d{3}(?![\d])"  # 1 4.862
    r"|(?<![\d.,])\d[\d.,]* [.,]\d+(?![\d])"  # 11,062 .6
)


@contextmanager
def _time_limit(seconds: float | None, path: Path, page_number: int) -> Iterator[None]:
    """Raise PageTimeoutError when a page takes longer than ``seconds``.

    In the main thread a POSIX interval timer interrupts Python code; pdfium's C calls are
    not interruptible, so the elapsed time is also checked when the page is done.
    """
    if not seconds:
        yield
        return
    use_timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def on_alarm(signum: int, frame: object) -> None:
        raise PageTimeoutError(f"page {page_number} took longer than {seconds:g} s", path=str(path))

    previous = None
    if use_timer:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.perf_counter()
    try:
        yield
    finally:
        if use_timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    if time.perf_counter() - started > seconds:
        raise PageTimeoutError(f"page {page_number} took longer than {seconds:g} s", path=str(path))


def map_pages(
    path: Path,
    fn: Callable[[PdfPage], T],
    *,
    password: str | None = None,
    pages: Iterable[int] | None = None,
    page_timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    require_text: bool = True,
) -> list[T]:
    """Call ``fn`` on each page (1-based numbers), one page open at a time; return the results.

    Raises :class:`NoTextLayerError` when ``require_text`` and none of the pages has text.
    """
    pdf = open_pdf(path, password, max_bytes)
    results: list[T] = []
    seen_text = False
    try:
        numbers = list(pages) if pages is not None else list(range(1, len(pdf) + 1))
        for number in numbers:
            with _time_limit(page_timeout, path, number):
                try:
                    page = pdf[number - 1]
                    textpage = page.get_textpage()
                except pypdfium2.PdfiumError as exc:
                    raise CorruptSourceError(f"cannot read page {number}: {exc}", path=str(path)) from None
                try:
                    count = textpage.count_chars()
                    text = textpage.get_text_range(0, count) if count > 0 else ""
                    if len(text) != count:
                        # Rare: pdfium dropped or inserted characters; bounded text is the
                        # better text then, and boxes fall back to None where they disagree.
                        text = textpage.get_text_bounded()
                    if not seen_text and _VISIBLE.search(text):
                        seen_text = True
                    width, height = page.get_size()
                    results.append(fn(PdfPage(SourcePage(number, text), width, height, textpage)))
                finally:
                    textpage.close()
                    page.close()
        if require_text and numbers and not seen_text:
            raise NoTextLayerError(
                f"none of the {len(numbers)} pages has a text layer; the PDF is scanned and needs OCR first",
                path=str(path),
            )
    finally:
        pdf.close()
    return results


def read_pdf_pages(
    path: Path,
    *,
    password: str | None = None,
    page_timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> list[SourcePage]:
    """The text of every page, without boxes."""
    return map_pages(path, lambda p: p.source, password=password, page_timeout=page_timeout, max_bytes=max_bytes)


def page_plain_texts(path: Path, password: str | None = None) -> list[str]:
    """Plain text of every page, quickly (no boxes): for deciding which pages to parse further."""
    pdf = open_pdf(path, password)
    try:
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    texts.append(textpage.get_text_range())
                finally:
                    textpage.close()
            finally:
                page.close()
        return texts
    finally:
        pdf.close()


@contextmanager
def _one_page(path: Path, page_number: int) -> Iterator[Any | None]:
    """Page ``page_number`` (1-based) of ``path``, or None when there is no such page; closed after."""
    pdf = open_pdf(path)
    try:
        if not 1 <= page_number <= len(pdf):
            yield None
            return
        page = pdf[page_number - 1]
        try:
            yield page
        finally:
            page.close()
    finally:
        pdf.close()


def render_band(path: Path, page_number: int, top: float, bottom: float, scale: float) -> Any | None:
    """A horizontal band of a page (``top``/``bottom`` in points from the top) as a PIL image.

    None when the page or the band is not on the page. The report crops the band around a
    figure and outlines it; rendering stays here, with the rest of pdfium.
    """
    with _one_page(path, page_number) as page:
        if page is None:
            return None
        width, height = page.get_size()
        top, bottom = max(0.0, top), min(height, bottom)
        if bottom <= top:
            return None
        # crop = (left, bottom, right, top): the amounts to cut away, in points.
        bitmap = page.render(scale=scale, crop=(0, height - bottom, 0, top))
        return bitmap.to_pil().convert("RGB")


def page_size(path: Path, page_number: int) -> tuple[float, float] | None:
    """Width and height of a page in points, or None when there is no such page."""
    with _one_page(path, page_number) as page:
        if page is None:
            return None
        width, height = page.get_size()
        return float(width), float(height)
