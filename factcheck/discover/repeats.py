"""The same quantity stated more than once: corroborated when the statements agree, a conflict when not.

"The same quantity" means the same unit, the same topic, and overlapping periods. The topic is
judged on the content words of the subject and the sentence, because the extractor often finds
no subject for a figure at the start of a clause ("Voor het jaar 2027 is 500 miljoen euro …").
Statements that agree are grouped even across periods: "een vaste capaciteit van 41.000
opvangplekken" decided in 2023 and kept from 2027 on is one figure, stated six times.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from factcheck.discover.figures import (
    Fig,
    periods_overlap,
    shared_words,
    topic_similarity,
)

# Equal values are cheap evidence of the same quantity only when the number is not trivial;
# then a weaker topic match is enough to corroborate.
MIN_TOPIC_SIMILARITY_EQUAL = 0.25
MIN_GROUP = 2
# Two plain (unhedged) statements of one quantity that differ by more than this are a conflict
# even when their rounding intervals touch: "1 miljard" and "500 miljoen" are not the same
# amount, whatever a one-digit figure's ±50 % rounding interval allows.
CONFLICT_MARGIN = Fraction(1, 10)


@dataclass(frozen=True)
class RepeatGroup:
    """Statements of one quantity. Whether they agree is the verdict's business (judge_statements)."""

    members: tuple[Fig, ...]


# A sentence with more numbers than this (dates included) is a listing, such as a table read as
# text or a register of events; its figures may corroborate others but never contradict them.
MAX_NUMBERS_PER_STATEMENT = 6
# Two different values are called one quantity only when their sentences say the same thing:
# this many content words in common, and this share of all their content words. Two sentences
# of one pattern about different things ("de reserve visserij", "de reserve apurement"; "OESO-
# donoren", "EU-donoren") each have words the other lacks.
MIN_SHARED_WORDS_CONFLICT = 3
MIN_WORD_OVERLAP_CONFLICT = 0.75
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# A sentence that changes an amount: "be decreased by … to", "increased from … to", "verhoogd met …
# tot", "gewijzigd van … naar"
_CHANGED = re.compile(
    r"\b(?:increased|decreased|reduced|raised|lowered|amended|revised|adjusted|changed|cut)\s+(?:by|from)\b"
    r"|\b(?:verhoogd|verlaagd|verminderd|bijgesteld|gewijzigd|aangepast|opgehoogd)\s+(?:met|van)\b",
    re.IGNORECASE)


def _similarity(a: Fig, b: Fig) -> float:
    return topic_similarity(a.words, b.words)


@functools.lru_cache(maxsize=4096)
def _numbers(quote: str) -> int:
    return len(_DIGITS.findall(quote))


@functools.lru_cache(maxsize=4096)
def _template(quote: str) -> str:
    return " ".join(_DIGITS.sub("#", quote).split())


def _contradicts(a: Fig, b: Fig) -> bool:
    """May two different values be statements of one quantity, so that they conflict?

    Only on solid evidence: other passages, overlapping periods, a strong topic match with
    several words in common, and not two fillings of one sentence pattern ("de reserve visserij
    is 24,6 miljoen" / "... 85,1 miljoen", a running head with a page number, a variant list).
    """
    # A document does not restate one quantity within a passage; two figures there are two things
    # ("2.820 beroepen ingediend en 3.010 afgehandeld").
    if a.passage == b.passage or not periods_overlap(a.period, b.period):
        return False
    if a.quote == b.quote or _template(a.quote) == _template(b.quote):
        return False
    if _cut(a.quote) or _cut(b.quote):
        # a piece of a long sentence ("… wage increase of $300 in 2020.") lacks the words that
        # say what the figure is about, and whether the sentence is a pattern filled in twice
        return False
    if _numbers(a.quote) > MAX_NUMBERS_PER_STATEMENT or _numbers(b.quote) > MAX_NUMBERS_PER_STATEMENT:
        return False
    if _CHANGED.search(a.quote) or _CHANGED.search(b.quote):
        # a level the sentence changes ("That the $6,949,778 provision … be decreased by
        # $2,602,778 to $4,347,000", the next motion's "$4,347,000 provision … be increased by"):
        # the quantity before and after, each right when it is stated
        return False
    shared = shared_words(a.words, b.words)
    overlap = shared / (len(a.words) + len(b.words) - shared) if shared else 0.0
    if shared < MIN_SHARED_WORDS_CONFLICT or overlap < MIN_WORD_OVERLAP_CONFLICT:
        return False
    if _names(a.quote) != _names(b.quote):
        # a name one sentence has and the other lacks is another subject: "De WOZ-waarde van een
        # woning in Amsterdam … 35 m2" is a second worked example, not the first one's 60 m2
        return False
    lead_a, lead_b = _lead_name(a.quote), _lead_name(b.quote)
    if lead_a and lead_b and lead_a != lead_b:
        # sentences that open with other names speak of other things: "Children's Services reported
        # a net favourable variance of $11.065 million …", "Legal Services reported a net
        # unfavourable variance of $0.635 million …"
        return False
    return not _refilled(a, b)


# words that open a sentence without naming its subject (English, then Dutch)
_OPENERS = frozenset(
    "the a an this that these those in for on at by as of it its there our we all total each "
    "de het een dit dat deze die voor op bij als van er ons onze wij alle totaal elk elke".split())
_LEAD = re.compile(r"^[\W\d_]*((?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&.-]*)")


@functools.lru_cache(maxsize=4096)
def _lead_name(quote: str) -> str:
    """The name a sentence opens with ("Legal Services", "Children's Services"), or "" when it
    opens with another word ("The Program reported …")."""
    m = _LEAD.match(quote)
    if not m:
        return ""
    words = m.group(1).split()
    while words and words[0].lower().strip(".") in _OPENERS:
        words = words[1:]
    # a sentence's own first word is capitalised whatever it is: a name takes two words, or one
    # that is capitalised inside too ("OLAF", "McKinsey")
    if len(words) < 2 and not (words and any(ch.isupper() for ch in words[0][1:])):
        return ""
    return " ".join(words).lower()


_NAME = re.compile(r"(?<=[\w,;:)] )[A-Z][a-z]+(?:[A-Z]\w*)?\b")


@functools.lru_cache(maxsize=4096)
def _names(quote: str) -> frozenset[str]:
    """The capitalised words inside a sentence (not its opening words, "The Government will …"):
    names of places, bodies, programmes."""
    words = quote.split(maxsplit=2)
    return frozenset(_NAME.findall(words[2] if len(words) == 3 else ""))


def _cut(quote: str) -> bool:
    """Is the quote a piece cut from a longer sentence (extract.context.quote marks the cuts)?"""
    return quote.startswith("… ") or quote.endswith(" …")


# Two sentences this alike once their numbers are masked are one sentence pattern.
MIN_PATTERN_LIKENESS = 0.7
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH = (r"(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch)?|maart|apr(?:il)?|may|mei|june?|juni|july?|juli|"
          r"aug(?:ust|ustus)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = re.compile(r"\b" + _MONTH + r"\s+\d{1,2}\b|\b\d{1,2}\s+" + _MONTH + r"(?!\w)", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)\b")


def _refilled(a: Fig, b: Fig) -> bool:
    """One sentence pattern filled in for two different things: the sentences read alike with their
    numbers masked, each holds another number besides its figure and the years, and none of those
    is the same in both ("The Budget requests $60.4 billion ..., a $0.6 billion or one-percent
    decrease" in one agency's chapter, "$73.3 billion ..., a $1.1 billion increase" in the next).
    A sentence whose only number is its figure, restated elsewhere with another value, stays a
    candidate conflict: that is how a figure changed in one place and not the other looks."""
    if difflib.SequenceMatcher(None, _template(a.quote).split(), _template(b.quote).split()).ratio() \
            < MIN_PATTERN_LIKENESS:
        return False

    def others(f: Fig) -> set[str]:
        own = set(_DIGITS.findall(f.stated))
        # (a fiscal year "2020-21" is a year: its "21" is no number the two sentences share, nor is
        # the day of a date, "for the year ended December 31, 2014")
        text = _DAY.sub(" ", _YEAR_SPAN.sub(" ", f.quote))
        return {n for n in _DIGITS.findall(text) if not _YEAR.match(n) and n not in own}

    na, nb = others(a), others(b)
    if na & nb:
        return False  # another number in common: the same thing, reworded
    if na and nb:
        return True
    # The pattern filled in with other words too ("The FY 2019 Base program reduction (-$0.794
    # Million), as compared to the Previous President's Budget" on one program element's page,
    # "… program adjustment ($0.137 Million) …" on the next): a budget book's boilerplate about
    # two things. A figure left stale in one place and updated in the other keeps its words.
    return _words(a) != _words(b)


# A sentence pattern the document fills in with this many values is a form it writes for many
# things: "The 2016 annualized impact is $0.148 million gross and $0 net." under one proposal,
# "… is $1.447 million gross and net." under another. Two of its values are no conflict.
FORM_VALUES = 3
_OPENING = 4  # words a form's sentences open with alike


def _form_sentence(a: Fig, b: Fig, kind: Sequence[Fig]) -> bool:
    """Are ``a`` and ``b`` two fillings of a sentence pattern the document fills in with
    :data:`FORM_VALUES` values or more (among ``kind``, the figures of their unit)?"""
    opening = _template(a.quote).split()[:_OPENING]
    values = set()
    for f in kind:
        words = _template(f.quote).split()
        if words[:_OPENING] == opening and _alike(f.quote, a.quote) and _alike(f.quote, b.quote):
            values.add(f.value)
            if len(values) >= FORM_VALUES:
                return True
    return False


@functools.lru_cache(maxsize=4096)
def _alike(x: str, y: str) -> bool:
    return difflib.SequenceMatcher(None, _template(x).split(), _template(y).split()).ratio() >= MIN_PATTERN_LIKENESS


def _words(f: Fig) -> list[str]:
    """The words of a figure's sentence, its own figure and every number left out."""
    return [w.lower() for w in _template(f.quote.replace(f.stated, " ")).split() if any(c.isalpha() for c in w)]


def _compatible(a: Fig, b: Fig) -> bool:
    # Members of one group: equal, or of periods that cannot clash, or directly in conflict.
    return a.value == b.value or not periods_overlap(a.period, b.period) or _contradicts(a, b)


def disagree(a: Fig, b: Fig) -> bool:
    """True when two statements of one quantity cannot both be right."""
    if a.value == b.value:
        return False
    if not a.interval.meets(b.interval):
        return True
    larger = max(abs(a.value), abs(b.value))
    plain = a.interval.lo is not None and b.interval.lo is not None and a.hedge == b.hedge == "exact"
    return plain and abs(a.value - b.value) > CONFLICT_MARGIN * larger


def find_repeats(figures: Sequence[Fig]) -> list[RepeatGroup]:
    """Groups of statements of the same quantity, in document order; small round numbers skipped.

    Equal values with a common topic form groups first. Two groups with different values join
    only when every pair across them that could disagree is itself a direct match
    (:func:`_contradicts`): a conflict is never inferred through a chain of resemblances.
    """
    candidates = [
        f for f in figures
        if f.value != 0 and not (f.value.denominator == 1 and abs(f.value) < 10) and f.dims is not None
    ]
    parent = {f.id: f.id for f in candidates}
    members: dict[str, list[Fig]] = {f.id: [f] for f in candidates}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
            members[rb].extend(members.pop(ra))

    # Only pairs that can match are compared: equal values within one unit and kind, and
    # different values only between figures with a period (an unknown period overlaps nothing).
    # A long document has thousands of figures; comparing every pair is quadratic.
    same_value: dict[tuple[object, ...], list[Fig]] = {}
    dated: dict[tuple[object, ...], list[Fig]] = {}
    same_kind: dict[tuple[object, ...], list[Fig]] = {}
    for fig in candidates:
        same_value.setdefault((fig.dims, fig.kind, fig.value), []).append(fig)
        same_kind.setdefault((fig.dims, fig.kind), []).append(fig)
        if fig.period is not None:
            dated.setdefault((fig.dims, fig.kind), []).append(fig)
    for group in same_value.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if root(a.id) != root(b.id) and _similarity(a, b) >= MIN_TOPIC_SIMILARITY_EQUAL:
                    join(a.id, b.id)
    links = [
        (a, b) for key, group in dated.items() for i, a in enumerate(group) for b in group[i + 1:]
        if a.value != b.value and _contradicts(a, b) and not _form_sentence(a, b, same_kind[key])
    ]
    for a, b in links:
        ra, rb = root(a.id), root(b.id)
        if ra != rb and all(_compatible(x, y) for x in members[ra] for y in members[rb]):
            join(a.id, b.id)

    clusters: dict[str, list[Fig]] = {}
    for fig in candidates:
        clusters.setdefault(root(fig.id), []).append(fig)
    out = []
    for cluster in clusters.values():
        if len(cluster) < MIN_GROUP:
            continue
        cluster.sort(key=lambda f: f.position)
        out.append(RepeatGroup(tuple(cluster)))
    out.sort(key=lambda g: g.members[0].position)
    return out


def judge_statements(figures: Sequence[Fig]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The verdict on statements said to be of one quantity: conflict, consistent or rounding.

    Statements disagree when their periods overlap and their values cannot both hold
    (see :func:`disagree`); statements in different periods may differ.
    """
    pairs = tuple(
        (a.id, b.id)
        for i, a in enumerate(figures) for b in figures[i + 1:]
        if (a.period is None or b.period is None or periods_overlap(a.period, b.period)) and disagree(a, b)
    )
    if pairs:
        return "conflict", pairs
    if len({f.value for f in figures}) == 1:
        return "consistent", ()
    return "rounding", ()
