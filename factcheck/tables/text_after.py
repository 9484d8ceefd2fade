"""A column of text after a table's figures: taken off before the rows are read.

A list of deposits or transactions often ends each row in a text column after its amounts ("Date |
Memo | Checks | Cash | Total | Category", a PTA treasurer's deposit list). Read as it stands, a row
ends in words, so its figures are not at the line's end and the line is no row at all. The column
is known by its heading: the last word of a header line, a column's gap after the words before it,
over rows whose figures end a column's gap before words that start under that heading. Those words
(and the heading) are a column of text, no part of what the figures add up to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cells import looks_numeric
from .settings import DEFAULT_SETTINGS, TableSettings

if TYPE_CHECKING:
    from .detect import Line as _Line
    from .detect import Token as _Token


def _figure(text: str) -> bool:
    return looks_numeric(text) and any(ch.isdigit() for ch in text)


def _words(tokens: Sequence[_Token]) -> bool:
    return bool(tokens) and all(any(ch.isalpha() for ch in t.text) and not _figure(t.text) for t in tokens)


def _split(line: _Line, edge: float) -> tuple[list[_Token], list[_Token]]:
    return [t for t in line.tokens if t.x0 < edge], [t for t in line.tokens if t.x0 >= edge]


def _heading(line: _Line, column_gap: float) -> float | None:
    """Where a header line's last column of words starts, when the line is a header of words
    whose last word stands a column's gap after the rest; None otherwise."""
    toks = line.tokens
    # the cheap test first: most lines have no wide gap before their last word
    if len(toks) < 3 or toks[-1].x0 - toks[-2].x1 < column_gap * line.size or not _words(toks):
        return None
    return toks[-1].x0


def _row(line: _Line, edge: float, column_gap: float) -> bool | None:
    """True for a row of figures that ends in words under the heading, False for a wrapped
    line of words (under the heading, and maybe under the labels), None for anything else."""
    before, after = _split(line, edge)
    if not _words(after) or abs(after[0].x0 - edge) > column_gap * line.size:
        return None
    if before and after[0].x0 - before[-1].x1 < column_gap * line.size:
        return None  # running text that reaches across the heading's edge
    if before and _figure(before[-1].text):
        return True
    return False if all(not _figure(t.text) for t in before) else None


def drop_text_after_figures(lines: list[_Line], settings: TableSettings = DEFAULT_SETTINGS) -> None:
    """Take the column of text after the figures off the lines of every table that has one (see
    the module's docstring); lines that held nothing but its words go."""
    k = 0
    emptied = False
    gap = settings.text_column_gap
    while k < len(lines):
        edge = _heading(lines[k], gap)
        if edge is None:
            k += 1
            continue
        edge -= settings.text_column_slack  # words of the column start at its heading's edge, give or take a point
        rows: list[int] = []
        wraps: list[int] = []
        j = k + 1
        while j < len(lines) and (kind := _row(lines[j], edge, gap)) is not None:
            (rows if kind else wraps).append(j)
            j += 1
        if len(rows) >= settings.text_column_rows and (not wraps or wraps[0] > rows[0]):
            for i in (k, *rows, *wraps):
                lines[i].tokens = [t for t in lines[i].tokens if t.x0 < edge]
                emptied |= not lines[i].tokens
        k = max(j, k + 1)
    if emptied:
        lines[:] = [ln for ln in lines if ln.tokens]


_AMOUNT = re.compile(r"^[-\u2212(]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?\)?$")


def _amounts(line: _Line) -> list[_Token]:
    return [t for t in line.tokens if _AMOUNT.fullmatch(t.text)]


def drop_text_among_figures(lines: list[_Line], settings: TableSettings = DEFAULT_SETTINGS) -> None:
    """Take the columns of words that stand among a table's figures off its rows: a loan schedule's
    kind of loan, way of repayment and security ("... 3,07%  1.443.929  0  1.443.929  8  Lineair  0
    Hypotheek"). Read as they stand, the row's figures end in words, so the line is no row.

    A run of three lines or more, each with two amounts at least (figures grouped in thousands),
    whose words right of the first amount start a column's gap after what stands before them, at
    the same place (give or take a point or two) in three of those lines: that is a column of text,
    and so is such a word in another of those lines that stands within it (set centred). Its words, and the words a word space after them ("Financial lease"), go; words left of the
    first amount stay: they are the row's label ("7137 ING 24-dec-99"). A line with no words left
    of its amounts keeps all of them: an amount column printed before the labels ("62,612
    (Surplus)/deficit on the provision of services 56,690")."""
    amounts = [_amounts(ln) for ln in lines]
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and len(amounts[j]) >= 2:
            j += 1
        if j - k >= settings.text_among_rows:
            _drop_columns(lines[k:j], [a[0] for a in amounts[k:j]], settings)
        k = max(j, k + 1)


def _drop_columns(run: list[_Line], firsts: list[_Token], settings: TableSettings) -> None:
    """Drop the text columns of a run of lines (``firsts``: each line's first amount)."""
    gap, slack, space, rows = (settings.text_column_gap, settings.text_column_slack, settings.word_space,
                               settings.text_among_rows)
    starts: list[tuple[int, int, float]] = []  # (line, token, x0) of words that may start a text column
    for n, (line, first) in enumerate(zip(run, firsts)):
        toks = line.tokens
        if not any(_words([t]) for t in toks if t.x1 <= first.x0):
            continue  # no words left of the amounts: the words after them are the row's label
        for i in range(1, len(toks)):
            t = toks[i]
            # set close after a figure (a right-aligned column ends where the words begin), or a
            # column's gap after words
            room = (settings.text_after_figure_gap if _figure(toks[i - 1].text) else gap) * line.size
            if t.x0 > first.x1 and _words([t]) and not looks_numeric(t.text) and t.x0 - toks[i - 1].x1 >= room:
                starts.append((n, i, t.x0))
    drop: dict[int, set[int]] = {}
    spans: list[tuple[float, float]] = []  # where each column of text found stands
    for n, i, x in starts:
        if len({m for m, _, y in starts if abs(y - x) <= slack}) >= rows:
            drop.setdefault(n, set()).add(i)
            spans.append((x, run[n].tokens[i].x1))
    # a column of words set centred or to the right starts where its word's length puts it: a
    # word that starts a column's gap after the figures and stands within a column found is of it
    # ("annuïteit" under "lineair")
    for n, i, _x in starts:
        t = run[n].tokens[i]
        if i not in drop.get(n, ()) and any(t.x0 < right and left < t.x1 for left, right in spans):
            drop.setdefault(n, set()).add(i)
    for n, first_words in drop.items():
        line = run[n]
        gone = set()
        for i in sorted(first_words):
            gone.add(i)
            k = i + 1
            while (k < len(line.tokens) and _words([line.tokens[k]])
                   and line.tokens[k].x0 - line.tokens[k - 1].x1 < space * line.size):
                gone.add(k)
                k += 1
        line.tokens = [t for m, t in enumerate(line.tokens) if m not in gone]
