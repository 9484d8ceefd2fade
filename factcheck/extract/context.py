"""What surrounds a figure: its sentence, subject, period, and the question or section it is in.

All heuristics work on one page's text and offsets into it; none needs more than a regex and
a binary search, so they cost little next to reading the PDF.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from factcheck.extract.scan import FUNCTION_WORDS, SOFT_BREAK, Found

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = {
    "ca", "nr", "nrs", "mln", "mld", "mrd", "art", "blz", "p", "pp", "bijv", "bv", "o.a", "oa", "zgn", "etc",
    "vs", "resp", "incl", "excl", "jl", "d.w.z", "i.e", "e.g", "mr", "dr", "drs", "ir", "prof", "st", "no",
    "jr", "sr", "fig", "par", "min", "max", "approx", "inc", "co", "ltd", "u.s", "jan", "feb", "mrt", "apr",
    "aug", "sept", "okt", "nov", "dec", "stb", "stcrt", "tk", "e.d", "c.q", "m.b.t", "t.a.v", "i.v.m",
    # currencies written with a full stop before the amount: "Rs. 335.17 billion", "Kshs. 6,000,000"
    "rs", "kshs", "ksh", "ushs", "tshs",
}
# The punctuation is matched first and each alternative then looks back at which one it was
# ("[.!?](?=X)|[.!?:]Y|:Z|[.!?]W" in one pass): a pattern that starts with a character class lets
# Python's re jump from candidate to candidate, five times faster over a page.
# A bullet may open the next sentence: "… to citizens and creditors.\n\uf0b7 The government's total
# net position increased …" (the bullet of a Symbol font is a private-use character, and some
# fonts map theirs to a C1 control, U+0083).
_BULLET = "(?:[\ue000-\uf8ff\u0080-\u009f•●▪◦][ \t\u00a0]*)?"
# … and so may an item's letter: "… the total number of public universities to 6. f) The total
# student enrolment …" (one or two letters, or a roman numeral, and a parenthesis)
_LIST_ITEM = r"(?:[a-z]{1,2}|[ivx]{1,4})\)[ \t\u00a0]"
_SENTENCE_END = re.compile(
    r"[.!?:](?:(?<=[.!?])(?=[\s\u00a0]+(?:" + _BULLET + r"[\"'‘“(\[]?[A-Z0-9€\u00c0-\u00de]|" + _LIST_ITEM + r"))"
    r"|(?<=[.!?:])[ \t]*\r?\n[ \t]*\r?\n(?=[ \t]*\S)"
    r"|(?<=:)[ \t]*\r?\n|(?<=[.!?])[ \t]*\r?\n(?=[ \t]*" + _BULLET + r"[A-Z\u00c0-\u00de]))"
)
_MARKERS = [
    ("asked_by", re.compile(r"(?im)^[ \t]*Vragen?[ \t]+(?:gesteld[ \t]+)?van[ \t]+(?:het|de)[ \t]+(?:lid|leden)[ \t]+(.+?)[ \t]*\r?$")),
    ("asked_by", re.compile(r"(?im)^[ \t]*Questions?[ \t]+(?:from|by)[ \t]+(?:member[ \t]+)?(.+?)[ \t]*\r?$")),
    ("question", re.compile(r"(?im)^[ \t]*(?:Vraag|Question)[ \t]*\(?(\d{1,4})\)?[ \t]*[:.)]?")),
    ("answer", re.compile(r"(?im)^[ \t]*(?:Antwoord|Answer|Reactie)[ \t]*:")),
    ("section", re.compile(
        r"(?m)^[ \t]*((?:\d{1,2}\.){0,3}\d{1,2})\.?[ \t]+([A-Z\u00c0-\u00de][^\n\r.:;]{2,90}?)[ \t]*\r?$"
    )),
    ("section", re.compile(
        r"(?m)^[ \t]*((?:[Hh]oofdstuk|HOOFDSTUK|[Cc]hapter|[Bb]ijlage|BIJLAGE|[Aa]nnex|[Dd]eel|[Pp]art)[ \t]+(?:\d+|[IVX]+)\b[^\n\r]{0,80}?)[ \t]*\r?$"
    )),
]
# Every marker stands on a line of its own, starting (after blanks) with one of these characters
# (a digit: any decimal digit, as \d; the case-blind words have no other spelling of their first
# letter): each pattern is matched at those line starts only, not searched for over the page.
_MARKER_FIRSTS = ("Vv", "Qq", "VvQq", "AaRr", None, "HhCcBbAaDdPp")
_PERIOD = re.compile(
    r"(?<![\w])(?=[vstmeubnpofdijaVSTMEUBNPOFDIJA12])(?:(?P<prep>vanaf|sinds|tot en met|t/m|tot|medio|eind|begin|uiterlijk|na|vóór|voor|in|per|over|from|since|until|by|in|during|over)[ \t\r\n]+)?"
    r"(?:(?:het|de)[ \t\r\n]+(?:jaar|periode)[ \t\r\n]+)?"
    r"(?P<year>(?:(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"january|february|march|may|june|july|august|october)[ \t\r\n]+)?"
    r"(?:19|20)\d{2}(?:[ \t]*[-–/][ \t]*(?:(?:19|20)\d{2}|\d{2}))?"
    r"(?:[ \t\r\n]+(?:tot[ \t\r\n]+en[ \t\r\n]+met|t/m|through|to)[ \t\r\n]+(?:januari|februari|maart|april|mei|juni|juli|"
    r"augustus|september|oktober|november|december|(?:19|20)\d{2}))?)(?![\d])",
    re.IGNORECASE,
)
_KEEP_PREPS = {"vanaf", "sinds", "tot en met", "t/m", "tot", "medio", "eind", "begin", "uiterlijk", "from", "since", "until"}
_VERBS = {
    "is", "zijn", "was", "waren", "bedraagt", "bedragen", "bedroeg", "komt", "komen", "kwam", "wordt", "worden",
    "werd", "daarmee", "uit", "op", "neer", "ligt", "liggen", "lag", "stijgt", "daalt", "groeit", "kost", "gaat",
    "geeft", "geven", "heeft", "hebben", "had", "totaal", "in", "dus", "circa", "ongeveer", "ruim", "bijna",
    "are", "were", "amounts", "amounted", "totals", "totaled", "rises", "rose", "reached", "reaches",
    "increased", "decreased", "fell", "grew", "of", "to", "by", "at", "from", "about", "nearly", "almost",
    "verwacht", "geraamd", "begroot", "structureel", "incidenteel", "jaarlijks", "extra", "nog", "ook",
}
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]]|\b(?:dat|die|waarbij|omdat|waardoor|terwijl|om|zodat|wanneer|indien|maar|zodra|that|which|while|because|but|when)\b",
    re.IGNORECASE,
)
_SUBJECT_STOP = {"de", "het", "een", "the", "a", "an", "deze", "dit", "die", "dat", "this", "these", "those", "ook",
                 "nog", "er", "zo", "dan", "wel", "al", "en", "of", "and", "or", "met", "with"}
_PREPOSITIONS = {"in", "van", "voor", "bij", "uit", "op", "aan", "met", "tussen", "naar", "onder", "of", "for", "at", "from", "on", "to", "per"}


@dataclass(slots=True)
class Marker:
    offset: int
    kind: str  # asked_by | question | answer | section
    value: str


def markers(text: str) -> list[Marker]:
    """Q&A and section markers on a page, in order."""
    out: list[Marker] = []
    # (line start, its first character after blanks); a match cannot span lines, so matching at
    # each line start in order finds what a search through the page finds
    starts: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        starts.append((at, line.lstrip(" \t")[:1]))
        at += len(line) + 1
    for (kind, pattern), firsts in zip(_MARKERS, _MARKER_FIRSTS):
        found = [pattern.match(text, at) for at, first in starts
                 if first and (first.isdecimal() if firsts is None else first in firsts)]
        for m in found:
            if m is None:
                continue
            if kind == "section":
                title = _collapse(m.group(0))
                words = title.split()
                if len(words) > 14 or len(words) < 2 or title.endswith((",", "-")):
                    continue
                if kind == "section" and re.match(r"\d", title) and not re.match(r"\d+(?:\.\d+)*\.?\s+[A-Z]", title):
                    continue
                if re.search(r"\d[\d.,]*\s*(?:%|procent|miljoen|miljard|euro)", title):
                    continue  # a figure at the start of a line, not a heading
                if len(re.findall(r"(?<![\w.])\d", title)) >= 3:
                    continue  # a table row: "1.3 Planbureau voor migratie 2 3,5 5 5"
                number = re.match(r"(\d+)(\.\d+)*", title)
                if number and not number.group(2) and int(number.group(1)) > 15:
                    continue  # "19 Wereldwijd": a footnote, not chapter 19
                out.append(Marker(m.start(), kind, title))
            elif kind in ("asked_by", "question"):
                out.append(Marker(m.start(), kind, m.group(1).strip()))
            else:
                out.append(Marker(m.start(), kind, ""))
    out.sort(key=lambda mk: mk.offset)
    return out


_BLANKS = re.compile(r"[\s\u00a0\u202f\u2009]+")
_LAST_WORD = re.compile(r"([\w.]+)$")


def _collapse(text: str) -> str:
    return _BLANKS.sub(" ", text).strip()


_NEAR_END = 160  # characters from a figure to its sentence's end that stay in its quote
# a table's row: a line that ends in two figures or more, or holds one figure alone
_ROW_LINE = re.compile(r"(?:\d[\d.,]*\)?[ \t]+|^[ \t]*)\(?-?\d[\d.,]*\)?%?[ \t]*\r?(?:\n|\Z)", re.MULTILINE)


class Sentences:
    """Sentence boundaries of one page, found once and looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        ends = []
        for m in _SENTENCE_END.finditer(text):
            if m.group(0)[0] == ".":
                word = _LAST_WORD.search(text[max(0, m.start() - 12):m.start()])
                if word and word.group(1).lower().strip(".") in _ABBREVIATIONS:
                    continue
            ends.append(m.start() + 1)
        self.ends = ends
        # where a sentence starts once the table rows above it are left out, by (start, line of the
        # figure): the figures of one row or sentence share it
        self._starts: dict[tuple[int, int], int] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, start)
        s = self.ends[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self.ends, end)
        e = self.ends[j] if j < len(self.ends) else len(self.text)
        # Very long "sentences" are lists or tables without full stops: keep two lines around.
        # A sentence of prose right under a table starts where the table does, but ends where it
        # ends: its end is kept when it is near, on the figure's line or the next (a table's rows
        # above a sentence are further from its end).
        if e - s > 600:
            ls = self.text.rfind("\n", 0, start)
            ls = self.text.rfind("\n", 0, ls) if ls > 0 else ls
            le = self.text.find("\n", end)
            s = max(s, ls + 1 if ls >= 0 else 0)
            if e - end > _NEAR_END or self.text.count("\n", end, e) > 1 or "\n" in self.text[start:end]:
                e = min(e, le if le >= 0 else len(self.text))
        own = self.text.rfind("\n", 0, start) + 1
        if s < own:
            known = self._starts.get((s, own))
            if known is None:
                known = self._starts[s, own] = self._after_rows(s, own)
            s = known
        return s, e

    def _after_rows(self, s: int, own: int) -> int:
        """Where a sentence that starts at ``s`` starts when the rows of a table printed above the
        figure's line (starting at ``own``) are left out: prose under a table does not start with
        its rows ("Totaal van de baten 314,5 306,7 322,4", a cell's figure on a line of its own).
        A figure in a table row keeps the lines around it."""
        line_end = self.text.find("\n", own)
        if _ROW_LINE.search(self.text[own:line_end if line_end >= 0 else len(self.text)]):
            return s
        rows = [m.end() for m in _ROW_LINE.finditer(self.text, s, own)]
        return rows[-1] if rows else s


# Private-use code points: a font's own glyphs (the bullet U+F0B7 of Symbol fonts), which read as
# nothing, or as a box, anywhere but in that font; and C1 controls, which some fonts map their
# bullet to (U+0083) and which no text means.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\u0080-\u009f]")


def quote(text: str, start: int, end: int, limit: int = 320, at: int | None = None) -> str:
    """The sentence text, whitespace collapsed; a long one cut into pieces of at most ``limit``
    characters, and the piece that holds the figure starting at ``at`` given (the first without
    ``at``): a list set out in one sentence ("€9.08 x 12 = €108.90; • … €1.01 x 12 = €12.10")
    is quoted where each figure stands, so that its words are read beside it."""
    q = _collapse(_PRIVATE_USE.sub(" ", SOFT_BREAK.sub("", text[start:end])))
    if len(q) <= limit:
        return q
    cuts = _pieces(q, limit)
    where = 0 if at is None else len(_collapse(_PRIVATE_USE.sub(" ", SOFT_BREAK.sub("", text[start:at])) + "x")) - 1
    k = max(0, bisect.bisect_right(cuts, where) - 1)
    a, b = cuts[k], cuts[k + 1] if k + 1 < len(cuts) else len(q)
    return ("… " if a else "") + q[a:b].strip() + (" …" if b < len(q) else "")


@functools.lru_cache(maxsize=256)
def _pieces(q: str, limit: int) -> tuple[int, ...]:
    """Where the pieces of a long collapsed sentence start: each ends at its last space within
    ``limit`` characters (the first as the quote of a long sentence always ended)."""
    cuts = [0]
    while len(q) - cuts[-1] > limit:
        space = q.rfind(" ", cuts[-1] + 1, cuts[-1] + limit)
        cuts.append(space + 1 if space > cuts[-1] else cuts[-1] + limit)
    return tuple(cuts)


_TIME_WORDS = {"jaar", "jaren", "periode", "maand", "maanden", "kwartaal", "week", "year", "years", "period", "month",
               "quarter", "vanaf", "sinds", "tot", "medio", "eind", "begin", "from", "since", "until", "na"}


def _noun_phrase(text: str, item: Found) -> str | None:
    if not item.noun or item.noun_end is None or item.noun.lower() in _ADVERBS:
        return None
    words = [item.noun]
    rest = text[item.noun_end:item.noun_end + 80]
    tokens = re.findall(r"[\w'’\-]+|[^\w\s]", rest)
    if tokens and tokens[0].lower() in _PREPOSITIONS - {"per"}:
        phrase = [tokens[0]]
        for tok in tokens[1:4]:
            if not re.match(r"\w", tok):
                break
            phrase.append(tok)
            if tok.lower() not in _SUBJECT_STOP and tok.lower() not in FUNCTION_WORDS:
                break
        if phrase[-1].lower() not in _SUBJECT_STOP and phrase[-1].lower() not in FUNCTION_WORDS:
            words.extend(phrase)
    return " ".join(words)


_ADVERBS = {
    "daarna", "inmiddels", "lang", "vervolgens", "toen", "echter", "zelfs", "bijvoorbeeld", "zeker", "eerst",
    "pas", "daarbij", "hiervoor", "nu", "momenteel", "thans", "steeds", "weer", "dan", "dus", "nog", "al", "wel",
    "ook", "maar", "slechts", "ruim", "bijna", "circa", "ongeveer", "then", "now", "still", "already", "only",
    "weegt", "duurt", "zit", "zitten", "ligt", "kost", "kosten", "gaat", "kan", "kunnen", "zal", "moet", "krijgt",
}


def _left_phrase(text: str, item: Found, sentence_start: int, left_limit: int) -> str | None:
    left_end = item.hedge_start if item.hedge_start is not None else item.start
    left = text[max(sentence_start, left_limit):left_end]
    parts = _CLAUSE_BREAK.split(left)
    clause = parts[-1] if parts else left
    # A period named in the clause ("in 2024 t/m september") is the period, not the subject.
    period = _PERIOD.search(clause)
    if period:
        before, after = clause[:period.start()], clause[period.end():]
        clause = before if re.search(r"[^\W\d_]{3}", before) and _content(before) else after
    tokens = re.findall(r"[^\W\d_][\w'’\-]*|\d+", clause)
    while tokens and (tokens[-1].lower() in _VERBS or tokens[-1].lower() in FUNCTION_WORDS or tokens[-1].isdigit()
                      or tokens[-1].lower() in _TIME_WORDS or tokens[-1].lower() in _ADVERBS):
        tokens.pop()
    while tokens and (tokens[0].lower() in _SUBJECT_STOP or tokens[0].lower() in _PREPOSITIONS
                      or tokens[0].lower() in FUNCTION_WORDS or tokens[0].lower() in _TIME_WORDS
                      or tokens[0].lower() in _ADVERBS):
        tokens.pop(0)
    if not tokens or all(t.lower() in _TIME_WORDS or t.isdigit() or t.lower() in _SUBJECT_STOP for t in tokens):
        return None
    if len(tokens) > 8:
        tokens = tokens[-8:]
    return " ".join(tokens)


def _content(text: str) -> bool:
    """Whether a stretch of text has a word that is not a function word."""
    return any(w.lower() not in FUNCTION_WORDS and w.lower() not in _SUBJECT_STOP and w.lower() not in _ADVERBS
               for w in re.findall(r"[^\W\d_]+", text))


def subject_of(text: str, item: Found, sentence_start: int, left_limit: int = 0) -> str | None:
    """The noun phrase a figure counts or prices.

    Counts: the noun after the figure ("30.343 asielzoekers in de noodopvang"). Sums, shares
    and durations: the noun phrase before the verb that leads to the figure ("de kostprijs van
    noodopvang is €55.700"), else the noun after it ("1 miljard besparing").
    """
    if item.kind == "count":
        return _noun_phrase(text, item) or _left_phrase(text, item, sentence_start, left_limit)
    return _left_phrase(text, item, sentence_start, left_limit) or _noun_phrase(text, item)


def periods_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every period phrase in ``text[start:end]``: (start, end, phrase)."""
    out = []
    for m in _PERIOD.finditer(text, start, end):
        prep = _collapse(m.group("prep") or "").lower()
        year = _collapse(m.group("year"))
        out.append((m.start(), m.end(), f"{prep} {year}" if prep in _KEEP_PREPS else year))
    return out


def nearest_period(periods: list[tuple[int, int, str]], item: Found) -> str | None:
    """The period nearest to the figure, preferring one before it."""
    best: tuple[int, str] | None = None
    for start, end, phrase in periods:
        if end > item.start and start < item.end:
            continue
        distance = item.start - end if end <= item.start else (start - item.end) * 2 + 1
        if best is None or distance < best[0]:
            best = (distance, phrase)
    return best[1] if best else None
