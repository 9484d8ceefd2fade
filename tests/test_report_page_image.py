"""Pictures of the PDF page a claim came from, embedded in the HTML report."""

from __future__ import annotations

import base64
import io
import re
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from factcheck.model import Claim, ClaimFile, Document, Location, Result, Verdict
from factcheck.report import render
from factcheck.report.page_image import claim_image_uri, crop_png
from factcheck.report.view import SimpleRun

BOX = [100, 300, 200, 320]  # x0, top, x1, bottom in points, top-left origin


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    """A one-page 595×842 pt PDF with a black block exactly where BOX is."""
    page = Image.new("RGB", (595, 842), "white")
    ImageDraw.Draw(page).rectangle((104, 304, 196, 316), fill="black")
    path = tmp_path / "doc.pdf"
    page.save(path, "PDF", resolution=72.0)
    return path


def _run(tmp_path: Path, source: str, where: dict) -> SimpleRun:
    doc = Document(id="doc", path=str(tmp_path / "claims.yaml"), title="A PDF", source=source, language="en")
    claim = Claim(
        id="total",
        document_id="doc",
        location=Location(doc.path, 3, 5),
        stated="12",
        value=Fraction(12),
        expr="a + b",
        quote="Total 12",
        where=where,
    )
    result = Result(
        claim=claim,
        document=doc,
        verdict=Verdict.CONSISTENT,
        explanation="ok",
        computed=Fraction(12),
        stated_value=Fraction(12),
    )
    return SimpleRun([result], [], [ClaimFile(doc, (claim,))])


def test_crop_outlines_the_box(pdf: Path) -> None:
    png = crop_png(pdf, 1, BOX)
    assert png is not None
    image = Image.open(io.BytesIO(png)).convert("RGB")
    scale = 2
    assert image.size == (595 * scale, (320 + 28 - (300 - 28)) * scale)
    # The black block sits 28 pt below the top of the crop; the red outline surrounds it.
    assert image.getpixel((150 * scale, (310 - 272) * scale)) == (0, 0, 0)
    red = image.getpixel(((100 - 2) * scale, (310 - 272) * scale))
    assert red[0] > 180 and red[1] < 80 and red[2] < 100


def test_html_embeds_the_picture_as_a_data_uri(pdf: Path, tmp_path: Path) -> None:
    html = render(_run(tmp_path, "doc.pdf", {"page": 1, "bbox": BOX}), "html", full=True)
    match = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"', html)
    assert match is not None
    assert base64.b64decode(match.group(1)).startswith(b"\x89PNG")
    assert "page 1" in match.group(2)
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing loaded from the network


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("missing.pdf", {"page": 1, "bbox": BOX}),  # no such file
        ("doc.pdf", {"page": 7, "bbox": BOX}),  # no such page
        ("doc.pdf", {"page": 1}),  # no box
        ("doc.pdf", {"page": 1, "bbox": [1, 2, 3]}),  # not a box
        ("doc.pdf", {"page": 1, "bbox": [200, 300, 100, 320]}),  # x1 < x0
        ("doc.pdf", {"page": "one", "bbox": BOX}),
        ("doc.txt", {"page": 1, "bbox": BOX}),  # not a PDF
        (None, {"page": 1, "bbox": BOX}),
    ],
)
def test_no_picture_when_it_cannot_be_made(pdf: Path, tmp_path: Path, source: str | None, where: dict) -> None:
    assert claim_image_uri(str(tmp_path / "claims.yaml"), source, where) is None
    html = render(_run(tmp_path, source or "", where), "html", full=True)
    assert "data:image/png" not in html


def test_damaged_pdf_gives_no_picture(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n garbage \x00\xff")
    assert claim_image_uri(str(tmp_path / "claims.yaml"), "bad.pdf", {"page": 1, "bbox": BOX}) is None


LABOR = Path(__file__).parent / "pdfs" / "labor.pdf"


@pytest.mark.skipif(not LABOR.is_file(), reason="tests/pdfs/labor.pdf is not here")
def test_real_pdf_crop() -> None:
    # "2020" on page 1 of the US Department of Labor PDF, boxed as the extractor boxes it.
    png = crop_png(LABOR, 1, [212.84, 577.78, 237.03, 587.24])
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.size[0] == 612 * 2 and 100 < image.size[1] < 200
    # Some red outline pixels exist around the figure.
    rgb = image.convert("RGB")
    reds = sum(1 for x in range(400, 500) for y in range(0, image.size[1]) if rgb.getpixel((x, y))[0] > 180
               and rgb.getpixel((x, y))[1] < 80)
    assert reds > 50


@pytest.mark.skipif(not LABOR.is_file(), reason="tests/pdfs/labor.pdf is not here")
def test_claim_file_from_a_pdf_gets_a_picture_in_the_html(tmp_path: Path) -> None:
    engine = pytest.importorskip("factcheck.engine")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "labor.pdf").write_bytes(LABOR.read_bytes())
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "labor.yaml").write_text(
        "document:\n  id: labor\n  source: ../docs/labor.pdf\n  language: en\nclaims:\n"
        "  - id: start\n    stated: \"2010\"\n  - id: span\n    stated: \"10\"\n"
        "  - id: end\n    stated: \"2020\"\n    expr: start + span\n"
        "    quote: \"rise 20.5 million between 2010 and 2020\"\n"
        "    where: {page: 1, bbox: [212.84, 577.78, 237.03, 587.24]}\n",
        encoding="utf-8",
    )
    run = engine.check_paths([claims])
    assert [r.verdict for r in run.results] == [Verdict.CONSISTENT]
    html = render(run, "html", full=True)
    assert html.count('<img src="data:image/png;base64,') == 1
    assert "<mark>2020</mark>" in html
