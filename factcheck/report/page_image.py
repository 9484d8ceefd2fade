"""A picture of the part of a PDF page a claim was read from, with the figure outlined.

Used by the HTML report, which embeds the PNG as a ``data:`` URI. Boxes are in PDF points with
the origin at the top left of the page, as pdfplumber gives them: ``[x0, top, x1, bottom]``.
The crop spans the page width (so the whole line of text shows) and a band above and below the
box. Anything that goes wrong (no PDF, a page that is not there, a damaged file) gives ``None``:
a report without a picture is better than no report.

The page is rendered by :mod:`factcheck.sources.pdf_text` (the pdfium module); this is the only
module that imports Pillow, to outline the figure and write the PNG.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from factcheck.errors import FactcheckError

__all__ = ["crop_png", "claim_image_uri", "source_pdf"]

MARGIN = 28.0  # points above and below the box
SCALE = 2.0  # pixels per point (144 dpi): sharp on phones, small enough to embed
MAX_PIXELS = 1600 * 1200  # a picture larger than this is not rendered


def _bbox(value: Any) -> tuple[float, float, float, float] | None:
    if not isinstance(value, Sequence) or isinstance(value, (str, bytes)) or len(value) != 4:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    if not (x1 > x0 and bottom > top):
        return None
    return x0, top, x1, bottom


def crop_png(pdf_path: str | Path, page_number: int, bbox: Sequence[float], *, scale: float = SCALE) -> bytes | None:
    """PNG bytes of page ``page_number`` (1-based) around ``bbox``, the box outlined in red; ``None`` on failure."""
    box = _bbox(bbox)
    if box is None or page_number < 1:
        return None
    try:
        return _crop_png(str(Path(pdf_path).resolve()), _mtime(pdf_path), page_number, box, scale)
    except (FactcheckError, OSError, ValueError, MemoryError):  # damaged or unusual PDFs: no picture
        return None


def _mtime(path: str | Path) -> float:
    return Path(path).stat().st_mtime


@lru_cache(maxsize=64)
def _crop_png(
    path: str, _mtime: float, page_number: int, box: tuple[float, float, float, float], scale: float
) -> bytes | None:
    from PIL import ImageDraw

    from factcheck.sources.pdf_text import page_size, render_band

    x0, top, x1, bottom = box
    size = page_size(Path(path), page_number)
    if size is None:
        return None
    width, height = size
    band_top = max(0.0, top - MARGIN)
    band_bottom = min(height, bottom + MARGIN)
    if band_bottom <= band_top or x0 >= width or top >= height:
        return None
    if width * scale * (band_bottom - band_top) * scale > MAX_PIXELS:
        scale = max(0.5, (MAX_PIXELS / (width * (band_bottom - band_top))) ** 0.5)
    image = render_band(Path(path), page_number, band_top, band_bottom, scale)
    if image is None:
        return None
    draw = ImageDraw.Draw(image)
    pad = 2.0
    rect = (
        (x0 - pad) * scale,
        (top - band_top - pad) * scale,
        (x1 + pad) * scale,
        (bottom - band_top + pad) * scale,
    )
    draw.rectangle(rect, outline=(220, 20, 60), width=max(2, int(scale)))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def source_pdf(document_path: str | None, source: str | None) -> Path | None:
    """The document's PDF: ``source`` relative to the claim file's folder, when it exists."""
    if not source or not str(source).lower().endswith(".pdf"):
        return None
    base = Path(document_path).parent if document_path else Path.cwd()
    pdf = Path(source)
    if not pdf.is_absolute():
        pdf = base / pdf
    return pdf if pdf.is_file() else None


def claim_image_uri(document_path: str | None, source: str | None, where: Mapping[str, Any] | None) -> str | None:
    """A ``data:image/png;base64,…`` URI for a claim's ``where: {page, bbox}``, or ``None``."""
    if not where or not hasattr(where, "get"):
        return None
    page, bbox = where.get("page"), where.get("bbox")
    if bbox is None or page is None:
        return None
    try:
        page_number = int(page)
    except (TypeError, ValueError):
        return None
    pdf = source_pdf(document_path, source)
    if pdf is None:
        return None
    png = crop_png(pdf, page_number, bbox)
    if png is None:
        return None
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
