"""Pages set in two text columns: each column is read for tables on its own.

An annual report often sets a small table in one column of a two-column page, beside running
text in the other ("Comparison of 2011-2012 Outcomes to June 2011 Budget" in the Public Accounts of
Canada). Read as one page, each of the table's rows picks up the words of the prose beside it.
A page is split when a vertical gutter near its middle is crossed by hardly any word outside the
page's margins (a full-width heading may cross it), and running text stands on both sides of it: a wide table's gap between its labels and
its figures has no prose on the figures' side, so it is never taken for a gutter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..sources.pdf_layout import PageWords, Word
from .settings import DEFAULT_SETTINGS, TableSettings

# The tolerances (where the gutter stands, how wide, the margins, the running text each side
# needs) are TableSettings' gutter_* fields.


def split_text_columns(page: PageWords, settings: TableSettings = DEFAULT_SETTINGS) -> list[PageWords]:
    """The page as its text columns, left first; ``[page]`` when it is not set in two columns.
    ``settings``: the gutter_* tolerances (tables.settings)."""
    s = settings
    words = page.words
    if len(words) < 80 or page.width <= 0:
        return [page]
    body: list[Word] = []
    margins: list[Word] = []
    for w in words:
        (body if s.gutter_margin * page.height < w.top and w.bottom < (1 - s.gutter_margin) * page.height else margins).append(w)
    lo, hi = int(s.gutter_from * page.width), int(s.gutter_to * page.width)
    # how many body words cross each point of the middle band; a full-width heading may cross
    crossing = [0] * (hi - lo + 1)
    for w in body:
        for x in range(max(lo, int(w.x0) + 1), min(hi, int(w.x1)) + 1):
            crossing[x - lo] += 1
    allowed = max(2, len(body) // 100)
    best: tuple[int, int] | None = None
    run = None
    for k, n in enumerate(crossing + [allowed + 1]):
        if n <= allowed:
            run = k if run is None else run
            continue
        if run is not None and k - run >= s.gutter_width and (best is None or k - run > best[1] - best[0]):
            best = (run, k)
        run = None
    if best is None:
        return [page]
    cut = lo + (best[0] + best[1]) / 2
    left = [w for w in body if (w.x0 + w.x1) / 2 < cut]
    right = [w for w in body if (w.x0 + w.x1) / 2 >= cut]
    if _prose_lines(left, s) < s.gutter_prose_lines or _prose_lines(right, s) < s.gutter_prose_lines:
        return [page]
    # a line is cut only where words stand right of the gutter: a row of a table set across the
    # page, its figures alone beyond the gutter, stays whole (with the left column's lines)
    left, right = [], []
    lines = sorted(word_lines(body), key=lambda line: min(w.top for w in line))
    rows = [k for k, line in enumerate(lines) if _figures_beyond(line, cut)]
    for k, line in enumerate(lines):
        beyond = [w for w in line if (w.x0 + w.x1) / 2 >= cut]
        # … and so does the header of such a table: a line of words right above its first rows
        # ("Province  CVCW  Handymen  Enrichment  eCadres  Curriculum  Total")
        heads = any(0 < r - k <= s.gutter_header_lines for r in rows)
        if not heads and sum(1 for w in beyond if sum(ch.isalpha() for ch in w.text) >= 2) >= 2:
            left.extend(w for w in line if (w.x0 + w.x1) / 2 < cut)
            right.extend(beyond)
        else:
            left.extend(line)
    return [replace(page, words=tuple(left + [w for w in margins if (w.x0 + w.x1) / 2 < cut])),
            replace(page, words=tuple(right + [w for w in margins if (w.x0 + w.x1) / 2 >= cut]))]


def _figures_beyond(line: list[Word], cut: float) -> bool:
    """A row of a table set across the gutter: two figures or more beyond it, and no words there."""
    beyond = [w for w in line if (w.x0 + w.x1) / 2 >= cut]
    return sum(1 for w in beyond if any(ch.isdigit() for ch in w.text)) >= 2 and not any(
        sum(ch.isalpha() for ch in w.text) >= 2 for w in beyond)


def word_lines(words: Sequence[Word]) -> list[list[Word]]:
    """The words grouped into lines by their vertical centre (to two points)."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(round((w.top + w.bottom) / 4), []).append(w)
    return list(lines.values())


def _prose_lines(words: list[Word], settings: TableSettings) -> int:
    """Lines of gutter_prose_words words or more with no gap as wide as gutter_prose_gap between them."""
    count = 0
    for line in word_lines(words):
        if len(line) < settings.gutter_prose_words:
            continue
        line.sort(key=lambda w: w.x0)
        size = max(w.size for w in line)
        if all(b.x0 - a.x1 < settings.gutter_prose_gap * size for a, b in zip(line, line[1:])) and not any(
            any(ch.isdigit() for ch in w.text) for w in line[-1:]
        ):
            count += 1
    return count
