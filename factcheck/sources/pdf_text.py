"""Fast PDF text with per-character boxes. The only module of the extractor importing pypdfium2.

pypdfium2 reads page text at hundreds of pages per second (pdfplumber: 5-20), and its page
text indices line up with ``get_charbox(i)``, so boxes are asked for only for the few
characters a figure covers. Pages are opened and closed one at a time, which keeps memory
flat on long documents.

Every way a PDF can be unreadable becomes one of the typed errors in
:mod:`factcheck.sources.errors` (FC301-FC309).
"""

from __future__ import annotations

import ctypes
import itertools
import operator
import re
import signal
import struct
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
Word = tuple[str, float, float, float, float, float]  # text, x0, x1, top, bottom, size
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
    rotation: int = 0
    _turn: int | None = None  # see turn()

    def words(self) -> list[Word] | None:
        """The page's words as :func:`page_words` gives them; None for a rotated page, or one
        whose text pdfium cannot map to characters (see :func:`_readable_words`). The words of a
        page whose text is set sideways as a whole are turned upright: :meth:`size` is then the
        size of the page turned."""
        if self.rotation != 0:
            return None
        words, self._turn = _readable_words(self._textpage, self.width, self.height)
        return words

    def turn(self) -> int:
        """0, or the turn that sets the page upright when its text is set sideways as a whole
        (see :func:`turned`): its words and boxes are given on the page turned."""
        if self._turn is None:
            self._turn = 0 if self.rotation != 0 else _text_turn(self._textpage, self.height)
        return self._turn

    def size(self) -> tuple[float, float]:
        """Width and height of the page as its words and boxes are laid out (see :meth:`turn`)."""
        return (self.height, self.width) if self.turn() else (self.width, self.height)

    def bbox(self, start: int, end: int) -> BBox | None:
        """Box ``[x0, top, x1, bottom]`` (points, top-left origin, as pdfplumber) of ``text[start:end]``."""
        x0 = top = float("inf")
        x1 = bottom = float("-inf")
        text = self.source.text
        # PdfTextPage.get_charbox's call, with its four buffers made once per figure, not per
        # character (this runs for every character of every figure)
        raw, char_box = ctypes.c_void_p(ctypes.cast(self._textpage.raw, ctypes.c_void_p).value), _CHAR_BOX
        bl, bb, br, bt = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        refs = ctypes.byref(bl), ctypes.byref(br), ctypes.byref(bb), ctypes.byref(bt)  # left, right, bottom, top
        for i in range(max(0, start), min(end, len(text))):
            if text[i].isspace():
                continue
            if not char_box(raw, i, *refs):
                raise pypdfium2.PdfiumError("Failed to get charbox.")
            left, low, right, high = bl.value, bb.value, br.value, bt.value
            if right <= left and high <= low:
                continue
            x0, x1 = min(x0, left), max(x1, right)
            top, bottom = min(top, self.height - high), max(bottom, self.height - low)
        if x0 == float("inf"):
            return None
        turn = self.turn()
        if turn == 90:
            x0, top, x1, bottom = self.height - bottom, x0, self.height - top, x1
        elif turn == 270:
            x0, top, x1, bottom = top, self.width - x1, bottom, self.width - x0
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
            # a digit's height beside the space (a separator's own box is a dot)
            height = max(rb - lb for la, lb, ra, rb in map(self._textpage.get_charbox, (r - 1, r + 1)))
            # Narrow in absolute terms (well under a digit's height: not a column gap) and
            # narrower than the line's other word spaces.
            # A word that starts with its decimal point (" .4 million", Saanich's annual report)
            # is no word of its own, even after a space as wide as the others.
            decimals = text[r + 1] in ".,"
            if height > 0 and g < 0.6 * height and (decimals or typical is None or g < 0.75 * typical):
                moves.append((r, m.end()))
        if not moves:
            return text, []
        chars = list(text)
        for r, q in moves:
            chars[r:q] = chars[r + 1:q] + [" "]
        return "".join(chars), moves


# Each alternative starts with a digit not preceded by a digit, point or comma; that digit is
# matched first, once for the three, and the look-behind follows it: a pattern that starts with
# what it consumes lets Python's re skip from digit to digit (a pass over a page was 9x slower).
_SPLIT_DIGITS = re.compile(
    r"\d(?<![\d.,]\d)(?:"
    r"\d{0,2}[.,] \d{3}(?!\d)"  # ‒ 2. 277
    r"|\d? \d{1,3}[.,]\d{3}(?![\d])"  # 1 4.862
    r"|[\d.,]* [.,]\d+(?![\d])"  # 11,062 .6
    r")"
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


def _load_page(pdf: Any, number: int, path: Path) -> tuple[Any, Any, str]:
    """Page ``number`` (1-based) open, its text page, and its text; closed again if reading fails."""
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
    except BaseException:
        textpage.close()
        page.close()
        raise
    return page, textpage, text


def map_pages(
    path: Path,
    fn: Callable[[PdfPage], T],
    *,
    password: str | None = None,
    pages: Iterable[int] | None = None,
    page_timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    require_text: bool = True,
    first: int = 0,
    on_first: Callable[[list[str]], object] | None = None,
) -> list[T]:
    """Call ``fn`` on each page (1-based numbers), one page open at a time; return the results.

    With ``on_first``, the first ``first`` pages are read before ``fn`` sees any page (without the
    time limit, as a pass of their own would be) and their texts given to ``on_first``, which may
    decide how ``fn`` reads (the document's language); they stay open until ``fn`` has had them,
    so each page is loaded once. Raises :class:`NoTextLayerError` when ``require_text`` and none
    of the pages has text.
    """
    pdf = open_pdf(path, password, max_bytes)
    results: list[T] = []
    seen_text = False
    loaded: dict[int, tuple[Any, Any, str]] = {}
    try:
        numbers = list(pages) if pages is not None else list(range(1, len(pdf) + 1))
        if on_first is not None:
            for number in numbers[:first]:
                if number not in loaded:
                    loaded[number] = _load_page(pdf, number, path)
            on_first([loaded[number][2] for number in numbers[:first]])
        for number in numbers:
            with _time_limit(page_timeout, path, number):
                page, textpage, text = loaded.pop(number) if number in loaded else _load_page(pdf, number, path)
                try:
                    if not seen_text and _VISIBLE.search(text):
                        seen_text = True
                    width, height = page.get_size()
                    results.append(fn(PdfPage(SourcePage(number, text), width, height, textpage, page.get_rotation())))
                finally:
                    textpage.close()
                    page.close()
        if require_text and numbers and not seen_text:
            raise NoTextLayerError(
                f"none of the {len(numbers)} pages has a text layer; the PDF is scanned and needs OCR first",
                path=str(path),
            )
    finally:
        for page, textpage, _ in loaded.values():  # read ahead, and left by an error before fn had them
            textpage.close()
            page.close()
        pdf.close()
    return results


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
        turn = _turn(page)
        if turn:
            # the page as its words were read, turned upright (see turned): the band is cut from
            # the page rendered turned, where the boxes are
            top, bottom = max(0.0, top), min(width, bottom)
            if bottom <= top:
                return None
            image = page.render(scale=scale, rotation=turn).to_pil().convert("RGB")
            return image.crop((0, round(top * scale), image.width, round(bottom * scale)))
        top, bottom = max(0.0, top), min(height, bottom)
        if bottom <= top:
            return None
        # crop = (left, bottom, right, top): the amounts to cut away, in points.
        bitmap = page.render(scale=scale, crop=(0, height - bottom, 0, top))
        return bitmap.to_pil().convert("RGB")


def page_size(path: Path, page_number: int) -> tuple[float, float] | None:
    """Width and height of a page in points as its words are read (a page whose text is set
    sideways as a whole turned upright: see turned), or None when there is no such page."""
    with _one_page(path, page_number) as page:
        if page is None:
            return None
        width, height = page.get_size()
        return (float(height), float(width)) if _turn(page) else (float(width), float(height))


def _turn(page: Any) -> int:
    """The turn that sets a page's text upright when it is set sideways as a whole (see turned)."""
    if page.get_rotation() != 0:
        return 0  # pdfplumber reads a rotated page, in the orientation it is displayed in
    textpage = page.get_textpage()
    try:
        return _text_turn(textpage, page.get_size()[1])
    finally:
        textpage.close()


_TURN_SAMPLE = 48  # characters whose matrix is looked at before a page's are read one by one


def _text_turn(textpage: pypdfium2.PdfTextPage, height: float) -> int:
    """See :func:`_turn`. Most pages' text is upright: a sample of the characters' matrices
    says so at a small cost; only a page where most of the sample lies sideways is read whole."""
    count = textpage.count_chars()
    if not count:
        return 0
    matrix = pdfium_c.FS_MATRIX()
    ref, raw, get_matrix = ctypes.byref(matrix), textpage.raw, pdfium_c.FPDFText_GetMatrix
    side = seen = 0
    for i in range(0, count, max(1, count // _TURN_SAMPLE)):
        if get_matrix(raw, i, ref):
            seen += 1
            side += abs(matrix.b) > abs(matrix.a)
    if 2 * side <= seen:
        return 0
    return _chars(textpage, height)[1]


# Words the way pdfplumber's extract_words makes them (x and y tolerance 3 pt), from pdfium's
# characters: pdfium reads a page in milliseconds where pdfplumber's parse of a budget table
# page takes a few hundred (pdfminer interprets thousands of drawing objects). pdfium's loose
# character boxes equal pdfplumber's horizontally and at the bottom (measured); a character is
# `size` high, as pdfplumber has it.
_WORD_TOLERANCE = 3.0
_SOFT_HYPHEN = "\ufffe"  # pdfium's end-of-line hyphen; pdfplumber has "-"



def page_words(path: Path, pages: Iterable[int], password: str | None = None) -> Iterator[tuple[int, float, float, list[Word] | None]]:
    """``(page, width, height, words)`` for each 1-based page; words in points, top-left origin.

    ``words`` is None for a rotated page, or one pdfium cannot map to characters: the caller
    reads those with pdfplumber, which has rotated pages covered by tests.
    """
    pdf = open_pdf(path, password)
    try:
        for number in pages:
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                if page.get_rotation() != 0:
                    yield number, float(width), float(height), None
                    continue
                textpage = page.get_textpage()
                try:
                    words, turn = _readable_words(textpage, width, height)
                    if turn:
                        width, height = height, width
                    yield number, float(width), float(height), words
                finally:
                    textpage.close()
            finally:
                page.close()
    finally:
        pdf.close()


# FPDFText_GetTextObject with an integer result: pypdfium2 declares it to return a pointer
# object, which cannot key a dict. Every character of one text object has the object's font
# size and matrix, so the size is asked for once per text object instead of once per character
# (the two calls it takes were a third of a table page's reading time). It and the loose box,
# the two calls made for every character, go without ctypes' argument types (the text page as a
# plain pointer, the index as a C int, the box by reference, as C declares them): converting the
# arguments took half of each call's time.
def _untyped(function: Any, restype: Any) -> Any:
    untyped = ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value or 0)
    untyped.argtypes = None  # type: ignore[assignment]  # None: no conversion, which typeshed does not list
    return untyped


_TEXT_OBJECT = _untyped(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_LOOSE_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_CHAR_BOX = _untyped(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)  # for PdfPage.bbox, per figure character


_CONTROL = re.compile("[\x00-\x1f]")
_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom, as C floats
_UNSET: Any = object()


def _readable_words(textpage: pypdfium2.PdfTextPage, width: float, height: float) -> tuple[list[Word] | None, int]:
    """The page's words, and the turn (see :func:`turned`) that set them upright; words None when
    pdfium gives control characters for glyphs it cannot map (a font without a usable character
    map: words read ".340" for "4.340", "nkopen" for "Inkopen"). pdfplumber reads such a page's
    figures whole, so the caller reads it with pdfplumber, as it does a rotated page."""
    chars, turn = _chars(textpage, height)
    if turn:
        chars = turned(chars, turn, width, height)
    words = _words(chars)
    # counted over the words joined, by the regex engine rather than a Python loop per character
    return (None if len(_CONTROL.findall("".join(w[0] for w in words))) >= 3 else words), turn


def turned(chars: list[Word], turn: int, width: float, height: float) -> list[Word]:
    """The characters of a page whose text is set sideways as a whole (a landscape table in a
    portrait page, without the page's /Rotate), in the page turned so that they read upright:
    ``turn`` 90 turns it clockwise (text that runs up the page), 270 counter-clockwise. Characters
    set the other way (a page number left upright) are left out by :func:`_chars`."""
    out: list[Word] = []
    append = out.append
    for ch, x0, x1, top, bottom, size in chars:
        if turn == 90:
            nx0, nx1, nbottom = height - bottom, height - top, x1
        else:
            nx0, nx1, nbottom = top, bottom, width - x0
        # (a character is `size` high, as upright ones are: see _chars)
        append((ch, nx0, nx1, nbottom - size, nbottom, size))
    return out


def _glyph_gap(page_handle: ctypes.c_void_p, before: int, after: int) -> float:
    """The horizontal gap between two characters' tight glyph boxes, in points."""
    boxes = [(ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()) for _ in (0, 1)]
    for k, box in zip((before, after), boxes):
        _CHAR_BOX(page_handle, k, *(ctypes.byref(v) for v in box))
    return boxes[1][0].value - boxes[0][1].value


def _chars(textpage: pypdfium2.PdfTextPage, height: float) -> tuple[list[Word], int]:
    """The page's characters in reading order, and 0, or the turn that sets the page upright when
    its text is set sideways as a whole (then only its sideways characters: see :func:`turned`)."""
    raw = textpage.raw
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    chars: list[Word] = []
    append = chars.append
    # One buffer each for every character's box and matrix; the ctypes calls are bound once
    # because this loop runs for every character of every tabular page.
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    read_rect = _RECT.unpack_from  # the box's four floats at once: a ctypes field read each cost more
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    loose_box = _LOOSE_CHAR_BOX
    page_handle = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    get_matrix = pdfium_c.FPDFText_GetMatrix
    font_size = pdfium_c.FPDFText_GetFontSize
    text_object = _TEXT_OBJECT
    sizes: dict[int, float | None] = {}
    # Text objects set sideways: a margin title up the side of a form's lines ("Contributions, Gifts,
    # Grants") would be read one character to a line, through the labels; sideways words within
    # the text stay (rotated column headings, a chart's axis labels).
    sideways: set[int] = set()
    side_at: dict[int, list[int]] = {}  # where in ``chars`` each sideways object's characters stand
    up: dict[int, bool] = {}  # each sideways object: does its text run up the page?
    loose_top: dict[int, float] = {}  # a sideways character's own top, before it is made `size` high
    for i, ch in enumerate(text[:count]):
        if ch in "\r\n\x00":
            continue
        if ch == _SOFT_HYPHEN:
            ch = "-"
        loose_box(page_handle, i, rect_ref)
        left, high, right, low = read_rect(rect)
        space = ch.isspace()
        size: float | None
        if space:
            # A space only ends words: it takes its neighbour's size (so it stays in that run
            # of characters, which are grouped by size) instead of a lookup of its own.
            size = chars[-1][5] if chars else None
        else:
            key = text_object(page_handle, i)
            size = sizes.get(key, _UNSET) if key else _UNSET  # type: ignore[assignment]
            if size is _UNSET:
                # The font size in page space: font size times the text matrix's y scale.
                size = None
                if get_matrix(raw, i, matrix_ref):
                    size = round(font_size(raw, i) * (matrix.b ** 2 + matrix.d ** 2) ** 0.5, 3)
                    if key and abs(matrix.b) > abs(matrix.a):
                        sideways.add(key)
                        up[key] = matrix.b > 0
                if key:
                    sizes[key] = size
            if key in sideways:
                side_at.setdefault(key, []).append(len(chars))
                loose_top[len(chars)] = height - high
        if space and (right <= left or high <= low):
            # A space pdfium generated between words has no box: it still ends the word, except
            # between two digits, where pdfplumber (whose words the table checker was built
            # on) sees one number; columns apart are split by the 3 pt gap rule anyway.
            if not chars:
                continue
            if chars[-1][0].isdigit() and i + 1 < count and text[i + 1].isdigit():
                # ... unless the glyphs stand further apart than pdfplumber joins characters
                # (their tight boxes: "433 350 860" set with word spaces in 11 pt type is three
                # groups, "98 452" in 5.76 pt type one number)
                if _glyph_gap(page_handle, i - 1, i + 1) <= _WORD_TOLERANCE:
                    continue
            prev = chars[-1]
            x0 = x1 = prev[2]
            top, bottom = prev[3], prev[4]
        else:
            x0, x1, top, bottom = left, right, height - high, height - low
        if size:
            top = bottom - size
        append((ch, x0, x1, top, bottom, size or bottom - top))
    if not side_at:
        return chars, 0
    side = {k for at in side_at.values() for k in at}
    if 2 * len(side) <= len(chars):
        return _without_sideways_titles(chars, side_at), 0
    if not _runs_down_the_page(chars, side, loose_top):
        return chars, 0  # a text matrix set sideways that the page's drawing turns back upright
    # a page set sideways as a whole: its sideways characters, with their own boxes, to be turned
    # the way most of them run (see turned); the few set upright (a page number) are left out
    rising = 2 * sum(len(at) for key, at in side_at.items() if up[key]) >= len(side)
    kept: list[Word] = []
    for k, c in enumerate(chars):
        if k in side:
            kept.append((c[0], c[1], c[2], loose_top[k], c[4], c[5]))
        elif c[0].isspace() and kept and k - 1 in side:
            # a space ends the word where the character before it ends, along the line
            ch, x0, x1, top, bottom, size = kept[-1]
            end = top if rising else bottom
            kept.append((c[0], x0, x1, end, end, size))
    return kept, 90 if rising else 270


def _runs_down_the_page(chars: list[Word], side: set[int], loose_top: dict[int, float]) -> bool:
    """Do most neighbouring sideways characters follow each other up or down the page, as text
    set sideways does? (A text matrix set sideways may be drawn upright by the page's own
    transformation, which the character's matrix does not show: its boxes do.)"""
    vertical = across = 0
    for k in side:
        if k + 1 in side and not chars[k][0].isspace() and not chars[k + 1][0].isspace():
            a, b = chars[k], chars[k + 1]
            if abs(loose_top[k + 1] - loose_top[k]) > abs(b[1] - a[1]):
                vertical += 1
            else:
                across += 1
    return vertical > across


def _without_sideways_titles(chars: list[Word], side_at: dict[int, list[int]]) -> list[Word]:
    """The characters less each sideways text object with no upright text left of it beside it: a
    title up a form's margin. Sideways words within the page's text stay, as they were read before
    (a rotated column heading marks the header band; a chart's rotated axis labels keep its axis
    from being read as a column of figures)."""
    side = {k for at in side_at.values() for k in at}
    upright = [c for k, c in enumerate(chars) if k not in side and not c[0].isspace()]
    if not upright:
        return chars
    # a section's tab set sideways in the outer margin ("Governance", "Financial statements" up
    # the right edge of an annual report's pages), beyond all the upright text of the page, is
    # read into the table rows beside it otherwise
    left, right = min(c[1] for c in upright), max(c[2] for c in upright)
    drop: set[int] = set()
    for at in side_at.values():
        x0 = min(chars[k][1] for k in at)
        top = min(chars[k][3] for k in at)
        bottom = max(chars[k][4] for k in at)
        if x0 >= right or max(chars[k][2] for k in at) <= left or not any(
                c[2] <= x0 and c[3] < bottom and top < c[4] for c in upright):
            drop.update(at)
    return [c for k, c in enumerate(chars) if k not in drop] if drop else chars


def _size_runs(chars: list[Word]) -> Iterator[list[Word]]:
    """The runs of consecutive characters whose sizes round (to 0.01) alike: runs of one exact
    size are found at C speed, then neighbours that round alike are joined (a key function per
    character was a fifth of reading a table page's words)."""
    group: list[Word] = []
    key = None
    for size, run in itertools.groupby(chars, key=_SIZE):
        rounded = round(size, 2)
        if group and rounded != key:
            yield group
            group = []
        group.extend(run)
        key = rounded
    if group:
        yield group


_SIZE = operator.itemgetter(5)
_TOP = operator.itemgetter(3)
_X0 = operator.itemgetter(1)


def _words(chars: list[Word]) -> list[Word]:
    """pdfplumber's rules: group by font size in reading order, cluster lines by top, sort by x,
    and start a word at a space, a step back, a gap over 3 pt or a change of line."""
    tolerance = _WORD_TOLERANCE
    words: list[Word] = []
    append = words.append
    for group in _size_runs(chars):
        line_of: dict[float, int] = {}
        line, last = 0, None
        for top in sorted(set(map(_TOP, group))):
            if last is not None and top > last + tolerance:
                line += 1
            line_of[top] = line
            last = top
        # The characters of a line, in the order they come: the lines are numbered upwards from
        # 0, so a list of lists indexed by line replaces a dict (one lookup per character).
        lines: list[list[Word]] = [[] for _ in range(line + 1)]
        for ch, number in zip(group, map(line_of.__getitem__, map(_TOP, group))):
            lines[number].append(ch)
        for in_line in lines:
            if not in_line:
                continue
            # The word being built: its characters and its box so far (this loop sees every
            # character of a table page, so the box grows as it goes instead of a second pass).
            parts: list[str] = []
            x0 = x1 = top = bottom = size = prev_x0 = prev_x1 = prev_top = 0.0
            in_line.sort(key=_X0)
            for text, c_x0, c_x1, c_top, c_bottom, c_size in in_line:
                if text.isspace():
                    if parts:
                        append(("".join(parts), x0, x1, top, bottom, size))
                        parts = []
                    continue
                if parts and not (c_x0 < prev_x0 or c_x0 > prev_x1 + tolerance or abs(c_top - prev_top) > tolerance):
                    parts.append(text)
                    # max() and min() as comparisons: a call each per character cost a tenth
                    if c_x1 > x1:
                        x1 = c_x1
                    if c_top < top:
                        top = c_top
                    if c_bottom > bottom:
                        bottom = c_bottom
                else:
                    if parts:
                        append(("".join(parts), x0, x1, top, bottom, size))
                    parts = [text]
                    x0, x1, top, bottom, size = c_x0, c_x1, c_top, c_bottom, c_size
                prev_x0, prev_x1, prev_top = c_x0, c_x1, c_top
            if parts:
                append(("".join(parts), x0, x1, top, bottom, size))
    return words
