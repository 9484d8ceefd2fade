"""Find tables in the words of a page: lines, row labels, value cells and columns.

This works on word boxes rather than on pdfplumber's ``extract_tables``, because budget
tables rarely have ruling lines and their rows are ragged (a series that starts in 2013 has
no cells under 2010-2012). The steps:

1. group words into lines by vertical position;
2. glue figure fragments that the PDF split (``1 4.862``, ``‒ 2. 277``, ``11,062 .6``) and
   split figures that it ran together (``627,4691,248,804``), using the gaps between boxes;
3. split each line into a label (left) and value tokens (right);
4. cut the page into tables: runs of value lines, broken by prose or by a year header;
5. place each row's values in columns by their x-position, fitted in order to column anchors
   (so short rows align where their boxes are, and from the right when boxes say so).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Container
from dataclasses import dataclass, field, replace
from fractions import Fraction

from ..numbers import MONTHS
from ..sources.pdf_layout import PageWords, Word
from ..sources.tabular import ROW_FORMULA
from .axes import is_chart_axis
from .cells import (
    INCLUDED,
    MINUS_CHARS,
    CellNumber,
    DecimalSep,
    decide_decimal_sep,
    is_year,
    looks_numeric,
    parse_cell,
    split_run_together,
    whole_power_of_ten,
)
from .scale import Scale, currency_code, find_scale
from .settings import DEFAULT_SETTINGS, TableSettings
from .text_after import drop_text_after_figures, drop_text_among_figures
from .text_columns import split_text_columns

_CAPTION = re.compile(r"^\s*(?:summary\s+)?(?:tabel|table|tableau|tabla|cuadro|tab\.)\s*[:.]?\s*[\w.\-–]+", re.IGNORECASE)
# Non-figure tokens that still sit in value columns: p.m., n.v.t., page ranges ("20-25"),
_TEXT_CELL = re.compile(
    # "Continuing" (a US budget exhibit's Cost To Complete), "TBD": amounts not stated
    r"^(?:PM|p\.?m\.?|" + INCLUDED + r"|n\.?v\.?t\.?|n/?a|N/A|NA|nfp|x|X|\(X\)|\d+-\d+|n\.b\.|—|\*\*|Ref\.?|:|Continuing|TBD|"
    r"\(\d[\d.,]*[–‒-]\d[\d.,]*\)?|\(?\d[\d.,]*[–‒-]\d[\d.,]*\)|"  # confidence intervals "(1.1–1.2)"
    r"\(\d[\d.,]*\s?%\))$|"  # a share beside a count, "189 (55.6%)": not a negative percentage
    r"^#{3,}$|^#(?:DEEL/0|DIV/0|VERW|REF|WAARDE|VALUE|N/?B|N/?A)!?$|"  # a spreadsheet's overflow or error in a cell
    r"^[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d$"  # a date, "Sep 30, 2012" (see _month_dates)
)
_DOTS = re.compile(r"^[\s\u00a0]*(?:\.[\s\u00a0]*){2,}$|^\u2026+$")  # leaders, also spaced ". . . ."
_LEADER_TAIL = re.compile(r"(?:\s*[.\u00b7\u2026]){2,}\s*$")
_MINUS_ONLY = re.compile("^[" + re.escape(MINUS_CHARS) + r"(]$")
_TOTAL_LABEL = re.compile(r"^\s*(?:(?:sub[-\s]?)?tota(?:al|l|ls|le)|som\s+der)\b", re.IGNORECASE)
# A balance sheet's side total, which accounts print at the foot of the page however short the side
# ("TOTAAL ACTIVA" twenty lines under "Liquide middelen")
_SIDE_TOTAL = re.compile(r"^\s*(?:tota(?:al|le)\s+(?:activa|passiva)|balanstotaal|total\s+assets)\s*$", re.IGNORECASE)
# A row number before the label ("113 PENSION", "7. Huren"); never a year, which has four digits
ROW_NUMBER = re.compile(r"^\s*(\d{1,3}[.)]?)\s+(?=[^\d\s])")
_NUMBERED_BY = re.compile(
    r"section|sec\.|note|notes|table|annex|appendix|schedule|part|chapter|article|artikel|hoofdstuk|bijlage|noot|"
    r"toelichting|paragraaf|afdeling|sectie|ward:?|district:?|precinct:?|wijk:?|stadsdeel:?", re.IGNORECASE)
_ROW_NUMBER_ONLY = re.compile(r"^\s*(\d{1,2}[.)]?)\s*$")
_CURRENCY_ONLY = re.compile(r"^(?:€|\$|£|₹)$")
# a header ending in an amount to the cent ("Total $533.00"): a row of figures read as the header
_AMOUNT_IN_HEADER = re.compile(r"[$€£]\s?\d[\d,.]*[.,]\d\d$")
# lone dashes a space apart, this many or more, are a rule drawn with dashes
DASHED_RULE = 4
_LONE_DASHES = frozenset({"-", "\u2013", "\u2014", "\u2010", "\u2011", "\u2012", "\u2212"})
# lines that may stand between a table of one row and its years: a "$m" line, the row's heading
_YEARS_ABOVE = 3
# a note's section number in a column of references ("Toel. 6.1.2" in Belgian annual accounts):
# groups of one or two digits are no thousands
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){2,3}")
# a glyph of a symbol font (a tick, a bullet) between the figures: Unicode's private use area;
# rules drawn with characters ("───────" under a column, "═══════" under a total, "________",
# "–––––––" over a total): three dashes or more are a rule; one or two are a nil cell, and so are
# three or four on a line that holds words ("Revitalising Infrastructure  ---  ---  ---" in India's
# budget annexes): a rule has a line to itself
_SYMBOL = re.compile("[\ue000-\uf8ff]+|[\u2500-\u259f]+|_{3,}|[-\u2012-\u2015\u2212=]{3,}")
_SHORT_DASHES = re.compile("-{3,4}")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_NEGATIVE_CURRENCY = re.compile(r"[-\u2212\u2013\u2012](?:€|\$|£)")
_STARS = re.compile(r"\*{1,3}")
_NOTE_NUMBER = re.compile(r"\[\d{1,2}\]")
_SHOWN_SUM = re.compile(r"\(\d{1,4}(?:[.,]\d+)?\s?[*x×+]\s?\d{1,4}(?:[.,]\d+)?\)")
# "PM" (pro memorie) stands for an amount not yet known in Dutch budgets
_PRO_MEMORIE = re.compile(r"PM|p\.\s?m\.?", re.IGNORECASE)
# a cell that adds nothing to its column: pro memorie (not yet known), or included in another figure
_NO_AMOUNT = re.compile(r"PM|p\.\s?m\.?|" + INCLUDED, re.IGNORECASE)
# figures withheld or not available ("nfp": not for publication): a row of them is a row
_WITHHELD = re.compile(r"nfp|n\.?a\.?|n/a|n\.?v\.?t\.?|\.\.", re.IGNORECASE)
_PLUS_MINUS = ("-", "\u2013", "+", "\u2212")
_ENDS_IN_TOTAL = re.compile(r"\btota(?:al|l|ls)\s*$", re.IGNORECASE)  # "Judiciary Total": a complete label


@dataclass(frozen=True, slots=True)
class Token:
    """A word, or several words glued back into one figure, with its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    small: bool = False  # a superscript footnote marker: part of the label, never a value
    broken: bool = False  # a number or word broken over two lines ("ID 13-"): part of the label, never a value


@dataclass(slots=True)
class Line:
    """Tokens that share a baseline, left to right."""

    tokens: list[Token]
    top: float
    bottom: float
    size: float
    label: list[Token] = field(default_factory=list)
    values: list[Token] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def label_text(self) -> str:
        text = " ".join(t.text for t in self.label if not t.small and not _DOTS.match(t.text))
        # A dot leader can come glued to the label's last word ("Gambling. . . ."): not label text.
        return _LEADER_TAIL.sub("", text).strip()

    @property
    def is_year_header(self) -> bool:
        return len(self.values) >= 2 and all(is_year(v.text) for v in self.values)

    # Set by split_label once the values are known; read many times while tables are found.
    has_figures: bool = False
    lead: bool = False  # the first value stands left of the label (a column printed before the labels)


@dataclass(frozen=True, slots=True)
class Cell:
    """One value cell: the printed text, its exact reading (``None`` for a text cell), box and column."""

    text: str
    number: CellNumber | None
    col: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    # the figure's share printed in brackets right after it ("7.040 (11,3%)"): a percentage of
    # some whole in the row or column, checked as one (tables.percentages); never a cell of its own
    share: Cell | None = None


@dataclass(slots=True)
class Row:
    """A table row: its label (continuation lines joined) and its cells by column index."""

    label: str
    cells: dict[int, Cell]
    top: float
    bottom: float
    section: bool = False  # a heading inside the table ("Outlays:"), no values
    headed: bool = False  # lines of words above the row's own were joined to its label (a heading, maybe)
    # Where a row of a table joined across pages was printed: (page, table on that page, row
    # on that table, from 0). None for a table found on one page.
    origin: tuple[int, int, int] | None = None
    code: str = ""  # the account code printed beside the label (tables.account_codes)
    # a number in brackets set right after the label's last word, read as a footnote reference
    # ("Saldo BA 2025 (1)"): a row number when the page prints formulas of numbered rows
    mark: str = ""
    # where the label's first word starts (points from the page's left edge): statistical tables
    # show a group's items by setting them in under its heading (tables.heads). None: not known
    indent: float | None = None


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its x-extent and the header words above it, top to bottom."""

    index: int
    x0: float
    x1: float
    header: str
    leaf: str = ""  # header words from lines that name single columns (no spanning group titles)


@dataclass(slots=True)
class Table:
    """A table found on a page. ``index`` counts tables on the page from 1, top to bottom."""

    page: int
    index: int
    title: str | None
    scale: Scale | None
    columns: list[Column]
    rows: list[Row]
    header_text: str
    decimal_sep: DecimalSep | None
    bbox: tuple[float, float, float, float]
    suspect: bool = False  # figures other than years in the header: a data row may hide there
    size: float = 0.0  # the body's font size (median), in points
    # Nothing but page furniture (running heads, page numbers) above the table, or below it:
    # the table may continue from the previous page, or on the next one.
    starts_page: bool = False
    ends_page: bool = False
    # The first table of a page: the words printed above it (digits left out, page numbers change).
    # A page that repeats the previous page's title block over its table goes on with that table.
    top_text: str = ""
    last_on_page: bool = False  # nothing but page furniture below it, however high it ends
    coded: bool = False  # its rows carry account codes, which say what adds up (tables.account_codes)
    scored: bool = False  # a score card: components, then the score they add up to (tables.scores)
    # the currency of a sign printed apart from the figures ("$         174", accounting statements
    # set the signs in a column of their own): it holds for the table's figures (tables.totals)
    currency: str | None = None
    # The lines without figures between the table before it on the page and its header: a heading
    # that says what its rows are ("(In percent of FY GDP)" over a block that repeats the amounts' rows)
    heading: str = ""
    # its page notes that the figures may not add up because of rounding (tables.rounding_note)
    rounding_note: bool = False

    def amount(self, pos: int, col: int) -> CellNumber | None:
        """The figure of row ``pos``, column ``col`` when it is an amount (no percentage), else None."""
        cell = self.rows[pos].cells.get(col)
        if cell is None or cell.number is None or cell.number.percent:
            return None
        return cell.number


# ---------------------------------------------------------------- lines and tokens

_MINUS_AFTER = re.compile(r"\d[\d.,]*[" + re.escape(MINUS_CHARS) + "]")
_COMPOUND_LINK = re.compile(r"en|tot|of|t/m|and|or|to|&", re.IGNORECASE)
_GROUPED_MINUS_AFTER = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?[" + re.escape(MINUS_CHARS) + "]")


def group_lines(words: tuple[Word, ...] | list[Word], settings: TableSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Group words into lines: a word joins a line when its vertical centre lies in the line's seed box."""
    groups: list[list[Word]] = []  # each line's words; the first is its seed
    slack, back = settings.line_slack, settings.lines_looked_back
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        centre = (w.top + w.bottom) / 2
        for group in reversed(groups[-back:]):
            seed = group[0]
            if seed.top - slack <= centre <= seed.bottom + slack:
                group.append(w)
                break
        else:
            groups.append([w])
    # a page prints negatives with the minus after them ("5.564-", "295-": Dutch accounting software)
    # when two of its figures show it, or one grouped in thousands; elsewhere a lone "13-" a word
    # space after the word before it (or first on its line: "9-" over a list of codes) ends a number
    # broken over two lines ("SHAREPOINT ID 13-" / "294765S33212"), never a value (set off in a
    # column after its label, "188-" is one)
    # (and "0-" in "0- tot 4-jarigen", "1- en 2-persoons" is the first half of a compound: never a value)
    for group in groups:
        group.sort(key=lambda w: w.x0)
    dashed = [(w, k + 1 < len(group) and _COMPOUND_LINK.fullmatch(group[k + 1].text) is not None)
              for group in groups for k, w in enumerate(group) if _MINUS_AFTER.fullmatch(w.text) and not is_year(w.text)]
    prefixes = {id(w) for w, prefix in dashed if prefix}
    trailing = {id(w) for w, prefix in dashed if not prefix}
    minus_after = len(trailing) >= 2 or any(_GROUPED_MINUS_AFTER.fullmatch(w.text) for w, _ in dashed if id(w) in trailing)
    lines: list[Line] = []
    for group in groups:
        sizes = [w.size for w in group]
        size = statistics.median(sizes)
        # superscripts (footnote markers) are set clearly smaller than the line's text, and are
        # short; a row's figures may be set smaller than its long label ("307.000" under 8-point words)
        limit = settings.superscript_size * min(size * settings.superscript_cap, max(sizes))
        chars = settings.superscript_chars
        worded = any(_LETTERS.search(w.text) for w in group)
        tokens = [Token(w.text, w.x0, w.x1, w.top, w.bottom, w.size, small=w.size < limit and len(w.text) <= chars,
                        broken=id(w) in prefixes or not minus_after and id(w) in trailing
                        and (k == 0 or w.x0 - group[k - 1].x1 < settings.broken_gap * w.size))
                  for k, w in enumerate(group)
                  if not _SYMBOL.fullmatch(w.text) or worded and _SHORT_DASHES.fullmatch(w.text)]
        if not tokens:
            continue
        line = Line(_split_tokens(_glue_tokens(tokens, settings)), min(w.top for w in group),
                    max(w.bottom for w in group), size)
        lines.append(line)
    lines.sort(key=lambda ln: ln.top)
    return lines


def _join(a: Token, b: Token, between: str = "") -> Token:
    return Token(a.text + between + b.text, a.x0, b.x1, min(a.top, b.top), max(a.bottom, b.bottom),
                 max(a.size, b.size))


_OPENS_NUMBER = re.compile(r"\(?\d")
_DIGIT_START = re.compile(r"\d")
# (a currency sign glued to the leading digit first: "$3" + "16,819" for "$ 316,819")
_LEAD_DIGITS = re.compile(r"[(" + re.escape(MINUS_CHARS) + r"]?[$€£]?\d{1,3}")
_PLAIN_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\)?%?")
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?\)?%?")
_BARS = frozenset({"|", "||", "\u2502", "\u00a6"})
_FAVOURABLE = re.compile(r"[VNFU]")  # voordelig/nadelig, favourable/unfavourable
_BRACKETED_PERCENT = re.compile(r"\(\d[\d.,]*%\)")
_LETTERED = re.compile(r"\(?[a-z][.)]\s")
_MONTH = rf"(?:{MONTHS}|mar|oct)\.?"  # (and the English abbreviations the scanner has no need of)
# a header's date on a line of its own ("August 31, 2024", "31 december 2023"), read as the
# first row of figures "31," and "2024" unless it is taken for what it is
_DATE_LINE = re.compile(rf"(?:(?:as\s+(?:of|at)|per)\s+)?(?:{_MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MONTH})\s+(?:19|20)\d\d",
                        re.IGNORECASE)
# an outline's mark opening a label: "a.", "(b)", "2.", "iv)"
_ITEM_MARK = re.compile(r"\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"\((\d{1,2})\)")
_ENDS_IN_SEPARATOR = re.compile(r"\d[.,]$")
_GROUP_TAIL = re.compile(r"\d{3}(?:[.,]\d+)*\)?%?")
# "1 447 094": the first group, or the groups glued so far (joined by a no-break space, so that
# only a figure grouped by spaces throughout takes another group)
_SPACE_GROUPED_HEAD = re.compile(r"[(" + re.escape(MINUS_CHARS) + r"$€£]?\d{1,3}(?:\u202f\d{3})*")
_SPACE_GROUP = re.compile(r"\d{3}(?:[.,]\d+)?\)?%?")
_ENDS_IN_DIGIT = re.compile(r"\d$")
_DECIMALS = re.compile(r"[.,]\d+\)?%?")
_ENDS_IN_FIGURE = re.compile(r"\d\)?$")
_FOOTNOTE_REF = re.compile(r"\(\d{1,2}\)")
_SHARE_IN_BRACKETS = re.compile(r"\(\d[\d.,]*%\)")
# Every glue rule needs the right-hand word to start like the rest of a figure; most neighbours
# on a table page are words, and this one test spares them the regular expressions.
_GLUE_STARTS = frozenset("(0123456789.,%")
_OPEN_FIGURE = re.compile(r"\(\s*[$€£]?\d[\d.,]*")
_CLOSED_FIGURE = re.compile(r"[$€£]?\d[\d.,]*\)")


def _should_glue(a: Token, b: Token, settings: TableSettings) -> bool:
    """Do two neighbouring words belong to one figure? Decided from their text and the gap."""
    if a.small or b.small:
        return False
    gap = b.x0 - a.x1
    size = max(a.size, b.size)
    # a closing bracket set apart: "( 110,958.96 )" in accounting layouts
    if b.text == ")" and _OPEN_FIGURE.fullmatch(a.text) and gap <= settings.mark_gap * size:
        return True
    if b.text[:1] not in _GLUE_STARTS:
        return False
    # a lone minus or bracket close before digits: "‒ 794", "( 238,2)"; a change's plus: "+ 14.9"
    if (_MINUS_ONLY.match(a.text) or a.text == "+") and _OPENS_NUMBER.match(b.text) and gap <= settings.mark_gap * size:
        return True
    # an opening bracket set flush left of a figure set flush right, which closes it: "(   519,297.28)"
    if a.text == "(" and _CLOSED_FIGURE.fullmatch(b.text) and gap <= settings.bracket_gap * size:
        return True
    if _CURRENCY_ONLY.match(a.text) and _DIGIT_START.match(b.text) and gap <= settings.mark_gap * size:
        return True
    # a minus before the currency sign: "-€ 198.750" (a subsidy taken off an asset's cost)
    if _NEGATIVE_CURRENCY.fullmatch(a.text) and _DIGIT_START.match(b.text) and gap <= settings.mark_gap * size:
        return True
    # a leading digit split off with no gap at all: "1" + "4.862", "5" + "3.204,6"
    if _LEAD_DIGITS.fullmatch(a.text) and _GROUPED.fullmatch(b.text) and gap <= settings.lead_digit_gap * size:
        return True
    # a leading digit set flush against the rest of a small figure, drawn apart: "2" + "8.0"
    if _LEAD_DIGITS.fullmatch(a.text) and _PLAIN_FIGURE.fullmatch(b.text) and gap <= settings.touch_gap * size:
        return True
    # a group split after its separator: "2." + "277"
    if _ENDS_IN_SEPARATOR.search(a.text) and _GROUP_TAIL.fullmatch(b.text) and gap <= settings.split_gap * size:
        return True
    # decimals split off: "11,062" + ".6"
    if _ENDS_IN_DIGIT.search(a.text) and _DECIMALS.fullmatch(b.text) and gap <= settings.split_gap * size:
        return True
    if _ENDS_IN_FIGURE.search(a.text) and b.text == "%" and gap <= settings.percent_gap * size:
        return True
    return False


def _space_grouped(a: Token, b: Token, word_space: float) -> bool:
    """A space for the thousands separator: "1 447 094", "13 340" (Australian, French and SI style).
    A word space is about half the type size; a gap between columns is wider."""
    return (not a.small and not b.small and b.x0 - a.x1 <= word_space * max(a.size, b.size)
            and _SPACE_GROUP.fullmatch(b.text) is not None and _SPACE_GROUPED_HEAD.fullmatch(a.text) is not None)


_OPEN_SHARE = re.compile(r"\(\d+(?:[.,]\d+)?")


def _closed_shares(tokens: list[Token], settings: TableSettings) -> list[Token]:
    """A share in brackets printed with a space before its percent sign, "52 (75 %)", as one token."""
    out: list[Token] = []
    for t in tokens:
        if (out and t.text == "%)" and _OPEN_SHARE.fullmatch(out[-1].text)
                and t.x0 - out[-1].x1 <= settings.percent_gap * max(t.size, out[-1].size)):
            out[-1] = _join(out[-1], t)
        else:
            out.append(t)
    return out


# the closing end of a negative printed with both marks: "( €   -5.995)"
_DOUBLE_NEGATIVE_END = re.compile(r"^[-\u2212\u2013](\d[\d.,]*)\)$")


_MONTH_WORD = re.compile(rf"^{_MONTH}$", re.IGNORECASE)
_DAY_COMMA = re.compile(r"^\d{1,2},$")
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


def _month_dates(tokens: list[Token]) -> list[Token]:
    """"Sep 30, 2012" as one token: a date, no day and year among the row's figures (a lease
    listing's start and end dates beside its amounts, after its line number). The date is a cell of
    text. Only a date after a figure: one that starts its line is the row's label ("December 31,
    2010  1,645.3 …"), and one in words is a header's ("as of Sept. 30, 2017")."""
    dates = [k for k in range(len(tokens) - 2) if _MONTH_WORD.match(tokens[k].text)
             and _DAY_COMMA.match(tokens[k + 1].text) and _YEAR_ONLY.match(tokens[k + 2].text)]
    in_dates = {k + d for k in dates for d in (1, 2)}
    # (the first figure that is no date's day or year: "August 31, 2024  August 31, 2023" is a header)
    first = next((k for k, t in enumerate(tokens) if k not in in_dates and any(ch.isdigit() for ch in t.text)),
                 len(tokens))
    starts = {k for k in dates if k > first}
    if not starts:
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        if k in starts:
            a, b = tokens[k], tokens[k + 2]
            out.append(Token(f"{a.text} {tokens[k + 1].text} {b.text}", a.x0, b.x1, min(a.top, b.top),
                             max(a.bottom, b.bottom), a.size))
            k += 3
            continue
        out.append(tokens[k])
        k += 1
    return out


def _doubly_negative(tokens: list[Token]) -> list[Token]:
    """A negative printed with a bracket and a minus both, its currency sign between them in a
    column of signs ("( €   -5.995)", a small filer's balance sheet): one negative figure, "(5.995)",
    with its sign. Read as printed, the bracket and the sign end the label, and the figure is none."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        sign = k + 2 < len(tokens) and _CURRENCY_ONLY.match(tokens[k + 1].text)
        end = tokens[k + (2 if sign else 1)] if k + (2 if sign else 1) < len(tokens) else None
        m = _DOUBLE_NEGATIVE_END.match(end.text) if t.text == "(" and end is not None else None
        if m is None or end is None:
            out.append(t)
            k += 1
            continue
        if sign:
            out.append(tokens[k + 1])
        out.append(Token(f"({m.group(1)})", end.x0, end.x1, end.top, end.bottom, end.size))
        k += 3 if sign else 2
    return out


def _glue_tokens(tokens: list[Token], settings: TableSettings) -> list[Token]:
    out: list[Token] = []
    word_space, ref_gap, share_gap = settings.word_space, settings.footnote_ref_gap, settings.share_gap
    if any(t.text == "(" for t in tokens):
        tokens = _doubly_negative(tokens)
    if any(_DAY_COMMA.match(t.text) for t in tokens):
        tokens = _month_dates(tokens)
    if any(t.text == "%)" for t in tokens):
        tokens = _closed_shares(tokens, settings)
    for t in tokens:
        if (
            out
            and t.text[:1] == "("
            and _ENDS_IN_DIGIT.search(out[-1].text)
            and (
                (_FOOTNOTE_REF.fullmatch(t.text) and t.x0 - out[-1].x1 <= ref_gap * t.size)
                or (_SHARE_IN_BRACKETS.fullmatch(t.text) and t.x0 - out[-1].x1 <= share_gap * t.size)
            )
        ):
            # "10,000 (1)": a footnote reference; "189 (55.6%)": the count's share. Neither is a
            # figure of its own (nor a negative one)
            out.append(Token(t.text, t.x0, t.x1, t.top, t.bottom, t.size, small=True))
            continue
        if out and _space_grouped(out[-1], t, word_space):
            out[-1] = _join(out[-1], t, "\u202f")
        elif out and _should_glue(out[-1], t, settings):
            out[-1] = _join(out[-1], t)
        else:
            out.append(t)
    return out


# a label and its figure joined by a dot leader with no space ("Expense………………$31,319.00",
# "Total revenue.........77,586"): the leader goes, the label and the figure stay apart
_GLUED_LEADER = re.compile(r"^(?P<a>.*[^\s.\u00b7\u2026])(?P<dots>[.\u00b7\u2026]{3,})(?P<b>[-(\u2212€$£]?\d[\d.,]*\)?)$")


# "4,800*", and a fund's or footnote's letter glued in brackets: "1,449,697(F)", "243(P)", "12,5(a)"
_STARRED = re.compile(r"^(?P<a>.*\d\)?)(?P<mark>\*{1,3}|\([A-Za-z]\))$")


def _split_tokens(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        led = _GLUED_LEADER.match(t.text)
        if led:
            # no box per character here: share the word's width out by character count
            width = (t.x1 - t.x0) / len(t.text)
            a_end = t.x0 + width * len(led["a"])
            b_start = t.x1 - width * len(led["b"])
            out.append(Token(led["a"], t.x0, a_end, t.top, t.bottom, t.size, t.small))
            out.append(Token(led["b"], b_start, t.x1, t.top, t.bottom, t.size, t.small))
            continue
        starred = _STARRED.match(t.text)
        if starred and looks_numeric(starred["a"]):
            # a footnote mark glued to a figure ("4,800*" over "* Being one-third of ..."): the
            # figure is the cell, the mark a superscript the row's values pass over
            cut = t.x1 - (t.x1 - t.x0) * len(starred["mark"]) / len(t.text)
            out.append(Token(starred["a"], t.x0, cut, t.top, t.bottom, t.size, t.small))
            out.append(Token(starred["mark"], cut, t.x1, t.top, t.bottom, t.size, True))
            continue
        parts = split_run_together(t.text)
        if parts is None:
            out.append(t)
            continue
        a, b = parts
        # no box per character here: share the word's width out by character count
        cut = t.x0 + (t.x1 - t.x0) * len(a) / len(t.text)
        out.append(Token(a, t.x0, cut, t.top, t.bottom, t.size, t.small))
        out.append(Token(b, cut, t.x1, t.top, t.bottom, t.size, t.small))
    return out


def _share_after(line: Line, value: Token, dsep: DecimalSep | None, col: int, share_gap: float) -> Cell | None:
    """The "(55,6%)" set right after a figure (marked small when the words were glued), as a cell."""
    for t in line.tokens:
        if t.small and t.x0 >= value.x1 and t.x0 - value.x1 <= share_gap * t.size and _SHARE_IN_BRACKETS.fullmatch(t.text):
            # a percentage has one or two decimals: its separator is plain even where the
            # table's figures leave it open ("62.463")
            seps: tuple[DecimalSep | None, ...] = (dsep, ",", ".")
            number = next((n for sep in seps if sep and (n := parse_cell(t.text[1:-1], sep))), None)
            if number is not None and number.percent:
                return Cell(t.text, number, col, (t.x0, t.top, t.x1, t.bottom))
    return None


# a figure printed as an amount - grouped digits, in brackets, or a nil dash - not a row number
_LEFT_AMOUNT = re.compile(r"\(?[$€£]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?\)?|\([$€£]?\d[\d.,]*\)|[-\u2013\u2014]")
_CODE_AFTER_NAME = re.compile(r"[-\u2013]\d{1,4}")
_NOTE_MARK = re.compile(r"[A-Z]|\d{1,2}[a-z]")
_LEADING_CURRENCY = re.compile(r"^[(\-−]?\s*(?:[$€£]|[A-Z]{1,3}\$)")
_SHORT_DECIMALS = re.compile(r"\d[.,]\d{1,2}\)?%?$")


def _unlike(text: str, others: list[Token]) -> bool:
    """Is a figure printed unlike all the others: no currency sign where they all have one, or
    decimals where none of them has any?"""
    if all(_LEADING_CURRENCY.match(t.text) for t in others) and not _LEADING_CURRENCY.match(text):
        return True
    if text.strip("-\u2013\u2014") == "":
        return True  # "COURTS DASNY FUNDING AGREEMENT --": a dash the title goes on after, no nil cell
    grouped = [t.text for t in others if len(re.sub(r"\D", "", t.text)) >= 4]
    if grouped and all(_GROUPED.search(g) for g in grouped) and len(re.sub(r"\D", "", text)) >= 3 and not _GROUPED.search(text):
        return True  # "COURTHOUSE - 120 SCHERMERHORN ST.": a house number, where the figures print 8,000,000
    return bool(_SHORT_DECIMALS.search(text)) and not any(_SHORT_DECIMALS.search(t.text) for t in others)


def _value_like(t: Token) -> bool:
    return not t.small and not t.broken and not _SECTION_NUMBER.fullmatch(t.text) and (
        looks_numeric(t.text) or bool(_TEXT_CELL.match(t.text)))


def _in_leader(toks: list[Token], i: int, near: float) -> bool:
    """Is the lone "." at ``i`` one of a dot leader's spaced dots (". . . ." after a label, however
    wide apart), not a statistical table's "not applicable" mark in a column of figures, after a
    figure of the row ("26,100   .   .   24,400")?"""
    k = i - 1
    while k >= 0 and toks[k].text == ".":
        k -= 1
    # (a number the label ends with, "Add lines 17 through 25 . . .", is no figure of the row)
    if k < 0 or not _value_like(toks[k]) or (
            k and toks[k].x0 - toks[k - 1].x1 < near and not _value_like(toks[k - 1])):
        return True
    return i + 1 < len(toks) and toks[i + 1].text == "." and toks[i + 1].x0 - toks[i].x1 < near


_FULL_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}")


def _drop_dashed_rules(toks: list[Token], near: float) -> list[Token]:
    """The tokens without runs of DASHED_RULE lone dashes a space apart ("- - - - - Estimate
    Included in Division N, Item 15. - - - -" across a row's columns): a rule drawn with dashes,
    not nil cells, which stand a column apart."""
    if sum(1 for t in toks if t.text in _LONE_DASHES) < DASHED_RULE:
        return toks
    out: list[Token] = []
    run: list[Token] = []
    for t in [*toks, None]:
        if t is not None and t.text in _LONE_DASHES and (not run or t.x0 - run[-1].x1 < near):
            run.append(t)
            continue
        out.extend(run if len(run) < DASHED_RULE else [])
        run = [t] if t is not None and t.text in _LONE_DASHES else []
        if t is not None and not run:
            out.append(t)
    return out


_BOUND_SIGNS = frozenset({"<", ">", "\u2264", "\u2265", "<=", ">="})


def split_label(line: Line, settings: TableSettings = DEFAULT_SETTINGS) -> None:
    """Split a line into label tokens (left) and value tokens (the figures at its right end).

    Values are the longest run at the end of the line made only of figures, nil marks and
    known text cells (p.m., page ranges). The first dot leader after the label belongs to the
    label; later dot runs are empty cells ("........." in US budget tables).
    """
    size = line.size
    near, wide, word_space = settings.near_gap * size, settings.wide_gap * size, settings.word_space * size
    # the sum that gave a figure, printed beside it ("24 (8*3)" hours): a note, no cell
    toks = [t for k, t in enumerate(line.tokens) if not (
        k and _SHOWN_SUM.fullmatch(t.text) and looks_numeric(line.tokens[k - 1].text)
        and t.x0 - line.tokens[k - 1].x1 < near)]
    toks = _drop_dashed_rules(toks, near)
    # margin text far to the right (running heads, vertical "SUMMARY TABLES" letters) is not
    # part of the row: drop non-figure tokens separated from the rest by a wide gap
    while (
        len(toks) >= 2
        and not _value_like(toks[-1])
        and toks[-1].x0 - toks[-2].x1 > wide
        and _value_like(toks[-2])
    ):
        toks = toks[:-1]
    # columns of dates after the figures ("... 40.6   10/01/2016   10/01/2016": a plan year and a
    # payment's start): no amounts, and no label either
    k = len(toks)
    while k >= 2 and _FULL_DATE.fullmatch(toks[k - 1].text) and toks[k - 1].x0 - toks[k - 2].x1 > word_space:
        k -= 1
    if k < len(toks) and _value_like(toks[k - 1]) and not _FULL_DATE.fullmatch(toks[k - 1].text):
        toks = toks[:k]
    # a note reference in a "Note" column after the figures ("(297,350)   A"): not part of the row's values
    if (
        len(toks) >= 3 and _NOTE_MARK.fullmatch(toks[-1].text) and _value_like(toks[-2])
        and looks_numeric(toks[-2].text) and toks[-1].x0 - toks[-2].x1 > settings.note_column_gap * size
    ):
        toks = toks[:-1]
    # text set beside a table on the same baselines (chart labels): after figures, a wide gap,
    # then words only -> the words are not part of the row
    for i in range(len(toks) - 1, 0, -1):
        if toks[i].x0 - toks[i - 1].x1 > wide:
            head = toks[:i]
            if (
                not any(_value_like(t) for t in toks[i:])
                and _value_like(toks[i - 1])
                and any(not _value_like(t) and not t.small for t in head)  # a label, then figures
            ):
                toks = toks[:i]
            break
    # line.tokens keeps everything (captions and unit lines are read from it)
    start = len(toks)
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.small:
            continue  # footnote markers are transparent here and end up in the label
        if _value_like(t) and not (t.text == "." and _in_leader(toks, i, near)):
            start = i
        elif _FAVOURABLE.fullmatch(t.text) and i + 1 == start and i > 0 and _value_like(toks[i - 1]):
            # "-124 V   25.039": voordelig / nadelig (favourable, unfavourable) after a variance,
            # a cell of the row's own, between figures
            start = i
        elif _CURRENCY_ONLY.match(t.text) and i + 1 == start:
            # "$       7,742,380": a currency sign set apart from its figure (accounting
            # statements align the signs in a column of their own) is part of the cell
            start = i
        else:
            break
    # everything up to a long dot leader is label (incl. a footnote digit before the leader)
    for i in range(len(toks) - 1, -1, -1):
        if _DOTS.match(toks[i].text) and toks[i].x1 - toks[i].x0 > settings.leader_width * size:
            start = max(start, i + 1)
            break
    # a dot leader directly after the label text (or its footnote marker) is part of the label
    while start < len(toks) and (toks[start].small or (_DOTS.match(toks[start].text) and (
        start == 0 or not _value_like(toks[start - 1]) or toks[start - 1].small
    ))):
        start += 1
    # a footnote mark a space after the words ("Liquide middelen **", "Total Current Assets [1]") is
    # part of the label; a "*" or "[16]" for "less than half the unit" stands in a column of
    # figures, away from the words
    while (0 < start < len(toks) and (_STARS.fullmatch(toks[start].text) or _NOTE_NUMBER.fullmatch(toks[start].text))
           and toks[start].x0 - toks[start - 1].x1 < near and not _value_like(toks[start - 1])):
        start += 1
    # "Total Section 1", "Note 4": a number the word before it takes is part of the label; so is
    # a small number a word-space after a word, the row's figures far off ("SUB-TOTAL 1   $
    # 827,500.00", "Railscamp 12   222   574")
    if 0 < start < len(toks) - 1 and _ROW_NUMBER_ONLY.match(toks[start].text) and (
            (_NUMBERED_BY.fullmatch(toks[start - 1].text) and toks[start].x0 - toks[start - 1].x1 < near)
            or _word_takes(toks, start, word_space, settings.far_figures_gap * size)):
        start += 1
    # "2006 Menu - Ward: 03": a number its word names, alone on the line, is the label's too
    if (start == len(toks) - 1 and start > 0 and re.fullmatch(r"0?\d{1,2}", toks[start].text)
            and _NUMBERED_BY.fullmatch(toks[start - 1].text) and toks[start].x0 - toks[start - 1].x1 < near):
        start += 1
    # "< 18", "> 65": an age group's bound, the sign and its number one label
    if (0 < start < len(toks) - 1 and toks[start - 1].text in _BOUND_SIGNS and all(t.text in _BOUND_SIGNS for t in toks[:start])
            and re.fullmatch(r"\d{1,3}", toks[start].text) and toks[start].x0 - toks[start - 1].x1 < word_space):
        start += 1
    values = [t for t in toks[start:] if not t.small and not _CURRENCY_ONLY.match(t.text)]
    if (len(values) >= 3 and _PRO_MEMORIE.fullmatch(values[-1].text) and values[-2].text in _PLUS_MINUS
            and looks_numeric(values[-3].text) and values[-1].x0 - values[-3].x1 < settings.pm_note_gap * size):
        # "€ 594.422 – PM": the known amount, less a cost not yet known; the "– PM" is a note
        # on the figure, no cell of its own
        values = values[:-2]
    if (len(values) == 1 and start >= 3 and re.fullmatch(r"\d{1,2}", values[0].text)
            and values[0].x0 - toks[start - 1].x1 < word_space
            and any(toks[i].text == toks[start - 1].text and re.fullmatch(r"\d{1,2}", toks[i + 1].text)
                    for i in range(start - 2))):
        # the last of a run of numbered headings ("Level 1   Level 2   Level 3"): a word of the
        # header, like the numbers before it, not a figure under the last one
        values = []
    if not _figures_among(values):
        if not (values and start > 0 and values[0].x0 - toks[start - 1].x1 > wide and (
                all(_NO_AMOUNT.fullmatch(v.text) for v in values)
                or (len(values) >= 2 and all(_WITHHELD.fullmatch(v.text) for v in values)))):
            start, values = len(toks), []
        # else a row whose amounts are all "PM" (pro memorie: not yet known) or all withheld
        # ("nfp"), set in the column of figures far from its words: a row of the table all the same
    elif len(values) == 1 and start >= settings.prose_words:
        # running text that happens to end in a number ("... met 23.") is not a table row
        words = toks[:start]
        gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:] + [values[0]])]
        set_off = gaps[-1] >= near and gaps[-1] > settings.prose_figure_gap_ratio * max(gaps[:-1])
        if max(gaps) < settings.prose_gap * size and not set_off:
            start, values = len(toks), []
    elif (len(values) == 1 and start >= 2 and re.fullmatch(r"\d{1,2}", values[0].text)
          and values[0].x0 - toks[start - 1].x1 < word_space and toks[start - 1].text[:1].islower()
          and toks[start - 2].text[:1].islower()):
        # a small number a word-space after lower-case words is a word of a wrapped label
        # ("een periode van 3" / "jaar: opstellen en"), not a figure
        start, values = len(toks), []
    elif len(values) == 1 and 0 < start and is_year(values[0].text) and (
            values[0].x0 - toks[start - 1].x1 < settings.year_after_words_gap * size):
        # a year set right after the words is part of them ("Boekwaarde 1 januari 2022"), not a cell
        start, values = len(toks), []
    elif len(values) == 1 and 0 < start and values[0].text in "-\u2013\u2014" and (
        values[0].x0 - toks[start - 1].x1 < near
    ):
        # a dash right after a heading's words introduces its rows ("TAX REVENUES —"); a nil
        # dash stands in a column of figures, away from the words
        start, values = len(toks), []
    elif len(values) == 1 and 0 < start and _CODE_AFTER_NAME.fullmatch(values[0].text) and (
        values[0].x0 - toks[start - 1].x1 < settings.code_after_name_gap * size
    ):
        # a department's code after its name, a word-space away ("Select Board -122")
        start, values = len(toks), []
    elif (
        len(values) >= 2 and 0 < start and toks[start] is values[0] and not toks[start - 1].small
        and values[0].x0 - toks[start - 1].x1 < word_space
        and values[1].x0 - values[0].x1 > settings.far_figures_gap * size
        and not _CURRENCY_ONLY.match(toks[start - 1].text)
        and (_unlike(values[0].text, values[1:]) or is_year(values[0].text))
    ):
        # a number one word-space after the words, printed unlike the figures far off: part of
        # the label ("Prop 2.5   $210,634   $221,314"); "Zorg 12,0   -0,5   11,5" keeps its 12,0
        values = values[1:]
        start = toks.index(values[0])
        if _CURRENCY_ONLY.match(toks[start - 1].text):
            start -= 1  # the figure's currency sign, set apart from it, stays with it
    lead = 0
    if (
        start >= 2 and values and _LEFT_AMOUNT.fullmatch(toks[0].text) and not toks[0].small
        and not _value_like(toks[1]) and toks[1].x0 - toks[0].x1 > settings.left_amount_gap * size
    ):
        # an amount column printed left of the labels ("(145,000)   Economic Development
        # (4,022) ..." in an English council's budget comparison: last year's budget first)
        lead = 1
        values = [toks[0], *values]
    line.label = toks[lead:start] + [t for t in toks[start:] if t.small]
    line.values = values
    line.lead = bool(lead)
    if len(toks) == 1 and values and is_year(values[0].text) and not values[0].text.startswith("("):
        # a year alone on its line is the end of a wrapped label ("... ten gevolge van inwonergroei"
        # / "2025") or a heading, never a row of one figure
        line.label, line.values = list(toks), []
    line.has_figures = _has_figures(line, settings)


def _word_takes(toks: list[Token], k: int, word_space: float, far: float) -> bool:
    """Does the word before token ``k`` (a word, or a total's: "SUB-TOTAL") take it as its number,
    one or two digits a word-space after it, the next figure of the row far off?"""
    word, number = toks[k - 1], toks[k]
    after = next((t for t in toks[k + 1:] if not t.small and not _CURRENCY_ONLY.match(t.text)), None)
    return (re.fullmatch(r"\d{1,2}", number.text) is not None and not word.small and not number.small
            and (word.text.isalpha() or _TOTAL_LABEL.fullmatch(word.text) is not None)
            and number.x0 - word.x1 < word_space and after is not None and after.x0 - number.x1 > far)


def _without_bars(lines: list[Line]) -> list[Line]:
    """The lines without the bars of a rule drawn with "|" between side-by-side blocks of a table
    ("… $383  7.3%  |  $85,731 …"), and without the lines that held nothing else."""
    out = []
    for ln in lines:
        if any(t.text in _BARS for t in ln.tokens):
            kept = [t for t in ln.tokens if t.text not in _BARS]
            if not kept:
                continue
            ln = replace(ln, tokens=kept)
        out.append(ln)
    return out


def _column_numbers(ln: Line) -> bool:
    """Is the line nothing but the columns' numbers, "(1)  (2)  (3)  (4)" under their headers? A
    header line, not a first row of negative figures."""
    nums = [_COLUMN_NUMBER.fullmatch(v.text.strip()) for v in ln.values]
    if len(nums) < 2 or ln.label_text or not all(nums):
        return False
    ks = [int(m.group(1)) for m in nums if m]
    return all(b == a + 1 for a, b in zip(ks, ks[1:]))


def _figures_among(values: list[Token]) -> bool:
    """Are there figures among a line's values? A negative percentage "(8.25%)" counts in a row of
    two values or more, all figures: alone at a line's end it is a share beside a count or a
    figure in running text ("conform opgave gemeente Lelystad (3,2%)", cells.looks_numeric)."""
    if any(looks_numeric(v.text) and not _DOTS.match(v.text) and v.text != "." for v in values):
        return True
    return len(values) >= 2 and all(_BRACKETED_PERCENT.fullmatch(v.text) for v in values)


def _has_figures(line: Line, settings: TableSettings) -> bool:
    if not _figures_among(line.values) or _note_number_only(line, settings):
        return False
    text = line.text
    if _CAPTION.match(text):
        return False
    # "(bedragen x € 1.000)   2021   2022" is a title, not a row; "Net Procurement (P-1) ($ in
    # Millions)   7,040.759   0.000 ..." is a row that names its unit in its label (DoD exhibits)
    return not find_scale([text]) or (
        sum(1 for v in line.values if not is_year(v.text)) >= 2 and bool(find_scale([line.label_text])))


def _note_number_only(line: Line, settings: TableSettings) -> bool:
    """Is the line's one figure a note's number set right after a word, "State Pension Age (7)" in
    a header, not a row's negative 7 (a cell stands apart from its label)?"""
    if len(line.values) != 1 or not line.label or not ROW_MARK.match(line.values[0].text):
        return False
    return line.values[0].x0 - line.label[-1].x1 <= settings.word_space * line.size


# ---------------------------------------------------------------- tables


ROW_MARK = re.compile(r"^\((\d{1,2})\)$")  # a row number in a column of its own: "(4)"


def is_figure(cell: Cell | None) -> bool:
    """Does the cell hold a figure (a number that is not a nil mark)?"""
    return cell is not None and cell.number is not None and not cell.number.nil


def _figures_left(line: Line) -> float:
    """Where the line's figures start, not counting a row number in a column of its own ("(4)"):
    labels wrap under such a number, and they are still the table's labels. A line of nothing but
    such a number has no figures to start (infinity)."""
    xs = [v.x0 for v in line.values[1 if line.lead else 0:] if not ROW_MARK.match(v.text)]
    return min(xs) if xs else float("inf")


def _block_lines(lines: list[Line], settings: TableSettings, height: float = 0.0) -> list[tuple[int, int]]:
    """Runs [i, j) of lines that form table bodies (``height``: the page's, to know its margins)."""
    blocks: list[tuple[int, int]] = []
    s = settings
    i = 0
    while i < len(lines):
        if not lines[i].has_figures or lines[i].is_year_header or _running_head(lines, i, height, s):
            i += 1
            continue
        start = i
        left = _figures_left(lines[i])
        right_edge = max(v.x1 for v in lines[i].values)
        # where the last column's figures start: a column set flush left ends its figures unevenly
        last_x0 = lines[i].values[-1].x0
        edges = [v.x1 for v in lines[i].values]  # the right edges of the table's columns so far
        starts = [v.x0 for v in lines[i].values]  # and where their figures start
        last_value = i
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            gap = ln.top - lines[j - 1].bottom
            if gap > s.row_gap * ln.size and not (
                # a wider gap (a blank line between groups of rows) inside a column of figures
                # whose right edges line up: still the same table
                gap <= s.aligned_gap * ln.size and ln.has_figures and _row_line(lines[j - 1])
                and _ends_at(ln, right_edge, s, last_x0)
            ) and not (
                # the same, with the next group's heading right above its rows ("Effecten" over
                # "Besparing huisartsconsulten  € 294.000")
                gap <= s.aligned_gap * ln.size and _row_line(lines[j - 1])
                and _group_heading(lines, j, left, right_edge, s, last_x0)
            ) and not (
                # a row whose three figures or more end at the table's column edges, after
                # nothing but the wrapped label of the row above (rows of fixed height)
                gap <= s.fixed_height_gap * ln.size and _on_edges(ln, edges, starts, s)
                and max(t.x1 for t in lines[j - 1].tokens) <= left - s.value_zone_margin * ln.size
            ):
                break
            if ln.is_year_header:
                break
            if not ln.has_figures and _row_line(ln) and (_ends_at(ln, right_edge, s, last_x0) or all(
                    any(abs(v.x1 - e) <= s.nil_row_edge * ln.size for e in edges) for v in ln.values)):
                j += 1  # a row of "PM" or "inclusive" in a column of figures: part of the table
                continue
            if ln.has_figures and min(v.x0 for v in ln.values) > right_edge + s.beside_gap * ln.size and not _outer_row(
                    ln, lines[j - 1], left, s):
                j += 1  # figures beside the table (a chart's axis), not a row of it
                continue
            if ln.has_figures:
                # a lone number left of the columns (a code in a heading, a spreadsheet's row
                # number) does not move where the table's figures start
                left = min(left, _figures_left(ln))
                if ln.values[-1].x1 > right_edge:
                    right_edge, last_x0 = ln.values[-1].x1, ln.values[-1].x0
                edges.extend(v.x1 for v in ln.values)
                starts.extend(v.x0 for v in ln.values)
                right_edge = max(right_edge, max(v.x1 for v in ln.values))
                last_value = j
                j += 1
                continue
            if min(t.x0 for t in ln.tokens) > right_edge + s.margin_text_gap * ln.size:
                j += 1  # margin text beside the table (a running head set vertically)
                continue
            # a label-only line stays inside the table only if it ends left of the values
            right = max(t.x1 for t in ln.tokens)
            if right > left - s.value_zone_margin * ln.size or _CAPTION.match(ln.text):
                # notes set among the rows are passed over when the rows go on under them
                after = _notes_end(lines, j, left, right_edge, s)
                if after is None:
                    break
                j = after
                continue
            j += 1
        end = last_value + 1
        # the last row's label may wrap below its figures: a row formula ("12=10+11") or a
        # lower-case continuation ("huurtoeslag)") right under it, left of the values
        while (
            end < len(lines) and end - last_value <= s.wrapped_label_lines and not lines[end].has_figures
            and lines[end].top - lines[end - 1].bottom <= s.row_gap * lines[end].size
            and max(t.x1 for t in lines[end].tokens) <= left - s.value_zone_margin * lines[end].size
            and (ROW_FORMULA.match(lines[end].text.lstrip()) or lines[end].text[:1].islower())
        ):
            end += 1
        blocks.append((start, end))
        i = end
    return blocks


def _outer_row(ln: Line, above: Line, left: float, settings: TableSettings) -> bool:
    """Is a line whose figures stand right of the table's a row with a figure in an outer column
    (a balance sheet's group amount): labelled from the left like the other rows, or a lone
    subtotal right under a row of figures?"""
    if ln.label:
        return min(t.x0 for t in ln.label) < left and len(ln.values) == 1
    return len(ln.values) == 1 and above.has_figures and ln.top - above.bottom <= settings.row_gap * ln.size


def _on_edges(ln: Line, edges: list[float], starts: list[float], settings: TableSettings) -> bool:
    """Do three figures of the line or more all end at right edges of the table's columns, or
    start where a column's figures start (a column set flush left)?"""
    if not (ln.has_figures and len(ln.values) >= settings.edge_row_figures):
        return False
    near = settings.edge_tolerance * ln.size
    return all(any(abs(v.x1 - e) <= near for e in edges) or any(abs(v.x0 - e) <= near for e in starts)
               for v in ln.values)


def _row_line(ln: Line) -> bool:
    """A line of a table's body: figures, or only "PM" (amounts not yet known) or "nfp" (not for
    publication) where figures go."""
    return ln.has_figures or bool(ln.values) and all(
        _NO_AMOUNT.fullmatch(v.text) or _WITHHELD.fullmatch(v.text) for v in ln.values)


def _ends_at(ln: Line, right_edge: float, settings: TableSettings, last_x0: float | None = None) -> bool:
    """Do the line's figures end where the table's figures end (or, given where the last
    column's figures start, start there: a column set flush left)?"""
    near = settings.edge_tolerance * ln.size
    if abs(max(v.x1 for v in ln.values) - right_edge) <= near:
        return True
    return last_x0 is not None and abs(ln.values[-1].x0 - last_x0) <= near


def _notes_end(lines: list[Line], j: int, left: float, right_edge: float, settings: TableSettings) -> int | None:
    """Where notes set among a table's rows end, when line ``j`` starts them ("* Net of restricted
    account" / "transfer", "** Basic Education appropriation combines ..."): words only, each note
    opening with a footnote star, up to eight lines (``notes_lines``); None when ``j`` is no such note, or when the
    table's rows do not go on right under the notes (under a heading at most)."""
    ln = lines[j]
    words = [t for t in ln.tokens if not t.small]
    if not (words and words[0].text.startswith("*")):
        return None
    k, note_xs = j + 1, [words[0].x0]
    while (k < min(j + settings.notes_lines, len(lines)) and not lines[k].has_figures
           and lines[k].top - lines[k - 1].bottom <= settings.row_gap * ln.size):
        more = [t for t in lines[k].tokens if not t.small]
        if more and more[0].text.startswith("*"):
            note_xs.append(more[0].x0)  # the next note (notes may stand side by side)
        elif more and all(abs(more[0].x0 - x) > settings.note_indent * ln.size for x in note_xs):
            break  # neither a note nor a line of one
        k += 1
    nxt = k
    while (nxt < min(k + settings.notes_heading_lines, len(lines)) and not lines[nxt].has_figures and lines[nxt].tokens
           and max(t.x1 for t in lines[nxt].tokens) <= left - settings.value_zone_margin * ln.size):
        nxt += 1
    return k if nxt < len(lines) and lines[nxt].has_figures and _ends_at(lines[nxt], right_edge, settings) else None


def _group_heading(
    lines: list[Line], j: int, left: float, right_edge: float, settings: TableSettings, last_x0: float | None = None
) -> bool:
    """Is line ``j`` a short heading (words only, ending left of the figures) set right above a
    row whose figures end where the table's figures end?"""
    ln = lines[j]
    if (ln.has_figures or len(ln.tokens) > settings.group_heading_words
            or max(t.x1 for t in ln.tokens) > left - settings.value_zone_margin * ln.size):
        return False
    if j + 1 >= len(lines) or _CAPTION.match(ln.text) or _TOTAL_LABEL.match(ln.text) or find_scale([ln.text]):
        return False  # a total's label wrapped over two lines closes a group, it heads none
    nxt = lines[j + 1]
    return (nxt.has_figures and nxt.top - ln.bottom <= settings.row_gap * nxt.size
            and _ends_at(nxt, right_edge, settings, last_x0))


def _leading_figures(ln: Line) -> int:
    """How many tokens at the start of a line's label read as figures (not a year, not a marker)."""
    k = 0
    while k < len(ln.label) - 1 and looks_numeric(ln.label[k].text) and not ln.label[k].small and not is_year(ln.label[k].text):
        k += 1
    return k


_OUTLINE_NUMBER = re.compile(r"(\d{1,2})\.(\d{1,2})\.?")


def _outline_numbers(texts: list[str]) -> bool:
    """Whether numbers down a column are an outline's (2.01, 2.02, 3.01: a section and an item,
    rising line by line), not amounts."""
    keys = [(int(m.group(1)), int(m.group(2))) for t in texts if (m := _OUTLINE_NUMBER.fullmatch(t))]
    return len(keys) == len(texts) and all(a < b for a, b in zip(keys, keys[1:]))


def _left_amount_column(lines: list[Line], settings: TableSettings, codes: Container[int] = ()) -> None:
    """Plain figures printed left of the labels, right-aligned one under another in rows that have
    figures of their own ("5700    Precept    5700    5700.00", last year's amounts first in a
    parish council's accounts), are an amount column, not the start of each label: when three
    rows or more print them so, and they read as amounts (decimals, or four digits or more, in
    half of them at least), not as row numbers or account ``codes`` (line indexes).

    The figures stand well apart from the label, or a word space apart when the labels themselves
    start one under another: an English council's statements print last year's columns left of
    the labels ("1,257,158 Property, Plant & Equipment 1,266,835"), all flush against one edge.
    Several such columns may stand before the label ("133,699 (68,242) 65,457 Children's ...")."""
    lead = {k: n for k, ln in enumerate(lines) if k not in codes and not ln.lead and (n := _leading_figures(ln))}
    firsts = [k for k in lead if lines[k].has_figures]
    if len(firsts) < settings.left_amount_rows:
        return

    def label_start(k: int) -> float:
        return lines[k].label[lead[k]].x0

    def last(k: int) -> Token:
        return lines[k].label[lead[k] - 1]

    def near(a: float, b: float, k: int) -> bool:
        return abs(a - b) <= settings.edge_tolerance * lines[k].size

    start = sorted(label_start(k) for k in firsts)[len(firsts) // 2]
    flush = {k for k in firsts if near(label_start(k), start, k)}

    def apart(k: int) -> bool:
        ln, n = lines[k], lead[k]
        wide = settings.left_amount_flush_gap if k in flush and len(flush) >= settings.left_amount_rows else settings.left_amount_gap
        return ln.label[n].x0 - ln.label[n - 1].x1 > wide * ln.size and not (n == 1 and _value_like(ln.label[1]))

    firsts = [k for k in firsts if apart(k)]
    if len(firsts) < settings.left_amount_rows:
        return
    edge = sorted(last(k).x1 for k in firsts)[len(firsts) // 2]
    aligned = [k for k in firsts if near(last(k).x1, edge, k)]
    if _outline_numbers([last(k).text for k in aligned]):
        return  # "2.01 Controller General of Patents", "3.04 Survey of Boiler": an outline's numbers
    amounts = sum(1 for k in aligned if re.search(r"[.,]\d|\d{4}", last(k).text))
    if len(aligned) < settings.left_amount_rows or amounts < settings.left_amount_share * len(aligned):
        return
    # once the column is there, a row at its edge whose label starts with the others' is in it too
    # (a subtotal whose own figures wrapped onto the next line)
    joined = set(aligned)
    for k, n in lead.items():
        if k in joined or (near(last(k).x1, edge, k) and near(label_start(k), start, k)):
            ln = lines[k]
            ln.values = [*ln.label[:n], *ln.values]
            ln.label = ln.label[n:]
            ln.lead = True
            ln.has_figures = _has_figures(ln, settings)


def _centred_rows(lines: list[Line], settings: TableSettings) -> list[Line]:
    """A row whose label wraps onto two lines, its figures printed halfway down between them
    ("Adjustments to net (surplus)/deficit on the provision of / (121,345) (22,825) / services for
    non-cash movements" in a council's cash flow statement): the figures' line overlaps both label
    lines, which start one under the other; the three are one row."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        prev = out[-1] if out else None
        if (prev is not None and nxt is not None and ln.has_figures and not ln.label_text
                and not prev.has_figures and not nxt.has_figures and prev.label and nxt.label
                and ln.top < prev.bottom and nxt.top < ln.bottom
                and abs(prev.label[0].x0 - nxt.label[0].x0) <= settings.edge_tolerance * ln.size
                and all(v.x1 <= min(t.x0 for t in prev.label + nxt.label) or v.x0 >= max(t.x1 for t in prev.label + nxt.label)
                        for v in ln.values)):
            out[-1] = Line(tokens=[*prev.label, *nxt.label, *ln.tokens], top=ln.top, bottom=ln.bottom, size=ln.size,
                           label=[*prev.label, *nxt.label], values=list(ln.values))
            out[-1].has_figures, out[-1].lead = True, ln.lead
            i += 2
            continue
        out.append(ln)
        i += 1
    return out


_BARE = re.compile(r"\d{3,6}")
_STYLED = re.compile(r"\d[.,]\d")


def _account_codes(lines: list[Line], settings: TableSettings) -> set[int]:
    """The lines that start with an account code ("24682   Alumni Scholars Club   250.00   0.00"),
    by index: a bare whole number of three to six digits before the label's words, in a row whose
    figures all print decimals or a thousands separator (a column of amounts printed left of the
    labels prints its figures as the rest of the row does). Taken only when five rows or more
    print them so; then a code alone on the line of the group it heads ("6220" over its items) is
    a label too, not a row of figures."""
    coded = {k for k, ln in enumerate(lines) if ln.has_figures and len(ln.label) >= 2
             and _BARE.fullmatch(ln.label[0].text) and not looks_numeric(ln.label[1].text)
             and all(_STYLED.search(v.text) for v in ln.values)}
    if len(coded) < settings.account_code_rows:
        return set()
    for ln in lines:
        if len(ln.values) == 1 and not ln.label_text and _BARE.fullmatch(ln.values[0].text):
            ln.label = [*ln.label, ln.values[0]]
            ln.values = []
            ln.has_figures = False
    return coded


def _row_numbers_to_labels(lines: list[Line], settings: TableSettings) -> None:
    """A row number printed on a line of its own figures, with the row's words on the lines above
    and below ("Inkomensafhankelijke bijdrage" / "5   2.400   3.800" / "Zvw"), is the row's label,
    not a figure: when other rows of the page start their label with a number at the same place
    ("1   AOW   19.600"), and a wide gap parts it from the figures."""
    xs = [ln.label[0].x0 for ln in lines if ln.has_figures and ln.label and ROW_NUMBER.match(ln.label_text)]
    if len(xs) < 2:
        return
    for ln in lines:
        if ln.label_text or len(ln.values) < 3:
            continue
        first, second = ln.values[0], ln.values[1]
        if (
            _ROW_NUMBER_ONLY.match(first.text)
            and second.x0 - first.x1 > settings.row_number_gap * ln.size
            and any(abs(first.x0 - x) <= settings.row_number_align * ln.size for x in xs)
        ):
            ln.label = [t for t in ln.label if t.small] + [first]
            ln.values = ln.values[1:]
            ln.has_figures = _has_figures(ln, settings)


_WHOLE = re.compile(r"\d{1,4}")


def _spreadsheet_row_numbers(lines: list[Line], settings: TableSettings) -> None:
    """A spreadsheet printed with its row numbers ("0 Moderator - 114", "1 5100 Personnel", a "12"
    alone on an empty row) down the left margin: those numbers count lines, so they are set aside
    like footnote marks - neither a figure nor a word of the label. Taken only when six or more
    lines start with a whole number at the page's left edge and the numbers count up by one."""
    starts = [ln.tokens[0] for ln in lines if ln.tokens]
    if len(starts) < settings.spreadsheet_lines:
        return
    edge = min(t.x0 for t in starts)
    marks = [(ln, t) for ln in lines if ln.tokens and _WHOLE.fullmatch((t := ln.tokens[0]).text)
             and t.x0 <= edge + settings.spreadsheet_edge * t.size]
    if len(marks) < settings.spreadsheet_lines:
        return
    numbers = [int(t.text) for _, t in marks]
    steps = [b - a for a, b in zip(numbers, numbers[1:])]
    if any(d <= 0 for d in steps) or sum(1 for d in steps if d == 1) < settings.spreadsheet_steps * len(steps):
        return
    for ln, t in marks:
        ln.tokens[0] = replace(t, small=True)


def _running_head(lines: list[Line], i: int, height: float, settings: TableSettings) -> bool:
    """Is line ``i`` a running head with figures ("12 (2025-2026) – Nr. 1   24") over a table that
    starts right under it? Its figures are no row, and its words would cut the table's labels off."""
    ln = lines[i]
    if not height or not _furniture(ln, height, settings, top=True):
        return False
    below = next((b for b in lines[i + 1: i + 1 + settings.running_head_lines] if b.has_figures), None)
    return below is not None and len(below.values) > len(ln.values) + settings.running_head_more


def _is_prose(ln: Line, settings: TableSettings) -> bool:
    """Running text: five or more words with no wide gap between any two of them."""
    toks = ln.tokens
    if len(toks) < settings.prose_words:
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(toks, toks[1:])]
    return max(gaps) < settings.prose_gap * ln.size


def _cost(t: Token | tuple[float, float], a: tuple[float, float]) -> float:
    x0, x1 = (t.x0, t.x1) if isinstance(t, Token) else t
    return min(abs(x1 - a[1]), abs(x0 - a[0]), abs((x0 + x1) / 2 - (a[0] + a[1]) / 2))


def _header_columns(
    toks: list[Token], anchors: list[tuple[float, float]], size: float, settings: TableSettings
) -> list[int]:
    """The column of each header word: the one it overlaps most or is nearest to. When that puts
    two headings of the line over one column, the words of each heading, a word-space apart ("FY
    2019" over a column of figures and a column of dashes), go together to the column nearest the
    heading's middle."""
    cols = [min(range(len(anchors)), key=lambda c: _cost(t, anchors[c])) for t in toks]
    phrases: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        j = i + 1
        while j < len(toks) and toks[j].x0 - toks[j - 1].x1 < settings.word_space * size:
            j += 1
        phrases.append((i, j))
        i = j
    owners: dict[int, set[int]] = {}
    for k, (i, j) in enumerate(phrases):
        for c in cols[i:j]:
            owners.setdefault(c, set()).add(k)
    if all(len(ks) == 1 for ks in owners.values()):
        return cols
    for i, j in phrases:
        if len(set(cols[i:j])) > 1:
            mid = (toks[i].x0 + toks[j - 1].x1) / 2
            best = min(range(len(anchors)), key=lambda c: abs(mid - (anchors[c][0] + anchors[c][1]) / 2))
            cols[i:j] = [best] * (j - i)
    return cols


def assign_columns(values: list[Token], anchors: list[tuple[float, float]]) -> list[int]:
    """Place values (left to right) in columns, in order, minimising the distance to the anchors."""
    m, k = len(values), len(anchors)
    if m > k:
        return list(range(k - m, k))  # more values than columns: align from the right
    inf = float("inf")
    best = [[inf] * k for _ in range(m)]
    back = [[-1] * k for _ in range(m)]
    for j in range(k):
        best[0][j] = _cost(values[0], anchors[j])
    for i in range(1, m):
        run_min, run_arg = inf, -1
        for j in range(k):
            if j - 1 >= 0 and best[i - 1][j - 1] < run_min:
                run_min, run_arg = best[i - 1][j - 1], j - 1
            if run_arg >= 0:
                best[i][j] = run_min + _cost(values[i], anchors[j])
                back[i][j] = run_arg
    j = min(range(k), key=lambda c: best[m - 1][c])
    cols = [0] * m
    for i in range(m - 1, -1, -1):
        cols[i] = j
        j = back[i][j]
    return cols


def _aligned_columns(value_rows: list[list[Token]], size: float, settings: TableSettings) -> list[tuple[float, float]]:
    """Columns read from where the figures end: groups of right edges that line up, each group's
    figures standing clear of the next group's. An annual account's balance sheet sets a part in an
    inner column and its subtotal in an outer one under the same year ("753.389" over to the left
    of "4.773.939"), which no row fills both of, and an inner column may hold a single figure; [] when the edges do not fall into such groups
    (centred or ragged figures), so that the rows decide as before."""
    toks = sorted((t for r in value_rows for t in r), key=lambda t: t.x1)
    groups: list[list[Token]] = []
    for t in toks:
        if groups and t.x1 - groups[-1][-1].x1 <= settings.aligned_edge * size:
            groups[-1].append(t)
        else:
            groups.append([t])
    if sum(len(g) >= 2 for g in groups) < settings.aligned_share * len(groups):
        return []
    spans = [(min(t.x0 for t in g), max(t.x1 for t in g)) for g in groups]
    if any(b[0] - a[1] < settings.aligned_clear * size for a, b in zip(spans, spans[1:])):
        return []
    return [(statistics.median(t.x0 for t in g), statistics.median(t.x1 for t in g)) for g in groups]


def _anchors(
    value_rows: list[list[Token]], header_rows: list[list[Token]], settings: TableSettings, size: float = 0.0
) -> list[tuple[float, float]]:
    kmax = max((len(r) for r in value_rows), default=0)
    hmax = max((len(r) for r in header_rows), default=0)
    aligned = _aligned_columns(value_rows, size, settings) if size else []
    if len(aligned) > max(kmax, hmax) and len(aligned) <= settings.aligned_columns_factor * max(kmax, hmax):
        return aligned
    if hmax > kmax:
        # a year header with more columns than any data row (an empty 2021 column)
        row = max(header_rows, key=len)
        return [(t.x0, t.x1) for t in row]
    full = [r for r in value_rows if len(r) == kmax]
    return [
        (statistics.median(r[c].x0 for r in full), statistics.median(r[c].x1 for r in full)) for c in range(kmax)
    ]


def _header_over(above: Line, ln: Line, left: float, limit: float, size: float, settings: TableSettings) -> bool:
    """Is ``above`` a line of words over the value columns, close over ``ln`` and right of its words:
    more of the header (a caption above the labels' heading starts over the labels)?"""
    return (ln.top - above.bottom <= limit and not above.values and not _CAPTION.match(above.text)
            and not _is_prose(above, settings)
            and max(t.x1 for t in ln.tokens) < min(t.x0 for t in above.tokens)
            and any(t.x1 > left - settings.value_zone_margin * size for t in above.tokens))


def _row_above(ln: Line, body: list[Line], settings: TableSettings) -> bool:
    """Is a line right above the body a row with fewer figures (a group's heading line with its
    "0.00" in the Total column), not a header: a label, then amounts that end where the body's
    figures end?"""
    near = settings.edge_tolerance * ln.size
    if ln.label_text and ln.values and all(_WITHHELD.fullmatch(v.text) for v in ln.values):
        # a row whose figures are all withheld ("nfp"), as the first row of the body's block
        ends = [v.x1 for b in body for v in b.values]
        return all(any(abs(v.x1 - e) <= near for e in ends) for v in ln.values)
    if not (ln.has_figures and ln.label_text and ln.values) or ln.is_year_header:
        return False
    ends = [v.x1 for b in body for v in b.values]
    return all(
        looks_numeric(v.text) and not is_year(v.text) and any(abs(v.x1 - e) <= near for e in ends)
        for v in ln.values
    )


def _append_closing_line(
    table: Table, body: list[Line], settings: TableSettings, between: list[Line] | None = None
) -> bool:
    """Append a lone line of figures set apart under a table ("Exploitatieresultaat" a few lines
    below "Som der exploitatielasten") as its last row, when its figures stand in the table's
    columns; whether it was. ``between``: lines of words only between the table and the figures
    (a heading with no rows, "Voorzieningen voor risico's"), taken when the last of them starts
    the total's label ("Totaal voorzieningen voor" / "verplichtingen ...  1.423")."""
    figures = [ln for ln in body if ln.has_figures]
    # a line of figures with no words of its own takes its label from the line above
    # ("Totaal reserves" / "7.065  12  7.077 ...")
    if len(figures) != 1 or not (figures[0].label_text or between):
        return False
    ln = figures[0]
    label = ln.label_text
    if between:
        if len(between) > settings.closing_between or not _TOTAL_LABEL.match(between[-1].text) or any(
            _CAPTION.match(b.text) or _is_prose(b, settings) or find_scale([b.text]) for b in between
        ):
            return False
        chain = [table.bbox[3], *(y for b in between for y in (b.top, b.bottom)), ln.top]
        if any(chain[k + 1] - chain[k] > settings.aligned_gap * ln.size for k in range(0, len(chain) - 1, 2)):
            return False
        label = f"{between[-1].text.strip()} {label}"
    else:
        # a total may stand further off, at the foot of a balance sheet
        reach = settings.closing_total_reach if _TOTAL_LABEL.match(label) else settings.closing_reach
        if ln.top - table.bbox[3] > reach * max(ln.size, 1.0) and not _SIDE_TOTAL.match(label):
            return False
    # each figure ends where one of the table's columns ends (or starts, in a table set flush
    # left), in order (a balance sheet's total stands in its outer columns only)
    columns: list[Column] = []
    for v in ln.values:
        col = next((c for c in table.columns if abs(v.x1 - c.x1) <= settings.closing_edge * ln.size), None) or next(
            (c for c in table.columns if abs(v.x0 - c.x0) <= settings.edge_tolerance * ln.size), None)
        if col is None or (columns and col.index <= columns[-1].index):
            return False
        columns.append(col)
    if len(columns) < min(len(table.columns), settings.closing_columns):
        return False
    cells = {c.index: Cell(v.text, parse_cell(v.text, table.decimal_sep), c.index, (v.x0, v.top, v.x1, v.bottom))
             for v, c in zip(ln.values, columns)}
    table.rows.append(Row(label, cells, ln.top, ln.bottom))
    table.bbox = (table.bbox[0], table.bbox[1], table.bbox[2], ln.bottom)
    return True


def _same_columns(a: Table, b: Table, size: float, settings: TableSettings = DEFAULT_SETTINGS) -> bool:
    """Do two tables share their value columns (same count, right edges within a character)? A
    column of row numbers ("(4)") is set by the width of its widest number: it may stand further off."""
    return len(a.columns) == len(b.columns) > 0 and all(
        abs(x.x1 - y.x1) <= settings.same_column_edge * size or (_marks_only(a, x.index) and _marks_only(b, y.index))
        for x, y in zip(a.columns, b.columns)
    )


def _repeated_header(prev: Table, table: Table) -> bool:
    """Does the table under ``prev`` resume it: no header of its own, or the same column words
    repeated? A header with other words ("Balance April 2017 | Movement for Year | Balance March
    2018" under an income account) starts another table, even in the same columns."""
    def words(c: Column) -> set[str]:
        return {w for w in c.header.lower().split() if any(ch.isalnum() for ch in w)}  # ".." is a nil mark

    new, before = [words(c) for c in table.columns], [words(c) for c in prev.columns]
    if not any(new):
        return True
    # a header repeated over a page's second half may be cut shorter, or take a word of the first row
    return not any(before) or all(a <= b or b <= a for a, b in zip(new, before))


def _marks_only(table: Table, col: int) -> bool:
    cells = [r.cells[col] for r in table.rows if col in r.cells]
    return bool(cells) and all(ROW_MARK.match(c.text) for c in cells)


_SIGNS = frozenset("+" + MINUS_CHARS)
_SIGN_ONLY = re.compile("^[+" + re.escape(MINUS_CHARS) + "]$")


def _signs_set_apart(lines: list[Line], settings: TableSettings) -> None:
    """Join a sign to the figure it stands before when the sign is set at a fixed place in its
    column and the figure right-aligned, further off than a word space ("–   1.8" under "– 116.0",
    "+    3.8" under "+ 142.8", as the Bundesbank prints): the column's other signed figures start
    with their sign at that same place. A nil dash of the column before ("-      4,022" under
    "Loans Repaid | Other Costs") stands where no sign of that column does, and stays a cell."""
    signs: dict[int, set[int]] = {}  # a column's right edge -> where its figures' signs stand
    for ln in lines:
        for t in ln.tokens:
            if len(t.text) > 1 and t.text[0] in _SIGNS and _DIGIT_START.search(t.text) and not t.small:
                signs.setdefault(round(t.x1), set()).add(round(t.x0))
    if not signs:
        return
    edge = settings.sign_edge

    def signed_here(a: Token, b: Token) -> bool:
        return any(abs(b.x1 - e) <= edge and any(abs(a.x0 - x) <= edge for x in at) for e, at in signs.items())

    for ln in lines:
        toks = ln.tokens
        for k in range(len(toks) - 2, -1, -1):
            a, b = toks[k], toks[k + 1]
            if (_SIGN_ONLY.match(a.text) and _DIGIT_START.match(b.text) and not a.small and not b.small
                    and b.x0 - a.x1 <= settings.sign_gap * b.size and signed_here(a, b)):
                toks[k:k + 2] = [_join(a, b)]


def _joined_label(pending: list[str], label: str) -> str:
    """A label wrapped over several lines, with the row number of its last line put first: numbered
    lists print the number beside the line that carries the figure ("TRANSFER TO FCT, ..." over
    "6 NATURAL RESOURCES" is item 6)."""
    m = ROW_NUMBER.match(label) or _ROW_NUMBER_ONLY.match(label)
    if pending and m:
        return " ".join([m.group(1)] + pending + [label[m.end():]]).strip()
    return " ".join(pending + [label]).strip()


def _caps_heading(text: str, next_label: str, settings: TableSettings, apart: bool = False) -> bool:
    """A line in capitals (two words or more) over a label in ordinary case, or over any label
    when a blank line stands between them (``apart``: "OTHER REVENUES" over "TELECOMMUNICATION ...")."""
    letters = [ch for ch in text if ch.isalpha()]
    after = [ch for ch in next_label if ch.isalpha()]
    return (len(letters) >= settings.caps_heading_letters and len(text.split()) >= 2 and all(ch.isupper() for ch in letters)
            and (apart or any(ch.islower() for ch in after)))


def _label_mark(ln: Line) -> str:
    """The bracketed number a line's label ends in, set as a footnote reference ("2025 (1)")."""
    last = ln.label[-1] if ln.label else None
    return last.text if last is not None and last.small and _FOOTNOTE_REF.fullmatch(last.text) else ""


_ONE_DIGIT_REF = re.compile(r"\(\d\)")


def _footnote_refs_to_text(rows: list[Row], settings: TableSettings) -> None:
    """"(1)", "(2)" among large amounts are footnote references, not negative ones and twos - but
    not in a row whose other figures are bracketed negatives too ("Less: Disposals  (5)  (6)  (631)
    (432)"), nor in one that prints two of them or more and no figure of more than two digits
    ("Deaths  -  (6)  (6)" in a scheme's membership movements, "Administrative expenses  8  (4)  -
    (4)" beside its note's number): a reference marks a figure, and that row prints none. "(1)  (2)"
    in column order still numbers the columns."""
    by_col: dict[int, list[Cell]] = {}
    for r in rows:
        negatives = sum(1 for x in r.cells.values() if x.number is not None and x.number.value < 0
                        and x.text.startswith("(") and not _ONE_DIGIT_REF.fullmatch(x.text))
        if negatives >= 2:
            continue
        shown = [x for x in r.cells.values() if x.number is not None and not x.number.nil]
        bracketed = [x.text for _, x in sorted(r.cells.items()) if _ONE_DIGIT_REF.fullmatch(x.text)]
        # ("(1)  (2)" in column order numbers the columns, a label merged before them)
        if (len(bracketed) >= 2 and bracketed != [f"({k})" for k in range(1, len(bracketed) + 1)]
                and all(abs(x.number.value) < 100 for x in shown if x.number is not None)):
            continue
        for c, cell in r.cells.items():
            by_col.setdefault(c, []).append(cell)
    for c, cells in by_col.items():
        refs = [x for x in cells if _ONE_DIGIT_REF.fullmatch(x.text)]
        big = [abs(x.number.value) for x in cells if x.number is not None and x not in refs and not x.number.nil]
        if refs and big and sorted(big)[len(big) // 2] >= settings.footnote_ref_median:
            for r in rows:
                ref = r.cells.get(c)
                if ref is not None and any(ref is x for x in refs):
                    r.cells[c] = Cell(ref.text, None, ref.col, ref.bbox)


def find_tables(page: PageWords, lang: str | None = None, settings: TableSettings = DEFAULT_SETTINGS) -> list[Table]:
    """All tables on a page, top to bottom (column by column on a page set in two text columns),
    with rows, columns, headers, caption and unit. ``settings``: the tolerances of the steps
    (tables.settings), also those of the cuts into accounts side by side, two tables side by
    side or two text columns, of statements with account codes, asset registers and score cards."""
    from .account_codes import coded_table
    from .money_column import money_column_tables
    from .rounding_note import says_rounding
    from .scores import score_table
    from .side_tables import split_side_tables
    from .t_accounts import split_sides

    coded = coded_table(page, lang, settings)
    if coded is not None:
        return [coded]
    card = score_table(page, settings)
    if card is not None:
        return [card]
    halves = split_sides(page, settings) or split_side_tables(page, settings) or split_text_columns(page, settings)
    if len(halves) == 1:
        tables = _headed_below(_find_tables(page, lang, settings))
    else:
        tables = [t for half in halves for t in _find_tables(half, lang, settings)]
        for k, table in enumerate(tables, 1):
            table.index = k
    if any(w.text[:1] in "£$€" for w in page.words) and any(_TOTAL_LABEL.match(w.text) for w in page.words):
        # an amount column among columns of text (an asset register), closed by a total line
        taken = {(c.bbox[0], c.bbox[1]) for t in tables for r in t.rows for c in r.cells.values()}
        tables += money_column_tables(group_lines(page.words, settings), page.number, len(tables) + 1, taken,
                                      settings)
    if tables and says_rounding(" ".join(w.text for w in page.words)):
        for table in tables:
            table.rounding_note = True
    return tables


def _headed_below(tables: list[Table]) -> list[Table]:
    """Tables as found, a table with no header words taking the headers of the table above it on
    the page over the columns that stand where that table's do: a block of detail rows under a
    summary block, cut from it by a heading ("Existing New Starts FFGAs", "DIVISION EE - …"),
    is printed under the one header at the top of the page. Only when every column of the table
    above stands over one of this table's (the same grid, maybe with more columns to the left);
    a column the table above does not have, or two of them overlap, keeps its empty header."""
    for above, table in zip(tables, tables[1:]):
        # (headers above that end in an amount: a row of figures read as a header, no grid to share)
        if table.header_text.strip() or any(c.header for c in table.columns) or not any(c.header for c in above.columns) or any(
                _AMOUNT_IN_HEADER.search(c.header) for c in above.columns):
            continue
        columns = []
        for col in table.columns:
            over = [c for c in above.columns if min(c.x1, col.x1) - max(c.x0, col.x0) > 0]
            columns.append(replace(col, header=over[0].header, leaf=over[0].leaf) if len(over) == 1 else col)
        # every column of the table above stands over one of this table's: the same grid
        if sorted(c.header for c in columns if c.header) == sorted(c.header for c in above.columns) and len(
                {c.header for c in above.columns}) == len(above.columns):
            table.columns = columns
            table.header_text = above.header_text
    return tables


_BULLETS = frozenset("●•▪■◦–-")


def _drop_side_text(lines: list[Line], settings: TableSettings) -> None:
    """Take off the column of running text set beside a table (a slide's bullet points, a
    commentary column): words that start, line after line, at one left edge right of the figures
    after a wide gap. Its numbers ("2027-28 to meet the statutory 2%") are no cells of the table."""
    s = settings
    starts: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        wide = s.wide_gap * ln.size
        for i, t in enumerate(ln.tokens):
            if i and t.x0 - ln.tokens[i - 1].x1 >= wide and t.text[:1].isalnum():
                starts.setdefault(round(t.x0), []).append(k)
    if sum(len(ks) for ks in starts.values()) < s.side_lines:
        return
    marks: list[list[tuple[float, bool, bool]]] = []
    second: list[list[float]] = []
    slack = s.side_edge_slack
    for x in sorted(starts):
        near = {k for dx in range(-slack, slack + 1) for k in starts.get(x + dx, [])}
        if len(near) < s.side_lines:
            continue
        if not marks:
            # each token's kind read once (a table's page has many candidate edges): its left
            # edge, whether it has letters, whether it is a figure; per line, its second figure
            marks = [[(t.x0, any(ch.isalpha() for ch in t.text), looks_numeric(t.text)) for t in ln.tokens]
                     for ln in lines]
            second = [sorted(x0 for x0, _alpha, num in m if num)[1:2] for m in marks]
        edge = x - slack
        band = words = figures = band_lines = 0
        for m in marks:
            inside = [(alpha, num) for x0, alpha, num in m if x0 >= edge]
            if inside:
                band_lines += 1
                band += len(inside)
                words += sum(1 for alpha, _num in inside if alpha)
                figures += sum(1 for _alpha, num in inside if num)
        # the table's figures all stand left of it, in rows of two figures or more
        left_rows = sum(1 for sec in second if sec and sec[0] < edge)
        if (words < s.side_words_share * band or figures > s.side_figures_share * band
                or band < s.side_words_per_line * band_lines or left_rows < s.side_table_rows):
            continue
        for ln in lines:
            keep = [t for t in ln.tokens if t.x0 < edge]
            while keep and keep[-1].text in _BULLETS and keep[-1].x1 > x - s.bullet_reach * ln.size:
                keep.pop()
            ln.tokens = keep
        lines[:] = [ln for ln in lines if ln.tokens]
        return


def _unit_per_column(line: Line) -> bool:
    """A header line that gives each column its unit ("$’000   $’000   $’000"): part of the header,
    not a unit line above the table."""
    # (a column of note numbers may head its own column beside them: "Note   £’000   £’000")
    tokens = [t for t in line.tokens if not _NOTE_HEADER.match(t.text)]
    return len(tokens) >= 2 and all(find_scale([t.text]) for t in tokens)


def _unit_over_labels(line: Line, left: float, size: float, settings: TableSettings) -> bool:
    """A header line whose unit stands over the labels and whose other words head the value
    columns ("$ millions   Q3 Actuals  Q3 Budget  ...  Variance $", "in miljarden euro's   2024
    2023"): part of the header, its unit still the table's. Only the words left of the figures may
    name the unit; two words at least stand over the figures, and none of them is a figure but a
    year."""
    over = _column_words(line, left, size, settings)
    under = " ".join(t.text for t in line.tokens if t not in over)
    # the words over the labels say nothing but the unit ("II. SDR Department (in millions of
    # SDRs, unless" is a title that runs on over the columns)
    scale = find_scale([under]) if under else None
    return (len(over) >= 2 and scale is not None and len(scale.text) >= settings.unit_share * len(under.strip("() "))
            and find_scale([" ".join(t.text for t in over)]) is None
            and not any(looks_numeric(t.text) and not is_year(t.text) for t in over))


def _column_words(ln: Line, left: float, size: float, settings: TableSettings) -> list[Token]:
    """The line's words over the columns of figures (right of the labels)."""
    return [t for t in ln.tokens if t.x1 > left - settings.value_zone_margin * size]


def _unit_in_header(
    lines: list[Line], k: int, left: float, size: float, limit: float, below: bool, settings: TableSettings
) -> int | None:
    """Where the header's first line is, given a unit line that is part of it (-1: not known from
    it), or None when the unit line ends the header. A unit line that names the columns too, beyond
    its unit ("B. Program Change Summary ($ in Millions)   FY 2017   FY 2019 Base   FY 2019 Total",
    "($ million)   Estimate   Estimate   Forecast" under "2022-23 / Revised"), is a header line like
    any other; one in the labels' column between two lines of column headings ("FY 2019 | FY 2019"
    over "COST ($ in Millions)" over "Base | Total"), as a budget exhibit sets its header, has one
    header line above it (k - 1), and the exhibit's own heading lines above that are no part of it."""
    ln = lines[k]
    over = _column_words(ln, left, size, settings)
    if over:
        names = " ".join(t.text for t in over)
        named_columns = find_scale([names]) is None and any(ch.isalpha() for ch in names) and not _is_prose(ln, settings)
        return -1 if named_columns else None
    if k == 0 or not below:
        return None
    up = lines[k - 1]
    named = _column_words(up, left, size, settings)
    # headings over two columns at least, a column's gap apart (not one title over them all)
    apart = sum(1 for a, b in zip(named, named[1:]) if b.x0 - a.x1 >= settings.column_gap * size)
    between = (ln.top - up.bottom <= limit and apart >= 1 and not _is_prose(up, settings)
               and not any(looks_numeric(t.text) and not is_year(t.text) for t in named))
    return k - 1 if between else None


def _find_tables(page: PageWords, lang: str | None, settings: TableSettings) -> list[Table]:
    s = settings
    lines = _without_bars(group_lines(page.words, s))
    _signs_set_apart(lines, s)
    _drop_side_text(lines, s)
    drop_text_after_figures(lines, s)
    drop_text_among_figures(lines, s)
    _spreadsheet_row_numbers(lines, s)
    for ln in lines:
        split_label(ln, s)
    _row_numbers_to_labels(lines, s)
    _left_amount_column(lines, s, _account_codes(lines, s))
    lines = _centred_rows(lines, s)
    tables: list[Table] = []
    prev_bottom_idx = 0
    blocks = _block_lines(lines, s, page.height)
    for start, end in blocks:
        # leading lines with far fewer figures than the body are page furniture above the
        # header ("Appendix 5", "Page 8 of ..."), not the first rows
        counts = sorted(len(ln.values) for ln in lines[start:end] if ln.has_figures)
        median = counts[len(counts) // 2] if counts else 0
        sparse = s.sparse_share * median
        while start < end and (not lines[start].has_figures or len(lines[start].values) < sparse or (
                start + 1 < end and (all(is_year(v.text) for v in lines[start].values)
                                     or _column_numbers(lines[start]) or _DATE_LINE.fullmatch(lines[start].text.strip())))):
            start += 1  # (a header line whose years stand apart: "... free service 2025  Share  2024")
        body = lines[start:end]
        if not body:
            continue
        right_edge = max(v.x1 for v in body[0].values)
        body_left = min(_figures_left(ln) for ln in body if ln.has_figures)
        for before, ln in zip(body, body[1:]):
            if ln.has_figures and (min(v.x0 for v in ln.values) <= right_edge + s.beside_gap * ln.size
                                   or _outer_row(ln, before, body_left, s)):
                right_edge = max(right_edge, max(v.x1 for v in ln.values))
        body = [
            ln
            for ln in body
            if (ln.has_figures and min(v.x0 for v in ln.values) <= right_edge + s.beside_gap * ln.size)
            or (not ln.has_figures and min(t.x0 for t in ln.tokens) <= right_edge + s.margin_text_gap * ln.size)
        ]
        if sum(1 for ln in body if ln.has_figures) < s.min_rows:
            between = lines[prev_bottom_idx:start]
            if tables and not any(b.has_figures for b in between) and _append_closing_line(tables[-1], body, s, between):
                prev_bottom_idx = end
                continue
            # one row at the foot of the page after a table that closed with its total ("23
            # DEVELOPMENT LEVY" under the next part's heading) starts a table that runs on over
            # the page: a table of one row, to be joined
            figures = [ln for ln in body if ln.has_figures]
            # (a row under a line of years is a budget measure's table of one row, wherever it stands)
            if not _under_years(figures, lines[max(prev_bottom_idx, start - _YEARS_ABOVE):start]) and (
                    (start, end) != blocks[-1] or not tables or not _TOTAL_LABEL.match(tables[-1].rows[-1].label) or not (
                    figures and figures[0].label_text and all(_GROUPED.fullmatch(v.text.strip("()")) for v in figures[0].values)
            ) or not all(_furniture(ln, page.height, s, top=False) or _foot(ln, ln.size, s) for ln in lines[end:])):
                continue
        # a column printed left of the labels (Line.lead) does not make the labels' heading a header
        left = min(v.x0 for ln in body for v in ln.values)
        leading = [ln.values[0].x1 for ln in body if ln.lead]
        if leading:
            left = min((v.x0 for ln in body for v in ln.values if v.x0 > max(leading)), default=left)
        size = statistics.median(ln.size for ln in body)
        # header lines: directly above the body, with words over the value columns
        header_idx: list[int] = []
        lead: list[int] = []  # label-only lines right above the body: row labels or sections
        k = start - 1
        top_line = -1  # the header's first line, once a unit line inside it says where that is
        while k >= max(prev_bottom_idx, top_line) and len(header_idx) < s.header_lines:
            ln = lines[k]
            below = lines[k + 1]
            # the header may stand a little further off the body than rows stand from each other
            limit = s.row_gap * size * (s.header_gap_factor if k == start - 1 or (lead and not header_idx) else 1.0)
            if below.top - ln.bottom > limit or _CAPTION.match(ln.text):
                break
            if (find_scale([ln.text]) and not (ln.text.rstrip().endswith(":") and not header_idx)
                    and not _unit_per_column(ln) and not _unit_over_labels(ln, left, size, s)):
                first = _unit_in_header(lines, k, left, size, limit, bool(header_idx), s)
                if first is None:
                    break  # a unit line above the table; "Budget totals in billions of dollars:" heads its first rows
                top_line = first
                header_idx.insert(0, k)
                k -= 1
                continue
            if len(ln.tokens) == 1 and len(ln.text) <= s.vertical_letter_chars and ln.text.isalpha():
                k -= 1  # a letter of a word set vertically beside the header ("Row"): no line of its own
                continue
            in_value_zone = any(t.x1 > left - s.value_zone_margin * size for t in ln.tokens)
            if _is_prose(ln, s) and not ln.is_year_header and (in_value_zone or header_idx):
                break  # running text above the table
            if not in_value_zone or (not header_idx and _row_above(ln, body, s)):
                if (header_idx and not in_value_zone and len(ln.tokens) <= s.stub_heading_words
                        and k - 1 >= max(prev_bottom_idx, top_line)
                        and _header_over(lines[k - 1], ln, left, limit, size, s)):
                    # the labels' own heading ("Sub-county") set between two lines of the header
                    # ("Number of … Enrolment" over "Institutions  Boys  Girls  Total"): the line
                    # above it still heads the columns
                    k -= 1
                    continue
                if header_idx or len(lead) >= s.lead_lines:
                    break
                lead.insert(0, k)
                k -= 1
                continue
            header_idx.insert(0, k)
            k -= 1
        if lead and not header_idx:
            lead = lead[-s.lead_kept:]
        body = [lines[i] for i in lead] + body
        header_lines = [lines[h] for h in header_idx]
        # caption and unit: the lines above the header, nearest first, within reach
        first_idx = header_idx[0] if header_idx else (lead[0] if lead else start)
        above = [ln for ln in lines[prev_bottom_idx:first_idx]]
        above = [ln for ln in above
                 if (header_lines[0].top if header_lines else body[0].top) - ln.bottom < s.caption_reach * size]
        title = None
        for ln in reversed(above[-s.caption_lines:]):
            if _CAPTION.match(ln.text):
                title = ln.text.strip()
                break
        if title is None:
            # no "Tabel n" caption: a unit line right above the table doubles as its title
            # ("Uitgaven niet-beleidsartikel (bedragen x € 1.000)")
            for ln in reversed(above[-s.unit_title_lines:]):
                if find_scale([ln.text]) and len(ln.tokens) <= s.unit_title_words:
                    title = ln.text.strip()
                    break
        scale = find_scale([ln.text for ln in header_lines] + [ln.text for ln in reversed(above[-s.caption_lines:])])
        if scale is None:
            scale = find_scale([ln.text for ln in reversed(lines[:start])])
        table = _build_table(page.number, len(tables) + 1, title, scale, header_lines, body, lang, size, s)
        if is_chart_axis(table, settings.axis_ticks):
            prev_bottom_idx = end
            continue
        if (tables and title is None and first_idx == prev_bottom_idx and _same_columns(tables[-1], table, size, s)
                and _repeated_header(tables[-1], table)):
            # the same table resumes under a repeated header ("Topic | Enquiries"): one table,
            # so that a Grand Total below can reach the Total above
            prev = tables[-1]
            if header_lines:
                prev.rows.append(Row(" ".join(ln.text for ln in header_lines), {}, header_lines[0].top,
                                     header_lines[-1].bottom, section=True))
            prev.rows.extend(table.rows)
            prev.bbox = (min(prev.bbox[0], table.bbox[0]), prev.bbox[1], max(prev.bbox[2], table.bbox[2]), table.bbox[3])
        else:
            table.heading = " ".join(ln.text for ln in lines[prev_bottom_idx:first_idx] if not ln.has_figures).strip()
            if not tables:
                table.top_text = re.sub(r"[\d\s]+", " ", " ".join(ln.text for ln in lines[:first_idx])).strip()
                # at the top of the page, under nothing but running heads, its caption or unit
                table.starts_page = table.bbox[1] <= s.reach * page.height and all(
                    _furniture(ln, page.height, s, top=True) or (title is not None and _CAPTION.match(ln.text))
                    or find_scale([ln.text]) or _CONTINUED.search(ln.text)
                    for ln in lines[:first_idx]
                )
            tables.append(table)
        prev_bottom_idx = end
    for table in tables:
        _widen_to_thousands(table, s)
    if tables:
        # down to the foot of the page, with nothing but page numbers below
        last = tables[-1]
        last.last_on_page = all(
            _furniture(ln, page.height, s, top=False) or _foot(ln, last.size, s) for ln in lines[prev_bottom_idx:]
        )
        last.ends_page = last.last_on_page and last.bbox[3] >= (1 - s.reach) * page.height
    return tables


def _widen_to_thousands(table: Table, settings: TableSettings) -> None:
    """Statistics rounded to thousands ("10.745.000", "292.000"): when every figure of the table is
    a whole multiple of 1000 or more and a quarter of them show three significant digits or more,
    each stands for the thousand around it, in every check and claim made from the table. Budgets
    in round amounts ("50.000", "125.000") have too few significant digits to be taken so."""
    numbers = [c.number for r in table.rows for c in r.cells.values()
               if c.number is not None and not c.number.nil and not c.number.percent and c.number.value != 0]
    unit = whole_power_of_ten(numbers, settings.thousands_figures)
    digits = settings.thousands_digits
    if unit < settings.thousands_unit or sum(
        1 for n in numbers if len(str(abs(n.value.numerator) // unit).rstrip("0")) >= digits
    ) < settings.thousands_share * len(numbers):
        return
    half = Fraction(unit, 2)
    for row in table.rows:
        for col, cell in row.cells.items():
            n = cell.number
            if n is not None and not n.nil and not n.percent and n.half < half:
                row.cells[col] = replace(cell, number=replace(n, half=half))


# Running heads and page numbers sit in the top and bottom margins (TableSettings.margin); a
# table that runs over a page break fills the page (TableSettings.reach).
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
# the words that say a table goes on from the page before ("(vervolg)", "- (Concl'd)")
CONTINUATION_WORDS = r"continued|concluded|vervolg|cont(?:'d|\.)|concl(?:'d|\.)"
_CONTINUED = re.compile(rf"\b(?:{CONTINUATION_WORDS})", re.IGNORECASE)


def _under_years(figures: list[Line], above: list[Line]) -> bool:
    """One row of three figures or more right under a line of years, a year over each figure: a
    budget measure's table of one agency ("Federal Court of Australia  -  -  14.7  14.9  15.0"
    under "2023-24 … 2027-28"), a table though it has one row."""
    if len(figures) != 1 or len(figures[0].values) < 3:
        return False
    row = figures[0].values
    for ln in reversed(above):
        if len(ln.tokens) >= 2 and all(is_year(t.text) for t in ln.tokens):
            return len(ln.tokens) == len(row) and all(
                min(y.x1, v.x1) - max(y.x0, v.x0) > 0 for y, v in zip(ln.tokens, row))
    return False


def _indented(ln: Line, above: Line, step: float) -> bool:
    """Does ``ln``'s label start at least ``step`` right of ``above``'s?"""
    x, y = _label_x0(ln), _label_x0(above)
    return x is not None and y is not None and x - y >= step


def _named_by_a_total(heading: str, lines: list[Line]) -> bool:
    """Does a total among ``lines`` name ``heading`` ("TOTAL - RATE SUPPORTED OPERATIONS" names
    "Rate Supported Operations")?"""
    words = heading.lower().split()
    if not words:
        return False
    for ln in lines:
        label = ln.label_text
        if _TOTAL_LABEL.match(label) and " ".join(words) in " ".join(label.lower().split()):
            return True
    return False


def _label_x0(ln: Line) -> float | None:
    """Where the line's label starts; None when it has no words of its own."""
    words = [t for t in ln.label if not t.small]
    return words[0].x0 if words else None


def _furniture(ln: Line, height: float, settings: TableSettings, top: bool) -> bool:
    """Is the line in the page's top (or bottom) margin, where running heads and page numbers are?"""
    margin = settings.margin
    return ln.bottom <= margin * height if top else ln.top >= (1 - margin) * height


def _foot(ln: Line, size: float, settings: TableSettings) -> bool:
    """Is the line under a table a footnote (set smaller than the table) or a page number?"""
    return ln.size < settings.foot_size * size or bool(_PAGE_NUMBER.match(ln.text))


def _build_table(
    page: int,
    index: int,
    title: str | None,
    scale: Scale | None,
    header_lines: list[Line],
    body: list[Line],
    lang: str | None,
    size: float,
    settings: TableSettings,
) -> Table:
    s = settings
    value_lines = [ln for ln in body if ln.has_figures]
    texts = [v.text for ln in value_lines for v in ln.values if not is_year(v.text)]
    dsep = decide_decimal_sep(texts, lang)
    year_headers = [ln.values for ln in header_lines if ln.is_year_header]
    anchors = _anchors([ln.values for ln in value_lines], year_headers, s, size)

    rows: list[Row] = []
    i = 0
    pending: list[str] = []
    pending_x0: float | None = None  # where the first of the pending label lines starts
    centred: set[int] = set()  # rows whose figures stand between the lines of their label
    while i < len(body):
        ln = body[i]
        if (ln.has_figures and len(ln.values) == 1 and anchors and ln.values[0].x1 < anchors[0][0] - s.lone_number_gap * size
                and not _ROW_NUMBER_ONLY.match(ln.values[0].text) and not ROW_MARK.match(ln.values[0].text)):
            # a lone number far left of every column is part of the words: a code in a heading
            # ("Select Board -122"); a row number ("5" between "Inkomensafhankelijke bijdrage" and
            # "Zvw") is left to the row-number rules
            rows.append(Row(_joined_label(pending, f"{ln.label_text} {ln.values[0].text}".strip()), {}, ln.top,
                            ln.bottom, section=True))
            pending = []
            i += 1
            continue
        if _row_line(ln):
            if not ln.label_text and pending:
                centred.add(len(rows))
            if pending and _ITEM_MARK.match(pending[0]) and _ITEM_MARK.match(ln.label_text):
                # an outline's heading over its first item ("2. Net new investments" over "a.
                # Contributions  15,642,385,424"): the item's label starts at its own mark
                rows.append(Row(" ".join(pending), {}, body[i - 1].top, body[i - 1].bottom, section=True))
                pending = []
            cols = assign_columns(ln.values, anchors)
            cells: dict[int, Cell] = {}
            for tok, col in zip(ln.values, cols):
                cells[col] = Cell(tok.text, parse_cell(tok.text, dsep), col, (tok.x0, tok.top, tok.x1, tok.bottom),
                                  _share_after(ln, tok, dsep, col, s.share_gap))
            rows.append(Row(_joined_label(pending, ln.label_text), cells, ln.top, ln.bottom,
                            headed=bool(pending and ln.label_text and ln.label_text[:1].isupper()),
                            mark=_label_mark(ln), indent=pending_x0 if pending else _label_x0(ln)))
            pending = []
            i += 1
            continue
        text = (ln.label_text or ln.text).strip()
        if text.endswith(":"):
            # a heading wrapped over lines ("Memorandum, totals standardized to 12 monthly" /
            # "benefit payments:") is one section, not the start of the next row's label
            rows.append(Row(" ".join([*pending, text]), {}, ln.top, ln.bottom, section=True))
            pending = []
            i += 1
            continue
        # a run of label-only lines: a wrapped label of the row above, or the start of the next one
        j = i
        while j < len(body) and not _row_line(body[j]) and not (body[j].label_text or body[j].text).strip().endswith(":"):
            j += 1
        block = [(b.label_text or b.text).strip() for b in body[i:j]]
        prev = rows[-1] if rows and not rows[-1].section else None
        nxt = body[j] if j < len(body) and _row_line(body[j]) else None
        d_prev = ln.top - prev.bottom if prev else float("inf")
        d_next = nxt.top - body[j - 1].bottom if nxt else float("inf")
        # (a lettered item "f. Inactive nonvested members" starts a label of its own)
        starts_low = block[0][:1].islower() and not _LETTERED.match(block[0])
        next_low = nxt is not None and nxt.label_text[:1].islower()
        if prev is not None and len(rows) - 1 in centred and nxt is not None and not nxt.label_text and len(block) >= 2:
            # figures set in the middle of a label of two lines ("Totale" / € 66.261.029 /
            # "projectkosten"), row after row: the first line goes to the row above, the rest
            # starts the next row's label
            prev.label = (prev.label + " " + block[0]).strip()
            pending_x0 = pending_x0 if pending else _label_x0(body[i + 1])
            pending.extend(block[1:])
        elif (len(block) == 1 and nxt is not None and not starts_low and len(block[0].split()) <= 3
              and re.match(re.escape(block[0]) + r"\b", nxt.label_text, re.IGNORECASE)):
            # a heading that the next row's label starts with ("Offenders" over "Offenders serving
            # community service"): a section over the rows under it, no end of the row above
            rows.append(Row(block[0], {}, ln.top, ln.bottom, section=True))
        elif (len(block) == 1 and nxt is not None and not starts_low and not next_low
              and _indented(nxt, ln, s.heading_indent * size) and _named_by_a_total(block[0], body[j:])):
            # a heading over indented rows that a total further down names ("Rate Supported
            # Operations" over "  Solid Waste Management Services", closed by "TOTAL - RATE SUPPORTED
            # OPERATIONS"): a section, neither the end of the row above nor the start of the next
            rows.append(Row(block[0], {}, ln.top, ln.bottom, section=True))
        elif prev is not None and (starts_low or prev.label.endswith("-") or (
            d_prev < d_next and not next_low and not _TOTAL_LABEL.match(ROW_NUMBER.sub("", prev.label))
            and not _ENDS_IN_TOTAL.search(prev.label)
        )):
            # a total's label is complete: the lines after it in ordinary case start the next block
            for text in block:
                if prev.label.endswith("-"):
                    prev.label = prev.label[:-1] + text
                else:
                    prev.label = (prev.label + " " + text).strip()
            prev.bottom = max(prev.bottom, body[j - 1].bottom)
        elif len(block) == 1 and nxt is not None and _caps_heading(block[0], nxt.label_text, s, d_next > s.heading_apart * size):
            # a heading in capitals over rows in ordinary case ("DIRECT SERVICES TO THE PUBLIC" over
            # "Economic Development"): a section of the table, not the start of the next label
            rows.append(Row(block[0], {}, ln.top, ln.bottom, section=True))
        elif nxt is not None and _TOTAL_LABEL.match(nxt.label_text):
            # a total's label does not start on the line above: those lines are an item printed
            # without a figure ("20 SPECIAL ACCOUNTS" over "TOTAL - SPECIAL LEVIES"), or a heading
            rows.extend(Row(text, {}, b.top, b.bottom) for text, b in zip(block, body[i:j]))
        elif (k := next((n for n, text in enumerate(block) if n and _TOTAL_LABEL.match(text)), 0)):
            # a heading with no rows of its own over a total whose label wraps ("Voorzieningen voor
            # risico's" / "Totaal voorzieningen voor" / "verplichtingen ...  1.423"): the heading is
            # a section, the total's label starts at its own word
            rows.append(Row(" ".join(block[:k]), {}, ln.top, body[i + k - 1].bottom, section=True))
            pending_x0 = pending_x0 if pending else _label_x0(body[i + k])
            pending.extend(block[k:])
        else:
            pending_x0 = pending_x0 if pending else _label_x0(ln)
            pending.extend(block)
        i = j

    _footnote_refs_to_text(rows, s)
    ncols = len(anchors)
    # a leftmost column holding only years is part of the labels ("Stand ontwerpbegroting 2018")
    first = [r.cells[0] for r in rows if 0 in r.cells]
    if ncols > 1 and len(first) >= 2 and all(re.fullmatch(r"(?:19|20)\d\d", c.text) for c in first):
        for r in rows:
            if 0 in r.cells:
                r.label = (r.label + " " + r.cells[0].text).strip()
            r.cells = {c - 1: Cell(cell.text, cell.number, c - 1, cell.bbox, cell.share)
                       for c, cell in r.cells.items() if c != 0}
        anchors = anchors[1:]
        ncols -= 1

    # column headers: each header word goes to the column it overlaps most (or is nearest to)
    heads: list[list[str]] = [[] for _ in range(ncols)]
    leaves: list[list[str]] = [[] for _ in range(ncols)]
    label_edge = min((a[0] for a in anchors), default=0.0)
    # a header word wider than the column's figures may start left of them ("Saldo" over "150"),
    # but it stands clear of the row labels
    label_right = max((t.x1 for ln in body for t in ln.label if not t.small), default=label_edge)
    for ln in header_lines:
        toks = [t for t in ln.tokens if not t.small and (t.x1 >= label_edge - s.value_zone_margin * size or (
            t.x0 > label_right + s.header_clear * size and t.x1 >= label_edge - s.header_reach * size))]
        # a line with a single word over many columns is a spanning group title ("Total",
        # "Male"); it names the group, not the column under it
        spanning = ncols > 2 and len(toks) <= s.spanning_share * ncols
        for t, best in zip(toks, _header_columns(toks, anchors, size, s)):
            heads[best].append(t.text)
            if not spanning:
                leaves[best].append(t.text)
    columns = [
        Column(c, anchors[c][0], anchors[c][1], " ".join(heads[c]), " ".join(leaves[c])) for c in range(ncols)
    ]
    x0 = min(min(t.x0 for t in ln.tokens) for ln in header_lines + body)
    x1 = max(max(t.x1 for t in ln.tokens) for ln in header_lines + body)
    top = (header_lines or body)[0].top
    bbox = (x0, top, x1, body[-1].bottom)
    header_text = " ".join(ln.text for ln in header_lines)
    suspect = any(
        looks_numeric(t.text) and not is_year(t.text) and not _DOTS.match(t.text) and t.text != "." and not t.small
        and not _STARS.fullmatch(t.text)  # a footnote mark after a column's name ("Tarief *")
        for ln in header_lines
        for t in ln.tokens
        if t.x1 >= label_edge - s.value_zone_margin * size
    )
    _note_columns_to_text(columns, rows)
    table = Table(page, index, title, scale, columns, rows, header_text, dsep, bbox, suspect, size)
    table.currency = _detached_currency(body)
    return table


# the header of a column of references to the notes ("Ref.", "Noot", "Note", "Toelichting")
_NOTE_HEADER = re.compile(r"^(?:ref\.?|refs?\.?|noot|noten|note|notes|toel\.?|toelichting)$", re.IGNORECASE)


def _note_columns_to_text(columns: list[Column], rows: list[Row]) -> None:
    """The numbers of a column headed "Ref." or "Noot" are references to the notes, whole numbers
    under a thousand ("16", "9"), not amounts: a cash flow statement's "Stand geldmiddelen per 31
    december  7" names note 7. The references of a long ("20, 21") may be set apart into a column
    of their own beside it, with no header: that column too, when it holds nothing but such numbers."""
    noted = {col.index for col in columns if _NOTE_HEADER.match(col.header.strip())}
    noted |= {col.index for col in columns if not col.header.strip() and col.index - 1 in noted}
    for col in columns:
        if col.index not in noted:
            continue
        cells = [r.cells[col.index] for r in rows if col.index in r.cells]
        numbers = [c.number for c in cells if c.number is not None]
        if not numbers or not all(n.value.denominator == 1 and 0 < n.value < 1000 and not n.percent for n in numbers):
            continue
        for r in rows:
            cell = r.cells.get(col.index)
            if cell is not None and cell.number is not None:
                r.cells[col.index] = Cell(cell.text, None, cell.col, cell.bbox)


def _detached_currency(body: list[Line]) -> str | None:
    """The one currency whose sign stands apart before figures of the body, or None."""
    seen = {
        currency_code(t.text) for ln in body for t, nxt in zip(ln.tokens, ln.tokens[1:])
        if _CURRENCY_ONLY.match(t.text) and _value_like(nxt)
    }
    return seen.pop() if len(seen) == 1 else None
