"""The figure grammar over running text: find every printed figure and say what it is.

``scan(text, language)`` returns :class:`Found` records for figures (money, count, percent,
ratio, duration) and for things that look like numbers but are not figures (years, dates,
references, question numbers, footnote markers, labels such as "Tabel 3.1"). Offsets are
indices into ``text``; whitespace inside a figure may include line breaks, since PDF and
text documents wrap lines in the middle of "500 miljoen\\neuro".

The grammar works in three steps:

1. *masks*: citations, question references, dates, times, footnote markers, label + number
   ("artikel 8", "Tabel 3.1", "p. 29") are found first and their numbers set aside;
2. *cores*: each remaining digit group is read in the document's convention, then its left
   context (currency, sign, hedge) and right context (range, scale word, currency, percent,
   ratio, duration unit, per-tails, the noun it counts, a hedge such as "of meer") decide kind,
   unit, value and hedge;
3. *words*: number words (zes, tweemaal, een derde, anderhalf, half) get the same treatment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from factcheck.model import Hedge
from factcheck.numbers import (
    CURRENCY_NAMES_AFTER,
    CURRENCY_WORDS,
    ECHOED_DIGITS,
    FRACTION_WORDS,
    GLUED_CURRENCY_LETTERS,
    HEDGE_WORDS,
    INDIAN_GROUPED,
    MONTHS,
    MULTIPLE_WORDS,
    NUMBER_WORDS,
    PAIR_WORDS,
    PER_WORDS,
    SCALE_WORDS,
    compound_parts,
    times_scale,
)

FIGURE_KINDS = ("money", "count", "percent", "ratio", "duration")
NONFIGURE_KINDS = ("year", "date", "time", "reference", "question_number", "footnote", "label", "name")

_WS = r"[ \t\u00a0\u202f\u2009]"  # blanks within a line
_ANYWS = r"[\s\u00a0\u202f\u2009]"  # blanks including line breaks
MINUS = "-\u2012\u2013\u2212"

# --- number cores ---------------------------------------------------------------------------
# Every pattern run over a whole page starts with what it consumes (a digit, a letter), and the
# look-behind that guards its start comes after that first character: Python's re then skips
# ahead to the candidates, where a leading look-behind made it try every position of the page
# (these passes were several times slower). "\d(?<![\w/]\d)" is "(?<![\w/])\d", and
# "\d{0,2}" after it is "\d{1,3}" with the first digit taken.
_CORE = {
    "nl": re.compile(
        r"\d(?:(?<![\w/]\d)|(?<=(?<!\w)[KNR]\d))"
        r"(?:\d{0,2}(?:\.\d{3})+(?!\d)|\d{0,2}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d.,]\d)|\d*)(?:,\d+)?(?![\d])"
    ),
    "en": re.compile(
        r"\d(?:(?<![\w/]\d)|(?<=(?<!\w)[KNR]\d))"
        # "1,95,000", "12,34,567": Indian grouping (lakhs and crores), pairs of digits before the
        # last three; no grouping of thousands prints a pair, so it is no list of figures either
        r"(?:\d{0,2}(?:,\d{3})+(?!\d)|\d?(?:,\d{2})+,\d{3}(?![\d,]\d)"
        r"|\d{0,2}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d*)(?:\.\d+)?(?![\d])"
    ),
}
_CORE_TEXT = {
    "nl": r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?",
    "en": r"(?:\d{1,3}(?:,\d{3})+|" + INDIAN_GROUPED + r"|\d+)(?:\.\d+)?",
}
# English printed with a plain space between groups of thousands ("R 1 029.7 m", "1 080 samples",
# South Africa's and many international bodies' style): read so on a page that shows it (below)
_CORE["en spaced"] = re.compile(_CORE["en"].pattern.replace(r"[\u00a0\u202f\u2009]\d{3}", r"[\u00a0\u202f\u2009 ]\d{3}"))
if _CORE["en spaced"].pattern == _CORE["en"].pattern:  # the English core lost the group it widens
    raise RuntimeError("scan: the English number pattern has no group of narrow-space thousands")
_CORE_TEXT["en spaced"] = r"(?:\d{1,3}(?:[, ]\d{3})+|" + INDIAN_GROUPED + r"|\d+)(?:\.\d+)?"
_COMMA_GROUPED = re.compile(r"\d,\d{3}(?![\d,])")
# a space-grouped amount that cannot be two figures side by side: a currency before it, or
# decimals or a scale word after it
_SPACE_GROUPED = re.compile(
    r"(?<![\w.,])(?:(?:R|ZAR|N\$|KSh|Ksh|Rs\.?|US\$|\$|€|£)[ \u00a0]?\d{1,3}(?: \d{3})+(?![\d,])"
    r"|\d{1,3}(?: \d{3})+(?:\.\d{1,2}(?![\d.,])|(?=[ \u00a0]?(?:million|billion|bn|m)\b)))")


def spaced_thousands(text: str) -> bool:
    """Whether an English page groups thousands with a plain space: it prints no comma-grouped
    figure, and at least one space-grouped amount that cannot be two figures side by side
    ("R18 697.71", "R 3 854.8 billion", "1 029.7 m")."""
    return _COMMA_GROUPED.search(text) is None and _SPACE_GROUPED.search(text) is not None


_YEAR = r"(?:1[89]\d{2}|20\d{2}|2100)"

# --- masks: numbers that are not figures -------------------------------------------------------
_LABEL_WORDS = (
    r"tabellen|tabel|tables?|figuur|figuren|figures?|fig\.|grafiek|bijlagen?|annex|appendix|"
    r"hoofdstuk(?:ken)?|chapters?|paragraaf|par\.|sections?|sectie|§|artikelen|artikel|articles?|"
    r"art\.?|lid|leden|nr\.?|nrs\.?|no\.|nos\.|nummers?|numbers?|pagina's|pagina|pages?|p\.|pp\.|blz\.|"
    r"spoor|fase|phase|stap|step|box|kader|variant|optie|option|scenario|motie|amendement|"
    r"voetnoot|footnote|versie|version|categorie|category|groep|niveau|level|schaal|onderdeel|"
    r"deel|part|track|item|regel|rule|jaar|year|week|kwartaal|quarter|Q|titel|title|afdeling|"
    r"boek|stb\.|stcrt\.|trb\.|kamerstuk|pilaar|pillar|prioriteit|doel|goal|module|ronde|round|"
    r"editie|edition|klasse|class|graad|grade|stelling|bullet|punt|sub|vraag|vragen|question|questions|"
    r"antwoord\s+op(?:\s+vraag)?|antwoorden\s+op(?:\s+de\s+vragen)?|gelijk\s+aan(?:\s+vraag)?|"
    r"zie(?:\s+vraag)?|Box|Tabel"
)
_QUESTION_NUMBER = re.compile(r"(?:[Vv](?<!\w[Vv])raag|[Qq](?<!\w[Qq])uestion)" + _WS + r"*\(\s*\d+\s*\)")  # \bVraag
_URL_OR_EMAIL = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_PARLIAMENT_REFERENCE = re.compile(
    r"\b(?:Kamerstukk?en|Kamerstuk|Handelingen|Staatsblad|Staatscourant|Stb\.|Stcrt\.|Trb\.|ECLI:|TK,|TK\s(?=\d))"
    r"[^.;)\]\n]*(?:\n[^.;)\]\n]*)?"
)
_ROW_FORMULA_LABEL = re.compile(r"(?<![\w.,])\d{1,2}[ \t]?=[ \t]?\d{1,2}(?:[ \t]?[-+\u2212\u2013][ \t]?\d{1,2})+(?![\w.,])")
_FORMULA_CONSTANT = re.compile(r"(?<=[*^])\d+(?:[.,]\d+)?(?![\w])|\d+(?=\)[*^])")
# After a lower-case letter: straat, laan, lei, weg, plein, gracht, kade, singel, dijk, dreef, markt,
# steenweg, hof, voorhout, street, avenue, road. Each word starts with the letter it is matched by
# and looks back past it (no word is the start of another, so grouping them by their first
# letter keeps every match): Python's re then skips to those letters, not to every position.
_HOUSE_NUMBER = re.compile(
    r"(?:s(?<=[a-z]s)(?:traat|ingel|teenweg|treet)|l(?<=[a-z]l)(?:aan|ei)|w(?<=[a-z]w)eg|p(?<=[a-z]p)lein"
    r"|g(?<=[a-z]g)racht|k(?<=[a-z]k)ade|d(?<=[a-z]d)(?:ijk|reef)|m(?<=[a-z]m)arkt|h(?<=[a-z]h)of"
    r"|v(?<=[a-z]v)oorhout|a(?<=[a-z]a)venue|r(?<=[a-z]r)oad)"
    r"[ \u00a0]+\d{1,4}[a-zA-Z]?(?![\w.,]\d)"
)
# section 3.1; minutes' items "3.2.a.iv Over one-quarter ...", "3.2.a.viii.1 In Parliament"
_SECTION_NUMBER = re.compile(r"(?im)^[ \t]*(?!\d{1,3}(?:\.\d{3})+(?!\d|\.\d))\d+(?:\.\d+)+(?:\.[a-z\d]{1,4})*\.?(?=[ \t]+\S)")
# a numbered paragraph's sub-number: "23 (15).Youth in coastal areas", "75 (1). In the historic ..."
_PARAGRAPH_NUMBER = re.compile(r"[ \t]*\d{1,3}(?:[ \t]*\(\d{1,3}\))+\.(?=[ \t]*[A-Z\u00c0-\u00de]|[ \t]*\r?\n)")
_POSTCODE = re.compile(r"\d(?<![\w.,]\d)\d{3}[ \u00a0]?(?!SS|SD|SA)[A-Z]{2}(?![\w])")  # 2513 AA: a run of four digits
# "Postadres: Toernooiveld 212, 6525 EC Nijmegen": the house number before a Dutch postcode
_HOUSE_BEFORE_POSTCODE = re.compile(r"(?<=[^\W\d_][ \u00a0])(\d{1,4}[a-zA-Z]?)[ \t]*,?[ \t]*$")
_PHONE_REST = r"[ \u00a0]?[-–][ \u00a0]?\d{2,4}(?:[ \u00a0]\d{2,4}){0,3}(?![\w])"
_MASKS: list[tuple[str, re.Pattern[str]]] = [
    ("question_number", _QUESTION_NUMBER),
    # "(in millions, in 2025 dollars)", "in constant 2010 prices": the year prices are taken at
    ("year", re.compile(r"(?:19|20)(?:(?<=\bin[ \u00a0]\d\d)|(?<=\bconstant[ \u00a0]\d\d)|(?<=\breal[ \u00a0]\d\d))\d{2}"
                        r"(?=[ \u00a0](?:US[ \u00a0])?(?:dollars|euros|pounds|prices|rand)\b)", re.IGNORECASE)),
    # "[12]" or superscript digits; written to start with the character it consumes (as below)
    ("footnote", re.compile(r"[\[\u00b9\u00b2\u00b3\u2070-\u2079](?:(?<=\[)\s*\d{1,3}\s*\]"
                            r"|(?<=[\u00b9\u00b2\u00b3\u2070-\u2079])[\u00b9\u00b2\u00b3\u2070-\u2079]*)")),
    ("reference", _URL_OR_EMAIL),
    ("reference", _PARLIAMENT_REFERENCE),
    ("reference", re.compile(r"\((?:EU|EG|EEG|EC|EEC)\)\s*(?:[Nn]r\.?\s*)?\d+/\d+(?:/\w+)?")),
    ("date_en", re.compile(
        r"\b(?=[jfmasondJFMASOND])(?:" + MONTHS + r"|april|december|november|september)" + _ANYWS + r"+\d{1,2}(?:st|nd|rd|th)?(?:,"
        + _ANYWS + r"*|" + _ANYWS + r"+)" + _YEAR + r"(?!\d)",
        re.IGNORECASE,
    )),
    # an English month's name before a day and no year: "When October 1 falls on a weekend"
    ("date_en", re.compile(
        r"(?=[JFMASOND])(?<![\w])(?:January|February|March|April|May|June|July|August|September|October|November"
        r"|December)" + _WS + r"+(?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?(?![\w.,]?\d)(?!,?" + _ANYWS + r"+" + _YEAR
        + r"(?!\d))(?!" + _WS + r"*(?:%|percent|per cent|thousand|million|billion)(?![\w]))"
    )),
    # a month's name before a year: "December 2017", "januari 2023", "Jan - Dec 2022" ("12 december 2017"
    # is a date led by its day); English months in capitals, so that "may" stays a verb
    ("date", re.compile(
        r"(?=[jfmasondJFMASOND])(?<![\w])(?<!\d )(?:(?i:januari|februari|maart|april|mei|juni|juli|augustus|september"
        r"|oktober|november|december)|January|February|March|May|June|July|August|October"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)" + _ANYWS + r"+" + _YEAR
        + r"(?![\d,.]?\d)"
    )),
    ("label", _SECTION_NUMBER),
    ("label", _PARAGRAPH_NUMBER),
    # a table's scale caption: "Bedragen x EUR 1", "(bedragen x € 1.000)", "x $1,000", and with no
    # currency before a bracket or the line's end: "Risico's x 1.000", "( x 1.000)"
    # (its case spelled out: under re.IGNORECASE re cannot skip ahead to the x; the long s, U+017F,
    # which IGNORECASE matched as an "s", is kept)
    # (a power of ten: "36 x € 1.800" is a count times an amount)
    ("label", re.compile(r"[xX×](?<!\w[xX×])[ \t]*(?:(?:€|[Ee][Uu][Rr]|\$|[Uu][Ss\u017f][Dd])[ \t]*1(?:[.,]000)*(?![.,]?\d)"
                         r"|1(?:[.,]000)+(?=[ \t]*(?:\)|\r?\n|$)))")),
    ("reference", _POSTCODE),
    # a table's row formula in its label: "12=10+11", "7=4-5-6"
    ("label", _ROW_FORMULA_LABEL),
    # a constant in a formula quoted in the text: "(EXP(x)-1)*100", "10^6"
    ("label", _FORMULA_CONSTANT),
    # a house number after a street name: "Koningin Elisabethlei 22", "Lange Voorhout 8"
    ("reference", _HOUSE_NUMBER),
    # telephone numbers: 070 – 342 43 44, +31 70 342 43 44, 0800-1234. Every branch starts with the
    # character it consumes (+, 0 or 1), so re skips from one of those to the next.
    ("reference", re.compile(
        r"\+(?<![\w.,]\+)\d{2}[ \u00a0]?\(?0?\)?\d{1,3}" + _PHONE_REST
        + r"|0(?<![\w.,]0)\d{1,3}" + _PHONE_REST
        + r"|\+\d{2}(?:[ \u00a0]?\d{1,4}){3,5}(?![\w])"
        r"|1(?<![\w.,]1)[-\u2013]?[89]00[-\u2013][\d-]{7,9}(?![\w])"  # toll-free lines: 1800-3524728, 1-800-555-0199
        # an area code with its 0, then groups a blank apart: "020 7525 7468", "070 342 43 44"
        # (no amount is printed with a leading 0, and a table's cells are not three-digit codes)
        r"|0(?<![\w.,]0)\d{2,4}(?:[ \u00a0]\d{2,4}){2,3}(?![\w]|[.,]\d)"
    )),
]
# Text a mask cannot match without (one of these literals in it): a substring test is far
# cheaper than the pattern's pass over a page.
_MASK_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _ROW_FORMULA_LABEL: ("=",),
    _FORMULA_CONSTANT: ("*", "^"),
    _URL_OR_EMAIL: ("://", "www.", "@"),
}
# Masks that can start only where one of these literals stands, or the given number of characters
# before it (every branch of the pattern starts so): they are matched at those places, in order,
# skipping those inside the last match, which finds what a search through the page finds at the
# cost of a few substring searches.
_MASK_STARTS: dict[re.Pattern[str], tuple[tuple[str, ...], int]] = {
    _QUESTION_NUMBER: (("raag", "uestion"), 1),
    _HOUSE_NUMBER: (("straat", "laan", "lei", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "markt",
                     "steenweg", "hof", "voorhout", "street", "avenue", "road"), 0),
    _PARLIAMENT_REFERENCE: (("Kamerstuk", "Handelingen", "Staatsblad", "Staatscourant", "Stb.", "Stcrt.", "Trb.", "ECLI:",
                             "TK"), 0),
}


def _matches_at_literals(pattern: re.Pattern[str], text: str, literals: tuple[str, ...], back: int) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches only at ``back`` characters before one
    of ``literals`` (and never an empty string)."""
    starts: set[int] = set()
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            if at >= back:
                starts.add(at - back)
            at = text.find(literal, at + 1)
    found = []
    end = 0
    for at in sorted(starts):
        if at >= end and (m := pattern.match(text, at)) is not None:
            found.append(m)
            end = m.end()
    return found


_ROW_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,3})[ \t]+(?=[A-Z][A-Za-z'’]{2,})")
# Non-figures that start with a digit are tried only where a run of digits starts: one cheap
# pass for the digit runs, then an anchored match, instead of a regex pass per pattern.
_DIGIT_LED = re.compile(
    r"(?P<reference>\d{1,6}(?:\s\d{3})?[-–][A-Z]{1,6}\b"  # 36600-XX
    r"|\d+(?:[-–‒](?:[ \t\n]|\r\n)?\d+){2,}(?:[-–‒][A-Z\d]+)*(?![\w])"  # 737–31–1860, 206–231–3195, 1800-352-\r\n4728
    r"|\d+[-–]\d+(?:[-–‒][A-Z][\w]*)+"  # 4910–13–P
    r"|\d+(?:\s\d{3})*\s+(?:[IVXL]{2,}\b|[IVX]\b(?=,))"  # 36 410 XVII, 35 000 I,
    r"|\d+/\d+(?:/\d+)?(?![\w]))"  # 2024/1359, 2024/25, 12/6
    r"|(?P<date>\d{1,2}[-.]\d{1,2}[-.](?:\d{4}|\d{2})(?![\w])"
    r"|\d{1,2}(?:e|ste|de|[ \t]?(?:st|nd|rd|th))?(?:\s*(?:en|-|–|t/m|tot(?:\s+en\s+met)?|and|to)\s*\d{1,2})?" + _ANYWS
    + r"+(?i:" + MONTHS + r")\.?(?![\w])(?:" + _ANYWS + r"+" + _YEAR + r"(?!\d))?)"
    r"|(?P<time>\d{1,2}[.:]\d{2}" + _WS + r"*(?i:uur|u\.|h\b|am\b|pm\b|a\.m\.|p\.m\.)|\d{1,2}:\d{2}(?![\d]))"
    r"|(?P<year>" + _YEAR + r"\s*[-–/]\s*(?:" + _YEAR + r"|\d{2})(?![\w,.]?\d))"
    r"|(?P<label>(?!\d{1,3}(?:\.\d{3})+(?!\d|\.\d))\d+(?:\.\d+){2,}(?![\d])"  # 1.2.3
    r"|\d{1,2} \. \d{1,3}(?=[ \t]*\r?(?:\n|$)))"  # "... DISCUSSION AND ANALYSIS 1 . 9": a section and page number
)
_DIGIT_RUN = re.compile(r"\d+")
# Belgian annual accounts in the NBB's models: a "Codes" column between the labels and the amounts;
# a line's first number, after its label (and a note such as "6.3") and before its amounts only, is
# its account code: "Schulden op meer dan één jaar die binnen het jaar vervallen 42", "630 93.457 117.393"
_CODES_HEAD = re.compile(r"(?m)(?:^|[ \t])Codes(?=[ \t]|\r?$)")
_CODED_LINE = re.compile(r"(?m)^[^\d\r\n]*?(?:[ \t]\d+(?:\.\d+)+)?[ \t]*(\d{1,4}[ABP]?(?:/\d{1,4}[AB]?)?)"
                         r"(?=(?:[ \t]+-?\d[\d.,]*)*[ \t]*\r?$)")
_MIN_CODED = 6  # coded lines on a page before its first numbers are read as codes
# an IBAN, its account number printed or hidden by dots: "NL70RABO ..........7 18"
_IBAN = re.compile(r"[A-Z]{2}\d{2}[ ]?[A-Z]{4}[\d. ]*\d(?![\w,])")
# a budget sheet's row after its account code: a label in words, then two or more cells of amounts or nil
# dashes to the line's end ("6526 Water $ - $ - $ - $ - 0.00%")
_CODED_ROW = re.compile(r"[ \t]+[A-Z][A-Za-z'’&,/ -]*?(?:[ \t]+(?:[$€£][ \t]*)?(?:-?\(?\d[\d,.]*\)?%?|-)){2,}[ \t]*\r?(?:\n|$)")
# a whole number opening a line, before a word, a mark or the line's end
_LINE_NUMBER = re.compile(r"[ \t]*(\d{1,4})(?=[ \t]+[^\d\s.,]|[ \t]*\r?(?:\n|$))")


def _digit_line_starts(text: str) -> list[int]:
    """Where the lines start whose first character after blanks is a digit (as ``\\d``)."""
    starts = []
    at = 0
    for line in text.split("\n"):
        if line.lstrip(" \t")[:1].isdecimal():
            starts.append(at)
        at += len(line) + 1
    return starts


# words that structure a document or table, never what a figure counts
# (and prepositions of comparison: "(FTEs) which is 220 above the FY 2023 enacted")
_NOT_COUNTED = frozenset({"total", "totals", "totaal", "subtotal", "subtotaal", "part", "schedule", "above", "below",
                          "beneath", "beyond"})
_HALF_OF_PERIOD = re.compile(r"\b(?:first|second|eerste|tweede)\s+$", re.IGNORECASE)
_HALF_OF_YEAR = re.compile(r"\s+(?:of|van)\s+(?:(?:19|20)\d\d|het\s+jaar|the\s+year)\b", re.IGNORECASE)
_SIGNED_NUMBER_NEXT = re.compile(r"[ \t\u00a0]*[-\u2011\u2012\u2013\u2212+]?[ \t\u00a0]?\d")
# A relative clause after "een jaar" / "a year" describes the period: the word is an article.
_PERIOD_DESCRIBED = re.compile(r"[ \t\u00a0\r\n]*,?[ \t\u00a0\r\n]+(?:waarin|waarop|waarbij|waarvan|waar|die|dat|vol|"
                               r"in[ \t\u00a0\r\n]+which|when|during[ \t\u00a0\r\n]+which)\b", re.IGNORECASE)
# An ordinal before a number of periods of a named year picks out a stretch of it: "de eerste
# drie kwartalen van 2022", "the first 3 months of 2023" ("de eerste twee maanden" of a benefit
# is a length).
_ORDINAL_BEFORE = re.compile(r"\b(?:eerste|laatste|first|last)[ \t\u00a0\r\n]+$", re.IGNORECASE)
_OF_YEAR_AFTER = re.compile(r"[ \t\u00a0\r\n]+(?:van|of|in)[ \t\u00a0\r\n]+(?:(?:het|dit|dat|the|this|that)[ \t\u00a0\r\n]+)?"
                            r"(?:(?:19|20)\d\d(?!\d)|(?:boek)?jaar\b|year\b)", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|binnen|per|na|gedurende|tijdens)[ \t\u00a0\r\n]+$", re.IGNORECASE)
_YEAR_PREPOSITION = re.compile(r"\b(?:in|sinds|vanaf|since|during)[ \t\u00a0]+$", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|tot|vanaf|sinds|na|voor|t/m|en|until|by|from|since|to|of|and|al\.,?)\s+$", re.IGNORECASE)
# label words that are also ordinary nouns before a quantity ("a line 23,000 people long")
_LOOSE_LABELS = frozenset({"line", "lines", "note", "notes", "bill", "bills", "schedule", "resolution", "ordinance",
                           "proposition", "propositions", "program", "programme", "programma", "outcome"})
_GROUPED_AFTER = re.compile(r"[.,]\d{3}(?!\d)")
# Label words a registration number follows, with or without a colon: "Nummer Kamer van
# Koophandel: 61202924", "RSIN: 854251583", "Postbus 20011"
_REGISTRATION_LABELS = frozenset({"kvk", "koophandel", "rsin", "journaalvolgnummer", "journaalvolgnummers", "kenmerk",
                                  "postbus", "huisnummer", "code"})
# Words after which a number is a label: "artikel 8", "Tabel 3.1", "p. 29", "vraag 14".
LABEL_WORDS = frozenset(
    ["tabellen", "tabel", "table", "tables", "figuur", "figuren", "figure", "figures", "fig", "grafiek", "bijlage", "bijlagen", "annex", "appendix", "hoofdstuk", "hoofdstukken", "chapter", "chapters", "paragraaf", "par", "section", "sections", "sectie", "§", "artikelen", "artikel", "article", "articles", "art", "lid", "leden", "nr", "nrs", "no", "nos", "nummer", "nummers", "number", "numbers", "pagina", "pagina's", "page", "pages", "p", "pp", "blz", "spoor", "fase", "phase", "stap", "step", "box", "kader", "variant", "optie", "option", "scenario", "motie", "amendement", "voetnoot", "footnote", "versie", "version", "categorie", "category", "groep", "niveau", "level", "schaal", "onderdeel", "deel", "part", "track", "item", "regel", "rule", "jaar", "year", "week", "dag", "day", "kwartaal", "quarter", "titel", "title", "afdeling", "boek", "stb", "stcrt", "trb", "kamerstuk", "pilaar", "pillar", "prioriteit", "doel", "goal", "module", "ronde", "round", "editie", "edition", "klasse", "class", "graad", "grade", "stelling", "bullet", "punt", "sub", "vraag", "vragen", "question", "questions", "zie", "postbus", "kenmerk", "bijlagen", "huisnummer", "cfr", "usc", "u.s.c", "fr", "amendment", "docket", "model", "flight", "order", "route", "suite"]
    + ["punten", "maatregel", "maatregelen", "varianten", "opties", "conditie", "condities", "hoofdtaak",
       "beleidsoptie", "beleidsopties", "rapport", "thema", "pijler", "doelstelling", "actielijn", "aanbeveling",
       "aanbevelingen",
       # "Note 11.4", "line 23", "Senate Bill 25-088", "Schedule 3", "Exhibit 2", "Annexure 4"
       "note", "notes", "noot", "line", "lines", "bill", "bills", "schedule", "exhibit", "annexure",
       # "Form 990", "Component 3 Strengthening adaptation", "Appropriation Code: 14350", "[Donor 2]"
       "form", "component", "components", "code", "codes", "donor",
       "antwoord", "answer",
       # legislation: "Proposition 130 Implementation", "H.B. 24-1466", "S.B. 25-088", "Ordinance 2023-14"
       "proposition", "propositions", "prop", "hb", "sb", "h.b", "s.b", "h.r", "ordinance", "resolution",
       # "Operating Procedure 10-20"
       "procedure", "procedures",
       # "Response to Recommendation 2", "Progress Report 4", "VOTE 1108", "(aard 2)"
       "recommendation", "recommendations", "report", "vote", "aard",
       # "Program 1.1: The Digital Transformation Agency", "Total for program 1.1", "Outcome 1"
       "program", "programme", "programma", "outcome",
       # "Chart 3 shows a ten-year comparison", "Graph 2", "Diagram 4"
       "chart", "charts", "graph", "graphs", "diagram", "diagrams", "grafieken",
       # "the Consolidated Appropriations Act, 2023 (P.L. 117-328)": a public law's number
       "p.l", "pub.l"]
) | _REGISTRATION_LABELS
_COMPOUND_LABELS = ("artikel", "artikelen", "maatregel", "maatregelen", "hoofdstuk", "paragraaf", "bijlage", "tabel",
                    "figuur", "variant", "optie", "barometer", "rapport", "scenario", "onderdeel")
_ABBREVIATION_LABELS = frozenset(["art", "nr", "nrs", "no", "nos", "p", "pp", "blz", "fig", "par", "stb", "stcrt", "trb",
                                  "prop", "h.b", "s.b", "h.r", "p.l", "pub.l"])
# Two-word labels whose second word is a preposition: "antwoord op 14", "gelijk aan 24".
_LABEL_PAIRS = {"op": {"antwoord", "antwoorden"}, "aan": {"gelijk"}}
_LABEL_CONTINUATION = re.compile(
    r"\d+(?:[.,]\d+)*[a-z]?(?:bis|ter|quater)?\)?"
    r"(?:(?:" + _WS + r"*(?:,|en|and|t/m|tot" + _WS + r"+en" + _WS + r"+met|tot|to|through|-|–|van|of)" + _WS
    + r"*\d+(?:\.\d+)*(?:bis|ter)?\)?)*)"
)
_BLANK_OR_PAREN = " \t\u00a0\u202f\u2009(\n\r"  # a label word may end the line before its number


def _word_before(text: str, i: int) -> tuple[str, int]:
    """The letters-and-dots word ending at ``i`` (after skipping blanks), and where it starts."""
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in ".'’"):
        j -= 1
    if j > 0 and (text[j - 1].isdigit() or text[j - 1] == "_"):
        return "", i
    return text[j:i], j


def label_start(text: str, s: int) -> int | None:
    """Where the label word before the number at ``s`` starts, or None when there is none."""
    i = s
    while i > 0 and text[i - 1] in _BLANK_OR_PAREN and s - i < 4:
        i -= 1
    if i > 0 and text[i - 1] == "§":
        return i - 1
    colon = i > 0 and text[i - 1] == ":"
    if colon:
        # "Nummer Kamer van Koophandel: 61202924", "RSIN: 854251583": a registration number
        i -= 1
    word, j = _word_before(text, i)
    if colon:
        return j if word and word.lower() in _REGISTRATION_LABELS else None
    if not word:
        return None
    low = word.lower()
    bare = low.rstrip(".")
    if low.endswith(".") and bare not in _ABBREVIATION_LABELS:
        return None  # "... vorig jaar. 30 mensen": a full stop, not an abbreviation
    if bare in LABEL_WORDS or bare.endswith(_COMPOUND_LABELS):
        return j  # also Dutch compounds: "beleidsartikel 2", "Intensiveringsmaatregelen 1 t/m 3"
    if bare in _LABEL_PAIRS:
        k = j
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        first, f = _word_before(text, k)
        if first.lower() in _LABEL_PAIRS[bare]:
            return f
    return None

_ACRONYM_BEFORE = re.compile(r"(?<![\w&+.])[A-Z]{2,4}[ \u00a0]$")
_NOT_CODES = frozenset(k.upper() for k in CURRENCY_WORDS) | {"RM", "MYR", "CHF", "JPY", "CNY", "IDR", "THB"}


def _acronym_start(text: str, s: int, end: int) -> int | None:
    """Where an abbreviation in capitals right before a small bare number starts: "ESR 8
    kredieten", "(OP 10-20)" name a class or a procedure, they do not count (a currency code
    aside: "EUR 8", and a number of days or years after a name: "het COA 3 maanden")."""
    m = _ACRONYM_BEFORE.search(text, max(0, s - 6), s)
    if m is None or text[m.start():s].strip() in _NOT_CODES or re.match(r"[.,]\d", text[end:end + 2]):
        return None
    if _DURATION_RIGHT.match(text[end:end + 30]):
        return None  # "de opvang in het COA 3 maanden na statusverlening": the organisation, then a length
    return m.start()


# --- left context ------------------------------------------------------------------------------
EXTRA_HEDGES: dict[str, Hedge] = {
    "boven de": Hedge.ABOVE, "boven": Hedge.ABOVE, "onder de": Hedge.BELOW, "maximaal": Hedge.BELOW,
    "hooguit": Hedge.BELOW, "hoogstens": Hedge.BELOW, "ten hoogste": Hedge.BELOW, "tot maximaal": Hedge.BELOW,
    "langer dan": Hedge.ABOVE, "korter dan": Hedge.BELOW, "groter dan": Hedge.ABOVE, "kleiner dan": Hedge.BELOW,
    "hoger dan": Hedge.ABOVE, "lager dan": Hedge.BELOW, "dik": Hedge.ABOVE, "krap": Hedge.BELOW,
    "nagenoeg": Hedge.ABOUT, "vrijwel": Hedge.ABOUT, "omstreeks": Hedge.ABOUT, "rond de": Hedge.ABOUT,
    "bij benadering": Hedge.ABOUT, "grofweg": Hedge.ABOUT, "ruwweg": Hedge.ABOUT, "ca": Hedge.ABOUT,
    "fewer than": Hedge.BELOW, "up to": Hedge.BELOW, "below": Hedge.BELOW, "above": Hedge.ABOVE,
    "in excess of": Hedge.ABOVE, "upwards of": Hedge.ABOVE, "no more than": Hedge.BELOW,
    "not more than": Hedge.BELOW, "no less than": Hedge.ABOVE, "at most": Hedge.BELOW,
    "more than": Hedge.ABOVE, "nearly": Hedge.BELOW, "almost": Hedge.BELOW,
    # limits as contracts and statutes word them: "not exceeding €1", "a maximum of 20 days"
    "not exceeding": Hedge.BELOW, "not to exceed": Hedge.BELOW, "no greater than": Hedge.BELOW,
    "not greater than": Hedge.BELOW, "a maximum of": Hedge.BELOW, "maximum of": Hedge.BELOW,
    "a minimum of": Hedge.ABOVE, "minimum of": Hedge.ABOVE, "no fewer than": Hedge.ABOVE, "exceeding": Hedge.ABOVE,
    "niet meer dan": Hedge.BELOW, "niet minder dan": Hedge.ABOVE, "tot een maximum van": Hedge.BELOW,
}
ALL_HEDGES: dict[str, Hedge] = {**{k.lower(): v for k, v in HEDGE_WORDS.items()}, **EXTRA_HEDGES}
# "some", "over" and "under" hedge numbers in English prose, but are too common to trust alone.
for _weak in ("some", "rond", "rondom", "afgerond", "boven", "under", "over"):
    ALL_HEDGES.pop(_weak, None)
# English "over 9 million" is a hedge; Dutch "over 2019" is a preposition ("about 2019").
_ENGLISH_ONLY_HEDGES = {"over": Hedge.ABOVE, "under": Hedge.BELOW}
# "committing $1 billion over ten years": before a length of time "over" spans it; it says "more
# than" only when the length describes something ("over 10 years old", "over 5 years of service", "ago")
_SPAN_HEDGES = frozenset({"over"})
_MORE_THAN_LENGTH = re.compile(r"['’]?[ \t\u00a0\r\n]+(?:of|old|ago|experience)\b", re.IGNORECASE)
# balance sheet headings: "Amounts falling due within one year", "Schulden op meer dan één jaar"
_DUE_WITHIN = re.compile(r"(?:\b(?:falling|falls?|becom(?:e|es|ing))[ \t\u00a0\r\n]+due[ \t\u00a0\r\n]+"
                         r"(?:within|after(?:[ \t\u00a0\r\n]+more[ \t\u00a0\r\n]+than)?)"
                         r"|\b(?:schulden|vorderingen)[ \t\u00a0\r\n]+op[ \t\u00a0\r\n]+(?:meer[ \t\u00a0\r\n]+dan|ten"
                         r"[ \t\u00a0\r\n]+hoogste))[ \t\u00a0\r\n]+$", re.IGNORECASE)


def _first_letters(words: Iterable[str]) -> str:
    """A lookahead on the possible first characters: Python's re tries an alternation at every
    position, and a one-character class in front makes the misses cheap."""
    words = list(words)
    chars = {w[0].lower() for w in words} | {w[0].upper() for w in words}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", _ANYWS + "+") for w in sorted(words, key=len, reverse=True))


_HEDGE_LEFT = re.compile(
    r"(?:^|(?<=[\s(\[,;:]))" + _first_letters(ALL_HEDGES) + r"(" + _alternation(ALL_HEDGES) + r")" + _ANYWS + r"*$",
    re.IGNORECASE,
)
_HEDGE_LEFT_EN = re.compile(
    r"(?:^|(?<=[\s(\[,;:]))" + _first_letters({**ALL_HEDGES, **_ENGLISH_ONLY_HEDGES})
    + r"(" + _alternation({**ALL_HEDGES, **_ENGLISH_ONLY_HEDGES}) + r")" + _ANYWS + r"*$", re.IGNORECASE
)
_CURRENCY_LEFT = re.compile(
    r"(?:(?<=[\s(\[<>=:;,/+\-–‒−\"“‘«•·▪‣◦●■@])|^)(€|EUR|US\$|CA?\$|CAD|A\$|AU\$|AUD|NZ\$|₦|NGN|ZMW|ZAR|\$|£|USD|GBP|"
    r"K[Ss]hs\.?|Ksh\.?|KES|Rs\.?|₹|INR|UShs\.?|UGX|TShs\.?|TZS|GH₵|GHS)"
    + _ANYWS + r"{0,4}$"
)
# a number glued to letters, such as a fiscal year's label "FY24" (before "-25")
_LABEL_NUMBER_LEFT = re.compile(r"(?<![\w.,])[A-Za-z]{1,4}\d{1,4}$")
# A currency letter glued to an amount: "K174.2 billion" (kwacha), "N1.2 trillion" (naira),
# "R3,5 miljard" (rand). Only with a scale word or separators: "K9" or "N2" is a name.
_GLUED_CURRENCY = {k.upper(): v for k, v in GLUED_CURRENCY_LETTERS.items()}
# (matched at the amount's end: Pattern.match anchors there, where "^" would match only at the
# text's start)
_GLUED_SCALE = re.compile(_WS + r"?(?:million|billion|trillion|bn|mn|tn|m|miljoen|miljard|mln|mld)\b", re.IGNORECASE)


def _glued_currency(text: str, s: int, e: int, core: str) -> str | None:
    """The currency of a letter glued before the amount at text[s:e], if it is one."""
    if s == 0 or text[s - 1] not in _GLUED_CURRENCY or (s >= 2 and text[s - 2].isalnum()):
        return None
    if not (re.search(r"[.,]\d", core) or _GLUED_SCALE.match(text, e)):
        return None
    return _GLUED_CURRENCY[text[s - 1]]


def _spaced_currency(text: str, s: int, e: int) -> str | None:
    """The currency of a letter a space before an amount with a scale after it: "R 108.5 m",
    "R 1 029.7 m" (South African tables print the rand so); without the scale, "R 2" is a name."""
    if s < 2 or text[s - 1] != " " or text[s - 2] not in _GLUED_CURRENCY or (s >= 3 and text[s - 3].isalnum()):
        return None
    return _GLUED_CURRENCY[text[s - 2]] if _GLUED_SCALE.match(text, e) else None
# a word, a figure or a closing bracket, then a blank: a dash after it, spaced on both sides, is
# a separator or a minus between two terms ("Fund - $500 Billion", "2020 - $484 Billion"), never the
# sign of the amount after it (a sign sits on its amount: "(-$0.058 Million)", "(- € 0,1 miljoen)")
_DASH_BETWEEN = re.compile(r"[^\W_)\]][)\]]*[ \t\u00a0]+$")
_SIGN_LEFT = re.compile(r"(?:(?<=[\s(\[=:;<>€$£])|^)([-‒–−+])$|(?:(?<=[\s(\[=])|^)([‒−])" + _WS + r"$")
# "increase the charge by $10 from $70 to $80", "steeg van € 5 tot € 8": a change from one amount to
# another, not a range (but "prices ranging from $70 to $80" is one)
_FROM_LEFT = re.compile(r"\b(?:from|van)" + _ANYWS + r"+(?:€|EUR|\$|£|Rs\.?|₹)?" + _ANYWS + r"*$", re.IGNORECASE)
_BY_TO_RATIO = 4  # "by $X to $Y" reads as a change and a new level when $Y is this many times $X or more
_BY_LEFT = re.compile(r"\b(?:by|met)" + _ANYWS + r"+(?:€|EUR|\$|£|Rs\.?|₹)?" + _ANYWS + r"*$", re.IGNORECASE)
_CHANGE_WORD = re.compile(
    r"\b(?:increas|decreas|rais|rise|rises|rising|rose|risen|grow|grew|fall|fell|drop|reduc|cut|climb|jump|declin"
    r"|chang|lower|boost|shift|adjust|revis|stijg|steeg|gestegen|daal|daalde|gedaald|verhoog|verlaag|toegenomen"
    r"|toenam|afgenomen|afnam|groei|gegroeid)\w*(?![^.;:!?]*\b(?:rang|vari|between|tussen|uiteenlopend))",
    re.IGNORECASE,
)
_TUSSEN_LEFT = re.compile(r"(?:\btussen|\bbetween|\bvan|\bfrom|\bvanaf)" + _ANYWS + r"+(?:€|EUR|\$|£)?" + _ANYWS + r"*$", re.IGNORECASE)

# nothing but blanks since the line began
_LINE_OPENS = re.compile(r"(?:\A|\n)" + _WS + r"*\Z")
# "` 1 lakh crore": fonts of Indian budget papers print the rupee sign at the backtick's code
_RUPEE_BACKTICK = re.compile(r"`" + _WS + r"{0,2}$")
# an accountant's brackets with the currency printed outside them: "€(124,649)"
_CURRENCY_BRACKET = re.compile(r"(?:(?<=[\s(\[:;,])|^)(€|\$|£|EUR|USD|GBP)\($")
_LAKH_CRORE_NEXT = re.compile(r"[ \t]*(?:lakhs?|crores?)\b", re.IGNORECASE)
# a footnote's number the text layer ran into an amount: "co-fund $1,4403 of the total" ($1,440 and
# note 3), "€ 1.4403"; the thousands groups are what is left of the amount
_GROUPS_RUN_ON = {"en": re.compile(r"(?:,\d{3})+(?=\d(?!\d|[.,]\d))"), "nl": re.compile(r"(?:\.\d{3})+(?=\d(?!\d|[.,]\d))")}
# an English amount with thousands groups and one decimal before a new sentence: "ranged from
# $11,920 to $251,895.5 Given": the full stop ends the sentence and the 5 is a footnote's number
_GROUPED_ONE_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d")
_SENTENCE_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_LINE_END = re.compile(r"[ \t]*(?:\r?\n|$)")
# "steeg van 20 naar 22%", "respectievelijk 0,1 en 0,4 procentpunt", "10, 20 and 30 percent": the
# figures before the last of a change or a list take the unit the last one prints
_VAN_LEFT = re.compile(r"\bvan" + _ANYWS + r"+$", re.IGNORECASE)
_LIST_NEXT = re.compile(r"(?:" + _ANYWS + r"+(naar|en|and|of|or)|" + _WS + r"*(,))" + _ANYWS + r"+", re.IGNORECASE)
# a number before a web address is its footnote's number: "14 https://www.atr-regeldruk.nl/..."
# "per deelnemer zijn " right before an amount: the per-tail stands in the sentence's subject
_PER_SUBJECT = re.compile(r"\bper" + _ANYWS + r"+[^\W\d_][\w-]*" + _ANYWS + r"+(zijn|is|was|waren|bedragen|bedraagt|bedroeg"
                          r"|bedroegen|are|were|amounts?" + _ANYWS + r"+to|amounted" + _ANYWS + r"+to)" + _ANYWS + r"+$",
                          re.IGNORECASE)
# between the two ends of a range that prints its scale at both: "0,25 miljoen tot 1,9 miljoen"
_SCALED_RANGE = re.compile(_ANYWS + r"+(tot|à|to)" + _ANYWS + r"+(?:(€|EUR|\$|£)" + _WS + r"?)?", re.IGNORECASE)
# the upper end of a range of number words: "drie à vier", "four to seven"
_WORD_RANGE = re.compile(_ANYWS + r"+(à|tot|to)" + _ANYWS + r"+([^\W\d_]+)(?![\w-])", re.IGNORECASE)
_INCH_MARKS = ('"', "\u2033")  # a straight double quote or the double prime
_INCH_NEXT = re.compile(r"[ \t\r\u00a0]*(?:[x\u00d7)]|\r?\n|$)")  # "3\" x 5", "(3\")", a line's end
_URL_NEXT = re.compile(r"[ \t\u00a0]+(?:https?://|www\.)")
# a hedge after the figure: "subsidies van € 125.000,– of meer", "burgers van 15 jaar en ouder",
# "households of five or more"; "en meer"/"and more" also ends lists ("en meer geld"), so only "of"/"or"
_HEDGE_RIGHT = re.compile(
    r"(?:,[-\u2013\u2014]{1,2})?" + _ANYWS + r"+(?:(?:of|or)" + _ANYWS + r"+(?P<or>meer|more|minder|less|fewer|ouder|older"
    r"|jonger|younger|hoger|higher|lager|lower|langer|longer|korter|shorter)|(?:en|and)" + _ANYWS
    + r"+(?P<and>ouder|older|jonger|younger|hoger|lager|(?:above|below)(?!" + _ANYWS + r"+(?:the|de|het)\b)))(?![\w-])",
    re.IGNORECASE,
)
# "of meer dan de helft": the hedge of the next figure
_THAN_NEXT = re.compile(_ANYWS + r"+(?:dan|than)\b", re.IGNORECASE)
_HEDGE_RIGHT_WORDS = {
    "meer": Hedge.ABOVE, "more": Hedge.ABOVE, "ouder": Hedge.ABOVE, "older": Hedge.ABOVE, "hoger": Hedge.ABOVE,
    "higher": Hedge.ABOVE, "langer": Hedge.ABOVE, "longer": Hedge.ABOVE, "above": Hedge.ABOVE,
    "minder": Hedge.BELOW, "less": Hedge.BELOW, "fewer": Hedge.BELOW, "jonger": Hedge.BELOW, "younger": Hedge.BELOW,
    "lager": Hedge.BELOW, "lower": Hedge.BELOW, "korter": Hedge.BELOW, "shorter": Hedge.BELOW, "below": Hedge.BELOW,
}
# "200 ringgit monthly", "€ 2 miljoen jaarlijks": a period adverb after a sum of money is its per-tail
_PER_ADVERB = re.compile(
    _ANYWS + r"{1,3}(monthly|annually|yearly|weekly|daily|maandelijks|jaarlijks|wekelijks|dagelijks)(?![\w])",
    re.IGNORECASE,
)
_PER_ADVERBS = {"monthly": "month", "annually": "year", "yearly": "year", "weekly": "week", "daily": "day",
                "maandelijks": "month", "jaarlijks": "year", "wekelijks": "week", "dagelijks": "day"}

# --- right context -----------------------------------------------------------------------------
_SCALE_NL = {k: v for k, v in SCALE_WORDS.items() if k in ("duizend", "miljoen", "miljard", "mln.", "mln", "mld.", "mld", "mrd.", "mrd", "biljoen")}
_SCALE_NL.update({"miljoenen": 6, "mio": 6, "mio.": 6, "dzd": 3})
_SCALE_EN = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "bn": 9, "mn": 6, "m": 6, "tn": 12, "k": 3,
             "lakh": 5, "lakhs": 5, "crore": 7, "crores": 7, "lakh crore": 12, "lakh crores": 12}
_SCALE_RIGHT = {
    # "$343.2-billion deficit": a hyphen joins the scale word when the amount qualifies a noun
    lang: re.compile(r"^(?:-(?=[^\W\d_])|" + _ANYWS + r"{0,3})(" + _alternation(words) + r")(?![\w])", re.IGNORECASE)
    for lang, words in (("nl", _SCALE_NL), ("en", _SCALE_EN))
}
_SCALE_NEEDS_CURRENCY = {"m", "bn", "mn", "tn", "k"}


def _scale_power(word: str, lang: str) -> int:
    """The power of ten of a scale word as matched ("lakh\ncrore" over a line break: 12)."""
    return (_SCALE_NL if lang == "nl" else _SCALE_EN)[" ".join(word.lower().split())]
_CURRENCY_RIGHT = re.compile(
    r"^" + _ANYWS + r"{0,3}(euro's|euros|euro|EUR|€|dollars|dollar|USD|pounds|GBP|"
    + _alternation(CURRENCY_NAMES_AFTER) + r")(?![\w])",
    re.IGNORECASE,
)
_PERCENT_RIGHT = re.compile(
    r"^(?:" + _WS + r"?-|" + _ANYWS + r"{0,3})(%-?punten|%-?punt|%|procentpunten|procentpunt|procent|percentage" + _ANYWS
    + r"+points?|percentage-points?|percent|per" + _WS + r"cent|pct\.?)(?![\w])",
    re.IGNORECASE,
)
DURATION_UNITS = {
    "dag": "day", "dagen": "day", "werkdag": "day", "werkdagen": "day", "week": "week", "weken": "week",
    "maand": "month", "maanden": "month", "jaar": "year", "jaren": "year", "uur": "hour", "uren": "hour",
    "kwartaal": "quarter", "kwartalen": "quarter", "decennium": "decade", "decennia": "decade",
    "minuten": "minute", "minuut": "minute", "seconden": "second",
    "day": "day", "days": "day", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "hour": "hour", "hours": "hour", "quarters": "quarter",
    "decade": "decade", "decades": "decade", "minutes": "minute",
}
# (a hyphen or dash may join the unit, also over a line: "a 6–month transition", "over a 5-\r\nyear period")
_DURATION_RIGHT = re.compile(
    r"^(?:" + _WS + r"?[-\u2013](?:[ \t]*\r?\n[ \t]*)?|" + _ANYWS + r"{1,3})(" + _alternation(DURATION_UNITS) + r")(?![\w])",
    re.IGNORECASE,
)
# a hyphen that ends a line inside a compound word: "a 5-\r\nroom HDB flat"
_HYPHEN_BREAK = re.compile(r"^-[ \t]*\r?\n[ \t]*(?=[a-z])")
_PER_WORDS = dict(PER_WORDS)
_PER_WORDS.update({
    "plek": "place", "opvangplek": "place", "bed": "bed", "kind": "child", "leerling": "pupil",
    "werknemer": "employee", "woning": "dwelling", "gemeente": "municipality", "hoofd": "person",
    "capita": "person", "aanvraag": "application", "zaak": "case", "fte": "fte", "student": "student",
    "maand": "month", "jaar": "year", "dag": "day", "uur": "hour", "employee": "employee",
    "job": "job", "worker": "worker", "household": "household", "case": "case", "unit": "unit",
    "deelnemer": "participant", "participant": "participant", "lid": "member", "member": "member",
    "patiënt": "patient", "patient": "patient", "resident": "person", "pupil": "pupil", "child": "child",
})
# "2,647 units a year ago", "$5 billion a decade earlier": a time ago, not a rate
_PER_RIGHT = re.compile(
    r"^(?:" + _ANYWS + r"{0,3}(?:per|/|each|every|a|an)" + _ANYWS + r"*|" + _WS + r"?-per-)("
    + _alternation(_PER_WORDS) + r")(?![\w])(?!" + _ANYWS + r"+(?:ago|earlier|before|back|later)(?![\w]))",
    re.IGNORECASE,
)
_RATIO_RIGHT = re.compile(
    r"^" + _ANYWS + r"+(op" + _ANYWS + r"+de|op|van" + _ANYWS + r"+de|in|out" + _ANYWS + r"+of)" + _ANYWS + r"+(\d{1,4}|[a-z]+)(?![\w.,]\d)",
    re.IGNORECASE,
)
_RANGE_RIGHT = re.compile(
    r"^(?:(" + _WS + r"*[-–‒]" + _WS + r"*|" + _ANYWS + r"*[–‒]" + _ANYWS + r"*)|" + _ANYWS + r"+(tot" + _ANYWS + r"+en"
    + _ANYWS + r"+met|t/m|t\.m\.|tm|tot|en|and|to|through|à)" + _ANYWS + r"+)(?:(€|EUR|\$|£|USD)" + _ANYWS + r"{0,3})?",
    re.IGNORECASE,
)
_PER_ANY = re.compile(_ANYWS + r"{0,3}per(?=" + _ANYWS + r"+[a-z])")
# words after "per" that say when or how, not per what: "per saldo", "per ultimo", "per e-mail"
_NOT_PER = frozenset({"saldo", "direct", "se", "definitie", "omgaande", "abuis", "ultimo", "einde", "eind", "heden",
                      "balansdatum", "datum", "jaareinde", "maandeinde", "kwartaaleinde", "post", "mail", "email", "e-mail", "brief", "fax", "telefoon",
                      "kas", "bank", "cent", "procent", "mille", "expres", "ongeluk", "toeval"})
# Attributive adjectives before the counted noun: "kindgebonden budget", "complexe gevallen".
_ADJECTIVE = re.compile(r"(?:gebonden|[^i]e)$")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_LIST_MARK_RIGHT = re.compile(r"[.)][ \t]+[^\W\d_]")
_LIST_MARK_LEFT = re.compile(r"(?:^|[;:,(]|\ben|\bof|\band|\bor)[ \t\r\n]*$")
# A line ending in a word in small letters (not a heading's capitalised word): "The ministry has\n59
# Federal agencies" carries on its sentence to the number and the name after it (English, where a
# capitalised word after a number was once read as its noun; Dutch footnotes open so too)
_SENTENCE_GOES_ON = re.compile(r"(?<![\w'’-])[a-z]+,?[ \t]*\r?\n[ \t]*$")
# "2.5 times the amount of regular GSTV", "3 keer zo hoog": a multiple, not a count of occasions ("3 keer per jaar")
_TIMES_RIGHT = re.compile(
    r"[ \t\u00a0\r\n]+(?:times|keer|maal)(?=[ \t\u00a0\r\n]+(?:the|as|that|what|its|their|higher|more|larger|greater"
    r"|bigger|lower|smaller|less|zo|het|de|hoger|groter|meer|kleiner|lager|minder)\b)",
    re.IGNORECASE,
)
# "[Purchase] 1.1 release material": a software version's number
_RELEASE_NEXT = re.compile(r"[ \t]+(?:release|releases|versie|version|update)\b", re.IGNORECASE)
# "Monthly Donation to Codeberg e.V. #251 251", "grant #217 (Alex Prokoudine) 217", "Project #168\r\n168": a
# spending report's reference, echoed in a column of its own (on its line or the next)
_HASH_BEFORE = re.compile(r"#(\d+)(?![\d])[^#\n]*(?:\n[ \t]*)?$")
# "1- and 2-room flats", "10- tot 15-jarigen": the first number of two compounds sharing their word
_SUSPENDED_HYPHEN = re.compile(r"-[ \t]+(?:and|or|to|en|of|tot)\s+\d+-[^\W\d_]", re.IGNORECASE)
_ECHOED_CODE = re.compile(r"[ \t]*\([A-Z]{1,6}[ \t]?(\d[\d.,]*)\)")
_WORD_EN = re.compile(r"[^\W\d_]{2,}en\b")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;:!?,)]|\r?\n[ \t]*\r?\n|$)")
_MODAL = re.compile(r"\b(?:kan|kunnen|zal|zullen|moet|moeten|mag|mogen|wil|willen|gaat|gaan|zou|zouden)\b", re.IGNORECASE)
_ADDS_UP_TO = re.compile(r"\b(?:(?:tellen|telt)[ \t\r\n]+op[ \t\r\n]+tot|optellen[ \t\r\n]+tot|adds?[ \t\r\n]+up[ \t\r\n]+to"
                         r"|sums?[ \t\r\n]+to)[ \t\u00a0\r\n]+$", re.IGNORECASE)
_ACCOUNTING_PERCENT = re.compile(r"\)[ \t]?%(?![\w])")
_NAME_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_CODE_NEXT = re.compile(r"[ \t]+#?[A-Z]")
_AFTER_SENTENCE = re.compile(r"[.;:!?][ \t\u00a0]+$")
# (a row label may open with the sign its row is counted with: "1.   (+) Exploitatiesaldo"; a
# numbered paragraph's number may stand on a line of its own: "7.\nDe Pensioenfederatie"; a note's number
# may have a blank before its full stop: "10 . Accumulated surplus")
_CAPITAL_NEXT = re.compile(r"(?:[ \t]?[).][ \t]*(?:\r?\n[ \t]*)?|[ \t]+|[ \t]*\r?\n[ \t]*)(?:\([-+\u2212\u2013]\)[ \t]*)?[A-Z\u00c0-\u00de]")
_MONEY_NOUNS = {
    "besparing", "besparingen", "bezuiniging", "bezuinigingen", "kosten", "uitgaven", "inkomsten", "ontvangsten",
    "lasten", "middelen", "subsidie", "subsidies", "opbrengst", "opbrengsten", "euro's", "extra", "tekort",
    "overschot", "budget", "investering", "investeringen", "dollars", "omzet", "schuld", "schulden",
}
# Areas: "10,000 square feet", "500 vierkante meter"; written as "ft2", "m2", as documents print "m2".
_AREA_WORDS = frozenset({"square", "sq", "vierkante"})
_AREA_LENGTHS = {"feet": "ft", "foot": "ft", "ft": "ft", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
                 "m": "m", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
                 "miles": "mi", "mile": "mi", "mi": "mi", "yards": "yd", "yard": "yd"}
_AREA_UNIT = re.compile(r"\.?" + _ANYWS + r"+(" + "|".join(sorted(_AREA_LENGTHS, key=len, reverse=True)) + r")\b\.?",
                        re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_DUTCH_ADJECTIVE_END = re.compile(r"(?:ig|lijk|isch|baar|zaam|loos|end|ief|eel|aal)$")
# a soft hyphen (or pdfium's U+FFFE) where a line broke a word, with the break itself
SOFT_BREAK = re.compile(r"[\ufffe\u00ad][ \t]*(?:\r?\n[ \t]*)?")
# English past participles that do not end in -ed: after a number they are its verb, not its noun
_PARTICIPLES = frozenset({"paid", "made", "held", "spent", "sold", "built", "given", "taken", "done", "seen", "kept",
                          "sent", "won", "lost", "brought", "bought"})
# Plurals that end in neither -s nor -en
_PLURALS_WITHOUT_S = frozenset({"people", "children", "staff", "personnel", "criteria", "data", "men", "women"})
# Auxiliary and modal verbs and adverbs: closed classes of words that follow a number as its verb or
# a comment on it, never as what it counts ("of which 10,000 have been distributed", "zijn er
# negentien pas in december aangenomen")
_NOT_NOUNS = frozenset({
    "have", "has", "had", "do", "does", "did", "shall", "should", "may", "might", "must", "being", "remain",
    "remains", "only", "already", "still", "just", "even", "yet", "now", "then", "together", "altogether",
    "respectively", "alone", "again", "apiece",
    "pas", "reeds", "slechts", "inmiddels", "nu", "toen", "dus", "zelfs", "alleen", "vooral", "steeds", "weer",
    "samen", "tezamen", "echter", "namelijk", "daarna", "daarvoor", "hiervoor", "waren", "zouden", "hadden",
    # prepositions, conjunctions and pronouns ("increased by approximately 250 since he took office")
    "since", "against", "into", "onto", "via", "during", "until", "before", "after", "within", "without", "across",
    "among", "between", "towards", "toward", "upon", "despite", "including", "excluding", "versus", "while",
    "because", "if", "unless", "although", "whether", "where", "when", "who", "which", "what", "there", "here",
    "but", "or", "nor", "so", "than", "as", "of", "the", "a", "an", "due", "maar", "dan", "als",
    "its", "their", "his", "her", "our", "we", "they", "he", "she", "you", "them", "us",
    "sinds", "tegen", "tijdens", "zonder", "binnen", "buiten", "volgens", "wegens", "ondanks", "omdat", "terwijl",
    "wanneer", "waar", "hoe", "wie", "wat", "welke", "zoals", "hun", "haar", "ons", "onze", "wij", "ze", "hij",
    "men", "hen", "hem",
})
# a Dutch past participle after a number is its verb: "Hiervan zijn er vijf gepubliceerd"
_DUTCH_PARTICIPLE = re.compile(r"ge[a-zë]{4,}[dt]")
# Dutch strong past participles with a prefix that takes no ge- ("kwetsbaar bevonden IP adressen"):
# they end in -en as plural nouns do, so they are named
_DUTCH_PREFIXED_PARTICIPLES = frozenset({
    "bevonden", "verkregen", "ontvangen", "beschreven", "vergeleken", "verschenen", "ontstaan", "bevochten",
    "verbonden", "ontbonden", "ontworpen", "verworven", "ondervonden", "verschoven", "verdreven", "bedreven",
    "besproken", "verboden", "bewezen", "verwezen", "ontnomen", "benomen", "begrepen", "ontgonnen", "verzonden",
})
# a table's next row under a figure that ends its line: a label, then its amounts to the line's end
# ("bij scheepsafscheid 2.515" / "prijzengeld uit Botary sloepenroeiwedstrijd 750 3.265")
# ("190 \r\nlocomotieven om te bouwen. Het uitgangspunt is ... maximaal 19" and "persons; the age-adjusted
# mortality rate was 43.6 per 100,000" are sentences: a row's label has no full stop and no number inside;
# its amounts are two cells or more, or one printed with a separator, or any one when the figure's own
# line has no sentence's end either)
_SENTENCE_BREAK = re.compile(r"[.;!?][ \t]+[A-Z]")
_ROW_AFTER = re.compile(r"(?![^\n]*[.;!?][ \t]+[A-Z])[^\d\n]*?[ \t](?:(?:\(?-?\d[\d.,]*\)?[ \t]+)+\(?-?\d[\d.,]*\)?"
                        r"|\(?-?\d{1,3}(?:[.,]\d+)+\)?|(?P<one>\(?-?\d+\)?))[ \t]*\r?(?:\n|$)")
# an area after one or two words: "8200 RENTABLE SQ FT", "1,000 usable square feet"
_AREA_AHEAD = re.compile(r"(?:[ \t\u00a0]+[^\W\d_]+){0,2}?[ \t\u00a0]+(square|sq|vierkante)(?![\w])", re.IGNORECASE)

# Nouns whose count a figure gives; the unit we write for them.
NOUN_UNITS: dict[str, str] = {}
for _unit, _words in {
    "person": "asielzoeker asielzoekers persoon personen mensen inwoners inwoner bewoners bewoner vreemdelingen "
    "vreemdeling statushouders statushouder migranten migrant vluchtelingen vluchteling kinderen kind "
    "leerlingen leerling studenten student ambtenaren "
    "burgers burger ouderen jongeren volwassenen patiënten cliënten deelnemers nareizigers ontheemden "
    "vergunninghouders vergunninghouder gezinsleden amv's minderjarigen mannen vrouwen individuen "
    "people persons residents refugees migrants children students individuals "
    "applicants asylum-seekers households? ",
    "worker": "werknemers werknemer medewerkers medewerker workers worker employees employee",
    "place": "opvangplekken opvangplek plekken plek opvangplaatsen plaatsen bedden places beds",
    "municipality": "gemeenten gemeente municipalities",
    "household": "huishoudens huishouden households household",
    "dwelling": "woningen woning huizen huurwoningen koopwoningen dwellings homes houses",
    "job": "banen baan arbeidsplaatsen jobs",
    "fte": "fte fte's ftes vte voltijdbanen",
    "case": "zaken zaak dossiers cases",
    "application": "aanvragen aanvraag asielaanvragen asielverzoeken verzoeken applications",
    "decision": "beslissingen besluiten decisions",
    "company": "bedrijven ondernemingen companies firms",
    "location": "locaties locatie azc's azc opvanglocaties",
}.items():
    for _w in _words.split():
        NOUN_UNITS[_w.rstrip("?")] = _unit

# Nouns that make a bare "1 miljard" a sum of money in a Dutch budget text.
_NOT_COUNT_NOUNS = {"besparing", "bezuiniging", "bezuinigingen", "extra", "structureel", "incidenteel", "per", "aan", "voor",
                    "uit", "van", "op", "in", "is", "wordt", "en", "of", "minder", "meer", "tekort", "overschot"}
_SKIP_BEFORE_NOUN = {
    "extra", "andere", "nieuwe", "meer", "minder", "hoger", "lager", "nog", "additionele", "achterstallige",
    "unieke", "reguliere", "bestaande", "huidige", "nieuw", "eerste", "laatste", "volledige", "additional",
    "new", "more", "other", "fewer", "extra's", "grote", "kleine", "kleinere", "grotere", "totaal", "jonge",
    "nonagricultural", "agricultural",
}
FUNCTION_WORDS = {
    "de", "het", "een", "en", "of", "in", "op", "van", "voor", "aan", "met", "bij", "tot", "naar", "uit",
    "is", "zijn", "was", "waren", "wordt", "worden", "werd", "heeft", "hebben", "dat", "die", "dit", "deze",
    "als", "om", "te", "er", "niet", "ook", "nog", "al", "wel", "maar", "dan", "door", "over", "per",
    "the", "a", "an", "and", "or", "on", "to", "for", "with", "at", "by", "from", "are",
    "were", "be", "been", "that", "this", "these", "those", "it", "as", "than", "not", "also",
    "zal", "zullen", "kan", "kunnen", "moet", "moeten", "wil", "willen", "gaat", "gaan", "komt", "komen",
    "bedraagt", "bedragen", "vanaf", "sinds", "tussen", "onder", "boven", "tegen", "zo", "ca", "jaarlijks",
    "structureel", "incidenteel", "opgeteld", "totaal", "then", "will", "would", "can", "could", "each", "hiervan", "waarvan", "daarvan", "ieder", "elk", "elke", "iedere", "gemiddeld", "respectievelijk", "à",
}

# --- number words ------------------------------------------------------------------------------
_WORD_NUMBERS_NL = {k: v for k, v in NUMBER_WORDS.items() if k in (
    "nul", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien",
    "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig", "dertig", "veertig",
    "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd")}
_WORD_NUMBERS_NL.update({"een": 1, "één": 1, "honderden": 0})
_WORD_NUMBERS_EN = {k: v for k, v in NUMBER_WORDS.items() if k in (
    "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred")}
_WORD_NUMBERS_EN.update({"one": 1})
_ONE_WORDS = {"een", "één", "one", "a", "an"}
# a share printed in brackets right after a number word: "five (100%)", "een (8 procent)"
_SHARE_IN_BRACKETS = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*(?:%|per cent\b|percent\b|procent\b)\s*\)", re.IGNORECASE)
_FRACTIONS_NL = {k: v for k, v in FRACTION_WORDS.items() if k in (
    "anderhalf", "de helft", "een derde", "één derde", "twee derde", "een kwart", "één kwart", "drie kwart", "driekwart")}
_FRACTIONS_NL.update({"een vijfde": Fraction(1, 5), "een tiende": Fraction(1, 10), "twee vijfde": Fraction(2, 5),
                      "drie vijfde": Fraction(3, 5), "een achtste": Fraction(1, 8)})
_FRACTIONS_EN = {k: v for k, v in FRACTION_WORDS.items() if k in (
    "half", "one third", "a third", "two thirds", "a quarter", "one quarter", "three quarters")}
_FRACTIONS_EN.update({"one-third": Fraction(1, 3), "two-thirds": Fraction(2, 3), "one-half": Fraction(1, 2),
                      "one-fifth": Fraction(1, 5), "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5)})
_MULTIPLES_NL = {k: v for k, v in MULTIPLE_WORDS.items() if k.endswith("maal")}
_MULTIPLES_NL.update({"zesmaal": 6, "honderdmaal": 100, "verdubbeling": 2, "verdrievoudiging": 3})
_MULTIPLES_NL.pop("verdubbeling")
_MULTIPLES_NL.pop("verdrievoudiging")
# the English ones, written as the text prints them ("three-fold"; numbers.py keeps them as read back)
_MULTIPLES_EN = {k.replace(" ", "-"): v for k, v in MULTIPLE_WORDS.items() if not k.endswith("maal")}


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w\-])" + _first_letters(words) + r"(" + _alternation(words) + r")(?![\w\-])", re.IGNORECASE)


_WORDS_RE = {
    "nl": _word_pattern({**_FRACTIONS_NL, **_MULTIPLES_NL, **_WORD_NUMBERS_NL, "beide": PAIR_WORDS["beide"]}),
    "en": _word_pattern({**_FRACTIONS_EN, **_MULTIPLES_EN, **_WORD_NUMBERS_EN, "both": PAIR_WORDS["both"]}),
}


@dataclass(slots=True)
class Found:
    """One number-like thing in the text: a figure, or a non-figure with its kind."""

    start: int  # offset of the figure (currency and sign included, hedge word not)
    end: int
    stated: str  # as printed, whitespace collapsed
    kind: str  # a FIGURE_KINDS or NONFIGURE_KINDS entry
    value: Fraction | None = None
    value_high: Fraction | None = None
    unit: str | None = None
    hedge: Hedge = Hedge.EXACT
    hedge_start: int | None = None  # where the hedge word starts
    noun: str | None = None  # the noun the figure counts, as printed
    noun_end: int | None = None
    currency: str | None = None
    scale: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS


_BLANKS = re.compile(r"[\s\u00a0\u202f\u2009]+")


def _collapse(text: str) -> str:
    if "\ufffe" in text or "\u00ad" in text:
        text = SOFT_BREAK.sub("", text)  # "mil-" "joen": one word the line broke
    return _BLANKS.sub(" ", text).strip()


def _match_unbroken(pattern: re.Pattern[str], window: str) -> tuple[str, int] | None:
    """A word matched at the start of ``window`` (group 1, in small letters) and the length of
    ``window`` it takes, also when a soft hyphen breaks the word over two lines ("91,2 mil-"
    "joen euro")."""
    m = pattern.match(window)
    if m is not None:
        return m.group(1).lower(), m.end()
    if "\ufffe" not in window and "\u00ad" not in window:
        return None
    kept: list[int] = []  # where each character of the joined text stands in the window
    at = 0
    while at < len(window):
        soft = SOFT_BREAK.match(window, at)
        if soft is not None:
            at = soft.end()
            continue
        kept.append(at)
        at += 1
    m = pattern.match("".join(window[i] for i in kept))
    if m is None:
        return None
    return m.group(1).lower(), kept[m.end() - 1] + 1


def read_core(core: str, language: str) -> tuple[Fraction, int]:
    """Exact value and number of decimals of a digit group in the document's convention."""
    group, decimal = (".", ",") if language == "nl" else (",", ".")
    if language == "nl" and core.startswith("0."):
        group, decimal = ",", "."  # "De R2 van dit model is 0.167": no thousands group is a lone 0
    digits = core
    for ch in (group, " ", "\u00a0", "\u202f", "\u2009"):
        digits = digits.replace(ch, "")
    whole, _, frac = digits.partition(decimal)
    if frac:
        return Fraction(int(whole + frac), 10 ** len(frac)), len(frac)
    return Fraction(int(whole)), 0


_FOUR_DIGITS = re.compile(r"\d{4}")
# the checks of _figure_at, compiled once (it runs for every number of every page)
_POINT_DIGIT = re.compile(r"\.\d")
_COMMA_DECIMALS = re.compile(r",\d{1,2}(?!\d)")
_GLUED_UNIT = re.compile(r"(?:mln|mld|mrd|mio|miljoen|miljard|procent|percent|bn|m|k|x)\b", re.IGNORECASE)
_HYPHEN_WORD = re.compile(r"-[^\W\d_]")
_HYPHEN_UNIT = re.compile(
    r"-(?:percent|per|procent|jarig|year|month|week|day|jarige|(?:thousand|million|billion|trillion|miljoen|miljard)\b)",
    re.IGNORECASE)
_YEAR_AND_NOTE = re.compile(r"(?:19[5-9]\d|20[0-4]\d)\d{1,2}")
_YEAR_POINT_NOTE = re.compile(r"(?:19|20)\d{2}\.\d{1,2}")
_NOTE_THEN_SENTENCE = re.compile(r"[ \t]*(?:\r?\n|[ \t][A-Z(])")
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}")
_PRICE_BASE_BEFORE = re.compile(r"(?:chain(?:ed|.weighted)|constant|real|prijzen|prijspeil|prices)[\s\u00a0]+$",
                                re.IGNORECASE)


def _is_year(core: str, value: Fraction) -> bool:
    return _FOUR_DIGITS.fullmatch(core) is not None and 1800 <= value <= 2100


class Scanner:
    """The grammar for one language; :func:`scan` is the entry point."""

    def __init__(self, language: str, spaced: bool = False) -> None:
        self.lang = "en" if language.startswith("en") else "nl"
        spaced = spaced and self.lang == "en"
        self.core_re = _CORE["en spaced" if spaced else self.lang]
        self.hedge_left = _HEDGE_LEFT_EN if self.lang == "en" else _HEDGE_LEFT
        self.unit_after = (_SCALE_RIGHT[self.lang], _CURRENCY_RIGHT, _PERCENT_RIGHT, _DURATION_RIGHT)
        self.hedges = {**ALL_HEDGES, **_ENGLISH_ONLY_HEDGES} if self.lang == "en" else ALL_HEDGES
        self.core_text = re.compile(_CORE_TEXT["en spaced" if spaced else self.lang])

    def _quantity_follows(self, tail: str) -> bool:
        """Does a scale word, currency or percent sign follow ("elk jaar 1 miljard", "stap 2
        procent")? Then the number before it is a quantity, not a label's number."""
        return bool(self.unit_after[0].match(tail) or _CURRENCY_RIGHT.match(tail) or _PERCENT_RIGHT.match(tail))

    # -- masks ------------------------------------------------------------------------------------
    def masks(self, text: str) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        taken_until = 0
        runs = list(_DIGIT_RUN.finditer(text))
        for run in runs:
            s = run.start()
            if s < taken_until:
                continue
            before = text[s - 1] if s else " "
            if before.isalnum() or before == "_":
                if run.end() - s == 2 and s >= 2 and text[s - 2:s].isupper() and (
                        iban := _IBAN.match(text, s - 2)) is not None:
                    spans.append((iban.start(), iban.end(), "reference"))  # "NL70RABO ..........7 18"
                    taken_until = iban.end()
                continue
            m = _DIGIT_LED.match(text, s)
            if m is not None and not (before in ".," and m.lastgroup != "reference"):
                spans.append((s, m.end(), m.lastgroup or "reference"))
                taken_until = m.end()
                continue
            start = label_start(text, s)
            if start is None and run.end() - s <= 3 and s >= 3 and text[s - 2].isupper():
                start = _acronym_start(text, s, run.end())
            if start is not None and _GROUPED_AFTER.match(text, run.end()) and text[start:s].strip().lower() in _LOOSE_LABELS:
                start = None  # "the poverty line 23,000 people": a quantity, not line 23
            if start is not None:
                cont = _LABEL_CONTINUATION.match(text, s)
                end = cont.end() if cont else run.end()
                tail = text[end:end + 30]
                # "elk jaar 1 miljard", "stap 2 procent": the number is a quantity after all.
                if not (self._quantity_follows(tail)):
                    spans.append((start, end, "label"))
                    taken_until = end
        # Both masks anchored at a line's start need a digit first on it (after blanks) and stay on
        # that line: matched at those lines' starts only, in order, they find what a search finds.
        digit_lines = _digit_line_starts(text)
        for m in filter(None, [_ROW_NUMBER.match(text, at) for at in digit_lines]):
            # "59 FEDERAL MINISTRY OF ...", "11  Huurtoeslag": a row or item number where a new
            # line starts after a finished sentence (or a blank line), before a capitalised word
            previous = text[max(0, m.start() - 200): m.start()].rstrip(" \t\r\n").rsplit("\n", 1)[-1]
            if m.start() > 0 and text[: m.start()].strip() and not (
                text[max(0, m.start() - 3): m.start()].count("\n") >= 2 or re.search(r"[.:;!?)]\s*$", previous)
            ):
                continue  # the line goes on with a sentence from the line before
            tail = text[m.end(1):m.end(1) + 30]
            if self._quantity_follows(tail):
                continue
            spans.append((m.start(1), m.end(1), "label"))
        taken = {a for a, _, _ in spans}
        spans.extend(span for span in self._numbered_lines(text, digit_lines) if span[0] not in taken)
        if "Codes" in text and _CODES_HEAD.search(text):
            coded = list(_CODED_LINE.finditer(text))
            if len(coded) >= _MIN_CODED:
                spans.extend((m.start(1), m.end(1), "reference") for m in coded)
        for kind, pattern in _MASKS:
            needs = _MASK_NEEDS.get(pattern)
            if needs is not None and not any(literal in text for literal in needs):
                continue  # a full regex pass for a pattern that cannot match: skipped
            if kind == "date_en":
                if self.lang != "en":
                    continue
                kind = "date"
            if pattern is _SECTION_NUMBER or pattern is _PARAGRAPH_NUMBER:
                matches: Iterable[re.Match[str]] = filter(None, [pattern.match(text, at) for at in digit_lines])
            elif pattern is _POSTCODE:  # it starts a run of exactly four digits
                matches = list(filter(None, [pattern.match(text, run.start()) for run in runs if run.end() - run.start() == 4]))
                for m in matches:  # "Postadres: Toernooiveld 212, 6525 EC Nijmegen": the house number before it
                    house = _HOUSE_BEFORE_POSTCODE.search(text, max(0, m.start() - 12), m.start())
                    if house is not None:
                        spans.append((house.start(1), house.end(1), "reference"))
            elif pattern in _MASK_STARTS:
                matches = _matches_at_literals(pattern, text, *_MASK_STARTS[pattern])
            else:
                matches = pattern.finditer(text)
            for m in matches:
                if m.end() <= m.start():
                    continue
                if kind == "label":
                    # "elk jaar 1 miljard", "stap 2 procent": the number is a quantity after all.
                    tail = text[m.end():m.end() + 30]
                    if self._quantity_follows(tail):
                        continue
                spans.append((m.start(), m.end(), kind))
        spans.sort()
        return spans

    def _numbered_lines(self, text: str, digit_lines: list[int]) -> list[tuple[int, int, str]]:
        """Numbers that open three or more lines in a row counting up by one ("1 ten opzichte
        van", "2 in vergelijking met", "3 niet van toepassing"; "182 Community Colleges", "183
        Transfer to"): footnotes, list items or a spreadsheet's row numbers, not figures. Lines
        that open with no number may come between (a footnote wraps)."""
        spans: list[tuple[int, int, str]] = []
        run: list[tuple[int, int]] = []
        previous = -1
        for at in digit_lines:
            m = _LINE_NUMBER.match(text, at)
            if m is None or int(m.group(1)) != previous + 1:
                if len(run) >= 3:
                    spans.extend((a, b, "label") for a, b in run)
                run = []
            if m is None:
                previous = -1
                continue
            tail = text[m.end():m.end() + 30]
            if self._quantity_follows(tail):
                previous = -1
                run = []
                continue
            previous = int(m.group(1))
            run.append((m.start(1), m.end(1)))
        if len(run) >= 3:
            spans.extend((a, b, "label") for a, b in run)
        return spans

    # -- main -------------------------------------------------------------------------------------
    def scan(self, text: str, skip: list[tuple[int, int]] | None = None) -> list[Found]:
        masks = self.masks(text)
        found: list[Found] = []
        masked = _Intervals([(s, e) for s, e, _ in masks] + list(skip or ()), len(text))
        in_table = _Intervals(skip or [], len(text)).taken  # 1 at each character of a skipped span
        self.skipped = 0
        for s, e, kind in masks:
            # One non-figure record per masked number, so they can be listed separately.
            digits = _DIGIT_RUN.search(text, s, e)
            if digits is not None:
                found.append(Found(digits.start(), digits.end(), digits.group(0), kind))
        consumed = _Intervals([], len(text))
        for m in self.core_re.finditer(text):
            s, e = m.span()
            if masked.hits(s, e) or consumed.hits(s, e):
                if in_table[s]:
                    self.skipped += 1
                continue
            item = self._figure_at(text, s, e)
            if item is None:
                continue
            found.append(item)
            consumed.add(item.start, item.end)
        for m in _WORDS_RE[self.lang].finditer(text):
            s, e = m.span()
            if masked.hits(s, e) or consumed.hits(s, e):
                continue
            item = self._word_figure_at(text, s, e, m.group(1))
            if item is not None:
                if item.end > e:
                    # "two (2)": the digits in brackets were taken for a list's mark; they are the figure's
                    found = [f for f in found if not (f.kind in NONFIGURE_KINDS and e <= f.start and f.end <= item.end)]
                found.append(item)
                consumed.add(item.start, item.end)
        found.sort(key=lambda f: (f.start, f.end))
        self._propagate_hedges(text, found)
        _propagate_scales(text, found)
        if skip:
            found = [f for f in found if not in_table[f.start]]
        return found

    # -- one digit group ----------------------------------------------------------------------------
    def _figure_at(self, text: str, s: int, e: int) -> Found | None:
        e = self._without_footnote_mark(text, s, e)
        core = text[s:e]
        before = text[s - 1] if s > 0 else " "
        after = text[e:e + 1]
        if _URL_NEXT.match(text, e):
            return Found(s, e, core, "footnote")  # "14 https://www.atr-regeldruk.nl/...": a note's number
        glued = _glued_currency(text, s, e, core)
        if before.isalpha() and glued is None:
            return Found(s, e, core, "name")  # D66, JA21, WoON2018, million2
        if before in ".,;:)'’\"”" and s >= 2 and not text[s - 2].isspace() and not (
            before == "." and _CURRENCY_LEFT.search(text, max(0, s - 8), s)
        ):
            return Found(s, e, core, "footnote")  # "verwerkt.1", "dollars),4"; not "Kshs.145,125,454"
        if before == ")" and s >= 2 and text[s - 2].isalpha():
            return Found(s, e, core, "footnote")
        if before in "-–" and s >= 2 and text[s - 2].isalpha():
            return Found(s, e, core, "reference")  # NM–035, FAA–2020
        if before in "-–" and _LABEL_NUMBER_LEFT.search(text, max(0, s - 12), s - 1):
            return Found(s, e, core, "label")  # "FY24-25", "Q3-4": the second half of a label glued to letters
        if before == "+" and s >= 2 and text[s - 2].isalpha():
            return Found(s, e, core, "label")  # t+3 on a chart axis
        if before == "#":
            return Found(s, e, core, "label")  # "Store #2183", "#5": a number that names, not counts
        if before == "(" and after == ")" and len(core) <= 3 and s >= 2 and (
                text[s - 2] == ")" or text[s - 2].isalpha() or text[s - 3:s - 1] == "),"):
            return Found(s, e, core, "footnote")  # "lange financiering 2022 (cum)(4)", "Enacted(1),(2),(3)": notes' marks
        if before.isspace() and "#" in text[max(0, s - 80):s] and (
                echoed := _HASH_BEFORE.search(text, max(0, s - 80), s)) is not None and echoed.group(1) == core and (
                not self._quantity_follows(text[e:e + 30])):
            return Found(s, e, core, "label")  # "Monthly Donation to Codeberg e.V. #251 251": the reference, echoed
        echo = _ECHOED_CODE.match(text, e) if "(" in text[e:e + 3] else None
        if echo is not None and echo.group(1) == core:
            return Found(s, e, core, "label")  # "Richtlijn 640 (RJ640)", "Procedure 10 (OP 10)": the name repeats it
        if _LIST_MARK_RIGHT.match(text, e) and len(core) <= 2 and core.isdigit() and _LIST_MARK_LEFT.search(
            text, max(0, s - 6), s
        ):
            return Found(s, e, core, "label")  # "; 2. risicoreserves", "en 3) macro-economische"
        if len(core) > 1 and core[0] == "0" and core[1].isdigit():
            return Found(s, e, core, "reference")  # 00015, 035: a code with leading zeros
        right = text[e:e + 120]
        if before == "(" and (pm0 := _ACCOUNTING_PERCENT.match(text, e)) is not None:
            # "Percentage of GDP (14.9)%": a negative percentage in accounting brackets
            value, _ = read_core(core, self.lang)
            return Found(s - 1, pm0.end(), text[s - 1:pm0.end()], "percent", -value, unit="%")
        if self.lang == "nl" and _POINT_DIGIT.match(right):
            return Found(s, e, core, "label")  # 3.1, 1.5 in a Dutch text: a section or version number
        if self.lang == "en" and "." in core and _RELEASE_NEXT.match(text, e):
            return Found(s, e, core, "label")  # "[Purchase] 1.1 release material": a software version
        if self.lang == "en" and _COMMA_DECIMALS.match(right):
            return Found(s, e, core, "label")
        if after.isalpha() or after == "_":
            # 25bis, 2e, 3x, 2de, CO2-uitstoot: a name or ordinal, unless a unit word is glued on.
            if not _GLUED_UNIT.match(right):
                return Found(s, e, core, "name")
        if after == "-" and _SUSPENDED_HYPHEN.match(right):
            return Found(s, e, core, "name")  # "1- and 2-room flats", "10- tot 15-jarigen": the first of two compounds
        joined = _HYPHEN_BREAK.sub("-", right, 1) if after == "-" else right  # "a 5-\r\nroom HDB flat"
        if after == "-" and _HYPHEN_WORD.match(joined) and not _HYPHEN_UNIT.match(joined):
            # 18-jarigen, 5-sterren, 2-status: part of a compound word.
            return Found(s, e, core, "name")

        if _YEAR_AND_NOTE.fullmatch(core) and _YEAR_BEFORE.search(text, max(0, s - 12), s):
            # "in 202910": a year with its footnote number run on (the text layer lost the
            # superscript); an amount this long would carry thousands separators
            return Found(s, e, core[:4], "year")
        if self.lang == "en" and _YEAR_POINT_NOTE.fullmatch(core) and _NOTE_THEN_SENTENCE.match(right):
            return Found(s, e, core[:4], "year")  # "in 2020.3 The ...": a year and a footnote marker
        if _YEAR_ONLY.fullmatch(core) and _PRICE_BASE_BEFORE.search(text[max(0, s - 30):s]):
            return Found(s, e, core, "year")  # "chain-weighted 2005 dollars": a price base year
        value, decimals = read_core(core, self.lang)
        start = s
        hedge = Hedge.EXACT
        hedge_start = None
        currency: str | None = None
        sign = 1

        # Left: sign, currency, hedge (in that order, reading leftwards).
        left = text[max(0, s - 40):s]
        m = _SIGN_LEFT.search(left)
        if m:
            sign = -1 if (m.group(1) or m.group(2)) in MINUS else 1
            start -= len(left) - m.start()
            left = left[: m.start()]
        spaced = _spaced_currency(text, s, e) if glued is None else None
        m = _CURRENCY_LEFT.search(left) if glued is None and spaced is None else None
        if glued is not None:
            currency = glued
            start -= 1
            left = left[:-1]
        elif spaced is not None:
            currency = spaced
            start -= 2
            left = left[:-2]
        if m:
            currency = CURRENCY_WORDS[m.group(1).lower()]
            start -= len(left) - m.start()
            left = left[: m.start()]
            m2 = re.search(r"(?:(?<=[\s(])|^)([-‒–−])" + _WS + r"?$", left)
            if m2 and m2.end(1) < len(left) and m2.group(1) != "−" and _DASH_BETWEEN.search(left, 0, m2.start()):
                m2 = None  # "Treasury Stabilization Fund - $500 Billion": a dash between words and the amount
            elif (m2 and m2.end(1) < len(left) and m2.group(1) != "−"
                  and _LINE_OPENS.search(text, max(0, start - len(left) - 120), start - len(left) + m2.start())):
                m2 = None  # "– $116.7 million over four years ...": a dash that opens a line is a list's bullet
            if m2 and sign == 1:
                sign = -1
                start -= len(left) - m2.start()
                left = left[: m2.start()]
        elif currency is None and (bt := _RUPEE_BACKTICK.search(left)) is not None and _LAKH_CRORE_NEXT.match(text, e):
            currency = "INR"  # "about `2.83 lakh crore": the rupee sign, as the font prints it
            start -= len(left) - bt.start()
            left = left[: bt.start()]
        elif currency is None and before == "(" and after == ")" and (cb := _CURRENCY_BRACKET.search(left)) is not None:
            currency = CURRENCY_WORDS[cb.group(1).lower()]  # "decreased by €(124,649)": outside the brackets
            left = left[: cb.start()]
        hedge_word = ""
        m = self.hedge_left.search(left)
        if m:
            hedge_word = _collapse(m.group(1)).lower().replace("’", "'")
            hedge = self.hedges.get(hedge_word, Hedge.EXACT)
            hedge_start = s - (len(text[max(0, s - 40):s]) - m.start())

        if currency is None and after in _INCH_MARKS and _INCH_NEXT.match(text, e + 1) and (
                text.count('"', text.rfind("\n", 0, s) + 1, s) % 2 == 0 and before not in "\"“"):
            # "Small Mirrors (3\" x 5pc)": the inch mark, not a closing quotation mark (that one
            # closes a quotation opened on the line before it: 'strike "$593,210,086"')
            return Found(start, e, _collapse(text[start:e]), "count", sign * value, unit="inch",
                         hedge=hedge, hedge_start=hedge_start)  # the mark read as the unit, left out of stated

        # Right: range, scale, currency, percent, per-tails, ratio, duration, noun.
        value_high: Fraction | None = None
        pos = e
        rm = _RANGE_RIGHT.match(text[pos:pos + 60])
        if rm:
            sep = (rm.group(1) or rm.group(2) or "").strip().lower()
            after_sep = pos + rm.end()
            cm = self.core_text.match(text, after_sep)
            if cm and not re.match(r"[\w.,]\d", text[cm.end():cm.end() + 2]):
                high_end = self._without_footnote_mark(text, cm.start(), cm.end())
                v2, _ = read_core(text[cm.start():high_end], self.lang)
                ok = False
                if sep in ("tot en met", "t/m", "t.m.", "tm", "through"):
                    ok = True
                elif sep in ("tot", "to", "à"):
                    # "van 20 tot 30", "€ 5 tot € 8", and "1,5 tot 2 jaar", "500 tot 800 miljoen":
                    # a bare number whose unit comes after the second one.
                    tail = text[cm.end():cm.end() + 40]
                    ok = bool(_TUSSEN_LEFT.search(text[max(0, s - 40):start])) or rm.group(3) is not None or (
                        currency is None and any(p.match(tail) for p in self.unit_after)
                    ) or (
                        # "vragen over 1 tot 3 regelingen": both ends count the plural noun after the second
                        currency is None and decimals == 0 and v2 > value and not _is_year(core, value)
                        and self._plural(self._noun_after(text, high_end, many=True)[0])
                    ) or (
                        # "the consumer pays Rs.18,000 to 23,000", "Rs. 175,000 to 340,000 (0.7 m3/d/family)":
                        # the currency printed once, before the first of two like amounts (not "$100 to
                        # 300 families")
                        currency is not None and value < v2 <= 50 * value and not _is_year(cm.group(0), v2)
                        and (self.unit_after[0].match(tail) is not None
                             or self._noun_after(text, high_end, many=True)[0] is None)
                    )
                    if ok and (currency is None or rm.group(3) is not None) and (self._change_from(text, start) or (
                            # "be decreased by $1,136 to $775,916": the change, then the new amount;
                            # "cut by $2 to $3 billion", ends of one size, stays a range
                            currency is not None and rm.group(3) is not None and (v2 <= value or v2 >= _BY_TO_RATIO * value)
                            and self._change_from(text, start, by=True))):
                        # "the mill rate increases from 32.28 to 32.84": the old value, then the new -
                        # two figures, not a range (so is "from $70 to $80" after a word of change)
                        ok = False
                elif sep in ("en", "and"):
                    ok = bool(re.search(r"(?:\btussen(?:" + _ANYWS + r"+de)?|\bbetween)" + _ANYWS + r"+(?:€|\$|£)?" + _ANYWS + r"*$",
                                        text[max(0, s - 40):start], re.IGNORECASE))
                else:  # a dash: a range of like numbers, not a code such as 39–19512
                    ok = v2 > value and not (_is_year(core, value) or _is_year(cm.group(0), v2)) and (
                        value == 0 or v2 <= 50 * value) and not (
                        # "reporting period 145 - 250": a table row's nil cell between two amounts
                        re.fullmatch(_WS + r"+-" + _WS + r"+", rm.group(0)) and _LINE_END.match(text, high_end)) and not (
                        # "dwellings(b) - -20.0 -80.0 -85.0": a blank, then the next amount's minus sign
                        re.fullmatch(_WS + r"+-", rm.group(0)))
                if rm.group(3) is not None and currency is None:
                    ok = False
                if currency is None and _is_year(core, value):
                    ok = False  # "in 2010 to 71.1 percent": a year, then a figure
                if ok:
                    value_high = v2
                    pos = high_end
        borrow_at = self._change_to(text, start, pos, core) if value_high is None and currency is None else None
        scale = 0
        scale_word = _match_unbroken(self.unit_after[0], text[pos:pos + 40])
        if (scale_word is None and sign == 1 and value_high is None and currency is not None
                and text[pos:pos + 1] == ")" and (before == "(" or text[start - 1:start] == "(")):
            # "not including ($304) thousand of restatement", "a loss of $(1.2) million": an
            # accountant's negative in brackets, its scale after them (a bracketed amount with no
            # scale after it may be an aside: "the fee ($304) was waived")
            closed = _match_unbroken(self.unit_after[0], text[pos + 1:pos + 41])
            if closed is not None:  # ("k", "m" need a currency: there is one)
                sign, pos, scale_word = -1, pos + 1, closed
                start = min(start, s) - 1
                if before == "(" and (sign_before := re.search(r"(?:€|\$|£)" + _WS + r"*$", text[:start])):
                    start = sign_before.start()  # "$(1.2) million": the sign outside the brackets
        if scale_word is not None:
            word, length = scale_word
            if word not in _SCALE_NEEDS_CURRENCY or currency is not None:
                scale = _scale_power(word, self.lang)
                pos += length
                crore = _match_unbroken(self.unit_after[0], text[pos:pos + 40]) if self.lang == "en" else None
                if crore is not None and crore[0] in ("crore", "crores"):
                    scale += 7  # "1 lakh crore", "20,000 crore": a crore of the amount before it
                    pos += crore[1]
                elif (self.lang == "en" and value_high is None and decimals == 0
                      and (parts := compound_parts(text, pos, scale)) is not None):
                    value, pos = value + parts[0], parts[1]  # "Rs. 1 trillion 530 billion 350 million"
                elif value_high is None and (upper := self._scaled_range_end(text, start, pos, value, word, currency)):
                    # "variërend van 0,25 miljoen tot 1,9 miljoen euro per jaar": one range, its scale
                    # printed at both ends, its currency and per-tail after the upper end
                    value_high, pos = upper
        cm2 = _CURRENCY_RIGHT.match(text[pos:pos + 40])
        if cm2 and _SIGNED_NUMBER_NEXT.match(text, pos + cm2.end()):
            cm2 = None  # "in 2027 € ‑865 mln": the sign stands before the next amount, not after this one
        if cm2 and currency is None and scale == 0 and value_high is None and cm2.group(1) in "€$£" and _is_year(
                core, value) and _LINE_END.match(text, pos + cm2.end()):
            return Found(s, e, core, "year")  # "Belastbaar bedrag 2024 €": a column head, year and currency
        if cm2:
            word = cm2.group(1).lower()
            if word != "€" or currency is None:
                currency = CURRENCY_WORDS.get(word, currency)
                pos += cm2.end()
        times = times_scale(text, pos, self.lang) if scale == 0 else None
        if times is not None:  # "een bedrag van € 406 (x 1.000)"
            scale, pos = times
        percent: str | None = None
        percent_word = None
        if currency is None:
            percent_word = _match_unbroken(_PERCENT_RIGHT, text[pos:pos + 40])
        if percent_word is not None:
            if scale == 0 and value_high is None and sign == 1 and _is_year(core, value):
                # "Jan - Dec 2022 % of Income", "2023 % Change": a year over a column of percentages
                return Found(s, e, core, "year")
            word = _collapse(percent_word[0])
            percent = "pp" if ("punt" in word or "point" in word) else "%"
            pos += percent_word[1]
        elif borrow_at is not None and scale == 0 and (
                borrowed := _match_unbroken(_PERCENT_RIGHT, text[borrow_at:borrow_at + 40])) is not None:
            word = _collapse(borrowed[0])  # "steeg van 20 naar 22%": 20 is a percentage too
            percent = "pp" if ("punt" in word or "point" in word) else "%"
        ratio_den: Fraction | None = None
        duration: str | None = None
        if currency is None and percent is None and scale == 0:
            ra = _RATIO_RIGHT.match(text[pos:pos + 40])
            if ra and value_high is None and decimals == 0:
                den_text = ra.group(2)
                den = _WORD_NUMBERS_NL.get(den_text.lower()) if self.lang == "nl" else _WORD_NUMBERS_EN.get(den_text.lower())
                if den_text.isdigit():
                    den = int(den_text)
                sep = _collapse(ra.group(1)).lower()
                if den and den > value and not _is_year(den_text, Fraction(den)) and (
                    sep != "in" or den <= 100
                ) and (sep != "van de" or den <= 100):
                    ratio_den = Fraction(den)
                    pos += ra.end()
            if ratio_den is None and (tm := _TIMES_RIGHT.match(text, pos)) is not None:
                ratio_den = Fraction(1)  # "2.5 times the amount of regular GSTV", "3 keer zo hoog": a multiple
                pos = tm.end()
            if ratio_den is None:
                dm = _DURATION_RIGHT.match(text[pos:pos + 40])
                if dm and _ORDINAL_BEFORE.search(text, max(0, start - 12), start) and _OF_YEAR_AFTER.match(
                        text, pos + dm.end()):
                    return Found(s, e, core, "date")  # "the first 3 months of 2023": a period, not a length
                if dm and _DUE_WITHIN.search(text, max(0, start - 60), start):
                    return Found(s, e, core, "label")  # "Amounts falling due after more than 1 year": a heading
                if dm:
                    duration = DURATION_UNITS[dm.group(1).lower()]
                    pos += dm.end()
        stated_end = pos
        per: list[str] = []
        while (per_at := self._per_tail(text, pos)) is not None:
            per.append(per_at[0])
            pos = per_at[1]
        if currency is not None and not per and (adverb := _PER_ADVERB.match(text, pos)) is not None:
            per.append(_PER_ADVERBS[adverb.group(1).lower()])  # "200 ringgit monthly"
            pos = adverb.end()
        if currency is not None and not per and (subject := self._per_in_subject(text, hedge_start or start)):
            per.append(subject)  # "De kosten per deelnemer zijn 113 euro": an amount per participant
        noun, noun_end = self._noun_after(text, pos, many=sign == 1 and (
            scale > 0 or value > 1 and (decimals == 0 or self.lang == "en")))
        if not per and noun_end is not None and currency is None and percent is None and duration is None and (
                per_at := self._per_tail(text, noun_end, listed=True)) is not None:
            per.append(per_at[0])  # "tien locomotieven per aanvraag"

        # Decide.
        factor = sign * 10 ** scale  # an int: Fraction(10) ** scale cost more than the rest of this step
        if factor != 1:  # most figures: times one, which would only make the same Fraction again
            value = value * factor
            if value_high is not None:
                value_high = value_high * factor
        item = Found(start, stated_end, _collapse(text[start:stated_end]), "count", value, value_high,
                     hedge=hedge, hedge_start=hedge_start, noun=noun, noun_end=noun_end, currency=currency,
                     scale=scale)
        per_tail = "".join(f" / {p}" for p in per)
        if percent == "%" and value == 100 and _ADDS_UP_TO.search(text, max(0, start - 30), start):
            return Found(s, e, core, "label")  # "Rijen tellen op tot 100 procent": how to read a table
        if percent:
            item.kind, item.unit = "percent", percent + per_tail
        elif currency:
            item.kind, item.unit = "money", currency + per_tail
        elif ratio_den is not None:
            item.kind, item.value, item.unit = "ratio", value / ratio_den, None
        elif duration:
            item.kind, item.unit = "duration", duration + per_tail
            if hedge_word in _SPAN_HEDGES and not _MORE_THAN_LENGTH.match(text, stated_end):
                item.hedge, item.hedge_start = Hedge.EXACT, None  # "over ten years": the span, not more than it
        elif scale:
            lower = (noun or "").lower()
            if lower in NOUN_UNITS:
                item.kind, item.unit = "count", NOUN_UNITS[lower] + per_tail
            elif noun and lower not in _MONEY_NOUNS and (lower.endswith(("en", "s")) or self.lang == "en") and not (
                self.lang == "nl" and self._final_infinitive(text, start, noun_end)
            ):
                # "5,5 miljoen aansluitingen", "8 miljoen leidingwateraansluitingen": a count of things.
                item.kind, item.unit = "count", _with_per(self._unit_of(noun), per_tail)
            elif self.lang == "nl" and scale >= 6:
                # "1 miljard besparing": a bare million or billion in a Dutch budget text is euros.
                item.kind, item.unit = "money", "EUR" + per_tail
                item.notes.append("currency implied")
            else:
                item.kind, item.unit = "count", _with_per(self._unit_of(noun), per_tail)
        else:
            if _is_year(core, value) and sign == 1 and (
                (hedge in (Hedge.EXACT, Hedge.ABOUT) and (
                    (noun or "").lower() not in NOUN_UNITS or self._year_before_words(text, start, e, noun_end)))
                or not self._plural(noun)
            ):
                item.kind = "year"
                return item
            line_start = text.rfind("\n", 0, s) + 1
            if noun is None and core.isdigit() and len(core) >= 3 and not text[line_start:s].strip() and _CODED_ROW.match(text, e):
                item.kind = "reference"  # "6526 Water $ - $ - $ - $ - 0.00%": an account's code opening its row
                return item
            starts_sentence = (not text[line_start:s].strip() and not (
                self.lang == "en" and _NAME_NEXT.match(text, e)
                and _SENTENCE_GOES_ON.search(text, max(0, line_start - 80), line_start)
            )) or _AFTER_SENTENCE.search(text, max(0, s - 4), s)
            if starts_sentence and value < 1000 and decimals == 0 and noun is None and _CAPITAL_NEXT.match(text, e):
                item.kind = "label"  # footnote text or list item: "1 Zie ...", "2) De ...", "1990. 12 M. Hoogeveen"
                return item
            if noun is None and core.isdigit() and value >= 1000 and not per and not text[line_start:s].strip() and (
                    _CODE_NEXT.match(text, e)) and not self._capitals_to_line_end(text, e):
                item.kind = "reference"  # "24358 RSS Bonfire & Beach Cleanup", "4173 #UCLA Wellness": an account's
                return item  # code opening its line (an amount this large prints its thousands separator)
            if noun is None and hedge is Hedge.EXACT and decimals == 0 and not per and re.match(
                r"[ \t]*\r?$", text[e:e + 3]
            ) and value < 1000 and self._short_line(text, s):
                item.kind = "reference"  # a bare number closing a short line: "Zie antwoord op 14"
                return item
            if value == 0 and noun is None and not per:
                item.kind = "label"  # a bare 0 is a score or a table cell, not a claim
                return item
            item.kind = "count"
            item.unit = _with_per(self._unit_of(noun), per_tail)
        if hedge is Hedge.EXACT:
            item.hedge = _hedge_after(text, (stated_end, pos, noun_end))
        return item

    def _per_tail(self, text: str, pos: int, listed: bool = False) -> tuple[str, int] | None:
        """The unit of a per-tail at ``pos`` and where it ends: a word of the list ("per jaar", "a
        day", "/ fte"), or (unless ``listed``) any noun after "per" ("€ 118 per klokuur", "per
        deelnemende leerling"), but not "per saldo", "per ultimo" and the like, which say when or
        how, not per what. After a counted noun only the list is read: "twaalf dekkingsgraden per
        maandeinde" are twelve in all, one at each month's end."""
        pm = _PER_RIGHT.match(text[pos:pos + 40])
        if pm is not None:
            return _PER_WORDS[pm.group(1).lower()], pos + pm.end()
        if listed:
            return None
        pm = _PER_ANY.match(text, pos)
        if pm is None:
            return None
        noun, end = self._noun_after(text, pm.end())
        if noun is None or end is None or noun.lower() in _NOT_PER:
            return None
        unit = self._unit_of(noun, singular=True)  # "per" takes the singular
        return (unit, end) if unit else None

    @staticmethod
    def _change_from(text: str, start: int, by: bool = False) -> bool:
        """Whether the amount at ``start`` follows "from"/"van" after a word of change in its
        sentence: "increase the charge by $10 from $70 to $80" names the old amount, then the new;
        or "by"/"met" ("be decreased by $1,136 to $775,916": the change, then the new amount)."""
        m = (_BY_LEFT if by else _FROM_LEFT).search(text, max(0, start - 12), start)
        if m is None:
            return False
        clause = text[max(0, m.start() - 100):m.start()]
        clause = re.split(r"[.;:!?](?:\s|$)", clause)[-1]
        return _CHANGE_WORD.search(clause) is not None

    def _per_in_subject(self, text: str, start: int) -> str | None:
        """The per-tail of an amount that ends its subject right before the verb that states the
        amount at ``start`` ("De kosten per deelnemer zijn 113 euro", "the cost per pupil is $9,000")."""
        m = _PER_SUBJECT.search(text, max(0, start - 80), start)
        if m is None:
            return None
        per_at = self._per_tail(text, m.start())
        return per_at[0] if per_at is not None and per_at[1] <= m.start(1) else None

    def _scaled_range_end(self, text: str, start: int, pos: int, low: Fraction, word: str,
                          currency: str | None) -> tuple[Fraction, int] | None:
        """The upper end of a range whose ends both carry the scale ``word`` ("van 0,25 miljoen tot
        1,9 miljoen", "€ 2 mln à € 3 mln"), and where its scale word ends; None when the amounts are
        not one range: no "à", and no "van", "tussen", "from" or "between" before the first (not after
        a word of change: "rose from $1.2 billion to $1.5 billion" names two amounts)."""
        sep = _SCALED_RANGE.match(text, pos)
        if sep is None or (sep.group(2) is not None) != (currency is not None):
            return None
        if sep.group(1).lower() != "à" and (
                not _TUSSEN_LEFT.search(text, max(0, start - 40), start) or self._change_from(text, start)):
            return None
        cm = self.core_text.match(text, sep.end())
        if cm is None or re.match(r"[\w.,]\d", text[cm.end():cm.end() + 2]):
            return None
        high, _ = read_core(cm.group(0), self.lang)
        if high <= low:
            return None
        again = _match_unbroken(self.unit_after[0], text[cm.end():cm.end() + 40])
        if again is None or again[0] != word:
            return None
        return high, cm.end() + again[1]

    def _without_footnote_mark(self, text: str, s: int, e: int) -> int:
        """Where the amount at ``text[s:e]`` ends once a footnote's number the text layer ran into
        it is left off: "$1,4403" (the core stops at "$1"), "$251,895.5 Given" (English)."""
        core = text[s:e]
        if e - s <= 3 and core.isdigit() and (run_on := _GROUPS_RUN_ON[self.lang].match(text, e)) is not None and (
                self.lang == "en" or _CURRENCY_LEFT.search(text, max(0, s - 8), s)) and not (
                1800 <= int(text[run_on.end() - 3:run_on.end() + 1]) <= 2100):
            return run_on.end()  # (but "December 31,2010" is a day and a year)
        if self.lang == "en" and _GROUPED_ONE_DECIMAL.fullmatch(core) and _SENTENCE_NEXT.match(text, e) and not (
                _SCALE_RIGHT["en"].match(text[e:e + 20])):
            return e - 2
        return e

    def _change_to(self, text: str, start: int, pos: int, core: str) -> int | None:
        """Where the figure ends whose percent sign the figure at ``text[start:pos]`` shares: the
        second of "van 20 naar 22%" (Dutch), the last of "0,1 en 0,4 procentpunt" or "10, 20 and
        30 percent" (numbers of one form, at most 100, none a year), or None."""
        if _LIST_NEXT.match(text, pos) is None:
            return None  # most figures: nothing follows that could share a unit
        value, decimals = read_core(core, self.lang)
        at = pos
        for _ in range(4):  # (a comma alone does not make a list: "(n = 90, 57 percent)")
            sep = _LIST_NEXT.match(text, at)
            if sep is None:
                return None
            word = (sep.group(1) or sep.group(2)).lower()
            cm = self.core_text.match(text, sep.end())
            if cm is None or re.match(r"[\w.,]\d", text[cm.end():cm.end() + 2]):
                return None
            if word == "naar":
                if self.lang != "nl" or at != pos or not _VAN_LEFT.search(text, max(0, start - 20), start):
                    return None
            else:
                other, other_decimals = read_core(cm.group(0), self.lang)
                if decimals != other_decimals or max(value, other) > 100 or _is_year(core, value):
                    return None
                if word in ("or", "of") and not value < other <= value + 10:
                    # "2 or 3 percent" are two percentages; "achieved 52 or 75 percent" is a count
                    # and the share it is: alternatives are close, in rising order
                    return None
            if _match_unbroken(_PERCENT_RIGHT, text[cm.end():cm.end() + 40]) is not None:
                return cm.end() if word != "," else None
            if word == "naar":
                return None
            at = cm.end()
        return None

    @staticmethod
    def _final_infinitive(text: str, start: int, noun_end: int | None) -> bool:
        """Whether the word after an amount ends its clause after a modal verb: Dutch puts the
        infinitive last ("kan circa 6 miljoen opleveren.", "zal 5 miljoen besparen"), so it is
        a verb, not the noun the amount counts."""
        if noun_end is None or not _CLAUSE_END.match(text, noun_end) or not text[noun_end - 2:noun_end] == "en":
            return False
        clause_start = max(text.rfind(mark, max(0, start - 80), start) for mark in ".;:!?")
        modals = list(_MODAL.finditer(text, max(clause_start + 1, start - 80), start))
        # "kan oplopen tot 5 miljoen aansluitingen": the modal has its verb already
        return bool(modals) and _WORD_EN.search(text, modals[-1].end(), start) is None

    def _plural(self, noun: str | None) -> bool:
        """Whether a noun is a plural a count of more than one names ("2000 people", "2000 mensen");
        "over 2022 due to", "meer dan 2020 verwacht": the hedge word compares with a year."""
        if noun is None:
            return False
        low = noun.lower()
        return low in NOUN_UNITS or low.endswith(("s", "en") if self.lang == "nl" else ("s", "people", "staff"))

    @staticmethod
    def _year_before_words(text: str, start: int, end: int, noun_end: int | None) -> bool:
        """A year after "in"/"sinds"/"since" with words before the noun: "in 2023 minder personen",
        "since 2019 more people" (a count, "in 2000 gevallen", has its noun right after it)."""
        if not _YEAR_PREPOSITION.search(text, max(0, start - 12), start) or noun_end is None:
            return False
        return len(_WORD_RE.findall(text, end, noun_end)) > 1

    @staticmethod
    def _capitals_to_line_end(text: str, pos: int) -> bool:
        """Whether the rest of the line is set in capitals ("1100 REGISTERED VOTERS"): there a word in
        capitals may be the counted noun, and an account's name is seldom set so."""
        line_end = text.find("\n", pos)
        rest = text[pos: line_end if line_end >= 0 else len(text)]
        return rest.upper() == rest and sum(ch.isalpha() for ch in rest) >= 4

    @staticmethod
    def _short_line(text: str, pos: int) -> bool:
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        return len(line.split()) <= 6

    def _noun_after(self, text: str, pos: int, many: bool = False) -> tuple[str | None, int | None]:
        """The noun a figure counts: the first content word after it, past a few adjectives.

        ``many``: the figure is a whole number above one (in English any number above one: "516.3
        additional base positions"), so it counts a plural noun."""
        chunk = text[pos:pos + 80]
        if not chunk[:1].isspace():
            return None, None
        ahead = _AREA_AHEAD.match(chunk)
        if ahead is not None and (area := _AREA_UNIT.match(chunk, ahead.end())) is not None:
            return f"{ahead.group(1).lower()} {area.group(1).lower()}", pos + area.end()
        skipped = 0
        offset = 0
        words = list(_WORD_RE.finditer(chunk))
        soft = "\ufffe" in chunk or "\u00ad" in chunk  # a line's soft hyphen may join two of them
        index = -1
        while index + 1 < len(words):
            index += 1
            m = words[index]
            between = chunk[offset:m.start()]
            if between.strip():
                return None, None  # punctuation or a number in between
            if offset and "\n" in between and "\n" in chunk[:offset]:
                # "( x 1.000) 3.278 \r\ntotaal \r\nle schijf": words on lines of their own after the
                # figure's are a table's column heads, not the noun it counts
                return None, None
            if not offset and "\n" in between and (row := _ROW_AFTER.match(text, pos + m.start())) is not None and (
                    row.group("one") is None or not _SENTENCE_BREAK.search(text, text.rfind("\n", 0, pos) + 1, pos)):
                return None, None  # the next line is a table's row: its label is not what this figure counts
            word = m.group(0)
            end = m.end()
            if (word[-1] == "-" or soft) and self._hyphen_joined(chunk, words, index):
                # "6 kilo-" "meter": a word split over two lines
                index += 1
                word, end = word.rstrip("-") + words[index].group(0), words[index].end()
            low = word.lower()
            offset = end
            if low in _SKIP_BEFORE_NOUN and skipped < 2:
                skipped += 1
                continue
            if low in _AREA_WORDS:
                area = _AREA_UNIT.match(chunk, m.end())
                if area:  # "10,000 square feet": an area, not a count of squares
                    return f"{low} {area.group(1).lower()}", pos + area.end()
            if low in FUNCTION_WORDS or low in _NOT_COUNTED or low in _NOT_NOUNS or (
                    self.lang == "nl" and low not in NOUN_UNITS and (
                        _DUTCH_PARTICIPLE.fullmatch(low) or low in _DUTCH_PREFIXED_PARTICIPLES)):
                return None, None
            if many and skipped < 2 and self.lang == "en" and 1 < len(word) <= 6 and word.isupper() and (
                    self._plural_ahead(chunk, words, index)):
                skipped += 1  # "six APP (quarterly) targets": an abbreviation before a plural noun is its attribute
                continue
            if len(word) > 1 and word.isupper() and low not in NOUN_UNITS:
                return None, None  # a heading in capitals after the figure ("PART C", "SCHEDULE")
            if word[:1].isupper() and low not in NOUN_UNITS:
                # a new sentence, a name or a heading ("9 Public debt charges", "350 Border Patrol
                # Agents", "1 Senate Bill"), not a counted noun
                return None, None
            if (
                skipped < 2
                and self.lang == "nl"
                and _ADJECTIVE.search(low)
                and low not in NOUN_UNITS  # "1,37 fte besteed": fte ends as an adjective does
                and index + 1 < len(words)
                and not chunk[m.end():words[index + 1].start()].strip()
                and words[index + 1].group(0).islower()
                and words[index + 1].group(0) not in FUNCTION_WORDS
            ):
                skipped += 1  # "kindgebonden budget", "achterstallige inschrijvingen"
                continue
            if many and not self._plural_form(low) and index + 1 < len(words) and (
                    self.lang == "en" or _DUTCH_ADJECTIVE_END.search(low) or "-" in low.strip("-")):
                # "Two useful measures", "zeven verpleegkundig specialisten": a count above one
                # counts a plural; a word that is none before one that is, is its attribute (in
                # Dutch only a word formed as an adjective or a compound with a hyphen, "negen zero-day
                # cases": "5 kilometer fietsen" counts kilometres);
                # English may put up to three: "five international tourist generating markets"
                last = end
                for nxt in words[index + 1:index + (4 if self.lang == "en" else 2)]:
                    following = nxt.group(0)
                    if chunk[last:nxt.start()].strip() or not following.islower() or following in FUNCTION_WORDS:
                        break
                    if self.lang == "nl" and following in _DUTCH_PREFIXED_PARTICIPLES:
                        return None, None  # "77.727 kwetsbaar bevonden IP adressen": a verb, what it counts beyond
                    if self._plural_form(following):
                        return following, pos + nxt.end()
                    if following.endswith("ed"):
                        break  # "three men carried bags": a verb, the count's noun came before it
                    last = nxt.end()
            if self.lang == "en" and (low in _PARTICIPLES or (len(low) > 4 and low.endswith("ed") and low not in NOUN_UNITS)):
                return None, None  # "2,060 FTEs paid from FSE and 24 paid through the Fund": a verb, not what 24 counts
            return word, pos + end
        return None, None

    @staticmethod
    def _hyphen_joined(chunk: str, words: list[re.Match[str]], index: int) -> bool:
        """Whether the word at ``index`` ends a line with a hyphen (printed, or the soft one a PDF's
        text layer marks) and the next line goes on with the rest of it in small letters ("kilo-",
        "meter")."""
        word = words[index].group(0)
        if len(word) < 2 or index + 1 >= len(words) or not words[index + 1].group(0)[:1].islower():
            return False
        gap = chunk[words[index].end():words[index + 1].start()]
        if word.endswith("-"):
            return "\n" in gap and not gap.strip()
        return SOFT_BREAK.fullmatch(gap) is not None

    def _plural_ahead(self, chunk: str, words: list[re.Match[str]], index: int) -> bool:
        """Whether the words right after ``words[index]`` are small-letter attributes ending in a
        plural noun within three words ("APP targets", "APP quarterly targets")."""
        last = words[index].end()
        for nxt in words[index + 1:index + 4]:
            following = nxt.group(0)
            if chunk[last:nxt.start()].strip() or not following.islower() or following in FUNCTION_WORDS:
                return False
            if self._plural_form(following):
                return True
            last = nxt.end()
        return False

    def _plural_form(self, low: str) -> bool:
        """Whether a word in small letters has the form of a plural noun ("measures", "specialisten")."""
        if low in NOUN_UNITS or low in _PLURALS_WITHOUT_S:
            return True
        if self.lang == "en":
            return low.endswith("s") and not low.endswith(("ss", "us", "is"))  # not "populous", "basis"
        return low.endswith(("en", "s", "'s", "’s")) and not low.endswith("ss")

    def _unit_of(self, noun: str | None, singular: bool = False) -> str | None:
        """A unit name for a counted noun: known nouns map to shared units, others to a plain
        ASCII identifier of the singular ("inschrijvingen" -> "inschrijving"); with ``singular``
        the noun is one already ("per klas") and is not made singular again."""
        if noun is None:
            return None
        low = noun.lower()
        unit = (_PER_WORDS.get(low) or NOUN_UNITS.get(low) or low) if singular and " " not in low else self._unit_word(noun)
        if unit is None:
            return None
        unit = unicodedata.normalize("NFKD", unit).encode("ascii", "ignore").decode("ascii").replace("-", "_")
        return unit if _IDENTIFIER.fullmatch(unit) and len(unit) > 1 else None

    def _unit_word(self, noun: str) -> str | None:
        low = noun.lower().replace("’", "'").rstrip("'")
        if " " in low:
            first, length = low.split(" ", 1)
            return _AREA_LENGTHS[length] + "2" if first in _AREA_WORDS else None
        if low not in NOUN_UNITS:
            low = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode("ascii")  # categorieën
        if low in NOUN_UNITS:
            return NOUN_UNITS[low]
        if self.lang == "nl":
            for suffix, repl in (("ingen", "ing"), ("heden", "heid"), ("'s", ""), ("en", ""), ("s", "")):
                if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                    stem = low[: len(low) - len(suffix)] + repl
                    # Dutch plurals double-consonant: "beroepen" -> "beroep", "plekken" -> "plek".
                    if suffix == "en" and len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                        stem = stem[:-1]
                    elif suffix == "en" and stem.endswith(("z", "v")) and len(stem) >= 4:
                        stem = stem[:-1] + ("s" if stem[-1] == "z" else "f")  # prijzen -> prijs, brieven -> brief
                    elif suffix == "en" and re.search(r"(?:^|[^aeiou])[aou][^aeiouy]$", stem):
                        stem = stem[:-1] + stem[-2] + stem[-1]  # facturen -> factuur, zaken -> zaak, jaren -> jaar
                    return stem
            return low
        if low in ("species", "series"):
            return low
        for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", "")):
            if low.endswith(suffix) and len(low) > 3 and not low.endswith("ss"):
                return low[: len(low) - len(suffix)] + repl
        return low

    # -- number words -------------------------------------------------------------------------------
    def _word_figure_at(self, text: str, s: int, e: int, word: str) -> Found | None:
        low = _collapse(word).lower()
        fractions = _FRACTIONS_NL if self.lang == "nl" else _FRACTIONS_EN
        multiples = _MULTIPLES_NL if self.lang == "nl" else _MULTIPLES_EN
        numbers = _WORD_NUMBERS_NL if self.lang == "nl" else _WORD_NUMBERS_EN
        if low in PAIR_WORDS:
            if not _SHARE_IN_BRACKETS.match(text, e):
                return None  # "both", "beide" elsewhere count nothing the text states as a figure
            numbers = {low: PAIR_WORDS[low]}
        left = text[max(0, s - 40):s]
        if low in ("half", "helft") and (_HALF_OF_PERIOD.search(left) or _HALF_OF_YEAR.match(text, e)):
            # "the second half of 2020", "de eerste helft van het jaar": a period; also when the
            # words before it are cut off by a line or page break ("half of 2020.")
            return None
        pos = e
        kind = "count"
        unit: str | None = None
        value_high: Fraction | None = None
        if low in fractions:
            value = fractions[low]
            if re.search(r"(?:de|te|ste)$", low) and low not in ("de helft",):
                nxt = re.match(r"[\s\u00a0]+([^\W\d_]+)", text[pos:pos + 40])
                if nxt and nxt.group(1).lower() not in ("van", "deel", "of", "minder", "meer", "daarvan", "hiervan"):
                    return None  # "een derde land", "een vijfde kwartaal": an ordinal, not a share
            dm = _DURATION_RIGHT.match(text[pos:pos + 30])
            if dm and low in ("anderhalf",):
                kind, unit = "duration", DURATION_UNITS[dm.group(1).lower()]
                pos += dm.end()
            elif low == "half" and re.match(r"[\s]+(?:of|a|an)\b", text[pos:pos + 6]) is None and not re.search(
                r"(?:almost|nearly|about|over|than|roughly|around|just)\s+$", left, re.IGNORECASE
            ):
                return None  # "half" as an adjective ("half year") or noun, not a share
            else:
                kind = "ratio"
        elif low in multiples:
            value = Fraction(multiples[low])
            kind = "ratio"
        else:
            value = Fraction(numbers[low])
            if low == "honderden":
                return None
            high_word = _WORD_RANGE.match(text, pos)
            high = numbers.get(high_word.group(2).lower()) if high_word is not None else None
            if high_word is not None and high is not None and high > value and (
                    high_word.group(1).lower() == "à" or not self._change_from(text, s)) and (
                    _SCALE_RIGHT[self.lang].match(text[high_word.end():high_word.end() + 40])):
                # "de drie à vier miljoen euro", "vier tot zeven miljoen euro": one range, the scale
                # and currency printed once after its upper end
                value_high = Fraction(high)
                pos = high_word.end()
            sm = _SCALE_RIGHT[self.lang].match(text[pos:pos + 40])
            if sm and sm.group(1).lower() not in _SCALE_NEEDS_CURRENCY:
                # "nine million STR recipients", "drie miljoen euro": the scale word is the number's
                value *= 10 ** _scale_power(sm.group(1), self.lang)
                if value_high is not None:
                    value_high *= 10 ** _scale_power(sm.group(1), self.lang)
                pos += sm.end()
                cm = _CURRENCY_RIGHT.match(text[pos:pos + 40])
                if cm:
                    kind, unit = "money", CURRENCY_WORDS[cm.group(1).lower()]
                    pos += cm.end()
            ra = _RATIO_RIGHT.match(text[pos:pos + 40]) if value == numbers[low] and value_high is None else None
            dm = _DURATION_RIGHT.match(text[pos:pos + 30]) if value == numbers[low] and value_high is None else None
            if ra:
                den_text = ra.group(2).lower()
                den = int(den_text) if den_text.isdigit() else numbers.get(den_text)
                if den and den > value and not (low in _ONE_WORDS and "van" in ra.group(1).lower()):
                    kind, value = "ratio", value / den  # but "een van de drie" is not a share
                    pos += ra.end()
                else:
                    ra = None
            if kind in ("ratio", "money"):
                pass
            elif dm and low in _ONE_WORDS and _PERIOD_DESCRIBED.match(text, pos + dm.end()):
                return None  # "2022 was een jaar waarin ...", "a year in which": an article, not one year
            elif dm and low == "een" and _PREPOSITION_BEFORE.search(left):
                return None  # "die ATR in een jaar langs krijgt": "in a year", an article ("één jaar" counts)
            elif dm and _ORDINAL_BEFORE.search(left) and _OF_YEAR_AFTER.match(text, pos + dm.end()):
                return None  # "de eerste drie kwartalen van 2022", "the last two years": a period, not a length
            elif dm and _DUE_WITHIN.search(text, max(0, s - 60), s):
                return None  # "Amounts falling due within one year": a balance sheet's heading
            elif dm:
                kind, unit = "duration", DURATION_UNITS[dm.group(1).lower()]
                pos += dm.end()
            elif _SHARE_IN_BRACKETS.match(text, pos) and low not in ("a", "an"):
                pass  # "five (100%) were achieved", "one (17%) was not": a count its share follows
            elif (echo := ECHOED_DIGITS.match(text, pos)) is not None and int(echo.group(1)) == value:
                # "two (2) vacancies", "one (1) was in senior management": the number in words and
                # again in digits, as legal and South African texts write counts
                pos = echo.end()
                noun, _ = self._noun_after(text, pos, many=value > 1)
                unit = self._unit_of(noun) if noun is not None else None
            elif low in _ONE_WORDS and value == 1:
                return None  # "een", "one", "a": an article far more often than a count
            else:
                noun, _ = self._noun_after(text, pos, many=value > 1)
                if noun is None:
                    return None
                unit = self._unit_of(noun)
        # The hedge only once the word is a figure: most number words are articles ("een"), let go above.
        hedge = Hedge.EXACT
        hedge_start = None
        m = self.hedge_left.search(left)
        if m:
            hedge_word = _collapse(m.group(1)).lower().replace("’", "'")
            hedge = self.hedges.get(hedge_word, Hedge.EXACT)
            hedge_start = s - (len(left) - m.start())
            if kind == "duration" and hedge_word in _SPAN_HEDGES and not _MORE_THAN_LENGTH.match(text, pos):
                hedge, hedge_start = Hedge.EXACT, None  # "over ten years": the span, not more than it
        stated_end = pos
        per = []
        while (tail := self._per_tail(text, pos)) is not None:
            per.append(tail[0])
            pos = tail[1]
        if per:
            unit = (unit or "1") + "".join(f" / {p}" for p in per)
        noun, noun_end = self._noun_after(text, pos, many=kind == "count" and value > 1)
        if not per and kind == "count" and noun_end is not None and (
                tail := self._per_tail(text, noun_end, listed=True)) is not None:
            unit = f"{unit or '1'} / {tail[0]}"  # "tien locomotieven per aanvraag"
        if hedge is Hedge.EXACT:
            hedge = _hedge_after(text, (stated_end, pos, noun_end))
        return Found(s, stated_end, _collapse(text[s:stated_end]), kind, value, value_high, unit=unit, hedge=hedge,
                     hedge_start=hedge_start, noun=noun, noun_end=noun_end)

    def _propagate_hedges(self, text: str, found: list[Found]) -> None:
        """'meer dan € 100.000, € 200.000 en € 300.000': the hedge applies to each listed figure."""
        previous: Found | None = None
        for item in found:
            if not item.is_figure:
                continue
            if (
                previous is not None
                and item.hedge is Hedge.EXACT
                and previous.hedge is not Hedge.EXACT
                and previous.kind == item.kind
                and previous.unit == item.unit
                and re.fullmatch(r"[\s\u00a0]*(?:,|en|and|or|of)[\s\u00a0]*|[\s\u00a0]*,[\s\u00a0]*(?:en|and)[\s\u00a0]*",
                                 text[previous.end:item.start])
            ):
                item.hedge = previous.hedge
                item.notes.append("hedge carried over from a list")
            previous = item


_TO = re.compile(r"[\s\u00a0]*(?:tot|naar|to)[\s\u00a0]*", re.IGNORECASE)


def _propagate_scales(text: str, found: list[Found]) -> None:
    """'van € 202,6 miljoen tot € 200,1': the second end of a change from one amount to another
    prints no scale word of its own (lost at a line break, or left out) while its digits are of the
    first one's size, so it is at the first one's scale. An end whose digits are far larger or
    smaller ('from $2 million to $2,500,000') is read as printed."""
    for previous, item in zip(found, found[1:]):
        if not (previous.kind == item.kind == "money" and previous.scale > 0 and item.scale == 0
                and previous.currency == item.currency and item.value_high is None and previous.value_high is None
                and previous.value and item.value and _TO.fullmatch(text[previous.end:item.start])):
            continue
        unit = Fraction(10) ** previous.scale
        ratio = abs(item.value) / (abs(previous.value) / unit)
        if Fraction(1, 10) <= ratio <= 10:
            item.value *= unit
            item.scale = previous.scale
            item.notes.append("scale carried over from the amount it changes from")


def _hedge_after(text: str, ends: tuple[int | None, ...]) -> Hedge:
    """The hedge a figure's words end with, right after the figure, its per-tail or its noun:
    "€ 125.000,– of meer", "15 jaar en ouder", "five people or fewer"; exact when there is none."""
    for end in dict.fromkeys(ends):
        if end is not None and (m := _HEDGE_RIGHT.match(text, end)) is not None and not _THAN_NEXT.match(text, m.end()):
            return _HEDGE_RIGHT_WORDS[(m.group("or") or m.group("and")).lower()]
    return Hedge.EXACT


def _with_per(unit: str | None, per_tail: str) -> str | None:
    """A unit with its per-tails: ("EUR", " / day") -> "EUR / day"; (None, " / day") -> "1 / day"."""
    if not per_tail:
        return unit
    return (unit or "1") + per_tail


class _Intervals:
    """Which characters of a text are taken: a byte per character, 1 when taken."""

    def __init__(self, spans: list[tuple[int, int]], size: int) -> None:
        self.taken = bytearray(size + 1)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def hits(self, start: int, end: int) -> bool:
        return self.taken.find(1, start, end) != -1


_SCANNERS: dict[str, Scanner] = {}


def get_scanner(language: str = "nl", spaced: bool = False) -> Scanner:
    """The (cached) scanner for a language; ``spaced``: English with a space between thousands."""
    lang = "en" if language.startswith("en") else "nl"
    key = "en spaced" if spaced and lang == "en" else lang
    scanner = _SCANNERS.get(key)
    if scanner is None:
        scanner = _SCANNERS[key] = Scanner(lang, spaced=key == "en spaced")
    return scanner


def scan(text: str, language: str = "nl", skip: list[tuple[int, int]] | None = None) -> list[Found]:
    """All figures and non-figures in ``text``, in order. Numbers in ``skip`` spans (tables) are left out."""
    return get_scanner(language).scan(text, skip)
