"""Read the unit header of a table: "Bedragen in miljoen euro", "x € 1.000", "(In billions of dollars)".

The multiplier says what one printed unit is worth; the checks themselves run on printed
values (parts and total share the header), but the multiplier is reported and goes into the
claims so that later checks against prose ("1,2 mld. euro") can convert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Scale:
    """A unit header as printed and what it means."""

    text: str
    multiplier: Fraction
    unit: str | None  # "EUR", "USD", "INR", "ha", ... ; None when the header names no unit


_WORDS = {
    "duizend": 10**3, "duizenden": 10**3, "miljoenen": 10**6, "miljarden": 10**9,
    "thousand": 10**3, "thousands": 10**3, "000": 10**3, "'000": 10**3, "1000": 10**3,
    "1.000": 10**3, "1,000": 10**3, "1 000": 10**3,
    "miljoen": 10**6, "mln": 10**6, "million": 10**6, "millions": 10**6, "mill": 10**6, "mn": 10**6, "m": 10**6,
    "1.000.000": 10**6, "1,000,000": 10**6,
    "miljard": 10**9, "mld": 10**9, "mrd": 10**9, "billion": 10**9, "billions": 10**9, "bn": 10**9,
    "trillion": 10**12, "trillions": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "k": 10**3,
}
_CURRENCY = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR",
    "dollar": "USD", "dollars": "USD", "usd": "USD", "$": "USD", "u$s": "USD",
    "rupee": "INR", "rupees": "INR", "rs": "INR", "rs.": "INR", "₹": "INR",
    "pound": "GBP", "pounds": "GBP", "£": "GBP", "gbp": "GBP",
}


def currency_code(sign: str) -> str | None:
    """The ISO code of a currency word or sign as printed ("€", "$", "Rs.", "dollars"), or None."""
    return _CURRENCY.get(sign.strip().lower())
_MAG = r"(?P<mag>duizenden|miljoenen|miljarden|duizend|miljoen|miljard|mln|mld|mrd|thousands?|millions?|billions?|trillions?|lakhs?|crores?|mill|bn|mn)"
_CUR = r"(?P<cur>euros?|eur|€|dollars?|usd|\$|u\$s|rupees?|rs\.?|₹|£|gbp)"

# Ordered: the most specific phrasing first. Each yields 'mag' (word or digits), optionally
# 'cur' (currency) or 'unit' (another unit such as ha).
_PATTERNS = [
    re.compile(r"bedragen\s*(?:x|×)\s*" + _CUR + r"?\s*(?P<mag>1[.,]?000(?:[.,]?000)*)", re.IGNORECASE),
    re.compile(r"(?:x|×)\s*" + _CUR + r"\s*(?P<mag>1[.,]?000(?:[.,]?000)*)", re.IGNORECASE),
    # "x € 1 mln", "bedragen x € 1 miljoen"
    re.compile(r"(?:x|×)\s*" + _CUR + r"\s*1\s*" + _MAG + r"\b", re.IGNORECASE),
    # "x 1.000 euro", "(x 1.000 euro)": the sign after the factor, as many Dutch tables print it
    re.compile(r"(?:x|×)\s*(?P<mag>1[.,]?000(?:[.,]?000)*)\s*" + _CUR + r"(?![\w])", re.IGNORECASE),
    re.compile(r"bedragen\s+in\s+" + _MAG + r"\.?\s*" + _CUR + r"?", re.IGNORECASE),
    re.compile(r"in\s+" + _MAG + r"\s+of\s+" + _CUR, re.IGNORECASE),
    # "(MILLIONS OF DOLLARS)", "Thousands of Dollars": only as a heading of its own, since prose
    # says "hundreds of millions of dollars" without giving the table's unit
    re.compile(r"^\W*" + _MAG + r"\s+of\s+" + _CUR + r"\W*$", re.IGNORECASE),
    # "(Dollars in Thousands)", "Euro in miljoenen": the currency named before its factor
    re.compile(r"(?<![\w$€£₹])" + _CUR + r"\s+in\s+" + _MAG + r"\b", re.IGNORECASE),
    re.compile(r"\(\s*" + _CUR + r"\s*in\s*(?P<mag>'?000|lakhs?|crores?|millions?|billions?)\s*\)", re.IGNORECASE),
    re.compile(r"\(\s*" + _CUR + r"\s*" + _MAG + r"\s*\)", re.IGNORECASE),
    re.compile(r"\bin\s+(?P<mag>1[ .,]?000)\s+(?P<unit>[a-z]{1,12})\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])" + _MAG + r"\.?\s*" + _CUR + r"(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w])" + _CUR + r"\s*" + _MAG + r"\b\.?", re.IGNORECASE),
    # "$’000", "£'000": thousands of the currency, as Australian and British accounts head a column
    re.compile(r"(?<![\w])" + _CUR + r"\s*(?P<mag>['’‘]000)(?!\d)", re.IGNORECASE),
    # "(M€)", "k€", "(€m)", "($M)": a magnitude letter glued to the currency sign, as annual
    # reports head their tables; only the signs, since "m" and "k" stand for much else
    re.compile(r"(?<![\w.])(?P<mag>[KkM])\s?(?P<cur>[€$£])(?![\w])"),
    re.compile(r"\(\s*(?P<cur>[€$£])\s?(?P<mag>[mMkK]|bn)\s*\)"),
    re.compile(r"\(\s*in\s+" + _MAG + r"\s*\)", re.IGNORECASE),
    re.compile(r"\bin\s+" + _MAG + r"\b", re.IGNORECASE),
]


def find_scale(lines: Iterable[str]) -> Scale | None:
    """The first unit header found in ``lines`` (searched in order), or ``None``."""
    for line in lines:
        for rx in _PATTERNS:
            m = rx.search(line)
            if not m:
                continue
            mag = m.group("mag").lower().strip(".").replace("’", "'").replace("‘", "'")
            mult = _WORDS.get(mag) or _WORDS.get(re.sub(r"[ .,]", "", mag).replace("1000000", "1.000.000"))
            if mult is None:
                digits = re.sub(r"\D", "", mag)
                mult = int(digits) if digits else None
            if mult is None:
                continue
            groups = m.groupdict()
            cur = groups.get("cur")
            unit = _CURRENCY.get(cur.lower()) if cur else None
            if unit is None and groups.get("unit"):
                unit = groups["unit"]
            return Scale(text=m.group(0).strip(), multiplier=Fraction(mult), unit=unit)
    return None
