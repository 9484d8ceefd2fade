"""Bounds on every value read from a claim file, and the characters numbers may be written in.

Every limit lives here, so README's "Errors" section and docs/errors.md can state them, and
each is checked *before* the value is used: a hostile value ends as a located FC error, never
as a hang (``10 ** 999999999``), a traceback (Python's 4,300-digit int limit) or a wrong answer
(a Bengali ৪ read as 4, a fullwidth ａ folded to a by Python's parser).
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.errors import FactcheckError

# Claim files
MAX_FILE_BYTES = 64 * 1024 * 1024  # FC105
MAX_YAML_DEPTH = 40  # FC104
MAX_FIGURE_LENGTH = 200  # characters in `stated:` (a printed figure, with its hedge and unit words)
MAX_NUMBER_DIGITS = 100  # digits in one number: a figure, `value:` (each side of p/q), tolerance
MAX_PRECISION = 30  # `precision:` and `scale:` lie within 10^-30 .. 10^30

# Formulas (FC204)
MAX_FORMULA_LENGTH = 10_000
MAX_FORMULA_PARTS = 2_000
MAX_FORMULA_DEPTH = 100
MAX_EXPONENT = 6  # a power in a formula or a unit: a whole number from -6 to 6
MAX_LITERAL_DIGITS = 40

# Units (FC211, FC212)
MAX_UNIT_LENGTH = 200
MAX_UNIT_NESTING = 10  # parentheses inside one unit expression

# Evaluation (FC224)
MAX_BITS = 4096  # numerator or denominator of any intermediate result

BOUND_CODE = "FC140"  # a value beyond one of the limits above
CHARACTER_CODE = "FC141"  # a character that is not ASCII where only ASCII is read

_ASCII_DIGITS = re.compile(r"[0-9]+")


def describe_char(char: str) -> str:
    """``'ａ' (U+FF41 FULLWIDTH LATIN SMALL LETTER A)``: what a look-alike really is."""
    default = "a control character" if unicodedata.category(char) == "Cc" else "an unnamed character"
    name = unicodedata.name(char, default)
    shown = char if char.isprintable() else ""
    return f"{shown!r} (U+{ord(char):04X} {name})" if shown else f"U+{ord(char):04X} ({name})"


def first_non_ascii(text: str) -> int | None:
    """Index of the first character outside ASCII, or None."""
    if text.isascii():
        return None
    return next(i for i, c in enumerate(text) if ord(c) > 127)


def first_foreign_numeral(text: str) -> int | None:
    """Index of the first numeral that is not an ASCII digit (৪, ², ５, ½, Ⅻ), or None.

    Python's ``int`` and ``\\d`` read every Unicode decimal digit, so a Bengali ৪, which looks
    like 8, would silently count as 4.
    """
    if text.isascii():
        return None
    for i, char in enumerate(text):
        if ord(char) > 127 and unicodedata.category(char).startswith("N"):
            return i
    return None


def check_numerals(text: str, what: str) -> None:
    """Raise FC141 when ``text`` holds a numeral other than the ASCII digits 0-9."""
    at = first_foreign_numeral(text)
    if at is not None:
        raise FactcheckError(
            f"{what} {_short(text)} holds {describe_char(text[at])}; write figures with the digits 0-9",
            col=at + 1, code=CHARACTER_CODE,
        )


def check_digit_runs(text: str, what: str, limit: int = MAX_NUMBER_DIGITS) -> None:
    """Raise FC140 when ``text`` holds more than ``limit`` ASCII digits in a row (or in all)."""
    total = 0
    for run in _ASCII_DIGITS.finditer(text):
        total += len(run.group(0))
    if total > limit:
        raise FactcheckError(f"{what} {_short(text)} has {total} digits; the limit is {limit}", code=BOUND_CODE)


def check_length(text: str, what: str, limit: int) -> None:
    """Raise FC140 when ``text`` is longer than ``limit`` characters."""
    if len(text) > limit:
        raise FactcheckError(f"{what} is {len(text)} characters long; the limit is {limit}", code=BOUND_CODE)


def check_power_of_ten(power: int, what: str) -> None:
    """Raise FC140 when a power of ten lies beyond ±MAX_PRECISION."""
    if abs(power) > MAX_PRECISION:
        raise FactcheckError(
            f"{what} {power} is beyond the limit: a power of ten from -{MAX_PRECISION} to {MAX_PRECISION}",
            code=BOUND_CODE,
        )


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")

# Bytes an extraction worker may add to what it started with (`extract --max-memory`). Every
# document of the shared corpus (99 PDFs, 693 pages) reads under half of it; a flate bomb ends at
# it in about a second (FC300).
DEFAULT_MAX_MEMORY = 200 * 1024**2
