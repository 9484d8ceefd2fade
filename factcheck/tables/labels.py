"""What a row label or column header says, from its words alone.

A label's kind (a part, a total, a subtotal, a grand total, a saldo, a memo row, a heading over its
parts, no amount at all), whether the row is taken off ("Less:", "Af:"), how it is numbered, and
whether it names a cost. The figures under a label are read elsewhere (factcheck.tables.items).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # detect reads labels' words: the table type only for the annotations
    from .detect import Table

# "3.", "(ii)", "a)", "(b)", and a lettered row "e. Subtotal, members" (one letter and a full stop)
_PREFIX = re.compile(r"^\s*(?:\(?[0-9ivx]{1,4}[.)]?\s+|\(?[a-z]\)\s+|[a-z]\.\s+|[o•·\-–]\s+)", re.IGNORECASE)
_SUB = re.compile(r"^sub[-\s]?tota(?:al|l)\b", re.IGNORECASE)
_GRAND = re.compile(r"^(?:grand|overall|general)\s+total|^totaal\s+generaal|^eindtotaal|^total\s+general", re.IGNORECASE)
# "Som der bedrijfslasten": the Dutch annual accounts' word for a total
# (a US budgetary comparison schedule's "Amount Available for Appropriations": the beginning fund
# balance plus the resources, which the charges to appropriations are then taken from)
_TOTAL = re.compile(r"^tota(?:al|l|ls|les|le|ux|len)\b|^aggregate\b|^[\w.]+\s+tota(?:les|l|ux|le|al)\b|^som\s+(?:der|van)\b|"
                    r"^(?:amounts?|resources?)\s+available\s+for\s+appropriations?\b", re.IGNORECASE)
STAND = re.compile(r"^stand\b", re.IGNORECASE)
# A label that ends in the total word names what it closes: "01. Community Facilities Total",
# "Activities Grand Total:", "Accomplishments/Planned Programs Subtotals" ("Percent of total" and
# "Share of the total" are ratios, caught before this)
# "Scottish Government social security portfolio – total expenditure": a group's total after a dash
_DASH_TOTAL = re.compile(r"\S\s+[–—-]\s+tota(?:al|l)\b", re.IGNORECASE)
_ENDS_TOTAL = re.compile(
    r"^(?!.*\bof\s+(?:the\s+)?tota(?:al|l)\b).*?\S\s+(?:(?P<grand>grand\s+total)|(?P<sub>sub-?\s*totals?)|totals?|totaal)\s*:?\s*$",
    re.IGNORECASE,
)
# A closing balance is the total of the opening balance and the movements listed since it.
_CLOSING_BALANCE = re.compile(
    r"\b(?:end\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year|period)|closing\s+balance|ending\s+(?:fund\s+)?balance|"
    r"balance,?\s+end\b|carried\s+forward|\bthis\s+year[-\s]end\b|eindsaldo|eindstand|(?:stand|saldo)\s+(?:per|op|ultimo)\s+31\s+december|"
    r"saldo\s+(?:per\s+)?einde|einde\s+(?:boek)?jaar)",
    re.IGNORECASE,
)

# A column (or row) that is the difference of two others: "Change", "Verschil", "Variance", "Mutatie".
CHANGE_HEADER = re.compile(
    r"change|difference|variance|increase|decrease|verschil|mutatie|afwijking|toename|afname|\bdiff\b|evolu[tc]i|\bdelta\b|veranderin|"
    r"\bvar\.?\b|\+\s*/\s*[-−–]|over\s*/\s*\(?under|under\w*\s*/\s*\(?over",
    re.IGNORECASE,
)
# "Net" alone (or Netto / Net total) closes a table; "Net interest" is an ordinary item
_SALDO = re.compile(
    r"\b(?:saldo|deficit|surplus|balance)\b|^net(?:to)?(?:\s+total)?\s*$|^net(?:to)?\s+\S+(?:\s+\S+){0,4}$|"
    r"^excess\b|^\w*resultaat\b|^(?:\w+\s+){1,2}resultaat\s*$|^(?:operating|operational|overall)\s+result\b|^\w{4,}saldo\b|\w*financieringsmarge\b|^(?:budgettair|gecumuleerd)\b.*\bresultaat\b|"
    r"^(?:winst|verlies|profit|loss)(?:\s*[/(]\s*\(?(?:winst|verlies|profit|loss)\)?)?(?:\s+for\s+the\s+(?:year|period))?\s*$|"
    # an accountant's statement of the financial position: the working capital, then what the
    # long-term funds finance ("Gefinancierd met op lange termijn beschikbare middelen")
    r"^werkkapitaal\s*$|^gefinancierd\s+met\b",
    re.IGNORECASE,
)
# Rows that are breakdowns of the row above, or not amounts at all, are never parts.
# (Whole words: "Memorial Day" is a part, "Memorandum items:" is not.)
_MEMO = re.compile(r"^(?:(?:waarvan|of which|o/w|thereof|including|memo(?:randum)?)\b|w\.v\.|incl\.|p\.m\.)",
                   re.IGNORECASE)

# a WNT statement's part-time factor of one official ("Omvang dienstverband (in fte)  1,0")
_PART_TIME = re.compile(r"\bomvang\s+(?:van\s+het\s+)?dienstverband|deeltijdfactor", re.IGNORECASE)
NOT_AMOUNT = re.compile(
    r"%|\bper\s?cent|procent|percentage|aandeel|share(?![dh])|\bratio\b|average|gemiddeld|\bindex\b|\bgrowth\b|\bgroei\b|"
    # "change" as a measure, not in a name ("Department of Climate Change", "changes to … levies(b)")
    r"(?<!climate )change(?!s?\s+to\b)|\bchg\b|\bvar\.?\b|\brates?\b|\bper\b|\bmean\b|\bmedian\b|\bin % |"
    + _PART_TIME.pattern,
    re.IGNORECASE,
)


_WNT_MAXIMUM = re.compile(r"bezoldigingsmaximum|toepasselijke?\s+maximum", re.IGNORECASE)


def wnt_maximum(label: str) -> bool:
    """Is the row a WNT statement's individual maximum ("Individueel toepasselijke
    bezoldigingsmaximum"), a ceiling printed among the pay's lines that no sum takes?"""
    return bool(_WNT_MAXIMUM.search(label))


def part_time_factor(label: str) -> bool:
    """Is the row a WNT statement's part-time factor of one official ("Omvang dienstverband (als
    deeltijdfactor in fte)  1,0"), a figure no sum of amounts takes?"""
    return bool(_PART_TIME.search(label))


_PER_SALDO = re.compile(r"\bper\s+saldo\b", re.IGNORECASE)
_PER_DATE = re.compile(r"\bper\s+(?=\d{1,2}(?:[-./]\d{1,2}\b|\s+[a-z]{3,}))", re.IGNORECASE)

PARENTHESES = re.compile(r"\([^()]*\)")

# Rows whose label says they are taken off: "Less: refunds", "Af: ontvangsten", "-/- korting"
# ("Less Than 1 Month" is a class of its own, taken off nothing).
_DEDUCT = re.compile(
    r"^(?:less\b(?!\s+than\b)|af\b|af:|minus\b|deduct\b|-/-|min:|verminderd\s+met|minder\b|excluding\b|"
    r"exclusief\b|eliminat|offset|netting\b)|\s-/-(?:\s|$)",
    re.IGNORECASE,
)


def deducts(label: str) -> bool:
    """Does the row's label say it is taken off ("Less:", "Af:", "-/-")?"""
    return bool(_DEDUCT.search(label.strip()))


def clean_label(label: str) -> str:
    """The label without its leading number or bullet ("3.", "(ii)", "a)", "•")."""
    return _PREFIX.sub("", label.strip()).strip()


def plain_label(label: str) -> str:
    """The clean label in lower case, its words one space apart: for comparing labels by name."""
    return " ".join(clean_label(label).lower().split())


# "Datalekmeldingen EU (ontvangen), waarvan:" - a total printed above the rows that make it up
_HEAD = re.compile(r"(?:waarvan|of which|bestaande uit|comprised of|consisting of|as follows)\s*:\s*$", re.IGNORECASE)


# a year, also with a note letter glued on ("2023a"), not inside a longer number or a figure
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d|\d)")


# "2021-25", "2021–2030": a range of years in a header
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-–‒]\s*((?:19|20)?\d\d)")


def year_range(text: str) -> tuple[int, int] | None:
    """(first, last) year of a header that is a range of years and nothing else ("2021-25",
    "2021–2030", "1999-00"); None otherwise."""
    m = _YEAR_RANGE.fullmatch(text.strip())
    if m is None:
        return None
    first, end = int(m.group(1)), m.group(2)
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    return first, last + 100 if last < first and len(end) == 2 else last


def column_years(table: Table) -> dict[int, list[int]]:
    """The years each column's header names, by column index."""
    return {c.index: [int(y) for y in YEAR.findall(c.header)] for c in table.columns}


@functools.lru_cache(maxsize=4096)  # a label is asked about once per table read, and per figure near it
def row_kind(label: str) -> str:
    """A row label's kind: part, total, sub, grand, saldo, memo, head (a total over the rows after
    it), anon (no label), or none (no amount: a ratio, a percentage, a change)."""
    lab = clean_label(label)
    if _HEAD.search(lab):
        return "head"
    if not lab:
        # an unlabelled line of figures: a subtotal marked only by a rule, if it adds up, else a
        # header fragment or a stray, and never a part
        return "anon"
    if _MEMO.match(lab):
        return "memo"
    # "Per saldo" is Dutch for net, not a rate per something
    lab = _PER_SALDO.sub("saldo", lab)
    # "per 31 december" dates a balance; it is no rate per something
    lab = _PER_DATE.sub("op ", lab)
    # a parenthesis qualifies the item ("(80% OF WHICH IS CAPTURED ...)"); it does not make it a ratio,
    # and a row that says it is taken off ("Af: aandeel in de kosten") is an amount
    if NOT_AMOUNT.search(PARENTHESES.sub("", lab)) and not _TOTAL.match(lab) and not deducts(lab):
        return "none"
    if _SUB.match(lab):
        return "sub"
    if _GRAND.match(lab):
        return "grand"
    if _TOTAL.match(lab):
        return "total"
    if _DASH_TOTAL.search(lab):
        return "sub"
    if m := _ENDS_TOTAL.match(lab):
        return "grand" if m.group("grand") else "sub" if m.group("sub") else "total"
    if _CLOSING_BALANCE.search(lab):
        return "total"
    if _SALDO.search(lab) and len(lab.split()) <= 7:
        return "saldo"
    return "part"


# a column that counts people or things ("Number of employees", "Aantal fte"): no part of the
# amounts a total column beside it adds up (its own total row still adds it up)
_COUNT_HEADER = re.compile(r"^(?:number\s+of|no\.?\s+of|nos?\.?$|aantal|headcount|fte'?s?\b)", re.IGNORECASE)


def counts_things(header: str) -> bool:
    """Does a column's header say it counts people or things ("Number of employees")?"""
    return bool(_COUNT_HEADER.match(" ".join(header.split())))


def col_kind(header: str) -> str:
    """A column header's kind: part, total, sub, grand, or none (no amount)."""
    h = header.strip()
    if not h:
        return "part"
    if NOT_AMOUNT.search(h) or counts_things(h):
        return "none"
    if re.search(r"\bsub[-\s]?tota", h, re.IGNORECASE):
        return "sub"
    if re.search(r"\bgrand\s+total|\btotaal\s+generaal", h, re.IGNORECASE):
        return "grand"
    if re.search(r"\btota(?:al|l|ls|les|le)\b", h, re.IGNORECASE):
        return "total"
    return "part"


# What a percentage is taken of, as a label or a heading names it: "in percentage van het gemiddeld
# belegd vermogen", "Budget totals as a percent of GDP:"
OF_BASE = re.compile(
    r"(?:%|per\s?cent(?:age)?|procent|share)\s+(?:of|van)\s+(?:the\s+|het\s+|de\s+)?(?P<base>[^:]*\w)", re.IGNORECASE
)

_ROMAN = re.compile(r"^\s*[IVX]{1,5}\s*[.)]\s*\S")
_LETTER = re.compile(r"^\s*[a-z]\s*[.)]\s+\S")
_DIGIT = re.compile(r"^\s*\d{1,2}\s*[.)]\s+\S")


def numbering(label: str) -> str | None:
    """How a label is numbered: "roman" (II.), "letter" (a.), "digit" (3.) or None."""
    for name, pattern in (("roman", _ROMAN), ("letter", _LETTER), ("digit", _DIGIT)):
        if pattern.match(label):
            return name
    return None


# Rows a saldo of costs and benefits takes off, and the ones it adds
_COST = re.compile(r"\b(?:\w*kosten|lasten|uitgaven|costs?|expenses?|expenditures?|outlays)\b", re.IGNORECASE)
BENEFIT = re.compile(r"\b(?:baten|opbrengsten|besparing\w*|inkomsten|savings?|revenues?|income|benefits?)\b",
                      re.IGNORECASE)


def is_cost(label: str) -> bool:
    """Does the row name spending ("b. Uitgaven", "Extra kosten ...") and not income?"""
    return bool(_COST.search(label)) and not BENEFIT.search(label)


TOTAL_OF = re.compile(r"^\s*(?:sub-?\s*)?(?:total|totaal)\s*(?:[-–:]\s*|of\s+|van\s+)?(?P<name>.+)$", re.IGNORECASE)
