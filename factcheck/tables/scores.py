"""Score cards: a score and the component scores it adds up, each printed out of its maximum.

An index's profile page (an infographic, no table lines) prints an organisation's score and,
around it, the components it is made of, each as points over the maximum::

    SCORE: 98.6                                   POSITION: 1 / 45
    Organisational planning and commitments       Finance and budgets
    14.3 / 15                                     24.7 / 25
    Project attributes                            Joining-up development data
    20.0 / 20                                     19.9 / 20
    Performance
    19.4 / 20

The components are the fractions printed below the score's line ("POSITION: 1 / 45" beside it is
a rank); they are its parts only when their maxima add up to what the score is out of: 100, or
the maximum printed after it ("Score: 73 / 80"). The card is read as a table of one column, the
components and then the score, and the score is checked as their sum
(:func:`score_checks`), like a total row.
"""

from __future__ import annotations

import re
from fractions import Fraction

from ..sources.pdf_layout import PageWords
from .cells import CellNumber, parse_cell
from .detect import Cell, Column, Line, Row, Table, group_lines
from .judging import judge
from .records import TableCheck, cell_ref, make_check
from .settings import DEFAULT_SETTINGS, TableSettings

_SCORE = re.compile(r"^(?:(?:total|overall)\s+)?score:?$", re.IGNORECASE)
_POINTS = re.compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")
# the tolerances (least components, where a label stands) are TableSettings' score_* fields


def _number(text: str) -> CellNumber | None:
    if not _POINTS.match(text):
        return None
    return parse_cell(text, "," if "," in text else ".")


def _fractions(line: Line) -> list[tuple[int, CellNumber, CellNumber]]:
    """The "points / maximum" of a line: (token index of the points, points, maximum)."""
    toks = line.tokens
    out = []
    for i in range(len(toks) - 2):
        if toks[i + 1].text != "/":
            continue
        a, b = _number(toks[i].text), _number(toks[i + 2].text)
        if a is not None and b is not None and 0 < b.value and a.value <= b.value:
            out.append((i, a, b))
    return out


def _label(lines: list[Line], k: int, x0: float, x1: float, settings: TableSettings) -> str:
    """The words right above a fraction, starting where it starts (up to score_label_lines lines of them)."""
    align, reach = settings.score_label_align, settings.score_label_reach
    words: list[str] = []
    for ln in reversed(lines[max(0, k - settings.score_label_lines):k]):
        here = [t.text for t in ln.tokens if abs(t.x0 - x0) < align * ln.size or x0 < t.x0 < x1 + reach * ln.size]
        if not here or any(ch.isdigit() for w in here for ch in w):
            break
        words = here + words
    return " ".join(words)


def score_table(page: PageWords, settings: TableSettings = DEFAULT_SETTINGS) -> Table | None:
    """The page's score card as a table (module doc), or None when it has none. ``settings``: the
    score_* tolerances (tables.settings)."""
    if not any(_SCORE.match(w.text) for w in page.words):
        return None  # most pages: settled before their lines are built
    lines = group_lines(page.words, settings)
    found = None
    for k, ln in enumerate(lines):
        for i, t in enumerate(ln.tokens[:-1]):
            if _SCORE.match(t.text) and (n := _number(ln.tokens[i + 1].text)) is not None:
                if found is not None:
                    return None  # two scores on a page: which components belong to which is unclear
                toks = ln.tokens
                out_of = _number(toks[i + 3].text) if i + 3 < len(toks) and toks[i + 2].text == "/" else None
                found = (k, i + 1, n, out_of.value if out_of is not None else Fraction(100))
    if found is None:
        return None
    k, at, score, scale = found
    rows: list[Row] = []
    maxima = Fraction(0)
    for j in range(k + 1, len(lines)):
        ln = lines[j]
        for i, a, b in _fractions(ln):
            tok = ln.tokens[i]
            label = _label(lines, j, tok.x0, ln.tokens[i + 2].x1, settings) or f"component {len(rows) + 1}"
            rows.append(Row(label, {0: Cell(tok.text, a, 0, (tok.x0, tok.top, tok.x1, tok.bottom))}, tok.top, tok.bottom))
            maxima += b.value
    if len(rows) < settings.score_components or maxima != scale:
        return None
    tok = lines[k].tokens[at]
    rows.append(Row(lines[k].tokens[at - 1].text.rstrip(":"),
                    {0: Cell(tok.text, score, 0, (tok.x0, tok.top, tok.x1, tok.bottom))}, tok.top, tok.bottom))
    x0 = min(r.cells[0].bbox[0] for r in rows)
    x1 = max(r.cells[0].bbox[2] for r in rows)
    top = min(r.top for r in rows)
    bottom = max(r.bottom for r in rows)
    return Table(page.number, 1, None, None, [Column(0, x0, x1, "points")], rows, "", None,
                 (x0, top, x1, bottom), scored=True)


def score_checks(table: Table, file: str = "") -> list[TableCheck]:
    """The score of a score card (its last row) as the sum of its components (the rows above it)."""
    *parts, last = range(len(table.rows))
    total = table.rows[last].cells[0]
    assert total.number is not None
    numbers = [table.rows[p].cells[0].number for p in parts]
    j = judge([(1, n) for n in numbers if n is not None], total.number)
    refs = tuple(cell_ref(table, p, table.rows[p].cells[0]) for p in parts)
    reading = "the score as the sum of the component scores printed below it, each out of a maximum, the maxima adding up to the score's scale"
    return [make_check(table, file, "row", table.rows[last].label, "points", cell_ref(table, last, total), refs, j,
                       reading, None)]
