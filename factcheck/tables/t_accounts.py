"""Accounts set side by side (the "T" or scontro form): each side is read as a table of its own.

Small foundations and associations, and older public accounts, print the balance sheet as
assets left and liabilities right ("activa | passiva") and the income statement as charges left
and income right ("lasten | baten", "debet | credit"), with the totals of both sides on one line:

    activa                       €     passiva               €
    Inventaris               € 4.652   Stichtingsvermogen   € 8.716
    Liquide middelen         € 4.064
    Totalen                  € 8.716   Totalen              € 8.716

Read as one table, the right side's labels stand between the left side's figures and its own, so
neither side's column is read. The page is cut where the header's second side word starts, on the
lines from that header down, when the lines below print a label there after a figure on the left.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..sources.pdf_layout import PageWords, Word
from .detect import looks_numeric
from .settings import DEFAULT_SETTINGS, TableSettings
from .text_columns import word_lines

# the words heading the two sides, left then right (Dutch, English, French, German)
_SIDES = {
    "activa": ("passiva",), "bezittingen": ("schulden",), "assets": ("liabilities",),
    "actif": ("passif",), "aktiva": ("passiva",),
    "lasten": ("baten",), "kosten": ("opbrengsten", "baten"), "uitgaven": ("ontvangsten", "inkomsten"),
    "debet": ("credit",), "debit": ("credit",), "expenditure": ("income", "receipts"),
    "payments": ("receipts",), "charges": ("produits",), "aufwand": ("ertrag",),
}
_WORD = re.compile(r"[^\W\d_]+")
_HEAD_GAP = 1.5  # font sizes between the right side's head and the word before it, at least
# the tolerances (where the right side starts, how many rows print it) are TableSettings' t_account_* fields


def _key(text: str) -> str:
    m = _WORD.search(text.lower())
    return m.group(0) if m else ""


def split_sides(page: PageWords, settings: TableSettings = DEFAULT_SETTINGS) -> list[PageWords] | None:
    """The page's left and right sides when it holds accounts set side by side, else ``None``.
    ``settings``: the t_account_* tolerances (tables.settings)."""
    # most pages have no side word at all: a set lookup per word before any line is built
    if not any(w.text.lower().strip(":.") in _SIDES for w in page.words):
        return None
    # top down, each line left to right
    lines = [sorted(ln, key=lambda w: w.x0) for ln in sorted(word_lines(page.words), key=lambda ln: ln[0].top)]
    for k, line in enumerate(lines):
        heads = [(_key(w.text), w) for w in line]
        for i, (left, _lw) in enumerate(heads):
            partners = _SIDES.get(left)
            if partners is None:
                continue
            j = next((j for j in range(i + 1, len(heads)) if heads[j][0] in partners), None)
            if j is None or heads[j][1].x0 < settings.t_account_from * page.width:
                continue
            right = heads[j][1]
            if right.x0 - heads[j - 1][1].x1 < _HEAD_GAP * right.size:
                # "Ontwikkeling baten en lasten (incl. financiële baten en lasten)": words of a
                # heading in prose, one space apart; a side's head stands apart, after the figures
                # of the other side's columns
                continue
            cut = right.x0 - settings.t_account_cut_slack
            if _side_rows(lines[k + 1:], cut, settings.t_account_label_reach) >= settings.t_account_rows:
                return _cut(page, lines, k, cut)
    return None


def _side_rows(lines: list[list[Word]], cut: float, reach: int) -> int:
    """Lines that print a figure left of ``cut`` and a label starting at it."""
    count = 0
    for line in lines:
        starts = [w for w in line if abs(w.x0 - cut) <= reach and _WORD.match(w.text)]
        figures = [w for w in line if w.x1 < cut and looks_numeric(w.text.lstrip("€$£"))]
        if starts and figures:
            count += 1
    return count


def _cut(page: PageWords, lines: list[list[Word]], header: int, cut: float) -> list[PageWords]:
    left: list[Word] = []
    right: list[Word] = []
    for k, line in enumerate(lines):
        for w in line:
            (right if k >= header and w.x0 >= cut - 1 else left).append(w)
    return [replace(page, words=tuple(left)), replace(page, words=tuple(right))]
