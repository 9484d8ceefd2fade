"""Read one printed figure ("€983.113.200", "ruim 1 miljard", "30%", "2 op de 3") exactly.

The grammar is ours: Babel, text2num and pint all misread Dutch figures in ways that matter
(see docs/design.md). A figure stands for an interval: plain figures are taken as rounded at
their last non-zero digit, hedged figures get a margin on the side the hedge names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction

from factcheck.bounds import MAX_FIGURE_LENGTH, MAX_NUMBER_DIGITS, check_digit_runs, check_length, check_numerals
from factcheck.errors import FactcheckError, NumberFormatError
from factcheck.model import Figure, Hedge, Interval

# Spaces that may group digits: plain, no-break, narrow no-break, thin.
GROUP_SPACES = " \u00a0\u202f\u2009"
MINUS_SIGNS = "-\u2012\u2013\u2212"
NIL_MARKS = frozenset({"-", "\u2012", "\u2013", "\u2014", "\u2212", "...", "\u2026", "--"})

HEDGE_WORDS: dict[str, Hedge] = {
    # Dutch
    "bijna": Hedge.BELOW,
    "nog geen": Hedge.BELOW,
    "minder dan": Hedge.BELOW,
    "net onder": Hedge.BELOW,
    "ruim": Hedge.ABOVE,
    "meer dan": Hedge.ABOVE,
    "ten minste": Hedge.ABOVE,
    "tenminste": Hedge.ABOVE,
    "minimaal": Hedge.ABOVE,
    "minstens": Hedge.ABOVE,
    "circa": Hedge.ABOUT,
    "ca.": Hedge.ABOUT,
    "ca": Hedge.ABOUT,
    "ongeveer": Hedge.ABOUT,
    "zo'n": Hedge.ABOUT,
    "zo’n": Hedge.ABOUT,
    "rond": Hedge.ABOUT,
    "rondom": Hedge.ABOUT,
    "naar schatting": Hedge.ABOUT,
    "afgerond": Hedge.ABOUT,
    # English
    "almost": Hedge.BELOW,
    "nearly": Hedge.BELOW,
    "just under": Hedge.BELOW,
    "less than": Hedge.BELOW,
    "under": Hedge.BELOW,
    "over": Hedge.ABOVE,
    "more than": Hedge.ABOVE,
    "at least": Hedge.ABOVE,
    "just over": Hedge.ABOVE,
    "about": Hedge.ABOUT,
    "around": Hedge.ABOUT,
    "approximately": Hedge.ABOUT,
    "approx.": Hedge.ABOUT,
    "roughly": Hedge.ABOUT,
    "some": Hedge.ABOUT,
    "an estimated": Hedge.ABOUT,
}

SCALE_WORDS: dict[str, int] = {
    "duizend": 3,
    "miljoen": 6,
    "mln.": 6,
    "mln": 6,
    "miljard": 9,
    "mld.": 9,
    "mld": 9,
    "mrd.": 9,
    "mrd": 9,
    "biljoen": 12,
    # what the extractor reads in Dutch too ("€ 4,9 mio", "miljoenen", "dzd"): check must read it back
    "mio.": 6,
    "mio": 6,
    "miljoenen": 6,
    "dzd": 3,
    "thousand": 3,
    "million": 6,
    "mn": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "trillion": 12,
    "tn": 12,
    "k": 3,  # "£100k": only after a currency (SHORT_SCALE_WORDS)
    # Indian numbering: "Rs. 1,200 crore", "5 lakh"
    "lakh": 5,
    "lakhs": 5,
    "crore": 7,
    "crores": 7,
    "lakh crore": 12,
    "lakh crores": 12,
}
# Short forms that mean a scale only after a currency in English ("£5m", "$1.2 bn"), as the
# extractor reads them; "5 m" alone is five metres as often as five million.
SHORT_SCALE_WORDS = frozenset({"m", "mn", "bn", "tn", "k"})

CURRENCY_WORDS: dict[str, str] = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euro's": "EUR",
    "euros": "EUR",
    "$": "USD",
    "usd": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "nz$": "NZD",
    "s$": "SGD",
    "sgd": "SGD",
    "hk$": "HKD",
    "hkd": "HKD",
    "₦": "NGN",
    "ngn": "NGN",
    "zmw": "ZMW",
    "zar": "ZAR",
    # East and West African and South Asian audit reports write the currency before the amount,
    # often glued with a dot: "Kshs.145,125,454", "Rs. 1,200 crore", "UShs 3.2 billion"
    "kshs": "KES",
    "kshs.": "KES",
    "ksh": "KES",
    "ksh.": "KES",
    "kes": "KES",
    "rs": "INR",
    "rs.": "INR",
    "₹": "INR",
    "inr": "INR",
    "ushs": "UGX",
    "ushs.": "UGX",
    "ugx": "UGX",
    "tshs": "TZS",
    "tshs.": "TZS",
    "tzs": "TZS",
    "gh₵": "GHS",
    "ghs": "GHS",
}
# Currencies named in words after the amount ("1,200 ringgit annually", "50 billion naira"): a
# currency, not a counted noun. Names shared by several countries (shilling, franc, peso) are
# left out, as is "rand" (a Dutch noun).
CURRENCY_NAMES_AFTER: dict[str, str] = {
    "ringgit": "MYR",
    "rupee": "INR",
    "rupees": "INR",
    "naira": "NGN",
    "kwacha": "ZMW",
    "cedi": "GHS",
    "cedis": "GHS",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "baht": "THB",
    "rupiah": "IDR",
}
CURRENCY_WORDS.update(CURRENCY_NAMES_AFTER)
# A currency letter glued to the amount ("K174.2 billion", "N1.2 trillion", "R3,5 miljard").
GLUED_CURRENCY_LETTERS: dict[str, str] = {"k": "ZMW", "n": "NGN", "r": "ZAR"}

# The months' names and abbreviations, Dutch and English, as a regular expression's alternatives
MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    "january|february|march|may|june|july|august|october"
)

PERCENT_WORDS: dict[str, str] = {
    "%": "%",
    "procent": "%",
    "percent": "%",
    "per cent": "%",
    "procentpunt": "pp",
    "procentpunten": "pp",
    "%-punt": "pp",
    "percentage point": "pp",
    "percentage points": "pp",
    # "a 1-percentage-point increase": the hyphenated compound, as the scanner writes it
    "percentage-point": "pp",
    "percentage-points": "pp",
}

NUMBER_WORDS: dict[str, int] = {
    "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
    "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

# words that count two things: a figure only where the text gives the share they are, "both (100%)"
# (the scanner decides that); read as a stated figure they are two
PAIR_WORDS: dict[str, int] = {"both": 2, "beide": 2}

MULTIPLE_WORDS: dict[str, int] = {
    "tweemaal": 2, "driemaal": 3, "viermaal": 4, "vijfmaal": 5, "tienmaal": 10,
    "twice": 2, "thrice": 3,
    # "three-fold" as extract writes it: the hyphen between letters reads as a space
    "twofold": 2, "two fold": 2, "threefold": 3, "three fold": 3,
}

FRACTION_WORDS: dict[str, Fraction] = {
    "anderhalf": Fraction(3, 2),
    "de helft": Fraction(1, 2),
    "half": Fraction(1, 2),
    "a half": Fraction(1, 2),
    "een half": Fraction(1, 2),
    "een derde": Fraction(1, 3),
    "één derde": Fraction(1, 3),
    "twee derde": Fraction(2, 3),
    "een kwart": Fraction(1, 4),
    "één kwart": Fraction(1, 4),
    "drie kwart": Fraction(3, 4),
    "driekwart": Fraction(3, 4),
    "one third": Fraction(1, 3),
    "a third": Fraction(1, 3),
    "two thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4),
    "one quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4),
    "one half": Fraction(1, 2),
    "one fifth": Fraction(1, 5),
    "a fifth": Fraction(1, 5),
    "two fifths": Fraction(2, 5),
    "three fifths": Fraction(3, 5),
    "one tenth": Fraction(1, 10),
    "a tenth": Fraction(1, 10),
    "een vijfde": Fraction(1, 5),
    "twee vijfde": Fraction(2, 5),
    "een tiende": Fraction(1, 10),
}

_SPACE = f"[{GROUP_SPACES}]"
# Indian grouping (lakhs and crores): "1,95,000", "45,03,097", pairs of digits before the last three.
INDIAN_GROUPED = r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}"
_NUMBER_RE = {
    # Dutch: "." or a space groups thousands, "," is the decimal mark.
    "nl": re.compile(rf"[0-9]{{1,3}}(?:(?:\.|{_SPACE})[0-9]{{3}})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?"),
    # English: "," or a space groups thousands, "." is the decimal mark.
    # Indian grouping too.
    "en": re.compile(rf"[0-9]{{1,3}}(?:(?:,|{_SPACE})[0-9]{{3}})+(?:\.[0-9]+)?|{INDIAN_GROUPED}(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"),
}
_RATIO_RE = re.compile(r"([0-9]+|\w+)\s+(?:op\s+de|op|van\s+de|in|out\s+of)\s+([0-9]+|\w+)$", re.IGNORECASE)


def _sorted_alternation(words: Iterable[str]) -> str:
    # Longest first so "mln." wins over "mln" and "nog geen" over "geen".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LAKH_CRORE = re.compile(r"\d[\d.,]*\s*(?:lakhs?|crores?)\b", re.IGNORECASE)
_HEDGE_PREFIX = re.compile(rf"^(?:{_sorted_alternation(HEDGE_WORDS)})(?=\s|$)\s*", re.IGNORECASE)
_CURRENCY_PREFIX = re.compile(
    r"^(?:€|\$|£|₦|₹|gh₵|us\$|ca?\$|a\$|au\$|nz\$|(?:k|u|t)shs\.|ksh\.|rs\.|"
    r"(?:eur|usd|gbp|cad|aud|ngn|zmw|zar|kes|inr|ugx|tzs|ghs|kshs|ksh|ushs|tshs|rs)(?=[\s0-9])|[knr](?=[0-9]|\s[0-9][\d\s.,]*\s?(?:m|bn|million|billion)\b))\s*",
    re.IGNORECASE,
)
# "$343.2-billion": a hyphen joins the scale word when the amount qualifies a noun
_SCALE_SUFFIX = re.compile(rf"^(?:-(?=[^\W\d_])|\s*)({_sorted_alternation(SCALE_WORDS)})(?![\w])", re.IGNORECASE)
# "Rs. 1 trillion 530 billion 350 million" (Nepal's budget in English): one amount whose lower
# parts follow with smaller scale words
_COMPOUND_PART = re.compile(r"[ \t]+(\d{1,3})[ \t]+(billion|million|thousand)(?![\w])", re.IGNORECASE)
_COMPOUND_POWERS = {"billion": 9, "million": 6, "thousand": 3}


def compound_parts(text: str, pos: int, scale: int) -> tuple[Fraction, int, int] | None:
    """The lower parts of a compound amount whose first part, scaled by ``10**scale``, ends at
    ``text[pos]``: their sum in units of ``10**scale``, where they end, and the power of ten of the
    last printed digit. None when no part with a smaller scale word follows."""
    added, last = Fraction(0), None
    while (m := _COMPOUND_PART.match(text, pos)) is not None:
        power = _COMPOUND_POWERS[m.group(2).lower()]
        if power >= (scale if last is None else last[1]):
            break
        added += Fraction(int(m.group(1)) * 10 ** power, 10 ** scale)
        pos, last = m.end(), (m.group(1), power)
    if last is None:
        return None
    return added, pos, _precision_of(last[0], 0) + last[1]


_CURRENCY_SUFFIX = re.compile(
    r"^\s*(euro's|euros|euro|eur|usd|dollars|dollar|gbp|pounds|pound|€|\$|"
    + _sorted_alternation(CURRENCY_NAMES_AFTER) + r")(?![\w])", re.IGNORECASE
)
# "€ 406 (x 1.000)": a multiplier in brackets after the amount, as a table's caption prints it;
# group 1 is the thousands groups, each with the separator the language groups digits with
TIMES_SCALE = re.compile(r"[ \t]*\([ \t]*[x×][ \t]*(?:€|EUR|\$|£)?[ \t]*1((?:[.,]000)+)[ \t]*\)")
_PERCENT_SUFFIX = re.compile(rf"^(?:\s*|-)({_sorted_alternation(PERCENT_WORDS)})(?![\w])", re.IGNORECASE)
PER_WORDS: dict[str, str] = {
    "dag": "day", "day": "day", "week": "week", "maand": "month", "month": "month",
    "jaar": "year", "year": "year", "annum": "year", "kwartaal": "quarter", "quarter": "quarter",
    "uur": "hour", "hour": "hour", "plek": "place", "plaats": "place", "place": "place",
    "persoon": "person", "person": "person", "asielzoeker": "person", "inwoner": "person",
    "huishouden": "household", "household": "household", "fte": "fte", "m3": "m**3",
    "kwh": "kWh", "liter": "liter",
}
DURATION_WORDS: dict[str, str] = {
    "dag": "day", "dagen": "day", "werkdagen": "day", "week": "week", "weken": "week", "maand": "month",
    "maanden": "month", "jaar": "year", "jaren": "year", "uur": "hour", "uren": "hour", "kwartaal": "quarter",
    "kwartalen": "quarter", "minuut": "minute", "minuten": "minute", "minute": "minute", "minutes": "minute",
    "day": "day", "days": "day", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "hour": "hour", "hours": "hour", "quarters": "quarter",
    "decade": "decade", "decades": "decade", "decennium": "decade", "decennia": "decade",
}
# (joined by a hyphen or dash, also where a line broke after it: "10-year", "6–month", "5- year")
_DURATION_SUFFIX = re.compile(rf"^(?:\s*[-\u2013]\s*|\s+)({_sorted_alternation(DURATION_WORDS)})(?![\w])", re.IGNORECASE)
# "2.5 times", "3 keer": a multiple, as the extractor writes "2.5 times the amount"
_TIMES_SUFFIX = re.compile(r"^\s+(?:times|keer|maal)(?![\w])", re.IGNORECASE)
# "twee jaar", "half jaar": a number word followed by a duration.
_PER_SUFFIX = re.compile(rf"^\s*(?:per|a|an|each)\s+({_sorted_alternation(PER_WORDS)})(?![\w])", re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|‒|—|tot(?:\s+en\s+met)?|t/m|t\.m\.|tm|to|through|and|en|à)\s*", re.IGNORECASE)


def parse_number(text: str, language: str = "nl") -> tuple[Fraction, int]:
    """Read a bare number in the document's convention; return (value, decimals printed).

    ``parse_number("55.700", "nl") == (Fraction(55700), 0)``;
    ``parse_number("1,5", "nl") == (Fraction(3, 2), 1)``; in English "1.500" is 1.5.
    """
    lang = "en" if language.startswith("en") else "nl"
    cleaned = text.strip()
    _check_bounds(cleaned, "the number")
    if lang == "nl" and cleaned.startswith("0."):
        lang = "en"  # "0.167" in a Dutch text: a lone 0 is no thousands group, the point is a decimal one
    match = _NUMBER_RE[lang].fullmatch(cleaned)
    if match is None:
        raise NumberFormatError(f"cannot read {text!r} as a number in language {lang!r}", code="FC109")
    group, decimal = (".", ",") if lang == "nl" else (",", ".")
    digits = cleaned.replace(group, "")
    for space in GROUP_SPACES:
        digits = digits.replace(space, "")
    whole, _, frac = digits.partition(decimal)
    value = Fraction(int(whole + frac), 10 ** len(frac)) if frac else Fraction(int(whole))
    return value, len(frac)


def _check_bounds(text: str, what: str) -> None:
    # Before any digit is read: int() and \d take every Unicode digit, and int() refuses 4,300.
    try:
        check_length(text, what, MAX_FIGURE_LENGTH)
        check_numerals(text, what)
        if len(text) > MAX_NUMBER_DIGITS:
            check_digit_runs(text, what)
    except FactcheckError as exc:
        raise NumberFormatError(exc.message, code=exc.code) from None


def _is_digit(char: str) -> bool:
    return char.isascii() and char.isdigit()


def _precision_of(value_digits: str, decimals: int) -> int:
    """Power of ten of the last significant digit of an unsigned digit string."""
    if decimals:
        return -decimals
    stripped = value_digits.rstrip("0")
    if not stripped:
        return 0
    return len(value_digits) - len(stripped)


def figure_interval(value: Fraction, precision: int, hedge: Hedge, margin: Fraction) -> Interval:
    """The interval a printed figure stands for.

    A plain figure is rounded at its last significant digit: ``value ± ½·10^precision``.
    ``about`` widens that to ``± max(½·10^p, margin/2·|v|)``; ``below`` spans
    ``[v - max(½·10^p, margin·|v|), v]`` and ``above`` the mirror image (docs/verdicts.md).
    """
    half_unit = Fraction(10) ** precision / 2
    magnitude = abs(value)
    if hedge is Hedge.EXACT:
        return Interval(value - half_unit, value + half_unit)
    if hedge is Hedge.ABOUT:
        width = max(half_unit, margin * magnitude / 2)
        return Interval(value - width, value + width)
    width = max(half_unit, margin * magnitude)
    # Hedges speak of magnitude: "bijna -80" lies between -80 and zero.
    toward_zero = hedge is Hedge.BELOW
    if (value >= 0) == toward_zero:
        return Interval(value - width, value)
    return Interval(value, value + width)


def _word_number(token: str) -> Fraction | None:
    low = token.lower()
    if low in NUMBER_WORDS:
        return Fraction(NUMBER_WORDS[low])
    if low in PAIR_WORDS:
        return Fraction(PAIR_WORDS[low])
    if low in MULTIPLE_WORDS:
        return Fraction(MULTIPLE_WORDS[low])
    if low in FRACTION_WORDS:
        return FRACTION_WORDS[low]
    if low.isascii() and low.isdigit() and len(low) <= MAX_NUMBER_DIGITS:
        return Fraction(int(low))
    return None


# The shape most figures in claim files have: an optional euro sign and a plain grouped number.
# Reading those directly keeps loading a 100k-claim file fast; everything else takes the full path.
_SIMPLE = {
    "nl": re.compile(r"(€ ?)?((?!0\.)[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?"),
    "en": re.compile(r"([€$£] ?)?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?"),
}
_SYMBOL_UNITS = {"€": "EUR", "$": "USD", "£": "GBP"}
_BRACKETED_PERCENT = re.compile(r"\(([^()]+)\)[ \t]?%")
_HALF_UNITS = {p: Fraction(10) ** p / 2 for p in range(-6, 13)}


def _simple_figure(text: str, lang: str) -> Figure | None:
    match = _SIMPLE[lang].fullmatch(text)
    if match is None:
        return None
    symbol, whole, frac = match.groups()
    digits = whole.replace("." if lang == "nl" else ",", "")
    if frac:
        value = Fraction(int(digits + frac), 10 ** len(frac))
        precision = -len(frac)
    else:
        value = Fraction(int(digits))
        stripped = digits.rstrip("0")
        precision = len(digits) - len(stripped) if stripped else 0
    half_unit = _HALF_UNITS.get(precision)
    if half_unit is None:
        half_unit = Fraction(10) ** precision / 2
    unit = _SYMBOL_UNITS[symbol.strip()] if symbol else None
    return Figure(text=text, value=value, interval=Interval(value - half_unit, value + half_unit),
                  hedge=Hedge.EXACT, precision=precision, unit_hint=unit)


# "($304) thousand", "(€ 3,4) miljoen": an accountant's negative in brackets, its scale word after them
_BRACKETED_SCALED = re.compile(r"\(\s*([^()]+?)\s*\)\s*([^\W\d_][^()]*)")


# "two (2)": a number in words, then again in digits in brackets (extract reads it as one figure)
ECHOED_DIGITS = re.compile(r"[ \u00a0]?\((\d{1,3})\)")


def parse_figure(text: str, language: str = "nl", margin: Fraction = Fraction(1, 10)) -> Figure:
    """Read one printed figure with its hedge, currency, scale word and percent sign.

    Raises :class:`NumberFormatError` (FC109) when the text is not a single figure.
    """
    _check_bounds(text, "the figure")
    simple = _simple_figure(text, "en" if language.startswith("en") else "nl")
    if simple is not None:
        return simple
    if text.strip() in NIL_MARKS:
        # A dash in a budget table means nil: zero, as rounded as the table's other figures.
        return Figure(text=text, value=Fraction(0), interval=Interval(Fraction(-1, 2), Fraction(1, 2)))
    original = text
    rest = text.strip()
    hedge = Hedge.EXACT
    m = _HEDGE_PREFIX.match(rest)
    if m:
        hedge = HEDGE_WORDS[m.group(0).strip().lower()]
        rest = rest[m.end():]

    sign = 1
    if rest[:1] in MINUS_SIGNS:
        sign, rest = -1, rest[1:].lstrip()
    elif rest[:1] == "+" and _is_digit(rest[1:2]):
        rest = rest[1:]  # "+13,6%": an explicit plus sign
    elif rest.startswith("(") and rest.endswith(")"):
        # Accounting notation in tables: (35,8) is -35,8.
        sign, rest = -1, rest[1:-1].strip()
    elif (scaled := _BRACKETED_SCALED.fullmatch(rest)) is not None:
        sign, rest = -1, f"{scaled.group(1)} {scaled.group(2)}"  # "($304) thousand": its scale after the brackets
    elif (bracketed := _BRACKETED_PERCENT.fullmatch(rest)) is not None:
        sign, rest = -1, bracketed.group(1).strip() + "%"  # "(14.9)%", as a table prints -14.9 %

    unit_hint: str | None = None
    m = _CURRENCY_PREFIX.match(rest)
    if m is None and rest[:1] == "`" and _LAKH_CRORE.search(rest):
        unit_hint, rest = "INR", rest[1:].lstrip()  # "` 1 lakh crore": Indian budget fonts print ₹ as a backtick
    if m:
        word = m.group(0).strip().lower()
        unit_hint = CURRENCY_WORDS.get(word) or GLUED_CURRENCY_LETTERS[word]
        rest = rest[m.end():]
        if rest[:1] in MINUS_SIGNS:
            sign, rest = -sign, rest[1:].lstrip()
        elif (scaled := _BRACKETED_SCALED.fullmatch(rest.lstrip())) is not None:
            sign, rest = -sign, f"{scaled.group(1)} {scaled.group(2)}"  # "$(1.2) million"
        elif rest[:1] == "+" and _is_digit(rest[1:2]):
            rest = rest[1:]  # "€ +54 mln": an explicit plus sign after the currency

    # "one-third", "two-thirds": the extractor keeps the hyphen of the printed words
    whole_words = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", rest.strip().lower())
    word_unit: str | None = None
    # "twee jaar", "half jaar": a number word followed by a duration (split, not a regex: a
    # lazy `(.*?)\s+word$` is quadratic in a run of spaces).
    head_tail = whole_words.rsplit(None, 1)
    if len(head_tail) == 2 and head_tail[1] in DURATION_WORDS and (
            head_tail[0] in FRACTION_WORDS or head_tail[0] in MULTIPLE_WORDS):
        whole_words, word_unit = head_tail[0], DURATION_WORDS[head_tail[1]]
    if whole_words in FRACTION_WORDS or whole_words in MULTIPLE_WORDS:
        value = _word_number(whole_words)
        assert value is not None
        return Figure(text=original, value=sign * value, interval=Interval.point(sign * value), hedge=hedge,
                      unit_hint=word_unit)
    ratio = _RATIO_RE.match(rest.strip())
    if ratio:
        num, den = _word_number(ratio.group(1)), _word_number(ratio.group(2))
        if num is not None and den:
            value = sign * num / den
            return Figure(text=original, value=value, interval=Interval.point(value), hedge=hedge)

    lang = "en" if language.startswith("en") else "nl"
    m = _NUMBER_RE[lang].match(rest)
    word_value = None
    if m is None:
        # "five years", and "five-year", "FIVE–YEAR" as a heading prints it: the word, then its unit
        first = re.split(r"[ \-\u2013]", rest, maxsplit=1)[0]
        word_value = _word_number(first)
        if word_value is None:
            raise NumberFormatError(f"cannot read {original!r} as a figure", code="FC109")
        number_text, rest = first, rest[len(first):]
        value, decimals, digits = word_value, 0, str(word_value.numerator)
        echo = ECHOED_DIGITS.match(rest)
        if echo is not None and Fraction(int(echo.group(1))) == word_value:
            rest = rest[echo.end():]  # "two (2)": the number again in digits
    else:
        number_text, rest = m.group(0), rest[m.end():]
        value, decimals = parse_number(number_text, lang)
        digits = re.sub(r"[^0-9]", "", number_text)
        if decimals:
            digits = digits[: len(digits) - decimals]
    precision = _precision_of(digits, decimals) if word_value is None else 0

    value_high: Fraction | None = None
    low_scale: str | None = None  # "0,25 miljoen tot 1,9 miljoen euro": a range with its scale at both ends
    if (both := _SCALE_SUFFIX.match(rest)) is not None and _RANGE_SEP.match(rest[both.end():]):
        low_scale, rest = " ".join(both.group(1).lower().split()), rest[both.end():]
    range_match = _RANGE_SEP.match(rest)
    if range_match:
        after = rest[range_match.end():]
        if unit_hint is not None:
            # "€ 75.000 tot en met € 1.090.000": the currency may be repeated.
            cm = _CURRENCY_PREFIX.match(after)
            if cm and CURRENCY_WORDS.get(cm.group(0).strip().lower()) == unit_hint:
                after = after[cm.end():]
        m2 = _NUMBER_RE[lang].match(after)
        if m2:
            value_high, _ = parse_number(m2.group(0), lang)
            rest = after[m2.end():]
        elif word_value is not None and (high_word := _word_number(after.split(" ", 1)[0])) is not None:
            value_high, rest = high_word, after[len(after.split(" ", 1)[0]):]  # "drie à vier miljoen euro"

    scale = 0
    m = _SCALE_SUFFIX.match(rest)
    if low_scale is not None and (value_high is None or m is None or " ".join(m.group(1).lower().split()) != low_scale):
        raise NumberFormatError(f"cannot read {original!r} as one figure: the range's ends have different scales", code="FC109")
    if m and (m.group(1).lower() not in SHORT_SCALE_WORDS or (lang == "en" and unit_hint is not None)):
        scale = SCALE_WORDS[" ".join(m.group(1).lower().split())]
        rest = rest[m.end():]
        if (crore := _SCALE_SUFFIX.match(rest)) is not None and crore.group(1).lower() in ("crore", "crores"):
            scale, rest = scale + 7, rest[crore.end():]  # "2.83 lakh crore": a crore of lakhs
        elif value_high is None and not decimals and (parts := compound_parts(rest, 0, scale)) is not None:
            value, rest = value + parts[0], rest[parts[1]:]
            precision = parts[2] - scale  # the scale is added below
    m = _CURRENCY_SUFFIX.match(rest)
    if m:
        unit_hint = CURRENCY_WORDS[m.group(1).lower()]
        rest = rest[m.end():]
    times = times_scale(rest, 0, lang) if scale == 0 else None
    if times is not None:
        scale, rest = times[0], rest[times[1]:]
    m = _PERCENT_SUFFIX.match(rest)
    if m:
        unit_hint = PERCENT_WORDS[m.group(1).lower()]
        rest = rest[m.end():]
    if unit_hint is None:
        m = _DURATION_SUFFIX.match(rest)
        if m:
            unit_hint = DURATION_WORDS[m.group(1).lower()]
            rest = rest[m.end():]
    if unit_hint is None and (m := _TIMES_SUFFIX.match(rest)) is not None:
        rest = rest[m.end():]
    while (m := _PER_SUFFIX.match(rest)) is not None:
        # "€45 per dag": the per-tail belongs to the unit, not to the number.
        unit_hint = f"{unit_hint or '1'}/{PER_WORDS[m.group(1).lower()]}"
        rest = rest[m.end():]
    if rest.strip():
        left = rest.strip()
        hint = ""
        if left.split()[0].lower() in SHORT_SCALE_WORDS:
            hint = " ('k', 'm', 'mn', 'bn' and 'tn' mean thousand, million, billion, trillion only after a currency in English, as in £5m)"
        raise NumberFormatError(f"cannot read {original!r} as one figure: {left!r} is left over{hint}", code="FC109")

    factor = Fraction(10) ** scale
    value = sign * value * factor
    if value_high is not None:
        value_high = sign * value_high * factor
    if unit_hint in ("%", "pp") and scale == 0 and precision > 1:
        # "100 per cent", "200%": a share is not printed rounded to hundreds (it would stand for
        # 50 to 150); as "30%" stands for 25 to 35, a round percentage keeps the tens at most
        precision = 1
    precision += scale
    if decimals and word_value is None:
        # "1,50 miljard" is printed to two decimals of a billion.
        precision = scale - decimals
    if value_high is not None:
        lo, hi = sorted((value, value_high))
        interval = Interval(lo, hi)
    else:
        interval = figure_interval(value, precision, hedge, margin)
    return Figure(
        text=original,
        value=value,
        interval=interval,
        hedge=hedge,
        precision=precision,
        unit_hint=unit_hint,
        value_high=value_high,
    )


def times_scale(text: str, pos: int, language: str) -> tuple[int, int] | None:
    """The power of ten of a bracketed multiplier at ``text[pos:]`` ("(x 1.000)", "(x € 1.000.000)")
    and where it ends; None when there is none, or when its digits are grouped as the language
    does not group them."""
    m = TIMES_SCALE.match(text, pos)
    if m is None or set(m.group(1)[::4]) != {"." if language.startswith("nl") else ","}:
        return None
    return 3 * (len(m.group(1)) // 4), m.end()


def decimal_string(value: Fraction, max_digits: int = 12) -> str:
    """Write an exact value as a plain decimal string when it has one, else ``p/q``."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return str(numerator)
    den = denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1 or max(twos, fives) > max_digits:
        return f"{numerator}/{denominator}"
    places = max(twos, fives)
    scaled = numerator * (10**places // denominator)  # exact: the denominator divides 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"
