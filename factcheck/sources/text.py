"""Plain-text and HTML sources: the whole file is one "page" whose lines are the file's lines.

Also holds what every source shares: :class:`SourcePage`, the file checks (missing, empty,
too large) and the file's sha256.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from factcheck.sources.errors import (
    EmptySourceError,
    MissingSourceError,
    SourceTooLargeError,
    UndecodableSourceError,
)

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class SourcePage:
    """The text of one page (or of a whole text file) as the scanner reads it.

    ``number`` is the 1-based PDF page, or ``None`` for a text file. Offsets into ``text``
    are the ``span`` of a figure; for PDFs they are pdfium's character indices on the page,
    which line up with its per-character boxes. Lines are separated by ``\\n`` (PDF text
    uses ``\\r\\n``; the ``\\r`` is kept so offsets stay aligned).
    """

    number: int | None
    text: str


def check_file(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> int:
    """Raise the typed error for a missing, empty or too large file; return its size."""
    try:
        st = path.stat()
    except OSError as exc:
        raise MissingSourceError(f"cannot open: {exc.strerror or exc}", path=str(path)) from None
    if not path.is_file():
        raise MissingSourceError("not a file", path=str(path))
    if st.st_size == 0:
        raise EmptySourceError("the file is empty", path=str(path))
    if max_bytes is not None and st.st_size > max_bytes:
        raise SourceTooLargeError(
            f"the file is {st.st_size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB "
            "(raise it with --max-size)",
            path=str(path),
        )
    return st.st_size


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def decode_text(data: bytes, path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else Windows-1252; refuse binary."""
    if b"\x00" in data[:65536]:
        raise UndecodableSourceError("this looks like a binary file, not text", path=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UndecodableSourceError(
            f"cannot decode the text (not UTF-8 or Windows-1252) at byte {exc.start}", path=str(path)
        ) from None
    return text


class _HTMLText(HTMLParser):
    """Visible text of an HTML page with a line break at every block element."""

    BLOCKS = frozenset({
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
        "article", "header", "footer", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr",
    })
    SKIP = frozenset({"script", "style", "head", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, one block per line."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return html.unescape("\n".join(out).strip()) + "\n"


def read_text_source(path: Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> list[SourcePage]:
    """Read a plain-text or HTML file as one page. Line numbers are the file's own."""
    check_file(path, max_bytes)
    data = path.read_bytes()
    text = decode_text(data, path)
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*(<!doctype html|<html)", text[:512], re.IGNORECASE):
        text = html_to_text(text)
    if not text.strip():
        raise EmptySourceError("the file holds only whitespace", path=str(path))
    # Normalise line ends so that line numbers match what editors show.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourcePage(number=None, text=text)]


def is_text_path(path: Path) -> bool:
    """Whether the file name says plain text or HTML."""
    return path.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES


__all__ = [
    "DEFAULT_MAX_BYTES",
    "SourcePage",
    "check_file",
    "decode_text",
    "html_to_text",
    "is_text_path",
    "read_text_source",
    "sha256_of",
]
