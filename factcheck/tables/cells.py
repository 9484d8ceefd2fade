"""One table cell string -> an exact number and the precision it was printed with.

Table cells are simpler than prose figures (no scale words, no hedges) but have their own
habits: minus signs written as U+2012/U+2013/U+2212, negatives in brackets ``(35,8)``,
dashes and ``...`` for nil, ``*`` for "less than half the unit", and a number format that
must be decided per table, because an English document may still print ``3.597`` for three
thousand five hundred and ninety-seven.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..numbers import INDIAN_GROUPED
from .scale import currency_code

DecimalSep = Literal[",", "."]

# Every dash a PDF may use for a minus sign or for "nil".
MINUS_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_MINUS_RE = "[" + re.escape(MINUS_CHARS) + "]"

# "inclusive": the amount is in another figure (a domain name in the hosting package), so it adds nothing
INCLUDED = r"inclusive|included|incl\.|inbegrepen"
NIL_RE = re.compile(r"^(?:" + _MINUS_RE + r"{1,4}|\.+|\u2026+|-/-|nil|n\.?v\.?t\.?|" + INCLUDED + r")$", re.IGNORECASE)
# "*" = less than half the unit (US budget tables); "0*" and "p.m." are not numbers. A footnote's
# number alone in a cell ("[16]" under "Loss of less than $500,000" in a table in millions) says
# the same: the Joint Committee on Taxation prints its negligible amounts so.
STAR_RE = re.compile(r"^(?:\*|\[\d{1,2}\])$")
_NUM_RE = re.compile(
    # "~$150", "≈ 40": an amount printed as approximate is still the table's figure; "*$575,846,000",
    # "†12": a footnote's mark set before the figure
    r"^(?:\*{1,3}|[†‡])?(?:~|≈)?(?P<sign>" + _MINUS_RE + r"|\+)?"
    r"(?P<open>\()?"
    r"(?P<cur>€|\$|£|₹|Rs\.?|u\$s)?"
    r"(?P<num>\d[\d.,]*)"
    r"(?P<mag>[KMB]|bn|mn|mln|mld|mrd)?"
    # "5.564-": a minus printed after the figure, as Dutch accounting software prints a negative
    # (on a page that prints its figures so: tables.detect)
    r"(?P<tail>" + _MINUS_RE + r")?"
    # "(1.6%)": a negative percentage, its sign inside the brackets as well as after them
    r"(?P<inner>%(?=\)))?"
    r"(?P<close>\))?"
    r"(?P<pct>%)?$"
)
# "$8M", "€1.2bn": a scale letter printed in the cell itself
_MAG = {"K": 10**3, "M": 10**6, "mn": 10**6, "mln": 10**6, "B": 10**9, "bn": 10**9, "mld": 10**9, "mrd": 10**9}
_GROUPED = {
    ",": re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$"),
    ".": re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^" + INDIAN_GROUPED + r"(?:\.\d+)?$|^\d+(?:\.\d+)?$"),
}
# With no evidence in the table, a lone separator before exactly three digits is a
# thousands separator, whichever character it is (see decide_decimal_sep).
# "1,95,000" is Indian grouping (lakhs and crores): commas only, pairs of digits before the last three.
_THOUSANDS_ONLY = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$|^" + INDIAN_GROUPED + r"$|^\d+$")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d(?:\s?[" + re.escape(MINUS_CHARS) + r"/]\s?(?:(?:19|20)?\d\d)?)?$")


@dataclass(frozen=True, slots=True)
class CellNumber:
    """A printed table figure read exactly.

    ``half`` is the half-width of the interval the printed digits stand for: a figure with
    ``decimals`` d stands for [value - half, value + half] with half = ½·10^-d. A nil dash is
    exactly zero (half = 0); ``*`` is zero give or take half a unit.
    """

    text: str
    value: Fraction
    decimals: int
    half: Fraction
    nil: bool = False
    percent: bool = False
    currency: str | None = None  # the ISO code of a sign printed in the cell ("$1,234" -> USD)

    @property
    def lo(self) -> Fraction:
        """Lower end of the interval the printed figure stands for."""
        return self.value - self.half

    @property
    def hi(self) -> Fraction:
        """Upper end of the interval the printed figure stands for."""
        return self.value + self.half


# A sum that meets a figure of this many significant digits or more is no coincidence; smaller
# figures add up by chance all the time (3 = 1 + 2).
LONG_DIGITS = 4


def whole_power_of_ten(numbers: Iterable[CellNumber], least: int) -> int:
    """The power of ten (up to a million) that every non-zero figure is a whole multiple of, when
    ``least`` such figures or more are printed; 1 otherwise (or when one has decimals)."""
    figures = [n.value for n in numbers if not n.nil and n.value != 0]
    if len(figures) < least or any(v.denominator != 1 for v in figures):
        return 1
    unit = 1
    while unit < 10**6 and all(v.numerator % (unit * 10) == 0 for v in figures):
        unit *= 10
    return unit


def long_figure(n: CellNumber) -> bool:
    """Is the figure printed with four significant digits or more?"""
    return n.half > 0 and abs(n.value) >= 10 ** (LONG_DIGITS - 1) * 2 * n.half


_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_DASHED_CENTS = re.compile(r"(\d)([.,])[-\u2013]{1,2}$")


_DOUBLED_MINUS = re.compile("^(?:--|\u2013\u2013|\u2212\u2212)(?=\\d)")


def normalize(text: str) -> str:
    """Remove spaces (incl. no-break/thin spaces) that split a figure, keep everything else."""
    t = _SPACES.sub("", text)
    # "--6", "--2,758": a minus printed as two hyphens (the Public Accounts of Canada of the 1990s)
    t = _DOUBLED_MINUS.sub("-", t)
    # "1.214,--" and "25,-": whole amounts written with a dash for the cents
    return _DASHED_CENTS.sub(r"\1\g<2>00", t) if t.endswith(("-", "\u2013")) else t


def is_nil(text: str) -> bool:
    """True for the dash / dots spellings of 'nothing'."""
    return bool(NIL_RE.match(normalize(text)))


# a spreadsheet's error printed where its figure should be ("384  #VALUE!  424"): it holds a column's
# place in the row, and no figure (parse_cell gives None), so no total is judged over it
SHEET_ERROR = re.compile(r"#(?:VALUE!|REF!|DIV/0!|N/A|NAME\?|NUM!|NULL!)")


def looks_numeric(text: str) -> bool:
    """Cheap syntactic test: could this token be a table figure in some number format?"""
    t = normalize(text)
    if NIL_RE.match(t) or STAR_RE.match(t) or SHEET_ERROR.fullmatch(t):
        return True
    m = _NUM_RE.match(t)
    # "(0,5" and "1.000)" are pieces of a parenthetical, not figures; "(3,2%)" stands in running
    # text as often as in a table: only a cell already read as one is taken as a negative percentage
    return m is not None and bool(m.group("open")) == bool(m.group("close")) and not m.group("inner")


def is_year(text: str) -> bool:
    """A bare year or year range (2019, 2013–2017, 2014-15, 2019/20, '2013–'): a header, not a value."""
    return bool(_YEAR_RE.match(text.strip()))


def _evidence(num: str) -> DecimalSep | None:
    """Which decimal separator a digit string proves, if any."""
    has_c, has_d = "," in num, "." in num
    if has_c and has_d:
        return "," if num.rfind(",") > num.rfind(".") else "."
    for sep in (",", "."):
        if num.count(sep) > 1:
            # a repeated separator is a thousands separator; that says nothing about the other
            # one (puertos1 prints 1,248,804 and 7.704 in one table, both in thousands)
            return None
        if num.count(sep) == 1:
            tail = num.split(sep)[1]
            if not tail:
                continue  # "23." ends a sentence; it proves nothing
            if len(tail) != 3:
                return sep
            if num.startswith("0" + sep):
                return sep  # 0.125: a thousands group never follows a leading zero
    return None


def decide_decimal_sep(texts: Iterable[str], lang: str | None = None) -> DecimalSep | None:
    """Decide the table's decimal separator from its cells; ``None`` means 'no decimals seen'.

    Unambiguous cells vote (``1.393,4`` and ``4,8`` for comma; ``28,198.00`` and ``2.5%`` for
    point). Ambiguous cells such as ``28.913`` do not vote. A tie is broken by ``lang``
    (nl -> comma, en -> point). With no votes at all the table is read as integers with
    either character as thousands separator, because that is what tables print far more
    often than three-decimal figures (eu-015 prints ``3.597`` in an English document).
    """
    votes = {",": 0, ".": 0}
    grouped = {",": 0, ".": 0}  # "8,873": three digits after one separator, a vote for neither
    for t in texts:
        m = _NUM_RE.match(normalize(t))
        if not m or m.group("inner"):
            continue
        num = m.group("num")
        ev = _evidence(num)
        if ev:
            votes[ev] += 1
        elif (sep := _one_group(num)) is not None:
            grouped[sep] += 1
    if votes[","] == votes["."] == 0:
        return None
    prior: DecimalSep = "," if (lang or "").lower().startswith("nl") else "."
    if votes[","] == votes["."]:
        return prior
    won: DecimalSep = "," if votes[","] > votes["."] else "."
    if lang and won != prior and grouped[won] >= 3 * votes[won]:
        # a few cells prove the other separator ("14,69" over "4": a figure wrapped onto two
        # lines of an English table) where many more would then be three-decimal figures
        # ("8,873" for 8.873 beside "708"): the document's own separator is the likelier one
        return prior if votes[prior] else None
    return won


def _one_group(num: str) -> DecimalSep | None:
    """The separator of a figure such as ``8,873`` or ``8.873`` (one separator, three digits after
    it, no leading zero), which reads as a thousands group or as three decimals."""
    for sep in (",", "."):
        head, found, tail = num.partition(sep)
        if found and len(tail) == 3 and tail.isdigit() and head.isdigit() and head != "0" and sep not in tail:
            return sep  # type: ignore[return-value]
    return None


def parse_cell(text: str, decimal_sep: DecimalSep | None) -> CellNumber | None:
    """Read one cell; ``None`` when it is not a figure under the table's number format."""
    t = normalize(text)
    if not t:
        return None
    if NIL_RE.match(t):
        return CellNumber(text=text.strip(), value=Fraction(0), decimals=0, half=Fraction(0), nil=True)
    if STAR_RE.match(t):
        return CellNumber(text=text.strip(), value=Fraction(0), decimals=0, half=Fraction(1, 2))
    m = _NUM_RE.match(t)
    if not m:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        return None  # "(0,5" is the start of a parenthetical in a label, not a figure
    num = m.group("num")
    if num.endswith(".") and "." not in num[:-1] and num[-2:-1].isdigit() and not _YEAR_RE.match(num[:-1]):
        # "77,586.": a tax form's whole amount, its cents' box left empty after the point (a
        # year ending a sentence, "vanaf / 2014.", is no amount)
        num = num[:-1]
    if m.group("tail") and (m.group("sign") or m.group("open") or m.group("pct") or _YEAR_RE.match(num)):
        return None  # "2019-" opens a span of years; a figure takes one minus, before it or after it
    if decimal_sep is None:
        if not _THOUSANDS_ONLY.match(num):
            return None
        digits, decimals = num.replace(".", "").replace(",", ""), 0
    else:
        if not _GROUPED[decimal_sep].match(num):
            return None
        thousands = "." if decimal_sep == "," else ","
        plain = num.replace(thousands, "")
        if decimal_sep in plain:
            int_part, frac_part = plain.split(decimal_sep)
            digits, decimals = int_part + frac_part, len(frac_part)
        else:
            digits, decimals = plain, 0
    if m.group("mag") and not m.group("cur"):
        return None  # "12M" without a currency sign is too often a code or a label
    mult = _MAG[m.group("mag")] if m.group("mag") else 1
    value = Fraction(int(digits), 10**decimals) * mult
    if m.group("sign") and m.group("sign") != "+" or m.group("open") or m.group("tail"):
        value = -value
    return CellNumber(
        text=text.strip(),
        value=value,
        decimals=decimals,
        half=Fraction(mult, 2 * 10**decimals),  # "$8M" stands for [7.5M, 8.5M]
        percent=bool(m.group("pct") or m.group("inner")),
        currency=currency_code(m.group("cur")) if m.group("cur") else None,
    )


# Two figures printed with no space between them: "627,4691,248,804", "1,270-10.79".
_RUN_TOGETHER = [
    re.compile(r"^(?P<a>\d{1,3}(?:,\d{3})+)(?P<b>\d{1,3}(?:,\d{3})+(?:\.\d+)?)$"),
    re.compile(r"^(?P<a>\d{1,3}(?:\.\d{3})+)(?P<b>\d{1,3}(?:\.\d{3})+(?:,\d+)?)$"),
    # a minus inside a token only splits when the right part has decimals: "1-10" is a page range
    re.compile(r"^(?P<a>\d[\d.,]*)(?P<b>" + _MINUS_RE + r"\d[\d.,]*[.,]\d+%?)$"),
]


def split_run_together(text: str) -> tuple[str, str] | None:
    """Split a token that holds two figures with no space between them, else ``None``."""
    for rx in _RUN_TOGETHER:
        m = rx.match(text)
        if m:
            return m.group("a"), m.group("b")
    return None
