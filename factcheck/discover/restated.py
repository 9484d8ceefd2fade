"""A figure stated again in other words carries the relation of its first statement: "The General
Fund unreserved and undesignated fund balance of $6,103,664 is 14.0% of total General Fund
expenditures" (p1) and "the General Fund showed a 14.0% unreserved and undesignated fund balance
to total expenditures" (p4, its part and whole not repeated).

The restatement is the same printed figure in a sentence that says the same thing: three content
words or more in common, at least half of the shorter sentence's. The relation is proposed for it
over the first statement's inputs, so the check judges both alike. A percentage printed in
brackets after its own part ("one (17%) was not achieved") states the share of that part, not again
another sentence's share: the many alike sentences of a report ("Of these APP targets, all four
(100%) …", "Of these APP targets, five (100%) …") are not restatements of one another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.discover.bracketed_shares import bracketed_pairs
from factcheck.discover.figures import Fig, shared_words
from factcheck.discover.relations import Proposal, by_sentence

MIN_SHARED = 3


def _restates(a: Fig, b: Fig) -> bool:
    if a.stated != b.stated or a.value != b.value or a.unit != b.unit or a.hedge != b.hedge or a.quote == b.quote:
        return False
    shared = shared_words(a.words, b.words)
    return shared >= MIN_SHARED and 2 * shared >= min(len(a.words), len(b.words))


def restated(figures: Sequence[Fig], kept: Sequence[Proposal]) -> list[Proposal]:
    """The relations of ``kept`` proposed again for restatements of their targets that have none;
    only relations known to hold (exact, or a share, which is found only when it fits): one read
    from the words alone may not, and its restatement is no second error."""
    targets = {p.target.id for p in kept}
    # (a bracketed share's own part is right before it: it restates no other statement)
    targets |= {p.id for sentence in by_sentence(figures) for _, p in bracketed_pairs(sentence)}
    used = {f.id for p in kept for f in p.inputs}
    by_stated: dict[str, list[Fig]] = {}
    for f in figures:
        by_stated.setdefault(f.stated, []).append(f)
    out: list[Proposal] = []
    for p in kept:
        if not (p.exact or p.relation == "ratio"):
            continue
        for f in by_stated.get(p.target.stated, ()):
            if f.id in targets or f.id in used or not _restates(p.target, f):
                continue
            out.append(replace(p, target=f, cue=f"restates {p.target.id}"))
            targets.add(f.id)
    return out
