"""The view of a figure that discovery works on, built from extracted claim dicts or loaded Claims."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from factcheck.errors import FactcheckError
from factcheck.model import HEDGE_MARGIN, Claim, Figure, Hedge, Interval
from factcheck.numbers import figure_interval, parse_figure
from factcheck.units import Dims, unit_system

# Units that count things: a count times a price is a total, whatever the count counts.
COUNT_DIMS = frozenset({"person", "place", "household", "fte", "case", "application", "municipality", "item"})
_WORD_RE = re.compile(r"[a-zà-ÿ]{4,}")
_STOPWORDS = frozenset("""
    voor deze door naar zijn wordt worden werd heeft hebben meer over onder tussen binnen zodat
    omdat maar ook niet geen waar daar hier hierin hiervan daarmee daarnaast echter tevens
    bedraagt bedragen miljoen miljard duizend euro procent jaar jaren vanaf sinds vanaf
    with from that this have been were will more than about over into also which their
    million billion thousand percent year years dollar dollars
""".split())
_YEAR_RE = re.compile(r"(?:(vanaf|sinds|from|since)\s+)?((?:19|20)[0-9][0-9])")


@dataclass(frozen=True)
class Fig:
    """One figure as discovery sees it."""

    id: str
    stated: str
    value: Fraction
    interval: Interval
    unit: str | None
    dims: Dims | None
    kind: str | None
    quote: str
    position: tuple[int, int]  # (page or 0, line): document order
    passage: tuple[Any, ...]
    period: tuple[int, int | None] | None  # years [from, to]; to=None means "from then on"
    subject: str | None
    words: frozenset[str]
    hedge: str = "exact"

    @property
    def at(self) -> int:
        """Where the figure stands in its quote (-1 when it is not printed there as extracted)."""
        return place(self.quote, self.stated)


def bounds(f: Fig, named: bool = True) -> tuple[Fraction, Fraction]:
    """The figure's interval, for the rate and share searches: a count of things written with its
    noun and printed to the unit ("19 onderzoeken", "1.438 facturen") is that many exactly, since
    a count between 18.5 and 19.5 of things that come whole is 19; a round ten may be rounded and
    keeps its interval, as do other figures (and a figure without an interval stands for its
    value). ``named=False``: a count without its noun too, where the text shows otherwise that it
    counts things ("21 (81%) of the targets")."""
    lo = f.interval.lo if f.interval.lo is not None else f.value
    hi = f.interval.hi if f.interval.hi is not None else f.value
    if (f.kind == "count" and (f.unit or not named) and f.hedge == "exact" and f.value.denominator == 1
            and f.value % 10 and hi - lo == 1):
        return f.value, f.value
    return lo, hi


def heads_and_after(figures: Sequence[Fig], is_head: Callable[[Fig], bool]) -> Iterator[tuple[Fig, Sequence[Fig]]]:
    """Each figure ``is_head`` takes, in document order, with the figures printed after it: the
    walk of the readings that take a heading's (or a sentence's) amount apart into the amounts
    that follow it (:mod:`.headed_sums`, :mod:`.bulleted_parts`, :mod:`.net_variances`)."""
    ordered = sorted(figures, key=lambda f: (f.position, f.at))
    for i, head in enumerate(ordered):
        if is_head(head):
            yield head, ordered[i + 1:]


def place(quote: str, stated: str, start: int = 0) -> int:
    """The first place from ``start`` where ``stated`` stands in ``quote`` as a figure of its own,
    not inside a longer number ("4%" in "Daarvan was 44% …, 4% een voorwaardelijk beleidssepot");
    the first place at all when there is none such."""
    at = stands_at(quote, stated, start)
    return at if at >= 0 else quote.find(stated, start)


@functools.lru_cache(maxsize=8192)
def stands_at(quote: str, stated: str, start: int = 0) -> int:
    """The first place from ``start`` where ``stated`` stands in ``quote`` as a figure of its own
    ("8" is not printed in "Vraag 28"); -1 when there is none."""
    at = quote.find(stated, start)
    while at >= 0:
        end = at + len(stated)
        inside_before = stated[:1].isdigit() and at > 0 and (
            quote[at - 1].isdigit() or (quote[at - 1] in ".," and at > 1 and quote[at - 2].isdigit()))
        inside_after = stated[-1:].isdigit() and end < len(quote) and (
            quote[end].isdigit() or (quote[end] in ".," and end + 1 < len(quote) and quote[end + 1].isdigit()))
        if not inside_before and not inside_after:
            return at
        at = quote.find(stated, at + 1)
    return -1


def period_range(text: str | None) -> tuple[int, int | None] | None:
    """'vanaf 2027' -> (2027, None); '2027' -> (2027, 2027); '2024 tot en met september' -> (2024, 2024)."""
    if not text:
        return None
    match = _YEAR_RE.search(text)
    if match is None:
        return None
    year = int(match.group(2))
    return (year, None) if match.group(1) else (year, year)


def periods_overlap(a: tuple[int, int | None] | None, b: tuple[int, int | None] | None) -> bool:
    """True when two periods share a year; an unknown period overlaps nothing."""
    if a is None or b is None:
        return False
    a_end = a[1] if a[1] is not None else 10**6
    b_end = b[1] if b[1] is not None else 10**6
    return a[0] <= b_end and b[0] <= a_end


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # (Cached: a document repeats its words, and this runs for every word of every quote.)
    # Crude Dutch/English stemming, enough to match "stabiel"/"stabiele", "plek"/"plekken".
    for ending in ("en", "es", "e", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def content_words(*texts: str | None) -> frozenset[str]:
    """Stems of the content words (4+ letters, no stopwords) of the texts, for topic similarity."""
    words: frozenset[str] = frozenset()
    for text in texts:
        if text:
            words |= _text_words(text)
    return words


@functools.lru_cache(maxsize=8192)
def _text_words(text: str) -> frozenset[str]:
    # Figures of one sentence share its quote: a long document asks for the same text many times.
    return frozenset(_stem(w) for w in _WORD_RE.findall(text.lower()) if w not in _STOPWORDS)


def topic_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller word set that the other set also has; Dutch compounds count
    ("opvangplekken" has "plekken"), so a word of 5+ letters matches another of 5+ letters
    that ends with it."""
    if not a or not b:
        return 0.0
    return shared_words(a, b) / min(len(a), len(b))


def shared_words(a: frozenset[str], b: frozenset[str]) -> int:
    """How many words of the smaller set the other set has (compounds count, as above)."""
    if not a or not b:
        return 0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    tails = _tails(large)
    hits = 0
    for w in small:
        if w in large or (len(w) >= _COMPOUND_MIN and (w in tails or not large.isdisjoint(_inner_tails(w)))):
            hits += 1
    return hits


_COMPOUND_MIN = 5


@functools.lru_cache(maxsize=16384)
def _inner_tails(word: str) -> frozenset[str]:
    # The endings of 5+ letters of a word, the word itself aside: "one of them is a word of the
    # other set" is then one set operation (a slice and lookup per ending was half the time).
    return frozenset(word[i:] for i in range(1, len(word) - _COMPOUND_MIN + 1))


@functools.lru_cache(maxsize=8192)
def _tails(words: frozenset[str]) -> frozenset[str]:
    # Every ending of 5+ letters of the 5+-letter words: "w is the end of some x" is then one lookup.
    return frozenset(w[i:] for w in words if len(w) >= _COMPOUND_MIN for i in range(len(w) - _COMPOUND_MIN + 1))


def _passage(where: Mapping[str, Any]) -> tuple[Any, ...]:
    if where.get("question") is not None:
        return ("question", where.get("question"), where.get("part"))
    return ("page", where.get("page"), where.get("section"))


def _fig(
    units: Any, *, id: str, stated: str, value: Fraction, interval: Interval, unit: str | None, kind: str | None,
    quote: str | None, where: Mapping[str, Any], line: int, period: str | None, subject: str | None, hedge: str,
) -> Fig:
    return Fig(
        id=id, stated=stated, value=value, interval=interval, unit=unit, dims=_dims(units, unit), kind=kind,
        quote=quote or "", position=(_position(where.get("page")), line), passage=_passage(where),
        period=period_range(period), subject=subject, words=content_words(subject, quote), hedge=hedge,
    )


def _position(value: Any) -> int:
    """A page or line number from `where:`, which is free-form: anything but a plain number is 0."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else 0


@functools.lru_cache(maxsize=16384)
def _parsed(stated: str, language: str) -> Figure | None:
    # A budget repeats its figures, and discovery reads a document's figures more than once:
    # each printed figure is parsed once (Figure is immutable).
    try:
        return parse_figure(stated, language)
    except FactcheckError:
        return None


def from_dicts(claims: Iterable[Mapping[str, Any]], language: str, declarations: tuple[str, ...] = ()) -> list[Fig]:
    """Figures from extracted claim dicts (the claim-file format); unusable ones are skipped."""
    units = unit_system(declarations)
    out = []
    for claim in claims:
        stated = claim.get("stated")
        if not stated or claim.get("expr") or claim.get("origin") not in (None, "extracted"):
            continue
        stated = str(stated)
        figure = _parsed(stated, language)
        if figure is None:
            continue
        if figure.value_high is not None:
            continue  # ranges are not inputs to arithmetic
        value = Fraction(str(claim["value"])) if claim.get("value") not in (None, "") else figure.value
        interval = figure.interval if value == figure.value else Interval.point(value)
        hedge = claim.get("hedge") or figure.hedge.value
        if hedge != figure.hedge.value:
            interval = figure_interval(value, figure.precision, Hedge(hedge), HEDGE_MARGIN)
        where = claim.get("where") or {}
        out.append(_fig(
            units, id=str(claim["id"]), stated=str(stated), value=value, interval=interval,
            unit=claim.get("unit") or figure.unit_hint, kind=claim.get("kind"), quote=claim.get("quote"),
            where=where, line=_position(where.get("line")), period=claim.get("period"),
            subject=claim.get("subject"), hedge=str(hedge),
        ))
    return out


def from_claims(claims: Iterable[Claim], declarations: tuple[str, ...] = (), *, only_extracted: bool = True) -> list[Fig]:
    """Figures from loaded claims; by default only extracted ones (hand-written ones are left alone)."""
    units = unit_system(declarations)
    out = []
    for claim in claims:
        if only_extracted and (claim.origin != "extracted" or claim.expr is not None):
            continue
        if claim.value is None or claim.figure is None or claim.figure.value_high is not None:
            continue
        out.append(_fig(
            units, id=claim.id, stated=claim.stated or "", value=claim.value,
            interval=claim.figure.interval if claim.figure.value == claim.value else Interval.point(claim.value),
            unit=claim.unit, kind=claim.kind, quote=claim.quote, where=claim.where,
            line=_position(claim.where.get("line")) or claim.location.line or 0, period=claim.period,
            subject=claim.subject, hedge=claim.hedge.value,
        ))
    return out


def _dims(units: Any, unit: str | None) -> Dims | None:
    if not unit:
        return None
    try:
        return units.resolve(unit).dims
    except FactcheckError:
        return None
