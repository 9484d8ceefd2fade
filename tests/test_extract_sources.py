"""Bad input: each kind gets its own FC30x error with a one-line message; good PDFs give text and boxes."""

from __future__ import annotations

import base64
from pathlib import Path

import pypdfium2
import pytest

from factcheck.errors import SourceError
from factcheck.extract import extract_document
from factcheck.sources import pdf_text
from factcheck.sources.errors import (
    CorruptSourceError,
    EmptySourceError,
    EncryptedSourceError,
    MissingSourceError,
    NoTextLayerError,
    PageTimeoutError,
    SourceTooLargeError,
    UndecodableSourceError,
    UnsupportedSourceError,
)

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "tests" / "pdfs"

# A one-page PDF ("De kostprijs van noodopvang is €55.700 per plek."), AES-256 encrypted by qpdf
# with the password "secret".
ENCRYPTED_PDF = base64.b64decode(
    "JVBERi0xLjcKJb/3ov4KMSAwIG9iago8PCAvRXh0ZW5zaW9ucyA8PCAvQURCRSA8PCAvQmFzZVZlcnNpb24gLzEuNyAvRXh0ZW5z"
    "aW9uTGV2ZWwgOCA+PiA+PiAvUGFnZXMgMiAwIFIgL1R5cGUgL0NhdGFsb2cgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL0NvdW50IDEg"
    "L0tpZHMgWyAzIDAgUiBdIC9UeXBlIC9QYWdlcyA+PgplbmRvYmoKMyAwIG9iago8PCAvQ29udGVudHMgNCAwIFIgL01lZGlhQm94"
    "IFsgMCAwIDU5NSA4NDIgXSAvUGFyZW50IDIgMCBSIC9SZXNvdXJjZXMgPDwgL0ZvbnQgPDwgL0YxIDUgMCBSID4+ID4+IC9UeXBl"
    "IC9QYWdlID4+CmVuZG9iago0IDAgb2JqCjw8IC9MZW5ndGggMTEyIC9GaWx0ZXIgL0ZsYXRlRGVjb2RlID4+CnN0cmVhbQqPKLnK"
    "GI9t3F+YkWs4SSbJjl/5QJZIZQ9HwvMMvaypcx8cH6ir+h0gPVmdrQR2/UyVADfCYJgaQgwTbwLgGwrZPAjsBC6wLkHTrkmjAr0v"
    "9+1n+9+6WVVqg2CHx0jZVPV8LYxLuGg8MniCt2bLOCJkZW5kc3RyZWFtCmVuZG9iago1IDAgb2JqCjw8IC9CYXNlRm9udCAvSGVs"
    "dmV0aWNhIC9FbmNvZGluZyAvV2luQW5zaUVuY29kaW5nIC9TdWJ0eXBlIC9UeXBlMSAvVHlwZSAvRm9udCA+PgplbmRvYmoKNiAw"
    "IG9iago8PCAvQ0YgPDwgL1N0ZENGIDw8IC9BdXRoRXZlbnQgL0RvY09wZW4gL0NGTSAvQUVTVjMgL0xlbmd0aCAzMiA+PiA+PiAv"
    "RmlsdGVyIC9TdGFuZGFyZCAvTGVuZ3RoIDI1NiAvTyA8Mjc1MWExNGIzNTQ0MzRhZWZhOGFhNjllYzFkMDUzNDI4YTE4ZGJkMjBi"
    "MmNjNThhY2UwMDMwZjZhNDYwYTkyNDVhMjQ5YjljNjgyZDE3MjAxYmJmMWI1OTlhZGJhMmIxPiAvT0UgPGYxMmZkOTJkZmU1OGM2"
    "ODk1ZjQwNGJiNmQ4NzdiZjRjYTNlOWFmODAxMTRhZGI2OGQ2MDI1ODZjOTNlMzVlM2Q+IC9QIC00IC9QZXJtcyA8MTYxYWM1ZWJk"
    "MDY1MTBkZTFhMmY1MjRjZThhZDIxYjI+IC9SIDYgL1N0bUYgL1N0ZENGIC9TdHJGIC9TdGRDRiAvVSA8MjhkNzQ5MzA5OWM2MzFm"
    "ZjBjNmYzMWY1ZTYzYTkzZTNhYzU3MDMyNmJmZTEwZDU0YWIxY2M0MWIyMWZhZWY3YjE3MDBlNzA5MjNjMzkyZTM3Njk5MjY5YTFh"
    "M2QxMTEwPiAvVUUgPDI1M2E5ZTk0MGE5ZjQyNjRiNjE4N2UxMzE1ODA1ODBiYjI5N2E3M2Q0MWRiMjI5MTAyZjY2ZjI3NWUzNTU4"
    "MzU+IC9WIDUgPj4KZW5kb2JqCnhyZWYKMCA3CjAwMDAwMDAwMDAgNjU1MzUgZiAKMDAwMDAwMDAxNSAwMDAwMCBuIAowMDAwMDAw"
    "MTMwIDAwMDAwIG4gCjAwMDAwMDAxODkgMDAwMDAgbiAKMDAwMDAwMDMxNyAwMDAwMCBuIAowMDAwMDAwNTAwIDAwMDAwIG4gCjAw"
    "MDAwMDA1OTcgMDAwMDAgbiAKdHJhaWxlciA8PCAvUm9vdCAxIDAgUiAvU2l6ZSA3IC9JRCBbPDZkYTJkZmQwZDFkYTJlZjhiODUw"
    "Nzk2MzNhNmQ0NjliPjw2ZGEyZGZkMGQxZGEyZWY4Yjg1MDc5NjMzYTZkNDY5Yj5dIC9FbmNyeXB0IDYgMCBSID4+CnN0YXJ0eHJl"
    "ZgoxMTQ0CiUlRU9GCg=="
)


def make_pdf(pages: list[list[str]], raw: list[bytes] | None = None) -> bytes:
    """A small valid PDF with Helvetica text lines (WinAnsi, so € works), one list per page.

    ``raw`` gives a page's text operators directly instead (for kerning tricks).
    """
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = 1 + 2 * len(pages) + 1
    kids = []
    for number, lines in enumerate(pages):
        body = raw[number] if raw else b"".join(
            b"(" + line.encode("cp1252").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '\n" for line in lines
        )
        content = b"BT /F1 11 Tf 72 760 Td 14 TL\n" + body + b"ET"
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_id, font, stream)
        ))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    return out


def _one_line(exc: SourceError, code: str) -> None:
    text = str(exc)
    assert exc.code == code
    assert "\n" not in text and f": {code} " in text


def test_encrypted_pdf_needs_password(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    path.write_bytes(ENCRYPTED_PDF)
    with pytest.raises(EncryptedSourceError) as info:
        extract_document(path)
    _one_line(info.value, "FC301")
    assert "--password" in str(info.value)
    with pytest.raises(EncryptedSourceError, match="wrong"):
        extract_document(path, password="nope")
    doc = extract_document(path, password="secret")
    assert [(c["stated"], c["value"]) for c in doc.claims] == [("€55.700", "55700")]


@pytest.mark.parametrize("content", [b"this is not a pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50])
def test_corrupt_or_fake_pdf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(CorruptSourceError) as info:
        extract_document(path)
    _one_line(info.value, "FC302")


def test_truncated_real_pdf(tmp_path: Path) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes((PDFS / "labor.pdf").read_bytes()[:4000])
    with pytest.raises(CorruptSourceError):
        extract_document(path)


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    pdf.save(str(path))
    with pytest.raises(NoTextLayerError, match="OCR") as info:
        extract_document(path)
    _one_line(info.value, "FC303")


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(EmptySourceError) as info:
        extract_document(path)
    _one_line(info.value, "FC304")


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \n")
    with pytest.raises(EmptySourceError):
        extract_document(path)


def test_size_limit(tmp_path: Path) -> None:
    with pytest.raises(SourceTooLargeError, match="--max-size") as info:
        extract_document(PDFS / "labor.pdf", max_bytes=10_000)
    _one_line(info.value, "FC305")


def test_page_time_limit(tmp_path: Path) -> None:
    with pytest.raises(PageTimeoutError, match="page 1") as info:
        extract_document(PDFS / "labor.pdf", page_timeout=1e-9)
    _one_line(info.value, "FC306")


def test_unsupported_and_binary_and_missing(tmp_path: Path) -> None:
    docx = tmp_path / "notes.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(UnsupportedSourceError) as info:
        extract_document(docx)
    _one_line(info.value, "FC307")
    with pytest.raises(MissingSourceError) as info:
        extract_document(tmp_path / "nothing-here.pdf")
    _one_line(info.value, "FC308")
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"abc\x00\x01\x02" * 10)
    with pytest.raises(UndecodableSourceError) as info:
        extract_document(binary)
    _one_line(info.value, "FC309")


def test_text_from_generated_pdf_with_boxes(tmp_path: Path) -> None:
    path = tmp_path / "two-pages.pdf"
    path.write_bytes(make_pdf([["Er verblijven 30.343 asielzoekers in de noodopvang."],
                               ["De kostprijs van noodopvang is €55.700 per jaar."]]))
    doc = extract_document(path)
    assert doc.pages == 2
    first, second = doc.claims
    assert (first["value"], first["where"]["page"], first["where"]["line"]) == ("30343", 1, 1)
    assert (second["value"], second["unit"], second["where"]["page"]) == ("55700", "EUR / year", 2)
    x0, top, x1, bottom = second["where"]["bbox"]
    assert 72 <= x0 < x1 < 595 and 0 < top < bottom < 120  # near the top of an A4 page


def test_charbox_indices_line_up_with_text() -> None:
    def probe(page: pdf_text.PdfPage):
        text = page.source.text
        import re

        m = re.search(r"€\s*\d[\d.]*", text)
        assert m is not None
        return page.bbox(m.start(), m.start() + 1), page.bbox(m.start(), m.end())

    (euro, figure), = pdf_text.map_pages(PDFS / "1_De_Koning.pdf", probe)
    assert euro is not None and figure is not None
    assert euro[0] == figure[0] and figure[2] > euro[2]


def test_the_first_pages_are_read_ahead_and_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # extract reads the first pages' text (language, title) before any page is analysed; those
    # pages stay open for their turn instead of being loaded a second time
    loads: list[int] = []
    get_page = pypdfium2.PdfDocument.get_page

    def counting(self: pypdfium2.PdfDocument, index: int) -> pypdfium2.PdfPage:
        loads.append(index + 1)
        return get_page(self, index)

    monkeypatch.setattr(pypdfium2.PdfDocument, "get_page", counting)
    events: list[object] = []

    def probe(page: pdf_text.PdfPage) -> str:
        events.append(page.source.number)
        return page.source.text

    texts = pdf_text.map_pages(PDFS / "fichebundel-85.pdf", probe, first=2,
                               on_first=lambda sample: events.append(list(sample)))
    assert events == [texts[:2], 1, 2, 3]
    assert loads == [1, 2, 3]
    assert "\n".join(texts).strip()  # the pages have text
    doc = extract_document(PDFS / "fichebundel-85.pdf")
    assert doc.header["language"] == "nl" and doc.header["title"] and doc.pages == 3


def test_a_space_before_the_decimal_point_is_joined() -> None:
    # District of Saanich's annual report: the text layer prints "$27 .4 million or 11 .9%", with
    # a space as wide as a word space: a word that starts with its decimal point is no word
    def probe(page: pdf_text.PdfPage) -> str:
        return page.joined_text()[0]

    (text,) = pdf_text.map_pages(Path(__file__).parent / "unseen" / "docs" / "enaud-01.pdf", probe, pages=[2])
    assert "Total expenses increased by $27.4 million or 11.9" in " ".join(text.split())


def test_html_source(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><head><style>p{}</style></head><body><h2>Kosten</h2>"
                    "<p>De kostprijs is &euro;55.700 per plek.</p><script>var x = 12345;</script></body></html>")
    doc = extract_document(path)
    assert [(c["stated"], c["unit"], c["where"]["section"] if "section" in c["where"] else None)
            for c in doc.claims] == [("€55.700", "EUR / place", None)]


def test_split_digits_are_joined_where_the_layout_says_so(tmp_path: Path) -> None:
    """`2. 277` with a hair-thin space is one number (2277); with a normal space it is not joined."""
    tight = b"[(Het tekort is ) (2.) 250 ( 277) ( miljoen euro volgens de raming van dit jaar.)] TJ\n"
    loose = b"[(Het tekort is 2. 277 miljoen euro volgens de raming van dit jaar.)] TJ\n"
    path = tmp_path / "split.pdf"
    path.write_bytes(make_pdf([[""], [""]], raw=[tight, loose]))
    doc = extract_document(path)
    by_page = {p: [(c["stated"], c["value"]) for c in doc.claims if c["where"]["page"] == p] for p in (1, 2)}
    assert by_page[1] == [("2.277 miljoen euro", "2277000000")]
    assert ("277 miljoen euro", "277000000") in by_page[2]
    claim = next(c for c in doc.claims if c["where"]["page"] == 1)
    start, end = claim["where"]["span"]
    assert end - start == len("2. 277 miljoen euro")


def test_pdf_with_no_pages(tmp_path: Path) -> None:
    path = tmp_path / "nothing.pdf"
    path.write_bytes(make_pdf([]))
    with pytest.raises((EmptySourceError, CorruptSourceError)):
        extract_document(path)
