"""Document -> claims: read the source, scan each page, add context and ids.

Per page (in a worker process when ``jobs > 1``): table regions, the figure grammar, the
sentence and subject of each figure, boxes for PDFs. Then, in page order: the Q&A question
and asker or the section heading each figure stands under, and readable ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.extract import context, tables
from factcheck.extract.currency import apply_dollar, country_mentions, document_dollar
from factcheck.extract.ids import assign_ids
from factcheck.extract.scan import Found, get_scanner, spaced_thousands
from factcheck.model import Hedge
from factcheck.numbers import decimal_string
from factcheck.sources.errors import (
    EmptySourceError,
    NoTextLayerError,
    UnsupportedSourceError,
)
from factcheck.sources.tabular import has_table_body, has_total_word, looks_tabular
from factcheck.sources.text import (
    DEFAULT_MAX_BYTES,
    SourcePage,
    check_file,
    is_text_path,
    read_text_source,
    sha256_of,
)

_NL_STOP = {"de", "het", "een", "van", "en", "is", "dat", "niet", "voor", "op", "zijn", "met", "wordt", "worden",
            "ook", "bij", "naar", "deze", "aan", "als", "om", "er", "door", "wij", "ik", "zij"}
_EN_STOP = {"the", "of", "and", "to", "is", "that", "for", "with", "are", "be", "by", "was", "this", "on", "as",
            "it", "from", "which", "or", "were", "have", "has", "not", "an"}


def detect_language(text: str) -> str:
    """'nl' or 'en' by counting common function words (ties go to Dutch)."""
    nl = en = 0
    for word in re.findall(r"[a-z]+", text[:200_000].lower()):
        if word in _NL_STOP:
            nl += 1
        elif word in _EN_STOP:
            en += 1
    return "en" if en > nl else "nl"


@dataclass
class PageResult:
    """What one page yields; plain data so it can cross a process boundary."""

    number: int | None
    figures: list[dict[str, Any]] = field(default_factory=list)
    nonfigures: list[dict[str, Any]] = field(default_factory=list)
    markers: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, kind, value)
    tables: list[dict[str, Any]] = field(default_factory=list)
    skipped_in_tables: int = 0
    has_text: bool = False
    edge_signatures: list[str] = field(default_factory=list)
    tabular: bool = False  # worth a table-totals check (factcheck.sources.tabular)
    table_end: bool = False  # a total-like word or a table body: a table from the page before may run on here
    # Filled only when extraction reads tables as it goes (``table_totals=True``): the page's tables
    # (factcheck.tables.Table), None when its words were not read.
    found_tables: list[Any] | None = None
    table_warnings: list[str] = field(default_factory=list)
    rotated: bool = False  # a tabular page pdfium's words do not cover (rotated, or garbled); pdfplumber reads it later
    dollar_countries: dict[str, int] = field(default_factory=dict)  # see factcheck.extract.currency


@dataclass
class ExtractedDocument:
    """The result of :func:`extract_document`: a claim file's content before merging."""

    path: Path
    header: dict[str, Any]
    claims: list[dict[str, Any]]
    nonfigures: list[dict[str, Any]] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    pages: int | None = None
    skipped_in_tables: int = 0
    tabular_pages: list[int] = field(default_factory=list)  # 1-based, for the table checker
    table_end_pages: list[int] = field(default_factory=list)  # 1-based: a table's last rows may be there
    # With ``table_totals=True``: the tables found on the tabular pages while they were open (page ->
    # tables, to be checked together: a table may run over a page break), the rotated tabular pages
    # still to read, and what could not be read (one line each).
    tables_checked: bool = False
    found_tables: dict[int, list[Any]] = field(default_factory=dict)
    rotated_tabular_pages: list[int] = field(default_factory=list)
    table_warnings: list[str] = field(default_factory=list)
    dollar: str = "USD"  # what "$" stands for in this document (factcheck.extract.currency)

    def extraction_info(self) -> dict[str, Any]:
        """The ``extraction:`` block written into the claim file."""
        info: dict[str, Any] = {"tool": "factcheck extract", "figures": len(self.claims)}
        if self.pages is not None:
            info["pages"] = self.pages
        if self.tables:
            # One line: the pages (PDF) or line ranges (text) whose table regions were skipped.
            if self.pages is not None:
                info["table_pages"] = sorted({t["page"] for t in self.tables})
            else:
                info["table_lines"] = [t["lines"] for t in self.tables]
            info["numbers_in_tables"] = self.skipped_in_tables
        counts: dict[str, int] = {}
        for item in self.nonfigures:
            counts[item["kind"]] = counts.get(item["kind"], 0) + 1
        if counts:
            info["not_figures"] = dict(sorted(counts.items()))
        return info


_VISIBLE = re.compile(r"\S")
# pdfium marks a hyphen it removed at a line end with U+FFFE; U+00AD is a soft hyphen.
_SOFT_HYPHEN = re.compile("[\ufffe\u00ad]")


def _line_col(text: str, offset: int, line_starts: list[int]) -> tuple[int, int]:
    import bisect

    i = bisect.bisect_right(line_starts, offset) - 1
    return i + 1, offset - line_starts[i] + 1


def analyse_page(
    page: SourcePage,
    language: str,
    bbox: Callable[[int, int], Any] | None = None,
    moves: list[tuple[int, int]] | None = None,
    height: float | None = None,
) -> PageResult:
    """Scan one page: figures with provenance and sentence context, table regions, markers.

    ``moves`` are the (space, number end) pairs where split digits were joined in ``page.text``
    (see ``PdfPage.joined_text``); a figure ending there covers one more original character.
    ``height`` (points, with ``bbox``) lets a bare number printed in the page's top or bottom
    margin be read as its page number wherever the text layer puts that line.
    """
    moved_ends = {q - 1: q for r, q in moves or ()}
    text = page.text
    total_word = has_total_word(text)
    tabular = looks_tabular(text, total_word=total_word)
    result = PageResult(number=page.number, has_text=_VISIBLE.search(text) is not None, tabular=tabular,
                        # a table from the page before may end here, or run on (a table body with no total)
                        table_end=total_word or has_table_body(text),
                        dollar_countries=country_mentions(text))
    spaced = language.startswith("en") and spaced_thousands(text)
    regions = tables.regions(text, spaced)
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for region in regions:
        entry: dict[str, Any] = {"lines": [region.first_line, region.last_line]}
        if page.number is not None:
            entry = {"page": page.number, **entry}
        result.tables.append(entry)
    scanner = get_scanner(language, spaced=spaced)
    found = scanner.scan(text, [(r.start, r.end) for r in regions])
    result.skipped_in_tables = scanner.skipped
    sentences = context.Sentences(text)
    lines = _content_lines(text) if page.number is not None else []
    furniture = _page_furniture(lines, text) if page.number is not None else ()
    edges = _edge_lines(text, lines) if page.number is not None else []
    result.edge_signatures = sorted({sig for _, _, sig in edges})
    previous_end = 0
    period_cache: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    quote_cache: dict[tuple[int, int], str] = {}  # the figures of one sentence share its quote
    for item in found:
        if furniture and item.kind == "count" and any(a <= item.start < b for a, b in furniture) and (
            not item.unit or re.match(r"[ \t]*\r?(?:\n|$)", text[item.end:item.end + 3])
        ):
            item.kind = "page_number"  # a bare number in the running head or foot of a PDF page
        elif height and bbox is not None and _in_margin(item, text, bbox, height):
            # "The notes on pages 12 to 15 form part of the financial statements   10": the foot's
            # page number, on a line the text layer moved up among the page's first
            item.kind = "page_number"
        line, col = _line_col(text, item.start, line_starts)
        if not item.is_figure:
            entry = {"kind": item.kind, "text": item.stated, "line": line}
            if page.number is not None:
                entry["page"] = page.number
            result.nonfigures.append(entry)
            continue
        s, e = sentences.bounds(item.start, item.end)
        quote = quote_cache.get((s, e))
        if quote is None:
            quote = quote_cache[s, e] = context.quote(text, s, e)
        if quote.endswith(" …"):
            quote = context.quote(text, s, e, at=item.start)  # a long sentence: the piece of this figure
        claim: dict[str, Any] = {
            "id": None,
            "quote": quote,
            "stated": item.stated,
            "value": decimal_string(item.value if item.value is not None else Fraction(0)),
        }
        if item.value_high is not None:
            claim["value_high"] = decimal_string(item.value_high)
        if item.unit:
            claim["unit"] = item.unit
        claim["hedge"] = item.hedge.value
        claim["kind"] = item.kind
        subject = context.subject_of(text, item, s, previous_end)
        if subject:
            subject = _SOFT_HYPHEN.sub("", subject)
        previous_end = item.end
        if subject:
            claim["subject"] = subject
        periods = period_cache.get((s, e))
        if periods is None:
            periods = period_cache[(s, e)] = context.periods_in(text, s, e)
        period = context.nearest_period(periods, item)
        if period:
            claim["period"] = period
        where: dict[str, Any] = {}
        if page.number is not None:
            where["page"] = page.number
        where["line"] = line
        where["col"] = col
        end = moved_ends.get(item.end, item.end)
        where["span"] = [item.start, end]
        if bbox is not None:
            box = bbox(item.start, end)
            if box is not None:
                where["bbox"] = list(box)
        claim["where"] = where
        claim["origin"] = "extracted"
        if item.notes:
            claim["_notes"] = list(item.notes)
        claim["_offset"] = item.start
        for a, b, signature in edges:
            if a <= item.start < b:
                claim["_edge"] = signature
        result.figures.append(claim)
    result.markers = [(m.offset, m.kind, m.value) for m in context.markers(text)]
    return result


_SPACE_RUN = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
# Page numbers sit this near the page's top or bottom edge (a share of its height): below the body's
# last line and its footnotes, above its first line
_FOOT_MARGIN = 0.07
_HEAD_MARGIN = 0.05
_LINE_ENDS = re.compile(r"[ \t]*\r?(?:\n|$)")


def _in_margin(item: Found, text: str, bbox: Callable[[int, int], Any], height: float) -> bool:
    """Is ``item`` a bare whole number of up to three digits that ends its line in the page's top or
    bottom margin, where only running heads and page numbers are printed?"""
    if item.kind != "count" or item.unit or not item.stated.isdigit() or len(item.stated) > 3 or (
            item.hedge is not Hedge.EXACT or not _LINE_ENDS.match(text, item.end)):
        return False
    box = bbox(item.start, item.end)
    return box is not None and (box[1] >= (1 - _FOOT_MARGIN) * height or box[3] <= _HEAD_MARGIN * height)


def _content_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the page's non-blank lines (what ``[^\\n]*\\S[^\\n]*`` matches: each whole line,
    newline aside, that holds a character other than whitespace)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _edge_lines(text: str, spans: list[tuple[int, int]], count: int = 3) -> list[tuple[int, int, str]]:
    """The first and last ``count`` non-blank lines of a page (``spans``): (start, end, signature).

    The signature has every digit run replaced by '#', so "Pagina 24 van 306" and
    "Pagina 25 van 306" are the same running head.
    """
    chosen = spans[:count] + spans[max(count, len(spans) - count):]
    return [(a, b, _DIGITS.sub("#", _SPACE_RUN.sub(" ", text[a:b]).strip())) for a, b in chosen]


# a page number as running heads and feet print it: "Annual Report | 95", "24 | Section 1", "- 25 -"
_PAGE_NUMBER_LINE = re.compile(r"[ \t]*(?:\d{1,4}[ \t]*\|.*|.*\|[ \t]*\d{1,4}|[-\u2013][ \t]*\d{1,4}[ \t]*[-\u2013])[ \t]*\r?")


def _page_furniture(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The first and last of a page's non-blank lines (running heads and page numbers), and the
    lines among the first and last three that hold a page number beside a bar or between dashes."""
    if not spans:
        return []
    edges = spans[:3] + spans[-3:]
    return [spans[0], spans[-1]] + [(a, b) for a, b in edges if _PAGE_NUMBER_LINE.fullmatch(text, a, b)]


def _drop_running_heads(pages: list[PageResult], claims: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Leave out figures on head and foot lines that repeat (digits aside) on many pages, and take
    such heads off the start of the quotes that took them in."""
    counts: dict[str, int] = {}
    for page in pages:
        for signature in page.edge_signatures:
            counts[signature] = counts.get(signature, 0) + 1
    threshold = max(3, len(pages) // 4)
    # Sentences (ending in a full stop) are body text that happens to repeat, not running heads.
    repeated = {sig for sig, n in counts.items() if n >= threshold and not sig.endswith(".")}
    kept = []
    dropped = 0
    heads = _head_pattern(repeated)
    for claim in claims:
        if claim.pop("_edge", None) in repeated:
            dropped += 1
            continue
        if heads is not None:
            claim["quote"] = _without_heads(claim["quote"], heads)
        kept.append(claim)
    return kept, dropped


def _head_pattern(repeated: set[str]) -> re.Pattern[str] | None:
    """One pattern for the running heads a quote may open with (digits as any number, blanks as
    any blank), longest first; None when the document has none."""
    # a line of a number alone is a page number, and is taken off only before a head of words: a
    # sentence may open with a number ("3 Repurchases by members …" under its footnote mark)
    heads = sorted((sig for sig in repeated if re.search(r"[^\W\d_]", sig)), key=len, reverse=True)
    if not heads:
        return None
    alternatives = [r"\s+".join(re.escape(word).replace("\\#", "#").replace("#", r"\d+") for word in sig.split(" "))
                    for sig in heads]
    return re.compile(r"(?:\d+\s+)?(?:" + "|".join(alternatives) + r")\s+")


def _without_heads(quote: str, heads: re.Pattern[str]) -> str:
    """The quote without the running heads its sentence took in at the top of the page ("65
    FOREWORD ABOUT APPENDIX EXECUTIVE SUMMARY INTRODUCTION … GOVERNANCE The public sector's total
    Scope 1 emissions …": a report's page number and section tabs, printed on every page)."""
    start = 0
    while (m := heads.match(quote, start)) is not None and m.end() < len(quote):
        start = m.end()
    return quote[start:] if start else quote


def _apply_context(pages: list[PageResult]) -> list[dict[str, Any]]:
    """Walk the pages in order, giving each figure its question, asker or section."""
    state: dict[str, Any] = {"asked_by": None, "question": None, "part": None, "section": None}
    claims: list[dict[str, Any]] = []
    for page in pages:
        markers = sorted(page.markers)
        mi = 0
        for claim in page.figures:
            offset = claim.pop("_offset")
            while mi < len(markers) and markers[mi][0] <= offset:
                _advance(state, markers[mi][1], markers[mi][2])
                mi += 1
            where = claim["where"]
            if state["question"] is not None:
                where["question"] = state["question"]
                if state["asked_by"]:
                    where["asked_by"] = state["asked_by"]
                if state["part"]:
                    where["part"] = state["part"]
            elif state["section"]:
                where["section"] = state["section"]
            claim.pop("_notes", None)
            claims.append(claim)
        # Markers after the last figure still carry over to the next page.
        for _, kind, value in markers[mi:]:
            _advance(state, kind, value)
    return claims


def _advance(state: dict[str, Any], kind: str, value: str) -> None:
    """Move the reading context past one marker: a new asker, question, answer or section."""
    if kind == "asked_by":
        state.update(asked_by=value, question=None, part=None)
    elif kind == "question":
        state.update(question=int(value), part="question")
    elif kind == "answer":
        state["part"] = "answer"
    elif kind == "section":
        state["section"] = value


SAMPLE_PAGES = 6  # the first pages, whose words decide the language when none is given


def _pdf_worker(
    args: tuple[str, str | None, list[int], str | None, float | None, int | None, bool],
    progress: Callable[[int], None] | None = None,
    sample: Callable[[list[str]], str] | None = None,
) -> list[PageResult]:
    """Analyse the pages; with ``sample``, the texts of the first pages go to it before any page
    is analysed, and it returns the language to read them all in (the pages are loaded once)."""
    path, password, numbers, language, page_timeout, max_bytes, totals = args
    from factcheck.sources import pdf_text

    reading: list[Any] = [language]  # the language, once ``sample`` has decided it

    def decide(texts: list[str]) -> None:
        assert sample is not None
        reading[0] = sample(texts)

    def one(page: Any) -> PageResult:
        text, moves = page.joined_text()
        source = SourcePage(page.source.number, text) if moves else page.source
        result = analyse_page(source, reading[0], page.bbox, moves, page.size()[1])
        if totals and result.tabular:
            _read_page_tables(page, result, reading[0])
        if progress is not None:
            progress(1)
        return result

    return pdf_text.map_pages(
        Path(path), one, password=password, pages=numbers,
        page_timeout=page_timeout, max_bytes=max_bytes, require_text=False,
        first=SAMPLE_PAGES if sample is not None else 0, on_first=decide if sample is not None else None,
    )


def _read_page_tables(page: Any, result: PageResult, language: str) -> None:
    # While the page is open its words cost a third of reading it again later, and its tables
    # (small records, not the words) are what cross back from a worker process. They are checked
    # in the main process, in page order, where a table can be joined with its continuation.
    from factcheck.tables import page_tables

    words = page.words()
    if words is None:
        result.rotated = True
        return
    try:
        width, height = page.size()  # (a page whose text is set sideways is read turned upright)
        result.found_tables = page_tables(page.source.number, width, height, words, language)
    except FactcheckError as exc:
        result.table_warnings.append(f"{exc} (table totals on page {page.source.number} skipped)")


def document_id(path: Path) -> str:
    """A document id from the file name: lowercase, ``[a-z0-9_-]``."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return stem or "document"


def _title(text: str) -> str | None:
    """The document's title: its first line of words, passing over a lone word in capitals set
    above it as a page head ("BIJVOEGSEL", "CONCEPT") when a line of several words follows."""
    text = _SOFT_HYPHEN.sub("", text)
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines
             if len(line) >= 4 and re.search(r"[^\W\d_]{3}", line) and not re.match(r"(?i)pagina \d", line)]
    if not lines:
        return None
    if len(lines) > 1 and " " not in lines[0] and lines[0].isupper() and len(lines[1].split()) >= 3:
        return lines[1][:160]
    return lines[0][:160]


def extract_document(
    path: Path | str,
    *,
    language: str | None = None,
    password: str | None = None,
    jobs: int = 1,
    page_timeout: float | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    doc_id: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    table_totals: bool = False,
) -> ExtractedDocument:
    """Extract every figure of a PDF, text or HTML document with its provenance.

    ``jobs > 1`` reads the pages of a long PDF in that many processes. ``progress(done, total)``
    is called as pages are finished. ``table_totals=True`` also finds the tables of a PDF's
    tabular pages while each is open (``found_tables``, for ``factcheck.tables.check_found_tables``;
    rotated pages are left to the caller in ``rotated_tabular_pages``). Raises a :class:`factcheck.errors.SourceError` subclass
    (FC301-FC309) for unreadable input.
    """
    path = Path(path)
    check_file(path, max_bytes)
    with path.open("rb") as handle:
        head = handle.read(1024)
    pages: list[PageResult]
    page_count: int | None = None
    if path.suffix.lower() == ".pdf" or head.startswith(b"%PDF-"):
        from factcheck.sources import pdf_text

        page_count = pdf_text.page_count(path, password, max_bytes)
        if page_count == 0:
            raise EmptySourceError("the PDF has no pages", path=str(path))
        numbers = list(range(1, page_count + 1))
        # The first pages' text gives the title and, when none is given, the language.
        sample: list[str] = []

        def read_sample(texts: list[str]) -> str:
            nonlocal language
            sample.extend(texts)
            if language is None:
                language = detect_language("\n".join(sample))
            return language

        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, page_count)

        if jobs > 1 and page_count > 8:
            # the workers need the language before they start: the sample is read on its own
            read_sample(pdf_text.map_pages(path, lambda p: p.source.text, password=password,
                                           pages=numbers[:SAMPLE_PAGES], max_bytes=max_bytes, require_text=False))
            chunk = max(4, -(-page_count // (jobs * 4)))
            batches = [numbers[i:i + chunk] for i in range(0, page_count, chunk)]
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                pages = []
                for part in pool.map(_pdf_worker, [(str(path), password, b, language, page_timeout, max_bytes, table_totals)
                                                   for b in batches]):
                    pages.extend(part)
                    advance(len(part))
        else:
            # one pass: the sample pages are read first and stay open for their turn
            pages = _pdf_worker((str(path), password, numbers, language, page_timeout, max_bytes, table_totals), advance,
                                read_sample)
        if page_count and not any(p.has_text for p in pages):
            raise NoTextLayerError(
                f"none of the {page_count} pages has a text layer; the PDF is scanned and needs OCR first",
                path=str(path),
            )
        title_text = sample[0] if sample else ""
    elif is_text_path(path) or b"\x00" not in head:
        if not is_text_path(path) and path.suffix.lower() not in ("", ".csv", ".tsv", ".log"):
            raise UnsupportedSourceError(
                f"cannot read {path.suffix or 'this'} files; extract reads PDF, plain text and HTML", path=str(path)
            )
        source_pages = read_text_source(path, max_bytes)
        if language is None:
            language = detect_language(source_pages[0].text)
        pages = [analyse_page(p, language) for p in source_pages]
        if progress is not None:
            progress(1, 1)
        title_text = source_pages[0].text
    else:
        raise UnsupportedSourceError("cannot read this file type; extract reads PDF, plain text and HTML", path=str(path))

    claims = _apply_context(pages)
    claims, furniture = _drop_running_heads(pages, claims)
    assign_ids(claims)
    nonfigures = [item for page in pages for item in page.nonfigures]
    header: dict[str, Any] = {"id": doc_id or document_id(path)}
    title = _title(title_text) if title_text else None
    if title:
        header["title"] = title
    header["source"] = str(path)
    header["sha256"] = sha256_of(path)
    header["language"] = language
    dollar = document_dollar(p.dollar_countries for p in pages)
    apply_dollar(claims, dollar)
    return ExtractedDocument(
        path=path,
        header=header,
        claims=claims,
        nonfigures=nonfigures,
        tables=[t for page in pages for t in page.tables],
        pages=page_count,
        skipped_in_tables=sum(p.skipped_in_tables for p in pages),
        tabular_pages=[p.number for p in pages if p.tabular and p.number is not None],
        table_end_pages=[p.number for p in pages if p.table_end and p.number is not None],
        tables_checked=table_totals and page_count is not None,
        found_tables={p.number: p.found_tables for p in pages if p.found_tables is not None and p.number is not None},
        rotated_tabular_pages=[p.number for p in pages if p.rotated and p.number is not None],
        table_warnings=[w for p in pages for w in p.table_warnings],
        dollar=dollar,
    )
