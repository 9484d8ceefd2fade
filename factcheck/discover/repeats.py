"""The same quantity stated more than once: corroborated when the statements agree, a conflict when not.

"The same quantity" means the same unit, the same topic, and overlapping periods. The topic is
judged on the content words of the subject and the sentence, because the extractor often finds
no subject for a figure at the start of a clause ("Voor het jaar 2027 is 500 miljoen euro …").
Statements that agree are grouped even across periods: "een vaste capaciteit van 41.000
opvangplekken" decided in 2023 and kept from 2027 on is one figure, stated six times.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

from factcheck.discover.figures import Fig, periods_overlap, topic_similarity

MIN_TOPIC_SIMILARITY = 0.5
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


def _similarity(a: Fig, b: Fig) -> float:
    return topic_similarity(a.words, b.words)


def _related(a: Fig, b: Fig) -> bool:
    # A document does not restate one quantity within a passage; two figures there are two things
    # ("2.820 beroepen ingediend en 3.010 afgehandeld").
    if a.dims != b.dims or a.dims is None or a.kind != b.kind:
        return False
    if a.value == b.value:
        return _similarity(a, b) >= MIN_TOPIC_SIMILARITY_EQUAL
    return a.passage != b.passage and periods_overlap(a.period, b.period) and _similarity(a, b) >= MIN_TOPIC_SIMILARITY


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
    """Groups of statements of the same quantity, in document order; small round numbers skipped."""
    candidates = [f for f in figures if f.value != 0 and not (f.value.denominator == 1 and abs(f.value) < 10)]
    parent = {f.id: f.id for f in candidates}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Only pairs that _related can accept are compared: equal values within one unit and kind,
    # and different values only between figures with a period (an unknown period overlaps
    # nothing). A long document has thousands of figures; comparing every pair is quadratic.
    same_value: dict[tuple[object, ...], list[Fig]] = {}
    dated: dict[tuple[object, ...], list[Fig]] = {}
    for fig in candidates:
        if fig.dims is None:
            continue
        same_value.setdefault((fig.dims, fig.kind, fig.value), []).append(fig)
        if fig.period is not None:
            dated.setdefault((fig.dims, fig.kind), []).append(fig)
    for group in same_value.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if root(a.id) != root(b.id) and _similarity(a, b) >= MIN_TOPIC_SIMILARITY_EQUAL:
                    parent[root(a.id)] = root(b.id)
    for group in dated.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.value != b.value and root(a.id) != root(b.id) and _related(a, b):
                    parent[root(a.id)] = root(b.id)

    clusters: dict[str, list[Fig]] = {}
    for fig in candidates:
        clusters.setdefault(root(fig.id), []).append(fig)
    out = []
    for members in clusters.values():
        if len(members) < MIN_GROUP:
            continue
        members.sort(key=lambda f: f.position)
        out.append(RepeatGroup(tuple(members)))
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
