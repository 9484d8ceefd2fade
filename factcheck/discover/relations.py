"""Arithmetic relations nobody wrote down: a ± b = c, a × b = c, a / b = c, sums, p% of a.

Within one passage (an answer, or a stretch of a section), every combination of stated figures
is tried, exactly and then within the figures' rounding intervals. Most numeric coincidences are
false, so proposals are scored and only the convincing ones are kept:
- the wording supports the relation ("het verschil", "in totaal", "daarmee", "waarvan", "x");
- the match is exact rather than only within rounding;
- large numbers with many significant digits, not small round ones, make a match meaningful;
- the result stands after its inputs.
The search is bounded (figures per passage, terms per sum) so it stays fast on long documents.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Container, Sequence

from factcheck.discover.figures import COUNT_DIMS, Fig, bounds, content_words, place, shared_words
from factcheck.units import Dims, combine

MAX_FIGURES_PER_PASSAGE = 24
MAX_SUM_CANDIDATES = 12
SUM_TERMS = range(3, 7)
MIN_SCORE = 6

_SUM_WORDS = (r"\bsamen\b|\bin totaal\b|\btotaal|\bopgeteld|\bwaarvan\b|\btogether|\bin total\b|\btotal|\bcombined"
              r"|\bplus\b|\bbestaande uit\b|\bconsisting of\b|\bsaldo\b|\bbalance\b")
_BREAKDOWN_CUE = re.compile(r"\b(?:out of this|of this amount|of which|hiervan|daarvan|waarvan|the balance|"
                           r"the remainder|the rest|het restant|de rest|het overige)\b", re.IGNORECASE)
_CUES = {
    # a - b = c is b + c = a read the other way: the words of a sum support it too.
    "difference": re.compile(
        r"\bvoordeel\b|\bnadeel\b|\bmeevaller|\btegenvaller|\boverschrijding|\bonderschrijding|\bbesparing"
        r"|\bshortfall|\bsaving|\bverschil|\bminus\b|\bmin\b|\bdifference|\bminder\b|\blager\b|\bhoger\b|\bless\b|\bhigher\b"
        r"|\blower\b|\bgreater\b|\blarger\b|\bsmaller\b|\babove\b|\bbelow\b|\bexceed|\bgroter\b|\bkleiner\b|\bdaling"
        r"|\bstijging|\btoename|\bafname|\bverhoging|\bverlaging|\bincrease|\bincrement|\bdecrease|\breduc|\bleaving\b"
        r"|\bremaining\b|\bresteren|\bover(?:blijft|blijven)\b|" + _SUM_WORDS, re.I),
    "sum": re.compile(_SUM_WORDS, re.I),
    "product": re.compile(r"\bdaarmee\b|\bkeer\b|\bmaal\b|\s[x×]\s+[€$£]?\s?\d|\btimes\b|\bmultiplied|\bper\b|\bà\b|\bthus\b|\btherefore\b|\bkomt .* uit op\b", re.I),
    "quotient": re.compile(r"\bper\b|\bgemiddeld|\baverage|\beach\b|\bgedeeld", re.I),
    "share": re.compile(r"%|procent|percent|\baandeel\b|\bshare\b|\bdeel\b", re.I),
}


@dataclass(frozen=True)
class Proposal:
    """A relation found among stated figures, with why it is believed."""

    target: Fig
    inputs: tuple[Fig, ...]
    relation: str  # difference, sum, product, quotient, share
    expr: str
    exact: bool
    score: int
    cue: str | None
    unit_exact: bool  # False when the product's units only fit with a count as multiplier
    # How likely one combination of figures matches this well by chance (see _chance).
    chance: Fraction = Fraction(0)
    # True when the wording states the relation and it is proposed whether or not it holds ("from A
    # to B, an increase of C", "3,09% x 95,1% = 2,94%"); False when it was found because it holds
    stated: bool = False

    @property
    def figure_ids(self) -> frozenset[str]:
        return frozenset([self.target.id, *(f.id for f in self.inputs)])


def _significant_digits(value: Fraction) -> int:
    if value.denominator != 1:
        return 6
    digits = str(abs(value.numerator)).rstrip("0")
    return len(digits)


def _same_dims(a: Dims | None, b: Dims | None) -> bool:
    return a is None or b is None or a == b


def _product_dims(a: Fig, b: Fig, c: Fig) -> tuple[bool, bool]:
    """(allowed, exact): units multiply exactly, or a count multiplies a price into a total."""
    if a.dims is None and b.dims is None and c.dims is not None:
        return False, False  # two bare numbers do not multiply into euros or hours
    if a.dims is None or b.dims is None or c.dims is None:
        return True, False
    if combine(a.dims, b.dims, 1) == c.dims:
        return True, True
    for count, price in ((a, b), (b, a)):
        counted = {name for name, _ in count.dims or ()}
        if count.dims and counted <= COUNT_DIMS and price.dims == c.dims:
            return True, False
    return False, False


# A figure's sentence is read in every window of the passages it stands in: its wording once.
@functools.lru_cache(maxsize=8192)
def _cue_in(quote: str, relation: str) -> str | None:
    match = _CUES[relation].search(quote)
    return match.group(0).strip() if match else None


@functools.lru_cache(maxsize=8192)
def _breakdown_cue(quote: str) -> str | None:
    match = _BREAKDOWN_CUE.search(quote)
    return match.group(0) if match else None


class _Passage:
    """One passage's figures prepared for the search.

    Values and intervals become exact integers over a common denominator, sorted by value, so
    finding the figures that a pair's difference or product meets is integer work and a
    bisection instead of Fraction arithmetic against every figure. What scoring needs of each
    figure (its size, its digits, the wording around it) is worked out once, not per match.
    """

    def __init__(self, figures: Sequence[Fig]) -> None:
        self.den = _denominator(figures)
        self.scaled = _scaled(figures, self.den)
        bounded = [f for f in figures if self.scaled[f.id][1] is not None and self.scaled[f.id][2] is not None]
        self.unbounded = [f for f in figures if self.scaled[f.id][1] is None or self.scaled[f.id][2] is None]
        self.figures = sorted(bounded, key=lambda f: self.scaled[f.id][0])
        self.values = [self.scaled[f.id][0] for f in self.figures]
        self.reach = max(
            (max(v - lo, hi - v) for v, lo, hi in (self.scaled[f.id] for f in bounded)),  # type: ignore[operator]
            default=0,
        )
        hundred = 100 * self.den
        self.small = {f.id: -hundred < self.scaled[f.id][0] < hundred for f in figures}
        # the amounts of each sentence, by unit: a list's items ("$193,513 in Fiscal Year 2004,
        # $297,450 in …, and $331,875 in Fiscal Year 2008")
        self.listed: dict[tuple[str, object], frozenset[str]] = {}
        for f in figures:
            key = (f.quote, f.dims)
            self.listed[key] = self.listed.get(key, frozenset()) | {f.id}
        self.digits = {f.id: _significant_digits(f.value) for f in figures}
        self._cues: dict[tuple[str, str], str | None] = {}

    def candidates(self, lo: int | None, hi: int | None, point: int, scale: int = 1) -> list[Fig]:
        """Figures equal to ``point / scale`` or whose interval meets [lo, hi] / scale."""
        if lo is None or hi is None:
            lo = hi = point
        start = bisect.bisect_left(self.values, min(lo, point) // scale - self.reach - 1)
        stop = bisect.bisect_right(self.values, -(-max(hi, point) // scale) + self.reach + 1)
        out = []
        for c in self.figures[start:stop]:
            v, c_lo, c_hi = self.scaled[c.id]
            if v * scale == point or (c_lo * scale <= hi and lo <= c_hi * scale):  # type: ignore[operator]
                out.append(c)
        return out + [c for c in self.unbounded if self.scaled[c.id][0] * scale == point]

    def cue(self, target: Fig, relation: str) -> str | None:
        """The words in the target's sentence that support the relation, if any."""
        key = (target.id, relation)
        if key not in self._cues:
            self._cues[key] = _cue_in(target.quote, relation)
        return self._cues[key]

    def score(self, target: Fig, inputs: Sequence[Fig], relation: str, exact: bool) -> tuple[int, str | None]:
        """How convincing a match is (see the module docstring), and the wording that supports it."""
        score = 4 if exact else 1
        cue = self.cue(target, relation)
        if cue is None and relation == "sum":
            # a total stated first and broken down after it, the words in the breakdown's sentences:
            # "… to spend K217.1 billion … Out of this amount, K174.2 billion … The balance of K34.7 billion"
            cue = next((found for f in inputs if f.position > target.position
                        for found in [_breakdown_cue(f.quote)] if found is not None), None)
        if cue:
            score += 2
        digits = self.digits[target.id]
        score += 2 if digits >= 4 else (1 if digits >= 3 else -1)
        # a share's whole may come from outside the passage (see _ratios): not small by default
        if self.small[target.id] and all(self.small.get(f.id, False) for f in inputs):
            score -= 3  # small numbers meet by coincidence all the time
        if all(f.position < target.position for f in inputs):
            score += 1
        if relation != "share" and all(f.position[1] == target.position[1] for f in inputs):
            score -= 1  # a list on one line is more often an enumeration than a calculation
        if (not cue and relation == "sum" and exact and len(inputs) >= 3
                and self.listed.get((inputs[0].quote, inputs[0].dims), frozenset()) - {target.id}
                == frozenset(f.id for f in inputs)):
            # every other amount of one sentence, a list, adding up exactly to the figure: the list
            # is what the total sums (no wording said so: the chance must be low all the same)
            score += 2
        if not cue:
            # Without words that say so, only a match of large, precise numbers is convincing:
            # lists of counts (a table read as text) add up by chance all the time.
            score -= 1
            if relation == "sum" and len(inputs) >= 4:
                score -= 1  # four or more amounts of a passage add up to a fifth by chance too often
        return score, cue


def _binary(figures: Sequence[Fig], index: _Passage) -> list[Proposal]:
    # Pairs first, then the results that match them: each pair's arithmetic is done once, in
    # integers over the passage's common denominator (exact, like the Fractions).
    found: list[Proposal] = []
    scaled = index.scaled
    den = index.den
    for a, b in itertools.permutations(figures, 2):
        a_v, a_lo, a_hi = scaled[a.id]
        b_v, b_lo, b_hi = scaled[b.id]
        # difference a - b = c (a sum a + b = c is the same relation read the other way)
        # Of two percentages the difference is in percentage points: "0,1 procentpunt (3,4% tegenover 3,3%)"
        points = _is_percent(a) and _is_percent(b)
        if _same_dims(a.dims, b.dims) and (points or (a.kind != "percent" and b.kind != "percent")):
            point = a_v - b_v
            if point > 0:
                lo = None if a_lo is None or b_hi is None else a_lo - b_hi
                hi = None if a_hi is None or b_lo is None else a_hi - b_lo
                for c in index.candidates(lo, hi, point):
                    c_v = scaled[c.id][0]
                    if c.id in (a.id, b.id) or c_v == a_v or c_v == b_v:
                        continue
                    if points != _is_points(c) or (not points and c.kind == "percent"):
                        continue
                    if not points and not _same_dims(a.dims, c.dims):
                        continue
                    exact = point == c_v
                    if not exact and (_too_loose(lo, hi, c_v) or _finer_than_computed(index, c, lo, hi)):
                        continue
                    score, cue = index.score(c, (a, b), "difference", exact)
                    if points:
                        # a figure in percentage points is a difference of two percentages by its
                        # unit: small numbers meeting is no coincidence here
                        score += 3
                    chance = _chance(index, c, None if lo is None or hi is None else hi - lo)
                    if exact:
                        chance = min(chance, _exact_chance(index, c, (a, b)))
                    found.append(Proposal(c, (a, b), "points" if points else "difference", f"{a.id} - {b.id}",
                                          exact, score, cue, True, chance))
                    if (not points and exact and index.cue(a, "sum") and not cue
                            and a.hedge == b.hedge == c.hedge == "exact"):
                        # the same equation read as a sum of two, when the larger figure's sentence
                        # says it is a total ("totaal € 127 miljoen" = € 100 miljoen + € 27 miljoen)
                        # and the smaller's says nothing of a difference; exactly, and not "bijna"
                        s_score, s_cue = index.score(a, (b, c), "sum", exact)
                        found.append(Proposal(a, (b, c), "sum", f"{b.id} + {c.id}", exact, s_score, s_cue, True,
                                              chance))
        # product a × b = c (each unordered pair once); a product carries the denominator twice
        if a.id < b.id and a.kind != "percent" and b.kind != "percent" and a_v != den and b_v != den:
            # (a factor of exactly 1 proves nothing, and its rounding interval is ±50 %)
            point = a_v * b_v
            if a_lo is None or a_hi is None or b_lo is None or b_hi is None:
                lo = hi = None
            else:
                ends = [a_lo * b_lo, a_lo * b_hi, a_hi * b_lo, a_hi * b_hi]
                lo, hi = min(ends), max(ends)
            for c in index.candidates(lo, hi, point, den):
                c_v = scaled[c.id][0]
                if c.id in (a.id, b.id) or c_v == a_v or c_v == b_v or c.kind == "percent":
                    continue
                allowed, unit_exact = _product_dims(a, b, c)
                if not allowed:
                    continue
                exact = point == c_v * den
                if not exact and _too_loose(lo, hi, c_v * den):
                    continue
                score, cue = index.score(c, (a, b), "product", exact)
                chance = _chance(index, c, None if lo is None or hi is None else hi - lo, den)
                found.append(Proposal(c, (a, b), "product", f"{a.id} * {b.id}", exact, score, cue, unit_exact,
                                      chance))
        # share: p% of b = c, that is a × b / 100 = c: the figures that hold the point itself
        if (a.kind == "percent" or (a.unit or "").strip() in ("%", "percent")) and b.kind != "percent":
            point = a_v * b_v
            for c in index.candidates(point, point, point, 100 * den):
                c_v = scaled[c.id][0]
                if c.id in (a.id, b.id) or c_v == b_v or not _same_dims(b.dims, c.dims):
                    continue
                if c_v == a_v or c.kind == "percent":
                    continue  # "75 procent" is 75% of 100: true of every percentage, evidence of nothing
                exact = point == c_v * 100 * den
                score, cue = index.score(c, (a, b), "share", exact)
                found.append(Proposal(c, (a, b), "share", f"{a.id} * {b.id}", exact, score, cue, True,
                                      _chance(index, c, None)))
    return found


def _is_percent(f: Fig) -> bool:
    return f.kind == "percent" and (f.unit or "").strip() in ("%", "percent", "procent")


def _is_points(f: Fig) -> bool:
    return (f.unit or "").strip() == "pp"


# Words that say a figure went up or down: in such a sentence a percentage is a rate of change
# (and the direction tells which figure a growth rate is taken over, see text_tables).
RISE_WORDS = re.compile(
    r"\b(?:increas|rose|risen|rise|grew|grow|up\b|higher|more\b|gain|stijg|steeg|gesteg|toename|toegenom|toe\s+met\b|"
    r"hoger|groei|meer\b)",
    re.IGNORECASE,
)
FALL_WORDS = re.compile(
    r"\b(?:decreas|declin|fell|fall|drop|down\b|lower|less\b|reduc|daal|daling|gedaald|afname|afgenom|af\s+met\b|"
    r"lager|minder\b)",
    re.IGNORECASE,
)


# a level, not a change: "van 47% naar 44%", "from 61% to 86%", "gelijk op 4%", "at 3.2%"
_LEVEL_BEFORE = re.compile(r"\b(?:from|to|at|van|naar|tot|op)\s*$", re.IGNORECASE)
# a change: "increased by 5%", "daalde … met 45%"
_BY_BEFORE = re.compile(r"(?:\b(?:by|met)|(?:stijging|daling|toename|afname|groei|increase|decrease|growth|rise|fall|"
                        r"decline|reduction|verlaging|verhoging)\s+(?:van|of))\s*$", re.IGNORECASE)
# "$0.6 billion, or 12.3%", "$30,866,126 (63%)": a percentage set right after an amount
_APPOSED_TO_AMOUNT = re.compile(r"\d[^\d]{0,25}?(?:,?\s*(?:or|of|oftewel|ofwel)\s*|\s*\(\s*)$", re.IGNORECASE)
_SENTENCE_CUT = re.compile(r"[.;:](?!\d)|%|\bp(?:er)?\s?c(?:en)?t\b|\bprocent\b", re.IGNORECASE)
# the clause of a figure: back to the previous figure or punctuation
_CLAUSE_CUT = re.compile(r"[.;:,()]|\d")
# "$4,982, was 12.6 percent above the national average of $4,425": a level over another, as a rate
_ABOVE_BELOW = re.compile(r"\b(?:above|below)\b", re.IGNORECASE)
# "20.9 percent of the budget", "28% van de zaken": the words after it name the whole of a share
_OF_AFTER = re.compile(r"\s*(?:of|van)\s+(?!\d)[^\W\d]", re.IGNORECASE)


# "at an average annual rate of 11.6 per cent", "5% a year", "gemiddeld 3 procent per jaar": a
# rate each year of a period, compounded over its years, which the change between the period's
# first and last level is not (R55.1 billion to R76.6 billion over three years is 39 % in all)
_PER_YEAR_BEFORE = re.compile(r"\b(?:average\s+annual|annual\s+average|annuali[sz]ed|compound(?:ed)?\s+annual|"
                              r"cumulative\s+annual|annual\s+rate|annual\s+growth|yearly\s+rate|"
                              r"gemiddeld(?:e)?\s+jaarlijks(?:e)?|jaarlijks(?:e)?\s+gemiddeld(?:e)?|"
                              r"gemiddeld(?:e)?\s+per\s+jaar|cagr)\b[^.;%]{0,40}$", re.IGNORECASE)
_PER_YEAR_AFTER = re.compile(r"\s*(?:(?:a|per|each|every)\s+(?:year|annum)|per\s+jaar|p\.\s?a\.|annually|jaarlijks|"
                             r"op\s+jaarbasis)\b", re.IGNORECASE)


def per_year(percent: Fig) -> bool:
    """Whether a percentage's own words make it a rate each year ("an average annual rate of 7 per
    cent", "3% a year"): no change between two levels some years apart is such a rate."""
    at = percent.at
    if at < 0:
        return False
    return bool(_PER_YEAR_BEFORE.search(percent.quote[max(0, at - 60):at])
                or _PER_YEAR_AFTER.match(percent.quote, at + len(percent.stated)))


def rate_of_change(percent: Fig) -> bool:
    """Whether a percentage states a change rather than a share or level, by the words of its own
    clause, not of its whole sentence ("178.000 zaken; 3% minder dan in 2022 … Daarvan was 44%
    een dagvaarding": 3% is a change, 44% a share): a rising or falling word in the clause before it
    (or, when it is set right after an amount, "decreased by $0.6 billion, or 12.3%", in that
    amount's clause), or as one of the two words right after it ("7% meer", "3% less"); "by"/"met"
    right before it in a sentence of change. "from 61% to 86%", "van 47% naar 44%" are levels."""
    return _rate_of_change(percent.stated, percent.quote)


@functools.lru_cache(maxsize=4096)
def _rate_of_change(stated: str, quote: str) -> bool:
    # a percentage is judged in every passage and window it stands in: its words once
    at = place(quote, stated)
    if at < 0:
        return bool(RISE_WORDS.search(quote) or FALL_WORDS.search(quote))
    head = quote[:at]
    if _BY_BEFORE.search(head):
        return bool(RISE_WORDS.search(quote) or FALL_WORDS.search(quote))
    if _LEVEL_BEFORE.search(head):
        return False
    after = quote[at + len(stated):]
    next_words = " ".join(re.findall(r"[^\W\d_]+", after[:40])[:2])
    if RISE_WORDS.search(next_words) or FALL_WORDS.search(next_words) or _ABOVE_BELOW.search(next_words):
        return True
    if _OF_AFTER.match(after):
        # "to stimulate economic growth … I propose to spend K35.0 billion or 20.9 percent of the
        # budget": a share, whatever the clause says of growth
        return False
    # set right after an amount, the percentage shares the clause that leads up to the amount
    # (back to the sentence's previous stop or percentage); else its own, back to the last figure
    clause = clause_after(head, _SENTENCE_CUT if _APPOSED_TO_AMOUNT.search(head) else _CLAUSE_CUT)
    return bool(RISE_WORDS.search(clause) or FALL_WORDS.search(clause))


def clause_after(head: str, cut: re.Pattern[str]) -> str:
    """The words of ``head`` after the last place ``cut`` matches: the clause that leads up to a
    figure, back to its previous figure or mark."""
    return head[max((m.end() for m in cut.finditer(head)), default=0):]


class _Wholes:
    """The amounts a share's whole may be, by unit, sorted by value (built once per pool)."""

    def __init__(self, figures: Sequence[Fig]) -> None:
        by_dims: dict[object, list[Fig]] = {}
        for f in figures:
            if f.kind != "percent" and f.value > 0:
                by_dims.setdefault(f.dims, []).append(f)
        self.figs = {d: sorted(fs, key=lambda f: f.value) for d, fs in by_dims.items()}
        self.values = {d: [f.value for f in fs] for d, fs in self.figs.items()}
        # amounts spread over orders of magnitude: the natural log of the largest over the smallest
        self.spread = {d: Fraction(max(1.0, math.log(v[-1] / v[0]))) for d, v in self.values.items()}
        # a document's pool is asked about each percentage in every passage it stands in
        self._named: dict[tuple[object, frozenset[str]], frozenset[str]] = {}

    def named(self, dims: object, words: frozenset[str]) -> frozenset[str]:
        """Ids of the amounts whose sentence says most of the words that name a whole: half of
        them and at least two (or the one given)."""
        if not words:
            return frozenset()
        found = self._named.get((dims, words))
        if found is None:
            need = min(len(words), max(2, -(-len(words) // 2)))
            found = self._named[dims, words] = frozenset(
                f.id for f in self.figs.get(dims, ()) if shared_words(words, f.words) >= need)
        return found

    def only(self, whole: Fig) -> "_Wholes":
        """The pool of this one amount, the spread of its unit kept as in the document."""
        pool = _Wholes([whole])
        pool.spread[whole.dims] = self.spread.get(whole.dims, pool.spread[whole.dims])
        return pool

    def between(self, dims: object, lo: Fraction, hi: Fraction) -> list[Fig]:
        values = self.values.get(dims, [])
        return self.figs[dims][bisect.bisect_left(values, lo): bisect.bisect_right(values, hi)] if values else []


def _ratios(
    figures: Sequence[Fig], index: _Passage, wholes: _Wholes | None = None, skip: Container[str] = (),
) -> list[Proposal]:
    """Shares stated as a percentage of two amounts: "K174.2 billion or 80.2 percent of the Budget
    (K217.1 billion)", "1333 van de 1438 facturen (92,7%)". The part stands in the percentage's
    sentence; the whole in the passage, or anywhere in ``wholes`` (the document: "of the Budget"
    refers to a total stated pages before). A percentage is printed rounded, so the share holds
    when a / b × 100 lies in the percentage's interval (widened by a's and b's)."""
    found: list[Proposal] = []
    if not any(_is_percent(f) and f.id not in skip for f in figures):
        return found  # most passages state no percentage at all
    amounts = [f for f in figures if f.kind != "percent" and f.value > 0]
    pool = wholes if wholes is not None else _Wholes(amounts)
    for k, p in enumerate(figures):
        if not _is_percent(p) or p.value <= 0 or p.value >= 100 or p.interval.lo is None or p.interval.hi is None:
            continue
        if p.id in skip or p.interval.lo <= 0:
            continue
        # "44 procent …, dus 106 personen", "daalt met 20 procent, oftewel 21 personen": the amount
        # the sentence says the percentage comes to (a change is then a share of its base)
        said = next((f for f in figures[k + 1:] if f.quote == p.quote and f.kind != "percent" and f.value > 0
                     and _comes_to(p, f)), None)
        if said is None and rate_of_change(p):
            continue  # "decreased by $0.6 billion, or 12.3%": a rate of change, not a share of two amounts
        whole_words = _whole_words(p)
        # the amount printed just before the percentage is the part it most likely describes
        before = next((f for f in reversed(figures[:k]) if f.kind != "percent" and f.quote == p.quote), None)
        for a in amounts:
            if a.quote != p.quote or a.dims not in pool.values:
                continue
            if said is not None and a is not said:
                continue
            # the odds below, worked out for the first whole that fits (most parts find none)
            odds_of: tuple[Fraction, Fraction, frozenset[str], Fraction] | None = None
            # a share is of things counted: a bare whole number of them is that many, not 24.5 to 25.5
            a_lo, a_hi = bounds(a, named=False)
            # b's own rounding may widen the band a little: a tenth either way is ample
            low, high = a_lo * 100 / p.interval.hi * Fraction(9, 10), a_hi * 100 / p.interval.lo * Fraction(11, 10)
            counted = _counted_before(a, p, amounts, low, high)
            counted_ids = {f.id for f in counted}
            for b in [*pool.between(a.dims, low, high), *counted]:
                if b is a or b.value <= a.value or b.unit != a.unit and b.id not in counted_ids:
                    continue  # a share of months in days is no share: one unit, or none, on both sides
                b_lo, b_hi = bounds(b, named=False)
                if b_lo <= 0:
                    continue  # a whole that may be nothing ("$0.4" to one digit) bounds no share
                lo = a_lo / b_hi * 100
                hi = a_hi / b_lo * 100
                if hi < p.interval.lo or p.interval.hi < lo or 2 * (hi - lo) > p.value:
                    continue
                ratio = a.value / b.value * 100  # only for the few wholes that pass (most do not)
                exact = ratio == p.value
                # a share is printed rounded: meeting the percentage's interval is what agreement means
                score, cue = index.score(p, (a, b), "share", True)
                score += a is before
                if a is said:
                    score, cue = score + 2, SAID_CUE
                if odds_of is None:
                    odds_of = _share_odds(p, a, amounts, pool, whole_words, before, said)
                chance, local, named, by_name = odds_of
                odds = min(chance, local) if b.quote == p.quote else chance
                if b.id in named:
                    odds = min(odds, by_name)
                if b.quote == p.quote and _whole_printed(p.stated, b.stated, p.quote):
                    # "representing 60% of the 2014 Annual Capital Expenditure Budget of $297
                    # million": the words print the whole, one amount, chosen before any value was
                    # looked at (counted twice: the sentence's other amounts were looked at too)
                    odds = min(odds, local / max(1, sum(1 for f in amounts if f.quote == p.quote and f.dims == a.dims)))
                if (p.value.denominator == 1 and p.interval.hi - p.interval.lo > 1 and lo <= p.value + HALF
                        and p.value - HALF <= hi and min(_significant_digits(a.value), _significant_digits(b.value)) >= 3):
                    # "20%" may stand for 15-25 %; when a share of precise amounts lands within
                    # 19.5-20.5 % all the same, the odds are those of that narrow band (as in
                    # table_shares); round amounts (300 of 750) land on round shares too often
                    odds /= p.interval.hi - p.interval.lo
                found.append(Proposal(p, (a, b), "ratio", f"{a.id} / {b.id}", exact, score, cue, True, odds))
    # the wording says which amount is the part, not which is the whole: two wholes that fit
    # leave the share unread
    said_wholes: dict[str, set[Fraction]] = {}
    for q in found:
        if q.cue == SAID_CUE:
            said_wholes.setdefault(q.target.id, set()).add(q.inputs[1].value)
    return [q for q in found if q.cue != SAID_CUE or len(said_wholes[q.target.id]) == 1]


def _one_whole_each(shares: Sequence[Proposal], tried: Sequence[Proposal]) -> list[Proposal]:
    """The shares of ``shares`` whose part no other whole of ``tried`` fits as well: two wholes that
    fit one part leave that reading unread ("Dit is 18,15%" of "circa € 114,5 miljoen" over "€
    623,329 miljoen" or over "circa € 630 miljoen": either fits, and chance made one of them fit).
    Several shares that one whole fits together are read apart from this (:func:`_one_whole`).
    Of two wholes, the one the percentage's sentence names right after it, whose printed figures give
    the percentage as printed, is read where the other fits only at the edges of its rounding
    ("13.3 million (42.6%) of the 31.2 million", not of the 31.4 million a sentence later: 13.3
    over 31.4 is 42.4 %)."""
    wholes_of: dict[tuple[str, str], set[Fraction]] = {}
    points_of: dict[tuple[str, str], set[Fraction]] = {}
    for q in tried:
        key = (q.target.id, q.inputs[0].id)
        wholes_of.setdefault(key, set()).add(q.inputs[1].value)
        if _printed_fit(q):
            points_of.setdefault(key, set()).add(q.inputs[1].value)
    return [q for q in shares if len(wholes_of.get(key := (q.target.id, q.inputs[0].id), ())) <= 1
            or points_of.get(key) == {q.inputs[1].value}]


def _printed_fit(q: Proposal) -> bool:
    """Does the percentage's sentence name the whole right after it ("(42.6%) of the 31.2
    million"), and does the part over that whole, as printed, round to the printed percentage?"""
    lo, hi = q.target.interval
    whole = q.inputs[1].value
    if q.target.unit != "%" or not whole or lo is None or hi is None:
        return False
    named = re.escape(q.target.stated) + r"\)?\s+(?:of|van)\s+(?:the\s+|de\s+|het\s+)?" + re.escape(q.inputs[1].stated)
    if not re.search(named, q.target.quote):
        return False
    return lo <= 100 * q.inputs[0].value / whole <= hi


HALF = Fraction(1, 2)


def _one_whole(candidates: Sequence[Proposal], taken: Container[str]) -> list[Proposal]:
    """Shares of one passage that one whole stated elsewhere fits together: "R2.13 billion (55%) …
    R1.62 billion (42%) … R108.5 million (3%)" of the "R3.85 billion" a page before. One such
    share alone may be chance; several percentages that each meet their part over the same
    whole are not, so their odds multiply (the same value printed twice is one whole)."""
    by_whole: dict[tuple[object, Fraction, str | None], dict[str, Proposal]] = {}
    for p in candidates:
        best = by_whole.setdefault((p.target.passage, p.inputs[1].value, p.inputs[1].unit), {})
        q = best.get(p.target.id)
        # the likeliest reading of each percentage; of equal ones, the whole printed first
        if q is None or (p.chance, p.inputs[1].position) < (q.chance, q.inputs[1].position):
            best[p.target.id] = p

    def odds(best: dict[str, Proposal]) -> Fraction:
        return functools.reduce(operator.mul, (p.chance for p in best.values()), Fraction(1))

    out: list[Proposal] = []
    done: set[str] = set()
    # the most convincing whole first: "R3.85 billion" before the same total printed "R3.8 billion"
    def convincing(best: dict[str, Proposal]) -> tuple[Fraction, int]:
        return odds(best), -_significant_digits(next(iter(best.values())).inputs[1].value)

    for best in sorted(by_whole.values(), key=convincing):
        # a percentage read already (by its bracketed part) still counts as evidence for the whole
        fresh = [p for p in best.values() if p.target.id not in taken and p.target.id not in done]
        parts = {p.inputs[0].id for p in best.values()}
        if not fresh or len(best) < 2 or len(parts) < len(best):
            continue
        chance = odds(best)
        if chance > MAX_CHANCE:
            continue
        whole = min((p.inputs[1] for p in fresh), key=lambda f: f.position)
        for p in fresh:
            out.append(replace(p, inputs=(p.inputs[0], whole), expr=f"{p.inputs[0].id} / {whole.id}", chance=chance))
        done.update(p.target.id for p in fresh)
    return out


def _counted_before(a: Fig, p: Fig, amounts: Sequence[Fig], low: Fraction, high: Fraction) -> list[Fig]:
    """The wholes of a bare count whose noun the sentence leaves out because an earlier count of
    it names it: "set itself 117 performance targets and achieved 77 or 65.8 percent" (77 of the
    117 targets). Only counts printed before ``a`` in the percentage's sentence."""
    if a.unit is not None or a.kind != "count":
        return []
    return [b for b in amounts if b.quote == p.quote and b.kind == "count" and b.unit is not None
            and 0 <= b.at < a.at and low <= b.value <= high]


def _share_odds(p: Fig, a: Fig, amounts: Sequence[Fig], pool: _Wholes, whole_words: frozenset[str],
                before: Fig | None, said: Fig | None) -> tuple[Fraction, Fraction, frozenset[str], Fraction]:
    """The matches expected by chance for percentage ``p`` as a share with part ``a``: of a whole
    anywhere in the pool, in the sentence, and among the wholes named; and the ids named."""
    # Matches expected by chance: amounts spread over orders of magnitude, so a whole
    # taken at random lands in the narrow band a / P (relative width: the percentage's
    # interval over its value) with odds of that width over the log-range of the wholes.
    # The tries are the parts in its sentence times the wholes, each of the same unit.
    assert p.interval.hi is not None and p.interval.lo is not None
    in_sentence = sum(1 for f in amounts if f.dims == a.dims and f.quote == p.quote)
    # the amount the percentage is set right after is its part ("K8.2 billion or 3.8
    # percent"): the other amounts of the sentence were never tried as the part
    apposed = (a is before and _apposed(a, p)) or a is said
    parts_tried = 1 if apposed else in_sentence
    tried = parts_tried * len(pool.values[a.dims])
    chance = (p.interval.hi - p.interval.lo) / p.value / pool.spread[a.dims] * tried
    # a whole in the sentence itself ("representing 91% of the total ... of $10,291,594")
    # was one of the sentence's amounts: fewer tries; looking in both places doubles them
    local = 2 * (p.interval.hi - p.interval.lo) / p.value / pool.spread[a.dims] * parts_tried * in_sentence
    # "14.0% of total General Fund expenditures and other financing uses": the words after
    # "of" name the whole; the amounts of sentences that say those words are a third, small
    # set of wholes, chosen before any value was looked at (three places: thrice the tries)
    named = pool.named(a.dims, whole_words)
    by_name = 3 * (p.interval.hi - p.interval.lo) / p.value / pool.spread[a.dims] * parts_tried * len(named)
    return chance, local, named, by_name


# "14.0% of total expenditures", "28% van de afgedane zaken": the words that name the whole
_OF_WHOLE = r"\s+(?:of|van)\s+(?:the\s+|de\s+|het\s+|all\s+|alle\s+)?([^.;:()$€£0-9]{3,80})"


_OF_WHOLE_AFTER = re.compile(_OF_WHOLE, re.IGNORECASE)


# "60% of the 2014 Annual Capital Expenditure Budget of $297 million", "15% van het budget van € 2 miljoen"
_WHOLE_PRINTED = re.compile(r"\s+(?:of|van)\s+[^.;:()$€£0-9]{0,60}?(?:[0-9]{4}[^.;:()$€£0-9]{0,60}?)?"
                            r"(?:\bof|\bvan|\bat|\bvan\s+ca\.|\(|:)\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _whole_printed(percent: str, amount: str, quote: str) -> bool:
    """Does the phrase after "p% of" end by printing the amount ("… Budget of $297 million")?"""
    return joined(quote, percent, _WHOLE_PRINTED, amount)


def _whole_words(percent: Fig) -> frozenset[str]:
    """The content words of the phrase after "p% of" that names the percentage's whole, if any."""
    return _whole_words_of(percent.stated, percent.quote)


@functools.lru_cache(maxsize=4096)
def _whole_words_of(stated: str, quote: str) -> frozenset[str]:
    phrase = _whole_phrase(stated, quote)
    return frozenset() if phrase is None else content_words(phrase)


@functools.lru_cache(maxsize=4096)
def _whole_phrase(stated: str, quote: str) -> str | None:
    """The phrase after "p% of" that names the percentage's whole ("budget on housing"), if any."""
    # A percentage is looked at in every passage it stands in: its words once. The figure is found
    # wherever it stands (case aside, as in one pattern of the figure and the phrase) and the
    # phrase after it read with one fixed pattern: compiling that phrase's pattern again for each
    # figure took longer than all the rest.
    literal = _literal(stated)
    found = literal.search(quote)
    while found is not None:
        match = _OF_WHOLE_AFTER.match(quote, found.end())
        if match:
            return match.group(1)
        found = literal.search(quote, found.start() + 1)
    return None


@functools.lru_cache(maxsize=4096)
def _literal(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text), re.IGNORECASE)


_APPOSITION = r"\s*,?\s*(?:or|of|oftewel|ofwel|dat is|i\.e\.|\(|–|—|-)\s*"


# "44 procent na ontslag opnieuw opgenomen, dus 106 personen", "62% ($9,879,710) of the total":
# what the percentage comes to
SAID_CUE = "the percentage comes to the amount"
_COMES_TO = re.compile(r"(?:\s*\(\s*|[^\d%;:.]{0,60}?,?\s*(?:dus|oftewel|ofwel|i\.e\.,?|that is,?)\s*)"
                       r"(?:ca\.?\s*|circa\s*|about\s*)?", re.IGNORECASE)
_RUNS_ON = re.compile(r"[.,]?\d")


def joined(quote: str, first: str, gap: re.Pattern[str], second: str) -> bool:
    """Does the quote print ``first``, then words that ``gap`` matches whole, then ``second`` (not
    running on into more digits)? Positions and one compiled pattern: discovery asks this for
    many pairs of figures, and a pattern built per pair would be compiled per pair."""
    start = quote.find(first)
    while start >= 0:
        end = start + len(first)
        at = quote.find(second, end)
        while at >= 0:
            if gap.fullmatch(quote, end, at) and not _RUNS_ON.match(quote, at + len(second)):
                return True
            at = quote.find(second, at + 1)
        start = quote.find(first, start + 1)
    return False


def _comes_to(percent: Fig, amount: Fig) -> bool:
    """Does the sentence say the percentage comes to the amount: "p procent …, dus/oftewel N"?"""
    return joined(percent.quote, percent.stated, _COMES_TO, amount.stated)


def _apposed(amount: Fig, percent: Fig) -> bool:
    """Is the percentage set right after the amount as its share: "K8.2 billion or 3.8 percent",
    "$30,866,126 (63%)", "€ 6,3 miljoen, oftewel 15 procent"?"""
    return _apposed_in(amount.stated, percent.stated, percent.quote)


@functools.lru_cache(maxsize=4096)
def _apposed_in(amount: str, percent: str, quote: str) -> bool:
    return re.search(re.escape(amount) + _APPOSITION + re.escape(percent), quote, re.IGNORECASE) is not None


# Coincidences expected in the passage that a proposal may have, at most: with wording that ties
# the figures together, and without. A match is kept only when chance alone would rarely give it.
MAX_CHANCE_WITH_CUE = Fraction(1)
MAX_CHANCE = Fraction(1, 20)
MAX_CHANCE_EXACT = Fraction(1, 200)
# A sum of this many parts or more is convincing by its rarity alone, whatever words stand by it.
MANY_PARTS = 4


def _chance(index: "_Passage", target: Fig, width: int | None, scale: int = 1) -> Fraction:
    """How likely one combination of figures lands this close to the target by chance: its value
    is taken as spread evenly over [0, 2·target], and it counts as a match when it falls within
    ``width`` (the computed range, in scaled units) or within the target's own printed precision,
    whichever is wider. :func:`_coincidences` multiplies it by the combinations tried."""
    t_point, t_lo, t_hi = index.scaled[target.id]
    own = (t_hi - t_lo) * scale if t_lo is not None and t_hi is not None else scale
    window = max(width or 0, own, 1)
    size = 2 * abs(t_point) * scale
    if size == 0:
        return Fraction(1)
    return min(Fraction(1), Fraction(window, size))


def _exact_chance(index: "_Passage", target: Fig, inputs: Sequence[Fig]) -> Fraction:
    """How likely one combination lands exactly on the target's printed value by chance: the
    combination's values lie on a grid as fine as the finest printed unit among the figures
    (2.778.000 − 2.500.000 moves in steps of 1.000), spread over [0, 2·target]. Round figures
    have wide rounding intervals, so a match within them is common; an exact one is not."""
    steps = []
    for f in (target, *inputs):
        _, lo, hi = index.scaled[f.id]
        if lo is not None and hi is not None and hi > lo:
            steps.append(hi - lo)
    t_point = index.scaled[target.id][0]
    if not steps or t_point == 0:
        return Fraction(1)
    return min(Fraction(1), Fraction(min(steps), 2 * abs(t_point)))


# A result sentence often follows the sentences that state its inputs ("De geraamde lasten
# bedroegen € 2.778.000. De werkelijke lasten bedroegen € 2.389.000. Dit is een voordeel van
# € 389.000."): the target's sentence and this many before it make its local window. A total is
# as often stated first and broken down after ("Met RIF-2 werd totaal € 127 miljoen subsidie
# beschikbaar gesteld. Voor … € 100 miljoen … opgehoogd met € 27 miljoen"): the target's sentence
# and as many after it make a second window, its tries counted twice since both were looked in.
LOCAL_SENTENCES = 2


def _windows(passage: Sequence[Fig]) -> dict[object, tuple[int, int]]:
    """Figures and percentages per sentence of the passage (key: the quote), in each sentence's
    local window before it (key: ("local", quote)) and after it (key: ("after", quote)), and in
    the whole passage (key None)."""
    out: dict[object, tuple[int, int]] = {None: (len(passage), sum(f.kind == "percent" for f in passage))}
    order: list[str] = []
    for f in passage:
        n, percents = out.get(f.quote, (0, 0))
        if f.quote not in out:
            order.append(f.quote)
        out[f.quote] = (n + 1, percents + (f.kind == "percent"))
    for i, quote in enumerate(order):
        near = order[max(0, i - LOCAL_SENTENCES): i + 1]
        out[("local", quote)] = (sum(out[q][0] for q in near), sum(out[q][1] for q in near))
        out[("near", quote)] = frozenset(near)  # type: ignore[assignment]
        following = order[i: i + 1 + LOCAL_SENTENCES]
        out[("after", quote)] = (sum(out[q][0] for q in following), sum(out[q][1] for q in following))
        out[("following", quote)] = frozenset(following)  # type: ignore[assignment]
    return out


def _window(proposal: Proposal, windows: dict[object, tuple[int, int]]) -> object:
    """The key of the proposal's window in ``windows``: the target's sentence when every input
    stands in it, else the sentences just before it, or just after it, when the inputs stand
    there, else the passage (None)."""
    quote = proposal.target.quote
    near: frozenset[str] | tuple[int, int] = windows.get(("near", quote), frozenset())
    following: frozenset[str] | tuple[int, int] = windows.get(("following", quote), frozenset())
    if all(f.quote == quote for f in proposal.inputs):
        return quote
    if all(f.quote in near and f.position <= proposal.target.position for f in proposal.inputs):
        return ("local", quote)
    if all(f.quote in following and f.position >= proposal.target.position for f in proposal.inputs):
        return ("after", quote)
    return None


def _coincidences(proposal: Proposal, windows: dict[object, tuple[int, int]]) -> Fraction:
    """Matches this good expected by chance among the combinations the search tried in the
    proposal's window: the target's sentence when every input stands in it, else the sentences
    just before it, or just after it, when the inputs stand there, else the passage."""
    quote = proposal.target.quote
    window = _window(proposal, windows)
    quote_only = window == quote
    n, percents = windows[window]
    looks = 2 if window == ("after", quote) else 1
    if proposal.relation == "sum" and len(proposal.inputs) == 2:
        tried = n * (n - 1) // 2  # a sum of two is the difference search read the other way
    elif proposal.relation == "sum":
        parts = min(n - 1, MAX_SUM_CANDIDATES)
        tried = sum(math.comb(parts, k) for k in SUM_TERMS if k <= parts)
    elif proposal.relation == "product":
        tried = n * (n - 1) // 2
    elif proposal.relation == "share":
        tried = percents * (n - percents)
    elif proposal.relation == "ratio":
        return proposal.chance  # counted where the share was found (see _ratios)
    elif proposal.relation == "points":
        # the other pairs of percentages that could have been meant (the target itself is one)
        tried = max(0, (percents - 1) * (percents - 2) - 1) if quote_only else percents * (percents - 1)
        return proposal.chance * tried * looks
    else:
        tried = n * (n - 1)
    return proposal.chance * max(tried, 1) * looks


def _max_chance(proposal: Proposal) -> Fraction:
    # every percentage's sentence has the word "percent": for a share, it is no evidence
    if proposal.relation == "ratio":
        # … but "p procent …, dus N" is: the sentence says what the percentage comes to
        return MAX_CHANCE_WITH_CUE if proposal.cue == SAID_CUE else MAX_CHANCE
    if not proposal.cue:
        return MAX_CHANCE
    if proposal.relation == "sum" and len(proposal.inputs) >= MANY_PARTS:
        # "Total expenses … were $31.7 billion": the word says some sum is meant, not which of the
        # hundreds of combinations of a passage's figures; that one adding up must be rare by itself
        return MAX_CHANCE
    if proposal.relation in ("sum", "difference") and all(
            _significant_digits(f.value) <= 2 for f in (proposal.target, *proposal.inputs)):
        # "decreased by $0.6 billion" beside "$1.4 billion" and "$0.8 billion": figures of one or
        # two digits differ by one another all the time; a word of change does not say which two
        return MAX_CHANCE
    return MAX_CHANCE_WITH_CUE


# How much wider than the stated result's own rounding a computed range may be, for a match within
# rounding: a writer who adds "$1,168,100" and "about $100,000" does not print "$1,047,702".
FINER_THAN_COMPUTED = 100


def _finer_than_computed(index: "_Passage", target: Fig, lo: int | None, hi: int | None) -> bool:
    """Does the target state a precision its inputs cannot give? A sum or difference that meets it
    only within rounding, over a range more than :data:`FINER_THAN_COMPUTED` times the target's own
    printed step ("$1,047,702" within "$1,168,100 - $100,000", whose "$100,000" may be anything from
    $50,000 to $150,000), is a coincidence the rounding of one round figure made: a result computed
    from figures that rough is printed as roughly, or exactly from figures stated exactly."""
    _, t_lo, t_hi = index.scaled[target.id]
    if lo is None or hi is None or t_lo is None or t_hi is None:
        return False
    return hi - lo > FINER_THAN_COMPUTED * max(t_hi - t_lo, 1)


def _too_loose(lo: int | None, hi: int | None, target: int) -> bool:
    """A match within rounding says nothing when the computed range is wider than half the target:
    $25,000 - 24,999 "meets" 0.02, because $25,000 may be anything from $24,500 to $25,500."""
    return lo is None or hi is None or 2 * (hi - lo) > abs(target)


def _denominator(figures: Sequence[Fig]) -> int:
    den = 1
    for f in figures:
        for x in (f.value, f.interval.lo, f.interval.hi):
            if x is not None:
                den = math.lcm(den, x.denominator)
    return den


def _scaled(figures: Sequence[Fig], den: int) -> dict[str, tuple[int, int | None, int | None]]:
    """Each figure's value and interval as integers over one common denominator.

    Exact, like the Fractions they come from, but integer sums and products are far cheaper:
    the search tries every pair and thousands of combinations per passage.
    """

    def scale(x: Fraction | None) -> int | None:
        return None if x is None else int(x * den)

    return {f.id: (int(f.value * den), scale(f.interval.lo), scale(f.interval.hi)) for f in figures}


def _sums(figures: Sequence[Fig], index: _Passage) -> list[Proposal]:
    found: list[Proposal] = []
    scaled = index.scaled
    for total in figures:
        if total.kind == "percent":
            continue
        t_point, t_lo, t_hi = scaled[total.id]
        size = abs(t_point)
        parts = [f for f in figures if f.id != total.id and f.dims == total.dims and 0 < abs(scaled[f.id][0]) < size]
        parts = parts[:MAX_SUM_CANDIDATES]
        points = [scaled[f.id][0] for f in parts]
        # Unbounded parts only ever match exactly; 0 keeps the interval sums integer work.
        los = [scaled[f.id][1] or 0 for f in parts]
        his = [scaled[f.id][2] or 0 for f in parts]
        open_ended = {i for i, f in enumerate(parts) if scaled[f.id][1] is None or scaled[f.id][2] is None}
        bounded = t_lo is not None and t_hi is not None
        for n in SUM_TERMS:
            if n > len(parts):
                break
            # Parallel combinations of the figures, their points and interval ends come out in
            # the same order; sum() over a tuple of ints is the only work most combinations get.
            for combo, pts, lo_ends, hi_ends, where in zip(
                itertools.combinations(parts, n), itertools.combinations(points, n),
                itertools.combinations(los, n), itertools.combinations(his, n),
                itertools.combinations(range(len(parts)), n),
            ):
                if sum(pts) == t_point:
                    exact = True
                else:
                    if not bounded or sum(hi_ends) < t_lo or t_hi < sum(lo_ends):  # type: ignore[operator]
                        continue
                    if open_ended and not open_ended.isdisjoint(where):
                        continue
                    if _too_loose(sum(lo_ends), sum(hi_ends), t_point):
                        continue
                    if _finer_than_computed(index, total, sum(lo_ends), sum(hi_ends)):
                        continue
                    exact = False
                score, cue = index.score(total, combo, "sum", exact)
                expr = "sum(" + ", ".join(f.id for f in combo) + ")"
                chance = _chance(index, total, sum(hi_ends) - sum(lo_ends))
                if exact:
                    # round parts ("€ 100 miljoen") have wide intervals; landing exactly on the
                    # printed total is as rare as for a difference
                    chance = min(chance, _exact_chance(index, total, combo))
                found.append(Proposal(total, tuple(combo), "sum", expr, exact, score, cue, True, chance))
    return found


# a figure broken down right after it: "67% van de adviespunten wordt opgevolgd (54% volledig en 13%
# gedeeltelijk)", "the unrestricted portion is $2,402,776 (Governmental Activities ($906,218) and
# Business-type Activities $3,308,994)", "€ 2,2 miljard, waarvan …", "is 4,600 ringgit, comprising
# 2,200 ringgit STR and 2,400 ringgit SARA"
_PARTS_FOLLOW = re.compile(
    r"^(?:[^()%\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,60}?(?:\(|\bwaarvan\b|\bof which\b|\bnamelijk\b|\bnamely\b|\bcompris(?:ing|es)\b"
    r"|\bconsist(?:ing|s) of\b|\bmade up of\b|\bcomposed of\b|\bbestaande uit\b|\bbestaat uit\b"
    r"|\bopgebouwd uit\b|\bte weten\b|,\s*with\b)", re.IGNORECASE)


def _breakdowns(figures: Sequence[Fig], index: _Passage) -> list[Proposal]:
    """A figure broken down in its own sentence, right after it ("(", "waarvan", "of which"),
    into the figures of its unit that follow, which add up to it (amounts within their rounding,
    percentages exactly); an amount printed in
    brackets counts as negative. The breakdown is one fixed set, so the chance is that of one
    combination landing exactly on the total; percentages, small numbers that meet by chance
    otherwise, are proposed only this way."""
    found: list[Proposal] = []
    for k, total in enumerate(figures):
        at = total.at
        if at < 0 or total.value <= 0 or not _PARTS_FOLLOW.match(total.quote[at + len(total.stated):]):
            continue
        percent = _is_percent(total)
        end = _breakdown_end(total.quote, at + len(total.stated))
        parts = [f for f in figures[k + 1:] if f.quote == total.quote and f.dims == total.dims
                 and _is_percent(f) == percent and (percent or f.kind != "percent")
                 and 0 <= place(total.quote, f.stated, at + len(total.stated)) < end]
        if len(parts) < 2:
            continue
        exact = sum(_signed(f) for f in parts) == total.value
        if exact:
            chance = _exact_chance(index, total, parts)
        else:
            # amounts rounded to the same digit rarely add up to the digit: "K111.6 billion …
            # out of which K93.6 billion … while K18.1 billion"; a percentage's parts are small
            # numbers whose rounding meets almost any total, so they must add up exactly
            span = _rounded_sum(parts, index)
            t_point, t_lo, t_hi = index.scaled[total.id]
            if percent or span is None or t_lo is None or t_hi is None or _too_loose(*span, t_point):
                continue
            if span[1] < t_lo or t_hi < span[0]:
                continue
            chance = _chance(index, total, span[1] - span[0])
        found.append(Proposal(total, tuple(parts), "sum", "sum(" + ", ".join(_signed_id(f) for f in parts) + ")", exact,
                              MIN_SCORE + 2, "a breakdown", True, chance))
    return found


# a sentence that breaks down the amount the one before it ends with: "… expects to raise K167.3
# billion. Of this amount, …", "Hiervan …", "Van dit bedrag …"
_OF_THIS = re.compile(
    r"^\W*(?:(?:out\s+)?of\s+(?:this|that|the)\s+(?:amount|total|sum)\b|(?:hier|daar)van\b"
    r"|van\s+(?:dit|dat|het)\s+(?:bedrag|totaal)\b|(?:this|that)\s+(?:amount|total)\s+(?:comprises|consists\s+of"
    r"|is\s+made\s+up\s+of)\b|dit\s+bedrag\s+bestaat\s+uit\b"
    # "It is divided, inter-alia; a) … 1.60 lakh crore b) … 1.23 lakh crore", "Dit bedrag wordt als volgt verdeeld"
    r"|(?:it|its|it's|this|that)(?:\s+(?:amount|total))?(?:\s+(?:is|has\s+been|will\s+be))?\s+(?:divided|split|distributed"
    r"|broken\s+down|allocated)\b|(?:dit|dat|het)(?:\s+(?:bedrag|totaal))?\s+(?:wordt|is|zal\s+worden)\s+(?:als\s+volgt\s+)?"
    r"(?:verdeeld|opgesplitst|besteed)\b"
    # "These offsets include $1,454,638 for …, $947,447 … and $48,493 …", "Deze kosten bestaan uit …"
    r"|(?:these|those|deze|die)\s+(?:[^\W\d_]+\s+){1,2}?(?:include|comprise|consist\s+of|are\s+made\s+up\s+of|omvatten"
    r"|bestaan\s+uit)\b"
    r")", re.IGNORECASE)


def _broken_down_after(figures: Sequence[Fig], index: _Passage) -> list[Proposal]:
    """An amount broken down by the next sentence, which points back at it ("Of this amount,
    K15.6 billion will be domestic and K38.4 billion external financing"), or which gives each
    part with its percentage as the amount was given with its own ("The balance of K34.7 billion
    or 16.0 percent … Domestic borrowing will be K15.4 billion or 7.1 percent while K19.4 billion
    or 8.9 percent …": both the amounts and the percentages add up). The parts are the amounts of
    that sentence of the unit of the last amount before it, and they add up to it (within
    rounding). The reading is fixed by the words, one combination, so its chance is that of one sum."""
    found: list[Proposal] = []
    sentences = by_sentence(figures)
    for before, sentence in zip(sentences, sentences[1:]):
        listed = _listed_after(before, sentence, index)
        if listed:
            found.extend(listed)
            continue
        total = next((f for f in reversed(before) if f.kind != "percent" and f.value > 0), None)
        if total is None:
            continue
        parts = [f for f in sentence if f.dims == total.dims and f.kind != "percent"]
        if len(parts) < 2 or any(not 0 < f.value < total.value for f in parts):
            continue
        anaphor = _OF_THIS.match(sentence[0].quote)
        if anaphor:
            found.extend(_sum_within_rounding(total, parts, index, anaphor.group(0).strip(" ,")))
            continue
        share = _percent_beside(total, before)
        shares = [_percent_beside(f, sentence) for f in parts]
        if share is None or any(p is None for p in shares):
            continue
        amounts = _sum_within_rounding(total, parts, index, "parts with their percentages")
        percents = _sum_within_rounding(share, [p for p in shares if p is not None], index,
                                        "parts with their percentages")
        if amounts and percents:
            found.extend(amounts + percents)
    return found


def by_sentence(figures: Sequence[Fig]) -> list[list[Fig]]:
    """The figures in runs of one sentence (quote) each, in the order given."""
    sentences: list[list[Fig]] = []
    for f in figures:
        if sentences and sentences[-1][0].quote == f.quote:
            sentences[-1].append(f)
        else:
            sentences.append([f])
    return sentences


# a list set out item by item: "● 338.2 billion ringgit for Federal Operating Expenditure (OE); ● 81 …"
_BULLET = re.compile(r"^\s*[●•▪◦·•●▪–-]\s")
_BULLETS = re.compile(r"(?:^|\s)[●•▪◦·•●▪–-]\s")


def _listed_after(before: Sequence[Fig], sentence: Sequence[Fig], index: _Passage) -> list[Proposal]:
    """An amount of a sentence broken down by the bulleted list that follows it: "expenditure
    amounting to 470 billion ringgit compared with 452 billion ringgit in the previous year." |
    "● 338.2 billion ringgit for …; ● 81 billion ringgit for …; … and ● 10.8 billion ringgit …".
    The items are the list's amounts, one per bullet; each amount of the sentence before is tried
    as their total (the chance counts every one), and only one may fit."""
    quote = sentence[0].quote
    if not _BULLET.match(quote):
        return []
    fits: list[Proposal] = []
    totals = [f for f in before if f.kind != "percent" and f.value > 0]
    for total in totals:
        parts = [f for f in sentence if f.dims == total.dims and f.kind != "percent"]
        if len(parts) < 2 or len(parts) > len(_BULLETS.findall(quote)) or any(not 0 < f.value < total.value for f in parts):
            continue
        fits.extend(replace(p, chance=p.chance * len(totals))
                    for p in _sum_within_rounding(total, parts, index, "a bulleted list after it"))
    return fits if len(fits) == 1 else []


def _percent_beside(amount: Fig, sentence: Sequence[Fig]) -> Fig | None:
    """The percentage printed right after the amount as its share ("K15.4 billion or 7.1 percent")."""
    following = [f for f in sentence if f.position > amount.position or (
        f.position == amount.position and f.at > amount.at)]
    nxt = min(following, key=lambda f: (f.position, f.at), default=None)
    return nxt if nxt is not None and _is_percent(nxt) and _apposed(amount, nxt) else None


def _sum_within_rounding(total: Fig, parts: Sequence[Fig], index: _Passage, cue: str) -> list[Proposal]:
    """The sum total = parts, when the parts add up to it within their rounding (not too loosely)."""
    span = _rounded_sum(parts, index)
    t_point, t_lo, t_hi = index.scaled[total.id]
    if span is None or t_lo is None or t_hi is None or span[1] < t_lo or t_hi < span[0]:
        return []
    exact = sum(_signed(f) for f in parts) == total.value
    if exact:
        chance = _exact_chance(index, total, parts)
    elif _too_loose(*span, t_point):
        return []
    else:
        chance = _chance(index, total, span[1] - span[0])
    return [Proposal(total, tuple(parts), "sum", "sum(" + ", ".join(_signed_id(f) for f in parts) + ")", exact,
                     MIN_SCORE + 2, cue, True, chance)]


def _breakdown_end(quote: str, start: int) -> int:
    """Where a breakdown that opens after ``start`` ends: at the bracket that closes the one it
    opens with ("17.8 million (11.2 million in four-year … and 6.5 million in two-year
    institutions).11, 12": the footnote marks after it are no parts), else at the sentence's end."""
    opening = _PARTS_FOLLOW.match(quote[start:])
    if opening is None or not opening.group(0).endswith("("):
        return len(quote)
    depth = 0
    for i in range(start + opening.end() - 1, len(quote)):
        depth += {"(": 1, ")": -1}.get(quote[i], 0)
        if depth == 0:
            return i
    return len(quote)


def _rounded_sum(parts: Sequence[Fig], index: _Passage) -> tuple[int, int] | None:
    """The interval of the parts' sum (scaled), signed as :func:`_signed` reads them."""
    lo = hi = 0
    for f in parts:
        _, f_lo, f_hi = index.scaled[f.id]
        if f_lo is None or f_hi is None:
            return None
        if _signed(f) < 0 < f.value:
            f_lo, f_hi = -f_hi, -f_lo
        lo, hi = lo + f_lo, hi + f_hi
    return lo, hi


def _signed(f: Fig) -> Fraction:
    """The figure's value, negative when the sentence prints it in brackets ("($906,218)")."""
    return -abs(f.value) if f"({f.stated})" in f.quote else f.value


def _signed_id(f: Fig) -> str:
    return f"-{f.id}" if _signed(f) < 0 < f.value else f.id


# a footnote that explains the figure it is set against: "… bedraagt 265,8 miljoen euro53." with,
# at the foot of the page, "53 Dat is het verschil tussen de ESR-ontvangsten (791,9 miljoen euro)
# en de ESR-uitgaven (526,1 miljoen euro)."
_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(?:dat|dit|het|deze|this|that|it|these)\b", re.IGNORECASE)


def _footnoted(figures: Sequence[Fig]) -> list[Proposal]:
    """Relations a footnote states about the figure its number is set against: the figure is read
    as if it stood in the footnote's sentence, with the footnote's figures as the only others."""
    found: list[Proposal] = []
    by_page: dict[int, list[Fig]] = {}
    for f in figures:
        by_page.setdefault(f.position[0], []).append(f)
    notes: dict[str, list[Fig]] = {}
    for f in figures:
        if _FOOTNOTE.match(f.quote):
            notes.setdefault(f.quote, []).append(f)
    for quote, note in notes.items():
        mark = _FOOTNOTE.match(quote).group(1)  # type: ignore[union-attr]
        page = note[0].position[0]
        marked = [f for f in by_page.get(page, ()) if f.quote != quote and re.search(
            re.escape(f.stated) + r"(?:\s*[^\W\d]+)?" + mark + r"(?!\d)", f.quote)]
        if len(marked) != 1:
            continue  # no figure, or several, carries the footnote's number
        target = replace(marked[0], quote=quote)
        group = sorted([target, *note], key=lambda f: f.position)
        index = _Passage(group)
        windows = _windows(group)
        found.extend(p for p in _binary(group, index) + _sums(group, index)
                     if p.target.id == target.id and p.score >= MIN_SCORE
                     and _coincidences(p, windows) <= _max_chance(p))
    return found


def passages(figures: Sequence[Fig]) -> list[list[Fig]]:
    """Group figures by passage; a long passage is cut where a gap of lines suggests a new paragraph.
    A passage cut only because it holds too many figures goes on with the sentences that stood
    at the end of the last piece (:data:`LOCAL_SENTENCES`), so that a result and the sentences that
    explain it are not cut apart ("… showed the addition of $1,067,432 to fund balance. Revenues …
    were $44,551,616 … Expenditures … were $43,484,184")."""
    groups: dict[tuple[object, ...], list[Fig]] = {}
    for fig in sorted(figures, key=lambda f: f.position):
        groups.setdefault(fig.passage, []).append(fig)
    out: list[list[Fig]] = []
    for group in groups.values():
        current: list[Fig] = []
        for fig in group:
            if current and fig.position[1] - current[-1].position[1] > 12:
                out.append(current)
                current = []
            elif len(current) >= MAX_FIGURES_PER_PASSAGE:
                out.append(current)
                tail = list(dict.fromkeys(f.quote for f in current))[-LOCAL_SENTENCES:]
                current = [f for f in current if f.quote in tail][-MAX_FIGURES_PER_PASSAGE // 2:]
            current.append(fig)
        if current:
            out.append(current)
    return [_with_start(out[i - 1], passage) if i else passage for i, passage in enumerate(out)]


# a page that opens inside a sentence (after the page number the text may carry): "73 of Kshs.3,308,061,239."
_CONTINUES = re.compile(r"^\s*(?:\d{1,4}\s+)?[a-zà-ÿ]")


def _with_start(before: list[Fig], passage: list[Fig]) -> list[Fig]:
    """The passage with the start of its first sentence when a page break cut it: the figures of
    the unfinished last sentence of the page before ("… withdrawn totalling Kshs.3,311,256,594 …,
    while the statement … reflects loan from external development partners" | "73 of
    Kshs.3,308,061,239. The difference of Kshs.3,195,355 …")."""
    first, last = passage[0], before[-1]
    if (first.position[0] != last.position[0] + 1 or not _CONTINUES.match(first.quote)
            or last.quote.rstrip()[-1:] in (".", "!", "?", ":", ";")):
        return passage
    start = [f for f in before if f.quote == last.quote]
    return start + passage if len(start) + len(passage) <= MAX_FIGURES_PER_PASSAGE + LOCAL_SENTENCES else passage


# three numbers with no word between them: the rows of a table run together, not prose
_NUMBER_RUN = re.compile(r"\d[\d.,]*(?:[^\w]+\d[\d.,]*){2}")
_NUMBER_TOKEN = re.compile(r"\d[\d.,]*")
_WORD_TOKEN = re.compile(r"[^\W\d_]{2,}")


@functools.lru_cache(maxsize=4096)
def _prose(quote: str) -> bool:
    """Does the sentence read as prose (more words than numbers, no numbers in a row, mostly words
    in lower case), not as the rows of a table run together ("Cash at Bank and In-hand 2,291,650
    1,414,480 2,344,252", "RUBIN STATE MEASURE 48 VOTER NOMINATED YES 90 YES 109")?"""
    words = _WORD_TOKEN.findall(quote)
    return (not _NUMBER_RUN.search(quote) and len(words) > 2 * len(_NUMBER_TOKEN.findall(quote))
            and 2 * sum(w[0].islower() for w in words) >= len(words))


def _convincing(proposal: Proposal, index: _Passage, windows: dict[object, tuple[int, int]]) -> bool:
    """Kept from the search: scored high enough and rare enough by chance (with wording, up to one
    coincidence expected), or an exact prose match under the strict bound whatever the wording."""
    if _hedge_denies(proposal):
        return False
    chance = _coincidences(proposal, windows)
    if proposal.score >= MIN_SCORE and chance <= _max_chance(proposal) and (
            chance <= MAX_CHANCE or not _far_from_its_total_word(proposal, windows)):
        return True
    figures = (proposal.target, *proposal.inputs)
    if ((proposal.exact or min(index.digits[f.id] for f in figures) >= 4)
            and proposal.relation in ("sum", "difference") and chance <= MAX_CHANCE_EXACT
            and len(proposal.inputs) <= 3 and min(index.digits[f.id] for f in figures) >= 2
            and not any(_NUMBER_RUN.search(f.quote) for f in figures)):
        # an exact match that chance would give once in hundreds, of two or three parts none of
        # them round ("100 euro" makes the grid of a sum look finer than it is), in lines that are
        # no table rows run together: a heading or a chart's labels ("$138.9 million … Funds $43
        # million, … $95.9 million, ESSER III") state their arithmetic without words or prose.
        # Figures of four or more significant digits that meet within their rounding only are as
        # rare a coincidence ("Rs. 461.77 billion … Rs. 214.03 billion … Rs. 247.73 billion": the
        # odds count the rounding's width), and are read the same way
        return True
    return chance <= MAX_CHANCE and _plain_exact(proposal, index)


def _far_from_its_total_word(proposal: Proposal, windows: dict[object, tuple[int, int]]) -> bool:
    """Is the proposal a sum or difference whose only wording is a word of total or balance in the
    target's sentence, with parts beyond that sentence and the two around it? The word says the
    figure is a total, not which figures of the passage make it: "an ending fund balance of $395.4
    million, a decrease of $5.8 million" is not $181.0 + 191.1 + 23.3 million from three other
    sentences, nor "below the target level of $205.1 million" 123.5 + 81.6 from sentences before.
    (A word of change, "a saving of $24.2 million", says the figure is a difference.)"""
    return (proposal.relation in ("sum", "difference") and bool(proposal.cue)
            and bool(_CUES["sum"].fullmatch(proposal.cue or "")) and _window(proposal, windows) is None)


def _hedge_denies(proposal: Proposal) -> bool:
    """Does the target's hedge say it is not what the inputs give exactly? "bijna € 110 miljoen"
    (almost), "more than 500" (above) say the quantity is below or above the printed figure; plain
    figures that land exactly on it ("127 miljoen" − "€ 17 miljoen") give the printed figure itself,
    so the text did not compute it from them. ("about" and "circa" say nothing of the side, and a
    rough result of precise figures, "bijna € 2,4 miljoen" from 29.020.000 − 26.631.000, meets only
    within rounding and is not touched.)"""
    return (proposal.exact and proposal.relation in ("sum", "difference", "product")
            and proposal.target.hedge in ("below", "above") and all(f.hedge == "exact" for f in proposal.inputs))


def _plain_exact(proposal: Proposal, index: _Passage) -> bool:
    """An exact sum (of up to three parts) or difference of figures stated in prose, one of them
    precise, that chance would rarely give (1 in 20, checked by the caller): convincing without words
    that say so ("baten 14,2 … lasten 12,6 … Het positieve resultaat bedroeg 1,6 miljard euro").
    The score's other signs (wording, order) add nothing an exact match of this kind lacks."""
    if not proposal.exact or proposal.relation not in ("sum", "difference") or len(proposal.inputs) > 3:
        return False  # (four or more amounts of a passage add up to a fifth by chance too often)
    figures = (proposal.target, *proposal.inputs)
    # "€ 2,4 miljoen … € 0,3 miljoen … € 2,1 miljoen": two-digit figures meet exactly by chance
    if max(index.digits[f.id] for f in figures) < 3:
        return False
    return all(_prose(f.quote) for f in figures)


def _unrefined(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals without the sums that only break one part of another sum of the same total
    down further: "raise K167.3 billion. Of this amount, K111.6 billion … K1.7 billion. The
    balance of K54.0 billion … Of this amount, K15.6 billion … and K38.4 billion": the text adds
    up K54.0 billion, not its own breakdown of it."""
    sums: dict[str, list[Proposal]] = {}
    for p in proposals:
        if p.relation == "sum":
            sums.setdefault(p.target.id, []).append(p)
    refined: set[int] = set()
    for group in sums.values():
        for fine in group:
            fine_ids = {f.id for f in fine.inputs}
            for coarse in group:
                if len(coarse.inputs) >= len(fine.inputs) or coarse.score < fine.score:
                    continue  # (the same sum over a figure printed twice refines nothing)
                coarse_ids = {f.id for f in coarse.inputs}
                kept = [f for f in coarse.inputs if f.id not in fine_ids]
                if len(kept) == 1 and coarse_ids - {kept[0].id} <= fine_ids and sum(
                        f.value for f in fine.inputs if f.id not in coarse_ids) == kept[0].value:
                    refined.add(id(fine))
    return [p for p in proposals if id(p) not in refined]


# (a share's whole has its own rules of where it may stand: see _ratios and named_wholes)
_NEAREST = ("sum", "difference", "product")


def _nearest_statements(proposals: list[Proposal]) -> list[Proposal]:
    """One reading per equation over one target: of the same values printed in several places ("€4,000
    wired minus €875" in the sentence, €4,000.00 and €875.00 in a table pages on), the inputs are
    the statements that stand nearest the target (in its sentence, else on its page), whatever
    the score made of the others' order or lines: a sentence computes with the figures it prints."""
    def distance(p: Proposal) -> tuple[int, int]:
        return (sum(f.quote != p.target.quote for f in p.inputs),
                sum(f.position[0] != p.target.position[0] for f in p.inputs))

    def key(p: Proposal) -> tuple[object, ...]:
        return p.relation, p.target.id, p.stated, tuple(sorted(f.value for f in p.inputs))

    nearest: dict[tuple[object, ...], tuple[int, int]] = {}
    for p in proposals:
        if p.relation in _NEAREST:
            nearest[key(p)] = min(nearest.get(key(p), distance(p)), distance(p))
    return [p for p in proposals if p.relation not in _NEAREST or distance(p) == nearest[key(p)]]


def _equation_of(proposal: Proposal) -> tuple[object, ...] | None:
    """A sum or difference of two positive figures as one equation of its passage, whichever figure
    it is solved for: "€12,275.00 = €11,400.00 + €875.00" kept, "€875 = €12,275.00 − €11,400.00"
    over another statement of €875 on the page is the same arithmetic, not a second calculation."""
    if proposal.relation not in ("sum", "difference") or len(proposal.inputs) != 2:
        return None
    values = [proposal.target.value, *(f.value for f in proposal.inputs)]
    if min(values) <= 0:
        return None
    total = max(values)
    rest = sorted(values)[:2]
    if rest[0] + rest[1] != total:
        return None  # (a match within rounding only: its figures are not one exact equation)
    return ("equation", proposal.target.passage, total, tuple(rest))


def find_relations(figures: Sequence[Fig]) -> list[Proposal]:
    """Convincing relations among the figures, best first; one per target, no figure set twice."""
    from factcheck.discover.bulleted_parts import bulleted_parts
    from factcheck.discover.changes import rates_beside_levels, stated_changes
    from factcheck.discover.equations import stated_equations
    from factcheck.discover.headed_sums import headed_sums
    from factcheck.discover.labelled_lines import labelled_lines
    from factcheck.discover.net_variances import net_variances
    from factcheck.discover.parallel import parallel_products

    # changes the wording states ("from A to B, an increase of C"), equations the text prints
    # ("3,09% x 95,1% = 2,94%") and totals it states of the sentence before ("Overall, these
    # results …"), whether or not they hold
    from factcheck.discover.struck import CUE as STRUCK_CUE
    from factcheck.discover.struck import struck_and_inserted
    from factcheck.discover.summed_up import summed_up

    proposals: list[Proposal] = ([replace(p, stated=True) for p in stated_equations(figures) + stated_changes(figures)
                                  + rates_beside_levels(figures)] + _footnoted(figures)
                                 + [replace(p, stated=True) for p in summed_up(figures)] + headed_sums(figures)
                                 + net_variances(figures) + bulleted_parts(figures) + labelled_lines(figures)
                                 # an amendment's inserted amount: the struck one and the change it states
                                 + struck_and_inserted(figures))
    document = _Wholes(figures)
    # breakdowns read the same equations the search may find solved for another figure ("in totaal
    # € 1.559.000, waarvan € 275.000 … en € 1.284.000"): they only add what the search did not
    breakdowns: list[Proposal] = []
    grouped = passages(figures)
    indexes: list[_Passage] = []
    joint: list[Proposal] = []
    for passage in grouped:
        index = _Passage(passage)
        indexes.append(index)
        local = _ratios(passage, index)
        passing = [p for p in local if p.score >= MIN_SCORE and p.chance <= _max_chance(p)]
        shares = _one_whole_each(passing, local)
        # a share's whole may stand anywhere in the document ("of the Budget"); tried only for a
        # percentage the passage does not explain, and the chance estimate counts every whole
        done = {p.target.id for p in passing}
        everywhere = _ratios(passage, index, document, done)
        wide = [p for p in everywhere if p.score >= MIN_SCORE]
        shares += _one_whole_each([p for p in wide if p.chance <= _max_chance(p)], everywhere)
        joint.extend(wide)  # tried together once the bracketed shares have had their turn
        if len(passage) < 3:
            proposals.extend(shares)
            continue
        windows = _windows(passage)
        proposals.extend(shares)
        breakdowns.extend(p for p in _breakdowns(passage, index) + _broken_down_after(passage, index)
                          if p.chance <= MAX_CHANCE)
        # the start of a sentence cut by a page break is there for its figures as inputs; as
        # targets they were tried with the page they stand on
        home = passage[-1].passage
        searched = [p for p in _binary(passage, index) + _sums(passage, index) if p.target.passage == home]
        convincing = [_convincing(p, index, windows) for p in searched]
        proposals.extend(p for p, ok in zip(searched, convincing) if ok)
        # exact products sharing a factor are convincing together (see parallel)
        proposals.extend(parallel_products([p for p, ok in zip(searched, convincing) if not ok],
                                           functools.partial(_coincidences, windows=windows)))
    from factcheck.discover.named_wholes import named_whole_shares

    proposals += named_whole_shares(grouped, proposals, document, indexes)
    # a rate of change over two levels the sentences state, for a percentage nothing else explains
    from factcheck.discover.growth_rates import prose_growth_rates

    proposals += prose_growth_rates(grouped, {p.target.id for p in proposals + breakdowns})
    # percentages that add up to, or differ by, a percentage worded as their result
    from factcheck.discover.percent_levels import percent_levels

    proposals += percent_levels(grouped, {p.target.id for p in proposals + breakdowns})
    # the total of a list the next sentence counts back to ("These three species, 39% of the trees")
    from factcheck.discover.counted import counted_totals

    proposals += counted_totals(grouped, {p.target.id for p in proposals + breakdowns})
    # a percentage in brackets after its part ("21 (81%) of the … targets"): a share of a whole stated
    from factcheck.discover.bracketed_shares import bracketed_shares

    proposals += bracketed_shares(grouped, {p.target.id for p in proposals + breakdowns})
    # amounts in brackets after what they are for that add up to one stated before them
    from factcheck.discover.bracketed_parts import bracketed_parts

    proposals += bracketed_parts(grouped, {p.target.id for p in proposals + breakdowns})
    # several shares of one passage that one whole stated elsewhere fits together
    proposals += _one_whole(joint, {p.target.id for p in proposals + breakdowns})
    proposals = _nearest_statements(_unrefined(proposals))
    # Ties go to the relation that accounts for more of the passage's figures ("2,2 miljard,
    # waarvan 1,0 miljard": 0,2 + 0,5 + 0,3 = 1,0 rather than 1,2 - 0,2 = 1,0).
    # A share and "p % of b = c" are one equation over the same figures: the amount is the natural
    # target ("1 procent van 14,7 miljard = 147 miljoen"), so the share yields.
    proposals.sort(key=lambda p: (p.relation == "ratio", -p.score, -len(p.inputs), -abs(p.target.value),
                                  p.target.id, p.expr))
    kept: list[Proposal] = []
    targets: set[str] = set()
    seen_sets: set[frozenset[str]] = set()
    # the same arithmetic over the same values, once: a figure repeated later in the passage
    # ("het gereserveerde overschot van € 278.000") is the result stated again, not a new one
    seen_values: set[tuple[object, ...]] = set()
    equations: dict[tuple[object, ...], frozenset[str]] = {}  # figures of each exact equation kept
    for proposal in proposals:
        values: tuple[object, ...] = (proposal.relation, proposal.target.value,
                                      tuple(sorted(f.value for f in proposal.inputs)))
        if proposal.cue == STRUCK_CUE:
            # each amendment strikes and inserts in its own words: two identical amendments on two
            # pages are two statements, not one result stated again
            values = (*values, proposal.target.position[0])
        equation = _equation_of(proposal)
        if equation is not None and proposal.target.id not in equations.get(equation, (proposal.target.id,)):
            # the equation kept already, over another statement of one of its values; solved for one
            # of its own figures it is a reading of its own. (The other statement may still be read
            # by another equation: "€ 10,6 miljoen" is a part of the € 110,5 miljoen of one answer
            # and the difference of € 111,2 and € 100,6 miljoen in the next.)
            continue
        if proposal.target.id in targets or proposal.figure_ids in seen_sets or values in seen_values:
            continue
        kept.append(proposal)
        targets.add(proposal.target.id)
        seen_sets.add(proposal.figure_ids)
        seen_values.add(values)
        if equation is not None:
            equations.setdefault(equation, proposal.figure_ids)
    # A breakdown the wording states is a second reading of a figure that has one already, when it
    # uses none of its figures: "The balance of K34.7 billion or 16.0 percent …" is 100 − 80.2 − 3.8
    # percent of the budget and also the 7.1 + 8.9 percent of its two sources the next sentence gives
    inputs_of: dict[str, set[str]] = {}
    for proposal in kept:
        inputs_of.setdefault(proposal.target.id, set()).update(f.id for f in proposal.inputs)
    for proposal in breakdowns:
        used = inputs_of.get(proposal.target.id)
        if proposal.figure_ids in seen_sets or (used is not None and (
                not used or not used.isdisjoint(f.id for f in proposal.inputs))):
            continue
        kept.append(proposal)
        inputs_of.setdefault(proposal.target.id, set()).update(f.id for f in proposal.inputs)
        seen_sets.add(proposal.figure_ids)
    from factcheck.discover.restated import restated

    kept = _unflattened(kept)
    return kept + restated(figures, kept)


def _unflattened(kept: list[Proposal]) -> list[Proposal]:
    """The proposals without the sums that add up another kept sum's parts in place of its total,
    when the equation over that total is kept too: "The total direct costs are $1,802,920 of which
    $1,705,002 … $6,418 … and $91,500", "indirect costs … $947,080", "The total cost … is
    $2,750,000" computes $1,802,920 + $947,080, which the difference $2,750,000 − $1,802,920 already
    reads; the sum of all four figures repeats that arithmetic over the breakdown's figures."""
    sums = [p for p in kept if p.relation == "sum" and p.exact]
    sets = {p.figure_ids for p in kept}
    dropped: set[int] = set()
    for flat in sums:
        if len(flat.inputs) < 3:
            continue
        ids = {f.id for f in flat.inputs}
        for part in sums:
            inner = {f.id for f in part.inputs}
            if part is flat or part.target.id in ids or not inner < ids:
                continue
            coarse = frozenset({flat.target.id, part.target.id} | (ids - inner))
            if coarse in sets:
                dropped.add(id(flat))
                break
    return [p for p in kept if id(p) not in dropped]
