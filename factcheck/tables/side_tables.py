"""Tables set side by side on one page: each is read as a table of its own.

A report may print two small tables next to each other, each with its own label column and its
own figure columns, their rows sharing baselines (the IMF's quarterly report prints its
Fixed-Income and Endowment subaccounts so):

    Fixed-Income Subaccount   Amount  Percent   Endowment Subaccount      Amount  Percent
    Sovereign bonds           13,456      55%   Protected Securities         645      10%
    Corporate bonds            5,107      21%   Developed market equities  1,809      28%

Read as one table, each line's figures are only those at its right end: the left table's figures
stand between two labels and are read as words of a label, so nothing of the left table is
checked. A person sees two tables because, line after line, a label starts at one and the same
place right after a figure. The page is cut there, on the lines of the two tables only (their
headers above them included): what stands above and below them is left whole.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from ..sources.pdf_layout import PageWords, Word
from .cells import is_year
from .detect import Line, Token, group_lines, looks_numeric
from .scale import find_scale
from .settings import DEFAULT_SETTINGS, TableSettings

# The tolerances (rows, alignment, distances, where the cut may stand) are TableSettings'
# side_by_side_* fields.


def _is_figure(t: Token) -> bool:
    return any(ch.isdigit() for ch in t.text) and looks_numeric(t.text) or t.text in ("**", "*", "-", "\u2013", "\u2014")


def _is_word(t: Token) -> bool:
    return sum(ch.isalpha() for ch in t.text) >= 2 and not looks_numeric(t.text)


def _side_start(ln: Line, apart: float) -> Token | None:
    """The first word of a second table's label on the line: a word after a figure, far from it,
    with a label and figures before it and figures after it; ``None`` when the line has none."""
    toks = ln.tokens
    for i in range(2, len(toks) - 1):
        t, before = toks[i], toks[i - 1]
        if (not (_is_word(t) and _is_figure(before) and t.x0 - before.x1 >= apart * ln.size)
                or is_year(before.text) or before.small):
            continue  # (a year before a word is a header of dates: "January 31, 2024   April 30, 2023";
            # a small figure is a footnote mark: "L.J.H. Ceelen1   Voorzitter (werkgever)   130.768")
        left = toks[:i]
        right = toks[i:]
        # the left part: label words, then figures only; the right part: label words, then figures
        k = len(left)
        while k and _is_figure(left[k - 1]):
            k -= 1
        if not k or not any(_is_word(w) for w in left[:k]) or any(_is_figure(w) for w in left[:k]):
            return None
        m = 0
        while m < len(right) and not _is_figure(right[m]):
            m += 1
        if m == len(right) or not all(_is_figure(w) for w in right[m:]):
            return None
        # two tables side by side print alike: a code before the labels ("BHOS  4.1  Humanitaire
        # hulp  380  370 ...") is one figure against a row of them, and no table of its own
        if 2 * (len(left) - k) < len(right) - m:
            return None
        return t
    return None


def _crosses(ln: Line, cut: float) -> bool:
    """Does a word of the line stand across the cut, or end less than a font size before it (no
    gap between two tables there: running text)?"""
    return any(t.x0 < cut and t.x1 > cut - ln.size for t in ln.tokens)


def _sides(ln: Line, cut: float) -> tuple[list[Token], list[Token]]:
    return [t for t in ln.tokens if t.x1 <= cut], [t for t in ln.tokens if t.x0 >= cut]


def _may_hold_side_tables(words: tuple[Word, ...], settings: TableSettings) -> bool:
    """A quick look before lines are built (most pages have no such tables): do words start, on
    three lines or more, at one place right after a figure far before them?"""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(round((w.top + w.bottom) / 4), []).append(w)
    starts: list[tuple[float, float]] = []
    for line in lines.values():
        if len(line) < 4:
            continue
        line.sort(key=lambda w: w.x0)
        labelled = False  # a word before the figure: the left table's label
        for a, b in zip(line, line[1:]):
            labelled = labelled or a.text[:1].isalpha()
            if labelled and b.text[:1].isalpha() and a.text[-1:] in _FIGURE_ENDS and b.x0 - a.x1 >= settings.side_by_side_apart * b.size:
                starts.append((b.x0, b.size))
    starts.sort()
    n = settings.side_by_side_rows - 1
    align = settings.side_by_side_align
    return any(starts[k + n][0] - starts[k][0] <= 2 * align * starts[k][1] for k in range(len(starts) - n))


_FIGURE_ENDS = frozenset("0123456789%)*-\u2013\u2014")


def split_side_tables(page: PageWords, settings: TableSettings = DEFAULT_SETTINGS) -> list[PageWords] | None:
    """The page cut into what stands above and beside the left table, the right table, and what
    stands below them, when it prints two tables side by side; else ``None``. ``settings``: the
    side_by_side_* tolerances (tables.settings)."""
    s = settings
    least = s.side_by_side_rows
    if page.width <= 0 or len(page.words) < 20 or not _may_hold_side_tables(page.words, s):
        return None
    lines = group_lines(page.words, s)
    starts = [(k, t) for k, ln in enumerate(lines) if (t := _side_start(ln, s.side_by_side_apart)) is not None]
    if len(starts) < least:
        return None
    size = statistics.median(lines[k].size for k, _t in starts)
    # the labels of the right table start at one place: the largest group of starts within side_by_side_align
    best: list[tuple[int, Token]] = []
    for _k, t in starts:
        group = [(k2, t2) for k2, t2 in starts if abs(t2.x0 - t.x0) <= s.side_by_side_align * size]
        if len(group) > len(best):
            best = group
    if len(best) < least:
        return None
    cut = min(t.x0 for _k, t in best) - 1
    if not s.side_by_side_cut_from * page.width <= cut <= s.side_by_side_cut_to * page.width:
        return None
    first, last = best[0][0], best[-1][0]
    # the rows between the first and the last side row belong to the two tables: none may cross
    if any(_crosses(ln, cut) for ln in lines[first:last + 1]):
        return None
    # the right labels differ from row to row: a repeated word ("EUR", "units") is a column of the table
    labels = {" ".join(w.text for w in _sides(lines[k], cut)[1] if _is_word(w)) for k, _t in best}
    if len(labels) < least or 3 * len(labels) < 2 * len(best):
        return None
    # the first rows and the header lines right above: none across the cut, and no figures on
    # the right without words (a line of figures only there is a row above both tables: their sum)
    while first > 0:
        ln, below = lines[first - 1], lines[first]
        right_part = _sides(ln, cut)[1]
        if (below.top - ln.bottom > s.side_by_side_header_gap * size or _crosses(ln, cut) or find_scale([ln.text])
                or (right_part and not any(_is_word(t) for t in right_part))):
            break
        first -= 1
    # rows right below the last: none across the cut, close to the rows above
    while last + 1 < len(lines):
        ln, above = lines[last + 1], lines[last]
        if ln.top - above.bottom > s.side_by_side_header_gap * size or _crosses(ln, cut):
            break
        last += 1
    top, bottom = lines[first].top, lines[last].bottom
    units = [w for w in page.words if (w.top + w.bottom) / 2 < top and _unit_line(w, lines)]
    upper: list[Word] = []
    right: list[Word] = list(units)
    lower: list[Word] = list(units)
    for w in page.words:
        centre = (w.top + w.bottom) / 2
        if centre < top - 0.5:
            upper.append(w)
        elif centre > bottom + 0.5:
            lower.append(w)
        elif w.x0 >= cut:
            right.append(w)
        else:
            upper.append(w)
    pieces = [upper, right]
    if len(lower) > len(units):
        pieces.append(lower)
    return [replace(page, words=tuple(p)) for p in pieces]


def _unit_line(w: Word, lines: list[Line]) -> bool:
    """Is the word on a line above that states the page's unit ("(in millions of SDRs)")? The
    right table and what stands below keep it, as the left table does."""
    centre = (w.top + w.bottom) / 2
    for ln in lines:
        if ln.top - 0.5 <= centre <= ln.bottom + 0.5:
            return find_scale([ln.text]) is not None
    return False
