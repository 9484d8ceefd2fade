"""Exact numbers written the way a document writes them: ``983.113.200`` in Dutch, ``983,113,200`` in English.

This is the only module that imports Babel's number formatting. Values arrive as
:class:`fractions.Fraction` and are rounded exactly (integer arithmetic on the numerator and the
denominator, half away from zero) before Babel groups the digits; no float is ever made, so
``Fraction(1, 3)`` becomes ``0,33`` and ``983113200`` never turns into ``983113200.0000001``.

Formatting is for people only. Nothing in factcheck reads these strings back as numbers; the
JSON report carries exact values separately (see docs/report-json.md).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Callable

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, get_currency_symbol

from factcheck.model import Interval

__all__ = [
    "babel_locale",
    "format_number",
    "format_money",
    "format_percent",
    "format_ratio_percent",
    "format_value",
    "format_interval",
    "format_signed",
    "round_fraction",
    "decimals_for",
]

# The locale used for each document language. Dutch documents group with "." and use a
# decimal comma; English ones the other way round.
_LOCALES = {"nl": "nl_NL", "en": "en_US"}

# Written after a figure for these units; money is written before it.
_PERCENT_UNITS = {"%", "percent", "procent", "pct"}
_CURRENCIES = {"EUR", "USD", "GBP", "CHF", "JPY"}

MINUS = "\u2212"  # a real minus sign: "−5" does not wrap and is not a hyphen
APPROX = "≈\u00a0"  # before a value that had to be rounded to be shown


@lru_cache(maxsize=32)
def babel_locale(language: str | None) -> str:
    """The Babel locale name for a document language ("nl" -> "nl_NL"); English when unknown."""
    if not language:
        return _LOCALES["en"]
    key = language.strip().replace("-", "_")
    if key.lower() in _LOCALES:
        return _LOCALES[key.lower()]
    try:
        return str(Locale.parse(key))
    except (UnknownLocaleError, ValueError, TypeError):
        return _LOCALES["en"]


def round_fraction(value: Fraction, decimals: int) -> Decimal:
    """``value`` rounded to ``decimals`` places, half away from zero, computed exactly."""
    scaled = value * (10**decimals) if decimals >= 0 else value / (10 ** (-decimals))
    magnitude = abs(scaled)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    if scaled < 0:
        whole = -whole
    return Decimal(f"{whole}E{-decimals}")  # built from text: exact whatever the context precision


def decimals_for(value: Fraction, max_decimals: int, significant: int = 0) -> int:
    """How many decimals to show: ``max_decimals``, or more so that ``significant`` digits show.

    With ``significant=2`` a relative difference of 0.0000123 is shown as 0.000012 rather than
    as 0. At most 12 decimals are ever shown.
    """
    decimals = max_decimals
    if significant > 0 and value != 0:
        value = Fraction(value)
        # Smallest d with |value| * 10**d >= 10**(significant-1), in integers:
        # |numerator| * 10**d >= 10**(significant-1) * denominator.
        numerator = abs(value.numerator)
        threshold = 10 ** (significant - 1) * value.denominator
        needed = 0
        while numerator * 10**needed < threshold and needed < 12:
            needed += 1
        decimals = max(decimals, needed)
    return min(decimals, 12)


# Symbols of the locales we ship, read from Babel once. With these, grouping an integer is a
# string operation: Babel's format_decimal costs ~55 µs a call, and a 100k-claim check makes
# over a million of them (benchmarks/check_speed.py). Other locales still go through Babel.
_FAST_SYMBOLS: dict[str, tuple[str, str]] = {}


def _fast_symbols(locale: str) -> tuple[str, str] | None:
    if locale not in _LOCALES.values():
        return None
    symbols = _FAST_SYMBOLS.get(locale)
    if symbols is None:
        numbers = Locale.parse(locale).number_symbols.get("latn", {})
        symbols = (numbers.get("group", ","), numbers.get("decimal", "."))
        _FAST_SYMBOLS[locale] = symbols
    return symbols


def _rounded(value: Fraction, decimals: int) -> tuple[int, bool]:
    """(``value`` × 10^decimals rounded half away from zero, with its sign; whether that was exact).

    Integer arithmetic on the numerator and denominator only: the same rounding as
    :func:`round_fraction`, without building a Fraction or a Decimal.
    """
    numerator, denominator = value.numerator, value.denominator
    if decimals >= 0:
        numerator *= 10**decimals
    else:
        denominator *= 10 ** (-decimals)
    whole, rest = divmod(-numerator if numerator < 0 else numerator, denominator)
    if 2 * rest >= denominator:
        whole += 1
    return (-whole if numerator < 0 else whole), rest == 0


def _fast_plain(value: Fraction, decimals: int, symbols: tuple[str, str]) -> str:
    """Round half away from zero and group digits, exactly as _plain does through Babel."""
    return _fast_text(*_rounded(value, decimals), decimals, symbols)


def _fast_text(rounded: int, _exact: bool, decimals: int, symbols: tuple[str, str]) -> str:
    """The digits of ``rounded`` × 10^-decimals, grouped; trailing decimal zeros dropped."""
    negative = rounded < 0
    whole = -rounded if negative else rounded
    group, point = symbols
    if decimals > 0:
        scale = 10**decimals
        integer, fraction = divmod(whole, scale)
        grouped = f"{integer:,}"
        if group != ",":
            grouped = grouped.replace(",", group)
        text = f"{grouped}{point}{str(fraction).rjust(decimals, '0').rstrip('0')}" if fraction else grouped
    else:
        grouped = f"{whole * 10 ** (-decimals):,}"
        text = grouped.replace(",", group) if group != "," else grouped
    return f"{MINUS}{text}" if negative else text


def _plain(value: Fraction, language: str | None, decimals: int) -> str:
    symbols = _fast_symbols(babel_locale(language))
    if symbols is not None:
        return _fast_plain(value, decimals, symbols)
    return _babel_plain(value, language, decimals)


def _babel_plain(value: Fraction, language: str | None, decimals: int) -> str:
    rounded = round_fraction(value, decimals)
    if rounded == 0:
        rounded = Decimal(0)  # no "-0"
    with localcontext() as ctx:  # Babel quantizes in the current context: give it every digit
        ctx.prec = max(28, len(rounded.as_tuple().digits) + decimals + 4)
        text = format_decimal(abs(rounded), locale=babel_locale(language), decimal_quantization=False)
    return f"{MINUS}{text}" if rounded < 0 else text


def format_number(
    value: Fraction | int,
    language: str | None = "nl",
    max_decimals: int = 2,
    *,
    significant: int = 0,
    mark_inexact: bool = False,
) -> str:
    """An exact number with the document's digit grouping: ``983.113.200`` (nl), ``983,113,200`` (en).

    At most ``max_decimals`` decimals are shown (trailing zeros dropped), more when needed to show
    ``significant`` digits. With ``mark_inexact`` a value that had to be rounded is prefixed "≈".
    """
    if type(value) is not Fraction:
        value = Fraction(value)
    if significant <= 0:
        write = _writer(language, None, max_decimals, mark_inexact)
        if write is not None:
            return write(value)
    decimals = decimals_for(value, max_decimals, significant) if significant > 0 else min(max_decimals, 12)
    if language in _language_symbols:
        symbols = _language_symbols[language]
    else:
        symbols = _language_symbols[language] = _fast_symbols(babel_locale(language))
    if symbols is None:
        text = _babel_plain(value, language, decimals)
        exact = Fraction(round_fraction(value, decimals)) == value
    elif value.denominator == 1 and decimals >= 0:  # a whole number, as most budget figures are
        numerator = value.numerator
        text = f"{-numerator if numerator < 0 else numerator:,}"
        if symbols[0] != ",":
            text = text.replace(",", symbols[0])
        return f"{MINUS}{text}" if numerator < 0 else text
    else:
        rounded, exact = _rounded(value, decimals)
        text = _fast_text(rounded, exact, decimals, symbols)
    if mark_inexact and not exact:
        return f"{APPROX}{text}"
    return text


# Grouping and decimal symbols per document language (None: Babel formats that language).
_language_symbols: dict[str | None, tuple[str, str] | None] = {}


@lru_cache(maxsize=4096)
def _writer(
    language: str | None, unit: str | None, max_decimals: int, mark_inexact: bool
) -> Callable[[Fraction], str] | None:
    """``format_value(value, language, unit, max_decimals, mark_inexact=...)`` for one setting.

    A report formats some 30 numbers per relation, nearly all with a handful of settings
    (language, unit, decimals); the symbols, the currency, the unit's kind and the text around
    the number are worked out here once per setting, and the function returned only rounds
    and groups. ``None`` for a language Babel formats (not nl or en).
    """
    symbols = _fast_symbols(babel_locale(language))
    if symbols is None:
        return None
    group, point = symbols
    decimals = min(max_decimals, 12)
    prefix = suffix = ""
    if unit:
        kind, currency, suffix = _unit_kind(unit)
        if kind == "money":  # format_money: "≈", then the sign, then "€ ", then the digits
            symbol, gap = _money_prefix(currency, babel_locale(language))
            prefix = symbol + gap
        elif kind == "percent":
            suffix = "%"
    scale = 10**decimals if decimals > 0 else 1
    regroup = group != ","

    def write(value: Fraction) -> str:
        numerator = value.numerator
        if value.denominator == 1 and decimals >= 0:  # a whole number, as most budget figures are
            negative = numerator < 0
            digits = f"{-numerator if negative else numerator:,}"
            return f"{MINUS if negative else ''}{prefix}{digits.replace(',', group) if regroup else digits}{suffix}"
        rounded, exact = _rounded(value, decimals)
        negative = rounded < 0
        whole = -rounded if negative else rounded
        fraction_text = ""
        if decimals > 0:
            whole, fraction = divmod(whole, scale)
            if fraction:
                fraction_text = point + str(fraction).rjust(decimals, "0").rstrip("0")
        elif decimals < 0:
            whole *= 10 ** (-decimals)
        digits = f"{whole:,}"
        approx = APPROX if mark_inexact and not exact else ""
        return (
            f"{approx}{MINUS if negative else ''}{prefix}{digits.replace(',', group) if regroup else digits}"
            f"{fraction_text}{suffix}"
        )

    return write


def format_signed(value: Fraction | int, language: str | None = "nl", max_decimals: int = 2, **kw: object) -> str:
    """Like :func:`format_number`, with a "+" on positive values (for differences)."""
    text = format_number(value, language, max_decimals, **kw)  # type: ignore[arg-type]
    if Fraction(value) > 0:
        return f"+{text}" if not text.startswith(APPROX) else text.replace(APPROX, APPROX + "+", 1)
    return text


def format_money(
    value: Fraction | int, language: str | None = "nl", currency: str = "EUR", max_decimals: int = 2, **kw: object
) -> str:
    """Money as Dutch and English budget documents print it: ``€ 983.113.200`` / ``€983,113,200``."""
    locale = babel_locale(language)
    symbol, gap = _money_prefix(currency, locale)
    number = format_number(value, language, max_decimals, **kw)  # type: ignore[arg-type]
    approx = sign = ""
    if number.startswith(APPROX):
        approx, number = APPROX, number[len(APPROX) :]
    if number.startswith(MINUS):
        sign, number = MINUS, number[1:]
    return f"{approx}{sign}{symbol}{gap}{number}"


@lru_cache(maxsize=256)
def _money_prefix(currency: str, locale: str) -> tuple[str, str]:
    """(currency symbol, gap before the number) for a locale; Babel is asked once per pair."""
    return get_currency_symbol(currency, locale=locale), ("\u00a0" if locale.startswith("nl") else "")


def format_percent(value: Fraction | int, language: str | None = "nl", max_decimals: int = 2, **kw: object) -> str:
    """A value already in percent points: ``Fraction(30)`` -> ``30%``."""
    return f"{format_number(value, language, max_decimals, **kw)}%"  # type: ignore[arg-type]


def format_ratio_percent(value: Fraction | int, language: str | None = "nl", max_decimals: int = 2) -> str:
    """A ratio shown as a percentage with at least two significant digits: ``1/8000`` -> ``0,0125%``."""
    ratio = Fraction(value) * 100
    text = format_number(ratio, language, max_decimals, significant=2)
    if ratio > 0:
        text = f"+{text}"
    return f"{text}%"


def format_value(
    value: Fraction | int | None,
    language: str | None = "nl",
    unit: str | None = None,
    max_decimals: int = 2,
    **kw: object,
) -> str:
    """A value with its unit, money and percent written as documents write them; "" for ``None``."""
    if value is None:
        return ""
    if not kw or (len(kw) == 1 and "mark_inexact" in kw):
        write = _writer(language, unit or None, max_decimals, bool(kw.get("mark_inexact", False)))
        if write is not None:
            return write(value if type(value) is Fraction else Fraction(value))
    if unit:
        kind, name, suffix = _unit_kind(unit)
        if kind == "money":
            # "EUR / place / year" -> "€ 55.700 / place / year"
            return f"{format_money(value, language, name, max_decimals, **kw)}{suffix}"
        if kind == "percent":
            return format_percent(value, language, max_decimals, **kw)
        return f"{format_number(value, language, max_decimals, **kw)}{suffix}"  # type: ignore[arg-type]
    return format_number(value, language, max_decimals, **kw)  # type: ignore[arg-type]


@lru_cache(maxsize=1024)
def _unit_kind(unit: str) -> tuple[str, str, str]:
    """How :func:`format_value` writes a unit: (kind, currency, text after the number).

    kind is "money" (the currency before the number, any "/ rest" after it), "percent", or
    "other" (the unit after the number). Worked out once per unit string.
    """
    bare = " ".join(unit.split())
    head, sep, rest = bare.partition("/")
    if sep and head.strip().upper() in _CURRENCIES and rest.strip():
        return "money", head.strip().upper(), f"\u00a0/ {rest.strip()}"
    if bare.upper() in _CURRENCIES:
        return "money", bare.upper(), ""
    if bare.lower() in _PERCENT_UNITS:
        return "percent", "", ""
    return "other", "", f"\u00a0{bare}"


def format_interval(
    interval: Interval | None, language: str | None = "nl", unit: str | None = None, max_decimals: int = 2
) -> str:
    """An interval as ``983.113.150 – 983.113.250``; one-sided ones as ``≥ 5``; "" for ``None``.

    Bounds get enough decimals to stay distinct from each other, so a narrow interval never
    prints as "1,5 – 1,5".
    """
    if interval is None:
        return ""
    lo, hi = interval.lo, interval.hi
    if lo is None and hi is None:
        return "any value"
    if lo is None:
        return f"≤\u00a0{format_value(hi, language, unit, max_decimals)}"
    if hi is None:
        return f"≥\u00a0{format_value(lo, language, unit, max_decimals)}"
    if lo == hi:
        return format_value(lo, language, unit, max(max_decimals, decimals_for(lo, 0, 3)))
    decimals = max_decimals
    # Whole bounds that differ stay distinct at any number of decimals.
    if not (lo.denominator == 1 and hi.denominator == 1 and decimals >= 0):
        while decimals < 12 and _rounded(lo, decimals)[0] == _rounded(hi, decimals)[0]:
            decimals += 1
    # The unit once, not twice: "€ 450.000.000 – € 550.000.000 / year", "41.000 – 42.000 place".
    bound_unit, suffix = _split_unit(unit)
    write = _writer(language, bound_unit, decimals, False)
    if write is not None and type(lo) is Fraction and type(hi) is Fraction:  # format_value, directly
        return f"{write(lo)} – {write(hi)}{suffix}"
    text = f"{format_value(lo, language, bound_unit, decimals)} – {format_value(hi, language, bound_unit, decimals)}"
    return f"{text}{suffix}"


@lru_cache(maxsize=1024)
def _split_unit(unit: str | None) -> tuple[str | None, str]:
    """(unit to write at each bound, suffix to write once) for an interval."""
    if not unit:
        return None, ""
    bare = " ".join(unit.split())
    head, sep, rest = bare.partition("/")
    if head.strip().upper() in _CURRENCIES:
        return head.strip(), (f"\u00a0/ {rest.strip()}" if sep and rest.strip() else "")
    if bare.lower() in _PERCENT_UNITS:
        return bare, ""
    return None, f"\u00a0{bare}"
