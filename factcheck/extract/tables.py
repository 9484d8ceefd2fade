"""Cheap table-region detection on plain page text, so table cells stay out of claim files.

Table cells belong to the table checker. A line is *tabular* when two or more numbers stand
next to each other with nothing but blanks, currency signs or dashes between them (column
values: "€ 100.000 – € 200.000 1.441.161 (40%) € 151.436"); prose separates numbers with
words. A region is a run of lines holding at least two tabular lines, where short label
lines and blank lines may sit between them. This needs no layout parse, so it runs on every
page at text speed; pdfplumber (``factcheck.sources.pdf_layout``) is for reading the cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERIC = re.compile(r"[(<>≤≥+\-–‒−€$£]*\d(?:[\d.,]*\d)?%?\)?\*?[-–.]?")
_DASH = re.compile(r"[-–‒—]|n\.?v\.?t\.?|nvt|p\.m\.|pm|n\.a\.?|nihil|x", re.IGNORECASE)
_ROW_END = re.compile(
    r"(?:\d[\d.,]*%?\)?\*?|\d[\d.,]*[\s\u00a0]*(?:miljoen|miljard|mln|mld|mrd|million|billion|bn)\.?\)?|nihil|n\.?v\.?t\.?|[-–‒—])[\s\u00a0]*$",
    re.IGNORECASE,
)
# What a line that _ROW_END matches can end with (it is anchored at the end, and the line has no
# trailing blanks): a digit or . , % ) * (a figure), the last letter of a scale word, nihil or
# n.v.t., or a dash. A line ending otherwise is settled without the pattern's pass over it.
_ROW_END_LAST = frozenset(".,%)*nNdDlLtT-–‒—")


def _row_end(stripped: str) -> bool:
    return bool(stripped) and (stripped[-1] in _ROW_END_LAST or stripped[-1].isdecimal()) and (
        _ROW_END.search(stripped) is not None)


_EQUATION = re.compile(r"\d%?[ \u00a0]*[x×*+\-\u2212/][ \u00a0]*[€$£]?[ \u00a0]?\d[\d.,]*%?[ \u00a0]*=[ \u00a0]*[€$£]?[ \u00a0]?\d")
_GLUE = re.compile(r"[€$£%*<>=/|]+")
_LINE = re.compile(r"[^\n]*\n?")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # offsets into the page text
    end: int
    first_line: int  # 1-based
    last_line: int


def line_kind(line: str) -> str:
    """'wide' (four or more values side by side), 'table' (two or three), 'row' (a label and one value), 'cell' (a lone value),
    'label' (short text), 'prose' or 'blank'."""
    tokens = line.split()
    if "=" in line and _EQUATION.search(line):
        return "prose"  # "3,09% x 95,1% = 2,94% voor de actieven": a calculation in the text, not a row
    if not tokens or (len(tokens) == 1 and len(tokens[0]) <= 2 and not any(c.isdigit() for c in tokens[0])):
        return "blank"  # empty, or stray punctuation between cells
    run = best = 0
    numbers = 0
    number, dash, glue = _NUMERIC.fullmatch, _DASH.fullmatch, _GLUE.fullmatch  # every token of every line
    # without a digit no token is a number, and a dash counts only after one: nothing to count
    for k, tok in enumerate(tokens if _DIGIT.search(line) else ()):
        if tok[0] == "(" and not tok.endswith(")") and k + 1 < len(tokens) and tokens[k + 1][:1].isalpha():
            run = 0  # "$2,000 (8 applicants @$250)": a count the words go on about, no cell
        elif number(tok) is not None:
            numbers += 1
            run += 1
            best = max(best, run)
        elif run and dash(tok):
            run += 1  # a dash or "nvt" after a value is an empty cell
            best = max(best, run)
        elif glue(tok):
            continue  # a currency sign between values keeps the run going
        else:
            run = 0
    if best >= 4:
        return "wide"  # four or more values side by side: a table row even when alone
    if best >= 2 and numbers >= 1:
        return "table"
    if numbers >= 1 and len(tokens) <= 3:
        return "cell"
    stripped = line.rstrip()
    if numbers <= 2 and _NAMED_AMOUNT.search(line):
        return "prose"  # "Initial Contract Value:   $16,000,000 (Board Report 142-20/21)": named, not a cell
    if len(tokens) <= 10 and _row_end(stripped) and not stripped.endswith("."):
        # "Total cash and cash equivalents decreased $82.6 million (-46.2%)": a highlight set as a
        # list, a sentence without its full stop; a row's label names, it does not say what changed
        return "prose" if _CHANGED.search(line) else "row"
    if len(tokens) <= 5 and not stripped.endswith((".", "?", "!")):
        return "label"
    return "prose"


_LOWER_WORD = re.compile(r"^[a-zà-ÿ]{2,}$")
# a label of words, a colon and at once a currency amount: a line of a list of named amounts
_NAMED_AMOUNT = re.compile(r"[A-Za-z)][ \u00a0]?:[ \u00a0]*[$€£][ \u00a0]?\d")
# a verb that says what a figure did, in the past tense, right before an amount
_CHANGED = re.compile(r"\b(?:increased|decreased|rose|fell|grew|declined|dropped|totall?ed|amounted\s+to"
                      r"|steeg|stegen|daalde|daalden|bedroeg|bedroegen)\s+(?:by\s+|to\s+|met\s+|tot\s+)?[$€£(\d-]")


def _wraps_on(line: str, following: str) -> bool:
    """A sentence wrapped after a figure ("Government proposes to spend K217.1" / "billion or
    26.6 percent of GDP"): words in lower case before it, and the next line goes on in lower
    case. A table row's label has few such words."""
    nxt = following.split()
    if not nxt or not _LOWER_WORD.match(nxt[0]):
        return False
    return sum(1 for tok in line.split() if _LOWER_WORD.match(tok)) >= 3


# "1 080", "12 709": groups of thousands set apart by a plain space, on a page printed so
_SPACE_GROUPS = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d,])")


def regions(text: str, spaced: bool = False) -> list[Region]:
    """Table regions of one page's text; ``spaced``: the page groups thousands with a plain space,
    so "planned 1 080 but managed 566" holds one figure there, not two side by side."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    raws = text.split("\n")
    for k, raw in enumerate(raws):
        kind = line_kind(_SPACE_GROUPS.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), raw) if spaced else raw)
        if kind in ("row", "cell") and k + 1 < len(raws) and _wraps_on(raw, raws[k + 1]):
            kind = "prose"
        lines.append((offset, offset + len(raw), kind))
        offset += len(raw) + 1
    out: list[Region] = []
    i = 0
    n = len(lines)
    numeric = ("wide", "table", "row", "cell")
    while i < n:
        if lines[i][2] not in numeric:
            i += 1
            continue
        j = i
        last_numeric = i
        strong = weak = 0
        wide = False
        while j < n and lines[j][2] in numeric + ("label", "blank"):
            if lines[j][2] in numeric:
                last_numeric = j
                strong += lines[j][2] in ("table", "wide")
                weak += lines[j][2] not in ("table", "wide")
                wide = wide or lines[j][2] == "wide"
            elif j - last_numeric > 3:
                break
            j += 1
        if wide or strong >= 2 or (strong >= 1 and weak >= 2) or weak >= 3:
            out.append(Region(lines[i][0], lines[last_numeric][1], i + 1, last_numeric + 1))
        i = last_numeric + 1
    return out
